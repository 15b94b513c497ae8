//! wasm-bindgen tests: components mounted in a real (headless) Chromium page.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

use cors_core::compare::OriginPart;
use cors_core::url_parts::parse_url;
use cors_lab::components::url_breakdown::UrlBreakdown;
use cors_lab::components::verdict::Badge;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, so tests never see each other's DOM; the
/// English texts the components read are installed first (no server here).
fn wrapper() -> web_sys::HtmlElement {
    use cors_lab::i18n::{install_json, Locale, Page};
    for (page, json) in [
        (Page::Common, include_str!("../locales/en/common.json")),
        (Page::Origin, include_str!("../locales/en/origin.json")),
        (Page::Lab, include_str!("../locales/en/lab.json")),
    ] {
        install_json(Locale::En, page, json);
    }
    let document = document();
    let div = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div.unchecked_into()
}

fn text_of(root: &web_sys::HtmlElement, testid: &str) -> String {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
}

#[wasm_bindgen_test]
async fn breakdown_shows_default_port_and_differing_part() {
    let root = wrapper();
    let parsed = Signal::stored(parse_url("HTTPS://Example.COM:443/path?q=1#f"));
    let differs = Signal::stored(vec![OriginPart::Port]);
    let _handle = mount_to(root.clone(), move || {
        view! { <UrlBreakdown side="a" parsed differs /> }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "breakdown-a-scheme"), "https");
    assert_eq!(text_of(&root, "breakdown-a-host"), "example.com");
    assert!(text_of(&root, "breakdown-a-port").contains("443"));
    assert_eq!(text_of(&root, "breakdown-a-origin"), "https://example.com");
    let marked = root.query_selector(".origin-part.differs").ok().flatten();
    assert!(marked.is_some_and(|e| e.text_content().unwrap_or_default().contains("differs")));
}

#[wasm_bindgen_test]
async fn breakdown_explains_invalid_input() {
    let root = wrapper();
    let parsed = Signal::stored(parse_url("http://[::1"));
    let differs = Signal::stored(Vec::new());
    let _handle = mount_to(root.clone(), move || {
        view! { <UrlBreakdown side="b" parsed differs /> }
    });
    leptos::task::tick().await;
    assert!(!text_of(&root, "url-b-error").trim().is_empty());
}

#[wasm_bindgen_test]
async fn badge_word_follows_its_signal() {
    let root = wrapper();
    let word = RwSignal::new("same-origin".to_owned());
    let good = RwSignal::new(Some(true));
    let _handle = mount_to(root.clone(), move || {
        view! { <Badge testid="v" word good /> }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "v"), "same-origin");
    word.set("cross-origin".to_owned());
    good.set(Some(false));
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "v"), "cross-origin");
    // The mark repeats the verdict without colour.
    assert!(root.text_content().unwrap_or_default().contains('✗'));
}

fn has(root: &web_sys::HtmlElement, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .ok()
        .flatten()
        .is_some()
}

/// An experiment for the API under another host: where that is, or, on a
/// page with no second name (a LAN address, in classroom mode), why it
/// cannot run — never a silent fetch to somewhere else.
#[wasm_bindgen_test]
async fn the_other_site_is_named_or_said_to_be_missing() {
    use cors_core::lab_link::LabState;
    use cors_core::scenario::Target;
    use cors_core::wire::DemoConfig;
    use cors_lab::components::other_site::OtherSiteNote;

    let config = |alt_host: Option<&str>| DemoConfig {
        app_port: 8080,
        api_port: 8081,
        intranet_port: 8082,
        alt_host: alt_host.map(str::to_owned),
        classroom: true,
        instructor: false,
    };
    let mut other = LabState::default();
    other.request.target = Target::ApiAlt;

    // (other site, experiment, shown note)
    let cases = [
        (None, other.clone(), Some("lab-other-site-missing")),
        (Some("127.0.0.1"), other.clone(), Some("lab-other-site")),
        (None, LabState::default(), None),
    ];
    for (alt, lab_state, note) in cases {
        let root = wrapper();
        let config = config(alt);
        let state = RwSignal::new(lab_state);
        let _handle = mount_to(root.clone(), move || {
            view! { <OtherSiteNote config state /> }
        });
        leptos::task::tick().await;
        for testid in ["lab-other-site-missing", "lab-other-site"] {
            assert_eq!(has(&root, testid), note == Some(testid), "{alt:?} {testid}");
        }
        if note == Some("lab-other-site-missing") {
            let text = text_of(&root, "lab-other-site-missing");
            assert!(text.starts_with("Not available here."), "{text}");
            assert!(text.contains("host name"), "{text}");
        }
        if note == Some("lab-other-site") {
            assert!(text_of(&root, "lab-other-site").contains("http://127.0.0.1:8081"));
        }
    }
}

/// The app reads `/api/config` with the browser's JSON parser and a reader of
/// its own (`demo::config_from_json`); the server writes it with serde. Both
/// must agree on every field, absent defaults included.
#[wasm_bindgen_test]
fn the_config_reader_reads_what_the_server_writes() {
    use cors_core::wire::DemoConfig;
    use cors_lab::demo::config_from_json;
    let parse = |json: &str| config_from_json(&js_sys::JSON::parse(json).expect("json"));
    for config in [
        DemoConfig {
            app_port: 8080,
            api_port: 8081,
            intranet_port: 8082,
            alt_host: Some("127.0.0.1".into()),
            classroom: false,
            instructor: false,
        },
        DemoConfig {
            app_port: 1,
            api_port: 65535,
            intranet_port: 4000,
            alt_host: None,
            classroom: true,
            instructor: true,
        },
    ] {
        let json = serde_json::to_string(&config).expect("serialise");
        assert_eq!(parse(&json), Ok(config), "{json}");
    }
    // `#[serde(default)]`: an older server sends no classroom fields.
    assert_eq!(
        parse(r#"{"app_port":1,"api_port":2,"intranet_port":3,"alt_host":null}"#)
            .map(|c| (c.classroom, c.instructor)),
        Ok((false, false))
    );
    // A bad answer names the field instead of panicking.
    assert_eq!(
        parse(r#"{"app_port":70000,"api_port":2,"intranet_port":3}"#),
        Err("app_port")
    );
    assert_eq!(
        parse(r#"{"app_port":1,"api_port":2.5,"intranet_port":3}"#),
        Err("api_port")
    );
    assert_eq!(
        parse(r#"{"app_port":1,"api_port":2,"intranet_port":3,"alt_host":7}"#),
        Err("alt_host")
    );
    assert_eq!(
        parse(r#"{"app_port":1,"api_port":2,"intranet_port":3,"classroom":"yes"}"#),
        Err("classroom")
    );
    assert_eq!(parse("[]"), Err("app_port"));
}
