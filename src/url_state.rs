//! The address bar as the page's state: read the query once, then keep it in
//! step with what is on screen (replaceState: no history entry per keystroke),
//! so a copied link reproduces exactly what the learner saw.

/// The current query as decoded pairs, in order.
pub fn current_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
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

/// Replace the address bar's query without a navigation.
pub fn replace_query<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) {
    let query = encode(params);
    let url = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The full address of a page of this app with the given query (for "copy link").
pub fn absolute_url<K: AsRef<str>, V: AsRef<str>>(path: &str, params: &[(K, V)]) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}?{}", encode(params))
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
