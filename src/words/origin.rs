//! The origin comparator's facts in words (`locales/*/origin.json`).

use cors_core::compare::{
    CrossSiteFetch, NonOriginPart, OpaqueCase, OriginPart, OriginReason, PartValue, PortValue,
    PresetId, SameAlso,
};
use cors_core::cookie::{CookieReason, CookieVerdict, HostOnly, Ignored, NoCookieHost};
use cors_core::origin::OpaqueReason;
use cors_core::site::{SiteKind, SiteName, SiteReason};

use crate::i18n::{t, Text};

/// A part of the origin's name ("scheme").
pub fn part(part: OriginPart) -> Text {
    match part {
        OriginPart::Scheme => t!(origin.part.scheme),
        OriginPart::Host => t!(origin.part.host),
        OriginPart::Port => t!(origin.part.port),
    }
}

fn other_part(part: NonOriginPart) -> Text {
    match part {
        NonOriginPart::UserInfo => t!(origin.part.user_info),
        NonOriginPart::Path => t!(origin.part.path),
        NonOriginPart::Query => t!(origin.part.query),
        NonOriginPart::Fragment => t!(origin.part.fragment),
    }
}

/// "a", "a and b", "a, b and c" in the active language.
pub fn join(items: Vec<String>) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let separator = t!(common.list.separator).string();
            t!(
                common.list.pair,
                a = init.join(&separator),
                b = last.clone()
            )
            .string()
        }
    }
}

/// The parts that differ, joined ("scheme and port").
pub fn parts(list: &[OriginPart]) -> String {
    join(list.iter().map(|&p| part(p).string()).collect())
}

fn port(port: PortValue) -> String {
    match port {
        PortValue::Written(p) => p.to_string(),
        PortValue::Default(p) => t!(origin.port.default, port = p).string(),
        PortValue::None => t!(origin.port.none).string(),
    }
}

/// Why an origin is opaque, as the end of "… because …".
pub(crate) fn opaque(reason: &OpaqueReason) -> Text {
    match reason {
        OpaqueReason::Data => t!(origin.reason.why_data),
        OpaqueReason::File => t!(origin.reason.why_file),
        OpaqueReason::BlobInner => t!(origin.reason.why_blob_inner),
        OpaqueReason::Scheme(scheme) => t!(origin.reason.why_scheme, scheme = scheme.clone()),
    }
}

/// Why two URLs are same-origin or not, in one paragraph.
pub fn reason(reason: &OriginReason) -> String {
    match reason {
        OriginReason::Same {
            scheme,
            host,
            port: p,
            also,
        } => {
            let head = t!(
                origin.reason.same,
                scheme = scheme.clone(),
                host = host.clone(),
                port = port(*p)
            )
            .string();
            let tail = match also {
                SameAlso::Identical => t!(origin.reason.same_identical),
                SameAlso::Blob => t!(origin.reason.same_blob),
                SameAlso::Others(others) => match others.as_slice() {
                    [] => t!(origin.reason.same_end),
                    [one] => t!(origin.reason.same_one_other, part = other_part(*one)),
                    many => t!(
                        origin.reason.same_others,
                        parts = join(many.iter().map(|&p| other_part(p).string()).collect())
                    ),
                },
            }
            .string();
            head + &tail
        }
        OriginReason::Different { differ, matching } => {
            let labelled = differ.len() > 1;
            let values = differ
                .iter()
                .map(|(p, a, b)| {
                    let (a, b) = (shown(a), shown(b));
                    if labelled {
                        t!(origin.reason.value_labelled, part = part(*p), a, b)
                    } else {
                        t!(origin.reason.value, a, b)
                    }
                    .string()
                })
                .collect::<Vec<_>>()
                .join(&t!(common.list.separator).string());
            let names: Vec<OriginPart> = differ.iter().map(|(p, _, _)| *p).collect();
            let mut text = t!(origin.reason.different, parts = parts(&names), values).string();
            let matched = match matching.as_slice() {
                [] => None,
                [(p, value)] => Some(t!(
                    origin.reason.one_matches,
                    part = part(*p),
                    value = shown(value)
                )),
                [(OriginPart::Scheme, _), (OriginPart::Host, _)] => {
                    Some(t!(origin.reason.scheme_host_match))
                }
                [(OriginPart::Scheme, _), (OriginPart::Port, _)] => {
                    Some(t!(origin.reason.scheme_port_match))
                }
                _ => Some(t!(origin.reason.host_port_match)),
            };
            if let Some(matched) = matched {
                text.push_str(&matched.string());
            }
            text
        }
        OriginReason::Opaque(case) => {
            let rule = t!(origin.reason.opaque_rule);
            match case {
                OpaqueCase::IdenticalUrl(why) => {
                    t!(origin.reason.opaque_identical, why = opaque(why))
                }
                OpaqueCase::Both(why) => t!(origin.reason.opaque_both, why = opaque(why), rule),
                OpaqueCase::BothApart(first, second) => t!(
                    origin.reason.opaque_both_apart,
                    first = opaque(first),
                    second = opaque(second),
                    rule
                ),
                OpaqueCase::First(why) => t!(origin.reason.opaque_first, why = opaque(why), rule),
                OpaqueCase::Second(why) => {
                    t!(origin.reason.opaque_second, why = opaque(why), rule)
                }
            }
            .string()
        }
    }
}

/// A part's value as the reason shows it.
fn shown(value: &PartValue) -> String {
    match value {
        PartValue::Text(text) => text.clone(),
        PartValue::Port(p) => port(*p),
    }
}

fn site_name(name: &SiteName) -> String {
    let site = name.site.clone();
    match name.kind {
        SiteKind::Registrable => t!(origin.site_reason.name.registrable, site),
        SiteKind::Ip => t!(origin.site_reason.name.ip, site),
        SiteKind::PublicSuffix => t!(origin.site_reason.name.public_suffix, site),
        SiteKind::SingleLabel => t!(origin.site_reason.name.single_label, site),
    }
    .string()
}

/// Why two URLs are same-site or not, in one paragraph.
pub fn site_reason(reason: &SiteReason) -> String {
    match reason {
        SiteReason::Same { site, name, hosts } => match (hosts, name.kind) {
            (Some((host_a, host_b)), _) => t!(
                origin.site_reason.same_shared,
                site = site.clone(),
                host_a = host_a.clone(),
                host_b = host_b.clone(),
                name = site_name(name)
            ),
            (None, SiteKind::Registrable) => {
                t!(
                    origin.site_reason.same_registrable,
                    site = site.clone(),
                    name = site_name(name)
                )
            }
            (None, SiteKind::Ip) => t!(origin.site_reason.same_ip, site = site.clone()),
            (None, kind) => t!(
                origin.site_reason.same_no_registrable,
                site = site.clone(),
                host = name.site.clone(),
                why = if kind == SiteKind::PublicSuffix {
                    t!(origin.site_reason.why_public_suffix)
                } else {
                    t!(origin.site_reason.why_single_label)
                }
            ),
        }
        .string(),
        SiteReason::OtherScheme {
            scheme_a,
            scheme_b,
            name,
        } => {
            let site = name.site.clone();
            let what = if name.kind == SiteKind::Registrable {
                t!(origin.site_reason.same_registrable_domain, site)
            } else {
                t!(origin.site_reason.same_host, site)
            };
            t!(
                origin.site_reason.other_scheme,
                scheme_a = scheme_a.clone(),
                scheme_b = scheme_b.clone(),
                what
            )
            .string()
        }
        SiteReason::Different {
            schemes,
            a,
            b,
            trailing_dot,
            shared_suffix,
        } => {
            let both_registrable =
                a.kind == SiteKind::Registrable && b.kind == SiteKind::Registrable;
            let mut text = match schemes {
                Some((scheme_a, scheme_b)) => t!(
                    origin.site_reason.both_differ,
                    scheme_a = scheme_a.clone(),
                    scheme_b = scheme_b.clone(),
                    a = site_name(a),
                    b = site_name(b)
                ),
                None if both_registrable => t!(
                    origin.site_reason.registrable_differ,
                    a = a.site.clone(),
                    b = b.site.clone()
                ),
                None => t!(
                    origin.site_reason.sites_differ,
                    a = site_name(a),
                    b = site_name(b)
                ),
            }
            .string();
            if *trailing_dot {
                text.push_str(&t!(origin.site_reason.trailing_dot).string());
            }
            if let Some(suffix) = shared_suffix {
                text.push_str(
                    &t!(origin.site_reason.shared_suffix, suffix = suffix.clone()).string(),
                );
            }
            text
        }
        SiteReason::Opaque { first, second } => match (first, second) {
            (true, true) => t!(origin.site_reason.opaque_both),
            (true, false) => t!(origin.site_reason.opaque_first),
            _ => t!(origin.site_reason.opaque_second),
        }
        .string(),
    }
}

fn no_cookie_host(why: &NoCookieHost) -> Text {
    match why {
        // Which URL it is, the sentence around says (the first, the other).
        NoCookieHost::Blob { .. } => t!(origin.cookie_reason.no_host_blob),
        NoCookieHost::Opaque { scheme, .. } => {
            t!(origin.cookie_reason.no_host_opaque, scheme = scheme.clone())
        }
    }
}

fn host_only(kind: HostOnly, host: &str) -> Text {
    match kind {
        HostOnly::Ip => t!(origin.cookie_reason.host_only_ip, host),
        HostOnly::PublicSuffix => t!(origin.cookie_reason.host_only_public_suffix, host),
        HostOnly::SingleLabel => t!(origin.cookie_reason.host_only_single_label, host),
    }
}

fn ignored(ignored: Ignored) -> String {
    match ignored {
        Ignored::Nothing => String::new(),
        Ignored::Scheme => t!(origin.cookie_reason.ignored_scheme).string(),
        Ignored::Port => t!(origin.cookie_reason.ignored_port).string(),
    }
}

/// Whether a cookie set by one URL's server goes to the other, and why.
pub fn cookie_reason(verdict: &CookieVerdict) -> String {
    let mut text = match &verdict.reason {
        CookieReason::NotSet(why) => {
            t!(origin.cookie_reason.not_set, why = no_cookie_host(why)).string()
        }
        CookieReason::NoHostThere {
            host,
            host_only: kind,
            why,
        } => {
            let stored = match kind {
                Some(kind) => host_only(*kind, host),
                None => t!(origin.cookie_reason.stored, host = host.clone()),
            };
            t!(
                origin.cookie_reason.no_host_there,
                stored,
                why = no_cookie_host(why)
            )
            .string()
        }
        CookieReason::HostOnlySame {
            host,
            kind,
            ignored: i,
        } => {
            t!(
                origin.cookie_reason.host_only_same,
                why = host_only(*kind, host),
                to = host.clone()
            )
            .string()
                + &ignored(*i)
        }
        CookieReason::HostOnlyOther { host, kind, to } => t!(
            origin.cookie_reason.host_only_other,
            why = host_only(*kind, host),
            to = to.clone()
        )
        .string(),
        CookieReason::Itself { host, ignored: i } => {
            t!(origin.cookie_reason.itself, host = host.clone()).string() + &ignored(*i)
        }
        CookieReason::Subdomain {
            host,
            to,
            ignored: i,
        } => {
            t!(
                origin.cookie_reason.subdomain,
                host = host.clone(),
                to = to.clone()
            )
            .string()
                + &ignored(*i)
        }
        CookieReason::Parent { host, to } => t!(
            origin.cookie_reason.parent,
            host = host.clone(),
            to = to.clone()
        )
        .string(),
        CookieReason::Unrelated { host, to } => t!(
            origin.cookie_reason.unrelated,
            host = host.clone(),
            to = to.clone()
        )
        .string(),
    };
    match verdict.cross_site {
        Some(CrossSiteFetch::SchemeOnly) => {
            text.push_str(&t!(origin.cookie_reason.cross_site_scheme).string())
        }
        Some(CrossSiteFetch::OtherSite) => {
            text.push_str(&t!(origin.cookie_reason.cross_site_other).string())
        }
        None => {}
    }
    text
}

/// A comparator example's button label.
pub fn preset(id: PresetId) -> Text {
    match id {
        PresetId::SameHostOtherPath => t!(origin.presets.same_host_other_path),
        PresetId::HttpVsHttps => t!(origin.presets.http_vs_https),
        PresetId::OtherPort => t!(origin.presets.other_port),
        PresetId::SiblingSubdomains => t!(origin.presets.sibling_subdomains),
        PresetId::DomainVsSubdomain => t!(origin.presets.domain_vs_subdomain),
        PresetId::DefaultPortWritten => t!(origin.presets.default_port_written),
        PresetId::UpperCase => t!(origin.presets.upper_case),
        PresetId::Idn => t!(origin.presets.idn),
        PresetId::Ipv6 => t!(origin.presets.ipv6),
        PresetId::TrailingDot => t!(origin.presets.trailing_dot),
        PresetId::LocalhostVs127 => t!(origin.presets.localhost_vs_127),
        PresetId::LabPorts => t!(origin.presets.lab_ports),
        PresetId::DataUrl => t!(origin.presets.data_url),
        PresetId::Blob => t!(origin.presets.blob),
        PresetId::File => t!(origin.presets.file),
        PresetId::PublicSuffix => t!(origin.presets.public_suffix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{use_from_disk, Locale, Page};
    use cors_core::compare::{origin_verdict, PRESETS};
    use cors_core::url_parts::parse_url;

    fn said(locale: Locale, a: &str, b: &str) -> String {
        use_from_disk(locale, &[Page::Origin]);
        let (a, b) = (parse_url(a).expect("a"), parse_url(b).expect("b"));
        reason(&origin_verdict(&a, &b).reason)
    }

    fn preset_pair(id: PresetId) -> (&'static str, &'static str) {
        let p = PRESETS.iter().find(|p| p.id == id).expect("a preset");
        (p.a, p.b)
    }

    #[test]
    fn origin_reasons_in_english() {
        for (a, b, want) in [
            ("https://example.com/", "https://example.com/", "Same origin: scheme https, host example.com and port 443 (default) all match; the two URLs are identical once parsed."),
            ("https://example.com/a?x", "https://example.com/b?y#z", "Same origin: scheme https, host example.com and port 443 (default) all match; only the path, query and fragment differ, which are not part of the origin."),
            ("https://u@example.com/", "https://example.com/", "Same origin: scheme https, host example.com and port 443 (default) all match; only the user info differs, which is not part of the origin."),
            ("https://example.com:8443/", "https://example.com:8443/x", "Same origin: scheme https, host example.com and port 8443 all match; only the path differs, which is not part of the origin."),
            ("http://example.com:8080/", "https://example.org:8080/", "Different scheme and host: scheme http vs https, host example.com vs example.org. The port 8080 matches."),
            ("http://a.com/", "https://b.com:1/", "Different scheme, host and port: scheme http vs https, host a.com vs b.com, port 80 (default) vs 1."),
            ("http://example.com:443/", "https://example.com/", "Different scheme: http vs https. Host and port match."),
            ("http://example.com/", "https://example.com/", "Different scheme and port: scheme http vs https, port 80 (default) vs 443 (default). The host example.com matches."),
            ("https://example.com/", "https://example.com:8443/", "Different port: 443 (default) vs 8443. Scheme and host match."),
            ("https://api.example.com/", "https://www.example.com/", "Different host: api.example.com vs www.example.com. Scheme and port match."),
        ] {
            assert_eq!(said(Locale::En, a, b), want, "{a} vs {b}");
        }
        for (a, b, part) in [
            (
                "data:,x",
                "https://example.com/",
                "The first URL has an opaque origin (null) because data: URLs",
            ),
            (
                "https://example.com/",
                "about:blank",
                "The second URL has an opaque origin (null) because the scheme about:",
            ),
            ("data:,x", "file:///x", "the first because data: URLs"),
            (
                "file:///a",
                "file:///b",
                "Both origins are opaque (null) because browsers give file: URLs",
            ),
            (
                "blob:nothing",
                "blob:https://example.com/x",
                "the text after blob: is not an http: or https: URL",
            ),
        ] {
            let text = said(Locale::En, a, b);
            assert!(text.contains(part), "{a} vs {b}: {text}");
        }
        let (a, b) = preset_pair(PresetId::Idn);
        assert!(said(Locale::En, a, b).contains("xn--bcher-kva.example (bücher.example)"));
        let (a, b) = preset_pair(PresetId::Blob);
        assert!(
            said(Locale::En, a, b).contains("A blob: URL takes the origin of the URL inside it.")
        );
        let (a, b) = preset_pair(PresetId::DataUrl);
        let text = said(Locale::En, a, b);
        assert!(
            text.contains("Cross-origin even though the URLs are identical"),
            "{text}"
        );
    }

    fn site_said(locale: Locale, a: &str, b: &str) -> String {
        use std::sync::OnceLock;
        static LIST: OnceLock<cors_core::suffix_list::SuffixList> = OnceLock::new();
        let list = LIST.get_or_init(|| {
            let text = std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/public/psl/public_suffix_list.dat"
            ))
            .expect("the shipped list");
            cors_core::suffix_list::SuffixList::parse(&text).expect("the list parses")
        });
        use_from_disk(locale, &[Page::Origin]);
        let (a, b) = (parse_url(a).expect("a"), parse_url(b).expect("b"));
        site_reason(&cors_core::site::same_site(&a.origin, &b.origin, list).reason)
    }

    fn list() -> &'static cors_core::suffix_list::SuffixList {
        use std::sync::OnceLock;
        static LIST: OnceLock<cors_core::suffix_list::SuffixList> = OnceLock::new();
        LIST.get_or_init(|| {
            let text = std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/public/psl/public_suffix_list.dat"
            ))
            .expect("the shipped list");
            cors_core::suffix_list::SuffixList::parse(&text).expect("the list parses")
        })
    }

    fn cookie_said(locale: Locale, from: &str, to: &str) -> String {
        use_from_disk(locale, &[Page::Origin]);
        let (a, b) = (parse_url(from).expect("a"), parse_url(to).expect("b"));
        let c = cors_core::compare::compare(&a, &b, list());
        cookie_reason(&c.cookie_a_to_b)
    }

    #[test]
    fn cookie_reasons_in_english() {
        for (from, to, part) in [
            ("https://example.com/a", "https://example.com/b", "goes back to example.com itself"),
            ("https://example.com/", "https://api.example.com/", "api.example.com ends with .example.com"),
            ("https://example.com/", "https://a.b.example.com/", "ends with .example.com"),
            ("https://api.example.com/", "https://example.com/", "example.com is a parent of api.example.com"),
            ("https://api.example.com/", "https://www.example.com/", "www.example.com is neither api.example.com nor a subdomain of it"),
            ("https://example.com/", "https://example.org/", "neither"),
            ("https://example.com/", "https://badexample.com/", "neither"),
            ("https://example.com./", "https://example.com/", "neither"),
            ("https://example.com/", "https://example.com./", "neither"),
            ("https://bücher.example/", "https://xn--bcher-kva.example/", "itself"),
            ("https://app.localhost/", "https://x.app.localhost/", "ends with .app.localhost"),
            ("http://example.com/", "https://example.com/", "a cookie marked Secure would only go to https URLs"),
            ("https://example.com/", "https://example.com:8443/", "Domain matching ignores the port"),
            ("ws://example.com/", "https://api.example.com:1/", "ignores the scheme and the port"),
            ("http://localhost:8080/", "http://localhost:8081/", "Domain matching ignores the port"),
            ("https://alice.github.io/", "https://bob.github.io/", "bob.github.io is neither alice.github.io"),
            ("https://github.io/", "https://alice.github.io/", "github.io is on the Public Suffix List, so the browser drops Domain=github.io"),
            ("https://github.io/", "https://github.io/x", "is github.io too"),
            ("https://co.uk/", "https://example.co.uk/", "host-only"),
            ("http://localhost:8080/", "http://app.localhost/", "single-label name, which the Public Suffix List's default rule treats as a public suffix"),
            ("http://localhost:8080/", "http://127.0.0.1:8080/", "127.0.0.1 is a different host"),
            ("http://127.0.0.1:8080/", "http://localhost:8080/", "127.0.0.1 is an IP address, which cannot take a Domain attribute"),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:9090/", "The other URL's host is 127.0.0.1 too"),
            ("http://0x7f.1/", "http://127.0.0.1/", "IP address"),
            ("http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]:8080/", "[::1] is an IP address"),
            ("http://[::1]/", "http://[::2]/", "different host"),
            ("https://example.com/", "http://93.184.215.14/", "neither"),
            ("data:text/html,hi", "data:text/html,hi", "No cookie is set: it is a data: URL"),
            ("file:///a", "https://example.com/", "file: URL with an opaque origin"),
            ("about:blank", "https://example.com/", "about: URL"),
            ("blob:https://example.com/id", "https://example.com/", "blob: URL, which the browser serves from memory"),
            ("https://example.com/", "blob:https://example.com/id", "It is not sent to the other URL"),
            ("https://example.com/", "data:,x", "It is not sent to the other URL: it is a data: URL"),
            ("http://localhost/", "file:///a", "single-label name"),
            ("foo://example.com/", "https://example.com/", "foo: URL with an opaque origin"),
        ] {
            let text = cookie_said(Locale::En, from, to);
            assert!(text.contains(part), "{from} -> {to}: {text:?} lacks {part:?}");
        }
        let text = cookie_said(Locale::En, "http://example.com/", "https://example.com/");
        assert!(text.contains("SameSite=Lax"), "{text}");
    }

    #[test]
    fn cookie_reasons_in_traditional_chinese() {
        assert_eq!(
            cookie_said(Locale::ZhTw, "https://example.com/", "https://api.example.com/"),
            "api.example.com 的結尾是 .example.com，所以 Domain=example.com 的 cookie 也會送到那裡：Domain cookie 涵蓋該主機和它所有的子網域。"
        );
    }

    #[test]
    fn site_reasons_in_english() {
        for (a, b, part) in [
            ("https://example.com/a", "https://example.com/b", "Both are on the site https://example.com (the registrable domain example.com)."),
            ("https://api.example.com/", "https://www.example.com/", "api.example.com and www.example.com share the registrable domain example.com"),
            ("https://example.com/", "https://api.example.com/", "share the registrable domain example.com"),
            ("https://example.com/", "https://example.com:8443/", "https://example.com"),
            ("http://example.com/", "https://example.com/", "http and https are different schemes, so these are different sites even though the registrable domain example.com is the same."),
            ("ws://example.com/", "http://example.com/", "ws and http are different schemes"),
            ("https://example.com/", "https://example.org/", "The registrable domains differ: example.com vs example.org"),
            ("https://alice.github.io/", "https://bob.github.io/", "github.io is on the Public Suffix List"),
            ("https://a.example.co.uk/", "https://b.example.co.uk/", "example.co.uk"),
            ("https://a.co.uk/", "https://b.co.uk/", "co.uk is on the Public Suffix List"),
            ("https://example.com./", "https://example.com/", "A trailing dot makes a different name."),
            ("http://localhost:8080/", "http://localhost:8081/", "localhost has no registrable domain (it is a single-label name)"),
            ("http://localhost:8080/", "http://127.0.0.1:8080/", "the IP address 127.0.0.1"),
            ("http://127.0.0.1:1/", "http://127.0.0.1:2/", "an IP address has no registrable domain"),
            ("http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]"),
            ("https://github.io/", "https://github.io/x", "github.io has no registrable domain (it is itself a public suffix)"),
            ("https://bücher.example/", "https://xn--bcher-kva.example/", "xn--bcher-kva.example"),
            ("http://example.com/", "https://example.org/", "Both the scheme (http vs https) and the site"),
            ("blob:https://example.com/id", "https://www.example.com/", "example.com"),
            ("data:text/html,hi", "data:text/html,hi", "Both URLs have opaque origins (null)"),
            ("file:///a", "file:///a", "even an identical one"),
            ("data:,x", "https://example.com/", "opaque origin (null)"),
        ] {
            let text = site_said(Locale::En, a, b);
            assert!(text.contains(part), "{a} vs {b}: {text:?} lacks {part:?}");
        }
        assert!(
            site_said(Locale::En, "data:,x", "https://example.com/").starts_with("The first URL")
        );
        assert!(
            site_said(Locale::En, "https://example.com/", "data:,x").starts_with("The second URL")
        );
    }

    #[test]
    fn site_reasons_in_traditional_chinese() {
        assert_eq!(
            site_said(Locale::ZhTw, "https://api.example.com/", "https://www.example.com/"),
            "兩者都在網站 https://example.com 上：api.example.com 和 www.example.com 共用可註冊網域 example.com。"
        );
        assert_eq!(
            site_said(Locale::ZhTw, "https://alice.github.io/", "https://bob.github.io/"),
            "可註冊網域不同：alice.github.io 對 bob.github.io，所以是不同的網站。github.io 在公共後綴清單上（就像 com），所以它底下的每個名稱都屬於不同的擁有者，各自是一個網站。"
        );
    }

    #[test]
    fn origin_reasons_in_traditional_chinese() {
        assert_eq!(
            said(Locale::ZhTw, "http://a.com/", "https://b.com:1/"),
            "協定、主機和連接埠不同：協定 http 對 https、主機 a.com 對 b.com、連接埠 80（預設）對 1。"
        );
        assert_eq!(
            said(
                Locale::ZhTw,
                "https://example.com/",
                "https://example.com:8443/"
            ),
            "連接埠不同：443（預設）對 8443。協定和主機相同。"
        );
        assert_eq!(
            said(Locale::ZhTw, "https://example.com/a?x", "https://example.com/b?y#z"),
            "同源：協定 https、主機 example.com 和連接埠 443（預設）全都相同；只有路徑、查詢字串和片段不同，而它們都不屬於來源的一部分。"
        );
    }

    #[test]
    fn an_opaque_origin_s_reason_is_spaced_as_taiwan_writes() {
        let said = said(Locale::ZhTw, "data:text/html,hi", "data:text/html,hi");
        assert!(
            said.contains("因為每個 data: URL") || said.contains("因為 data: URL"),
            "{said}"
        );
        assert!(!said.contains("因為data"), "{said}");
    }

    #[test]
    fn every_example_has_words_in_every_language() {
        for locale in Locale::ALL {
            use_from_disk(locale, &[Page::Origin]);
            let mut seen = std::collections::HashSet::new();
            for p in PRESETS {
                let words = preset(p.id).string();
                assert!(
                    !words.trim().is_empty(),
                    "{:?} has no words in {locale:?}",
                    p.id
                );
                assert!(
                    seen.insert(words.clone()),
                    "{locale:?}: two examples are called {words:?}"
                );
            }
        }
    }
}
