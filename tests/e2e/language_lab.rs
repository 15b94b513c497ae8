//! The fetch lab (`/lab`) in Traditional Chinese: the page before a run, a
//! link it cannot read, and every named experiment plus the deep links of
//! `lab_page` (and a few more reaching other rules: redirects, the preflight
//! cache's notes, dropped headers, the modes) run for real — the timeline,
//! the prediction table, the three panels, the console notes and every rule
//! the browser applied, opened — with no English left but code and what the
//! browsers print; every error a bad lab link can produce, before a run and
//! after; and the comments in the fix code (curl, raw headers, axum, and the
//! explainer's), which are in Chinese.

use crate::harness::Lab;
use crate::language::{assert_no_english, html_lang_until};

/// Words kept besides those every page keeps: product names in the console
/// headings; keys: the presenter toggle's (`Alt+P`, its title) and the
/// console shortcut's (`Ctrl+Shift+J`, `Cmd+Option+K`, `Cmd+Option+C`).
const NAMES: &[&str] = &["Opera", "iPhone", "iPad", "Alt", "P", "J", "K", "C"];

/// Deep links reaching rules the named experiments do not (besides
/// `lab_page::DEEP_LINKS`).
const LINKS: &[&str] = &[
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
    for query in crate::lab_page::DEEP_LINKS.iter().chain(LINKS) {
        lab.open(&format!("/lab?{query}&lang=zh-TW")).await;
        html_lang_until(&lab, "zh-TW").await;
        lab.find("lab-run").await;
        run_and_check(&lab, &format!("/lab?{query}")).await;
    }
}

/// Whether `text` holds a CJK ideograph.
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every way a lab link cannot be read: each `LinkError`, and each
/// `SpecProblem` the query parser finds (those `engine::plan` finds show
/// after a run: [`REFUSED_OR_REJECTED`]). With a value each error must show.
fn unreadable_links() -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = [
        ("s=nope", "nope"),
        ("ep=nowhere", "nowhere"),
        ("target=moon", "moon"),
        ("mode=bogus", "bogus"),
        ("cred=maybe", "maybe"),
        ("redirect=sideways", "sideways"),
        ("h=NoColon", "NoColon"),
        ("a.status=99", "99"),
        ("p.status=abc", "abc"),
        ("a.r.status=200", "200"),
        ("a.acao=maybe", "maybe"),
        ("a.r.status=302&a.r.to=moon", "moon"),
        ("a.h=NoColon", "NoColon"),
    ]
    .iter()
    .map(|(q, v)| ((*q).to_owned(), (*v).to_owned()))
    .collect();
    // Redirects nested one deeper than the server takes.
    let mut query = Vec::new();
    let mut prefix = "a.".to_owned();
    for _ in 0..=cors_core::scenario::MAX_REDIRECT_DEPTH {
        query.push(format!("{prefix}r.status=302"));
        prefix.push_str("r.then.a.");
    }
    let deepest = prefix.trim_end_matches("r.then.a.").to_owned() + "r";
    links.push((query.join("&"), deepest));
    links
}

/// Lab links that read, but whose run fails on them: the demo server
/// refuses the spec (a header name that is no token, a framing header, a
/// control character in a value), or `fetch` throws before sending (a bad
/// or forbidden method, a bad header name or value, a character above
/// U+00FF, `no-cors` with PUT, a GET with a body).
const REFUSED_OR_REJECTED: &[&str] = &[
    "a.h=bad%20name%3A1",
    "a.h=content-length%3A1",
    "a.acac=bad%0Avalue",
    "method=GE%20T",
    "method=CONNECT",
    "h=bad%20name%3A1",
    "h=X-A%3Aa%00b",
    "method=%E2%82%AC",
    "h=X-A%3A%E2%82%AC",
    "mode=no-cors&method=PUT",
    "body=x",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_of_a_bad_lab_link_in_traditional_chinese() {
    let lab = Lab::start().await;
    // English as before: the key and the value as code.
    lab.open("/lab?mode=bogus&lang=en").await;
    html_lang_until(&lab, "en").await;
    lab.text_until("lab-link-error", |t| {
        t.contains("This link could not be read (mode: unknown bogus), so the lab starts")
    })
    .await;

    for (query, value) in unreadable_links() {
        lab.open(&format!("/lab?{query}&lang=zh-TW")).await;
        html_lang_until(&lab, "zh-TW").await;
        let text = lab
            .text_until("lab-link-error", |t| t.contains("連結"))
            .await;
        assert!(text.contains(&value), "/lab?{query}: {text}");
        assert_no_english(&lab, &format!("/lab?{query}"), NAMES).await;
    }
    for query in REFUSED_OR_REJECTED {
        lab.open(&format!("/lab?{query}&lang=zh-TW")).await;
        html_lang_until(&lab, "zh-TW").await;
        lab.find("lab-run").await;
        run_and_check(&lab, &format!("/lab?{query}")).await;
    }
}

/// Checks that every comment in a snippet (a line starting with `marker`,
/// or code then two spaces and `marker`) is in Chinese; `at_least` of them.
fn assert_comments_in_chinese(what: &str, text: &str, marker: &str, at_least: usize) {
    let trailing = format!("  {marker} ");
    let mut comments = 0;
    for line in text.lines() {
        let comment = if line.trim_start().starts_with(marker) {
            Some(line.trim_start())
        } else {
            line.find(&trailing).map(|i| &line[i..])
        };
        if let Some(comment) = comment {
            comments += 1;
            assert!(
                has_cjk(comment),
                "{what}: an English comment: {comment:?}\n{text}"
            );
        }
    }
    assert!(
        comments >= at_least,
        "{what}: {comments} comments, wanted {at_least}:\n{text}"
    );
}

/// Runs reaching every comment the fix code can hold: curl's notes (a
/// forbidden method, `no-cors` dropping a method and a header, a forbidden
/// header, a body with GET, mode `same-origin`, NUL in a body, the cookies),
/// the raw headers' two answers, axum's origin note with and without
/// credentials and its lower-case method note. (curl, raw, axum: how many
/// comment lines at least.)
const COMMENTED: &[(&str, [usize; 3])] = &[
    (
        "mode=no-cors&method=PUT&h=X-Custom%3A1&h=Cookie%3Aa%3D1&cred=include",
        [4, 1, 2],
    ),
    (
        "method=purge&h=X-Custom%3A1&cred=include&p.acao=echo",
        [1, 2, 4],
    ),
    ("method=TRACE", [1, 1, 4]),
    ("mode=same-origin&body=x", [2, 1, 4]),
    ("method=POST&body=a%00b", [1, 1, 4]),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fix_code_s_comments_are_in_traditional_chinese() {
    let lab = Lab::start().await;
    for (query, [curl, raw, axum]) in COMMENTED {
        lab.open(&format!("/lab?{query}&lang=zh-TW")).await;
        html_lang_until(&lab, "zh-TW").await;
        lab.find("lab-run").await;
        run_and_check(&lab, &format!("/lab?{query}")).await;
        let what = format!("/lab?{query}");
        let text = lab.text_until("lab-curl", |t| t.contains("curl -i")).await;
        assert_comments_in_chinese(&format!("{what} curl"), &text, "#", *curl);
        let text = lab.text_until("lab-fix-raw", |t| !t.is_empty()).await;
        assert_comments_in_chinese(&format!("{what} raw"), &text, "#", *raw);
        let text = lab.text_until("lab-fix-axum", |t| !t.is_empty()).await;
        assert_comments_in_chinese(&format!("{what} axum"), &text, "//", *axum);
    }

    // The explainer's fix code too, with its note on what a preflight asks.
    lab.open("/explain?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.type_into(
        "explain-input",
        "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    )
    .await;
    let raw = lab
        .text_until("explain-fix-raw", |t| {
            t.contains("Access-Control-Allow-Origin")
        })
        .await;
    assert_comments_in_chinese("/explain raw", &raw, "#", 3);
    let axum = lab.text_until("explain-fix-axum", |t| !t.is_empty()).await;
    assert_comments_in_chinese("/explain axum", &axum, "//", 3);

    // In English, the words as before.
    lab.open("/lab?cred=include&a.acao=echo&lang=en").await;
    html_lang_until(&lab, "en").await;
    lab.click("lab-run").await;
    let axum = lab
        .text_until("lab-fix-axum", |t| {
            t.contains("// The exact origin, not `Any`")
        })
        .await;
    assert!(
        axum.contains("// .route(\"/cors\", get(handler)) and your other routes"),
        "{axum}"
    );
    let curl = lab.text_until("lab-curl", |t| t.contains("curl -i")).await;
    assert!(
        curl.contains("  # the browser sends its cookies here; curl keeps none unless told"),
        "{curl}"
    );
}
