//! The origin comparator, used through its inputs, its presets and a deep link.

use crate::harness::{Lab, PATIENCE};

/// Where the app serves the Public Suffix List (`src/suffix_list.rs`).
const LIST_PATH: &str = "/psl/public_suffix_list.dat";

/// Click a link of the main navigation (a client-side page change: the app
/// and what it has loaded stay).
pub(crate) async fn nav_to(lab: &Lab, label: &str) {
    lab.client
        .wait()
        .at_most(PATIENCE)
        .for_element(fantoccini::Locator::XPath(&format!(
            "//nav//a[normalize-space()='{label}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no nav link {label}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {label}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_two_urls_updates_every_verdict() {
    let lab = Lab::start().await;
    lab.open("/origin").await;

    lab.type_into("url-a", "https://example.com/inbox").await;
    lab.type_into("url-b", "https://example.com:8443/inbox")
        .await;
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.text_until("origin-differs", |t| t.contains("port"))
        .await;
    lab.expect_text("site-verdict", "same-site").await;
    lab.expect_text("cookie-verdict", "sent").await;
    lab.expect_text("breakdown-b-port", "8443").await;
    lab.expect_text("breakdown-a-port", "default 443").await;

    // Only the path differs: same origin.
    lab.type_into("url-b", "https://example.com/settings?tab=1#top")
        .await;
    lab.expect_text("origin-verdict", "same-origin").await;

    // The address bar is a deep link to what is on screen.
    lab.query_until("b", "https://example.com/settings?tab=1#top")
        .await;

    // Bad input: a precise message, not a crash; the rest of the page lives on.
    lab.type_into("url-b", "https://exa mple.com/").await;
    lab.expect_text("origin-verdict", "invalid").await;
    lab.text_until("url-b-error", |t| !t.trim().is_empty())
        .await;
    lab.type_into("url-b", "http://example.com/").await;
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.text_until("origin-differs", |t| t.contains("scheme"))
        .await;
    lab.screenshot("origin-typed").await;
}

/// Fast typing (hundreds of keystrokes, each a new state) still leaves the
/// address bar holding what is on screen: the writes are throttled, so
/// Chrome's own limit on history updates (about 200 in 10 s, beyond which
/// it drops them) is never reached.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fast_typing_leaves_the_address_up_to_date() {
    let lab = Lab::start().await;
    lab.open("/origin").await;
    lab.find("url-a").await;
    if lab.engine == crate::harness::Engine::Chromium {
        let _ = lab.console_messages().await;
    }
    let path = "ab".repeat(160);
    let typed = format!("https://example.com/{path}");
    lab.type_into("url-a", &typed).await;
    lab.query_until("a", &typed).await;
    // Chrome says in the console when it drops history updates; the other
    // engines have limits of their own, and the address above proves the
    // last write was not dropped in each of them.
    if !lab.has_devtools("reading the console") {
        return;
    }
    let throttled: Vec<String> = lab
        .console_messages()
        .await
        .into_iter()
        .filter(|m| m.contains("Throttling navigation"))
        .collect();
    assert!(throttled.is_empty(), "{throttled:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_link_reproduces_a_comparison() {
    let lab = Lab::start().await;
    lab.open("/origin?a=http%3A%2F%2Flocalhost%3A8080%2F&b=http%3A%2F%2F127.0.0.1%3A8080%2Fapi")
        .await;
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.text_until("origin-differs", |t| t.contains("host"))
        .await;
    lab.expect_text("site-verdict", "cross-site").await;
    lab.expect_text("cookie-verdict", "not sent").await;
    let a = lab.find("url-a").await.prop("value").await.expect("value");
    assert_eq!(a.as_deref(), Some("http://localhost:8080/"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presets_and_the_table() {
    let lab = Lab::start().await;
    lab.open("/origin").await;
    // Wait for the app to render its presets (the wasm may still be loading).
    let preset = lab
        .client
        .wait()
        .at_most(crate::harness::PATIENCE)
        .for_element(fantoccini::Locator::XPath(
            "//button[normalize-space()='http vs https']",
        ))
        .await
        .expect("the http vs https preset");
    preset.click().await.expect("click preset");
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.text_until("origin-differs", |t| t.contains("scheme"))
        .await;
    lab.expect_text("site-verdict", "cross-site").await;

    // The table compares URL A with every line of the list.
    lab.type_into("url-a", "https://shop.example.com/cart/index.html")
        .await;
    // Lines end with the Enter key, as a person types them (WebKitWebDriver
    // drops a "\n" character sent as text; the other drivers press Enter).
    let enter = fantoccini::key::Key::Enter.to_string();
    lab.type_into(
        "url-list",
        &[
            "https://shop.example.com/help.html",
            "https://shop.example.com:444/",
            "not a url",
        ]
        .join(&enter),
    )
    .await;
    // The table follows the typing (an engine may render the last keys a
    // little later than WebDriver returns).
    let started = std::time::Instant::now();
    let texts = loop {
        let mut texts = Vec::new();
        for v in lab.find_all("origin-table-verdict").await {
            texts.push(v.text().await.unwrap_or_default());
        }
        if texts.len() == 3 && texts[2].starts_with("invalid") {
            break texts;
        }
        if started.elapsed() > PATIENCE {
            let typed = lab.find("url-list").await.prop("value").await;
            panic!("the table never had the 3 lines typed: {texts:?}; the list holds {typed:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(texts[0].contains("same-origin"), "{texts:?}");
    assert!(texts[1].contains("cross-origin"), "{texts:?}");
    assert!(texts[2].starts_with("invalid"), "{texts:?}");
    lab.screenshot("origin-table").await;
}

/// Same-site needs the Public Suffix List, which the app fetches only when a
/// view needs it, once per visit, and shares between pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_suffix_list_is_fetched_lazily_and_once() {
    let lab = Lab::start().await;
    lab.open("/").await;
    lab.find("run-users-fetch").await;
    assert_eq!(
        lab.fetch_count(LIST_PATH).await,
        0,
        "the home page needs no list"
    );

    nav_to(&lab, "Origins").await;
    lab.type_into("url-a", "https://alice.github.io/").await;
    lab.type_into("url-b", "https://bob.github.io/").await;
    // github.io is a rule of the list's private section: only the list says
    // these two are different sites.
    lab.expect_text("site-verdict", "cross-site").await;
    lab.text_until("site-reason", |t| {
        t.contains("github.io is on the Public Suffix List")
    })
    .await;
    lab.text_until("cookie-reason", |t| t.contains("github.io"))
        .await;
    // The table's site column filled in too.
    lab.text_until("origin-table-site", |t| {
        t == "same-site" || t == "cross-site"
    })
    .await;

    nav_to(&lab, "Fetch lab").await;
    nav_to(&lab, "Origins").await;
    lab.expect_text("site-verdict", "same-site").await; // the default pair
    assert_eq!(
        lab.fetch_count(LIST_PATH).await,
        1,
        "fetched once per visit"
    );
    // The demo server's config, too: one request for the home page, the lab
    // and the classroom seat together.
    assert_eq!(
        lab.fetch_count("/api/config").await,
        1,
        "/api/config fetched once per visit"
    );
}

/// The wasm holds no copy of the list: when its fetch fails, same-site and
/// the cookie verdict say so (and why), the origin verdict still works, and
/// "Try again" loads it once the network is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_suffix_list_same_site_says_it_is_unavailable() {
    let lab = Lab::start().await;
    let devtools = lab.has_devtools("failing the list's download in the network");
    if devtools {
        lab.block_urls(&["*public_suffix_list.dat*"]).await;
        lab.open(
            "/origin?a=https%3A%2F%2Falice.github.io%2F&b=https%3A%2F%2Fbob.github.io%3A8443%2F",
        )
        .await;
    } else {
        // Without DevTools the page's own `fetch` fails the list's request,
        // with the TypeError this engine gives a network failure; the list
        // is fetched only once a view needs it, so the stub goes in on the
        // start page and the comparator is reached by a client-side link.
        lab.open("/").await;
        lab.find("run-users-fetch").await;
        stub_failing_list_fetch(&lab, true).await;
        nav_to(&lab, "Origins").await;
        lab.type_into("url-a", "https://alice.github.io/").await;
        lab.type_into("url-b", "https://bob.github.io:8443/").await;
    }
    lab.expect_text("site-verdict", "unavailable").await;
    lab.text_until("site-reason", |t| {
        t.contains("The Public Suffix List could not be loaded")
    })
    .await;
    lab.expect_text("cookie-verdict", "unavailable").await;
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.text_until("origin-differs", |t| {
        t.contains("host") && t.contains("port")
    })
    .await;
    lab.text_until("origin-table-site", |t| t == "unavailable")
        .await;
    lab.screenshot("origin-without-suffix-list").await;

    // The network is back: "Try again" fetches the list and every verdict
    // that needs it appears (github.io is in the list's private section).
    if devtools {
        lab.block_urls(&[]).await;
    } else {
        stub_failing_list_fetch(&lab, false).await;
    }
    lab.click("site-retry").await;
    lab.expect_text("site-verdict", "cross-site").await;
    lab.expect_text("cookie-verdict", "not sent").await;
    lab.text_until("origin-table-site", |t| {
        t != "unavailable" && t != "loading…"
    })
    .await;
    if !lab.has_devtools("reading the console") {
        return;
    }
    let panics: Vec<String> = lab
        .console_messages()
        .await
        .into_iter()
        .filter(|m| m.contains("panicked"))
        .collect();
    assert!(panics.is_empty(), "{panics:?}");
}

/// `failing`: the page's `fetch` rejects every request for the list with
/// this engine's network-failure TypeError (as a dropped connection does);
/// otherwise the page's own `fetch` is back. The stub is a `<script>` of
/// the page, so it lives in the page's realm (Firefox runs WebDriver's
/// scripts in a sandbox whose functions the page may not call).
async fn stub_failing_list_fetch(lab: &Lab, failing: bool) {
    let error = lab.engine.network_error();
    let message = error.trim_start_matches("TypeError: ");
    let source = format!(
        "{{ window.corsLabRealFetch ??= window.fetch; \
         const real = window.corsLabRealFetch; \
         window.fetch = !{failing} ? real : (input, init) => \
             String(input?.url ?? input).includes('public_suffix_list.dat') \
                 ? Promise.reject(new TypeError({message:?})) \
                 : real(input, init); }}"
    );
    let restored = lab
        .client
        .execute(
            "const s = document.createElement('script'); s.textContent = arguments[0]; \
             document.head.append(s); s.remove(); \
             return window.fetch === window.corsLabRealFetch;",
            vec![serde_json::json!(source)],
        )
        .await
        .expect("replace the page's fetch");
    assert_eq!(
        restored,
        serde_json::json!(!failing),
        "the page's fetch is {}",
        if failing { "stubbed" } else { "its own" }
    );
}
