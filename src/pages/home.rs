//! The start page: what the lab is, and a first real experiment — a script on
//! this page asks another origin for data; the server answers; the browser
//! withholds the answer from the script.

use cors_core::wire::{DemoConfig, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::server_down::ServerDown;
use crate::demo::{self, FetchOutcome};
use crate::i18n::t;
use crate::lazy::Chunk;
use crate::presenter::Presenter;

#[component]
pub fn HomePage() -> impl IntoView {
    let config = demo::use_config();
    view! {
        <section class="hero" data-step="intro">
            <h1>{t!(home.title)}</h1>
            <p class="lead">{t!(home.lead)}</p>
            <div class="hero-links">
                <a class="button" href="/origin">{t!(home.compare_link)}</a>
            </div>
        </section>
        <Suspense fallback=move || view! { <p class="card">{t!(home.looking_for_server)}</p> }>
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
            <h2 id="first-title">{t!(home.experiment.title)}</h2>
            <p data-step="experiment">
                {t!(home.experiment.setup,
                    page_origin = page_origin.clone(), api_origin = api_origin.clone())}
            </p>
            <pre class="code" data-step="experiment result"><code>{format!("await fetch(\"{target}\")")}</code></pre>
            <p data-step="experiment result">
                <button type="button" class="primary" on:click=move |_| run() disabled=move || running.get() data-testid="run-users-fetch">
                    {move || if running.get() {
                        t!(home.experiment.running).into_any()
                    } else {
                        t!(home.experiment.run).into_any()
                    }}
                </button>
            </p>
            <div class="panels" data-step="result">
                <section class="panel" aria-labelledby="js-got-title" aria-live="polite">
                    <h3 id="js-got-title">{t!(home.experiment.js_got)}</h3>
                    {move || match outcome.get() {
                        None => view! { <p class="empty">{t!(home.experiment.not_run)}</p> }.into_any(),
                        Some(FetchOutcome::Rejected { error }) => view! {
                            <p class="verdict bad"><span aria-hidden="true">"✗ "</span>{t!(home.experiment.rejected)}</p>
                            <pre class="js-result" data-testid="js-result">{error}</pre>
                            <p>
                                {t!(home.experiment.why_rejected, page_origin = page_origin.clone())}
                            </p>
                            <p class="hint" data-testid="console-hint">
                                {t!(home.experiment.console_hint,
                                    shortcut = crate::words::console_shortcut(crate::demo::this_browser()))}
                            </p>
                        }.into_any(),
                        Some(FetchOutcome::Read { status, body }) => view! {
                            <p class="verdict good"><span aria-hidden="true">"✓ "</span>{t!(home.experiment.readable, status)}</p>
                            <pre class="js-result" data-testid="js-result">{body}</pre>
                        }.into_any(),
                    }}
                </section>
                // Loaded after the page has painted (see `Chunk::HomeLog`).
                {crate::lazy::later(Chunk::HomeLog)}
            </div>
        </section>
    }
}
