//! Two URLs side by side: same origin? same site? cookie sent?

use crate::cookie::{cookie_sent, CookieVerdict};
use crate::origin::{OpaqueReason, Origin, TupleOrigin};
use crate::site::{same_site, Site, SiteVerdict};
use crate::suffix_list::SuffixList;
use crate::url_parts::UrlParts;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum OriginPart {
    Scheme,
    Host,
    Port,
}

impl OriginPart {
    pub const ALL: [OriginPart; 3] = [OriginPart::Scheme, OriginPart::Host, OriginPart::Port];

    /// The URL standard's name of the part: a token for tests and data,
    /// not words for learners (those are the app's text layer's).
    pub fn name(self) -> &'static str {
        match self {
            OriginPart::Scheme => "scheme",
            OriginPart::Host => "host",
            OriginPart::Port => "port",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OriginVerdict {
    pub same_origin: bool,
    /// Which of scheme / host / port differ (compared on effective ports). Empty when
    /// same-origin, and also empty when one side is opaque (see `reason`).
    pub differs: Vec<OriginPart>,
    /// Why: the parts that differ with their values, or what matches, or
    /// why an opaque origin never matches (words: the app's text layer).
    pub reason: OriginReason,
}

/// Why two URLs are same-origin or not, as facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum OriginReason {
    /// Scheme, host and port all match; `also` says what else differs.
    Same {
        scheme: String,
        host: String,
        port: PortValue,
        also: SameAlso,
    },
    /// Some of scheme, host and port differ: each with A's and B's value;
    /// the ones that match, with their value.
    Different {
        differ: Vec<(OriginPart, PartValue, PartValue)>,
        matching: Vec<(OriginPart, PartValue)>,
    },
    /// One or both origins are opaque.
    Opaque(OpaqueCase),
}

/// A part's value: the scheme or host as text, or the port.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum PartValue {
    Text(String),
    Port(PortValue),
}

/// A port as the origin has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PortValue {
    /// Written in the URL.
    Written(u16),
    /// Not written (or the default written): the scheme's default.
    Default(u16),
    /// The scheme has no port.
    None,
}

/// What else two same-origin URLs have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum SameAlso {
    /// The two URLs are the same once parsed.
    Identical,
    /// One is a `blob:` URL, whose origin is that of the URL inside it.
    Blob,
    /// Other parts differ, none of them part of the origin.
    Others(Vec<NonOriginPart>),
}

/// Parts of a URL that are not part of its origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum NonOriginPart {
    UserInfo,
    Path,
    Query,
    Fragment,
}

/// Which URLs have an opaque origin, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum OpaqueCase {
    /// The same URL twice: still two origins.
    IdenticalUrl(OpaqueReason),
    /// Both, for the same reason.
    Both(OpaqueReason),
    /// Both, for different reasons.
    BothApart(OpaqueReason, OpaqueReason),
    First(OpaqueReason),
    Second(OpaqueReason),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub origin: OriginVerdict,
    pub site: SiteVerdict,
    /// Cookie set by A's server with Domain=A's host, sent to B?
    pub cookie_a_to_b: CookieVerdict,
    /// And the other way round.
    pub cookie_b_to_a: CookieVerdict,
}

/// Every verdict for two URLs. Same-site and cookies need the Public Suffix
/// List; [`origin_verdict`] alone does not.
pub fn compare(a: &UrlParts, b: &UrlParts, list: &SuffixList) -> Comparison {
    let site = same_site(&a.origin, &b.origin, list);
    let mut cookie_a_to_b = cookie_sent(a, b, list);
    let mut cookie_b_to_a = cookie_sent(b, a, list);
    if let Some(fetch) = cross_site_fetch(&site) {
        for verdict in [&mut cookie_a_to_b, &mut cookie_b_to_a] {
            if verdict.sent {
                verdict.cross_site = Some(fetch);
            }
        }
    }
    Comparison {
        origin: origin_verdict(a, b),
        site,
        cookie_a_to_b,
        cookie_b_to_a,
    }
}

/// Why a cookie the domain rule sends may still stay off a `fetch` between
/// the two URLs: they are different sites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CrossSiteFetch {
    /// Same registrable domain (or host), other scheme: cross-site only
    /// because same-site compares schemes.
    SchemeOnly,
    /// Another registrable domain: a third-party request.
    OtherSite,
}

/// `Some` when a fetch between the two URLs is a cross-site request.
pub fn cross_site_fetch(site: &SiteVerdict) -> Option<CrossSiteFetch> {
    if site.same_site {
        return None;
    }
    match (&site.site_a, &site.site_b) {
        (Site::Schemeful { site: a, .. }, Site::Schemeful { site: b, .. }) if a == b => {
            Some(CrossSiteFetch::SchemeOnly)
        }
        (Site::Schemeful { .. }, Site::Schemeful { .. }) => Some(CrossSiteFetch::OtherSite),
        _ => None,
    }
}

/// Same origin or not, and which parts decide.
pub fn origin_verdict(a: &UrlParts, b: &UrlParts) -> OriginVerdict {
    match (&a.origin, &b.origin) {
        (Origin::Tuple(ta), Origin::Tuple(tb)) => tuple_verdict(a, ta, b, tb),
        _ => OriginVerdict {
            same_origin: false,
            differs: Vec::new(),
            reason: opaque_reason(a, b),
        },
    }
}

fn tuple_verdict(a: &UrlParts, ta: &TupleOrigin, b: &UrlParts, tb: &TupleOrigin) -> OriginVerdict {
    let mut differs = Vec::new();
    if ta.scheme != tb.scheme {
        differs.push(OriginPart::Scheme);
    }
    if ta.host != tb.host {
        differs.push(OriginPart::Host);
    }
    if ta.effective_port() != tb.effective_port() {
        differs.push(OriginPart::Port);
    }
    let value = |part: OriginPart, p: &UrlParts, t: &TupleOrigin| match part {
        OriginPart::Scheme => PartValue::Text(t.scheme.clone()),
        OriginPart::Host => PartValue::Text(host_text(p, t)),
        OriginPart::Port => PartValue::Port(port_value(t)),
    };

    if differs.is_empty() {
        let also = if a.href == b.href {
            SameAlso::Identical
        } else if a.scheme == "blob" || b.scheme == "blob" {
            SameAlso::Blob
        } else {
            let mut others = Vec::new();
            if a.username != b.username || a.password != b.password {
                others.push(NonOriginPart::UserInfo);
            }
            if a.path != b.path {
                others.push(NonOriginPart::Path);
            }
            if a.query != b.query {
                others.push(NonOriginPart::Query);
            }
            if a.fragment != b.fragment {
                others.push(NonOriginPart::Fragment);
            }
            SameAlso::Others(others)
        };
        return OriginVerdict {
            same_origin: true,
            differs,
            reason: OriginReason::Same {
                scheme: ta.scheme.clone(),
                host: host_text(a, ta),
                port: port_value(ta),
                also,
            },
        };
    }

    let differ = differs
        .iter()
        .map(|&part| (part, value(part, a, ta), value(part, b, tb)))
        .collect();
    let matching = OriginPart::ALL
        .into_iter()
        .filter(|p| !differs.contains(p))
        .map(|p| (p, value(p, a, ta)))
        .collect();
    OriginVerdict {
        same_origin: false,
        differs,
        reason: OriginReason::Different { differ, matching },
    }
}

/// The origin's port: written, the scheme's default, or none.
pub fn port_value(t: &TupleOrigin) -> PortValue {
    match (t.port, t.effective_port()) {
        (Some(p), _) => PortValue::Written(p),
        (None, Some(d)) => PortValue::Default(d),
        (None, None) => PortValue::None,
    }
}

/// `example.com`, or `xn--bcher-kva.example (bücher.example)` for an IDN.
fn host_text(p: &UrlParts, t: &TupleOrigin) -> String {
    let ascii = t.host.serialize();
    match &p.host {
        Some(h) if h.ascii == ascii && h.unicode != ascii => format!("{ascii} ({})", h.unicode),
        _ => ascii,
    }
}

fn opaque_reason(a: &UrlParts, b: &UrlParts) -> OriginReason {
    let why = |p: &UrlParts| match &p.origin {
        Origin::Opaque(reason) => Some(reason.clone()),
        Origin::Tuple(_) => None,
    };
    OriginReason::Opaque(match (why(a), why(b)) {
        (Some(ra), Some(_)) if a.href == b.href => OpaqueCase::IdenticalUrl(ra),
        (Some(ra), Some(rb)) if ra == rb => OpaqueCase::Both(ra),
        (Some(ra), Some(rb)) => OpaqueCase::BothApart(ra, rb),
        (Some(ra), None) => OpaqueCase::First(ra),
        (None, Some(rb)) => OpaqueCase::Second(rb),
        // Not called for two tuple origins.
        (None, None) => OpaqueCase::Both(OpaqueReason::Data),
    })
}

/// Which example a preset is: its button's words are the app's
/// (`words::origin::preset`), by this id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PresetId {
    SameHostOtherPath,
    HttpVsHttps,
    OtherPort,
    SiblingSubdomains,
    DomainVsSubdomain,
    DefaultPortWritten,
    UpperCase,
    Idn,
    Ipv6,
    TrailingDot,
    LocalhostVs127,
    LabPorts,
    DataUrl,
    Blob,
    File,
    PublicSuffix,
}

/// A ready-made pair for the comparator's preset buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: PresetId,
    pub a: &'static str,
    pub b: &'static str,
}

/// The five classic examples first (same host other path; http vs https;
/// other port; sibling subdomains; domain vs subdomain), then the tricky ones
/// (explicit default port, upper case, IDN, IPv6, trailing dot, localhost vs
/// 127.0.0.1, data:, blob:, file:).
pub const PRESETS: &[Preset] = &[
    Preset {
        id: PresetId::SameHostOtherPath,
        a: "https://example.com/a.html",
        b: "https://example.com/b/c.html",
    },
    Preset {
        id: PresetId::HttpVsHttps,
        a: "http://example.com/",
        b: "https://example.com/",
    },
    Preset {
        id: PresetId::OtherPort,
        a: "https://example.com/",
        b: "https://example.com:8443/",
    },
    Preset {
        id: PresetId::SiblingSubdomains,
        a: "https://api.example.com/",
        b: "https://www.example.com/",
    },
    Preset {
        id: PresetId::DomainVsSubdomain,
        a: "https://example.com/",
        b: "https://api.example.com/",
    },
    Preset {
        id: PresetId::DefaultPortWritten,
        a: "http://example.com:80/",
        b: "http://example.com/",
    },
    Preset {
        id: PresetId::UpperCase,
        a: "HTTPS://EXAMPLE.com/",
        b: "https://example.com/",
    },
    Preset {
        id: PresetId::Idn,
        a: "https://bücher.example/",
        b: "https://xn--bcher-kva.example/",
    },
    Preset {
        id: PresetId::Ipv6,
        a: "http://[::1]:8080/",
        b: "http://[0:0:0:0:0:0:0:1]:8080/",
    },
    Preset {
        id: PresetId::TrailingDot,
        a: "https://example.com./",
        b: "https://example.com/",
    },
    Preset {
        id: PresetId::LocalhostVs127,
        a: "http://localhost:8080/",
        b: "http://127.0.0.1:8080/",
    },
    Preset {
        id: PresetId::LabPorts,
        a: "http://localhost:8080/",
        b: "http://localhost:8081/",
    },
    Preset {
        id: PresetId::DataUrl,
        a: "data:text/html,hi",
        b: "data:text/html,hi",
    },
    Preset {
        id: PresetId::Blob,
        a: "blob:https://example.com/550e8400-e29b-41d4-a716-446655440000",
        b: "https://example.com/",
    },
    Preset {
        id: PresetId::File,
        a: "file:///home/me/a.html",
        b: "file:///home/me/b.html",
    },
    Preset {
        id: PresetId::PublicSuffix,
        a: "https://alice.github.io/",
        b: "https://bob.github.io/",
    },
];

/// A base URL and a list to compare it with, shown as a table (like MDN's).
pub const TABLE_BASE: &str = "https://shop.example.com/cart/index.html";
pub const TABLE_OTHERS: &[&str] = &[
    // Same origin, other path.
    "https://shop.example.com/account/orders",
    // Same origin, other file in the same directory.
    "https://shop.example.com/cart/checkout.html",
    // Other scheme (and so other default port).
    "http://shop.example.com/cart/index.html",
    // The default port written out: still the same origin.
    "https://shop.example.com:443/cart/index.html",
    // Other port.
    "https://shop.example.com:8443/cart/index.html",
    // Sibling subdomain: same site, other origin.
    "https://api.example.com/cart/index.html",
    // Parent domain.
    "https://example.com/cart/index.html",
    // Another registrable domain: another site.
    "https://shop.example.org/cart/index.html",
    // An internationalised host (punycode xn--shp-tna.example.com): another host.
    "https://shöp.example.com/cart/index.html",
    // data: URL: opaque origin.
    "data:text/html,<h1>Cart</h1>",
];

#[cfg(test)]
#[rustfmt::skip]
mod tests;
