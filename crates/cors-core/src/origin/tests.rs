use super::*;

/// `origin_of(parse(input)).serialize()` is `expected`.
fn check(input: &str, expected: &str) {
    let url = Url::parse(input).unwrap_or_else(|e| panic!("{input:?} does not parse: {e}"));
    assert_eq!(origin_of(&url).serialize(), expected, "origin of {input:?}");
}

fn origin(input: &str) -> Origin {
    origin_of(&Url::parse(input).expect("test URL parses"))
}

fn opaque_reason(input: &str) -> OpaqueReason {
    match origin(input) {
        Origin::Opaque(reason) => reason,
        Origin::Tuple(t) => panic!("{input:?} has a tuple origin {t:?}"),
    }
}

#[test]
fn tuple_origins() {
    check("https://example.com/a/b?q#f", "https://example.com");
    check("http://example.com/", "http://example.com");
    check("http://example.com:8080/", "http://example.com:8080");
    check("https://example.com:8443/", "https://example.com:8443");
    check("ws://example.com/chat", "ws://example.com");
    check("wss://example.com:444/", "wss://example.com:444");
    check("ftp://example.com/file", "ftp://example.com");
    check("ftp://example.com:2121/", "ftp://example.com:2121");
    check("https://user:pw@example.com/", "https://example.com");
}

#[test]
fn default_ports_are_dropped() {
    check("http://example.com:80/", "http://example.com");
    check("https://example.com:443/", "https://example.com");
    check("ws://example.com:80/", "ws://example.com");
    check("wss://example.com:443/", "wss://example.com");
    check("ftp://example.com:21/", "ftp://example.com");
    check("http://example.com:443/", "http://example.com:443");
    check("https://example.com:80/", "https://example.com:80");
    check("http://example.com:0080/", "http://example.com");
}

#[test]
fn hosts_are_normalised() {
    check("HTTPS://EXAMPLE.COM/", "https://example.com");
    check("https://bücher.example/", "https://xn--bcher-kva.example");
    check("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example");
    check("https://example.com./", "https://example.com.");
    check("http://0x7f.1/", "http://127.0.0.1");
    check("http://2130706433/", "http://127.0.0.1");
    check("http://0177.0.0.1/", "http://127.0.0.1");
    check("http://[::1]:8080/", "http://[::1]:8080");
    check("http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]:8080");
    check("http://[2001:DB8::1]/", "http://[2001:db8::1]");
    check("http://[::ffff:1.2.3.4]/", "http://[::ffff:102:304]");
}

#[test]
fn blob_origins() {
    check("blob:https://example.com/550e8400-e29b-41d4-a716-446655440000", "https://example.com");
    check("blob:https://example.com:443/", "https://example.com");
    check("blob:http://example.org:88/", "http://example.org:88");
    check("blob:d3958f5c-0777-0845-9dcf-2cb28783acaf", "null");
    check("blob:", "null");
    check("blob:blob:", "null");
    check("blob:blob:https://example.org/", "null");
    check("blob:about:blank", "null");
    check("blob:file://host/path", "null");
    check("blob:ftp://host/path", "null");
    check("blob:ws://example.org/", "null");
    check("blob:wss://example.org/", "null");
    check("blob:http%3a//example.org/", "null");
}

#[test]
fn opaque_origins() {
    check("data:text/html,hi", "null");
    check("file:///home/me/a.html", "null");
    check("file://server/share/a.txt", "null");
    check("about:blank", "null");
    check("javascript:alert(1)", "null");
    check("mailto:someone@example.com", "null");
    check("foo://example.com/", "null");
    check("localhost:8080", "null");
}

#[test]
fn opaque_reasons() {
    assert_eq!(opaque_reason("data:,x"), OpaqueReason::Data);
    assert_eq!(opaque_reason("file:///x"), OpaqueReason::File);
    assert_eq!(opaque_reason("blob:nothing"), OpaqueReason::BlobInner);
    assert_eq!(opaque_reason("blob:ftp://h/"), OpaqueReason::BlobInner);
    assert_eq!(
        opaque_reason("about:blank"),
        OpaqueReason::Scheme("about".to_string())
    );
    assert_eq!(
        opaque_reason("Foo://x"),
        OpaqueReason::Scheme("foo".to_string())
    );
}

#[test]
fn tuple_fields() {
    let Origin::Tuple(t) = origin("https://Example.com:8443/x") else {
        panic!("tuple expected");
    };
    assert_eq!(t.scheme, "https");
    assert_eq!(t.host, Host::Domain("example.com".to_string()));
    assert_eq!(t.port, Some(8443));
    assert_eq!(t.effective_port(), Some(8443));

    let Origin::Tuple(t) = origin("https://example.com:443/") else {
        panic!("tuple expected");
    };
    assert_eq!(t.port, None, "a written default port is not kept");
    assert_eq!(t.effective_port(), Some(443));

    let Origin::Tuple(t) = origin("http://10.0.0.1/") else {
        panic!("tuple expected");
    };
    assert_eq!(t.host, Host::Ipv4(Ipv4Addr::new(10, 0, 0, 1)));
    assert_eq!(t.effective_port(), Some(80));
}

#[test]
fn host_serialize() {
    assert_eq!(
        Host::Domain("example.com".into()).serialize(),
        "example.com"
    );
    assert_eq!(
        Host::Ipv4(Ipv4Addr::new(127, 0, 0, 1)).serialize(),
        "127.0.0.1"
    );
    assert_eq!(Host::Ipv6(Ipv6Addr::LOCALHOST).serialize(), "[::1]");
    assert_eq!(
        Host::Ipv6("::ffff:1.2.3.4".parse().expect("ipv6")).serialize(),
        "[::ffff:102:304]"
    );
    assert!(Host::Ipv6(Ipv6Addr::LOCALHOST).is_ip());
    assert!(!Host::Domain("a".into()).is_ip());
}

#[test]
fn serialize_omits_an_explicit_default_port() {
    let o = Origin::Tuple(TupleOrigin {
        scheme: "https".into(),
        host: Host::Domain("example.com".into()),
        port: Some(443),
    });
    assert_eq!(o.serialize(), "https://example.com");
}

#[test]
fn default_ports() {
    assert_eq!(default_port("http"), Some(80));
    assert_eq!(default_port("https"), Some(443));
    assert_eq!(default_port("ws"), Some(80));
    assert_eq!(default_port("wss"), Some(443));
    assert_eq!(default_port("ftp"), Some(21));
    assert_eq!(default_port("file"), None);
    assert_eq!(default_port("foo"), None);
    assert_eq!(default_port("HTTP"), None, "schemes are already lower case");
}

/// `same_origin(a, b)`, checked in both directions.
fn same(a: &str, b: &str, expected: bool) {
    let (oa, ob) = (origin(a), origin(b));
    assert_eq!(oa.same_origin(&ob), expected, "{a} vs {b}");
    assert_eq!(ob.same_origin(&oa), expected, "{b} vs {a}");
}

#[test]
fn same_origin_cases() {
    same("https://example.com/a", "https://example.com/b", true);
    same("http://example.com:80/", "http://example.com/", true);
    same("HTTPS://EXAMPLE.com/", "https://example.com/", true);
    same("https://bücher.example/", "https://xn--bcher-kva.example/", true);
    same("http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]:8080/", true);
    same("blob:https://example.com/id", "https://example.com/", true);
    same("http://example.com/", "https://example.com/", false);
    same("https://example.com/", "https://example.com:8443/", false);
    same("https://api.example.com/", "https://www.example.com/", false);
    same("https://example.com./", "https://example.com/", false);
    same("http://localhost:8080/", "http://127.0.0.1:8080/", false);
    same("ws://example.com/", "http://example.com/", false);
    same("data:text/html,hi", "data:text/html,hi", false);
    same("file:///a", "file:///a", false);
    same("blob:nothing", "blob:nothing", false);
    same("about:blank", "https://example.com/", false);
}

#[test]
fn an_opaque_origin_is_only_the_same_as_itself() {
    let o = origin("data:,x");
    assert!(o.same_origin(&o), "the very same origin value");
    assert!(!o.same_origin(&o.clone()), "an equal-looking copy is not");
}
