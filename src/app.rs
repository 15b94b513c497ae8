//! The page frame (header, navigation, footer; in presenter mode the
//! stepper and the side panel) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::classroom_banner::ClassroomBanner;
use crate::components::presenter::{PresentToggle, SharedStepNote, StepStyle, Stepper};
use crate::lazy::{Chunk, Lazy};
use crate::pages::not_found::NotFound;
use crate::presenter::Presenter;

/// The header's links: path and label.
const PAGES: [(&str, &str); 6] = [
    ("/origin", "Origins"),
    ("/lab", "Fetch lab"),
    ("/quiz", "Quiz"),
    ("/why", "Why?"),
    ("/explain", "Explain an error"),
    ("/", "First experiment"),
];

#[component]
pub fn App() -> impl IntoView {
    crate::instructor_key::capture_instructor_key();
    // One /api/config per page load, shared by every page and the seat.
    crate::demo::provide_config();
    crate::classroom::provide_seat();
    // Fetched only when a view needs same-site, then kept for the whole visit.
    crate::suffix_list::provide_suffix_list();
    view! {
        <Router>
            <Frame />
        </Router>
    }
}

#[component]
fn Frame() -> impl IntoView {
    let presenter = Presenter::provide();
    let presenting = presenter.presenting;
    let pathname = use_location().pathname;
    let has_steps = move || presenter.steps.with(|s| !s.is_empty());
    let seat = crate::classroom::seat();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a href=move || presenter.href("/") class="brand">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                " CORS Lab"
            </a>
            <nav aria-label="Main">
                {PAGES
                    .iter()
                    .map(|(path, label)| view! {
                        <a href=move || presenter.href(path)
                            aria-current=move || (pathname.get() == *path).then_some("page")>
                            {*label}
                        </a>
                    })
                    .collect_view()}
            </nav>
            <PresentToggle />
        </header>
        <ClassroomBanner />
        <StepStyle />
        <div class="frame">
            <main id="main" tabindex="-1">
                <Show when=move || presenting.get() && has_steps()>
                    <Stepper />
                </Show>
                <Show when=move || !presenting.get() && presenter.has_step.get() && has_steps()>
                    <SharedStepNote />
                </Show>
                <Routes fallback=NotFound>
                    // Each page is its own wasm chunk (`crate::lazy`).
                    <Route path=path!("/") view=|| view! { <Lazy chunk=Chunk::Home /> } />
                    <Route path=path!("/origin") view=|| view! { <Lazy chunk=Chunk::Origin /> } />
                    <Route path=path!("/lab") view=|| view! { <Lazy chunk=Chunk::Lab /> } />
                    <Route path=path!("/quiz") view=|| view! { <Lazy chunk=Chunk::Quiz /> } />
                    <Route path=path!("/why") view=|| view! { <Lazy chunk=Chunk::Why /> } />
                    <Route path=path!("/explain") view=|| view! { <Lazy chunk=Chunk::Explain /> } />
                </Routes>
            </main>
            <Show when=move || presenting.get()>
                <Lazy chunk=Chunk::PresenterPanel />
            </Show>
        </div>
        <footer class="site-footer" data-testid="site-footer">
            {move || if seat.get() == crate::classroom::Seat::Solo {
                "Every request in this lab is real and stays on this machine. "
            } else {
                "Every request in this lab is real and goes only to the lab's server on your local network. "
            }}
            "The server never enforces CORS: your browser does."
        </footer>
    }
}
