//! The edge between the app and the demo server: where the demo origins are,
//! which learner this browser is, and the real `fetch` calls.

use cors_core::wire::{DemoConfig, Role, LEARNER_PARAM};
use gloo_net::http::Request;

/// Fetch `/api/config` from the app's own origin (same-origin: always readable).
pub async fn load_config() -> Result<DemoConfig, String> {
    let response = Request::get("/api/config")
        .send()
        .await
        .map_err(|e| format!("The demo server did not answer ({e})."))?;
    if !response.ok() {
        return Err(format!(
            "The demo server answered /api/config with status {}.",
            response.status()
        ));
    }
    response
        .json::<DemoConfig>()
        .await
        .map_err(|e| format!("The demo server's /api/config was not understood ({e})."))
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

/// A plain `fetch(url)` from the page, as a learner's script would do it.
pub async fn plain_fetch(url: &str) -> FetchOutcome {
    match Request::get(url).send().await {
        Ok(response) => {
            let status = response.status();
            match response.text().await {
                Ok(body) => FetchOutcome::Read { status, body },
                Err(e) => FetchOutcome::Rejected {
                    error: describe_error(e),
                },
            }
        }
        Err(e) => FetchOutcome::Rejected {
            error: describe_error(e),
        },
    }
}

fn describe_error(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => format!("{}: {}", js.name, js.message),
        other => other.to_string(),
    }
}
