//! Presenter mode's state, held by the frame and shared as a context: whether
//! the page is being presented, its steps and the current one — all read
//! from the address (`present=1`, `step=N`; the rules are
//! `cors_core::present`). Moving between steps and turning the mode on or
//! off are navigations with history entries, so reload, back and forward
//! work. Pages use [`Presenter::part`] (which of their parts is on screen),
//! [`Presenter::on_run_step`] (run when a step needs the run) and
//! [`Presenter::on_reset`] (drop results after "Reset demo state").

use std::rc::Rc;

use cors_core::present::{self, Focus, Nav, Page, Step};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::url_state;

type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

/// The presenter context (cheap to copy).
#[derive(Clone, Copy)]
pub struct Presenter {
    /// `present=1` is in the address.
    pub presenting: Memo<bool>,
    /// The current page's steps (empty on a page without steps).
    pub steps: Memo<Vec<Step>>,
    /// The current step, 0-based.
    pub index: Memo<usize>,
    /// The address names a step (`step=N`): a learner's view marks it.
    pub has_step: Memo<bool>,
    /// Counts "Reset demo state" presses: pages drop the results they show.
    pub resets: RwSignal<u32>,
    /// The router's path and pairs (they change as a navigation starts).
    path: Memo<String>,
    pairs: Memo<Vec<(String, String)>>,
    /// Counts the moments the browser's address settled: after each
    /// navigation (the router writes the address bar a little later) and
    /// each rewrite of the query by a page (`url_state::replace_query`).
    settled: RwSignal<u32>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

impl Presenter {
    /// Create the context (once, inside the router) and its effects: the
    /// `presenting` class on `<html>`, the keyboard, an address that always
    /// names the step in presenter mode, and scrolling to a shared step.
    pub fn provide() -> Presenter {
        let location = use_location();
        let navigate = use_navigate();
        let pairs = Memo::new(move |_| url_state::pairs_of(&location.search.get()));
        let presenting = Memo::new(move |_| pairs.with(|p| present::is_presenting(&borrowed(p))));
        let steps = Memo::new(move |_| {
            Page::from_path(&location.pathname.get())
                .map(present::steps)
                .unwrap_or_default()
        });
        let index = Memo::new(move |_| {
            steps.with(|s| pairs.with(|p| present::current_index(s, &borrowed(p))))
        });
        let has_step = Memo::new(move |_| pairs.with(|p| present::has_step(&borrowed(p))));
        let settled = RwSignal::new(0u32);
        let presenter = Presenter {
            presenting,
            steps,
            index,
            has_step,
            resets: RwSignal::new(0),
            path: location.pathname,
            pairs,
            settled,
            navigate: StoredValue::new_local(Rc::new(navigate) as Navigate),
        };
        provide_context(presenter);

        Effect::new(move |_| set_html_class(presenting.get()));

        Effect::new(move |_| {
            location.pathname.track();
            location.search.track();
            set_timeout(
                move || settled.update(|n| *n += 1),
                std::time::Duration::ZERO,
            );
        });

        // In presenter mode the address always says the step (and the
        // step's own pairs, e.g. the quiz question): the share link needs it.
        Effect::new(move |_| {
            settled.track();
            if !presenting.get() || steps.with(Vec::is_empty) {
                return;
            }
            let i = index.get();
            let Some(pairs) = presenter.settled_pairs() else {
                return; // a navigation is under way: look again once it settled
            };
            if !steps.with(|s| present::is_canonical(s, i, &borrowed(&pairs))) {
                presenter.go_to_with(i, true);
            }
        });

        // A learner's view of a shared step: scroll to it (its elements are
        // marked by the step style). Pages render some parts late (after
        // the demo server's config arrived): look again for a while.
        let generation = StoredValue::new(0u32);
        Effect::new(move |_| {
            let (on, has, i) = (presenting.get(), has_step.get(), index.get());
            let part = steps.with(|s| s.get(i).map(|s| s.part));
            generation.update_value(|g| *g += 1);
            if let (false, true, Some(part)) = (on, has, part) {
                scroll_to_part(part, generation, generation.get_value(), 50);
            }
        });

        let rewritten = window_event_listener_untyped(url_state::QUERY_REWRITTEN, move |_| {
            settled.update(|n| *n += 1)
        });
        let keys = window_event_listener(leptos::ev::keydown, move |ev| presenter.on_key(&ev));
        // Before the router's own link handling (which listens later, on
        // the window): links keep presenter mode.
        let links = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            presenter.on_link_click(&ev)
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(document) = &document {
            let _ = document.add_event_listener_with_callback_and_bool(
                "click",
                links.as_ref().unchecked_ref(),
                true,
            );
        }
        let links = StoredValue::new_local(links);
        on_cleanup(move || {
            rewritten.remove();
            keys.remove();
            if let Some(document) = &document {
                links.with_value(|links| {
                    let _ = document.remove_event_listener_with_callback_and_bool(
                        "click",
                        links.as_ref().unchecked_ref(),
                        true,
                    );
                });
            }
        });
        presenter
    }

    /// The frame's presenter, if there is one (component tests mount pages alone).
    pub fn get() -> Option<Presenter> {
        use_context::<Presenter>()
    }

    /// The current step.
    pub fn step(self) -> Option<Step> {
        self.steps.with(|s| s.get(self.index.get()).cloned())
    }

    /// The part on screen in presenter mode; `None` when not presenting.
    pub fn part(self) -> Option<&'static str> {
        if !self.presenting.get() {
            return None;
        }
        self.steps.with(|s| s.get(self.index.get()).map(|s| s.part))
    }

    /// "Step 2 of 5: What the browser sent".
    /// "Step 2 of 5: What the browser sent" (reactive).
    pub fn announcement(self) -> String {
        let index = self.index.get();
        self.steps.with(|steps| match steps.get(index) {
            Some(step) => crate::i18n::t!(
                common.present.announcement,
                n = index + 1,
                count = steps.len(),
                title = crate::words::step_title(step.title)
            )
            .string(),
            None => String::new(),
        })
    }

    pub fn go(self, nav: Nav) {
        let count = self.steps.with_untracked(Vec::len);
        self.go_to(present::go(nav, self.index.get_untracked(), count));
    }

    /// Move to step `index` (a history entry: Back returns).
    pub fn go_to(self, index: usize) {
        self.go_to_with(index, false);
        if self.presenting.get_untracked() {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    fn go_to_with(self, index: usize, replace: bool) {
        let steps = self.steps.get_untracked();
        if steps.is_empty() {
            return;
        }
        let pairs = present::at_step(&self.address_pairs(), &steps, index);
        self.navigate_to(&pairs, replace);
    }

    /// Turn presenter mode on or off, on the same page and step.
    pub fn toggle(self) {
        let on = !self.presenting.get_untracked();
        self.navigate_to(&present::with_presenting(&self.address_pairs(), on), false);
    }

    /// Drop `step=N` from the address (a learner done with a shared step).
    pub fn forget_step(self) {
        let pairs: Vec<(String, String)> = self
            .address_pairs()
            .into_iter()
            .filter(|(k, _)| k != present::STEP_PARAM)
            .collect();
        self.navigate_to(&pairs, true);
    }

    /// The address bar's pairs, when it already shows the router's page
    /// (pages rewrite their own pairs without the router).
    fn settled_pairs(self) -> Option<Vec<(String, String)>> {
        (current_path() == self.path.get_untracked()).then(url_state::all_pairs)
    }

    /// The current pairs: the address bar's, or the router's while a
    /// navigation is under way.
    fn address_pairs(self) -> Vec<(String, String)> {
        self.settled_pairs()
            .unwrap_or_else(|| self.pairs.get_untracked())
    }

    /// The address a page of the app has from the header's navigation:
    /// presenter mode stays on.
    /// The language chosen in the address stays too.
    pub fn href(self, path: &str) -> String {
        // A new language is written into the address as it is chosen.
        crate::i18n::locale();
        let mut pairs = Vec::new();
        if self.presenting.get() {
            pairs.push((present::PRESENT_PARAM, "1".to_owned()));
        }
        if let Some(lang) = url_state::param(present::LANG_PARAM) {
            pairs.push((present::LANG_PARAM, lang));
        }
        url_state::href(path, &pairs)
    }

    /// The link the class opens: this page, its state and step, without
    /// the instructor's parameters (reactive).
    pub fn share_url(self) -> String {
        self.settled.track();
        self.index.track();
        self.presenting.track();
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let path = self.path.get_untracked();
        // The class opens the page in the language it is presented in.
        let mut pairs = self.address_pairs();
        pairs.retain(|(k, _)| k != present::LANG_PARAM);
        let locale = crate::i18n::locale();
        pairs.push((present::LANG_PARAM.to_owned(), locale.tag().to_owned()));
        match present::share_query(Page::from_path(&path), &pairs) {
            query if query.is_empty() => format!("{origin}{path}"),
            query => format!("{origin}{path}?{query}"),
        }
    }

    /// Call `run` whenever presenter mode is at a step that shows a run's
    /// evidence: entering it, or opening the page at it.
    pub fn on_run_step(run: impl Fn() + 'static) {
        let Some(presenter) = Presenter::get() else {
            return;
        };
        Effect::new(move |_| {
            let needs = presenter.presenting.get() && presenter.step().is_some_and(|s| s.needs_run);
            if needs {
                untrack(&run);
            }
        });
    }

    /// Call `drop_results` after each "Reset demo state".
    pub fn on_reset(drop_results: impl Fn() + 'static) {
        let Some(presenter) = Presenter::get() else {
            return;
        };
        Effect::new(move |seen: Option<u32>| {
            let now = presenter.resets.get();
            if seen.is_some_and(|s| s != now) {
                untrack(&drop_results);
            }
            now
        });
    }

    fn navigate_to(self, pairs: &[(String, String)], replace: bool) {
        let url = url_state::href(&self.path.get_untracked(), pairs);
        let options = NavigateOptions {
            resolve: false,
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        let navigate = self.navigate.get_value();
        navigate(&url, options);
    }

    /// A click on a link to one of the app's pages, in presenter mode: go
    /// there presenting, at the step its `#fragment` names (`/why#proxy`).
    fn on_link_click(self, ev: &web_sys::MouseEvent) {
        if !self.presenting.get_untracked()
            || ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let anchor = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else {
            return;
        };
        if !anchor.target().is_empty() || anchor.has_attribute("download") {
            return;
        }
        let Ok(url) = web_sys::Url::new(&anchor.href()) else {
            return;
        };
        let origin = web_sys::window().and_then(|w| w.location().origin().ok());
        let Some(page) = Page::from_path(&url.pathname()) else {
            return;
        };
        if origin.as_deref() != Some(url.origin().as_str()) {
            return;
        }
        let pairs = url_state::pairs_of(&url.search());
        let Some(pairs) = present::presenting_link(page, &pairs, &url.hash()) else {
            return;
        };
        ev.prevent_default();
        let same_page = url.pathname() == self.path.get_untracked();
        let to = format!("{}{}", url_state::href(&url.pathname(), &pairs), url.hash());
        let navigate = self.navigate.get_value();
        navigate(
            &to,
            NavigateOptions {
                resolve: false,
                scroll: !same_page,
                ..NavigateOptions::default()
            },
        );
        if same_page {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    fn on_key(self, ev: &web_sys::KeyboardEvent) {
        if ev.default_prevented() || ev.is_composing() {
            return;
        }
        let ctrl_or_meta = ev.ctrl_key() || ev.meta_key();
        if present::is_toggle_shortcut(&ev.code(), ev.alt_key(), ev.shift_key(), ctrl_or_meta) {
            ev.prevent_default();
            self.toggle();
            return;
        }
        if !self.presenting.get_untracked() {
            return;
        }
        let nav = present::nav_for_key(
            &ev.key(),
            ev.shift_key(),
            ctrl_or_meta || ev.alt_key(),
            focus_of(ev.target()),
        );
        if let Some(nav) = nav {
            ev.prevent_default();
            self.go(nav);
        }
    }
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// Where a key press happened, for [`present::nav_for_key`].
fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Focus::Page;
    };
    let inside = |selector: &str| element.closest(selector).ok().flatten().is_some();
    if inside("input, textarea, select, [contenteditable]:not([contenteditable='false'])") {
        Focus::Editing
    } else if inside("button, a[href], summary, [role='button'], [role='link']") {
        Focus::Control
    } else {
        Focus::Page
    }
}

fn set_html_class(presenting: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root
            .class_list()
            .toggle_with_force("presenting", presenting);
    }
}

/// Scroll the first element of `part` into view once it exists, trying
/// `tries` more times a tenth of a second apart, unless the step changed.
fn scroll_to_part(part: &'static str, generation: StoredValue<u32>, mine: u32, tries: u32) {
    if generation.try_get_value() != Some(mine) {
        return;
    }
    let found = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(&present::marked_selector(part))
            .ok()
            .flatten()
    });
    match found {
        Some(element) => element.scroll_into_view(),
        None if tries > 0 => set_timeout(
            move || scroll_to_part(part, generation, mine, tries - 1),
            std::time::Duration::from_millis(100),
        ),
        None => {}
    }
}
