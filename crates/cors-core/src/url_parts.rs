//! One URL broken into the parts a learner needs: what makes the origin
//! (scheme, host, port) and what does not (userinfo, path, query, fragment).

use crate::origin::{Origin, Host};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum HostKind {
    Domain,
    Ipv4,
    Ipv6,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostParts {
    /// As the parser serialises it: lower-case ASCII / punycode, IPv6 in brackets.
    pub ascii: String,
    /// Human form: punycode labels decoded to Unicode (same as `ascii` for IPs).
    pub unicode: String,
    pub kind: HostKind,
    /// The parsed host, for comparisons.
    pub host: Host,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PortParts {
    /// A port was written and it is not the scheme's default.
    Explicit(u16),
    /// No port (or the default port) was written; the scheme's default applies.
    /// `written` is true when the input spelled the default port out (`http://a:80`).
    Default { port: u16, written: bool },
    /// The scheme has no default port and none was written (e.g. `foo://host`), or the URL has no host.
    None,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UrlParts {
    /// What the learner typed (trimmed).
    pub input: String,
    /// The parsed, serialised URL.
    pub href: String,
    /// Without the trailing `:`, lower case.
    pub scheme: String,
    pub host: Option<HostParts>,
    pub port: PortParts,
    pub origin: Origin,
    /// `Origin::serialize()`: `scheme://host[:port]` or `null`.
    pub serialized_origin: String,
    /// Not part of the origin: shown greyed out. Empty strings when absent.
    pub username: String,
    pub password: String,
    pub path: String,
    /// Without the leading `?`; `None` when absent.
    pub query: Option<String>,
    /// Without the leading `#`; `None` when absent.
    pub fragment: Option<String>,
    /// For `blob:` URLs: the inner URL whose origin the blob inherits (if it parses).
    pub blob_inner: Option<Box<UrlParts>>,
    /// What the parser changed or what is easy to miss, in plain words, e.g.
    /// "Upper-case letters in the host were lowered", ":443 is the default port of https and is dropped",
    /// "The host was written in Unicode; on the wire it is xn--...", "The trailing dot makes example.com. a different host from example.com".
    pub notes: Vec<String>,
}

/// Why a URL could not be parsed, in words a learner understands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UrlError {
    pub input: String,
    /// e.g. "The port 99999 is out of range: ports go from 0 to 65535."
    pub message: String,
    /// e.g. "Did you mean https://example.com ?" when the scheme is missing.
    pub hint: Option<String>,
}

/// Parse like a browser's address bar would not, but like `new URL(input)` does
/// (no base URL), then break the result into parts. Never panics, on any input.
pub fn parse_url(input: &str) -> Result<UrlParts, UrlError> {
    todo!()
}
