//! Schemeful same-site (<https://html.spec.whatwg.org/multipage/browsers.html#same-site>),
//! with registrable domains from the Public Suffix List ([`SuffixList`],
//! passed in: the app loads the list lazily).

use crate::origin::{Host, Origin};
use crate::suffix_list::SuffixList;
use serde::Serialize;

/// The site of an origin: opaque, or (scheme, registrable domain or host).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Site {
    Opaque,
    Schemeful {
        scheme: String,
        /// The registrable domain (eTLD+1), or the host itself when there is
        /// none (an IP address, a public suffix, `localhost`).
        site: String,
        /// True when `site` is a registrable domain from the list.
        registrable: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SiteVerdict {
    pub same_site: bool,
    pub site_a: Site,
    pub site_b: Site,
    /// Why, as facts (words: the app's text layer).
    pub reason: SiteReason,
}

/// What a side's site is, for naming it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SiteKind {
    /// A registrable domain from the list.
    Registrable,
    /// An IP address (no registrable domain).
    Ip,
    /// A host that is itself a public suffix.
    PublicSuffix,
    /// A single-label name (`localhost`).
    SingleLabel,
}

/// A side's site and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SiteName {
    pub site: String,
    pub kind: SiteKind,
}

/// Why two URLs are same-site or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum SiteReason {
    /// The same site (`https://example.com`); `hosts` when two different
    /// hosts share it.
    Same {
        site: String,
        name: SiteName,
        hosts: Option<(String, String)>,
    },
    /// The same registrable domain (or host) under two schemes.
    OtherScheme {
        scheme_a: String,
        scheme_b: String,
        name: SiteName,
    },
    /// Different sites; `schemes` when the schemes differ too.
    Different {
        schemes: Option<(String, String)>,
        a: SiteName,
        b: SiteName,
        /// One name is the other with a trailing dot.
        trailing_dot: bool,
        /// Both are registrable under this multi-label public suffix
        /// (`github.io`): each name under it is its own site.
        shared_suffix: Option<String>,
    },
    /// Opaque origins have no site: which sides are opaque.
    Opaque { first: bool, second: bool },
}

impl Site {
    /// `https://example.com`, or `null` when opaque.
    pub fn serialize(&self) -> String {
        match self {
            Site::Opaque => "null".to_string(),
            Site::Schemeful { scheme, site, .. } => format!("{scheme}://{site}"),
        }
    }
}

/// The site of an origin; hosts are looked up in `list`.
pub fn site_of(origin: &Origin, list: &SuffixList) -> Site {
    let Origin::Tuple(t) = origin else {
        return Site::Opaque;
    };
    let registrable = match &t.host {
        Host::Domain(d) => list.registrable_domain(d).map(str::to_owned),
        Host::Ipv4(_) | Host::Ipv6(_) => None,
    };
    Site::Schemeful {
        scheme: t.scheme.clone(),
        registrable: registrable.is_some(),
        site: registrable.unwrap_or_else(|| t.host.serialize()),
    }
}

/// What kind of site a side has.
fn site_name(site: &str, registrable: bool, host: &Host) -> SiteName {
    let kind = if registrable {
        SiteKind::Registrable
    } else if host.is_ip() {
        SiteKind::Ip
    } else if site.trim_end_matches('.').contains('.') {
        SiteKind::PublicSuffix
    } else {
        SiteKind::SingleLabel
    };
    SiteName {
        site: site.to_owned(),
        kind,
    }
}

/// Schemeful same-site, with a reason. Two opaque origins from two URLs are
/// never same-site.
pub fn same_site(a: &Origin, b: &Origin, list: &SuffixList) -> SiteVerdict {
    let site_a = site_of(a, list);
    let site_b = site_of(b, list);
    let (same_site, reason) = match (&site_a, &site_b, a.tuple(), b.tuple()) {
        (
            Site::Schemeful {
                scheme: scheme_a,
                site: sa,
                registrable: ra,
            },
            Site::Schemeful {
                scheme: scheme_b,
                site: sb,
                registrable: rb,
            },
            Some(ta),
            Some(tb),
        ) => {
            let name_a = site_name(sa, *ra, &ta.host);
            let name_b = site_name(sb, *rb, &tb.host);
            if scheme_a == scheme_b && sa == sb {
                let hosts =
                    (ta.host != tb.host && *ra).then(|| (ta.host.serialize(), tb.host.serialize()));
                (
                    true,
                    SiteReason::Same {
                        site: site_a.serialize(),
                        name: name_a,
                        hosts,
                    },
                )
            } else if sa == sb {
                (
                    false,
                    SiteReason::OtherScheme {
                        scheme_a: scheme_a.clone(),
                        scheme_b: scheme_b.clone(),
                        name: name_a,
                    },
                )
            } else {
                let trailing_dot = sa.strip_suffix('.') == Some(sb.as_str())
                    || sb.strip_suffix('.') == Some(sa.as_str());
                let shared_suffix = (*ra && *rb)
                    .then(|| list.public_suffix(sa))
                    .flatten()
                    .filter(|s| s.contains('.') && list.public_suffix(sb) == Some(*s))
                    .map(str::to_owned);
                (
                    false,
                    SiteReason::Different {
                        schemes: (scheme_a != scheme_b)
                            .then(|| (scheme_a.clone(), scheme_b.clone())),
                        a: name_a,
                        b: name_b,
                        trailing_dot,
                        shared_suffix,
                    },
                )
            }
        }
        _ => (
            false,
            SiteReason::Opaque {
                first: a.is_opaque(),
                second: b.is_opaque(),
            },
        ),
    };
    SiteVerdict {
        same_site,
        site_a,
        site_b,
        reason,
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
