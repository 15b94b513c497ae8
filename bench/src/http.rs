//! A minimal HTTP/1.1 client for load: one keep-alive connection per
//! simulated client, requests one after another on it (closed loop), so N
//! connections are exactly N concurrent clients.

use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub type Sender = SendRequest<Empty<Bytes>>;

/// Open a connection to `addr` and start its driver task.
pub async fn connect(addr: SocketAddr) -> Result<Sender, String> {
    let stream = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect {addr}: {e}"))?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender)
}

/// A GET of `path_and_query` to `addr` (Host header included).
pub fn get(addr: SocketAddr, path_and_query: &str) -> hyper::Request<Empty<Bytes>> {
    hyper::Request::get(path_and_query)
        .header(hyper::header::HOST, format!("localhost:{}", addr.port()))
        .body(Empty::new())
        .unwrap_or_else(|_| hyper::Request::new(Empty::new()))
}

/// Send one GET and read the whole answer; returns the status and body.
pub async fn fetch(
    sender: &mut Sender,
    addr: SocketAddr,
    path_and_query: &str,
) -> Result<(u16, Bytes), String> {
    sender.ready().await.map_err(|e| e.to_string())?;
    let response = sender
        .send_request(get(addr, path_and_query))
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok((status, body))
}
