//! Presenter mode (`present=1`): a keyboard (or a clicker) walks a page one
//! step at a time, the address follows, steps that need the run run it for
//! real, the side panel's log shows what the server received, one reset
//! puts the demo back, and the class link lands learners on the same step.

use std::time::{Duration, Instant};

use cors_core::present::{self, Page};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{Lab, LabOptions, PATIENCE};

// ---- act ----

/// Press keys on whatever has the focus, as a keyboard or clicker does:
/// `chord` keys held down while the last one is pressed.
async fn press(lab: &Lab, chord: &[char]) {
    let mut keys = KeyActions::new("keyboard".to_owned());
    for key in chord {
        keys = keys.then(KeyAction::Down { value: *key });
    }
    for key in chord.iter().rev() {
        keys = keys.then(KeyAction::Up { value: *key });
    }
    lab.client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("pressing {chord:?} failed: {e}"));
}

async fn press_key(lab: &Lab, key: Key) {
    press(lab, &[char::from(key)]).await;
}

async fn js(lab: &Lab, script: &str) -> Value {
    lab.client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

// ---- find ----

/// The address's `step` and `present` parameters.
async fn address(lab: &Lab) -> (Option<String>, Option<String>) {
    let got = js(
        lab,
        "const p = new URLSearchParams(location.search); return [p.get('step'), p.get('present')];",
    )
    .await;
    let field = |i: usize| got[i].as_str().map(str::to_owned);
    (field(0), field(1))
}

/// Whether an element matching `css` is rendered (not hidden by the step style).
async fn shown(lab: &Lab, css: &str) -> bool {
    let script = format!(
        "return [...document.querySelectorAll({css:?})].some(e => e.getClientRects().length > 0);"
    );
    js(lab, &script).await.as_bool().unwrap_or(false)
}

/// The presenter panel's log: its text once `done` accepts it.
async fn panel_log_until(lab: &Lab, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    let mut last = String::new();
    while started.elapsed() < PATIENCE {
        if let Ok(panel) = lab
            .client
            .find(Locator::Css("[data-testid='present-log']"))
            .await
        {
            last = panel.text().await.unwrap_or_default();
            if done(&last) {
                return last;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the presenter panel's log never matched; last: {last:?}")
}

/// Poll a condition in the page until it holds.
async fn until_js(lab: &Lab, what: &str, script: &str) {
    let started = Instant::now();
    while started.elapsed() < PATIENCE {
        if js(lab, script).await.as_bool() == Some(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never true: {what}\n{script}")
}

/// What Ctrl+V pastes into a fresh text field (removed afterwards).
async fn pasted(lab: &Lab) -> Value {
    js(
        lab,
        "const t = document.createElement('textarea'); t.id = 'e2e-paste'; \
         document.body.append(t); t.focus(); return null;",
    )
    .await;
    press(lab, &[char::from(Key::Control), 'v']).await;
    let started = Instant::now();
    loop {
        let value = js(lab, "return document.getElementById('e2e-paste').value;").await;
        if value.as_str().is_some_and(|v| !v.is_empty()) || started.elapsed() > PATIENCE {
            js(
                lab,
                "document.getElementById('e2e-paste').remove(); return null;",
            )
            .await;
            return value;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn learner_script() -> &'static str {
    "return localStorage.getItem('cors-lab.learner');"
}

// ---- check ----

/// The live region tells a screen reader the step. It is visually hidden
/// (`sr-only`), so its text is read as a screen reader gets it — its
/// content, and not `display: none` or `visibility: hidden` — since
/// WebKit's WebDriver gives no rendered text for a clipped 1px box;
/// Chromium's rendered text is checked as before.
async fn announced(lab: &Lab, want: &str) {
    until_js(
        lab,
        &format!("the live region says {want:?}"),
        &format!(
            "const e = document.querySelector(\"[data-testid='present-announce']\"); \
             if (!e) return false; const s = getComputedStyle(e); \
             return s.display !== 'none' && s.visibility !== 'hidden' \
                 && e.textContent.trim() === {want:?};"
        ),
    )
    .await;
    if lab.engine == crate::harness::Engine::Chromium {
        lab.expect_text("present-announce", want).await;
    }
}

/// The stepper says step `n` of `count`, and the address says `step=n`.
async fn at_step(lab: &Lab, n: usize, count: usize) {
    lab.expect_text("present-step", &format!("Step {n} of {count}"))
        .await;
    let want = n.to_string();
    let started = Instant::now();
    loop {
        let (step, present) = address(lab).await;
        if step.as_deref() == Some(want.as_str()) {
            assert_eq!(present.as_deref(), Some("1"), "presenter mode stays on");
            return;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the address says step {step:?}, the stepper {n}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn body_font_px(lab: &Lab) -> f64 {
    js(
        lab,
        "return parseFloat(getComputedStyle(document.body).fontSize);",
    )
    .await
    .as_f64()
    .expect("a font size")
}

// ---- tests ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_walks_the_lab_and_the_run_really_happens() {
    let lab = Lab::start().await;
    lab.open("/lab?s=read-users&present=1").await;
    at_step(&lab, 1, 5).await;
    lab.expect_text("present-step-title", "The request, and your prediction")
        .await;
    // The stepper (the frame's) can come before the page's own chunk.
    lab.find("lab-run").await;
    assert!(shown(&lab, "[data-testid='lab-run']").await);
    assert!(!shown(&lab, "[data-testid='browser-sent']").await);
    panel_log_until(&lab, |t| t.contains("No request has arrived yet")).await;
    lab.screenshot("present-lab-step-1").await;

    // → runs the request: what the browser sent.
    press_key(&lab, Key::Right).await;
    at_step(&lab, 2, 5).await;
    announced(&lab, "Step 2 of 5: What the browser sent").await;
    lab.find("browser-sent").await;
    assert!(shown(&lab, "[data-testid='browser-sent']").await);
    assert!(!shown(&lab, "[data-testid='lab-run']").await);
    let log = panel_log_until(&lab, |t| t.contains("GET /users.json")).await;
    assert!(log.contains("→ 200"), "{log}");
    let learner = js(&lab, learner_script()).await;
    let learner = learner.as_str().expect("a learner tag");
    let arrived = |lab: &Lab| {
        lab.server_state
            .log()
            .entries(Some(learner))
            .iter()
            .filter(|e| e.path == "/users.json")
            .count()
    };
    assert_eq!(arrived(&lab), 1, "the server received the run's request");
    lab.screenshot("present-lab-step-2").await;

    // Space: what the server received.
    press(&lab, &[' ']).await;
    at_step(&lab, 3, 5).await;
    assert!(shown(&lab, ".log-slot [data-testid='server-log']").await);
    assert!(!shown(&lab, "[data-testid='browser-sent']").await);

    // PageDown (a clicker): what JavaScript got.
    press_key(&lab, Key::PageDown).await;
    at_step(&lab, 4, 5).await;
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;
    assert!(shown(&lab, "[data-testid='js-got']").await);
    assert!(!shown(&lab, ".log-slot").await);

    // End: the console message and the fix.
    press_key(&lab, Key::End).await;
    at_step(&lab, 5, 5).await;
    assert!(shown(&lab, "[data-testid='console-chrome']").await);
    assert!(shown(&lab, "[data-testid='lab-fix-raw']").await);
    // No step past the last.
    press_key(&lab, Key::Right).await;
    at_step(&lab, 5, 5).await;

    // Home, and back again with Shift+Space, ArrowUp, PageUp.
    press_key(&lab, Key::Home).await;
    at_step(&lab, 1, 5).await;
    press(&lab, &[char::from(Key::Shift), ' ']).await;
    at_step(&lab, 1, 5).await;
    press_key(&lab, Key::Down).await;
    at_step(&lab, 2, 5).await;
    press_key(&lab, Key::Down).await;
    at_step(&lab, 3, 5).await;
    press_key(&lab, Key::Up).await;
    at_step(&lab, 2, 5).await;
    press_key(&lab, Key::PageUp).await;
    at_step(&lab, 1, 5).await;
    press_key(&lab, Key::Left).await;
    at_step(&lab, 1, 5).await;

    // Each step is a history entry: Back and Forward move between steps.
    lab.client.back().await.expect("back");
    at_step(&lab, 2, 5).await;
    lab.client.forward().await.expect("forward");
    at_step(&lab, 1, 5).await;

    // Walking back and forth did not run the request again.
    assert_eq!(arrived(&lab), 1, "one run only");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_typed_into_a_field_stay_in_the_field() {
    let lab = Lab::start().await;
    lab.open("/origin?present=1").await;
    at_step(&lab, 1, 4).await;
    let field = lab.find("url-a").await;
    let before = field
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    field.click().await.expect("focus the URL field");
    for key in [Key::Home, Key::End, Key::Right, Key::PageDown, Key::Down] {
        press_key(&lab, key).await;
    }
    press(&lab, &[' ']).await;
    press(&lab, &['x']).await;
    let value = field
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert_eq!(
        value,
        format!("{before} x"),
        "the space went into the field"
    );
    at_step(&lab, 1, 4).await;

    // A select keeps its arrow keys (the lab's request mode).
    lab.open("/lab?present=1").await;
    at_step(&lab, 1, 5).await;
    let mode = lab.find("lab-mode").await;
    js(
        &lab,
        "document.querySelector(\"[data-testid='lab-mode']\").focus(); return null;",
    )
    .await;
    let before = mode.prop("value").await.expect("value");
    press_key(&lab, Key::Down).await;
    let after = mode.prop("value").await.expect("value");
    assert_ne!(before, after, "ArrowDown changed the select");
    at_step(&lab, 1, 5).await;

    // Back on the page, the keys step again.
    js(&lab, "document.activeElement.blur(); return null;").await;
    press_key(&lab, Key::Right).await;
    at_step(&lab, 2, 5).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_restores_the_posts_and_clears_the_log() {
    let lab = Lab::start().await;
    // Opening at the "server" step runs the blocked POST /deletePost.
    lab.open("/lab?s=delete-post&present=1&step=3").await;
    at_step(&lab, 3, 5).await;
    lab.text_until("side-effect-verdict", |t| t.contains("gone"))
        .await;
    panel_log_until(&lab, |t| t.contains("POST /deletePost")).await;
    let learner = js(&lab, learner_script()).await;
    let learner = learner.as_str().expect("a learner tag").to_owned();
    let has_13 = |lab: &Lab| {
        lab.server_state
            .posts()
            .list(Some(&learner))
            .iter()
            .any(|p| p.id == 13)
    };
    assert!(!has_13(&lab), "the blocked request deleted post 13");

    // The confirmation takes the focus; Escape cancels and gives it back.
    lab.click("present-reset").await;
    lab.find("present-reset-dialog").await;
    until_js(
        &lab,
        "the confirm button has the focus",
        "return document.activeElement?.dataset?.testid === 'present-reset-confirm';",
    )
    .await;
    press_key(&lab, Key::Escape).await;
    until_js(
        &lab,
        "the dialog is gone and the reset button has the focus",
        "return !document.querySelector(\"[data-testid='present-reset-dialog']\") \
         && document.activeElement?.dataset?.testid === 'present-reset';",
    )
    .await;
    assert!(!has_13(&lab), "cancel changed nothing");

    // Keyboard only: Enter opens the confirmation, Enter confirms.
    press_key(&lab, Key::Enter).await;
    until_js(
        &lab,
        "the confirm button has the focus",
        "return document.activeElement?.dataset?.testid === 'present-reset-confirm';",
    )
    .await;
    press_key(&lab, Key::Enter).await;
    let result = lab
        .text_until("present-reset-result", |t| t.starts_with('✓'))
        .await;
    assert!(result.contains("server log empty"), "{result}");
    assert!(has_13(&lab), "post 13 is back on the server");
    assert!(
        lab.server_state.log().entries(Some(&learner)).is_empty(),
        "the server's log is empty"
    );
    panel_log_until(&lab, |t| t.contains("No request has arrived yet")).await;
    // The page dropped the old run and says what to press.
    lab.find("present-run-needed").await;
    at_step(&lab, 3, 5).await;
    lab.screenshot("present-lab-after-reset").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_class_link_lands_on_the_same_step() {
    let lab = Lab::start().await;
    lab.open("/lab?s=no-cors&present=1").await;
    at_step(&lab, 1, 5).await;
    press_key(&lab, Key::Right).await;
    press_key(&lab, Key::Right).await;
    at_step(&lab, 3, 5).await;
    let share = lab
        .text_until("present-share-url", |t| t.contains("step=3"))
        .await;
    assert!(
        share.starts_with(&lab.app_url("/lab?")),
        "the same page: {share}"
    );
    assert!(
        !share.contains("present"),
        "no instructor parameter: {share}"
    );
    assert!(
        share.ends_with("/lab?s=no-cors&step=3&lang=en"),
        "the same experiment, by its short name, in the presenter's language: {share}"
    );
    // Copy puts exactly that link on the clipboard.
    let devtools = lab.has_devtools("granting the page clipboard reads");
    if devtools {
        lab.cdp(
            "Browser.grantPermissions",
            json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await
        .expect("grant clipboard access");
    }
    lab.click("present-share-copy").await;
    lab.expect_text("present-share-copied", "✓ Copied.").await;
    let copied = if devtools {
        js(&lab, "return navigator.clipboard.readText();").await
    } else {
        // Without the permission a page may not read the clipboard: paste
        // it into a field with Ctrl+V, as the presenter would into a chat.
        pasted(&lab).await
    };
    assert_eq!(copied.as_str(), Some(share.as_str()));

    // A student opens it: the normal view, at the same step, marked.
    lab.client.goto(&share).await.expect("open the class link");
    lab.expect_text(
        "shared-step-text",
        "Step 3 of 5: What the server received and did",
    )
    .await;
    assert!(!shown(&lab, "[data-testid='present-stepper']").await);
    let presenting = js(
        &lab,
        "return document.documentElement.classList.contains('presenting');",
    )
    .await;
    assert_eq!(presenting, Value::Bool(false));
    let mode = lab.find("lab-mode").await;
    assert_eq!(
        mode.prop("value").await.expect("value").as_deref(),
        Some("no-cors")
    );
    // The step's part is outlined and scrolled into view.
    let selector = present::marked_selector("server");
    until_js(
        &lab,
        "the marked step is in view",
        &format!(
            "const e = document.querySelector({selector:?}); if (!e) return false; \
             const r = e.getBoundingClientRect(); \
             return getComputedStyle(e).outlineStyle === 'solid' && r.top >= 0 && r.top < innerHeight;"
        ),
    )
    .await;
    // The learner's own step links keep working: the request form is there.
    assert!(shown(&lab, "[data-testid='lab-run']").await);
    lab.screenshot("present-shared-step").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_toggle_turns_on_large_type_and_the_shortcut_turns_it_off() {
    let lab = Lab::start().await;
    lab.open("/origin").await;
    lab.find("origin-verdict").await;
    let normal = body_font_px(&lab).await;

    // Keyboard only: the toggle is reachable and pressed with Enter.
    let toggle = lab.find("present-toggle").await;
    assert_eq!(
        toggle.attr("aria-pressed").await.expect("attr").as_deref(),
        Some("false")
    );
    js(
        &lab,
        "document.querySelector(\"[data-testid='present-toggle']\").focus(); return null;",
    )
    .await;
    press_key(&lab, Key::Enter).await;
    at_step(&lab, 1, 4).await;
    let large = body_font_px(&lab).await;
    assert!(
        large >= normal * 1.2,
        "presenter type {large}px vs normal {normal}px"
    );
    assert_eq!(
        toggle.attr("aria-pressed").await.expect("attr").as_deref(),
        Some("true")
    );
    // The panel is a wasm chunk of its own: it may come a little later.
    until_js(
        &lab,
        "the panel's log is shown",
        "return [...document.querySelectorAll(\"[data-testid='present-log']\")]\
             .some(e => e.getClientRects().length > 0);",
    )
    .await;

    // The origin steps: parts first, then what differs, then the verdict.
    assert!(!shown(&lab, "[data-testid='origin-verdict']").await);
    assert!(shown(&lab, "[data-testid='breakdown-a']").await);
    js(&lab, "document.activeElement.blur(); return null;").await;
    press_key(&lab, Key::Right).await;
    at_step(&lab, 2, 4).await;
    lab.expect_text("present-differs", "Differs: port").await;
    press_key(&lab, Key::Right).await;
    at_step(&lab, 3, 4).await;
    assert!(shown(&lab, "[data-testid='origin-verdict']").await);
    lab.expect_text("origin-verdict", "cross-origin").await;
    lab.screenshot("present-origin-verdict").await;

    // Alt+Shift+P leaves presenter mode, on the same page.
    press(&lab, &[char::from(Key::Alt), char::from(Key::Shift), 'P']).await;
    lab.text_until("present-toggle", |t| t.contains("Presenter mode"))
        .await;
    let (_, present) = address(&lab).await;
    assert_eq!(present, None, "present=1 is gone from the address");
    assert!(!shown(&lab, "[data-testid='present-stepper']").await);
    assert_eq!(body_font_px(&lab).await, normal);

    // On again; the header's links keep presenter mode.
    lab.click("present-toggle").await;
    at_step(&lab, 3, 4).await;
    lab.client
        .find(Locator::Css(".site-header nav a[href^='/quiz']"))
        .await
        .expect("the quiz link")
        .click()
        .await
        .expect("click");
    lab.find("quiz-question").await;
    at_step(&lab, 1, 2 * cors_core::quiz::all().len()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quiz_reveals_each_answer_as_its_own_step() {
    let lab = Lab::start().await;
    let questions = cors_core::quiz::all();
    let count = 2 * questions.len();
    lab.open("/quiz?present=1").await;
    at_step(&lab, 1, count).await;
    let card = lab.find("quiz-question").await;
    assert_eq!(
        card.attr("data-slug").await.expect("attr").as_deref(),
        Some(questions[0].slug)
    );
    assert!(!shown(&lab, "[data-testid='quiz-reveal']").await);
    assert!(
        !shown(&lab, ".quiz-nav").await,
        "the question list is hidden"
    );

    press_key(&lab, Key::Right).await;
    at_step(&lab, 2, count).await;
    lab.find("quiz-reveal").await;
    lab.text_until("quiz-explanation", |t| !t.is_empty()).await;
    lab.expect_text("quiz-correct-mark", "✓ the answer").await;
    lab.screenshot("present-quiz-answer").await;

    press_key(&lab, Key::Right).await;
    at_step(&lab, 3, count).await;
    lab.text_until("present-step-title", |t| t.starts_with("Question 2"))
        .await;
    until_js(
        &lab,
        "the second question is shown",
        &format!(
            "return document.querySelector(\"[data-testid='quiz-question']\")?.dataset?.slug === {:?};",
            questions[1].slug
        ),
    )
    .await;
    let q = js(
        &lab,
        "return new URLSearchParams(location.search).get('q');",
    )
    .await;
    assert_eq!(q.as_str(), Some(questions[1].slug));
    assert!(!shown(&lab, "[data-testid='quiz-reveal']").await);

    // A learner opening the class link at an answer step sees that
    // question, outlined, and answers it for themselves.
    press_key(&lab, Key::Right).await;
    at_step(&lab, 4, count).await;
    let share = lab
        .text_until("present-share-url", |t| t.contains("step=4"))
        .await;
    assert!(
        share.contains(&format!("q={}", questions[1].slug)),
        "{share}"
    );
    lab.client.goto(&share).await.expect("open the class link");
    lab.text_until("shared-step-text", |t| t.starts_with("Step 4 of"))
        .await;
    assert!(!shown(&lab, "[data-testid='quiz-reveal']").await);
    until_js(
        &lab,
        "the question's form is outlined",
        &format!(
            "const e = document.querySelector({:?}); \
             return !!e && e.tagName === 'FORM' && getComputedStyle(e).outlineStyle === 'solid';",
            present::marked_selector("answer")
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_in_pages_keep_presenter_mode_and_find_their_step() {
    let lab = Lab::start().await;
    // The /why contents list jumps to the demo's step.
    lab.open("/why?present=1").await;
    at_step(&lab, 1, 8).await;
    lab.client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(".why-toc a[href='#proxy']"))
        .await
        .expect("the contents link")
        .click()
        .await
        .expect("click");
    at_step(&lab, 8, 8).await;
    lab.find("why-proxy-run").await;
    assert!(shown(&lab, "#proxy").await);
    assert!(!shown(&lab, "#intranet").await);

    // A link to another page stays in presenter mode.
    lab.open("/?present=1").await;
    at_step(&lab, 1, 3).await;
    lab.client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(".hero a[href='/origin']"))
        .await
        .expect("the hero's link")
        .click()
        .await
        .expect("click");
    at_step(&lab, 1, 4).await;
    lab.find("breakdown-a").await;
}

/// Every step of every page shows something of its own and nothing of the
/// other steps: the steps' data (`cors_core::present`) and the pages'
/// `data-step` marks agree. (The quiz has its own test.) The explainer is
/// shown with its first example pasted: the answer has every part.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_step_shows_its_part_and_only_its_part() {
    let lab = Lab::start().await;
    let example: String =
        url::form_urlencoded::byte_serialize(cors_core::explain::EXAMPLES[0].1.as_bytes())
            .collect();
    for page in [
        Page::Home,
        Page::Origin,
        Page::Lab,
        Page::Why,
        Page::Explain,
    ] {
        let steps = present::steps(page);
        let state = if page == Page::Explain {
            format!("m={example}&")
        } else {
            String::new()
        };
        lab.open(&format!("{}?{state}present=1", page.path())).await;
        for (i, step) in steps.iter().enumerate() {
            if i > 0 {
                press_key(&lab, Key::Right).await;
            }
            at_step(&lab, i + 1, steps.len()).await;
            let part = step.part;
            until_js(
                &lab,
                &format!("{page:?} step {}: `{part}` is shown alone", i + 1),
                &format!(
                    "const all = [...document.querySelectorAll('main [data-step]')]; \
                     const visible = all.filter(e => e.getClientRects().length > 0); \
                     return visible.length > 0 && visible.every(e => e.dataset.step.split(' ').includes({part:?}));"
                ),
            )
            .await;
        }
        lab.screenshot(&format!("present-{page:?}-last-step").to_lowercase())
            .await;
    }
}

/// The log sits beside the steps on projector screens, below them on a
/// phone, and nothing is wider than the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_layout_fits_projectors_and_phones() {
    let lab = Lab::start().await;
    for (width, height, beside) in [(1280, 720, true), (1920, 1080, true), (375, 740, false)] {
        lab.client
            .set_window_size(width, height)
            .await
            .expect("resize");
        lab.open("/lab?s=read-users&present=1&step=2").await;
        lab.find("browser-sent").await;
        panel_log_until(&lab, |t| t.contains("GET /users.json")).await;
        let got = js(
            &lab,
            "const m = document.querySelector('main').getBoundingClientRect(); \
             const p = document.querySelector(\"[data-testid='present-panel']\").getBoundingClientRect(); \
             return { beside: p.left >= m.right - 1 && p.top < innerHeight, \
                      below: p.top >= m.bottom - 1, \
                      overflow: document.documentElement.scrollWidth - innerWidth, \
                      font: parseFloat(getComputedStyle(document.body).fontSize) };",
        )
        .await;
        if beside {
            assert_eq!(got["beside"], Value::Bool(true), "{width}×{height}: {got}");
        } else {
            assert_eq!(got["below"], Value::Bool(true), "{width}×{height}: {got}");
        }
        assert!(
            got["overflow"].as_f64().unwrap_or(f64::MAX) <= 0.0,
            "{width}×{height}: wider than the screen: {got}"
        );
        assert!(
            got["font"].as_f64().unwrap_or_default() >= 18.0,
            "{width}×{height}: {got}"
        );
        lab.screenshot(&format!("present-lab-{width}x{height}"))
            .await;
    }
}

/// Classroom mode: the instructor's projector shows every learner's
/// requests, its reset clears everyone's, and the class link uses the
/// host the class opened (never the instructor key).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_classroom_the_projector_shows_every_learner() {
    const HOST: &str = "classroom.test";
    const KEY: &str = "e2e-present-key-0123456789";
    let lab = Lab::start_with(LabOptions {
        instructor_key: Some(KEY.to_owned()),
        page_host: Some(HOST.to_owned()),
        ..LabOptions::default()
    })
    .await;
    let ada = "learner-ada00001";
    lab.open("/").await;
    lab.client
        .execute(
            "localStorage.setItem('cors-lab.learner', arguments[0])",
            vec![serde_json::json!(ada)],
        )
        .await
        .expect("set the learner tag");
    lab.open("/").await;
    lab.expect_text("classroom-learner", ada).await;
    lab.click("run-users-fetch").await;
    lab.text_until("server-log", |t| t.contains("GET /users.json"))
        .await;

    // The instructor's tab, presenting: the key leaves the address at once.
    lab.open(&format!("/?instructor={KEY}&present=1")).await;
    at_step(&lab, 1, 3).await;
    let ada_css = format!("[data-testid='present-log'] [data-learner='{ada}']");
    until_js(
        &lab,
        "the panel's log shows the learner's request",
        &format!("return !!document.querySelector({ada_css:?});"),
    )
    .await;
    let share = lab
        .text_until("present-share-url", |t| t.contains("step=1"))
        .await;
    assert!(
        share.starts_with(&format!("http://{HOST}:{}/", lab.app_port)),
        "{share}"
    );
    assert!(
        !share.contains("instructor") && !share.contains(KEY) && !share.contains("present"),
        "{share}"
    );

    // One reset, everyone's data.
    lab.click("present-reset").await;
    lab.text_until("present-reset-dialog", |t| t.contains("every learner"))
        .await;
    lab.click("present-reset-confirm").await;
    lab.text_until("present-reset-result", |t| t.starts_with('✓'))
        .await;
    assert!(lab.server_state.log().entries(Some(ada)).is_empty());
    until_js(
        &lab,
        "the panel's log is empty",
        &format!("return !document.querySelector({ada_css:?});"),
    )
    .await;
}
