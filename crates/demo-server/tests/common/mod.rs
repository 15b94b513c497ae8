//! What the tests share: a state with no built app, the router of each
//! origin, and an answer read whole (in-process); `raw`, the one HTTP
//! client for the tests on real sockets.
// Each test binary uses its own part of this module.
#![allow(dead_code)]

pub mod raw;

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use cors_core::wire::{LogEntry, Role};
use demo_server::{api_router, app_router, intranet_router, AppState, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Default ports (8080-8082), loopback, no built app.
pub fn state() -> AppState {
    state_with(|_| {})
}

pub fn state_with(change: impl FnOnce(&mut Config)) -> AppState {
    let mut config = Config {
        dist_dir: "/nonexistent/cors-lab-dist".into(),
        ..Config::default()
    };
    change(&mut config);
    AppState::new(&config)
}

pub fn router(role: Role, state: &AppState) -> Router {
    match role {
        Role::App => app_router(state.clone()),
        Role::Api => api_router(state.clone()),
        Role::Intranet => intranet_router(state.clone()),
    }
}

/// A response with its body collected.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Every header line in order.
    pub fn all_lines(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect()
    }

    /// Every value of one header, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.headers
            .get_all(name)
            .iter()
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .collect()
    }

    /// Names of the `access-control-*` headers sent.
    pub fn cors_headers(&self) -> Vec<String> {
        self.headers
            .keys()
            .map(|name| name.as_str().to_owned())
            .filter(|name| name.starts_with("access-control-"))
            .collect()
    }
}

pub async fn send(router: Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.expect("infallible");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body,
    }
}

/// Reads an SSE body until `done` holds for the text so far (or times out).
pub async fn read_events(body: &mut Body, done: impl Fn(&str) -> bool) -> String {
    let mut text = String::new();
    let read = async {
        while !done(&text) {
            match body.frame().await {
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        text.push_str(&String::from_utf8_lossy(&data));
                    }
                }
                _ => break,
            }
        }
    };
    let finished = tokio::time::timeout(Duration::from_secs(5), read).await;
    assert!(finished.is_ok(), "timed out; got so far:\n{text}");
    text
}

pub async fn open_stream(state: &AppState, uri: &str, last_event_id: Option<u64>) -> Body {
    let mut request = Request::builder().uri(uri);
    if let Some(id) = last_event_id {
        request = request.header("last-event-id", id);
    }
    let request = request.body(Body::empty()).expect("request");
    let response = app_router(state.clone())
        .oneshot(request)
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok()),
        Some("text/event-stream")
    );
    response.into_body()
}

/// (event name, data) of each event in an SSE text.
pub fn events(text: &str) -> Vec<(String, String)> {
    text.split("\n\n")
        .filter_map(|block| {
            let mut name = None;
            let mut data = None;
            for line in block.lines() {
                if let Some(value) = line.strip_prefix("event: ") {
                    name = Some(value.to_owned());
                } else if let Some(value) = line.strip_prefix("data: ") {
                    data = Some(value.to_owned());
                }
            }
            Some((name?, data.unwrap_or_default()))
        })
        .collect()
}

pub fn entry_ids(events: &[(String, String)]) -> Vec<u64> {
    events
        .iter()
        .filter(|(name, _)| name == "entry")
        .map(|(_, data)| {
            serde_json::from_str::<LogEntry>(data)
                .expect("entry JSON")
                .id
        })
        .collect()
}

/// A logged `GET /users.json` on the API origin with no learner, to vary
/// with `..log_entry()`.
pub fn log_entry() -> LogEntry {
    LogEntry {
        id: 0,
        time_ms: 0,
        role: Role::Api,
        port: 8081,
        method: "GET".into(),
        path: "/users.json".into(),
        query: None,
        learner: None,
        headers: vec![],
        body: String::new(),
        body_truncated: false,
        status: 200,
        response_headers: vec![],
    }
}
