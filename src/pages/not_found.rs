use leptos::prelude::*;

use crate::i18n::t;

/// Shown for any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card" data-testid="not-found">
            <h1>{t!(common.not_found.title)}</h1>
            <p>{t!(common.not_found.text)}" "<a href="/">{t!(common.not_found.home_link)}</a></p>
        </section>
    }
}
