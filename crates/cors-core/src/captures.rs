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

/// Firefox in another UI language (its console messages translated), by
/// language tag: the same matrix runs as its English capture in `FILES`.
const LOCALISED_FIREFOX: [(&str, &str); 1] = [(
    "zh-TW",
    include_str!("../../../tests/data/engine-captures/firefox-esr-153-zh-TW.json"),
)];

/// Every engine's captured runs.
pub(crate) fn all() -> Vec<(Engine, Vec<CapturedRun>)> {
    FILES
        .iter()
        .map(|&(engine, text)| (engine, read(engine, text)))
        .collect()
}

/// Firefox's captured runs in each other UI language, by language tag.
pub(crate) fn localised_firefox() -> Vec<(&'static str, Vec<CapturedRun>)> {
    LOCALISED_FIREFOX
        .iter()
        .map(|&(language, text)| (language, read(Engine::Gecko, text)))
        .collect()
}

fn read(engine: Engine, text: &str) -> Vec<CapturedRun> {
    let runs: Vec<serde_json::Value> = serde_json::from_str(text).expect("capture");
    runs.iter()
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
