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

/// Every topic, in teaching order: the article's arc.
const TOPICS: [&str; 6] = [
    "Origins",
    "What the policy blocks",
    "Why the policy exists",
    "CORS headers and preflight",
    "Escapes",
    "Origin edge cases",
];

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
    let lower = text.to_ascii_lowercase();
    match (
        lower.contains("same origin"),
        lower.contains("cross-origin"),
    ) {
        (true, false) => true,
        (false, true) => false,
        _ => panic!(
            "{slug}: origin choice {text:?} must say either \"same origin\" or \"cross-origin\""
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
                    "{}: the correct choice {:?} disagrees with the comparator: {:?}",
                    q.slug, c.text, verdict.reason
                );
            }
        }
        assert!(
            verdicts.contains(&true) && verdicts.contains(&false),
            "{}: offer both verdicts",
            q.slug
        );
        // The right answer's feedback names every part that differs.
        let right = q.choices[correct_index(q)].feedback;
        for part in &verdict.differs {
            assert!(
                right.contains(part.name()),
                "{}: {right:?} does not name the {} (comparator: {:?})",
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

// ---------------------------------------------------------------- sections

#[test]
fn sections_follow_the_article_and_say_what_they_teach() {
    let topics: Vec<&str> = SECTIONS.iter().map(|s| s.topic).collect();
    assert_eq!(topics, TOPICS);
    for s in SECTIONS {
        assert!(!s.teaches.trim().is_empty(), "{}: says nothing", s.topic);
        assert_eq!(sentences(s.teaches), 1, "{}: one line", s.topic);
        assert_eq!(section(s.topic), Some(s));
        let count = all().iter().filter(|q| q.topic == s.topic).count();
        assert!(count >= 2, "{}: {count} questions", s.topic);
    }
    for q in all() {
        assert!(section(q.topic).is_some(), "{}: no section", q.slug);
    }
    // The article's two central questions come early: sending vs reading.
    let at = |slug: &str| all().iter().position(|q| q.slug == slug).expect(slug);
    assert!(at("open-in-tab") < 6 && at("blocked-post") < 6);
}

/// The ideas the article teaches that the quiz must ask about, with the
/// evidence that proves each one.
#[test]
fn the_article_s_ideas_have_questions() {
    let cases: &[(&str, &str, Evidence)] = &[
        // The browser is the runtime: Node.js has no same-origin policy.
        (
            "runtime-node",
            "What the policy blocks",
            Evidence::Why { demo: "runtime" },
        ),
        (
            "postman-works",
            "What the policy blocks",
            Evidence::Why { demo: "runtime" },
        ),
        // Load vs read, for stylesheets and fonts.
        (
            "font-cdn",
            "What the policy blocks",
            Evidence::Why { demo: "css-font" },
        ),
        // Credentials: the cookie goes, the answer stays.
        (
            "logged-in-victim",
            "Why the policy exists",
            Evidence::Why {
                demo: "credentials",
            },
        ),
        // The three escapes: CORS headers, a same-origin proxy, a script tag.
        (
            "fix-on-server",
            "Escapes",
            Evidence::Lab {
                slug: "exposed-header",
            },
        ),
        ("proxy", "Escapes", Evidence::Why { demo: "proxy" }),
        (
            "jsonp",
            "Escapes",
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
    for q in all() {
        for c in q.choices {
            let t = c.text;
            assert!(t.chars().count() <= 70, "{}: {t:?} is long", q.slug);
            for reason in [": ", ";", " because ", " so ", " since ", "—"] {
                assert!(!t.contains(reason), "{}: {t:?} argues ({reason:?})", q.slug);
            }
            assert!(
                c.feedback.chars().count() > t.chars().count(),
                "{}: the feedback on {t:?} explains nothing",
                q.slug
            );
        }
        // Feedback on a right choice says so; on a wrong one it never does.
        for c in q.choices {
            assert_eq!(
                c.feedback.starts_with("Right"),
                c.correct,
                "{}: {:?}",
                q.slug,
                c.text
            );
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
/// the shortest, by characters.
fn length_cues() -> (usize, usize) {
    let len = |c: &Choice| c.text.chars().count();
    let mut longest = 0;
    let mut shortest = 0;
    for q in all() {
        let right = len(&q.choices[correct_index(q)]);
        let max = q.choices.iter().map(len).max().unwrap_or(0);
        let min = q.choices.iter().map(len).min().unwrap_or(0);
        longest += usize::from(right == max);
        shortest += usize::from(right == min);
    }
    (longest, shortest)
}

/// No length cue: the right choice is the longest (or the shortest) no
/// more often than chance gives, plus a small margin.
#[test]
fn the_right_choice_is_not_given_away_by_its_length() {
    let (longest, shortest) = length_cues();
    let chance = chance();
    let margin = 2.0;
    eprintln!(
        "right choice longest in {longest}, shortest in {shortest} of {} questions; chance {chance:.1}",
        all().len()
    );
    assert!(
        longest as f64 <= chance + margin,
        "longest {longest}, chance {chance:.1}"
    );
    assert!(
        shortest as f64 <= chance + margin,
        "shortest {shortest}, chance {chance:.1}"
    );
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
    assert!(!verdict.sent, "{}", verdict.reason);
    assert!(
        verdict.reason.contains("different host"),
        "{}",
        verdict.reason
    );
    let q = by_slug("origin-localhost-ip").expect("question");
    assert!(q.choices[correct_index(q)]
        .feedback
        .contains("a cookie kept for localhost is not sent to 127.0.0.1"));
    assert!(crate::site::same_site(&page.origin, &localhost.origin, list).same_site);
    let q = by_slug("credentials-star").expect("question");
    assert!(q.choices.iter().any(|c| c
        .feedback
        .contains("another port of the same host, so the same site")));
    let (arrivals, _) = engine_says("credentials-star");
    assert_eq!(arrivals, "api:GET+c", "the cookie goes with the request");
    // The logged-in victim: a page on another port of localhost is the
    // API's site (the Lax cookie goes), one on 127.0.0.1 is not.
    let other = parse_url("http://127.0.0.1:8080/").expect("url");
    assert!(!crate::site::same_site(&other.origin, &localhost.origin, list).same_site);
    let q = by_slug("logged-in-victim").expect("question");
    assert!(q.choices[correct_index(q)]
        .feedback
        .contains("Both pages are on the site http://localhost"));
    assert!(q.choices[wrong_index(q)]
        .feedback
        .contains("From http://127.0.0.1:8080 it would not"));
}
