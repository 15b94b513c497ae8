//! The opened page's texts start downloading with the wasm, not a round
//! trip after it runs: the boot script (xtask/src/wasm.rs) fetches them in
//! the language the app will pick, and the app takes those answers. Checked
//! from the page's Resource Timing: each file of the page and language is
//! fetched once, by the boot script — started no later than the page's
//! bundle of chunks, which that script requests right after them (the app's
//! own requests can only start once the wasm has arrived and compiled) —
//! and no file of another language is fetched.

use std::time::Instant;

use serde::Deserialize;

use crate::harness::{Lab, LabOptions, PATIENCE};
use crate::language::html_lang_until;

#[derive(Debug, Deserialize)]
struct TextRequests {
    /// When the request for the page's bundle of chunks started (the boot
    /// script's last request).
    bundle_start: f64,
    /// `<page>/<locale>.json` and its start, in fetch order.
    files: Vec<(String, f64)>,
}

async fn text_requests(lab: &Lab) -> TextRequests {
    let value = lab
        .client
        .execute(
            "const all = performance.getEntriesByType('resource');\
             return { bundle_start: Math.min(...all\
                 .filter(e => /^\\/pkg-[0-9a-f]{16}\\/bundle-[0-9]+\\.bin$/.test(new URL(e.name).pathname))\
                 .map(e => e.startTime)),\
               files: all\
                 .map(e => [new URL(e.name).pathname, e.startTime])\
                 .filter(([p]) => /^\\/i18n-[0-9a-f]{16}\\//.test(p))\
                 .map(([p, t]) => [p.replace(/^\\/i18n-[0-9a-f]{16}\\//, ''), t]) }",
            vec![],
        )
        .await
        .expect("resource entries");
    serde_json::from_value(value).expect("text requests")
}

/// Opens `path` and checks that exactly `pages` came, in `locale`, each
/// once and started by the boot script.
async fn expect_prefetched(lab: &Lab, path: &str, locale: &str, pages: &[&str]) {
    lab.open(path).await;
    html_lang_until(lab, locale).await;
    lab.find("site-footer").await;
    let mut want: Vec<String> = pages.iter().map(|p| format!("{p}/{locale}.json")).collect();
    want.sort();
    // Every file the page needs is in (the page has rendered, so they
    // came); poll only for the timing entries to be written.
    let started = Instant::now();
    let got = loop {
        let got = text_requests(lab).await;
        let mut names: Vec<String> = got.files.iter().map(|(f, _)| f.clone()).collect();
        names.sort();
        if names == want || started.elapsed() > PATIENCE {
            break got;
        }
        tokio::task::yield_now().await;
    };
    let mut names: Vec<String> = got.files.iter().map(|(f, _)| f.clone()).collect();
    names.sort();
    assert_eq!(names, want, "{path}: the text files fetched, once each");
    for (file, start) in &got.files {
        assert!(
            *start <= got.bundle_start,
            "{path}: {file} started at {start} ms, after the bundle ({} ms): \
             the app fetched it, not the boot script",
            got.bundle_start
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_opened_pages_texts_come_with_the_wasm_in_the_language_the_app_picks() {
    let lab = Lab::start().await;
    // The default language.
    expect_prefetched(&lab, "/", "en", &["common", "home"]).await;
    // Asked for in the address; the quiz shows the comparator's and the
    // lab's texts too (locales/also.json).
    expect_prefetched(
        &lab,
        "/quiz?lang=zh-TW",
        "zh-TW",
        &["common", "quiz", "origin", "lab"],
    )
    .await;
    // Remembered from the switch.
    lab.click("lang-zh-TW").await;
    expect_prefetched(&lab, "/lab", "zh-TW", &["common", "lab", "advice"]).await;
    // The address wins over the remembered choice (and does not change it).
    expect_prefetched(&lab, "/origin?lang=en", "en", &["common", "origin"]).await;
    // A language the lab does not speak falls back to the remembered one.
    expect_prefetched(&lab, "/why?lang=xx", "zh-TW", &["common", "why"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_set_to_traditional_chinese_gets_its_texts_with_the_wasm() {
    for (languages, locale) in [
        ("zh-TW", "zh-TW"),
        ("zh-Hant-HK", "zh-TW"),
        ("zh-CN,en", "en"),
    ] {
        let lab = Lab::start_with(LabOptions {
            languages: Some(languages.to_owned()),
            ..LabOptions::default()
        })
        .await;
        expect_prefetched(&lab, "/explain", locale, &["common", "explain", "advice"]).await;
    }
}
