//! One URL broken into the parts a learner needs: what makes the origin
//! (scheme, host, port) and what does not (userinfo, path, query, fragment).

use crate::origin::{default_port, is_special_scheme, origin_of, Host, OpaqueReason, Origin};
use serde::Serialize;
use url::{ParseError, Url};

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
            message: "Enter a URL, for example https://example.com/".to_string(),
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

fn notes_for(p: &UrlParts, typed: &str, raw: Option<&RawParts>) -> Vec<String> {
    let mut notes = Vec::new();
    let special = is_special_scheme(&p.scheme);
    let scheme = p.scheme.as_str();

    if typed.contains(['\t', '\n', '\r']) {
        notes.push(
            "Tab and line-break characters inside the URL were removed before parsing.".to_string(),
        );
    }

    if let Some(raw) = raw {
        if raw.scheme != p.scheme {
            notes.push(format!(
                "The scheme {} was lowered to {}: schemes are not case-sensitive.",
                raw.scheme, p.scheme
            ));
        }
        let backslash_before_query = raw.slashes.contains('\\') || raw.path.contains('\\');
        if special && backslash_before_query {
            notes.push(format!(
                "Backslashes (\\) were turned into slashes (/), as browsers do in {scheme}: URLs."
            ));
        }
        if special && scheme != "file" && raw.slashes.chars().count() != 2 {
            let found = match raw.slashes.chars().count() {
                0 => "none".to_string(),
                1 => "only one".to_string(),
                n => n.to_string(),
            };
            notes.push(format!(
                "{scheme}: URLs put two slashes before the host; there were {found} here, but the parser reads the host anyway and writes {scheme}://."
            ));
        }
        if special && has_dot_segment(&raw.path) {
            notes.push(format!(
                "The . and .. segments in the path were resolved, giving the path {}.",
                p.path
            ));
        }
    }

    if !p.username.is_empty() || !p.password.is_empty() {
        let what = if p.password.is_empty() {
            "a user name"
        } else {
            "a user name and password"
        };
        notes.push(format!(
            "The URL carries {what} before the @. That user info is not part of the origin: the origin is {} with or without it.",
            p.serialized_origin
        ));
    }

    if let (Some(host), true) = (&p.host, special) {
        host_notes(&mut notes, host, raw.and_then(|r| r.host.as_deref()));
    }

    match (&p.port, raw.and_then(|r| r.port.as_deref())) {
        (PortParts::Default { port, written: true }, typed_port) => {
            let typed_port = typed_port.map_or_else(|| port.to_string(), str::to_string);
            notes.push(format!(
                ":{typed_port} is the default port of {scheme}, so it is dropped: the origin {} is the same with or without it.",
                p.serialized_origin
            ));
        }
        (PortParts::Default { port, written: false }, Some("")) => notes.push(format!(
            "The \":\" after the host has no port number after it, so it is dropped and the default port {port} of {scheme} applies."
        )),
        (PortParts::Explicit(port), Some(typed_port)) if typed_port != port.to_string() => {
            notes.push(format!("The port {typed_port} is read as the number {port}."))
        }
        _ => {}
    }

    origin_notes(&mut notes, p);

    if let Some(suggestion) = host_port_as_scheme(p) {
        notes.push(format!(
            "The browser reads the text before the first \":\" as the scheme, so this is a URL with the scheme {scheme}: and no host at all. Did you mean {suggestion} ?"
        ));
    }
    notes
}

fn host_notes(notes: &mut Vec<String>, host: &HostParts, typed: Option<&str>) {
    let ascii = host.ascii.as_str();
    if let Some(typed) = typed.filter(|t| *t != ascii) {
        match host.kind {
            HostKind::Ipv4 => notes.push(format!(
                "The host {typed} is an IPv4 address written in a short or unusual form (fewer than four parts, hex or octal numbers); it is normalised to {ascii}."
            )),
            HostKind::Ipv6 => notes.push(format!(
                "The IPv6 address {typed} is normalised to its shortest form {ascii} (leading zeros dropped, the longest run of zero groups written as ::, hex in lower case)."
            )),
            HostKind::Domain => {
                if !typed.is_ascii() && ascii.split('.').any(|l| l.starts_with("xn--")) {
                    notes.push(format!(
                        "The host {typed} is written in Unicode (an internationalised domain name); on the wire and in the origin it is converted to punycode, the xn-- form: {ascii}."
                    ));
                } else if typed.to_ascii_lowercase() == ascii {
                    notes.push(format!(
                        "Upper-case letters in the host were lowered: {typed} became {ascii}. Host names are not case-sensitive."
                    ));
                } else {
                    notes.push(format!(
                        "The host {typed} was normalised to {ascii} (percent-decoding, lower case, Unicode mapping)."
                    ));
                }
            }
        }
    }
    if host.kind == HostKind::Domain {
        let ascii_typed = typed.is_none_or(|t| t.is_ascii());
        if host.unicode != ascii && ascii_typed {
            notes.push(format!(
                "{ascii} is the punycode (xn--) form of the internationalised name {}; a browser may show the Unicode form, but the origin uses {ascii}.",
                host.unicode
            ));
        }
        if let Some(without) = ascii.strip_suffix('.').filter(|w| !w.is_empty()) {
            notes.push(format!(
                "The trailing dot makes {ascii} a different host from {without}, so a different origin (and a different host for cookies), even though DNS finds the same server for both."
            ));
        }
    }
}

fn origin_notes(notes: &mut Vec<String>, p: &UrlParts) {
    match &p.origin {
        Origin::Tuple(_) if p.scheme == "blob" => notes.push(format!(
            "A blob: URL has the origin of the URL inside it: {}.",
            p.serialized_origin
        )),
        Origin::Tuple(_) => {}
        Origin::Opaque(OpaqueReason::BlobInner) => match &p.blob_inner {
            Some(inner) => notes.push(format!(
                "The URL inside this blob: URL has the scheme {}:, not http: or https:, so the blob: URL gets an opaque origin (written null).",
                inner.scheme
            )),
            None => notes.push(
                "The text after blob: is not a URL, so the blob: URL gets an opaque origin (written null). Blob URLs that a page creates look like blob:https://example.com/<id> and take the origin of the page."
                    .to_string(),
            ),
        },
        Origin::Opaque(reason) => notes.push(format!(
            "The origin is opaque (written null) because {}.",
            reason.explain()
        )),
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
    let message = match err {
        ParseError::EmptyHost => {
            let port = raw.port.clone().unwrap_or_default();
            let bare_ipv6 = format!("{host}:{port}");
            if raw.port.is_some() && bare_ipv6.parse::<std::net::Ipv6Addr>().is_ok() {
                hint = Some(format!("Did you mean {scheme}://[{bare_ipv6}]/ ?"));
                format!(
                    "\"{bare_ipv6}\" looks like an IPv6 address, and in a URL an IPv6 address must be put in square brackets. Without them the parser takes the first \":\" as the start of a port and finds no host before it."
                )
            } else if raw.port.is_some() && host.is_empty() {
                format!(
                    "The host is missing: there is nothing between \"{scheme}://\" and the port \":{port}\". Put a host name such as example.com there."
                )
            } else if raw.userinfo.is_some() {
                "The host is missing: nothing comes after the \"@\" (what comes before @ is a user name, not a host). Put a host name such as example.com after it."
                    .to_string()
            } else {
                format!(
                    "The host is missing: {scheme}: URLs need a host name after \"{scheme}://\", as in {scheme}://example.com/."
                )
            }
        }
        ParseError::InvalidPort => match raw.port.as_deref() {
            Some(port) if port_number(port).is_some() => format!(
                "The port {port} is out of range: ports go from 0 to 65535."
            ),
            Some(port) => {
                if port.contains(':') {
                    hint = Some(
                        "An IPv6 address must be written in square brackets, for example http://[::1]:8080/ ."
                            .to_string(),
                    );
                }
                format!(
                    "The port \"{port}\" is not a number: after the \":\" that follows the host only digits may come, making a port from 0 to 65535."
                )
            }
            None => "The port is not valid: it must be a number from 0 to 65535.".to_string(),
        },
        ParseError::InvalidIpv4Address => {
            format!(
                "The host \"{host}\" ends in a number, so the browser reads it as an IPv4 address, and it is not a valid one: {}.",
                ipv4_problem(&host)
            )
        }
        ParseError::InvalidIpv6Address => {
            if host.starts_with('[') && !host.contains(']') {
                format!("The IPv6 address \"{host}\" has no closing \"]\".")
            } else {
                format!(
                    "\"{host}\" is not a valid IPv6 address: it needs up to eight groups of at most four hex digits separated by \":\", and a single \"::\" may stand for a run of zero groups, for example [::1] or [2001:db8::1]."
                )
            }
        }
        ParseError::InvalidDomainCharacter | ParseError::IdnaError
            if forbidden_in_host(&host).is_some() =>
        {
            bad_host_character(&scheme, &host)
        }
        ParseError::InvalidDomainCharacter => format!(
            "The host \"{host}\" contains a character that is not allowed in a host name, such as a space, <, >, ^, | or %."
        ),
        ParseError::IdnaError => {
            let bad_punycode = host
                .split('.')
                .find(|l| l.to_ascii_lowercase().starts_with("xn--"));
            match bad_punycode {
                Some(label) => format!(
                    "The host \"{host}\" is not a valid internationalised domain name: the label {label} starts with xn-- but is not valid punycode, or decodes to characters a domain may not use."
                ),
                None if !host.is_ascii() => format!(
                    "The host \"{host}\" is not a valid internationalised domain name: it contains characters domain names may not use (some symbols, invisible or unassigned characters)."
                ),
                None => format!(
                    "The host \"{host}\" is not a valid domain name under the IDNA rules (for example a label is malformed)."
                ),
            }
        }
        ParseError::RelativeUrlWithoutBase => {
            hint = scheme_hint(&cleaned);
            if cleaned.starts_with(['/', '\\', '.', '?', '#']) {
                "This is a relative URL (it has no scheme such as https: at the start), and here there is no page to resolve it against. Type the whole URL, starting with the scheme.".to_string()
            } else {
                "There is no scheme (such as https:) at the start, so the parser reads this as a relative URL, and here there is no page to resolve it against.".to_string()
            }
        }
        ParseError::Overflow => {
            "This URL is too long: the parser handles URLs of up to 4 GB.".to_string()
        }
        other => format!("The URL could not be parsed: {other}."),
    };
    UrlError {
        input: typed.to_string(),
        message,
        hint,
    }
}

fn ipv4_problem(host: &str) -> String {
    let mut parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    let n = parts.len();
    if n > 4 {
        return format!("it has {n} parts, and an IPv4 address has at most four");
    }
    for (i, part) in parts.iter().enumerate() {
        let Some(value) = ipv4_number(part) else {
            return format!(
                "\"{part}\" is not a number (a part may be decimal, hex starting with 0x, or octal starting with 0)"
            );
        };
        if i + 1 < n && value > 255 {
            return format!("{part} is larger than 255, the most one part can hold");
        }
        if i + 1 == n {
            // The last part fills all the bytes the earlier parts left.
            let limit = (1u64 << (8 * (5 - n as u32))) - 1;
            if value > u128::from(limit) {
                return if n == 1 {
                    format!(
                        "a single number stands for the whole address, so it can be at most {limit}, and {part} is larger"
                    )
                } else {
                    let bytes = if n == 4 { "byte" } else { "bytes" };
                    format!(
                        "{part} is too large: the last of {n} parts fills the remaining {} {bytes}, so it can be at most {limit}",
                        5 - n
                    )
                };
            }
        }
    }
    "it needs at most four numbers from 0 to 255 separated by dots, such as 192.168.0.1".to_string()
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

/// A host with a forbidden character: name it.
fn bad_host_character(scheme: &str, host: &str) -> String {
    match forbidden_in_host(host) {
        Some((':', false)) if scheme == "file" => format!(
            "file: URLs have no port, so the \":\" in the host \"{host}\" is not allowed."
        ),
        Some((c, decoded)) => format!(
            "The host \"{host}\" contains {}{}, which is not allowed in a host name. Host names are made of letters, digits, hyphens and dots.",
            describe_char(c),
            if decoded { " (after %-decoding)" } else { "" }
        ),
        None => format!("The host \"{host}\" contains a character that is not allowed in a host name."),
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

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '%' => "a percent sign (%)".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("the character \"{c}\""),
    }
}

/// "Did you mean ...?" for input without a scheme.
fn scheme_hint(s: &str) -> Option<String> {
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
        return Some(
            "Type a whole URL that starts with a scheme, for example https://example.com/ ."
                .to_string(),
        );
    } else {
        let scheme = if looks_local(s) { "http" } else { "https" };
        format!("{scheme}://{s}")
    };
    let parsed = Url::parse(&candidate).ok()?;
    parsed.host()?;
    Some(format!("Did you mean {candidate} ?"))
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
