//! The quiz is data: these tests check its shape, check every origin question
//! against the comparator and every lab question's experiment against the
//! rules engine, and check that progress survives localStorage.

use super::*;
use crate::compare::{origin_verdict, OriginPart};
use crate::engine::{predict, Env};
use crate::named;
use crate::scenario::{target_word, JsObservation, Scenario};
use crate::url_parts::parse_url;
use proptest::prelude::*;
use OriginPart::{Host, Port, Scheme};

/// Every topic, in teaching order.
const TOPICS: [&str; 7] = [
    "Origins",
    "Reading vs sending",
    "Preflight",
    "Credentials",
    "no-cors",
    "Why the policy exists",
    "Workarounds",
];

/// The demos of the `/why` page.
const WHY_DEMOS: [&str; 4] = ["intranet", "localhost", "load-vs-read", "proxy"];

fn correct_index(q: &Question) -> usize {
    q.choices
        .iter()
        .position(|c| c.correct)
        .unwrap_or_else(|| panic!("{}: no correct choice", q.slug))
}

fn wrong_index(q: &Question) -> usize {
    q.choices
        .iter()
        .position(|c| !c.correct)
        .unwrap_or_else(|| panic!("{}: no wrong choice", q.slug))
}

/// Sentences in a text: `.`, `?` or `!` followed by a space or the end (so
/// `localhost:8081/users.json` and `127.0.0.1` are not sentence ends).
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            matches!(c, '.' | '?' | '!')
                && chars
                    .get(i + 1)
                    .is_none_or(|next| next.is_whitespace() || *next == '"' || *next == ')')
        })
        .count()
}

// ------------------------------------------------------------------- shape

#[test]
fn there_are_enough_questions() {
    assert!(all().len() >= 16, "{} questions", all().len());
}

#[test]
fn slugs_are_unique_url_safe_and_found() {
    for q in all() {
        assert!(!q.slug.is_empty());
        assert!(
            q.slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{:?} is not url-safe",
            q.slug
        );
        assert!(
            !q.slug.starts_with('-') && !q.slug.ends_with('-'),
            "{}",
            q.slug
        );
        assert_eq!(
            all().iter().filter(|o| o.slug == q.slug).count(),
            1,
            "{}",
            q.slug
        );
        assert_eq!(by_slug(q.slug), Some(q));
    }
    assert_eq!(by_slug("no-such-question"), None);
    assert_eq!(by_slug(""), None);
}

#[test]
fn two_to_four_choices_exactly_one_correct() {
    for q in all() {
        assert!(
            (2..=4).contains(&q.choices.len()),
            "{}: {} choices",
            q.slug,
            q.choices.len()
        );
        let correct = q.choices.iter().filter(|c| c.correct).count();
        assert_eq!(correct, 1, "{}: {correct} correct choices", q.slug);
        for (i, c) in q.choices.iter().enumerate() {
            assert!(!c.text.trim().is_empty(), "{} choice {i}: no text", q.slug);
            assert!(
                !c.feedback.trim().is_empty(),
                "{} choice {i}: no feedback",
                q.slug
            );
            let twins = q.choices.iter().filter(|d| d.text == c.text).count();
            assert_eq!(twins, 1, "{} choice {i}: same text twice", q.slug);
        }
    }
}

#[test]
fn texts_are_present_and_short() {
    for q in all() {
        for (what, text) in [("prompt", q.prompt), ("look_for", q.look_for)] {
            assert!(!text.trim().is_empty(), "{}: empty {what}", q.slug);
        }
        let story = sentences(q.story);
        assert!(
            (1..=3).contains(&story),
            "{}: story has {story} sentences",
            q.slug
        );
        let explanation = sentences(q.explanation);
        assert!(
            (2..=4).contains(&explanation),
            "{}: explanation has {explanation} sentences",
            q.slug
        );
        for text in [q.story, q.prompt, q.explanation, q.look_for] {
            assert_eq!(text.trim(), text, "{}: stray spaces", q.slug);
            assert!(!text.contains("  "), "{}: double space in {text:?}", q.slug);
        }
    }
}

#[test]
fn topics_are_known_covered_and_in_teaching_order() {
    let rank = |q: &Question| {
        TOPICS
            .iter()
            .position(|t| *t == q.topic)
            .unwrap_or_else(|| panic!("{}: unknown topic {:?}", q.slug, q.topic))
    };
    for pair in all().windows(2) {
        assert!(
            rank(&pair[0]) <= rank(&pair[1]),
            "{} ({}) comes before {} ({})",
            pair[1].slug,
            pair[1].topic,
            pair[0].slug,
            pair[0].topic
        );
    }
    for topic in TOPICS {
        assert!(
            all().iter().any(|q| q.topic == topic),
            "no question about {topic}"
        );
    }
}

// ---------------------------------------------------------------- evidence

#[test]
fn lab_evidence_names_existing_experiments() {
    let slugs: Vec<&str> = named::all().iter().map(|n| n.slug).collect();
    for q in all() {
        if let Evidence::Lab { slug } = q.evidence {
            assert!(slugs.contains(&slug), "{}: no experiment {slug:?}", q.slug);
            assert!(named::by_slug(slug).is_some());
        }
    }
}

#[test]
fn why_evidence_names_known_demos_and_uses_them_all() {
    for q in all() {
        if let Evidence::Why { demo } = q.evidence {
            assert!(WHY_DEMOS.contains(&demo), "{}: no demo {demo:?}", q.slug);
        }
    }
    for demo in WHY_DEMOS {
        assert!(
            all().iter().any(|q| q.evidence == Evidence::Why { demo }),
            "no question uses the {demo} demo"
        );
    }
}

/// The verdict a choice of an origin question stands for.
fn verdict_of(slug: &str, text: &str) -> bool {
    if text.starts_with("Same origin") {
        true
    } else if text.starts_with("Cross-origin") {
        false
    } else {
        panic!("{slug}: origin choice {text:?} starts with neither \"Same origin\" nor \"Cross-origin\"")
    }
}

#[test]
fn origin_answers_agree_with_the_comparator() {
    let mut checked = 0;
    for q in all() {
        let Evidence::Origins { a, b } = q.evidence else {
            continue;
        };
        let pa = parse_url(a).unwrap_or_else(|e| panic!("{}: {a:?}: {}", q.slug, e.message));
        let pb = parse_url(b).unwrap_or_else(|e| panic!("{}: {b:?}: {}", q.slug, e.message));
        let verdict = origin_verdict(&pa, &pb);
        let mut verdicts = Vec::new();
        for c in q.choices {
            let says_same = verdict_of(q.slug, c.text);
            verdicts.push(says_same);
            // With one choice per verdict, the right one is the one that
            // agrees with the comparator.
            if c.correct {
                assert_eq!(
                    says_same, verdict.same_origin,
                    "{}: the correct choice {:?} disagrees with the comparator: {}",
                    q.slug, c.text, verdict.reason
                );
            }
        }
        assert!(
            verdicts.contains(&true) && verdicts.contains(&false),
            "{}: offer both verdicts",
            q.slug
        );
        // A right "Cross-origin" answer names every part that differs.
        let right = q.choices[correct_index(q)].text;
        for part in &verdict.differs {
            assert!(
                right.contains(part.name()),
                "{}: {right:?} does not name the {} (comparator: {})",
                q.slug,
                part.name(),
                verdict.reason
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} origin questions");
}

/// The pairs the quiz must cover, with what the comparator says of them.
#[test]
fn origin_questions_cover_the_classic_pairs() {
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        bool,
        &'static [OriginPart],
    );
    let rows: &[Row] = &[
        (
            "origin-path",
            "https://shop.example/cart/",
            "https://shop.example/api/orders?page=2",
            true,
            &[],
        ),
        (
            "origin-scheme",
            "http://blog.example/2019/hello.html",
            "https://blog.example/api/comments",
            false,
            &[Scheme, Port],
        ),
        (
            "origin-subdomain",
            "https://app.example.com/",
            "https://api.example.com/v1/me",
            false,
            &[Host],
        ),
        (
            "origin-lab-ports",
            "http://localhost:8080/",
            "http://localhost:8081/",
            false,
            &[Port],
        ),
        (
            "origin-default-port",
            "https://example.com:443/",
            "https://example.com/",
            true,
            &[],
        ),
        (
            "origin-idn",
            "https://bücher.example/",
            "https://xn--bcher-kva.example/api",
            true,
            &[],
        ),
        (
            "origin-localhost-ip",
            "http://localhost:8081/",
            "http://127.0.0.1:8081/",
            false,
            &[Host],
        ),
        (
            "origin-data-url",
            "data:text/html,hi",
            "data:text/html,hi",
            false,
            &[],
        ),
    ];
    for &(slug, a, b, same, differs) in rows {
        let q = by_slug(slug).unwrap_or_else(|| panic!("no question {slug}"));
        assert_eq!(q.evidence, Evidence::Origins { a, b }, "{slug}");
        let verdict = origin_verdict(&parse_url(a).expect(a), &parse_url(b).expect(b));
        assert_eq!(verdict.same_origin, same, "{slug}: {}", verdict.reason);
        assert_eq!(verdict.differs, differs, "{slug}: {}", verdict.reason);
    }
    let origin_questions = all()
        .iter()
        .filter(|q| matches!(q.evidence, Evidence::Origins { .. }))
        .count();
    assert_eq!(
        origin_questions,
        rows.len(),
        "a new origin question belongs in this table"
    );
}

fn env() -> Env {
    Env::demo_defaults(true)
}

/// What the engine predicts for a named experiment: arrivals as
/// `target:METHOD` (`!` for a preflight, `+c` with the cookie), and what
/// JavaScript got (`rejected`, or `type status [headers] body|empty`).
fn engine_says(slug: &str) -> (String, String) {
    let n = named::by_slug(slug).unwrap_or_else(|| panic!("no experiment {slug}"));
    let scenario = Scenario {
        id: "quiz".to_owned(),
        request: n.request,
        server: n.server,
        repeat: 1,
    };
    let p = predict(&scenario, &env()).remove(0);
    let arrivals = p
        .observation
        .arrived
        .iter()
        .map(|a| {
            format!(
                "{}:{}{}{}",
                target_word(a.target),
                a.method,
                if a.preflight { "!" } else { "" },
                if a.cookie { "+c" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let js = match p.observation.js {
        JsObservation::Rejected => "rejected".to_owned(),
        JsObservation::Response {
            status,
            response_type,
            headers,
            body_readable,
        } => format!(
            "{response_type} {status} [{}] {}",
            headers.join(","),
            if body_readable { "body" } else { "empty" }
        ),
    };
    (arrivals, js)
}

/// What the questions claim about each experiment they run (in their story,
/// answer and `look_for`), as the engine would put it.
#[test]
fn lab_questions_agree_with_the_engine() {
    let facts: &[(&str, &str, &str)] = &[
        // The GET arrives; the page gets nothing.
        ("read-users", "api:GET", "rejected"),
        // The POST arrives (and deletes); the page gets nothing.
        ("delete-post", "api:POST", "rejected"),
        // Only the preflight arrives: nothing is deleted.
        ("delete-post-json", "api:OPTIONS!", "rejected"),
        // Only the preflight arrives: the PUT stays home.
        ("preflight-fails", "api:OPTIONS!", "rejected"),
        // Preflight, then the PUT, then a readable answer.
        (
            "preflight-passes",
            "api:OPTIONS! api:PUT",
            "cors 200 [cache-control,content-length,content-type] body",
        ),
        // The GET arrives with the cookie; the wildcard makes the browser refuse.
        ("credentials-star", "api:GET+c", "rejected"),
        // The GET arrives; the page gets an opaque, empty response.
        ("no-cors", "api:GET", "opaque 0 [] empty"),
        // Readable, with x-secret but without x-hidden.
        (
            "exposed-header",
            "api:GET",
            "cors 200 [cache-control,content-length,content-type,x-secret] body",
        ),
    ];
    for &(slug, arrivals, js) in facts {
        let (got_arrivals, got_js) = engine_says(slug);
        assert_eq!(
            (got_arrivals.as_str(), got_js.as_str()),
            (arrivals, js),
            "{slug}"
        );
    }
    for q in all() {
        if let Evidence::Lab { slug } = q.evidence {
            assert!(
                facts.iter().any(|(s, _, _)| *s == slug),
                "{}: state what {slug} shows in this table",
                q.slug
            );
        }
    }
}

#[test]
fn the_brief_s_lab_questions_are_there() {
    for (question, lab) in [
        ("open-in-tab", "read-users"),
        ("blocked-post", "delete-post"),
        ("json-post", "delete-post-json"),
        ("preflight-fails", "preflight-fails"),
        ("preflight-passes", "preflight-passes"),
        ("credentials-star", "credentials-star"),
        ("no-cors", "no-cors"),
        ("exposed-header", "exposed-header"),
        ("curl-works", "read-users"),
    ] {
        let q = by_slug(question).unwrap_or_else(|| panic!("no question {question}"));
        assert_eq!(q.evidence, Evidence::Lab { slug: lab }, "{question}");
    }
}

/// `curl-works` says the lab's curl command sends the page's own `Origin`.
#[test]
fn the_curl_command_sends_the_page_s_origin() {
    let q = by_slug("curl-works").expect("curl-works");
    let Evidence::Lab { slug } = q.evidence else {
        panic!("curl-works runs a lab experiment");
    };
    let n = named::by_slug(slug).expect("experiment");
    let url = format!("http://localhost:8081{}", n.endpoint.path());
    let curl = crate::advice::curl_command(&url, &n.request, "http://localhost:8080", true);
    assert!(curl.contains("Origin: http://localhost:8080"), "{curl}");
    assert!(q
        .choices
        .iter()
        .any(|c| c.feedback.contains("Origin header")));
}

// ---------------------------------------------------------------- progress

#[test]
fn score_counts_right_and_answered() {
    let mut p = Progress::default();
    assert_eq!(p.score(), (0, 0));
    let qs = all();
    p.answer(qs[0].slug, correct_index(&qs[0]));
    p.answer(qs[1].slug, wrong_index(&qs[1]));
    p.answer(qs[2].slug, correct_index(&qs[2]));
    assert_eq!(p.score(), (2, 3));
    assert_eq!(p.is_correct(qs[0].slug), Some(true));
    assert_eq!(p.is_correct(qs[1].slug), Some(false));
    assert_eq!(p.is_correct(qs[3].slug), None);
    assert_eq!(p.chosen(qs[1].slug), Some(wrong_index(&qs[1])));
    assert_eq!(p.chosen(qs[3].slug), None);

    // Changing an answer replaces it.
    p.answer(qs[1].slug, correct_index(&qs[1]));
    assert_eq!(p.score(), (3, 3));

    // Answers to nothing are ignored.
    p.answer("no-such-question", 0);
    p.answer(qs[4].slug, qs[4].choices.len());
    p.answer(qs[4].slug, usize::MAX);
    assert_eq!(p.score(), (3, 3));
    assert_eq!(p.chosen(qs[4].slug), None);

    p.reset();
    assert_eq!(p, Progress::default());
    assert_eq!(p.score(), (0, 0));
}

#[test]
fn all_right_scores_everything() {
    let mut p = Progress::default();
    for q in all() {
        p.answer(q.slug, correct_index(q));
    }
    assert_eq!(p.score(), (all().len(), all().len()));
}

#[test]
fn storage_round_trip() {
    let mut p = Progress::default();
    assert_eq!(p.to_storage(), "");
    assert_eq!(Progress::parse(""), p);
    p.answer("origin-lab-ports", 1);
    p.answer("blocked-post", 0);
    assert_eq!(p.to_storage(), "blocked-post=0;origin-lab-ports=1");
    assert_eq!(Progress::parse(&p.to_storage()), p);
}

#[test]
fn parse_skips_what_it_cannot_use() {
    let cases: &[(&str, &str)] = &[
        ("garbage", ""),
        (";;;", ""),
        ("=", ""),
        ("blocked-post", ""),
        ("blocked-post=", ""),
        ("blocked-post=x", ""),
        ("blocked-post=-1", ""),
        ("blocked-post=2", ""),
        ("blocked-post=99999999999999999999999", ""),
        ("no-such-question=0", ""),
        (
            "blocked-post=1;nonsense;origin-path=0",
            "blocked-post=1;origin-path=0",
        ),
        (" blocked-post = 1 ", "blocked-post=1"),
        ("blocked-post=1;blocked-post=0", "blocked-post=0"),
        ("blocked-post=1=2", ""),
        ("BLOCKED-POST=1", ""),
    ];
    for &(text, stored) in cases {
        assert_eq!(Progress::parse(text).to_storage(), stored, "{text:?}");
    }
}

fn any_progress() -> impl Strategy<Value = Progress> {
    prop::collection::vec((0..all().len(), 0usize..4), 0..30).prop_map(|answers| {
        let mut p = Progress::default();
        for (q, choice) in answers {
            p.answer(all()[q].slug, choice);
        }
        p
    })
}

proptest! {
    #[test]
    fn parse_never_panics(text in ".{0,200}") {
        let p = Progress::parse(&text);
        let (right, answered) = p.score();
        prop_assert!(right <= answered && answered <= all().len());
        prop_assert_eq!(Progress::parse(&p.to_storage()), p);
    }

    #[test]
    fn parse_never_panics_on_near_misses(text in "([a-z-]{0,20}(=[0-9x-]{0,4})?;?){0,10}") {
        let p = Progress::parse(&text);
        for q in all() {
            if let Some(choice) = p.chosen(q.slug) {
                prop_assert!(choice < q.choices.len());
            }
        }
    }

    #[test]
    fn progress_survives_storage(p in any_progress()) {
        prop_assert_eq!(Progress::parse(&p.to_storage()), p);
    }
}
