//! The page frame (header, navigation, footer; in presenter mode the
//! stepper and the side panel) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::classroom_banner::ClassroomBanner;
use crate::components::presenter::{PresentToggle, SharedStepNote, StepStyle, Stepper};
use crate::i18n::{t, LanguageSwitch};
use crate::lazy::{Chunk, Lazy};
use crate::pages::not_found::NotFound;
use crate::presenter::Presenter;

/// The header's links, in order.
const PAGES: [&str; 6] = ["/origin", "/lab", "/quiz", "/why", "/explain", "/"];

#[component]
pub fn App() -> impl IntoView {
    crate::instructor_key::capture_instructor_key();
    // One /api/config per page load, shared by every page and the seat.
    crate::demo::provide_config();
    crate::classroom::provide_seat();
    // Fetched only when a view needs same-site, then kept for the whole visit.
    crate::suffix_list::provide_suffix_list();
    // Pages' pieces that load after the page (`crate::lazy::later`).
    crate::lazy::provide_later();
    view! {
            <WithTexts>
        <Router>
            <Frame />
        </Router>
    </WithTexts>
    }
}

/// Renders its children once the frame's texts are here, in the locale the
/// learner starts with (`crate::i18n::initial_locale`). If they cannot be
/// fetched, the page's own "could not load" note (index.html) shows.
#[component]
fn WithTexts(children: ChildrenFn) -> impl IntoView {
    let locale = crate::i18n::initial_locale();
    // The opened page's texts come with the frame's, not one round trip
    // later when its chunk renders.
    let path = window().location().pathname().unwrap_or_default();
    let pages = Chunk::from_path(&path)
        .map(Chunk::all_texts)
        .unwrap_or_default();
    let ready = LocalResource::new(move || crate::i18n::start(locale, pages.clone()));
    view! {
        <Suspense>
            {move || ready.get().map(|result| match result {
                Ok(()) => Some(children()),
                Err(_) => {
                    if let Some(note) = document().get_element_by_id("app-load-failed") {
                        let _ = note.remove_attribute("hidden");
                    }
                    None
                }
            })}
        </Suspense>
    }
}

#[component]
fn Frame() -> impl IntoView {
    let presenter = Presenter::provide();
    let presenting = presenter.presenting;
    let pathname = use_location().pathname;
    let has_steps = move || presenter.steps.with(|s| !s.is_empty());
    let seat = crate::classroom::seat();
    let page_texts = Signal::derive(move || {
        Chunk::from_path(&pathname.get())
            .map(Chunk::all_texts)
            .unwrap_or_default()
    });
    view! {
        <a class="skip-link" href="#main">{t!(common.skip_link)}</a>
        <header class="site-header">
            <a href=move || presenter.href("/") class="brand">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                " "{t!(common.brand)}
            </a>
            <nav aria-label=move || t!(common.nav.label).string()>
                {PAGES
                    .iter()
                    .map(|path| view! {
                        <a href=move || presenter.href(path)
                            aria-current=move || (pathname.get() == *path).then_some("page")>
                            {nav_label(path)}
                        </a>
                    })
                    .collect_view()}
            </nav>
            <LanguageSwitch pages=page_texts />
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
            // One text each, the second sentence an argument: how two
            // sentences join is the language's (a space in English, none
            // after Chinese's full stop).
            {move || if seat.get() == crate::classroom::Seat::Solo {
                t!(common.footer.solo, enforce = t!(common.footer.enforce)).into_any()
            } else {
                t!(common.footer.lan, enforce = t!(common.footer.enforce)).into_any()
            }}
        </footer>
    }
}

/// A header link's label.
fn nav_label(path: &str) -> impl IntoView {
    match path {
        "/origin" => t!(common.nav.origin).into_any(),
        "/lab" => t!(common.nav.lab).into_any(),
        "/quiz" => t!(common.nav.quiz).into_any(),
        "/why" => t!(common.nav.why).into_any(),
        "/explain" => t!(common.nav.explain).into_any(),
        _ => t!(common.nav.home).into_any(),
    }
}
