//! The Fetch standard's lists of names and values: safelisted methods and
//! request headers, forbidden request headers, safelisted and forbidden
//! response header names — with Chromium's additions where it has them.
//!
//! Header values reach these functions as JavaScript strings that already
//! passed WebIDL's ByteString conversion, so every `char` is at most U+00FF
//! and stands for one byte (Latin-1), as in Chromium.

/// <https://fetch.spec.whatwg.org/#cors-safelisted-method>: `GET`, `HEAD` or
/// `POST`. Chromium compares upper-cased (`IsCorsSafelistedMethod`).
pub(crate) fn is_cors_safelisted_method(method: &str) -> bool {
    matches!(
        method.to_ascii_uppercase().as_str(),
        "GET" | "HEAD" | "POST"
    )
}

/// <https://fetch.spec.whatwg.org/#forbidden-method>: `CONNECT`, `TRACE`,
/// `TRACK`, compared case-insensitively.
pub(crate) fn is_forbidden_method(method: &str) -> bool {
    matches!(
        method.to_ascii_uppercase().as_str(),
        "CONNECT" | "TRACE" | "TRACK"
    )
}

/// <https://fetch.spec.whatwg.org/#concept-method-normalize>: `DELETE`,
/// `GET`, `HEAD`, `OPTIONS`, `POST` and `PUT` are upper-cased; every other
/// method (`patch`!) stays exactly as written.
pub(super) fn normalize_method(method: &str) -> String {
    let upper = method.to_ascii_uppercase();
    match upper.as_str() {
        "DELETE" | "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" => upper,
        _ => method.to_owned(),
    }
}

/// RFC 9110 `token`: one or more `tchar`.
pub(crate) fn is_http_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_tchar)
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The Latin-1 bytes of a ByteString (`None` if a code point is above U+00FF).
pub(super) fn latin1(s: &str) -> Option<Vec<u8>> {
    s.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

/// <https://fetch.spec.whatwg.org/#concept-header-value-normalize>: strip
/// leading and trailing HTTP whitespace (tab, LF, CR, space).
pub(super) fn normalize_header_value(value: &str) -> &str {
    value.trim_matches(|c| matches!(c, '\t' | '\n' | '\r' | ' '))
}

/// <https://fetch.spec.whatwg.org/#header-value>: no NUL, CR or LF.
pub(super) fn is_valid_header_value(value: &str) -> bool {
    !value.contains(['\0', '\r', '\n'])
}

/// <https://fetch.spec.whatwg.org/#forbidden-request-header>, as Chromium's
/// `net::HttpUtil::IsSafeHeader` has it. Chromium keeps `User-Agent` on the
/// list although the standard dropped it (crbug.com/571722), and forbids
/// `Set-Cookie` too.
pub(crate) fn is_forbidden_request_header(name: &str, value: &str) -> bool {
    const FORBIDDEN: &[&str] = &[
        "accept-charset",
        "accept-encoding",
        "access-control-request-headers",
        "access-control-request-method",
        "access-control-request-private-network",
        "connection",
        "content-length",
        "cookie",
        "cookie2",
        "date",
        "dnt",
        "expect",
        "host",
        "keep-alive",
        "origin",
        "referer",
        "set-cookie",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "user-agent",
        "via",
    ];
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("proxy-") || lower.starts_with("sec-") {
        return true;
    }
    if FORBIDDEN.contains(&lower.as_str()) {
        return true;
    }
    // `X-HTTP-Method`, `X-HTTP-Method-Override` and `X-Method-Override` are
    // forbidden when they name a forbidden method.
    if matches!(
        lower.as_str(),
        "x-http-method" | "x-http-method-override" | "x-method-override"
    ) {
        return value
            .split(',')
            .map(|m| m.trim_matches([' ', '\t']))
            .any(is_forbidden_method);
    }
    false
}

/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte>
fn is_cors_unsafe_request_header_byte(b: u8) -> bool {
    (b < 0x20 && b != 0x09) || b"\"():<>?@[\\]{}\x7f".contains(&b)
}

/// <https://fetch.spec.whatwg.org/#cors-safelisted-request-header>, as
/// Chromium implements it (`network::cors::IsCorsSafelistedHeader`). Beyond
/// the standard's `Accept`, `Accept-Language`, `Content-Language`,
/// `Content-Type` and `Range`, Chromium safelists `Intervention` and the
/// unprefixed client hints (`DPR`, `Width`, `Viewport-Width`,
/// `Device-Memory`, `RTT`, `Downlink`, `ECT`, `Save-Data`): a script setting
/// one of those does not trigger a preflight in Chromium (checked in
/// Chromium 156).
pub(crate) fn is_cors_safelisted_request_header(name: &str, value: &str) -> bool {
    let Some(bytes) = latin1(value) else {
        return false;
    };
    // Step 1 (Chromium: `kValueLimit`): a value longer than 128 bytes is never safelisted.
    if bytes.len() > 128 {
        return false;
    }
    let lower: Vec<u8> = bytes.to_ascii_lowercase();
    match name.to_ascii_lowercase().as_str() {
        // `Accept`: no CORS-unsafe request-header byte.
        "accept" => !bytes.iter().any(|&b| is_cors_unsafe_request_header_byte(b)),
        // `Accept-Language`, `Content-Language`: only 0-9 A-Z a-z space * , - . ; =
        "accept-language" | "content-language" => bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b" *,-.;=".contains(&b)),
        "content-type" => is_cors_safelisted_content_type(&lower),
        "range" => is_simple_range_header_value(&lower),
        "intervention" => true,
        "device-memory" | "dpr" | "downlink" => is_similar_to_double(&bytes),
        "width" | "viewport-width" | "rtt" => {
            !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit)
        }
        "ect" => matches!(bytes.as_slice(), b"slow-2g" | b"2g" | b"3g" | b"4g"),
        "save-data" => lower == b"on",
        _ => false,
    }
}

/// `Content-Type` (already lower-cased): no CORS-unsafe byte, and its MIME
/// type essence is `application/x-www-form-urlencoded`, `multipart/form-data`
/// or `text/plain` — parameters such as `;charset=utf-8` do not matter.
/// Chromium parses with `net::ExtractMimeTypeFromMediaType`: the part before
/// the first `;`, split at `/` into exactly two tokens; only whitespace
/// before the type and after the subtype is allowed (`text /plain` is not
/// safelisted, `text/plain ;charset=x` is; checked in Chromium 156).
fn is_cors_safelisted_content_type(lower: &[u8]) -> bool {
    if lower.iter().any(|&b| is_cors_unsafe_request_header_byte(b)) {
        return false;
    }
    let essence = lower.split(|&b| b == b';').next().unwrap_or_default();
    let parts: Vec<&[u8]> = essence.split(|&b| b == b'/').collect();
    let [ty, subtype] = parts.as_slice() else {
        return false;
    };
    let (ty, subtype) = (ty.trim_ascii_start(), subtype.trim_ascii_end());
    if ty.is_empty()
        || subtype.is_empty()
        || !ty.iter().all(|&b| is_tchar(b))
        || !subtype.iter().all(|&b| is_tchar(b))
    {
        return false;
    }
    matches!(
        (ty, subtype),
        (b"application", b"x-www-form-urlencoded")
            | (b"multipart", b"form-data")
            | (b"text", b"plain")
    )
}

/// <https://fetch.spec.whatwg.org/#simple-range-header-value>, as Chromium
/// checks it: no whitespace or comma, one `bytes=first-[last]` range (a
/// suffix range like `bytes=-500` is not simple).
fn is_simple_range_header_value(lower: &[u8]) -> bool {
    if lower.iter().any(|&b| matches!(b, b' ' | b'\t' | b',')) {
        return false;
    }
    let Some(eq) = lower.iter().position(|&b| b == b'=') else {
        return false;
    };
    if &lower[..eq] != b"bytes" {
        return false;
    }
    let range = &lower[eq + 1..];
    let Some(minus) = range.iter().position(|&b| b == b'-') else {
        return false;
    };
    let (first, last) = (&range[..minus], &range[minus + 1..]);
    let Some(first) = parse_int64(first) else {
        // Empty first position: a suffix range (or garbage).
        return false;
    };
    if first < 0 {
        return false;
    }
    if last.is_empty() {
        return true;
    }
    parse_int64(last).is_some_and(|last| last >= first)
}

/// `base::StringToInt64`: an optional sign and at least one digit, nothing
/// else; overflow fails.
pub(super) fn parse_int64(s: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(s).ok()?;
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>().ok()
}

/// `1*DIGIT [ "." 1*DIGIT ]`
fn is_similar_to_double(bytes: &[u8]) -> bool {
    let mut parts = bytes.splitn(2, |&b| b == b'.');
    let whole = parts.next().unwrap_or_default();
    let digits = |p: &[u8]| !p.is_empty() && p.iter().all(u8::is_ascii_digit);
    digits(whole) && parts.next().is_none_or(digits)
}

/// <https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header>: what a
/// `no-cors` request may carry (`Accept`, `Accept-Language`,
/// `Content-Language`, `Content-Type`, each with a safelisted value).
pub(super) fn is_no_cors_safelisted_request_header(name: &str, value: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "accept" | "accept-language" | "content-language" | "content-type"
    ) && is_cors_safelisted_request_header(name, value)
}

/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>, as
/// Chromium's `CorsUnsafeNotForbiddenRequestHeaderNames`: lower-case names of
/// the headers that are not safelisted, in header-list order; when the
/// safelisted values add up to more than 1024 bytes, the safelisted names
/// count as unsafe too.
pub(super) fn cors_unsafe_request_header_names(headers: &[(String, String)]) -> Vec<String> {
    let mut unsafe_names = Vec::new();
    let mut safelisted = Vec::new();
    let mut safelisted_size = 0usize;
    for (name, value) in headers {
        if is_forbidden_request_header(name, value) {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        if is_cors_safelisted_request_header(name, value) {
            safelisted_size += value.chars().count();
            safelisted.push(lower);
        } else {
            unsafe_names.push(lower);
        }
    }
    if safelisted_size > 1024 {
        unsafe_names.extend(safelisted);
    }
    unsafe_names
}

/// <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>
pub(super) fn is_cors_safelisted_response_header_name(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "cache-control"
            | "content-language"
            | "content-length"
            | "content-type"
            | "expires"
            | "last-modified"
            | "pragma"
    )
}

/// <https://fetch.spec.whatwg.org/#forbidden-response-header-name>:
/// `Set-Cookie` and `Set-Cookie2` never reach JavaScript.
pub(super) fn is_forbidden_response_header_name(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "set-cookie" | "set-cookie2"
    )
}
