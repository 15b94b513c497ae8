//! Verdict badges. The word carries the meaning (tests read it); colour and the
//! ✓/✗ mark only repeat it, so nothing depends on seeing colour.

use leptos::prelude::*;

/// A badge such as "✓ same-origin". `testid` goes on the word itself, so a
/// test reads exactly `same-origin` / `cross-origin` / `invalid`.
#[component]
pub fn Badge(
    /// Test hook for the word.
    testid: &'static str,
    /// The verdict word (e.g. `same-origin`).
    #[prop(into)]
    word: Signal<String>,
    /// Whether it is the "yes" outcome (styled green with ✓) or "no" (✗); `None` for invalid.
    #[prop(into)]
    good: Signal<Option<bool>>,
) -> impl IntoView {
    let class = move || match good.get() {
        Some(true) => "badge good",
        Some(false) => "badge bad",
        None => "badge invalid",
    };
    let mark = move || match good.get() {
        Some(true) => "✓ ",
        Some(false) => "✗ ",
        None => "? ",
    };
    view! {
        <span class=class>
            <span aria-hidden="true">{mark}</span>
            <span data-testid=testid>{move || word.get()}</span>
        </span>
    }
}
