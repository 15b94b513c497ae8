//! What the URL parser changed or what is easy to miss ([`UrlNote`]), and
//! why a URL did not parse ([`UrlErrorKind`], [`UrlHint`]): facts with the
//! values their sentences need. The sentences are the app's
//! (`src/words/url.rs`, `locales/*/origin.json`).

use crate::origin::OpaqueReason;
use serde::Serialize;

/// Something the parser changed, or something about the URL a learner may miss.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum UrlNote {
    /// Tabs and line breaks inside the URL are removed before parsing.
    TabOrNewlineRemoved,
    /// The scheme was typed with upper case (`typed`) and lowered.
    SchemeLowered { typed: String, scheme: String },
    /// `\` read as `/` in a special scheme's URL.
    BackslashesAsSlashes { scheme: String },
    /// A special URL with other than two slashes before the host
    /// (`found` of them); the parser reads the host anyway.
    Slashes { scheme: String, found: usize },
    /// `.` and `..` path segments resolved, giving `path`.
    DotSegments { path: String },
    /// User info before the `@` (with a password or not): not part of `origin`.
    UserInfo { password: bool, origin: String },
    /// An IPv4 address in a short or unusual form, normalised.
    Ipv4Normalised { typed: String, ascii: String },
    /// An IPv6 address written longer than its shortest form.
    Ipv6Normalised { typed: String, ascii: String },
    /// A host typed in Unicode, turned into punycode.
    IdnToPunycode { typed: String, ascii: String },
    /// A host typed with upper case, lowered.
    HostLowered { typed: String, ascii: String },
    /// A host changed otherwise (percent-decoding, Unicode mapping).
    HostNormalised { typed: String, ascii: String },
    /// A host typed in punycode: its Unicode form.
    PunycodeOf { ascii: String, unicode: String },
    /// A host ending in a dot: another host than `without` it.
    TrailingDot { host: String, without: String },
    /// The scheme's default port written out (as `typed`), dropped.
    DefaultPortDropped {
        typed: String,
        scheme: String,
        origin: String,
    },
    /// A `:` after the host with no port: the default `port` applies.
    EmptyPort { port: u16, scheme: String },
    /// A port written otherwise than its number (leading zeros).
    PortReadAs { typed: String, port: u16 },
    /// A `blob:` URL with the origin of the URL inside it.
    BlobOrigin { origin: String },
    /// A `blob:` URL whose inner URL has a scheme other than http(s).
    BlobInnerScheme { scheme: String },
    /// A `blob:` URL whose text after `blob:` is not a URL.
    BlobNotUrl,
    /// Why the origin is opaque.
    Opaque(OpaqueReason),
    /// `localhost:8080`: `localhost` read as the scheme; `suggestion` is
    /// the URL the learner probably meant.
    SchemeLooksLikeHost { scheme: String, suggestion: String },
}

/// Why a URL could not be parsed, with the values a learner needs to fix it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum UrlErrorKind {
    /// Nothing typed.
    Empty,
    /// Scheme missing, and the text starts like a relative URL (`/`, `.`, `?`, `#`).
    Relative,
    /// Scheme missing: read as a relative URL, with no base to resolve it against.
    NoScheme,
    /// An IPv6 address without its square brackets.
    BareIpv6 { address: String },
    /// A port but no host before it.
    PortWithoutHost { scheme: String, port: String },
    /// User info and `@`, then nothing.
    NothingAfterAt,
    /// No host after `scheme://`.
    MissingHost { scheme: String },
    /// A port of digits above 65535.
    PortOutOfRange { port: String },
    /// A port that is not all digits.
    PortNotNumber { port: String },
    /// A port the parser refused, with no port text found.
    PortInvalid,
    /// A host ending in a number that is not a valid IPv4 address.
    Ipv4 { host: String, problem: Ipv4Problem },
    /// `[` without its `]`.
    Ipv6Unclosed { host: String },
    /// Between brackets, not an IPv6 address.
    Ipv6Invalid { host: String },
    /// `file://host:port`: file: URLs have no port.
    FilePort { host: String },
    /// A character a host may not hold; `decoded` when it appeared only
    /// after percent-decoding.
    ForbiddenHostChar {
        host: String,
        character: HostChar,
        decoded: bool,
    },
    /// A host character the parser refused, not one we can name.
    BadHostChar { host: String },
    /// A label starting `xn--` that is not valid punycode.
    BadPunycode { host: String, label: String },
    /// A Unicode host with characters domains may not use.
    BadIdnUnicode { host: String },
    /// An ASCII host the IDNA rules refuse.
    BadIdn { host: String },
    /// Over the parser's 4 GB.
    TooLong,
    /// Any other parser error (not reachable from a typed URL): the `url`
    /// crate's own description, data of the parser.
    Other { parser_says: String },
}

/// What is wrong with a host read as an IPv4 address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Ipv4Problem {
    /// More than four parts.
    TooManyParts { parts: usize },
    /// A part that is no decimal, `0x` hex or `0` octal number.
    NotANumber { part: String },
    /// A part other than the last above 255.
    PartOver255 { part: String },
    /// One number standing for the whole address, above `limit`.
    SingleTooLarge { part: String, limit: u64 },
    /// The last of `parts` parts fills the `bytes` left, and is above `limit`.
    LastTooLarge {
        part: String,
        parts: usize,
        bytes: usize,
        limit: u64,
    },
    /// None of the above found (the parser refused it anyway).
    General,
}

/// A character a host name may not contain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum HostChar {
    Space,
    Percent,
    /// A control character, by its code point.
    Control(u32),
    Other(char),
}

/// A way out of a parse error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum UrlHint {
    /// The URL the learner probably meant.
    DidYouMean { url: String },
    /// Type the whole URL, scheme first.
    WholeUrl,
    /// IPv6 addresses go in square brackets.
    Ipv6Brackets,
}
