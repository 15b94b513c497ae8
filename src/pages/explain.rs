//! `/explain?m=<message>`: paste a console message, get the rule, the reason,
//! the fix and a lab run that reproduces it. Everything is computed by
//! `cors_core::explain` as you type; the address keeps the message, so a
//! link reproduces the explanation.

use cors_core::explain::{explain, EXAMPLES};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::explanation::ExplanationView;
use crate::i18n::t;
use crate::url_state;
use crate::words::explain as words;

#[component]
pub fn ExplainPage() -> impl IntoView {
    let query = use_query_map();
    let text = RwSignal::new(query.with_untracked(|q| q.get("m")).unwrap_or_default());
    // A link to another message on this page (router navigation) replaces the text.
    Effect::new(move |_| {
        if let Some(m) = query.with(|q| q.get("m")) {
            if text.with_untracked(|t| *t != m) {
                text.set(m);
            }
        }
    });
    // The address bar holds the message: a copied link shows the same
    // explanation (`url_state` throttles the writes of a fast paste or typing).
    Effect::new(move |_| {
        text.with(|t| {
            if t.is_empty() {
                url_state::replace_query::<&str, &str>("/explain", &[]);
            } else {
                url_state::replace_query("/explain", &[("m", t.as_str())]);
            }
        })
    });
    let explanation = Memo::new(move |_| text.with(|t| explain(t)));

    view! {
        <section class="intro" data-step="message">
            <h1>{t!(explain.page.title)}</h1>
            <p class="lead">{t!(explain.page.lead)}</p>
        </section>
        <section class="card explain-input" aria-label=move || t!(explain.page.input_region).string() data-step="message">
            <label for="explain-input" class="field-label">{t!(explain.page.input_label)}</label>
            <textarea
                id="explain-input"
                data-testid="explain-input"
                rows="5"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder=move || t!(explain.page.placeholder).string()
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="presets" role="group" aria-label=move || t!(explain.page.examples_region).string()>
                <span class="caption">{t!(explain.page.examples)}</span>
                {EXAMPLES.iter().enumerate().map(|(i, (example, message))| view! {
                    <button type="button" class="chip" data-testid=format!("explain-example-{i}")
                        title=*message translate="no"
                        on:click=move |_| text.set((*message).to_owned())>
                        <span translate="yes">{words::example(*example)}</span>
                    </button>
                }).collect_view()}
                <button type="button" class="chip" data-testid="explain-clear"
                    on:click=move |_| text.set(String::new())>
                    {t!(explain.page.clear)}
                </button>
            </div>
            <p class="hint">{t!(explain.page.hint)}</p>
        </section>
        <ExplanationView explanation />
    }
}
