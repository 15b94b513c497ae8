//! The differential test: every scenario of `tests/data/cors-matrix.json` is
//! run for real in the engine under test (`CORS_LAB_ENGINE`: Chromium,
//! Firefox ESR or WebKitGTK; a `fetch` from the app origin to a demo origin),
//! and what JavaScript got, what the server log shows and every console line
//! the engine printed must equal what `cors_core::engine::predict_in`
//! predicted for that engine. One browser session runs them all; each
//! scenario has its own URL (`case=<id>`), so preflight-cache entries and log
//! lines never mix.

use cors_core::engine::{self, Engine, Env, Prediction};
use cors_core::scenario::{Arrival, JsObservation, Mode, Observation, Scenario, Target};
use cors_core::wire::{LogEntry, Role};
use serde_json::json;

use crate::harness::{self, Lab};

const MATRIX: &str = include_str!("../data/cors-matrix.json");

/// The matrix file, expanded (cartesian product of each group's axes).
pub fn load_matrix() -> Vec<Scenario> {
    cors_core::matrix::expand(MATRIX).unwrap_or_else(|e| panic!("cors-matrix.json: {e}"))
}

#[test]
fn matrix_is_large_and_ids_are_unique() {
    let scenarios = load_matrix();
    assert!(scenarios.len() >= 200, "only {} scenarios", scenarios.len());
    let mut ids: Vec<&str> = scenarios.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), scenarios.len(), "scenario ids must be unique");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn engine_agrees_with_the_browser() {
    let scenarios = load_matrix();
    let lab = Lab::start().await;
    // The lab's cookie for `localhost`, set by a first-party visit to the API origin.
    lab.client
        .goto(&format!(
            "http://localhost:{}/cors?a.set_cookie=1&case=setup",
            lab.api_port
        ))
        .await
        .expect("visit the API origin");
    lab.open("/").await;
    lab.console_messages().await; // drop what page loading logged
    let env = Env {
        host: "localhost".to_owned(),
        alt_host: "127.0.0.1".to_owned(),
        app_port: lab.app_port,
        api_port: lab.api_port,
        intranet_port: lab.intranet_port,
        has_lab_cookie: true,
    };

    let engine = match lab.engine {
        harness::Engine::Chromium => Engine::Chromium,
        harness::Engine::Firefox => Engine::Gecko,
        harness::Engine::Webkit => Engine::WebKit,
    };
    let mut runs = 0;
    let mut failures = Vec::new();
    // CORS_LAB_CAPTURE=<file>: write what this engine did, compare nothing.
    let capture_to = std::env::var("CORS_LAB_CAPTURE").ok();
    let mut capture = capture_to.as_ref().map(|_| Vec::new());
    if engine == Engine::Gecko && capture_to.is_none() {
        if let Some(locale) = harness::firefox_locale() {
            panic!("CORS_LAB_FIREFOX_LOCALE={locale}: the model prints Firefox's English; a localised Firefox is captured (CORS_LAB_CAPTURE=<file>), not compared");
        }
    }
    for scenario in &scenarios {
        let predictions = engine::predict_in(engine, scenario, &env);
        assert_eq!(
            predictions.len(),
            usize::from(scenario.repeat),
            "{}",
            scenario.id
        );
        for (run, prediction) in predictions.iter().enumerate() {
            runs += 1;
            let seen_before = last_log_id(&lab);
            let (js, js_message) = run_fetch(&lab, scenario, &env).await;
            let arrived = arrivals_since(&lab, seen_before, &scenario.id);
            let observed = Observation { js, arrived };
            let console = lab.console_messages().await;
            if let Some(capture) = &mut capture {
                capture.push(json!({
                    "id": scenario.id, "run": run, "js": js_message,
                    "observed": observed, "console": console,
                }));
                continue;
            }
            if observed != prediction.observation {
                failures.push(describe(scenario, run, prediction, &observed));
            } else if prediction.js_error.as_deref().unwrap_or_default() != js_message {
                failures.push(format!(
                    "{} (run {}): JavaScript caught {js_message:?}, the model says {:?}",
                    scenario.id,
                    run + 1,
                    prediction.js_error
                ));
            } else if let Some(problem) = console_mismatch(engine, prediction, &console) {
                failures.push(format!("{} (run {}): {problem}", scenario.id, run + 1));
            }
        }
    }
    if let (Some(path), Some(capture)) = (capture_to, capture) {
        let text = serde_json::to_string_pretty(&capture).unwrap_or_default();
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        if let Some(locale) = harness::firefox_locale().filter(|_| engine == Engine::Gecko) {
            // A language pack that did not take leaves Firefox in English.
            let english = engine::wording::firefox::BLOCKED;
            let lines: Vec<&str> = capture
                .iter()
                .flat_map(|run| run["console"].as_array().into_iter().flatten())
                .filter_map(|line| line.as_str())
                .collect();
            assert!(
                !lines.is_empty() && lines.iter().all(|line| !line.contains(english)),
                "CORS_LAB_FIREFOX_LOCALE={locale}: Firefox printed {} lines, some in English: the language pack was not used",
                lines.len()
            );
        }
        return;
    }
    eprintln!(
        "cors_matrix [{engine:?}]: {} scenarios, {} runs: {} passed, {} failed",
        scenarios.len(),
        runs,
        runs - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "the model disagrees with {engine:?} on {} runs:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The console must show exactly the lines the model predicts for this
/// engine, and none when it predicts none. Chrome's come through
/// chromedriver's log, prefixed with their source, beside its network lines
/// (`Failed to load resource`), which are not modelled: its one CORS line
/// must be among them. Firefox's and Safari's come as the text alone, and
/// must be equal, line for line.
fn console_mismatch(engine: Engine, prediction: &Prediction, console: &[String]) -> Option<String> {
    let expected = &prediction.console;
    let ok = match engine {
        Engine::Chromium => {
            let cors_lines = console
                .iter()
                .filter(|m| {
                    m.contains("CORS policy")
                        || m.contains("Unsafe attempt")
                        || m.contains("Fetch API")
                })
                .count();
            match expected.first() {
                Some(line) => {
                    cors_lines == 1 && console.iter().any(|m| m.contains(line.trim_end()))
                }
                None => cors_lines == 0,
            }
        }
        Engine::Gecko | Engine::WebKit => console == expected.as_slice(),
    };
    (!ok).then(|| format!("console: expected {expected:?}\n  observed {console:?}"))
}

fn describe(
    scenario: &Scenario,
    run: usize,
    prediction: &Prediction,
    observed: &Observation,
) -> String {
    format!(
        "{} (run {}): {}\n  expected: {}\n  observed: {}\n  engine: {}",
        scenario.id,
        run + 1,
        serde_json::to_string(&json!({ "request": scenario.request, "server": scenario.server }))
            .unwrap_or_default(),
        serde_json::to_string(&prediction.observation).unwrap_or_default(),
        serde_json::to_string(observed).unwrap_or_default(),
        serde_json::to_string(prediction).unwrap_or_default(),
    )
}

/// Run the scenario's `fetch` in the page and report what JavaScript got.
async fn run_fetch(lab: &Lab, scenario: &Scenario, env: &Env) -> (JsObservation, String) {
    let request = &scenario.request;
    let url = engine::request_url(env, request.target, &scenario.id, &scenario.server);
    let mut init = json!({
        "method": request.method,
        "headers": request.headers,
        "mode": match request.mode { Mode::Cors => "cors", Mode::NoCors => "no-cors", Mode::SameOrigin => "same-origin" },
        "credentials": serde_json::to_value(request.credentials).unwrap_or_default(),
        "redirect": serde_json::to_value(request.redirect).unwrap_or_default(),
    });
    if let Some(body) = &request.body {
        init["body"] = json!(body);
    }
    const SCRIPT: &str = r#"
        const [url, init, done] = arguments;
        (async () => {
          try {
            const r = await fetch(url, init);
            let body = "";
            try { body = await r.text(); } catch (e) {}
            const names = [];
            r.headers.forEach((_, name) => names.push(name));
            done({ kind: "response", status: r.status, type: r.type,
                   headers: [...new Set(names)].sort(), body });
          } catch (e) {
            done({ kind: "rejected", name: e.name, message: String(e) });
          }
        })();
    "#;
    let got = lab
        .client
        .execute_async(SCRIPT, vec![json!(url), init])
        .await
        .unwrap_or_else(|e| panic!("{}: the script failed: {e}", scenario.id));
    let message = got["message"].as_str().unwrap_or_default().to_owned();
    let js = match got["kind"].as_str() {
        Some("response") => JsObservation::Response {
            status: got["status"]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or(0),
            response_type: got["type"].as_str().unwrap_or_default().to_owned(),
            headers: got["headers"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|h| h.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            body_readable: got["body"].as_str().is_some_and(|b| !b.is_empty()),
        },
        _ => {
            assert_eq!(got["name"], "TypeError", "{}: {got}", scenario.id);
            JsObservation::Rejected
        }
    };
    (js, message)
}

fn last_log_id(lab: &Lab) -> u64 {
    lab.server_state
        .log()
        .entries(None)
        .last()
        .map_or(0, |e| e.id)
}

/// Requests of this scenario that reached the server after `after_id`, in order.
fn arrivals_since(lab: &Lab, after_id: u64, case: &str) -> Vec<Arrival> {
    lab.server_state
        .log()
        .entries(None)
        .into_iter()
        .filter(|e| e.id > after_id)
        .filter(|e| e.has_case(case))
        .map(|e| arrival(&e))
        .collect()
}

fn arrival(entry: &LogEntry) -> Arrival {
    let host = entry.header("host").unwrap_or_default();
    let target = match entry.role {
        Role::App => Target::App,
        Role::Intranet => Target::Intranet,
        Role::Api if host.starts_with("127.0.0.1") => Target::ApiAlt,
        Role::Api => Target::Api,
    };
    Arrival {
        target,
        method: entry.method.clone(),
        preflight: entry.is_preflight(),
        cookie: entry.header("cookie").is_some_and(|c| c.contains("lab=")),
    }
}
