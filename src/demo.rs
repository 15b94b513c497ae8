//! The edge between the app and the demo server: where the demo origins are,
//! which learner this browser is, and the real `fetch` calls.

use cors_core::wire::{DemoConfig, Role, LEARNER_PARAM};
use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::{provide_context, use_context, LocalResource};

/// A GET of `url` exactly as written. gloo-net appends the builder's query
/// to a URL with `&` even when that query is empty, which left a stray `&`
/// at the end of every URL that already had one (seen in the server log):
/// the URL's own pairs go through the builder instead.
pub fn get(url: &str) -> RequestBuilder {
    with_query(Request::get, url)
}

/// A POST to `url` exactly as written (see [`get`]).
pub fn post(url: &str) -> RequestBuilder {
    with_query(Request::post, url)
}

fn with_query(method: fn(&str) -> RequestBuilder, url: &str) -> RequestBuilder {
    match url.split_once('?') {
        Some((path, query)) => {
            let pairs = query_pairs(query);
            method(path).query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        }
        None => method(url),
    }
}

/// `a=1&b=x%20y` as decoded pairs (form encoding: `+` is a space).
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| -> String {
        js_sys::decode_uri_component(&s.replace('+', " "))
            .map(String::from)
            .unwrap_or_else(|_| s.to_owned())
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Why the demo server's config did not arrive (shown by `ServerDown`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// No answer at all: the network's or the browser's words.
    NoAnswer(String),
    /// An answer with this status.
    Status(u16),
    /// An answer that was not the config: the parser's words.
    Garbled(String),
}

impl ConfigError {
    /// The error in the learner's language.
    pub fn text(&self) -> crate::i18n::Text {
        use crate::i18n::t;
        match self {
            ConfigError::NoAnswer(error) => t!(common.config.no_answer, error = error.clone()),
            ConfigError::Status(status) => t!(common.config.status, status = *status),
            ConfigError::Garbled(error) => t!(common.config.garbled, error = error.clone()),
        }
    }
}

/// Fetch `/api/config` from the app's own origin (same-origin: always readable),
/// with the instructor key when this tab holds one.
pub async fn load_config() -> Result<DemoConfig, ConfigError> {
    let url = match crate::instructor_key::key_pair() {
        Some(key) => format!("/api/config?{key}"),
        None => "/api/config".to_owned(),
    };
    // The boot script (index.html) asked for the keyless config while the
    // wasm was downloading; `prefetch::get` takes that answer when it is the
    // one we need.
    let body = crate::prefetch::get(&url)
        .json()
        .await
        .map_err(|error| match error {
            crate::prefetch::GetError::NoAnswer(words) => ConfigError::NoAnswer(words),
            crate::prefetch::GetError::Status(status) => ConfigError::Status(status),
            crate::prefetch::GetError::NotJson(words) => ConfigError::Garbled(words),
        })?;
    config_from_json(&body).map_err(|field| ConfigError::Garbled(field.to_owned()))
}

/// `/api/config`'s answer, as the browser parsed it, read into the wire type
/// the server serialises (`cors_core::wire::DemoConfig`; a wasm test checks
/// this reader against serde's output). Read by hand: serde_json would be in
/// the main wasm for this alone. A wrong or missing field is named (code,
/// the same in every language).
pub fn config_from_json(body: &wasm_bindgen::JsValue) -> Result<DemoConfig, &'static str> {
    let field = |name: &str| js_sys::Reflect::get(body, &name.into()).unwrap_or_default();
    let port = |name: &'static str| {
        field(name)
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (1.0..=65535.0).contains(n))
            .map(|n| n as u16)
            .ok_or(name)
    };
    // `#[serde(default)]` in the wire type: absent is false.
    let flag = |name: &'static str| {
        let value = field(name);
        match value.as_bool() {
            Some(flag) => Ok(flag),
            None if value.is_undefined() => Ok(false),
            None => Err(name),
        }
    };
    let alt_host = field("alt_host");
    let alt_host = match alt_host.as_string() {
        Some(host) => Some(host),
        None if alt_host.is_null() || alt_host.is_undefined() => None,
        None => return Err("alt_host"),
    };
    Ok(DemoConfig {
        app_port: port("app_port")?,
        api_port: port("api_port")?,
        intranet_port: port("intranet_port")?,
        alt_host,
        classroom: flag("classroom")?,
        instructor: flag("instructor")?,
    })
}

/// `/api/config` as a resource. The demo origins do not change while the app
/// runs, so the app fetches it once ([`provide_config`]) and every page and
/// the classroom seat share that answer.
pub type ConfigResource = LocalResource<Result<DemoConfig, ConfigError>>;

#[derive(Clone, Copy)]
struct SharedConfig(ConfigResource);

/// Call once, in the app's root (after the instructor key is captured, so
/// the one request carries it).
pub fn provide_config() {
    provide_context(SharedConfig(LocalResource::new(load_config)));
}

/// The shared `/api/config` (a fetch of its own outside the app, e.g. in
/// component tests).
pub fn use_config() -> ConfigResource {
    use_context::<SharedConfig>()
        .map(|shared| shared.0)
        .unwrap_or_else(|| LocalResource::new(load_config))
}

/// The learner's own browser family (from `navigator.userAgent`).
pub fn this_browser() -> cors_core::browser::Browser {
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    cors_core::browser::Browser::from_user_agent(&agent)
}

/// The host the page was opened on (`localhost`, `127.0.0.1`, a LAN address...).
/// Every demo origin uses this host, so the lab works wherever it is opened.
pub fn page_host() -> String {
    web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

/// `http://<page host>:<port>` of a demo origin.
pub fn origin_url(config: &DemoConfig, role: Role) -> String {
    let port = match role {
        Role::App => config.app_port,
        Role::Api => config.api_port,
        Role::Intranet => config.intranet_port,
    };
    format!("http://{}:{port}", page_host())
}

/// A URL on a demo origin, tagged with this learner so the log can be filtered.
pub fn tagged_url(config: &DemoConfig, role: Role, path: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!(
        "{}{path}{sep}{LEARNER_PARAM}={}",
        origin_url(config, role),
        learner_tag()
    )
}

const LEARNER_KEY: &str = "cors-lab.learner";

/// A random tag for this browser, kept in localStorage so it survives reloads.
/// Requests carry it as a query parameter (a custom header would itself
/// trigger a preflight and change the experiment).
pub fn learner_tag() -> String {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let Some(tag) = storage
        .as_ref()
        .and_then(|s| s.get_item(LEARNER_KEY).ok().flatten())
        .filter(|t| is_valid_tag(t))
    {
        return tag;
    }
    let tag = format!(
        "learner-{:08x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    );
    if let Some(s) = storage {
        // Private mode may refuse storage; the tag then lasts for this page only.
        let _ = s.set_item(LEARNER_KEY, &tag);
    }
    tag
}

fn is_valid_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 40
        && tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// What JavaScript got back from a `fetch`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchOutcome {
    /// The response was readable: status and body text.
    Read { status: u16, body: String },
    /// The promise rejected: what JavaScript sees, e.g. `TypeError: Failed to fetch`.
    Rejected { error: String },
}

/// A plain `fetch(url)` from the page, as a learner's script would do it,
/// with exactly this URL (gloo's builder would add a `&` to a URL that has
/// a query, and the demos show the URL they fetched).
pub async fn plain_fetch(url: &str) -> FetchOutcome {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let rejected = |error: String| FetchOutcome::Rejected { error };
    let Some(window) = web_sys::window() else {
        return rejected("no window".to_owned());
    };
    let response = match JsFuture::from(window.fetch_with_str(url)).await {
        Ok(value) => value,
        Err(error) => return rejected(js_error_text(&error)),
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return rejected("fetch resolved to something that is not a Response".to_owned());
    };
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(error) => Err(error),
    };
    match text {
        Ok(body) => FetchOutcome::Read {
            status: response.status(),
            body: body.as_string().unwrap_or_default(),
        },
        Err(error) => rejected(js_error_text(&error)),
    }
}

/// What JavaScript got from a lab run, with the values (not just names) of
/// the headers it could see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsGot {
    Response {
        status: u16,
        /// `response.type`: basic, cors, opaque, opaqueredirect.
        response_type: String,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// The promise rejected: `TypeError: Failed to fetch`, or a message from
    /// building the request (an invalid header name, a GET with a body...).
    Rejected { error: String },
}

/// `fetch(url, init)` exactly as the learner configured it.
pub async fn run_request(url: &str, request: &cors_core::scenario::RequestSpec) -> JsGot {
    use cors_core::scenario::{Credentials, Mode, RedirectMode};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let Some(window) = web_sys::window() else {
        return JsGot::Rejected {
            error: "no window".to_owned(),
        };
    };
    let init = web_sys::RequestInit::new();
    init.set_method(&request.method);
    let headers = js_sys::Array::new();
    for (name, value) in &request.headers {
        headers.push(&js_sys::Array::of2(&name.into(), &value.into()));
    }
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&body.into());
    }
    init.set_mode(match request.mode {
        Mode::Cors => web_sys::RequestMode::Cors,
        Mode::NoCors => web_sys::RequestMode::NoCors,
        Mode::SameOrigin => web_sys::RequestMode::SameOrigin,
    });
    init.set_credentials(match request.credentials {
        Credentials::Omit => web_sys::RequestCredentials::Omit,
        Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
        Credentials::Include => web_sys::RequestCredentials::Include,
    });
    init.set_redirect(match request.redirect {
        RedirectMode::Follow => web_sys::RequestRedirect::Follow,
        RedirectMode::Error => web_sys::RequestRedirect::Error,
        RedirectMode::Manual => web_sys::RequestRedirect::Manual,
    });
    let response = match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(value) => value,
        Err(error) => {
            return JsGot::Rejected {
                error: js_error_text(&error),
            }
        }
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return JsGot::Rejected {
            error: "fetch resolved to something that is not a Response".to_owned(),
        };
    };
    let mut seen = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(&response.headers()) {
        for entry in entries.flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(n), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                seen.push((n, v));
            }
        }
    }
    let body = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    JsGot::Response {
        status: response.status(),
        response_type: response_type_word(response.type_()),
        headers: seen,
        body,
    }
}

fn response_type_word(t: web_sys::ResponseType) -> String {
    match t {
        web_sys::ResponseType::Basic => "basic",
        web_sys::ResponseType::Cors => "cors",
        web_sys::ResponseType::Default => "default",
        web_sys::ResponseType::Error => "error",
        web_sys::ResponseType::Opaque => "opaque",
        web_sys::ResponseType::Opaqueredirect => "opaqueredirect",
        _ => "unknown",
    }
    .to_owned()
}

/// `Name: message` of a thrown JavaScript value (a rejected fetch's
/// `TypeError`, a `DOMException`…).
pub fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (Some(name), None) => name,
        _ => error
            .as_string()
            .unwrap_or_else(|| "an error without a message".to_owned()),
    }
}

/// The rules engine's view of where the demo origins are, for this page.
/// The other site is the one the server named for this page's host; empty
/// when there is none (the lab does not run such an experiment).
pub fn engine_env(config: &DemoConfig) -> cors_core::engine::Env {
    cors_core::engine::Env {
        host: page_host(),
        alt_host: config.alt_host.clone().unwrap_or_default(),
        app_port: config.app_port,
        api_port: config.api_port,
        intranet_port: config.intranet_port,
        has_lab_cookie: false,
    }
}

/// Why the learner's posts could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostsError {
    /// No answer at all: the network's or the browser's words.
    NoAnswer(String),
    /// An answer that was not the posts: the parser's words.
    Garbled(String),
}

impl PostsError {
    /// The error in the learner's language.
    pub fn text(&self) -> crate::i18n::Text {
        use crate::i18n::t;
        match self {
            PostsError::NoAnswer(error) => {
                t!(common.present.posts_no_answer, error = error.clone())
            }
            PostsError::Garbled(error) => t!(common.present.posts_garbled, error = error.clone()),
        }
    }
}

/// The learner's posts on the API origin, read through the app origin's
/// same-origin route (which is allowed to read them).
pub async fn load_posts() -> Result<cors_core::wire::PostList, PostsError> {
    let url = format!("/api/posts?{LEARNER_PARAM}={}", learner_tag());
    let response = get(&url)
        .send()
        .await
        .map_err(|e| PostsError::NoAnswer(e.to_string()))?;
    response
        .json()
        .await
        .map_err(|e| PostsError::Garbled(e.to_string()))
}

/// Restore this learner's posts and clear their log; in classroom mode with
/// the instructor key, everyone's (see [`crate::classroom::Seat::reset_label`]).
/// This learner's posts back to the seed (the log stays): a run that
/// deletes a post starts from the same posts whatever ran before it.
pub async fn restore_posts() {
    let url = format!("/api/posts/restore?{LEARNER_PARAM}={}", learner_tag());
    let _ = post(&url).send().await;
}

pub async fn reset_demo() {
    let mut url = format!("/api/reset?{LEARNER_PARAM}={}", learner_tag());
    if let Some(key) = crate::instructor_key::key_pair() {
        url.push('&');
        url.push_str(&key);
    }
    let _ = post(&url).send().await;
}

/// `/api/log/stream` for `learner`'s requests; with `everyone`, and this tab
/// holding the instructor key, every learner's.
pub fn log_stream_url(learner: &str, everyone: bool) -> String {
    match crate::instructor_key::key_pair().filter(|_| everyone) {
        Some(key) => format!("/api/log/stream?{key}"),
        None => format!("/api/log/stream?{LEARNER_PARAM}={learner}"),
    }
}

/// This learner's entries of the server log (same-origin: always readable).
pub async fn load_log() -> Vec<cors_core::wire::LogEntry> {
    let url = format!("/api/log?{LEARNER_PARAM}={}", learner_tag());
    match get(&url).send().await {
        Ok(response) => response.json().await.unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// Whether this browser holds the lab's cookie for the page's host. Cookies
/// ignore ports, so one set by the API origin (`/login`) shows up here too.
pub fn page_has_lab_cookie() -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.cookie().ok())
        .is_some_and(|c| c.split(';').any(|p| p.trim_start().starts_with("lab=")))
}
