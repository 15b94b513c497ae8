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
use crate::i18n::{t, Text};
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
            <h1>{t!(origin.title)}</h1>
            <p class="lead">{t!(origin.lead)}</p>
        </section>
        <section class="card compare-inputs" aria-label=move || t!(origin.inputs_label).string()>
            <UrlField id="url-a" label=t!(origin.url_a) value=a />
            <UrlField id="url-b" label=t!(origin.url_b) value=b />
            <div class="presets" role="group" aria-label=move || t!(origin.examples).string()>
                <span class="caption">{t!(origin.examples_caption)}</span>
                {PRESETS
                    .iter()
                    .map(|p| view! {
                        <button type="button" class="chip" on:click=move |_| { a.set(p.a.to_owned()); b.set(p.b.to_owned()); }>
                            {crate::words::origin::preset(p.id)}
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
            <h2 id="table-title">{t!(origin.table_title)}</h2>
            <p class="hint">{t!(origin.table_hint)}</p>
            <label class="sr-only" for="url-list">{t!(origin.table_label)}</label>
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
fn UrlField(id: &'static str, label: Text, value: RwSignal<String>) -> impl IntoView {
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
        None => t!(origin.differs_unreadable).string(),
        Some(o) if o.differs.is_empty() => t!(origin.differs_nothing).string(),
        Some(o) => t!(origin.differs, parts = parts_listed(&o.differs)).string(),
    };
    view! {
        <section class="card presenter-only differs-card" data-step="differs" aria-live="polite">
            <h2>{t!(origin.differs_title)}</h2>
            <p class="differs-big" data-testid="present-differs">{text}</p>
        </section>
    }
}

/// What the site and cookie cards say while the Public Suffix List is on its way.
/// "scheme, port": the parts that differ, as the "Differs:" line lists them.
fn parts_listed(parts: &[OriginPart]) -> String {
    let separator = t!(common.list.separator).string();
    parts
        .iter()
        .map(|&p| crate::words::origin::part(p).string())
        .collect::<Vec<_>>()
        .join(&separator)
}

#[component]
fn Verdicts(
    origin: Memo<Option<OriginVerdict>>,
    comparison: Memo<Option<WithList<Comparison>>>,
    parsed_a: Memo<Result<UrlParts, UrlError>>,
    parsed_b: Memo<Result<UrlParts, UrlError>>,
) -> impl IntoView {
    let invalid_reason = move || match (parsed_a.get().is_err(), parsed_b.get().is_err()) {
        (true, true) => t!(origin.invalid_both).string(),
        (true, false) => t!(origin.invalid_one, which = "A").string(),
        _ => t!(origin.invalid_one, which = "B").string(),
    };
    let word = move |f: fn(&Comparison) -> (bool, Text, Text)| {
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
                Some(WithList::Loading) => t!(origin.word.loading),
                Some(WithList::Failed(_)) => t!(origin.word.unavailable),
                None => t!(origin.word.invalid),
            }
            .string()
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
            Some(WithList::Loading) => t!(origin.list_loading).string(),
            Some(WithList::Failed(why)) => t!(
                origin.list_failed,
                error = crate::words::url::list_error(&why)
            )
            .string(),
            None => invalid_reason(),
        }
    };
    let ready = move || match comparison.get() {
        Some(WithList::Ready(c)) => Some(c),
        _ => None,
    };
    view! {
        <section class="verdicts" aria-live="polite" aria-label=move || t!(origin.verdicts_label).string() data-step="verdict">
            <div class="card verdict-card primary-verdict">
                <h2>{t!(origin.origin)}</h2>
                <Badge testid="origin-verdict"
                    word=Signal::derive(move || match origin.get() {
                        Some(o) if o.same_origin => t!(origin.word.same_origin),
                        Some(_) => t!(origin.word.cross_origin),
                        None => t!(origin.word.invalid),
                    }.string())
                    good=Signal::derive(move || origin.get().map(|o| o.same_origin)) />
                <p data-testid="origin-reason">{move || origin.get().map(|o| crate::words::origin::reason(&o.reason)).unwrap_or_else(invalid_reason)}</p>
                <p class="differs" data-testid="origin-differs">
                    {move || origin.get().filter(|o| !o.differs.is_empty()).map(|o| {
                        t!(origin.differs, parts = parts_listed(&o.differs)).string()
                    })}
                </p>
            </div>
            <div class="card verdict-card">
                <h2>{t!(origin.site)}</h2>
                <Badge testid="site-verdict"
                    word=word(|c| (c.site.same_site, t!(origin.word.same_site), t!(origin.word.cross_site)))
                    good=good(|c| c.site.same_site) />
                <p data-testid="site-reason">{reason(|c| crate::words::origin::site_reason(&c.site.reason))}</p>
                {move || matches!(comparison.get(), Some(WithList::Failed(_))).then(|| view! {
                    <button type="button" data-testid="site-retry"
                        on:click=move |_| crate::suffix_list::retry_suffix_list()>
                        {t!(origin.retry_list)}
                    </button>
                })}
                <p class="hint">{t!(origin.site_hint)}</p>
            </div>
            <div class="card verdict-card">
                <h2>{t!(origin.cookie_a_to_b)}</h2>
                <Badge testid="cookie-verdict"
                    word=word(|c| (c.cookie_a_to_b.sent, t!(origin.word.sent), t!(origin.word.not_sent)))
                    good=good(|c| c.cookie_a_to_b.sent) />
                <p>{move || ready().map(|c| view! { <code data-testid="cookie-set">{format!("Set-Cookie: {}", c.cookie_a_to_b.set_cookie)}</code> })}</p>
                <p data-testid="cookie-reason">{reason(|c| crate::words::origin::cookie_reason(&c.cookie_a_to_b))}</p>
                <p class="hint" data-testid="cookie-reverse">
                    {move || ready().map(|c| t!(
                        origin.cookie_reverse,
                        verdict = if c.cookie_b_to_a.sent { t!(origin.word.sent) } else { t!(origin.word.not_sent) },
                        reason = crate::words::origin::cookie_reason(&c.cookie_b_to_a)
                    ).string())}
                </p>
            </div>
        </section>
    }
}
