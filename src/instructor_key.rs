//! The instructor key of classroom mode: taken from the instructor's URL
//! (`?instructor=KEY`), kept in this tab's sessionStorage, and sent only to
//! the app origin's own `/api/…` (`key_pair`). Its own module so that the
//! demo server's edge (`demo`) and the seat (`classroom`) both use it
//! without depending on each other.

use cors_core::wire::INSTRUCTOR_PARAM;

const KEY_STORAGE: &str = "cors-lab.instructor";

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Takes `?instructor=KEY` out of the address bar into sessionStorage (this
/// tab only), so the key is not on the projected screen nor in a link the
/// instructor shares.
pub fn capture_instructor_key() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let Some(key) = params.get(INSTRUCTOR_PARAM).filter(|k| !k.is_empty()) else {
        return;
    };
    if let Some(storage) = session() {
        // Private browsing may refuse: then the key lasts for this page only.
        let _ = storage.set_item(KEY_STORAGE, &key);
    }
    PAGE_KEY.with(|k| *k.borrow_mut() = Some(key));
    params.delete(INSTRUCTOR_PARAM);
    let rest = String::from(params.to_string());
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let hash = location.hash().unwrap_or_default();
    let url = if rest.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{rest}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

thread_local! {
    /// The key when storage refused it.
    static PAGE_KEY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The instructor key this tab holds, if any.
pub fn instructor_key() -> Option<String> {
    session()
        .and_then(|s| s.get_item(KEY_STORAGE).ok().flatten())
        .or_else(|| PAGE_KEY.with(|k| k.borrow().clone()))
        .filter(|k| !k.is_empty())
}

pub(crate) fn forget_instructor_key() {
    if let Some(storage) = session() {
        let _ = storage.remove_item(KEY_STORAGE);
    }
    PAGE_KEY.with(|k| *k.borrow_mut() = None);
}

/// `instructor=<key>` for a query, when this tab holds a key.
pub fn key_pair() -> Option<String> {
    instructor_key().map(|key| {
        format!(
            "{INSTRUCTOR_PARAM}={}",
            String::from(js_sys::encode_uri_component(&key))
        )
    })
}
