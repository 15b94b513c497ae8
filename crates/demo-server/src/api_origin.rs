//! The "API" origin: a JSON API that sends no CORS headers at all, so a page
//! from another origin can send it requests but never read the answers. Some
//! of those requests do things: `POST /deletePost` deletes a post even though
//! the page that sent it is never allowed to see the answer. Plus `/cors`,
//! answering however the request's query says.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, COOKIE, ORIGIN, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use cors_core::scenario::{ServerSpec, CORS_PATH};
use cors_core::wire::{PostDeleted, PostList, Role};
use serde_json::json;

use crate::cors_endpoint::{cors_endpoint, header_lines, LAB_COOKIE};
use crate::demo_data::{login_page, User, USERS};
use crate::embed::{self, FONT_PATH, PIXEL_PATH, THEME_PATH, WIDGET_PATH};
use crate::error::{method_not_allowed, no_such_route, AppError};
use crate::no_store;
use crate::posts::Deletion;
use crate::record::{learner_from_query, recorded};
use crate::state::AppState;
use crate::words::Lang;

/// `GET`: the learner's posts (no CORS headers).
pub const POSTS_PATH: &str = "/posts";
/// `POST` with `id=13` (form body), `{"id":13}` (JSON body) or `?id=13`:
/// deletes that post of the learner's (no CORS headers).
pub const DELETE_POST_PATH: &str = "/deletePost";
/// `GET`: which `lab` cookie the request carried.
pub const WHOAMI_PATH: &str = "/whoami";
/// `GET`: sets the `lab` cookie (a page to open top-level).
pub const LOGIN_PATH: &str = "/login";
/// `GET`: the logged-in learner's private account page, as JSON: 200 with
/// the `lab` cookie, 401 without (no CORS headers).
pub const ACCOUNT_PATH: &str = "/account";

/// Routes of the API origin:
/// - `GET /users.json`, `GET /posts`: data, without CORS headers;
/// - `POST /deletePost`: deletes one of the learner's posts, without CORS
///   headers (other methods: 405);
/// - `GET /whoami`: the `lab` cookie received; CORS headers only as its
///   query's spec says (same keys as `/cors`, actual answer);
/// - `GET /login`: sets the `lab` cookie;
/// - `GET /account`: the cookie holder's private data (401 without the
///   cookie), without CORS headers;
/// - `GET /pixel.png`, `GET /widget.js`: an image and a script another
///   origin's page may embed but not read, without CORS headers (see
///   [`crate::embed`]); `GET /theme.css`, `GET /lab-glyphs.ttf`: a
///   stylesheet and a font, with `Access-Control-Allow-Origin: *` only
///   when asked (`?cors=1`);
/// - `/cors` (any method, see [`crate::cors_endpoint`]);
/// - anything else: a JSON 404.
///
/// Every request is logged and every answer says `Cache-Control: no-store`.
pub fn api_router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/users.json", get(users).fallback(no_such_route))
        .route(POSTS_PATH, get(posts).fallback(no_such_route))
        .route(
            DELETE_POST_PATH,
            post(delete_post).fallback(method_not_allowed),
        )
        .route(WHOAMI_PATH, get(whoami).fallback(no_such_route))
        .route(LOGIN_PATH, get(login).fallback(no_such_route))
        .route(PIXEL_PATH, get(embed::pixel).fallback(no_such_route))
        .route(WIDGET_PATH, get(embed::widget).fallback(no_such_route))
        .route(THEME_PATH, get(embed::theme).fallback(no_such_route))
        .route(FONT_PATH, get(embed::font).fallback(no_such_route))
        .route(ACCOUNT_PATH, get(account).fallback(no_such_route))
        .fallback(no_such_route)
        .layer(no_store())
        // After the layer: `/cors` sets every header by hand.
        .route(CORS_PATH, any(cors_endpoint))
        .with_state(state.clone());
    recorded(routes, state, Role::Api)
}

pub(crate) async fn users() -> Json<[User; 3]> {
    Json(USERS)
}

/// `GET /posts?learner=TAG` (API origin) and `GET /api/posts?learner=TAG`
/// (app origin): the learner's posts.
pub(crate) async fn posts(State(state): State<AppState>, uri: Uri) -> Json<PostList> {
    let learner = learner_from_query(uri.query());
    let posts = state.posts().list_at(learner.as_deref(), state.now());
    Json(PostList { learner, posts })
}

async fn delete_post(
    State(state): State<AppState>,
    uri: Uri,
    body: Bytes,
) -> Result<Json<PostDeleted>, AppError> {
    let id = post_id(uri.query(), &body).map_err(AppError::BadRequest)?;
    let learner = learner_from_query(uri.query());
    match state.posts().delete_at(learner.as_deref(), id, state.now()) {
        Deletion::Deleted { remaining } => Ok(Json(PostDeleted {
            deleted: id,
            remaining,
        })),
        Deletion::NotFound => Err(AppError::NoSuchPost(id)),
    }
}

/// The post id a `/deletePost` request names: from its body (a JSON object
/// with `id`, or a form with `id`, whatever the `Content-Type` says: a page
/// can send either as `text/plain` to avoid a preflight), else from the
/// query's `id`.
pub(crate) fn post_id(query: Option<&str>, body: &[u8]) -> Result<u32, String> {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let from_body = if text.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|err| format!("the body looks like JSON but does not parse: {err}"))?;
        match value.get("id") {
            None => None,
            Some(serde_json::Value::Number(number)) => Some(
                number
                    .as_u64()
                    .and_then(|id| u32::try_from(id).ok())
                    .ok_or_else(|| bad_id(&number.to_string()))?,
            ),
            Some(serde_json::Value::String(id)) => Some(parse_id(id)?),
            Some(other) => return Err(bad_id(&other.to_string())),
        }
    } else {
        form_id(text).transpose()?
    };
    match from_body {
        Some(id) => Ok(id),
        None => form_id(query.unwrap_or("")).transpose()?.ok_or_else(|| {
            "say which post to delete: `id=13` (form body), `{\"id\":13}` (JSON body) or `?id=13`"
                .to_owned()
        }),
    }
}

/// The first `id` of a form-encoded text, parsed.
fn form_id(form: &str) -> Option<Result<u32, String>> {
    form_urlencoded::parse(form.as_bytes())
        .find(|(name, _)| name == "id")
        .map(|(_, value)| parse_id(&value))
}

fn parse_id(value: &str) -> Result<u32, String> {
    value.trim().parse().map_err(|_| bad_id(value))
}

fn bad_id(value: &str) -> String {
    format!("`id` must be a post number such as 13, not `{value}`")
}

/// `GET /whoami`: `{"cookie": "<value of lab>"}`, or `{"cookie": null}`
/// without one. CORS headers as the query's spec says for the actual answer
/// (none by default), so a credentialed read can be allowed or not.
async fn whoami(uri: Uri, headers: HeaderMap) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let spec = ServerSpec::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(AppError::BadSpec)?;
    let origin = headers
        .get(ORIGIN)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let cors_headers = cors_core::engine::sendable_headers(&spec.actual, origin.as_deref(), "a.")
        .map_err(AppError::BadSpec)?;
    let cors_headers = header_lines(cors_headers).map_err(AppError::Unbuildable)?;

    let mut response = Json(json!({ "cookie": lab_cookie(&headers) })).into_response();
    for (name, value) in cors_headers {
        response.headers_mut().append(name, value);
    }
    Ok(response)
}

/// `GET /account`: with the `lab` cookie, 200 and that user's private data
/// (what an attacker's page would love to read); without it, 401. Never
/// any CORS header: a page of another origin may send this request, with
/// the cookie, but is never allowed to read the answer.
async fn account(headers: HeaderMap) -> Response {
    match lab_cookie(&headers) {
        Some(user) => Json(json!({
            "user": user,
            "email": "you@example.com",
            "balance_usd": 1280,
            "unread_messages": 3,
        }))
        .into_response(),
        None => (
            axum::http::StatusCode::UNAUTHORIZED,
            Json(json!({ "error": "not logged in: no lab cookie came with the request" })),
        )
            .into_response(),
    }
}

/// The value of the first `lab` cookie the request carried.
pub(crate) fn lab_cookie(headers: &HeaderMap) -> Option<String> {
    headers.get_all(COOKIE).iter().find_map(|value| {
        String::from_utf8_lossy(value.as_bytes())
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| name.trim() == LAB_COOKIE)
            .map(|(_, value)| value.trim().to_owned())
    })
}

/// `GET /login?learner=TAG`: sets `lab=<TAG, or 1>` for this origin's host
/// and says so in a tiny page, in the learner's language (`?lang=`, else
/// `Accept-Language`).
async fn login(uri: Uri, headers: HeaderMap) -> Response {
    let learner = learner_from_query(uri.query());
    // Percent-encoded, so any tag makes a valid cookie value.
    let value: String =
        form_urlencoded::byte_serialize(learner.as_deref().unwrap_or("1").as_bytes()).collect();
    let lang = Lang::of_request(uri.query(), &headers);
    let mut response = Html(login_page(lang)).into_response();
    if let Ok(cookie) = HeaderValue::try_from(format!("{LAB_COOKIE}={value}; Path=/; SameSite=Lax"))
    {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    lang.mark(response.headers_mut());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_id_cases() {
        // (query, body, id or error fragment)
        let cases: &[(Option<&str>, &str, Result<u32, &str>)] = &[
            (None, "id=13", Ok(13)),
            (None, "learner=x&id=14&id=15", Ok(14)),
            (None, " id=%2013 ", Ok(13)),
            (None, r#"{"id":13}"#, Ok(13)),
            (None, r#" {"id":"12"} "#, Ok(12)),
            (Some("id=11"), "", Ok(11)),
            (Some("learner=a&id=11"), "other=1", Ok(11)),
            (Some("id=11"), r#"{"title":"x"}"#, Ok(11)),
            (Some("id=11"), "id=12", Ok(12)),
            (None, "", Err("say which post")),
            (Some("learner=a"), "x=1", Err("say which post")),
            (None, "id=abc", Err("not `abc`")),
            (None, "id=-1", Err("not `-1`")),
            (None, r#"{"id":13.5}"#, Err("not `13.5`")),
            (None, r#"{"id":99999999999}"#, Err("not `99999999999`")),
            (None, r#"{"id":[13]}"#, Err("not `[13]`")),
            (None, r#"{"id":13"#, Err("does not parse")),
            (Some("id=x"), "", Err("not `x`")),
        ];
        for &(query, body, ref expected) in cases {
            let got = post_id(query, body.as_bytes());
            match (expected, &got) {
                (Ok(id), Ok(got_id)) => assert_eq!(id, got_id, "{query:?} {body:?}"),
                (Err(fragment), Err(message)) => {
                    assert!(message.contains(fragment), "{query:?} {body:?}: {message}")
                }
                _ => panic!("{query:?} {body:?}: got {got:?}, expected {expected:?}"),
            }
        }
    }

    #[test]
    fn lab_cookie_cases() {
        // (Cookie header lines, expected)
        let cases: &[(&[&str], Option<&str>)] = &[
            (&[], None),
            (&["lab=ada"], Some("ada")),
            (&["other=1; lab=a+b; x=2"], Some("a+b")),
            (&["labx=1", "lab= 7 "], Some("7")),
            (&["lab="], Some("")),
            (&["lab"], None),
            (&["xlab=1; lab2=3"], None),
        ];
        for &(lines, expected) in cases {
            let mut headers = HeaderMap::new();
            for line in lines {
                headers.append(COOKIE, HeaderValue::from_static(line));
            }
            assert_eq!(lab_cookie(&headers).as_deref(), expected, "{lines:?}");
        }
    }
}
