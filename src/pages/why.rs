//! `/why`: why the same-origin policy exists, shown with seven live demos —
//! a page reading an intranet, probing localhost, a logged-in victim's
//! cookie, embedding versus reading, a stylesheet and a font, the browser as
//! the runtime that enforces it, and a same-origin proxy. Each section has an id for deep links
//! (`/why#proxy`); the page keeps no other state.

use cors_core::wire::DemoConfig;
use leptos::prelude::*;

use crate::components::server_down::ServerDown;
use crate::components::why::card::OpenLog;
use crate::components::why::{
    credentials, css_font, intranet, load_vs_read, localhost, proxy, runtime,
};
use crate::demo;
use crate::i18n::{t, Text};

/// A demo's title, in the active language.
type Title = fn() -> Text;

/// The demos in page order: section id and title (for the contents list).
const SECTIONS: [(&str, Title); 7] = [
    (intranet::ID, intranet::title),
    (localhost::ID, localhost::title),
    (credentials::ID, credentials::title),
    (load_vs_read::ID, load_vs_read::title),
    (css_font::ID, css_font::title),
    (runtime::ID, runtime::title),
    (proxy::ID, proxy::title),
];

#[component]
pub fn WhyPage() -> impl IntoView {
    let config = demo::use_config();
    view! {
        <section class="hero" data-step="intro">
            <h1>{t!(why.title)}</h1>
            <p class="lead">{t!(why.lead)}</p>
            <p>{t!(why.how)}</p>
            <nav class="why-toc" aria-label=move || t!(why.toc_label).string()>
                <ol>
                    {SECTIONS
                        .iter()
                        .map(|(id, title)| view! { <li><a href=format!("#{id}")>{title()}</a></li> })
                        .collect_view()}
                </ol>
            </nav>
        </section>
        <Suspense fallback=|| view! { <p class="card">{t!(why.looking_for_server)}</p> }>
            {move || config.get().map(|result| match result {
                Ok(config) => view! { <Demos config /> }.into_any(),
                Err(message) => view! { <ServerDown message /> }.into_any(),
            })}
        </Suspense>
    }
}

/// The cards, once the demo server's ports are known.
#[component]
fn Demos(config: DemoConfig) -> impl IntoView {
    // The cards appear after the page loaded, too late for the browser's own
    // jump to `#proxy`: jump once they are in the document.
    Effect::new(|_| scroll_to_hash());
    OpenLog::provide();
    view! {
        <intranet::IntranetDemo config=config.clone() />
        <localhost::LocalhostDemo config=config.clone() />
        <credentials::CredentialsDemo config=config.clone() />
        <load_vs_read::LoadVsReadDemo config=config.clone() />
        <css_font::CssFontDemo config=config.clone() />
        <runtime::RuntimeDemo config=config.clone() />
        <proxy::ProxyDemo config />
    }
}

/// Scroll the element the address's `#fragment` names into view, if any.
fn scroll_to_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    if let Some(target) = window.document().and_then(|d| d.get_element_by_id(id)) {
        target.scroll_into_view();
    }
}
