//! Demo 7: why a same-origin proxy works, and what it costs. The page fetches
//! the API's users directly (refused) and through its own origin's proxy
//! (readable); the API's log shows the proxy's server-to-server request,
//! which carries no `Origin` header.

use cors_core::wire::{DemoConfig, LogEntry, Role, LEARNER_PARAM};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{log_of, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};
use crate::i18n::{t, Arg, Text};

/// The section id (`/why#proxy`).
pub const ID: &str = "proxy";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.proxy.title)
}

const USERS: &str = "/users.json";
/// The app origin's proxy to the API's `/users.json`.
const PROXY: &str = "/api/proxy/users.json";
/// What the proxy adds to its own request's query (`via=proxy`).
const VIA_PROXY: &str = "via=proxy";

#[derive(Clone, Debug)]
struct Run {
    direct: FetchOutcome,
    via: FetchOutcome,
    /// The proxy's own request, as the API origin logged it.
    upstream: Option<LogEntry>,
}

#[component]
pub fn ProxyDemo(config: DemoConfig) -> impl IntoView {
    let api = demo::origin_url(&config, Role::Api);
    let page_origin = demo::origin_url(&config, Role::App);
    let run = RwSignal::new(None::<Run>);
    let running = RwSignal::new(false);
    let case = RwSignal::new(None::<String>);
    let open_log = OpenLog::get();

    // The proxy passes the learner tag on to the API, but not the run id:
    // this card tags its requests with a learner tag of its own, so its log
    // holds exactly this demo's requests, the proxy's included.
    let channel = format!("{}-proxy", demo::learner_tag());
    let start = {
        let channel = channel.clone();
        let api = api.clone();
        move |_| {
            let this_case = new_case("proxy");
            let direct_url = format!(
                "{api}{}&{LEARNER_PARAM}={channel}",
                with_case(USERS, &this_case)
            );
            let via_url = format!("{}&{LEARNER_PARAM}={channel}", with_case(PROXY, &this_case));
            let channel = channel.clone();
            case.set(Some(this_case.clone()));
            open_log.show(ID);
            running.set(true);
            run.set(None);
            spawn_local(async move {
                let direct = demo::plain_fetch(&direct_url).await;
                let via = demo::plain_fetch(&via_url).await;
                let log = log_of(&channel).await;
                // The proxy's own request is the API entry marked `via=proxy`
                // logged just before the page's request to the proxy ended.
                let proxied = log
                    .iter()
                    .find(|e| e.role == Role::App && e.has_case(&this_case))
                    .map(|e| e.id);
                let upstream = log.into_iter().rev().find(|e| {
                    e.role == Role::Api
                        && e.path == USERS
                        && e.query_has(VIA_PROXY)
                        && proxied.is_some_and(|id| e.id < id)
                });
                run.set(Some(Run {
                    direct,
                    via,
                    upstream,
                }));
                running.set(false);
            });
        }
    };

    let direct_view = move || {
        run.get().map(|r| match r.direct {
            FetchOutcome::Rejected { error } => view! {
                <Status mark=Mark::Withheld detail=t!(why.proxy.refused) />
                <pre class="js-result" data-testid="why-proxy-direct">{error}</pre>
            }
            .into_any(),
            FetchOutcome::Read { status, body } => view! {
                <Status mark=Mark::Happened detail=t!(why.proxy.readable, status) />
                <pre class="js-result" data-testid="why-proxy-direct">{body}</pre>
            }
            .into_any(),
        })
    };
    let via_view = move || {
        run.get().map(|r| match r.via {
            FetchOutcome::Read { status, body } => view! {
                <Status mark=Mark::Happened detail=t!(why.proxy.via_readable, status) />
                <pre class="js-result" data-testid="why-proxy-via">{body}</pre>
            }
            .into_any(),
            FetchOutcome::Rejected { error } => view! {
                <Status mark=Mark::Stopped detail=t!(why.proxy.unreachable) />
                <pre class="js-result" data-testid="why-proxy-via">{error}</pre>
            }
            .into_any(),
        })
    };
    let upstream_view = move || {
        run.get().map(|r| match r.upstream {
            Some(entry) => {
                let agent = entry
                    .header("user-agent")
                    .map_or_else(|| Arg::from(t!(why.none)), Arg::from);
                let origin = match entry.header("origin") {
                    Some(origin) => t!(why.origin_header, origin),
                    None => t!(why.no_origin_header),
                };
                let request = format!(
                    "GET {}?{}",
                    entry.path,
                    entry.query.clone().unwrap_or_default()
                );
                view! {
                    <p data-testid="why-proxy-upstream">
                        <Status mark=Mark::Happened detail=t!(why.proxy.upstream) />
                        " "{t!(why.proxy.upstream_line, request, origin, agent)}
                    </p>
                }
                .into_any()
            }
            None => view! {
                <p data-testid="why-proxy-upstream">
                    <Status mark=Mark::Stopped detail=t!(why.proxy.no_upstream) />
                </p>
            }
            .into_any(),
        })
    };

    view! {
        <DemoCard id=ID number=7 title=title()>
            <p>{t!(why.proxy.intro)}</p>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-proxy-run">
                        {move || if running.get() {
                            t!(why.proxy.running).into_any()
                        } else {
                            t!(why.proxy.run).into_any()
                        }}
                    </button>
                    <div class="why-compare">
                        <section class="panel" aria-labelledby="why-direct-title">
                            <h3 id="why-direct-title">{t!(why.proxy.direct_title)}</h3>
                            <pre class="code"><code>{format!("fetch(\"{api}{USERS}\")")}</code></pre>
                            {direct_view}
                        </section>
                        <section class="panel" aria-labelledby="why-via-title">
                            <h3 id="why-via-title">{t!(why.proxy.via_title)}</h3>
                            <pre class="code"><code>{format!("fetch(\"{PROXY}\")")}</code></pre>
                            <p class="hint">{t!(why.proxy.via_hint, page_origin, url = format!("{api}{USERS}"))}</p>
                            {via_view}
                        </section>
                    </div>
                    <div aria-live="polite">{upstream_view}</div>
                </div>
                <DemoLog demo=ID case channel=channel.clone() />
            </div>
            <p class="hint">{t!(why.proxy.channel, channel = channel.clone())}</p>
            <h3>{t!(why.proxy.costs_title)}</h3>
            <ul class="why-costs">
                <li>{t!(why.proxy.cost_identity)}</li>
                <li>{t!(why.proxy.cost_rules)}</li>
                <li>{t!(why.proxy.cost_reach)}</li>
                <li>{t!(why.proxy.cost_server)}</li>
            </ul>
        </DemoCard>
    }
}
