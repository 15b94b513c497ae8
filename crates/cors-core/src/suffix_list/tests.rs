use super::*;

const OFFICIAL_TESTS: &str = include_str!("../../../../tests/data/test_psl.txt");

fn list() -> &'static SuffixList {
    shipped()
}

/// A host as a URL parser hands it over: lower-case, punycode.
fn ascii(host: &str) -> Option<String> {
    idna::domain_to_ascii(host).ok()
}

/// `checkPublicSuffix('a', 'b');` → ("a", Some("b")); `null` → None.
fn official_cases() -> Vec<(Option<String>, Option<String>)> {
    let arg = |a: &str| {
        let a = a.trim();
        (a != "null").then(|| a.trim_matches('\'').to_owned())
    };
    OFFICIAL_TESTS
        .lines()
        .filter_map(|l| l.trim().strip_prefix("checkPublicSuffix("))
        .filter_map(|l| l.strip_suffix(");"))
        .filter_map(|args| args.split_once(','))
        .map(|(a, b)| (arg(a), arg(b)))
        .collect()
}

#[test]
fn official_test_cases_pass() {
    let cases = official_cases();
    assert!(cases.len() > 70, "read {} cases", cases.len());
    let mut checked = 0;
    for (host, expected) in cases {
        let Some(host) = host else {
            continue; // `null` input: there is no host to look up
        };
        let got = ascii(&host).and_then(|h| list().registrable_domain(&h).map(str::to_owned));
        let expected = expected.map(|e| ascii(&e).unwrap_or(e));
        assert_eq!(got, expected, "checkPublicSuffix({host:?})");
        checked += 1;
    }
    assert!(checked > 70);
}

#[test]
fn shipped_list_is_whole() {
    let l = list();
    assert_eq!(l.version(), Some("2026-10-22_08-36-41_UTC"));
    assert!(l.len() > 10_000, "{} names", l.len());
    assert!(!l.is_empty());
}

#[test]
fn suffixes_and_sections() {
    let l = list();
    let cases: &[(&str, Option<&str>, Option<Section>)] = &[
        ("example.com", Some("com"), Some(Section::Icann)),
        ("shop.example.co.uk", Some("co.uk"), Some(Section::Icann)),
        ("alice.github.io", Some("github.io"), Some(Section::Private)),
        ("github.io", Some("github.io"), Some(Section::Private)),
        ("localhost", Some("localhost"), None),
        ("app.localhost", Some("localhost"), None),
        ("a.b.example", Some("example"), None),
        ("example.com.", Some("com."), Some(Section::Icann)),
        // `*.ck` with the exception `!www.ck`.
        ("a.b.ck", Some("b.ck"), Some(Section::Icann)),
        ("www.ck", Some("ck"), Some(Section::Icann)),
        ("x.www.ck", Some("ck"), Some(Section::Icann)),
        // `*.kawasaki.jp` with the exception `!city.kawasaki.jp`.
        (
            "a.b.kawasaki.jp",
            Some("b.kawasaki.jp"),
            Some(Section::Icann),
        ),
        (
            "city.kawasaki.jp",
            Some("kawasaki.jp"),
            Some(Section::Icann),
        ),
        // A Unicode rule (`公司.cn`), matched in punycode.
        (
            "a.xn--55qx5d.cn",
            Some("xn--55qx5d.cn"),
            Some(Section::Icann),
        ),
        ("", None, None),
        (".", None, None),
        ("a..com", None, None),
        (".com", None, None),
    ];
    for &(host, text, section) in cases {
        let got = l.suffix(host);
        assert_eq!(got.map(|s| s.text), text, "suffix of {host:?}");
        if let Some(got) = got {
            assert_eq!(got.section, section, "section of {host:?}");
        }
    }
}

#[test]
fn registrable_domains() {
    let l = list();
    let cases: &[(&str, Option<&str>)] = &[
        ("example.com", Some("example.com")),
        ("a.b.example.com", Some("example.com")),
        ("example.com.", Some("example.com.")),
        ("www.example.com.", Some("example.com.")),
        ("com", None),
        ("com.", None),
        ("github.io", None),
        ("alice.github.io", Some("alice.github.io")),
        ("localhost", None),
        ("app.localhost", Some("app.localhost")),
        ("www.ck", Some("www.ck")),
        ("b.ck", None),
        ("a.b.ck", Some("a.b.ck")),
        ("xn--bcher-kva.example", Some("xn--bcher-kva.example")),
        ("", None),
        ("a..com", None),
        (".example.com", None),
    ];
    for &(host, expected) in cases {
        assert_eq!(l.registrable_domain(host), expected, "{host:?}");
    }
    assert!(l.is_public_suffix("co.uk"));
    assert!(l.is_public_suffix("com."));
    assert!(!l.is_public_suffix("example.co.uk"));
}

#[test]
fn parse_rejects_what_is_not_the_list() {
    assert_eq!(SuffixList::parse(""), Err(NotTheList::NoRules));
    assert_eq!(
        SuffixList::parse("<!doctype html><html><body>CORS Lab</body></html>"),
        Err(NotTheList::RuleBeforeIcannSection {
            rule: "<!doctype".to_owned()
        })
    );
    assert_eq!(
        SuffixList::parse("com\nnet\n"),
        Err(NotTheList::RuleBeforeIcannSection {
            rule: "com".to_owned()
        }),
        "no section marker"
    );
    assert_eq!(
        SuffixList::parse("// ===BEGIN ICANN DOMAINS===\n"),
        Err(NotTheList::NoRules),
        "no rules"
    );
}

#[test]
fn parse_reads_rules_kinds_and_sections() {
    let l = SuffixList::parse(
        "// VERSION: test\n\
         // ===BEGIN ICANN DOMAINS===\n\
         com\n\
         *.ck   trailing words are ignored\n\
         !www.ck\n\
         Ünï.example\n\
         a.*.bad\n\
         // ===END ICANN DOMAINS===\n\
         // ===BEGIN PRIVATE DOMAINS===\n\
         *.com\n\
         io\n\
         io\n",
    )
    .expect("parses");
    assert_eq!(l.version(), Some("test"));
    // com, ck, www.ck, the punycode of ünï.example, io: one entry per name, `a.*.bad` skipped.
    assert_eq!(l.len(), 5);
    let s = |h| l.suffix(h).map(|s| (s.text, s.section));
    assert_eq!(s("x.com"), Some(("x.com", Some(Section::Private))));
    assert_eq!(s("com"), Some(("com", Some(Section::Icann))));
    assert_eq!(s("a.b.ck"), Some(("b.ck", Some(Section::Icann))));
    assert_eq!(s("www.ck"), Some(("ck", Some(Section::Icann))));
    let unicode_rule = ascii("ünï.example").expect("converts");
    assert!(unicode_rule.starts_with("xn--"), "{unicode_rule}");
    let host = format!("a.{unicode_rule}");
    assert_eq!(
        l.suffix(&host).map(|s| (s.text, s.section)),
        Some((unicode_rule.as_str(), Some(Section::Icann)))
    );
    assert_eq!(s("x.io"), Some(("io", Some(Section::Private))));
    assert_eq!(s("x.bad"), Some(("bad", None)));
}

/// The same answers as the `psl` crate (which compiles its own copy of the
/// list into code) for hosts made from every rule of the shipped list. Where
/// the two disagree, the longer suffix must be unknown to the other side: a
/// difference between the two copies of the list, never in the matching.
#[test]
fn agrees_with_the_psl_crate() {
    let l = list();
    let text = include_str!("../../../../public/psl/public_suffix_list.dat");
    let mut hosts = Vec::new();
    for rule in text.lines().filter(|r| !r.starts_with("//")) {
        let name = rule.trim_start_matches('!').trim_start_matches("*.");
        let Some(name) = ascii(name) else { continue };
        for prefix in ["", "x.", "y.x.", "z.y.x."] {
            hosts.push(format!("{prefix}{name}"));
        }
        hosts.push(format!("x.{name}."));
    }
    for odd in [
        "example",
        "a.example",
        "localhost",
        "a.b.c.d.e",
        "com.",
        "xn--p1ai",
        "a.xn--p1ai",
    ] {
        hosts.push(odd.to_owned());
    }
    let theirs_suffix = |h: &str| {
        psl::suffix(h.as_bytes()).map(|s| {
            let section = match s.typ() {
                Some(psl::Type::Icann) => Some(Section::Icann),
                Some(psl::Type::Private) => Some(Section::Private),
                None => None,
            };
            (String::from_utf8_lossy(s.as_bytes()).into_owned(), section)
        })
    };
    let mut differences = Vec::new();
    for host in &hosts {
        let ours = l.suffix(host).map(|s| (s.text.to_owned(), s.section));
        let theirs = theirs_suffix(host);
        let ours_domain = l.registrable_domain(host).map(str::to_owned);
        let theirs_domain = psl::domain(host.as_bytes())
            .map(|d| String::from_utf8_lossy(d.as_bytes()).into_owned());
        if ours == theirs && ours_domain == theirs_domain {
            continue;
        }
        let (Some((ours_text, ours_section)), Some((theirs_text, theirs_section))) =
            (&ours, &theirs)
        else {
            panic!("{host}: ours {ours:?}, psl {theirs:?}");
        };
        // The longer suffix is a rule only one copy of the list has; or the
        // same suffix comes from a rule on one side and from the default
        // rule `*` on the other (a top-level name only one copy lists).
        let explained = if ours_text.len() > theirs_text.len() {
            theirs_suffix(ours_text).map(|s| s.0).as_deref() != Some(ours_text.as_str())
        } else if theirs_text.len() > ours_text.len() {
            !l.is_public_suffix(theirs_text)
        } else {
            ours_section.is_none() != theirs_section.is_none()
        };
        assert!(
            explained,
            "{host}: ours {ours:?} / {ours_domain:?}, psl {theirs:?} / {theirs_domain:?}"
        );
        differences.push(host.clone());
    }
    eprintln!(
        "psl crate cross-check: {} hosts, {} differ by list version{}",
        hosts.len(),
        differences.len(),
        differences
            .iter()
            .take(10)
            .map(|h| format!(" {h}"))
            .collect::<String>()
    );
    assert!(hosts.len() > 50_000);
    assert!(
        differences.len() * 100 < hosts.len(),
        "{} of {} hosts differ",
        differences.len(),
        hosts.len()
    );
}
