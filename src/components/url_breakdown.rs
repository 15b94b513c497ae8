//! One URL taken apart: the three parts that make its origin, and the parts
//! that do not count (greyed out).

use cors_core::compare::OriginPart;
use cors_core::url_parts::{PortParts, UrlError, UrlParts};
use leptos::prelude::*;

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
    let title = format!("URL {}", side.to_uppercase());
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
            <p><span aria-hidden="true">"⚠ "</span>{error.message}</p>
            {error.hint.map(|hint| view! { <p class="hint">{hint}</p> })}
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
    let mark = |part: OriginPart| differ(part).then_some(" ≠ differs");
    let host = match &parts.host {
        None => "(none)".to_owned(),
        Some(h) if h.unicode != h.ascii => format!("{} ({})", h.unicode, h.ascii),
        Some(h) => h.ascii.clone(),
    };
    let port = match parts.port {
        PortParts::Explicit(p) => p.to_string(),
        PortParts::Default {
            port,
            written: true,
        } => format!("{port} (default, written out)"),
        PortParts::Default {
            port,
            written: false,
        } => format!("default {port}"),
        PortParts::None => "(none)".to_owned(),
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
                <dt>"scheme"</dt>
                <dd data-testid=id("scheme")>{parts.scheme.clone()}</dd>
                <dd class="mark">{mark(OriginPart::Scheme)}</dd>
            </div>
            <div class=row_class(OriginPart::Host)>
                <dt>"host"</dt>
                <dd data-testid=id("host")>{host}</dd>
                <dd class="mark">{mark(OriginPart::Host)}</dd>
            </div>
            <div class=row_class(OriginPart::Port)>
                <dt>"port"</dt>
                <dd data-testid=id("port")>{port}</dd>
                <dd class="mark">{mark(OriginPart::Port)}</dd>
            </div>
            <div class="origin-part serialized">
                <dt>"origin"</dt>
                <dd data-testid=id("origin")><code>{parts.serialized_origin.clone()}</code></dd>
            </div>
        </dl>
        // The caption stands outside the list: a <dl> may only hold dt/dd groups.
        <p class="caption not-origin-caption" aria-hidden="true">"Not part of the origin:"</p>
        <dl class="parts not-origin" aria-label="Not part of the origin">
            {userinfo.map(|u| view! { <div><dt>"user info"</dt><dd>{u}</dd></div> })}
            <div><dt>"path"</dt><dd>{if parts.path.is_empty() { "(empty)".to_owned() } else { parts.path.clone() }}</dd></div>
            {parts.query.clone().map(|q| view! { <div><dt>"query"</dt><dd>"?"{q}</dd></div> })}
            {parts.fragment.clone().map(|f| view! { <div><dt>"fragment"</dt><dd>"#"{f}</dd></div> })}
        </dl>
        {parts.blob_inner.as_ref().map(|inner| view! {
            <p class="note">"A blob: URL takes its origin from the URL inside it: "<code>{inner.href.clone()}</code></p>
        })}
        {(!parts.notes.is_empty()).then(|| view! {
            <ul class="notes" data-testid=id("notes")>
                {parts.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
            </ul>
        })}
    }
}
