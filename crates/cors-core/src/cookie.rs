//! Cookie domain-match (RFC 6265 section 5.1.3) and the storage rules for the
//! `Domain` attribute (section 5.3 steps 5-6), to answer: a cookie set by one
//! URL's server with `Domain=<its host>` — is it sent to the other URL?

use crate::origin::Origin;
use crate::suffix_list::SuffixList;
use crate::url_parts::{HostParts, UrlParts};
use serde::Serialize;
use std::net::{Ipv4Addr, Ipv6Addr};

/// RFC 6265 5.1.3: `string` domain-matches `domain_string` if they are
/// identical, or `string` ends with `.` + `domain_string` and `string` is a
/// host name (not an IP address). Both must already be canonical (lower-case ASCII).
pub fn domain_match(string: &str, domain_string: &str) -> bool {
    if string == domain_string {
        return true;
    }
    if domain_string.is_empty() {
        return false;
    }
    match string.strip_suffix(domain_string) {
        Some(prefix) => prefix.ends_with('.') && !is_ip_literal(string),
        None => false,
    }
}

fn is_ip_literal(s: &str) -> bool {
    s.parse::<Ipv4Addr>().is_ok()
        || s.parse::<Ipv6Addr>().is_ok()
        || (s.starts_with('[') && s.ends_with(']'))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CookieVerdict {
    /// Would the cookie be sent to the other URL?
    pub sent: bool,
    /// The `Set-Cookie` line the first server answers, e.g. `id=1; Domain=example.com; Path=/`
    /// (no `Domain` when the host cannot take one, e.g. an IP or a public suffix: then the cookie is host-only).
    pub set_cookie: String,
    /// One or two sentences, e.g. "api.example.com ends with .example.com, so the cookie for Domain=example.com goes there too."
    pub reason: String,
}

/// A cookie set by `from`'s server with `Domain=<from's host>`: is it sent to `to`?
/// Opaque-origin URLs (data:, file:, ...) have no host to hold cookies: not sent.
/// `list` tells which hosts are public suffixes.
pub fn cookie_sent(from: &UrlParts, to: &UrlParts, list: &SuffixList) -> CookieVerdict {
    let from_host = match cookie_host(from) {
        Ok(host) => host,
        Err(why) => {
            return CookieVerdict {
                sent: false,
                set_cookie: String::new(),
                reason: format!("No cookie is set: {why}."),
            }
        }
    };
    let h = from_host.ascii.as_str();

    // RFC 6265 5.3 steps 5-6: a Domain attribute that is a public suffix (and
    // equals the request host) is dropped, making the cookie host-only; an IP
    // address can only ever match itself, which is host-only behaviour too.
    let host_only_why = if from_host.host.is_ip() {
        Some(format!(
            "{h} is an IP address, which cannot take a Domain attribute, so the cookie is host-only: it only goes back to {h}."
        ))
    } else if list.is_public_suffix(h) {
        let what = if h.trim_end_matches('.').contains('.') {
            "on the Public Suffix List"
        } else {
            "a single-label name, which the Public Suffix List's default rule treats as a public suffix"
        };
        Some(format!(
            "{h} is {what}, so the browser drops Domain={h} and keeps the cookie host-only: it only goes back to {h}."
        ))
    } else {
        None
    };
    let set_cookie = if host_only_why.is_some() {
        "id=1; Path=/".to_string()
    } else {
        format!("id=1; Domain={h}; Path=/")
    };

    let to_host = match cookie_host(to) {
        Ok(host) => host,
        Err(why) => {
            let stored =
                host_only_why.unwrap_or_else(|| format!("The cookie is stored for Domain={h}."));
            return CookieVerdict {
                sent: false,
                set_cookie,
                reason: format!("{stored} It is not sent to the other URL: {why}."),
            };
        }
    };
    let t = to_host.ascii.as_str();
    // Domain matching looks at the host only; say what else the scheme and
    // port change (and what they do not).
    let ports_schemes = match (from.origin.tuple(), to.origin.tuple()) {
        (Some(a), Some(b)) if a.scheme != b.scheme => {
            " Domain matching ignores the scheme and the port, so this cookie (set without Secure) goes to either; a cookie marked Secure would only go to https URLs."
        }
        (Some(a), Some(b)) if a.effective_port() != b.effective_port() => {
            " Domain matching ignores the port: cookies are shared by every port of a host."
        }
        _ => "",
    };

    let (sent, reason) = match host_only_why {
        Some(why) if t == h => (
            true,
            format!("{why} The other URL's host is {t} too, so the cookie is sent.{ports_schemes}"),
        ),
        Some(why) => (
            false,
            format!("{why} {t} is a different host, so the cookie is not sent there."),
        ),
        None if t == h => (
            true,
            format!(
                "The cookie for Domain={h} goes back to {h} itself.{ports_schemes}"
            ),
        ),
        None if domain_match(t, h) => (
            true,
            format!(
                "{t} ends with .{h}, so the cookie for Domain={h} goes there too: a Domain cookie covers that host and all its subdomains.{ports_schemes}"
            ),
        ),
        None if domain_match(h, t) => (
            false,
            format!(
                "{t} is a parent of {h}: a cookie for Domain={h} goes to {h} and its subdomains only, never up to a parent domain."
            ),
        ),
        None => (
            false,
            format!(
                "{t} is neither {h} nor a subdomain of it, so the cookie for Domain={h} is not sent there."
            ),
        ),
    };
    CookieVerdict {
        sent,
        set_cookie,
        reason,
    }
}

/// The host cookies are kept for: only URLs fetched from a server with a
/// tuple origin have one. The error says why not, in words.
fn cookie_host(p: &UrlParts) -> Result<&HostParts, String> {
    if p.scheme == "blob" {
        return Err(format!(
            "{} is a blob: URL, which the browser serves from memory, not from a server, so there are no cookies for it",
            p.input
        ));
    }
    match (&p.origin, &p.host) {
        (Origin::Tuple(_), Some(host)) => Ok(host),
        _ => Err(format!(
            "{} is a {}: URL with an opaque origin and no server host, so there are no cookies for it",
            p.input, p.scheme
        )),
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
