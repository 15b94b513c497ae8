//! The URL parser's facts in English and in Traditional Chinese, read from
//! the locale files: every kind of note and error a typed URL can meet.

use super::*;
use crate::i18n::{use_from_disk, Locale, Page};
use cors_core::url_parts::parse_url;

fn notes(locale: Locale, input: &str) -> Vec<String> {
    use_from_disk(locale, &[Page::Origin]);
    let p = parse_url(input).unwrap_or_else(|e| panic!("{input:?} should parse: {:?}", e.kind));
    p.notes.iter().map(|n| note(n).string()).collect()
}

/// The error's words and its hint's (empty without one).
fn failure(locale: Locale, input: &str) -> (String, String) {
    use_from_disk(locale, &[Page::Origin]);
    let e = match parse_url(input) {
        Ok(p) => panic!("{input:?} should not parse, got {}", p.href),
        Err(e) => e,
    };
    (error(&e.kind).string(), e.hint.as_ref().map(|h| hint(h).string()).unwrap_or_default())
}

/// Some note of `input` contains `text`.
fn said(input: &str, text: &str) {
    let notes = notes(Locale::En, input);
    assert!(notes.iter().any(|n| n.contains(text)), "no note of {input:?} contains {text:?}: {notes:#?}");
}

/// Parsing fails with a message containing `text`.
fn message(input: &str, text: &str) {
    let (message, _) = failure(Locale::En, input);
    assert!(message.contains(text), "message for {input:?} lacks {text:?}: {message}");
}

fn hinted(input: &str, text: &str) {
    let (_, hint) = failure(Locale::En, input);
    assert!(hint.contains(text), "hint for {input:?} lacks {text:?}: {hint}");
}

/// URLs that meet every kind of note (`tests/e2e/language_origin.rs`
/// types them in zh-TW).
const NOTED: &[&str] = &[
    "HTTPS://EXAMPLE.com/",
    "http://example.com:80/",
    "http://example.com:/",
    "http://example.com:08080/",
    "https://bücher.example/",
    "https://xn--bcher-kva.example/",
    "https://example.com./",
    "https://user:pw@example.com/",
    "https://user@example.com/",
    "http:\\\\example.com\\a\\b",
    "http://0x7f.1",
    "http://[0:0:0:0:0:0:0:1]:8080/",
    "http://ex%41mple.com/",
    "http:example.com",
    "http:/example.com",
    "http:////example.com",
    "http://example.com/a/../b/./c",
    "http://exa\tmple.com/",
    "data:text/html,hi",
    "file:///home/me/a.html",
    "about:blank",
    "blob:https://example.com/x",
    "blob:ftp://host/path",
    "blob:d3958f5c-0777",
    "localhost:8080",
];

#[test]
fn notes_in_english() {
    said("HTTPS://EXAMPLE.com/", "The scheme HTTPS was lowered to https: schemes are not case-sensitive.");
    said("HTTPS://EXAMPLE.com/", "Upper-case letters in the host were lowered: EXAMPLE.com became example.com. Host names are not case-sensitive.");
    said("http://example.com:80/", ":80 is the default port of http, so it is dropped: the origin http://example.com is the same with or without it.");
    said("https://example.com:443/", ":443 is the default port of https");
    said("http://example.com:0080/", ":0080 is the default port of http");
    said("http://example.com:/", "The \":\" after the host has no port number after it, so it is dropped and the default port 80 of http applies.");
    said("http://example.com:08080/", "The port 08080 is read as the number 8080.");
    said("https://bücher.example/", "The host bücher.example is written in Unicode (an internationalised domain name); on the wire and in the origin it is converted to punycode, the xn-- form: xn--bcher-kva.example.");
    said("https://xn--bcher-kva.example/", "xn--bcher-kva.example is the punycode (xn--) form of the internationalised name bücher.example; a browser may show the Unicode form, but the origin uses xn--bcher-kva.example.");
    said("https://example.com./", "The trailing dot makes example.com. a different host from example.com, so a different origin (and a different host for cookies), even though DNS finds the same server for both.");
    said("https://user:pw@example.com/", "The URL carries a user name and password before the @. That user info is not part of the origin: the origin is https://example.com with or without it.");
    said("https://user@example.com/", "The URL carries a user name before the @.");
    said("http:\\\\example.com\\a\\b", "Backslashes (\\) were turned into slashes (/), as browsers do in http: URLs.");
    said("http://0x7f.1", "The host 0x7f.1 is an IPv4 address written in a short or unusual form (fewer than four parts, hex or octal numbers); it is normalised to 127.0.0.1.");
    said("http://2130706433/", "normalised to 127.0.0.1");
    said("http://[0:0:0:0:0:0:0:1]:8080/", "The IPv6 address [0:0:0:0:0:0:0:1] is normalised to its shortest form [::1] (leading zeros dropped, the longest run of zero groups written as ::, hex in lower case).");
    said("http://ex%41mple.com/", "The host ex%41mple.com was normalised to example.com (percent-decoding, lower case, Unicode mapping).");
    said("http:example.com", "http: URLs put two slashes before the host; there were none here, but the parser reads the host anyway and writes http://.");
    said("http:/example.com", "there were only one here");
    said("http:////example.com", "there were 4 here");
    said("http://example.com/a/../b/./c", "The . and .. segments in the path were resolved, giving the path /b/c.");
    said("http://exa\tmple.com/", "Tab and line-break characters inside the URL were removed before parsing.");
    said("data:text/html,hi", "The origin is opaque (written null) because data: URLs get a fresh opaque origin: their content comes from the URL itself, not from any server.");
    said("file:///home/me/a.html", "because browsers give file: URLs an opaque origin");
    said("about:blank", "the scheme about: has no origin of its own");
    said("blob:https://example.com/x", "A blob: URL has the origin of the URL inside it: https://example.com.");
    said("blob:ftp://host/path", "The URL inside this blob: URL has the scheme ftp:, not http: or https:, so the blob: URL gets an opaque origin (written null).");
    said("blob:d3958f5c-0777", "The text after blob: is not a URL, so the blob: URL gets an opaque origin (written null). Blob URLs that a page creates look like blob:https://example.com/<id> and take the origin of the page.");
    said("localhost:8080", "The browser reads the text before the first \":\" as the scheme, so this is a URL with the scheme localhost: and no host at all. Did you mean http://localhost:8080 ?");
    said("example.com:8080/x", "Did you mean http://example.com:8080/x ?");
}

#[test]
fn errors_in_english() {
    for input in ["", "   "] {
        assert_eq!(failure(Locale::En, input), ("Enter a URL, for example https://example.com/".to_owned(), String::new()));
    }
    // RelativeUrlWithoutBase
    message("example.com/path", "There is no scheme (such as https:) at the start, so the parser reads this as a relative URL, and here there is no page to resolve it against.");
    message("/path", "This is a relative URL (it has no scheme such as https: at the start), and here there is no page to resolve it against. Type the whole URL, starting with the scheme.");
    // EmptyHost
    message("http://", "The host is missing: http: URLs need a host name after \"http://\", as in http://example.com/.");
    message("https:", "The host is missing");
    message("http://user@/", "The host is missing: nothing comes after the \"@\" (what comes before @ is a user name, not a host). Put a host name such as example.com after it.");
    message("http://:80/", "The host is missing: there is nothing between \"http://\" and the port \":80\". Put a host name such as example.com there.");
    message("http://::1/", "\"::1\" looks like an IPv6 address, and in a URL an IPv6 address must be put in square brackets. Without them the parser takes the first \":\" as the start of a port and finds no host before it.");
    // InvalidPort
    message("http://example.com:99999", "The port 99999 is out of range: ports go from 0 to 65535.");
    message("http://example.com:65536/", "The port 65536 is out of range");
    message("http://example.com:8a", "The port \"8a\" is not a number: after the \":\" that follows the host only digits may come, making a port from 0 to 65535.");
    message("http://[::1]:80x/", "The port \"80x\" is not a number");
    // InvalidIpv4Address
    message("http://256.0.0.1/", "The host \"256.0.0.1\" ends in a number, so the browser reads it as an IPv4 address, and it is not a valid one: 256 is larger than 255, the most one part can hold.");
    message("http://1.2.3.4.5/", "it has 5 parts, and an IPv4 address has at most four");
    message("http://999999999999/", "a single number stands for the whole address, so it can be at most 4294967295, and 999999999999 is larger");
    message("http://1.2.3.999/", "999 is too large: the last of 4 parts fills the remaining 1 byte, so it can be at most 255");
    message("http://1.2.0x1000000/", "0x1000000 is too large: the last of 3 parts fills the remaining 2 bytes, so it can be at most 65535");
    message("http://1.2.3.09/", "\"09\" is not a number (a part may be decimal, hex starting with 0x, or octal starting with 0)");
    // InvalidIpv6Address
    message("http://[::1/", "The IPv6 address \"[::1\" has no closing \"]\".");
    message("http://[1:2:3]/", "\"[1:2:3]\" is not a valid IPv6 address: it needs up to eight groups of at most four hex digits separated by \":\", and a single \"::\" may stand for a run of zero groups, for example [::1] or [2001:db8::1].");
    // Forbidden host characters
    message("http://exa mple.com/", "The host \"exa mple.com\" contains a space, which is not allowed in a host name. Host names are made of letters, digits, hyphens and dots.");
    message("http://a<b/", "contains the character \"<\"");
    message("http://a%20b/", "contains a space (after %-decoding)");
    message("http://a%25b/", "contains a percent sign (%) (after %-decoding)");
    message("http://a%01b/", "contains the control character U+0001 (after %-decoding)");
    message("foo://a\\b/", "contains the character \"\\\"");
    message("file://host:80/", "file: URLs have no port, so the \":\" in the host \"host:80\" is not allowed.");
    // IdnaError
    message("http://a.b.c.xn--pokxncvks/", "The host \"a.b.c.xn--pokxncvks\" is not a valid internationalised domain name: the label xn--pokxncvks starts with xn-- but is not valid punycode, or decodes to characters a domain may not use.");
    message("http://\u{fdd0}zyx.com/", "is not a valid internationalised domain name: it contains characters domain names may not use");
}

#[test]
fn kinds_no_typed_url_meets_in_english() {
    use_from_disk(Locale::En, &[Page::Origin]);
    for (kind, text) in [
        (UrlErrorKind::TooLong, "This URL is too long: the parser handles URLs of up to 4 GB."),
        (UrlErrorKind::PortInvalid, "The port is not valid: it must be a number from 0 to 65535."),
        (UrlErrorKind::BadHostChar { host: "a".into() }, "The host \"a\" contains a character that is not allowed in a host name, such as a space, <, >, ^, | or %."),
        (UrlErrorKind::BadIdn { host: "a".into() }, "The host \"a\" is not a valid domain name under the IDNA rules (for example a label is malformed)."),
        (UrlErrorKind::Other { parser_says: "x".into() }, "The URL could not be parsed: x."),
        (UrlErrorKind::Ipv4 { host: "1".into(), problem: Ipv4Problem::General }, "it needs at most four numbers from 0 to 255 separated by dots, such as 192.168.0.1."),
    ] {
        assert!(error(&kind).string().contains(text), "{kind:?}: {}", error(&kind).string());
    }
}

#[test]
fn hints_in_english() {
    hinted("example.com/path", "Did you mean https://example.com/path ?");
    hinted("127.0.0.1:8080", "Did you mean http://127.0.0.1:8080 ?");
    hinted("/path", "Type a whole URL that starts with a scheme, for example https://example.com/ .");
    hinted("http://::1/", "Did you mean http://[::1]/ ?");
    hinted("http://example.com:1:2/", "An IPv6 address must be written in square brackets, for example http://[::1]:8080/ .");
}

#[test]
fn the_suffix_list_s_failures_in_english() {
    use_from_disk(Locale::En, &[Page::Origin]);
    for (error, text) in [
        (ListError::RequestFailed, "the request for /psl/public_suffix_list.dat failed"),
        (ListError::Status(404), "/psl/public_suffix_list.dat answered with status 404"),
        (ListError::Unreadable, "/psl/public_suffix_list.dat could not be read"),
        (ListError::NotTheList(NotTheList::NoRules), "/psl/public_suffix_list.dat is not a Public Suffix List: no rules in it"),
        (ListError::NotTheList(NotTheList::RuleBeforeIcannSection { rule: "<!doctype".into() }), "/psl/public_suffix_list.dat is not a Public Suffix List: <!doctype comes before the ICANN section"),
    ] {
        assert_eq!(list_error(&error).string(), text);
    }
}

#[test]
fn notes_and_errors_in_traditional_chinese() {
    assert_eq!(
        notes(Locale::ZhTw, "http://example.com:80/"),
        [":80 是 http 的預設連接埠，所以會被省略：不論有沒有寫，來源 http://example.com 都一樣。"]
    );
    assert_eq!(
        failure(Locale::ZhTw, "example.com"),
        ("開頭沒有協定（例如 https:），所以解析器把它當成相對 URL，而這裡沒有可以拿來解析它的頁面。".to_owned(), "你是不是要輸入 https://example.com？".to_owned())
    );
    assert_eq!(
        failure(Locale::ZhTw, "http://1.2.3.999/").0,
        "主機 1.2.3.999 以數字結尾，所以瀏覽器把它當成 IPv4 位址來讀，但它不是有效的 IPv4 位址：999 太大了：4 段中的最後一段只剩 1 個位元組可填，所以最大只能是 255。"
    );
    // Every note these URLs meet has words, none of them English's.
    for input in NOTED {
        let chinese = notes(Locale::ZhTw, input);
        let english = notes(Locale::En, input);
        assert!(!chinese.is_empty(), "{input:?}");
        for (zh, en) in chinese.iter().zip(&english) {
            assert!(!zh.is_empty() && zh != en, "{input:?}: {zh:?}");
        }
    }
}
