use super::*;
use crate::url_parts::parse_url;
use OriginPart::{Host, Port, Scheme};
use PresetId as P;

fn parts(input: &str) -> UrlParts {
    parse_url(input).unwrap_or_else(|e| panic!("{input:?}: {:?}", e.kind))
}

fn cmp(a: &str, b: &str) -> Comparison {
    compare(&parts(a), &parts(b), crate::suffix_list::shipped())
}

/// Expected verdicts for one pair: same origin, which parts differ, same site,
/// cookie A→B sent, cookie B→A sent.
fn check(
    a: &str,
    b: &str,
    origin: bool,
    differs: &[OriginPart],
    site: bool,
    a_to_b: bool,
    b_to_a: bool,
) {
    let c = cmp(a, b);
    let what = format!("{a} vs {b}");
    assert_eq!(
        c.origin.same_origin, origin,
        "origin, {what}: {:?}",
        c.origin.reason
    );
    assert_eq!(c.origin.differs, differs, "differs, {what}");
    assert_eq!(c.site.same_site, site, "site, {what}: {:?}", c.site.reason);
    assert_eq!(
        c.cookie_a_to_b.sent, a_to_b,
        "cookie a->b, {what}: {:?}",
        c.cookie_a_to_b.reason
    );
    assert_eq!(
        c.cookie_b_to_a.sent, b_to_a,
        "cookie b->a, {what}: {:?}",
        c.cookie_b_to_a.reason
    );
    // The other way round gives the mirrored answers.
    let r = cmp(b, a);
    assert_eq!(r.origin.same_origin, origin, "origin, reversed {what}");
    assert_eq!(r.origin.differs, differs, "differs, reversed {what}");
    assert_eq!(r.site.same_site, site, "site, reversed {what}");
    assert_eq!(r.cookie_a_to_b, c.cookie_b_to_a, "cookies, reversed {what}");
    assert_eq!(r.cookie_b_to_a, c.cookie_a_to_b, "cookies, reversed {what}");
}


/// One expected row: URL, same origin, which parts differ, same site,
/// cookie A→B sent, cookie B→A sent.
type Row = (&'static str, bool, &'static [OriginPart], bool, bool, bool);
/// The same, for a preset.
type PresetRow = (P, bool, &'static [OriginPart], bool, bool, bool);

fn preset(id: P) -> &'static Preset {
    PRESETS.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no preset {id:?}"))
}

#[test]
fn preset_order_and_urls() {
    let expected = [
        (P::SameHostOtherPath, "https://example.com/a.html", "https://example.com/b/c.html"),
        (P::HttpVsHttps, "http://example.com/", "https://example.com/"),
        (P::OtherPort, "https://example.com/", "https://example.com:8443/"),
        (P::SiblingSubdomains, "https://api.example.com/", "https://www.example.com/"),
        (P::DomainVsSubdomain, "https://example.com/", "https://api.example.com/"),
        (P::DefaultPortWritten, "http://example.com:80/", "http://example.com/"),
        (P::UpperCase, "HTTPS://EXAMPLE.com/", "https://example.com/"),
        (P::Idn, "https://bücher.example/", "https://xn--bcher-kva.example/"),
        (P::Ipv6, "http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]:8080/"),
        (P::TrailingDot, "https://example.com./", "https://example.com/"),
        (P::LocalhostVs127, "http://localhost:8080/", "http://127.0.0.1:8080/"),
        (P::LabPorts, "http://localhost:8080/", "http://localhost:8081/"),
        (P::DataUrl, "data:text/html,hi", "data:text/html,hi"),
        (P::Blob, "blob:https://example.com/550e8400-e29b-41d4-a716-446655440000", "https://example.com/"),
        (P::File, "file:///home/me/a.html", "file:///home/me/b.html"),
        (P::PublicSuffix, "https://alice.github.io/", "https://bob.github.io/"),
    ];
    let got: Vec<(P, &str, &str)> = PRESETS.iter().map(|p| (p.id, p.a, p.b)).collect();
    assert_eq!(got, expected);
}

#[test]
fn preset_verdicts() {
    //      preset                     origin differs          site   a->b   b->a
    let table: &[PresetRow] = &[
        (P::SameHostOtherPath, true, &[], true, true, true),
        (P::HttpVsHttps, false, &[Scheme, Port], false, true, true),
        (P::OtherPort, false, &[Port], true, true, true),
        (P::SiblingSubdomains, false, &[Host], true, false, false),
        (P::DomainVsSubdomain, false, &[Host], true, true, false),
        (P::DefaultPortWritten, true, &[], true, true, true),
        (P::UpperCase, true, &[], true, true, true),
        (P::Idn, true, &[], true, true, true),
        (P::Ipv6, true, &[], true, true, true),
        (P::TrailingDot, false, &[Host], false, false, false),
        (P::LocalhostVs127, false, &[Host], false, false, false),
        (P::LabPorts, false, &[Port], true, true, true),
        (P::DataUrl, false, &[], false, false, false),
        (P::Blob, true, &[], true, false, false),
        (P::File, false, &[], false, false, false),
        (P::PublicSuffix, false, &[Host], false, false, false),
    ];
    assert_eq!(table.len(), PRESETS.len(), "every preset has expectations");
    for &(id, origin, differs, site, a_to_b, b_to_a) in table {
        let p = preset(id);
        check(p.a, p.b, origin, differs, site, a_to_b, b_to_a);
    }
}

#[test]
fn preset_reasons() {
    let r = |id: P| {
        let p = preset(id);
        cmp(p.a, p.b)
    };
    // The origin reasons in words: the app's tests (src/words/origin.rs).
    assert_eq!(
        r(P::OtherPort).origin.reason,
        OriginReason::Different {
            differ: vec![(
                Port,
                PartValue::Port(PortValue::Default(443)),
                PartValue::Port(PortValue::Written(8443))
            )],
            matching: vec![
                (Scheme, PartValue::Text("https".into())),
                (Host, PartValue::Text("example.com".into()))
            ],
        }
    );
    assert!(matches!(
        r(P::DataUrl).origin.reason,
        OriginReason::Opaque(OpaqueCase::IdenticalUrl(OpaqueReason::Data))
    ));
    assert_eq!(
        r(P::DomainVsSubdomain).cookie_a_to_b.set_cookie,
        "id=1; Domain=example.com; Path=/"
    );
    assert_eq!(r(P::LabPorts).cookie_a_to_b.set_cookie, "id=1; Path=/");
    assert_eq!(r(P::Ipv6).cookie_a_to_b.set_cookie, "id=1; Path=/");
}


#[test]
fn more_pairs() {
    check("https://example.com/", "https://example.com:443/", true, &[], true, true, true);
    check("http://example.com:443/", "https://example.com/", false, &[Scheme], false, true, true);
    check("ws://example.com/", "http://example.com/", false, &[Scheme], false, true, true);
    check("wss://example.com/", "https://example.com/", false, &[Scheme], false, true, true);
    check("https://example.com/", "https://example.org/", false, &[Host], false, false, false);
    check("https://a.example.co.uk/", "https://b.example.co.uk/", false, &[Host], true, false, false);
    check("http://0x7f.1/", "http://127.0.0.1/", true, &[], true, true, true);
    check("https://user:pw@example.com/", "https://example.com/", true, &[], true, true, true);
    check("blob:https://example.com/x", "blob:https://example.com/y", true, &[], true, false, false);
    check("blob:https://example.com/x", "https://example.com:8443/", false, &[Port], true, false, false);
    check("blob:ftp://example.com/x", "ftp://example.com/", false, &[], false, false, false);
    check("about:blank", "about:blank", false, &[], false, false, false);
    check("localhost:8080", "http://localhost:8080/", false, &[], false, false, false);
}

#[test]
fn table() {
    assert_eq!(TABLE_BASE, "https://shop.example.com/cart/index.html");
    assert!((8..=12).contains(&TABLE_OTHERS.len()));
    //   other                                            origin differs          site   base->other other->base
    let expected: &[Row] = &[
        ("https://shop.example.com/account/orders", true, &[], true, true, true),
        ("https://shop.example.com/cart/checkout.html", true, &[], true, true, true),
        ("http://shop.example.com/cart/index.html", false, &[Scheme, Port], false, true, true),
        ("https://shop.example.com:443/cart/index.html", true, &[], true, true, true),
        ("https://shop.example.com:8443/cart/index.html", false, &[Port], true, true, true),
        ("https://api.example.com/cart/index.html", false, &[Host], true, false, false),
        ("https://example.com/cart/index.html", false, &[Host], true, false, true),
        ("https://shop.example.org/cart/index.html", false, &[Host], false, false, false),
        ("https://shöp.example.com/cart/index.html", false, &[Host], true, false, false),
        ("data:text/html,<h1>Cart</h1>", false, &[], false, false, false),
    ];
    let others: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(TABLE_OTHERS, others.as_slice());
    for &(other, origin, differs, site, a_to_b, b_to_a) in expected {
        check(TABLE_BASE, other, origin, differs, site, a_to_b, b_to_a);
    }
}



#[test]
fn idn_presets_spell_their_punycode_right() {
    // The comments and texts name these ASCII forms (checked against the
    // WHATWG URL parser, as browsers apply it).
    for (input, ascii) in [
        ("https://shöp.example.com/cart/index.html", "xn--shp-tna.example.com"),
        ("https://bücher.example/", "xn--bcher-kva.example"),
    ] {
        let parts = parse_url(input).expect("parses");
        assert_eq!(parts.host.expect("has a host").ascii, ascii, "{input}");
    }
}

/// The http-vs-https card must not say the cookie simply goes with a fetch:
/// the two are different sites (schemeful same-site), and Chrome treats a
/// cookie without SameSite as Lax. The engine agrees that a cross-site fetch
/// leaves the lab's Lax cookie at home (`engine::tests::lax_cookie_stays_off_a_cross_site_fetch`).
#[test]
fn cross_site_cookie_cards_name_samesite() {
    let cases: &[(&str, &str, Option<CrossSiteFetch>)] = &[
        ("http://example.com/", "https://example.com/", Some(CrossSiteFetch::SchemeOnly)),
        ("https://example.com/", "https://api.example.com/", None),
        ("http://localhost:8080/", "http://localhost:8081/", None),
        ("https://alice.github.io/", "https://bob.github.io/", Some(CrossSiteFetch::OtherSite)),
    ];
    for &(a, b, expected) in cases {
        let c = cmp(a, b);
        assert_eq!(cross_site_fetch(&c.site), expected, "{a} vs {b}");
        let noted = c.cookie_a_to_b.cross_site.is_some();
        assert_eq!(
            noted,
            expected.is_some() && c.cookie_a_to_b.sent,
            "{a} vs {b}: {:?}",
            c.cookie_a_to_b.reason
        );
    }
}
