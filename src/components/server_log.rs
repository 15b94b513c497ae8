//! The live server log: every request the demo server received for this
//! learner (for the instructor in classroom mode, optionally every
//! learner's, each labelled), streamed over Server-Sent Events from the app's
//! own origin.

use cors_core::wire::LogEntry;
use leptos::prelude::*;

use crate::i18n::{t, Text};
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How many entries the page keeps (the server keeps its own bounded log).
const KEEP: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    Connecting,
    Live,
    Lost,
}

/// The live list of requests that reached the demo server, newest last.
#[component]
pub fn ServerLog(
    /// Only requests tagged with this learner are shown.
    learner: String,
    /// When set, only requests of this lab run (`case=<id>` in the query).
    #[prop(optional, into)]
    case: Option<Signal<Option<String>>>,
    /// For the instructor in classroom mode: every learner's requests, each
    /// labelled with its learner tag (others still see only `learner`'s).
    #[prop(optional)]
    everyone: bool,
    /// Large, newest first, filling its container: presenter mode's panel.
    #[prop(optional)]
    big: bool,
) -> impl IntoView {
    let (class, title_id) = if big {
        ("server-log big", "server-log-big-title")
    } else {
        ("server-log", "server-log-title")
    };
    let entries = RwSignal::new(Vec::<LogEntry>::new());
    let link = RwSignal::new(Link::Connecting);
    let seat = crate::classroom::seat();
    let url = crate::demo::log_stream_url(&learner, everyone);
    let labelled = everyone && crate::instructor_key::key_pair().is_some();

    // The connection lives while the component does, and is closed while the
    // page is hidden: Chrome's back/forward cache keeps hidden pages alive,
    // and their open streams would use up the six connections a browser
    // allows per origin, leaving the lab's next request waiting forever.
    let source = StoredValue::new_local(None::<LiveSource>);
    let open = move || {
        if source.with_value(Option::is_none) {
            source.set_value(LiveSource::open(&url, entries, link));
        }
    };
    open();
    let hide = window_event_listener(leptos::ev::pagehide, move |_| source.set_value(None));
    let show = window_event_listener(leptos::ev::pageshow, move |_| open());
    on_cleanup(move || {
        hide.remove();
        show.remove();
        source.set_value(None);
    });

    let reset = move |_| spawn_local(crate::demo::reset_demo());
    let hint = if labelled {
        t!(common.log.hint_everyone)
    } else {
        t!(common.log.hint_mine)
    };

    view! {
        <section class=class aria-labelledby=title_id>
            <div class="panel-head">
                <h3 id=title_id>{t!(common.log.title)}</h3>
                <span class="link-state" data-testid="log-link" role="status">
                    {move || match link.get() {
                        Link::Connecting => t!(common.log.connecting),
                        Link::Live => t!(common.log.live),
                        Link::Lost => t!(common.log.reconnecting),
                    }.into_any()}
                </span>
                // Presenter mode has one reset, in its panel.
                <button type="button" class="small presenter-hidden" on:click=reset data-testid="log-reset"
                    title=move || seat.get().reset_title()>
                    {move || seat.get().clear_log_label()}
                </button>
            </div>
            <p class="hint" data-testid="log-hint">{hint}{big.then(|| view! { " "{t!(common.log.newest_first)} })}</p>
            <Show
                when=move || !shown(entries.get(), case.and_then(|c| c.get())).is_empty()
                fallback=|| view! { <p class="empty" data-testid="log-empty">{t!(common.log.empty)}</p> }
            >
                <ol class="log-list" data-testid="server-log">
                    <For each=move || shown(entries.get(), case.and_then(|c| c.get())) key=|e| e.id let:entry>
                        <LogRow entry labelled />
                    </For>
                </ol>
            </Show>
        </section>
    }
}

/// An open `EventSource` and its listeners; dropping it closes the stream.
struct LiveSource {
    source: web_sys::EventSource,
    _listeners: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

impl LiveSource {
    fn open(
        url: &str,
        entries: RwSignal<Vec<LogEntry>>,
        link: RwSignal<Link>,
    ) -> Option<LiveSource> {
        let Ok(source) = web_sys::EventSource::new(url) else {
            link.set(Link::Lost);
            return None;
        };
        let on_entry = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |message: web_sys::MessageEvent| {
                link.set(Link::Live);
                let Some(text) = message.data().as_string() else {
                    return;
                };
                if let Ok(entry) = serde_json::from_str::<LogEntry>(&text) {
                    entries.update(|list| {
                        if list.iter().all(|e| e.id != entry.id) {
                            list.push(entry);
                        }
                        let excess = list.len().saturating_sub(KEEP);
                        list.drain(..excess);
                    });
                }
            },
        );
        // `{}`: everything was cleared; `{"learner":…}`: one learner's entries.
        let on_reset = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |message: web_sys::MessageEvent| {
                link.set(Link::Live);
                let scope = message
                    .data()
                    .as_string()
                    .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
                    .and_then(|data| data.get("learner").cloned());
                match scope {
                    Some(learner) => {
                        let learner = learner.as_str().map(str::to_owned);
                        entries.update(|list| list.retain(|e| e.learner != learner));
                    }
                    None => entries.set(Vec::new()),
                }
            },
        );
        let on_open =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| link.set(Link::Live));
        // EventSource reconnects by itself; say so meanwhile.
        let on_error =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| link.set(Link::Lost));
        let listeners = [
            ("entry", on_entry),
            ("reset", on_reset),
            ("open", on_open),
            ("error", on_error),
        ];
        for (name, listener) in &listeners {
            let _ =
                source.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        Some(LiveSource {
            source,
            _listeners: listeners.into_iter().map(|(_, l)| l).collect(),
        })
    }
}

impl Drop for LiveSource {
    fn drop(&mut self) {
        self.source.close();
    }
}

/// The entries of one run (`case=<id>`), or all of them.
fn shown(entries: Vec<LogEntry>, case: Option<String>) -> Vec<LogEntry> {
    match case {
        None => entries,
        Some(case) => entries.into_iter().filter(|e| e.has_case(&case)).collect(),
    }
}

/// One received request: a summary line, and its headers on demand.
#[component]
fn LogRow(
    entry: LogEntry,
    /// Show whose request it was (the instructor's view of every learner).
    labelled: bool,
) -> impl IntoView {
    let learner = labelled.then(|| {
        entry
            .learner
            .clone()
            .unwrap_or_else(|| t!(common.log.no_tag).string())
    });
    let origin = entry.header("origin").map(str::to_owned);
    let time = clock(entry.time_ms);
    let status_class = if entry.status < 400 {
        "status ok"
    } else {
        "status err"
    };
    let query = entry
        .query
        .clone()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    view! {
        <li class="log-entry" data-testid="log-entry" data-method=entry.method.clone() data-path=entry.path.clone()
            data-learner=entry.learner.clone().unwrap_or_default()>
            <details>
                <summary>
                    <time>{time}</time>
                    {learner.map(|tag| view! { <span class="learner" data-testid="log-learner">{tag}</span> })}
                    <span class="role" translate="no">{format!("{}:{}", entry.role.label(), entry.port)}</span>
                    <code class="request-line">{entry.method.clone()}" "{entry.path.clone()}<span class="query">{query}</span></code>
                    <span class="origin-header">
                        {match origin {
                            Some(origin) => t!(common.log.origin, origin),
                            None => t!(common.log.no_origin),
                        }}
                    </span>
                    <span class=status_class>"→ "{entry.status}</span>
                </summary>
                <div class="headers">
                    <HeaderTable title=t!(common.log.request_headers) headers=entry.headers.clone() />
                    <HeaderTable title=t!(common.log.response_headers) headers=entry.response_headers.clone() />
                    {(!entry.body.is_empty()).then(|| view! {
                        <div>
                            <h4>{t!(common.log.request_body)}</h4>
                            <pre>{entry.body.clone()}{entry.body_truncated.then_some("…")}</pre>
                        </div>
                    })}
                </div>
            </details>
        </li>
    }
}

#[component]
fn HeaderTable(title: Text, headers: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div>
            <h4>{title}</h4>
            <table class="header-table" translate="no">
                <tbody>
                    {headers
                        .into_iter()
                        .map(|(name, value)| view! { <tr><th scope="row">{name}</th><td>{value}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// `HH:MM:SS.mmm` in the learner's local time, from Unix milliseconds.
fn clock(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
        date.get_milliseconds()
    )
}
