//! What a page shows when the demo server cannot be reached.

use leptos::prelude::*;

use crate::i18n::t;

/// Shown instead of a blank page when the demo server cannot be reached.
#[component]
pub fn ServerDown(message: String) -> impl IntoView {
    view! {
        <section class="card warning" role="alert" data-testid="server-down">
            <h2>{t!(common.server_down.title)}</h2>
            <p>{message}</p>
            <p>{t!(common.server_down.start)}</p>
        </section>
    }
}
