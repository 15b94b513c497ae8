//! `/why` in Traditional Chinese: every demo run once, and after each, no
//! English left on the page but code, names and what the browsers print
//! (those sit in `<code>`/`<pre>`, which the check skips). The live server
//! log beside each card is the frame's shared component, left to its own
//! checks: its rows are what the server received (header names and values,
//! the servers' role names).

use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::harness::{Lab, PATIENCE};
use crate::language::{english_words_outside, html_lang_until};
use crate::why_page::{attacker_result, css_text_until};

/// Names the zh-TW texts keep in Latin script, as Taiwanese developers
/// write them: tools and a browser feature's own name (given beside its
/// Chinese name), and a header name.
const KEPT: &[&str] = &[
    "curl",
    "Postman",
    "Node.js",
    "Deno",
    "Local",
    "Network",
    "Access",
    "CSRF",
    "User-Agent",
];

/// The shared live log (its placeholder, this page's own, is checked).
const SHARED_LOG: &str = "[data-testid='server-log']";

async fn assert_no_english(lab: &Lab, what: &str, also_kept: &[&str]) {
    let words = english_words_outside(lab, also_kept, &[SHARED_LOG]).await;
    assert!(
        words.is_empty(),
        "English left on {what} in zh-TW: {words:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_why_demo_in_traditional_chinese() {
    let lab = Lab::start().await;
    lab.open("/why?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("why-intranet-step-2", |t| t.contains("尚未執行"))
        .await;
    lab.text_until("why-cred-cookie", |t| t.contains("還沒有"))
        .await;
    assert_no_english(&lab, "/why before any run", KEPT).await;

    // 1. The intranet.
    lab.click("why-intranet-run").await;
    lab.text_until("why-intranet-step-4", |t| t.contains("沒有東西可傳"))
        .await;
    lab.text_until("why-intranet-step-3", |t| t.contains("被扣住"))
        .await;
    css_text_until(&lab, "#intranet [data-testid='server-log']", |t| {
        t.contains("GET /salaries.json")
    })
    .await;
    assert_no_english(&lab, "/why after the intranet demo", KEPT).await;

    // 2. localhost.
    lab.click("why-probe-run").await;
    let started = Instant::now();
    while lab
        .client
        .find_all(Locator::Css("[data-testid='why-probe-row'][data-readable]"))
        .await
        .map_or(0, |rows| rows.len())
        < 3
    {
        assert!(started.elapsed() < PATIENCE, "the probe never finished");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    css_text_until(&lab, "#localhost [data-testid='server-log']", |t| {
        t.matches("GET /cors").count() == 3
    })
    .await;
    css_text_until(&lab, "#localhost tbody", |t| t.contains("讀不到")).await;
    assert_no_english(&lab, "/why after the localhost demo", KEPT).await;

    // 4. Showing versus reading: the canvas, then the script.
    lab.click("why-canvas-run").await;
    lab.text_until("why-canvas-result", |t| t.starts_with("SecurityError"))
        .await;
    css_text_until(&lab, "#load-vs-read", |t| t.contains("拋出了錯誤")).await;
    assert_no_english(&lab, "/why after the canvas", KEPT).await;
    lab.click("why-script-run").await;
    lab.expect_text("why-script-ran", "true").await;
    lab.text_until("why-script-read", |t| t.starts_with("TypeError"))
        .await;
    css_text_until(&lab, "#load-vs-read [data-testid='server-log']", |t| {
        t.matches("GET /widget.js").count() >= 2
    })
    .await;
    assert_no_english(&lab, "/why after the script", KEPT).await;

    // 5. A stylesheet and a font.
    lab.click("why-css-run").await;
    lab.text_until("why-font-cors-status", |t| t.contains("使用中"))
        .await;
    lab.text_until("why-css-plain-rules", |t| t.contains("被拒絕"))
        .await;
    css_text_until(&lab, "#css-font [data-testid='server-log']", |t| {
        t.contains("GET /lab-glyphs.ttf")
    })
    .await;
    assert_no_english(&lab, "/why after the stylesheet and font demo", KEPT).await;

    // 6. The runtime.
    lab.click("why-runtime-run").await;
    lab.text_until("why-runtime-server", |t| t.contains("Ada"))
        .await;
    lab.text_until("why-runtime-log", |t| t.contains("完全相同"))
        .await;
    lab.text_until("why-runtime-log-server", |t| t.contains("沒有 Origin 標頭"))
        .await;
    assert_no_english(&lab, "/why after the runtime demo", KEPT).await;

    // 7. The proxy.
    lab.click("why-proxy-run").await;
    lab.text_until("why-proxy-via", |t| t.contains("Ada")).await;
    lab.text_until("why-proxy-upstream", |t| t.contains("沒有 Origin 標頭"))
        .await;
    css_text_until(&lab, "#proxy [data-testid='server-log']", |t| {
        t.contains("via=proxy")
    })
    .await;
    assert_no_english(&lab, "/why after the proxy demo", KEPT).await;

    // 3. The logged-in victim: log in, open both attackers' pages (the demo
    // server's own pages), come back and read the log.
    let login = lab.href("why-cred-login").await;
    let same_site = lab.href("why-cred-open-same-site").await;
    let other_site = lab.href("why-cred-open-other-site").await;
    lab.client.goto(&login).await.expect("open the login page");
    lab.client
        .goto(&same_site)
        .await
        .expect("the same-site page");
    attacker_result(&lab).await;
    lab.client
        .goto(&other_site)
        .await
        .expect("the other-site page");
    attacker_result(&lab).await;
    lab.open("/why?lang=zh-TW#credentials").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("why-cred-cookie", |t| t.contains("已持有"))
        .await;
    lab.text_until("why-cred-same-site-got", |t| t.contains("只有一個錯誤"))
        .await;
    lab.text_until("why-cred-other-site-cookie", |t| t.contains("沒有帶"))
        .await;
    lab.click("why-cred-refresh").await;
    css_text_until(&lab, "#credentials [data-testid='server-log']", |t| {
        t.contains("POST /api/attacker/report")
    })
    .await;
    assert_no_english(&lab, "/why after the logged-in victim demo", KEPT).await;
    lab.screenshot("why-zh-TW").await;
}
