//! GETs of the app's own files and API from the main wasm: the frame's texts,
//! a page's texts, `/api/config`.
//!
//! The boot script (`cargo xtask wasm` writes it into `index.html`, see
//! `xtask/src/wasm.rs`) starts the downloads a first page needs while the
//! wasm is still on its way: `/api/config`, the opened page's chunks and
//! its texts in the language the learner will get. [`get`] takes such an
//! answer once, by its address; a request the script did not start, or one
//! that failed, is fetched anew.
//!
//! Plain `fetch` and the browser's `JSON.parse`: gloo-net and serde_json
//! would be in the main wasm only for these few requests, and every first
//! load would pay for them (pages' chunks still use both).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A GET that is already on its way: requests started one after another
/// travel together, whatever order they are awaited in.
pub struct Pending {
    url: String,
    request: js_sys::Promise,
    /// The request is the boot script's: if it failed, fetch once more.
    early: bool,
}

/// Why a GET gave no JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GetError {
    /// No answer at all: the network's or the browser's words.
    NoAnswer(String),
    /// An answer with this status.
    Status(u16),
    /// An answer whose body is not JSON: the browser's words.
    NotJson(String),
}

/// Starts a GET of `path` (absolute, or relative to the page), or takes the
/// boot script's request for it.
pub fn get(path: &str) -> Pending {
    let (request, early) = match started_by_boot_script(path) {
        Some(request) => (request, true),
        None => (fetch(path), false),
    };
    Pending {
        url: path.to_owned(),
        request,
        early,
    }
}

impl Pending {
    /// The answer's body as the browser parsed it.
    pub async fn json(self) -> Result<JsValue, GetError> {
        let response = match response(self.request).await {
            Ok(response) => response,
            Err(_) if self.early => response(fetch(&self.url)).await?,
            Err(error) => return Err(error),
        };
        if !response.ok() {
            return Err(GetError::Status(response.status()));
        }
        let body = response
            .json()
            .map_err(|e| GetError::NotJson(words_of(&e)))?;
        JsFuture::from(body)
            .await
            .map_err(|e| GetError::NotJson(words_of(&e)))
    }
}

fn fetch(url: &str) -> js_sys::Promise {
    match web_sys::window() {
        Some(window) => window.fetch_with_str(url),
        None => js_sys::Promise::reject(&"no window".into()),
    }
}

async fn response(promise: js_sys::Promise) -> Result<web_sys::Response, GetError> {
    JsFuture::from(promise)
        .await
        .map_err(|e| GetError::NoAnswer(words_of(&e)))?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| GetError::NoAnswer("not a response".to_owned()))
}

/// A thrown JavaScript value in the browser's words (`TypeError: Failed to fetch`).
fn words_of(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}

/// The request the boot script started for `path`, if it did; each is
/// handed out once.
fn started_by_boot_script(path: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let href = web_sys::Url::new_with_base(path, &window.location().href().ok()?)
        .ok()?
        .href();
    let take = js_sys::Reflect::get(&window, &"corsLabPrefetched".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    take.call1(&JsValue::NULL, &href.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}
