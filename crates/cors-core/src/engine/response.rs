//! Reading a response the way the browser does: header lookup, the CORS
//! check, and which header names the filtered response shows JavaScript.

use super::safelist::{is_cors_safelisted_response_header_name, is_forbidden_response_header_name};
use super::{Failure, Stage};
use crate::scenario::Credentials;

/// A header's value as Chromium's `HttpResponseHeaders::GetNormalizedHeader`
/// gives it: every line with that name (case-insensitive), each trimmed of
/// spaces and tabs, joined with `", "`; `None` when there is no such line.
pub(super) fn header_value(headers: &[(String, String)], name: &str) -> Option<String> {
    let values: Vec<&str> = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim_matches([' ', '\t']))
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// How many header lines carry `name`.
pub(super) fn header_lines(headers: &[(String, String)], name: &str) -> usize {
    headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .count()
}

/// <https://fetch.spec.whatwg.org/#concept-cors-check>, in Chromium's order
/// (`network::cors::CheckAccess`):
///
/// 1. `Access-Control-Allow-Origin: *` passes unless credentials mode is
///    `include`;
/// 2. a missing header fails;
/// 3. a value that is not, byte for byte, the request's serialized origin
///    (`null` after a cross-origin redirect tainted it) fails — reported as
///    "multiple values" if it holds a space or comma, "invalid" if it does
///    not parse as a URL, "not equal" otherwise;
/// 4. with credentials mode `include`, `Access-Control-Allow-Credentials`
///    must be exactly `true` (case-sensitive).
pub(super) fn cors_check(
    headers: &[(String, String)],
    credentials: Credentials,
    request_origin: &str,
    on: Stage,
    status: u16,
) -> Result<(), Failure> {
    let include = credentials == Credentials::Include;
    // Step 1: let originHeader be the result of getting `Access-Control-Allow-Origin`.
    let acao = header_value(headers, "access-control-allow-origin");
    match acao.as_deref() {
        // Step 3: `*` with credentials mode other than "include": success.
        Some("*") if !include => return Ok(()),
        Some("*") => return Err(Failure::WildcardWithCredentials { on }),
        // Step 2: originHeader is null: failure.
        None => return Err(Failure::NoAcao { on, status }),
        // Step 4: the serialized origin is not originHeader: failure.
        Some(value) if value != request_origin => {
            return Err(acao_value_failure(
                on,
                value.to_owned(),
                header_lines(headers, "access-control-allow-origin"),
            ));
        }
        Some(_) => {}
    }
    // Step 5: credentials mode "include": `Access-Control-Allow-Credentials` must be `true`.
    if include {
        let acac = header_value(headers, "access-control-allow-credentials");
        if acac.as_deref() != Some("true") {
            return Err(Failure::AcacNotTrue { on, value: acac });
        }
    }
    Ok(())
}

/// The failure for an `Access-Control-Allow-Origin` value (`lines` header
/// lines, joined) that is not the request's origin, as Chromium names it:
/// "multiple values" if it holds a space or comma, "invalid" if it does not
/// parse as a URL (Chromium: `GURL(value).is_valid()` fails), "not equal"
/// otherwise.
pub fn acao_value_failure(on: Stage, value: String, lines: usize) -> Failure {
    if value.contains([' ', ',']) {
        Failure::MultipleAcao { on, lines, value }
    } else if value != "null" && url::Url::parse(&value).is_err() {
        Failure::InvalidAcao { on, value }
    } else {
        Failure::AcaoMismatch { on, value }
    }
}

/// Which response the page gets, after the filters of
/// <https://fetch.spec.whatwg.org/#concept-filtered-response>.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tainting {
    Basic,
    Cors,
    Opaque,
}

impl Tainting {
    pub fn word(self) -> &'static str {
        match self {
            Tainting::Basic => "basic",
            Tainting::Cors => "cors",
            Tainting::Opaque => "opaque",
        }
    }
}

/// Lower-case, sorted, de-duplicated names JavaScript sees in
/// `response.headers` for a response of this tainting.
///
/// - basic (<https://fetch.spec.whatwg.org/#concept-filtered-response-basic>):
///   all but the forbidden response header names (`Set-Cookie`);
/// - CORS (<https://fetch.spec.whatwg.org/#concept-filtered-response-cors>):
///   the CORS-safelisted response header names, plus the names listed in
///   `Access-Control-Expose-Headers`; its `*` exposes every header unless
///   credentials mode is `include` (then `*` is just a name). Never
///   `Set-Cookie`. Listing a name the response does not have shows nothing.
/// - opaque: none.
pub(super) fn visible_header_names(
    tainting: Tainting,
    headers: &[(String, String)],
    credentials: Credentials,
) -> Vec<String> {
    let exposed: Vec<String> = header_value(headers, "access-control-expose-headers")
        .map(|v| {
            v.split(',')
                .map(|n| n.trim().to_ascii_lowercase())
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let expose_all = credentials != Credentials::Include && exposed.iter().any(|n| n == "*");
    let mut names: Vec<String> = headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .filter(|n| !is_forbidden_response_header_name(n))
        .filter(|n| match tainting {
            Tainting::Basic => true,
            Tainting::Cors => {
                is_cors_safelisted_response_header_name(n)
                    || expose_all
                    || exposed.iter().any(|e| e == n)
            }
            Tainting::Opaque => false,
        })
        .collect();
    names.sort();
    names.dedup();
    names
}
