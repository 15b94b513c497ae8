//! Test data: what the three engines really printed and threw for every run
//! of the scenario matrix that failed or printed something
//! (`tests/data/engine-captures`, captured by `cors_matrix`). Shared by the
//! engine's and the explainer's tests.

use crate::browser::Engine;

/// One captured run: its scenario, which run, `String(error)` JavaScript
/// caught (empty: none), and the console lines as a learner sees them
/// (chromedriver's `<source> - ` / `javascript <n> ` prefixes stripped).
pub(crate) struct CapturedRun {
    pub id: String,
    pub run: usize,
    pub js: String,
    pub console: Vec<String>,
}

const FILES: [(Engine, &str); 3] = [
    (
        Engine::Chromium,
        include_str!("../../../tests/data/engine-captures/chromium-156.json"),
    ),
    (
        Engine::Gecko,
        include_str!("../../../tests/data/engine-captures/firefox-esr-153.json"),
    ),
    (
        Engine::WebKit,
        include_str!("../../../tests/data/engine-captures/webkitgtk-2.50.json"),
    ),
];

/// Every engine's captured runs.
pub(crate) fn all() -> Vec<(Engine, Vec<CapturedRun>)> {
    FILES
        .iter()
        .map(|&(engine, text)| {
            let runs: Vec<serde_json::Value> = serde_json::from_str(text).expect("capture");
            let runs = runs
                .iter()
                .map(|run| CapturedRun {
                    id: run["id"].as_str().unwrap_or_default().to_owned(),
                    run: run["run"].as_u64().unwrap_or_default() as usize,
                    js: run["js"].as_str().unwrap_or_default().to_owned(),
                    console: run["console"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|l| l.as_str())
                        .map(|l| as_shown(engine, l))
                        .collect(),
                })
                .collect();
            (engine, runs)
        })
        .collect()
}

/// A console line as DevTools shows it: chromedriver's log prefixes a
/// Chromium line with its source (`<url> - `) or `javascript <n> `.
fn as_shown(engine: Engine, line: &str) -> String {
    match engine {
        Engine::Chromium => line
            .split_once(" - ")
            .filter(|(source, _)| source.starts_with("http"))
            .map(|(_, m)| m)
            .or_else(|| {
                line.strip_prefix("javascript ")
                    .and_then(|r| r.split_once(' '))
                    .map(|(_, m)| m)
            })
            .unwrap_or(line)
            .to_owned(),
        Engine::Gecko | Engine::WebKit => line.to_owned(),
    }
}
