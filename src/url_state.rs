//! The address bar as the page's state: read the query once, then keep it in
//! step with what is on screen (replaceState: no history entry per keystroke),
//! so a copied link reproduces exactly what the learner saw.
//!
//! The frame's own pairs (`present`, `step`: presenter mode) are not the
//! page's: [`current_pairs`] leaves them out and [`replace_query`] keeps them.

use cors_core::present;

/// Fired on `window` after [`replace_query`] rewrote the address (the
/// router does not see `replaceState`; the presenter's share link listens).
pub const QUERY_REWRITTEN: &str = "cors-lab-query";

/// Every pair of the current query, decoded, in order.
pub fn all_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    pairs_of(&search)
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
/// the frame's pairs (presenter mode, step) stay as they are.
pub fn replace_query<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) {
    let mut all: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
        .collect();
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
