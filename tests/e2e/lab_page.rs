//! The live fetch lab: each named experiment run for real, checked from
//! both sides (what JavaScript got, what the server log shows), plus a deep
//! link that reproduces a run.

use crate::harness::Lab;

/// Open a named experiment, run it, wait until the run's panels are there.
async fn run_named(lab: &Lab, slug: &str) {
    lab.open(&format!("/lab?s={slug}")).await;
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simple_get_arrives_but_is_withheld() {
    let lab = Lab::start().await;
    run_named(&lab, "read-users").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    let log = lab
        .text_until("server-log", |t| t.contains("GET /users.json"))
        .await;
    assert!(log.contains("→ 200"), "{log}");
    lab.text_until("timeline-actual", |t| t.contains("arrived"))
        .await;
    lab.text_until("timeline-js", |t| t.contains("refused"))
        .await;
    let shown = lab.find("console-chrome").await.text().await.expect("text");
    assert!(
        shown.contains("No 'Access-Control-Allow-Origin' header"),
        "{shown}"
    );
    the_console_shown_is_the_one_printed(&lab).await;
    lab.text_until("lab-curl", |t| t.starts_with("curl")).await;
    // The live log says "live" on its own (the stream opens with a comment;
    // Firefox reports an EventSource open only once bytes arrive).
    lab.text_until("log-link", |t| t.contains("live")).await;
    lab.assert_clean_urls();
    lab.screenshot("lab-read-users").await;
}

/// The lab's model column is this browser's, and the console lines it shows
/// for this browser are every line the browser printed, word for word.
async fn the_console_shown_is_the_one_printed(lab: &Lab) {
    let engine = lab.engine.model();
    let heading = lab.find("model-engine").await.text().await.expect("text");
    let name = lab.engine.browser_name();
    assert!(heading.contains(name), "{heading}");
    let slug = lab.engine.console_slug();
    let shown = lab
        .find(&format!("console-{slug}"))
        .await
        .text()
        .await
        .expect("text");
    let printed = lab.console_messages().await;
    if printed.is_empty() && lab.engine != crate::harness::Engine::Chromium {
        eprintln!(
            "[{:?}] console not read: the shown lines are not compared",
            lab.engine
        );
        return;
    }
    for line in shown.lines() {
        assert!(
            printed.iter().any(|m| m.contains(line.trim_end())),
            "{name} printed {printed:?}; the lab shows {line:?}"
        );
    }
    if engine != cors_core::browser::Engine::Chromium {
        // Chrome's log also holds its network line; the others print only these.
        let cors: Vec<&String> = printed.iter().filter(|m| !m.contains("cors-lab")).collect();
        assert_eq!(
            cors.len(),
            shown.lines().count(),
            "{name} printed {printed:?}; the lab shows {shown:?}"
        );
    }
}

/// A JSON POST to `/deletePost` is preflighted; the route takes only POST,
/// so the preflight gets 405 — the status Firefox and Safari print, and the
/// one the lab's model predicts — and nothing is deleted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_post_preflight_gets_405_and_deletes_nothing() {
    let lab = Lab::start().await;
    run_named(&lab, "delete-post-json").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    // The form says so before the run: the route takes only POST.
    lab.text_until("lab-fixed-answer", |t| {
        t.contains("answers POST with 200") && t.contains("with 405")
    })
    .await;
    lab.text_until("server-log", |t| {
        t.contains("OPTIONS /deletePost") && t.contains("405")
    })
    .await;
    lab.text_until("engine-agrees", |t| t.contains("predicted this too"))
        .await;
    lab.text_until("console-firefox", |t| t.contains("Status code: 405."))
        .await;
    lab.text_until("console-safari", |t| t.contains("Status code: 405"))
        .await;
    the_console_shown_is_the_one_printed(&lab).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_post_still_deletes_the_post() {
    let lab = Lab::start().await;
    run_named(&lab, "delete-post").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    let before = lab.find("posts-before").await.text().await.expect("text");
    let after = lab.find("posts-after").await.text().await.expect("text");
    assert!(before.contains("#13"), "{before}");
    assert!(!after.contains("#13"), "post 13 should be gone: {after}");
    lab.text_until("server-log", |t| t.contains("POST /deletePost"))
        .await;
    lab.text_until("side-effect-verdict", |t| t.contains("gone"))
        .await;
    lab.screenshot("lab-delete-post").await;

    // Reset restores the posts (the same-origin route reads them back).
    lab.click("lab-reset").await;
    lab.find("lab-not-run").await;
    run_named(&lab, "delete-post").await;
    let before = lab.find("posts-before").await.text().await.expect("text");
    assert!(before.contains("#13"), "reset restores post 13: {before}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_preflight_means_the_put_never_arrives() {
    let lab = Lab::start().await;
    run_named(&lab, "preflight-fails").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    let log = lab
        .text_until("server-log", |t| t.contains("OPTIONS /cors"))
        .await;
    assert!(
        !log.contains("PUT /cors"),
        "the actual request must never arrive: {log}"
    );
    lab.text_until("timeline-actual", |t| t.contains("never"))
        .await;
    lab.text_until("console-chrome", |t| {
        t.contains("Response to preflight request")
    })
    .await;
    lab.find("sent-preflight").await;
    the_console_shown_is_the_one_printed(&lab).await;
    lab.screenshot("lab-preflight-fails").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_with_wildcard_are_blocked() {
    let lab = Lab::start().await;
    run_named(&lab, "credentials-star").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    lab.text_until("console-chrome", |t| {
        t.contains("must not be the wildcard '*'")
    })
    .await;
    lab.text_until("lab-explanation", |t| !t.is_empty()).await;
    let fix = lab.find("lab-fix-raw").await.text().await.expect("text");
    assert!(
        fix.contains("Access-Control-Allow-Credentials: true"),
        "{fix}"
    );
    assert!(
        fix.contains(&format!("Access-Control-Allow-Origin: {}", lab.app_url(""))),
        "{fix}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_cors_gives_an_opaque_response() {
    let lab = Lab::start().await;
    run_named(&lab, "no-cors").await;
    lab.expect_text("js-status", "0").await;
    lab.expect_text("js-type", "opaque").await;
    lab.expect_text("js-body", "(empty)").await;
    lab.text_until("server-log", |t| t.contains("GET /users.json"))
        .await;
    lab.find("console-none").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn success_shows_exactly_the_exposed_header() {
    let lab = Lab::start().await;
    run_named(&lab, "exposed-header").await;
    lab.expect_text("js-status", "200").await;
    lab.expect_text("js-type", "cors").await;
    let headers = lab.find("js-headers").await.text().await.expect("text");
    assert!(headers.contains("x-secret: 42"), "{headers}");
    assert!(
        !headers.contains("x-hidden"),
        "not exposed, so not visible: {headers}"
    );
    lab.text_until("js-body", |t| t.contains("secret")).await;
    lab.screenshot("lab-exposed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deep_link_reproduces_the_run() {
    let lab = Lab::start().await;
    // A PUT with a custom header whose preflight passes: built by hand, not a named one.
    lab.open("/lab?method=PUT&h=X-Custom%3A1&p.status=204&p.acao=echo&p.acam=PUT&p.acah=x-custom&a.acao=echo")
        .await;
    let method = lab
        .find("lab-method")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(method.as_deref(), Some("PUT"));
    let headers = lab
        .find("lab-headers")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(headers.as_deref(), Some("X-Custom: 1"));
    lab.click("lab-run").await;
    lab.expect_text("js-status", "200").await;
    let log = lab
        .text_until("server-log", |t| {
            t.contains("OPTIONS /cors") && t.contains("PUT /cors")
        })
        .await;
    assert!(
        log.find("OPTIONS").unwrap_or(usize::MAX) < log.find("PUT").unwrap_or(0),
        "{log}"
    );
    // The permalink of the run opens the same experiment again.
    let link = lab.href("lab-permalink").await;
    lab.client.goto(&link).await.expect("open the permalink");
    let method = lab
        .find("lab-method")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(method.as_deref(), Some("PUT"));
    lab.click("lab-run").await;
    lab.expect_text("js-status", "200").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_the_form_changes_the_address() {
    let lab = Lab::start().await;
    lab.open("/lab?s=read-users").await;
    lab.type_into("lab-method", "DELETE").await;
    lab.text_until("lab-method", |_| true).await;
    let started = std::time::Instant::now();
    loop {
        let url = lab.client.current_url().await.expect("url");
        if url
            .query_pairs()
            .any(|(k, v)| k == "method" && v == "DELETE")
        {
            break;
        }
        assert!(
            started.elapsed() < crate::harness::PATIENCE,
            "address never showed the method: {url}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Chrome's back/forward cache keeps earlier pages alive; if their live-log
/// streams stayed open they would use up the six connections per origin and
/// the seventh page's run would wait forever. Eight page loads in a row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_page_loads_never_exhaust_connections() {
    let lab = Lab::start().await;
    for slug in [
        "read-users",
        "delete-post",
        "exposed-header",
        "preflight-passes",
        "preflight-fails",
        "delete-post-json",
        "no-cors",
        "read-users",
    ] {
        run_named(&lab, slug).await;
        lab.text_until("lab-timeline", |t| t.contains("JavaScript"))
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_carry_the_cookie_and_the_answer_is_readable() {
    let lab = Lab::start().await;
    lab.open("/lab?s=credentials-echo").await;
    lab.text_until("lab-cookie-state", |t| t.starts_with("No cookie"))
        .await;
    log_in_and_read_with_cookie(&lab).await;

    // With * instead of the origin the cookie still travels, but the answer is withheld.
    run_named(&lab, "credentials-star").await;
    lab.text_until("lab-cookie-sent", |t| t.contains("went with the request"))
        .await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    lab.screenshot("lab-credentials").await;
}

/// From the credentials-echo experiment: log in on the API origin (a
/// top-level visit sets its cookie), come back, run it, and check that the
/// cookie went with the request and JavaScript could read the answer.
/// Returns the login address the page offered.
pub(crate) async fn log_in_and_read_with_cookie(lab: &Lab) -> String {
    let login = lab.href("lab-login").await;
    lab.client.goto(&login).await.expect("open the login page");
    lab.open("/lab?s=credentials-echo").await;
    lab.text_until("lab-cookie-state", |t| t.starts_with("✓"))
        .await;
    lab.click("lab-run").await;
    lab.text_until("lab-cookie-sent", |t| t.contains("went with the request"))
        .await;
    lab.expect_text("js-type", "cors").await;
    lab.text_until("js-body", |t| t.contains("\"cookie\":true"))
        .await;
    login
}

/// Deep links to experiments whose outcome differs in a way worth checking
/// in each browser (also walked in Chinese by `language_lab`).
pub const DEEP_LINKS: &[&str] = &[
    // A method listed in another case than sent: `patch` is not `PATCH`.
    "method=patch&p.acao=echo&p.acam=PATCH&a.acao=echo",
    "method=PATCH&p.acao=echo&p.acam=PATCH&a.acao=echo",
    // `*` as a method list, without credentials.
    "method=DELETE&p.acao=star&p.acam=*&a.acao=star",
    // With credentials `*` in Allow-Headers is a plain name.
    "cred=include&h=X-Trace%3A1&p.acao=echo&p.acac=true&p.acah=*&a.acao=echo&a.acac=true",
    // text/csv is not a safelisted content type: preflighted.
    "method=POST&h=Content-Type%3Atext%2Fcsv&body=a%2Cb&p.acao=echo",
    // Two custom headers, one allowed: each browser names the other.
    "h=X-Beta%3A1&h=X-Alpha%3A2&p.acao=echo&p.acah=x-beta&a.acao=echo",
    // An origin that is not this page's.
    "a.acao=value%3Ahttp%3A%2F%2Flocalhost%3A1",
    // A preflight refused with 500.
    "method=PUT&p.status=500&p.acao=echo&p.acam=PUT&a.acao=echo",
    // A same-origin-free redirect inside the API, then allowed.
    "a.acao=echo&a.r.status=307&a.r.to=api&a.r.then.a.acao=echo",
    // A safelisted header value: no preflight.
    "h=Accept-Language%3Afr-CH&a.acao=echo",
    // no-cors POST: sent, opaque.
    "mode=no-cors&method=POST&body=hi",
];

/// Experiments that are not in the differential matrix, opened as a learner
/// would, from `/lab` deep links: in each engine the model's prediction for
/// that browser agrees with what happened, and the console lines the lab
/// shows for it are the ones it printed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_linked_experiments_agree_with_this_browser() {
    let lab = Lab::start().await;
    for query in DEEP_LINKS {
        lab.open(&format!("/lab?{query}")).await;
        lab.console_messages().await; // what loading logged
        lab.click("lab-run").await;
        lab.find("lab-timeline").await;
        let agrees = lab.text_until("engine-agrees", |t| !t.is_empty()).await;
        assert!(
            agrees.contains("predicted this too"),
            "{:?}, /lab?{query}: {agrees}",
            lab.engine
        );
        let slug = lab.engine.console_slug();
        let shown = lab
            .client
            .find_all(fantoccini::Locator::Css(&format!(
                "[data-testid='console-{slug}']"
            )))
            .await
            .expect("find")
            .first()
            .cloned();
        let printed = lab.console_messages().await;
        match shown {
            Some(element) => {
                let shown = element.text().await.expect("text");
                for line in shown.lines() {
                    assert!(
                        printed.iter().any(|m| m.contains(line.trim_end())),
                        "{:?}, /lab?{query}: printed {printed:?}, the lab shows {line:?}",
                        lab.engine
                    );
                }
            }
            None => assert!(
                printed.iter().all(|m| !m.contains("Cross-Origin")
                    && !m.contains("CORS policy")
                    && !m.contains("access control")),
                "{:?}, /lab?{query}: the lab shows no line, the browser printed {printed:?}",
                lab.engine
            ),
        }
    }
}

/// An exact `Access-Control-Allow-Origin` value from a link (the explainer
/// makes such links) shows in the form as that value, survives choosing it
/// again, and runs: one vocabulary for the address and the form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exact_allow_origin_value_from_a_link_is_shown_and_kept() {
    let lab = Lab::start().await;
    lab.open("/lab?a.acao=value%3Ahttps%3A%2F%2Fshop.example")
        .await;
    let select = lab.find("lab-a-acao").await;
    let chosen = select
        .prop("value")
        .await
        .expect("prop")
        .unwrap_or_default();
    assert_eq!(chosen, "value");
    let input = lab.find("lab-a-acao-value").await;
    assert_eq!(
        input.prop("value").await.expect("prop").as_deref(),
        Some("https://shop.example")
    );
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
    lab.text_until("engine-agrees", |t| t.contains("predicted this too"))
        .await;
    lab.text_until("console-chrome", |t| {
        t.contains("has a value 'https://shop.example' that is not equal")
    })
    .await;
    // Another choice, then back: the value field comes back empty, and the
    // address follows the form.
    select.select_by_value("star").await.expect("choose *");
    lab.query_until("a.acao", "star").await;
    lab.find("lab-a-acao")
        .await
        .select_by_value("value")
        .await
        .expect("choose an exact value");
    lab.type_into("lab-a-acao-value", "https://other.example")
        .await;
    lab.query_until("a.acao", "value:https://other.example")
        .await;
}
