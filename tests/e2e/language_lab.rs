//! The fetch lab (`/lab`) in Traditional Chinese: the page before a run, a
//! link it cannot read, and every named experiment plus the deep links of
//! `lab_page` (and a few more reaching other rules: redirects, the preflight
//! cache's notes, dropped headers, the modes) run for real — the timeline,
//! the prediction table, the three panels, the console notes and every rule
//! the browser applied, opened — with no English left but code and what the
//! browsers print.

use crate::harness::Lab;
use crate::language::{assert_no_english, html_lang_until};

/// Words kept besides those every page keeps: product names in the console
/// headings; keys: the presenter toggle's (`Alt+P`, its title) and the
/// console shortcut's (`Ctrl+Shift+J`, `Cmd+Option+K`, `Cmd+Option+C`).
const NAMES: &[&str] = &["Opera", "iPhone", "iPad", "Alt", "P", "J", "K", "C"];

/// Deep links reaching rules the named experiments do not.
const LINKS: &[&str] = &[
    // From lab_page's deep_linked_experiments_agree_with_this_browser.
    "method=patch&p.acao=echo&p.acam=PATCH&a.acao=echo",
    "method=PATCH&p.acao=echo&p.acam=PATCH&a.acao=echo",
    "method=DELETE&p.acao=star&p.acam=*&a.acao=star",
    "cred=include&h=X-Trace%3A1&p.acao=echo&p.acac=true&p.acah=*&a.acao=echo&a.acac=true",
    "method=POST&h=Content-Type%3Atext%2Fcsv&body=a%2Cb&p.acao=echo",
    "h=X-Beta%3A1&h=X-Alpha%3A2&p.acao=echo&p.acah=x-beta&a.acao=echo",
    "a.acao=value%3Ahttp%3A%2F%2Flocalhost%3A1",
    "method=PUT&p.status=500&p.acao=echo&p.acam=PUT&a.acao=echo",
    "a.acao=echo&a.r.status=307&a.r.to=api&a.r.then.a.acao=echo",
    "h=Accept-Language%3Afr-CH&a.acao=echo",
    "mode=no-cors&method=POST&body=hi",
    // lab_page's first deep link, and the exact value from a link.
    "method=PUT&h=X-Custom%3A1&p.status=204&p.acao=echo&p.acam=PUT&p.acah=x-custom&a.acao=echo",
    "a.acao=value%3Ahttps%3A%2F%2Fshop.example",
    // Same origin; a forbidden header; no-cors drops a header.
    "target=app&h=Cookie%3Ax%3D1",
    "mode=no-cors&h=X-Custom%3A1",
    // Redirects: manual, error, followed to this page's origin (tainted
    // origin on the way back), and a POST turned into a GET.
    "redirect=manual&a.acao=echo&a.r.status=302&a.r.to=api",
    "redirect=error&a.acao=echo&a.r.status=302&a.r.to=api",
    "a.acao=echo&a.r.status=302&a.r.to=app",
    "method=POST&body=x&a.acao=echo&a.r.status=302&a.r.to=intranet&a.r.then.a.acao=echo",
    // mode same-origin to another origin; the other site.
    "mode=same-origin",
    "target=api-alt&a.acao=echo",
    // The preflight cache's notes, Set-Cookie's fates, credentials refused.
    "method=PUT&p.acao=echo&p.acam=PUT&p.max_age=soon&a.acao=echo",
    "method=PUT&p.acao=echo&p.acam=PUT&p.max_age=0&a.acao=echo",
    "method=PUT&p.acao=echo&p.acam=PUT&p.max_age=60&a.acao=echo",
    "cred=include&a.acao=echo&a.acac=true&a.set_cookie=1",
    "a.acao=echo&a.set_cookie=1",
    "cred=include&a.acao=echo",
    "a.acao=echo-and-other",
    "a.acao=two-lines",
    "method=PUT&p.acao=echo&p.acam=PUT%20DELETE&a.acao=echo",
    "cred=omit&a.acao=star",
];

/// Runs the lab as it stands and checks the whole page, the rule list open.
async fn run_and_check(lab: &Lab, what: &str) {
    // A prediction, so the table's verdict column has words.
    lab.click("guess-preflight-yes").await;
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
    lab.text_until("engine-agrees", |t| !t.is_empty()).await;
    lab.client
        .execute(
            "document.querySelectorAll('details.steps-details').forEach(d => d.open = true)",
            vec![],
        )
        .await
        .expect("open the rule list");
    lab.text_until("lab-steps", |t| !t.is_empty()).await;
    // The server log's entries are the requests as the server received them
    // (header tables, origins): data, and the shared log's own markup —
    // checked on its own, not as the lab's words.
    lab.client
        .execute(
            "document.querySelectorAll('[data-testid=log-entry]').forEach(e => e.setAttribute('translate', 'no'))",
            vec![],
        )
        .await
        .expect("mark the log's entries");
    assert_no_english(lab, what, NAMES).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lab_before_a_run_and_a_bad_link_in_traditional_chinese() {
    let lab = Lab::start().await;
    lab.open("/lab?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("lab-run", |t| t.contains("執行")).await;
    lab.text_until("lab-not-run", |t| t.contains("執行")).await;
    assert_no_english(&lab, "/lab before a run", NAMES).await;

    // A fixed route explains its answer.
    lab.open("/lab?s=delete-post&lang=zh-TW").await;
    lab.text_until("lab-fixed-answer", |t| t.contains("405"))
        .await;
    assert_no_english(&lab, "/lab with a fixed route", NAMES).await;

    lab.open("/lab?mode=bogus&lang=zh-TW").await;
    lab.text_until("lab-link-error", |t| t.contains("連結"))
        .await;
    assert_no_english(&lab, "/lab with a bad link", NAMES).await;
    lab.screenshot("lab-zh-TW-before").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_named_experiment_in_traditional_chinese() {
    let lab = Lab::start().await;
    for n in cors_core::named::all() {
        lab.open(&format!("/lab?s={}&lang=zh-TW", n.slug)).await;
        html_lang_until(&lab, "zh-TW").await;
        lab.find(&format!("named-{}", n.slug)).await;
        run_and_check(&lab, &format!("/lab?s={}", n.slug)).await;
    }
    lab.screenshot("lab-zh-TW-run").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_linked_experiments_in_traditional_chinese() {
    let lab = Lab::start().await;
    for query in LINKS {
        lab.open(&format!("/lab?{query}&lang=zh-TW")).await;
        html_lang_until(&lab, "zh-TW").await;
        lab.find("lab-run").await;
        run_and_check(&lab, &format!("/lab?{query}")).await;
    }
}
