//! What the demo server's `/cors` endpoint answers (mirrors
//! `crates/demo-server/src/cors_endpoint.rs`): the engine reasons about the
//! exact header lines, status and body the browser receives, including what
//! hyper adds (`content-length`, `date`) and the JSON 400 for a spec the
//! server refuses to send.

use crate::scenario::{Answer, Redirect, ServerSpec};

/// Response headers the server refuses to take from a spec (they would break
/// the HTTP framing); a spec naming one is answered with a 400.
const FORBIDDEN_EXTRA: [&str; 8] = [
    "connection",
    "content-length",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// One response as it reaches the browser.
#[derive(Clone, Debug)]
pub(super) struct ServerAnswer {
    pub status: u16,
    /// Header lines in order, names lower case, values as sent.
    pub headers: Vec<(String, String)>,
    /// The answer is a redirect (it carries `Location`).
    pub redirect: Option<Redirect>,
    /// A `Set-Cookie: lab=…; Path=/; SameSite=Lax` line is present.
    pub set_cookie: bool,
    /// The body the browser receives is not empty.
    pub body: bool,
    /// The server refused the spec (JSON 400); the reason.
    pub refused: Option<String>,
}

/// The spec as the server sees it: what `ServerSpec::from_query` makes of
/// the query a URL carries (the round trip may refuse or reshape a spec).
pub(super) fn spec_on_server(spec: &ServerSpec) -> Result<ServerSpec, String> {
    let pairs = spec.to_query();
    ServerSpec::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// How `/cors` answers a request with `method`, whose `Origin` header was
/// `origin`; `preflight` for an `OPTIONS` carrying
/// `Access-Control-Request-Method`.
pub(super) fn answer(
    spec: &Result<ServerSpec, String>,
    preflight: bool,
    method: &str,
    origin: Option<&str>,
) -> ServerAnswer {
    let spec = match spec {
        Ok(spec) => spec,
        Err(why) => return refused(why.clone(), method),
    };
    // Both halves are checked whichever request this is.
    if let Err(why) =
        sendable(&spec.preflight, origin, "p.").and_then(|()| sendable(&spec.actual, origin, "a."))
    {
        return refused(why, method);
    }
    let chosen = if preflight {
        &spec.preflight
    } else {
        &spec.actual
    };
    let mut headers = chosen.cors_headers(origin);
    if let Some(redirect) = &chosen.redirect {
        headers.push(("location".to_owned(), "(destination)".to_owned()));
        headers.push(("cache-control".to_owned(), "no-store".to_owned()));
        push_cookie(&mut headers, chosen);
        headers.push(("content-length".to_owned(), "0".to_owned()));
        headers.push(("date".to_owned(), "(now)".to_owned()));
        return ServerAnswer {
            status: redirect.status,
            headers,
            redirect: Some((**redirect).clone()),
            set_cookie: chosen.set_cookie,
            body: false,
            refused: None,
        };
    }
    headers.push(("content-type".to_owned(), "application/json".to_owned()));
    headers.push(("cache-control".to_owned(), "no-store".to_owned()));
    push_cookie(&mut headers, chosen);
    let status = chosen.status;
    // hyper sends no Content-Length with 1xx, 204 and 304.
    if !(status < 200 || status == 204 || status == 304) {
        headers.push(("content-length".to_owned(), "(length)".to_owned()));
    }
    headers.push(("date".to_owned(), "(now)".to_owned()));
    let bodiless = preflight || matches!(status, 204 | 205 | 304) || status < 200;
    ServerAnswer {
        status,
        headers,
        redirect: None,
        set_cookie: chosen.set_cookie,
        body: !bodiless && method != "HEAD",
        refused: None,
    }
}

/// The JSON 400 for a spec the server will not send.
fn refused(why: String, method: &str) -> ServerAnswer {
    ServerAnswer {
        status: 400,
        headers: vec![
            ("content-type".to_owned(), "application/json".to_owned()),
            ("cache-control".to_owned(), "no-store".to_owned()),
            ("content-length".to_owned(), "(length)".to_owned()),
            ("date".to_owned(), "(now)".to_owned()),
        ],
        redirect: None,
        set_cookie: false,
        body: method != "HEAD",
        refused: Some(why),
    }
}

fn push_cookie(headers: &mut Vec<(String, String)>, answer: &Answer) {
    if answer.set_cookie {
        headers.push((
            "set-cookie".to_owned(),
            "lab=(case); Path=/; SameSite=Lax".to_owned(),
        ));
    }
}

/// Can every header of `answer` go on the wire (the `http` crate's
/// `HeaderName::from_bytes` / `HeaderValue::from_bytes` rules, and no
/// framing header)? The error names the spec key, like the server's.
fn sendable(answer: &Answer, origin: Option<&str>, prefix: &str) -> Result<(), String> {
    for (name, value) in answer.cors_headers(origin) {
        if !super::safelist::is_http_token(&name) {
            return Err(format!("{prefix}h: `{name}` is not a valid header name"));
        }
        if FORBIDDEN_EXTRA.contains(&name.as_str()) {
            return Err(format!(
                "{prefix}h: `{name}` would break the HTTP framing; the server will not send it"
            ));
        }
        if !value
            .bytes()
            .all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f))
        {
            let key = match name.as_str() {
                "access-control-allow-origin" => "acao",
                "access-control-allow-credentials" => "acac",
                "access-control-allow-methods" => "acam",
                "access-control-allow-headers" => "acah",
                "access-control-expose-headers" => "aceh",
                "access-control-max-age" => "max_age",
                "vary" => "vary",
                _ => "h",
            };
            return Err(format!(
                "{prefix}{key}: {value:?} is not a valid value for `{name}`"
            ));
        }
    }
    Ok(())
}
