//! One URL broken into the parts a learner needs: what makes the origin
//! (scheme, host, port) and what does not (userinfo, path, query, fragment).

use crate::origin::{default_port, is_special_scheme, origin_of, Host, OpaqueReason, Origin};
use serde::Serialize;
use url::{ParseError, Url};

mod facts;
pub use facts::{HostChar, Ipv4Problem, UrlErrorKind, UrlHint, UrlNote};

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
    /// What the parser changed or what is easy to miss (a host lowered, a
    /// default port dropped, a Unicode host in punycode, a trailing dot…).
    pub notes: Vec<UrlNote>,
}

/// Why a URL could not be parsed, as facts a learner's words are made of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UrlError {
    pub input: String,
    /// What is wrong, e.g. `PortOutOfRange { port: "99999" }`.
    pub kind: UrlErrorKind,
    /// A way out, e.g. `DidYouMean { url: "https://example.com" }` when
    /// the scheme is missing.
    pub hint: Option<UrlHint>,
}

/// Parse like a browser's address bar would not, but like `new URL(input)` does
/// (no base URL), then break the result into parts. Never panics, on any input.
pub fn parse_url(input: &str) -> Result<UrlParts, UrlError> {
    parse_at_depth(input, 0)
}

/// How deep `blob:blob:blob:...` is unpacked into `blob_inner` (the origin
/// itself never looks more than one level in).
const MAX_BLOB_DEPTH: usize = 3;

fn parse_at_depth(input: &str, depth: usize) -> Result<UrlParts, UrlError> {
    let typed = trim_url(input);
    if typed.is_empty() {
        return Err(UrlError {
            input: String::new(),
            kind: UrlErrorKind::Empty,
            hint: None,
        });
    }
    let url = Url::parse(typed).map_err(|err| explain_error(typed, err))?;
    let cleaned = remove_tab_newline(typed);
    let raw = split_raw(&cleaned);

    let scheme = url.scheme().to_string();
    let special = is_special_scheme(&scheme);
    let origin = origin_of(&url);
    let host = url
        .host()
        .filter(|h| !matches!(h, url::Host::Domain("")))
        .map(|h| host_parts(h, special));
    let port = if host.is_some() {
        port_parts(&url, raw.as_ref())
    } else {
        PortParts::None
    };
    let blob_inner = if scheme == "blob" && depth < MAX_BLOB_DEPTH {
        parse_at_depth(url.path(), depth + 1).ok().map(Box::new)
    } else {
        None
    };

    let mut parts = UrlParts {
        input: typed.to_string(),
        href: url.as_str().to_string(),
        scheme,
        host,
        port,
        serialized_origin: origin.serialize(),
        origin,
        username: url.username().to_string(),
        password: url.password().unwrap_or_default().to_string(),
        path: url.path().to_string(),
        query: url.query().map(str::to_string),
        fragment: url.fragment().map(str::to_string),
        blob_inner,
        notes: Vec::new(),
    };
    parts.notes = notes_for(&parts, typed, raw.as_ref());
    Ok(parts)
}

/// The URL parser's own trimming: leading and trailing C0 controls and spaces.
fn trim_url(input: &str) -> &str {
    input.trim_matches(|c: char| c <= ' ')
}

fn remove_tab_newline(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

fn host_parts(host: url::Host<&str>, special: bool) -> HostParts {
    let host = Host::from(host);
    let ascii = host.serialize();
    let (unicode, kind) = match &host {
        Host::Domain(d) => {
            let unicode = if special && d.split('.').any(|l| l.starts_with("xn--")) {
                match idna::domain_to_unicode(d) {
                    (u, Ok(())) => u,
                    (_, Err(_)) => d.clone(),
                }
            } else {
                d.clone()
            };
            (unicode, HostKind::Domain)
        }
        Host::Ipv4(_) => (ascii.clone(), HostKind::Ipv4),
        Host::Ipv6(_) => (ascii.clone(), HostKind::Ipv6),
    };
    HostParts {
        ascii,
        unicode,
        kind,
        host,
    }
}

fn port_parts(url: &Url, raw: Option<&RawParts>) -> PortParts {
    let default = default_port(url.scheme());
    match (url.port(), default) {
        (Some(p), Some(d)) if p == d => PortParts::Default {
            port: d,
            written: true,
        },
        (Some(p), _) => PortParts::Explicit(p),
        (None, Some(d)) => PortParts::Default {
            port: d,
            written: raw.and_then(|r| r.port.as_deref()).and_then(port_number) == Some(d.into()),
        },
        (None, None) => PortParts::None,
    }
}

/// The number a port text stands for, if it is all digits (leading zeros allowed).
fn port_number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = text.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() > 6 {
        return Some(u32::MAX);
    }
    digits.parse().ok()
}

/// The typed text split the way the URL parser reads it, before any
/// normalisation, to tell the learner what the parser changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct RawParts {
    /// As typed (case kept).
    scheme: String,
    /// For special schemes other than file: the run of `/` and `\` after `scheme:`.
    slashes: String,
    userinfo: Option<String>,
    host: Option<String>,
    /// The text after the host's `:`, if there is one (possibly empty).
    port: Option<String>,
    /// From after the host to the first `?` or `#`.
    path: String,
}

fn split_raw(s: &str) -> Option<RawParts> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let starts_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_alpha || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    let lower = scheme.to_ascii_lowercase();
    let special = is_special_scheme(&lower);
    let rest = &s[colon + 1..];
    let mut raw = RawParts {
        scheme: scheme.to_string(),
        ..RawParts::default()
    };
    let is_slash = |c: char| c == '/' || (special && c == '\\');
    let after_authority = if lower == "file" {
        let mut it = rest.chars();
        if it.next().is_some_and(is_slash) && it.next().is_some_and(is_slash) {
            let r = &rest[2..];
            let end = r.find(['/', '\\', '?', '#']).unwrap_or(r.len());
            raw.host = Some(r[..end].to_string());
            &r[end..]
        } else {
            rest
        }
    } else if special {
        let start = rest.find(|c| !is_slash(c)).unwrap_or(rest.len());
        raw.slashes = rest[..start].to_string();
        let r = &rest[start..];
        let end = r.find(['/', '\\', '?', '#']).unwrap_or(r.len());
        fill_authority(&mut raw, &r[..end]);
        &r[end..]
    } else if let Some(r) = rest.strip_prefix("//") {
        let end = r.find(['/', '?', '#']).unwrap_or(r.len());
        fill_authority(&mut raw, &r[..end]);
        &r[end..]
    } else {
        rest
    };
    let path_end = after_authority
        .find(['?', '#'])
        .unwrap_or(after_authority.len());
    raw.path = after_authority[..path_end].to_string();
    Some(raw)
}

fn fill_authority(raw: &mut RawParts, authority: &str) {
    let host_port = match authority.rfind('@') {
        Some(at) => {
            raw.userinfo = Some(authority[..at].to_string());
            &authority[at + 1..]
        }
        None => authority,
    };
    let mut in_brackets = false;
    let mut colon = None;
    for (i, c) in host_port.char_indices() {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            ':' if !in_brackets => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    match colon {
        Some(i) => {
            raw.host = Some(host_port[..i].to_string());
            raw.port = Some(host_port[i + 1..].to_string());
        }
        None => raw.host = Some(host_port.to_string()),
    }
}

fn notes_for(p: &UrlParts, typed: &str, raw: Option<&RawParts>) -> Vec<UrlNote> {
    let mut notes = Vec::new();
    let special = is_special_scheme(&p.scheme);
    let scheme = p.scheme.clone();

    if typed.contains(['\t', '\n', '\r']) {
        notes.push(UrlNote::TabOrNewlineRemoved);
    }

    if let Some(raw) = raw {
        if raw.scheme != p.scheme {
            notes.push(UrlNote::SchemeLowered {
                typed: raw.scheme.clone(),
                scheme: scheme.clone(),
            });
        }
        let backslash_before_query = raw.slashes.contains('\\') || raw.path.contains('\\');
        if special && backslash_before_query {
            notes.push(UrlNote::BackslashesAsSlashes {
                scheme: scheme.clone(),
            });
        }
        if special && scheme != "file" && raw.slashes.chars().count() != 2 {
            notes.push(UrlNote::Slashes {
                scheme: scheme.clone(),
                found: raw.slashes.chars().count(),
            });
        }
        if special && has_dot_segment(&raw.path) {
            notes.push(UrlNote::DotSegments {
                path: p.path.clone(),
            });
        }
    }

    if !p.username.is_empty() || !p.password.is_empty() {
        notes.push(UrlNote::UserInfo {
            password: !p.password.is_empty(),
            origin: p.serialized_origin.clone(),
        });
    }

    if let (Some(host), true) = (&p.host, special) {
        host_notes(&mut notes, host, raw.and_then(|r| r.host.as_deref()));
    }

    match (&p.port, raw.and_then(|r| r.port.as_deref())) {
        (
            PortParts::Default {
                port,
                written: true,
            },
            typed_port,
        ) => {
            notes.push(UrlNote::DefaultPortDropped {
                typed: typed_port.map_or_else(|| port.to_string(), str::to_string),
                scheme: scheme.clone(),
                origin: p.serialized_origin.clone(),
            });
        }
        (
            PortParts::Default {
                port,
                written: false,
            },
            Some(""),
        ) => notes.push(UrlNote::EmptyPort {
            port: *port,
            scheme: scheme.clone(),
        }),
        (PortParts::Explicit(port), Some(typed_port)) if typed_port != port.to_string() => notes
            .push(UrlNote::PortReadAs {
                typed: typed_port.to_string(),
                port: *port,
            }),
        _ => {}
    }

    origin_notes(&mut notes, p);

    if let Some(suggestion) = host_port_as_scheme(p) {
        notes.push(UrlNote::SchemeLooksLikeHost { scheme, suggestion });
    }
    notes
}

fn host_notes(notes: &mut Vec<UrlNote>, host: &HostParts, typed: Option<&str>) {
    let ascii = host.ascii.clone();
    if let Some(typed) = typed.filter(|t| *t != ascii) {
        let typed = typed.to_string();
        notes.push(match host.kind {
            HostKind::Ipv4 => UrlNote::Ipv4Normalised {
                typed,
                ascii: ascii.clone(),
            },
            HostKind::Ipv6 => UrlNote::Ipv6Normalised {
                typed,
                ascii: ascii.clone(),
            },
            HostKind::Domain => {
                if !typed.is_ascii() && ascii.split('.').any(|l| l.starts_with("xn--")) {
                    UrlNote::IdnToPunycode {
                        typed,
                        ascii: ascii.clone(),
                    }
                } else if typed.to_ascii_lowercase() == ascii {
                    UrlNote::HostLowered {
                        typed,
                        ascii: ascii.clone(),
                    }
                } else {
                    UrlNote::HostNormalised {
                        typed,
                        ascii: ascii.clone(),
                    }
                }
            }
        });
    }
    if host.kind == HostKind::Domain {
        let ascii_typed = typed.is_none_or(|t| t.is_ascii());
        if host.unicode != ascii && ascii_typed {
            notes.push(UrlNote::PunycodeOf {
                ascii: ascii.clone(),
                unicode: host.unicode.clone(),
            });
        }
        if let Some(without) = ascii.strip_suffix('.').filter(|w| !w.is_empty()) {
            notes.push(UrlNote::TrailingDot {
                without: without.to_string(),
                host: ascii.clone(),
            });
        }
    }
}

fn origin_notes(notes: &mut Vec<UrlNote>, p: &UrlParts) {
    match &p.origin {
        Origin::Tuple(_) if p.scheme == "blob" => notes.push(UrlNote::BlobOrigin {
            origin: p.serialized_origin.clone(),
        }),
        Origin::Tuple(_) => {}
        Origin::Opaque(OpaqueReason::BlobInner) => notes.push(match &p.blob_inner {
            Some(inner) => UrlNote::BlobInnerScheme {
                scheme: inner.scheme.clone(),
            },
            None => UrlNote::BlobNotUrl,
        }),
        Origin::Opaque(reason) => notes.push(UrlNote::Opaque(reason.clone())),
    }
}

/// `localhost:8080` parses as a URL with scheme `localhost`: suggest `http://localhost:8080`.
fn host_port_as_scheme(p: &UrlParts) -> Option<String> {
    const REAL_SCHEMES: &[&str] = &[
        "tel",
        "sms",
        "fax",
        "mailto",
        "urn",
        "data",
        "javascript",
        "about",
        "blob",
        "geo",
        "news",
        "callto",
        "magnet",
        "isbn",
    ];
    if is_special_scheme(&p.scheme) || p.host.is_some() || REAL_SCHEMES.contains(&p.scheme.as_str())
    {
        return None;
    }
    let digits = p.path.bytes().take_while(u8::is_ascii_digit).count();
    let after = p.path.get(digits..)?;
    let port_like = (1..=5).contains(&digits) && (after.is_empty() || after.starts_with('/'));
    if !port_like {
        return None;
    }
    let typed = p.input.as_str();
    let candidate = format!("http://{typed}");
    let parsed = Url::parse(&candidate).ok()?;
    parsed.host()?;
    Some(candidate)
}

fn has_dot_segment(path: &str) -> bool {
    path.split(['/', '\\']).skip(1).any(|seg| {
        let seg = seg.to_ascii_lowercase();
        matches!(
            seg.as_str(),
            "." | ".." | "%2e" | "%2e%2e" | ".%2e" | "%2e."
        )
    })
}

fn explain_error(typed: &str, err: ParseError) -> UrlError {
    let cleaned = remove_tab_newline(typed);
    let raw = split_raw(&cleaned).unwrap_or_default();
    let scheme = raw.scheme.to_ascii_lowercase();
    let host = raw.host.clone().unwrap_or_default();
    let mut hint = None;
    let kind = match err {
        ParseError::EmptyHost => {
            let port = raw.port.clone().unwrap_or_default();
            let bare_ipv6 = format!("{host}:{port}");
            if raw.port.is_some() && bare_ipv6.parse::<std::net::Ipv6Addr>().is_ok() {
                hint = Some(UrlHint::DidYouMean {
                    url: format!("{scheme}://[{bare_ipv6}]/"),
                });
                UrlErrorKind::BareIpv6 { address: bare_ipv6 }
            } else if raw.port.is_some() && host.is_empty() {
                UrlErrorKind::PortWithoutHost { scheme, port }
            } else if raw.userinfo.is_some() {
                UrlErrorKind::NothingAfterAt
            } else {
                UrlErrorKind::MissingHost { scheme }
            }
        }
        ParseError::InvalidPort => match raw.port.as_deref() {
            Some(port) if port_number(port).is_some() => UrlErrorKind::PortOutOfRange {
                port: port.to_string(),
            },
            Some(port) => {
                if port.contains(':') {
                    hint = Some(UrlHint::Ipv6Brackets);
                }
                UrlErrorKind::PortNotNumber {
                    port: port.to_string(),
                }
            }
            None => UrlErrorKind::PortInvalid,
        },
        ParseError::InvalidIpv4Address => UrlErrorKind::Ipv4 {
            problem: ipv4_problem(&host),
            host,
        },
        ParseError::InvalidIpv6Address => {
            if host.starts_with('[') && !host.contains(']') {
                UrlErrorKind::Ipv6Unclosed { host }
            } else {
                UrlErrorKind::Ipv6Invalid { host }
            }
        }
        ParseError::InvalidDomainCharacter | ParseError::IdnaError
            if forbidden_in_host(&host).is_some() =>
        {
            bad_host_character(&scheme, host)
        }
        ParseError::InvalidDomainCharacter => UrlErrorKind::BadHostChar { host },
        ParseError::IdnaError => {
            let bad_punycode = host
                .split('.')
                .find(|l| l.to_ascii_lowercase().starts_with("xn--"))
                .map(str::to_string);
            match bad_punycode {
                Some(label) => UrlErrorKind::BadPunycode { host, label },
                None if !host.is_ascii() => UrlErrorKind::BadIdnUnicode { host },
                None => UrlErrorKind::BadIdn { host },
            }
        }
        ParseError::RelativeUrlWithoutBase => {
            hint = scheme_hint(&cleaned);
            if cleaned.starts_with(['/', '\\', '.', '?', '#']) {
                UrlErrorKind::Relative
            } else {
                UrlErrorKind::NoScheme
            }
        }
        ParseError::Overflow => UrlErrorKind::TooLong,
        other => UrlErrorKind::Other {
            parser_says: other.to_string(),
        },
    };
    UrlError {
        input: typed.to_string(),
        kind,
        hint,
    }
}

fn ipv4_problem(host: &str) -> Ipv4Problem {
    let mut parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    let n = parts.len();
    if n > 4 {
        return Ipv4Problem::TooManyParts { parts: n };
    }
    for (i, part) in parts.iter().enumerate() {
        let Some(value) = ipv4_number(part) else {
            return Ipv4Problem::NotANumber {
                part: part.to_string(),
            };
        };
        if i + 1 < n && value > 255 {
            return Ipv4Problem::PartOver255 {
                part: part.to_string(),
            };
        }
        if i + 1 == n {
            // The last part fills all the bytes the earlier parts left.
            let limit = (1u64 << (8 * (5 - n as u32))) - 1;
            if value > u128::from(limit) {
                return if n == 1 {
                    Ipv4Problem::SingleTooLarge {
                        part: part.to_string(),
                        limit,
                    }
                } else {
                    Ipv4Problem::LastTooLarge {
                        part: part.to_string(),
                        parts: n,
                        bytes: 5 - n,
                        limit,
                    }
                };
            }
        }
    }
    Ipv4Problem::General
}

/// One part of an IPv4 address as the URL standard reads it: decimal, `0x` hex or `0` octal.
/// Anything too long to matter is reported as `u128::MAX`.
fn ipv4_number(part: &str) -> Option<u128> {
    let (digits, radix) =
        if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            (hex, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (part, 10)
        };
    if digits.is_empty() {
        return (radix != 10).then_some(0);
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    if digits.len() > 24 {
        return Some(u128::MAX);
    }
    Some(u128::from_str_radix(digits, radix).unwrap_or(0))
}

/// A host with a forbidden character (`forbidden_in_host` found one): name it.
fn bad_host_character(scheme: &str, host: String) -> UrlErrorKind {
    match forbidden_in_host(&host) {
        Some((':', false)) if scheme == "file" => UrlErrorKind::FilePort { host },
        Some((c, decoded)) => UrlErrorKind::ForbiddenHostChar {
            host,
            character: host_char(c),
            decoded,
        },
        None => UrlErrorKind::BadHostChar { host },
    }
}

/// The first character a host may not contain, and whether it only appeared after %-decoding.
fn forbidden_in_host(host: &str) -> Option<(char, bool)> {
    let is_forbidden = |c: char| {
        c <= ' '
            || c == '\u{7f}'
            || matches!(
                c,
                '#' | '/' | ':' | '<' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '|'
            )
    };
    if let Some(c) = host.chars().find(|c| is_forbidden(*c)) {
        return Some((c, false));
    }
    let decoded = percent_decode(host);
    decoded
        .chars()
        .find(|c| is_forbidden(*c) || *c == '%')
        .map(|c| (c, true))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn host_char(c: char) -> HostChar {
    match c {
        ' ' => HostChar::Space,
        '%' => HostChar::Percent,
        c if c.is_control() => HostChar::Control(c as u32),
        c => HostChar::Other(c),
    }
}

/// "Did you mean ...?" for input without a scheme.
fn scheme_hint(s: &str) -> Option<UrlHint> {
    let lower = s.to_ascii_lowercase();
    let candidate = if let Some(p) = ["https//", "http//"]
        .into_iter()
        .find(|p| lower.starts_with(p))
    {
        let name_len = p.len() - 2;
        format!("{}:{}", s.get(..name_len)?, s.get(name_len..)?)
    } else if let Some(rest) = s.strip_prefix("//") {
        let scheme = if looks_local(rest) { "http" } else { "https" };
        format!("{scheme}://{rest}")
    } else if s.starts_with(['/', '\\', '.', '?', '#']) {
        return Some(UrlHint::WholeUrl);
    } else {
        let scheme = if looks_local(s) { "http" } else { "https" };
        format!("{scheme}://{s}")
    };
    let parsed = Url::parse(&candidate).ok()?;
    parsed.host()?;
    Some(UrlHint::DidYouMean { url: candidate })
}

/// `localhost`, an IPv4 address or `host:port`: a local development server, usually plain http.
fn looks_local(s: &str) -> bool {
    let authority = s.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || (!host.is_empty() && host.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        || port.is_some_and(|p| port_number(p).is_some())
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
