//! The start page: what the lab is, and a first real experiment — a script on
//! this page asks another origin for data; the server answers; the browser
//! withholds the answer from the script.

use cors_core::wire::{DemoConfig, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::server_down::ServerDown;
use crate::components::server_log::ServerLog;
use crate::demo::{self, FetchOutcome};
use crate::presenter::Presenter;

#[component]
pub fn HomePage() -> impl IntoView {
    let config = demo::use_config();
    view! {
        <section class="hero" data-step="intro">
            <h1>"See the same-origin policy happen"</h1>
            <p class="lead">
                "Your browser lets a page send requests almost anywhere, but it only hands the "
                "answer to the page's scripts when both share an origin — or when the other "
                "server says, with CORS headers, that sharing is fine. This lab fires real "
                "requests at demo servers on other origins and shows both sides: what arrived "
                "at the server, and what your script was allowed to see."
            </p>
            <div class="hero-links">
                <a class="button" href="/origin">"Compare two origins"</a>
            </div>
        </section>
        <Suspense fallback=|| view! { <p class="card">"Looking for the demo server…"</p> }>
            {move || config.get().map(|result| match result {
                Ok(config) => view! { <FirstExperiment config /> }.into_any(),
                Err(message) => view! { <ServerDown message /> }.into_any(),
            })}
        </Suspense>
    }
}

/// Fetch `/users.json` from the API origin, which sends no CORS headers.
#[component]
fn FirstExperiment(config: DemoConfig) -> impl IntoView {
    let target = demo::tagged_url(&config, Role::Api, "/users.json");
    let page_origin = demo::origin_url(&config, Role::App);
    let api_origin = demo::origin_url(&config, Role::Api);
    let outcome = RwSignal::new(None::<FetchOutcome>);
    let running = RwSignal::new(false);
    let target_for_run = StoredValue::new(target.clone());
    let run = move || {
        if running.get_untracked() {
            return;
        }
        let target = target_for_run.get_value();
        running.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = demo::plain_fetch(&target).await;
            outcome.set(Some(result));
            running.set(false);
        });
    };
    // Presenter mode: the result step shows a run.
    Presenter::on_run_step(move || {
        if outcome.with_untracked(Option::is_none) {
            run();
        }
    });
    Presenter::on_reset(move || outcome.set(None));
    view! {
        <section class="card experiment" aria-labelledby="first-title" data-step="experiment result">
            <h2 id="first-title">"First experiment: read another origin's JSON"</h2>
            <p data-step="experiment">
                "This page lives at "<code>{page_origin.clone()}</code>". The API lives at "
                <code>{api_origin.clone()}</code>" — another port, so another origin. Its "
                <code>"/users.json"</code>" answers without any CORS header. Press the button to run:"
            </p>
            <pre class="code" data-step="experiment result"><code>{format!("await fetch(\"{target}\")")}</code></pre>
            <p data-step="experiment result">
                <button type="button" class="primary" on:click=move |_| run() disabled=move || running.get() data-testid="run-users-fetch">
                    {move || if running.get() { "Running…" } else { "Run fetch" }}
                </button>
            </p>
            <div class="panels" data-step="result">
                <section class="panel" aria-labelledby="js-got-title" aria-live="polite">
                    <h3 id="js-got-title">"JavaScript got"</h3>
                    {move || match outcome.get() {
                        None => view! { <p class="empty">"Not run yet."</p> }.into_any(),
                        Some(FetchOutcome::Rejected { error }) => view! {
                            <p class="verdict bad"><span aria-hidden="true">"✗ "</span>"The promise rejected:"</p>
                            <pre class="js-result" data-testid="js-result">{error}</pre>
                            <p>
                                "Yet the server log shows the request arrived and was answered with 200. "
                                "The browser got the answer and kept it from the script, because the "
                                "response had no "<code>"Access-Control-Allow-Origin"</code>" header "
                                "allowing "<code>{page_origin.clone()}</code>" to read it. The developer "
                                "console names the reason; the script only ever sees this generic error."
                            </p>
                            <p class="hint" data-testid="console-hint">
                                "To open the console in this browser: "
                                {crate::demo::this_browser().console_shortcut()}"."
                            </p>
                        }.into_any(),
                        Some(FetchOutcome::Read { status, body }) => view! {
                            <p class="verdict good"><span aria-hidden="true">"✓ "</span>{format!("Readable, status {status}:")}</p>
                            <pre class="js-result" data-testid="js-result">{body}</pre>
                        }.into_any(),
                    }}
                </section>
                <ServerLog learner=demo::learner_tag() everyone=true />
            </div>
        </section>
    }
}
