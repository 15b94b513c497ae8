//! The address bar as the page's state: read the query once, then keep it in
//! step with what is on screen (replaceState: no history entry per keystroke),
//! so a copied link reproduces exactly what the learner saw.
//!
//! The frame's own pairs (`present`, `step`: presenter mode) are not the
//! page's: [`current_pairs`] leaves them out and [`replace_query`] keeps them.
//!
//! Writes are throttled here, for every page: Chrome ignores `replaceState`
//! beyond about 200 calls in 10 seconds, and pages write on each keystroke.
//! A write comes at once when the last was [`MIN_GAP`] ago or more; else the
//! latest one waits for a single trailing write (dropped if the page has
//! changed path by then). Meanwhile [`all_pairs`] already reads the waiting
//! value, so links and navigations built from the address are not stale.

use std::cell::RefCell;
use std::time::Duration;

use cors_core::present;

/// Fired on `window` after [`replace_query`] rewrote the address (the
/// router does not see `replaceState`; the presenter's share link listens).
pub const QUERY_REWRITTEN: &str = "cors-lab-query";

/// The shortest time between two writes of the address bar.
pub const MIN_GAP: Duration = Duration::from_millis(300);

/// The throttle's state (one per tab: wasm is single-threaded).
#[derive(Default)]
struct Writes {
    /// When the address was last written (`Date.now()`, ms).
    last: Option<f64>,
    /// The latest write waiting for the trailing timer: path, page pairs.
    pending: Option<(String, Vec<(String, String)>)>,
    /// The trailing timer is set.
    scheduled: bool,
}

thread_local! {
    static WRITES: RefCell<Writes> = RefCell::new(Writes::default());
}

/// Every pair of the current query, decoded, in order — with a page's write
/// that is still waiting for the throttle already applied.
pub fn all_pairs() -> Vec<(String, String)> {
    let location = web_sys::window().map(|w| w.location());
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let pairs = pairs_of(&search);
    let path = location.and_then(|l| l.pathname().ok()).unwrap_or_default();
    let pending = WRITES.with(|w| {
        w.borrow()
            .pending
            .as_ref()
            .filter(|(p, _)| *p == path)
            .map(|(_, page)| page.clone())
    });
    match pending {
        Some(mut page) => {
            page.extend(present::frame_pairs(&pairs));
            page
        }
        None => pairs,
    }
}

/// The page's own pairs of the current query (the frame's left out).
pub fn current_pairs() -> Vec<(String, String)> {
    present::page_pairs(&all_pairs())
}

/// A query string (`?a=1&b=2` or `a=1`) as decoded pairs, in order.
pub fn pairs_of(search: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(&params.entries()) {
        for entry in entries.flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                pairs.push((k, v));
            }
        }
    }
    pairs
}

/// Replace the page's part of the address bar's query without a navigation;
/// the frame's pairs (presenter mode, step) stay as they are. Throttled (see
/// the module's notes): the address may follow up to [`MIN_GAP`] later.
pub fn replace_query<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) {
    let page: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
        .collect();
    let now = js_sys::Date::now();
    enum Then {
        WriteNow,
        Schedule(f64),
        Wait,
    }
    let then = WRITES.with(|w| {
        let mut w = w.borrow_mut();
        let since = w.last.map(|last| now - last);
        let gap = MIN_GAP.as_secs_f64() * 1000.0;
        match since {
            _ if w.scheduled => {
                w.pending = Some((path.to_owned(), page.clone()));
                Then::Wait
            }
            Some(since) if (0.0..gap).contains(&since) => {
                w.pending = Some((path.to_owned(), page.clone()));
                w.scheduled = true;
                Then::Schedule(gap - since)
            }
            _ => {
                w.last = Some(now);
                Then::WriteNow
            }
        }
    });
    match then {
        Then::Wait => {}
        Then::WriteNow => write(path, &page),
        Then::Schedule(ms) => {
            let timer = leptos::prelude::set_timeout_with_handle(
                write_pending,
                Duration::from_millis(ms.ceil() as u64),
            );
            if timer.is_err() {
                write_pending();
            }
        }
    }
}

/// The trailing write: the latest waiting one, if its page is still shown.
fn write_pending() {
    let pending = WRITES.with(|w| {
        let mut w = w.borrow_mut();
        w.scheduled = false;
        w.last = Some(js_sys::Date::now());
        w.pending.take()
    });
    let current = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if let Some((path, page)) = pending.filter(|(path, _)| *path == current) {
        write(&path, &page);
    }
}

/// Write the address bar now: `path`, the page's pairs, the frame's kept.
fn write(path: &str, page: &[(String, String)]) {
    let mut all = page.to_vec();
    all.extend(present::frame_pairs(&all_pairs()));
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&href(path, &all)),
        );
    }
    if let Ok(event) = web_sys::Event::new(QUERY_REWRITTEN) {
        let _ = window.dispatch_event(&event);
    }
}

/// Sets (or with `None` removes) one of the frame's pairs in the address
/// bar at once, the page's pairs kept (see [`present::FRAME_PARAMS`]).
pub fn set_frame_param(key: &str, value: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let mut pairs: Vec<(String, String)> =
        all_pairs().into_iter().filter(|(k, _)| k != key).collect();
    if let Some(value) = value {
        pairs.push((key.to_owned(), value.to_owned()));
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&href(&path, &pairs)),
        );
    }
    if let Ok(event) = web_sys::Event::new(QUERY_REWRITTEN) {
        let _ = window.dispatch_event(&event);
    }
}

/// The value of a pair of the address bar's query.
pub fn param(key: &str) -> Option<String> {
    all_pairs()
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// `path?query`, or just `path` without pairs.
pub fn href<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) -> String {
    let query = encode(params);
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The full address of a page of this app with the given query (for "copy link").
pub fn absolute_url<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", href(path, params))
}

/// `path?query` for a link inside this app (just `path` without pairs).
pub fn path_with_query<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) -> String {
    if params.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", encode(params))
    }
}

fn encode<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    params
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                String::from(js_sys::encode_uri_component(k.as_ref())),
                String::from(js_sys::encode_uri_component(v.as_ref()))
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}
