//! `/origin?a=…&b=…[&list=…]`: the origin comparator. Everything it shows is
//! computed by `cors_core`; this page only wires inputs, URL and views.

use cors_core::compare::{
    compare, origin_verdict, Comparison, OriginPart, OriginVerdict, PRESETS, TABLE_OTHERS,
};
use cors_core::url_parts::{parse_url, UrlError, UrlParts};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::origin_table::OriginTable;
use crate::components::url_breakdown::UrlBreakdown;
use crate::components::verdict::Badge;
use crate::presenter::Presenter;
use crate::suffix_list::{use_suffix_list, WithList};

const DEFAULT_A: &str = "https://example.com/a.html";
const DEFAULT_B: &str = "https://example.com:8443/a.html";

#[component]
pub fn OriginPage() -> impl IntoView {
    let query = use_query_map();
    let initial = query.get_untracked();
    let a = RwSignal::new(initial.get("a").unwrap_or_else(|| DEFAULT_A.to_owned()));
    let b = RwSignal::new(initial.get("b").unwrap_or_else(|| DEFAULT_B.to_owned()));
    let default_list = TABLE_OTHERS.join("\n");
    let list = RwSignal::new(initial.get("list").unwrap_or_else(|| default_list.clone()));

    // Keep the address bar a deep link to exactly what is on screen.
    Effect::new(move |_| {
        let mut params = vec![("a", a.get()), ("b", b.get())];
        let list_now = list.get();
        if list_now != default_list {
            params.push(("list", list_now));
        }
        crate::url_state::replace_query("/origin", &params);
    });

    let parsed_a = Memo::new(move |_| parse_url(&a.get()));
    let parsed_b = Memo::new(move |_| parse_url(&b.get()));
    let origin = Memo::new(move |_| match (parsed_a.get(), parsed_b.get()) {
        (Ok(pa), Ok(pb)) => Some(origin_verdict(&pa, &pb)),
        _ => None,
    });
    // Same-site and cookies wait for the Public Suffix List (fetched lazily).
    let suffixes = use_suffix_list();
    let comparison = Memo::new(move |_| match (parsed_a.get(), parsed_b.get()) {
        (Ok(pa), Ok(pb)) => Some(suffixes.with(|l| l.map(|l| compare(&pa, &pb, l)))),
        _ => None,
    });
    let differs = Signal::derive(move || origin.get().map(|o| o.differs).unwrap_or_default());
    // Presenter mode's first step shows the parts before saying which differ.
    let presenter = Presenter::get();
    let highlighted = Signal::derive(move || {
        if presenter.and_then(|p| p.part()) == Some("breakdown") {
            Vec::new()
        } else {
            differs.get()
        }
    });

    view! {
        <section class="intro" data-step="breakdown">
            <h1>"Same origin or not?"</h1>
            <p class="lead">
                "An origin is three things: the scheme, the host and the port. Two URLs share an "
                "origin only when all three match. Path, query, fragment and user name play no part. "
                "Type two URLs — or pick an example — and see which part decides."
            </p>
        </section>
        <section class="card compare-inputs" aria-label="URLs to compare">
            <UrlField id="url-a" label="URL A" value=a />
            <UrlField id="url-b" label="URL B" value=b />
            <div class="presets" role="group" aria-label="Examples">
                <span class="caption">"Examples:"</span>
                {PRESETS
                    .iter()
                    .map(|p| view! {
                        <button type="button" class="chip" on:click=move |_| { a.set(p.a.to_owned()); b.set(p.b.to_owned()); }>
                            {p.label}
                        </button>
                    })
                    .collect_view()}
            </div>
        </section>
        <DiffersCard origin />
        <Verdicts origin comparison parsed_a parsed_b />
        <div class="two-col" data-step="breakdown differs">
            <UrlBreakdown side="a" parsed=parsed_a differs=highlighted />
            <UrlBreakdown side="b" parsed=parsed_b differs=highlighted />
        </div>
        <section class="card" aria-labelledby="table-title" data-step="list">
            <h2 id="table-title">"URL A against a list"</h2>
            <p class="hint">"One URL per line. Each row is compared with URL A."</p>
            <label class="sr-only" for="url-list">"URLs to compare with URL A"</label>
            <textarea
                id="url-list"
                data-testid="url-list"
                rows="6"
                spellcheck="false"
                prop:value=move || list.get()
                on:input=move |ev| list.set(event_target_value(&ev))
            ></textarea>
            <OriginTable base=parsed_a list=list />
        </section>
    }
}

/// A labelled URL input bound to a signal, updating on every keystroke.
#[component]
fn UrlField(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                data-testid=id
                type="text"
                inputmode="url"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// Presenter mode's "the part that differs": the origin parts that differ,
/// in words, before the verdict (a learner sees them in the verdict card).
#[component]
fn DiffersCard(origin: Memo<Option<OriginVerdict>>) -> impl IntoView {
    let text = move || match origin.get() {
        None => "One of the URLs could not be read: see below.".to_owned(),
        Some(o) if o.differs.is_empty() => {
            "Nothing: scheme, host and port are all the same.".to_owned()
        }
        Some(o) => {
            let names: Vec<&str> = o.differs.iter().map(|p| p.name()).collect();
            format!("Differs: {}", names.join(", "))
        }
    };
    view! {
        <section class="card presenter-only differs-card" data-step="differs" aria-live="polite">
            <h2>"Which part differs?"</h2>
            <p class="differs-big" data-testid="present-differs">{text}</p>
        </section>
    }
}

/// What the site and cookie cards say while the Public Suffix List is on its way.
const LIST_LOADING: &str = "Loading the Public Suffix List, which this verdict needs…";

/// What they say when it could not be loaded.
fn list_failed(why: &str) -> String {
    format!(
        "The Public Suffix List could not be loaded ({why}), so this cannot be decided here. \
         The origin verdict does not need the list."
    )
}

/// The three verdicts side by side: origin, site, cookie. `None`: a URL is
/// invalid.
#[component]
fn Verdicts(
    origin: Memo<Option<OriginVerdict>>,
    comparison: Memo<Option<WithList<Comparison>>>,
    parsed_a: Memo<Result<UrlParts, UrlError>>,
    parsed_b: Memo<Result<UrlParts, UrlError>>,
) -> impl IntoView {
    let invalid_reason = move || {
        let which: Vec<&str> = [
            ("A", parsed_a.get().is_err()),
            ("B", parsed_b.get().is_err()),
        ]
        .into_iter()
        .filter_map(|(n, bad)| bad.then_some(n))
        .collect();
        format!(
            "URL {} could not be read: see below.",
            which.join(" and URL ")
        )
    };
    let word = move |f: fn(&Comparison) -> (bool, &'static str, &'static str)| {
        Signal::derive(move || {
            match comparison.get() {
                Some(WithList::Ready(c)) => {
                    let (yes, y, n) = f(&c);
                    if yes {
                        y
                    } else {
                        n
                    }
                }
                Some(WithList::Loading) => "loading…",
                Some(WithList::Failed(_)) => "unavailable",
                None => "invalid",
            }
            .to_owned()
        })
    };
    let good = move |f: fn(&Comparison) -> bool| {
        Signal::derive(move || match comparison.get() {
            Some(WithList::Ready(c)) => Some(f(&c)),
            _ => None,
        })
    };
    let reason = move |f: fn(&Comparison) -> String| {
        move || match comparison.get() {
            Some(WithList::Ready(c)) => f(&c),
            Some(WithList::Loading) => LIST_LOADING.to_owned(),
            Some(WithList::Failed(why)) => list_failed(&why),
            None => invalid_reason(),
        }
    };
    let ready = move || match comparison.get() {
        Some(WithList::Ready(c)) => Some(c),
        _ => None,
    };
    view! {
        <section class="verdicts" aria-live="polite" aria-label="Verdicts" data-step="verdict">
            <div class="card verdict-card primary-verdict">
                <h2>"Origin"</h2>
                <Badge testid="origin-verdict"
                    word=Signal::derive(move || match origin.get() {
                        Some(o) if o.same_origin => "same-origin",
                        Some(_) => "cross-origin",
                        None => "invalid",
                    }.to_owned())
                    good=Signal::derive(move || origin.get().map(|o| o.same_origin)) />
                <p data-testid="origin-reason">{move || origin.get().map(|o| o.reason).unwrap_or_else(invalid_reason)}</p>
                <p class="differs" data-testid="origin-differs">
                    {move || origin.get().filter(|o| !o.differs.is_empty()).map(|o| {
                        let names: Vec<&str> = o.differs.iter().map(|p: &OriginPart| p.name()).collect();
                        format!("Differs: {}", names.join(", "))
                    })}
                </p>
            </div>
            <div class="card verdict-card">
                <h2>"Site"</h2>
                <Badge testid="site-verdict"
                    word=word(|c| (c.site.same_site, "same-site", "cross-site"))
                    good=good(|c| c.site.same_site) />
                <p data-testid="site-reason">{reason(|c| c.site.reason.clone())}</p>
                {move || matches!(comparison.get(), Some(WithList::Failed(_))).then(|| view! {
                    <button type="button" data-testid="site-retry"
                        on:click=move |_| crate::suffix_list::retry_suffix_list()>
                        "Try loading the list again"
                    </button>
                })}
                <p class="hint">"Same-site is looser: it compares the scheme and the registrable domain, so sibling subdomains and other ports count as one site."</p>
            </div>
            <div class="card verdict-card">
                <h2>"Cookie A → B"</h2>
                <Badge testid="cookie-verdict"
                    word=word(|c| (c.cookie_a_to_b.sent, "sent", "not sent"))
                    good=good(|c| c.cookie_a_to_b.sent) />
                <p>{move || ready().map(|c| view! { <code data-testid="cookie-set">{format!("Set-Cookie: {}", c.cookie_a_to_b.set_cookie)}</code> })}</p>
                <p data-testid="cookie-reason">{reason(|c| c.cookie_a_to_b.reason.clone())}</p>
                <p class="hint" data-testid="cookie-reverse">
                    {move || ready().map(|c| format!(
                        "The other way round (B's cookie to A): {}. {}",
                        if c.cookie_b_to_a.sent { "sent" } else { "not sent" },
                        c.cookie_b_to_a.reason
                    ))}
                </p>
            </div>
        </section>
    }
}
