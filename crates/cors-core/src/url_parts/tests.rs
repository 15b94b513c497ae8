use super::*;

fn ok(input: &str) -> UrlParts {
    parse_url(input).unwrap_or_else(|e| panic!("{input:?} should parse: {}", e.message))
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

/// Some note of `input` contains `text`.
fn note(input: &str, text: &str) {
    let p = ok(input);
    assert!(
        p.notes.iter().any(|n| n.contains(text)),
        "no note of {input:?} contains {text:?}: {:#?}",
        p.notes
    );
}

/// No note of `input` contains `text`.
fn no_note(input: &str, text: &str) {
    let p = ok(input);
    assert!(
        !p.notes.iter().any(|n| n.contains(text)),
        "a note of {input:?} contains {text:?}: {:#?}",
        p.notes
    );
}

/// Parsing fails with a message containing `text`.
fn message(input: &str, text: &str) {
    let e = err(input);
    assert!(
        e.message.contains(text),
        "message for {input:?} lacks {text:?}: {}",
        e.message
    );
}

/// Parsing fails with a hint containing `text` (or with no hint at all).
fn hint(input: &str, text: Option<&str>) {
    let e = err(input);
    match text {
        Some(text) => assert!(
            e.hint.as_deref().is_some_and(|h| h.contains(text)),
            "hint for {input:?} lacks {text:?}: {:?}",
            e.hint
        ),
        None => assert_eq!(e.hint, None, "hint for {input:?}"),
    }
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
    note("HTTPS://EXAMPLE.com/", "The scheme HTTPS was lowered to https");
    note("HTTPS://EXAMPLE.com/", "Upper-case letters in the host were lowered: EXAMPLE.com became example.com");
    note("http://example.com:80/", ":80 is the default port of http, so it is dropped");
    note("https://example.com:443/", ":443 is the default port of https");
    note("http://example.com:0080/", ":0080 is the default port of http");
    note("http://example.com:/", "has no port number after it");
    note("http://example.com:08080/", "The port 08080 is read as the number 8080");
    note("https://bücher.example/", "converted to punycode, the xn-- form: xn--bcher-kva.example");
    note("https://xn--bcher-kva.example/", "punycode (xn--) form of the internationalised name bücher.example");
    note("https://example.com./", "The trailing dot makes example.com. a different host from example.com");
    note("https://user:pw@example.com/", "user name and password");
    note("https://user:pw@example.com/", "not part of the origin");
    note("https://user@example.com/", "a user name before the @");
    note("http:\\\\example.com\\a\\b", "Backslashes (\\) were turned into slashes (/)");
    note("http://0x7f.1", "0x7f.1 is an IPv4 address written in a short or unusual form");
    note("http://0x7f.1", "normalised to 127.0.0.1");
    note("http://2130706433/", "normalised to 127.0.0.1");
    note("http://[0:0:0:0:0:0:0:1]:8080/", "normalised to its shortest form [::1]");
    note("http://ex%41mple.com/", "was normalised to example.com");
    note("http:example.com", "there were none here");
    note("http:////example.com", "there were 4 here");
    note("http://example.com/a/../b/./c", "giving the path /b/c");
    note("http://exa\tmple.com/", "Tab and line-break characters");
    note("data:text/html,hi", "opaque (written null) because data: URLs");
    note("file:///home/me/a.html", "because browsers give file: URLs an opaque origin");
    note("about:blank", "the scheme about: has no origin of its own");
    note("blob:https://example.com/x", "A blob: URL has the origin of the URL inside it: https://example.com.");
    note("blob:ftp://host/path", "has the scheme ftp:, not http: or https:");
    note("blob:d3958f5c-0777", "The text after blob: is not a URL");
    note("localhost:8080", "reads the text before the first \":\" as the scheme");
    note("localhost:8080", "Did you mean http://localhost:8080 ?");
    note("example.com:8080/x", "Did you mean http://example.com:8080/x ?");
}

#[test]
fn no_spurious_notes() {
    assert!(ok("https://example.com/").notes.is_empty());
    assert!(ok("http://localhost:8080/").notes.is_empty());
    assert!(ok("https://example.com/a?b#c").notes.is_empty());
    no_note("https://example.com:8443/", "default port");
    no_note("tel:12345", "Did you mean");
    no_note("mailto:a@b.c", "Did you mean");
    no_note("foo://a/b\\c", "Backslashes");
    no_note("http://127.0.0.1/", "IPv4");
    no_note("http://[::1]/", "IPv6");
    no_note("https://example.com/", "trailing dot");
}

#[test]
fn empty_input() {
    for input in ["", "   ", "\t\n", "\u{0}"] {
        let e = err(input);
        assert_eq!(e.message, "Enter a URL, for example https://example.com/");
        assert_eq!(e.hint, None);
        assert_eq!(e.input, "");
    }
}

#[test]
fn error_input_is_trimmed() {
    assert_eq!(err("  example.com  ").input, "example.com");
}

#[test]
fn error_messages() {
    // RelativeUrlWithoutBase
    message("example.com/path", "There is no scheme (such as https:) at the start");
    message("/path", "This is a relative URL");
    // EmptyHost
    message("http://", "The host is missing: http: URLs need a host name after \"http://\"");
    message("https:", "The host is missing");
    message("http://user@/", "nothing comes after the \"@\"");
    message("http://:80/", "nothing between \"http://\" and the port \":80\"");
    message("http://::1/", "\"::1\" looks like an IPv6 address");
    // InvalidPort
    message("http://example.com:99999", "The port 99999 is out of range: ports go from 0 to 65535.");
    message("http://example.com:65536/", "The port 65536 is out of range");
    message("http://example.com:8a", "The port \"8a\" is not a number");
    message("http://[::1]:80x/", "The port \"80x\" is not a number");
    message("foo://h:x/", "The port \"x\" is not a number");
    // InvalidIpv4Address
    message("http://256.0.0.1/", "256 is larger than 255");
    message("http://1.2.3.4.5/", "it has 5 parts");
    message("http://999999999999/", "at most 4294967295");
    message("http://1.2.3.999/", "the last of 4 parts fills the remaining 1 byte, so it can be at most 255");
    message("http://1.2.0x1000000/", "can be at most 65535");
    message("http://1.2.3.09/", "\"09\" is not a number");
    message("http://256.0.0.1/", "reads it as an IPv4 address");
    // InvalidIpv6Address
    message("http://[::1/", "The IPv6 address \"[::1\" has no closing \"]\"");
    message("http://[1:2:3]/", "\"[1:2:3]\" is not a valid IPv6 address");
    message("http://[::g]/", "is not a valid IPv6 address");
    // Forbidden host characters (InvalidDomainCharacter, or IdnaError for special hosts)
    message("http://exa mple.com/", "The host \"exa mple.com\" contains a space");
    message("http://a<b/", "contains the character \"<\"");
    message("http://a^b/", "contains the character \"^\"");
    message("http://a|b/", "contains the character \"|\"");
    message("http://a%20b/", "contains a space (after %-decoding)");
    message("http://a%25b/", "contains a percent sign (%) (after %-decoding)");
    message("foo://a b/", "The host \"a b\" contains a space");
    message("foo://a<b/", "contains the character \"<\"");
    message("foo://a\\b/", "contains the character \"\\\"");
    message("file://host:80/", "file: URLs have no port");
    // IdnaError
    message("http://a.b.c.xn--pokxncvks/", "the label xn--pokxncvks starts with xn-- but is not valid punycode");
    message("http://\u{fdd0}zyx.com/", "is not a valid internationalised domain name");
}

#[test]
fn hints() {
    hint("example.com/path", Some("Did you mean https://example.com/path ?"));
    hint("example.com", Some("Did you mean https://example.com ?"));
    hint("127.0.0.1:8080", Some("Did you mean http://127.0.0.1:8080 ?"));
    hint("//example.com/x", Some("Did you mean https://example.com/x ?"));
    hint("//localhost:3000/", Some("Did you mean http://localhost:3000/ ?"));
    hint("https//example.com", Some("Did you mean https://example.com ?"));
    hint("http//example.com/a", Some("Did you mean http://example.com/a ?"));
    hint("/path", Some("Type a whole URL"));
    hint("http://::1/", Some("Did you mean http://[::1]/ ?"));
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

/// `Url::parse(input)` fails with `variant`, and our message contains `text`.
fn variant(input: &str, variant: ParseError, text: &str) {
    assert_eq!(Url::parse(input).err(), Some(variant), "variant for {input:?}");
    message(input, text);
}

#[test]
fn one_message_per_error_class() {
    variant("example.com", ParseError::RelativeUrlWithoutBase, "There is no scheme");
    variant("http://", ParseError::EmptyHost, "The host is missing");
    variant("http://example.com:99999", ParseError::InvalidPort, "The port 99999 is out of range");
    variant("http://256.0.0.1/", ParseError::InvalidIpv4Address, "256 is larger than 255");
    variant("http://[1:2:3]/", ParseError::InvalidIpv6Address, "is not a valid IPv6 address");
    variant("foo://a b/", ParseError::InvalidDomainCharacter, "contains a space");
    variant("http://a b/", ParseError::IdnaError, "contains a space");
    variant("http://a.xn--pokxncvks/", ParseError::IdnaError, "xn--pokxncvks starts with xn-- but is not valid punycode");
    // Not reachable from a typed URL (4 GB, or a base URL), but still explained.
    assert_eq!(explain_error("x", ParseError::Overflow).message, "This URL is too long: the parser handles URLs of up to 4 GB.");
    let other = explain_error("x", ParseError::RelativeUrlWithCannotBeABaseBase).message;
    assert!(other.starts_with("The URL could not be parsed: "), "{other}");
}
