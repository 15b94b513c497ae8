//! What the `/why` cards share: the card's frame, a run id in each request
//! (`case=…`) so the server's log can be matched to the run, the matching log
//! entries, status lines that say what happened in words and symbols, and
//! the card's live log (one open at a time).

use cors_core::scenario::CASE_PARAM;
use cors_core::wire::{LogEntry, LEARNER_PARAM};
use leptos::prelude::*;

use crate::components::server_log::ServerLog;
use crate::demo;
use crate::i18n::{t, Arg, Text};

/// One demo: a section the page links to (`/why#<id>`), numbered and titled;
/// in presenter mode, the step named by its id (`cors_core::present`).
#[component]
pub fn DemoCard(
    /// The section id, used in deep links.
    id: &'static str,
    number: u8,
    title: Text,
    children: Children,
) -> impl IntoView {
    let title_id = format!("why-{id}-title");
    view! {
        <section id=id class="card why-card" aria-labelledby=title_id.clone() data-step=id>
            <h2 id=title_id.clone()><span class="why-num" aria-hidden="true">{number}</span>{title}</h2>
            {children()}
        </section>
    }
}

/// A fresh run id, `why-<demo>-<8 hex digits>`.
pub fn new_case(demo: &str) -> String {
    format!(
        "why-{demo}-{:08x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

/// `path?case=<case>`: the learner tag is added by [`demo::tagged_url`].
pub fn with_case(path: &str, case: &str) -> String {
    format!("{path}?{CASE_PARAM}={case}")
}

/// The requests of this run that reached the demo server, oldest first.
pub async fn arrivals(case: &str) -> Vec<LogEntry> {
    demo::load_log()
        .await
        .into_iter()
        .filter(|e| e.has_case(case))
        .collect()
}

pub use crate::demo::js_error_text;

/// What became of one step of a demo. The symbol and the words carry the
/// meaning; the colour only repeats it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not run yet.
    Pending,
    /// It happened.
    Happened,
    /// It happened, but the page's script was not given the result.
    Withheld,
    /// It did not happen.
    Stopped,
}

impl Mark {
    fn symbol(self) -> &'static str {
        match self {
            Mark::Pending => "○",
            Mark::Happened => "✓",
            Mark::Withheld => "⊘",
            Mark::Stopped => "✗",
        }
    }

    /// The word a screen reader says before the explanation.
    fn word(self) -> Text {
        match self {
            Mark::Pending => t!(why.mark.pending),
            Mark::Happened => t!(why.mark.happened),
            Mark::Withheld => t!(why.mark.withheld),
            Mark::Stopped => t!(why.mark.stopped),
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Mark::Pending => "pending",
            Mark::Happened => "happened",
            Mark::Withheld => "withheld",
            Mark::Stopped => "stopped",
        }
    }
}

/// A status line: `✓ Happened. <detail>`, or `✓ <detail>` when `terse`
/// (where the detail already says it, as in a table cell).
#[component]
pub fn Status(
    mark: Mark,
    /// Words of the page's texts, or what a browser or server said.
    #[prop(into)]
    detail: Arg,
    /// Leave out the word (`Happened.`…), keep the symbol.
    #[prop(optional)]
    terse: bool,
) -> impl IntoView {
    view! {
        <span class=format!("why-status {}", mark.class())>
            <span class="why-mark" aria-hidden="true">{mark.symbol()}</span>
            {if terse {
                arg_view(detail)
            } else {
                t!(why.status, word = mark.word(), detail).into_any()
            }}
        </span>
    }
}

/// An argument on its own: words as they are, a text in the active language.
pub fn arg_view(arg: Arg) -> AnyView {
    match arg {
        Arg::Words(words) => words.to_string().into_any(),
        Arg::Text(text) => text.into_any(),
        Arg::View(view) => view(),
    }
}

/// Which card's live log is open. One stream per page: a browser allows six
/// connections per origin, and a page holding one stream per card (in a few
/// tabs) would leave the lab's own requests waiting.
#[derive(Clone, Copy)]
pub struct OpenLog(RwSignal<Option<&'static str>>);

impl OpenLog {
    /// Share one for the cards below (call once, on the page).
    pub fn provide() {
        provide_context(OpenLog(RwSignal::new(None)));
    }

    /// The page's, or a card's own when used alone.
    pub fn get() -> OpenLog {
        use_context().unwrap_or_else(|| OpenLog(RwSignal::new(None)))
    }

    /// Show `demo`'s live log (closing any other).
    pub fn show(self, demo: &'static str) {
        self.0.set(Some(demo));
    }
}

/// A card's "server received" panel. The live log of the card's run when
/// the card has run and its log is the open one; otherwise a placeholder
/// (with a button to bring the log back). It lists this run's requests
/// only, or, with `channel`, every request tagged with that learner tag (for
/// a demo whose requests cannot all carry the run id).
#[component]
pub fn DemoLog(
    /// The card's id (its section id).
    demo: &'static str,
    /// The current run id; `None` until the first run.
    #[prop(into)]
    case: Signal<Option<String>>,
    /// A learner tag of the demo's own, instead of this run's id.
    #[prop(optional)]
    channel: Option<String>,
) -> impl IntoView {
    let open = OpenLog::get();
    let has_run = move || case.with(Option::is_some);
    view! {
        <Show
            when=move || has_run() && open.0.get() == Some(demo)
            fallback=move || view! {
                <section class="server-log why-log-idle" aria-label=move || t!(why.log.title).string()>
                    <h3>{t!(why.log.title)}</h3>
                    {if has_run() {
                        view! {
                            <p class="hint">{t!(why.log.other_demo)}</p>
                            <button type="button" class="small" on:click=move |_| open.show(demo)>
                                {t!(why.log.show)}
                            </button>
                        }.into_any()
                    } else {
                        view! { <p class="empty">{t!(why.log.empty)}</p> }.into_any()
                    }}
                </section>
            }
        >
            {match channel.clone() {
                Some(learner) => view! { <ServerLog learner /> }.into_any(),
                None => view! { <ServerLog learner=demo::learner_tag() case=case /> }.into_any(),
            }}
        </Show>
    }
}

/// Every request tagged with `learner` that the demo server logged, oldest
/// first (the app origin's `/api/log`, same-origin).
pub async fn log_of(learner: &str) -> Vec<LogEntry> {
    let url = format!("/api/log?{LEARNER_PARAM}={learner}");
    match crate::demo::get(&url).send().await {
        Ok(response) => response.json().await.unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}
