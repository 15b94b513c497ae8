//! `/why`: the seven demos of why the same-origin policy exists, each run for
//! real and checked from both sides — what the page shows, and what the
//! demo server's log says arrived.

use std::time::{Duration, Instant};

use cors_core::wire::{LogEntry, Role};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

use crate::harness::{Engine, Lab, PATIENCE};

/// The server's log entries, polled until `done` accepts them.
async fn log_until(lab: &Lab, what: &str, done: impl Fn(&[LogEntry]) -> bool) -> Vec<LogEntry> {
    let started = Instant::now();
    loop {
        let entries = lab.server_state.log().entries(None);
        if done(&entries) {
            return entries;
        }
        if started.elapsed() > PATIENCE {
            panic!("the server log never showed {what}: {entries:#?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of the first element matching `css`, polled until `done` accepts it.
pub(crate) async fn css_text_until(lab: &Lab, css: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    let mut last = String::new();
    while started.elapsed() < PATIENCE {
        if let Ok(el) = lab.client.find(Locator::Css(css)).await {
            if let Ok(text) = el.text().await {
                if done(&text) {
                    return text;
                }
                last = text;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} never matched; last text: {last:?}")
}

pub(crate) async fn js(lab: &Lab, script: &str) -> serde_json::Value {
    lab.client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("running {script:?} failed: {e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intranet_request_arrives_but_the_script_has_nothing_to_send() {
    let lab = Lab::start().await;
    lab.open("/why#intranet").await;
    lab.text_until("why-intranet-step-2", |t| t.contains("Not run yet"))
        .await;
    // Keyboard only: Enter on the focused button runs the demo.
    lab.find("why-intranet-run")
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("press Enter");

    let result = lab
        .text_until("why-intranet-result", |t| !t.is_empty())
        .await;
    assert!(result.starts_with("TypeError"), "{result}");
    let app_origin = lab.app_url("");
    let step_2 = lab
        .text_until("why-intranet-step-2", |t| t.contains("Happened"))
        .await;
    assert!(
        step_2.contains("GET /salaries.json") && step_2.contains(&app_origin),
        "{step_2}"
    );
    let step_3 = lab
        .text_until("why-intranet-step-3", |t| t.contains("Withheld"))
        .await;
    assert!(step_3.contains(&result), "{step_3}");
    lab.text_until("why-intranet-step-4", |t| {
        t.contains("Did not happen") && t.contains("Nothing to send")
    })
    .await;
    let state = lab
        .client
        .find(Locator::Css("#intranet svg.why-diagram"))
        .await
        .expect("the diagram")
        .attr("data-state")
        .await
        .expect("attr");
    assert_eq!(state.as_deref(), Some("withheld"));

    // The server's side: the request arrived, from the app origin.
    let entries = log_until(&lab, "the intranet request", |entries| {
        entries
            .iter()
            .any(|e| e.role == Role::Intranet && e.path == "/salaries.json")
    })
    .await;
    let entry = entries
        .iter()
        .find(|e| e.role == Role::Intranet && e.path == "/salaries.json")
        .expect("found above");
    assert_eq!(entry.header("origin"), Some(app_origin.as_str()));
    assert_eq!(entry.status, 200);
    assert_eq!(entry.port, lab.intranet_port);
    assert!(
        entry.learner.is_some(),
        "tagged with the learner: {entry:?}"
    );
    // ...and the card's own log shows it beside the steps.
    css_text_until(&lab, "#intranet [data-testid='server-log']", |t| {
        t.contains("GET /salaries.json") && t.contains(&format!("Origin: {app_origin}"))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn localhost_probe_reaches_each_lab_port_but_reads_only_its_own() {
    let lab = Lab::start().await;
    lab.open("/why#localhost").await;
    lab.click("why-probe-run").await;

    let started = Instant::now();
    let rows = loop {
        let rows = lab
            .client
            .find_all(Locator::Css("[data-testid='why-probe-row'][data-readable]"))
            .await
            .expect("rows");
        if rows.len() == 3 || started.elapsed() > PATIENCE {
            break rows;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(rows.len(), 3, "three probes, each with a verdict");

    let mut seen = Vec::new();
    for row in rows {
        let port: u16 = row
            .attr("data-port")
            .await
            .expect("attr")
            .and_then(|p| p.parse().ok())
            .expect("a port");
        let readable = row.attr("data-readable").await.expect("attr");
        let text = row.text().await.expect("text");
        assert!(text.contains("request arrived (see log)"), "{port}: {text}");
        let expected = if port == lab.app_port { "yes" } else { "no" };
        assert_eq!(readable.as_deref(), Some(expected), "{port}: {text}");
        assert!(text.contains(&format!("readable? {expected}")), "{text}");
        if expected == "no" {
            assert!(text.contains("TypeError"), "{text}");
        }
        seen.push(port);
    }
    seen.sort_unstable();
    let mut lab_ports = vec![lab.app_port, lab.api_port, lab.intranet_port];
    lab_ports.sort_unstable();
    assert_eq!(seen, lab_ports, "exactly the lab's own ports are probed");

    // Each probed port logged the probe, with the page's Origin.
    let app_origin = lab.app_url("");
    let entries = log_until(&lab, "a probe on every port", |entries| {
        lab_ports
            .iter()
            .all(|port| entries.iter().any(|e| e.port == *port && e.path == "/cors"))
    })
    .await;
    for port in lab_ports {
        let entry = entries
            .iter()
            .find(|e| e.port == port && e.path == "/cors")
            .expect("found above");
        assert!(
            entry
                .query
                .as_deref()
                .is_some_and(|q| q.contains("case=why-probe-")),
            "{entry:?}"
        );
        assert_eq!(entry.header("origin").map(str::to_owned), {
            // A same-origin GET carries no Origin header; cross-origin ones do.
            (port != lab.app_port).then(|| app_origin.clone())
        });
    }
    css_text_until(&lab, "#localhost [data-testid='server-log']", |t| {
        t.matches("GET /cors").count() == 3
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_shows_and_a_script_runs_but_neither_can_be_read() {
    let lab = Lab::start().await;
    lab.open("/why#load-vs-read").await;

    // The image from the API origin is displayed.
    let img = lab.find("why-img").await;
    let src = img.attr("src").await.expect("attr").expect("a src");
    assert!(
        src.starts_with(&format!("http://localhost:{}/pixel.png?", lab.api_port)),
        "{src}"
    );
    let started = Instant::now();
    while js(
        &lab,
        "return document.querySelector(\"[data-testid='why-img']\").naturalWidth",
    )
    .await
        != json!(8)
    {
        assert!(started.elapsed() < PATIENCE, "the image never loaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Drawn on a canvas, its pixels cannot be read back.
    lab.click("why-canvas-run").await;
    let canvas = lab.text_until("why-canvas-result", |t| !t.is_empty()).await;
    assert!(canvas.starts_with("SecurityError"), "{canvas}");
    // Chromium's message names the call and the taint; Firefox's and
    // WebKit's say only "SecurityError: The operation is insecure.", so the
    // page names the call itself, above the error, in every engine.
    match lab.engine {
        Engine::Chromium => assert!(
            canvas.contains("getImageData") && canvas.contains("tainted"),
            "{canvas}"
        ),
        Engine::Firefox | Engine::Webkit => {
            assert_eq!(canvas, "SecurityError: The operation is insecure.")
        }
    }
    css_text_until(&lab, "#load-vs-read", |t| {
        t.contains("Reading its pixels with getImageData() threw:")
    })
    .await;

    // The script runs, but its source cannot be fetched.
    lab.click("why-script-run").await;
    lab.expect_text("why-script-ran", "true").await;
    let read = lab.text_until("why-script-read", |t| !t.is_empty()).await;
    assert!(read.starts_with("TypeError"), "{read}");
    assert_eq!(
        js(&lab, "return window.corsLabWidgetLoaded").await,
        json!(true)
    );

    // Server side: the image once, the script twice — loaded as a script
    // (no Origin: not a CORS request) and fetched (with Origin).
    let app_origin = lab.app_url("");
    let entries = log_until(&lab, "the image and both script requests", |entries| {
        entries.iter().any(|e| e.path == "/pixel.png")
            && entries.iter().filter(|e| e.path == "/widget.js").count() >= 2
    })
    .await;
    let pixel = entries
        .iter()
        .find(|e| e.path == "/pixel.png")
        .expect("found above");
    assert_eq!((pixel.role, pixel.status), (Role::Api, 200));
    let widget: Vec<&LogEntry> = entries.iter().filter(|e| e.path == "/widget.js").collect();
    assert!(
        widget.iter().any(|e| e.header("origin").is_none()),
        "the <script> load: {widget:#?}"
    );
    assert!(
        widget
            .iter()
            .any(|e| e.header("origin") == Some(app_origin.as_str())),
        "the fetch: {widget:#?}"
    );
    css_text_until(&lab, "#load-vs-read [data-testid='server-log']", |t| {
        t.contains("GET /pixel.png") && t.contains("GET /widget.js")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_same_origin_proxy_reads_what_a_direct_fetch_cannot() {
    let lab = Lab::start().await;
    lab.open("/why#proxy").await;
    lab.click("why-proxy-run").await;

    let direct = lab.text_until("why-proxy-direct", |t| !t.is_empty()).await;
    assert!(direct.starts_with("TypeError"), "{direct}");
    let via = lab.text_until("why-proxy-via", |t| !t.is_empty()).await;
    assert!(via.contains("Ada Lovelace"), "{via}");
    let upstream = lab
        .text_until("why-proxy-upstream", |t| t.contains("no Origin header"))
        .await;
    assert!(upstream.contains("via=proxy"), "{upstream}");

    let app_origin = lab.app_url("");
    let entries = log_until(&lab, "the direct, proxy and upstream requests", |entries| {
        entries
            .iter()
            .any(|e| e.role == Role::Api && e.query_has("via=proxy"))
            && entries
                .iter()
                .any(|e| e.role == Role::App && e.path == "/api/proxy/users.json")
            && entries
                .iter()
                .any(|e| e.role == Role::Api && e.header("origin").is_some())
    })
    .await;
    let upstream = entries
        .iter()
        .find(|e| e.role == Role::Api && e.query_has("via=proxy"))
        .expect("found above");
    assert_eq!(upstream.path, "/users.json");
    assert_eq!(
        upstream.header("origin"),
        None,
        "server to server: no Origin"
    );
    assert!(
        upstream
            .header("user-agent")
            .is_some_and(|ua| ua.contains("proxy")),
        "{upstream:?}"
    );
    let direct = entries
        .iter()
        .find(|e| e.role == Role::Api && e.path == "/users.json" && !e.query_has("via=proxy"))
        .expect("the direct fetch arrived");
    assert_eq!(direct.header("origin"), Some(app_origin.as_str()));
    assert_eq!(direct.status, 200, "answered, then withheld by the browser");
    css_text_until(&lab, "#proxy [data-testid='server-log']", |t| {
        t.contains("GET /api/proxy/users.json") && t.contains("no Origin header")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_links_land_on_a_demo_and_the_page_fits_a_phone() {
    let lab = Lab::start().await;
    lab.open("/why#proxy").await;
    lab.find("why-proxy-run").await;
    let started = Instant::now();
    loop {
        let top = js(
            &lab,
            "return document.getElementById('proxy').getBoundingClientRect().top",
        )
        .await;
        let top = top.as_f64().unwrap_or(f64::MAX);
        if (0.0..200.0).contains(&top) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "#proxy is not in view: top {top}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for id in [
        "intranet",
        "localhost",
        "credentials",
        "load-vs-read",
        "css-font",
        "runtime",
        "proxy",
    ] {
        lab.client
            .find(Locator::Css(&format!("section#{id}.why-card")))
            .await
            .unwrap_or_else(|e| panic!("no section #{id}: {e}"));
    }

    // Every demo run once, then the whole page for people to look at, and
    // for axe: the results (tables, verdicts) stay accessible too.
    run_every_demo(&lab).await;
    lab.assert_clean_urls();
    let violations = crate::accessibility::serious_violations(&lab).await;
    assert!(
        violations.is_empty(),
        "/why after every demo ran: {violations:#?}"
    );
    // One live log at a time (the last demo run), so the page holds one
    // stream, not four, of the six connections Chrome allows per origin.
    let live = lab
        .client
        .find_all(Locator::Css(".why-card .server-log:not(.why-log-idle)"))
        .await
        .expect("logs");
    assert_eq!(live.len(), 1, "one live log on the page");
    css_text_until(&lab, "#proxy .server-log", |t| t.contains("via=proxy")).await;
    lab.screenshot("why").await;

    // Phone width: nothing wider than the screen.
    lab.client
        .set_window_size(390, 844)
        .await
        .expect("resize the window");
    // Polled: the page lays itself out again after the resize.
    let started = Instant::now();
    loop {
        let overflow = js(
            &lab,
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
        )
        .await;
        if overflow == json!(0) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the page scrolls sideways at phone width by {overflow}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    lab.screenshot("why-phone").await;
}

/// Open `/why`, run each of its demos once and wait until each shows its
/// outcome. One at a time: a finished demo grows its card and moves every
/// button after it, and WebKit's driver would click where a button was.
pub(crate) async fn run_every_demo(lab: &Lab) {
    lab.open("/why").await;
    lab.click("why-intranet-run").await;
    lab.text_until("why-intranet-step-4", |t| t.contains("Nothing to send"))
        .await;
    css_text_until(lab, "#intranet [data-testid='server-log']", |t| {
        t.contains("GET /salaries.json")
    })
    .await;

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
    css_text_until(lab, "#localhost [data-testid='server-log']", |t| {
        t.matches("GET /cors").count() == 3
    })
    .await;

    lab.click("why-canvas-run").await;
    lab.text_until("why-canvas-result", |t| t.starts_with("SecurityError"))
        .await;
    lab.click("why-script-run").await;
    lab.expect_text("why-script-ran", "true").await;
    lab.text_until("why-script-read", |t| t.starts_with("TypeError"))
        .await;
    css_text_until(lab, "#load-vs-read [data-testid='server-log']", |t| {
        t.matches("GET /widget.js").count() >= 2
    })
    .await;

    lab.click("why-css-run").await;
    lab.find("why-font-cors").await;
    lab.click("why-runtime-run").await;
    lab.text_until("why-runtime-server", |t| t.contains("Ada"))
        .await;
    lab.click("why-proxy-run").await;
    lab.text_until("why-proxy-via", |t| t.contains("Ada")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_reads_what_the_browser_withholds_from_the_page() {
    let lab = Lab::start().await;
    lab.open("/why#runtime").await;
    lab.click("why-runtime-run").await;

    // The page: refused, in this engine's words.
    let page = lab.text_until("why-runtime-page", |t| !t.is_empty()).await;
    assert_eq!(page.trim(), lab.engine.network_error().as_str(), "{page}");
    // The server: everything, headers and body.
    let server = lab
        .text_until("why-runtime-server", |t| !t.is_empty())
        .await;
    assert!(server.contains("Ada Lovelace"), "{server}");
    let headers = lab
        .text_until("why-runtime-headers", |t| !t.is_empty())
        .await;
    assert!(
        headers.contains("content-type: application/json"),
        "{headers}"
    );
    assert!(!headers.contains("access-control-"), "{headers}");
    lab.text_until("why-runtime-log", |t| t.contains("answered both"))
        .await;
    let from_server = lab
        .text_until("why-runtime-log-server", |t| !t.is_empty())
        .await;
    assert!(from_server.contains("no Origin header"), "{from_server}");
    assert!(from_server.contains("server-side fetch"), "{from_server}");

    // The API's log: the same URL twice, once from the page (with Origin),
    // once from the server (none), both answered 200.
    let app_origin = lab.app_url("");
    let entries = log_until(&lab, "both requests for /users.json", |entries| {
        entries
            .iter()
            .filter(|e| e.role == Role::Api && e.path == "/users.json")
            .count()
            >= 2
            && entries.iter().any(|e| e.path == "/api/server-fetch")
    })
    .await;
    let users: Vec<&LogEntry> = entries
        .iter()
        .filter(|e| e.role == Role::Api && e.path == "/users.json")
        .collect();
    assert_eq!(users.len(), 2, "{users:#?}");
    assert_eq!(users[0].query, users[1].query, "the same URL both times");
    assert!(users.iter().all(|e| e.status == 200));
    assert_eq!(users[0].header("origin"), Some(app_origin.as_str()));
    assert_eq!(users[1].header("origin"), None);
    assert!(users[1]
        .header("user-agent")
        .is_some_and(|ua| ua.contains("server-side fetch")));
    css_text_until(&lab, "#runtime [data-testid='server-log']", |t| {
        t.contains("GET /api/server-fetch") && t.contains("no Origin header")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stylesheet_applies_unread_and_a_font_loads_only_with_cors() {
    let lab = Lab::start().await;
    lab.open("/why#css-font").await;
    lab.click("why-css-run").await;

    // Without CORS: applied, rules refused.
    let applied = lab
        .text_until("why-css-plain-applied", |t| !t.is_empty())
        .await;
    assert!(
        applied.contains("applied: the box's border is now 6px dashed"),
        "{applied}"
    );
    let rules = lab
        .text_until("why-css-plain-rules", |t| !t.is_empty())
        .await;
    assert!(rules.contains("refused: SecurityError"), "{rules}");
    // With CORS: applied, rules readable.
    let applied = lab
        .text_until("why-css-cors-applied", |t| !t.is_empty())
        .await;
    assert!(applied.contains("6px dashed"), "{applied}");
    let rules = lab
        .text_until("why-css-cors-rules", |t| !t.is_empty())
        .await;
    assert!(
        rules.contains("readable: 1 rule(s): .why-css-target"),
        "{rules}"
    );
    // The box keeps the style of the sheet left in place.
    let border = js(
        &lab,
        "return getComputedStyle(document.querySelector(\"[data-testid='why-css-target']\")).borderTopStyle",
    )
    .await;
    assert_eq!(border, json!("dashed"));

    // The font: with CORS it loads everywhere. Without, Chromium and
    // Firefox refuse it and the text falls back; WebKit (Safari's engine)
    // uses it anyway, and the page says so.
    let plain = lab.find("why-font-plain").await;
    let allowed = lab.find("why-font-cors").await;
    let plain_status = if lab.engine == Engine::Webkit {
        "loaded"
    } else {
        "error"
    };
    assert_eq!(
        plain.attr("data-status").await.expect("attr").as_deref(),
        Some(plain_status),
        "[{:?}]",
        lab.engine
    );
    assert_eq!(
        allowed.attr("data-status").await.expect("attr").as_deref(),
        Some("loaded")
    );
    if lab.engine == Engine::Webkit {
        lab.text_until("why-font-plain-status", |t| t.contains("in use"))
            .await;
    } else {
        lab.text_until("why-font-plain-status", |t| t.contains("fell back"))
            .await;
    }
    lab.text_until("why-font-cors-status", |t| t.contains("in use"))
        .await;
    let faces = js(
        &lab,
        "return [...document.fonts].filter(f => f.family.includes('CORS Lab Glyphs')).map(f => f.family.replaceAll('\"', '') + '=' + f.status).sort()",
    )
    .await;
    assert_eq!(
        faces,
        json!([
            "CORS Lab Glyphs allowed=loaded",
            format!("CORS Lab Glyphs plain={plain_status}")
        ])
    );

    // The log: the sheet without crossorigin came as a plain embed (no
    // Origin), the one with it and both fonts as CORS requests (Origin).
    let app_origin = lab.app_url("");
    let entries = log_until(&lab, "two sheets and two fonts", |entries| {
        entries.iter().filter(|e| e.path == "/theme.css").count() >= 2
            && entries
                .iter()
                .filter(|e| e.path == "/lab-glyphs.ttf")
                .count()
                >= 2
    })
    .await;
    let find = |path: &str, cors: bool| {
        entries
            .iter()
            .find(|e| e.path == path && e.query_has("cors=1") == cors)
            .unwrap_or_else(|| panic!("{path} cors={cors}: {entries:#?}"))
    };
    assert_eq!(find("/theme.css", false).header("origin"), None);
    assert_eq!(
        find("/theme.css", true).header("origin"),
        Some(app_origin.as_str())
    );
    for cors in [false, true] {
        let font = find("/lab-glyphs.ttf", cors);
        // WebKit fetches fonts as plain embeds: no Origin header.
        let origin = (lab.engine != Engine::Webkit).then_some(app_origin.as_str());
        assert_eq!(font.header("origin"), origin, "{font:?}");
        assert_eq!(font.status, 200, "the server answered either way");
    }
    css_text_until(&lab, "#css-font [data-testid='server-log']", |t| {
        t.contains("GET /theme.css") && t.contains("GET /lab-glyphs.ttf")
    })
    .await;
}

/// Wait until the attacker's page has run and reported, then return what
/// its script got.
pub(crate) async fn attacker_result(lab: &Lab) -> String {
    let started = Instant::now();
    loop {
        let done = js(
            lab,
            "return document.body && document.body.dataset.done === 'true'",
        )
        .await;
        if done == json!(true) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the attacker's page never finished"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    lab.text_until("attacker-got", |t| !t.is_empty()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logged_in_victim_s_cookie_reaches_the_api_but_the_attacker_reads_nothing() {
    let lab = Lab::start().await;
    lab.open("/why#credentials").await;
    lab.text_until("why-cred-cookie", |t| t.contains("No cookie"))
        .await;
    let login = lab.href("why-cred-login").await;
    let same_site = lab.href("why-cred-open-same-site").await;
    let other_site = lab.href("why-cred-open-other-site").await;
    assert!(
        same_site.starts_with(&format!("http://localhost:{}/api/attacker?", lab.app_port)),
        "{same_site}"
    );
    assert!(
        other_site.starts_with(&format!("http://127.0.0.1:{}/api/attacker?", lab.app_port)),
        "{other_site}"
    );

    // 1. Log in, as a top-level visit.
    lab.client.goto(&login).await.expect("open the login page");
    // 2. The attacker's pages, each opened top-level as a victim would.
    lab.client
        .goto(&same_site)
        .await
        .expect("open the same-site attacker");
    let got_same = attacker_result(&lab).await;
    assert_eq!(got_same.trim(), lab.engine.network_error(), "{got_same}");
    lab.client
        .goto(&other_site)
        .await
        .expect("open the other-site attacker");
    let got_other = attacker_result(&lab).await;
    assert_eq!(got_other.trim(), lab.engine.network_error(), "{got_other}");

    // The API's side: both requests arrived, with the cookie from the same
    // site only (SameSite=Lax), and the account was handed over to it.
    let entries = log_until(&lab, "two /account requests and two reports", |entries| {
        entries.iter().filter(|e| e.path == "/account").count() >= 2
            && entries
                .iter()
                .filter(|e| e.path == "/api/attacker/report")
                .count()
                >= 2
    })
    .await;
    let account = |host: &str| {
        entries
            .iter()
            .find(|e| {
                e.path == "/account"
                    && e.header("origin")
                        == Some(format!("http://{host}:{}", lab.app_port).as_str())
            })
            .unwrap_or_else(|| panic!("no /account request from {host}: {entries:#?}"))
    };
    let from_same = account("localhost");
    assert!(
        from_same
            .header("cookie")
            .is_some_and(|c| c.contains("lab=")),
        "[{:?}] the same-site request carries the cookie: {from_same:?}",
        lab.engine
    );
    assert_eq!(
        from_same.status, 200,
        "the API answered as the logged-in user"
    );
    let from_other = account("127.0.0.1");
    assert!(
        from_other
            .header("cookie")
            .is_none_or(|c| !c.contains("lab=")),
        "[{:?}] SameSite=Lax keeps the cookie off the cross-site request: {from_other:?}",
        lab.engine
    );
    assert_eq!(from_other.status, 401);
    let reports: Vec<&str> = entries
        .iter()
        .filter(|e| e.path == "/api/attacker/report")
        .map(|e| e.body.as_str())
        .collect();
    assert!(
        reports.iter().all(|r| *r == lab.engine.network_error()),
        "the attacker only ever had an error to send home: {reports:?}"
    );

    // Back in the lab: the card reads the log and says the same.
    lab.open("/why#credentials").await;
    lab.text_until("why-cred-cookie", |t| t.contains("holds the API's cookie"))
        .await;
    let row = lab.find("why-cred-same-site").await;
    let started = Instant::now();
    while row.attr("data-cookie").await.expect("attr").as_deref() != Some("sent") {
        assert!(started.elapsed() < PATIENCE, "the card never read the log");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        row.attr("data-status").await.expect("attr").as_deref(),
        Some("200")
    );
    lab.text_until("why-cred-same-site-cookie", |t| {
        t.contains("yes: Cookie lab=")
    })
    .await;
    lab.text_until("why-cred-same-site-got", |t| t.contains("only an error"))
        .await;
    let other = lab.find("why-cred-other-site").await;
    assert_eq!(
        other.attr("data-cookie").await.expect("attr").as_deref(),
        Some("not sent")
    );
    assert_eq!(
        other.attr("data-status").await.expect("attr").as_deref(),
        Some("401")
    );
    lab.text_until("why-cred-other-site-got", |t| {
        t.contains(&lab.engine.network_error())
    })
    .await;
    lab.click("why-cred-refresh").await;
    css_text_until(&lab, "#credentials [data-testid='server-log']", |t| {
        t.contains("GET /account") && t.contains("POST /api/attacker/report")
    })
    .await;
}
