//! The CORS Lab demo server: one process playing three origins, each on its
//! own port, so the app can fire real cross-origin requests and show what the
//! server received.
//!
//! - app origin: the built app (SPA) and its same-origin API (`/api/config`,
//!   `/api/log`, `/api/log/stream`, `/api/reset`, `/api/users.json`,
//!   `/api/posts`), and a same-origin proxy to the API origin
//!   (`/api/proxy/users.json`, see [`proxy`]); a server-side fetch of the
//!   lab's own origins, reported as data (`/api/server-fetch`, see
//!   [`server_fetch`]); the credentials demo's attacker page
//!   (`/api/attacker`, see [`attacker`]);
//! - API origin, deliberately without CORS headers: `GET /users.json`,
//!   `GET /posts` and `POST /deletePost` (per-learner blog posts, see
//!   [`posts`]: the deletion happens even though the page cannot read the
//!   answer), `GET /whoami` and `GET /login` (the `lab` cookie),
//!   `GET /account` (private data for the cookie's holder),
//!   `GET /pixel.png`, `GET /widget.js`, `GET /theme.css` and
//!   `GET /lab-glyphs.ttf` (embeddable, not readable: see [`embed`]);
//! - intranet origin: `GET /`, a confidential page, and `GET /salaries.json`;
//!
//! The pages a learner opens (login, attacker, intranet, "not built") speak
//! the learner's language, their words in `locales/*/server.json` (see
//! [`words`]);
//! - all three: `/cors`, any method, answering however its query says (CORS
//!   headers, status, cookie, redirect: see [`cors_endpoint`]).
//!
//! Every request to the API and intranet origins (and to the app's
//! `/api/users.json`, `/api/proxy/users.json` and `/cors`) is recorded in a bounded log, streamed to
//! the app. A test holding the server reads it directly:
//! `bound.state().log().entries_for_case("my-case")` (or `.entries(None)` for
//! everything), oldest first.

mod api_origin;
mod app_origin;
pub mod attacker;
pub mod classroom;
mod config;
pub mod cors_endpoint;
mod delivery;
mod demo_data;
pub mod embed;
mod error;
pub mod hosts;
mod intranet_origin;
pub mod lan;
mod log;
pub mod posts;
pub mod proxy;
mod record;
mod server;
pub mod server_fetch;
mod sse;
mod state;
mod words;

pub use api_origin::{
    api_router, ACCOUNT_PATH, DELETE_POST_PATH, LOGIN_PATH, POSTS_PATH, WHOAMI_PATH,
};
pub use app_origin::app_router;
pub use config::{
    Classroom, Config, CLASSROOM_LOG_CAPACITY, DEFAULT_API_PORT, DEFAULT_APP_PORT,
    DEFAULT_BODY_CAP, DEFAULT_DIST_DIR, DEFAULT_HOST, DEFAULT_INTRANET_PORT, DEFAULT_LOG_CAPACITY,
    LAN_HOST, LEARNER_IDLE, LOG_PER_LEARNER, MAX_REQUEST_BODY,
};
pub use demo_data::{Salary, User, SALARIES, USERS};
pub use error::AppError;
pub use intranet_origin::{intranet_router, SALARIES_PATH};
pub use log::{
    LogEvent, LogLimits, RequestLog, ResetScope, Subscription, Viewer, SUBSCRIBER_BUFFER,
    SWEEP_EVERY,
};
pub use record::{learner_from_query, text_prefix};
pub use server::{bind, BindError, Bound};
pub use state::{AppState, Clock};

use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use tower_http::set_header::SetResponseHeaderLayer;

/// `Cache-Control: no-store` on every answer, so the browser never answers
/// from its cache and the log shows every request the page makes.
fn no_store() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-store"))
}
