//! Demo 2: a page probing servers on the learner's own machine. It tries a
//! fixed, short list — the lab's own ports and nothing else — and shows that
//! every request arrives while only the page's own origin is readable.

use cors_core::scenario::CORS_PATH;
use cors_core::wire::{DemoConfig, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{arrivals, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};

/// The section id (`/why#localhost`).
pub const ID: &str = "localhost";
pub const TITLE: &str = "A web page probes servers on your own machine";

/// The origins probed, in order: never anything but the lab's own ports.
const PROBED: [(Role, &str); 3] = [
    (Role::Api, "the lab's API server"),
    (Role::Intranet, "the lab's intranet server"),
    (Role::App, "this page's own origin (the control)"),
];

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
    let ports: Vec<u16> = PROBED.iter().map(|(r, _)| port_of(&config, *r)).collect();
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
                .map(|(role, _)| {
                    demo::tagged_url(&config, *role, &with_case(CORS_PATH, &this_case))
                })
                .collect();
            let ports: Vec<u16> = PROBED.iter().map(|(r, _)| port_of(&config, *r)).collect();
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
        .map(|(i, (role, label))| {
            let port = port_of(&config, *role);
            let probe = move || results.with(|r| r.as_ref().and_then(|r| r.get(i).cloned()));
            let arrived = move || match probe() {
                None => view! { <Status mark=Mark::Pending detail="not probed yet" terse=true /> },
                Some(p) if p.arrived => {
                    view! { <Status mark=Mark::Happened detail="request arrived (see log)" terse=true /> }
                }
                Some(_) => view! { <Status mark=Mark::Stopped detail="no request arrived" terse=true /> },
            };
            let readable = move || match probe().map(|p| p.outcome) {
                None => view! { <Status mark=Mark::Pending detail="not probed yet" terse=true /> },
                Some(FetchOutcome::Read { status, .. }) => view! {
                    <Status mark=Mark::Happened detail=format!("readable? yes: status {status}, body in hand") terse=true />
                },
                Some(FetchOutcome::Rejected { error }) => view! {
                    <Status mark=Mark::Withheld detail=format!("readable? no: {error}") terse=true />
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
                    <th scope="row"><code>{format!(":{port}")}</code><br /><span class="hint">{*label}</span></th>
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
        <DemoCard id=ID number=2 title=TITLE>
            <p>
                "The attacker doesn't even need to know your company's addresses. Developers run "
                "servers on their own machine all day — a dev server on port 3000, a database console, "
                "an admin tool — and a script can simply knock on one port "
                "after another at "<code>"localhost"</code>". Without the policy, every server that "
                "answered would hand over its pages: unreleased code, internal tools, tokens in the HTML."
            </p>
            <p>
                "This demo knocks on three ports only, all of them the lab's own: the API and intranet "
                "demo servers, and this page's own origin as a control. It asks each for "
                <code>{CORS_PATH}</code>", a path every demo origin answers and logs."
            </p>
            <pre class="code"><code>
                {format!("for (const port of [{ports_js}]) {{\n")}
                {format!("  fetch(`http://{host}:${{port}}{CORS_PATH}`).then(r => r.text()).then(sendHome, () => {{}});\n")}
                "}"
            </code></pre>
            <div class="why-demo">
                <div class="why-main">
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-probe-run">
                        {move || if running.get() { "Probing…" } else { "Probe the three ports" }}
                    </button>
                    <div class="table-scroll">
                        <table class="why-probe-table">
                            <caption class="sr-only">"What each probe found"</caption>
                            <thead>
                                <tr><th scope="col">"Port"</th><th scope="col">"Did the request arrive?"</th><th scope="col">"Could the script read the answer?"</th></tr>
                            </thead>
                            <tbody aria-live="polite">{rows}</tbody>
                        </table>
                    </div>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">
                "Every knock was heard — the log shows all three — but only the page's own origin "
                "answered readably. Arriving is not harmless in itself: a request that changes "
                "something does its damage unread (see "<a href="/lab?s=delete-post">"the deleted post in the fetch lab"</a>"). "
                "Recent Chrome versions add a second guard, Local Network Access, that holds back "
                "requests from public websites to your machine or your network unless you allow them; "
                "this page and the ports it probes share one host ("<code>{host.clone()}</code>"), so only "
                "the same-origin policy is at work here."
            </p>
        </DemoCard>
    }
}
