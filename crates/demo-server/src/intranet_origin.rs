//! The "intranet" origin: a confidential page that no other origin may read.

use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use cors_core::scenario::CORS_PATH;
use cors_core::wire::Role;

use crate::cors_endpoint::cors_endpoint;
use crate::demo_data::{intranet_not_found_page, intranet_page, Salary, SALARIES};
use crate::no_store;
use crate::record::recorded;
use crate::state::AppState;
use crate::words::Lang;

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

/// The sheet as a page, in the reader's language (`?lang=`, else
/// `Accept-Language`): the intranet plays a company's own site, which would
/// speak its staff's language.
async fn page(uri: Uri, headers: HeaderMap) -> Response {
    let lang = Lang::of_request(uri.query(), &headers);
    let mut response = Html(intranet_page(lang)).into_response();
    lang.mark(response.headers_mut());
    response
}

async fn not_found(uri: Uri, headers: HeaderMap) -> Response {
    let lang = Lang::of_request(uri.query(), &headers);
    let mut response = (StatusCode::NOT_FOUND, Html(intranet_not_found_page(lang))).into_response();
    lang.mark(response.headers_mut());
    response
}
