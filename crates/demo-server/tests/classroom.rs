//! Classroom mode: each learner sees and resets only their own requests and
//! posts, the instructor key shows and resets everyone's, learners are
//! bounded and forgotten when idle (a hand-moved clock, no sleeping), and the
//! lab's cookie works on a plain-http LAN host.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use cors_core::wire::{DemoConfig, LogEntry, Role};
use demo_server::{
    AppState, Classroom, Clock, Config, LogLimits, RequestLog, LEARNER_IDLE, SWEEP_EVERY,
};

mod common;
use common::{events, open_stream, read_events, router, send, state, Answer};

const KEY: &str = "0123456789abcdef0123456789abcdef";

fn classroom_config() -> Config {
    Config {
        dist_dir: "/nonexistent/cors-lab-dist".into(),
        classroom: Some(Classroom::new(KEY.to_owned())),
        ..Config::default()
    }
}

fn classroom() -> AppState {
    AppState::new(&classroom_config())
}

/// A clock the test moves by hand.
#[derive(Clone)]
struct HandClock(Arc<Mutex<Instant>>);

impl HandClock {
    fn new() -> Self {
        HandClock(Arc::new(Mutex::new(Instant::now())))
    }

    fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *now += by;
    }

    fn clock(&self) -> Clock {
        let now = Arc::clone(&self.0);
        Clock::from_fn(move || *now.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

fn request(method: Method, uri: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .expect("request")
}

async fn get(role: Role, state: &AppState, uri: &str) -> Answer {
    send(router(role, state), request(Method::GET, uri)).await
}

async fn post(role: Role, state: &AppState, uri: &str) -> Answer {
    send(router(role, state), request(Method::POST, uri)).await
}

/// (learner, path) of what `/api/log<query>` lists.
async fn listed(state: &AppState, query: &str) -> Vec<(Option<String>, String)> {
    let answer = get(Role::App, state, &format!("/api/log{query}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{query}");
    answer
        .json::<Vec<LogEntry>>()
        .into_iter()
        .map(|entry| (entry.learner, entry.path))
        .collect()
}

fn seen(pairs: &[(Option<&str>, &str)]) -> Vec<(Option<String>, String)> {
    pairs
        .iter()
        .map(|(learner, path)| (learner.map(str::to_owned), (*path).to_owned()))
        .collect()
}

/// One request each from ada, bob and an untagged client.
async fn three_requests(state: &AppState) {
    get(Role::Api, state, "/users.json?learner=ada").await;
    get(Role::Intranet, state, "/?learner=bob").await;
    get(Role::Api, state, "/posts").await;
}

#[tokio::test]
async fn config_says_classroom_and_whether_the_key_is_the_instructors() {
    // (state, query, classroom, instructor)
    let cases = [
        (classroom(), "", true, false),
        (classroom(), "?learner=ada", true, false),
        (
            classroom(),
            &format!("?instructor={KEY}") as &str,
            true,
            true,
        ),
        (
            classroom(),
            "?instructor=0123456789abcdef0123456789abcdee",
            true,
            false,
        ),
        (state(), &format!("?instructor={KEY}") as &str, false, false),
    ];
    for (state, query, is_classroom, instructor) in cases {
        let answer = get(Role::App, &state, &format!("/api/config{query}")).await;
        let config: DemoConfig = answer.json();
        assert_eq!(
            (config.classroom, config.instructor),
            (is_classroom, instructor),
            "{query}"
        );
    }
}

#[tokio::test]
async fn each_learner_lists_only_their_own_requests_and_the_instructor_all() {
    let state = classroom();
    three_requests(&state).await;
    let ada = seen(&[(Some("ada"), "/users.json")]);
    let bob = seen(&[(Some("bob"), "/")]);
    let untagged = seen(&[(None, "/posts")]);
    let all = seen(&[
        (Some("ada"), "/users.json"),
        (Some("bob"), "/"),
        (None, "/posts"),
    ]);
    let key = format!("instructor={KEY}");
    let wrong = "instructor=not-the-key-not-the-key";
    // (query, expected)
    let cases = [
        ("?learner=ada".to_owned(), &ada),
        ("?learner=bob".to_owned(), &bob),
        (String::new(), &untagged),
        (format!("?{wrong}"), &untagged),
        (format!("?{wrong}&learner=ada"), &ada),
        (format!("?{key}"), &all),
        (format!("?{key}&learner=bob"), &bob),
    ];
    for (query, expected) in cases {
        assert_eq!(&listed(&state, &query).await, expected, "{query}");
    }

    // On loopback the key means nothing and no tag means everything, as before.
    let solo = common::state();
    three_requests(&solo).await;
    assert_eq!(listed(&solo, "").await, all);
    assert_eq!(listed(&solo, &format!("?{key}")).await, all);
    assert_eq!(listed(&solo, "?learner=ada").await, ada);
}

#[tokio::test]
async fn streams_carry_only_the_learners_own_entries_and_resets() {
    let state = classroom();
    let mut ada = open_stream(&state, "/api/log/stream?learner=ada", None).await;
    let mut bob = open_stream(&state, "/api/log/stream?learner=bob", None).await;
    let mut teacher = open_stream(&state, &format!("/api/log/stream?instructor={KEY}"), None).await;
    let mut guesser = open_stream(
        &state,
        "/api/log/stream?instructor=guess-guess-guess-guess",
        None,
    )
    .await;

    three_requests(&state).await;
    // ada resets her own data, then the instructor resets everything.
    let answer = post(Role::App, &state, "/api/reset?learner=ada").await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    post(Role::App, &state, &format!("/api/reset?instructor={KEY}")).await;
    get(Role::Api, &state, "/users.json?learner=ada").await;

    let summary = |text: &str| -> Vec<String> {
        events(text)
            .into_iter()
            .map(|(name, data)| match name.as_str() {
                "entry" => {
                    let entry: LogEntry = serde_json::from_str(&data).expect("entry");
                    format!("entry {}", entry.learner.as_deref().unwrap_or("-"))
                }
                _ => format!("{name} {data}"),
            })
            .collect()
    };
    let count = |n: usize| move |text: &str| text.matches("event: ").count() >= n;

    let text = read_events(&mut ada, count(4)).await;
    assert_eq!(
        summary(&text),
        [
            "entry ada",
            r#"reset {"learner":"ada"}"#,
            "reset {}",
            "entry ada"
        ]
    );
    let text = read_events(&mut bob, count(2)).await;
    assert_eq!(summary(&text), ["entry bob", "reset {}"]);
    let text = read_events(&mut teacher, count(6)).await;
    assert_eq!(
        summary(&text),
        [
            "entry ada",
            "entry bob",
            "entry -",
            r#"reset {"learner":"ada"}"#,
            "reset {}",
            "entry ada"
        ]
    );
    // A wrong key is a learner without a tag: only untagged requests.
    let text = read_events(&mut guesser, count(2)).await;
    assert_eq!(summary(&text), ["entry -", "reset {}"]);
}

#[tokio::test]
async fn a_learner_resets_only_their_own_data_the_instructor_everything() {
    let state = classroom();
    for learner in ["ada", "bob"] {
        let uri = format!("/deletePost?learner={learner}&id=13");
        assert_eq!(post(Role::Api, &state, &uri).await.status, StatusCode::OK);
    }
    let has_13 = |learner: &str| {
        state
            .posts()
            .list(Some(learner))
            .iter()
            .any(|post| post.id == 13)
    };
    let learners_in_log = |state: &AppState| -> Vec<Option<String>> {
        state
            .log()
            .entries(None)
            .into_iter()
            .map(|entry| entry.learner)
            .collect()
    };

    post(Role::App, &state, "/api/reset?learner=ada").await;
    assert!(has_13("ada"), "ada's post is back");
    assert!(!has_13("bob"), "bob's deletion stays");
    assert_eq!(learners_in_log(&state), [Some("bob".to_owned())]);

    // A wrong key resets nobody else's data either.
    post(
        Role::App,
        &state,
        "/api/reset?instructor=wrong-wrong-wrong-wrong",
    )
    .await;
    assert!(!has_13("bob"));
    assert_eq!(learners_in_log(&state), [Some("bob".to_owned())]);

    post(Role::App, &state, &format!("/api/reset?instructor={KEY}")).await;
    assert!(has_13("bob"), "the instructor's reset restores everyone");
    assert!(state.log().is_empty());
}

#[test]
fn each_learner_keeps_a_bounded_share_of_the_log() {
    let log = RequestLog::with_limits(LogLimits::classroom(10, 6, LEARNER_IDLE));
    let now = Instant::now();
    let push = |learner: &str| {
        log.push_at(
            LogEntry {
                learner: Some(learner.to_owned()),
                ..common::log_entry()
            },
            now,
        )
    };
    // ada alone: her own share (6) is the bound, oldest out first.
    for _ in 0..9 {
        push("ada");
    }
    let ids = |learner: &str| -> Vec<u64> {
        log.entries(Some(learner))
            .iter()
            .map(|entry| entry.id)
            .collect()
    };
    assert_eq!(ids("ada"), [4, 5, 6, 7, 8, 9]);
    // bob and cleo arrive; the full log makes room from whoever holds most,
    // so ada's busy stream never pushes out the quieter learners.
    for learner in ["bob", "bob", "bob", "cleo", "cleo", "cleo"] {
        push(learner);
    }
    assert_eq!(log.len(), 10);
    assert_eq!(ids("bob"), [10, 11, 12]);
    assert_eq!(ids("cleo"), [13, 14, 15]);
    assert_eq!(ids("ada"), [6, 7, 8, 9]);
    for _ in 0..5 {
        push("ada");
    }
    assert_eq!(ids("bob"), [10, 11, 12], "bob keeps his entries");
    assert_eq!(ids("cleo"), [13, 14, 15]);
    assert_eq!(ids("ada"), [17, 18, 19, 20]);
    assert_eq!(log.learner_count(), 3);
}

#[tokio::test]
async fn idle_learners_are_forgotten() {
    let hand = HandClock::new();
    let state = AppState::with_clock(&classroom_config(), hand.clock());
    post(Role::Api, &state, "/deletePost?learner=ada&id=13").await;
    get(Role::Api, &state, "/users.json?learner=ada").await;
    hand.advance(LEARNER_IDLE / 2);
    get(Role::Api, &state, "/users.json?learner=bob").await;
    assert_eq!(state.log().learner_count(), 2);

    // ada has been idle just over the limit (and a sweep is due): her entries
    // go with the next request, and her posts are back to the seed.
    hand.advance(LEARNER_IDLE / 2 + SWEEP_EVERY);
    get(Role::Api, &state, "/users.json?learner=cleo").await;
    let learners: Vec<Option<String>> = state
        .log()
        .entries(None)
        .into_iter()
        .map(|entry| entry.learner)
        .collect();
    assert_eq!(learners, [Some("bob".to_owned()), Some("cleo".to_owned())]);
    let answer = get(Role::App, &state, "/api/posts?learner=ada").await;
    assert!(answer.text().contains("\"id\":13"), "{}", answer.text());
}

#[tokio::test]
async fn the_lab_cookie_works_on_a_plain_http_lan_host() {
    // On http://192.168.x.y the page is not a secure context: a `Secure` or
    // `SameSite=None` cookie would be refused. The lab's cookie is neither,
    // in both modes; the ports of one host are same-site, so Lax suffices.
    for state in [classroom(), state()] {
        let login = get(Role::Api, &state, "/login?learner=ada").await;
        let cors = get(Role::Api, &state, "/cors?a.set_cookie=1&case=c1").await;
        for (answer, expected) in [(login, "lab=ada"), (cors, "lab=c1")] {
            let cookies = answer.all("set-cookie");
            assert_eq!(cookies.len(), 1, "{cookies:?}");
            let attributes: Vec<String> = cookies[0]
                .split(';')
                .map(|part| part.trim().to_ascii_lowercase())
                .collect();
            assert_eq!(attributes[0], expected);
            assert!(
                attributes.contains(&"samesite=lax".to_owned()),
                "{cookies:?}"
            );
            assert!(!attributes.contains(&"secure".to_owned()), "{cookies:?}");
            assert!(
                !attributes.contains(&"samesite=none".to_owned()),
                "{cookies:?}"
            );
        }
    }
}
