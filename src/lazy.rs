//! What loads as a wasm chunk of its own: each page, when the learner goes
//! there, and presenter mode's side panel, when presenting.
//!
//! Every page is a `#[wasm_split(route_<name>)]` function: `cargo xtask wasm`
//! cuts the linked wasm at those functions into one chunk per page (plus
//! chunks of code that several pages share), and the boot script in
//! `index.html` starts fetching the opened page's chunks together with the
//! main wasm (the `route_<name>` ↔ `/<name>` naming is that script's map;
//! `route_home` is `/`). The loads are `fallible`: a chunk that cannot be
//! fetched gives a `SplitLoaderError`, never a panic (which would kill the page),
//! and the learner gets a message and a "Try again" button.
//!
//! After the first page has rendered, the other pages' chunks are fetched in
//! the background ([`preload_others`]), so later navigation is instant.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::i18n::{t, Page, Text};
use crate::pages;

/// The pieces of the app that load as chunks of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    Home,
    Origin,
    Lab,
    Quiz,
    Why,
    Explain,
    /// Presenter mode's side panel (class link, reset, the big live log).
    PresenterPanel,
    /// The first experiment's live server log on `/`: the start page paints
    /// without it (its code is the largest part of that page), and it follows
    /// a moment later. Other pages that show a log have its code in their own
    /// chunks.
    HomeLog,
}

impl Chunk {
    pub const ALL: [Chunk; 8] = [
        Chunk::Home,
        Chunk::HomeLog,
        Chunk::Origin,
        Chunk::Lab,
        Chunk::Quiz,
        Chunk::Why,
        Chunk::Explain,
        Chunk::PresenterPanel,
    ];

    /// What the loading and failure messages call the page (a text of the
    /// frame's, which are here before any page).
    pub fn title(self) -> Text {
        match self {
            Chunk::Home => t!(common.chunk.home),
            Chunk::Origin => t!(common.chunk.origin),
            Chunk::Lab => t!(common.chunk.lab),
            Chunk::Quiz => t!(common.chunk.quiz),
            Chunk::Why => t!(common.chunk.why),
            Chunk::Explain => t!(common.chunk.explain),
            Chunk::PresenterPanel => t!(common.chunk.presenter_panel),
            Chunk::HomeLog => t!(common.chunk.home_log),
        }
    }

    /// The page shown at an address of the app.
    pub fn from_path(path: &str) -> Option<Chunk> {
        match path {
            "/" => Some(Chunk::Home),
            "/origin" => Some(Chunk::Origin),
            "/lab" => Some(Chunk::Lab),
            "/quiz" => Some(Chunk::Quiz),
            "/why" => Some(Chunk::Why),
            "/explain" => Some(Chunk::Explain),
            _ => None,
        }
    }

    /// The file of texts the chunk reads besides the frame's.
    pub fn texts(self) -> Page {
        match self {
            Chunk::Home => Page::Home,
            Chunk::Origin => Page::Origin,
            Chunk::Lab => Page::Lab,
            Chunk::Quiz => Page::Quiz,
            Chunk::Why => Page::Why,
            Chunk::Explain => Page::Explain,
            Chunk::PresenterPanel | Chunk::HomeLog => Page::Common,
        }
    }

    /// Every file of texts the chunk needs besides the frame's: its own and
    /// those of other pages it shows parts of (`locales/also.json`, which the
    /// boot script reads too).
    pub fn all_texts(self) -> Vec<Page> {
        let page = self.texts();
        let mut all = vec![page];
        all.extend_from_slice(page.also());
        all
    }

    /// The page's view, once its chunk is loaded.
    async fn view(self) -> Result<AnyView, SplitLoaderError> {
        match self {
            Chunk::Home => route_home().await,
            Chunk::Origin => route_origin().await,
            Chunk::Lab => route_lab().await,
            Chunk::Quiz => route_quiz().await,
            Chunk::Why => route_why().await,
            Chunk::Explain => route_explain().await,
            Chunk::PresenterPanel => presenter_panel().await,
            Chunk::HomeLog => home_log().await,
        }
    }

    /// Fetches the page's chunk without showing it.
    async fn preload(self) -> Result<(), SplitLoaderError> {
        match self {
            Chunk::Home => preload_home().await,
            Chunk::Origin => preload_origin().await,
            Chunk::Lab => preload_lab().await,
            Chunk::Quiz => preload_quiz().await,
            Chunk::Why => preload_why().await,
            Chunk::Explain => preload_explain().await,
            Chunk::PresenterPanel => preload_presenter_panel().await,
            Chunk::HomeLog => preload_home_log().await,
        }
    }
}

#[wasm_split(route_home, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_home))]
fn route_home() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::home::HomePage /> }.into_any())
}

#[wasm_split(route_origin, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_origin))]
fn route_origin() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::origin::OriginPage /> }.into_any())
}

#[wasm_split(route_lab, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_lab))]
fn route_lab() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::lab::LabPage /> }.into_any())
}

#[wasm_split(route_quiz, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_quiz))]
fn route_quiz() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::quiz::QuizPage /> }.into_any())
}

#[wasm_split(route_why, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_why))]
fn route_why() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::why::WhyPage /> }.into_any())
}

#[wasm_split(route_explain, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_explain))]
fn route_explain() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::explain::ExplainPage /> }.into_any())
}

#[wasm_split(presenter_panel, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_presenter_panel))]
fn presenter_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::components::presenter::PresenterPanel /> }.into_any())
}

#[wasm_split(home_log, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_home_log))]
fn home_log() -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <crate::components::server_log::ServerLog learner=crate::demo::learner_tag() everyone=true />
    }
    .into_any())
}

/// A chunk's view: the page (or panel) once its chunk is here; meanwhile a short
/// "Loading…" line; if the chunk cannot load, what happened and a retry.
#[component]
pub fn Lazy(chunk: Chunk) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let view = move || {
        attempt.track();
        // The page's texts, then its code: the code's download started with
        // the main wasm's (the boot script), so the two overlap.
        let locale = crate::i18n::locale_untracked();
        let texts = LocalResource::new(move || crate::i18n::load_all(locale, chunk.all_texts()));
        Suspend::new(async move {
            if texts.await.is_err() {
                return view! { <LoadFailedNote chunk attempt /> }.into_any();
            }
            match chunk.view().await {
                Ok(view) => {
                    preload_others(chunk);
                    view
                }
                Err(_) => view! { <LoadFailedNote chunk attempt /> }.into_any(),
            }
        })
    };
    view! {
        <Suspense fallback=move || view! {
            <p class="page-loading" data-testid="page-loading" role="status">
                {t!(common.loading, what = chunk.title())}
            </p>
        }>
            {view}
        </Suspense>
    }
}

/// How a page shows a piece that loads as a chunk of its own
/// ([`Chunk::HomeLog`]): through the frame, which [`provide_later`] lets
/// render it. A page's code naming [`Lazy`] itself would carry every chunk's
/// loader into the page's chunk, and so into any build that links the page
/// without the splitter (the wasm-bindgen tests), where nothing resolves them.
#[derive(Clone, Copy)]
struct Later(fn(Chunk) -> AnyView);

/// Called once by the frame (in the main wasm).
pub fn provide_later() {
    provide_context(Later(|chunk| view! { <Lazy chunk /> }.into_any()));
}

/// `chunk`'s view, loaded after the page around it (nothing outside the app).
pub fn later(chunk: Chunk) -> AnyView {
    match use_context::<Later>() {
        Some(Later(render)) => render(chunk),
        None => ().into_any(),
    }
}

/// Shown when a page's chunk failed to load: no blank page, a way out.
#[component]
fn LoadFailedNote(chunk: Chunk, attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="load-failed" role="alert" data-testid="page-load-failed">
            <p>{t!(common.load_failed, what = chunk.title())}</p>
            <button type="button" data-testid="page-load-retry"
                on:click=move |_| attempt.update(|n| *n += 1)>
                {t!(common.try_again)}
            </button>
            // After the lab was rebuilt, this page's code has a new address:
            // only a reload finds it.
            " "
            <button type="button" data-testid="page-load-reload"
                on:click=move |_| { let _ = window().location().reload(); }>
                {t!(common.reload)}
            </button>
        </div>
    }
}

/// Once one page is up, fetch the others' chunks in the background, most
/// likely next first; only once per visit. A failure here is ignored (the
/// page's own load tries again when the learner goes there).
fn preload_others(shown: Chunk) {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    // After the page has painted, so its first frame never waits on these.
    request_animation_frame(move || {
        set_timeout(
            move || spawn_local(preload_all_but(shown)),
            std::time::Duration::ZERO,
        )
    });
}

async fn preload_all_but(shown: Chunk) {
    for chunk in Chunk::ALL.into_iter().filter(|c| *c != shown) {
        let _ = chunk.preload().await;
    }
    // Tests and the benchmark wait for this: every chunk has been tried.
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-chunks", "preloaded");
    }
}
