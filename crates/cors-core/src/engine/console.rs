//! What the browsers print: the console lines for a blocked request and the
//! error JavaScript catches, per engine.
//!
//! The texts themselves are in `wording` (shared with the error explainer).
//! Chrome's is Blink's `cors::GetErrorStringForConsoleMessage`
//! (`third_party/blink/renderer/platform/loader/cors/cors_error_string.cc`)
//! and `FetchManager`'s early network errors; Firefox's is Gecko's
//! `security.properties` (`CORS…` keys), with its typographic quotes; Safari's
//! is WebKit's `CrossOriginAccessControl.cpp`. Which lines each engine prints,
//! in which order, and the `TypeError` texts were taken from our own runs of
//! the scenario matrix in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50
//! (`tests/data/engine-captures`, plus a probe of the `Request` constructor's
//! errors), and the differential test checks them in each engine.

use super::{Engine, Failure, Stage};

/// Where a failure happened, for the message.
pub(super) struct Where<'a> {
    /// The URL `fetch` was called with.
    pub initial_url: &'a str,
    /// The URL of the request that failed (differs after redirects).
    pub last_url: &'a str,
    /// The page's origin, e.g. `http://localhost:8080`.
    pub page_origin: &'a str,
    /// Where a redirect being checked pointed (its `Location`, resolved).
    pub redirect_to: Option<&'a str>,
    /// The status of the last response received (the one that failed).
    pub status: Option<u16>,
    /// The script's request headers, as written (Safari names them so).
    pub request_headers: &'a [(String, String)],
}

/// Every console line `engine` prints for `failure`, in order (empty when it
/// prints none, e.g. for a `TypeError` thrown by the `Request` constructor).
pub(super) fn console_lines(engine: Engine, failure: &Failure, at: &Where<'_>) -> Vec<String> {
    match engine {
        Engine::Chromium => chrome_message(failure, at).into_iter().collect(),
        Engine::Gecko => firefox_lines(failure, at),
        Engine::WebKit => safari_lines(failure, at),
    }
}

/// `String(error)` for the error `fetch` rejects with in `engine`.
pub(super) fn js_error(engine: Engine, failure: &Failure) -> String {
    match engine {
        Engine::Chromium => chrome_js_error(failure),
        Engine::Gecko => firefox_js_error(failure),
        Engine::WebKit => safari_js_error(failure),
    }
}

/// Blink prints non-printable and non-ASCII bytes of a header value as `\uXXXX`.
pub(crate) fn encode_hint(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if (0x20..=0x7e).contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("\\u{b:04X}"));
        }
    }
    out
}

fn chrome_message(failure: &Failure, at: &Where<'_>) -> Option<String> {
    use super::wording::chrome as w;
    let reason = match failure {
        Failure::SameOriginModeCrossOrigin { url } => {
            return Some(w::SAME_ORIGIN_MODE.fill(&[url, at.page_origin]))
        }
        Failure::NoCorsRedirectMode { url, .. } => {
            return Some(w::NO_CORS_REDIRECT_MODE.fill(&[url]))
        }
        // Blink's redirect check (`ResourceFetcher`): the frame URL is the
        // page's; the engine only knows its origin and prints `<origin>/`.
        Failure::SameOriginModeRedirect { url } => {
            let frame = format!("{}/", at.page_origin);
            return Some(w::UNSAFE_REDIRECT.fill(&[url, &frame]) + "\n");
        }
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. }
        | Failure::RedirectModeError { .. }
        | Failure::TooManyRedirects => return None,
        Failure::PreflightRedirect { .. } => {
            format!("{}{}", w::PREFLIGHT, w::PREFLIGHT_REDIRECT.fill(&[]))
        }
        Failure::PreflightNotOk { .. } => format!("{}{}", w::PREFLIGHT, w::NOT_OK_STATUS.fill(&[])),
        Failure::NoAcao { on, .. } => format!("{}{}", preflight_prefix(*on), w::NO_ACAO.fill(&[])),
        Failure::WildcardWithCredentials { on } => {
            format!("{}{}", preflight_prefix(*on), w::WILDCARD.fill(&[]))
        }
        Failure::MultipleAcao { on, value, .. } => format!(
            "{}{}{}",
            preflight_prefix(*on),
            w::MULTIPLE_ACAO.fill(&[&encode_hint(value)]),
            w::VALID_VALUE_HINT
        ),
        Failure::InvalidAcao { on, value } => format!(
            "{}{}{}",
            preflight_prefix(*on),
            w::INVALID_ACAO.fill(&[&encode_hint(value)]),
            w::VALID_VALUE_HINT
        ),
        Failure::AcaoMismatch { on, value } => format!(
            "{}{}{}",
            preflight_prefix(*on),
            w::ACAO_MISMATCH.fill(&[&encode_hint(value)]),
            w::VALID_VALUE_HINT
        ),
        Failure::AcacNotTrue { on, value } => format!(
            "{}{}",
            preflight_prefix(*on),
            w::ACAC_NOT_TRUE.fill(&[&encode_hint(value.as_deref().unwrap_or_default())])
        ),
        Failure::InvalidAcam { .. } => w::INVALID_ACAM.fill(&[]),
        Failure::InvalidAcah { .. } => w::INVALID_ACAH.fill(&[]),
        Failure::MethodNotAllowed { method } => w::METHOD_NOT_ALLOWED.fill(&[&encode_hint(method)]),
        Failure::HeaderNotAllowed { name } => w::HEADER_NOT_ALLOWED.fill(&[&encode_hint(name)]),
    };
    let redirected = if at.initial_url == at.last_url {
        String::new()
    } else {
        w::REDIRECTED_FROM.fill(&[at.initial_url])
    };
    Some(format!(
        "{}fetch{}{}' {redirected}{}{}{}{reason}",
        w::ACCESS_TO,
        w::AT,
        at.last_url,
        w::FROM_ORIGIN,
        at.page_origin,
        w::BLOCKED
    ))
}

/// Chrome prefixes the failures of the preflight's own CORS check (and its
/// status and redirect failures), not its method or header failures.
fn preflight_prefix(on: Stage) -> &'static str {
    match on {
        Stage::Preflight => super::wording::chrome::PREFLIGHT,
        Stage::Redirect | Stage::Response => "",
    }
}

/// Firefox's block line for `failure` at `url`, without the lines that follow.
fn firefox_message(failure: &Failure, url: &str) -> Option<String> {
    use super::wording::firefox as w;
    let reason = match failure {
        Failure::NoAcao { status, .. } => w::MISSING_ACAO.fill(&[&status.to_string()]),
        // Firefox joins several header lines with `, ` and compares the
        // whole (seen in Firefox ESR 153: two lines "do not match").
        Failure::MultipleAcao { value, .. }
        | Failure::InvalidAcao { value, .. }
        | Failure::AcaoMismatch { value, .. } => w::ACAO_MISMATCH.fill(&[value]),
        Failure::WildcardWithCredentials { .. } => {
            // This one key quotes the URL.
            return Some(format!(
                "{}‘{url}’{}{}.",
                w::BLOCKED,
                w::REASON,
                w::WILDCARD.fill(&[])
            ));
        }
        Failure::AcacNotTrue { .. } => w::ACAC_NOT_TRUE.fill(&[]),
        Failure::PreflightNotOk { status } => w::PREFLIGHT_NOT_OK.fill(&[&status.to_string()]),
        Failure::PreflightRedirect { .. } => w::PREFLIGHT_REDIRECT.fill(&[]),
        Failure::InvalidAcam { token, .. } => w::INVALID_ACAM.fill(&[token]),
        Failure::InvalidAcah { token, .. } => w::INVALID_ACAH.fill(&[token]),
        Failure::MethodNotAllowed { .. } => w::METHOD_NOT_ALLOWED.fill(&[]),
        Failure::HeaderNotAllowed { name } => w::HEADER_NOT_ALLOWED.fill(&[name]),
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. }
        | Failure::SameOriginModeCrossOrigin { .. }
        | Failure::NoCorsRedirectMode { .. }
        | Failure::SameOriginModeRedirect { .. }
        | Failure::RedirectModeError { .. }
        | Failure::TooManyRedirects => return None,
    };
    Some(block(url, &reason))
}

fn block(url: &str, reason: &str) -> String {
    use super::wording::firefox as w;
    format!("{}{url}{}{reason}.", w::BLOCKED, w::REASON)
}

/// Firefox: the block line, and after a failed preflight or a failed
/// cross-origin redirect a second one, `CORS request did not succeed`,
/// `Status code: (null)` (the request itself never got a usable response);
/// a preflight answered with a redirect prints the "not successful" line
/// with its status between the two.
fn firefox_lines(failure: &Failure, at: &Where<'_>) -> Vec<String> {
    use super::wording::firefox as w;
    if let Failure::SameOriginModeCrossOrigin { url } = failure {
        return vec![w::SAME_ORIGIN_MODE.fill(&[&format!("{}/", at.page_origin), url])];
    }
    let Some(first) = firefox_message(failure, at.last_url) else {
        return Vec::new();
    };
    let mut lines = vec![first];
    if let Failure::PreflightRedirect { status } = failure {
        lines.push(block(
            at.last_url,
            &w::PREFLIGHT_NOT_OK.fill(&[&status.to_string()]),
        ));
    }
    if failure.stage() != Stage::Response {
        lines.push(block(at.last_url, &w::DID_NOT_SUCCEED.fill(&["(null)"])));
    }
    lines
}

/// Safari: the reason, then `Fetch API cannot load <url> due to access
/// control checks.` naming the URL of the response that failed (after a
/// redirect, the one redirected to). WebKit checks a
/// preflight's status before its headers, so a non-2xx preflight (a
/// redirect included) is "not successful" whatever its headers say; a
/// failing redirect is reported as the redirection being denied.
fn safari_lines(failure: &Failure, at: &Where<'_>) -> Vec<String> {
    use super::wording::safari as w;
    let status = at.status.unwrap_or_default().to_string();
    let not_allowed = || w::ORIGIN_NOT_ALLOWED.fill(&[at.page_origin, &status]);
    let preflight_not_ok = |status: u16| !(200..300).contains(&status);
    let reason = match failure {
        Failure::SameOriginModeCrossOrigin { url } => return vec![w::CANNOT_LOAD_BARE.fill(&[url])],
        Failure::NoCorsRedirectMode { .. } => {
            return vec![
                w::NO_CORS_REDIRECT_MODE.fill(&[]),
                w::NOT_ALLOWED_TO_REQUEST.fill(&[]),
                w::CANNOT_LOAD.fill(&[at.last_url]),
            ]
        }
        Failure::RedirectModeError { .. } => w::REDIRECT_MODE_ERROR.fill(&[at.last_url]),
        Failure::NoAcao {
            on: Stage::Preflight,
            status,
        } if preflight_not_ok(*status) => w::PREFLIGHT_NOT_OK.fill(&[&status.to_string()]),
        Failure::PreflightRedirect { status } | Failure::PreflightNotOk { status } => {
            w::PREFLIGHT_NOT_OK.fill(&[&status.to_string()])
        }
        Failure::NoAcao { .. } | Failure::InvalidAcao { .. } | Failure::AcaoMismatch { .. } => {
            not_allowed()
        }
        Failure::MultipleAcao { .. } => w::MULTIPLE_ACAO.fill(&[]),
        Failure::WildcardWithCredentials { .. } => w::WILDCARD.fill(&[]),
        Failure::AcacNotTrue { .. } => w::ACAC_NOT_TRUE.fill(&[]),
        Failure::MethodNotAllowed { method } => w::METHOD_NOT_ALLOWED.fill(&[method]),
        Failure::HeaderNotAllowed { name } => {
            let as_written = at
                .request_headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map_or(name.as_str(), |(n, _)| n.as_str());
            w::HEADER_NOT_ALLOWED.fill(&[as_written])
        }
        // WebKit names the whole header value (`CrossOriginPreflightResultCacheItem::create`).
        Failure::InvalidAcam { value, .. } => w::INVALID_ACAM.fill(&[value]),
        Failure::InvalidAcah { value, .. } => w::INVALID_ACAH.fill(&[value]),
        // Not seen in our runs: WebKit's wording for these is not modelled.
        Failure::SameOriginModeRedirect { .. } | Failure::TooManyRedirects => return Vec::new(),
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. } => return Vec::new(),
    };
    let reason = match (failure.stage(), at.redirect_to) {
        (Stage::Redirect, Some(to)) => w::REDIRECT_DENIED.fill(&[to, &reason]),
        _ => reason,
    };
    vec![reason, w::CANNOT_LOAD.fill(&[at.last_url])]
}

/// `String(error)` for the error `fetch` rejects with in Chrome.
fn chrome_js_error(failure: &Failure) -> String {
    let thrown =
        |message: String| format!("TypeError: Failed to execute 'fetch' on 'Window': {message}");
    match failure {
        Failure::NotByteString { member } => thrown(format!(
            "Failed to read the '{member}' property from 'RequestInit': String contains non ISO-8859-1 code point."
        )),
        Failure::InvalidMethod { method } => thrown(format!("'{method}' is not a valid HTTP method.")),
        Failure::ForbiddenMethod { method } => thrown(format!("'{method}' HTTP method is unsupported.")),
        Failure::InvalidHeaderName { .. } => thrown("Invalid name".to_owned()),
        Failure::InvalidHeaderValue { .. } => thrown("Invalid value".to_owned()),
        Failure::NoCorsMethod { method } => thrown(format!("'{method}' is unsupported in no-cors mode.")),
        Failure::BodyWithGetOrHead { .. } => {
            thrown("Request with GET/HEAD method cannot have body.".to_owned())
        }
        _ => format!("TypeError: {}", super::wording::js_error::CHROME),
    }
}

/// `String(error)` in Firefox (Gecko's `Dom.properties`, checked in Firefox
/// ESR 153). Firefox lower-cases a header name, and a value ends at its
/// first NUL (a C string).
fn firefox_js_error(failure: &Failure) -> String {
    let thrown = |message: String| format!("TypeError: Window.fetch: {message}");
    match failure {
        // The real message names the index and code point of the first
        // character above U+00FF; that is not kept, so the text stops there.
        Failure::NotByteString { .. } => thrown("Cannot convert … to ByteString".to_owned()),
        Failure::InvalidMethod { method }
        | Failure::ForbiddenMethod { method }
        | Failure::NoCorsMethod { method } => thrown(format!("Invalid request method {method}.")),
        Failure::InvalidHeaderName { name } => thrown(format!(
            "{} is an invalid header name.",
            name.to_ascii_lowercase()
        )),
        Failure::InvalidHeaderValue { value, .. } => thrown(format!(
            "{} is an invalid header value.",
            value.split('\0').next().unwrap_or_default()
        )),
        Failure::BodyWithGetOrHead { .. } => {
            thrown("HEAD or GET Request cannot have a body.".to_owned())
        }
        _ => format!("TypeError: {}", super::wording::js_error::FIREFOX),
    }
}

/// `String(error)` in Safari (WebKit's `FetchRequest.cpp` and
/// `FetchHeaders.cpp`, checked in WebKitGTK 2.50): names and values as written.
fn safari_js_error(failure: &Failure) -> String {
    let thrown = |message: String| format!("TypeError: {message}");
    match failure {
        Failure::NotByteString { .. } => thrown("Type error".to_owned()),
        Failure::InvalidMethod { .. } => thrown("Method is not a valid HTTP token.".to_owned()),
        Failure::ForbiddenMethod { .. } => thrown("Method is forbidden.".to_owned()),
        Failure::InvalidHeaderName { name } => thrown(format!("Invalid header name: '{name}'")),
        Failure::InvalidHeaderValue { name, value } => {
            thrown(format!("Header '{name}' has invalid value: '{value}'"))
        }
        Failure::NoCorsMethod { .. } => {
            thrown("Method must be GET, POST or HEAD in no-cors mode.".to_owned())
        }
        Failure::BodyWithGetOrHead { method } => thrown(format!(
            "Request has method '{method}' and cannot have a body"
        )),
        _ => format!("TypeError: {}", super::wording::js_error::SAFARI),
    }
}
