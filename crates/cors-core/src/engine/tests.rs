//! The engine, rule by rule. Expected values were checked against Chromium
//! 156 driving the demo server (arrivals, what JavaScript got, the console).

use super::preflight::{max_age_cap, max_age_seconds};
use super::safelist::{
    cors_unsafe_request_header_names, is_cors_safelisted_request_header,
    is_forbidden_request_header, normalize_method,
};
use super::*;
use crate::scenario::{
    Acao, Answer, Credentials, JsObservation, Mode, Redirect, RedirectMode, RequestSpec,
    ServerSpec, Target,
};

fn env() -> Env {
    Env::demo_defaults(true)
}

fn get() -> RequestSpec {
    RequestSpec::default()
}

fn method(m: &str) -> RequestSpec {
    RequestSpec {
        method: m.to_owned(),
        ..RequestSpec::default()
    }
}

fn with_headers(mut r: RequestSpec, headers: &[(&str, &str)]) -> RequestSpec {
    r.headers = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    r
}

fn acao(a: Acao) -> Answer {
    Answer {
        acao: a,
        ..Answer::default()
    }
}

fn echo() -> Answer {
    acao(Acao::Echo)
}

fn server(preflight: Answer, actual: Answer) -> ServerSpec {
    ServerSpec { preflight, actual }
}

fn redirect(status: u16, to: Target, then: ServerSpec) -> Option<Box<Redirect>> {
    Some(Box::new(Redirect { status, to, then }))
}

fn run(id: &str, request: RequestSpec, server: ServerSpec, repeat: u8) -> Vec<Prediction> {
    let scenario = Scenario {
        id: id.to_owned(),
        request,
        server,
        repeat,
    };
    predict(&scenario, &env())
}

fn once(request: RequestSpec, server: ServerSpec) -> Prediction {
    run("t", request, server, 1).remove(0)
}

/// Arrivals as `target:METHOD`, `!` for a preflight, `+c` with the cookie.
fn arrivals(p: &Prediction) -> String {
    p.observation
        .arrived
        .iter()
        .map(|a| {
            let target = crate::scenario::target_word(a.target);
            format!(
                "{target}:{}{}{}",
                a.method,
                if a.preflight { "!" } else { "" },
                if a.cookie { "+c" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What JavaScript got: `rejected`, or `type status [headers] body|empty`.
fn js(p: &Prediction) -> String {
    match &p.observation.js {
        JsObservation::Rejected => "rejected".to_owned(),
        JsObservation::Response {
            status,
            response_type,
            headers,
            body_readable,
        } => format!(
            "{response_type} {status} [{}] {}",
            headers.join(","),
            if *body_readable { "body" } else { "empty" }
        ),
    }
}

/// One scenario: expected arrivals and what JavaScript got.
fn check(
    request: RequestSpec,
    server: ServerSpec,
    want_arrivals: &str,
    want_js: &str,
) -> Prediction {
    let p = once(request.clone(), server.clone());
    assert_eq!(
        (arrivals(&p).as_str(), js(&p).as_str()),
        (want_arrivals, want_js),
        "request {request:?}\nserver {server:?}\nsteps {:#?}",
        p.steps
    );
    p
}

const SAFE: &str = "cache-control,content-length,content-type";

// ---------------------------------------------------------------- safelists

#[test]
fn cors_safelisted_request_headers() {
    let long = "a".repeat(128);
    let too_long = "a".repeat(129);
    let cases: &[(&str, &str, bool)] = &[
        ("Accept", "application/json", true),
        ("accept", "*/*", true),
        ("Accept", &long, true),
        ("Accept", &too_long, false),
        ("Accept", "text/html(x)", false),
        ("Accept", "a\"b", false),
        ("Accept-Language", "en-US,fr;q=0.5", true),
        ("Accept-Language", "en_US", false),
        ("Content-Language", "de-DE", true),
        ("Content-Language", "\u{e9}", false),
        ("Content-Type", "text/plain", true),
        ("Content-Type", "TEXT/PLAIN", true),
        ("Content-Type", "text/plain;charset=UTF-8", true),
        ("Content-Type", "text/plain ; charset=utf-8", true),
        ("Content-Type", "multipart/form-data; boundary=x", true),
        ("Content-Type", "application/x-www-form-urlencoded", true),
        ("Content-Type", "application/json", false),
        ("Content-Type", "application/xml", false),
        ("Content-Type", "text/plain; charset=\"utf-8\"", false),
        ("Content-Type", "text /plain", false),
        ("Content-Type", "text/ plain", false),
        ("Content-Type", "text/plain,text/html", false),
        ("Content-Type", "text/plain2", false),
        ("Content-Type", "1", false),
        ("Range", "bytes=0-5", true),
        ("Range", "bytes=0-", true),
        ("Range", "bytes=-5", false),
        ("Range", "bytes=5-1", false),
        ("Range", "bytes=0-1,3-4", false),
        ("Range", "items=0-1", false),
        ("Range", "bytes= 0-1", false),
        // Chromium's own additions (no preflight in Chromium 156).
        ("DPR", "2", true),
        ("DPR", "1.5", true),
        ("DPR", "1.5x", false),
        ("Width", "100", true),
        ("Width", "1.5", false),
        ("Viewport-Width", "5", true),
        ("Device-Memory", "8", true),
        ("RTT", "50", true),
        ("Downlink", "1.5", true),
        ("ECT", "4g", true),
        ("ECT", "5g", false),
        ("Save-Data", "on", true),
        ("Save-Data", "off", false),
        ("Intervention", "anything", true),
        ("X-Custom", "1", false),
        ("Authorization", "Bearer abc", false),
    ];
    for &(name, value, want) in cases {
        assert_eq!(
            is_cors_safelisted_request_header(name, value),
            want,
            "{name}: {value}"
        );
    }
}

#[test]
fn safelisted_values_over_1024_bytes_make_all_unsafe() {
    let letters = "a".repeat(128);
    let digits = "1".repeat(128);
    let mut headers: Vec<(String, String)> = [
        ("Accept", &letters),
        ("Accept-Language", &letters),
        ("Content-Language", &letters),
        ("Intervention", &letters),
        ("DPR", &digits),
        ("Width", &digits),
        ("Viewport-Width", &digits),
        ("RTT", &digits),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).clone()))
    .collect();
    // 8 × 128 = 1024 bytes: still fine.
    assert!(cors_unsafe_request_header_names(&headers).is_empty());
    // One more byte and every safelisted header counts as unsafe.
    headers.push(("Device-Memory".to_owned(), "1".to_owned()));
    assert_eq!(cors_unsafe_request_header_names(&headers).len(), 9);
}

#[test]
fn forbidden_request_headers() {
    let cases: &[(&str, &str, bool)] = &[
        ("Cookie", "a=b", true),
        ("Origin", "http://evil", true),
        ("Host", "x", true),
        ("Content-Length", "5", true),
        ("User-Agent", "me", true), // Chromium only (crbug.com/571722)
        ("Sec-Custom", "1", true),
        ("Proxy-Authorization", "x", true),
        ("Referer", "x", true),
        ("X-HTTP-Method-Override", "GET, trace", true),
        ("X-HTTP-Method-Override", "PUT", false),
        ("X-Custom", "1", false),
        ("Authorization", "x", false),
    ];
    for &(name, value, want) in cases {
        assert_eq!(is_forbidden_request_header(name, value), want, "{name}");
    }
}

#[test]
fn method_normalization() {
    let cases = [
        ("get", "GET"),
        ("Post", "POST"),
        ("delete", "DELETE"),
        ("options", "OPTIONS"),
        ("put", "PUT"),
        ("head", "HEAD"),
        ("patch", "patch"),
        ("PATCH", "PATCH"),
        ("Foo", "Foo"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_method(input), want, "{input}");
    }
}

#[test]
fn max_age_parsing() {
    use crate::browser::Engine::{Chromium, Gecko, WebKit};
    let cases = [
        (None, 5),
        (Some("600"), 600),
        (Some("0"), 0),
        (Some("-1"), 0),
        (Some("-0"), 0),
        (Some("abc"), 5),
        (Some(""), 5),
        (Some("+5"), 5),
        (Some("5.5"), 5),
        (Some("99999"), 7200),
        (Some("99999999999999999999"), 5),
    ];
    for (value, want) in cases {
        assert_eq!(max_age_seconds(value, Chromium), want, "{value:?}");
    }
    // Each engine's own cap.
    assert_eq!(max_age_seconds(Some("7200"), Chromium), 7200);
    assert_eq!(max_age_seconds(Some("7201"), Chromium), 7200);
    assert_eq!(max_age_seconds(Some("86400"), Gecko), 86_400);
    assert_eq!(max_age_seconds(Some("99999"), Gecko), 86_400);
    assert_eq!(max_age_seconds(Some("600"), WebKit), 600);
    assert_eq!(max_age_seconds(Some("700"), WebKit), 600);
    assert_eq!(max_age_seconds(Some("99999"), WebKit), 600);
    assert_eq!(
        [Chromium, Gecko, WebKit].map(max_age_cap),
        [7200, 86_400, 600]
    );
    // Firefox reads digits only, capping as it goes: a sign or a letter and
    // nothing is cached; a number too long for an integer is the cap.
    for (value, want) in [
        (None, 5),
        (Some(""), 5),
        (Some("600"), 600),
        (Some("0"), 0),
        (Some("-1"), 0),
        (Some("+5"), 0),
        (Some("abc"), 0),
        (Some("5.5"), 0),
        (Some("99999999999999999999"), 86_400),
    ] {
        assert_eq!(max_age_seconds(value, Gecko), want, "Firefox {value:?}");
    }
    // WebKit: like Chromium below its own cap.
    for (value, want) in [
        (None, 5),
        (Some("abc"), 5),
        (Some("-1"), 0),
        (Some("300"), 300),
    ] {
        assert_eq!(max_age_seconds(value, WebKit), want, "WebKit {value:?}");
    }
}

/// The lab says each engine's cap: a Max-Age above WebKit's 600 seconds is
/// cached for 600 in Safari, and in full (up to their caps) in the others.
#[test]
fn a_long_max_age_is_cut_to_each_engine_s_cap() {
    use crate::browser::Engine::{Chromium, Gecko, WebKit};
    let spec = server(
        Answer {
            acam: Some("PUT".to_owned()),
            max_age: Some("100000".to_owned()),
            ..echo()
        },
        echo(),
    );
    let scenario = Scenario {
        id: "long-max-age".to_owned(),
        request: method("PUT"),
        server: spec,
        repeat: 1,
    };
    for (engine, want) in [(Chromium, 7200), (Gecko, 86_400), (WebKit, 600)] {
        let p = predict_in(engine, &scenario, &env()).remove(0);
        let seconds = p.steps.iter().find_map(|s| match &s.fact {
            Fact::PreflightStored {
                cache: CacheNote::Cached { seconds },
                ..
            } => Some(*seconds),
            _ => None,
        });
        assert_eq!(seconds, Some(want), "{engine:?}");
    }
}

#[test]
fn request_url_is_what_chrome_prints() {
    let spec = server(
        Answer {
            acah: Some("x-a, x-b".to_owned()),
            ..echo()
        },
        Answer {
            acao: Acao::Value("http://x y".to_owned()),
            ..Answer::default()
        },
    );
    assert_eq!(
        request_url(&env(), Target::Api, "case 1", &spec),
        "http://localhost:8081/cors?case=case+1&p.acao=echo&p.acah=x-a%2C+x-b&a.acao=value%3Ahttp%3A%2F%2Fx+y"
    );
    assert_eq!(
        request_url(&env(), Target::ApiAlt, "c", &ServerSpec::default()),
        "http://127.0.0.1:8081/cors?case=c"
    );
    let mut on_80 = env();
    on_80.app_port = 80;
    assert_eq!(on_80.origin_of(Target::App), "http://localhost");
}

// ---------------------------------------------------- simple requests, ACAO

#[test]
fn simple_get_and_the_acao_check() {
    let cases: &[(Acao, Credentials, &str)] = &[
        (Acao::None, Credentials::SameOrigin, "rejected"),
        (
            Acao::Star,
            Credentials::Omit,
            "cors 200 [cache-control,content-length,content-type] body",
        ),
        (Acao::Star, Credentials::Include, "rejected"),
        (
            Acao::Echo,
            Credentials::SameOrigin,
            "cors 200 [cache-control,content-length,content-type] body",
        ),
        (Acao::EchoSlash, Credentials::SameOrigin, "rejected"),
        (Acao::Null, Credentials::SameOrigin, "rejected"),
        (Acao::Other, Credentials::SameOrigin, "rejected"),
        (Acao::EchoAndOther, Credentials::SameOrigin, "rejected"),
        (Acao::TwoLines, Credentials::SameOrigin, "rejected"),
        // `Echo` without ACAC fails with credentials.
        (Acao::Echo, Credentials::Include, "rejected"),
    ];
    for (a, credentials, want) in cases {
        let request = RequestSpec {
            credentials: *credentials,
            ..get()
        };
        let cookie = if *credentials == Credentials::Include {
            "+c"
        } else {
            ""
        };
        check(
            request,
            server(Answer::default(), acao(a.clone())),
            &format!("api:GET{cookie}"),
            want,
        );
    }
}

/// (server answer, credentials) → failure and the exact console messages.
#[test]
fn failure_kinds_and_console_messages() {
    let url = "http://localhost:8081/cors?case=t";
    let page = "http://localhost:8080";
    let blocked = |rest: &str| {
        format!("Access to fetch at '{url}{rest}' from origin '{page}' has been blocked by CORS policy: ")
    };
    let ff = |rest: &str| {
        format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}{rest}. (Reason: ")
    };
    struct Case {
        request: RequestSpec,
        server: ServerSpec,
        failure: Failure,
        chrome: String,
        firefox: String,
    }
    let put = || method("PUT");
    let cases = vec![
        Case {
            request: get(),
            server: ServerSpec::default(),
            failure: Failure::NoAcao { on: Stage::Response, status: 200 },
            chrome: blocked("") + "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            firefox: ff("") + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.",
        },
        Case {
            request: get(),
            server: server(Answer::default(), acao(Acao::TwoLines)),
            failure: Failure::MultipleAcao {
                on: Stage::Response,
                value: "http://localhost:8080, http://localhost:8080".to_owned(),
                lines: 2,
            },
            chrome: blocked("&a.acao=two-lines") + "The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:8080, http://localhost:8080', but only one is allowed. Have the server send the header with a valid value.",
            firefox: ff("&a.acao=two-lines") + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://localhost:8080, http://localhost:8080’).",
        },
        Case {
            request: get(),
            server: server(Answer::default(), acao(Acao::EchoAndOther)),
            failure: Failure::MultipleAcao {
                on: Stage::Response,
                value: "http://localhost:8080, https://other.example".to_owned(),
                lines: 1,
            },
            chrome: blocked("&a.acao=echo-and-other") + "The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:8080, https://other.example', but only one is allowed. Have the server send the header with a valid value.",
            firefox: ff("&a.acao=echo-and-other") + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://localhost:8080, https://other.example’).",
        },
        Case {
            request: get(),
            server: server(Answer::default(), acao(Acao::EchoSlash)),
            failure: Failure::AcaoMismatch { on: Stage::Response, value: "http://localhost:8080/".to_owned() },
            chrome: blocked("&a.acao=echo-slash") + "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:8080/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
            firefox: ff("&a.acao=echo-slash") + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://localhost:8080/’).",
        },
        Case {
            request: get(),
            server: server(Answer::default(), acao(Acao::Null)),
            failure: Failure::AcaoMismatch { on: Stage::Response, value: "null".to_owned() },
            chrome: blocked("&a.acao=null") + "The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin. Have the server send the header with a valid value.",
            firefox: ff("&a.acao=null") + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘null’).",
        },
        Case {
            request: get(),
            server: server(Answer::default(), acao(Acao::Value("foo".to_owned()))),
            failure: Failure::InvalidAcao { on: Stage::Response, value: "foo".to_owned() },
            chrome: blocked("&a.acao=value%3Afoo") + "The 'Access-Control-Allow-Origin' header contains the invalid value 'foo'. Have the server send the header with a valid value.",
            firefox: ff("&a.acao=value%3Afoo") + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘foo’).",
        },
        Case {
            request: RequestSpec { credentials: Credentials::Include, ..get() },
            server: server(Answer::default(), acao(Acao::Star)),
            failure: Failure::WildcardWithCredentials { on: Stage::Response },
            chrome: blocked("&a.acao=star") + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
            firefox: format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘{url}&a.acao=star’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."),
        },
        Case {
            request: RequestSpec { credentials: Credentials::Include, ..get() },
            server: server(Answer::default(), Answer { acac: Some("tr\u{e9}".to_owned()), ..echo() }),
            failure: Failure::AcacNotTrue { on: Stage::Response, value: Some("tr\u{e9}".to_owned()) },
            chrome: blocked("&a.acao=echo&a.acac=tr%C3%A9") + "The value of the 'Access-Control-Allow-Credentials' header in the response is 'tr\\u00C3\\u00A9' which must be 'true' when the request's credentials mode is 'include'.",
            firefox: ff("&a.acao=echo&a.acac=tr%C3%A9") + "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).",
        },
        Case {
            request: RequestSpec { credentials: Credentials::Include, ..get() },
            server: server(Answer::default(), echo()),
            failure: Failure::AcacNotTrue { on: Stage::Response, value: None },
            chrome: blocked("&a.acao=echo") + "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
            firefox: ff("&a.acao=echo") + "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).",
        },
        // Preflight failures: ACAO is checked before the status.
        Case {
            request: put(),
            server: server(Answer { status: 404, ..Answer::default() }, echo()),
            failure: Failure::NoAcao { on: Stage::Preflight, status: 404 },
            chrome: blocked("&p.status=404&a.acao=echo") + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            firefox: ff("&p.status=404&a.acao=echo") + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404.",
        },
        Case {
            request: put(),
            server: server(Answer { status: 404, ..echo() }, echo()),
            failure: Failure::PreflightNotOk { status: 404 },
            chrome: blocked("&p.status=404&p.acao=echo&a.acao=echo") + "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
            firefox: ff("&p.status=404&p.acao=echo&a.acao=echo") + "CORS preflight response did not succeed). Status code: 404.",
        },
        Case {
            request: RequestSpec { credentials: Credentials::Include, ..put() },
            server: server(Answer { acac: Some("true".to_owned()), ..acao(Acao::Star) }, echo()),
            failure: Failure::WildcardWithCredentials { on: Stage::Preflight },
            chrome: blocked("&p.acao=star&p.acac=true&a.acao=echo") + "Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
            firefox: format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘{url}&p.acao=star&p.acac=true&a.acao=echo’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."),
        },
        Case {
            request: put(),
            server: server(Answer { redirect: redirect(307, Target::Api, ServerSpec::default()), ..echo() }, echo()),
            failure: Failure::PreflightRedirect { status: 307 },
            chrome: blocked("&p.acao=echo&p.r.status=307&p.r.to=api&a.acao=echo") + "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.",
            firefox: ff("&p.acao=echo&p.r.status=307&p.r.to=api&a.acao=echo") + "CORS request external redirect not allowed).",
        },
        Case {
            request: method("patch"),
            server: server(Answer { acam: Some("PATCH".to_owned()), ..echo() }, echo()),
            failure: Failure::MethodNotAllowed { method: "patch".to_owned() },
            chrome: blocked("&p.acao=echo&p.acam=PATCH&a.acao=echo") + "Method patch is not allowed by Access-Control-Allow-Methods in preflight response.",
            firefox: ff("&p.acao=echo&p.acam=PATCH&a.acao=echo") + "Did not find method in CORS header ‘Access-Control-Allow-Methods’).",
        },
        Case {
            request: put(),
            server: server(Answer { acam: Some("GET; PUT".to_owned()), ..echo() }, echo()),
            failure: Failure::InvalidAcam { value: "GET; PUT".to_owned(), token: "GET; PUT".to_owned() },
            chrome: blocked("&p.acao=echo&p.acam=GET%3B+PUT&a.acao=echo") + "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
            firefox: ff("&p.acao=echo&p.acam=GET%3B+PUT&a.acao=echo") + "invalid token ‘GET; PUT’ in CORS header ‘Access-Control-Allow-Methods’).",
        },
        Case {
            request: with_headers(get(), &[("X-Custom", "1")]),
            server: server(Answer { acah: Some("x-custom x-other".to_owned()), ..echo() }, echo()),
            failure: Failure::InvalidAcah { value: "x-custom x-other".to_owned(), token: "x-custom x-other".to_owned() },
            chrome: blocked("&p.acao=echo&p.acah=x-custom+x-other&a.acao=echo") + "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
            firefox: ff("&p.acao=echo&p.acah=x-custom+x-other&a.acao=echo") + "invalid token ‘x-custom x-other’ in CORS header ‘Access-Control-Allow-Headers’).",
        },
        Case {
            request: with_headers(get(), &[("X-Custom", "1"), ("Authorization", "Bearer abc")]),
            server: server(echo(), echo()),
            failure: Failure::HeaderNotAllowed { name: "x-custom".to_owned() },
            chrome: blocked("&p.acao=echo&a.acao=echo") + "Request header field x-custom is not allowed by Access-Control-Allow-Headers in preflight response.",
            firefox: ff("&p.acao=echo&a.acao=echo") + "header ‘x-custom’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).",
        },
    ];
    for case in cases {
        let p = once(case.request.clone(), case.server.clone());
        assert_eq!(
            p.failure.as_ref(),
            Some(&case.failure),
            "{:?} {:?}",
            case.request,
            case.server
        );
        assert_eq!(p.console, [case.chrome]);
        assert_eq!(p.js_error.as_deref(), Some("TypeError: Failed to fetch"));
        assert_eq!(p.observation.js, JsObservation::Rejected);
        // Firefox's first line; its reason names the header Firefox picks
        // (the first unlisted in sorted order).
        let scenario = Scenario {
            id: "t".to_owned(),
            request: case.request.clone(),
            server: case.server.clone(),
            repeat: 1,
        };
        let f = crate::engine::predict_in(
            crate::browser::Engine::Gecko,
            &scenario,
            &Env::demo_defaults(false),
        )
        .remove(0);
        let firefox = case.firefox.replace(
            "header ‘x-custom’ is not allowed",
            "header ‘authorization’ is not allowed",
        );
        assert_eq!(f.console.first(), Some(&firefox));
        assert_eq!(
            f.js_error.as_deref(),
            Some("TypeError: NetworkError when attempting to fetch resource.")
        );
    }
}

// ---------------------------------------------------------------- preflight

#[test]
fn preflight_reasons_name_method_and_sorted_headers() {
    let p = once(
        with_headers(
            method("put"),
            &[
                ("X-Zeta", "1"),
                ("Content-Type", "application/json"),
                ("Accept", "x"),
            ],
        ),
        server(
            Answer {
                acam: Some("PUT".to_owned()),
                acah: Some("x-zeta, content-type".to_owned()),
                ..echo()
            },
            echo(),
        ),
    );
    assert_eq!(
        p.preflight,
        PreflightNeed::Needed {
            reasons: vec![
                PreflightReason::Method {
                    method: "PUT".to_owned()
                },
                PreflightReason::Header {
                    name: "content-type".to_owned()
                },
                PreflightReason::Header {
                    name: "x-zeta".to_owned()
                },
            ]
        }
    );
    assert_eq!(arrivals(&p), "api:OPTIONS! api:PUT");
    let preflight = &p.sent[0];
    assert_eq!(
        preflight.headers,
        [
            ("Origin".to_owned(), "http://localhost:8080".to_owned()),
            ("Access-Control-Request-Method".to_owned(), "PUT".to_owned()),
            (
                "Access-Control-Request-Headers".to_owned(),
                "content-type,x-zeta".to_owned()
            ),
        ]
    );
}

#[test]
fn simple_requests_need_no_preflight() {
    for request in [
        get(),
        method("HEAD"),
        RequestSpec {
            body: Some("x".to_owned()),
            ..method("post")
        },
        with_headers(
            method("POST"),
            &[("Content-Type", "text/plain;charset=utf-8")],
        ),
        with_headers(
            get(),
            &[
                ("Accept", "application/json"),
                ("Content-Language", "en"),
                ("DPR", "2"),
            ],
        ),
        // Forbidden headers are dropped before CORS looks at the request.
        with_headers(
            get(),
            &[
                ("Cookie", "a=b"),
                ("User-Agent", "me"),
                ("Sec-Foo", "1"),
                ("Origin", "x"),
            ],
        ),
    ] {
        let p = once(request.clone(), server(Answer::default(), acao(Acao::Star)));
        assert_eq!(
            p.preflight,
            PreflightNeed::NotNeeded {
                why: NoPreflightWhy::SafelistedRequest
            },
            "{request:?}"
        );
        assert!(p.observation.arrived.iter().all(|a| !a.preflight));
    }
}

#[test]
fn preflight_methods() {
    // (method, ACAM, credentials, allowed)
    let cases: &[(&str, Option<&str>, Credentials, bool)] = &[
        ("PUT", None, Credentials::Omit, false),
        ("PUT", Some("PUT, DELETE, PATCH"), Credentials::Omit, true),
        ("put", Some("put"), Credentials::Omit, false), // normalized to PUT
        ("PUT", Some("put, delete"), Credentials::Omit, false),
        ("PATCH", Some("PUT, DELETE, PATCH"), Credentials::Omit, true),
        (
            "patch",
            Some("PUT, DELETE, PATCH"),
            Credentials::Omit,
            false,
        ),
        ("patch", Some("patch"), Credentials::Omit, true),
        ("DELETE", Some("*"), Credentials::Omit, true),
        ("DELETE", Some("*"), Credentials::Include, false),
        ("DELETE", Some("PUT, *"), Credentials::Omit, true),
        ("options", Some("OPTIONS"), Credentials::Omit, true),
        ("PUT", Some(",, PUT ,"), Credentials::Omit, true),
    ];
    for &(m, acam, credentials, allowed) in cases {
        let preflight = Answer {
            acam: acam.map(str::to_owned),
            acac: Some("true".to_owned()),
            ..echo()
        };
        let actual = Answer {
            acac: Some("true".to_owned()),
            ..echo()
        };
        let p = once(
            RequestSpec {
                credentials,
                ..method(m)
            },
            server(preflight, actual),
        );
        let ok = !matches!(p.observation.js, JsObservation::Rejected);
        assert_eq!(
            ok, allowed,
            "{m} with ACAM {acam:?} ({credentials:?}): {:?}",
            p.failure
        );
        if !allowed {
            assert!(
                matches!(p.failure, Some(Failure::MethodNotAllowed { .. })),
                "{:?}",
                p.failure
            );
        }
    }
}

#[test]
fn preflight_headers() {
    // (headers, ACAH, credentials, allowed)
    type Headers<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(Headers, Option<&str>, Credentials, bool)] = &[
        (&[("X-Custom", "1")], None, Credentials::Omit, false),
        (
            &[("X-Custom", "1")],
            Some("x-custom"),
            Credentials::Omit,
            true,
        ),
        (
            &[("X-Custom", "1")],
            Some("X-CUSTOM"),
            Credentials::Omit,
            true,
        ),
        (&[("X-Custom", "1")], Some("*"), Credentials::Omit, true),
        (&[("X-Custom", "1")], Some("*"), Credentials::Include, false),
        (
            &[("X-Custom", "1")],
            Some("x-custom, *"),
            Credentials::Include,
            true,
        ),
        // Chromium 156: `*` covers Authorization too (the standard says it must not).
        (
            &[("Authorization", "Bearer abc")],
            Some("*"),
            Credentials::Omit,
            true,
        ),
        (
            &[("Authorization", "Bearer abc")],
            Some("authorization"),
            Credentials::Include,
            true,
        ),
        (
            &[("X-Custom", "1"), ("Authorization", "x")],
            Some("X-CUSTOM, authorization"),
            Credentials::Include,
            true,
        ),
        (
            &[("X-Custom", "1"), ("Authorization", "x")],
            Some("authorization"),
            Credentials::Omit,
            false,
        ),
        (
            &[("Content-Type", "application/json")],
            Some("content-type"),
            Credentials::Omit,
            true,
        ),
        (
            &[("Range", "bytes=-5")],
            Some("content-type"),
            Credentials::Omit,
            false,
        ),
    ];
    for &(headers, acah, credentials, allowed) in cases {
        let preflight = Answer {
            acah: acah.map(str::to_owned),
            acac: Some("true".to_owned()),
            ..echo()
        };
        let actual = Answer {
            acac: Some("true".to_owned()),
            ..echo()
        };
        let p = once(
            RequestSpec {
                credentials,
                ..with_headers(get(), headers)
            },
            server(preflight, actual),
        );
        let ok = !matches!(p.observation.js, JsObservation::Rejected);
        assert_eq!(
            ok, allowed,
            "{headers:?} with ACAH {acah:?} ({credentials:?}): {:?}",
            p.failure
        );
    }
}

#[test]
fn preflight_cache_reuse_and_max_age() {
    // (Max-Age, second run's arrivals)
    let cases: &[(Option<&str>, &str)] = &[
        (None, "api:PUT"),
        (Some("600"), "api:PUT"),
        (Some("1"), "api:PUT"),
        (Some("abc"), "api:PUT"),
        (Some("0"), "api:OPTIONS! api:PUT"),
        (Some("-1"), "api:OPTIONS! api:PUT"),
    ];
    for &(max_age, second) in cases {
        let preflight = Answer {
            acam: Some("PUT".to_owned()),
            max_age: max_age.map(str::to_owned),
            ..echo()
        };
        let runs = run("cache", method("PUT"), server(preflight, echo()), 2);
        assert_eq!(arrivals(&runs[0]), "api:OPTIONS! api:PUT", "{max_age:?}");
        assert_eq!(arrivals(&runs[1]), second, "{max_age:?}");
        if second == "api:PUT" {
            assert!(matches!(runs[1].preflight, PreflightNeed::Cached { .. }));
        }
    }
}

#[test]
fn cached_preflight_covers_only_what_it_allowed() {
    // A non-credentialed result does not cover a credentialed request; `*`
    // is not a wildcard with credentials.
    let preflight = Answer {
        acam: Some("*".to_owned()),
        acac: Some("true".to_owned()),
        max_age: Some("600".to_owned()),
        ..echo()
    };
    let actual = Answer {
        acac: Some("true".to_owned()),
        ..echo()
    };
    let runs = run(
        "creds",
        RequestSpec {
            credentials: Credentials::Include,
            ..method("PUT")
        },
        server(preflight, actual),
        2,
    );
    assert_eq!(arrivals(&runs[0]), "api:OPTIONS!");
    assert_eq!(arrivals(&runs[1]), "api:OPTIONS!");
    // A failed preflight is not cached either.
    let runs = run("fail", method("PUT"), server(echo(), echo()), 2);
    assert_eq!(arrivals(&runs[1]), "api:OPTIONS!");
}

// ------------------------------------------------------------ request modes

#[test]
fn no_cors_sends_simple_requests_and_gets_opaque_responses() {
    let no_cors = |r: RequestSpec| RequestSpec {
        mode: Mode::NoCors,
        ..r
    };
    check(
        no_cors(get()),
        ServerSpec::default(),
        "api:GET",
        "opaque 0 [] empty",
    );
    check(
        no_cors(get()),
        server(Answer::default(), echo()),
        "api:GET",
        "opaque 0 [] empty",
    );
    let p = check(
        no_cors(with_headers(
            RequestSpec {
                body: Some("x".to_owned()),
                ..method("POST")
            },
            &[
                ("X-Custom", "1"),
                ("Content-Type", "application/json"),
                ("User-Agent", "me"),
            ],
        )),
        ServerSpec::default(),
        "api:POST",
        "opaque 0 [] empty",
    );
    // Both headers dropped; the string body brings text/plain.
    assert_eq!(
        p.sent[0].headers,
        [
            (
                "Content-Type".to_owned(),
                "text/plain;charset=UTF-8".to_owned()
            ),
            ("Origin".to_owned(), "http://localhost:8080".to_owned()),
        ]
    );
    assert_eq!(
        p.preflight,
        PreflightNeed::NotNeeded {
            why: NoPreflightWhy::NoCorsMode
        }
    );
    // Same-origin no-cors is a basic response.
    check(
        RequestSpec {
            target: Target::App,
            ..no_cors(get())
        },
        ServerSpec::default(),
        "app:GET+c",
        "basic 200 [cache-control,content-length,content-type,date] body",
    );
    // Only GET, HEAD and POST.
    let p = check(
        no_cors(method("PUT")),
        ServerSpec::default(),
        "",
        "rejected",
    );
    assert_eq!(
        p.js_error.as_deref(),
        Some("TypeError: Failed to execute 'fetch' on 'Window': 'PUT' is unsupported in no-cors mode.")
    );
    assert!(p.console.is_empty());
    // Cross-origin no-cors only follows redirects.
    let p = check(
        RequestSpec {
            redirect: RedirectMode::Manual,
            ..no_cors(get())
        },
        ServerSpec::default(),
        "",
        "rejected",
    );
    assert_eq!(
        p.console.first().map(String::as_str),
        Some("Fetch API cannot load http://localhost:8081/cors?case=t. Request mode is \"no-cors\" but the redirect mode is not \"follow\".")
    );
}

#[test]
fn same_origin_mode() {
    let so = |target| RequestSpec {
        mode: Mode::SameOrigin,
        target,
        ..get()
    };
    check(
        so(Target::App),
        ServerSpec::default(),
        "app:GET+c",
        "basic 200 [cache-control,content-length,content-type,date] body",
    );
    let p = check(
        so(Target::Api),
        server(Answer::default(), acao(Acao::Star)),
        "",
        "rejected",
    );
    assert_eq!(
        p.console.first().map(String::as_str),
        Some("Fetch API cannot load http://localhost:8081/cors?case=t&a.acao=star. Request mode is \"same-origin\" but the URL's origin is not same as the request origin http://localhost:8080.")
    );
    // A redirect away from the page's origin is not followed.
    let away = server(
        Answer::default(),
        Answer {
            redirect: redirect(
                302,
                Target::Api,
                server(Answer::default(), acao(Acao::Star)),
            ),
            ..Answer::default()
        },
    );
    let p = check(so(Target::App), away.clone(), "app:GET+c", "rejected");
    assert!(matches!(
        p.failure,
        Some(Failure::SameOriginModeRedirect { .. })
    ));
    assert_eq!(
        p.console.first().map(String::as_str),
        Some("Unsafe attempt to load URL http://localhost:8081/cors?case=t&a.acao=star from frame with URL http://localhost:8080/. Domains, protocols and ports must match.\n")
    );
    // With redirect "error", Chromium rejects silently.
    let p = check(
        RequestSpec {
            redirect: RedirectMode::Error,
            ..so(Target::App)
        },
        away,
        "app:GET+c",
        "rejected",
    );
    assert!(p.console.is_empty());
}

#[test]
fn same_origin_requests_need_no_cors() {
    let app = |r: RequestSpec| RequestSpec {
        target: Target::App,
        ..r
    };
    let all = "basic 200 [cache-control,content-length,content-type,date,x-secret] body";
    let answer = Answer {
        extra_headers: vec![("X-Secret".to_owned(), "1".to_owned())],
        ..Answer::default()
    };
    check(
        app(with_headers(method("PUT"), &[("X-Custom", "1")])),
        server(Answer::default(), answer.clone()),
        "app:PUT+c",
        all,
    );
    check(
        app(RequestSpec {
            credentials: Credentials::Omit,
            ..get()
        }),
        server(Answer::default(), answer),
        "app:GET",
        all,
    );
}

// --------------------------------------------------------- request errors

#[test]
fn request_constructor_errors() {
    let cases: Vec<(RequestSpec, &str)> = vec![
        (RequestSpec { body: Some(String::new()), ..get() }, "Request with GET/HEAD method cannot have body."),
        (RequestSpec { body: Some("x".to_owned()), ..method("head") }, "Request with GET/HEAD method cannot have body."),
        (method("GE T"), "'GE T' is not a valid HTTP method."),
        (method(""), "'' is not a valid HTTP method."),
        (method("P\u{dc}T"), "'P\u{dc}T' is not a valid HTTP method."),
        (method("trace"), "'trace' HTTP method is unsupported."),
        (method("P\u{20ac}T"), "Failed to read the 'method' property from 'RequestInit': String contains non ISO-8859-1 code point."),
        (with_headers(get(), &[("X-\u{20ac}", "1")]), "Failed to read the 'headers' property from 'RequestInit': String contains non ISO-8859-1 code point."),
        (with_headers(method("P\u{20ac}T"), &[("X", "\u{20ac}")]), "Failed to read the 'headers' property from 'RequestInit': String contains non ISO-8859-1 code point."),
        (with_headers(get(), &[("X Y", "1")]), "Invalid name"),
        (with_headers(get(), &[("", "1")]), "Invalid name"),
        (with_headers(get(), &[("X-A", "a\nb")]), "Invalid value"),
        (with_headers(get(), &[("X-A", "a\0b")]), "Invalid value"),
    ];
    for (request, message) in cases {
        let p = check(request.clone(), ServerSpec::default(), "", "rejected");
        assert_eq!(
            p.js_error,
            Some(format!(
                "TypeError: Failed to execute 'fetch' on 'Window': {message}"
            )),
            "{request:?}"
        );
        assert!(p.console.is_empty());
        assert_eq!(
            p.preflight,
            PreflightNeed::NotNeeded {
                why: NoPreflightWhy::NotSent
            }
        );
    }
    // Surrounding whitespace is trimmed, a control byte other than NUL/CR/LF is fine.
    let p = once(
        with_headers(get(), &[("X-A", " \tpadded\t "), ("X-B", "a\u{1}b")]),
        server(echo(), echo()),
    );
    assert_eq!(p.sent[0].headers[2].1, "x-a,x-b");
}

// ---------------------------------------------------------------- redirects

#[test]
fn redirects() {
    let hop = |status, to, then: ServerSpec, first: Answer| {
        server(
            Answer::default(),
            Answer {
                redirect: redirect(status, to, then),
                ..first
            },
        )
    };
    let then = |a: Answer| server(Answer::default(), a);
    let cors = format!("cors 200 [{SAFE}] body");
    // The redirect itself must pass the CORS check.
    check(
        get(),
        hop(302, Target::Api, then(echo()), Answer::default()),
        "api:GET",
        "rejected",
    );
    // Same origin to same origin: the origin stays.
    check(
        get(),
        hop(302, Target::Api, then(echo()), echo()),
        "api:GET api:GET",
        &cors,
    );
    // To another origin from a foreign one: tainted, `Origin: null`.
    check(
        get(),
        hop(302, Target::Intranet, then(echo()), echo()),
        "api:GET intranet:GET",
        &cors,
    );
    check(
        get(),
        hop(302, Target::Intranet, then(acao(Acao::Null)), echo()),
        "api:GET intranet:GET",
        &cors,
    );
    check(
        get(),
        hop(302, Target::Intranet, then(acao(Acao::Star)), echo()),
        "api:GET intranet:GET",
        &cors,
    );
    let p = check(
        get(),
        hop(302, Target::Intranet, ServerSpec::default(), echo()),
        "api:GET intranet:GET",
        "rejected",
    );
    assert_eq!(
        p.console[0],
        "Access to fetch at 'http://localhost:8082/cors?case=t' (redirected from 'http://localhost:8081/cors?case=t&a.acao=echo&a.r.status=302&a.r.to=intranet') from origin 'http://localhost:8080' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
    );
    assert_eq!(
        p.sent[1].headers,
        [("Origin".to_owned(), "null".to_owned())]
    );
    // Back to the page's own origin: still CORS (the flag sticks), still tainted.
    check(
        get(),
        hop(302, Target::App, then(acao(Acao::Null)), echo()),
        "api:GET app:GET",
        &cors,
    );
    // From the page's origin to another: not tainted, the CORS flag is set there.
    let app = RequestSpec {
        target: Target::App,
        ..get()
    };
    check(
        app.clone(),
        hop(302, Target::Api, then(echo()), Answer::default()),
        "app:GET+c api:GET",
        &cors,
    );
    check(
        app.clone(),
        hop(302, Target::Api, then(acao(Acao::Null)), Answer::default()),
        "app:GET+c api:GET",
        "rejected",
    );
    // api-alt swaps the host; from 127.0.0.1, `to: api` stays there.
    let alt = RequestSpec {
        target: Target::ApiAlt,
        credentials: Credentials::Include,
        ..get()
    };
    let acac = |a: Acao| Answer {
        acac: Some("true".to_owned()),
        ..acao(a)
    };
    check(
        alt.clone(),
        hop(302, Target::Api, then(acac(Acao::Echo)), acac(Acao::Echo)),
        "api-alt:GET api-alt:GET",
        &cors,
    );
    check(
        alt,
        hop(
            302,
            Target::ApiAlt,
            then(acac(Acao::Null)),
            acac(Acao::Echo),
        ),
        "api-alt:GET api:GET+c",
        &cors,
    );
}

#[test]
fn redirect_method_rewrites() {
    let post = || RequestSpec {
        body: Some("hello".to_owned()),
        ..with_headers(method("POST"), &[("Content-Type", "text/plain")])
    };
    for (status, second) in [
        (301, "GET"),
        (302, "GET"),
        (303, "GET"),
        (307, "POST"),
        (308, "POST"),
    ] {
        let spec = server(
            Answer::default(),
            Answer {
                redirect: redirect(
                    status,
                    Target::Api,
                    server(Answer::default(), acao(Acao::Star)),
                ),
                ..acao(Acao::Star)
            },
        );
        check(
            post(),
            spec,
            &format!("api:POST api:{second}"),
            &format!("cors 200 [{SAFE}] body"),
        );
    }
    // A preflighted JSON POST turned into a GET drops Content-Type: no second preflight.
    let json = RequestSpec {
        body: Some("{}".to_owned()),
        ..with_headers(method("POST"), &[("Content-Type", "application/json")])
    };
    let allow_json = Answer {
        acah: Some("content-type".to_owned()),
        ..echo()
    };
    for (status, arrivals) in [
        (302, "api:OPTIONS! api:POST intranet:GET"),
        (303, "api:OPTIONS! api:POST intranet:GET"),
        (307, "api:OPTIONS! api:POST intranet:OPTIONS! intranet:POST"),
    ] {
        let spec = server(
            allow_json.clone(),
            Answer {
                redirect: redirect(status, Target::Intranet, server(allow_json.clone(), echo())),
                ..echo()
            },
        );
        check(
            json.clone(),
            spec,
            arrivals,
            &format!("cors 200 [{SAFE}] body"),
        );
    }
    // HEAD stays HEAD on a 303.
    let spec = server(
        Answer::default(),
        Answer {
            redirect: redirect(
                303,
                Target::Intranet,
                server(Answer::default(), acao(Acao::Star)),
            ),
            ..acao(Acao::Star)
        },
    );
    check(
        method("HEAD"),
        spec,
        "api:HEAD intranet:HEAD",
        &format!("cors 200 [{SAFE}] empty"),
    );
}

#[test]
fn a_cross_origin_redirect_drops_authorization() {
    let allow = |a: Acao| Answer {
        acah: Some("authorization, x-custom".to_owned()),
        ..acao(a)
    };
    let chain = |to| {
        server(
            allow(Acao::Echo),
            Answer {
                redirect: redirect(307, to, server(allow(Acao::Null), acao(Acao::Null))),
                ..echo()
            },
        )
    };
    let cors = format!("cors 200 [{SAFE}] body");
    let auth = with_headers(get(), &[("Authorization", "Bearer abc")]);
    // Across origins: no Authorization, nothing left to preflight.
    check(
        auth.clone(),
        chain(Target::Intranet),
        "api:OPTIONS! api:GET intranet:GET",
        &cors,
    );
    // X-Custom stays and still needs one.
    check(
        with_headers(get(), &[("Authorization", "x"), ("X-Custom", "1")]),
        chain(Target::Intranet),
        "api:OPTIONS! api:GET intranet:OPTIONS! intranet:GET",
        &cors,
    );
    // Within one origin Authorization stays; the new URL is not in the cache.
    let same = server(
        allow(Acao::Echo),
        Answer {
            redirect: redirect(307, Target::Api, server(allow(Acao::Echo), echo())),
            ..echo()
        },
    );
    check(
        auth,
        same,
        "api:OPTIONS! api:GET api:OPTIONS! api:GET",
        &cors,
    );
}

#[test]
fn redirect_modes() {
    let spec = |first: Answer| {
        server(
            Answer::default(),
            Answer {
                redirect: redirect(302, Target::Api, server(Answer::default(), echo())),
                ..first
            },
        )
    };
    let manual = RequestSpec {
        redirect: RedirectMode::Manual,
        ..get()
    };
    let error = RequestSpec {
        redirect: RedirectMode::Error,
        ..get()
    };
    check(
        manual.clone(),
        spec(echo()),
        "api:GET",
        "opaqueredirect 0 [] empty",
    );
    // The redirect response must still pass the CORS check.
    check(
        manual.clone(),
        spec(Answer::default()),
        "api:GET",
        "rejected",
    );
    let p = check(error.clone(), spec(echo()), "api:GET", "rejected");
    assert_eq!(p.failure, Some(Failure::RedirectModeError { status: 302 }));
    assert!(p.console.is_empty());
    let app = |r: RequestSpec| RequestSpec {
        target: Target::App,
        ..r
    };
    check(
        app(manual),
        spec(Answer::default()),
        "app:GET+c",
        "opaqueredirect 0 [] empty",
    );
    check(app(error), spec(Answer::default()), "app:GET+c", "rejected");
    // A 3xx without Location is no redirect, but "manual" still makes it opaque.
    check(
        RequestSpec {
            redirect: RedirectMode::Manual,
            ..get()
        },
        server(
            Answer::default(),
            Answer {
                status: 301,
                ..echo()
            },
        ),
        "api:GET",
        "opaqueredirect 0 [] empty",
    );
}

// ------------------------------------------------------------------ cookies

#[test]
fn cookies_follow_credentials_mode_and_site() {
    // (target, credentials, cookie sent)
    let cases = [
        (Target::Api, Credentials::Include, true),
        (Target::Api, Credentials::SameOrigin, false),
        (Target::Api, Credentials::Omit, false),
        (Target::Intranet, Credentials::Include, true),
        (Target::App, Credentials::SameOrigin, true),
        (Target::App, Credentials::Include, true),
        (Target::App, Credentials::Omit, false),
        // 127.0.0.1 is another host (and site): the cookie is not for it.
        (Target::ApiAlt, Credentials::Include, false),
    ];
    for (target, credentials, cookie) in cases {
        let p = once(
            RequestSpec {
                target,
                credentials,
                ..get()
            },
            ServerSpec::default(),
        );
        assert_eq!(
            p.observation.arrived[0].cookie, cookie,
            "{target:?} {credentials:?}"
        );
    }
    // No cookie in the jar, none sent.
    let mut no_cookie = env();
    no_cookie.has_lab_cookie = false;
    let scenario = Scenario {
        id: "c".to_owned(),
        request: RequestSpec {
            credentials: Credentials::Include,
            ..get()
        },
        server: ServerSpec::default(),
        repeat: 1,
    };
    assert!(!predict(&scenario, &no_cookie)[0].observation.arrived[0].cookie);
}

#[test]
fn set_cookie_is_stored_even_when_cors_blocks_the_read() {
    let mut fresh = env();
    fresh.has_lab_cookie = false;
    let scenario = |target, credentials| Scenario {
        id: "s".to_owned(),
        request: RequestSpec {
            target,
            credentials,
            ..get()
        },
        server: server(
            Answer::default(),
            Answer {
                set_cookie: true,
                ..echo()
            },
        ),
        repeat: 2,
    };
    // include: stored although ACAC is missing (the read fails), sent next time.
    let runs = predict(&scenario(Target::Api, Credentials::Include), &fresh);
    assert!(runs[0].cookie_stored);
    assert_eq!(runs[0].observation.js, JsObservation::Rejected);
    assert!(!runs[0].observation.arrived[0].cookie);
    assert!(runs[1].observation.arrived[0].cookie);
    // same-origin credentials, cross-origin: not stored.
    let runs = predict(&scenario(Target::Api, Credentials::SameOrigin), &fresh);
    assert!(!runs[0].cookie_stored);
    // A SameSite=Lax cookie from another site is refused.
    let runs = predict(&scenario(Target::ApiAlt, Credentials::Include), &fresh);
    assert!(!runs[0].cookie_stored);
}

// --------------------------------------------------- what JavaScript can read

#[test]
fn exposed_response_headers() {
    let answer = |aceh: Option<&str>| Answer {
        aceh: aceh.map(str::to_owned),
        acac: Some("true".to_owned()),
        set_cookie: true,
        extra_headers: vec![
            ("X-Secret".to_owned(), "42".to_owned()),
            ("X-Other".to_owned(), "1".to_owned()),
            ("Content-Language".to_owned(), "en".to_owned()),
        ],
        ..echo()
    };
    // (ACEH, credentials, visible)
    let cases: &[(Option<&str>, Credentials, &str)] = &[
        (None, Credentials::Omit, "cache-control,content-language,content-length,content-type"),
        (Some("x-secret"), Credentials::Omit, "cache-control,content-language,content-length,content-type,x-secret"),
        (Some("X-Secret, x-other"), Credentials::Omit, "cache-control,content-language,content-length,content-type,x-other,x-secret"),
        (Some("*"), Credentials::Omit, "access-control-allow-credentials,access-control-allow-origin,access-control-expose-headers,cache-control,content-language,content-length,content-type,date,x-other,x-secret"),
        (Some("*"), Credentials::Include, "cache-control,content-language,content-length,content-type"),
        (Some("set-cookie, date"), Credentials::Include, "cache-control,content-language,content-length,content-type,date"),
        (Some(" X-SECRET , ,"), Credentials::Omit, "cache-control,content-language,content-length,content-type,x-secret"),
        (Some("x-missing"), Credentials::Omit, "cache-control,content-language,content-length,content-type"),
    ];
    for &(aceh, credentials, visible) in cases {
        let p = once(
            RequestSpec {
                credentials,
                ..get()
            },
            server(Answer::default(), answer(aceh)),
        );
        let JsObservation::Response { headers, .. } = &p.observation.js else {
            panic!("{aceh:?}: {:?}", p.failure);
        };
        assert_eq!(headers.join(","), visible, "{aceh:?} {credentials:?}");
    }
}

#[test]
fn statuses_bodies_and_content_length() {
    let cases = [
        (
            200,
            "cors 200 [cache-control,content-length,content-type] body",
        ),
        (204, "cors 204 [cache-control,content-type] empty"),
        (
            205,
            "cors 205 [cache-control,content-length,content-type] empty",
        ),
        (304, "cors 304 [cache-control,content-type] empty"),
        (
            404,
            "cors 404 [cache-control,content-length,content-type] body",
        ),
        (
            500,
            "cors 500 [cache-control,content-length,content-type] body",
        ),
    ];
    for (status, want) in cases {
        check(
            get(),
            server(Answer::default(), Answer { status, ..echo() }),
            "api:GET",
            want,
        );
    }
    check(
        method("HEAD"),
        server(Answer::default(), echo()),
        "api:HEAD",
        "cors 200 [cache-control,content-length,content-type] empty",
    );
}

#[test]
fn a_spec_the_server_refuses_is_a_400_without_cors_headers() {
    let bad = server(
        Answer::default(),
        Answer {
            extra_headers: vec![("Content-Length".to_owned(), "5".to_owned())],
            ..acao(Acao::Star)
        },
    );
    check(get(), bad.clone(), "api:GET", "rejected");
    check(
        RequestSpec {
            target: Target::App,
            ..get()
        },
        bad,
        "app:GET+c",
        "basic 400 [cache-control,content-length,content-type,date] body",
    );
}

#[test]
fn steps_name_the_rules_with_links() {
    let p = once(
        with_headers(method("PUT"), &[("X-Custom", "1")]),
        server(
            Answer {
                acam: Some("PUT".to_owned()),
                ..echo()
            },
            echo(),
        ),
    );
    assert!(p.steps.iter().all(|s| s.spec.starts_with("https://")));
    let failed: Vec<&Step> = p
        .steps
        .iter()
        .filter(|s| s.outcome == Outcome::Fail)
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].rule, Rule::PreflightHeaders);
    assert_eq!(
        failed[0].fact,
        Fact::Failed {
            failure: Failure::HeaderNotAllowed {
                name: "x-custom".to_owned()
            },
            unsafe_headers: vec!["x-custom".to_owned()],
        }
    );
    let json = serde_json::to_value(&p).expect("serializes");
    assert_eq!(json["failure"]["kind"], "header-not-allowed");
    assert_eq!(json["preflight"]["kind"], "needed");
}

/// The explainer tells learners that `Access-Control-Allow-Origin: null`
/// lets a `null` origin (a sandboxed frame, a local file) read the answer —
/// which is why allowing it is dangerous. The model must agree.
#[test]
fn acao_null_matches_a_null_origin() {
    let headers = vec![("Access-Control-Allow-Origin".to_owned(), "null".to_owned())];
    let check = |origin: &str| {
        super::response::cors_check(&headers, Credentials::Omit, origin, Stage::Response, 200)
    };
    assert_eq!(check("null"), Ok(()));
    assert!(check("http://localhost:8080").is_err());
    let explained = crate::explain::explain(
        "Access to fetch at 'http://localhost:8081/users.json' from origin 'null' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    assert!(
        explained
            .what
            .iter()
            .any(|w| matches!(w, crate::explain::Point::NullOrigin { .. })),
        "{explained:?}"
    );
    let text = crate::explain::tests::en_text("point.null_origin");
    assert!(text.contains("same-origin only with itself"), "{text}");
    assert!(text.contains("Access-Control-Allow-Origin: null"), "{text}");
}

/// The comparator's cookie cards say a cross-site fetch leaves a Lax cookie
/// off; the model says so for the lab's cookie (SameSite=Lax, localhost) on a
/// fetch to 127.0.0.1, and sends it to another port of localhost (same site).
#[test]
fn lax_cookie_stays_off_a_cross_site_fetch() {
    let include = |target| RequestSpec {
        target,
        credentials: Credentials::Include,
        ..get()
    };
    let p = once(include(Target::ApiAlt), server(Answer::default(), echo()));
    assert!(
        !p.observation.arrived[0].cookie,
        "127.0.0.1 is another site"
    );
    let p = once(include(Target::Api), server(Answer::default(), echo()));
    assert!(p.observation.arrived[0].cookie, "another port, same site");
}

/// Texts about `Access-Control-Allow-Headers: *` and `Authorization` say
/// what the standard says and that all three engines (the differential test
/// runs `headers-14` in each) let `*` cover it: the model must agree in
/// every engine, and the explainer must not claim otherwise.
#[test]
fn star_covers_authorization_in_every_engine_and_the_texts_say_so() {
    let request = with_headers(get(), &[("Authorization", "Bearer abc")]);
    let star = Answer {
        acah: Some("*".to_owned()),
        ..echo()
    };
    for engine in crate::browser::Engine::ALL {
        let scenario = Scenario {
            id: "t".to_owned(),
            request: request.clone(),
            server: server(star.clone(), echo()),
            repeat: 1,
        };
        let p = crate::engine::predict_in(engine, &scenario, &env()).remove(0);
        assert!(
            matches!(p.observation.js, JsObservation::Response { .. }),
            "{engine:?}: * covers Authorization without credentials"
        );
    }
    // With credentials `*` is a plain name, so Authorization is not covered.
    let credentialed = RequestSpec {
        credentials: Credentials::Include,
        ..request
    };
    let acac = |a: Answer| Answer {
        acac: Some("true".to_owned()),
        ..a
    };
    let p = once(credentialed, server(acac(star), acac(echo())));
    assert_eq!(p.observation.js, JsObservation::Rejected);
    let e = crate::explain::explain("Access to fetch at 'http://localhost:8081/cors' from origin 'http://localhost:8080' has been blocked by CORS policy: Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.");
    assert!(
        e.fix
            .as_ref()
            .is_some_and(|f| f.steps.contains(&crate::explain::Point::ListAuthorization)),
        "{e:?}"
    );
    let text = crate::explain::tests::en_text("point.list_authorization");
    assert!(
        text.contains("Chrome (156), Firefox (ESR 153, which may print a warning about it) and Safari (WebKit 2.50) all still let `*` cover it"),
        "{text}"
    );
    assert!(
        !text.contains("covers every name except Authorization"),
        "{text}"
    );
}

/// The explainer says `Origin` becomes `null` only when a URL on another
/// origin than the page's redirects to a different origin.
#[test]
fn origin_turns_null_only_after_a_foreign_cross_origin_hop() {
    let hop = |to, first: Answer| {
        server(
            Answer::default(),
            Answer {
                redirect: redirect(302, to, server(Answer::default(), echo())),
                ..first
            },
        )
    };
    let origin_sent = |request: RequestSpec, server: ServerSpec| {
        let p = once(request, server);
        p.sent
            .last()
            .and_then(|s| s.headers.iter().find(|(n, _)| n == "Origin"))
            .map(|(_, v)| v.clone())
    };
    let app = RequestSpec {
        target: Target::App,
        ..get()
    };
    // API -> API: same origin again, the page's origin stays.
    assert_eq!(
        origin_sent(get(), hop(Target::Api, echo())).as_deref(),
        Some("http://localhost:8080")
    );
    // API -> intranet: a foreign origin redirects elsewhere: null.
    assert_eq!(
        origin_sent(get(), hop(Target::Intranet, echo())).as_deref(),
        Some("null")
    );
    // The page's own origin -> API: not null.
    assert_eq!(
        origin_sent(app, hop(Target::Api, Answer::default())).as_deref(),
        Some("http://localhost:8080")
    );
    // The step text: after that hop only `null`, or `*` without credentials, will do.
    let include = RequestSpec {
        credentials: Credentials::Include,
        ..get()
    };
    let acac = |a: Acao| Answer {
        acac: Some("true".to_owned()),
        ..acao(a)
    };
    let tainted = |then: Answer| {
        let p = once(
            include.clone(),
            server(
                Answer::default(),
                Answer {
                    redirect: redirect(302, Target::Intranet, server(Answer::default(), then)),
                    ..acac(Acao::Echo)
                },
            ),
        );
        matches!(p.observation.js, JsObservation::Response { .. })
    };
    assert!(!tainted(acac(Acao::Star)), "* with credentials");
    assert!(tainted(acac(Acao::Null)), "null with credentials");
    let e = crate::explain::explain("Access to fetch at 'http://localhost:8082/cors' (redirected from 'http://localhost:8081/cors') from origin 'http://localhost:8080' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    assert!(
        e.notes
            .iter()
            .any(|n| matches!(n, crate::explain::Point::WasRedirected { .. })),
        "{e:?}"
    );
    let text = crate::explain::tests::en_text("point.was_redirected");
    assert!(
        text.contains(
            "once a URL on another origin than the page's redirects to a different origin"
        ),
        "{text}"
    );
}

/// What each engine really printed and threw for every run of the matrix
/// that failed or printed something (`tests/data/engine-captures`, captured
/// by `cors_matrix` in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50):
/// the model, in that engine, predicts exactly those console lines, in order,
/// and exactly that `String(error)`. Chromium's network line (`Failed to
/// load resource: net::ERR_FAILED`) is not modelled and chromedriver's
/// prefixes are stripped. The capture ran on random ports: they are mapped
/// to the model's by trying every assignment of the file's ports to the
/// app, API and intranet roles, and the one that fits best must fit every run.
#[test]
fn the_model_predicts_every_captured_line_and_error() {
    use std::collections::BTreeSet;
    const MATRIX: &str = include_str!("../../../../tests/data/cors-matrix.json");
    let scenarios = crate::matrix::expand(MATRIX).expect("matrix");
    let model_env = env();
    let model_ports = [
        model_env.app_port,
        model_env.api_port,
        model_env.intranet_port,
    ];
    // Every port number after `http://host:` or an encoded `%3A` in the text.
    fn ports_in(text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        for (i, _) in text.match_indices("http://") {
            let rest = &text[i + 7..];
            if let Some(colon) = rest.find(':').filter(|&c| !rest[..c].contains('/')) {
                let digits: String = rest[colon + 1..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if !digits.is_empty() {
                    found.insert(digits);
                }
            }
        }
        for (i, _) in text.match_indices("%3A") {
            let digits: String = text[i + 3..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() >= 4 {
                found.insert(digits);
            }
        }
        found
    }
    for (engine, runs) in crate::captures::all() {
        let captured: Vec<(String, usize, String, Vec<String>)> = runs
            .into_iter()
            .map(|r| {
                let lines = r
                    .console
                    .into_iter()
                    .filter(|l| !l.contains("Failed to load resource"))
                    .collect();
                (r.id, r.run, r.js, lines)
            })
            .collect();
        let ports: Vec<String> = captured
            .iter()
            .flat_map(|(_, _, js, lines)| {
                lines
                    .iter()
                    .chain(std::iter::once(js))
                    .flat_map(|l| ports_in(l))
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert!(
            ports.len() <= 3,
            "{engine:?}: more ports than the lab's three: {ports:?}"
        );
        // The problems under one assignment of captured ports to roles.
        let check = |roles: &[usize]| -> Vec<String> {
            let mut problems = Vec::new();
            let to_model = |line: &str| -> String {
                let mut line = line.to_owned();
                for (port, &role) in ports.iter().zip(roles) {
                    line = line.replace(port.as_str(), &format!("\u{0}{role}"));
                }
                for (role, model) in model_ports.iter().enumerate() {
                    line = line.replace(&format!("\u{0}{role}"), &model.to_string());
                }
                line
            };
            for (id, run, js, lines) in &captured {
                let Some(scenario) = scenarios.iter().find(|s| &s.id == id) else {
                    problems.push(format!("{engine:?} {id}: no such scenario in the matrix"));
                    continue;
                };
                let Some(p) = predict_in(engine, scenario, &model_env)
                    .into_iter()
                    .nth(*run)
                else {
                    problems.push(format!(
                        "{engine:?} {id} run {run}: the model has no such run"
                    ));
                    continue;
                };
                let want: Vec<String> = lines.iter().map(|l| to_model(l)).collect();
                if p.console != want {
                    problems.push(format!(
                        "{engine:?} {id} run {run}: console\n  printed {want:?}\n  model   {:?}",
                        p.console
                    ));
                }
                let js = to_model(js);
                if p.js_error.as_deref().unwrap_or_default() != js {
                    problems.push(format!(
                        "{engine:?} {id} run {run}: JS caught {js:?}, model {:?}",
                        p.js_error
                    ));
                }
            }
            problems
        };
        let mut best: Option<Vec<String>> = None;
        for a in 0..3 {
            for b in 0..3 {
                for c in 0..3 {
                    let roles = [a, b, c];
                    if roles[..ports.len()].iter().collect::<BTreeSet<_>>().len() < ports.len() {
                        continue;
                    }
                    let problems = check(&roles[..ports.len()]);
                    if best.as_ref().is_none_or(|b| problems.len() < b.len()) {
                        best = Some(problems);
                    }
                }
            }
        }
        let problems = best.unwrap_or_default();
        assert!(
            problems.is_empty(),
            "{engine:?}: {} of {} captured runs disagree with the model:\n{}",
            problems.len(),
            captured.len(),
            problems.join("\n")
        );
        eprintln!(
            "{engine:?}: {} captured runs, the model predicts each one's lines and error",
            captured.len()
        );
    }
}
