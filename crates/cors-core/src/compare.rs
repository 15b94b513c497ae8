//! Two URLs side by side: same origin? same site? cookie sent?

use crate::cookie::{cookie_sent, CookieVerdict};
use crate::site::{same_site, SiteVerdict};
use crate::url_parts::UrlParts;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum OriginPart {
    Scheme,
    Host,
    Port,
}

impl OriginPart {
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
    /// One sentence naming the part(s) that differ, or why an opaque origin never matches.
    pub reason: String,
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

pub fn compare(a: &UrlParts, b: &UrlParts) -> Comparison {
    todo!()
}

/// A ready-made pair for the comparator's preset buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Short button label, e.g. "Other port".
    pub label: &'static str,
    pub a: &'static str,
    pub b: &'static str,
}

/// The five classic examples first (same host other path; http vs https;
/// other port; sibling subdomains; domain vs subdomain), then the tricky ones
/// (explicit default port, upper case, IDN, IPv6, trailing dot, localhost vs
/// 127.0.0.1, data:, blob:, file:).
pub const PRESETS: &[Preset] = &[];

/// A base URL and a list to compare it with, shown as a table (like MDN's).
pub const TABLE_BASE: &str = "https://shop.example.com/cart/index.html";
pub const TABLE_OTHERS: &[&str] = &[];
