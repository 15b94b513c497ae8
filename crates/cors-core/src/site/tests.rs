use super::*;
use crate::suffix_list::shipped;
use crate::url_parts::parse_url;

fn site_of_(origin: &Origin) -> Site {
    site_of(origin, shipped())
}

fn same_site_(a: &Origin, b: &Origin) -> SiteVerdict {
    same_site(a, b, shipped())
}

fn origin(input: &str) -> Origin {
    parse_url(input).unwrap_or_else(|e| panic!("{input:?}: {:?}", e.kind)).origin
}

/// The serialised site of `input`.
fn site(input: &str, expected: &str) {
    assert_eq!(
        site_of_(&origin(input)).serialize(),
        expected,
        "site of {input:?}"
    );
}

/// Same-site verdict for `a` vs `b` (checked both ways). The reasons in
/// words: the app's tests (src/words/origin.rs), for the same pairs.
fn check(a: &str, b: &str, same: bool) {
    for (x, y) in [(a, b), (b, a)] {
        let v = same_site_(&origin(x), &origin(y));
        assert_eq!(v.same_site, same, "{x} vs {y}: {:?}", v.reason);
        assert_eq!(v.site_a, site_of_(&origin(x)));
        assert_eq!(v.site_b, site_of_(&origin(y)));
    }
}

#[test]
fn sites() {
    site("https://example.com/", "https://example.com");
    site("https://www.example.com/", "https://example.com");
    site("https://a.b.c.example.com:8443/", "https://example.com");
    site("http://example.com/", "http://example.com");
    site("https://shop.example.co.uk/", "https://example.co.uk");
    site("https://alice.github.io/", "https://alice.github.io");
    site("https://x.alice.github.io/", "https://alice.github.io");
    site("https://github.io/", "https://github.io");
    site("https://com/", "https://com");
    site("http://localhost:8080/", "http://localhost");
    site("http://app.localhost/", "http://app.localhost");
    site("http://127.0.0.1:8080/", "http://127.0.0.1");
    site("http://[::1]:8080/", "http://[::1]");
    site("https://bücher.example/", "https://xn--bcher-kva.example");
    site("https://example.com./", "https://example.com.");
    site("https://www.example.com./", "https://example.com.");
    site("blob:https://www.example.com/id", "https://example.com");
    site("data:text/html,hi", "null");
    site("file:///a", "null");
    site("blob:nothing", "null");
}

#[test]
fn site_fields() {
    assert_eq!(
        site_of_(&origin("https://www.example.com/")),
        Site::Schemeful {
            scheme: "https".into(),
            site: "example.com".into(),
            registrable: true,
        }
    );
    assert_eq!(
        site_of_(&origin("http://localhost/")),
        Site::Schemeful {
            scheme: "http".into(),
            site: "localhost".into(),
            registrable: false,
        }
    );
    assert_eq!(
        site_of_(&origin("http://10.1.2.3/")),
        Site::Schemeful {
            scheme: "http".into(),
            site: "10.1.2.3".into(),
            registrable: false,
        }
    );
    assert_eq!(site_of_(&origin("data:,x")), Site::Opaque);
    assert_eq!(Site::Opaque.serialize(), "null");
}

#[test]
fn registrable_domains() {
    let cases: &[(&str, Option<&str>)] = &[
        ("example.com", Some("example.com")),
        ("www.example.com", Some("example.com")),
        ("example.com.", Some("example.com.")),
        ("a.example.co.uk", Some("example.co.uk")),
        ("alice.github.io", Some("alice.github.io")),
        ("github.io", None),
        ("com", None),
        ("localhost", None),
        ("app.localhost", Some("app.localhost")),
        ("xn--bcher-kva.example", Some("xn--bcher-kva.example")),
        ("", None),
        (".", None),
        ("a..com", None),
    ];
    for (host, expected) in cases {
        assert_eq!(shipped().registrable_domain(host), *expected, "{host:?}");
    }
    assert!(shipped().is_public_suffix("com"));
    assert!(shipped().is_public_suffix("github.io"));
    assert!(shipped().is_public_suffix("co.uk"));
    assert!(shipped().is_public_suffix("localhost"), "by the default rule");
    assert!(!shipped().is_public_suffix("example.com"));
    assert!(!shipped().is_public_suffix("alice.github.io"));
    assert_eq!(
        shipped().public_suffix("alice.github.io"),
        Some("github.io")
    );
    assert_eq!(shipped().public_suffix("example.com."), Some("com."));
}

#[test]
fn verdicts() {
    check("https://example.com/a", "https://example.com/b", true);
    check("https://api.example.com/", "https://www.example.com/", true);
    check("https://example.com/", "https://api.example.com/", true);
    check("https://example.com/", "https://example.com:8443/", true);
    check("http://example.com/", "https://example.com/", false);
    check("ws://example.com/", "http://example.com/", false);
    check("https://example.com/", "https://example.org/", false);
    check("https://alice.github.io/", "https://bob.github.io/", false);
    check("https://a.example.co.uk/", "https://b.example.co.uk/", true);
    check("https://a.co.uk/", "https://b.co.uk/", false);
    check("https://example.com./", "https://example.com/", false);
    check("http://localhost:8080/", "http://localhost:8081/", true);
    check("http://localhost:8080/", "http://127.0.0.1:8080/", false);
    check("http://127.0.0.1:1/", "http://127.0.0.1:2/", true);
    check("http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]:8080/", true);
    check("https://github.io/", "https://github.io/x", true);
    check("https://bücher.example/", "https://xn--bcher-kva.example/", true);
    check("http://example.com/", "https://example.org/", false);
    check("blob:https://example.com/id", "https://www.example.com/", true);
}

#[test]
fn opaque_is_never_same_site() {
    check("data:text/html,hi", "data:text/html,hi", false);
    check("file:///a", "file:///a", false);
    check("data:,x", "https://example.com/", false);
    let v = same_site_(&origin("data:,x"), &origin("https://example.com/"));
    assert_eq!(v.reason, SiteReason::Opaque { first: true, second: false });
    let v = same_site_(&origin("https://example.com/"), &origin("data:,x"));
    assert_eq!(v.reason, SiteReason::Opaque { first: false, second: true });
}
