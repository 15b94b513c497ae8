use super::*;

fn ok(input: &str) -> UrlParts {
    parse_url(input).unwrap_or_else(|e| panic!("{input:?} should parse: {:?}", e.kind))
}

fn err(input: &str) -> UrlError {
    match parse_url(input) {
        Ok(p) => panic!("{input:?} should not parse, got {}", p.href),
        Err(e) => e,
    }
}

/// Parses to `href` with serialised origin `origin`.
fn check(input: &str, href: &str, origin: &str) {
    let p = ok(input);
    assert_eq!(p.href, href, "href of {input:?}");
    assert_eq!(p.serialized_origin, origin, "origin of {input:?}");
    assert_eq!(p.origin.serialize(), origin, "origin of {input:?}");
}

/// `input`'s notes hold `want`. (Their words: the app's `words::url` tests.)
fn note(input: &str, want: UrlNote) {
    let p = ok(input);
    assert!(p.notes.contains(&want), "{input:?} lacks {want:?}: {:#?}", p.notes);
}

/// No note of `input` is like `unwanted`.
fn no_note(input: &str, unwanted: fn(&UrlNote) -> bool) {
    let p = ok(input);
    assert!(!p.notes.iter().any(unwanted), "{input:?}: {:#?}", p.notes);
}

/// Parsing fails for `want`.
fn kind(input: &str, want: UrlErrorKind) {
    assert_eq!(err(input).kind, want, "error for {input:?}");
}

/// Parsing fails with `want` as its hint.
fn hint(input: &str, want: Option<UrlHint>) {
    assert_eq!(err(input).hint, want, "hint for {input:?}");
}

fn s(text: &str) -> String {
    text.to_string()
}

fn did_you_mean(url: &str) -> Option<UrlHint> {
    Some(UrlHint::DidYouMean { url: s(url) })
}

fn port(input: &str, expected: PortParts) {
    assert_eq!(ok(input).port, expected, "port of {input:?}");
}

#[test]
fn hrefs_and_origins() {
    check("https://example.com", "https://example.com/", "https://example.com");
    check("  https://example.com/  ", "https://example.com/", "https://example.com");
    check("HTTPS://EXAMPLE.com/", "https://example.com/", "https://example.com");
    check("http://example.com:80/", "http://example.com/", "http://example.com");
    check("https://example.com:8443/", "https://example.com:8443/", "https://example.com:8443");
    check("https://bücher.example/", "https://xn--bcher-kva.example/", "https://xn--bcher-kva.example");
    check("http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]:8080/", "http://[::1]:8080");
    check("http://0x7f.1", "http://127.0.0.1/", "http://127.0.0.1");
    check("http:\\\\example.com\\a", "http://example.com/a", "http://example.com");
    check("http:example.com", "http://example.com/", "http://example.com");
    check("https://example.com./", "https://example.com./", "https://example.com.");
    check("data:text/html,hi", "data:text/html,hi", "null");
    check("file:///home/me/a.html", "file:///home/me/a.html", "null");
    check("about:blank", "about:blank", "null");
    check("localhost:8080", "localhost:8080", "null");
    check("blob:https://example.com/x", "blob:https://example.com/x", "https://example.com");
    check("blob:blob:https://example.com/x", "blob:blob:https://example.com/x", "null");
}

#[test]
fn parts() {
    let p = ok("https://user:pw@Example.com:8443/a/b?q=1#frag");
    assert_eq!(p.input, "https://user:pw@Example.com:8443/a/b?q=1#frag");
    assert_eq!(p.scheme, "https");
    assert_eq!(p.username, "user");
    assert_eq!(p.password, "pw");
    assert_eq!(p.path, "/a/b");
    assert_eq!(p.query.as_deref(), Some("q=1"));
    assert_eq!(p.fragment.as_deref(), Some("frag"));
    assert_eq!(p.port, PortParts::Explicit(8443));
    let host = p.host.expect("host");
    assert_eq!(host.ascii, "example.com");
    assert_eq!(host.unicode, "example.com");
    assert_eq!(host.kind, HostKind::Domain);
    assert_eq!(host.host, Host::Domain("example.com".into()));
    assert!(p.blob_inner.is_none());

    let p = ok("https://example.com");
    assert_eq!((p.username.as_str(), p.password.as_str()), ("", ""));
    assert_eq!((p.query, p.fragment), (None, None));
    let p = ok("https://example.com/?#");
    assert_eq!(
        (p.query.as_deref(), p.fragment.as_deref()),
        (Some(""), Some(""))
    );
}

#[test]
fn host_kinds() {
    let h = ok("https://bücher.example/").host.expect("host");
    assert_eq!(
        (h.ascii.as_str(), h.unicode.as_str()),
        ("xn--bcher-kva.example", "bücher.example")
    );
    assert_eq!(h.kind, HostKind::Domain);
    let h = ok("https://xn--bcher-kva.example/").host.expect("host");
    assert_eq!(h.unicode, "bücher.example");
    let h = ok("http://[::1]:8080/").host.expect("host");
    assert_eq!((h.ascii.as_str(), h.unicode.as_str()), ("[::1]", "[::1]"));
    assert_eq!(h.kind, HostKind::Ipv6);
    assert_eq!(h.host, Host::Ipv6(std::net::Ipv6Addr::LOCALHOST));
    let h = ok("http://127.0.0.1/").host.expect("host");
    assert_eq!(h.kind, HostKind::Ipv4);
    assert_eq!(h.ascii, "127.0.0.1");
    assert!(ok("data:,x").host.is_none());
    assert!(ok("file:///x").host.is_none());
    assert!(ok("file://localhost/x").host.is_none());
    assert!(ok("blob:https://example.com/x").host.is_none());
    assert_eq!(ok("file://server/x").host.expect("host").ascii, "server");
}

#[test]
fn ports() {
    port(
        "http://example.com/",
        PortParts::Default {
            port: 80,
            written: false,
        },
    );
    port(
        "http://example.com:80/",
        PortParts::Default {
            port: 80,
            written: true,
        },
    );
    port(
        "http://example.com:080/",
        PortParts::Default {
            port: 80,
            written: true,
        },
    );
    port(
        "http://example.com:/",
        PortParts::Default {
            port: 80,
            written: false,
        },
    );
    port(
        "https://example.com/",
        PortParts::Default {
            port: 443,
            written: false,
        },
    );
    port(
        "https://example.com:443/",
        PortParts::Default {
            port: 443,
            written: true,
        },
    );
    port(
        "ws://example.com:80/",
        PortParts::Default {
            port: 80,
            written: true,
        },
    );
    port(
        "wss://example.com/",
        PortParts::Default {
            port: 443,
            written: false,
        },
    );
    port(
        "ftp://example.com:21/",
        PortParts::Default {
            port: 21,
            written: true,
        },
    );
    port("http://example.com:443/", PortParts::Explicit(443));
    port("https://example.com:8443/", PortParts::Explicit(8443));
    port("http://example.com:0/", PortParts::Explicit(0));
    port("http://example.com:65535/", PortParts::Explicit(65535));
    port(
        "http://[::1]:80/",
        PortParts::Default {
            port: 80,
            written: true,
        },
    );
    port(
        "http://user:99@example.com/",
        PortParts::Default {
            port: 80,
            written: false,
        },
    );
    port("foo://example.com:99/", PortParts::Explicit(99));
    port("foo://example.com/", PortParts::None);
    port("file:///x", PortParts::None);
    port("data:,x", PortParts::None);
    port("blob:https://example.com:8443/x", PortParts::None);
}

#[test]
fn blob_inner() {
    let p = ok("blob:https://example.com/550e8400");
    let inner = p.blob_inner.expect("inner URL");
    assert_eq!(inner.href, "https://example.com/550e8400");
    assert_eq!(inner.serialized_origin, "https://example.com");

    let p = ok("blob:ftp://host/path");
    assert_eq!(p.serialized_origin, "null");
    assert_eq!(
        p.blob_inner.expect("inner URL").serialized_origin,
        "ftp://host"
    );

    let p = ok("blob:blob:https://example.org/");
    assert_eq!(p.serialized_origin, "null");
    assert_eq!(
        p.blob_inner.expect("inner").serialized_origin,
        "https://example.org",
        "the inner blob: URL has an origin, the outer one does not"
    );
    assert!(ok("blob:not-a-url").blob_inner.is_none());
    assert!(ok("blob:blob:blob:blob:blob:blob:https://a/").serialized_origin == "null");
}

#[test]
fn notes() {
    use UrlNote as N;
    note("HTTPS://EXAMPLE.com/", N::SchemeLowered { typed: s("HTTPS"), scheme: s("https") });
    note("HTTPS://EXAMPLE.com/", N::HostLowered { typed: s("EXAMPLE.com"), ascii: s("example.com") });
    note("http://example.com:80/", N::DefaultPortDropped { typed: s("80"), scheme: s("http"), origin: s("http://example.com") });
    note("https://example.com:443/", N::DefaultPortDropped { typed: s("443"), scheme: s("https"), origin: s("https://example.com") });
    note("http://example.com:0080/", N::DefaultPortDropped { typed: s("0080"), scheme: s("http"), origin: s("http://example.com") });
    note("http://example.com:/", N::EmptyPort { port: 80, scheme: s("http") });
    note("http://example.com:08080/", N::PortReadAs { typed: s("08080"), port: 8080 });
    note("https://bücher.example/", N::IdnToPunycode { typed: s("bücher.example"), ascii: s("xn--bcher-kva.example") });
    note("https://xn--bcher-kva.example/", N::PunycodeOf { ascii: s("xn--bcher-kva.example"), unicode: s("bücher.example") });
    note("https://example.com./", N::TrailingDot { host: s("example.com."), without: s("example.com") });
    note("https://user:pw@example.com/", N::UserInfo { password: true, origin: s("https://example.com") });
    note("https://user@example.com/", N::UserInfo { password: false, origin: s("https://example.com") });
    note("http:\\\\example.com\\a\\b", N::BackslashesAsSlashes { scheme: s("http") });
    note("http://0x7f.1", N::Ipv4Normalised { typed: s("0x7f.1"), ascii: s("127.0.0.1") });
    note("http://2130706433/", N::Ipv4Normalised { typed: s("2130706433"), ascii: s("127.0.0.1") });
    note("http://[0:0:0:0:0:0:0:1]:8080/", N::Ipv6Normalised { typed: s("[0:0:0:0:0:0:0:1]"), ascii: s("[::1]") });
    note("http://ex%41mple.com/", N::HostNormalised { typed: s("ex%41mple.com"), ascii: s("example.com") });
    note("http:example.com", N::Slashes { scheme: s("http"), found: 0 });
    note("http:/example.com", N::Slashes { scheme: s("http"), found: 1 });
    note("http:////example.com", N::Slashes { scheme: s("http"), found: 4 });
    note("http://example.com/a/../b/./c", N::DotSegments { path: s("/b/c") });
    note("http://exa\tmple.com/", N::TabOrNewlineRemoved);
    note("data:text/html,hi", N::Opaque(OpaqueReason::Data));
    note("file:///home/me/a.html", N::Opaque(OpaqueReason::File));
    note("about:blank", N::Opaque(OpaqueReason::Scheme(s("about"))));
    note("blob:https://example.com/x", N::BlobOrigin { origin: s("https://example.com") });
    note("blob:ftp://host/path", N::BlobInnerScheme { scheme: s("ftp") });
    note("blob:d3958f5c-0777", N::BlobNotUrl);
    note("localhost:8080", N::SchemeLooksLikeHost { scheme: s("localhost"), suggestion: s("http://localhost:8080") });
    note("example.com:8080/x", N::SchemeLooksLikeHost { scheme: s("example.com"), suggestion: s("http://example.com:8080/x") });
}

#[test]
fn no_spurious_notes() {
    assert!(ok("https://example.com/").notes.is_empty());
    assert!(ok("http://localhost:8080/").notes.is_empty());
    assert!(ok("https://example.com/a?b#c").notes.is_empty());
    no_note("https://example.com:8443/", |n| matches!(n, UrlNote::DefaultPortDropped { .. }));
    no_note("tel:12345", |n| matches!(n, UrlNote::SchemeLooksLikeHost { .. }));
    no_note("mailto:a@b.c", |n| matches!(n, UrlNote::SchemeLooksLikeHost { .. }));
    no_note("foo://a/b\\c", |n| matches!(n, UrlNote::BackslashesAsSlashes { .. }));
    no_note("http://127.0.0.1/", |n| matches!(n, UrlNote::Ipv4Normalised { .. }));
    no_note("http://[::1]/", |n| matches!(n, UrlNote::Ipv6Normalised { .. }));
    no_note("https://example.com/", |n| matches!(n, UrlNote::TrailingDot { .. }));
}

#[test]
fn empty_input() {
    for input in ["", "   ", "\t\n", "\u{0}"] {
        let e = err(input);
        assert_eq!(e.kind, UrlErrorKind::Empty);
        assert_eq!(e.hint, None);
        assert_eq!(e.input, "");
    }
}

#[test]
fn error_input_is_trimmed() {
    assert_eq!(err("  example.com  ").input, "example.com");
}

#[test]
fn error_kinds() {
    use HostChar::{Control, Other, Percent, Space};
    use Ipv4Problem as P;
    use UrlErrorKind as K;
    let ipv4 = |host: &str, problem| K::Ipv4 { host: s(host), problem };
    // RelativeUrlWithoutBase
    kind("example.com/path", K::NoScheme);
    kind("/path", K::Relative);
    // EmptyHost
    kind("http://", K::MissingHost { scheme: s("http") });
    kind("https:", K::MissingHost { scheme: s("https") });
    kind("http://user@/", K::NothingAfterAt);
    kind("http://:80/", K::PortWithoutHost { scheme: s("http"), port: s("80") });
    kind("http://::1/", K::BareIpv6 { address: s("::1") });
    // InvalidPort
    kind("http://example.com:99999", K::PortOutOfRange { port: s("99999") });
    kind("http://example.com:65536/", K::PortOutOfRange { port: s("65536") });
    kind("http://example.com:8a", K::PortNotNumber { port: s("8a") });
    kind("http://[::1]:80x/", K::PortNotNumber { port: s("80x") });
    kind("foo://h:x/", K::PortNotNumber { port: s("x") });
    // InvalidIpv4Address
    kind("http://256.0.0.1/", ipv4("256.0.0.1", P::PartOver255 { part: s("256") }));
    kind("http://1.2.3.4.5/", ipv4("1.2.3.4.5", P::TooManyParts { parts: 5 }));
    kind("http://999999999999/", ipv4("999999999999", P::SingleTooLarge { part: s("999999999999"), limit: 4294967295 }));
    kind("http://1.2.3.999/", ipv4("1.2.3.999", P::LastTooLarge { part: s("999"), parts: 4, bytes: 1, limit: 255 }));
    kind("http://1.2.0x1000000/", ipv4("1.2.0x1000000", P::LastTooLarge { part: s("0x1000000"), parts: 3, bytes: 2, limit: 65535 }));
    kind("http://1.2.3.09/", ipv4("1.2.3.09", P::NotANumber { part: s("09") }));
    // InvalidIpv6Address
    kind("http://[::1/", K::Ipv6Unclosed { host: s("[::1") });
    kind("http://[1:2:3]/", K::Ipv6Invalid { host: s("[1:2:3]") });
    kind("http://[::g]/", K::Ipv6Invalid { host: s("[::g]") });
    // Forbidden host characters (InvalidDomainCharacter, or IdnaError for special hosts)
    let forbidden = |host: &str, character, decoded| K::ForbiddenHostChar { host: s(host), character, decoded };
    kind("http://exa mple.com/", forbidden("exa mple.com", Space, false));
    kind("http://a<b/", forbidden("a<b", Other('<'), false));
    kind("http://a^b/", forbidden("a^b", Other('^'), false));
    kind("http://a|b/", forbidden("a|b", Other('|'), false));
    kind("http://a%20b/", forbidden("a%20b", Space, true));
    kind("http://a%25b/", forbidden("a%25b", Percent, true));
    kind("http://a%01b/", forbidden("a%01b", Control(1), true));
    kind("foo://a b/", forbidden("a b", Space, false));
    kind("foo://a<b/", forbidden("a<b", Other('<'), false));
    kind("foo://a\\b/", forbidden("a\\b", Other('\\'), false));
    kind("file://host:80/", K::FilePort { host: s("host:80") });
    // IdnaError
    kind("http://a.b.c.xn--pokxncvks/", K::BadPunycode { host: s("a.b.c.xn--pokxncvks"), label: s("xn--pokxncvks") });
    kind("http://\u{fdd0}zyx.com/", K::BadIdnUnicode { host: s("\u{fdd0}zyx.com") });
}

#[test]
fn hints() {
    hint("example.com/path", did_you_mean("https://example.com/path"));
    hint("example.com", did_you_mean("https://example.com"));
    hint("127.0.0.1:8080", did_you_mean("http://127.0.0.1:8080"));
    hint("//example.com/x", did_you_mean("https://example.com/x"));
    hint("//localhost:3000/", did_you_mean("http://localhost:3000/"));
    hint("https//example.com", did_you_mean("https://example.com"));
    hint("http//example.com/a", did_you_mean("http://example.com/a"));
    hint("/path", Some(UrlHint::WholeUrl));
    hint("http://::1/", did_you_mean("http://[::1]/"));
    hint("http://example.com:1:2/", Some(UrlHint::Ipv6Brackets));
    hint("http://example.com:99999", None);
    hint("exa mple.com", None);
}

#[test]
fn never_panics_on_odd_input() {
    for input in [
        ":",
        "::",
        "a:",
        "http:",
        "http://",
        "http:///",
        "http://@",
        "http://@@",
        "http://[",
        "http://]",
        "http://[]",
        "http://:",
        "http://a:",
        "blob:",
        "blob:blob:blob:",
        "\u{0}http://a",
        "http://\u{200b}/",
        "http://a..b/",
        "http://../",
        "http://./",
        "http://%/",
        "http://%zz/",
        "https://\u{fffd}/",
        "ä:",
        "http://a/\u{10ffff}",
        "file:",
        "file://",
        "file:\\\\\\",
        "http://[::1]:65536",
        "😀://x",
        "http://😀/",
        "xn--:",
        "http://xn--/",
        "http://1.2.3.4.5.6.7.8.9/",
        "http://0x/",
        "http://0x.0x/",
    ] {
        let _ = parse_url(input);
    }
    let long = format!("http://{}/", "a.".repeat(5000));
    let _ = parse_url(&long);
    let nested = format!("{}https://a/", "blob:".repeat(2000));
    assert_eq!(ok(&nested).serialized_origin, "null");
}

#[test]
fn serialises_to_json() {
    let json = serde_json::to_value(ok("https://example.com:8443/")).expect("json");
    assert_eq!(json["serialized_origin"], "https://example.com:8443");
    assert_eq!(json["port"]["Explicit"], 8443);
}

/// `Url::parse(input)` fails with `variant`, and we tell it as `want`.
fn variant(input: &str, variant: ParseError, want: UrlErrorKind) {
    assert_eq!(Url::parse(input).err(), Some(variant), "variant for {input:?}");
    kind(input, want);
}

#[test]
fn one_kind_per_error_class() {
    use UrlErrorKind as K;
    variant("example.com", ParseError::RelativeUrlWithoutBase, K::NoScheme);
    variant("http://", ParseError::EmptyHost, K::MissingHost { scheme: s("http") });
    variant("http://example.com:99999", ParseError::InvalidPort, K::PortOutOfRange { port: s("99999") });
    variant("http://256.0.0.1/", ParseError::InvalidIpv4Address, K::Ipv4 { host: s("256.0.0.1"), problem: Ipv4Problem::PartOver255 { part: s("256") } });
    variant("http://[1:2:3]/", ParseError::InvalidIpv6Address, K::Ipv6Invalid { host: s("[1:2:3]") });
    variant("foo://a b/", ParseError::InvalidDomainCharacter, K::ForbiddenHostChar { host: s("a b"), character: HostChar::Space, decoded: false });
    variant("http://a b/", ParseError::IdnaError, K::ForbiddenHostChar { host: s("a b"), character: HostChar::Space, decoded: false });
    variant("http://a.xn--pokxncvks/", ParseError::IdnaError, K::BadPunycode { host: s("a.xn--pokxncvks"), label: s("xn--pokxncvks") });
    // Not reachable from a typed URL (4 GB, or a base URL), but still told.
    assert_eq!(explain_error("x", ParseError::Overflow).kind, K::TooLong);
    let other = explain_error("x", ParseError::RelativeUrlWithCannotBeABaseBase).kind;
    assert!(matches!(&other, K::Other { parser_says } if !parser_says.is_empty()), "{other:?}");
}
