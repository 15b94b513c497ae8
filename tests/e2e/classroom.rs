//! Classroom mode, as a student's browser sees it: the app opened on a host
//! that is neither `localhost` nor a secure context (`classroom.test`,
//! which the harness maps to loopback in every engine: the server still
//! listens on loopback only). Every demo origin must use that host, a credentialed run
//! must work there, two learners must not see or delete each other's data,
//! and the instructor's view must see both.

use cors_core::wire::Role;
use fantoccini::Locator;
use serde_json::json;

use crate::harness::{Lab, LabOptions, PATIENCE};

const HOST: &str = "classroom.test";
const KEY: &str = "e2e-instructor-key-0123456789";

async fn classroom_lab() -> Lab {
    Lab::start_with(LabOptions {
        instructor_key: Some(KEY.to_owned()),
        page_host: Some(HOST.to_owned()),
        ..LabOptions::default()
    })
    .await
}

/// Open a named experiment, run it, wait until the run's panels are there.
async fn run_named(lab: &Lab, slug: &str) {
    lab.open(&format!("/lab?s={slug}")).await;
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;
}

/// Become learner `tag` in this browser (the app keeps its tag in
/// localStorage), then open the start page.
async fn become_learner(lab: &Lab, tag: &str) {
    lab.open("/").await;
    lab.client
        .execute(
            "localStorage.setItem('cors-lab.learner', arguments[0])",
            vec![json!(tag)],
        )
        .await
        .expect("set the learner tag");
    lab.open("/").await;
    lab.expect_text("classroom-learner", tag).await;
}

/// The `data-learner` of every log entry shown, waiting until `done` accepts them.
async fn shown_learners(lab: &Lab, done: impl Fn(&[String]) -> bool) -> Vec<String> {
    let started = std::time::Instant::now();
    loop {
        let mut learners = Vec::new();
        for entry in lab.find_all("log-entry").await {
            if let Ok(Some(tag)) = entry.attr("data-learner").await {
                learners.push(tag);
            }
        }
        if done(&learners) {
            return learners;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the log never showed what was expected: {learners:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_demo_origin_uses_the_host_the_page_was_opened_on() {
    let lab = classroom_lab().await;
    let page_origin = lab.app_url("");
    let api = format!("http://{HOST}:{}", lab.api_port);

    // The first experiment fetches the API on this page's host.
    lab.open("/").await;
    lab.text_until("classroom-banner", |t| {
        t.contains("Classroom: you are learner")
    })
    .await;
    lab.text_until("site-footer", |t| {
        t.contains("the lab's server on your local network")
    })
    .await;
    // Polled: the first experiment shows its code once the config is in
    // ("Loading the first experiment…" until then).
    let want = format!("fetch(\"{api}/users.json?learner=");
    let started = std::time::Instant::now();
    loop {
        let body = lab
            .client
            .find(Locator::Css("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("text");
        if body.contains(&want) {
            break;
        }
        assert!(
            started.elapsed() < crate::harness::PATIENCE,
            "never showed {want:?}: {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    lab.click("run-users-fetch").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    lab.text_until("server-log", |t| t.contains("GET /users.json"))
        .await;

    // The other site is the address the page's host name stands for.
    lab.open("/lab?target=api-alt&a.acao=echo").await;
    lab.text_until("lab-other-site", |t| {
        t.contains(&format!("http://127.0.0.1:{}", lab.api_port))
    })
    .await;
    lab.click("lab-run").await;
    lab.expect_text("js-type", "cors").await;

    // A credentialed run: the Lax cookie (no `Secure`, this host is plain
    // http and not a secure context) goes between this host's ports.
    lab.open("/lab?s=credentials-echo").await;
    let login = crate::lab_page::log_in_and_read_with_cookie(&lab).await;
    assert!(login.starts_with(&format!("{api}/login?")), "{login}");

    // Every /why demo.
    crate::why_page::run_every_demo(&lab).await;

    // What the server received: every request the browser sent went to this
    // page's host, and came from this page's origin.
    let entries = lab.server_state.log().entries(None);
    let mut other_site = 0;
    for entry in &entries {
        if entry.query_has("via=proxy") {
            continue; // the proxy's own server-to-server request
        }
        let host = entry.header("host").unwrap_or_default();
        if host == format!("127.0.0.1:{}", lab.api_port) {
            other_site += 1;
        } else {
            assert_eq!(
                host,
                format!("{HOST}:{}", entry.port),
                "{} {}",
                entry.method,
                entry.path
            );
        }
        if let Some(origin) = entry.header("origin") {
            assert!(
                origin == page_origin || origin == "null",
                "{} {}: Origin {origin}",
                entry.method,
                entry.path
            );
        }
    }
    assert_eq!(other_site, 1, "only the other-site run uses the address");
    for role in [Role::App, Role::Api, Role::Intranet] {
        assert!(
            entries.iter().any(|e| e.role == role),
            "no request reached the {} origin",
            role.label()
        );
    }
    lab.screenshot("classroom-learner").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn learners_keep_their_own_data_and_the_instructor_sees_everyone() {
    let lab = classroom_lab().await;
    let (ada, bob) = ("learner-ada00001", "learner-bob00002");
    let has_13 = |tag: &str| {
        lab.server_state
            .posts()
            .list(Some(tag))
            .iter()
            .any(|p| p.id == 13)
    };

    // Ada deletes her post 13 and fetches the users.
    become_learner(&lab, ada).await;
    lab.click("run-users-fetch").await;
    shown_learners(&lab, |l| !l.is_empty() && l.iter().all(|t| t == ada)).await;
    run_named(&lab, "delete-post").await;
    let after = lab.find("posts-after").await.text().await.expect("text");
    assert!(!after.contains("#13"), "{after}");

    // Bob sees none of Ada's requests, and still has his post 13.
    become_learner(&lab, bob).await;
    lab.click("run-users-fetch").await;
    // Ada's entries would have been replayed before Bob's own arrives.
    let shown = shown_learners(&lab, |l| l.iter().any(|t| t == bob)).await;
    assert!(shown.iter().all(|t| t == bob), "Bob sees {shown:?}");
    lab.expect_text("log-reset", "Clear my log").await;
    run_named(&lab, "delete-post").await;
    let before = lab.find("posts-before").await.text().await.expect("text");
    assert!(before.contains("#13"), "Bob's own posts: {before}");
    // His reset restores his data only.
    lab.expect_text("lab-reset", "Reset my demo data").await;
    lab.click("lab-reset").await;
    lab.find("lab-not-run").await;
    assert!(has_13(bob), "Bob's reset restores his post");
    assert!(!has_13(ada), "Ada's deletion survives Bob's reset");
    assert!(!lab.server_state.log().entries(Some(ada)).is_empty());
    assert!(lab.server_state.log().entries(Some(bob)).is_empty());

    // The instructor's address: the key leaves the address bar at once.
    lab.open(&format!("/?instructor={KEY}")).await;
    lab.text_until("classroom-banner", |t| {
        t.contains("Instructor view: all learners")
    })
    .await;
    let url = lab.client.current_url().await.expect("url");
    assert!(!url.as_str().contains(KEY), "{url}");
    // Every learner's requests, each labelled: Ada's, and this browser's own.
    lab.click("run-users-fetch").await;
    let shown = shown_learners(&lab, |l| {
        l.iter().any(|t| t == ada) && l.iter().any(|t| t == bob)
    })
    .await;
    let labels: Vec<String> = {
        let mut labels = Vec::new();
        for label in lab.find_all("log-learner").await {
            labels.push(label.text().await.expect("text"));
        }
        labels
    };
    assert_eq!(labels, shown, "each entry names its learner");
    lab.screenshot("classroom-instructor").await;

    // Phone width: the banner and the labelled log fit the screen.
    lab.client
        .set_window_size(375, 812)
        .await
        .expect("resize the window");
    let started = std::time::Instant::now();
    loop {
        let overflow = lab
            .client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                vec![],
            )
            .await
            .expect("measure");
        if overflow == json!(0) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the page scrolls sideways at phone width by {overflow}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    lab.screenshot("classroom-instructor-phone").await;
    lab.client
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");

    // The instructor's reset restores everyone's data.
    lab.expect_text("log-reset", "Clear everyone's log").await;
    lab.click("log-reset").await;
    lab.find("log-empty").await;
    assert!(has_13(ada), "the instructor's reset restores Ada's post");
    assert!(lab.server_state.log().entries(Some(ada)).is_empty());
}
