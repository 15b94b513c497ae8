use std::path::Path;

use serde_json::Value;

/// The Chromium the tests and benchmarks drive (`CHROMIUM`, or Debian's).
pub fn chromium_binary() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned())
}

/// Headless Chromium on its own profile, at 1280×900, talking to nothing
/// but the pages it is sent to.
pub fn chromium_args(profile: &Path) -> Vec<String> {
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

/// Any DevTools command (`Domain.method` and its parameters) through
/// chromedriver's bridge: `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
pub struct Cdp {
    pub cmd: String,
    pub params: Value,
}

impl Cdp {
    pub fn new(cmd: impl Into<String>, params: Value) -> Cdp {
        Cdp {
            cmd: cmd.into(),
            params,
        }
    }
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
