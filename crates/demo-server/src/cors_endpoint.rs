//! `/cors` on every origin: the configurable endpoint the experiments run
//! against. The query says how to answer (see [`ServerSpec::to_query`]): which
//! CORS headers to send, with which status, whether to set the lab's cookie or
//! to redirect somewhere else. The headers are set by hand, never by a CORS
//! middleware: the endpoint must be able to get CORS *wrong* in every way the
//! lab teaches.
//!
//! - `OPTIONS` with `Access-Control-Request-Method` is a preflight, answered
//!   with the spec's `preflight` answer and an empty body;
//! - anything else (`OPTIONS` without that header included) is the actual
//!   request, answered with the spec's `actual` answer and a JSON body holding
//!   the "secret" the page's script tries to read;
//! - an answer with a redirect sends its status and an absolute `Location` on
//!   the destination origin, whose own spec rides in the new query;
//! - a query that is not a valid spec is a JSON 400.
//!
//! What to answer is decided once, by `cors_core::engine::plan` (which the
//! lab's model uses too); this module only turns the plan into a response:
//! the absolute `Location`, the cookie's value and the JSON body.

use std::net::IpAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE, HOST, LOCATION, ORIGIN, SET_COOKIE};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use cors_core::scenario::{Redirect, ServerSpec, Target, CASE_PARAM, CORS_PATH};
use cors_core::wire::Role;
use serde_json::json;

use crate::error::AppError;
use crate::hosts::{arrival_ip, other_site_host, page_host_of, ConnInfo};
use crate::state::AppState;

/// What the actual request's body says JavaScript is after.
pub const SECRET: &str = "the body JavaScript is trying to read";

/// The lab's cookie name (`Set-Cookie: lab=<case>; Path=/; SameSite=Lax`).
pub const LAB_COOKIE: &str = "lab";

/// Host used when the request's `Host` header is missing or unparsable.
const FALLBACK_HOST: &str = "localhost";

/// The `/cors` handler (any method).
pub(crate) async fn cors_endpoint(
    State(state): State<AppState>,
    conn: Option<Extension<ConnectInfo<ConnInfo>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let arrival = arrival_ip(conn.as_ref().map(|c| &c.0 .0), state.listen_host());
    match answer(&state, arrival, &method, &uri, &headers) {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

fn answer(
    state: &AppState,
    arrival: IpAddr,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let spec = ServerSpec::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(AppError::BadSpec)?;
    let case = pairs
        .iter()
        .find(|(name, _)| name == CASE_PARAM)
        .map(|(_, value)| value.as_str());
    let origin = headers
        .get(ORIGIN)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());

    let is_preflight =
        method == Method::OPTIONS && headers.contains_key("access-control-request-method");
    let plan = cors_core::engine::plan(&spec, is_preflight, origin.as_deref())
        .map_err(AppError::BadSpec)?;

    let mut response = Response::new(Body::empty());
    *response.status_mut() = status(plan.status).map_err(AppError::Unbuildable)?;
    let response_headers = response.headers_mut();
    for (name, value) in header_lines(plan.headers).map_err(AppError::Unbuildable)? {
        response_headers.append(name, value);
    }
    if let Some(redirect) = &plan.redirect {
        let location = location(state, arrival, headers, uri, &pairs, redirect);
        let response_headers = response.headers_mut();
        response_headers.append(
            LOCATION,
            HeaderValue::try_from(location.as_str())
                .map_err(|_| AppError::Unbuildable(format!("cannot redirect to `{location}`")))?,
        );
        response_headers.append(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        add_cookie(response_headers, plan.set_cookie, case);
        return Ok(response);
    }
    response_headers.append(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response_headers.append(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    add_cookie(response_headers, plan.set_cookie, case);
    // A HEAD answer gets the body too: axum drops it after setting
    // `Content-Length`, as for a GET.
    if plan.body {
        let body = json!({
            "case": case,
            "method": method.as_str(),
            "secret": SECRET,
            "origin_header": origin,
            "cookie": has_lab_cookie(headers),
        });
        *response.body_mut() = Body::from(body.to_string());
    }
    Ok(response)
}

fn status(code: u16) -> Result<StatusCode, String> {
    StatusCode::from_u16(code).map_err(|_| format!("`{code}` is not an HTTP status"))
}

/// Planned header lines as `http` headers (the plan has checked each can
/// go on the wire; a failure here would be a bug, reported, not a panic).
pub(crate) fn header_lines(
    lines: Vec<(String, String)>,
) -> Result<Vec<(HeaderName, HeaderValue)>, String> {
    lines
        .into_iter()
        .map(|(name, value)| {
            let header_name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("`{name}` is not a valid header name"))?;
            let header_value = HeaderValue::from_bytes(value.as_bytes())
                .map_err(|_| format!("{value:?} is not a valid value for `{name}`"))?;
            Ok((header_name, header_value))
        })
        .collect()
}

fn add_cookie(headers: &mut HeaderMap, set_cookie: bool, case: Option<&str>) {
    if !set_cookie {
        return;
    }
    // Percent-encoded, so any case id makes a valid cookie value.
    let value: String = form_urlencoded::byte_serialize(case.unwrap_or("1").as_bytes()).collect();
    let cookie = format!("{LAB_COOKIE}={value}; Path=/; SameSite=Lax");
    if let Ok(cookie) = HeaderValue::try_from(cookie) {
        headers.append(SET_COOKIE, cookie);
    }
}

/// Whether the request carried the lab's cookie.
fn has_lab_cookie(headers: &HeaderMap) -> bool {
    headers.get_all(COOKIE).iter().any(|value| {
        String::from_utf8_lossy(value.as_bytes())
            .split(';')
            .any(|pair| {
                pair.split_once('=')
                    .is_some_and(|(name, _)| name.trim() == LAB_COOKIE)
            })
    })
}

/// Absolute URL of the redirect's destination: the same `/cors` on the
/// target's origin, keeping the request's own parameters (`learner`, `case`,
/// anything else that is not part of the spec) and carrying the
/// destination's spec.
fn location(
    state: &AppState,
    arrival: IpAddr,
    headers: &HeaderMap,
    uri: &Uri,
    pairs: &[(String, String)],
    redirect: &Redirect,
) -> String {
    let host = request_host(headers, uri);
    let page_host = page_host_of(headers);
    let host = destination_host(&host, redirect.to, arrival, page_host.as_deref());
    let port = state.port(role_of(redirect.to));
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs.iter().filter(|(name, _)| !is_spec_key(name)) {
        query.append_pair(name, value);
    }
    for (name, value) in redirect.then.to_query() {
        query.append_pair(&name, &value);
    }
    let query = query.finish();
    if query.is_empty() {
        format!("http://{host}:{port}{CORS_PATH}")
    } else {
        format!("http://{host}:{port}{CORS_PATH}?{query}")
    }
}

/// Keys of the spec itself (`p.…` preflight, `a.…` actual); the rest of the
/// query is carried over by a redirect.
fn is_spec_key(name: &str) -> bool {
    name.starts_with("p.") || name.starts_with("a.")
}

/// The host name the request was sent to (from `Host`, or the request target's
/// authority), without the port; [`FALLBACK_HOST`] when there is none or it
/// does not parse. Never panics.
pub(crate) fn request_host(headers: &HeaderMap, uri: &Uri) -> String {
    headers
        .get(HOST)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<Authority>().ok())
        .or_else(|| uri.authority().cloned())
        .map(|authority| authority.host().to_owned())
        .filter(|host| !host.is_empty())
        .unwrap_or_else(|| FALLBACK_HOST.to_owned())
}

/// The host a redirect to `target` goes to, for a request sent to `host`
/// that arrived on `arrival` from a page on `page_host`. `Target::ApiAlt`
/// goes to the other site ([`other_site_host`]: `localhost` ⇄ `127.0.0.1`
/// on loopback); when there is none (a LAN address) the host is kept.
pub(crate) fn destination_host(
    host: &str,
    target: Target,
    arrival: IpAddr,
    page_host: Option<&str>,
) -> String {
    match target {
        Target::ApiAlt => {
            other_site_host(host, arrival, page_host).unwrap_or_else(|| host.to_owned())
        }
        _ => host.to_owned(),
    }
}

/// The demo origin playing `target`.
pub(crate) fn role_of(target: Target) -> Role {
    match target {
        Target::App => Role::App,
        Target::Api | Target::ApiAlt => Role::Api,
        Target::Intranet => Role::Intranet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_host_cases() {
        // (Host header bytes, request target, expected host)
        let cases: &[(Option<&[u8]>, &str, &str)] = &[
            (Some(b"localhost:8081"), "/cors", "localhost"),
            (Some(b"127.0.0.1:8081"), "/cors", "127.0.0.1"),
            (Some(b"LocalHost"), "/cors", "LocalHost"),
            (Some(b"[::1]:8081"), "/cors", "[::1]"),
            (Some(b"user@lab.test:1"), "/cors", "lab.test"),
            (Some(b" 192.168.1.20:8081 "), "/cors", "192.168.1.20"),
            (Some(b"lab.test:notaport"), "/cors", "lab.test"),
            (Some(b""), "/cors", "localhost"),
            (Some(b":8081"), "/cors", "localhost"),
            (Some(b"[::1"), "/cors", "localhost"),
            (Some(b"a b"), "/cors", "localhost"),
            (Some(b"h\xc3\xa9te"), "/cors", "localhost"),
            (Some(b"/cors?x"), "/cors", "localhost"),
            (None, "/cors", "localhost"),
            (None, "http://proxy.test:9/cors", "proxy.test"),
            (Some(b"\xff\xfe"), "http://proxy.test:9/cors", "proxy.test"),
        ];
        for &(host, target, expected) in cases {
            let mut headers = HeaderMap::new();
            if let Some(host) = host {
                headers.insert(HOST, HeaderValue::from_bytes(host).expect("header value"));
            }
            let uri: Uri = target.parse().expect("uri");
            assert_eq!(
                request_host(&headers, &uri),
                expected,
                "Host {host:?}, target {target}"
            );
        }
    }

    #[test]
    fn destination_host_cases() {
        let lo: IpAddr = "127.0.0.1".parse().expect("ip");
        let lo6: IpAddr = "::1".parse().expect("ip");
        let lan: IpAddr = "192.168.1.20".parse().expect("ip");
        // (request host, target, arrival address, page host, expected)
        let cases = [
            ("localhost", Target::ApiAlt, lo, None, "127.0.0.1"),
            ("127.0.0.1", Target::ApiAlt, lo, None, "localhost"),
            ("LOCALHOST", Target::ApiAlt, lo, None, "127.0.0.1"),
            ("[::1]", Target::ApiAlt, lo6, None, "localhost"),
            ("localhost", Target::ApiAlt, lo6, None, "[::1]"),
            ("192.168.1.20", Target::ApiAlt, lan, None, "192.168.1.20"),
            ("laptop.local", Target::ApiAlt, lan, None, "192.168.1.20"),
            (
                "192.168.1.20",
                Target::ApiAlt,
                lan,
                Some("laptop.local"),
                "laptop.local",
            ),
            ("localhost", Target::Api, lo, None, "localhost"),
            ("127.0.0.1", Target::App, lo, None, "127.0.0.1"),
            ("localhost", Target::Intranet, lo, None, "localhost"),
        ];
        for (host, target, arrival, page, expected) in cases {
            assert_eq!(
                destination_host(host, target, arrival, page),
                expected,
                "{host} {target:?} {arrival} {page:?}"
            );
        }
    }
}
