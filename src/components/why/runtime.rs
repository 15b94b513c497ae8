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
use crate::i18n::{t, Arg, Text};

/// The section id (`/why#runtime`).
pub const ID: &str = "runtime";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.runtime.title)
}

const USERS: &str = "/users.json";
/// The app origin's server-side fetch.
const SERVER_FETCH: &str = "/api/server-fetch";

/// What the server's own fetch gave: its report, or why there is none.
type ServerSide = Result<ServerFetch, Text>;

#[derive(Clone)]
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
                <Status mark=Mark::Withheld detail=t!(why.runtime.withheld) />
                <pre class="js-result" data-testid="why-runtime-page">{error}</pre>
            }
            .into_any(),
            FetchOutcome::Read { status, body } => view! {
                <Status mark=Mark::Happened detail=t!(why.runtime.readable, status) />
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
                    <Status mark=Mark::Happened detail=t!(why.runtime.server_read,
                        status = report.status, headers = report.headers.len(), cors) />
                    <p class="caption">{t!(why.runtime.headers)}</p>
                    <pre class="code" data-testid="why-runtime-headers">{headers}</pre>
                    <p class="caption">{t!(why.runtime.body)}</p>
                    <pre class="js-result" data-testid="why-runtime-server">{report.body}</pre>
                }
                .into_any()
            }
            Err(error) => view! {
                <Status mark=Mark::Stopped detail=t!(why.runtime.server_failed) />
                <pre class="js-result" data-testid="why-runtime-server">{error}</pre>
            }
            .into_any(),
        })
    };
    let log_view = move || {
        run.get().map(|r| {
            let from_page = r.api_entries.iter().find(|e| e.header("origin").is_some());
            let from_server = r.api_entries.iter().find(|e| e.header("origin").is_none());
            let line = |entry: Option<&LogEntry>, who: Text| match entry {
                Some(e) => t!(why.runtime.line,
                    who,
                    path = &e.path,
                    status = e.status,
                    origin = e.header("origin").map_or_else(
                        || t!(why.no_origin_header),
                        |origin| t!(why.origin_header, origin)
                    ),
                    agent = e
                        .header("user-agent")
                        .map_or_else(|| Arg::from(t!(why.none)), Arg::from)),
                None => t!(why.runtime.not_logged, who),
            };
            let both = from_page.is_some() && from_server.is_some();
            view! {
                <p data-testid="why-runtime-log">
                    <Status
                        mark=if both { Mark::Happened } else { Mark::Stopped }
                        detail=if both {
                            t!(why.runtime.both)
                        } else {
                            t!(why.runtime.missing_one)
                        }
                    />
                </p>
                <ul class="why-costs">
                    <li data-testid="why-runtime-log-page">{line(from_page, t!(why.runtime.from_page))}</li>
                    <li data-testid="why-runtime-log-server">{line(from_server, t!(why.runtime.from_server))}</li>
                </ul>
                <p class="hint">{t!(why.runtime.both_asked, url = r.url)}</p>
            }
        })
    };

    view! {
        <DemoCard id=ID number=6 title=title()>
            <p>{t!(why.runtime.intro)}</p>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-runtime-run">
                        {move || if running.get() {
                            t!(why.runtime.running).into_any()
                        } else {
                            t!(why.runtime.run).into_any()
                        }}
                    </button>
                    <div class="why-compare">
                        <section class="panel" aria-labelledby="why-runtime-page-title">
                            <h3 id="why-runtime-page-title">{t!(why.runtime.page_title)}</h3>
                            <pre class="code"><code>{format!("fetch(\"{api}{USERS}\")")}</code></pre>
                            {page_view}
                        </section>
                        <section class="panel" aria-labelledby="why-runtime-server-title">
                            <h3 id="why-runtime-server-title">{t!(why.runtime.server_title)}</h3>
                            <pre class="code"><code>{format!("GET {api}{USERS}")}</code></pre>
                            <p class="hint">{t!(why.runtime.server_hint)}</p>
                            {server_view}
                        </section>
                    </div>
                    <div aria-live="polite">{log_view}</div>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">{t!(why.runtime.takeaway)}</p>
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
        .map_err(|e| t!(why.runtime.no_answer, error = e.to_string()))?;
    if !response.ok() {
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        return Err(t!(why.runtime.answered, status, text));
    }
    response
        .json::<ServerFetch>()
        .await
        .map_err(|e| t!(why.runtime.not_understood, error = e.to_string()))
}
