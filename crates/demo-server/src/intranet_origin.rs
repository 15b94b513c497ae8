//! The "intranet" origin: a confidential page that no other origin may read.

use axum::http::StatusCode;
use axum::response::Html;
use axum::routing::{any, get};
use axum::{Json, Router};
use cors_core::scenario::CORS_PATH;
use cors_core::wire::Role;

use crate::cors_endpoint::cors_endpoint;
use crate::demo_data::{Salary, INTRANET_PAGE, SALARIES};
use crate::no_store;
use crate::record::recorded;
use crate::state::AppState;

/// `GET /` is the confidential page and `GET /salaries.json` the same data as
/// JSON, neither with CORS headers; `/cors` (any method, see
/// [`crate::cors_endpoint`]) answers as its query says; anything else is a
/// 404. Every request is logged and every answer says `Cache-Control: no-store`.
pub fn intranet_router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/", get(page).fallback(not_found))
        .route(SALARIES_PATH, get(salaries).fallback(not_found))
        .fallback(not_found)
        .layer(no_store())
        // After the layer: `/cors` sets every header by hand.
        .route(CORS_PATH, any(cors_endpoint).with_state(state.clone()));
    recorded(routes, state, Role::Intranet)
}

/// `GET`: the salary sheet as JSON.
pub const SALARIES_PATH: &str = "/salaries.json";

async fn salaries() -> Json<[Salary; 3]> {
    Json(SALARIES)
}

async fn page() -> Html<&'static str> {
    Html(INTRANET_PAGE)
}

async fn not_found() -> (StatusCode, Html<&'static str>) {
    (
        StatusCode::NOT_FOUND,
        Html("<!doctype html><title>Not found</title><h1>Not found</h1>\n"),
    )
}
