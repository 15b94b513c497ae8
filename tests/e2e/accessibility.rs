//! Every page, in the normal view and in presenter mode, checked by axe-core
//! (WCAG 2.0/2.1 A and AA rules) in the real browser: no serious or
//! critical violation. axe-core comes from npm (installed by `cargo xtask
//! test`, path in `CORS_LAB_AXE`) and is injected from that local file.

use serde_json::Value;

use crate::harness::Lab;

/// Each page with what shows it has rendered its content.
const PAGES: &[(&str, &str)] = &[
    ("/", "run-users-fetch"),
    (
        "/origin?a=https%3A%2F%2Fshop.example.com%2Fcart%3Fid%3D1&b=https%3A%2F%2Fapi.example.com%3A8443%2Fusers.json",
        "origin-verdict",
    ),
    ("/lab?s=delete-post", "lab-run"),
    ("/quiz", "quiz-question"),
    ("/why", "site-footer"),
    (
        "/explain?m=Access%20to%20fetch%20at%20%27http%3A%2F%2Flocalhost%3A8081%2Fusers.json%27%20from%20origin%20%27http%3A%2F%2Flocalhost%3A8080%27%20has%20been%20blocked%20by%20CORS%20policy%3A%20No%20%27Access-Control-Allow-Origin%27%20header%20is%20present%20on%20the%20requested%20resource.",
        "site-footer",
    ),
];

/// axe over the whole document, WCAG 2.0/2.1 A and AA rules; the
/// violations, or `{error}`.
const RUN_AXE: &str = "const done = arguments[arguments.length - 1];
     axe.run(document, {
       runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
       resultTypes: ['violations'],
     }).then(r => done(r.violations.map(v => ({
       id: v.id, impact: v.impact, help: v.help,
       nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary),
     }))), e => done({ error: String(e) }));";

/// Runs axe on the page as it is; the serious and critical violations.
pub(crate) async fn serious_violations(lab: &Lab) -> Vec<String> {
    let path = std::env::var("CORS_LAB_AXE")
        .expect("CORS_LAB_AXE names axe.min.js (cargo xtask test installs axe-core and sets it)");
    let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    // WebKit's driver has been seen to fail an async script once under
    // load with a bare "unknown error": up to three tries, each re-injecting.
    let mut tries = Vec::new();
    let result = loop {
        let run = async {
            lab.client.execute(&axe, vec![]).await?;
            lab.client.execute_async(RUN_AXE, vec![]).await
        };
        match run.await {
            Ok(result) => break result,
            Err(e) if tries.len() < 2 => tries.push(e.to_string()),
            Err(e) => panic!("run axe-core: {e} (earlier tries: {tries:?})"),
        }
    };
    if let Some(error) = result.get("error") {
        panic!("axe-core failed: {error}");
    }
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v: Value| {
            format!(
                "{} ({}): {}\n    {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                v["nodes"]
                    .as_array()
                    .map(|n| n
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("\n    "))
                    .unwrap_or_default()
            )
        })
        .collect()
}

async fn check_every_page(presenting: bool) {
    let lab = Lab::start().await;
    let mut found = Vec::new();
    for (path, testid) in PAGES {
        let path = if presenting {
            let sep = if path.contains('?') { '&' } else { '?' };
            format!("{path}{sep}present=1")
        } else {
            (*path).to_owned()
        };
        lab.open(&path).await;
        lab.find(testid).await;
        if presenting {
            lab.find("present-panel").await;
        }
        for violation in serious_violations(&lab).await {
            found.push(format!("{path}: {violation}"));
        }
    }
    assert!(
        found.is_empty(),
        "axe-core found serious or critical WCAG A/AA violations:\n{}",
        found.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_is_axe_clean() {
    check_every_page(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_is_axe_clean_in_presenter_mode() {
    check_every_page(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_are_axe_clean_too() {
    let lab = Lab::start().await;
    let mut found = Vec::new();
    // A lab run: the three panels, the console messages, the fix.
    lab.open("/lab?s=delete-post").await;
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
    lab.text_until("server-log", |t| t.contains("/deletePost"))
        .await;
    found.extend(serious_violations(&lab).await);
    // A quiz question answered and run: feedback and evidence.
    lab.open("/quiz").await;
    lab.click("quiz-choice-0").await;
    lab.click("quiz-answer").await;
    lab.find("quiz-feedback").await;
    found.extend(serious_violations(&lab).await);
    assert!(
        found.is_empty(),
        "axe-core found serious or critical WCAG A/AA violations after a run:\n{}",
        found.join("\n")
    );
}
