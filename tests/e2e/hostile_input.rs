//! Learner-supplied strings are text, never HTML: a lab run whose request
//! header and body are script-injection payloads shows them verbatim (form,
//! what the browser sent, the server log's details) and runs none of them.

use crate::harness::Lab;

/// `<img src=x onerror=window.pwned=1>` in a header, `<script>` in the body;
/// the preflight allows the header so the POST (and both payloads) arrive.
const HOSTILE: &str = "/lab?h=X-Evil%3A%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E\
     &body=%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E&method=POST&ep=cors\
     &p.acao=echo&p.acah=X-Evil&a.acao=echo";
const IMG: &str = "<img src=x onerror=window.pwned=1>";
const SCRIPT: &str = "<script>window.pwned=2</script>";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payloads_in_a_header_and_a_body_are_shown_as_text() {
    let lab = Lab::start().await;
    lab.open(HOSTILE).await;
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;

    // What the browser sent, as text.
    let sent = lab
        .text_until("browser-sent", |t| {
            t.contains("x-evil") || t.contains("X-Evil")
        })
        .await;
    assert!(
        sent.contains(IMG),
        "header payload not shown verbatim: {sent}"
    );

    // The server received both payloads; open every log entry's details.
    lab.text_until("server-log", |t| t.contains("POST /cors"))
        .await;
    lab.client
        .execute(
            "document.querySelectorAll('[data-testid=\"log-entry\"] details')\
                 .forEach(d => { d.open = true; });",
            vec![],
        )
        .await
        .expect("open the log details");
    let log = lab
        .text_until("server-log", |t| t.contains(IMG) && t.contains(SCRIPT))
        .await;
    assert!(log.contains("x-evil"), "{log}");

    // Nothing ran, and no element came out of the payloads.
    let verdict = lab
        .client
        .execute(
            "return { pwned: typeof window.pwned, \
                      imgs: document.querySelectorAll('img[src=\"x\"], [data-testid=\"server-log\"] img').length, \
                      scripts: Array.from(document.scripts).filter(s => s.textContent.includes('pwned')).length };",
            vec![],
        )
        .await
        .expect("inspect the page");
    assert_eq!(verdict["pwned"], "undefined", "a payload ran: {verdict}");
    assert_eq!(
        verdict["imgs"], 0,
        "an <img> was created from input: {verdict}"
    );
    assert_eq!(
        verdict["scripts"], 0,
        "a <script> was created from input: {verdict}"
    );
    lab.screenshot("lab-hostile-input").await;
}
