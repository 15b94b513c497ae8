//! Advice that takes one experiment out of the browser: the same request as a
//! `curl` command (to see what the server really answers), and the response
//! headers that make the request work — as raw HTTP lines and as an axum
//! `CorsLayer`.
//!
//! Everything here is code for the learner to read or copy, nothing is
//! sent; its comments are [`Note`]s the app words in the learner's language
//! ([`Snippet::render`]).
//! The headers describe a cross-origin request in `cors` mode: a same-origin
//! request needs none, and no header makes a `no-cors` (opaque) response
//! readable — the page has to switch to `mode: 'cors'` first.

use crate::scenario::{Credentials, Mode, RequestSpec};

mod snippet;
pub use snippet::{Line, Note, Snippet};

/// The response headers a server should send so that one request succeeds and
/// the page's script can read the answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderFix {
    /// For the answer to the preflight (`OPTIONS`); empty when the request
    /// needs none.
    pub preflight: Vec<(String, String)>,
    /// For the answer to the actual request.
    pub actual: Vec<(String, String)>,
}

/// How long the browser may reuse a preflight answer, in seconds. Long enough
/// to see the cache at work, short enough to try a changed server soon; and
/// the most every engine honours in full (WebKit's cap; Chromium's is 7200,
/// Firefox's 86400: `engine::preflight::max_age_cap`).
const MAX_AGE_SECS: u32 = 600;

/// The request as a copy-pasteable POSIX-shell `curl` command, sending what
/// the browser would send for the page's `fetch` (`page_origin` is the page's
/// origin, `cross_origin` whether `url` is on another origin).
///
/// Like the browser, the command adds `Origin` to cross-origin `cors` requests
/// and to every request whose method is neither `GET` nor `HEAD`; sends
/// `Content-Type: text/plain;charset=UTF-8` with a body when the script set no
/// `Content-Type` (curl's default would be a form); leaves out headers the
/// browser would drop; and keeps cookies (`-b`/`-c cookies.txt`) when the
/// browser would send them. When `fetch` would refuse the request, `#` lines
/// above the command say so. Redirects are shown, not followed (no `-L`).
pub fn curl_command(
    url: &str,
    request: &RequestSpec,
    page_origin: &str,
    cross_origin: bool,
) -> Snippet {
    let method = normalize_method(&request.method);
    let mut notes: Vec<Note> = Vec::new();
    let mut args: Vec<String> = Vec::new();

    if is_forbidden_method(&method) {
        notes.push(Note::ForbiddenMethod {
            method: method.escape_debug().to_string(),
        });
    }
    if request.mode == Mode::SameOrigin && cross_origin {
        notes.push(Note::SameOriginMode);
    }
    if request.mode == Mode::NoCors && !is_safelisted_method(&method) {
        notes.push(Note::NoCorsMethod {
            method: method.escape_debug().to_string(),
        });
    }

    match method.as_str() {
        "GET" => {}
        "HEAD" => args.push("--head".to_owned()),
        _ => args.push(format!("-X {}", shell_word(&method))),
    }

    // https://fetch.spec.whatwg.org/#append-a-request-origin-header: always
    // when the response will be CORS-checked, and for every method that may
    // change something.
    let bodyless_method = method == "GET" || method == "HEAD";
    if (cross_origin && request.mode == Mode::Cors) || !bodyless_method {
        args.push(format!(
            "-H {}",
            shell_quote(&format!("Origin: {page_origin}"))
        ));
    }

    let mut has_content_type = false;
    for (name, value) in &request.headers {
        let value = trim_http_whitespace(value);
        if is_forbidden_header(name, value) {
            notes.push(Note::ForbiddenHeader {
                name: name.escape_debug().to_string(),
            });
            continue;
        }
        if request.mode == Mode::NoCors && !is_safelisted_header(name, value) {
            notes.push(Note::NoCorsHeader {
                name: name.escape_debug().to_string(),
            });
            continue;
        }
        has_content_type |= name.eq_ignore_ascii_case("content-type");
        // `-H 'Name:'` would make curl remove the header; `Name;` sends it empty.
        let line = if value.is_empty() {
            format!("{name};")
        } else {
            format!("{name}: {value}")
        };
        args.push(format!("-H {}", shell_quote(&line)));
    }

    if let Some(body) = &request.body {
        if bodyless_method {
            notes.push(Note::BodyWithGetOrHead {
                method: method.clone(),
            });
        } else {
            if !has_content_type {
                args.push(format!(
                    "-H {}",
                    shell_quote("Content-Type: text/plain;charset=UTF-8")
                ));
            }
            if body.contains('\0') {
                notes.push(Note::NulInBody);
            }
            args.push(format!(
                "--data-raw {}",
                shell_quote(&body.replace('\0', ""))
            ));
        }
    }

    let sends_cookies = match request.credentials {
        Credentials::Include => true,
        Credentials::SameOrigin => !cross_origin,
        Credentials::Omit => false,
    };
    let mut snippet = Snippet::new("#");
    for note in notes {
        snippet.comment(0, note);
    }
    // One argument a line, each line but the last continued with `\`; the
    // cookies' note ends the last.
    let mut lines = vec![format!("curl -i {}", shell_quote(url))];
    lines.extend(args.iter().map(|arg| format!("  {arg}")));
    let cookies = sends_cookies.then(|| "  -b cookies.txt -c cookies.txt".to_owned());
    let last = lines.len() - 1;
    for (i, line) in lines.into_iter().enumerate() {
        if i < last || cookies.is_some() {
            snippet.code(format!("{line} \\"));
        } else {
            snippet.code(line);
        }
    }
    if let Some(code) = cookies {
        snippet.lines.push(Line::Trailing {
            code,
            note: Note::Cookies,
        });
    }
    snippet
}

/// The fewest response headers that make this request succeed and its answer
/// readable by a page on `page_origin`: the exact origin (never `*`, which
/// fails with credentials) plus `Vary: Origin`, `Access-Control-Allow-Credentials:
/// true` only for `credentials: 'include'`, and `expose` (header names the
/// page wants to read) in `Access-Control-Expose-Headers`.
///
/// `needs_preflight` comes from the rules engine. The preflight answer allows
/// the method when it is not `GET`, `HEAD` or `POST`, and lists every request
/// header that is not CORS-safelisted (lower case), caching the answer for 600
/// seconds. The headers hold for the request in `cors` mode (see the module doc).
pub fn fix_headers(
    request: &RequestSpec,
    page_origin: &str,
    needs_preflight: bool,
    expose: &[String],
) -> HeaderFix {
    let credentials = request.credentials == Credentials::Include;
    let header = |name: &str, value: &str| (name.to_owned(), value.to_owned());

    let mut preflight = Vec::new();
    if needs_preflight {
        preflight.push(header("Access-Control-Allow-Origin", page_origin));
        if credentials {
            preflight.push(header("Access-Control-Allow-Credentials", "true"));
        }
        let method = normalize_method(&request.method);
        if !is_safelisted_method(&method) {
            preflight.push(header("Access-Control-Allow-Methods", &method));
        }
        let names = unsafe_header_names(&request.headers);
        if !names.is_empty() {
            preflight.push(header("Access-Control-Allow-Headers", &names.join(", ")));
        }
        preflight.push(header("Access-Control-Max-Age", &MAX_AGE_SECS.to_string()));
    }

    let mut actual = vec![header("Access-Control-Allow-Origin", page_origin)];
    if credentials {
        actual.push(header("Access-Control-Allow-Credentials", "true"));
    }
    let expose = expose_names(expose);
    if !expose.is_empty() {
        actual.push(header("Access-Control-Expose-Headers", &expose.join(", ")));
    }
    // The answer depends on the request's Origin (other pages get no
    // Access-Control-Allow-Origin), so shared caches must keep them apart.
    actual.push(header("Vary", "Origin"));

    HeaderFix { preflight, actual }
}

/// Rust code (as text) for an axum 0.8 + tower-http 0.6 `CorsLayer` that makes
/// this request work, with only the builder calls it needs. `CorsLayer` answers
/// preflights itself and adds `Vary` on its own.
pub fn axum_fix(request: &RequestSpec, page_origin: &str, expose: &[String]) -> Snippet {
    let method = normalize_method(&request.method);
    let allow_method = !is_safelisted_method(&method);
    let allow_headers = unsafe_header_names(&request.headers);
    let expose = expose_names(expose);
    let credentials = request.credentials == Credentials::Include;
    let preflight = allow_method || !allow_headers.is_empty();

    let mut calls: Vec<String> = Vec::new();
    calls.push(format!(
        ".allow_origin({:?}.parse::<HeaderValue>().unwrap())",
        page_origin
    ));
    if allow_method {
        calls.push(format!(".allow_methods([{}])", method_expr(&method)));
    }
    if !allow_headers.is_empty() {
        let names: Vec<String> = allow_headers.iter().map(|n| header_name_expr(n)).collect();
        calls.push(format!(".allow_headers([{}])", names.join(", ")));
    }
    if credentials {
        calls.push(".allow_credentials(true)".to_owned());
    }
    if !expose.is_empty() {
        let names: Vec<String> = expose.iter().map(|n| header_name_expr(n)).collect();
        calls.push(format!(".expose_headers([{}])", names.join(", ")));
    }
    if preflight {
        calls.push(format!(
            ".max_age(std::time::Duration::from_secs({MAX_AGE_SECS}))"
        ));
    }

    let code = calls.join("\n");
    let mut http_imports: Vec<&str> = Vec::new();
    if code.contains("header::") {
        http_imports.push("header");
    }
    if code.contains("HeaderName::") {
        http_imports.push("HeaderName");
    }
    http_imports.push("HeaderValue");
    if code.contains("Method::") {
        http_imports.push("Method");
    }

    let mut out = Snippet::new("//");
    if http_imports.len() == 1 {
        out.code("use axum::http::HeaderValue;");
    } else {
        out.code(format!("use axum::http::{{{}}};", http_imports.join(", ")));
    }
    out.code("use axum::Router;");
    out.code("use tower_http::cors::CorsLayer;");
    out.code("");
    out.comment(0, Note::ExactOrigin { credentials });
    if allow_method && method != method.to_ascii_uppercase() {
        out.comment(
            0,
            Note::MethodKeepsCase {
                method: method.escape_debug().to_string(),
            },
        );
    }
    out.code("let cors = CorsLayer::new()");
    let last = calls.len() - 1;
    for (i, call) in calls.into_iter().enumerate() {
        let end = if i == last { ";" } else { "" };
        out.code(format!("    {call}{end}"));
    }
    out.code("let app: Router = Router::new()");
    out.comment(4, Note::OtherRoutes);
    out.code("    .layer(cors);");
    out
}

/// A [`HeaderFix`] as plain HTTP header lines, preflight answer first.
pub fn raw_headers_text(fix: &HeaderFix) -> Snippet {
    let mut out = Snippet::new("#");
    let lines = |out: &mut Snippet, headers: &[(String, String)]| {
        for (name, value) in headers {
            out.code(format!("{name}: {value}"));
        }
    };
    if !fix.preflight.is_empty() {
        out.comment(0, Note::PreflightAnswer);
        out.code("HTTP/1.1 204 No Content");
        lines(&mut out, &fix.preflight);
        out.code("");
    }
    out.comment(0, Note::ActualAnswer);
    lines(&mut out, &fix.actual);
    out
}

/// `s` in single quotes for a POSIX shell: inside them every character is
/// literal (newlines included) except `'` itself, written `'\''` (end the
/// quote, an escaped quote, start again).
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `s` bare when it is a plain word (a method like `PUT`), else quoted.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        s.to_owned()
    } else {
        shell_quote(s)
    }
}

/// <https://fetch.spec.whatwg.org/#concept-method-normalize>: only these six
/// are upper-cased; `patch` is sent as `patch`.
fn normalize_method(method: &str) -> String {
    let upper = method.to_ascii_uppercase();
    match upper.as_str() {
        "DELETE" | "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" => upper,
        _ => method.to_owned(),
    }
}

fn is_safelisted_method(method: &str) -> bool {
    matches!(method, "GET" | "HEAD" | "POST")
}

fn is_forbidden_method(method: &str) -> bool {
    matches!(
        method.to_ascii_uppercase().as_str(),
        "CONNECT" | "TRACE" | "TRACK"
    )
}

fn trim_http_whitespace(value: &str) -> &str {
    value.trim_matches(['\t', '\n', '\r', ' '])
}

/// Headers a script may not set (the browser silently drops them):
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>, plus
/// `User-Agent`, which Chromium still refuses.
fn is_forbidden_header(name: &str, value: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let method_override = matches!(
        lower.as_str(),
        "x-http-method" | "x-http-method-override" | "x-method-override"
    );
    lower.starts_with("proxy-")
        || lower.starts_with("sec-")
        || (method_override && value.split(',').any(|m| is_forbidden_method(m.trim())))
        || matches!(
            lower.as_str(),
            "accept-charset"
                | "accept-encoding"
                | "access-control-request-headers"
                | "access-control-request-method"
                | "connection"
                | "content-length"
                | "cookie"
                | "cookie2"
                | "date"
                | "dnt"
                | "expect"
                | "host"
                | "keep-alive"
                | "origin"
                | "referer"
                | "set-cookie"
                | "te"
                | "trailer"
                | "transfer-encoding"
                | "upgrade"
                | "user-agent"
                | "via"
        )
}

/// A simple reading of <https://fetch.spec.whatwg.org/#cors-safelisted-request-header>:
/// the four names with the standard's value checks. Headers browsers also
/// safelist (a simple `Range`, Chromium's client hints) count as unsafe here,
/// which only makes the advice list a header that did not need listing.
fn is_safelisted_header(name: &str, value: &str) -> bool {
    fn unsafe_byte(b: u8) -> bool {
        (b < 0x20 && b != b'\t') || b"\"():<>?@[\\]{}\x7f".contains(&b)
    }
    if value.len() > 128 {
        return false;
    }
    match name.to_ascii_lowercase().as_str() {
        "accept" => !value.bytes().any(unsafe_byte),
        "accept-language" | "content-language" => value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" *,-.;=".contains(&b)),
        "content-type" => {
            let essence = value.split(';').next().unwrap_or_default();
            !value.bytes().any(unsafe_byte)
                && matches!(
                    trim_http_whitespace(essence).to_ascii_lowercase().as_str(),
                    "application/x-www-form-urlencoded" | "multipart/form-data" | "text/plain"
                )
        }
        _ => false,
    }
}

/// The names the browser would list in `Access-Control-Request-Headers`:
/// lower case, sorted, without duplicates. When the safelisted values add up
/// to more than 1024 bytes, those count as unsafe too.
fn unsafe_header_names(headers: &[(String, String)]) -> Vec<String> {
    let mut unsafe_names = Vec::new();
    let mut safelisted = Vec::new();
    let mut safelisted_size = 0;
    for (name, value) in headers {
        let value = trim_http_whitespace(value);
        if is_forbidden_header(name, value) {
            continue;
        }
        if is_safelisted_header(name, value) {
            safelisted_size += value.len();
            safelisted.push(name.to_ascii_lowercase());
        } else {
            unsafe_names.push(name.to_ascii_lowercase());
        }
    }
    if safelisted_size > 1024 {
        unsafe_names.extend(safelisted);
    }
    unsafe_names.sort();
    unsafe_names.dedup();
    unsafe_names
}

/// Names to expose: trimmed, lower case, first occurrence kept.
fn expose_names(expose: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in expose {
        let name = trim_http_whitespace(name).to_ascii_lowercase();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// `Method::PUT` for the methods the `http` crate has constants for, else
/// `Method::from_bytes(b"PURGE").unwrap()`.
fn method_expr(method: &str) -> String {
    match method {
        "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "OPTIONS" | "CONNECT" | "PATCH" | "TRACE" => {
            format!("Method::{method}")
        }
        // A method is an HTTP token (fetch refuses anything else), which fits
        // a byte string literal as it is.
        _ if method
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\') =>
        {
            format!("Method::from_bytes(b\"{method}\").unwrap()")
        }
        _ => format!("Method::from_bytes({method:?}.as_bytes()).unwrap()"),
    }
}

/// `header::CONTENT_TYPE` for the names the `http` crate has constants for
/// (each named like its header, upper case with `_`), else
/// `HeaderName::from_static("x-custom")` (which wants lower case).
fn header_name_expr(lower: &str) -> String {
    if HTTP_CRATE_HEADERS.contains(&lower) {
        format!("header::{}", lower.to_ascii_uppercase().replace('-', "_"))
    } else {
        format!("HeaderName::from_static({lower:?})")
    }
}

/// The standard header names `http` 1.x (re-exported as `axum::http`) has
/// constants for, in `http::header` (as of 1.3, leaving out `cache-status`
/// and `cdn-cache-control`, which 1.0 lacks).
const HTTP_CRATE_HEADERS: &[&str] = &[
    "accept",
    "accept-charset",
    "accept-encoding",
    "accept-language",
    "accept-ranges",
    "access-control-allow-credentials",
    "access-control-allow-headers",
    "access-control-allow-methods",
    "access-control-allow-origin",
    "access-control-expose-headers",
    "access-control-max-age",
    "access-control-request-headers",
    "access-control-request-method",
    "age",
    "allow",
    "alt-svc",
    "authorization",
    "cache-control",
    "connection",
    "content-disposition",
    "content-encoding",
    "content-language",
    "content-length",
    "content-location",
    "content-range",
    "content-security-policy",
    "content-security-policy-report-only",
    "content-type",
    "cookie",
    "dnt",
    "date",
    "etag",
    "expect",
    "expires",
    "forwarded",
    "from",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "last-modified",
    "link",
    "location",
    "max-forwards",
    "origin",
    "pragma",
    "proxy-authenticate",
    "proxy-authorization",
    "public-key-pins",
    "public-key-pins-report-only",
    "range",
    "referer",
    "referrer-policy",
    "refresh",
    "retry-after",
    "sec-websocket-accept",
    "sec-websocket-extensions",
    "sec-websocket-key",
    "sec-websocket-protocol",
    "sec-websocket-version",
    "server",
    "set-cookie",
    "strict-transport-security",
    "te",
    "trailer",
    "transfer-encoding",
    "user-agent",
    "upgrade",
    "upgrade-insecure-requests",
    "vary",
    "via",
    "warning",
    "www-authenticate",
    "x-content-type-options",
    "x-dns-prefetch-control",
    "x-frame-options",
    "x-xss-protection",
];

#[cfg(test)]
#[rustfmt::skip]
mod tests;
