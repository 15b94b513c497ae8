//! What a page shows when the demo server cannot be reached.

use leptos::prelude::*;

/// Shown instead of a blank page when the demo server cannot be reached.
#[component]
pub fn ServerDown(message: String) -> impl IntoView {
    view! {
        <section class="card warning" role="alert" data-testid="server-down">
            <h2>"The demo server is not reachable"</h2>
            <p>{message}</p>
            <p>"Start the whole lab with "<code>"cargo xtask serve"</code>" and reload this page."</p>
        </section>
    }
}
