//! The URL parser's facts in words (`locales/*/origin.json`): what it
//! changed or what is easy to miss ([`note`]), why a URL did not parse
//! ([`error`], [`hint`]), and why the Public Suffix List is not here
//! ([`list_error`]).

use cors_core::suffix_list::NotTheList;
use cors_core::url_parts::{HostChar, Ipv4Problem, UrlErrorKind, UrlHint, UrlNote};

use crate::i18n::{t, Text};
use crate::suffix_list::{ListError, LIST_URL};

/// What a page-made `blob:` URL looks like (a note's example).
const BLOB_EXAMPLE: &str = "blob:https://example.com/<id>";

/// A note about a parsed URL.
pub fn note(note: &UrlNote) -> Text {
    match note {
        UrlNote::TabOrNewlineRemoved => t!(origin.note.tab_newline),
        UrlNote::SchemeLowered { typed, scheme } => t!(
            origin.note.scheme_lowered,
            typed = typed.clone(),
            scheme = scheme.clone()
        ),
        UrlNote::BackslashesAsSlashes { scheme } => {
            t!(origin.note.backslashes, scheme = scheme.clone())
        }
        UrlNote::Slashes { scheme, found } => {
            let scheme = scheme.clone();
            match found {
                0 => t!(origin.note.slashes_none, scheme),
                1 => t!(origin.note.slashes_one, scheme),
                &count => t!(origin.note.slashes_many, scheme, count),
            }
        }
        UrlNote::DotSegments { path } => t!(origin.note.dot_segments, path = path.clone()),
        UrlNote::UserInfo { password, origin } => {
            let origin = origin.clone();
            if *password {
                t!(origin.note.user_name_password, origin)
            } else {
                t!(origin.note.user_name, origin)
            }
        }
        UrlNote::Ipv4Normalised { typed, ascii } => t!(
            origin.note.ipv4,
            typed = typed.clone(),
            ascii = ascii.clone()
        ),
        UrlNote::Ipv6Normalised { typed, ascii } => t!(
            origin.note.ipv6,
            typed = typed.clone(),
            ascii = ascii.clone()
        ),
        UrlNote::IdnToPunycode { typed, ascii } => t!(
            origin.note.idn,
            typed = typed.clone(),
            ascii = ascii.clone()
        ),
        UrlNote::HostLowered { typed, ascii } => t!(
            origin.note.host_lowered,
            typed = typed.clone(),
            ascii = ascii.clone()
        ),
        UrlNote::HostNormalised { typed, ascii } => t!(
            origin.note.host_normalised,
            typed = typed.clone(),
            ascii = ascii.clone()
        ),
        UrlNote::PunycodeOf { ascii, unicode } => t!(
            origin.note.punycode,
            ascii = ascii.clone(),
            unicode = unicode.clone()
        ),
        UrlNote::TrailingDot { host, without } => t!(
            origin.note.trailing_dot,
            host = host.clone(),
            without = without.clone()
        ),
        UrlNote::DefaultPortDropped {
            typed,
            scheme,
            origin,
        } => t!(
            origin.note.default_port,
            typed = typed.clone(),
            scheme = scheme.clone(),
            origin = origin.clone()
        ),
        UrlNote::EmptyPort { port, scheme } => {
            t!(
                origin.note.empty_port,
                port = *port,
                scheme = scheme.clone()
            )
        }
        UrlNote::PortReadAs { typed, port } => {
            t!(
                origin.note.port_read_as,
                typed = typed.clone(),
                port = *port
            )
        }
        UrlNote::BlobOrigin { origin } => t!(origin.note.blob_origin, origin = origin.clone()),
        UrlNote::BlobInnerScheme { scheme } => {
            t!(origin.note.blob_inner_scheme, scheme = scheme.clone())
        }
        UrlNote::BlobNotUrl => t!(origin.note.blob_not_url, example = BLOB_EXAMPLE),
        UrlNote::Opaque(why) => t!(origin.note.opaque, why = super::origin::opaque(why)),
        UrlNote::SchemeLooksLikeHost { scheme, suggestion } => t!(
            origin.note.scheme_not_host,
            scheme = scheme.clone(),
            suggestion = suggestion.clone()
        ),
    }
}

/// Why a URL could not be parsed.
pub fn error(kind: &UrlErrorKind) -> Text {
    match kind {
        UrlErrorKind::Empty => t!(origin.error.empty),
        UrlErrorKind::Relative => t!(origin.error.relative),
        UrlErrorKind::NoScheme => t!(origin.error.no_scheme),
        UrlErrorKind::BareIpv6 { address } => {
            t!(origin.error.bare_ipv6, address = address.clone())
        }
        UrlErrorKind::PortWithoutHost { scheme, port } => t!(
            origin.error.port_without_host,
            scheme = scheme.clone(),
            port = port.clone()
        ),
        UrlErrorKind::NothingAfterAt => t!(origin.error.nothing_after_at),
        UrlErrorKind::MissingHost { scheme } => {
            t!(origin.error.missing_host, scheme = scheme.clone())
        }
        UrlErrorKind::PortOutOfRange { port } => {
            t!(origin.error.port_out_of_range, port = port.clone())
        }
        UrlErrorKind::PortNotNumber { port } => {
            t!(origin.error.port_not_number, port = port.clone())
        }
        UrlErrorKind::PortInvalid => t!(origin.error.port_invalid),
        UrlErrorKind::Ipv4 { host, problem } => t!(
            origin.error.ipv4,
            host = host.clone(),
            problem = ipv4_problem(problem)
        ),
        UrlErrorKind::Ipv6Unclosed { host } => {
            t!(origin.error.ipv6_unclosed, host = host.clone())
        }
        UrlErrorKind::Ipv6Invalid { host } => t!(origin.error.ipv6_invalid, host = host.clone()),
        UrlErrorKind::FilePort { host } => t!(origin.error.file_port, host = host.clone()),
        UrlErrorKind::ForbiddenHostChar {
            host,
            character,
            decoded,
        } => {
            let (host, character) = (host.clone(), host_char(character));
            if *decoded {
                t!(origin.error.forbidden_char_decoded, host, character)
            } else {
                t!(origin.error.forbidden_char, host, character)
            }
        }
        UrlErrorKind::BadHostChar { host } => t!(origin.error.bad_char, host = host.clone()),
        UrlErrorKind::BadPunycode { host, label } => t!(
            origin.error.bad_punycode,
            host = host.clone(),
            label = label.clone()
        ),
        UrlErrorKind::BadIdnUnicode { host } => {
            t!(origin.error.bad_idn_unicode, host = host.clone())
        }
        UrlErrorKind::BadIdn { host } => t!(origin.error.bad_idn, host = host.clone()),
        UrlErrorKind::TooLong => t!(origin.error.too_long),
        UrlErrorKind::Other { parser_says } => {
            t!(origin.error.other, parser_says = parser_says.clone())
        }
    }
}

fn ipv4_problem(problem: &Ipv4Problem) -> Text {
    match problem {
        Ipv4Problem::TooManyParts { parts } => {
            t!(origin.error.ipv4_problem.too_many_parts, parts = *parts)
        }
        Ipv4Problem::NotANumber { part } => {
            t!(origin.error.ipv4_problem.not_a_number, part = part.clone())
        }
        Ipv4Problem::PartOver255 { part } => {
            t!(origin.error.ipv4_problem.part_over_255, part = part.clone())
        }
        Ipv4Problem::SingleTooLarge { part, limit } => t!(
            origin.error.ipv4_problem.single_too_large,
            part = part.clone(),
            limit = *limit
        ),
        Ipv4Problem::LastTooLarge {
            part,
            parts,
            bytes,
            limit,
        } => {
            let (part, parts, limit) = (part.clone(), *parts, *limit);
            if *bytes == 1 {
                t!(
                    origin.error.ipv4_problem.last_byte_too_large,
                    part,
                    parts,
                    limit
                )
            } else {
                t!(
                    origin.error.ipv4_problem.last_too_large,
                    part,
                    parts,
                    bytes = *bytes,
                    limit
                )
            }
        }
        Ipv4Problem::General => t!(origin.error.ipv4_problem.general),
    }
}

fn host_char(c: &HostChar) -> Text {
    match c {
        HostChar::Space => t!(origin.error.character.space),
        HostChar::Percent => t!(origin.error.character.percent),
        HostChar::Control(code) => {
            t!(origin.error.character.control, code = format!("{code:04X}"))
        }
        HostChar::Other(c) => t!(origin.error.character.other, character = *c),
    }
}

/// A way out of a parse error.
pub fn hint(hint: &UrlHint) -> Text {
    match hint {
        UrlHint::DidYouMean { url } => t!(origin.hint.did_you_mean, url = url.clone()),
        UrlHint::WholeUrl => t!(origin.hint.whole_url),
        UrlHint::Ipv6Brackets => t!(origin.hint.ipv6_brackets),
    }
}

/// Why the Public Suffix List did not arrive.
pub fn list_error(error: &ListError) -> Text {
    let url = LIST_URL;
    match error {
        ListError::RequestFailed => t!(origin.list_error.request_failed, url),
        ListError::Status(status) => t!(origin.list_error.status, url, status = *status),
        ListError::Unreadable => t!(origin.list_error.unreadable, url),
        ListError::NotTheList(NotTheList::RuleBeforeIcannSection { rule }) => {
            t!(
                origin.list_error.rule_before_icann,
                url,
                rule = rule.clone()
            )
        }
        ListError::NotTheList(NotTheList::NoRules) => t!(origin.list_error.no_rules, url),
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
