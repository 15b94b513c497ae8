//! Demo 6: the browser is the runtime that enforces the policy. The page
//! `fetch`es the API's `/users.json` (refused), and asks the demo server to
//! fetch the very same URL itself (`/api/server-fetch`), as Node.js or curl
//! would: the server gets status, headers and body, and shows them all. The
//! API's log holds both requests: the page's with `Origin`, the server's
//! without.

use cors_core::wire::{DemoConfig, LogEntry, Role, ServerFetch, LEARNER_PARAM};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{arrivals, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};

/// The section id (`/why#runtime`).
pub const ID: &str = "runtime";
pub const TITLE: &str = "The browser enforces it, not JavaScript";

const USERS: &str = "/users.json";
/// The app origin's server-side fetch.
const SERVER_FETCH: &str = "/api/server-fetch";

/// What the server's own fetch gave: its report, or why there is none.
type ServerSide = Result<ServerFetch, String>;

#[derive(Clone, Debug)]
struct Run {
    url: String,
    page: FetchOutcome,
    server: ServerSide,
    /// The API's log entries of this run: the page's request and the server's.
    api_entries: Vec<LogEntry>,
}

#[component]
pub fn RuntimeDemo(config: DemoConfig) -> impl IntoView {
    let api = demo::origin_url(&config, Role::Api);
    let run = RwSignal::new(None::<Run>);
    let running = RwSignal::new(false);
    let case = RwSignal::new(None::<String>);
    let open_log = OpenLog::get();

    let start = {
        let config = config.clone();
        move |_| {
            let this_case = new_case("runtime");
            let url = demo::tagged_url(&config, Role::Api, &with_case(USERS, &this_case));
            case.set(Some(this_case.clone()));
            open_log.show(ID);
            running.set(true);
            run.set(None);
            spawn_local(async move {
                let page = demo::plain_fetch(&url).await;
                let server = server_fetch(&url, &this_case).await;
                let api_entries = arrivals(&this_case)
                    .await
                    .into_iter()
                    .filter(|e| e.role == Role::Api)
                    .collect();
                run.set(Some(Run {
                    url,
                    page,
                    server,
                    api_entries,
                }));
                running.set(false);
            });
        }
    };

    let page_view = move || {
        run.get().map(|r| match r.page {
            FetchOutcome::Rejected { error } => view! {
                <Status mark=Mark::Withheld detail="The browser kept the answer from this page's script." />
                <pre class="js-result" data-testid="why-runtime-page">{error}</pre>
            }
            .into_any(),
            FetchOutcome::Read { status, body } => view! {
                <Status mark=Mark::Happened detail=format!("Readable, status {status}.") />
                <pre class="js-result" data-testid="why-runtime-page">{body}</pre>
            }
            .into_any(),
        })
    };
    let server_view = move || {
        run.get().map(|r| match r.server {
            Ok(report) => {
                let headers = report
                    .headers
                    .iter()
                    .map(|(name, value)| format!("{name}: {value}"))
                    .collect::<Vec<_>>()
                    .join("\n");
                let cors = report
                    .headers
                    .iter()
                    .filter(|(name, _)| name.starts_with("access-control-"))
                    .count();
                view! {
                    <Status mark=Mark::Happened detail=format!(
                        "The server read everything: status {}, {} headers ({} of them CORS headers), and the body.",
                        report.status,
                        report.headers.len(),
                        cors
                    ) />
                    <p class="caption">"Headers it got"</p>
                    <pre class="code" data-testid="why-runtime-headers">{headers}</pre>
                    <p class="caption">"Body it got"</p>
                    <pre class="js-result" data-testid="why-runtime-server">{report.body}</pre>
                }
                .into_any()
            }
            Err(error) => view! {
                <Status mark=Mark::Stopped detail="The server's own fetch failed." />
                <pre class="js-result" data-testid="why-runtime-server">{error}</pre>
            }
            .into_any(),
        })
    };
    let log_view = move || {
        run.get().map(|r| {
            let from_page = r.api_entries.iter().find(|e| e.header("origin").is_some());
            let from_server = r.api_entries.iter().find(|e| e.header("origin").is_none());
            let line = |entry: Option<&LogEntry>, who: &str| match entry {
                Some(e) => format!(
                    "{who}: GET {} answered {}, {}, User-Agent {}.",
                    e.path,
                    e.status,
                    e.header("origin")
                        .map_or_else(|| "no Origin header".to_owned(), |o| format!("Origin: {o}")),
                    e.header("user-agent").unwrap_or("(none)")
                ),
                None => format!("{who}: not in the API's log."),
            };
            let both = from_page.is_some() && from_server.is_some();
            view! {
                <p data-testid="why-runtime-log">
                    <Status
                        mark=if both { Mark::Happened } else { Mark::Stopped }
                        detail=if both {
                            "The API answered both requests alike; only one of them came through a browser."
                        } else {
                            "The API's log is missing one of the two requests."
                        }
                    />
                </p>
                <ul class="why-costs">
                    <li data-testid="why-runtime-log-page">{line(from_page, "This page's request")}</li>
                    <li data-testid="why-runtime-log-server">{line(from_server, "The server's request")}</li>
                </ul>
                <p class="hint">{format!("Both asked for {}", r.url)}</p>
            }
        })
    };

    view! {
        <DemoCard id=ID number=6 title=TITLE>
            <p>
                "JavaScript, the language, has no notion of an origin. "<code>"fetch"</code>", like the "
                "document and "<code>"setTimeout"</code>", is something the browser hands to the pages it "
                "runs, and the browser is the one that checks, before giving a page the answer, whether "
                "another origin allowed it. The same call made where there is no browser — Node.js, Deno, "
                "curl, any server — gets the whole answer, because nobody there is protecting a visitor."
            </p>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-runtime-run">
                        {move || if running.get() { "Fetching…" } else { "Fetch the same URL in the browser and on the server" }}
                    </button>
                    <div class="why-compare">
                        <section class="panel" aria-labelledby="why-runtime-page-title">
                            <h3 id="why-runtime-page-title">"In this page: the browser's fetch"</h3>
                            <pre class="code"><code>{format!("fetch(\"{api}{USERS}\")")}</code></pre>
                            {page_view}
                        </section>
                        <section class="panel" aria-labelledby="why-runtime-server-title">
                            <h3 id="why-runtime-server-title">"On the demo server: no browser"</h3>
                            <pre class="code"><code>{format!("GET {api}{USERS}")}</code></pre>
                            <p class="hint">
                                "The demo server sends the request itself, as a Node.js script would, and "
                                "sends back a report of what it received. It only fetches the lab's own "
                                "origins on this machine."
                            </p>
                            {server_view}
                        </section>
                    </div>
                    <div aria-live="polite">{log_view}</div>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">
                "Two lessons follow. \"It works in curl (or Postman)\" says nothing about a CORS error: "
                "curl is not a browser and applies no policy. And the policy still does its job: code "
                "outside your browser runs on its author's machine, with its author's network and "
                "cookies, not with yours. The demos above are about what "<em>"your"</em>" browser can reach."
            </p>
        </DemoCard>
    }
}

/// Ask the app origin to fetch `url` server-side; its report, or why not.
async fn server_fetch(url: &str, case: &str) -> ServerSide {
    let encoded: String = js_sys::encode_uri_component(url).into();
    let request = format!(
        "{SERVER_FETCH}?url={encoded}&case={case}&{LEARNER_PARAM}={}",
        demo::learner_tag()
    );
    let response = crate::demo::get(&request)
        .send()
        .await
        .map_err(|e| format!("the demo server did not answer ({e})"))?;
    if !response.ok() {
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        return Err(format!("the demo server answered {status}: {text}"));
    }
    response
        .json::<ServerFetch>()
        .await
        .map_err(|e| format!("the report was not understood ({e})"))
}
