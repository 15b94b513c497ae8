//! What the browsers print: the console message for a blocked request and
//! the error JavaScript catches.
//!
//! Chrome's wording is Blink's `cors::GetErrorStringForConsoleMessage`
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
fn encode_hint(value: &str) -> String {
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

const NO_CORS_INFORMATION: &str = " Have the server send the header with a valid value.";

fn chrome_message(failure: &Failure, at: &Where<'_>) -> Option<String> {
    let reason = match failure {
        Failure::SameOriginModeCrossOrigin { url } => {
            return Some(format!(
                "Fetch API cannot load {url}. Request mode is \"same-origin\" but the URL's origin is not same as the request origin {}.",
                at.page_origin
            ))
        }
        Failure::NoCorsRedirectMode { url, .. } => {
            return Some(format!(
                "Fetch API cannot load {url}. Request mode is \"no-cors\" but the redirect mode is not \"follow\"."
            ))
        }
        // Blink's redirect check (`ResourceFetcher`): the frame URL is the
        // page's; the engine only knows its origin and prints `<origin>/`.
        Failure::SameOriginModeRedirect { url } => {
            return Some(format!(
                "Unsafe attempt to load URL {url} from frame with URL {}/. Domains, protocols and ports must match.\n",
                at.page_origin
            ))
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
            "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.".to_owned()
        }
        Failure::PreflightNotOk { .. } => {
            "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.".to_owned()
        }
        Failure::NoAcao { on, .. } => format!(
            "{}No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            preflight_prefix(*on)
        ),
        Failure::WildcardWithCredentials { on } => format!(
            "{}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
            preflight_prefix(*on)
        ),
        Failure::MultipleAcao { on, value, .. } => format!(
            "{}The 'Access-Control-Allow-Origin' header contains multiple values '{}', but only one is allowed.{NO_CORS_INFORMATION}",
            preflight_prefix(*on),
            encode_hint(value)
        ),
        Failure::InvalidAcao { on, value } => format!(
            "{}The 'Access-Control-Allow-Origin' header contains the invalid value '{}'.{NO_CORS_INFORMATION}",
            preflight_prefix(*on),
            encode_hint(value)
        ),
        Failure::AcaoMismatch { on, value } => format!(
            "{}The 'Access-Control-Allow-Origin' header has a value '{}' that is not equal to the supplied origin.{NO_CORS_INFORMATION}",
            preflight_prefix(*on),
            encode_hint(value)
        ),
        Failure::AcacNotTrue { on, value } => format!(
            "{}The value of the 'Access-Control-Allow-Credentials' header in the response is '{}' which must be 'true' when the request's credentials mode is 'include'.",
            preflight_prefix(*on),
            encode_hint(value.as_deref().unwrap_or_default())
        ),
        Failure::InvalidAcam { .. } => {
            "Cannot parse Access-Control-Allow-Methods response header field in preflight response.".to_owned()
        }
        Failure::InvalidAcah { .. } => {
            "Cannot parse Access-Control-Allow-Headers response header field in preflight response.".to_owned()
        }
        Failure::MethodNotAllowed { method } => format!(
            "Method {} is not allowed by Access-Control-Allow-Methods in preflight response.",
            encode_hint(method)
        ),
        Failure::HeaderNotAllowed { name } => format!(
            "Request header field {} is not allowed by Access-Control-Allow-Headers in preflight response.",
            encode_hint(name)
        ),
    };
    let redirected = if at.initial_url == at.last_url {
        String::new()
    } else {
        format!("(redirected from '{}') ", at.initial_url)
    };
    Some(format!(
        "Access to fetch at '{}' {redirected}from origin '{}' has been blocked by CORS policy: {reason}",
        at.last_url, at.page_origin
    ))
}

/// Chrome prefixes the failures of the preflight's own CORS check (and its
/// status and redirect failures), not its method or header failures.
fn preflight_prefix(on: Stage) -> &'static str {
    match on {
        Stage::Preflight => "Response to preflight request doesn't pass access control check: ",
        Stage::Redirect | Stage::Response => "",
    }
}

fn firefox_message(failure: &Failure, url: &str) -> Option<String> {
    const BLOCKED: &str =
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at";
    let reason = match failure {
        Failure::NoAcao { status, .. } => format!(
            "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {status}"
        ),
        // Firefox counts header lines: one line listing two origins simply
        // does not match.
        Failure::MultipleAcao { lines, .. } if *lines > 1 => {
            "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)".to_owned()
        }
        Failure::MultipleAcao { value, .. }
        | Failure::InvalidAcao { value, .. }
        | Failure::AcaoMismatch { value, .. } => {
            format!("CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’)")
        }
        Failure::WildcardWithCredentials { .. } => {
            // This one key quotes the URL.
            return Some(format!(
                "{BLOCKED} ‘{url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."
            ));
        }
        Failure::AcacNotTrue { .. } => {
            "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)".to_owned()
        }
        Failure::PreflightNotOk { status } => {
            format!("CORS preflight response did not succeed). Status code: {status}")
        }
        Failure::PreflightRedirect { .. } => "CORS request external redirect not allowed)".to_owned(),
        Failure::InvalidAcam { token, .. } => format!(
            "invalid token ‘{token}’ in CORS header ‘Access-Control-Allow-Methods’)"
        ),
        Failure::InvalidAcah { token, .. } => format!(
            "invalid token ‘{token}’ in CORS header ‘Access-Control-Allow-Headers’)"
        ),
        Failure::MethodNotAllowed { .. } => {
            "Did not find method in CORS header ‘Access-Control-Allow-Methods’)".to_owned()
        }
        Failure::HeaderNotAllowed { name } => format!(
            "header ‘{name}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)"
        ),
        _ => return None,
    };
    Some(format!("{BLOCKED} {url}. (Reason: {reason}."))
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
