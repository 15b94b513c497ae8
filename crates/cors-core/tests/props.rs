//! Property tests: nothing panics, on any string, and same-origin is symmetric.

use cors_core::compare::compare;
use cors_core::cookie::{cookie_sent, domain_match};
use cors_core::origin::origin_of;
use cors_core::site::{same_site, site_of};
use cors_core::suffix_list::SuffixList;
use cors_core::url_parts::parse_url;
use proptest::prelude::*;

/// URL-ish strings: random schemes, userinfo, hosts (ASCII, Unicode, IPv4 in
/// odd forms, IPv6, trailing dots, percent escapes), ports, paths, with random
/// case, slashes and backslashes.
fn urlish() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just("http"),
        Just("https"),
        Just("HTTPS"),
        Just("ws"),
        Just("wss"),
        Just("ftp"),
        Just("file"),
        Just("blob:https"),
        Just("blob:http"),
        Just("blob:ftp"),
        Just("blob:blob:https"),
        Just("data"),
        Just("about"),
        Just("localhost"),
        Just("foo"),
        Just(""),
    ];
    let slashes = prop_oneof![
        Just("//"),
        Just(""),
        Just("/"),
        Just("\\\\"),
        Just("///"),
        Just("/\\")
    ];
    let userinfo = prop_oneof![
        Just(""),
        Just("user@"),
        Just("user:pw@"),
        Just("@"),
        Just("a@b@"),
    ];
    let host = prop_oneof![
        Just("example.com".to_string()),
        Just("EXAMPLE.com.".to_string()),
        Just("api.example.co.uk".to_string()),
        Just("alice.github.io".to_string()),
        Just("github.io".to_string()),
        Just("localhost".to_string()),
        Just("bücher.example".to_string()),
        Just("xn--bcher-kva.example".to_string()),
        Just("xn--a".to_string()),
        Just("127.0.0.1".to_string()),
        Just("0x7f.1".to_string()),
        Just("256.1.1.1".to_string()),
        Just("[::1]".to_string()),
        Just("[0:0:0:0:0:0:0:1]".to_string()),
        Just("[::1".to_string()),
        Just("::1".to_string()),
        Just("a..b".to_string()),
        Just(".".to_string()),
        Just("".to_string()),
        Just("ex%41mple.com".to_string()),
        Just("a%20b".to_string()),
        "[a-zA-Z0-9.-]{0,12}",
        "\\PC{0,8}",
        (0u32..=u32::MAX).prop_map(|n| n.to_string()),
        proptest::collection::vec(0u16..=300, 1..6)
            .prop_map(|v| { v.iter().map(u16::to_string).collect::<Vec<_>>().join(".") }),
    ];
    let port = prop_oneof![
        Just(String::new()),
        Just(":".to_string()),
        Just(":80".to_string()),
        Just(":443".to_string()),
        Just(":0080".to_string()),
        Just(":99999".to_string()),
        Just(":8a".to_string()),
        (0u32..70000).prop_map(|p| format!(":{p}")),
    ];
    let rest = prop_oneof![
        Just(String::new()),
        Just("/".to_string()),
        Just("/a/../b/./c".to_string()),
        Just("\\a\\b".to_string()),
        Just("?q=1#f".to_string()),
        "[/a-z?#%\\\\.]{0,10}",
        "\\PC{0,6}",
    ];
    let ws = prop_oneof![Just(""), Just(" "), Just("\t"), Just("\n")];
    (ws.clone(), scheme, slashes, userinfo, host, port, rest, ws).prop_map(
        |(lead, scheme, slashes, userinfo, host, port, rest, trail)| {
            let colon = if scheme.is_empty() { "" } else { ":" };
            format!("{lead}{scheme}{colon}{slashes}{userinfo}{host}{port}{rest}{trail}")
        },
    )
}

fn any_input() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC{0,40}", urlish()]
}

/// The list the app ships, parsed once.
fn list() -> &'static SuffixList {
    static LIST: std::sync::OnceLock<SuffixList> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        SuffixList::parse(include_str!("../../../public/psl/public_suffix_list.dat"))
            .expect("the shipped list parses")
    })
}

fn check_pair(a: &str, b: &str) {
    let (Ok(pa), Ok(pb)) = (parse_url(a), parse_url(b)) else {
        return;
    };
    let c = compare(&pa, &pb, list());
    let r = compare(&pb, &pa, list());
    // Symmetric verdicts.
    assert_eq!(c.origin.same_origin, r.origin.same_origin);
    assert_eq!(c.origin.differs, r.origin.differs);
    assert_eq!(c.site.same_site, r.site.same_site);
    assert_eq!(c.cookie_a_to_b, r.cookie_b_to_a);
    // Consistency between the layers.
    assert_eq!(c.origin.same_origin, pa.origin.same_origin(&pb.origin));
    assert_eq!(
        c.origin.same_origin,
        c.origin.differs.is_empty() && !pa.origin.is_opaque() && !pb.origin.is_opaque()
    );
    if c.origin.same_origin {
        assert!(
            c.site.same_site,
            "same origin implies same site: {a:?} {b:?}"
        );
        assert_eq!(pa.serialized_origin, pb.serialized_origin);
    }
}

/// `PROPTEST_CASES` when set (`cargo xtask bench` runs these as a long fuzzing
/// pass), else `default`: an explicit `cases` would otherwise ignore it.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), ..ProptestConfig::default() })]

    #[test]
    fn parse_url_never_panics(input in any_input()) {
        match parse_url(&input) {
            Ok(p) => {
                prop_assert_eq!(&p.serialized_origin, &p.origin.serialize());
                prop_assert_eq!(p.input.as_str(), input.trim_matches(|c: char| c <= ' '));
                // The parsed URL parses again to the same origin.
                let again = parse_url(&p.href);
                prop_assert!(again.is_ok(), "href {:?} does not parse again", p.href);
                if let Ok(again) = again {
                    prop_assert_eq!(again.serialized_origin, p.serialized_origin);
                }
            }
            Err(e) => {
                // Every error a typed URL can meet is told as its own kind.
                prop_assert!(
                    !matches!(e.kind, cors_core::url_parts::UrlErrorKind::Other { .. }),
                    "{:?}",
                    e.kind
                );
            }
        }
    }

    #[test]
    fn compare_never_panics(a in any_input(), b in any_input()) {
        check_pair(&a, &b);
    }

    #[test]
    fn compare_never_panics_on_urlish_pairs(a in urlish(), b in urlish()) {
        check_pair(&a, &b);
    }

    #[test]
    fn same_origin_is_symmetric(a in urlish(), b in urlish()) {
        if let (Ok(a), Ok(b)) = (url::Url::parse(&a), url::Url::parse(&b)) {
            let (oa, ob) = (origin_of(&a), origin_of(&b));
            prop_assert_eq!(oa.same_origin(&ob), ob.same_origin(&oa));
            prop_assert_eq!(same_site(&oa, &ob, list()).same_site, same_site(&ob, &oa, list()).same_site);
            // An origin compared with an equal-looking copy: tuple origins
            // match, opaque ones never do.
            prop_assert_eq!(oa.same_origin(&oa.clone()), !oa.is_opaque());
            let _ = site_of(&oa, list()).serialize();
        }
    }

    #[test]
    fn cookie_sent_never_panics(a in any_input(), b in any_input()) {
        if let (Ok(a), Ok(b)) = (parse_url(&a), parse_url(&b)) {
            let v = cookie_sent(&a, &b, list());
            prop_assert_eq!(v.sent, matches!(v.reason, cors_core::cookie::CookieReason::HostOnlySame { .. } | cors_core::cookie::CookieReason::Itself { .. } | cors_core::cookie::CookieReason::Subdomain { .. }));
            if v.sent {
                prop_assert!(!v.set_cookie.is_empty());
            }
        }
    }

    #[test]
    fn domain_match_never_panics(a in "\\PC{0,12}", b in "\\PC{0,12}") {
        let m = domain_match(&a, &b);
        if a == b {
            prop_assert!(m);
        }
    }
}
