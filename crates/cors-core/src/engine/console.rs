//! What the browsers print: the console message for a blocked request and
//! the error JavaScript catches.
//!
//! The texts themselves are in `wording` (shared with the error explainer).
//! Chrome's is Blink's `cors::GetErrorStringForConsoleMessage`
//! (`third_party/blink/renderer/platform/loader/cors/cors_error_string.cc`)
//! and `FetchManager`'s early network errors, checked against Chromium 156.
//! Firefox's is Gecko's `security.properties` (`CORS…` keys), with its
//! typographic quotes (‘ ’) — cors-facts.md quotes them with straight ones;
//! Firefox is not driven by the tests, so these are from the source, not a run.

use super::{Console, Failure, Stage};

/// Where a failure happened, for the message.
pub(super) struct Where<'a> {
    /// The URL `fetch` was called with.
    pub initial_url: &'a str,
    /// The URL of the request that failed (differs after redirects).
    pub last_url: &'a str,
    /// The page's origin, e.g. `http://localhost:8080`.
    pub page_origin: &'a str,
}

/// The console messages for `failure`, or `None` when Chrome prints none
/// (a `TypeError` thrown by the `Request` constructor, `redirect: "error"`).
/// Firefox's text is empty when its wording is not known for this case.
pub(super) fn console_messages(failure: &Failure, at: &Where<'_>) -> Option<Console> {
    let chrome = chrome_message(failure, at)?;
    let firefox = firefox_message(failure, at.last_url).unwrap_or_default();
    Some(Console { chrome, firefox })
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

fn firefox_message(failure: &Failure, url: &str) -> Option<String> {
    use super::wording::firefox as w;
    let reason = match failure {
        Failure::NoAcao { status, .. } => w::MISSING_ACAO.fill(&[&status.to_string()]),
        // Firefox counts header lines: one line listing two origins simply
        // does not match.
        Failure::MultipleAcao { lines, .. } if *lines > 1 => w::MULTIPLE_ACAO.fill(&[]),
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
        _ => return None,
    };
    Some(format!("{}{url}{}{reason}.", w::BLOCKED, w::REASON))
}

/// `String(error)` for the error `fetch` rejects with in Chrome.
pub(super) fn chrome_js_error(failure: &Failure) -> String {
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
        _ => "TypeError: Failed to fetch".to_owned(),
    }
}

/// `String(error)` in Firefox, where known: Gecko's `Dom.properties`
/// wording for the constructor's errors (not checked in a real Firefox).
pub(super) fn firefox_js_error(failure: &Failure) -> Option<String> {
    let thrown = |message: String| Some(format!("TypeError: Window.fetch: {message}"));
    match failure {
        // The ByteString conversion message names the index and code point.
        Failure::NotByteString { .. } => None,
        Failure::InvalidMethod { method }
        | Failure::ForbiddenMethod { method }
        | Failure::NoCorsMethod { method } => thrown(format!("Invalid request method {method}.")),
        Failure::InvalidHeaderName { name } => thrown(format!("{name} is an invalid header name.")),
        Failure::InvalidHeaderValue { value, .. } => {
            thrown(format!("{value} is an invalid header value."))
        }
        Failure::BodyWithGetOrHead { .. } => {
            thrown("HEAD or GET Request cannot have a body.".to_owned())
        }
        _ => Some("TypeError: NetworkError when attempting to fetch resource.".to_owned()),
    }
}
