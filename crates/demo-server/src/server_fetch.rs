//! `GET /api/server-fetch?url=<URL>` on the app origin: the demo server
//! fetches a URL of the lab's own origins *itself* and reports what it got —
//! status, headers and body — as JSON.
//!
//! This is the runtime demo of `/why`: the very request the page's `fetch`
//! cannot read succeeds when code outside a browser sends it, because the
//! same-origin policy belongs to the browser, not to JavaScript or HTTP.
//! Unlike the same-origin proxy ([`crate::proxy`]), which hands the page the
//! API's answer as its own, this endpoint shows the whole exchange as data.
//!
//! It is not an open proxy: the URL must be `http://` on a loopback name
//! (`localhost`, `127.0.0.1`, `[::1]`) or the host the page itself was
//! opened on (a classroom's LAN name), and one of the three demo ports; the
//! server connects to its own listen address whatever the name says.
//! Nothing of the page's request is passed on (no cookies, no headers).

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::Json;
use cors_core::wire::{Role, ServerFetch};

use crate::cors_endpoint::request_host;
use crate::error::AppError;
use crate::proxy::{api_socket, loopback_get};
use crate::record::text_prefix;
use crate::state::AppState;

/// The app origin's route.
pub const SERVER_FETCH_PATH: &str = "/api/server-fetch";

/// The query parameter naming the URL to fetch.
pub const URL_PARAM: &str = "url";

/// The `User-Agent` the server sends, so the log shows who is asking.
pub const SERVER_FETCH_USER_AGENT: &str = "cors-lab-demo-server (server-side fetch)";

/// Bodies longer than this are cut in the report (the demo files are tiny).
const REPORT_BODY_CAP: usize = 16 * 1024;

/// Host names that reach this machine's loopback.
const LOOPBACK_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

pub(crate) async fn server_fetch(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<ServerFetch>, AppError> {
    let url = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(name, _)| name == URL_PARAM)
        .map(|(_, value)| value.into_owned())
        .ok_or_else(|| {
            AppError::BadRequest(format!(
                "say which URL to fetch: `?{URL_PARAM}=http://localhost:8081/users.json`"
            ))
        })?;
    let ports = [Role::App, Role::Api, Role::Intranet].map(|role| state.port(role));
    let page_host = request_host(&headers, &uri);
    let target = allowed_target(&url, &ports, &page_host).map_err(AppError::BadRequest)?;
    let addr = api_socket(state.listen_host(), target.port);
    let (parts, body) = loopback_get(
        addr,
        &target.path_and_query,
        &target.authority,
        SERVER_FETCH_USER_AGENT,
        "*/*",
    )
    .await
    .map_err(|err| AppError::BadGateway(format!("{url}: {err}")))?;
    let (body, body_truncated) = text_prefix(&body, REPORT_BODY_CAP);
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    Ok(Json(ServerFetch {
        url,
        status: parts.status.as_u16(),
        headers,
        body,
        body_truncated,
    }))
}

/// Where an allowed URL points: its authority (for `Host`), port, and path
/// with query.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub authority: String,
    pub port: u16,
    pub path_and_query: String,
}

/// `url` if it is `http://<loopback name or page_host>:<one of ports>/…`,
/// else why not.
pub(crate) fn allowed_target(url: &str, ports: &[u16], page_host: &str) -> Result<Target, String> {
    let refuse = |why: &str| {
        Err(format!(
            "{url:?} is not one of the lab's own origins ({why}): this endpoint only fetches http://localhost, 127.0.0.1, [::1] or {page_host} on the ports {}",
            ports
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    let Ok(uri) = url.trim().parse::<Uri>() else {
        return refuse("not a URL");
    };
    if uri.scheme_str() != Some("http") {
        return refuse("not http://");
    }
    let Some(authority) = uri.authority() else {
        return refuse("no host");
    };
    if authority.as_str().contains('@') {
        return refuse("user info is not allowed");
    }
    let host = authority.host().to_ascii_lowercase();
    if !LOOPBACK_HOSTS.contains(&host.as_str()) && !host.eq_ignore_ascii_case(page_host) {
        return refuse("not this server's host");
    }
    let Some(port) = authority.port_u16() else {
        return refuse("no port");
    };
    if !ports.contains(&port) {
        return refuse("not a lab port");
    }
    let path_and_query = uri
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
    Ok(Target {
        authority: format!("{host}:{port}"),
        port,
        path_and_query,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_target_cases() {
        let ports = [8080, 8081, 8082];
        /// Ok((authority, port, path)) or an error fragment.
        type Expected = Result<(&'static str, u16, &'static str), &'static str>;
        let cases: &[(&str, Expected)] = &[
            (
                "http://localhost:8081/users.json?case=a&learner=b",
                Ok(("localhost:8081", 8081, "/users.json?case=a&learner=b")),
            ),
            (
                "http://127.0.0.1:8082/salaries.json",
                Ok(("127.0.0.1:8082", 8082, "/salaries.json")),
            ),
            ("http://[::1]:8080", Ok(("[::1]:8080", 8080, "/"))),
            (
                "http://LocalHost:8081/x",
                Ok(("localhost:8081", 8081, "/x")),
            ),
            ("https://localhost:8081/", Err("not http://")),
            ("http://example.com:8081/", Err("not this server's host")),
            ("http://localhost.evil:8081/", Err("not this server's host")),
            ("http://169.254.169.254:80/", Err("not this server's host")),
            (
                "http://Laptop.Local:8081/users.json",
                Ok(("laptop.local:8081", 8081, "/users.json")),
            ),
            ("http://laptop.local:9999/", Err("not a lab port")),
            ("http://localhost/", Err("no port")),
            ("http://localhost:22/", Err("not a lab port")),
            ("http://user@localhost:8081/", Err("user info")),
            ("/users.json", Err("not http://")),
            ("not a url at all", Err("not a URL")),
            ("", Err("not")),
        ];
        for (url, expected) in cases {
            let got = allowed_target(url, &ports, "laptop.local");
            match (expected, &got) {
                (Ok((authority, port, path)), Ok(target)) => assert_eq!(
                    target,
                    &Target {
                        authority: (*authority).to_owned(),
                        port: *port,
                        path_and_query: (*path).to_owned()
                    },
                    "{url}"
                ),
                (Err(fragment), Err(message)) => {
                    assert!(message.contains(fragment), "{url}: {message}")
                }
                _ => panic!("{url}: got {got:?}, expected {expected:?}"),
            }
        }
    }
}
