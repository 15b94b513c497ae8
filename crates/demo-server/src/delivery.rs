//! How the built app reaches browsers: tower-http's `ServeDir` / `ServeFile`
//! send the precompressed `.br` / `.gz` copies that the build wrote beside
//! each file (`cargo xtask compress`), chosen by the request's
//! `Accept-Encoding`; ranges and `HEAD` work as tower-http does them.
//! [`delivery_headers`] adds what they leave out: `Vary: Accept-Encoding`,
//! and a `Cache-Control` by kind — a file whose name carries a content hash
//! never changes (`public, max-age=31536000, immutable`), anything else
//! (`index.html`, the page paths, the favicon, the suffix list) is
//! revalidated (`no-cache`). `/api/*` sets its own `no-store`.

use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

/// For files whose name holds a hash of their content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For everything else: use a cached copy only after asking.
pub const REVALIDATE: &str = "no-cache";

/// The built app's files, precompressed copies preferred.
pub fn files(dist: &Path) -> ServeDir {
    ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        // Directories fall back to the app too, like any path that is not a file.
        .append_index_html_on_directories(false)
}

/// `index.html`, precompressed copies preferred.
pub fn index(dist: &Path) -> ServeFile {
    ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip()
}

/// Adds `Vary: Accept-Encoding` and, unless the handler chose one, the
/// `Cache-Control` for the path (see the module doc).
pub async fn delivery_headers(request: Request, next: Next) -> Response<Body> {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let status = response.status();
    if !(status.is_success() || status == StatusCode::NOT_MODIFIED) {
        return response;
    }
    let headers = response.headers_mut();
    headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    if !headers.contains_key(CACHE_CONTROL) {
        let value = if hashed { IMMUTABLE } else { REVALIDATE };
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether a path names a file the build content-hashed: some segment ends
/// (before its extension, and before wasm-bindgen's `_bg`) in `-` and 16
/// lowercase hex digits — Trunk's `style-9970387a3c972b87.css`, the wasm
/// pipeline's `pkg-0e32b5a25d0d3711/…` directory.
pub fn is_hashed(path: &str) -> bool {
    path.split('/').any(|segment| {
        let stem = segment.split('.').next().unwrap_or(segment);
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        stem.rsplit_once('-').is_some_and(|(name, hash)| {
            !name.is_empty()
                && hash.len() == 16
                && hash
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        for (path, hashed) in [
            ("/style-9970387a3c972b87.css", true),
            ("/pkg-0e32b5a25d0d3711/cors-lab_bg.wasm", true),
            ("/pkg-0e32b5a25d0d3711/chunk_12.wasm", true),
            ("/pkg-0e32b5a25d0d3711/bundle-3.bin", true),
            ("/cors-lab-0123456789abcdef_bg.wasm", true),
            // The text layer's files: the directory carries the hash.
            ("/i18n-0123456789abcdef/home/zh-TW.json", true),
            ("/", false),
            ("/index.html", false),
            ("/lab", false),
            ("/favicon.svg", false),
            ("/psl/public_suffix_list.dat", false),
            // Not 16 lowercase hex digits, or nothing before the dash.
            ("/pkg-0E32B5A25D0D3711/x.wasm", false),
            ("/pkg-0e32b5a25d0d371/x.wasm", false),
            ("/-0e32b5a25d0d3711.js", false),
            ("/x-0e32b5a25d0d37zz.js", false),
        ] {
            assert_eq!(is_hashed(path), hashed, "{path}");
        }
    }
}
