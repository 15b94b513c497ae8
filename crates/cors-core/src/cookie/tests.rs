use super::*;
use crate::url_parts::parse_url;

fn parts(input: &str) -> UrlParts {
    parse_url(input).unwrap_or_else(|e| panic!("{input:?}: {:?}", e.kind))
}

/// A cookie set by `from` with `Domain=<from host>`: is it sent to `to`,
/// with which effective `Set-Cookie` line. The reasons in words: the app's
/// tests (src/words/origin.rs), for the same pairs.
fn check(from: &str, to: &str, sent: bool, set_cookie: &str) {
    let v = cookie_sent(&parts(from), &parts(to), crate::suffix_list::shipped());
    assert_eq!(v.sent, sent, "{from} -> {to}: {:?}", v.reason);
    assert_eq!(v.set_cookie, set_cookie, "{from} -> {to}");
}

#[test]
fn domain_match_table() {
    let cases = [
        ("example.com", "example.com", true),
        ("api.example.com", "example.com", true),
        ("a.b.example.com", "example.com", true),
        ("example.com", "api.example.com", false),
        ("www.example.com", "api.example.com", false),
        ("badexample.com", "example.com", false),
        ("example.com.", "example.com", false),
        ("example.com", "example.com.", false),
        ("a.example.com.", "example.com.", true),
        ("127.0.0.1", "127.0.0.1", true),
        ("1.127.0.0.1", "127.0.0.1", true),
        ("127.0.0.1", "0.0.1", false),
        ("[::1]", "[::1]", true),
        ("a", "", false),
        ("", "", true),
        ("localhost", "localhost", true),
        ("app.localhost", "localhost", true),
    ];
    for (string, domain, expected) in cases {
        assert_eq!(
            domain_match(string, domain),
            expected,
            "{string:?} domain-matches {domain:?}"
        );
    }
}

#[test]
fn domain_cookies() {
    check("https://example.com/a", "https://example.com/b", true, "id=1; Domain=example.com; Path=/");
    check("https://example.com/", "https://api.example.com/", true, "id=1; Domain=example.com; Path=/");
    check("https://example.com/", "https://a.b.example.com/", true, "id=1; Domain=example.com; Path=/");
    check("https://api.example.com/", "https://example.com/", false, "id=1; Domain=api.example.com; Path=/");
    check("https://api.example.com/", "https://www.example.com/", false, "id=1; Domain=api.example.com; Path=/");
    check("https://example.com/", "https://example.org/", false, "id=1; Domain=example.com; Path=/");
    check("https://example.com/", "https://badexample.com/", false, "id=1; Domain=example.com; Path=/");
    check("https://example.com./", "https://example.com/", false, "id=1; Domain=example.com.; Path=/");
    check("https://example.com/", "https://example.com./", false, "id=1; Domain=example.com; Path=/");
    check("https://bücher.example/", "https://xn--bcher-kva.example/", true, "id=1; Domain=xn--bcher-kva.example; Path=/");
    check("https://app.localhost/", "https://x.app.localhost/", true, "id=1; Domain=app.localhost; Path=/");
}

#[test]
fn domain_matching_ignores_ports_and_schemes_but_secure_does_not() {
    check("http://example.com/", "https://example.com/", true, "id=1; Domain=example.com; Path=/");
    check("https://example.com/", "https://example.com:8443/", true, "id=1; Domain=example.com; Path=/");
    check("ws://example.com/", "https://api.example.com:1/", true, "id=1; Domain=example.com; Path=/");
    check("http://localhost:8080/", "http://localhost:8081/", true, "id=1; Path=/");
}

#[test]
fn public_suffix_hosts_are_host_only() {
    check("https://alice.github.io/", "https://bob.github.io/", false, "id=1; Domain=alice.github.io; Path=/");
    check("https://github.io/", "https://alice.github.io/", false, "id=1; Path=/");
    check("https://github.io/", "https://github.io/x", true, "id=1; Path=/");
    check("https://co.uk/", "https://example.co.uk/", false, "id=1; Path=/");
    check("http://localhost:8080/", "http://app.localhost/", false, "id=1; Path=/");
    check("http://localhost:8080/", "http://127.0.0.1:8080/", false, "id=1; Path=/");
}

#[test]
fn ip_hosts_are_host_only() {
    check("http://127.0.0.1:8080/", "http://localhost:8080/", false, "id=1; Path=/");
    check("http://127.0.0.1:8080/", "http://127.0.0.1:9090/", true, "id=1; Path=/");
    check("http://0x7f.1/", "http://127.0.0.1/", true, "id=1; Path=/");
    check("http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]:8080/", true, "id=1; Path=/");
    check("http://[::1]/", "http://[::2]/", false, "id=1; Path=/");
    check("https://example.com/", "http://93.184.215.14/", false, "id=1; Domain=example.com; Path=/");
}

#[test]
fn no_host_no_cookie() {
    check("data:text/html,hi", "data:text/html,hi", false, "");
    check("file:///a", "https://example.com/", false, "");
    check("about:blank", "https://example.com/", false, "");
    check("blob:https://example.com/id", "https://example.com/", false, "");
    check("https://example.com/", "blob:https://example.com/id", false, "id=1; Domain=example.com; Path=/");
    check("https://example.com/", "data:,x", false, "id=1; Domain=example.com; Path=/");
    check("http://localhost/", "file:///a", false, "id=1; Path=/");
    check("foo://example.com/", "https://example.com/", false, "");
}
