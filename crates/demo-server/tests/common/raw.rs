//! A raw HTTP/1.1 client for the tests that talk to the server over real
//! sockets (the rest call the routers in-process): the request written by
//! hand, so a test controls every line (the `Host`, an `Origin`, a
//! preflight's headers), and the answer read as it came over the wire
//! (repeated header lines stay separate).

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// How long an answer may take.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// An answer read to the end of its connection.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    /// The status line and header lines as sent.
    pub head: String,
    /// Header lines in order, names lower-cased, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked if it came chunked.
    pub body: String,
}

impl RawAnswer {
    /// The first value of a header (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.all(name).into_iter().next()
    }

    /// Every value of a header (any case), one per line sent.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn parse(raw: &str) -> RawAnswer {
        let (head, body) = raw.split_once("\r\n\r\n").expect("head and body");
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("no status line: {head}"));
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
        RawAnswer {
            status,
            head: head.to_owned(),
            headers,
            body: if chunked {
                dechunk(body)
            } else {
                body.to_owned()
            },
        }
    }
}

/// Connect to `addr` and send `<method> <target> HTTP/1.1` with `headers`
/// (`Host: <addr>` first unless `headers` has a Host); the open connection,
/// to read the answer from.
pub async fn open(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut request = format!("{method} {target} HTTP/1.1\r\n");
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("host"))
    {
        request.push_str(&format!("Host: {addr}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    stream
}

/// One request on its own connection (`Connection: close`), its answer
/// read to the end.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
) -> RawAnswer {
    let mut all = vec![("Connection", "close")];
    all.extend_from_slice(headers);
    let mut stream = open(addr, method, target, &all).await;
    let mut raw = Vec::new();
    timeout(PATIENCE, stream.read_to_end(&mut raw))
        .await
        .expect("answer in time")
        .expect("read");
    RawAnswer::parse(&String::from_utf8(raw).expect("UTF-8 answer"))
}

/// [`request`] with `GET`.
pub async fn get(addr: SocketAddr, target: &str, headers: &[(&str, &str)]) -> RawAnswer {
    request(addr, "GET", target, headers).await
}

fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).expect("chunk size");
        if size == 0 {
            break;
        }
        body.push_str(&after[..size]);
        rest = &after[size + 2..];
    }
    body
}
