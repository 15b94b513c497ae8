//! Presenter mode as data: the steps each page is shown in, the keys that
//! move between them, and the addresses involved — the instructor's
//! (`present=1&step=N`) and the one the class opens (the same page and step,
//! without the instructor's parameters).
//!
//! A page's steps name *parts*: tokens that the page's elements carry in a
//! `data-step` attribute (`data-step="sent server"` belongs to two steps).
//! In presenter mode only the current part's elements are shown (elements
//! without `data-step` always are); in a learner's normal view, `step=N`
//! marks them and scrolls to them.

use crate::lab_link::LabState;
use crate::quiz;

/// `present=1`: the page is shown on a projector.
pub const PRESENT_PARAM: &str = "present";
/// `step=N`, 1-based: the step the page is at.
pub const STEP_PARAM: &str = "step";
/// Query keys only the instructor's screen uses: a share link leaves them
/// out (classroom mode's key never stays in the address, but just in case).
pub const INSTRUCTOR_ONLY: &[&str] = &[PRESENT_PARAM, crate::wire::INSTRUCTOR_PARAM];
/// `lang=zh-TW`: the language the app speaks (a class link carries it).
pub const LANG_PARAM: &str = "lang";
/// Query keys that belong to the frame, not to the page: pages do not read
/// them, and keep them when they rewrite the address.
pub const FRAME_PARAMS: &[&str] = &[PRESENT_PARAM, STEP_PARAM, LANG_PARAM];

/// The pages that have steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Origin,
    Lab,
    Quiz,
    Why,
    Explain,
}

impl Page {
    pub const ALL: [Page; 6] = [
        Page::Home,
        Page::Origin,
        Page::Lab,
        Page::Quiz,
        Page::Why,
        Page::Explain,
    ];

    /// The page at an address's path (`/lab`, `/lab/`), if it has steps.
    pub fn from_path(path: &str) -> Option<Page> {
        match path.trim_end_matches('/') {
            "" => Some(Page::Home),
            "/origin" => Some(Page::Origin),
            "/lab" => Some(Page::Lab),
            "/quiz" => Some(Page::Quiz),
            "/why" => Some(Page::Why),
            "/explain" => Some(Page::Explain),
            _ => None,
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Origin => "/origin",
            Page::Lab => "/lab",
            Page::Quiz => "/quiz",
            Page::Why => "/why",
            Page::Explain => "/explain",
        }
    }
}

/// One step of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The `data-step` token of the elements this step shows.
    pub part: &'static str,
    /// What the step shows, for "Step k of n: …" (words: the app's text layer).
    pub title: StepTitle,
    /// Query pairs the step sets (the quiz: which question).
    pub query: Vec<(&'static str, &'static str)>,
    /// The step shows a run's evidence: in presenter mode, entering it runs
    /// the page's experiment if it has not run yet.
    pub needs_run: bool,
}

/// What a step shows, as a fact the app words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepTitle {
    /// The step of the page whose elements carry this part.
    Part(Page, &'static str),
    /// The quiz's question `n` (1-based), asked.
    Question { n: usize, slug: &'static str },
    /// The quiz's question `n`, answered.
    Answer { n: usize, slug: &'static str },
}

fn step(page: Page, part: &'static str) -> Step {
    Step {
        part,
        title: StepTitle::Part(page, part),
        query: Vec::new(),
        needs_run: false,
    }
}

fn run_step(page: Page, part: &'static str) -> Step {
    Step {
        needs_run: true,
        ..step(page, part)
    }
}

/// The steps of `page`, in order (never empty).
pub fn steps(page: Page) -> Vec<Step> {
    match page {
        Page::Home => vec![
            step(page, "intro"),
            step(page, "experiment"),
            run_step(page, "result"),
        ],
        Page::Origin => vec![
            step(page, "breakdown"),
            step(page, "differs"),
            step(page, "verdict"),
            step(page, "list"),
        ],
        Page::Lab => vec![
            step(page, "request"),
            run_step(page, "sent"),
            run_step(page, "server"),
            run_step(page, "js"),
            run_step(page, "console"),
        ],
        Page::Quiz => quiz::all()
            .iter()
            .enumerate()
            .flat_map(|(i, q)| {
                let n = i + 1;
                [
                    Step {
                        query: vec![("q", q.slug)],
                        title: StepTitle::Question { n, slug: q.slug },
                        ..step(page, "question")
                    },
                    Step {
                        query: vec![("q", q.slug)],
                        title: StepTitle::Answer { n, slug: q.slug },
                        ..step(page, "answer")
                    },
                ]
            })
            .collect(),
        Page::Why => vec![
            step(page, "intro"),
            step(page, "intranet"),
            step(page, "localhost"),
            step(page, "credentials"),
            step(page, "load-vs-read"),
            step(page, "css-font"),
            step(page, "runtime"),
            step(page, "proxy"),
        ],
        // The explainer's parts follow its answer (the message's, the
        // rule's, the reason's, the fix's, the lab's).
        Page::Explain => vec![
            step(page, "message"),
            step(page, "rule"),
            step(page, "why"),
            step(page, "fix"),
            step(page, "lab"),
        ],
    }
}

/// The step an address is at, 0-based: `step=N` (clamped to the steps),
/// else the first step whose query pairs the address has (the quiz's
/// `q=…`), else the first.
pub fn current_index(steps: &[Step], pairs: &[(&str, &str)]) -> usize {
    let last = steps.len().saturating_sub(1);
    if let Some(n) = lookup(pairs, STEP_PARAM).and_then(parse_step) {
        return (n - 1).min(last);
    }
    steps
        .iter()
        .position(|s| !s.query.is_empty() && has_all(pairs, &s.query))
        .unwrap_or(0)
}

/// `step=N` as written: a whole number from 1 (leading/trailing spaces allowed).
pub fn parse_step(value: &str) -> Option<usize> {
    value.trim().parse::<usize>().ok().filter(|n| *n >= 1)
}

/// Whether `present=…` turns presenter mode on (`1`, `true`, `yes`, `on`).
pub fn is_presenting(pairs: &[(&str, &str)]) -> bool {
    lookup(pairs, PRESENT_PARAM).is_some_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on"
        )
    })
}

/// Whether the address says which step it is at (`step=` with a number).
pub fn has_step(pairs: &[(&str, &str)]) -> bool {
    lookup(pairs, STEP_PARAM).and_then(parse_step).is_some()
}

/// Whether the address is exactly at step `index` the way presenter mode
/// writes it: `step=index+1` and the step's own pairs.
pub fn is_canonical(steps: &[Step], index: usize, pairs: &[(&str, &str)]) -> bool {
    let Some(step) = steps.get(index) else {
        return false;
    };
    lookup(pairs, STEP_PARAM).and_then(parse_step) == Some(index + 1) && has_all(pairs, &step.query)
}

/// The address's pairs moved to step `index`: `step=index+1` and the step's
/// own pairs set (in place when present, else appended), the rest kept.
pub fn at_step(pairs: &[(String, String)], steps: &[Step], index: usize) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs.to_vec();
    let mut set = |key: &str, value: String| match out.iter().position(|(k, _)| k == key) {
        Some(first) => {
            out[first].1 = value;
            let mut i = 0;
            out.retain(|(k, _)| {
                i += 1;
                i - 1 == first || k != key
            });
        }
        None => out.push((key.to_owned(), value)),
    };
    if let Some(step) = steps.get(index) {
        for (key, value) in &step.query {
            set(key, (*value).to_owned());
        }
    }
    set(STEP_PARAM, (index + 1).to_string());
    out
}

/// The address's pairs with presenter mode turned on or off.
pub fn with_presenting(pairs: &[(String, String)], on: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k != PRESENT_PARAM)
        .cloned()
        .collect();
    if on {
        out.push((PRESENT_PARAM.to_owned(), "1".to_owned()));
    }
    out
}

/// The pairs of the link the class opens: everything but the instructor's
/// own parameters, so students land on the same page, experiment and step.
pub fn share_pairs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(k, _)| !INSTRUCTOR_ONLY.contains(&k.as_str()))
        .cloned()
        .collect()
}

/// Where a link to `page` leads in presenter mode: its pairs with presenter
/// mode on and, when its `#fragment` names one of the page's parts (the
/// `/why` demos), at that step. `None` when the link needs no change (it
/// presents already and names no step).
pub fn presenting_link(
    page: Page,
    pairs: &[(String, String)],
    fragment: &str,
) -> Option<Vec<(String, String)>> {
    let steps = steps(page);
    let named = fragment.trim_start_matches('#');
    let step = steps
        .iter()
        .position(|s| !named.is_empty() && s.part == named);
    let presenting = is_presenting(
        &pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
    );
    if presenting && step.is_none() {
        return None;
    }
    let on = with_presenting(pairs, true);
    Some(match step {
        Some(i) => at_step(&on, &steps, i),
        None => on,
    })
}

/// The class link's query (without `?`): [`share_pairs`], encoded for
/// people to read — characters a query value may hold as they are (`:`,
/// `/`, `@`, `,` …), only `&`, `=`, `+`, `#`, `%`, spaces, quotes and
/// non-ASCII percent-encoded.
///
/// On the lab, an experiment that is exactly a named one is written
/// `s=<slug>`: a link short enough to read out or type.
pub fn share_query(page: Option<Page>, pairs: &[(String, String)]) -> String {
    let mut shared = share_pairs(pairs);
    if page == Some(Page::Lab) {
        shared = named_lab(shared);
    }
    shared
        .iter()
        .map(|(k, v)| format!("{}={}", readable(k), readable(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A lab address that is exactly a named experiment, as `s=<slug>` (the
/// frame's pairs kept); any other address as it is.
fn named_lab(pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    let page = page_pairs(&pairs);
    let borrowed: Vec<(&str, &str)> = page.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let Some(slug) = LabState::from_query(&borrowed)
        .ok()
        .and_then(|state| state.named_slug())
    else {
        return pairs;
    };
    let mut out = vec![("s".to_owned(), slug.to_owned())];
    out.extend(frame_pairs(&pairs));
    out
}

fn readable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "-._~!$'()*,;:@/?".contains(c) {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The pairs a page reads as its own state (the frame's are left out).
pub fn page_pairs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(k, _)| !FRAME_PARAMS.contains(&k.as_str()))
        .cloned()
        .collect()
}

/// The frame's pairs of an address, to carry over when a page rewrites it.
pub fn frame_pairs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(k, _)| FRAME_PARAMS.contains(&k.as_str()))
        .cloned()
        .collect()
}

/// A move between steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Next,
    Prev,
    First,
    Last,
}

/// Where the keyboard focus is, as far as stepping is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A text field, select or contenteditable: keys belong to it.
    Editing,
    /// A button, link, summary, checkbox…: Space and Enter activate it.
    Control,
    /// Anything else (the page itself).
    Page,
}

/// The move a key asks for (`KeyboardEvent.key`), if any. Clickers send
/// PageDown/PageUp. Keys with Ctrl, Alt or Meta are the browser's.
pub fn nav_for_key(key: &str, shift: bool, other_modifier: bool, focus: Focus) -> Option<Nav> {
    if other_modifier || focus == Focus::Editing {
        return None;
    }
    match key {
        " " | "Spacebar" if focus == Focus::Control => None,
        " " | "Spacebar" if shift => Some(Nav::Prev),
        " " | "Spacebar" => Some(Nav::Next),
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(Nav::Next),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Nav::Prev),
        "Home" => Some(Nav::First),
        "End" => Some(Nav::Last),
        _ => None,
    }
}

/// The shortcut that turns presenter mode on and off: Alt+Shift+P
/// (`KeyboardEvent.code`, so it works whatever Alt+Shift+P types).
pub const TOGGLE_SHORTCUT: &str = "Alt+Shift+P";

pub fn is_toggle_shortcut(code: &str, alt: bool, shift: bool, ctrl_or_meta: bool) -> bool {
    code == "KeyP" && alt && shift && !ctrl_or_meta
}

/// The step a move leads to, 0-based, staying within `count` steps.
pub fn go(nav: Nav, index: usize, count: usize) -> usize {
    let last = count.saturating_sub(1);
    match nav {
        Nav::Next => (index + 1).min(last),
        Nav::Prev => index.saturating_sub(1).min(last),
        Nav::First => 0,
        Nav::Last => last,
    }
}

/// The style rule that shows one step: in presenter mode every element
/// with another `data-step` is hidden; in normal mode the step's innermost
/// elements are marked. Parts are fixed tokens (`[a-z0-9-]`); anything else
/// gives no rule.
pub fn step_css(part: &str, presenting: bool) -> String {
    if !is_token(part) {
        return String::new();
    }
    if presenting {
        format!("html.presenting main [data-step]:not([data-step~=\"{part}\"]) {{ display: none !important; }}")
    } else {
        format!(
            "{} {{ outline: 4px solid var(--accent); outline-offset: 4px; border-radius: var(--radius); }}",
            marked_selector(part)
        )
    }
}

/// The step's innermost elements (those holding no other element of the
/// step): what a learner's view marks, the first of them what it scrolls to.
pub fn marked_selector(part: &str) -> String {
    if !is_token(part) {
        return String::new();
    }
    format!("main [data-step~=\"{part}\"]:not(:has([data-step~=\"{part}\"]))")
}

fn is_token(part: &str) -> bool {
    !part.is_empty()
        && part
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn lookup<'a>(pairs: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn has_all(pairs: &[(&str, &str)], wanted: &[(&str, &str)]) -> bool {
    wanted.iter().all(|(k, v)| lookup(pairs, k) == Some(*v))
}

#[cfg(test)]
mod tests;
