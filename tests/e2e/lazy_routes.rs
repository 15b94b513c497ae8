//! Route-split delivery (`src/lazy.rs`, `xtask/src/wasm.rs`): each page's
//! code arrives when the learner goes there; a deep link gets its page's
//! chunks in one early request; a chunk that cannot load says so and offers
//! a retry; back and forward move between pages whose code came at
//! different times.

use serde_json::json;

use crate::harness::Lab;
use crate::origin_page::nav_to;

/// The paths (under the hashed package directory) the page has fetched,
/// from its Resource Timing entries, e.g. `split_route_lab.wasm`.
async fn fetched_files(lab: &Lab) -> Vec<String> {
    lab.client
        .execute(
            "return performance.getEntriesByType('resource')\
               .map(e => new URL(e.name).pathname)\
               .filter(p => /^\\/pkg-[0-9a-f]{16}\\//.test(p))\
               .map(p => p.replace(/^\\/pkg-[0-9a-f]{16}\\//, ''))",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .expect("the page's resource entries")
}

/// The main heading's text.
async fn heading(lab: &Lab) -> String {
    lab.client
        .execute(
            "const h = document.querySelector('main h1'); return h ? h.textContent : ''",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Poll until the main heading contains `want`.
async fn heading_until(lab: &Lab, want: &str) {
    let started = std::time::Instant::now();
    loop {
        let got = heading(lab).await;
        if got.contains(want) {
            return;
        }
        assert!(
            started.elapsed() < crate::harness::PATIENCE,
            "the heading never said {want:?}; last: {got:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deep_link_gets_its_page_in_one_early_request() {
    let lab = Lab::start().await;
    lab.open("/lab?s=delete-post").await;
    lab.find("lab-run").await;

    let files = fetched_files(&lab).await;
    let bundles: Vec<_> = files.iter().filter(|f| f.starts_with("bundle-")).collect();
    assert_eq!(
        bundles.len(),
        1,
        "one bundle for the opened page: {files:?}"
    );
    assert!(
        files.iter().any(|f| f == "cors-lab_bg.wasm"),
        "the main wasm: {files:?}"
    );
    // The lab's own chunk came inside the bundle, never on its own.
    assert!(
        !files.iter().any(|f| f == "split_route_lab.wasm"),
        "the lab's chunk was fetched separately: {files:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_cannot_load_says_so_and_loads_on_retry() {
    let lab = Lab::start().await;
    if !lab.has_devtools("failing a chunk's download") {
        return;
    }
    // The lab's code cannot be fetched: its own chunk, and the bundle the
    // first load would take it from.
    lab.block_urls(&["*split_route_lab.wasm*"]).await;
    lab.open("/origin").await;
    lab.find("origin-verdict").await;

    // Navigating there: the page says what happened, the frame stays.
    nav_to(&lab, "Fetch lab").await;
    let note = lab
        .text_until("page-load-failed", |t| t.contains("Could not load"))
        .await;
    assert!(note.contains("the fetch lab"), "names the page: {note}");
    lab.find("site-footer").await;

    // The network is back: "Try again" loads it, with no reload.
    lab.block_urls(&[]).await;
    lab.click("page-load-retry").await;
    lab.find("lab-run").await;
    assert!(
        lab.find_all("page-load-failed").await.is_empty(),
        "the failure note is gone"
    );
    let files = fetched_files(&lab).await;
    assert!(
        files.iter().any(|f| f == "split_route_lab.wasm"),
        "the lab's chunk arrived after navigation: {files:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deep_link_whose_page_cannot_load_offers_a_retry() {
    let lab = Lab::start().await;
    if !lab.has_devtools("failing a chunk's download") {
        return;
    }
    lab.block_urls(&["*/bundle-*", "*split_route_quiz.wasm*"])
        .await;
    lab.open("/quiz").await;
    lab.text_until("page-load-failed", |t| t.contains("the quiz"))
        .await;
    lab.block_urls(&[]).await;
    lab.click("page-load-retry").await;
    lab.find("quiz-question").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_that_cannot_load_says_so() {
    let lab = Lab::start().await;
    if !lab.has_devtools("failing the main wasm's download") {
        return;
    }
    lab.block_urls(&["*cors-lab_bg.wasm*"]).await;
    lab.open("/").await;
    let shown = lab
        .text_until("app-load-failed", |t| t.contains("could not load"))
        .await;
    assert!(shown.contains("Try again"), "offers a retry: {shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_and_forward_across_pages() {
    let lab = Lab::start().await;
    lab.open("/origin?a=https%3A%2F%2Fa.example&b=http%3A%2F%2Fa.example")
        .await;
    lab.expect_text("origin-verdict", "cross-origin").await;
    nav_to(&lab, "Fetch lab").await;
    lab.find("lab-run").await;
    nav_to(&lab, "Quiz").await;
    lab.find("quiz-question").await;

    lab.client.back().await.expect("back");
    lab.find("lab-run").await;
    heading_until(&lab, "lab").await;
    lab.client.back().await.expect("back");
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.client.forward().await.expect("forward");
    lab.find("lab-run").await;
    let url = lab.client.current_url().await.expect("url");
    assert_eq!(url.path(), "/lab");
    // No page failed on the way, and nothing reloaded the app.
    assert!(lab.find_all("page-load-failed").await.is_empty());
    let loads = lab
        .client
        .execute(
            "return performance.getEntriesByType('navigation').length",
            vec![],
        )
        .await
        .expect("navigation entries");
    assert_eq!(loads, json!(1), "one document load for the whole walk");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loading_any_page_prints_nothing_to_the_console() {
    let lab = Lab::start().await;
    if !lab.has_devtools("reading the console") {
        return;
    }
    for (path, testid) in [
        ("/", "run-users-fetch"),
        ("/origin", "origin-verdict"),
        ("/lab", "lab-run"),
        ("/quiz", "quiz-question"),
        ("/why", "site-footer"),
        ("/explain", "site-footer"),
        ("/lab?present=1", "present-stepper"),
    ] {
        lab.open(path).await;
        lab.find(testid).await;
        // Every chunk the page preloads has arrived (or failed, which
        // would log): the fetches of this page have settled.
        wait_for_preloads(&lab).await;
        let said = lab.console_messages().await;
        assert!(
            said.is_empty(),
            "{path}: the console should stay quiet on load (no preload or integrity \
             warnings, no errors), got {said:#?}"
        );
    }
}

/// Polls until the page says its background preloads are done (`<html
/// data-chunks="preloaded">`, set by `src/lazy.rs`).
async fn wait_for_preloads(lab: &Lab) {
    let started = std::time::Instant::now();
    loop {
        let state = lab
            .client
            .execute(
                "return document.documentElement.dataset.chunks || ''",
                vec![],
            )
            .await
            .ok();
        if state == Some(json!("preloaded")) {
            return;
        }
        assert!(
            started.elapsed() < crate::harness::PATIENCE,
            "the background preloads never finished ({state:?})"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
