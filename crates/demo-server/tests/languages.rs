//! The pages a learner opens on the demo origins (the API's login, the
//! attacker's page, the intranet's sheet, "not built yet") speak the
//! learner's language: `?lang=` first (the app's links carry it), then the
//! browser's `Accept-Language`, else English.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use cors_core::wire::Role;
use demo_server::attacker::ATTACKER_PATH;
use demo_server::LOGIN_PATH;

mod common;
use common::{router, send, state, state_with, Answer};

async fn get(
    role: Role,
    state: &demo_server::AppState,
    uri: &str,
    language: Option<&str>,
) -> Answer {
    let mut request = Request::get(uri);
    if let Some(language) = language {
        request = request.header("accept-language", language);
    }
    send(
        router(role, state),
        request.body(Body::empty()).expect("request"),
    )
    .await
}

/// (role, path, words of the English page, words of the zh-TW page)
const PAGES: [(Role, &str, &str, &str); 4] = [
    (
        Role::Api,
        LOGIN_PATH,
        "Logged in to the API origin",
        "已登入 API 來源",
    ),
    (
        Role::App,
        ATTACKER_PATH,
        "The attacker's page",
        "攻擊者的網頁",
    ),
    (Role::Intranet, "/", "Q3 salary sheet", "第三季薪資表"),
    (Role::Intranet, "/nope", "Not found", "找不到這個網頁"),
];

fn assert_in(answer: &Answer, tag: &str, words: &str, what: &str) {
    let text = answer.text();
    assert!(
        text.contains(&format!("<html lang=\"{tag}\">")),
        "{what}: {text}"
    );
    assert!(text.contains(words), "{what}: {text}");
    assert_eq!(answer.header("content-language"), Some(tag), "{what}");
    assert!(
        answer
            .all("vary")
            .iter()
            .any(|v| v.contains("Accept-Language")),
        "{what}: {:?}",
        answer.all_lines()
    );
}

#[tokio::test]
async fn every_page_follows_lang_then_accept_language() {
    let state = state();
    for (role, path, english, chinese) in PAGES {
        let sep = if path.contains('?') { '&' } else { '?' };
        let answer = get(role, &state, path, None).await;
        assert_in(&answer, "en", english, path);

        let answer = get(role, &state, &format!("{path}{sep}lang=zh-TW"), None).await;
        assert_in(&answer, "zh-TW", chinese, path);
        assert!(!answer.text().contains(english), "{path}");

        let answer = get(role, &state, path, Some("zh-TW,zh;q=0.9,en;q=0.8")).await;
        assert_in(&answer, "zh-TW", chinese, path);

        // The app's link wins over the browser's languages.
        let answer = get(
            role,
            &state,
            &format!("{path}{sep}lang=en"),
            Some("zh-Hant"),
        )
        .await;
        assert_in(&answer, "en", english, path);

        // Simplified Chinese is not Traditional: English.
        let answer = get(role, &state, path, Some("zh-CN,zh;q=0.9")).await;
        assert_in(&answer, "en", english, path);
    }
}

#[tokio::test]
async fn the_login_still_sets_its_cookie_in_every_language() {
    let state = state();
    let answer = get(Role::Api, &state, "/login?learner=ada&lang=zh-TW", None).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .all("set-cookie")
            .iter()
            .any(|c| c.starts_with("lab=ada;")),
        "{:?}",
        answer.all_lines()
    );
}

#[tokio::test]
async fn a_missing_build_says_so_in_the_browser_s_language() {
    let dist = tempfile::tempdir().expect("tempdir");
    let state = state_with(|config| config.dist_dir = dist.path().join("absent"));
    let answer = get(Role::App, &state, "/lab?lang=zh-TW", None).await;
    assert_in(&answer, "zh-TW", "應用程式還沒有建置", "/lab?lang=zh-TW");
    assert!(answer.text().contains("<code>cargo xtask serve</code>"));
    let answer = get(Role::App, &state, "/", Some("zh-TW")).await;
    assert_in(&answer, "zh-TW", "應用程式還沒有建置", "/");
    let answer = get(Role::App, &state, "/", None).await;
    assert_in(&answer, "en", "the app is not built yet", "/");
}
