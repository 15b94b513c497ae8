//! What the error explainer says about a paste: the verdict, the values read
//! from the message, the rule, what happened, why, the fix (headers and axum
//! code), what not to do, and the link to a lab run reproducing it. Every
//! text from the paste is rendered as text. Parts carry the presenter's
//! `data-step` marks (`present::steps(Page::Explain)`: message, rule, why,
//! fix, lab).

use cors_core::explain::{Explanation, Kind, Values};
use leptos::prelude::*;

use crate::components::verdict::Badge;
use crate::url_state;

/// The whole explanation of the current paste.
#[component]
pub fn ExplanationView(
    /// The explanation to show (recomputed as the paste changes).
    #[prop(into)]
    explanation: Signal<Explanation>,
) -> impl IntoView {
    let kind_word = Signal::derive(move || explanation.with(|e| e.kind.label().to_owned()));
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
                    <span class="explain-browser" data-testid="explain-browser">{crate::engines::family(b)}</span>
                }))}
            </div>
            <p id="explain-headline" class="explain-headline" data-testid="explain-headline" aria-live="polite" data-step="rule">
                {move || explanation.with(|e| e.headline.clone())}
            </p>
            {move || explanation.with(|e| e.rule.map(|rule| view! {
                <p class="explain-rule" data-step="rule">
                    "Rule: "
                    <a href=rule.spec() target="_blank" rel="noreferrer" data-testid="explain-rule">{rule.title()}</a>
                    <span class="explain-stage" data-testid="explain-stage">
                        {stage_words(e)}
                    </span>
                </p>
            }))}
            {move || explanation.with(|e| values_view(&e.values))}
            {move || explanation.with(lab_view)}
        </section>
        {move || explanation.with(|e| paragraphs("What happened", "explain-what", "rule", &e.what))}
        {move || explanation.with(|e| paragraphs("Why the browser insists", "explain-why", "why", &e.why))}
        {move || explanation.with(|e| e.fix.clone().map(|fix| view! {
            <section class="card explain-fix" aria-labelledby="explain-fix-title" data-step="fix">
                <h2 id="explain-fix-title">"What to change"</h2>
                <ol class="explain-steps" data-testid="explain-fix">
                    {fix.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ol>
                {(!fix.raw.is_empty()).then(|| view! {
                    <div class="two-col advice">
                        <div>
                            <h3>"Response headers"</h3>
                            <pre class="code" data-testid="explain-fix-raw">{fix.raw.clone()}</pre>
                        </div>
                        <div>
                            <h3>"With axum and tower-http"</h3>
                            <pre class="code" data-testid="explain-fix-axum">{fix.axum.clone()}</pre>
                        </div>
                    </div>
                })}
            </section>
        }))}
        {move || explanation.with(|e| (!e.dont.is_empty()).then(|| view! {
            <section class="card explain-dont" aria-labelledby="explain-dont-title" data-step="fix">
                <h2 id="explain-dont-title">"What not to do"</h2>
                <ul data-testid="explain-dont">
                    {e.dont.iter().map(|d| view! { <li><span aria-hidden="true">"✗ "</span>{d.clone()}</li> }).collect_view()}
                </ul>
            </section>
        }))}
        {move || explanation.with(|e| (!e.notes.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="explain-notes-title" data-step="message">
                <h2 id="explain-notes-title">"Good to know"</h2>
                <ul data-testid="explain-notes">
                    {e.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                </ul>
            </section>
        }))}
        {move || explanation.with(|e| (!e.others.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="explain-others-title" data-step="message">
                <h2 id="explain-others-title">"Also in your paste"</h2>
                <ul class="explain-others" data-testid="explain-others">
                    {e.others.iter().map(|o| view! {
                        <li>
                            {o.headline.clone()}" "
                            <a href=url_state::path_with_query("/explain", &[("m", o.line.as_str())])>"Explain this one"</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }))}
    }
}

/// Paragraphs under a heading (nothing when there are none), one presenter step's part.
fn paragraphs(
    title: &'static str,
    testid: &'static str,
    part: &'static str,
    texts: &[String],
) -> Option<AnyView> {
    (!texts.is_empty()).then(|| {
        view! {
            <section class="card" aria-label=title data-step=part>
                <h2>{title}</h2>
                <div data-testid=testid>
                    {texts.iter().map(|t| view! { <p>{t.clone()}</p> }).collect_view()}
                </div>
            </section>
        }
        .into_any()
    })
}

/// The values read from the message: key, label, value.
fn value_rows(v: &Values) -> Vec<(&'static str, &'static str, String)> {
    let yes_no = |b: bool| {
        if b {
            "include (cookies sent)".to_owned()
        } else {
            "not include".to_owned()
        }
    };
    [
        ("url", "URL", v.url.clone()),
        (
            "redirected-from",
            "Redirected from",
            v.redirected_from.clone(),
        ),
        ("origin", "Page origin", v.origin.clone()),
        ("resource", "Loaded by", v.resource.clone()),
        ("method", "Method", v.method.clone()),
        ("header", "Request header", v.header.clone()),
        ("status", "Status", v.status.map(|s| s.to_string())),
        ("acao", "Access-Control-Allow-Origin", v.acao.clone()),
        (
            "acac",
            "Access-Control-Allow-Credentials",
            v.acac.clone().map(|a| {
                if a.is_empty() {
                    "(absent)".to_owned()
                } else {
                    a
                }
            }),
        ),
        ("credentials", "Credentials mode", v.credentials.map(yes_no)),
        ("address-space", "Address space", v.address_space.clone()),
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
                <summary>"Read from your message"</summary>
                <dl class="kv" data-testid="explain-values">
                    {rows.into_iter().map(|(key, label, value)| view! {
                        <dt>{label}</dt>
                        <dd data-testid=format!("explain-value-{key}")>{value}</dd>
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
                <a class="button" href=href data-testid="explain-lab-link">"Reproduce in the lab →"</a>
                <ul class="hint" data-testid="explain-lab-note">
                    {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    )
}

/// Which answer failed, as far as the message (and the lines around it) say.
fn stage_words(e: &Explanation) -> &'static str {
    use cors_core::engine::{Failure, Stage};
    let redirect = e.failure.as_ref().and_then(Failure::checked_on) == Some(Stage::Redirect);
    match e.preflight {
        Some(true) => " — failed on the preflight (OPTIONS)",
        Some(false) if redirect => " — failed on a redirect's answer (the request was redirected to another origin)",
        Some(false) => " — failed on the actual request's answer",
        None => " — the message does not say whether the preflight or the actual request's answer failed",
    }
}
