//! The "API" origin: a JSON API that sends no CORS headers at all, so a page
//! from another origin can send it requests but never read the answers.

use axum::routing::get;
use axum::{Json, Router};
use cors_core::wire::Role;

use crate::demo_data::{User, USERS};
use crate::error::no_such_route;
use crate::no_store;
use crate::record::recorded;
use crate::state::AppState;

/// `GET /users.json`; anything else is a JSON 404. Every request is logged and
/// every answer says `Cache-Control: no-store`.
pub fn api_router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/users.json", get(users).fallback(no_such_route))
        .fallback(no_such_route)
        .layer(no_store());
    recorded(routes, state, Role::Api)
}

pub(crate) async fn users() -> Json<[User; 3]> {
    Json(USERS)
}
