//! The quiz: every question answered and its evidence produced for real.

use cors_core::compare::origin_verdict;
use cors_core::quiz::{self, Evidence};
use cors_core::url_parts::parse_url;

use crate::harness::Lab;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_question_answers_and_runs_its_evidence() {
    let lab = Lab::start().await;
    let only = std::env::var("QUIZ_ONLY").ok();
    for question in quiz::all().iter().filter(|q| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|x| x == q.slug))
    }) {
        lab.open(&format!("/quiz?q={}", question.slug)).await;
        let card = lab.find("quiz-question").await;
        assert_eq!(
            card.attr("data-slug").await.expect("attr").as_deref(),
            Some(question.slug)
        );
        let correct = question
            .choices
            .iter()
            .position(|c| c.correct)
            .expect("one correct choice");
        lab.click(&format!("quiz-choice-{correct}")).await;
        lab.click("quiz-answer").await;
        lab.text_until("quiz-feedback", |t| t.contains("Correct"))
            .await;

        match question.evidence {
            Evidence::Lab { slug } => {
                lab.click("quiz-run").await;
                let timeline = lab.text_until("lab-timeline", |t| !t.is_empty()).await;
                // The evidence is the real run: JS result and the server's log of it.
                lab.find("js-got").await;
                let experiment = cors_core::named::by_slug(slug).expect("named experiment");
                if experiment.request.mode != cors_core::scenario::Mode::SameOrigin {
                    let log = lab.text_until("server-log", |t| !t.is_empty()).await;
                    assert!(!log.is_empty(), "{}: no request in the log", question.slug);
                }
                assert!(
                    timeline.contains("JavaScript"),
                    "{}: {timeline}",
                    question.slug
                );
            }
            Evidence::Origins { a, b } => {
                let expected = match (parse_url(a), parse_url(b)) {
                    (Ok(pa), Ok(pb)) if origin_verdict(&pa, &pb).same_origin => "same-origin",
                    (Ok(_), Ok(_)) => "cross-origin",
                    _ => "invalid",
                };
                lab.expect_text("quiz-origin-verdict", expected).await;
            }
            Evidence::Why { demo } => {
                let href = lab
                    .find("quiz-why-link")
                    .await
                    .attr("href")
                    .await
                    .expect("href");
                // WebKit's driver answers with the resolved URL, the others
                // with the attribute as written.
                let href = href.unwrap_or_default();
                let href = href.strip_prefix(&lab.app_url("")).unwrap_or(&href);
                assert_eq!(href, format!("/why#{demo}"));
            }
        }
    }
    let score = lab.find("quiz-score").await.text().await.expect("score");
    let n = quiz::all().len();
    assert!(
        score.starts_with(&format!("{n} correct of {n} answered")),
        "{score}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_post_question_shows_the_post_is_gone() {
    let lab = Lab::start().await;
    let question = quiz::all()
        .iter()
        .find(|q| {
            matches!(
                q.evidence,
                Evidence::Lab {
                    slug: "delete-post"
                }
            )
        })
        .expect("a question about the blocked POST");
    // The lab's run of the same experiment first: it deletes post 13. The
    // quiz's run must not depend on that (it answered 404 once).
    lab.open("/lab?s=delete-post").await;
    lab.click("lab-run").await;
    lab.find("lab-timeline").await;

    lab.open(&format!("/quiz?q={}", question.slug)).await;
    lab.click("quiz-choice-0").await;
    lab.click("quiz-answer").await;
    lab.click("quiz-run").await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    let after = lab.find("posts-after").await.text().await.expect("text");
    assert!(!after.contains("#13"), "{after}");
    lab.text_until("server-log", |t| t.contains("POST /deletePost"))
        .await;
    let deletions: Vec<u16> = lab
        .server_state
        .log()
        .entries(None)
        .into_iter()
        .filter(|e| e.path == "/deletePost" && e.method == "POST")
        .map(|e| e.status)
        .collect();
    assert_eq!(deletions, [200, 200], "both runs deleted post 13");
    lab.screenshot("quiz-delete-post").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_survives_a_reload_and_resets() {
    let lab = Lab::start().await;
    let first = &quiz::all()[0];
    let wrong = first
        .choices
        .iter()
        .position(|c| !c.correct)
        .expect("a wrong choice");
    lab.open(&format!("/quiz?q={}", first.slug)).await;
    lab.click(&format!("quiz-choice-{wrong}")).await;
    lab.click("quiz-answer").await;
    lab.text_until("quiz-feedback", |t| t.contains("Not quite"))
        .await;
    lab.text_until("quiz-score", |t| t.starts_with("0 correct of 1 answered"))
        .await;
    lab.open(&format!("/quiz?q={}", first.slug)).await;
    lab.text_until("quiz-score", |t| t.starts_with("0 correct of 1 answered"))
        .await;
    lab.find("quiz-feedback").await;
    lab.click("quiz-reset").await;
    lab.text_until("quiz-score", |t| t.starts_with("0 correct of 0 answered"))
        .await;
    // Keyboard only: Space picks a choice, Enter answers (the form submits).
    let correct = first
        .choices
        .iter()
        .position(|c| c.correct)
        .expect("a right choice");
    let radio = lab.find(&format!("quiz-choice-{correct}")).await;
    radio.send_keys(" ").await.expect("space");
    radio
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .expect("enter");
    lab.text_until("quiz-feedback", |t| t.contains("Correct"))
        .await;
    lab.screenshot("quiz").await;
}

/// The choices' ids (`data-option`) in the order the page shows them.
async fn shown_order(lab: &Lab) -> Vec<usize> {
    lab.find("quiz-question").await;
    let got = lab
        .client
        .execute(
            "return Array.from(document.querySelectorAll(\"[data-testid='quiz-question'] input[data-option]\")).map(e => Number(e.dataset.option));",
            vec![],
        )
        .await
        .expect("script");
    serde_json::from_value(got).expect("numbers")
}

/// Each learner sees the choices in an order of their own, the same after a
/// reload; presenter mode (and so the class link) shows the class order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choices_are_shuffled_per_learner_and_shared_in_class() {
    let lab = Lab::start().await;
    let q = quiz::by_slug("exposed-header").expect("a question with four choices");
    lab.open("/quiz?q=exposed-header").await;
    let first = shown_order(&lab).await;
    let tag = lab
        .client
        .execute("return localStorage.getItem('cors-lab.learner');", vec![])
        .await
        .expect("script");
    let tag = tag.as_str().expect("a learner tag").to_owned();
    assert_eq!(first, quiz::display_order(q, quiz::Audience::Learner(&tag)));
    lab.open("/quiz?q=exposed-header").await;
    assert_eq!(shown_order(&lab).await, first, "stable across reloads");
    // The feedback explains every choice, each once: the answer given
    // above, the others below it.
    let right = q.choices.iter().position(|c| c.correct).expect("right");
    let english = crate::language_quiz::quiz_file("en");
    lab.click(&format!("quiz-choice-{right}")).await;
    lab.click("quiz-answer").await;
    let others = lab.text_until("quiz-every-choice", |t| !t.is_empty()).await;
    let given = lab.text_until("quiz-feedback", |t| !t.is_empty()).await;
    for i in 0..q.choices.len() {
        let feedback = crate::language_quiz::feedback(&english, q, i);
        let (here, elsewhere) = if i == right {
            (&given, &others)
        } else {
            (&others, &given)
        };
        assert!(here.contains(&feedback), "choice {i} not explained: {here}");
        assert!(
            !elsewhere.contains(&feedback),
            "choice {i} explained twice: {elsewhere}"
        );
    }
    lab.open("/quiz?present=1&q=exposed-header").await;
    assert_eq!(
        shown_order(&lab).await,
        quiz::display_order(q, quiz::Audience::Class)
    );
}
