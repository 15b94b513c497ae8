//! Answers to requests the boot script started before the app ran.
//!
//! The boot script (`cargo xtask wasm` writes it into `index.html`, see
//! `xtask/src/wasm.rs`) starts the downloads a first page needs while the
//! wasm is still on its way: `/api/config`, the opened page's chunks and
//! its texts in the language the learner will get. The app takes each
//! answer here once, by its address; a request the script did not start, or
//! one that failed, is `None`, and the caller fetches it itself.

/// The answer to a request the boot script started for `path` (absolute or
/// relative to the page), if it did and it succeeded; each is handed out
/// once.
pub async fn take(path: &str) -> Option<gloo_net::http::Response> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let href = web_sys::Url::new_with_base(path, &window.location().href().ok()?)
        .ok()?
        .href();
    let take = js_sys::Reflect::get(&window, &"corsLabPrefetched".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = take
        .call1(&wasm_bindgen::JsValue::NULL, &href.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    Some(gloo_net::http::Response::from(response))
}
