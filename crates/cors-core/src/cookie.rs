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
    /// Why, as facts (words: the app's text layer).
    pub reason: CookieReason,
    /// Sent by the domain rule, yet a `fetch` between the two is cross-site
    /// (set by `compare`, which knows the sites).
    pub cross_site: Option<crate::compare::CrossSiteFetch>,
}

/// Why a URL has no host to keep cookies for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum NoCookieHost {
    /// A `blob:` URL, served from memory.
    Blob { url: String },
    /// An opaque origin (`data:`, `file:` …) with no server host.
    Opaque { url: String, scheme: String },
}

/// Why a cookie is host-only although it was set with `Domain=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum HostOnly {
    /// An IP address cannot take a Domain attribute.
    Ip,
    /// The host is on the Public Suffix List: the browser drops Domain=.
    PublicSuffix,
    /// A single-label name, a public suffix by the list's default rule.
    SingleLabel,
}

/// What the scheme and port change for a cookie that is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Ignored {
    /// Same scheme and port: nothing to say.
    Nothing,
    /// The schemes differ: domain matching ignores them (Secure aside).
    Scheme,
    /// The ports differ: cookies are shared by every port of a host.
    Port,
}

/// Why a cookie set with `Domain=<host>` is sent to the other URL or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum CookieReason {
    /// No cookie is set: the first URL has no host for it.
    NotSet(NoCookieHost),
    /// Stored (host-only or for `Domain=host`), but the other URL has no host.
    NoHostThere {
        host: String,
        host_only: Option<HostOnly>,
        why: NoCookieHost,
    },
    /// Host-only, and the other URL has the same host.
    HostOnlySame {
        host: String,
        kind: HostOnly,
        ignored: Ignored,
    },
    /// Host-only, and the other URL's host differs.
    HostOnlyOther {
        host: String,
        kind: HostOnly,
        to: String,
    },
    /// `Domain=host` goes back to `host` itself.
    Itself { host: String, ignored: Ignored },
    /// `to` is a subdomain of `host`.
    Subdomain {
        host: String,
        to: String,
        ignored: Ignored,
    },
    /// `to` is a parent of `host`: never sent up.
    Parent { host: String, to: String },
    /// `to` is neither `host` nor under it.
    Unrelated { host: String, to: String },
}

/// A cookie set by `from`'s server with `Domain=<from's host>`: is it sent to `to`?
/// Opaque-origin URLs (data:, file:, ...) have no host to hold cookies: not sent.
/// `list` tells which hosts are public suffixes.
pub fn cookie_sent(from: &UrlParts, to: &UrlParts, list: &SuffixList) -> CookieVerdict {
    let verdict = |sent: bool, set_cookie: String, reason: CookieReason| CookieVerdict {
        sent,
        set_cookie,
        reason,
        cross_site: None,
    };
    let from_host = match cookie_host(from) {
        Ok(host) => host,
        Err(why) => return verdict(false, String::new(), CookieReason::NotSet(why)),
    };
    let h = from_host.ascii.as_str();

    // RFC 6265 5.3 steps 5-6: a Domain attribute that is a public suffix (and
    // equals the request host) is dropped, making the cookie host-only; an IP
    // address can only ever match itself, which is host-only behaviour too.
    let host_only = if from_host.host.is_ip() {
        Some(HostOnly::Ip)
    } else if list.is_public_suffix(h) {
        Some(if h.trim_end_matches('.').contains('.') {
            HostOnly::PublicSuffix
        } else {
            HostOnly::SingleLabel
        })
    } else {
        None
    };
    let set_cookie = if host_only.is_some() {
        "id=1; Path=/".to_string()
    } else {
        format!("id=1; Domain={h}; Path=/")
    };

    let to_host = match cookie_host(to) {
        Ok(host) => host,
        Err(why) => {
            let reason = CookieReason::NoHostThere {
                host: h.to_owned(),
                host_only,
                why,
            };
            return verdict(false, set_cookie, reason);
        }
    };
    let t = to_host.ascii.as_str();
    // Domain matching looks at the host only; say what else the scheme and
    // port change (and what they do not).
    let ignored = match (from.origin.tuple(), to.origin.tuple()) {
        (Some(a), Some(b)) if a.scheme != b.scheme => Ignored::Scheme,
        (Some(a), Some(b)) if a.effective_port() != b.effective_port() => Ignored::Port,
        _ => Ignored::Nothing,
    };
    let (host, to) = (h.to_owned(), t.to_owned());
    let (sent, reason) = match host_only {
        Some(kind) if t == h => (
            true,
            CookieReason::HostOnlySame {
                host,
                kind,
                ignored,
            },
        ),
        Some(kind) => (false, CookieReason::HostOnlyOther { host, kind, to }),
        None if t == h => (true, CookieReason::Itself { host, ignored }),
        None if domain_match(t, h) => (true, CookieReason::Subdomain { host, to, ignored }),
        None if domain_match(h, t) => (false, CookieReason::Parent { host, to }),
        None => (false, CookieReason::Unrelated { host, to }),
    };
    verdict(sent, set_cookie, reason)
}

/// The host cookies are kept for: only URLs fetched from a server with a
/// tuple origin have one.
fn cookie_host(p: &UrlParts) -> Result<&HostParts, NoCookieHost> {
    if p.scheme == "blob" {
        return Err(NoCookieHost::Blob {
            url: p.input.clone(),
        });
    }
    match (&p.origin, &p.host) {
        (Origin::Tuple(_), Some(host)) => Ok(host),
        _ => Err(NoCookieHost::Opaque {
            url: p.input.clone(),
            scheme: p.scheme.clone(),
        }),
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
