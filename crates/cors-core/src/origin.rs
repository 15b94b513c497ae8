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

/// Why a URL has an opaque origin. Carries the reason so the UI can say it.
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
        todo!()
    }
}

impl TupleOrigin {
    /// The port actually used: the explicit one, or the scheme's default.
    pub fn effective_port(&self) -> Option<u16> {
        todo!()
    }
}

impl Origin {
    /// `scheme://host[:port]`, or `null` for an opaque origin.
    pub fn serialize(&self) -> String {
        todo!()
    }

    /// Same origin per the standard: tuple origins compare scheme, host and
    /// port; an opaque origin is only ever the same as itself, so two opaque
    /// origins computed from two URLs are never the same origin.
    pub fn same_origin(&self, other: &Origin) -> bool {
        todo!()
    }
}

/// The origin of a parsed URL, following the standard's algorithm, `blob:` included.
pub fn origin_of(url: &Url) -> Origin {
    todo!()
}

/// The default port of a special scheme (`http` 80, `https` 443, `ws` 80, `wss` 443, `ftp` 21).
pub fn default_port(scheme: &str) -> Option<u16> {
    todo!()
}
