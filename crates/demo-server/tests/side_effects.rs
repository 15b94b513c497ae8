//! Requests that do things: per-learner blog posts (`/deletePost` deletes
//! though the page cannot read the answer), the same-origin proxy, the
//! cookie demo and the intranet's JSON. Driven with `oneshot` (data-driven
//! cases), plus real sockets for the proxy and the cookie round trip.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use cors_core::wire::{LogEntry, Post, PostDeleted, PostList, Role};
use demo_server::posts::{seed_posts, MAX_BUCKETS};
use demo_server::proxy::PROXY_USER_AGENT;
use demo_server::{api_router, app_router, bind, AppState, Config, SALARIES, USERS};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::time::timeout;

const ORIGIN: &str = "http://localhost:8080";
const SEED_IDS: [u32; 5] = [11, 12, 13, 14, 15];

mod common;
use common::{raw, router, send, state, state_with, Answer};

/// A request with headers and a body.
fn request(method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).expect("method"))
        .uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from(body.to_owned())).expect("request")
}

async fn get(role: Role, state: &AppState, uri: &str) -> Answer {
    send(router(role, state), request("GET", uri, &[], "")).await
}

/// The learner's post ids as the app origin's `/api/posts` lists them.
async fn post_ids(state: &AppState, learner: Option<&str>) -> Vec<u32> {
    let uri = match learner {
        Some(tag) => format!("/api/posts?learner={tag}"),
        None => "/api/posts".to_owned(),
    };
    let answer = get(Role::App, state, &uri).await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text());
    let list: PostList = answer.json();
    assert_eq!(list.learner.as_deref(), learner, "{uri}");
    list.posts.iter().map(|post| post.id).collect()
}

async fn delete(state: &AppState, learner: &str, id: u32) -> Answer {
    let uri = format!("/deletePost?learner={learner}");
    let headers = [("content-type", "application/x-www-form-urlencoded")];
    send(
        api_router(state.clone()),
        request("POST", &uri, &headers, &format!("id={id}")),
    )
    .await
}

fn last_entry(state: &AppState) -> LogEntry {
    state.log().entries(None).pop().expect("an entry")
}

#[tokio::test]
async fn delete_post_takes_a_form_json_or_query_id_and_answers_without_cors() {
    // (content type, query after the learner, body, status, answer)
    let cases = [
        (
            Some("application/x-www-form-urlencoded"),
            "",
            "id=13",
            200,
            json!({"deleted": 13, "remaining": 4}),
        ),
        (
            Some("text/plain;charset=UTF-8"),
            "",
            "id=12",
            200,
            json!({"deleted": 12, "remaining": 4}),
        ),
        (
            Some("application/json"),
            "",
            r#"{"id":13}"#,
            200,
            json!({"deleted": 13, "remaining": 4}),
        ),
        (
            Some("text/plain"),
            "",
            r#"{"id": "14"}"#,
            200,
            json!({"deleted": 14, "remaining": 4}),
        ),
        (
            None,
            "&id=13",
            "",
            200,
            json!({"deleted": 13, "remaining": 4}),
        ),
        (
            Some("multipart/form-data; boundary=x"),
            "&id=15",
            "--x--",
            200,
            json!({"deleted": 15, "remaining": 4}),
        ),
        (
            Some("application/x-www-form-urlencoded"),
            "",
            "id=99",
            404,
            json!({"error": "no post with id 99"}),
        ),
        (
            Some("application/x-www-form-urlencoded"),
            "",
            "id=thirteen",
            400,
            json!({"error": "`id` must be a post number such as 13, not `thirteen`"}),
        ),
        (
            None,
            "",
            "",
            400,
            json!({"error": "say which post to delete: `id=13` (form body), `{\"id\":13}` (JSON body) or `?id=13`"}),
        ),
    ];
    let state = state();
    for (i, (content_type, query, body, status, expected)) in cases.into_iter().enumerate() {
        // A learner per case: each starts from the seed.
        let learner = format!("case{i}");
        let uri = format!("/deletePost?learner={learner}{query}");
        let mut headers = vec![("origin", ORIGIN)];
        if let Some(content_type) = content_type {
            headers.push(("content-type", content_type));
        }
        let answer = send(
            api_router(state.clone()),
            request("POST", &uri, &headers, body),
        )
        .await;
        let case = format!("{content_type:?} {uri} {body:?}");
        assert_eq!(answer.status.as_u16(), status, "{case}: {}", answer.text());
        assert_eq!(answer.json::<Value>(), expected, "{case}");
        assert_eq!(answer.cors_headers(), Vec::<String>::new(), "{case}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{case}");
        assert_eq!(
            answer.header("content-type"),
            Some("application/json"),
            "{case}"
        );

        let remaining = post_ids(&state, Some(&learner)).await;
        let deleted = expected["deleted"].as_u64();
        let kept: Vec<u32> = SEED_IDS
            .into_iter()
            .filter(|&id| Some(u64::from(id)) != deleted)
            .collect();
        assert_eq!(remaining, kept, "{case}");
        if status == 200 {
            let parsed: PostDeleted = answer.json();
            assert_eq!(parsed.remaining, remaining.len(), "{case}");
        }

        let entry = last_entry(&state);
        assert_eq!(
            (entry.role, entry.method.as_str(), entry.path.as_str()),
            (Role::Api, "POST", "/deletePost"),
            "{case}"
        );
        assert_eq!(entry.status, status, "{case}");
        assert_eq!(entry.body, body, "{case}");
        assert_eq!(entry.learner.as_deref(), Some(learner.as_str()), "{case}");
    }
}

#[tokio::test]
async fn delete_post_takes_only_post_and_other_methods_delete_nothing() {
    let state = state();
    // (method, extra headers): a preflight, as the browser sends for a JSON
    // `Content-Type`, gets a 405 too, so the POST never follows.
    let cases: [(&str, &[(&str, &str)]); 5] = [
        ("GET", &[]),
        ("PUT", &[]),
        ("DELETE", &[]),
        (
            "OPTIONS",
            &[
                ("origin", ORIGIN),
                ("access-control-request-method", "POST"),
                ("access-control-request-headers", "content-type"),
            ],
        ),
        ("PATCH", &[]),
    ];
    for (method, headers) in cases {
        let answer = send(
            api_router(state.clone()),
            request(method, "/deletePost?learner=m&id=13", headers, "id=13"),
        )
        .await;
        assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(
            answer.json::<Value>(),
            json!({"error": "method not allowed"}),
            "{method}"
        );
        assert_eq!(answer.header("allow"), Some("POST"), "{method}");
        assert_eq!(answer.cors_headers(), Vec::<String>::new(), "{method}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{method}");
        let entry = last_entry(&state);
        assert_eq!((entry.method.as_str(), entry.status), (method, 405));
    }
    assert_eq!(post_ids(&state, Some("m")).await, SEED_IDS);
    assert_eq!(state.log().len(), cases.len());
}

#[tokio::test]
async fn each_learner_has_their_own_posts() {
    let state = state();
    assert_eq!(delete(&state, "a", 13).await.status, StatusCode::OK);
    // Deleting again: already gone, for this learner only.
    assert_eq!(delete(&state, "a", 13).await.status, StatusCode::NOT_FOUND);
    // (learner, ids): B and the shared bucket still have 13.
    let cases: [(Option<&str>, &[u32]); 3] = [
        (Some("a"), &[11, 12, 14, 15]),
        (Some("b"), &SEED_IDS),
        (None, &SEED_IDS),
    ];
    for (learner, ids) in cases {
        assert_eq!(post_ids(&state, learner).await, ids, "{learner:?}");
    }
    let answer = delete(&state, "b", 13).await;
    assert_eq!(
        answer.json::<PostDeleted>(),
        PostDeleted {
            deleted: 13,
            remaining: 4
        }
    );
}

#[tokio::test]
async fn reset_restores_one_learners_posts_or_everyones() {
    let state = state();
    for (learner, id) in [("a", 13), ("a", 14), ("b", 13)] {
        assert_eq!(delete(&state, learner, id).await.status, StatusCode::OK);
    }
    let reset = send(
        app_router(state.clone()),
        request("POST", "/api/reset?learner=a", &[], ""),
    )
    .await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    assert!(state.log().is_empty(), "the log is cleared as before");
    assert_eq!(post_ids(&state, Some("a")).await, SEED_IDS);
    assert_eq!(post_ids(&state, Some("b")).await, [11, 12, 14, 15]);

    delete(&state, "a", 11).await;
    send(
        app_router(state.clone()),
        request("POST", "/api/reset", &[], ""),
    )
    .await;
    for learner in [Some("a"), Some("b"), None] {
        assert_eq!(post_ids(&state, learner).await, SEED_IDS, "{learner:?}");
    }
    assert!(state.log().is_empty());
}

#[tokio::test]
async fn restoring_brings_back_one_learners_posts_and_keeps_the_log() {
    let state = state();
    for learner in ["ada", "bob"] {
        assert_eq!(delete(&state, learner, 13).await.status, StatusCode::OK);
    }
    let logged = state.log().len();
    let restored = send(
        router(Role::App, &state),
        request("POST", "/api/posts/restore?learner=ada", &[], ""),
    )
    .await;
    assert_eq!(restored.status, StatusCode::NO_CONTENT);
    assert!(
        post_ids(&state, Some("ada")).await.contains(&13),
        "ada's is back"
    );
    assert!(
        !post_ids(&state, Some("bob")).await.contains(&13),
        "bob's stays deleted"
    );
    assert_eq!(state.log().len(), logged, "the log is untouched");
}

#[tokio::test]
async fn learner_buckets_stay_bounded() {
    let state = state_with(|config| config.log_capacity = 10);
    let learners = MAX_BUCKETS + 100;
    for i in 0..learners {
        assert_eq!(
            delete(&state, &format!("l{i}"), 13).await.status,
            StatusCode::OK
        );
    }
    assert!(
        state.posts().bucket_count() <= MAX_BUCKETS,
        "{} buckets",
        state.posts().bucket_count()
    );
    // The least recently used went first; the newest kept their deletion.
    assert!(post_ids(&state, Some("l0")).await.contains(&13));
    let newest = format!("l{}", learners - 1);
    assert!(!post_ids(&state, Some(&newest)).await.contains(&13));
    assert!(state.posts().bucket_count() <= MAX_BUCKETS);
}

#[tokio::test]
async fn posts_are_readable_same_origin_only() {
    let state = state();
    delete(&state, "p", 13).await;
    let request_with_origin = request("GET", "/posts?learner=p", &[("origin", ORIGIN)], "");
    let api = send(api_router(state.clone()), request_with_origin).await;
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.cors_headers(), Vec::<String>::new());
    assert_eq!(api.header("cache-control"), Some("no-store"));
    let listed: PostList = api.json();
    let expected: Vec<Post> = seed_posts().into_iter().filter(|p| p.id != 13).collect();
    assert_eq!(
        listed,
        PostList {
            learner: Some("p".into()),
            posts: expected
        }
    );
    let entry = last_entry(&state);
    assert_eq!((entry.role, entry.path.as_str()), (Role::Api, "/posts"));
    assert_eq!(entry.header("origin"), Some(ORIGIN));

    let logged = state.log().len();
    let app = get(Role::App, &state, "/api/posts?learner=p").await;
    assert_eq!(app.status, StatusCode::OK);
    assert_eq!(app.header("cache-control"), Some("no-store"));
    assert_eq!(app.json::<PostList>(), listed);
    assert_eq!(state.log().len(), logged, "/api/posts is not logged");

    let seeded: PostList = get(Role::App, &state, "/api/posts").await.json();
    assert_eq!(seeded.posts.len(), 5);
    assert!(seeded
        .posts
        .iter()
        .any(|post| post.id == 13 && !post.title.is_empty()));

    // Only GET (and HEAD) on the posts routes.
    for (role, path) in [(Role::Api, "/posts"), (Role::App, "/api/posts")] {
        let answer = send(router(role, &state), request("POST", path, &[], "")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{role:?} {path}");
    }
}

/// (query, Origin, status, answer, CORS headers)
type WhoamiCase = (
    &'static str,
    Option<&'static str>,
    u16,
    Value,
    Vec<(&'static str, &'static str)>,
);

#[tokio::test]
async fn whoami_reports_the_cookie_and_login_sets_it() {
    let state = state();
    // (login query, Set-Cookie)
    let logins = [
        ("?learner=ada", "lab=ada; Path=/; SameSite=Lax"),
        ("", "lab=1; Path=/; SameSite=Lax"),
        ("?learner=a%20b%3Bc", "lab=a+b%3Bc; Path=/; SameSite=Lax"),
    ];
    for (query, set_cookie) in logins {
        let answer = get(Role::Api, &state, &format!("/login{query}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{query}");
        assert_eq!(answer.header("set-cookie"), Some(set_cookie), "{query}");
        assert_eq!(
            answer.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert!(answer.text().contains("Logged in to the API origin"));
        assert_eq!(answer.cors_headers(), Vec::<String>::new());
        assert_eq!(answer.header("cache-control"), Some("no-store"));

        // The cookie as the browser would send it back.
        let pair = set_cookie.split(';').next().expect("pair");
        let value = pair.trim_start_matches("lab=");
        let whoami = send(
            api_router(state.clone()),
            request("GET", "/whoami", &[("cookie", &format!("x=1; {pair}"))], ""),
        )
        .await;
        assert_eq!(whoami.status, StatusCode::OK);
        assert_eq!(whoami.json::<Value>(), json!({"cookie": value}), "{query}");
    }

    // (query, Origin, status, answer, CORS headers)
    let cases: [WhoamiCase; 4] = [
        ("", Some(ORIGIN), 200, json!({"cookie": null}), vec![]),
        (
            "?a.acao=echo&a.acac=true",
            Some(ORIGIN),
            200,
            json!({"cookie": null}),
            vec![
                ("access-control-allow-origin", ORIGIN),
                ("access-control-allow-credentials", "true"),
            ],
        ),
        (
            "?a.acao=star&learner=x",
            None,
            200,
            json!({"cookie": null}),
            vec![("access-control-allow-origin", "*")],
        ),
        (
            "?a.h=content-length:1",
            None,
            400,
            json!({"error": "a.h: `content-length` would break the HTTP framing; the server will not send it"}),
            vec![],
        ),
    ];
    for (query, origin, status, body, cors) in cases {
        let headers: Vec<(&str, &str)> = origin.map(|o| ("origin", o)).into_iter().collect();
        let answer = send(
            api_router(state.clone()),
            request("GET", &format!("/whoami{query}"), &headers, ""),
        )
        .await;
        assert_eq!(answer.status.as_u16(), status, "{query}");
        assert_eq!(answer.json::<Value>(), body, "{query}");
        let got: Vec<(String, String)> = answer
            .headers
            .iter()
            .filter(|(name, _)| name.as_str().starts_with("access-control-"))
            .map(|(name, value)| {
                let value = value.to_str().expect("ASCII");
                (name.as_str().to_owned(), value.to_owned())
            })
            .collect();
        let cors: Vec<(String, String)> = cors
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect();
        assert_eq!(got, cors, "{query}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{query}");
        assert_eq!(last_entry(&state).path, "/whoami");
    }
}

#[tokio::test]
async fn new_routes_are_logged_with_no_cors_and_no_store() {
    // (origin, method, path, status, body contains)
    let cases = [
        (
            Role::Intranet,
            "GET",
            "/salaries.json",
            200,
            "Wile E. Coyote",
        ),
        (Role::Intranet, "POST", "/salaries.json", 404, "Not found"),
        (Role::Api, "GET", "/posts", 200, "\"posts\""),
        (Role::Api, "GET", "/whoami", 200, "\"cookie\":null"),
        (Role::Api, "GET", "/login", 200, "API origin"),
        (Role::Api, "POST", "/login", 404, "no such route"),
        (
            Role::Api,
            "POST",
            "/deletePost?id=11",
            200,
            "\"deleted\":11",
        ),
        (Role::Api, "GET", "/deletePost", 405, "method not allowed"),
    ];
    let state = state();
    for (i, (role, method, path, status, contains)) in cases.into_iter().enumerate() {
        let answer = send(router(role, &state), request(method, path, &[], "")).await;
        let case = format!("{role:?} {method} {path}");
        assert_eq!(answer.status.as_u16(), status, "{case}");
        assert!(
            answer.text().contains(contains),
            "{case}: {}",
            answer.text()
        );
        assert_eq!(answer.cors_headers(), Vec::<String>::new(), "{case}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{case}");
        let entries = state.log().entries(None);
        assert_eq!(entries.len(), i + 1, "{case}");
        let entry = last_entry(&state);
        assert_eq!(
            (entry.role, entry.method.as_str(), entry.status),
            (role, method, status),
            "{case}"
        );
    }
    let salaries: Value = get(Role::Intranet, &state, "/salaries.json").await.json();
    assert_eq!(salaries, serde_json::to_value(SALARIES).expect("salaries"));
}

#[tokio::test]
async fn the_proxy_says_so_when_the_api_origin_is_down() {
    // A port nobody listens on any more.
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let state = state_with(|config| config.api_port = port);
    let answer = get(Role::App, &state, "/api/proxy/users.json?learner=z").await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    let error: Value = answer.json();
    let message = error["error"].as_str().unwrap_or_default();
    assert!(message.contains("did not answer"), "{message}");
    assert_eq!(answer.header("cache-control"), Some("no-store"));
    let entry = last_entry(&state);
    assert_eq!(
        (entry.role, entry.path.as_str(), entry.status),
        (Role::App, "/api/proxy/users.json", 502)
    );
}

#[tokio::test]
async fn the_proxy_fetches_as_a_server_and_cookies_round_trip_on_real_sockets() {
    let dist = tempfile::tempdir().expect("tempdir");
    let bound = bind(Config {
        app_port: 0,
        api_port: 0,
        intranet_port: 0,
        dist_dir: dist.path().into(),
        ..Config::default()
    })
    .await
    .expect("bind");
    let (app, api) = (bound.app_addr(), bound.api_addr());
    let state = bound.state().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(bound.serve(async {
        let _ = stopped.await;
    }));

    // The page asks its own origin, which asks the API origin.
    let app_origin = format!("http://localhost:{}", app.port());
    let proxied = raw::get(
        app,
        "/api/proxy/users.json?learner=px",
        &[("Origin", &app_origin), ("Cookie", "lab=secret")],
    )
    .await;
    assert_eq!(proxied.status, 200, "{}", proxied.body);
    let users: Value = serde_json::from_str(&proxied.body).expect("users JSON");
    assert_eq!(users, serde_json::to_value(USERS).expect("users"));
    assert_eq!(proxied.header("content-type"), Some("application/json"));
    assert_eq!(proxied.header("cache-control"), Some("no-store"));

    // The API origin's log: a server-to-server request, no Origin, nothing
    // from the page passed on; then the app origin's line for the page.
    let entries = state.log().entries(Some("px"));
    let summary: Vec<(Role, &str)> = entries
        .iter()
        .map(|entry| (entry.role, entry.path.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (Role::Api, "/users.json"),
            (Role::App, "/api/proxy/users.json")
        ]
    );
    let upstream = &entries[0];
    assert_eq!(upstream.port, api.port());
    assert_eq!(upstream.query.as_deref(), Some("learner=px&via=proxy"));
    assert_eq!(upstream.header("origin"), None);
    assert_eq!(upstream.header("cookie"), None);
    assert_eq!(upstream.header("user-agent"), Some(PROXY_USER_AGENT));
    assert_eq!(
        upstream.header("host"),
        Some(format!("127.0.0.1:{}", api.port()).as_str())
    );
    assert_eq!(upstream.status, 200);
    assert_eq!(entries[1].header("origin"), Some(app_origin.as_str()));
    assert_eq!(entries[1].status, 200);

    // Cookie round trip: /login sets it, /whoami sees it come back.
    let login = raw::get(api, "/login?learner=px", &[]).await;
    assert_eq!(login.status, 200);
    let set_cookie = login.header("set-cookie").expect("set-cookie");
    assert_eq!(set_cookie, "lab=px; Path=/; SameSite=Lax");
    let pair = set_cookie.split(';').next().expect("name=value");
    let whoami = raw::get(api, "/whoami?learner=px", &[("Cookie", pair)]).await;
    assert_eq!(whoami.status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&whoami.body).expect("JSON"),
        json!({"cookie": "px"})
    );
    assert!(whoami
        .headers
        .iter()
        .all(|(name, _)| !name.starts_with("access-control-")));
    let anonymous = raw::get(api, "/whoami", &[]).await;
    assert_eq!(anonymous.body, r#"{"cookie":null}"#);

    stop.send(()).expect("server running");
    let served = timeout(Duration::from_secs(3), server)
        .await
        .expect("graceful shutdown in time")
        .expect("server task");
    assert!(served.is_ok(), "{served:?}");
}

/// The fixed routes answer every method, the preflight's OPTIONS included,
/// with the status the lab's model predicts for them
/// (`cors_core::named::Endpoint::fixed_server`), and never with a CORS header:
/// the model and the server cannot drift apart (`/deletePost`'s preflight
/// is a 405, which Firefox and Safari print).
#[tokio::test]
async fn fixed_routes_answer_as_the_model_says() {
    use cors_core::named::Endpoint;
    let state = state();
    for endpoint in Endpoint::ALL {
        let role = match endpoint {
            Endpoint::Cors => continue,
            Endpoint::Page => Role::Intranet,
            Endpoint::UsersJson | Endpoint::DeletePost => Role::Api,
        };
        for method in ["GET", "HEAD", "POST", "PUT", "DELETE"] {
            let expected = endpoint.fixed_server(method).expect("fixed route");
            let body = if method == "POST" { "id=14" } else { "" };
            let headers = [
                ("origin", ORIGIN),
                ("content-type", "application/x-www-form-urlencoded"),
            ];
            let uri = format!("{}?learner=fixed-routes", endpoint.path());
            let actual = send(router(role, &state), request(method, &uri, &headers, body)).await;
            assert_eq!(
                actual.status.as_u16(),
                expected.actual.status,
                "{method} {}",
                endpoint.path()
            );
            let preflight_headers = [
                ("origin", ORIGIN),
                ("access-control-request-method", method),
            ];
            let preflight = send(
                router(role, &state),
                request("OPTIONS", &uri, &preflight_headers, ""),
            )
            .await;
            assert_eq!(
                preflight.status.as_u16(),
                expected.preflight.status,
                "OPTIONS {}",
                endpoint.path()
            );
            for answer in [&actual, &preflight] {
                assert!(
                    !answer
                        .headers
                        .keys()
                        .any(|k| k.as_str().starts_with("access-control-")),
                    "{method} {}: {:?}",
                    endpoint.path(),
                    answer.headers
                );
            }
        }
    }
}
