//! Cookie domain-match (RFC 6265 section 5.1.3) and the storage rules for the
//! `Domain` attribute (section 5.3 steps 5-6), to answer: a cookie set by one
//! URL's server with `Domain=<its host>` — is it sent to the other URL?

use crate::url_parts::UrlParts;
use serde::Serialize;

/// RFC 6265 5.1.3: `string` domain-matches `domain_string` if they are
/// identical, or `string` ends with `.` + `domain_string` and `string` is a
/// host name (not an IP address). Both must already be canonical (lower-case ASCII).
pub fn domain_match(string: &str, domain_string: &str) -> bool {
    todo!()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CookieVerdict {
    /// Would the cookie be sent to the other URL?
    pub sent: bool,
    /// The `Set-Cookie` line the first server answers, e.g. `id=1; Domain=example.com; Path=/`
    /// (no `Domain` when the host cannot take one, e.g. an IP or a public suffix: then the cookie is host-only).
    pub set_cookie: String,
    /// One or two sentences, e.g. "api.example.com ends with .example.com, so the cookie for Domain=example.com goes there too. Ports and schemes do not matter to cookies."
    pub reason: String,
}

/// A cookie set by `from`'s server with `Domain=<from's host>`: is it sent to `to`?
/// Opaque-origin URLs (data:, file:, ...) have no host to hold cookies: not sent.
pub fn cookie_sent(from: &UrlParts, to: &UrlParts) -> CookieVerdict {
    todo!()
}
