//! The error explainer (`/explain`): a pasted message is explained, and its
//! lab link makes the same engine print the same reason with the same
//! values (each engine's own messages, round-tripped in that engine);
//! unknown text and other browsers' wording get answers too; the page works
//! from the keyboard.

use std::time::{Duration, Instant};

use fantoccini::key::Key;

use crate::harness::{Lab, PATIENCE};

const BLOCKED: &str = "has been blocked by CORS policy: ";

/// The reason part of a Chrome message (after "has been blocked by CORS policy: ").
fn reason(message: &str) -> &str {
    message.split_once(BLOCKED).map_or("", |(_, r)| r).trim()
}

/// Paste `message`, follow "Reproduce in the lab", run it: the lab's Chrome
/// prediction shows exactly the pasted reason (with the lab's own URL and
/// origin), and in Chromium its console prints it too.
async fn reproduce_in_the_lab(lab: &Lab, message: &str) {
    let link = lab.find("explain-lab-link").await;
    link.click().await.expect("follow the lab link");
    lab.text_until("lab-not-run", |_| true).await;
    lab.console_messages().await; // what loading logged
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
    let want = format!("{BLOCKED}{}", reason(message));
    // The lab shows the message it predicts for Chrome, in every browser.
    lab.text_until("console-chrome", |t| t.contains(&want))
        .await;
    if lab.engine != crate::harness::Engine::Chromium {
        eprintln!(
            "[{:?}] the pasted message is in Chrome's words: only Chrome prints it, so this engine's console is not compared (this_engine_s_own_messages_round_trip_through_the_lab does that with its own words)",
            lab.engine
        );
        return;
    }
    let started = Instant::now();
    loop {
        let console = lab.console_messages().await;
        if console.iter().any(|m| m.contains(&want)) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "Chrome never printed {want:?}; it printed {console:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_chrome_message_is_explained_and_reproduced() {
    let lab = Lab::start().await;
    lab.open("/explain").await;
    let message = "Access to fetch at 'https://api.example.com/v1/orders?page=2' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.";
    lab.type_into("explain-input", message).await;

    lab.expect_text("explain-kind", "CORS error").await;
    lab.expect_text("explain-rule", "Allowed headers").await;
    lab.text_until("explain-stage", |t| t.contains("preflight"))
        .await;
    lab.expect_text("explain-value-header", "x-api-key").await;
    lab.expect_text("explain-value-origin", "https://shop.example.com")
        .await;
    lab.text_until("explain-headline", |t| t.contains("x-api-key"))
        .await;
    let raw = lab.text_until("explain-fix-raw", |t| !t.is_empty()).await;
    assert!(
        raw.contains("Access-Control-Allow-Headers: x-api-key"),
        "{raw}"
    );
    assert!(
        raw.contains("Access-Control-Allow-Origin: https://shop.example.com"),
        "{raw}"
    );
    let axum = lab.text_until("explain-fix-axum", |t| !t.is_empty()).await;
    assert!(
        axum.contains("HeaderName::from_static(\"x-api-key\")"),
        "{axum}"
    );
    lab.text_until("explain-what", |t| t.contains("never sent"))
        .await;
    lab.text_until("explain-dont", |t| t.contains("no-cors"))
        .await;

    // The address holds the message: a deep link.
    let started = Instant::now();
    loop {
        let url = lab.client.current_url().await.expect("url");
        if url.query_pairs().any(|(k, v)| k == "m" && v == message) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the address never held the message: {url}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    lab.screenshot("explain-header").await;

    // Phone width: nothing sticks out sideways (long URLs and code wrap).
    lab.client.set_window_size(375, 800).await.expect("resize");
    let started = Instant::now();
    loop {
        let widths = lab
            .client
            .execute(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
                vec![],
            )
            .await
            .expect("widths");
        let (scroll, client) = (
            widths[0].as_u64().unwrap_or(0),
            widths[1].as_u64().unwrap_or(0),
        );
        // Headless Firefox keeps its window at least ~490px wide: the check
        // runs there at that width (Chromium and WebKit reach 375px).
        if client <= 500 {
            assert!(
                scroll <= client,
                "the page is {scroll}px wide in a {client}px window"
            );
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the window never got narrow: {client}px"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    lab.screenshot("explain-phone").await;
    lab.client.set_window_size(1280, 900).await.expect("resize");

    reproduce_in_the_lab(&lab, message).await;

    // Back from the lab's console panel: its own message, explained alike.
    lab.click("console-explain").await;
    lab.expect_text("explain-rule", "Allowed headers").await;
    lab.expect_text("explain-value-header", "x-api-key").await;
    lab.expect_text("explain-value-origin", &lab.app_url(""))
        .await;

    // A second case: the server names another origin (a trailing slash).
    lab.open("/explain").await;
    let message = "index.html:1 Access to fetch at 'https://api.example.com/me' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://shop.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.";
    lab.type_into("explain-input", message).await;
    lab.expect_text("explain-value-acao", "https://shop.example.com/")
        .await;
    lab.text_until("explain-fix", |t| t.contains("trailing slash"))
        .await;
    reproduce_in_the_lab(&lab, message).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn firefox_wording_is_explained_and_reproduced_in_chrome_words() {
    let lab = Lab::start().await;
    let message = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v2/items. (Reason: CORS header \u{2018}Access-Control-Allow-Origin\u{2019} missing). Status code: 404.";
    let link =
        url::Url::parse_with_params(&lab.app_url("/explain"), [("m", message)]).expect("url");
    lab.client.goto(link.as_str()).await.expect("open");
    lab.expect_text("explain-kind", "CORS error").await;
    lab.expect_text("explain-browser", "Firefox").await;
    lab.expect_text("explain-value-status", "404").await;
    lab.expect_text("explain-value-url", "https://api.example.com/v2/items")
        .await;
    lab.text_until("explain-fix", |t| t.contains("404")).await;
    // Firefox names no origin: the fix says so instead of guessing.
    lab.text_until("explain-notes", |t| {
        t.contains("does not name the page's origin")
    })
    .await;
    let note = lab
        .text_until("explain-lab-note", |t| t.contains("Chrome words"))
        .await;
    let chrome_reason = note
        .split_once('\u{201c}')
        .and_then(|(_, r)| r.split('\u{201d}').next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        chrome_reason.starts_with("No 'Access-Control-Allow-Origin'"),
        "{note}"
    );
    reproduce_in_the_lab(&lab, &format!("{BLOCKED}{chrome_reason}")).await;
    // The server answered 404, as the pasted message says.
    lab.text_until("server-log", |t| t.contains("→ 404")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_neighbouring_text_get_answers() {
    let lab = Lab::start().await;
    lab.open("/explain").await;
    lab.expect_text("explain-kind", "waiting for a message")
        .await;

    lab.type_into("explain-input", "my api is broken, please help")
        .await;
    lab.expect_text("explain-kind", "not recognised").await;
    lab.text_until("explain-what", |t| t.contains("Access to fetch at"))
        .await;
    assert!(lab.find_all("explain-lab-link").await.is_empty());

    lab.type_into("explain-input", "TypeError: Failed to fetch")
        .await;
    lab.expect_text("explain-kind", "JavaScript's view only")
        .await;
    lab.text_until("explain-why", |t| t.contains("on purpose"))
        .await;

    lab.type_into(
        "explain-input",
        "Refused to connect to 'https://api.example.com/data' because it violates the following Content Security Policy directive: \"connect-src 'self'\".",
    )
    .await;
    lab.expect_text("explain-kind", "not a CORS error").await;
    lab.text_until("explain-fix", |t| t.contains("connect-src"))
        .await;

    // Learner text is shown as text, never as markup.
    let hostile = "Access to fetch at 'https://a.example/<img src=x onerror=alert(1)>' from origin 'https://b.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    lab.type_into("explain-input", hostile).await;
    lab.expect_text(
        "explain-value-url",
        "https://a.example/<img src=x onerror=alert(1)>",
    )
    .await;
    let images = lab
        .client
        .find_all(fantoccini::Locator::Css("main img"))
        .await
        .expect("query");
    assert!(images.is_empty(), "the paste became markup");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_works_from_the_keyboard() {
    let lab = Lab::start().await;
    lab.open("/explain").await;
    lab.find("explain-input")
        .await
        .click()
        .await
        .expect("focus");
    // Tab to the first example and pick it with Enter.
    let focused = tab_until(&lab, "explain-example-0").await;
    focused
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("enter");
    lab.expect_text("explain-rule", "Allowed headers").await;
    let value = lab
        .find("explain-input")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert!(value.contains("x-api-key"), "{value}");
    // On to the lab link, and into the lab.
    let focused = tab_until(&lab, "explain-lab-link").await;
    focused
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("enter");
    lab.find("lab-run").await;
    let url = lab.client.current_url().await.expect("url");
    assert_eq!(url.path(), "/lab");
    assert!(
        url.query_pairs()
            .any(|(k, v)| k == "h" && v.starts_with("x-api-key:")),
        "{url}"
    );
}

/// Press Tab until the focused element has `testid` (at most 60 times).
async fn tab_until(lab: &Lab, testid: &str) -> fantoccini::elements::Element {
    for _ in 0..60 {
        let active = lab.client.active_element().await.expect("focus");
        active.send_keys(&Key::Tab.to_string()).await.expect("tab");
        let active = lab.client.active_element().await.expect("focus");
        if active.attr("data-testid").await.ok().flatten().as_deref() == Some(testid) {
            return active;
        }
    }
    panic!("Tab never reached [data-testid={testid}]");
}

/// The console lines this engine printed for a CORS failure, as a learner
/// would copy them from its console (Chromium's log adds its source; its
/// network line is left out, as it says nothing of the reason).
fn cors_lines(lab: &Lab, printed: &[String]) -> Vec<String> {
    printed
        .iter()
        .filter(|l| !l.contains("Failed to load resource"))
        .map(|l| match lab.engine {
            crate::harness::Engine::Chromium => l
                .find("Access to ")
                .map_or(l.as_str(), |i| &l[i..])
                .trim_end_matches('"')
                .to_owned(),
            _ => l.clone(),
        })
        .collect()
}

/// The lines with every URL and origin left out (the lab's ports differ
/// from the pasted run's): the reasons, status codes and names remain.
fn without_urls(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            l.split_whitespace()
                .map(|w| match w.find("http://") {
                    Some(i) => format!("{}<url>", &w[..i]),
                    None => w.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Run the lab as it stands and return the CORS lines the engine printed.
async fn run_and_read(lab: &Lab) -> Vec<String> {
    lab.text_until("lab-not-run", |_| true).await;
    lab.console_messages().await; // what loading logged
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
    let started = Instant::now();
    loop {
        let lines = cors_lines(lab, &lab.console_messages().await);
        if !lines.is_empty() {
            return lines;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the engine printed no CORS line"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// In each engine: a failure the engine really printed (a header the
/// preflight does not allow, spelled `X-Lab-Token`, and `/deletePost`'s 405
/// preflight) is pasted into `/explain`, which names this browser and the
/// preflight, and its lab link makes the same engine print the same lines
/// (status codes and header spelling kept).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn this_engine_s_own_messages_round_trip_through_the_lab() {
    let lab = Lab::start().await;
    let browser = lab.engine.browser_name();
    for start in [
        "/lab?method=GET&h=X-Lab-Token%3A1&p.acao=echo".to_owned(),
        "/lab?s=delete-post-json".to_owned(),
    ] {
        lab.open(&start).await;
        let printed = run_and_read(&lab).await;
        let link =
            url::Url::parse_with_params(&lab.app_url("/explain"), [("m", printed.join("\n"))])
                .expect("url");
        lab.client
            .goto(link.as_str())
            .await
            .expect("open the explainer");
        lab.expect_text("explain-kind", "CORS error").await;
        lab.text_until("explain-browser", |t| t.contains(browser))
            .await;
        lab.text_until("explain-stage", |t| t.contains("preflight (OPTIONS)"))
            .await;
        lab.find("explain-lab-link")
            .await
            .click()
            .await
            .expect("follow the lab link");
        let again = run_and_read(&lab).await;
        assert_eq!(
            without_urls(&again),
            without_urls(&printed),
            "{browser}: pasted {printed:?}, the lab link printed {again:?}"
        );
    }
}

/// The console lines of one run of a capture (`tests/data/engine-captures`).
fn captured_lines(capture: &str, id: &str) -> Vec<String> {
    let runs: Vec<serde_json::Value> = serde_json::from_str(capture).expect("capture");
    runs.iter()
        .find(|run| run["id"] == id)
        .and_then(|run| run["console"].as_array())
        .map(|lines| {
            lines
                .iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_else(|| panic!("no run {id} in the capture"))
}

/// `localhost:<port>` of the first URL on a line.
fn first_port(line: &str) -> String {
    let at = line.find("localhost:").expect("a localhost URL");
    let digits: String = line[at + "localhost:".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    format!("localhost:{digits}")
}

/// What the explainer shows, part by part, with the lab link's address.
async fn explainer_reading(lab: &Lab) -> Vec<(String, String)> {
    let mut reading = Vec::new();
    for testid in [
        "explain-kind",
        "explain-browser",
        "explain-headline",
        "explain-rule",
        "explain-stage",
        "explain-values",
        "explain-what",
        "explain-why",
        "explain-fix",
        "explain-dont",
        "explain-notes",
        "explain-lab-note",
    ] {
        let mut texts = Vec::new();
        for element in lab.find_all(testid).await {
            texts.push(element.text().await.unwrap_or_default());
        }
        reading.push((testid.to_owned(), texts.join("\n")));
    }
    let href = lab
        .find("explain-lab-link")
        .await
        .attr("href")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    reading.push(("explain-lab-link".to_owned(), href));
    reading
}

/// Firefox translates its console messages: the lines Firefox ESR printed
/// with its Traditional Chinese (zh-TW) language pack for a preflight that
/// does not allow a header (`tests/data/engine-captures`), pasted into
/// `/explain` in any engine, are explained exactly as the English lines
/// Firefox printed for the same run — browser, rule, stage, values, fix,
/// notes and lab link, in the app's language — and the lab link makes
/// Firefox print that failure (in Firefox, its console does).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn firefox_s_zh_tw_lines_are_explained_as_its_english_ones() {
    let chinese = captured_lines(
        include_str!("../data/engine-captures/firefox-esr-153-zh-TW.json"),
        "headers-0",
    );
    let english = captured_lines(
        include_str!("../data/engine-captures/firefox-esr-153.json"),
        "headers-0",
    );
    assert!(
        chinese[0].contains("不允許使用檔頭「x-custom」"),
        "{chinese:?}"
    );
    // The captures ran on different random ports: the English lines get the
    // Chinese lines' port, so both name the same URL.
    let (from, to) = (first_port(&english[0]), first_port(&chinese[0]));
    let english: Vec<String> = english.iter().map(|l| l.replace(&from, &to)).collect();

    let lab = Lab::start().await;
    let mut readings = Vec::new();
    for lines in [&english, &chinese] {
        let link = url::Url::parse_with_params(&lab.app_url("/explain"), [("m", lines.join("\n"))])
            .expect("url");
        lab.client.goto(link.as_str()).await.expect("open");
        lab.expect_text("explain-kind", "CORS error").await;
        lab.text_until("explain-browser", |t| t.contains("Firefox"))
            .await;
        lab.text_until("explain-stage", |t| t.contains("preflight"))
            .await;
        lab.expect_text("explain-value-header", "x-custom").await;
        lab.text_until("explain-value-url", |t| t.contains(&to))
            .await;
        readings.push(explainer_reading(&lab).await);
    }
    let shown = readings[1].iter().filter(|(_, text)| !text.is_empty());
    assert!(
        shown.count() >= 10,
        "little was explained: {:?}",
        readings[1]
    );
    assert_eq!(
        readings[1], readings[0],
        "the zh-TW lines (right) are explained otherwise than the English ones (left)"
    );
    lab.screenshot("explain-firefox-zh-tw").await;

    // The lab link, from the Chinese lines: the lab shows Firefox's English
    // reason; Firefox itself prints it.
    lab.find("explain-lab-link")
        .await
        .click()
        .await
        .expect("follow the lab link");
    let printed = run_and_read(&lab).await;
    lab.text_until("console-firefox", |t| {
        t.contains("header ‘x-custom’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response")
    })
    .await;
    if lab.engine == crate::harness::Engine::Firefox {
        assert_eq!(
            without_urls(&printed),
            without_urls(&english),
            "Firefox printed {printed:?} for the lab link"
        );
    }
}
