//! `GET /api/proxy/users.json` on the app origin: why a same-origin proxy
//! works where the page's own cross-origin fetch cannot read the answer.
//!
//! The server fetches the API origin's `/users.json` itself, over a real HTTP
//! connection on loopback, and hands the JSON to the page from its own origin.
//! The same-origin policy is a rule browsers enforce on pages; between two
//! servers there is no browser, so no `Origin` header is sent and no CORS
//! header is needed. The API origin logs that server-to-server request (with
//! `via=proxy` in its query, and no `Origin`), next to the app origin's log
//! line for the page's request to the proxy.
//!
//! Nothing from the page's request is passed on (no cookies, no headers): the
//! proxy asks as itself.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{ACCEPT, CONTENT_TYPE, HOST, USER_AGENT};
use axum::http::{HeaderValue, Request, Uri};
use axum::response::{IntoResponse, Response};
use cors_core::wire::{Role, LEARNER_PARAM};
use http_body_util::{BodyExt, Empty, Limited};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::error::AppError;
use crate::record::learner_from_query;
use crate::state::AppState;

/// The app origin's proxy route.
pub const PROXY_USERS_PATH: &str = "/api/proxy/users.json";

/// What the proxy fetches on the API origin.
const UPSTREAM_PATH: &str = "/users.json";

/// The query parameter (`via=proxy`) marking the proxy's requests in the log.
pub const VIA_PARAM: &str = "via";

/// The `User-Agent` the proxy sends, so the log shows who is asking.
pub const PROXY_USER_AGENT: &str = "cors-lab-demo-server (same-origin proxy)";

/// The whole upstream exchange must finish within this.
const UPSTREAM_TIMEOUT: Duration = Duration::from_secs(5);

/// Upstream answers longer than this are refused (the demo origins' files are tiny).
const UPSTREAM_BODY_LIMIT: usize = 256 * 1024;

/// The handler: the API origin's answer (status, content type, body), passed
/// on; a JSON 502 when the API origin cannot be reached.
pub(crate) async fn proxy_users(State(state): State<AppState>, uri: Uri) -> Response {
    let learner = learner_from_query(uri.query());
    match fetch_upstream(&state, learner.as_deref()).await {
        Ok(response) => response,
        Err(message) => AppError::BadGateway(message).into_response(),
    }
}

async fn fetch_upstream(state: &AppState, learner: Option<&str>) -> Result<Response, String> {
    let addr = api_socket(state.listen_host(), state.port(Role::Api));
    let target = upstream_url(addr, learner);
    let path_and_query = target
        .strip_prefix(&format!("http://{addr}"))
        .unwrap_or(UPSTREAM_PATH);
    let (parts, body) = loopback_get(
        addr,
        path_and_query,
        &addr.to_string(),
        PROXY_USER_AGENT,
        "application/json",
    )
    .await
    .map_err(|err| format!("the API origin at {target}: {err}"))?;

    let mut response = Response::new(Body::from(body));
    *response.status_mut() = parts.status;
    let content_type = parts
        .headers
        .get(CONTENT_TYPE)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("application/json"));
    response.headers_mut().insert(CONTENT_TYPE, content_type);
    Ok(response)
}

/// `GET path_and_query` from the server itself to `addr` (one of the demo
/// origins, on loopback), as any program outside a browser would send it:
/// `Host: host`, the given `User-Agent` and `Accept`, no `Origin`, no cookies. A fresh
/// connection, a time limit and a cap on the body. The answer's head and
/// body, or why there is none.
pub(crate) async fn loopback_get(
    addr: SocketAddr,
    path_and_query: &str,
    host: &str,
    user_agent: &str,
    accept: &str,
) -> Result<(axum::http::response::Parts, Bytes), String> {
    let uri = format!("http://{addr}{path_and_query}");
    let request = Request::get(uri.as_str())
        .header(HOST, host)
        .header(USER_AGENT, user_agent)
        .header(ACCEPT, accept)
        .body(Empty::<Bytes>::new())
        .map_err(|err| format!("cannot build the request: {err}"))?;

    let mut connector = HttpConnector::new();
    connector.set_connect_timeout(Some(UPSTREAM_TIMEOUT));
    // A fresh connection per request: no idle connection outlives the request
    // (and none holds the other origin's graceful shutdown).
    let client: Client<HttpConnector, Empty<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(0)
        .build(connector);

    let exchange = async {
        let upstream = client
            .request(request)
            .await
            .map_err(|err| format!("did not answer ({err})"))?;
        let (parts, body) = upstream.into_parts();
        let body = Limited::new(body, UPSTREAM_BODY_LIMIT)
            .collect()
            .await
            .map_err(|err| format!("reading the answer failed ({err})"))?
            .to_bytes();
        Ok::<_, String>((parts, body))
    };
    tokio::time::timeout(UPSTREAM_TIMEOUT, exchange)
        .await
        .map_err(|_| "did not answer in time".to_owned())?
}

/// Where the API origin can be reached from this process: its port on the
/// address the server listens on (loopback when listening on every address).
pub(crate) fn api_socket(listen_host: IpAddr, api_port: u16) -> SocketAddr {
    let host = match listen_host {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        host => host,
    };
    SocketAddr::new(host, api_port)
}

/// `http://<addr>/users.json?learner=<tag>&via=proxy` (no `learner` without a tag).
pub(crate) fn upstream_url(addr: SocketAddr, learner: Option<&str>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(tag) = learner {
        query.append_pair(LEARNER_PARAM, tag);
    }
    query.append_pair(VIA_PARAM, "proxy");
    format!("http://{addr}{UPSTREAM_PATH}?{}", query.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upstream_url_cases() {
        // (listen host, learner, expected URL)
        let cases = [
            (
                "127.0.0.1",
                Some("ada"),
                "http://127.0.0.1:8081/users.json?learner=ada&via=proxy",
            ),
            (
                "0.0.0.0",
                None,
                "http://127.0.0.1:8081/users.json?via=proxy",
            ),
            (
                "::",
                Some("a b&c"),
                "http://[::1]:8081/users.json?learner=a+b%26c&via=proxy",
            ),
            ("::1", None, "http://[::1]:8081/users.json?via=proxy"),
            (
                "192.168.1.20",
                None,
                "http://192.168.1.20:8081/users.json?via=proxy",
            ),
        ];
        for (host, learner, expected) in cases {
            let host: IpAddr = host.parse().expect("ip");
            assert_eq!(
                upstream_url(api_socket(host, 8081), learner),
                expected,
                "{host} {learner:?}"
            );
        }
    }
}
