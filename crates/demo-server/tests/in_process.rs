//! In-process tests: the routers driven with `oneshot`, no sockets.

use std::net::IpAddr;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use cors_core::wire::{DemoConfig, LogEntry, Role};
use demo_server::{
    api_router, app_router, intranet_router, AppState, RequestLog, MAX_REQUEST_BODY,
    SUBSCRIBER_BUFFER, USERS,
};
use http_body_util::BodyExt;

mod common;
use common::{
    entry_ids, events, open_stream, read_events, router, send, state, state_with, Answer,
};

fn request(method: Method, uri: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .expect("request")
}

async fn get(router: Router, uri: &str) -> Answer {
    send(router, request(Method::GET, uri)).await
}

fn only_entry(state: &AppState) -> LogEntry {
    let entries = state.log().entries(None);
    assert_eq!(entries.len(), 1, "entries: {entries:#?}");
    entries.into_iter().next().expect("one entry")
}

#[tokio::test]
async fn api_users_have_no_cors_headers_and_are_never_cached() {
    let state = state();
    let request = Request::builder()
        .uri("/users.json?learner=ada&x=1")
        .header("Origin", "http://localhost:8080")
        .header("Accept", "application/json")
        .body(Body::empty())
        .expect("request");
    let answer = send(api_router(state.clone()), request).await;

    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.cors_headers(), Vec::<String>::new());
    assert_eq!(answer.header("cache-control"), Some("no-store"));
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let users: serde_json::Value = answer.json();
    assert_eq!(users, serde_json::to_value(USERS).expect("users"));
    assert_eq!(
        users[0],
        serde_json::json!({"id": 1, "name": "Ada Lovelace", "email": "ada@example.test"})
    );

    let entry = only_entry(&state);
    assert_eq!(entry.id, 1);
    assert!(
        entry.time_ms > 1_600_000_000_000,
        "time_ms {}",
        entry.time_ms
    );
    assert_eq!(entry.role, Role::Api);
    assert_eq!(entry.port, 8081);
    assert_eq!(entry.method, "GET");
    assert_eq!(entry.path, "/users.json");
    assert_eq!(entry.query.as_deref(), Some("learner=ada&x=1"));
    assert_eq!(entry.learner.as_deref(), Some("ada"));
    assert_eq!(
        entry.headers,
        vec![
            ("origin".to_owned(), "http://localhost:8080".to_owned()),
            ("accept".to_owned(), "application/json".to_owned()),
        ]
    );
    assert_eq!(entry.body, "");
    assert!(!entry.body_truncated);
    assert_eq!(entry.status, 200);
    assert!(entry
        .response_headers
        .contains(&("cache-control".to_owned(), "no-store".to_owned())));
    assert!(entry
        .response_headers
        .iter()
        .all(|(name, _)| !name.starts_with("access-control-")));
}

#[tokio::test]
async fn every_request_to_a_logged_origin_is_logged() {
    // (origin, method, path, status, body contains)
    let cases = [
        (Role::Api, "GET", "/users.json", 200, "Ada Lovelace"),
        (Role::Api, "HEAD", "/users.json", 200, ""),
        (
            Role::Api,
            "GET",
            "/nope",
            404,
            r#"{"error":"no such route"}"#,
        ),
        (Role::Api, "GET", "/", 404, "no such route"),
        (Role::Api, "POST", "/users.json", 404, "no such route"),
        (Role::Api, "OPTIONS", "/users.json", 404, "no such route"),
        (Role::Api, "DELETE", "/users.json/1", 404, "no such route"),
        (
            Role::Intranet,
            "GET",
            "/",
            200,
            "ACME intranet — confidential: Q3 salary sheet",
        ),
        (Role::Intranet, "GET", "/salaries.csv", 404, "Not found"),
        (Role::Intranet, "POST", "/", 404, "Not found"),
        (Role::Intranet, "OPTIONS", "/", 404, "Not found"),
        (Role::App, "GET", "/api/users.json", 200, "Grace Hopper"),
        (Role::App, "PUT", "/api/users.json", 404, "no such route"),
    ];
    let state = state();
    for (i, &(role, method, path, status, body)) in cases.iter().enumerate() {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let answer = send(router(role, &state), request(method.clone(), path)).await;
        let case = format!("{role:?} {method} {path}");
        assert_eq!(answer.status.as_u16(), status, "{case}");
        assert!(answer.text().contains(body), "{case}: {}", answer.text());
        assert_eq!(answer.cors_headers(), Vec::<String>::new(), "{case}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{case}");

        let entries = state.log().entries(None);
        assert_eq!(entries.len(), i + 1, "{case}");
        let entry = entries.last().expect("entry");
        assert_eq!(entry.id, i as u64 + 1, "{case}");
        assert_eq!(entry.role, role, "{case}");
        assert_eq!(entry.port, state.port(role), "{case}");
        assert_eq!(entry.method, method.as_str(), "{case}");
        assert_eq!(entry.path, path, "{case}");
        assert_eq!(entry.status, status, "{case}");
        // The log shows the answer as it was sent, headers added by method
        // routing (`allow` on a 404 for a known path) included.
        assert_eq!(entry.response_headers, answer.all_lines(), "{case}");
    }
}

#[tokio::test]
async fn the_labs_own_api_and_files_are_not_logged() {
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(dist.path().join("index.html"), "<p>app</p>").expect("write");
    let state = state_with(|config| config.dist_dir = dist.path().into());
    for uri in [
        "/",
        "/origin",
        "/index.html",
        "/api/config",
        "/api/log",
        "/api/nope",
    ] {
        get(app_router(state.clone()), uri).await;
    }
    send(
        app_router(state.clone()),
        request(Method::POST, "/api/reset"),
    )
    .await;
    assert!(state.log().is_empty(), "{:#?}", state.log().entries(None));
}

#[tokio::test]
async fn a_preflight_is_logged_with_its_headers() {
    let state = state();
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/users.json?learner=grace")
        .header("origin", "http://localhost:8080")
        .header("access-control-request-method", "PUT")
        .header("access-control-request-headers", "content-type,x-token")
        .header("sec-fetch-mode", "cors")
        .body(Body::empty())
        .expect("request");
    let answer = send(api_router(state.clone()), preflight).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.cors_headers(), Vec::<String>::new());

    let entry = only_entry(&state);
    assert_eq!(entry.method, "OPTIONS");
    assert_eq!(entry.learner.as_deref(), Some("grace"));
    assert_eq!(entry.status, 404);
    assert_eq!(entry.response_headers, answer.all_lines());
    assert!(entry
        .response_headers
        .contains(&("allow".to_owned(), "GET,HEAD".to_owned())));
    let names: Vec<&str> = entry
        .headers
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "origin",
            "access-control-request-method",
            "access-control-request-headers",
            "sec-fetch-mode"
        ]
    );
    assert_eq!(entry.header("Access-Control-Request-Method"), Some("PUT"));
    assert_eq!(
        entry.header("access-control-request-headers"),
        Some("content-type,x-token")
    );
}

struct BodyCase {
    body: Vec<u8>,
    declared_len: Option<usize>,
    status: u16,
    logged: &'static str,
    truncated: bool,
}

fn body_case(body: &[u8], status: u16, logged: &'static str, truncated: bool) -> BodyCase {
    BodyCase {
        body: body.to_vec(),
        declared_len: None,
        status,
        logged,
        truncated,
    }
}

#[tokio::test]
async fn request_bodies_are_logged_up_to_the_cap() {
    let big = vec![b'x'; MAX_REQUEST_BODY + 1];
    // With a cap of 10 bytes; POST is not a route, hence 404.
    let cases = [
        body_case(b"{\"a\":1}", 404, "{\"a\":1}", false),
        body_case(b"0123456789", 404, "0123456789", false),
        body_case(b"0123456789abcdef", 404, "0123456789", true),
        body_case("abcdefghi\u{e9}".as_bytes(), 404, "abcdefghi", true),
        body_case(&[0xff, 0xfe, b'o', b'k'], 404, "\u{fffd}\u{fffd}ok", false),
        body_case(&vec![b'y'; MAX_REQUEST_BODY], 404, "yyyyyyyyyy", true),
        // Over the limit: refused, still logged with what was read.
        body_case(&big, 413, "xxxxxxxxxx", true),
        BodyCase {
            declared_len: Some(big.len()),
            ..body_case(&big, 413, "", true)
        },
    ];
    for BodyCase {
        body,
        declared_len: declared,
        status,
        logged,
        truncated,
    } in cases
    {
        let state = state_with(|config| config.body_cap = 10);
        let mut request = Request::builder()
            .method(Method::POST)
            .uri("/users.json")
            .header("content-type", "text/plain");
        if let Some(len) = declared {
            request = request.header("content-length", len);
        }
        let request = request.body(Body::from(body.clone())).expect("request");
        let answer = send(api_router(state.clone()), request).await;
        let case = format!("{} bytes, declared {declared:?}", body.len());
        assert_eq!(answer.status.as_u16(), status, "{case}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{case}");
        let entry = only_entry(&state);
        assert_eq!(entry.status, status, "{case}");
        assert_eq!(entry.body, logged, "{case}");
        assert_eq!(entry.body_truncated, truncated, "{case}");
    }
}

#[tokio::test]
async fn the_log_is_filtered_by_learner() {
    let state = state();
    for uri in [
        "/users.json?learner=ada",
        "/users.json?learner=bob",
        "/users.json",
        "/nope?learner=ada",
    ] {
        get(api_router(state.clone()), uri).await;
    }
    get(intranet_router(state.clone()), "/?learner=ada").await;

    // (query, expected ids)
    let cases = [
        ("", vec![1, 2, 3, 4, 5]),
        ("?learner=ada", vec![1, 4, 5]),
        ("?learner=bob", vec![2]),
        ("?learner=nobody", vec![]),
        ("?learner=", vec![1, 2, 3, 4, 5]),
    ];
    for (query, ids) in cases {
        let answer = get(app_router(state.clone()), &format!("/api/log{query}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{query}");
        let entries: Vec<LogEntry> = answer.json();
        let got: Vec<u64> = entries.iter().map(|entry| entry.id).collect();
        assert_eq!(got, ids, "{query}");
    }
}

#[tokio::test]
async fn reset_clears_the_log_and_ids_go_on() {
    let state = state();
    for _ in 0..3 {
        get(api_router(state.clone()), "/users.json?learner=ada").await;
    }
    let answer = send(
        app_router(state.clone()),
        request(Method::POST, "/api/reset?learner=ada"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert!(state.log().is_empty());
    let listed: Vec<LogEntry> = get(app_router(state.clone()), "/api/log").await.json();
    assert!(listed.is_empty());

    get(intranet_router(state.clone()), "/").await;
    assert_eq!(only_entry(&state).id, 4);
}

#[test]
fn the_log_ring_stays_bounded() {
    let log = RequestLog::new(100);
    let template = common::log_entry();
    for _ in 0..5000 {
        log.push(template.clone());
    }
    let entries = log.entries(None);
    assert_eq!(entries.len(), 100);
    assert_eq!(entries.first().map(|entry| entry.id), Some(4901));
    assert_eq!(entries.last().map(|entry| entry.id), Some(5000));
    assert!(entries.windows(2).all(|pair| pair[0].id + 1 == pair[1].id));
}

#[tokio::test]
async fn the_app_is_served_with_an_spa_fallback() {
    let dist = tempfile::tempdir().expect("tempdir");
    let index = "<!doctype html><title>fake app</title>";
    std::fs::write(dist.path().join("index.html"), index).expect("write index");
    std::fs::create_dir(dist.path().join("pkg")).expect("mkdir");
    std::fs::write(dist.path().join("pkg/app.js"), "console.log(1)").expect("write js");
    std::fs::write(dist.path().join("pkg/index.html"), "not the app").expect("write");
    let state = state_with(|config| config.dist_dir = dist.path().into());

    // (path, body, content type starts with)
    let cases = [
        ("/", index, "text/html"),
        ("/index.html", index, "text/html"),
        ("/origin?a=https%3A%2F%2Fexample.com", index, "text/html"),
        ("/deep/link/here", index, "text/html"),
        ("/pkg", index, "text/html"),
        ("/pkg/", index, "text/html"),
        ("/missing.js", index, "text/html"),
        ("/pkg/app.js", "console.log(1)", "text/javascript"),
    ];
    for (path, body, content_type) in cases {
        let answer = get(app_router(state.clone()), path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(answer.text(), body, "{path}");
        let got_type = answer.header("content-type").unwrap_or_default();
        assert!(got_type.starts_with(content_type), "{path}: {got_type}");
        if body == index {
            assert_eq!(answer.header("cache-control"), Some("no-cache"), "{path}");
        }
    }

    let answer = get(app_router(state.clone()), "/api/nope").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.text(), r#"{"error":"no such route"}"#);
}

#[tokio::test]
async fn a_missing_build_gets_a_friendly_page() {
    let dist = tempfile::tempdir().expect("tempdir");
    for dist_dir in [dist.path().to_path_buf(), dist.path().join("absent")] {
        let state = state_with(|config| config.dist_dir = dist_dir.clone());
        for path in ["/", "/origin?a=1"] {
            let answer = get(app_router(state.clone()), path).await;
            assert_eq!(answer.status, StatusCode::OK, "{path}");
            assert!(answer.text().contains("not built"), "{}", answer.text());
            assert!(answer.text().contains("cargo xtask serve"));
            assert_eq!(answer.header("cache-control"), Some("no-cache"));
        }
    }
}

#[tokio::test]
async fn config_reports_ports_and_the_other_site_for_the_page_host() {
    // (listen host, Host of the config request, other-site host)
    let cases = [
        ("127.0.0.1", "localhost:9000", Some("127.0.0.1")),
        ("127.0.0.1", "127.0.0.1:9000", Some("localhost")),
        ("127.0.0.2", "localhost:9000", Some("127.0.0.2")),
        ("::1", "localhost:9000", Some("[::1]")),
        ("::1", "[::1]:9000", Some("localhost")),
        ("192.168.1.20", "laptop.local:9000", Some("192.168.1.20")),
        ("192.168.1.20", "192.168.1.20:9000", None),
        ("0.0.0.0", "192.168.1.20:9000", None),
    ];
    for (host, page_host, alt_host) in cases {
        let state = state_with(|config| {
            config.host = host.parse::<IpAddr>().expect("ip");
            config.app_port = 9000;
            config.api_port = 9001;
            config.intranet_port = 9002;
        });
        let request = Request::builder()
            .uri("/api/config")
            .header("Host", page_host)
            .body(Body::empty())
            .expect("request");
        let answer = send(app_router(state), request).await;
        assert_eq!(answer.status, StatusCode::OK);
        let config: DemoConfig = answer.json();
        assert_eq!(
            config,
            DemoConfig {
                app_port: 9000,
                api_port: 9001,
                intranet_port: 9002,
                alt_host: alt_host.map(str::to_owned),
                classroom: false,
                instructor: false,
            },
            "{host} {page_host}"
        );
    }
}

#[tokio::test]
async fn an_empty_log_stream_says_something_at_once() {
    // Firefox reports an EventSource as open only once bytes arrive.
    let state = state();
    let mut stream = open_stream(&state, "/api/log/stream", None).await;
    let text = read_events(&mut stream, |text| !text.is_empty()).await;
    assert_eq!(text, ": open\n\n");
}

#[tokio::test]
async fn the_stream_replays_then_follows_the_log() {
    let state = state();
    get(api_router(state.clone()), "/users.json?learner=ada").await;
    get(api_router(state.clone()), "/users.json?learner=bob").await;

    let mut all = open_stream(&state, "/api/log/stream", None).await;
    let mut ada = open_stream(&state, "/api/log/stream?learner=ada", None).await;

    get(intranet_router(state.clone()), "/?learner=ada").await;
    get(api_router(state.clone()), "/users.json?learner=bob").await;
    send(
        app_router(state.clone()),
        request(Method::POST, "/api/reset"),
    )
    .await;
    get(api_router(state.clone()), "/users.json?learner=ada").await;

    let text = read_events(&mut all, |text| text.matches("event: ").count() >= 6).await;
    let got = events(&text);
    assert_eq!(entry_ids(&got), [1, 2, 3, 4, 5]);
    assert_eq!(got[4], ("reset".to_owned(), "{}".to_owned()));
    assert!(text.contains("event: entry\nid: 1\ndata: {"), "{text}");

    let text = read_events(&mut ada, |text| text.matches("event: ").count() >= 4).await;
    let got = events(&text);
    let names: Vec<&str> = got.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["entry", "entry", "reset", "entry"]);
    assert_eq!(entry_ids(&got), [1, 3, 5]);
    let first: LogEntry = serde_json::from_str(&got[0].1).expect("entry");
    assert_eq!(
        (first.role, first.path.as_str(), first.learner.as_deref()),
        (Role::Api, "/users.json", Some("ada"))
    );
}

#[tokio::test]
async fn a_slow_subscriber_is_told_what_it_missed() {
    let state = state();
    let mut stream = open_stream(&state, "/api/log/stream", None).await;
    let extra = 44;
    for _ in 0..SUBSCRIBER_BUFFER + extra {
        get(api_router(state.clone()), "/users.json").await;
    }
    let text = read_events(&mut stream, |text| {
        text.matches("event: entry").count() >= SUBSCRIBER_BUFFER
    })
    .await;
    let got = events(&text);
    assert_eq!(
        got[0],
        ("lagged".to_owned(), format!(r#"{{"missed":{extra}}}"#))
    );
    let ids = entry_ids(&got);
    assert_eq!(ids.first().copied(), Some(extra as u64 + 1));
    assert_eq!(
        ids.last().copied(),
        Some((SUBSCRIBER_BUFFER + extra) as u64)
    );
}

#[tokio::test]
async fn a_reconnecting_stream_resumes_after_the_last_event_id() {
    let state = state();
    for _ in 0..3 {
        get(api_router(state.clone()), "/users.json").await;
    }
    // (Last-Event-ID, reset first, replayed ids) with entries 1..=3 and no reset.
    let cases = [
        (None, false, vec![1, 2, 3]),
        (Some(2), false, vec![3]),
        (Some(3), false, vec![]),
    ];
    for (last, reset, ids) in cases {
        check_resume(&state, last, reset, &ids).await;
    }

    send(
        app_router(state.clone()),
        request(Method::POST, "/api/reset"),
    )
    .await;
    get(api_router(state.clone()), "/users.json").await;
    // Entries 1..=3 and the markers 4..=6 were cleared; entry 7 came after.
    let cases = [
        (Some(6), true, vec![7]),
        (Some(1), true, vec![7]),
        (Some(7), false, vec![]),
    ];
    for (last, reset, ids) in cases {
        check_resume(&state, last, reset, &ids).await;
    }
}

/// Opens a stream as a browser reconnecting after `last` would, and checks
/// what is replayed (marker entries, which end each check, left out).
async fn check_resume(state: &AppState, last: Option<u64>, reset: bool, ids: &[u64]) {
    let mut stream = open_stream(state, "/api/log/stream", last).await;
    get(intranet_router(state.clone()), "/?learner=marker").await;
    let text = read_events(&mut stream, |text| text.contains(r#""learner":"marker""#)).await;
    let got = events(&text);
    assert_eq!(
        got.first().map(|(name, _)| name == "reset"),
        Some(reset),
        "{last:?}: {text}"
    );
    let replayed: Vec<u64> = got
        .iter()
        .filter(|(name, _)| name == "entry")
        .filter_map(|(_, data)| serde_json::from_str::<LogEntry>(data).ok())
        .filter(|entry| entry.learner.as_deref() != Some("marker"))
        .map(|entry| entry.id)
        .collect();
    assert_eq!(replayed, ids, "{last:?}");
}

#[tokio::test]
async fn streams_end_when_the_server_closes() {
    let state = state();
    let mut stream = open_stream(&state, "/api/log/stream", None).await;
    state.close();
    let ended = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(Ok(_)) = stream.frame().await {}
    })
    .await;
    assert!(ended.is_ok(), "the stream did not end");
}
