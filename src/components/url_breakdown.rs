//! One URL taken apart: the three parts that make its origin, and the parts
//! that do not count (greyed out).

use cors_core::compare::OriginPart;
use cors_core::url_parts::{PortParts, UrlError, UrlParts};
use leptos::prelude::*;

use crate::i18n::t;
use crate::words;

/// The breakdown card for URL "a" or "b".
#[component]
pub fn UrlBreakdown(
    /// `"a"` or `"b"`: used in headings and test ids.
    side: &'static str,
    /// The parsed URL, or why it did not parse; `None` while the field is empty.
    #[prop(into)]
    parsed: Signal<Result<UrlParts, UrlError>>,
    /// Origin parts that differ from the other URL (highlighted).
    #[prop(into)]
    differs: Signal<Vec<OriginPart>>,
) -> impl IntoView {
    let title = t!(origin.breakdown.title, side = side.to_uppercase()).string();
    view! {
        <section class="card breakdown" data-testid=format!("breakdown-{side}")>
            <h3>{title}</h3>
            {move || match parsed.get() {
                Err(error) => view! { <ErrorBox side error /> }.into_any(),
                Ok(parts) => view! { <Parts side parts differs=differs.get() /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ErrorBox(side: &'static str, error: UrlError) -> impl IntoView {
    view! {
        <div class="url-error" role="alert" data-testid=format!("url-{side}-error")>
            <p><span aria-hidden="true">"⚠ "</span>{words::url::error(&error.kind)}</p>
            {error.hint.map(|hint| view! { <p class="hint">{words::url::hint(&hint)}</p> })}
        </div>
    }
}

#[component]
fn Parts(side: &'static str, parts: UrlParts, differs: Vec<OriginPart>) -> impl IntoView {
    let differ = |part: OriginPart| differs.contains(&part);
    let row_class = |part: OriginPart| {
        if differ(part) {
            "origin-part differs"
        } else {
            "origin-part"
        }
    };
    let mark = |part: OriginPart| {
        differ(part).then(|| format!(" {}", t!(origin.breakdown.differs_mark).string()))
    };
    let host = match &parts.host {
        None => t!(origin.breakdown.none).string(),
        Some(h) if h.unicode != h.ascii => format!("{} ({})", h.unicode, h.ascii),
        Some(h) => h.ascii.clone(),
    };
    let port = match parts.port {
        PortParts::Explicit(p) => p.to_string(),
        PortParts::Default {
            port,
            written: true,
        } => t!(origin.breakdown.port_written_default, port).string(),
        PortParts::Default {
            port,
            written: false,
        } => t!(origin.breakdown.port_default, port).string(),
        PortParts::None => t!(origin.breakdown.none).string(),
    };
    let userinfo = match (parts.username.is_empty(), parts.password.is_empty()) {
        (true, true) => None,
        (false, true) => Some(parts.username.clone()),
        _ => Some(format!("{}:{}", parts.username, parts.password)),
    };
    let id = move |what: &str| format!("breakdown-{side}-{what}");
    view! {
        <dl class="parts">
            <div class=row_class(OriginPart::Scheme)>
                <dt>{t!(origin.part.scheme)}</dt>
                <dd translate="no" data-testid=id("scheme")>{parts.scheme.clone()}</dd>
                <dd class="mark">{mark(OriginPart::Scheme)}</dd>
            </div>
            <div class=row_class(OriginPart::Host)>
                <dt>{t!(origin.part.host)}</dt>
                <dd translate="no" data-testid=id("host")>{host}</dd>
                <dd class="mark">{mark(OriginPart::Host)}</dd>
            </div>
            <div class=row_class(OriginPart::Port)>
                <dt>{t!(origin.part.port)}</dt>
                <dd translate="no" data-testid=id("port")>{port}</dd>
                <dd class="mark">{mark(OriginPart::Port)}</dd>
            </div>
            <div class="origin-part serialized">
                <dt>{t!(origin.breakdown.origin)}</dt>
                <dd translate="no" data-testid=id("origin")><code>{parts.serialized_origin.clone()}</code></dd>
            </div>
        </dl>
        // The caption stands outside the list: a <dl> may only hold dt/dd groups.
        <p class="caption not-origin-caption" aria-hidden="true">{t!(origin.breakdown.not_origin)}</p>
        <dl class="parts not-origin" aria-label=t!(origin.breakdown.not_origin_label).string()>
            {userinfo.map(|u| view! { <div><dt>{t!(origin.part.user_info)}</dt><dd translate="no">{u}</dd></div> })}
            <div><dt>{t!(origin.part.path)}</dt><dd translate="no">{if parts.path.is_empty() { t!(origin.breakdown.empty).string() } else { parts.path.clone() }}</dd></div>
            {parts.query.clone().map(|q| view! { <div><dt>{t!(origin.part.query)}</dt><dd translate="no">"?"{q}</dd></div> })}
            {parts.fragment.clone().map(|f| view! { <div><dt>{t!(origin.part.fragment)}</dt><dd translate="no">"#"{f}</dd></div> })}
        </dl>
        {parts.blob_inner.as_ref().map(|inner| view! {
            <p class="note">{t!(origin.breakdown.blob_note, inner = inner.href.clone())}</p>
        })}
        {(!parts.notes.is_empty()).then(|| view! {
            <ul class="notes" data-testid=id("notes")>
                {parts.notes.iter().map(|n| view! { <li>{words::url::note(n)}</li> }).collect_view()}
            </ul>
        })}
    }
}
