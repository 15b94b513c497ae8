//! What the error explainer says about a paste: the verdict, the values read
//! from the message, the rule, what happened, why, the fix (headers and axum
//! code), what not to do, and the link to a lab run reproducing it. Every
//! text from the paste is rendered as text, and as code (the browser's data:
//! not translated); the explainer's words come from `crate::words::explain`. Parts carry the presenter's
//! `data-step` marks (`present::steps(Page::Explain)`: message, rule, why,
//! fix, lab).

use cors_core::explain::{Explanation, Kind, Point, Values};
use leptos::prelude::*;

use crate::components::verdict::Badge;
use crate::i18n::{t, Text};
use crate::url_state;
use crate::words::explain as words;

/// The whole explanation of the current paste.
#[component]
pub fn ExplanationView(
    /// The explanation to show (recomputed as the paste changes).
    #[prop(into)]
    explanation: Signal<Explanation>,
) -> impl IntoView {
    let kind_word = Signal::derive(move || explanation.with(|e| words::kind(e.kind).string()));
    let kind_good = Signal::derive(move || {
        explanation.with(|e| match e.kind {
            Kind::Cors | Kind::CorsRelated => Some(false),
            Kind::Empty | Kind::Unrecognised | Kind::NotCors | Kind::JsOnly => None,
        })
    });
    // The answer's card holds parts of three steps (the message's only
    // when values were read from it: no empty card on that step).
    let card_parts = move || {
        explanation.with(|e| {
            if !value_rows(&e.values).is_empty() {
                "message rule lab"
            } else {
                "rule lab"
            }
        })
    };
    view! {
        <section class="card explain-result" aria-labelledby="explain-headline" data-step=card_parts>
            <div class="explain-verdict" data-step="rule">
                <Badge testid="explain-kind" word=kind_word good=kind_good />
                {move || explanation.with(|e| e.browser.map(|b| view! {
                    <span class="explain-browser" data-testid="explain-browser">{words::family(b)}</span>
                }))}
            </div>
            <p id="explain-headline" class="explain-headline" data-testid="explain-headline" aria-live="polite" data-step="rule">
                {move || explanation.with(|e| words::point(&e.headline).into_any())}
            </p>
            {move || explanation.with(|e| e.rule.map(|rule| view! {
                <p class="explain-rule" data-step="rule">
                    {t!(explain.rule.label)}
                    <a href=rule.spec() target="_blank" rel="noreferrer" data-testid="explain-rule">{words::rule(rule)}</a>
                    <span class="explain-stage" data-testid="explain-stage">
                        {stage_words(e)}
                    </span>
                </p>
            }))}
            {move || explanation.with(|e| values_view(&e.values))}
            {move || explanation.with(lab_view)}
        </section>
        {move || explanation.with(|e| paragraphs(t!(explain.section.what), "explain-what", "rule", &e.what))}
        {move || explanation.with(|e| paragraphs(t!(explain.section.why), "explain-why", "why", &e.why))}
        {move || explanation.with(|e| e.fix.clone().map(|fix| view! {
            <section class="card explain-fix" aria-labelledby="explain-fix-title" data-step="fix">
                <h2 id="explain-fix-title">{t!(explain.section.fix)}</h2>
                <ol class="explain-steps" data-testid="explain-fix">
                    {fix.steps.iter().map(|s| view! { <li>{words::point(s)}</li> }).collect_view()}
                </ol>
                {(!fix.raw.is_empty()).then(|| view! {
                    <div class="two-col advice">
                        <div>
                            <h3>{t!(explain.section.raw)}</h3>
                            <pre class="code" data-testid="explain-fix-raw">{let raw = fix.raw.clone(); move || crate::words::advice::snippet(&raw)}</pre>
                        </div>
                        <div>
                            <h3>{t!(explain.section.axum)}</h3>
                            <pre class="code" data-testid="explain-fix-axum">{let axum = fix.axum.clone(); move || crate::words::advice::snippet(&axum)}</pre>
                        </div>
                    </div>
                })}
            </section>
        }))}
        {move || explanation.with(|e| (!e.dont.is_empty()).then(|| view! {
            <section class="card explain-dont" aria-labelledby="explain-dont-title" data-step="fix">
                <h2 id="explain-dont-title">{t!(explain.section.dont)}</h2>
                <ul data-testid="explain-dont">
                    {e.dont.iter().map(|d| view! { <li><span aria-hidden="true">"✗ "</span>{words::dont(*d)}</li> }).collect_view()}
                </ul>
            </section>
        }))}
        {move || explanation.with(|e| (!e.notes.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="explain-notes-title" data-step="message">
                <h2 id="explain-notes-title">{t!(explain.section.notes)}</h2>
                <ul data-testid="explain-notes">
                    {e.notes.iter().map(|n| view! { <li>{words::point(n)}</li> }).collect_view()}
                </ul>
            </section>
        }))}
        {move || explanation.with(|e| (!e.others.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="explain-others-title" data-step="message">
                <h2 id="explain-others-title">{t!(explain.section.others)}</h2>
                <ul class="explain-others" data-testid="explain-others">
                    {e.others.iter().map(|o| view! {
                        <li>
                            {words::point(&o.headline)}" "
                            <a href=url_state::path_with_query("/explain", &[("m", o.line.as_str())])>{t!(explain.section.explain_this)}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }))}
    }
}

/// Paragraphs under a heading (nothing when there are none), one presenter step's part.
fn paragraphs(
    title: Text,
    testid: &'static str,
    part: &'static str,
    points: &[Point],
) -> Option<AnyView> {
    (!points.is_empty()).then(|| {
        let label = title.clone();
        view! {
            <section class="card" aria-label=move || label.string() data-step=part>
                <h2>{title}</h2>
                <div data-testid=testid>
                    {points.iter().map(|p| view! { <p>{words::point(p)}</p> }).collect_view()}
                </div>
            </section>
        }
        .into_any()
    })
}

/// A value read from the message: as printed (code), or in words.
enum Value {
    Printed(String),
    Words(Text),
}

/// The values read from the message: key, label, value.
fn value_rows(v: &Values) -> Vec<(&'static str, Text, Value)> {
    let printed = |s: &Option<String>| s.clone().map(Value::Printed);
    [
        ("url", t!(explain.values.url), printed(&v.url)),
        (
            "redirected-from",
            t!(explain.values.redirected_from),
            printed(&v.redirected_from),
        ),
        ("origin", t!(explain.values.origin), printed(&v.origin)),
        (
            "resource",
            t!(explain.values.resource),
            printed(&v.resource),
        ),
        ("method", t!(explain.values.method), printed(&v.method)),
        ("header", t!(explain.values.header), printed(&v.header)),
        (
            "status",
            t!(explain.values.status),
            v.status.map(|s| Value::Printed(s.to_string())),
        ),
        ("acao", t!(explain.values.acao), printed(&v.acao)),
        (
            "acac",
            t!(explain.values.acac),
            v.acac.clone().map(|a| {
                if a.is_empty() {
                    Value::Words(t!(explain.values.absent))
                } else {
                    Value::Printed(a)
                }
            }),
        ),
        (
            "credentials",
            t!(explain.values.credentials),
            v.credentials.map(|b| {
                Value::Words(if b {
                    t!(explain.values.include)
                } else {
                    t!(explain.values.not_include)
                })
            }),
        ),
        (
            "address-space",
            t!(explain.values.address_space),
            printed(&v.address_space),
        ),
    ]
    .into_iter()
    .filter_map(|(key, label, value)| value.map(|value| (key, label, value)))
    .collect()
}

/// The values read from the message, so the reader can check them.
fn values_view(v: &Values) -> Option<AnyView> {
    let rows = value_rows(v);
    (!rows.is_empty()).then(|| {
        view! {
            <details class="explain-values" open data-step="message">
                <summary>{t!(explain.values.title)}</summary>
                <dl class="kv" data-testid="explain-values">
                    {rows.into_iter().map(|(key, label, value)| view! {
                        <dt>{label}</dt>
                        <dd data-testid=format!("explain-value-{key}")>{match value {
                            Value::Printed(p) => view! { <code>{p}</code> }.into_any(),
                            Value::Words(w) => w.into_any(),
                        }}</dd>
                    }).collect_view()}
                </dl>
            </details>
        }
        .into_any()
    })
}

/// "Reproduce in the lab", with what differs in the lab's run.
fn lab_view(e: &Explanation) -> Option<AnyView> {
    let query = e.lab_query()?;
    let href = url_state::path_with_query("/lab", &query);
    let notes = e.lab_note.clone();
    Some(
        view! {
            <div class="explain-lab" data-step="lab">
                <a class="button" href=href data-testid="explain-lab-link">{t!(explain.section.lab)}</a>
                <ul class="hint" data-testid="explain-lab-note">
                    {notes.iter().map(|n| view! { <li>{words::point(n)}</li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    )
}

/// Which answer failed, as far as the message (and the lines around it) say.
fn stage_words(e: &Explanation) -> Text {
    use cors_core::engine::{Failure, Stage};
    let redirect = e.failure.as_ref().and_then(Failure::checked_on) == Some(Stage::Redirect);
    words::stage(e.preflight, redirect)
}
