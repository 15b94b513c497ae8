//! `/lab?…`: the live fetch lab. The learner builds a request and the
//! server's answers (or picks a named experiment), may predict, then runs a
//! real `fetch`. The address always reproduces what is on screen.

use cors_core::lab_link::LabState;
use cors_core::named;
use cors_core::wire::{DemoConfig, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::lab_forms::{AnswerForm, RequestForm};
use crate::components::lab_run::{Guess, GuessForm, Run, RunView};
use crate::components::other_site::{needs_other_site, OtherSiteNote};
use crate::components::server_down::ServerDown;
use crate::demo;
use crate::i18n::t;
use crate::presenter::Presenter;
use crate::url_state;

#[component]
pub fn LabPage() -> impl IntoView {
    let config = demo::use_config();
    view! {
        <section class="intro" data-step="request">
            <h1>{t!(lab.title)}</h1>
            <p class="lead">{t!(lab.lead)}</p>
        </section>
        <Suspense fallback=|| view! { <p class="card">{t!(lab.looking_for_server)}</p> }>
            {move || config.get().map(|result| match result {
                Ok(config) => view! { <Lab config /> }.into_any(),
                Err(message) => view! { <ServerDown message /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Lab(config: DemoConfig) -> impl IntoView {
    let pairs = url_state::current_pairs();
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (initial, link_error) = match LabState::from_query(&borrowed) {
        Ok(state) => (state, None),
        Err(e) => (LabState::default(), Some(e)),
    };
    let state = RwSignal::new(initial);
    Effect::new(move |_| url_state::replace_query("/lab", &state.with(LabState::to_query)));

    let guess = RwSignal::new(Guess::default());
    let run = RwSignal::new(None::<Run>);
    let running = RwSignal::new(false);
    let config = StoredValue::new(config);
    // An experiment needing another site cannot run where there is none.
    let blocked =
        move || state.with(needs_other_site) && config.with_value(|c| c.alt_host.is_none());
    let seat = crate::classroom::seat();

    let start = move || {
        if running.get_untracked() || blocked() {
            return;
        }
        running.set(true);
        let snapshot = state.get_untracked();
        let learner_guess = guess.get_untracked();
        spawn_local(async move {
            let record = Run::execute(&config.get_value(), snapshot, learner_guess).await;
            run.set(Some(record));
            running.set(false);
        });
    };
    let reset = move |_| {
        spawn_local(async move {
            demo::reset_demo().await;
            run.set(None);
        });
    };
    // Presenter mode: the steps after the first show the run's evidence.
    Presenter::on_run_step(move || {
        if run.with_untracked(Option::is_none) {
            start();
        }
    });
    Presenter::on_reset(move || run.set(None));
    let presenting = Presenter::get().map(|p| p.presenting);
    let awaiting_run = move || presenting.is_some_and(|p| p.get()) && run.with(Option::is_none);

    view! {
        {link_error.map(|e| view! {
            <p class="card warning" role="alert" data-testid="lab-link-error">
                {t!(lab.link_error, error = crate::words::lab_errors::link_error(&e))}
            </p>
        })}
        <section class="card" aria-labelledby="named-title" data-step="request">
            <h2 id="named-title">{t!(lab.named.title)}</h2>
            <div class="presets" role="group" aria-label=move || t!(lab.named.label).string()>
                {named::all().into_iter().map(|n| {
                    let slug = n.slug;
                    let (title, summary) = crate::words::lab::named(slug)
                        .map_or((None, None), |(t, s)| (Some(t), Some(s)));
                    view! {
                        <button type="button" class="chip" title=move || summary.as_ref().map(|s| s.string()) data-testid=format!("named-{slug}")
                            on:click=move |_| {
                                if let Some(n) = named::by_slug(slug) {
                                    state.set(LabState { endpoint: n.endpoint, request: n.request, server: n.server });
                                    run.set(None);
                                }
                            }>
                            {title.map_or_else(|| slug.into_any(), |t| t.into_any())}
                        </button>
                    }
                }).collect_view()}
            </div>
        </section>
        <CookieCard config=config.get_value() />
        <div class="two-col lab-forms" data-step="request">
            <RequestForm state />
            <AnswerForm state />
        </div>
        <OtherSiteNote config=config.get_value() state />
        <section class="card run-bar" aria-label=move || t!(lab.run.label).string() data-step="request">
            <GuessForm guess />
            <div class="run-actions">
                <button type="button" class="primary big" data-testid="lab-run" on:click=move |_| start() disabled=move || running.get() || blocked()>
                    {move || if running.get() { t!(lab.run.running).into_any() } else { t!(lab.run.start).into_any() }}
                </button>
                <button type="button" class="presenter-hidden" data-testid="lab-reset" on:click=reset
                    title=move || seat.get().reset_title()>
                    {move || seat.get().reset_label()}
                </button>
            </div>
        </section>
        <Show when=awaiting_run>
            <section class="card presenter-run" data-step="sent server js console" data-testid="present-run-needed">
                <p>{t!(lab.run.present_needed)}</p>
                <button type="button" class="primary big" data-testid="present-run" on:click=move |_| start() disabled=move || running.get()>
                    {move || if running.get() { t!(lab.run.running).into_any() } else { t!(lab.run.run_now).into_any() }}
                </button>
            </section>
        </Show>
        <RunView run running stepped=true />
    }
}

/// Whether this browser holds the API origin's cookie, and how to get it.
#[component]
fn CookieCard(config: DemoConfig) -> impl IntoView {
    let has = RwSignal::new(demo::page_has_lab_cookie());
    let login = format!(
        "{}/login?{}={}",
        demo::origin_url(&config, Role::Api),
        cors_core::wire::LEARNER_PARAM,
        demo::learner_tag()
    );
    // Coming back from the login tab: look again.
    let focus = window_event_listener(leptos::ev::focus, move |_| {
        has.set(demo::page_has_lab_cookie())
    });
    on_cleanup(move || focus.remove());
    view! {
        <section class="card cookie-card" aria-labelledby="cookie-title" data-step="request">
            <h2 id="cookie-title">{t!(lab.cookie.title)}</h2>
            <p data-testid="lab-cookie-state">
                {move || if has.get() { t!(lab.cookie.has).into_any() } else { t!(lab.cookie.none).into_any() }}
            </p>
            <p class="run-actions">
                <a class="button secondary" href=move || crate::i18n::in_language(&login) target="_blank" rel="noopener" data-testid="lab-login">{t!(lab.cookie.login)}</a>
                <button type="button" on:click=move |_| has.set(demo::page_has_lab_cookie())>{t!(lab.cookie.check)}</button>
            </p>
        </section>
    }
}
