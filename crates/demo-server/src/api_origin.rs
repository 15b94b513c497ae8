//! The "API" origin: a JSON API whose `users.json` sends no CORS headers at
//! all, so a page from another origin can send it requests but never read the
//! answers; and `/cors`, answering however the request's query says.

use axum::routing::{any, get};
use axum::{Json, Router};
use cors_core::scenario::CORS_PATH;
use cors_core::wire::Role;

use crate::cors_endpoint::cors_endpoint;
use crate::demo_data::{User, USERS};
use crate::error::no_such_route;
use crate::no_store;
use crate::record::recorded;
use crate::state::AppState;

/// `GET /users.json`; `/cors` (any method, see [`crate::cors_endpoint`]);
/// anything else is a JSON 404. Every request is logged and every answer says
/// `Cache-Control: no-store`.
pub fn api_router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/users.json", get(users).fallback(no_such_route))
        .fallback(no_such_route)
        .layer(no_store())
        // After the layer: `/cors` sets every header by hand.
        .route(CORS_PATH, any(cors_endpoint).with_state(state.clone()));
    recorded(routes, state, Role::Api)
}

pub(crate) async fn users() -> Json<[User; 3]> {
    Json(USERS)
}
