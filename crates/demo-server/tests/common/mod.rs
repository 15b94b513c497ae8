//! What the in-process tests share: a state with no built app, the router
//! of each origin, and an answer read whole.
// Each test binary uses its own part of this module.
#![allow(dead_code)]

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use cors_core::wire::Role;
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
