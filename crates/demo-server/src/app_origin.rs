//! The app's own origin: the built app (static files with an SPA fallback)
//! and its same-origin API.

use axum::body::Body;
use axum::extract::Request;
use axum::extract::{ConnectInfo, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Extension, Json, Router};
use cors_core::scenario::CORS_PATH;
use cors_core::wire::{DemoConfig, LogEntry, Role};
use tower::ServiceExt;

use crate::api_origin::{posts, users};
use crate::attacker::{attacker_page, report, ATTACKER_PATH, REPORT_PATH};
use crate::classroom::{is_instructor, reset_of, viewer};
use crate::cors_endpoint::cors_endpoint;
use crate::cors_endpoint::request_host;
use crate::delivery;
use crate::demo_data::not_built_page;
use crate::error::no_such_route;
use crate::hosts::{arrival_ip, other_site_host, ConnInfo};
use crate::no_store;
use crate::proxy::{proxy_users, PROXY_USERS_PATH};
use crate::record::recorded_paths;
use crate::server_fetch::{server_fetch, SERVER_FETCH_PATH};
use crate::sse::log_stream;
use crate::state::AppState;
use crate::words::Lang;

/// Routes of the app origin:
/// - `GET /api/config`, `GET /api/log`, `GET /api/log/stream`,
///   `POST /api/reset`, `GET /api/posts`: the lab's own API (not logged);
/// - `GET /api/users.json`: same-origin twin of the API origin's users
///   (logged, as role `app`);
/// - `GET /api/proxy/users.json`: the API origin's users, fetched by the
///   server itself (logged, as role `app`; see [`crate::proxy`]);
/// - `GET /api/server-fetch?url=…`: a URL of the lab's own origins,
///   fetched by the server itself, reported as JSON (logged; see
///   [`crate::server_fetch`]);
/// - `GET /api/attacker`, `POST /api/attacker/report`: the credentials
///   demo's attacker page and where it sends what it read (logged; see
///   [`crate::attacker`]);
/// - `/cors`, any method: the configurable endpoint (logged, as role `app`;
///   see [`crate::cors_endpoint`]);
/// - any other `/api/...`: JSON 404;
/// - anything else: a file from the dist directory, or `index.html` (SPA
///   fallback) for paths that are not files.
pub fn app_router(state: AppState) -> Router {
    let lab_api = Router::new()
        .route("/api/config", get(config))
        .route("/api/log", get(log))
        .route("/api/log/stream", get(log_stream))
        .route("/api/reset", post(reset))
        .route(POSTS_PATH, get(posts).fallback(no_such_route))
        .route(
            RESTORE_POSTS_PATH,
            post(restore_posts).fallback(no_such_route),
        )
        .route(USERS_PATH, get(users).fallback(no_such_route))
        .route(PROXY_USERS_PATH, get(proxy_users).fallback(no_such_route))
        .route(SERVER_FETCH_PATH, get(server_fetch).fallback(no_such_route))
        .route(ATTACKER_PATH, get(attacker_page).fallback(no_such_route))
        .route(REPORT_PATH, post(report).fallback(no_such_route))
        .route("/api/{*rest}", any(no_such_route))
        .layer(no_store());
    // The built app: precompressed, with cache headers (`crate::delivery`).
    let files =
        delivery::files(state.dist_dir()).fallback(get(spa_index).with_state(state.clone()));
    let app_files = Router::new()
        .route("/", get(spa_index))
        .route("/index.html", get(spa_index))
        .fallback_service(files)
        .layer(middleware::from_fn(delivery::delivery_headers));
    let app = Router::new()
        .route(CORS_PATH, any(cors_endpoint))
        .merge(lab_api)
        .merge(app_files)
        .with_state(state.clone());
    recorded_paths(app, state, Role::App, LOGGED_PATHS)
}

const USERS_PATH: &str = "/api/users.json";

/// The learner's posts, read same-origin: how the lab shows the API origin's
/// data before and after a cross-origin request changed it.
const POSTS_PATH: &str = "/api/posts";

/// `POST /api/posts/restore?learner=TAG`: that learner's posts back to the
/// seed, the log untouched. A run with a side effect starts from here, so
/// it shows the same thing whatever ran before (the lab's delete-post
/// before the quiz's would otherwise leave post 13 gone: a 404).
const RESTORE_POSTS_PATH: &str = "/api/posts/restore";

async fn restore_posts(State(state): State<AppState>, uri: Uri) -> StatusCode {
    let learner = crate::record::learner_from_query(uri.query());
    state.posts().reset(learner.as_deref());
    StatusCode::NO_CONTENT
}

/// The logged routes of the app origin: the ones a page fires requests at.
const LOGGED_PATHS: &[&str] = &[
    USERS_PATH,
    PROXY_USERS_PATH,
    SERVER_FETCH_PATH,
    ATTACKER_PATH,
    REPORT_PATH,
    CORS_PATH,
];

/// `GET /api/config[?instructor=KEY]`: the ports, the other-site host for
/// the host this page was opened on, classroom mode, and whether the key
/// (if sent) is the instructor's.
async fn config(
    State(state): State<AppState>,
    conn: Option<Extension<ConnectInfo<ConnInfo>>>,
    uri: Uri,
    headers: HeaderMap,
) -> Json<DemoConfig> {
    let arrival = arrival_ip(conn.as_ref().map(|c| &c.0 .0), state.listen_host());
    let page_host = request_host(&headers, &uri);
    Json(DemoConfig {
        alt_host: other_site_host(&page_host, arrival, None),
        instructor: is_instructor(&state, uri.query()),
        ..state.demo_config().clone()
    })
}

/// `GET /api/log`: the entries the asker may see (see [`crate::classroom`]).
async fn log(State(state): State<AppState>, uri: Uri) -> Json<Vec<LogEntry>> {
    Json(state.log().visible_to(&viewer(&state, uri.query())))
}

/// `POST /api/reset?learner=TAG`: on loopback, that learner's posts back to
/// the seed (everyone's without a tag) and the whole log cleared; in
/// classroom mode only that learner's posts and entries, everything with
/// the instructor key.
async fn reset(State(state): State<AppState>, uri: Uri) -> StatusCode {
    state.apply_reset(reset_of(&state, uri.query()));
    StatusCode::NO_CONTENT
}

/// The app's `index.html` (any page path: the app routes in the browser),
/// read on every request so a rebuilt app is served without a restart,
/// precompressed like every file; a friendly page when the app is not built
/// (in the learner's language: `?lang=`, else `Accept-Language`).
async fn spa_index(State(state): State<AppState>, request: Request) -> Response {
    // A page path asks for the page, whatever its method said beyond GET/HEAD.
    let (mut parts, body) = request.into_parts();
    let lang = Lang::of_request(parts.uri.query(), &parts.headers);
    parts.uri = Uri::from_static("/index.html");
    match delivery::index(state.dist_dir())
        .oneshot(Request::from_parts(parts, body))
        .await
    {
        Ok(page) if page.status() != StatusCode::NOT_FOUND => page.map(Body::new),
        _ => {
            let mut response = (
                [
                    (
                        CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    ),
                    (
                        CACHE_CONTROL,
                        HeaderValue::from_static(delivery::REVALIDATE),
                    ),
                ],
                not_built_page(lang),
            )
                .into_response();
            lang.mark(response.headers_mut());
            response
        }
    }
}
