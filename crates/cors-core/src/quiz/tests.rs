//! The quiz is data: these tests check its shape, check every origin question
//! against the comparator and every lab question's experiment against the
//! rules engine, and check that progress survives localStorage. Its words
//! live in `locales/<lang>/quiz.json`: the fairness checks (no choice given
//! away by its length or wording, each choice explained) read every
//! locale's file, since a giveaway matters in every language.

use super::*;
use crate::compare::{origin_verdict, OriginPart};
use crate::engine::{predict, Env};
use crate::named;
use crate::scenario::{target_word, JsObservation, Scenario};
use crate::url_parts::parse_url;
use proptest::prelude::*;
use OriginPart::{Host, Port, Scheme};

/// Every topic, in teaching order: the article's arc.
const TOPICS: [Topic; 6] = [
    Topic::Origins,
    Topic::WhatItBlocks,
    Topic::WhyItExists,
    Topic::HeadersAndPreflight,
    Topic::Escapes,
    Topic::EdgeCases,
];

// ------------------------------------------------------------------- words

/// A locale's file, and how its words say what the checks look for.
struct Lang {
    tag: &'static str,
    /// Feedback on the right choice starts with this (and only that one).
    right: &'static str,
    /// An origin question's choices say one of these.
    same_origin: &'static str,
    cross_origin: &'static str,
    /// What the origin's parts are called.
    part: fn(OriginPart) -> &'static str,
    /// A choice that argues (gives its own reason) contains one of these.
    reasons: &'static [&'static str],
}

const LANGS: [Lang; 2] = [
    Lang {
        tag: "en",
        right: "Right",
        same_origin: "same origin",
        cross_origin: "cross-origin",
        part: OriginPart::name,
        reasons: &[": ", ";", " because ", " so ", " since ", "—"],
    },
    Lang {
        tag: "zh-TW",
        right: "沒錯",
        same_origin: "同源",
        cross_origin: "跨來源",
        part: |part| match part {
            Scheme => "協定",
            Host => "主機",
            Port => "連接埠",
        },
        reasons: &["：", ": ", "；", ";", "因為", "所以", "由於", "因此", "—"],
    },
];

/// A question's words in one locale, inline elements dropped.
struct Words {
    story: String,
    prompt: String,
    explanation: String,
    look_for: String,
    /// (claim, feedback), by choice index.
    choices: Vec<(String, String)>,
}

fn file(lang: &Lang) -> serde_json::Value {
    let path = format!(
        "{}/../../locales/{}/quiz.json",
        env!("CARGO_MANIFEST_DIR"),
        lang.tag
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text as read: `<code>` and the like dropped.
fn plain(text: &str) -> String {
    let mut out = text.to_owned();
    for element in ["code", "strong", "em", "kbd"] {
        out = out
            .replace(&format!("<{element}>"), "")
            .replace(&format!("</{element}>"), "");
    }
    out
}

fn text_at(value: &serde_json::Value, path: &[&str], what: &str) -> String {
    let mut v = value;
    for key in path {
        v = v
            .get(key)
            .unwrap_or_else(|| panic!("{what}: no `{}`", path.join(".")));
    }
    plain(
        v.as_str()
            .unwrap_or_else(|| panic!("{what}: `{}` is not a text", path.join("."))),
    )
}

fn words(lang: &Lang, q: &Question) -> Words {
    let file = file(lang);
    let key = q.id.key();
    let what = format!("{} {}", lang.tag, q.slug);
    let at = |path: &[&str]| {
        let mut full = vec!["questions", key.as_str()];
        full.extend_from_slice(path);
        text_at(&file, &full, &what)
    };
    let choices = (0..q.choices.len())
        .map(|i| {
            let option = option_key(i).expect("at most four choices");
            (
                at(&["choices", option, "text"]),
                at(&["choices", option, "feedback"]),
            )
        })
        .collect();
    Words {
        story: at(&["story"]),
        prompt: at(&["prompt"]),
        explanation: at(&["explanation"]),
        look_for: at(&["look_for"]),
        choices,
    }
}

/// Every question's words in one locale, in the bank's order.
fn bank(lang: &Lang) -> Vec<(&'static Question, Words)> {
    all().iter().map(|q| (q, words(lang, q))).collect()
}

/// A topic's name and what it teaches.
fn topic_words(lang: &Lang, topic: Topic) -> (String, String) {
    let file = file(lang);
    let what = format!("{} {topic:?}", lang.tag);
    (
        text_at(&file, &["topics", topic.key(), "name"], &what),
        text_at(&file, &["topics", topic.key(), "teaches"], &what),
    )
}

#[test]
fn every_locale_has_words_for_exactly_the_bank() {
    for lang in &LANGS {
        let file = file(lang);
        let questions = file["questions"].as_object().expect("questions");
        let keys: Vec<String> = QuestionId::ALL.iter().map(|id| id.key()).collect();
        for key in questions.keys() {
            assert!(keys.contains(key), "{}: `{key}` is no question", lang.tag);
        }
        for q in all() {
            let choices = questions
                .get(&q.id.key())
                .and_then(|v| v["choices"].as_object())
                .unwrap_or_else(|| panic!("{}: {} has no choices", lang.tag, q.slug));
            assert_eq!(choices.len(), q.choices.len(), "{} {}", lang.tag, q.slug);
            words(lang, q);
        }
        let topics = file["topics"].as_object().expect("topics");
        assert_eq!(topics.len(), Topic::ALL.len(), "{}", lang.tag);
        for topic in Topic::ALL {
            topic_words(lang, topic);
        }
    }
}

#[test]
fn question_ids_are_the_bank_in_order() {
    let ids: Vec<QuestionId> = all().iter().map(|q| q.id).collect();
    assert_eq!(ids, QuestionId::ALL);
    for q in all() {
        assert_eq!(q.slug, q.id.slug());
    }
}

/// The demos of the `/why` page.
const WHY_DEMOS: [&str; 7] = [
    "intranet",
    "localhost",
    "credentials",
    "load-vs-read",
    "css-font",
    "runtime",
    "proxy",
];

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
/// `localhost:8081/users.json` and `127.0.0.1` are not sentence ends), or
/// a full-width `。`, `？` or `！` (Chinese).
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            matches!(c, '。' | '？' | '！')
                || matches!(c, '.' | '?' | '!')
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
    }
    for lang in &LANGS {
        for (q, w) in bank(lang) {
            for (i, (text, feedback)) in w.choices.iter().enumerate() {
                let at = format!("{} {} choice {i}", lang.tag, q.slug);
                assert!(!text.trim().is_empty(), "{at}: no text");
                assert!(!feedback.trim().is_empty(), "{at}: no feedback");
                let twins = w.choices.iter().filter(|(t, _)| t == text).count();
                assert_eq!(twins, 1, "{at}: same text twice");
            }
        }
    }
}

#[test]
fn texts_are_present_and_short() {
    for lang in &LANGS {
        for (q, w) in bank(lang) {
            let at = format!("{} {}", lang.tag, q.slug);
            for (what, text) in [("prompt", &w.prompt), ("look_for", &w.look_for)] {
                assert!(!text.trim().is_empty(), "{at}: empty {what}");
            }
            let story = sentences(&w.story);
            assert!(
                (1..=3).contains(&story),
                "{at}: story has {story} sentences"
            );
            let explanation = sentences(&w.explanation);
            assert!(
                (2..=4).contains(&explanation),
                "{at}: explanation has {explanation} sentences"
            );
            let choices = w.choices.iter().flat_map(|(t, f)| [t, f]);
            for text in [&w.story, &w.prompt, &w.explanation, &w.look_for]
                .into_iter()
                .chain(choices)
            {
                assert_eq!(text.trim(), text, "{at}: stray spaces");
                assert!(!text.contains("  "), "{at}: double space in {text:?}");
            }
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
            "{} ({:?}) comes before {} ({:?})",
            pair[1].slug,
            pair[1].topic,
            pair[0].slug,
            pair[0].topic
        );
    }
    for topic in TOPICS {
        assert!(
            all().iter().any(|q| q.topic == topic),
            "no question about {topic:?}"
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
fn verdict_of(lang: &Lang, slug: &str, text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    // "跨來源" does not contain "同源", nor "cross-origin" "same origin".
    match (
        lower.contains(lang.same_origin),
        lower.contains(lang.cross_origin),
    ) {
        (true, false) => true,
        (false, true) => false,
        _ => panic!(
            "{} {slug}: origin choice {text:?} must say either {:?} or {:?}",
            lang.tag, lang.same_origin, lang.cross_origin
        ),
    }
}

#[test]
fn origin_answers_agree_with_the_comparator() {
    let mut checked = 0;
    for q in all() {
        let Evidence::Origins { a, b } = q.evidence else {
            continue;
        };
        let pa = parse_url(a).unwrap_or_else(|e| panic!("{}: {a:?}: {:?}", q.slug, e.kind));
        let pb = parse_url(b).unwrap_or_else(|e| panic!("{}: {b:?}: {:?}", q.slug, e.kind));
        let verdict = origin_verdict(&pa, &pb);
        for lang in &LANGS {
            let w = words(lang, q);
            let mut verdicts = Vec::new();
            for (c, (text, _)) in q.choices.iter().zip(&w.choices) {
                let says_same = verdict_of(lang, q.slug, text);
                verdicts.push(says_same);
                // With one choice per verdict, the right one is the one that
                // agrees with the comparator.
                if c.correct {
                    assert_eq!(
                        says_same, verdict.same_origin,
                        "{} {}: the correct choice {text:?} disagrees with the comparator: {:?}",
                        lang.tag, q.slug, verdict.reason
                    );
                }
            }
            assert!(
                verdicts.contains(&true) && verdicts.contains(&false),
                "{} {}: offer both verdicts",
                lang.tag,
                q.slug
            );
            // The right answer's feedback names every part that differs.
            let right = &w.choices[correct_index(q)].1;
            for &part in &verdict.differs {
                assert!(
                    right.contains((lang.part)(part)),
                    "{} {}: {right:?} does not name the {} (comparator: {:?})",
                    lang.tag,
                    q.slug,
                    part.name(),
                    verdict.reason
                );
            }
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
        assert_eq!(verdict.same_origin, same, "{slug}: {:?}", verdict.reason);
        assert_eq!(verdict.differs, differs, "{slug}: {:?}", verdict.reason);
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
        server: n
            .endpoint
            .fixed_server(&n.request.method)
            .unwrap_or(n.server),
        request: n.request,
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
    let curl = crate::advice::curl_command(&url, &n.request, "http://localhost:8080", true).plain();
    assert!(curl.contains("Origin: http://localhost:8080"), "{curl}");
    for (lang, says) in LANGS.iter().zip(["Origin header", "Origin 標頭"]) {
        assert!(
            words(lang, q).choices.iter().any(|(_, f)| f.contains(says)),
            "{}",
            lang.tag
        );
    }
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

// ---------------------------------------------------------------- sections

#[test]
fn sections_follow_the_article_and_say_what_they_teach() {
    assert_eq!(Topic::ALL, TOPICS);
    for topic in Topic::ALL {
        for lang in &LANGS {
            let (name, teaches) = topic_words(lang, topic);
            let at = format!("{} {topic:?}", lang.tag);
            assert!(!name.trim().is_empty(), "{at}: no name");
            assert!(!teaches.trim().is_empty(), "{at}: says nothing");
            assert_eq!(sentences(&teaches), 1, "{at}: one line");
        }
        let count = all().iter().filter(|q| q.topic == topic).count();
        assert!(count >= 2, "{topic:?}: {count} questions");
    }
    // The article's two central questions come early: sending vs reading.
    let at = |slug: &str| all().iter().position(|q| q.slug == slug).expect(slug);
    assert!(at("open-in-tab") < 6 && at("blocked-post") < 6);
}

/// The ideas the article teaches that the quiz must ask about, with the
/// evidence that proves each one.
#[test]
fn the_article_s_ideas_have_questions() {
    let cases: &[(&str, Topic, Evidence)] = &[
        // The browser is the runtime: Node.js has no same-origin policy.
        (
            "runtime-node",
            Topic::WhatItBlocks,
            Evidence::Why { demo: "runtime" },
        ),
        (
            "postman-works",
            Topic::WhatItBlocks,
            Evidence::Why { demo: "runtime" },
        ),
        // Load vs read, for stylesheets and fonts.
        (
            "font-cdn",
            Topic::WhatItBlocks,
            Evidence::Why { demo: "css-font" },
        ),
        // Credentials: the cookie goes, the answer stays.
        (
            "logged-in-victim",
            Topic::WhyItExists,
            Evidence::Why {
                demo: "credentials",
            },
        ),
        // The three escapes: CORS headers, a same-origin proxy, a script tag.
        (
            "fix-on-server",
            Topic::Escapes,
            Evidence::Lab {
                slug: "exposed-header",
            },
        ),
        ("proxy", Topic::Escapes, Evidence::Why { demo: "proxy" }),
        (
            "jsonp",
            Topic::Escapes,
            Evidence::Why {
                demo: "load-vs-read",
            },
        ),
    ];
    for &(slug, topic, evidence) in cases {
        let q = by_slug(slug).unwrap_or_else(|| panic!("no question {slug}"));
        assert_eq!((q.topic, q.evidence), (topic, evidence), "{slug}");
    }
}

// ----------------------------------------------------------------- choices

/// Choices are short claims; their reasons live in the feedback.
#[test]
fn choices_are_short_claims_without_their_reasons() {
    for lang in &LANGS {
        for (q, w) in bank(lang) {
            let at = format!("{} {}", lang.tag, q.slug);
            for (c, (t, feedback)) in q.choices.iter().zip(&w.choices) {
                assert!(t.chars().count() <= 70, "{at}: {t:?} is long");
                for reason in lang.reasons {
                    assert!(!t.contains(reason), "{at}: {t:?} argues ({reason:?})");
                }
                assert!(
                    feedback.chars().count() > t.chars().count(),
                    "{at}: the feedback on {t:?} explains nothing"
                );
                // Feedback on a right choice says so; on a wrong one it
                // never does.
                assert_eq!(feedback.starts_with(lang.right), c.correct, "{at}: {t:?}");
            }
        }
    }
}

fn learner(i: u32) -> String {
    format!("learner-{i:08x}")
}

#[test]
fn display_order_is_a_stable_permutation() {
    for q in all() {
        for audience in [
            Audience::Class,
            Audience::Learner("learner-0000002a"),
            Audience::Learner(""),
        ] {
            let order = display_order(q, audience);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(
                sorted,
                (0..q.choices.len()).collect::<Vec<_>>(),
                "{}",
                q.slug
            );
            assert_eq!(order, display_order(q, audience), "{}: stable", q.slug);
        }
    }
    // Learners see different orders (on some question), the class one order.
    let differ = (0..50).any(|i| {
        all().iter().any(|q| {
            display_order(q, Audience::Learner(&learner(i)))
                != display_order(q, Audience::Learner(&learner(i + 1)))
        })
    });
    assert!(differ);
}

/// Chance that the right choice is (strictly or jointly) the longest, summed
/// over the bank: 1/n per question of n choices.
fn chance() -> f64 {
    all().iter().map(|q| 1.0 / q.choices.len() as f64).sum()
}

/// How many questions' right choice is the longest (strictly or jointly) or
/// the shortest, by characters, in one locale.
fn length_cues(lang: &Lang) -> (usize, usize) {
    let len = |(text, _): &(String, String)| text.chars().count();
    let mut longest = 0;
    let mut shortest = 0;
    for (q, w) in bank(lang) {
        let right = len(&w.choices[correct_index(q)]);
        let max = w.choices.iter().map(len).max().unwrap_or(0);
        let min = w.choices.iter().map(len).min().unwrap_or(0);
        longest += usize::from(right == max);
        shortest += usize::from(right == min);
    }
    (longest, shortest)
}

/// No length cue: the right choice is the longest (or the shortest) no
/// more often than chance gives, plus a small margin.
#[test]
fn the_right_choice_is_not_given_away_by_its_length() {
    let chance = chance();
    let margin = 2.0;
    for lang in &LANGS {
        let (longest, shortest) = length_cues(lang);
        eprintln!(
            "{}: right choice longest in {longest}, shortest in {shortest} of {} questions; chance {chance:.1}",
            lang.tag,
            all().len()
        );
        assert!(
            longest as f64 <= chance + margin,
            "{}: longest {longest}, chance {chance:.1}",
            lang.tag
        );
        assert!(
            shortest as f64 <= chance + margin,
            "{}: shortest {shortest}, chance {chance:.1}",
            lang.tag
        );
    }
}

/// No position cue: over many learners, the right choice's displayed place
/// is spread evenly, per question and over the bank; and the class order
/// (everyone's in presenter mode) puts it in no place much more than chance.
#[test]
fn the_right_choice_is_not_given_away_by_its_place() {
    const LEARNERS: u32 = 2000;
    let mut total = [0.0f64; 4];
    let mut expected = [0.0f64; 4];
    for q in all() {
        let n = q.choices.len();
        let right = correct_index(q);
        let mut seen = [0u32; 4];
        for i in 0..LEARNERS {
            let order = display_order(q, Audience::Learner(&learner(i)));
            let place = order.iter().position(|&c| c == right).expect("shown");
            seen[place] += 1;
        }
        for (place, &count) in seen.iter().enumerate().take(n) {
            let share = f64::from(count) / f64::from(LEARNERS);
            assert!(
                (share - 1.0 / n as f64).abs() < 0.05,
                "{}: the right choice is at place {place} for {share:.3} of learners",
                q.slug
            );
            total[place] += share;
            expected[place] += 1.0 / n as f64;
        }
    }
    eprintln!("right choice per place over learners: {total:.2?}, uniform: {expected:.2?}");
    for place in 0..4 {
        assert!(
            (total[place] - expected[place]).abs() < 0.5,
            "place {place}"
        );
    }
    // The class order: one order per question.
    let mut class = [0usize; 4];
    for q in all() {
        let order = display_order(q, Audience::Class);
        class[order
            .iter()
            .position(|&c| c == correct_index(q))
            .expect("shown")] += 1;
    }
    eprintln!("class order: right choice per place {class:?}, uniform {expected:.1?}");
    for place in 0..4 {
        assert!(
            (class[place] as f64 - expected[place]).abs() <= 3.0,
            "class order: {} right answers at place {place}, chance {:.1}",
            class[place],
            expected[place]
        );
    }
}

/// What the quiz's feedback says about cookies, checked against the cookie
/// and site rules: a cookie for localhost does not go to 127.0.0.1 (another
/// host), and the lab's API is the page's site (so the cookie goes along).
#[test]
fn cookie_claims_agree_with_the_rules() {
    let list = crate::suffix_list::shipped();
    let localhost = parse_url("http://localhost:8081/").expect("url");
    let ip = parse_url("http://127.0.0.1:8081/").expect("url");
    let page = parse_url("http://localhost:8080/").expect("url");
    let verdict = crate::cookie::cookie_sent(&localhost, &ip, list);
    assert!(!verdict.sent, "{:?}", verdict.reason);
    assert!(
        matches!(
            verdict.reason,
            crate::cookie::CookieReason::HostOnlyOther { .. }
        ),
        "a different host: {:?}",
        verdict.reason
    );
    // What the English feedback says (the other locales say it in their words).
    let en = &LANGS[0];
    let q = by_slug("origin-localhost-ip").expect("question");
    assert!(words(en, q).choices[correct_index(q)]
        .1
        .contains("a cookie kept for localhost is not sent to 127.0.0.1"));
    assert!(crate::site::same_site(&page.origin, &localhost.origin, list).same_site);
    let q = by_slug("credentials-star").expect("question");
    assert!(words(en, q)
        .choices
        .iter()
        .any(|(_, f)| f.contains("another port of the same host, so the same site")));
    let (arrivals, _) = engine_says("credentials-star");
    assert_eq!(arrivals, "api:GET+c", "the cookie goes with the request");
    // The logged-in victim: a page on another port of localhost is the
    // API's site (the Lax cookie goes), one on 127.0.0.1 is not.
    let other = parse_url("http://127.0.0.1:8080/").expect("url");
    assert!(!crate::site::same_site(&other.origin, &localhost.origin, list).same_site);
    let q = by_slug("logged-in-victim").expect("question");
    let w = words(en, q);
    assert!(w.choices[correct_index(q)]
        .1
        .contains("Both pages are on the site http://localhost"));
    assert!(w.choices[wrong_index(q)]
        .1
        .contains("From http://127.0.0.1:8080 it would not"));
}
