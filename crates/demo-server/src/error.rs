//! Errors handlers answer with.

use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use cors_core::scenario::{SpecError, SpecProblem};

use crate::config::MAX_REQUEST_BODY;

/// A failed request, answered as JSON `{"error": "..."}`.
#[derive(Debug)]
pub enum AppError {
    /// No route for this path and method (404).
    NoSuchRoute,
    /// The request body is over [`MAX_REQUEST_BODY`] (413).
    BodyTooLarge,
    /// The request body could not be read, e.g. the client went away (400).
    BodyUnreadable,
    /// The `/cors` query is not a valid server spec (400); the message names
    /// the offending key.
    BadSpec(SpecError),
    /// A planned answer the `http` crate will not build (400, as for a
    /// refused spec): `cors_core::engine::plan` checks what it sends, so
    /// this is a bug, reported rather than a panic.
    Unbuildable(String),
    /// The request is not what the route expects, e.g. `/deletePost`
    /// without a post id (400); the message says what is wrong.
    BadRequest(String),
    /// The learner has no post with this id (404).
    NoSuchPost(u32),
    /// The route exists, but not for this method (405).
    MethodNotAllowed,
    /// Something on the server side failed (500).
    Internal(String),
    /// The server could not get an answer from another origin it asked, as
    /// the same-origin proxy does (502).
    BadGateway(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NoSuchRoute | AppError::NoSuchPost(_) => StatusCode::NOT_FOUND,
            AppError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::BodyUnreadable
            | AppError::BadSpec(_)
            | AppError::Unbuildable(_)
            | AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::BadGateway(_) => StatusCode::BAD_GATEWAY,
        }
    }

    fn message(&self) -> String {
        match self {
            AppError::NoSuchRoute => "no such route".to_owned(),
            AppError::BodyTooLarge => {
                format!("request body too large (limit {MAX_REQUEST_BODY} bytes)")
            }
            AppError::BodyUnreadable => "could not read the request body".to_owned(),
            AppError::NoSuchPost(id) => format!("no post with id {id}"),
            AppError::MethodNotAllowed => "method not allowed".to_owned(),
            AppError::BadSpec(error) => spec_message(error),
            AppError::Unbuildable(message)
            | AppError::BadRequest(message)
            | AppError::Internal(message)
            | AppError::BadGateway(message) => message.clone(),
        }
    }
}

/// The server's own words for a refused spec, in its JSON error: the key,
/// then what is wrong (the lab's model words the same fact in the learner's
/// language, `src/words/lab_errors.rs`).
fn spec_message(error: &SpecError) -> String {
    let key = &error.key;
    match &error.problem {
        SpecProblem::NotAStatus { value } => {
            format!("{key}: `{value}` is not an HTTP status (200-599)")
        }
        SpecProblem::NotARedirectStatus { value } => {
            format!("{key}: `{value}` is not a redirect status (301, 302, 303, 307, 308)")
        }
        SpecProblem::UnknownAllowOrigin { value } => format!("{key}: unknown value `{value}`"),
        SpecProblem::UnknownTarget { value } => format!("{key}: unknown target `{value}`"),
        SpecProblem::NotNameValue { value } => format!("{key}: `{value}` is not `name:value`"),
        SpecProblem::TooDeep { max } => format!("{key}: redirects nest at most {max} deep"),
        SpecProblem::InvalidHeaderName { name } => {
            format!("{key}: `{name}` is not a valid header name")
        }
        SpecProblem::FramingHeader { name } => {
            format!("{key}: `{name}` would break the HTTP framing; the server will not send it")
        }
        SpecProblem::InvalidHeaderValue { name, value } => {
            format!("{key}: {value:?} is not a valid value for `{name}`")
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for AppError {}

impl From<std::io::Error> for AppError {
    fn from(err: std::io::Error) -> Self {
        AppError::Internal(err.to_string())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response =
            (self.status(), Json(json!({ "error": self.message() }))).into_response();
        if matches!(
            self,
            AppError::BodyTooLarge
                | AppError::BodyUnreadable
                | AppError::BadSpec(_)
                | AppError::Unbuildable(_)
        ) {
            // Answered outside the origins' `no-store` layer (by the recording
            // layer itself, or by `/cors`, which sets its headers by hand);
            // such an answer is never worth caching anyway.
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        response
    }
}

/// Handler for unknown routes.
pub async fn no_such_route() -> AppError {
    AppError::NoSuchRoute
}

/// Handler for a known route asked with a method it does not take (method
/// routing adds the `Allow` header).
pub async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
