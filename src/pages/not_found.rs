use leptos::prelude::*;

/// Shown for any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Page not found"</h1>
            <p>"This address is not a page of the lab. "<a href="/">"Go to the start page"</a>"."</p>
        </section>
    }
}
