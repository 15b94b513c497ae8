//! The origin of a URL, as the WHATWG URL standard defines it
//! (<https://url.spec.whatwg.org/#concept-url-origin>).
//!
//! The `url` crate's `Url::origin()` disagrees with the standard on nested or
//! unusual `blob:` URLs, so the origin is modelled here, not borrowed.

use serde::Serialize;
use std::net::{Ipv4Addr, Ipv6Addr};
use url::Url;

/// A host as the URL parser leaves it: lower-case ASCII (punycode) for domains.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Host {
    Domain(String),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

/// A tuple origin: scheme, host and port. `port` is `None` when the URL used
/// the scheme's default port (written or not), as in the standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TupleOrigin {
    pub scheme: String,
    pub host: Host,
    pub port: Option<u16>,
}

/// Why a URL has an opaque origin. Carries the reason so the app can say it
/// (`words::origin`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum OpaqueReason {
    /// `data:` URLs never share an origin with anything.
    Data,
    /// `file:` URLs: the standard leaves it to the browser; browsers use an opaque origin.
    File,
    /// `blob:` whose inner URL is not http(s) (or does not parse).
    BlobInner,
    /// Any other scheme without a tuple origin (`about:`, `javascript:`, `mailto:`, custom schemes...).
    Scheme(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Origin {
    Tuple(TupleOrigin),
    Opaque(OpaqueReason),
}

impl Host {
    /// The host as it appears in a serialized origin (`[::1]` for IPv6).
    pub fn serialize(&self) -> String {
        // The `url` crate serialises hosts as the URL standard says (IPv6
        // compressed its way, e.g. `[::ffff:102:304]`, where Rust's own
        // `Ipv6Addr` display would write `::ffff:1.2.3.4`).
        match self {
            Host::Domain(d) => d.clone(),
            Host::Ipv4(ip) => url::Host::<String>::Ipv4(*ip).to_string(),
            Host::Ipv6(ip) => url::Host::<String>::Ipv6(*ip).to_string(),
        }
    }

    /// True for IPv4 and IPv6 addresses.
    pub fn is_ip(&self) -> bool {
        !matches!(self, Host::Domain(_))
    }
}

impl From<url::Host<&str>> for Host {
    fn from(host: url::Host<&str>) -> Host {
        match host {
            url::Host::Domain(d) => Host::Domain(d.to_string()),
            url::Host::Ipv4(ip) => Host::Ipv4(ip),
            url::Host::Ipv6(ip) => Host::Ipv6(ip),
        }
    }
}

impl TupleOrigin {
    /// The port actually used: the explicit one, or the scheme's default.
    pub fn effective_port(&self) -> Option<u16> {
        self.port.or_else(|| default_port(&self.scheme))
    }
}

impl Origin {
    /// `scheme://host[:port]`, or `null` for an opaque origin.
    pub fn serialize(&self) -> String {
        match self {
            Origin::Opaque(_) => "null".to_string(),
            Origin::Tuple(t) => {
                let mut out = format!("{}://{}", t.scheme, t.host.serialize());
                if let Some(port) = t.port {
                    if Some(port) != default_port(&t.scheme) {
                        out.push(':');
                        out.push_str(&port.to_string());
                    }
                }
                out
            }
        }
    }

    /// Same origin per the standard: tuple origins compare scheme, host and
    /// port; an opaque origin is only ever the same as itself, so two opaque
    /// origins computed from two URLs are never the same origin.
    pub fn same_origin(&self, other: &Origin) -> bool {
        match (self, other) {
            (Origin::Tuple(a), Origin::Tuple(b)) => {
                a.scheme == b.scheme && a.host == b.host && a.effective_port() == b.effective_port()
            }
            // An opaque origin has no parts to compare: it is only the very
            // same origin value (the same object), never an equal-looking one.
            _ => std::ptr::eq(self, other),
        }
    }

    /// True for an opaque origin (serialised `null`).
    pub fn is_opaque(&self) -> bool {
        matches!(self, Origin::Opaque(_))
    }

    /// The tuple, when the origin is not opaque.
    pub fn tuple(&self) -> Option<&TupleOrigin> {
        match self {
            Origin::Tuple(t) => Some(t),
            Origin::Opaque(_) => None,
        }
    }
}

/// The origin of a parsed URL, following the standard's algorithm, `blob:` included.
pub fn origin_of(url: &Url) -> Origin {
    let scheme = url.scheme();
    match scheme {
        "http" | "https" | "ws" | "wss" | "ftp" => match url.host() {
            Some(host) => Origin::Tuple(TupleOrigin {
                scheme: scheme.to_string(),
                host: Host::from(host),
                // The parser already drops a port equal to the scheme's default.
                port: url.port().filter(|p| Some(*p) != default_port(scheme)),
            }),
            // Cannot happen for a parsed special URL, but never panic.
            None => Origin::Opaque(OpaqueReason::Scheme(scheme.to_string())),
        },
        "blob" => {
            // The standard: parse the blob URL's path; if that is an http(s)
            // (or file) URL, the blob has that URL's origin, else an opaque one.
            // Only one level: `blob:blob:https://...` is opaque.
            match Url::parse(url.path()) {
                Ok(inner) if matches!(inner.scheme(), "http" | "https") => origin_of(&inner),
                _ => Origin::Opaque(OpaqueReason::BlobInner),
            }
        }
        "file" => Origin::Opaque(OpaqueReason::File),
        "data" => Origin::Opaque(OpaqueReason::Data),
        other => Origin::Opaque(OpaqueReason::Scheme(other.to_string())),
    }
}

/// The default port of a special scheme (`http` 80, `https` 443, `ws` 80, `wss` 443, `ftp` 21).
pub fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// Schemes the URL standard calls special (they get host parsing, `\` read as `/`, ...).
pub fn is_special_scheme(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file")
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
