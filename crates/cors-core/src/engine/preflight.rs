//! The CORS-preflight fetch (<https://fetch.spec.whatwg.org/#cors-preflight-fetch>)
//! as Chromium runs it (`network::cors::PreflightController`,
//! `PreflightResult`), and the preflight cache
//! (<https://fetch.spec.whatwg.org/#concept-cache>).

use std::collections::HashMap;

use super::response::{cors_check, header_value};
use super::safelist::{
    cors_unsafe_request_header_names, is_cors_safelisted_method, is_http_token, parse_int64,
};
use super::server::ServerAnswer;
use super::{Engine, Failure, PreflightReason, Stage};
use crate::scenario::Credentials;

/// Why a cross-origin request needs a preflight
/// (<https://fetch.spec.whatwg.org/#main-fetch> step 12, "CORS-preflight
/// flag"): its method is not CORS-safelisted, or it has CORS-unsafe request
/// headers. Empty: no preflight.
pub(super) fn preflight_reasons(
    method: &str,
    headers: &[(String, String)],
) -> Vec<PreflightReason> {
    let mut reasons = Vec::new();
    if !is_cors_safelisted_method(method) {
        reasons.push(PreflightReason::Method {
            method: method.to_owned(),
        });
    }
    for name in access_control_request_headers(headers) {
        reasons.push(PreflightReason::Header { name });
    }
    reasons
}

/// The names for `Access-Control-Request-Headers`
/// (<https://fetch.spec.whatwg.org/#cors-preflight-fetch> step 5): CORS-unsafe
/// request-header names, lower case, sorted, without duplicates.
pub(super) fn access_control_request_headers(headers: &[(String, String)]) -> Vec<String> {
    let mut names = cors_unsafe_request_header_names(headers);
    names.sort();
    names.dedup();
    names
}

/// What a successful preflight allowed (Chromium's `PreflightResult`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PreflightResult {
    /// `Access-Control-Allow-Methods` values, case kept (compared case-sensitively).
    pub methods: Vec<String>,
    /// `Access-Control-Allow-Headers` values, lower case.
    pub headers: Vec<String>,
    /// The preflight was for a request with credentials mode `include`:
    /// `*` is then a literal name, not a wildcard.
    pub credentials: bool,
    /// How long the result may be cached, in seconds (0: not at all).
    pub max_age: i64,
    /// The engine whose header rules apply (see [`Self::first_disallowed_header`]).
    pub engine: Engine,
}

impl PreflightResult {
    /// Chromium's `EnsureAllowedCrossOriginMethod`: the method (already
    /// normalized, compared case-sensitively — `patch` is not `PATCH`) is
    /// listed, or CORS-safelisted, or `*` is listed and credentials mode is
    /// not `include`.
    pub fn allows_method(&self, method: &str) -> bool {
        self.methods.iter().any(|m| m == method)
            || is_cors_safelisted_method(method)
            || (!self.credentials && self.methods.iter().any(|m| m == "*"))
    }

    /// A CORS-unsafe request-header name (`unsafe_names`: sorted, lower
    /// case) that is not listed (case-insensitively), as this engine names it.
    ///
    /// `*` without credentials is a wildcard. The standard excludes
    /// `Authorization` from it (a "CORS non-wildcard request-header name",
    /// <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>),
    /// but none of the three engines enforces that: Chromium 156
    /// (`cors_non_wildcard_request_headers_support` is off), Firefox ESR 153
    /// and WebKitGTK 2.50 all sent the request in our differential run
    /// (scenarios `headers-14` and `headers-54`: `acah: "*"`, `Authorization`).
    ///
    /// Which name is reported when several are unlisted: Firefox and WebKit
    /// walk the sorted list and name the first (the standard's order). Chromium
    /// reports the first in its header map's iteration order, which follows
    /// Blink's string hashes: naming the *last* sorted one matches Chromium 156
    /// in the common small cases (`x-custom` over `authorization`, `x-beta`
    /// over `x-alpha`) but not always (`Foo, Bar, Baz, Qux` → Chromium says
    /// `baz`). Seen in our run: scenario `headers-50` (`X-Custom` and
    /// `Authorization`, nothing allowed): Chromium names `x-custom`, Firefox
    /// and WebKit `authorization`.
    pub fn first_disallowed_header(&self, unsafe_names: &[String]) -> Option<String> {
        let wildcard = !self.credentials && self.headers.iter().any(|h| h == "*");
        let allowed = |name: &String| wildcard || self.headers.iter().any(|h| h == name);
        match self.engine {
            Engine::Chromium => unsafe_names.iter().rev().find(|n| !allowed(n)).cloned(),
            Engine::Gecko | Engine::WebKit => unsafe_names.iter().find(|n| !allowed(n)).cloned(),
        }
    }

    /// Does this cached result cover a later request?
    pub fn allows(&self, credentials: bool, method: &str, unsafe_names: &[String]) -> bool {
        // A result cached for a request without credentials does not cover one with.
        (self.credentials || !credentials)
            && self.allows_method(method)
            && self.cached_headers_cover(unsafe_names)
    }

    /// Firefox's preflight cache compares header names with the names it
    /// stored and does not read a stored `*` as a wildcard: a request with
    /// `X-Custom` after a preflight that answered `*` (Max-Age 600) is
    /// preflighted again in Firefox ESR 153, and not in Chromium 156 or
    /// WebKitGTK 2.50 (our differential run, scenario `max-age-headers-1`).
    fn cached_headers_cover(&self, unsafe_names: &[String]) -> bool {
        match self.engine {
            Engine::Gecko => unsafe_names
                .iter()
                .all(|n| self.headers.iter().any(|h| h == n)),
            Engine::Chromium | Engine::WebKit => {
                self.first_disallowed_header(unsafe_names).is_none()
            }
        }
    }
}

/// The preflight cache, keyed by request URL (the page's origin is fixed).
/// Entries never expire within a scenario: its runs follow each other within
/// about a second, and every engine caches a result for its Max-Age (default
/// 5 seconds, at most [`max_age_cap`]), unless that is 0.
#[derive(Clone, Debug, Default)]
pub(super) struct PreflightCache {
    entries: HashMap<String, PreflightResult>,
}

impl PreflightCache {
    /// <https://fetch.spec.whatwg.org/#concept-cache-match>: is there an entry
    /// for `url` allowing this method and these headers?
    pub fn covers(
        &self,
        url: &str,
        credentials: bool,
        method: &str,
        unsafe_names: &[String],
    ) -> bool {
        self.entries
            .get(url)
            .is_some_and(|entry| entry.allows(credentials, method, unsafe_names))
    }

    /// Cache a successful preflight result (replacing an older one) unless
    /// its Max-Age says not to.
    pub fn store(&mut self, url: &str, result: PreflightResult) {
        if result.max_age > 0 {
            self.entries.insert(url.to_owned(), result);
        } else {
            self.entries.remove(url);
        }
    }
}

/// How long an engine caches a preflight result at most, in seconds (a
/// longer `Access-Control-Max-Age` is cut to it):
/// - Chromium: 7200 (2 hours), `kMaxTimeout = base::Hours(2)` in
///   `services/network/cors/preflight_result.cc`;
/// - Firefox: 86400 (24 hours), `age = std::min(age, 86400U)` in
///   `nsCORSPreflightListener::AddResultToCache`
///   (`netwerk/protocol/http/nsCORSListenerProxy.cpp`);
/// - WebKit: 600 (10 minutes), `maxPreflightCacheTimeout = 600_s` in
///   `Source/WebCore/loader/CrossOriginPreflightResultCache.cpp` ("short
///   enough to minimize the risk of using a poisoned cache after switching to
///   a secure network").
pub(super) fn max_age_cap(engine: Engine) -> i64 {
    match engine {
        Engine::Chromium => 7200,
        Engine::Gecko => 86_400,
        Engine::WebKit => 600,
    }
}

/// The seconds a preflight result is cached for, from its
/// `Access-Control-Max-Age` (absent: every engine's default, 5 seconds),
/// capped at [`max_age_cap`].
///
/// Chromium (`ParseAccessControlMaxAge`) and WebKit (`parseInteger<int64_t>`):
/// not an integer → the default; negative → 0 (not cached).
///
/// Firefox (`AddResultToCache`) reads the value digit by digit, capping as it
/// goes: anything but ASCII digits (a sign, a letter) and it does not cache
/// the result at all (our differential run, scenario `max-age-4`: `abc`),
/// while an all-digit value too long for an integer is simply the cap; an
/// empty value is an absent one.
pub(super) fn max_age_seconds(value: Option<&str>, engine: Engine) -> i64 {
    const DEFAULT: i64 = 5;
    let cap = max_age_cap(engine);
    let Some(value) = value else {
        return DEFAULT;
    };
    if engine == Engine::Gecko {
        let digits = value.trim_matches([' ', '\t']);
        if digits.is_empty() {
            return DEFAULT;
        }
        return digits
            .bytes()
            .try_fold(0i64, |age, b| {
                b.is_ascii_digit()
                    .then(|| (age * 10 + i64::from(b - b'0')).min(cap))
            })
            .unwrap_or(0);
    }
    match parse_int64(value.as_bytes()) {
        None => DEFAULT,
        Some(n) if n < 0 => 0,
        Some(n) => n.min(cap),
    }
}

/// Chromium's `ParseAccessControlAllowList`: a comma-separated list, each
/// element trimmed and skipped when empty, must be made of tokens
/// (<https://fetch.spec.whatwg.org/#http-new-header-syntax>). Err: the first
/// element that is not a token.
fn parse_allow_list(value: Option<&str>, lower: bool) -> Result<Vec<String>, NotAToken> {
    let mut out = Vec::new();
    for item in value.unwrap_or_default().split(',') {
        let item = item.trim_matches([' ', '\t']);
        if item.is_empty() {
            continue;
        }
        if !is_http_token(item) {
            return Err(NotAToken(item.to_owned()));
        }
        out.push(if lower {
            item.to_ascii_lowercase()
        } else {
            item.to_owned()
        });
    }
    Ok(out)
}

/// An element of an allow list that is not an HTTP token, as written.
#[derive(Debug)]
struct NotAToken(String);

/// What the request needs from the preflight.
pub(super) struct PreflightInput<'a> {
    pub method: &'a str,
    pub unsafe_names: &'a [String],
    pub credentials: Credentials,
    /// The serialized origin the response must allow (`null` once tainted).
    pub origin: &'a str,
    pub engine: Engine,
}

/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch> steps 6-7, checking
/// the preflight's response in Chromium's order (`PreflightController`):
///
/// 0. a redirect fails at once ("Redirect is not allowed for a preflight request.");
/// 1. the CORS check (ACAO, then ACAC with the *actual* request's credentials
///    mode) — before the status, so a bare 404 reports the missing ACAO;
/// 2. an ok status (200-299);
/// 3. `Access-Control-Allow-Methods` and `-Headers` must parse;
/// 4. the method must be allowed;
/// 5. every CORS-unsafe request header must be allowed.
pub(super) fn check_preflight_response(
    answer: &ServerAnswer,
    input: &PreflightInput<'_>,
) -> Result<PreflightResult, Failure> {
    // Step 0: the preflight loader refuses to follow any redirect.
    if answer.redirect.is_some() {
        return Err(Failure::PreflightRedirect {
            status: answer.status,
        });
    }
    // Step 7: a CORS check for request and response...
    cors_check(
        &answer.headers,
        input.credentials,
        input.origin,
        Stage::Preflight,
        answer.status,
    )?;
    // ...and response's status is an ok status.
    if !(200..=299).contains(&answer.status) {
        return Err(Failure::PreflightNotOk {
            status: answer.status,
        });
    }
    // Step 7.1-7.2: extract the method and header lists; failure is a network error.
    let acam = header_value(&answer.headers, "access-control-allow-methods");
    let methods = parse_allow_list(acam.as_deref(), false).map_err(|NotAToken(token)| {
        Failure::InvalidAcam {
            value: acam.clone().unwrap_or_default(),
            token,
        }
    })?;
    let acah = header_value(&answer.headers, "access-control-allow-headers");
    let headers = parse_allow_list(acah.as_deref(), true).map_err(|NotAToken(token)| {
        Failure::InvalidAcah {
            value: acah.clone().unwrap_or_default(),
            token,
        }
    })?;
    let result = PreflightResult {
        methods,
        headers,
        credentials: input.credentials == Credentials::Include,
        max_age: max_age_seconds(
            header_value(&answer.headers, "access-control-max-age").as_deref(),
            input.engine,
        ),
        engine: input.engine,
    };
    // Step 7.5: the method must be listed (or `*`, or safelisted).
    if !result.allows_method(input.method) {
        return Err(Failure::MethodNotAllowed {
            method: input.method.to_owned(),
        });
    }
    // Step 7.6-7.7: every CORS-unsafe request-header name must be listed.
    if let Some(name) = result.first_disallowed_header(input.unsafe_names) {
        return Err(Failure::HeaderNotAllowed { name });
    }
    Ok(result)
}
