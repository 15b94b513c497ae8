//! Schemeful same-site (<https://html.spec.whatwg.org/multipage/browsers.html#same-site>),
//! with registrable domains from the Public Suffix List (the `psl` crate).

use crate::origin::Origin;
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
        todo!()
    }
}

pub fn site_of(origin: &Origin) -> Site {
    todo!()
}

/// Two opaque origins from two URLs are never same-site.
pub fn same_site(a: &Origin, b: &Origin) -> SiteVerdict {
    todo!()
}
