//! The page frame (header, navigation, footer) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::pages::{
    home::HomePage, lab::LabPage, not_found::NotFound, origin::OriginPage, quiz::QuizPage,
    why::WhyPage,
};

#[component]
pub fn App() -> impl IntoView {
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
                    <A href="/">"First experiment"</A>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/origin") view=OriginPage />
                    <Route path=path!("/lab") view=LabPage />
                    <Route path=path!("/quiz") view=QuizPage />
                    <Route path=path!("/why") view=WhyPage />
                </Routes>
            </main>
            <footer class="site-footer">
                "Every request in this lab is real and stays on this machine. "
                "The server never enforces CORS: your browser does."
            </footer>
        </Router>
    }
}
