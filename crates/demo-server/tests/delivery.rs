//! How the built app is sent (`src/delivery.rs`): precompressed copies by
//! `Accept-Encoding`, `Vary`, cache headers by kind, ranges and `HEAD`; the
//! lab's API and live log never compressed or cached.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use demo_server::app_router;

use common::{read_events, send, state_with, Answer};

const HASHED_WASM: &str = "pkg-0123456789abcdef/app_bg.wasm";
const WASM: &[u8] = b"\0asm\x01\0\0\0 the uncompressed module body";
const INDEX: &str = "<!doctype html><title>the app</title>";

/// A dist with an index and a hashed wasm, each with stand-in `.br` and
/// `.gz` copies (their content says which one was sent), and a favicon
/// with no copies at all.
fn dist() -> tempfile::TempDir {
    let dist = tempfile::tempdir().expect("tempdir");
    let root = dist.path();
    std::fs::create_dir(root.join("pkg-0123456789abcdef")).expect("mkdir");
    for (name, body) in [("index.html", INDEX.as_bytes()), (HASHED_WASM, WASM)] {
        std::fs::write(root.join(name), body).expect("write");
        std::fs::write(root.join(format!("{name}.br")), b"BR").expect("write br");
        std::fs::write(root.join(format!("{name}.gz")), b"GZ").expect("write gz");
    }
    std::fs::write(root.join("favicon.svg"), "<svg/>").expect("write");
    dist
}

async fn fetch(
    dist: &tempfile::TempDir,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let state = state_with(|config| config.dist_dir = dist.path().into());
    let mut request = Request::builder().method(method).uri(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(
        app_router(state),
        request.body(Body::empty()).expect("request"),
    )
    .await
}

/// (path, Accept-Encoding, body sent, Content-Encoding, Content-Type starts with)
type Case = (
    &'static str,
    Option<&'static str>,
    &'static [u8],
    Option<&'static str>,
    &'static str,
);

#[tokio::test]
async fn each_file_goes_out_in_the_best_encoding_the_browser_takes() {
    let dist = dist();
    let cases: &[Case] = &[
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            Some("br, gzip"),
            b"BR",
            Some("br"),
            "application/wasm",
        ),
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            Some("gzip, deflate, br, zstd"),
            b"BR",
            Some("br"),
            "application/wasm",
        ),
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            Some("gzip"),
            b"GZ",
            Some("gzip"),
            "application/wasm",
        ),
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            Some("br;q=0, gzip"),
            b"GZ",
            Some("gzip"),
            "application/wasm",
        ),
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            None,
            WASM,
            None,
            "application/wasm",
        ),
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            Some("identity"),
            WASM,
            None,
            "application/wasm",
        ),
        ("/", Some("br, gzip"), b"BR", Some("br"), "text/html"),
        (
            "/index.html",
            Some("gzip"),
            b"GZ",
            Some("gzip"),
            "text/html",
        ),
        (
            "/lab?s=delete-post",
            Some("br"),
            b"BR",
            Some("br"),
            "text/html",
        ),
        ("/lab", None, INDEX.as_bytes(), None, "text/html"),
        // No precompressed copy: the file as it is.
        (
            "/favicon.svg",
            Some("br, gzip"),
            b"<svg/>",
            None,
            "image/svg+xml",
        ),
    ];
    for &(path, accept, body, encoding, content_type) in cases {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-encoding", a)).into_iter().collect();
        let answer = fetch(&dist, Method::GET, path, &headers).await;
        assert_eq!(answer.status, StatusCode::OK, "{path} {accept:?}");
        assert_eq!(&answer.body[..], body, "{path} {accept:?}");
        assert_eq!(
            answer.header("content-encoding"),
            encoding,
            "{path} {accept:?}"
        );
        let got_type = answer.header("content-type").unwrap_or_default();
        assert!(got_type.starts_with(content_type), "{path}: {got_type}");
        assert_eq!(
            answer.header("content-length"),
            Some(body.len().to_string().as_str()),
            "{path} {accept:?}: the length of what was sent"
        );
        assert!(
            answer
                .all("vary")
                .iter()
                .any(|v| v.to_ascii_lowercase().contains("accept-encoding")),
            "{path}: Vary: Accept-Encoding, got {:?}",
            answer.all("vary")
        );
    }
}

#[tokio::test]
async fn hashed_files_are_cached_for_good_and_the_rest_revalidated() {
    let dist = dist();
    for (path, cache) in [
        (
            "/pkg-0123456789abcdef/app_bg.wasm",
            "public, max-age=31536000, immutable",
        ),
        ("/", "no-cache"),
        ("/index.html", "no-cache"),
        ("/origin?a=x", "no-cache"),
        ("/favicon.svg", "no-cache"),
        ("/api/config", "no-store"),
        ("/api/posts", "no-store"),
    ] {
        let answer = fetch(&dist, Method::GET, path, &[("accept-encoding", "br")]).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(answer.all("cache-control"), [cache], "{path}");
    }
    let api = fetch(
        &dist,
        Method::GET,
        "/api/config",
        &[("accept-encoding", "br, gzip")],
    )
    .await;
    assert_eq!(
        api.header("content-encoding"),
        None,
        "the lab's API is sent as is"
    );
}

#[tokio::test]
async fn head_and_ranges_keep_working() {
    let dist = dist();
    let head = fetch(
        &dist,
        Method::HEAD,
        "/pkg-0123456789abcdef/app_bg.wasm",
        &[("accept-encoding", "br")],
    )
    .await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty(), "HEAD has no body");
    assert_eq!(head.header("content-encoding"), Some("br"));
    assert_eq!(head.header("content-length"), Some("2"));

    let part = fetch(
        &dist,
        Method::GET,
        "/pkg-0123456789abcdef/app_bg.wasm",
        &[("range", "bytes=0-3")],
    )
    .await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(&part.body[..], &WASM[..4]);
    assert_eq!(
        part.header("content-range"),
        Some(format!("bytes 0-3/{}", WASM.len()).as_str())
    );
    assert_eq!(
        part.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    // A range of the compressed copy, as tower-http serves it.
    let part = fetch(
        &dist,
        Method::GET,
        "/pkg-0123456789abcdef/app_bg.wasm",
        &[("range", "bytes=1-1"), ("accept-encoding", "br")],
    )
    .await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(&part.body[..], b"R");
    assert_eq!(part.header("content-encoding"), Some("br"));

    let index_head = fetch(&dist, Method::HEAD, "/lab", &[]).await;
    assert_eq!(index_head.status, StatusCode::OK);
    assert!(index_head.body.is_empty());
    assert_eq!(
        index_head.header("content-length"),
        Some(INDEX.len().to_string().as_str())
    );
}

#[tokio::test]
async fn the_live_log_is_never_compressed() {
    let dist = dist();
    let state = state_with(|config| config.dist_dir = dist.path().into());
    let request = Request::get("/api/log/stream")
        .header("accept-encoding", "br, gzip")
        .body(Body::empty())
        .expect("request");
    // `state` outlives the stream (the stream ends when the server closes).
    let response = tower::ServiceExt::oneshot(app_router(state.clone()), request)
        .await
        .expect("infallible");
    assert_eq!(response.headers().get("content-encoding"), None);
    let mut body = response.into_body();
    let text = read_events(&mut body, |text| !text.is_empty()).await;
    assert_eq!(text, ": open\n\n", "readable as sent");
}
