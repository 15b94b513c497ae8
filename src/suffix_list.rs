//! The Public Suffix List, which same-site and cookie verdicts need. It is
//! not compiled into the wasm: the first view that asks for it fetches
//! `/psl/public_suffix_list.dat` (copied there by Trunk from `public/psl/`),
//! once per page load (again only after a failure), and every view shares
//! the result through a context.

use std::sync::Arc;

use cors_core::suffix_list::{NotTheList, SuffixList};
use gloo_net::http::Request;
use leptos::prelude::*;

/// Where the app serves the list.
pub const LIST_URL: &str = "/psl/public_suffix_list.dat";

/// Why the list is not here (its words: `words::url::list_error`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// The request failed (network, server down).
    RequestFailed,
    /// The server answered with this status, not 200.
    Status(u16),
    /// The answer's body could not be read.
    Unreadable,
    /// What came back was not the list (an HTML error page, say).
    NotTheList(NotTheList),
}

/// The list, or why there is none (yet).
#[derive(Clone, Debug)]
pub enum ListState {
    Loading,
    /// The fetch failed, or what came back was not the list.
    Failed(ListError),
    Ready(Arc<SuffixList>),
}

/// A result that needs the list: waiting for it, impossible without it, or here.
#[derive(Clone, Debug, PartialEq)]
pub enum WithList<T> {
    Loading,
    Failed(ListError),
    Ready(T),
}

impl ListState {
    /// `f` applied to the list when it is here.
    pub fn map<T>(&self, f: impl FnOnce(&SuffixList) -> T) -> WithList<T> {
        match self {
            ListState::Loading => WithList::Loading,
            ListState::Failed(why) => WithList::Failed(why.clone()),
            ListState::Ready(list) => WithList::Ready(f(list)),
        }
    }
}

/// Shared by every view: `None` until a view first asks for the list.
#[derive(Clone, Copy)]
struct Shared(RwSignal<Option<ListState>>);

/// Call once, in the app's root, so the list outlives page changes.
pub fn provide_suffix_list() {
    provide_context(Shared(RwSignal::new(None)));
}

/// The list's state. The first call starts the fetch; after a failed fetch,
/// the next view that asks tries again (a learner who goes back to
/// `/origin` need not reload the page).
pub fn use_suffix_list() -> Signal<ListState> {
    let shared = shared();
    if shared
        .0
        .with_untracked(|s| matches!(s, None | Some(ListState::Failed(_))))
    {
        start_fetch(shared);
    }
    Signal::derive(move || shared.0.get().unwrap_or(ListState::Loading))
}

/// Fetch the list again if the last try failed ("Try again" buttons).
pub fn retry_suffix_list() {
    let shared = shared();
    if shared
        .0
        .with_untracked(|s| matches!(s, Some(ListState::Failed(_))))
    {
        start_fetch(shared);
    }
}

fn shared() -> Shared {
    use_context::<Shared>().unwrap_or_else(|| {
        let shared = Shared(RwSignal::new(None));
        provide_context(shared);
        shared
    })
}

fn start_fetch(shared: Shared) {
    shared.0.set(Some(ListState::Loading));
    leptos::task::spawn_local(async move {
        let state = match fetch_list().await {
            Ok(list) => ListState::Ready(Arc::new(list)),
            Err(why) => ListState::Failed(why),
        };
        // The app may be gone by now: then there is nothing to update.
        let _ = shared.0.try_set(Some(state));
    });
}

async fn fetch_list() -> Result<SuffixList, ListError> {
    let response = Request::get(LIST_URL)
        .send()
        .await
        .map_err(|_| ListError::RequestFailed)?;
    if !response.ok() {
        return Err(ListError::Status(response.status()));
    }
    let text = response.text().await.map_err(|_| ListError::Unreadable)?;
    SuffixList::parse(&text).map_err(ListError::NotTheList)
}
