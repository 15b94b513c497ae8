use super::*;
use crate::engine::wording::{chrome, Wording};
use crate::engine::{predict, Env, Stage};
use crate::scenario::Scenario;

const MATRIX: &str = include_str!("../../../../tests/data/cors-matrix.json");

fn lab_env() -> Env {
    Env::demo_defaults(true)
}

/// Pages and URLs of every shape a message can carry.
const URLS: &[&str] = &[
    "https://api.example.com/v1/items?id=7&sort=desc",
    "http://[::1]:8081/cors?case=a&x=%27q%27",
    "http://[2001:db8::1]/data.json",
    "https://bücher.example/ä?q=ü",
    "https://xn--bcher-kva.example:8443/path/",
    "http://localhost:3000/it's/here",
    "https://api.example.com/a(b)/c?x=(1)",
    "http://127.0.0.1:9000/",
    "https://api.example.com/from origin 'x'/odd",
];
const ORIGINS: &[&str] = &[
    "https://shop.example.com",
    "http://[::1]:5173",
    "http://localhost:8080",
    "null",
    "https://xn--bcher-kva.example",
];
/// What consoles put before a message.
const PREFIXES: &[&str] = &["", "index.html:1 ", "(index):1 ", "VM123:4  ", "app.js:88 Uncaught (in promise) "];

/// A Chrome reason (as in cors-facts.md, written out here, not taken from
/// the engine) and the failure the explainer must read from it.
fn chrome_cases() -> Vec<(String, Failure)> {
    let pre = "Response to preflight request doesn't pass access control check: ";
    let r = Stage::Response;
    let p = Stage::Preflight;
    vec![
        ("No 'Access-Control-Allow-Origin' header is present on the requested resource.".into(), Failure::NoAcao { on: r, status: 200 }),
        ("No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.".into(), Failure::NoAcao { on: r, status: 200 }),
        (format!("{pre}No 'Access-Control-Allow-Origin' header is present on the requested resource."), Failure::NoAcao { on: p, status: 200 }),
        ("The 'Access-Control-Allow-Origin' header has a value 'https://shop.example.com/' that is not equal to the supplied origin.".into(), Failure::AcaoMismatch { on: r, value: "https://shop.example.com/".into() }),
        ("The 'Access-Control-Allow-Origin' header has a value 'http://it's.example' that is not equal to the supplied origin. Have the server send the header with a valid value.".into(), Failure::AcaoMismatch { on: r, value: "http://it's.example".into() }),
        (format!("{pre}The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin. Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."), Failure::AcaoMismatch { on: p, value: "null".into() }),
        ("The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.".into(), Failure::WildcardWithCredentials { on: r }),
        (format!("{pre}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."), Failure::WildcardWithCredentials { on: p }),
        ("The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.".into(), Failure::AcacNotTrue { on: r, value: None }),
        (format!("{pre}The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which must be 'true' when the request's credentials mode is 'include'."), Failure::AcacNotTrue { on: p, value: Some("TRUE".into()) }),
        (format!("{pre}It does not have HTTP ok status."), Failure::PreflightNotOk { status: 405 }),
        ("Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.".into(), Failure::HeaderNotAllowed { name: "x-api-key".into() }),
        ("Request header field Authorization is not allowed by Access-Control-Allow-Headers in preflight response.".into(), Failure::HeaderNotAllowed { name: "authorization".into() }),
        ("Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response.".into(), Failure::HeaderNotAllowed { name: "content-type".into() }),
        ("Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.".into(), Failure::MethodNotAllowed { method: "PATCH".into() }),
        ("Method patch is not allowed by Access-Control-Allow-Methods in preflight response.".into(), Failure::MethodNotAllowed { method: "patch".into() }),
        (format!("{pre}Redirect is not allowed for a preflight request."), Failure::PreflightRedirect { status: 301 }),
        ("The 'Access-Control-Allow-Origin' header contains multiple values 'https://a.example, https://b.example', but only one is allowed. Have the server send the header with a valid value.".into(), Failure::MultipleAcao { on: r, value: "https://a.example, https://b.example".into(), lines: 1 }),
        (format!("{pre}The 'Access-Control-Allow-Origin' header contains multiple values '*, *', but only one is allowed."), Failure::MultipleAcao { on: p, value: "*, *".into(), lines: 1 }),
        ("The 'Access-Control-Allow-Origin' header contains the invalid value 'shop.example.com'. Have the server send the header with a valid value.".into(), Failure::InvalidAcao { on: r, value: "shop.example.com".into() }),
        ("The 'Access-Control-Allow-Origin' header contains the invalid value 'caf\\u00C3\\u00A9'.".into(), Failure::InvalidAcao { on: r, value: "café".into() }),
        ("Cannot parse Access-Control-Allow-Methods response header field in preflight response.".into(), Failure::InvalidAcam { value: "GET POST PUT".into(), token: "GET POST PUT".into() }),
        ("Cannot parse Access-Control-Allow-Headers response header field in preflight response.".into(), Failure::InvalidAcah { value: "content-type x-api-key".into(), token: "content-type x-api-key".into() }),
    ]
}

/// Every Chrome reason, in every envelope: each URL and origin, redirected
/// or not, five resource kinds, console prefixes. The failure and every
/// value come back; the lab reproduces the same reason.
#[test]
fn chrome_messages_read_back_with_their_values() {
    let kinds = ["fetch", "XMLHttpRequest", "font", "image", "script"];
    let mut checked = 0;
    for (i, (reason, failure)) in chrome_cases().into_iter().enumerate() {
        for (j, url) in URLS.iter().enumerate() {
            let origin = ORIGINS[(i + j) % ORIGINS.len()];
            let kind = kinds[(i + j) % kinds.len()];
            let prefix = PREFIXES[(i * 3 + j) % PREFIXES.len()];
            let redirected = (i + j) % 3 == 0;
            let from = "http://old.example/start?a='1'";
            let message = if redirected {
                format!("{prefix}Access to {kind} at '{url}' (redirected from '{from}') from origin '{origin}' has been blocked by CORS policy: {reason}")
            } else {
                format!("{prefix}Access to {kind} at '{url}' from origin '{origin}' has been blocked by CORS policy: {reason}")
            };
            let e = explain(&message);
            assert_eq!(e.kind, Kind::Cors, "{message}");
            assert_eq!(e.browser, Some(Engine::Chromium), "{message}");
            assert_eq!(e.failure.as_ref(), Some(&failure), "{message}");
            assert_eq!(e.values.url.as_deref(), Some(*url), "{message}");
            assert_eq!(e.values.origin.as_deref(), Some(origin), "{message}");
            assert_eq!(e.values.resource.as_deref(), Some(kind), "{message}");
            assert_eq!(
                e.values.redirected_from.as_deref(),
                redirected.then_some(from),
                "{message}"
            );
            assert_eq!(
                e.preflight,
                Some(reason.starts_with("Response to preflight") || failure_is_preflight_only(&failure)),
                "{message}"
            );
            assert!(e.rule.is_some() && e.fix.is_some() && !e.why.is_empty(), "{message}");
            check_reproduces_chrome_reason(&e, &reason);
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked}");
}

fn failure_is_preflight_only(f: &Failure) -> bool {
    matches!(
        f,
        Failure::PreflightNotOk { .. }
            | Failure::PreflightRedirect { .. }
            | Failure::InvalidAcam { .. }
            | Failure::InvalidAcah { .. }
            | Failure::MethodNotAllowed { .. }
            | Failure::HeaderNotAllowed { .. }
    )
}

/// The lab link, run through the engine, makes Chrome print `reason` (old
/// hints aside; header names in lower case, as current Chrome prints them).
fn check_reproduces_chrome_reason(e: &Explanation, reason: &str) {
    let lab = e.lab.as_ref().unwrap_or_else(|| panic!("no lab link for {reason}"));
    let scenario = Scenario {
        id: "t".into(),
        request: lab.request.clone(),
        server: lab.server.clone(),
        repeat: 1,
    };
    let p = predict(&scenario, &lab_env()).remove(0);
    let printed = p.console.first().cloned().unwrap_or_default();
    let printed = printed.split(chrome::BLOCKED).nth(1).unwrap_or_default();
    let core = |s: &str| {
        s.replace(chrome::OLD_VALID_VALUE_HINT, "")
            .replace(chrome::OLD_NO_CORS_HINT, "")
            .replace(chrome::VALID_VALUE_HINT, "")
            .replace(chrome::XHR_CREDENTIALS_HINT, "")
    };
    let want = core(reason);
    let want = match &e.failure {
        Some(Failure::HeaderNotAllowed { name }) => want.replace(
            e.values.header.as_deref().unwrap_or_default(),
            name,
        ),
        _ => want,
    };
    assert_eq!(core(printed), want, "lab {:?}", lab.to_query());
}

/// Firefox's reasons (cors-facts.md), with straight and with typographic quotes.
#[test]
fn firefox_messages_read_back() {
    let r = Stage::Response;
    let cases: Vec<(&str, Failure, Option<u16>)> = vec![
        ("CORS header 'Access-Control-Allow-Origin' missing). Status code: 404.", Failure::NoAcao { on: r, status: 404 }, Some(404)),
        ("CORS header 'Access-Control-Allow-Origin' missing).", Failure::NoAcao { on: r, status: 200 }, None),
        ("CORS header 'Access-Control-Allow-Origin' does not match 'https://shop.example.com/').", Failure::AcaoMismatch { on: r, value: "https://shop.example.com/".into() }, None),
        ("CORS header 'Access-Control-Allow-Origin' does not match 'https://a.example, https://b.example').", Failure::MultipleAcao { on: r, value: "https://a.example, https://b.example".into(), lines: 1 }, None),
        ("CORS header 'Access-Control-Allow-Origin' does not match 'shop.example.com').", Failure::InvalidAcao { on: r, value: "shop.example.com".into() }, None),
        ("Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*').", Failure::WildcardWithCredentials { on: r }, None),
        ("expected 'true' in CORS header 'Access-Control-Allow-Credentials').", Failure::AcacNotTrue { on: r, value: None }, None),
        ("CORS preflight response did not succeed). Status code: 401.", Failure::PreflightNotOk { status: 401 }, Some(401)),
        ("CORS preflight channel did not succeed).", Failure::PreflightNotOk { status: 405 }, None),
        ("header 'x-api-key' is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight response).", Failure::HeaderNotAllowed { name: "x-api-key".into() }, None),
        ("missing token 'X-Requested-With' in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel).", Failure::HeaderNotAllowed { name: "x-requested-with".into() }, None),
        ("Did not find method in CORS header 'Access-Control-Allow-Methods').", Failure::MethodNotAllowed { method: "PUT".into() }, None),
        ("CORS request external redirect not allowed).", Failure::PreflightRedirect { status: 301 }, None),
        ("Multiple CORS header 'Access-Control-Allow-Origin' not allowed).", Failure::MultipleAcao { on: r, value: String::new(), lines: 2 }, None),
        ("invalid token 'PUT DELETE' in CORS header 'Access-Control-Allow-Methods').", Failure::InvalidAcam { value: "PUT DELETE".into(), token: "PUT DELETE".into() }, None),
        ("invalid token 'a b' in CORS header 'Access-Control-Allow-Headers').", Failure::InvalidAcah { value: "a b".into(), token: "a b".into() }, None),
    ];
    for (reason, failure, status) in cases {
        for url in URLS {
            for typographic in [false, true] {
                let reason = if typographic {
                    curly(reason)
                } else {
                    reason.to_owned()
                };
                let at = if matches!(failure, Failure::WildcardWithCredentials { .. }) {
                    format!("\u{2018}{url}\u{2019}")
                } else {
                    (*url).to_owned()
                };
                let message = format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {at}. (Reason: {reason}");
                let e = explain(&message);
                assert_eq!(e.browser, Some(Engine::Gecko), "{message}");
                assert_eq!(e.failure.as_ref(), Some(&failure), "{message}");
                assert_eq!(e.values.url.as_deref(), Some(*url), "{message}");
                assert_eq!(e.values.status, status, "{message}");
                assert_eq!(e.values.origin, None, "Firefox does not name the origin");
                let lab = e.lab.as_ref().unwrap_or_else(|| panic!("no lab for {message}"));
                let got = reproduce::predicted_failure(lab).expect("the lab run fails");
                assert!(reproduce::same_reason(&failure, &got), "{message}: lab gives {got:?}");
                // The stand-in origin is named as such.
                assert!(e.notes.iter().any(|n| matches!(n, Point::StandInOrigin { stand_in } if stand_in.contains("your-site.example"))) || e.fix.as_ref().is_some_and(|f| f.raw.is_empty()), "{message}");
            }
        }
    }
}

/// `'…'` with Firefox's typographic quotes: ‘…’.
fn curly(text: &str) -> String {
    let mut open = true;
    text.chars()
        .map(|c| {
            if c == '\'' {
                let q = if open { '\u{2018}' } else { '\u{2019}' };
                open = !open;
                q
            } else {
                c
            }
        })
        .collect()
}

/// Safari's wording (WebKit's sources; cors-facts.md quotes the first two
/// from user reports), as Safari's console shows it: `[Error] …` lines, the
/// reason then "… cannot load <url> due to access control checks."
#[test]
fn safari_messages_read_back() {
    let r = Stage::Response;
    let cases: Vec<(String, Option<Failure>, Values)> = vec![
        ("Origin https://shop.example.com is not allowed by Access-Control-Allow-Origin. Status code: 200".into(),
         Some(Failure::NoAcao { on: r, status: 200 }),
         Values { origin: Some("https://shop.example.com".into()), status: Some(200), ..Values::default() }),
        ("Origin http://localhost:5173 is not allowed by Access-Control-Allow-Origin. Status code: 413".into(),
         Some(Failure::NoAcao { on: r, status: 413 }),
         Values { origin: Some("http://localhost:5173".into()), status: Some(413), ..Values::default() }),
        ("Origin http://[::1]:3000 is not allowed by Access-Control-Allow-Origin.".into(),
         Some(Failure::NoAcao { on: r, status: 200 }),
         Values { origin: Some("http://[::1]:3000".into()), ..Values::default() }),
        ("Preflight response is not successful. Status code: 403".into(),
         Some(Failure::PreflightNotOk { status: 403 }),
         Values { status: Some(403), ..Values::default() }),
        ("Request header field X-Api-Key is not allowed by Access-Control-Allow-Headers.".into(),
         Some(Failure::HeaderNotAllowed { name: "x-api-key".into() }),
         Values { header: Some("X-Api-Key".into()), ..Values::default() }),
        ("Method DELETE is not allowed by Access-Control-Allow-Methods.".into(),
         Some(Failure::MethodNotAllowed { method: "DELETE".into() }),
         Values { method: Some("DELETE".into()), ..Values::default() }),
        ("Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".".into(),
         Some(Failure::AcacNotTrue { on: r, value: None }),
         Values { credentials: Some(true), ..Values::default() }),
        ("Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.".into(),
         Some(Failure::WildcardWithCredentials { on: r }),
         Values { credentials: Some(true), acao: Some("*".into()), ..Values::default() }),
        ("Access-Control-Allow-Origin cannot contain more than one origin.".into(),
         Some(Failure::MultipleAcao { on: r, value: String::new(), lines: 1 }),
         Values::default()),
        ("Header Access-Control-Allow-Methods has an invalid value: GET POST".into(),
         Some(Failure::InvalidAcam { value: "GET POST".into(), token: "GET POST".into() }),
         Values::default()),
    ];
    for (reason, failure, values) in cases {
        for url in URLS {
            for (api, first) in [("Fetch API", "[Error] "), ("XMLHttpRequest", ""), ("Fetch API", "[Error] Failed to load resource: ")] {
                let message = format!("{first}{reason}\n[Error] {api} cannot load {url} due to access control checks.");
                let e = explain(&message);
                assert_eq!(e.browser, Some(Engine::WebKit), "{message}");
                assert_eq!(e.kind, Kind::Cors, "{message}");
                assert_eq!(e.failure, failure, "{message}");
                let mut want = values.clone();
                want.url = Some((*url).to_owned());
                want.resource = Some(if api == "XMLHttpRequest" { "XMLHttpRequest" } else { "fetch" }.to_owned());
                assert_eq!(e.values, want, "{message}");
                assert!(e.others.is_empty(), "the summary line is folded in: {:?}", e.others);
                if let Some(f) = &failure {
                    let lab = e.lab.as_ref().unwrap_or_else(|| panic!("no lab for {message}"));
                    let got = reproduce::predicted_failure(lab).expect("fails");
                    assert!(reproduce::same_reason(f, &got), "{message}: {got:?}");
                }
            }
        }
        // The summary line alone: a CORS block, the reason elsewhere.
    }
    let e = explain("Fetch API cannot load https://api.example.com/x due to access control checks.");
    assert_eq!(e.kind, Kind::Cors);
    assert_eq!(e.failure, None);
    assert_eq!(e.values.url.as_deref(), Some("https://api.example.com/x"));
    assert_eq!(e.headline, Point::SafariSummaryLine);
}

/// What the engine prints for every scenario of the differential test's
/// matrix reads back as the same failure, and its lab link makes the engine
/// (so Chromium, which the differential test holds it to) print the same reason.
#[test]
fn every_engine_message_of_the_matrix_round_trips() {
    let scenarios = crate::matrix::expand(MATRIX).expect("matrix");
    let env = lab_env();
    let (mut chrome_count, mut firefox_count) = (0, 0);
    for scenario in &scenarios {
        for p in predict(scenario, &env) {
            let (Some(failure), Some(chrome)) = (&p.failure, p.console.first()) else {
                continue;
            };
            let e = explain(chrome);
            assert_eq!(e.browser, Some(Engine::Chromium), "{}: {}", scenario.id, chrome);
            let got = e.failure.clone().unwrap_or_else(|| panic!("{}: {}", scenario.id, chrome));
            assert_eq!(chrome_visible(&got), chrome_visible(failure), "{}: {}", scenario.id, chrome);
            let lab = e.lab.as_ref().unwrap_or_else(|| panic!("{}: no lab for {}", scenario.id, chrome));
            let again = reproduce::predicted_failure(lab).expect("fails");
            assert_eq!(chrome_visible(&again), chrome_visible(failure), "{}: lab {:?}", scenario.id, lab.to_query());
            chrome_count += 1;
        }
        for p in crate::engine::predict_in(crate::browser::Engine::Gecko, scenario, &env) {
            let (Some(failure), Some(firefox)) = (&p.failure, p.console.first()) else {
                continue;
            };
            if firefox.starts_with("Security Error") {
                continue;
            }
            let e = explain(firefox);
            assert_eq!(e.browser, Some(Engine::Gecko), "{}: {}", scenario.id, firefox);
            let got = e.failure.clone().unwrap_or_else(|| panic!("{}: {}", scenario.id, firefox));
            assert_eq!(firefox_visible(&got), firefox_visible(failure), "{}: {}", scenario.id, firefox);
            assert!(e.lab.is_some(), "{}: no lab for {}", scenario.id, firefox);
            firefox_count += 1;
        }
    }
    assert!(chrome_count > 100, "{chrome_count}");
    assert!(firefox_count > 80, "{firefox_count}");
}

/// A failure as far as Chrome's message shows it.
fn chrome_visible(f: &Failure) -> Failure {
    let stage = |on: &Stage| if *on == Stage::Preflight { Stage::Preflight } else { Stage::Response };
    match f.clone() {
        Failure::NoAcao { on, .. } => Failure::NoAcao { on: stage(&on), status: 0 },
        Failure::WildcardWithCredentials { on } => Failure::WildcardWithCredentials { on: stage(&on) },
        Failure::MultipleAcao { on, value, .. } => Failure::MultipleAcao { on: stage(&on), value, lines: 0 },
        Failure::InvalidAcao { on, value } => Failure::InvalidAcao { on: stage(&on), value },
        Failure::AcaoMismatch { on, value } => Failure::AcaoMismatch { on: stage(&on), value },
        Failure::AcacNotTrue { on, value } => Failure::AcacNotTrue { on: stage(&on), value: value.filter(|v| !v.is_empty()) },
        Failure::PreflightNotOk { .. } => Failure::PreflightNotOk { status: 0 },
        Failure::PreflightRedirect { .. } => Failure::PreflightRedirect { status: 0 },
        Failure::InvalidAcam { .. } => Failure::InvalidAcam { value: String::new(), token: String::new() },
        Failure::InvalidAcah { .. } => Failure::InvalidAcah { value: String::new(), token: String::new() },
        Failure::SameOriginModeCrossOrigin { .. } => Failure::SameOriginModeCrossOrigin { url: String::new() },
        Failure::NoCorsRedirectMode { url, .. } => Failure::NoCorsRedirectMode { url, redirect: crate::scenario::RedirectMode::Error },
        Failure::SameOriginModeRedirect { .. } => Failure::SameOriginModeRedirect { url: String::new() },
        other => other,
    }
}

/// A failure as far as Firefox's message shows it (no stage, no origin).
fn firefox_visible(f: &Failure) -> Failure {
    let r = Stage::Response;
    match f.clone() {
        Failure::NoAcao { status, .. } => Failure::NoAcao { on: r, status },
        Failure::WildcardWithCredentials { .. } => Failure::WildcardWithCredentials { on: r },
        Failure::MultipleAcao { value, .. } => Failure::MultipleAcao { on: r, value, lines: 1 },
        Failure::InvalidAcao { value, .. } => Failure::InvalidAcao { on: r, value },
        Failure::AcaoMismatch { value, .. } => Failure::AcaoMismatch { on: r, value },
        Failure::AcacNotTrue { .. } => Failure::AcacNotTrue { on: r, value: None },
        Failure::PreflightRedirect { .. } => Failure::PreflightRedirect { status: 0 },
        Failure::MethodNotAllowed { .. } => Failure::MethodNotAllowed { method: String::new() },
        // Firefox names the bad token, not the whole list.
        Failure::InvalidAcam { token, .. } => Failure::InvalidAcam { value: token.clone(), token },
        Failure::InvalidAcah { token, .. } => Failure::InvalidAcah { value: token.clone(), token },
        other => other,
    }
}

#[test]
fn the_fix_names_their_origin_header_and_method() {
    let e = explain(EXAMPLES[0].1);
    let fix = e.fix.expect("fix");
    assert!(fix.raw.plain().contains("Access-Control-Allow-Origin: https://shop.example.com\n"), "{}", fix.raw.plain());
    assert!(fix.raw.plain().contains("Access-Control-Allow-Headers: x-api-key\n"), "{}", fix.raw.plain());
    assert!(fix.axum.plain().contains("HeaderName::from_static(\"x-api-key\")"), "{}", fix.axum.plain());
    assert!(fix.axum.plain().contains("\"https://shop.example.com\".parse::<HeaderValue>()"), "{}", fix.axum.plain());
    assert_eq!(e.rule, Some(Rule::PreflightHeaders));
    assert_eq!(e.headline, Point::HeaderNotAllowed { header: "x-api-key".into() });
    assert!(e.what.iter().any(|w| matches!(w, Point::PreflightRefused { .. })), "{:?}", e.what);
    assert!(e.what.iter().any(|w| matches!(w, Point::DifferentOrigins { parts, .. } if parts == &[OriginPart::Host])), "{:?}", e.what);

    let e = explain("Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Method patch is not allowed by Access-Control-Allow-Methods in preflight response.");
    let fix = e.fix.expect("fix");
    assert!(fix.raw.plain().contains("Access-Control-Allow-Methods: patch\n"), "{}", fix.raw.plain());
    assert!(fix.steps.iter().any(|s| matches!(s, Point::AllowTheMethod { upper: Some((m, u)), .. } if m == "patch" && u == "PATCH")), "{:?}", fix.steps);
    assert_eq!(e.lab.expect("lab").request.method, "patch");

    // Credentials: the exact origin, ACAC, and the warning about `*`.
    let e = explain(EXAMPLES[3].1);
    let fix = e.fix.clone().expect("fix");
    assert!(fix.raw.plain().contains("Access-Control-Allow-Credentials: true"), "{}", fix.raw.plain());
    assert!(fix.axum.plain().contains(".allow_credentials(true)"), "{}", fix.axum.plain());
    assert!(fix.steps.contains(&Point::LeaveCookiesOut { xhr: true }), "{:?}", fix.steps);
    assert!(e.dont.contains(&Dont::StarWithCredentials), "{:?}", e.dont);
    assert_eq!(e.lab.expect("lab").request.credentials, crate::scenario::Credentials::Include);
}

#[test]
fn mismatches_say_which_part_is_wrong() {
    let msg = |value: &str, origin: &str| {
        format!("Access to fetch at 'https://api.example.com/' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin.")
    };
    let v = |s: &str| s.to_owned();
    let o = v;
    for (value, origin, says) in [
        ("https://shop.example.com/", "https://shop.example.com", Point::TrailingSlash { value: v("https://shop.example.com/"), origin: o("https://shop.example.com") }),
        ("http://shop.example.com", "https://shop.example.com", Point::AnotherOrigin { value: v("http://shop.example.com"), origin: o("https://shop.example.com"), parts: vec![OriginPart::Scheme] }),
        ("https://www.shop.example.com", "https://shop.example.com", Point::AnotherOrigin { value: v("https://www.shop.example.com"), origin: o("https://shop.example.com"), parts: vec![OriginPart::Host] }),
        ("https://shop.example.com:8443", "https://shop.example.com", Point::AnotherOrigin { value: v("https://shop.example.com:8443"), origin: o("https://shop.example.com"), parts: vec![OriginPart::Port] }),
        ("https://Shop.example.com", "https://shop.example.com", Point::LetterCase { value: v("https://Shop.example.com"), origin: o("https://shop.example.com") }),
        ("null", "https://shop.example.com", Point::ServerSentNull { origin: o("https://shop.example.com") }),
    ] {
        let e = explain(&msg(value, origin));
        let steps = e.fix.expect("fix").steps;
        assert!(steps.contains(&says), "{value}: {steps:?}");
    }
    // A value that is not an origin: say what is missing.
    let e = explain("Access to fetch at 'https://api.example.com/' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value '*.example.com'.");
    assert!(e.fix.expect("fix").steps.iter().any(|s| matches!(s, Point::FixTheValue { fault: ValueFault::Wildcard, .. })));
}

#[test]
fn neighbour_lines_fill_in_method_and_status() {
    let paste = "GET https://api.example.com/items net::ERR_FAILED 404 (Not Found)\n\
        index.html:1 Access to fetch at 'https://api.example.com/items' from origin 'https://shop.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n\
        Uncaught (in promise) TypeError: Failed to fetch";
    let e = explain(paste);
    assert_eq!(e.browser, Some(Engine::Chromium));
    assert_eq!(e.values.status, Some(404));
    assert_eq!(e.values.method.as_deref(), Some("GET"));
    assert_eq!(e.failure, Some(Failure::NoAcao { on: Stage::Response, status: 404 }));
    assert!(e.fix.expect("fix").steps.contains(&Point::ErrorsNeedHeadersToo { status: 404 }));
    assert!(e.notes.contains(&Point::TypeErrorIsTheSameFailure), "{:?}", e.notes);
    assert!(e.others.is_empty(), "{:?}", e.others);
    assert_eq!(e.lab.expect("lab").server.actual.status, 404);

    // Two CORS messages: the first is explained, the second listed.
    let paste = format!("{}\n{}", EXAMPLES[1].1, EXAMPLES[0].1);
    let e = explain(&paste);
    assert_eq!(e.failure.as_ref().map(|f| matches!(f, Failure::NoAcao { .. })), Some(true));
    assert_eq!(e.others.len(), 1);
    assert_eq!(e.others[0].headline, Point::HeaderNotAllowed { header: "x-api-key".into() }, "{:?}", e.others);
}

#[test]
fn a_wrapped_message_still_reads() {
    let wrapped = "Access to fetch at 'https://api.example.com/x' from origin\n'https://shop.example.com' has been blocked by CORS policy: No\n'Access-Control-Allow-Origin' header is present on the requested resource.";
    let e = explain(wrapped);
    assert_eq!(e.kind, Kind::Cors);
    assert_eq!(e.values.origin.as_deref(), Some("https://shop.example.com"));
    // Curly quotes from a chat client, no-break spaces.
    let e = explain("Access to fetch at \u{2018}https://api.example.com/x\u{2019} from origin \u{2018}https://shop.example.com\u{2019} has been blocked by CORS policy:\u{a0}No \u{2018}Access-Control-Allow-Origin\u{2019} header is present on the requested resource.");
    assert_eq!(e.kind, Kind::Cors);
    assert_eq!(e.values.url.as_deref(), Some("https://api.example.com/x"));
}

#[test]
fn a_bare_reason_reads_too() {
    let e = explain("Response to preflight request doesn't pass access control check: It does not have HTTP ok status.");
    assert_eq!(e.failure, Some(Failure::PreflightNotOk { status: 405 }));
    assert_eq!(e.values.url, None);
    assert!(e.lab.is_some());
    let e = explain("Access blocked by CORS policy: Request header field x-token is not allowed by Access-Control-Allow-Headers in preflight response.");
    assert_eq!(e.failure, Some(Failure::HeaderNotAllowed { name: "x-token".into() }));
}

#[test]
fn javascript_errors_point_to_the_console() {
    for (text, browser) in [
        ("TypeError: Failed to fetch", Some(Engine::Chromium)),
        ("Uncaught (in promise) TypeError: Failed to fetch", Some(Engine::Chromium)),
        ("TypeError: NetworkError when attempting to fetch resource.", Some(Engine::Gecko)),
        ("TypeError: Load failed", Some(Engine::WebKit)),
        ("AxiosError: Network Error", None),
    ] {
        let e = explain(text);
        assert_eq!(e.kind, Kind::JsOnly, "{text}");
        assert_eq!(e.browser, browser, "{text}");
        assert!(e.why.contains(&Point::ReasonKeptFromScripts), "{text}");
        assert!(e.fix.expect("fix").steps.contains(&Point::WhereToLook), "{text}");
        assert!(e.lab.is_some(), "{text}: the lab shows this error");
    }
    let e = explain("GET https://api.example.com/x net::ERR_FAILED 200 (OK)");
    assert_eq!(e.kind, Kind::JsOnly);
    assert_eq!(e.headline, Point::ChromeNetworkLine);
}

#[test]
fn neighbours_of_cors_are_named() {
    for (text, kind, says) in [
        ("Refused to connect to 'https://api.example.com/data' because it violates the following Content Security Policy directive: \"connect-src 'self'\".", Kind::NotCors, Point::CspBlocked),
        ("Connecting to 'https://api.example.com/' violates the following Content Security Policy directive: \"connect-src 'self'\". The action has been blocked.", Kind::NotCors, Point::CspBlocked),
        ("Content-Security-Policy: The page\u{2019}s settings blocked the loading of a resource (connect-src) at https://api.example.com/ because it violates the following directive: \u{201c}connect-src 'self'\u{201d}", Kind::NotCors, Point::CspBlocked),
        ("Mixed Content: The page at 'https://shop.example.com/' was loaded over HTTPS, but requested an insecure resource 'http://api.example.com/x'. This request has been blocked; the content must be served over HTTPS.", Kind::NotCors, Point::MixedContent),
        ("Access to fetch at 'http://192.168.1.20:8080/api' from origin 'https://shop.example.com' has been blocked by CORS policy: The request client is not a secure context and the resource is in more-private address space `local`.", Kind::CorsRelated, Point::PrivateNetworkAccess),
        ("Access to fetch at 'http://localhost:3000/' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `local` address space.", Kind::CorsRelated, Point::PrivateNetworkAccess),
        ("Access to fetch at 'http://localhost:3000/' from origin 'http://192.168.1.5:8080' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space.", Kind::CorsRelated, Point::PrivateNetworkAccess),
        ("GET http://localhost:3000/api net::ERR_CONNECTION_REFUSED", Kind::NotCors, Point::NoHttpAnswer { server: None, cause: NetworkCause::Refused }),
        ("GET https://api.example.com/x net::ERR_BLOCKED_BY_ORB 200 (OK)", Kind::NotCors, Point::OrbWithheld),
        ("Cross-Origin Read Blocking (CORB) blocked cross-origin response https://api.example.com/x with MIME type application/json.", Kind::NotCors, Point::OrbWithheld),
        ("GET https://ads.example.com/ads.js net::ERR_BLOCKED_BY_CLIENT", Kind::NotCors, Point::ExtensionBlocked),
        ("GET https://cdn.example.com/a.png net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin 200", Kind::NotCors, Point::CorpForbids),
        ("Uncaught SecurityError: Failed to read a named property 'document' from 'Window': Blocked a frame with origin \"https://a.example\" from accessing a cross-origin frame.", Kind::NotCors, Point::FrameAccess),
        ("Uncaught DOMException: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data.", Kind::NotCors, Point::CanvasTainted),
        ("SyntaxError: Unexpected end of JSON input", Kind::NotCors, Point::OpaqueAnswer),
        ("Access to XMLHttpRequest at 'file:///C:/site/data.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted.", Kind::CorsRelated, Point::NotHttp),
        ("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:3000/api. (Reason: CORS request did not succeed). Status code: (null).", Kind::NotCors, Point::FirefoxNoUsableResponse { server: None }),
        ("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at file:///tmp/a.json. (Reason: CORS request not HTTP).", Kind::CorsRelated, Point::NotHttp),
        ("WebSocket connection to 'wss://api.example.com/socket' failed:", Kind::NotCors, Point::WebSocketFailed),
        ("Failed to load resource: the server responded with a status of 500 (Internal Server Error)", Kind::NotCors, Point::HttpError { status: Some(500) }),
    ] {
        let e = explain(text);
        assert_eq!(e.kind, kind, "{text}");
        assert_eq!(std::mem::discriminant(&e.headline), std::mem::discriminant(&says), "{text}: {:?}", e.headline);
    }
}

#[test]
fn unknown_text_gets_an_answer_not_a_blank() {
    for text in ["", "   \n ", "hello", "Error: something broke", "CORS is broken please help", "{\"error\":\"cors\"}", "Access to ", "has been blocked by CORS policy"] {
        let e = explain(text);
        assert!(!e.what.is_empty() || e.fix.as_ref().is_some_and(|f| !f.steps.is_empty()), "{text:?}");
    }
    assert_eq!(explain("").kind, Kind::Empty);
    assert_eq!(explain("hello").kind, Kind::Unrecognised);
    assert!(explain("hello").what.contains(&Point::WhatItLooksLike));
    // An unknown reason inside a real envelope keeps the envelope's values.
    let e = explain("Access to fetch at 'https://a.example/' from origin 'https://b.example' has been blocked by CORS policy: Something new happened.");
    assert_eq!(e.kind, Kind::Cors);
    assert_eq!(e.headline, Point::UnknownReason { reason: "Something new happened.".into() });
    assert_eq!(e.values.origin.as_deref(), Some("https://b.example"));
}

#[test]
fn misplaced_request_headers_are_called_out() {
    let e = explain("Access to fetch at 'https://api.example.com/' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field access-control-allow-origin is not allowed by Access-Control-Allow-Headers in preflight response.");
    let fix = e.fix.expect("fix");
    assert!(matches!(&fix.steps[0], Point::ResponseHeaderOnRequest { header } if header == "access-control-allow-origin"), "{:?}", fix.steps);
    assert!(fix.raw.is_empty(), "no header on the server fixes this");
}

#[test]
fn huge_pastes_are_cut_not_choked_on() {
    let big = format!("{}\n{}", "x".repeat(100_000), EXAMPLES[0].1);
    let e = explain(&big);
    assert!(e.notes.iter().any(|n| matches!(n, Point::PasteCut { .. })));
    let many = EXAMPLES[1].1.repeat(200);
    assert_eq!(explain(&many).kind, Kind::Cors);
}

#[test]
fn examples_are_all_explained() {
    for (label, text) in EXAMPLES {
        let e = explain(text);
        assert!(!matches!(e.kind, Kind::Unrecognised | Kind::Empty), "{label:?}");
    }
}

#[test]
fn wording_fills_and_reads_back() {
    let w = Wording("a {} b {} c");
    assert_eq!(w.fill(&["1", "2"]), "a 1 b 2 c");
    assert_eq!(w.read_prefix("a 1 b 2 c and more"), Some((vec!["1".to_owned(), "2".to_owned()], 9)));
    assert_eq!(w.read_prefix("a 1 b 2"), None);
    assert_eq!(Wording("x ‘{}’").read_prefix("x 'v'"), Some((vec!["v".to_owned()], 5)));
    assert_eq!(w.find_in("zz a 1 b 2 c").map(|(s, _, e)| (s, e)), Some((3, 12)));
    assert_eq!(parse::decode_hint("caf\\u00C3\\u00A9 \\uZZ \\u263A"), "café \\uZZ ☺");
}

/// Corrected claims in the explainer's texts, each checked against what it
/// must (and must no longer) say. The model has no `<script>` or `file://`
/// page: these two are real-engine facts (a browser test will pin them).
/// The English words of an explainer text (`locales/en/explain.json`, by
/// its key: `point.null_origin`), inline code shown as `code`: where the
/// prose itself is the point (a claim that was wrong once).
pub(crate) fn en_text(key: &str) -> String {
    let all: serde_json::Value = serde_json::from_str(include_str!("../../../../locales/en/explain.json")).expect("en/explain.json");
    let text = key.split('.').fold(&all, |v, k| &v[k]).as_str().unwrap_or_else(|| panic!("no text {key}"));
    text.replace("<code>", "`").replace("</code>", "`").replace("``", "`")
}

#[test]
fn corrected_claims_stay_corrected() {
    type Says = fn(&Explanation) -> bool;
    /// (message, what it must tell, that text's key, what the text says, what it no longer says)
    type Case<'a> = (&'a str, Says, &'a str, &'a [&'a str], &'a [&'a str]);
    let cases: &[Case] = &[
        // A script's CORS error: module scripts are always cors-mode.
        (
            "Access to script at 'http://localhost:8081/widget.js' from origin 'http://localhost:8080' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            |e| e.notes.contains(&Point::CrossoriginAttribute { loaded: Loaded::Script }),
            "point.crossorigin_attribute_script",
            &["a module script", "always fetched in CORS mode"],
            &[],
        ),
        // file://: the message is about the target URL's scheme; a null-origin
        // page's requests to http(s) go out with `Origin: null`.
        (
            "Access to XMLHttpRequest at 'file:///C:/site/data.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted.",
            |e| e.what.contains(&Point::OnlyHttpUrls),
            "point.only_http_urls",
            &["about the URL being fetched"],
            &["outright"],
        ),
        (
            "Access to XMLHttpRequest at 'file:///C:/site/data.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted.",
            |e| e.what.contains(&Point::FilePagesAreNull),
            "point.file_pages_are_null",
            &["`Origin: null`"],
            &["outright"],
        ),
        // Firefox's warning: it does not block (yet), and Chromium lets `*` cover it.
        (
            "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at http://localhost:8081/cors soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).",
            |e| e.what.contains(&Point::StarNeverCoversAuthorization),
            "point.star_never_covers_authorization",
            &["Firefox lets it through for now", "Chrome (156) and Safari (WebKit 2.50) let `*` cover it too"],
            &["does not cover Authorization: the server must"],
        ),
        // A server echoing `null` after a redirect.
        (
            "Access to fetch at 'http://localhost:8082/cors' (redirected from 'http://localhost:8081/cors') from origin 'http://localhost:8080' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin.",
            |e| e.fix.as_ref().is_some_and(|f| f.steps.iter().any(|s| matches!(s, Point::ServerSentNull { .. }))),
            "point.server_sent_null",
            &["once a server on another origin than the page's redirects it to a different origin"],
            &["a page's origin becomes `null` after a redirect"],
        ),
    ];
    for &(message, says, key, has, lacks) in cases {
        let e = explain(message);
        assert!(says(&e), "{message}\n does not tell {key}:\n{e:?}");
        let text = en_text(key);
        for h in has {
            assert!(text.contains(h), "{key} lacks {h:?}:\n{text}");
        }
        for l in lacks {
            assert!(!text.contains(l), "{key} still says {l:?}:\n{text}");
        }
    }
}

/// What the three engines really printed for every scenario of the matrix
/// (`tests/data/engine-captures`): each line alone and each run's lines
/// together are recognised, in the right browser's words; the stage
/// (preflight or not) is the model's, or left open where the engine's words
/// do not tell; and the lab link makes the model predict the same reason in
/// the same engine, status codes and header spelling included.
#[test]
fn every_line_the_engines_printed_is_explained_and_reproduced() {
    use crate::engine::predict_in;
    let scenarios = crate::matrix::expand(MATRIX).expect("matrix");
    let env = lab_env();
    let urls = |line: &str| -> String {
        line.split_whitespace()
            .map(|w| match w.find("http://") {
                Some(i) => format!("{}<url>", &w[..i]),
                None => w.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut problems = Vec::new();
    for (engine, runs) in crate::captures::all() {
        let (mut lines_read, mut reproduced, mut failures) = (0, 0, 0);
        for run in &runs {
            let id = run.id.as_str();
            let printed = &run.console;
            for line in printed {
                let e = explain(line);
                lines_read += 1;
                if e.kind == Kind::Unrecognised || e.browser != Some(engine) {
                    problems.push(format!("{engine:?} {id}: {line:?} read as {:?} in {:?}", e.kind, e.browser));
                }
            }
            // What JavaScript caught names the browser too.
            let js = run.js.as_str();
            if js.contains(crate::engine::wording::js_error::CHROME)
                || js.contains(crate::engine::wording::js_error::FIREFOX)
                || js.contains(crate::engine::wording::js_error::SAFARI)
            {
                let e = explain(js);
                if e.kind != Kind::JsOnly || e.browser != Some(engine) {
                    problems.push(format!("{engine:?} {id}: {js:?} read as {:?} in {:?}", e.kind, e.browser));
                }
            }
            let Some(scenario) = scenarios.iter().find(|s| s.id == id) else { continue };
            let run_no = run.run;
            let Some(model) = predict_in(engine, scenario, &env).into_iter().nth(run_no) else { continue };
            let Some(failure) = model.failure.as_ref() else { continue };
            if printed.is_empty() {
                continue;
            }
            failures += 1;
            let e = explain(&printed.join("\n"));
            if e.browser != Some(engine) {
                problems.push(format!("{engine:?} {id}: the run's lines read as {:?}", e.browser));
                continue;
            }
            let model_preflight = failure.stage() == Stage::Preflight;
            if let Some(p) = e.preflight {
                if p != model_preflight && e.kind == Kind::Cors {
                    problems.push(format!("{engine:?} {id}: stage preflight={p}, the model says {model_preflight}: {printed:?}"));
                }
            }
            // Chrome prints only its network line for `redirect: "error"`:
            // nothing names a reason to reproduce.
            if printed.iter().all(|l| l.contains("Failed to load resource")) {
                continue;
            }
            let Some(lab) = e.lab.as_ref() else {
                problems.push(format!("{engine:?} {id}: no lab link for {printed:?}"));
                continue;
            };
            let again = reproduce::predicted_lines(engine, lab);
            let reason = |l: &str| urls(l.rsplit("CORS policy: ").next().unwrap_or(l));
            let want: Vec<String> = printed.iter().filter(|l| !l.contains("Failed to load resource")).map(|l| reason(l)).collect();
            let got: Vec<String> = again.iter().map(|l| reason(l)).collect();
            // The origin differs between the paste and the lab only in its port.
            let same = want.len() == got.len()
                && want.iter().zip(&got).all(|(w, g)| w == g);
            if same {
                reproduced += 1;
            } else {
                problems.push(format!("{engine:?} {id}: the lab reproduces {got:?}, the engine printed {want:?}"));
            }
        }
        eprintln!("{engine:?}: {lines_read} lines read, {reproduced} of {failures} failed runs reproduced in the lab");
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Firefox's console in its other captured languages (zh-TW,
/// `tests/data/engine-captures`): every line alone, and each run's lines
/// together, give the very reading the English line of the same run gives —
/// engine, failure, stage, values, rule, fix, notes, lab link — in the app's
/// language; only the message as pasted differs. (The two captures' random
/// ports are mapped to each other by their order of first appearance.)
#[test]
fn firefox_s_other_languages_read_as_its_english() {
    use crate::captures::{self, CapturedRun};
    use crate::engine::wording::{firefox_zh_tw, FIREFOX_LANGUAGES};
    let english: Vec<CapturedRun> = captures::all()
        .into_iter()
        .find(|(engine, _)| *engine == Engine::Gecko)
        .map(|(_, runs)| runs)
        .expect("Firefox's English capture");
    // The message aside, what the explainer says.
    let reading = |text: &str| {
        let mut e = explain(text);
        e.message = None;
        for other in &mut e.others {
            other.line.clear();
        }
        e
    };
    let mut problems = Vec::new();
    for (language, runs) in captures::localised_firefox() {
        assert_eq!(runs.len(), english.len(), "{language}: not the English capture's runs");
        let ports = port_pairs(&runs, &english);
        let (mut lines, mut together) = (0, 0);
        for (run, en) in runs.iter().zip(&english) {
            assert_eq!((&run.id, run.run), (&en.id, en.run), "{language}: runs out of order");
            assert_eq!(run.console.len(), en.console.len(), "{language} {}: line count", run.id);
            assert_eq!(run.js, en.js, "{language} {}: JavaScript's error", run.id);
            for (line, en_line) in run.console.iter().zip(&en.console) {
                lines += 1;
                let (got, want) = (reading(&with_ports(line, &ports)), reading(en_line));
                if got.browser != Some(Engine::Gecko) || got != want {
                    problems.push(format!("{language} {}: {line:?}\n  read as {got:?}\n  English {want:?}", run.id));
                }
            }
            if run.console.len() > 1 {
                together += 1;
                let joined = with_ports(&run.console.join("\n"), &ports);
                if reading(&joined) != reading(&en.console.join("\n")) {
                    problems.push(format!("{language} {}: the run's lines together read otherwise than in English", run.id));
                }
            }
        }
        eprintln!("Firefox {language}: {lines} lines, alone and {together} runs' lines together, read as in English");
        assert!(lines > 0, "{language}: no lines");
        // Every wording of the language is one Firefox printed in our runs,
        // but those copied from the language pack (tested below).
        let texts = FIREFOX_LANGUAGES
            .iter()
            .find(|l| l.tag == language)
            .map(|l| l.reasons.iter().filter(|r| r.captured).map(|r| r.text).chain([l.same_origin_mode]).collect::<Vec<_>>())
            .unwrap_or_default();
        for text in texts {
            if !runs.iter().flat_map(|r| &r.console).any(|l| text.find_in(l).is_some()) {
                problems.push(format!("{language}: {:?} is in no captured line", text.0));
            }
        }
    }
    assert_eq!(firefox_zh_tw::LANGUAGE.tag, "zh-TW");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// `host:port` of every loopback port in `runs`, in order of first appearance.
fn loopback_ports(runs: &[crate::captures::CapturedRun]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for line in runs.iter().flat_map(|r| &r.console) {
        for host in ["localhost:", "127.0.0.1:"] {
            for (at, _) in line.match_indices(host) {
                let digits: String = line[at + host.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let port = format!("{host}{digits}");
                if !digits.is_empty() && !seen.contains(&port) {
                    seen.push(port);
                }
            }
        }
    }
    seen
}

/// The ports of one capture paired with another's, by order of appearance.
fn port_pairs(
    from: &[crate::captures::CapturedRun],
    to: &[crate::captures::CapturedRun],
) -> Vec<(String, String)> {
    let (from, to) = (loopback_ports(from), loopback_ports(to));
    assert_eq!(from.len(), to.len(), "the captures name different numbers of ports");
    from.into_iter().zip(to).collect()
}

/// `text` with each port of `pairs` replaced by its partner (whole port numbers only).
fn with_ports(text: &str, pairs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for (from, to) in pairs {
            if let Some(after) = rest.strip_prefix(from.as_str()) {
                if !after.starts_with(|c: char| c.is_ascii_digit()) {
                    out.push_str(to);
                    rest = after;
                    continue 'scan;
                }
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The zh-TW reasons no run of ours prints, copied from the language pack's
/// `security.properties` (`wording::firefox_zh_tw`): each, in the line Firefox
/// would print, reads as the English line of the same key — and the
/// `Authorization` warning as the English warning.
#[test]
fn firefox_zh_tw_reasons_from_the_language_pack_read_as_english() {
    use crate::engine::wording::{firefox, firefox_zh_tw as zh};
    let url = "https://api.example.com/data?x=1";
    let reading = |text: &str| {
        let mut e = explain(text);
        e.message = None;
        e
    };
    let block = |blocked: &str, reason_at: &str, reason: Wording, end: &str| {
        format!("{blocked}{url}{reason_at}{}{end}", reason.fill(&[]))
    };
    let pairs = [
        (zh::MULTIPLE_ACAO, firefox::MULTIPLE_ACAO),
        (zh::DISABLED, firefox::DISABLED),
        (zh::ORIGIN_NOT_ADDED, firefox::ORIGIN_NOT_ADDED),
        (zh::NOT_HTTP, firefox::NOT_HTTP),
    ];
    // Every reason marked as from the pack is in `pairs`.
    for text in zh::LANGUAGE.reasons.iter().filter(|r| !r.captured) {
        assert!(pairs.iter().any(|(z, _)| *z == text.text), "{:?} is not tested", text.text);
    }
    for (zh_reason, en_reason) in pairs {
        let zh_line = block(zh::BLOCKED, zh::REASON, zh_reason, "。");
        let en_line = block(firefox::BLOCKED, firefox::REASON, en_reason, ".");
        let (got, want) = (reading(&zh_line), reading(&en_line));
        assert_eq!(got.browser, Some(Engine::Gecko), "{zh_line}");
        assert_eq!(got, want, "{zh_line}\nreads otherwise than\n{en_line}");
        assert_ne!(got.kind, Kind::Unrecognised, "{zh_line}");
    }
    // The warning, as the language pack spells it (`CORSAllowHeaderFromPreflightDeprecation`).
    let zh_warning = format!(
        "{}{url}{}（原因:{}。",
        zh::WARNING,
        zh::WARNING_AFTER_URL,
        zh::AUTHORIZATION_WILDCARD.fill(&[])
    );
    let en_warning = format!(
        "{}{url}{} (Reason: {} To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).",
        firefox::WARNING,
        firefox::WARNING_AFTER_URL,
        firefox::AUTHORIZATION_WILDCARD.fill(&[])
    );
    let (got, want) = (reading(&zh_warning), reading(&en_warning));
    assert_eq!(got.browser, Some(Engine::Gecko), "{zh_warning}");
    assert_eq!(got, want, "{zh_warning}");
}

