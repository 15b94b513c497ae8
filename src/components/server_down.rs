//! What a page shows when the demo server cannot be reached.

use leptos::prelude::*;

use crate::demo::ConfigError;
use crate::i18n::t;

/// Shown instead of a blank page when the demo server cannot be reached.
#[component]
pub fn ServerDown(message: ConfigError) -> impl IntoView {
    view! {
        <section class="card warning" role="alert" data-testid="server-down">
            <h2>{t!(common.server_down.title)}</h2>
            <p>{message.text()}</p>
            <p>{t!(common.server_down.start)}</p>
        </section>
    }
}
