//! The recording middleware: the outermost layer of every logged origin. It
//! writes down each request exactly as it arrived (preflights, 404s and
//! refused bodies included) together with the answer's status and headers.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_LENGTH;
use axum::http::HeaderMap;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use cors_core::wire::{LogEntry, Role, LEARNER_PARAM};
use http_body_util::BodyExt;

use crate::config::MAX_REQUEST_BODY;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Clone)]
struct Recorder {
    state: AppState,
    role: Role,
    /// Record only requests for these paths (others pass straight through).
    only_paths: Option<&'static [&'static str]>,
}

/// Wraps the whole of `router` so that every request it receives is logged as
/// `role`. The recorder sits outside everything the router does (method
/// routing adds headers such as `allow` after route layers), so the log shows
/// the answer as it leaves the application.
pub fn recorded(router: Router, state: AppState, role: Role) -> Router {
    wrap(router, state, role, None)
}

/// Like [`recorded`], but only requests for one of `paths` are logged.
pub fn recorded_paths(
    router: Router,
    state: AppState,
    role: Role,
    paths: &'static [&'static str],
) -> Router {
    wrap(router, state, role, Some(paths))
}

fn wrap(
    router: Router,
    state: AppState,
    role: Role,
    only_paths: Option<&'static [&'static str]>,
) -> Router {
    // A layer on a router applies to each route separately; one on a router
    // whose only content is a fallback service applies to the whole service.
    Router::new()
        .fallback_service(router)
        .layer(middleware::from_fn_with_state(
            Recorder {
                state,
                role,
                only_paths,
            },
            record,
        ))
}

async fn record(State(recorder): State<Recorder>, request: Request, next: Next) -> Response {
    if recorder
        .only_paths
        .is_some_and(|paths| !paths.contains(&request.uri().path()))
    {
        return next.run(request).await;
    }
    let time_ms = unix_ms();
    let (parts, body) = request.into_parts();
    let method = parts.method.to_string();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().map(str::to_owned);
    let learner = learner_from_query(query.as_deref());
    let headers = header_pairs(&parts.headers);
    let declared_len = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());

    let (received, response) = match read_body(body, declared_len).await {
        BodyRead::Complete(bytes) => {
            let request = Request::from_parts(parts, Body::from(bytes.clone()));
            (bytes, next.run(request).await)
        }
        BodyRead::TooLarge(prefix) => (prefix, AppError::BodyTooLarge.into_response()),
        BodyRead::Failed(prefix) => (prefix, AppError::BodyUnreadable.into_response()),
    };
    let (body, body_truncated) = text_prefix(&received, recorder.state.body_cap());
    // A body refused for its size was not fully read: say so even when the
    // part kept fits the cap.
    let body_truncated = body_truncated || response.status() == AppError::BodyTooLarge.status();

    let now = recorder.state.now();
    recorder.state.log().push_at(
        LogEntry {
            id: 0, // given by the log
            time_ms,
            role: recorder.role,
            port: recorder.state.port(recorder.role),
            method,
            path,
            query,
            learner,
            headers,
            body,
            body_truncated,
            status: response.status().as_u16(),
            response_headers: header_pairs(response.headers()),
        },
        now,
    );
    response
}

/// The learner tag (`learner=...`) from a raw query string; an empty tag
/// counts as none.
pub fn learner_from_query(query: Option<&str>) -> Option<String> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == LEARNER_PARAM)
        .map(|(_, value)| value.into_owned())
        .filter(|value| !value.is_empty())
}

/// Headers as (lower-case name, value) pairs. `HeaderMap` keeps names in
/// arrival order, but groups repeated names at their first occurrence.
fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect()
}

enum BodyRead {
    Complete(Bytes),
    /// Over [`MAX_REQUEST_BODY`]: what was read before giving up.
    TooLarge(Bytes),
    /// The body broke off: what was read before.
    Failed(Bytes),
}

async fn read_body(mut body: Body, declared_len: Option<u64>) -> BodyRead {
    if declared_len.is_some_and(|len| len > MAX_REQUEST_BODY as u64) {
        return BodyRead::TooLarge(Bytes::new());
    }
    let mut received = Vec::new();
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            return BodyRead::Failed(received.into());
        };
        // Trailers (non-data frames) are dropped.
        if let Ok(data) = frame.into_data() {
            let room = MAX_REQUEST_BODY - received.len();
            if data.len() > room {
                received.extend_from_slice(&data[..room]);
                return BodyRead::TooLarge(received.into());
            }
            received.extend_from_slice(&data);
        }
    }
    BodyRead::Complete(received.into())
}

/// The first `cap` bytes of `bytes` as text (lossy UTF-8), and whether
/// anything was cut. A character split by the cut is dropped whole rather than
/// shown as a replacement character.
pub fn text_prefix(bytes: &[u8], cap: usize) -> (String, bool) {
    if bytes.len() <= cap {
        return (String::from_utf8_lossy(bytes).into_owned(), false);
    }
    let kept = &bytes[..cap];
    let kept = &kept[..complete_len(kept)];
    (String::from_utf8_lossy(kept).into_owned(), true)
}

/// Length of `bytes` without a trailing, incomplete UTF-8 sequence.
fn complete_len(bytes: &[u8]) -> usize {
    let len = bytes.len();
    for back in 1..=len.min(4) {
        let byte = bytes[len - back];
        if byte & 0xC0 == 0x80 {
            continue; // a continuation byte: keep looking for the lead byte
        }
        let needed = match byte {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        return if needed > back { len - back } else { len };
    }
    len
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_prefix_cases() {
        // (input, cap, expected text, truncated)
        let cases: &[(&[u8], usize, &str, bool)] = &[
            (b"hello", 16, "hello", false),
            (b"hello", 5, "hello", false),
            (b"hello", 3, "hel", true),
            ("h\u{e9}llo".as_bytes(), 2, "h", true), // é split after its first byte
            ("h\u{e9}llo".as_bytes(), 3, "h\u{e9}", true),
            ("\u{20ac}uro".as_bytes(), 2, "", true), // € is three bytes
            ("\u{1f600}!".as_bytes(), 4, "\u{1f600}", true),
            (b"\xff\xfeab", 3, "\u{fffd}\u{fffd}a", true), // not UTF-8 at all
            (b"", 0, "", false),
        ];
        for &(input, cap, text, truncated) in cases {
            assert_eq!(
                text_prefix(input, cap),
                (text.to_owned(), truncated),
                "input {input:?} cap {cap}"
            );
        }
    }

    #[test]
    fn learner_tag_cases() {
        let cases = [
            (None, None),
            (Some(""), None),
            (Some("learner=ada"), Some("ada")),
            (Some("a=1&learner=b%20c&learner=d"), Some("b c")),
            (Some("learner="), None),
            (Some("learners=x"), None),
            (Some("learner=%ZZ"), Some("%ZZ")),
        ];
        for (query, expected) in cases {
            assert_eq!(
                learner_from_query(query).as_deref(),
                expected,
                "query {query:?}"
            );
        }
    }
}
