//! Demo 7: why a same-origin proxy works, and what it costs. The page fetches
//! the API's users directly (refused) and through its own origin's proxy
//! (readable); the API's log shows the proxy's server-to-server request,
//! which carries no `Origin` header.

use cors_core::wire::{DemoConfig, LogEntry, Role, LEARNER_PARAM};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{log_of, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};

/// The section id (`/why#proxy`).
pub const ID: &str = "proxy";
pub const TITLE: &str = "Why a proxy works, and what it costs";

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
                <Status mark=Mark::Withheld detail="Refused: the API sent no CORS header." />
                <pre class="js-result" data-testid="why-proxy-direct">{error}</pre>
            }
            .into_any(),
            FetchOutcome::Read { status, body } => view! {
                <Status mark=Mark::Happened detail=format!("Readable, status {status}.") />
                <pre class="js-result" data-testid="why-proxy-direct">{body}</pre>
            }
            .into_any(),
        })
    };
    let via_view = move || {
        run.get().map(|r| match r.via {
            FetchOutcome::Read { status, body } => view! {
                <Status mark=Mark::Happened detail=format!("Readable, status {status}: same origin, nothing to allow.") />
                <pre class="js-result" data-testid="why-proxy-via">{body}</pre>
            }
            .into_any(),
            FetchOutcome::Rejected { error } => view! {
                <Status mark=Mark::Stopped detail="The proxy could not be reached." />
                <pre class="js-result" data-testid="why-proxy-via">{error}</pre>
            }
            .into_any(),
        })
    };
    let upstream_view = move || {
        run.get().map(|r| match r.upstream {
            Some(entry) => {
                let agent = entry.header("user-agent").unwrap_or("(none)").to_owned();
                let origin = match entry.header("origin") {
                    Some(o) => format!("Origin: {o}"),
                    None => "no Origin header".to_owned(),
                };
                view! {
                    <p data-testid="why-proxy-upstream">
                        <Status mark=Mark::Happened detail="The API server logged the proxy's own request:" />
                        " "<code>{format!("GET {}?{}", entry.path, entry.query.clone().unwrap_or_default())}</code>
                        ", "<strong>{origin}</strong>", User-Agent "<code>{agent}</code>"."
                    </p>
                }
                .into_any()
            }
            None => view! {
                <p data-testid="why-proxy-upstream">
                    <Status mark=Mark::Stopped detail="The API server's log shows no request from the proxy." />
                </p>
            }
            .into_any(),
        })
    };

    view! {
        <DemoCard id=ID number=7 title=TITLE>
            <p>
                "The same-origin policy is a rule the browser applies to the pages it runs. When one "
                "server asks another, there is no browser in between, so nobody withholds the answer. "
                "A same-origin proxy puts that to use: the page asks its "<em>"own"</em>" origin, and "
                "the server there fetches the API and passes the answer on."
            </p>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-proxy-run">
                        {move || if running.get() { "Fetching…" } else { "Fetch the users both ways" }}
                    </button>
                    <div class="why-compare">
                        <section class="panel" aria-labelledby="why-direct-title">
                            <h3 id="why-direct-title">"Directly from the API"</h3>
                            <pre class="code"><code>{format!("fetch(\"{api}{USERS}\")")}</code></pre>
                            {direct_view}
                        </section>
                        <section class="panel" aria-labelledby="why-via-title">
                            <h3 id="why-via-title">"Through this page's own origin"</h3>
                            <pre class="code"><code>{format!("fetch(\"{PROXY}\")")}</code></pre>
                            <p class="hint">{format!("The demo server at {page_origin} fetches {api}{USERS} itself and hands the JSON back.")}</p>
                            {via_view}
                        </section>
                    </div>
                    <div aria-live="polite">{upstream_view}</div>
                </div>
                <DemoLog demo=ID case channel=channel.clone() />
            </div>
            <p class="hint">
                "This card's requests carry a learner tag of their own, "<code>{channel.clone()}</code>
                ": the proxy passes the tag on to the API but not the run id, so the log above "
                "lists every run of this demo, the proxy's own requests included."
            </p>
            <h3>"What the proxy costs"</h3>
            <ul class="why-costs">
                <li><strong>"It asks as itself, not as the user."</strong>" The user's cookies for the API stay in the browser, so the proxy cannot act as the logged-in user — which is also why it is not a loophole."</li>
                <li><strong>"The other site still decides."</strong>" It answers the proxy's server by its own rules: API keys, rate limits, blocked addresses, terms of use."</li>
                <li><strong>"It reaches only what the server can reach."</strong>" An intranet or a developer's localhost, visible only from the user's machine, stays out of reach."</li>
                <li><strong>"You now run a server."</strong>" It sits in the path of every request, costs time and money, and must not become an open proxy that fetches anything for anyone."</li>
            </ul>
        </DemoCard>
    }
}
