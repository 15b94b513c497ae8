//! The `Request` constructor (<https://fetch.spec.whatwg.org/#dom-request>)
//! as `fetch(url, init)` runs it in Chromium (Blink's `Request::CreateRequestWithRequestOrString`):
//! what the script's method, headers and body become before anything is
//! sent, and which mistakes throw a `TypeError` on the spot.

use super::safelist::{
    is_cors_safelisted_method, is_forbidden_method, is_forbidden_request_header, is_http_token,
    is_no_cors_safelisted_request_header, is_valid_header_value, latin1, normalize_header_value,
    normalize_method,
};
use super::{Fact, Failure, Outcome, Rule, Step};
use crate::scenario::{Mode, RequestSpec};

/// The request after construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ConstructedRequest {
    /// Normalized method.
    pub method: String,
    /// Header list: one entry per name (first spelling kept), values of a
    /// repeated name combined with `", "`, in the order names first appeared.
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

/// Run the constructor; `Err` is the `TypeError` `fetch` rejects with at once.
pub(super) fn construct_request(
    spec: &RequestSpec,
    steps: &mut Vec<Step>,
) -> Result<ConstructedRequest, Failure> {
    // WebIDL converts the RequestInit members in alphabetical order: `headers`
    // (sequence<sequence<ByteString>>) before `method` (ByteString). A code
    // point above U+00FF fails the conversion.
    for (name, value) in &spec.headers {
        if latin1(name).is_none() || latin1(value).is_none() {
            return Err(Failure::NotByteString {
                member: "headers".to_owned(),
            });
        }
    }
    if latin1(&spec.method).is_none() {
        return Err(Failure::NotByteString {
            member: "method".to_owned(),
        });
    }

    // Step "If init["method"] exists": it must be a method (a token)...
    if !is_http_token(&spec.method) {
        return Err(Failure::InvalidMethod {
            method: spec.method.clone(),
        });
    }
    // ...and not a forbidden method.
    if is_forbidden_method(&spec.method) {
        return Err(Failure::ForbiddenMethod {
            method: spec.method.clone(),
        });
    }
    // Normalize it: only DELETE, GET, HEAD, OPTIONS, POST and PUT change case.
    let method = normalize_method(&spec.method);
    if method != spec.method {
        steps.push(Step::new(
            Rule::MethodNormalize,
            Outcome::Info,
            Fact::MethodNormalized {
                from: spec.method.clone(),
                to: method.clone(),
            },
        ));
    } else if method != method.to_ascii_uppercase() {
        steps.push(Step::new(
            Rule::MethodNormalize,
            Outcome::Info,
            Fact::MethodKeepsCase {
                method: method.clone(),
            },
        ));
    }

    // Step "If mode is no-cors": the method must be CORS-safelisted.
    let no_cors = spec.mode == Mode::NoCors;
    if no_cors && !is_cors_safelisted_method(&method) {
        return Err(Failure::NoCorsMethod { method });
    }

    // Step "Fill this's headers with headers": guard "request" (or
    // "request-no-cors"); a bad name or value throws, a forbidden header is
    // silently left out.
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, raw_value) in &spec.headers {
        let value = normalize_header_value(raw_value);
        if !is_http_token(name) {
            return Err(Failure::InvalidHeaderName { name: name.clone() });
        }
        if !is_valid_header_value(value) {
            return Err(Failure::InvalidHeaderValue {
                name: name.clone(),
                value: value.to_owned(),
            });
        }
        if is_forbidden_request_header(name, value) {
            steps.push(Step::new(
                Rule::ForbiddenRequestHeader,
                Outcome::Info,
                Fact::ForbiddenHeaderDropped { name: name.clone() },
            ));
            continue;
        }
        let existing = headers
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name));
        let combined = match existing {
            Some(i) => format!("{}, {value}", headers[i].1),
            None => value.to_owned(),
        };
        if no_cors && !is_no_cors_safelisted_request_header(name, &combined) {
            steps.push(Step::new(
                Rule::NoCorsSafelistedHeader,
                Outcome::Info,
                Fact::NoCorsHeaderDropped {
                    name: name.clone(),
                    value: value.to_owned(),
                },
            ));
            continue;
        }
        match existing {
            Some(i) => headers[i].1 = combined,
            None => headers.push((name.clone(), combined)),
        }
    }

    // Step "If either init["body"] exists and is non-null ... and request's
    // method is GET or HEAD, then throw a TypeError."
    if spec.body.is_some() && (method == "GET" || method == "HEAD") {
        return Err(Failure::BodyWithGetOrHead { method });
    }

    // Step "If init["body"] exists": extracting a string body gives the
    // Content-Type `text/plain;charset=UTF-8`, added when the script set none.
    if spec.body.is_some()
        && !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
    {
        headers.push((
            "Content-Type".to_owned(),
            "text/plain;charset=UTF-8".to_owned(),
        ));
        steps.push(Step::new(
            Rule::RequestConstructor,
            Outcome::Info,
            Fact::BodyContentTypeAdded,
        ));
    }

    Ok(ConstructedRequest {
        method,
        headers,
        body: spec.body.clone(),
    })
}
