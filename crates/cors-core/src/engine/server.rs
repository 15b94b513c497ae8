//! How the demo server's `/cors` endpoint answers, decided once: [`plan`]
//! says which status, header lines, redirect, cookie and body an answer has
//! (or why the spec is refused); the axum handler
//! (`crates/demo-server/src/cors_endpoint.rs`) only turns that plan into a
//! response, and the engine reasons about the same plan plus what hyper adds
//! (`content-length`, `date`) and the JSON 400 for a refused spec.

use crate::scenario::{Answer, Redirect, ServerSpec, SpecError, SpecProblem};

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
    pub refused: Option<SpecError>,
}

/// What `/cors` sends for one request, before the server fills in what
/// depends on where it runs (the redirect's absolute `Location`, the cookie's
/// value, the JSON body's content).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorsPlan {
    pub status: u16,
    /// The answer's CORS and extra header lines, in order, names lower case;
    /// every one can go on the wire.
    pub headers: Vec<(String, String)>,
    /// Redirect there (`Location` on the destination's `/cors`, which answers
    /// as `then` says), with `Cache-Control: no-store` and nothing else.
    pub redirect: Option<Redirect>,
    /// Send `Set-Cookie: lab=<case>; Path=/; SameSite=Lax`.
    pub set_cookie: bool,
    /// The JSON body with the "secret" goes out (not for a preflight, a
    /// redirect, or a status that has no body). A `HEAD` answer still plans
    /// one: the server drops it after counting its length, as for a `GET`.
    pub body: bool,
}

/// Plan the answer of `/cors` to a request: a preflight (`OPTIONS` with
/// `Access-Control-Request-Method`) gets the spec's `preflight` answer,
/// anything else its `actual` one. Both halves are checked whichever request
/// this is, so a broken spec is refused at once: `Err` says which key.
pub fn plan(
    spec: &ServerSpec,
    preflight: bool,
    origin: Option<&str>,
) -> Result<CorsPlan, SpecError> {
    sendable(&spec.preflight, origin, "p.")?;
    sendable(&spec.actual, origin, "a.")?;
    let chosen = if preflight {
        &spec.preflight
    } else {
        &spec.actual
    };
    let headers = chosen.cors_headers(origin);
    if let Some(redirect) = &chosen.redirect {
        return Ok(CorsPlan {
            status: redirect.status,
            headers,
            redirect: Some((**redirect).clone()),
            set_cookie: chosen.set_cookie,
            body: false,
        });
    }
    let status = chosen.status;
    Ok(CorsPlan {
        status,
        headers,
        redirect: None,
        set_cookie: chosen.set_cookie,
        body: !(preflight || matches!(status, 204 | 205 | 304) || status < 200),
    })
}

/// The header lines of one answer, checked as [`plan`] checks them (for
/// other routes that answer with a spec's CORS headers, e.g. `/whoami`).
pub fn sendable_headers(
    answer: &Answer,
    origin: Option<&str>,
    prefix: &str,
) -> Result<Vec<(String, String)>, SpecError> {
    sendable(answer, origin, prefix)?;
    Ok(answer.cors_headers(origin))
}

/// The spec as the server sees it: what `ServerSpec::from_query` makes of
/// the query a URL carries (the round trip may refuse or reshape a spec).
pub(super) fn spec_on_server(spec: &ServerSpec) -> Result<ServerSpec, SpecError> {
    let pairs = spec.to_query();
    ServerSpec::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// How `/cors` answers a request with `method`, whose `Origin` header was
/// `origin`; `preflight` for an `OPTIONS` carrying
/// `Access-Control-Request-Method`.
pub(super) fn answer(
    spec: &Result<ServerSpec, SpecError>,
    preflight: bool,
    method: &str,
    origin: Option<&str>,
) -> ServerAnswer {
    let plan = match spec
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|spec| plan(spec, preflight, origin))
    {
        Ok(plan) => plan,
        Err(why) => return refused(why, method),
    };
    let mut headers = plan.headers;
    let cookie = |headers: &mut Vec<(String, String)>| {
        if plan.set_cookie {
            headers.push((
                "set-cookie".to_owned(),
                "lab=(case); Path=/; SameSite=Lax".to_owned(),
            ));
        }
    };
    if let Some(redirect) = plan.redirect {
        headers.push(("location".to_owned(), "(destination)".to_owned()));
        headers.push(("cache-control".to_owned(), "no-store".to_owned()));
        cookie(&mut headers);
        headers.push(("content-length".to_owned(), "0".to_owned()));
        headers.push(("date".to_owned(), "(now)".to_owned()));
        return ServerAnswer {
            status: plan.status,
            headers,
            redirect: Some(redirect),
            set_cookie: plan.set_cookie,
            body: false,
            refused: None,
        };
    }
    headers.push(("content-type".to_owned(), "application/json".to_owned()));
    headers.push(("cache-control".to_owned(), "no-store".to_owned()));
    cookie(&mut headers);
    let status = plan.status;
    // hyper sends no Content-Length with 1xx, 204 and 304.
    if !(status < 200 || status == 204 || status == 304) {
        headers.push(("content-length".to_owned(), "(length)".to_owned()));
    }
    headers.push(("date".to_owned(), "(now)".to_owned()));
    ServerAnswer {
        status,
        headers,
        redirect: None,
        set_cookie: plan.set_cookie,
        body: plan.body && method != "HEAD",
        refused: None,
    }
}

/// The JSON 400 for a spec the server will not send.
fn refused(why: SpecError, method: &str) -> ServerAnswer {
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

/// Can every header of `answer` go on the wire (the `http` crate's
/// `HeaderName::from_bytes` / `HeaderValue::from_bytes` rules, and no
/// framing header)? The error names the spec key (`prefix` + the key the
/// header comes from).
fn sendable(answer: &Answer, origin: Option<&str>, prefix: &str) -> Result<(), SpecError> {
    for (name, value) in answer.cors_headers(origin) {
        if !super::safelist::is_http_token(&name) {
            return Err(SpecError::new(
                format!("{prefix}h"),
                SpecProblem::InvalidHeaderName { name },
            ));
        }
        if FORBIDDEN_EXTRA.contains(&name.as_str()) {
            return Err(SpecError::new(
                format!("{prefix}h"),
                SpecProblem::FramingHeader { name },
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
            return Err(SpecError::new(
                format!("{prefix}{key}"),
                SpecProblem::InvalidHeaderValue { name, value },
            ));
        }
    }
    Ok(())
}
