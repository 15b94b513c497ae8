//! The endpoints behind the `/why` page's runtime, stylesheet-and-font and
//! credentials demos: the server-side fetch (real sockets: the server
//! connects to its own origins), the stylesheet and the font with and
//! without `?cors=1`, the private `/account`, and the attacker's page and
//! report.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use cors_core::wire::{Role, ServerFetch};
use demo_server::attacker::{ATTACKER_PATH, REPORT_PATH};
use demo_server::embed::{FONT_PATH, FONT_TTF, THEME_CSS, THEME_PATH};
use demo_server::server_fetch::{SERVER_FETCH_PATH, SERVER_FETCH_USER_AGENT};
use demo_server::{bind, Config, ACCOUNT_PATH};
use serde_json::{json, Value};
use tokio::time::timeout;

mod common;
use common::{raw, router, send, state, Answer};

const ORIGIN: &str = "http://localhost:8080";

async fn get(
    role: Role,
    state: &demo_server::AppState,
    uri: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(
        router(role, state),
        request.body(Body::empty()).expect("request"),
    )
    .await
}

#[tokio::test]
async fn the_stylesheet_and_the_font_allow_reading_only_when_asked() {
    let state = state();
    // (path, content type, body)
    let files: [(&str, &str, &[u8]); 2] = [
        (THEME_PATH, "text/css; charset=utf-8", THEME_CSS.as_bytes()),
        (FONT_PATH, "font/ttf", FONT_TTF),
    ];
    for (path, content_type, body) in files {
        for (query, allowed) in [
            ("?learner=ada&case=why-css-1", None),
            ("?cors=1&learner=ada&case=why-css-1", Some("*")),
            ("?cors=0", None),
            ("?cors=1&cors=1", Some("*")),
        ] {
            let uri = format!("{path}{query}");
            let answer = get(Role::Api, &state, &uri, &[("Origin", ORIGIN)]).await;
            assert_eq!(answer.status, StatusCode::OK, "{uri}");
            assert_eq!(answer.header("content-type"), Some(content_type), "{uri}");
            assert_eq!(
                answer.header("access-control-allow-origin"),
                allowed,
                "{uri}"
            );
            let others: Vec<String> = answer
                .cors_headers()
                .into_iter()
                .filter(|name| name != "access-control-allow-origin")
                .collect();
            assert!(others.is_empty(), "{uri}: {others:?}");
            assert_eq!(answer.header("cache-control"), Some("no-store"));
            assert_eq!(&answer.body[..], body, "{uri}");
        }
    }
    let logged = state.log().entries_for_case("why-css-1");
    assert_eq!(logged.len(), 4, "{logged:#?}");
    assert!(logged.iter().all(|e| e.role == Role::Api));
}

#[test]
fn the_font_is_a_small_truetype_file_mapping_c_o_r_s() {
    // sfnt version 1.0, then the table directory.
    assert_eq!(&FONT_TTF[..4], [0, 1, 0, 0]);
    assert!(FONT_TTF.len() < 2048, "{} bytes", FONT_TTF.len());
    let tables = u16::from_be_bytes([FONT_TTF[4], FONT_TTF[5]]) as usize;
    let tags: Vec<&str> = (0..tables)
        .map(|i| std::str::from_utf8(&FONT_TTF[12 + 16 * i..16 + 16 * i]).expect("tag"))
        .collect();
    for needed in [
        "OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post",
    ] {
        assert!(tags.contains(&needed), "no {needed} table: {tags:?}");
    }
    let script = include_str!("../assets/make_lab_glyphs.py");
    assert!(script.contains("lab-glyphs.ttf") && script.contains("FontBuilder"));
}

#[tokio::test]
async fn the_account_answers_the_cookie_holder_and_never_allows_reading() {
    let state = state();
    let with = get(
        Role::Api,
        &state,
        &format!("{ACCOUNT_PATH}?learner=ada-cred&case=c1"),
        &[("Origin", ORIGIN), ("Cookie", "other=1; lab=ada")],
    )
    .await;
    assert_eq!(with.status, StatusCode::OK);
    let data: Value = with.json();
    assert_eq!(data["user"], json!("ada"));
    assert!(data["balance_usd"].is_number(), "{data}");
    assert_eq!(with.cors_headers(), Vec::<String>::new());

    let without = get(Role::Api, &state, ACCOUNT_PATH, &[("Origin", ORIGIN)]).await;
    assert_eq!(without.status, StatusCode::UNAUTHORIZED);
    assert!(
        without.text().contains("not logged in"),
        "{}",
        without.text()
    );
    assert_eq!(without.cors_headers(), Vec::<String>::new());

    let entries = state.log().entries_for_case("c1");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].header("cookie"), Some("other=1; lab=ada"));
    assert_eq!(entries[0].status, 200);
}

#[tokio::test]
async fn the_attacker_page_names_the_api_port_and_its_report_is_logged() {
    let state = common::state_with(|config| config.api_port = 9191);
    let page = get(
        Role::App,
        &state,
        &format!("{ATTACKER_PATH}?learner=ada-cred&case=c2"),
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = page.text();
    assert!(
        html.contains("const API_PORT = 9191;"),
        "the port is written in"
    );
    assert!(!html.contains("__API_PORT__"));
    assert!(html.contains("credentials: \"include\""));

    let request = Request::post(format!("{REPORT_PATH}?learner=ada-cred&case=c2"))
        .header("Origin", "http://127.0.0.1:8080")
        .header("Content-Type", "text/plain;charset=UTF-8")
        .body(Body::from("TypeError: Failed to fetch"))
        .expect("request");
    let report = send(router(Role::App, &state), request).await;
    assert_eq!(report.status, StatusCode::NO_CONTENT);

    let entries = state.log().entries_for_case("c2");
    let summary: Vec<(&str, &str, u16)> = entries
        .iter()
        .map(|e| (e.method.as_str(), e.path.as_str(), e.status))
        .collect();
    assert_eq!(
        summary,
        [("GET", ATTACKER_PATH, 200), ("POST", REPORT_PATH, 204)]
    );
    assert_eq!(entries[1].body, "TypeError: Failed to fetch");
    assert_eq!(entries[1].learner.as_deref(), Some("ada-cred"));
}

#[tokio::test]
async fn the_server_fetch_refuses_anything_but_the_lab_s_own_origins() {
    let state = state();
    for url in [
        "http://example.com:8081/users.json",
        "http://localhost:22/",
        "https://localhost:8081/users.json",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
    ] {
        let encoded: String = form_urlencoded::byte_serialize(url.as_bytes()).collect();
        let answer = get(
            Role::App,
            &state,
            &format!("{SERVER_FETCH_PATH}?url={encoded}"),
            &[],
        )
        .await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{url}: {}",
            answer.text()
        );
        assert!(
            answer.text().contains("lab's own origins"),
            "{url}: {}",
            answer.text()
        );
    }
    let missing = get(Role::App, &state, SERVER_FETCH_PATH, &[]).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    // Every refusal was logged, none reached another origin.
    let entries = state.log().entries(None);
    assert_eq!(entries.len(), 6, "{entries:#?}");
    assert!(entries
        .iter()
        .all(|e| e.role == Role::App && e.status == 400));
}

#[tokio::test]
async fn the_server_fetch_reads_what_the_page_cannot_and_reports_all_of_it() {
    let dist = tempfile::tempdir().expect("tempdir");
    let bound = bind(Config {
        app_port: 0,
        api_port: 0,
        intranet_port: 0,
        dist_dir: dist.path().into(),
        ..Config::default()
    })
    .await
    .expect("bind");
    let (app, api) = (bound.app_addr(), bound.api_addr());
    let state = bound.state().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(bound.serve(async {
        let _ = stopped.await;
    }));

    let url = format!(
        "http://localhost:{}/users.json?case=why-rt-1&learner=rt",
        api.port()
    );
    let encoded: String = form_urlencoded::byte_serialize(url.as_bytes()).collect();
    let app_origin = format!("http://localhost:{}", app.port());
    let answer = raw::get(
        app,
        &format!("{SERVER_FETCH_PATH}?url={encoded}&case=why-rt-1&learner=rt"),
        &[("Origin", &app_origin), ("Cookie", "lab=secret")],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let report: ServerFetch = serde_json::from_str(&answer.body).expect("report JSON");
    assert_eq!(report.url, url);
    assert_eq!(report.status, 200);
    assert!(report.body.contains("Ada Lovelace"), "{}", report.body);
    assert!(!report.body_truncated);
    assert!(
        report
            .headers
            .iter()
            .any(|(name, value)| name == "content-type" && value == "application/json"),
        "{:?}",
        report.headers
    );
    assert!(
        report
            .headers
            .iter()
            .all(|(name, _)| !name.starts_with("access-control-")),
        "the API sent no CORS header, and the server did not need one"
    );

    // The log: the API's entry is the server's own request (no Origin, no
    // cookie, its own User-Agent, the host the URL named); then the page's.
    let entries = state.log().entries_for_case("why-rt-1");
    let summary: Vec<(Role, &str)> = entries.iter().map(|e| (e.role, e.path.as_str())).collect();
    assert_eq!(
        summary,
        [(Role::Api, "/users.json"), (Role::App, SERVER_FETCH_PATH)]
    );
    let upstream = &entries[0];
    assert_eq!(upstream.header("origin"), None);
    assert_eq!(upstream.header("cookie"), None);
    assert_eq!(upstream.header("user-agent"), Some(SERVER_FETCH_USER_AGENT));
    assert_eq!(
        upstream.header("host"),
        Some(format!("localhost:{}", api.port()).as_str())
    );
    assert_eq!(upstream.learner.as_deref(), Some("rt"));

    // A lab origin that is not answering the path: reported as it is.
    let missing = format!("http://127.0.0.1:{}/nothing-here", api.port());
    let encoded: String = form_urlencoded::byte_serialize(missing.as_bytes()).collect();
    let answer = raw::get(app, &format!("{SERVER_FETCH_PATH}?url={encoded}"), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let report: ServerFetch = serde_json::from_str(&answer.body).expect("report JSON");
    assert_eq!(report.status, 404);

    stop.send(()).expect("server running");
    let served = timeout(Duration::from_secs(3), server)
        .await
        .expect("graceful shutdown in time")
        .expect("server task");
    assert!(served.is_ok(), "{served:?}");
}
