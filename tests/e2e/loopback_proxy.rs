//! An HTTP forward proxy on loopback that sends every request to 127.0.0.1,
//! on the port the request's URL names, with its `Host` header unchanged.
//!
//! It is how WebKitGTK opens the app on a made-up host name (classroom
//! mode's `classroom.test`): Chromium maps a name with
//! `--host-resolver-rules` and Firefox with the `network.dns.localDomains`
//! pref, but WebKitGTK has no such switch, and the name must not go into
//! the machine's `/etc/hosts`. WebKit asks GLib for its proxy, and GLib's
//! libproxy module reads `http_proxy` from the environment the harness
//! starts WebKitWebDriver (and so the browser) with. Plain http only: the
//! lab's origins are all http.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The proxy's accept loop; Drop stops it (connections still open end with
/// the test's runtime, or when the browser goes).
pub struct LoopbackProxy {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl LoopbackProxy {
    pub async fn start() -> LoopbackProxy {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the loopback proxy");
        let port = listener.local_addr().expect("the proxy's address").port();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let _ = forward(client).await;
                });
            }
        });
        LoopbackProxy { port, task }
    }
}

impl Drop for LoopbackProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One request: read its head, send it in origin form to 127.0.0.1 with
/// `Connection: close` (so each connection carries one request and the
/// next one is read afresh), then copy both ways until both ends close.
async fn forward(mut client: TcpStream) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 8192];
    let end = loop {
        let n = client.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
        if let Some(at) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        if head.len() > 64 * 1024 {
            return refuse(&mut client, "a request head over 64 KiB").await;
        }
    };
    let text = String::from_utf8_lossy(&head[..end]).into_owned();
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().splitn(3, ' ');
    let (method, target, version) = (
        request_line.next().unwrap_or_default(),
        request_line.next().unwrap_or_default(),
        request_line.next().unwrap_or_default(),
    );
    let Some((port, path)) = url::Url::parse(target)
        .ok()
        .filter(|url| url.scheme() == "http")
        .and_then(|url| {
            let port = url.port_or_known_default()?;
            Some((
                port,
                url[url::Position::BeforePath..url::Position::AfterQuery].to_owned(),
            ))
        })
    else {
        return refuse(&mut client, "not an absolute http URL").await;
    };
    let mut out = format!("{method} {path} {version}\r\n");
    for line in lines.filter(|l| !l.is_empty()) {
        let name = line.split(':').next().unwrap_or_default().trim();
        if ["connection", "proxy-connection", "keep-alive"]
            .iter()
            .any(|hop| name.eq_ignore_ascii_case(hop))
        {
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut upstream = TcpStream::connect(("127.0.0.1", port)).await?;
    upstream.write_all(out.as_bytes()).await?;
    upstream.write_all(&head[end..]).await?;
    tokio::io::copy_bidirectional(&mut client, &mut upstream).await?;
    Ok(())
}

async fn refuse(client: &mut TcpStream, why: &str) -> std::io::Result<()> {
    let body = format!("the e2e loopback proxy refused {why}\n");
    let answer = format!(
        "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    client.write_all(answer.as_bytes()).await
}
