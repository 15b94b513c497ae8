//! The page frame (header, navigation, footer) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::classroom_banner::ClassroomBanner;
use crate::pages::{
    explain::ExplainPage, home::HomePage, lab::LabPage, not_found::NotFound, origin::OriginPage,
    quiz::QuizPage, why::WhyPage,
};

#[component]
pub fn App() -> impl IntoView {
    crate::classroom::capture_instructor_key();
    crate::classroom::provide_seat();
    let seat = crate::classroom::seat();
    // Fetched only when a view needs same-site, then kept for the whole visit.
    crate::suffix_list::provide_suffix_list();
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"⇄"</span>
                    " CORS Lab"
                </A>
                <nav aria-label="Main">
                    <A href="/origin">"Origins"</A>
                    <A href="/lab">"Fetch lab"</A>
                    <A href="/quiz">"Quiz"</A>
                    <A href="/why">"Why?"</A>
                    <A href="/explain">"Explain an error"</A>
                    <A href="/">"First experiment"</A>
                </nav>
            </header>
            <ClassroomBanner />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/origin") view=OriginPage />
                    <Route path=path!("/lab") view=LabPage />
                    <Route path=path!("/quiz") view=QuizPage />
                    <Route path=path!("/why") view=WhyPage />
                    <Route path=path!("/explain") view=ExplainPage />
                </Routes>
            </main>
            <footer class="site-footer" data-testid="site-footer">
                {move || if seat.get() == crate::classroom::Seat::Solo {
                    "Every request in this lab is real and stays on this machine. "
                } else {
                    "Every request in this lab is real and goes only to the lab's server on your local network. "
                }}
                "The server never enforces CORS: your browser does."
            </footer>
        </Router>
    }
}
