//! `/explain?m=<message>`: paste a console message, get the rule, the reason,
//! the fix and a lab run that reproduces it. Everything is computed by
//! `cors_core::explain` as you type; the address keeps the message, so a
//! link reproduces the explanation.

use cors_core::explain::{explain, EXAMPLES};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::explanation::ExplanationView;
use crate::url_state;

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
            <h1>"Explain a CORS error"</h1>
            <p class="lead">
                "Paste what the browser's console printed — Chrome, Firefox or Safari, one line or "
                "several. You get the rule that failed, why the browser enforces it, what the server "
                "must send instead, and a run in the lab that makes the same browser print the same reason."
            </p>
        </section>
        <section class="card explain-input" aria-label="Message to explain" data-step="message">
            <label for="explain-input" class="field-label">"Console message"</label>
            <textarea
                id="explain-input"
                data-testid="explain-input"
                rows="5"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="Access to fetch at 'https://api.example.com/…' from origin 'https://app.example.com' has been blocked by CORS policy: …"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="presets" role="group" aria-label="Example messages">
                <span class="caption">"Examples:"</span>
                {EXAMPLES.iter().enumerate().map(|(i, (label, message))| view! {
                    <button type="button" class="chip" data-testid=format!("explain-example-{i}")
                        title=*message
                        on:click=move |_| text.set((*message).to_owned())>
                        {*label}
                    </button>
                }).collect_view()}
                <button type="button" class="chip" data-testid="explain-clear"
                    on:click=move |_| text.set(String::new())>
                    "Clear"
                </button>
            </div>
            <p class="hint">"The message is read here, in your browser; the address bar keeps it, so a link to this page shows the same explanation."</p>
        </section>
        <ExplanationView explanation />
    }
}
