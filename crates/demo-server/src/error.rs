//! Errors handlers answer with.

use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

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
    BadSpec(String),
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
            AppError::BodyUnreadable | AppError::BadSpec(_) | AppError::BadRequest(_) => {
                StatusCode::BAD_REQUEST
            }
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
            AppError::BadSpec(message)
            | AppError::BadRequest(message)
            | AppError::Internal(message)
            | AppError::BadGateway(message) => message.clone(),
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
            AppError::BodyTooLarge | AppError::BodyUnreadable | AppError::BadSpec(_)
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
