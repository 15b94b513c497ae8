//! Every page fits a phone's screen in both languages: nothing scrolls
//! sideways at 375 px (Chinese lines break anywhere, but code, header names
//! and URLs inside them do not).

use crate::harness::Lab;
use crate::language::html_lang_until;

/// Each page, and the element that shows it is ready; `/lab` after a run.
const PAGES: &[(&str, &str)] = &[
    ("/", "run-users-fetch"),
    ("/origin", "origin-verdict"),
    ("/lab", "lab-run"),
    ("/quiz", "quiz-question"),
    ("/why", "site-footer"),
    ("/explain", "site-footer"),
    ("/lab?present=1", "present-panel"),
];

async fn overflow(lab: &Lab) -> f64 {
    lab.client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::MAX)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_phone_in_both_languages() {
    let lab = Lab::start().await;
    lab.client
        .set_window_size(375, 740)
        .await
        .expect("resize to a phone");
    for lang in ["en", "zh-TW"] {
        for (path, ready) in PAGES {
            let sep = if path.contains('?') { '&' } else { '?' };
            lab.open(&format!("{path}{sep}lang={lang}")).await;
            html_lang_until(&lab, lang).await;
            lab.find(ready).await;
            if *path == "/lab" {
                lab.click("lab-run").await;
                lab.find("browser-sent").await;
            }
            let wider = overflow(&lab).await;
            assert!(
                wider <= 0.0,
                "{path} in {lang}: the page scrolls sideways on a phone by {wider} px"
            );
            if lang != "en" {
                let name = path.trim_start_matches('/').replace(['?', '=', '&'], "-");
                lab.screenshot(&format!(
                    "phone-{lang}-{}",
                    if name.is_empty() { "home" } else { &name }
                ))
                .await;
            }
        }
    }
}
