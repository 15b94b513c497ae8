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
    /// One sentence: why, e.g. "Both are on the site https://example.com (registrable domain example.com)."
    pub reason: String,
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

/// How to name one side's site in a sentence: "the registrable domain example.com",
/// "the IP address 127.0.0.1", "localhost (no registrable domain)".
fn site_phrase(site: &str, registrable: bool, host: &Host) -> String {
    if registrable {
        format!("the registrable domain {site}")
    } else if host.is_ip() {
        format!("the IP address {site}")
    } else if site.trim_end_matches('.').contains('.') {
        format!("{site} (itself a public suffix, so it has no registrable domain)")
    } else {
        format!("{site} (a single-label name, so it has no registrable domain)")
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
            let phrase_a = site_phrase(sa, *ra, &ta.host);
            let phrase_b = site_phrase(sb, *rb, &tb.host);
            if scheme_a == scheme_b && sa == sb {
                let site = site_a.serialize();
                let reason = if ta.host == tb.host || !*ra {
                    if *ra {
                        format!("Both are on the site {site} ({phrase_a}).")
                    } else if ta.host.is_ip() {
                        format!("Both are on the site {site}: an IP address has no registrable domain, so the address itself is the site.")
                    } else {
                        let why = if sa.trim_end_matches('.').contains('.') {
                            "it is itself a public suffix"
                        } else {
                            "it is a single-label name"
                        };
                        format!("Both are on the site {site}: {sa} has no registrable domain ({why}), so the host itself is the site.")
                    }
                } else {
                    format!(
                        "Both are on the site {site}: {} and {} share {phrase_a}.",
                        ta.host.serialize(),
                        tb.host.serialize()
                    )
                };
                (true, reason)
            } else if sa == sb {
                let what = if *ra {
                    format!("the registrable domain {sa} is the same")
                } else {
                    format!("the host {sa} is the same")
                };
                (
                    false,
                    format!("{scheme_a} and {scheme_b} are different schemes, so these are different sites even though {what}."),
                )
            } else {
                let mut reason = if scheme_a == scheme_b {
                    if *ra && *rb {
                        format!("The registrable domains differ: {sa} vs {sb}, so these are different sites.")
                    } else {
                        format!("The sites differ: {phrase_a} vs {phrase_b}, so these are different sites.")
                    }
                } else {
                    format!(
                        "Both the scheme ({scheme_a} vs {scheme_b}) and the site ({phrase_a} vs {phrase_b}) differ, so these are different sites."
                    )
                };
                if sa.strip_suffix('.') == Some(sb.as_str())
                    || sb.strip_suffix('.') == Some(sa.as_str())
                {
                    reason.push_str(" A trailing dot makes a different name.");
                }
                if *ra && *rb {
                    let suffix_a = list.public_suffix(sa);
                    if let Some(suffix) =
                        suffix_a.filter(|s| s.contains('.') && list.public_suffix(sb) == Some(*s))
                    {
                        reason.push_str(&format!(
                            " {suffix} is on the Public Suffix List (like com), so each name directly under it belongs to a different owner and is its own site."
                        ));
                    }
                }
                (false, reason)
            }
        }
        _ => {
            let reason = match (a.is_opaque(), b.is_opaque()) {
                (true, true) => "Both URLs have opaque origins (null), so neither has a site: an opaque origin is never same-site with another URL, even an identical one.".to_string(),
                (true, false) => "The first URL has an opaque origin (null), so it has no site and is never same-site with another URL.".to_string(),
                _ => "The second URL has an opaque origin (null), so it has no site and is never same-site with another URL.".to_string(),
            };
            (false, reason)
        }
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
