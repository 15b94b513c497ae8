//! Property tests for the scenario contract and the rules engine: a server
//! spec survives its trip through a real URL query, and `predict` never
//! panics and stays self-consistent on any scenario.

use cors_core::engine::{predict, request_url, Env, PreflightNeed};
use cors_core::scenario::{
    Acao, Answer, Credentials, JsObservation, Mode, Redirect, RedirectMode, RequestSpec, Scenario,
    ServerSpec, Target,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("true".to_owned()),
        Just("*".to_owned()),
        Just("PUT, DELETE".to_owned()),
        Just("x-custom".to_owned()),
        Just("a=b&c=d%20+e".to_owned()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::App),
        Just(Target::Api),
        Just(Target::ApiAlt),
        Just(Target::Intranet),
    ]
}

fn acao() -> impl Strategy<Value = Acao> {
    prop_oneof![
        Just(Acao::None),
        Just(Acao::Star),
        Just(Acao::Echo),
        Just(Acao::EchoSlash),
        Just(Acao::Null),
        Just(Acao::Other),
        Just(Acao::EchoAndOther),
        Just(Acao::TwoLines),
        text().prop_map(Acao::Value),
    ]
}

/// An answer; `status` draws the status codes, `depth` bounds nested redirects.
fn answer(status: BoxedStrategy<u16>, depth: u32) -> BoxedStrategy<Answer> {
    let redirect = if depth == 0 {
        Just(None).boxed()
    } else {
        prop_oneof![
            3 => Just(None),
            1 => (
                prop::sample::select(vec![301u16, 302, 303, 307, 308]),
                target(),
                spec(status.clone(), depth - 1),
            )
                .prop_map(|(status, to, then)| Some(Box::new(Redirect { status, to, then }))),
        ]
        .boxed()
    };
    let header_name = "[A-Za-z0-9_ !-]{0,8}";
    (
        status,
        acao(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        redirect,
        any::<bool>(),
        prop::collection::vec((header_name, text()), 0..3),
    )
        .prop_map(
            |(status, acao, acac, acam, acah, aceh, max_age, vary, redirect, set_cookie, extra)| {
                Answer {
                    status,
                    acao,
                    acac,
                    acam,
                    acah,
                    aceh,
                    max_age,
                    vary,
                    redirect,
                    set_cookie,
                    extra_headers: extra,
                }
            },
        )
        .boxed()
}

fn spec(status: BoxedStrategy<u16>, depth: u32) -> BoxedStrategy<ServerSpec> {
    (answer(status.clone(), depth), answer(status, depth))
        .prop_map(|(preflight, actual)| ServerSpec { preflight, actual })
        .boxed()
}

/// Specs the query format can carry: statuses 200-599, redirects nested at most twice.
fn valid_spec() -> BoxedStrategy<ServerSpec> {
    spec((200u16..=599).boxed(), 2)
}

/// Anything, including statuses the query refuses and deep redirect chains.
fn any_spec() -> BoxedStrategy<ServerSpec> {
    spec(
        prop_oneof![Just(200u16), Just(204), Just(404), any::<u16>()].boxed(),
        4,
    )
}

fn request() -> impl Strategy<Value = RequestSpec> {
    let method = prop_oneof![
        Just("GET".to_owned()),
        Just("POST".to_owned()),
        Just("PUT".to_owned()),
        Just("patch".to_owned()),
        Just("HEAD".to_owned()),
        Just("options".to_owned()),
        Just("TRACE".to_owned()),
        "[ -~]{0,6}",
        "\\PC{0,4}",
    ];
    let header_name = prop_oneof![
        Just("Content-Type".to_owned()),
        Just("Accept".to_owned()),
        Just("Authorization".to_owned()),
        Just("X-Custom".to_owned()),
        Just("Range".to_owned()),
        Just("Cookie".to_owned()),
        Just("DPR".to_owned()),
        "[ -~]{0,8}",
        "\\PC{0,4}",
    ];
    let header_value = prop_oneof![
        Just("text/plain".to_owned()),
        Just("application/json".to_owned()),
        Just("bytes=0-5".to_owned()),
        "[ -~]{0,20}",
        "\\PC{0,6}",
        "[a]{120,140}",
    ];
    (
        target(),
        method,
        prop::collection::vec((header_name, header_value), 0..5),
        prop::option::of(text()),
        prop_oneof![Just(Mode::Cors), Just(Mode::NoCors), Just(Mode::SameOrigin)],
        prop_oneof![
            Just(Credentials::Omit),
            Just(Credentials::SameOrigin),
            Just(Credentials::Include)
        ],
        prop_oneof![
            Just(RedirectMode::Follow),
            Just(RedirectMode::Error),
            Just(RedirectMode::Manual)
        ],
    )
        .prop_map(
            |(target, method, headers, body, mode, credentials, redirect)| RequestSpec {
                target,
                method,
                headers,
                body,
                mode,
                credentials,
                redirect,
            },
        )
}

fn env() -> impl Strategy<Value = Env> {
    let host = prop_oneof![
        Just("localhost".to_owned()),
        Just("127.0.0.1".to_owned()),
        Just("LocalHost".to_owned()),
        Just(String::new()),
        "[a-z0-9.:\\[\\]]{0,10}",
    ];
    let port = prop_oneof![Just(80u16), Just(8080), Just(8081), any::<u16>()];
    (
        host.clone(),
        host,
        port.clone(),
        port.clone(),
        port,
        any::<bool>(),
    )
        .prop_map(
            |(host, alt_host, app_port, api_port, intranet_port, has_lab_cookie)| Env {
                host,
                alt_host,
                app_port,
                api_port,
                intranet_port,
                has_lab_cookie,
            },
        )
}

fn lab_env() -> Env {
    Env::demo_defaults(true)
}

/// Deeply nested strategies need more stack than a test thread's 2 MiB in
/// debug builds: run the property in a thread with room to spare.
fn with_big_stack(name: &str, test: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(64 << 20)
        .spawn(test)
        .expect("spawn the property's thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

/// `PROPTEST_CASES` when set (`cargo xtask bench` runs these as a long fuzzing
/// pass), else `default`: an explicit `cases` would otherwise ignore it.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(1000),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The spec rides in a URL: serialize, percent-encode as a browser URL
/// would carry it, decode, parse — the same spec comes back.
#[test]
fn server_spec_round_trips_through_a_url_query() {
    with_big_stack("round trip", || {
        let mut runner = proptest::test_runner::TestRunner::new(config());
        let result = runner.run(&(valid_spec(), text()), |(spec, case)| {
            let url = request_url(&lab_env(), Target::Api, &case, &spec);
            let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
            let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            prop_assert_eq!(pairs.first(), Some(&("case".to_owned(), case.clone())));
            let parsed =
                ServerSpec::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            prop_assert_eq!(parsed, Ok(spec));
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
    });
}

/// `predict` never panics, gives one prediction per run, and its parts agree.
#[test]
fn predict_never_panics() {
    with_big_stack("predict", || {
        let mut runner = proptest::test_runner::TestRunner::new(config());
        let inputs = (request(), any_spec(), env(), text(), 0u8..4);
        let result = runner.run(&inputs, |(request, server, env, id, repeat)| {
            check_predictions(
                &Scenario {
                    id,
                    request,
                    server,
                    repeat,
                },
                &env,
            )
        });
        if let Err(e) = result {
            panic!("{e}");
        }
    });
}

fn check_predictions(scenario: &Scenario, env: &Env) -> Result<(), TestCaseError> {
    let predictions = predict(scenario, env);
    prop_assert_eq!(predictions.len(), usize::from(scenario.repeat));
    for p in &predictions {
        let rejected = matches!(p.observation.js, JsObservation::Rejected);
        prop_assert_eq!(rejected, p.failure.is_some());
        prop_assert_eq!(rejected, p.js_error.is_some());
        prop_assert!(p.console.is_empty() || rejected);
        prop_assert_eq!(p.sent.len(), p.observation.arrived.len());
        prop_assert!(!p.steps.is_empty());
        if let JsObservation::Response {
            status,
            response_type,
            headers,
            body_readable,
        } = &p.observation.js
        {
            if response_type.starts_with("opaque") {
                prop_assert_eq!(*status, 0);
                prop_assert!(headers.is_empty() && !body_readable);
            }
            prop_assert!(!headers.iter().any(|h| h == "set-cookie"));
            let mut sorted = headers.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(&sorted, headers);
        }
        // Preflights never carry cookies, and a cached one is never sent.
        prop_assert!(p
            .observation
            .arrived
            .iter()
            .all(|a| !(a.preflight && a.cookie)));
        if matches!(p.preflight, PreflightNeed::Cached { .. }) {
            prop_assert!(p.observation.arrived.first().is_some_and(|a| !a.preflight));
        }
        if scenario.request.mode == Mode::NoCors {
            prop_assert!(p.observation.arrived.iter().all(|a| !a.preflight));
        }
        prop_assert!(serde_json::to_string(p).is_ok());
    }
    Ok(())
}
