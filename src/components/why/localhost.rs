//! Demo 2: a page probing servers on the learner's own machine. It tries a
//! fixed, short list — the lab's own ports and nothing else — and shows that
//! every request arrives while only the page's own origin is readable.

use cors_core::scenario::CORS_PATH;
use cors_core::wire::{DemoConfig, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{arrivals, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};
use crate::i18n::{t, Arg, Text};

/// The section id (`/why#localhost`).
pub const ID: &str = "localhost";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.localhost.title)
}

/// The origins probed, in order: never anything but the lab's own ports.
const PROBED: [Role; 3] = [Role::Api, Role::Intranet, Role::App];

/// What the table calls a probed origin.
fn label(role: Role) -> Text {
    match role {
        Role::Api => t!(why.localhost.api),
        Role::Intranet => t!(why.localhost.intranet),
        Role::App => t!(why.localhost.app),
    }
}

/// What one probe found.
#[derive(Clone, Debug)]
struct Probe {
    arrived: bool,
    outcome: FetchOutcome,
}

fn port_of(config: &DemoConfig, role: Role) -> u16 {
    match role {
        Role::App => config.app_port,
        Role::Api => config.api_port,
        Role::Intranet => config.intranet_port,
    }
}

#[component]
pub fn LocalhostDemo(config: DemoConfig) -> impl IntoView {
    let host = demo::page_host();
    let ports: Vec<u16> = PROBED.iter().map(|r| port_of(&config, *r)).collect();
    let results = RwSignal::new(None::<Vec<Probe>>);
    let running = RwSignal::new(false);
    let case = RwSignal::new(None::<String>);
    let open_log = OpenLog::get();

    let start = {
        let config = config.clone();
        move |_| {
            let this_case = new_case("probe");
            let urls: Vec<String> = PROBED
                .iter()
                .map(|role| demo::tagged_url(&config, *role, &with_case(CORS_PATH, &this_case)))
                .collect();
            let ports: Vec<u16> = PROBED.iter().map(|r| port_of(&config, *r)).collect();
            case.set(Some(this_case.clone()));
            open_log.show(ID);
            running.set(true);
            results.set(None);
            spawn_local(async move {
                let mut outcomes = Vec::with_capacity(urls.len());
                for url in &urls {
                    outcomes.push(demo::plain_fetch(url).await);
                }
                let arrived = arrivals(&this_case).await;
                let probes = outcomes
                    .into_iter()
                    .zip(ports)
                    .map(|(outcome, port)| Probe {
                        arrived: arrived.iter().any(|e| e.port == port),
                        outcome,
                    })
                    .collect();
                results.set(Some(probes));
                running.set(false);
            });
        }
    };

    let rows = PROBED
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let port = port_of(&config, *role);
            let probe = move || results.with(|r| r.as_ref().and_then(|r| r.get(i).cloned()));
            let arrived = move || match probe() {
                None => view! { <Status mark=Mark::Pending detail=t!(why.localhost.not_probed) terse=true /> },
                Some(p) if p.arrived => {
                    view! { <Status mark=Mark::Happened detail=t!(why.localhost.arrived) terse=true /> }
                }
                Some(_) => view! { <Status mark=Mark::Stopped detail=t!(why.localhost.not_arrived) terse=true /> },
            };
            let readable = move || match probe().map(|p| p.outcome) {
                None => view! { <Status mark=Mark::Pending detail=t!(why.localhost.not_probed) terse=true /> },
                Some(FetchOutcome::Read { status, .. }) => view! {
                    <Status mark=Mark::Happened detail=t!(why.localhost.readable, status) terse=true />
                },
                Some(FetchOutcome::Rejected { error }) => view! {
                    <Status mark=Mark::Withheld detail=t!(why.localhost.unreadable, error) terse=true />
                },
            };
            let readable_word = move || {
                probe().map(|p| match p.outcome {
                    FetchOutcome::Read { .. } => "yes",
                    FetchOutcome::Rejected { .. } => "no",
                })
            };
            view! {
                <tr data-testid="why-probe-row" data-port=port data-readable=readable_word>
                    <th scope="row"><code>{format!(":{port}")}</code><br /><span class="hint">{label(*role)}</span></th>
                    <td>{arrived}</td>
                    <td>{readable}</td>
                </tr>
            }
        })
        .collect_view();

    let ports_js = ports
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <DemoCard id=ID number=2 title=title()>
            <p>{t!(why.localhost.story)}</p>
            <p>{t!(why.localhost.setup, path = CORS_PATH)}</p>
            <pre class="code"><code>
                {format!("for (const port of [{ports_js}]) {{\n")}
                {format!("  fetch(`http://{host}:${{port}}{CORS_PATH}`).then(r => r.text()).then(sendHome, () => {{}});\n")}
                "}"
            </code></pre>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-probe-run">
                        {move || if running.get() {
                            t!(why.localhost.running).into_any()
                        } else {
                            t!(why.localhost.run).into_any()
                        }}
                    </button>
                    <div class="table-scroll">
                        <table class="why-probe-table">
                            <caption class="sr-only">{t!(why.localhost.caption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(why.localhost.port)}</th>
                                    <th scope="col">{t!(why.localhost.arrive_q)}</th>
                                    <th scope="col">{t!(why.localhost.read_q)}</th>
                                </tr>
                            </thead>
                            <tbody aria-live="polite">{rows}</tbody>
                        </table>
                    </div>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">
                {t!(why.localhost.takeaway,
                    lab_link = Arg::view(|| view! {
                        <a href="/lab?s=delete-post">{t!(why.localhost.lab_link)}</a>
                    }),
                    host = host.clone())}
            </p>
        </DemoCard>
    }
}
