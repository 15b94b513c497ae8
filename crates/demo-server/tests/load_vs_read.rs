//! The API origin's embeddable resources (`/pixel.png`, `/widget.js`): served
//! with the right type and without CORS headers, so another origin's page can
//! show or run them but never read them. Driven with `oneshot`, no sockets.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use cors_core::wire::Role;
use demo_server::embed::{crc32, PIXEL_PATH, PIXEL_SIDE, WIDGET_JS, WIDGET_PATH};
use demo_server::{api_router, AppState, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn state() -> AppState {
    AppState::new(&Config {
        dist_dir: "/nonexistent/cors-lab-dist".into(),
        ..Config::default()
    })
}

/// GET `uri` on the API origin as a page on the app origin would.
async fn get(state: &AppState, uri: &str) -> (StatusCode, HeaderMap, Bytes) {
    let request = Request::get(uri)
        .header("Origin", "http://localhost:8080")
        .body(Body::empty())
        .expect("request");
    let response = api_router(state.clone())
        .oneshot(request)
        .await
        .expect("infallible");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes();
    (parts.status, parts.headers, body)
}

fn cors_headers(headers: &HeaderMap) -> Vec<&str> {
    headers
        .keys()
        .map(|name| name.as_str())
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

#[tokio::test]
async fn pixel_is_a_png_without_cors_headers_and_is_logged() {
    let state = state();
    let (status, headers, body) = get(&state, "/pixel.png?learner=ada&case=why-load-1").await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    assert_eq!(cors_headers(&headers), Vec::<&str>::new());
    assert_eq!(&body[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    // IHDR first: 13 bytes, the side twice, 8-bit RGB; its CRC checks out.
    assert_eq!(&body[8..16], b"\0\0\0\x0dIHDR");
    assert_eq!(body[16..20], PIXEL_SIDE.to_be_bytes());
    assert_eq!(body[20..24], PIXEL_SIDE.to_be_bytes());
    assert_eq!(&body[24..26], [8, 2]);
    assert_eq!(body[29..33], crc32(&body[12..29]).to_be_bytes());
    assert!(body.ends_with(b"\0\0\0\0IEND\xae\x42\x60\x82"), "IEND last");

    let entries = state.log().entries_for_case("why-load-1");
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0].role, Role::Api);
    assert_eq!(entries[0].path, PIXEL_PATH);
    assert_eq!(entries[0].learner.as_deref(), Some("ada"));
}

#[tokio::test]
async fn widget_is_javascript_without_cors_headers_and_is_logged() {
    let state = state();
    let (status, headers, body) = get(&state, "/widget.js?learner=ada&case=why-load-2").await;

    assert_eq!(status, StatusCode::OK);
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("text/javascript"),
        "{content_type}"
    );
    assert_eq!(cors_headers(&headers), Vec::<&str>::new());
    assert_eq!(body, WIDGET_JS.as_bytes());
    assert!(WIDGET_JS.contains("window.corsLabWidgetLoaded = true;"));

    let entries = state.log().entries_for_case("why-load-2");
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0].path, WIDGET_PATH);
}

#[tokio::test]
async fn other_methods_on_the_embeds_are_refused() {
    let state = state();
    for path in [PIXEL_PATH, WIDGET_PATH] {
        let request = Request::post(path).body(Body::empty()).expect("request");
        let response = api_router(state.clone())
            .oneshot(request)
            .await
            .expect("infallible");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "POST {path}");
    }
}
