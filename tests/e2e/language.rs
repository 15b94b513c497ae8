//! The app in Traditional Chinese (zh-TW): chosen by `?lang=`, by the
//! header's switch (remembered, written into the address, carried by the
//! header's links), and what is left in English on a zh-TW page — nothing
//! but code, names and what the browsers print.

use std::time::{Duration, Instant};

use crate::harness::{Lab, LabOptions, PATIENCE};

/// Latin-script words a zh-TW page may show outside code: names of
/// products, protocols and formats, as Taiwanese developers write them.
pub const KEPT_IN_LATIN: &[&str] = &[
    "CORS",
    "Lab",
    "JSON",
    "API",
    "URL",
    "HTTP",
    "HTTPS",
    "JavaScript",
    "fetch",
    "Fetch",
    "Promise",
    "rejected",
    "Chrome",
    "Chromium",
    "Firefox",
    "Safari",
    "WebKit",
    "Edge",
    "Mac",
    "Ctrl",
    "Shift",
    "Cmd",
    "Option",
    "F12",
    "DevTools",
    "English",
    "DNS",
    "IP",
    "LAN",
    "Wi-Fi",
    "SSE",
    "TypeError",
    "Origin",
    "Cookie",
    "cookie",
    "header",
    "preflight",
    "JSONP",
    "CSS",
    "HTML",
    "SameSite",
    "Access-Control-Allow-Origin",
    // Cookie attributes, as Set-Cookie spells them.
    "Domain",
    "Secure",
    "Lax",
    // Keys on the keyboard (presenter mode's shortcut, Alt+P).
    "Alt",
    "P",
];

/// Visible Latin-script words of the page outside code, preformatted text,
/// keyboard keys and anything marked as another language (`lang` not zh)
/// or not to translate (`translate="no"`), minus [`KEPT_IN_LATIN`] and
/// `also_kept`.
pub async fn english_words(lab: &Lab, also_kept: &[&str]) -> Vec<String> {
    english_words_outside(lab, also_kept, &[]).await
}

/// [`english_words`], leaving out what matches any of the CSS selectors
/// `outside` too (a shared component another test checks).
pub async fn english_words_outside(lab: &Lab, also_kept: &[&str], outside: &[&str]) -> Vec<String> {
    let found = lab
        .client
        .execute(
            r#"
            const skip = ['code, pre, kbd, samp, script, style, textarea, textarea, [translate="no"], [lang]:not([lang^="zh"]), [aria-hidden="true"]', ...arguments[0]].join(', ');
            const words = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                const el = node.parentElement;
                if (!el || el.closest(skip)) continue;
                if (el.closest('[hidden]') || el.getClientRects().length === 0) continue;
                for (const m of node.textContent.matchAll(/\p{Script=Latin}[\p{Script=Latin}0-9'’.\-]*[\p{Script=Latin}0-9]|\p{Script=Latin}/gu)) {
                    words.push(m[0]);
                }
            }
            // Attributes a screen reader speaks.
            for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
                if (el.closest(skip)) continue;
                for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
                    const v = el.getAttribute(name);
                    if (!v) continue;
                    for (const m of v.matchAll(/\p{Script=Latin}[\p{Script=Latin}0-9'’.\-]*[\p{Script=Latin}0-9]|\p{Script=Latin}/gu)) {
                        words.push(name + ': ' + m[0]);
                    }
                }
            }
            return words;
            "#,
            vec![serde_json::json!(outside)],
        )
        .await
        .expect("read the page's words");
    found
        .as_array()
        .map(|words| {
            words
                .iter()
                .filter_map(|w| w.as_str())
                .filter(|w| {
                    let word = w.rsplit(": ").next().unwrap_or(w);
                    !KEPT_IN_LATIN.contains(&word)
                        && !also_kept.contains(&word)
                        && !is_address_data(word)
                })
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Host names, file names and URL schemes are the learner's data, not
/// words: `example.com`, `a.html`, `xn--shp-tna.example.com`, `https`.
fn is_address_data(word: &str) -> bool {
    const SCHEMES: &[&str] = &[
        "http",
        "https",
        "ws",
        "wss",
        "ftp",
        "data",
        "blob",
        "file",
        "about",
        "localhost",
    ];
    word.contains('.') || SCHEMES.contains(&word)
}

/// Waits until `<html lang>` is `want` (set once the texts are here).
pub async fn html_lang_until(lab: &Lab, want: &str) {
    let started = Instant::now();
    loop {
        let lang = lab
            .client
            .execute("return document.documentElement.lang", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        if lang == want {
            return;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "<html lang> stayed {lang:?}, not {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Asserts no English is left, with the words found if any.
pub async fn assert_no_english(lab: &Lab, what: &str, also_kept: &[&str]) {
    let words = english_words(lab, also_kept).await;
    assert!(
        words.is_empty(),
        "English left on {what} in zh-TW: {words:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_experiment_in_traditional_chinese() {
    let lab = Lab::start().await;
    lab.open("/?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("run-users-fetch", |t| t.contains("執行"))
        .await;
    assert_no_english(&lab, "/ before the run", &[]).await;

    lab.click("run-users-fetch").await;
    // What JavaScript got is the browser's own words: not translated.
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    lab.text_until("console-hint", |t| t.contains("主控台"))
        .await;
    lab.text_until("server-log", |t| t.contains("GET /users.json"))
        .await;
    assert_no_english(&lab, "/ after the run", &[]).await;
    lab.screenshot("home-zh-TW").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switch_changes_the_language_remembers_it_and_links_carry_it() {
    let lab = Lab::start().await;
    lab.open("/").await;
    html_lang_until(&lab, "en").await;
    lab.text_until("run-users-fetch", |t| t.contains("Run fetch"))
        .await;
    let english = lab.find("lang-en").await;
    assert_eq!(
        english
            .attr("aria-pressed")
            .await
            .expect("aria-pressed")
            .as_deref(),
        Some("true")
    );

    lab.click("lang-zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("run-users-fetch", |t| t.contains("執行"))
        .await;
    lab.query_until("lang", "zh-TW").await;
    let chinese = lab.find("lang-zh-TW").await;
    assert_eq!(
        chinese
            .attr("aria-pressed")
            .await
            .expect("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // The header's links keep the language.
    let links = lab
        .client
        .execute(
            "return [...document.querySelectorAll('header nav a')].map(a => a.getAttribute('href'))",
            vec![],
        )
        .await
        .expect("nav links");
    for href in links.as_array().expect("an array") {
        let href = href.as_str().unwrap_or_default();
        assert!(
            href.contains("lang=zh-TW"),
            "a header link lost the language: {href}"
        );
    }

    // Remembered: a later visit without ?lang= opens in zh-TW.
    lab.open("/").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("run-users-fetch", |t| t.contains("執行"))
        .await;

    // And back.
    lab.click("lang-en").await;
    html_lang_until(&lab, "en").await;
    lab.text_until("run-users-fetch", |t| t.contains("Run fetch"))
        .await;
    lab.query_until("lang", "en").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_language_falls_back_to_english() {
    let lab = Lab::start().await;
    lab.open("/?lang=xx-YY").await;
    html_lang_until(&lab, "en").await;
    lab.text_until("run-users-fetch", |t| t.contains("Run fetch"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_set_to_traditional_chinese_gets_it_without_asking() {
    let lab = Lab::start_with(LabOptions {
        languages: Some("zh-TW".to_owned()),
        ..LabOptions::default()
    })
    .await;
    lab.open("/").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("run-users-fetch", |t| t.contains("執行"))
        .await;
    // Not written into the address: it is the browser's own default.
    let url = lab.client.current_url().await.expect("url");
    assert!(!url.query_pairs().any(|(k, _)| k == "lang"), "{url}");
    // The switch still wins, and is remembered over the browser's default.
    lab.click("lang-en").await;
    html_lang_until(&lab, "en").await;
    lab.open("/").await;
    html_lang_until(&lab, "en").await;
    lab.text_until("run-users-fetch", |t| t.contains("Run fetch"))
        .await;
}
