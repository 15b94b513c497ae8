//! Presenter mode's data and address rules: every page's steps are
//! well-formed, the keys do what a clicker and a keyboard expect, and the
//! share link drops the instructor's parameters and nothing else.

use super::*;
use proptest::prelude::*;

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[test]
fn every_page_has_well_formed_steps() {
    for page in Page::ALL {
        let steps = steps(page);
        assert!(steps.len() >= 2, "{page:?} has too few steps to present");
        for s in &steps {
            assert!(
                !step_css(s.part, true).is_empty(),
                "{page:?}: part `{}` is not a plain token",
                s.part
            );
            for (k, _) in &s.query {
                assert!(
                    !FRAME_PARAMS.contains(k),
                    "{page:?}: a step may not set the frame's own `{k}`"
                );
            }
        }
        assert_eq!(Page::from_path(page.path()), Some(page));
    }
}

#[test]
fn the_lab_runs_from_its_second_step_on() {
    let lab = steps(Page::Lab);
    let parts: Vec<&str> = lab.iter().map(|s| s.part).collect();
    assert_eq!(parts, ["request", "sent", "server", "js", "console"]);
    assert!(!lab[0].needs_run);
    assert!(lab[1..].iter().all(|s| s.needs_run));
}

#[test]
fn the_quiz_has_a_question_and_an_answer_step_per_question() {
    let steps = steps(Page::Quiz);
    assert_eq!(steps.len(), 2 * quiz::all().len());
    for (i, q) in quiz::all().iter().enumerate() {
        let (question, answer) = (&steps[2 * i], &steps[2 * i + 1]);
        assert_eq!(question.part, "question");
        assert_eq!(answer.part, "answer");
        assert_eq!(question.query, vec![("q", q.slug)]);
        assert_eq!(answer.query, vec![("q", q.slug)]);
        assert_eq!(
            question.title,
            StepTitle::Question {
                n: i + 1,
                slug: q.slug
            }
        );
        assert_eq!(
            answer.title,
            StepTitle::Answer {
                n: i + 1,
                slug: q.slug
            }
        );
    }
}

#[test]
fn why_has_one_step_per_demo_after_its_introduction() {
    // The demos' section ids on the /why page (components/why/*::ID).
    let parts: Vec<&str> = steps(Page::Why).iter().map(|s| s.part).collect();
    assert_eq!(
        parts,
        [
            "intro",
            "intranet",
            "localhost",
            "credentials",
            "load-vs-read",
            "css-font",
            "runtime",
            "proxy"
        ]
    );
}

#[test]
fn the_explainer_goes_from_the_message_to_the_lab() {
    let explain_steps = steps(Page::Explain);
    let parts: Vec<&str> = explain_steps.iter().map(|s| s.part).collect();
    assert_eq!(parts, ["message", "rule", "why", "fix", "lab"]);
    // Nothing to run and no pairs of its own: the message stays in `m`.
    assert!(explain_steps
        .iter()
        .all(|s| !s.needs_run && s.query.is_empty()));
    // The first example (the one presenter-mode's e2e test shows) has
    // something for every step.
    let e = crate::explain::explain(crate::explain::EXAMPLES[0].1);
    assert!(e.message.is_some() && e.rule.is_some() && !e.what.is_empty());
    assert!(!e.why.is_empty());
    assert!(e.fix.is_some() && !e.dont.is_empty());
    assert!(e.lab_query().is_some());
}

#[test]
fn paths() {
    let check = |path: &str, page: Option<Page>| assert_eq!(Page::from_path(path), page, "{path}");
    check("/", Some(Page::Home));
    check("", Some(Page::Home));
    check("/lab", Some(Page::Lab));
    check("/lab/", Some(Page::Lab));
    check("/quiz", Some(Page::Quiz));
    check("/why", Some(Page::Why));
    check("/origin", Some(Page::Origin));
    check("/explain", Some(Page::Explain));
    check("/nowhere", None);
    check("/lab/x", None);
}

#[test]
fn the_step_in_the_address() {
    let lab = steps(Page::Lab);
    let check = |pairs: &[(&str, &str)], expected: usize| {
        assert_eq!(current_index(&lab, pairs), expected, "{pairs:?}")
    };
    check(&[], 0);
    check(&[("step", "1")], 0);
    check(&[("step", "3")], 2);
    check(&[("step", " 4 ")], 3);
    check(&[("step", "5")], 4);
    check(&[("step", "99")], 4);
    check(&[("step", "0")], 0);
    check(&[("step", "-2")], 0);
    check(&[("step", "two")], 0);
    check(&[("step", "")], 0);
    check(&[("step", "2"), ("step", "3")], 2);
    assert!(!has_step(&[("step", "x")]));
    assert!(has_step(&[("step", "2")]));
}

#[test]
fn the_quiz_step_follows_the_question_when_no_step_is_given() {
    let quiz_steps = steps(Page::Quiz);
    let third = quiz::all()[2].slug;
    assert_eq!(current_index(&quiz_steps, &[("q", third)]), 4);
    assert_eq!(current_index(&quiz_steps, &[("q", "no-such")]), 0);
    // An explicit step wins.
    assert_eq!(
        current_index(&quiz_steps, &[("q", third), ("step", "2")]),
        1
    );
    assert!(is_canonical(&quiz_steps, 5, &[("q", third), ("step", "6")]));
    assert!(!is_canonical(&quiz_steps, 5, &[("step", "6")]));
    assert!(!is_canonical(&quiz_steps, 5, &[("q", third)]));
}

#[test]
fn presenting_takes_common_spellings() {
    for on in ["1", "true", "yes", "on", "TRUE", " 1 "] {
        assert!(is_presenting(&[("present", on)]), "{on}");
    }
    for off in ["0", "false", "", "no", "2"] {
        assert!(!is_presenting(&[("present", off)]), "{off}");
    }
    assert!(!is_presenting(&[]));
    assert!(!is_presenting(&[("presenter", "1")]));
}

#[test]
fn moving_to_a_step_keeps_the_page_state_and_sets_the_steps_pairs() {
    let lab = steps(Page::Lab);
    let pairs = owned(&[("method", "PUT"), ("present", "1"), ("step", "1")]);
    assert_eq!(
        at_step(&pairs, &lab, 2),
        owned(&[("method", "PUT"), ("present", "1"), ("step", "3")])
    );
    assert_eq!(
        at_step(&owned(&[("h", "a:1"), ("h", "b:2")]), &lab, 0),
        owned(&[("h", "a:1"), ("h", "b:2"), ("step", "1")])
    );

    let quiz_steps = steps(Page::Quiz);
    let first = quiz::all()[0].slug;
    let second = quiz::all()[1].slug;
    let pairs = owned(&[("q", first), ("present", "1"), ("step", "2"), ("q", "dup")]);
    assert_eq!(
        at_step(&pairs, &quiz_steps, 2),
        owned(&[("q", second), ("present", "1"), ("step", "3")])
    );
    let moved = at_step(&owned(&[("present", "1")]), &quiz_steps, 3);
    assert!(is_canonical(&quiz_steps, 3, &borrowed(&moved)));
}

#[test]
fn the_share_link_drops_only_the_instructors_parameters() {
    let pairs = owned(&[
        ("s", "delete-post"),
        ("present", "1"),
        ("method", "POST"),
        ("step", "3"),
        ("present", "yes"),
        (crate::wire::INSTRUCTOR_PARAM, "secret"),
    ]);
    assert_eq!(
        share_pairs(&pairs),
        owned(&[("s", "delete-post"), ("method", "POST"), ("step", "3")])
    );
    assert_eq!(
        page_pairs(&pairs),
        owned(&[
            ("s", "delete-post"),
            ("method", "POST"),
            (crate::wire::INSTRUCTOR_PARAM, "secret")
        ])
    );
    assert_eq!(
        frame_pairs(&pairs),
        owned(&[("present", "1"), ("step", "3"), ("present", "yes")])
    );
}

#[test]
fn the_share_query_is_readable_and_reads_back_the_same() {
    let pairs = owned(&[
        ("a", "https://example.com:8443/a.html?x=1"),
        ("present", "1"),
        ("h", "X-Custom: a&b=c+d #e 100%"),
        ("body", "é \"q\" <b>"),
        ("step", "2"),
    ]);
    let query = share_query(None, &pairs);
    assert_eq!(
        query,
        "a=https://example.com:8443/a.html?x%3D1&h=X-Custom:%20a%26b%3Dc%2Bd%20%23e%20100%25\
         &body=%C3%A9%20%22q%22%20%3Cb%3E&step=2"
    );
    let back: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(back, share_pairs(&pairs));
    assert_eq!(share_query(None, &owned(&[("present", "1")])), "");
}

#[test]
fn a_named_lab_experiment_is_shared_by_its_name() {
    for n in crate::named::all() {
        let state = LabState {
            endpoint: n.endpoint,
            request: n.request.clone(),
            server: n.server.clone(),
        };
        let mut pairs = state.to_query();
        pairs.push(("present".to_owned(), "1".to_owned()));
        pairs.push(("step".to_owned(), "3".to_owned()));
        assert_eq!(
            share_query(Some(Page::Lab), &pairs),
            format!("s={}&step=3", n.slug)
        );
        // Elsewhere, or changed by a single header, it is written out.
        assert_ne!(share_query(None, &pairs), format!("s={}&step=3", n.slug));
        let mut changed = state.clone();
        changed.request.headers.push(("X-Extra".into(), "1".into()));
        let query = share_query(Some(Page::Lab), &changed.to_query());
        assert!(query.contains("h=X-Extra:1"), "{query}");
    }
    // An address the lab cannot read stays as it is.
    let odd = owned(&[("target", "moon"), ("step", "2")]);
    assert_eq!(share_query(Some(Page::Lab), &odd), "target=moon&step=2");
}

proptest! {
    #[test]
    fn any_share_query_reads_back_the_same(
        pairs in proptest::collection::vec(("[a-z.]{1,5}", "\\PC{0,12}"), 0..5)
    ) {
        let pairs: Vec<(String, String)> = pairs;
        let query = share_query(None, &pairs);
        let back: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        prop_assert_eq!(back, share_pairs(&pairs));
        prop_assert!(!query.contains(' ') && !query.contains('#'));
    }
}

#[test]
fn links_followed_in_presenter_mode_keep_it_and_find_their_step() {
    // "Open in the lab": presenter mode stays on.
    assert_eq!(
        presenting_link(Page::Lab, &owned(&[("s", "no-cors")]), ""),
        Some(owned(&[("s", "no-cors"), ("present", "1")]))
    );
    // The quiz's "Run the live demo" (`/why#proxy`): that demo's step.
    assert_eq!(
        presenting_link(Page::Why, &[], "#proxy"),
        Some(owned(&[("present", "1"), ("step", "8")]))
    );
    // The /why contents list, in presenter mode already.
    assert_eq!(
        presenting_link(
            Page::Why,
            &owned(&[("present", "1"), ("step", "1")]),
            "#localhost"
        ),
        Some(owned(&[("step", "3"), ("present", "1")]))
    );
    // The header's links present already: nothing to change.
    assert_eq!(
        presenting_link(Page::Quiz, &owned(&[("present", "1")]), ""),
        None
    );
    assert_eq!(
        presenting_link(Page::Why, &owned(&[("present", "1")]), "#nowhere"),
        None
    );
}

#[test]
fn toggling_adds_or_removes_present() {
    let pairs = owned(&[("a", "x"), ("present", "0"), ("step", "2")]);
    assert_eq!(
        with_presenting(&pairs, true),
        owned(&[("a", "x"), ("step", "2"), ("present", "1")])
    );
    assert_eq!(
        with_presenting(&pairs, false),
        owned(&[("a", "x"), ("step", "2")])
    );
}

#[test]
fn keys() {
    use Focus::{Control, Editing, Page as OnPage};
    let check = |key: &str, shift: bool, focus: Focus, expected: Option<Nav>| {
        assert_eq!(
            nav_for_key(key, shift, false, focus),
            expected,
            "{key} shift={shift} {focus:?}"
        )
    };
    for key in ["ArrowRight", "ArrowDown", "PageDown", " "] {
        check(key, false, OnPage, Some(Nav::Next));
    }
    for key in ["ArrowLeft", "ArrowUp", "PageUp"] {
        check(key, false, OnPage, Some(Nav::Prev));
    }
    check(" ", true, OnPage, Some(Nav::Prev));
    check("Home", false, OnPage, Some(Nav::First));
    check("End", false, OnPage, Some(Nav::Last));
    check("Enter", false, OnPage, None);
    check("a", false, OnPage, None);
    // Keys typed into a field stay there.
    for key in ["ArrowRight", " ", "PageDown", "Home", "End"] {
        check(key, false, Editing, None);
    }
    // Space presses the focused button; arrows and clicker keys still step.
    check(" ", false, Control, None);
    check(" ", true, Control, None);
    check("PageDown", false, Control, Some(Nav::Next));
    check("ArrowLeft", false, Control, Some(Nav::Prev));
    // Alt+ArrowLeft is the browser's Back.
    assert_eq!(nav_for_key("ArrowLeft", false, true, OnPage), None);
}

#[test]
fn the_toggle_shortcut() {
    assert!(is_toggle_shortcut("KeyP", true, true, false));
    assert!(!is_toggle_shortcut("KeyP", true, false, false));
    assert!(!is_toggle_shortcut("KeyP", false, true, false));
    assert!(!is_toggle_shortcut("KeyP", true, true, true));
    assert!(!is_toggle_shortcut("KeyO", true, true, false));
}

#[test]
fn moves_stay_within_the_steps() {
    assert_eq!(go(Nav::Next, 0, 5), 1);
    assert_eq!(go(Nav::Next, 4, 5), 4);
    assert_eq!(go(Nav::Prev, 0, 5), 0);
    assert_eq!(go(Nav::Prev, 3, 5), 2);
    assert_eq!(go(Nav::First, 3, 5), 0);
    assert_eq!(go(Nav::Last, 0, 5), 4);
    assert_eq!(go(Nav::Next, 0, 0), 0);
    assert_eq!(go(Nav::Prev, 9, 5), 4);
}

#[test]
fn step_styles() {
    assert_eq!(
        step_css("sent", true),
        "html.presenting main [data-step]:not([data-step~=\"sent\"]) { display: none !important; }"
    );
    assert_eq!(
        marked_selector("load-vs-read"),
        "main [data-step~=\"load-vs-read\"]:not(:has([data-step~=\"load-vs-read\"]))"
    );
    assert!(step_css("load-vs-read", false).starts_with(&marked_selector("load-vs-read")));
    for bad in ["", "a\"]{}", "A", "x y", "</style>"] {
        assert_eq!(step_css(bad, true), "", "{bad}");
        assert_eq!(step_css(bad, false), "", "{bad}");
        assert_eq!(marked_selector(bad), "", "{bad}");
    }
}

proptest! {
    #[test]
    fn any_address_gives_a_step_within_range(
        step in proptest::option::of(".{0,6}"),
        page in 0usize..Page::ALL.len(),
        nav in 0usize..4,
    ) {
        let steps = steps(Page::ALL[page]);
        let mut pairs = vec![];
        if let Some(s) = &step {
            pairs.push(("step", s.as_str()));
        }
        let index = current_index(&steps, &pairs);
        prop_assert!(index < steps.len());
        let nav = [Nav::Next, Nav::Prev, Nav::First, Nav::Last][nav];
        let moved = go(nav, index, steps.len());
        prop_assert!(moved < steps.len());
        let written = at_step(&owned(&pairs), &steps, moved);
        prop_assert!(is_canonical(&steps, moved, &borrowed(&written)));
        prop_assert_eq!(current_index(&steps, &borrowed(&written)), moved);
    }
}
