//! Small labelled form controls bound to getter/setter closures, so the lab's
//! forms stay declarative. Every control carries a `data-testid`. Labels are
//! texts of the text layer; what the learner types (methods, headers,
//! values) is code, marked `translate="no"`.

use leptos::prelude::*;

use crate::i18n::Text;

/// A select's choice as the learner reads it: words, or code shown as is
/// (a status, a header value), marked not to translate.
#[derive(Clone)]
pub enum Choice {
    Words(Text),
    Code(&'static str),
}

/// A labelled one-line text input.
#[component]
pub fn TextField(
    label: Text,
    #[prop(into)] testid: String,
    /// Current value.
    value: Signal<String>,
    /// Called on every keystroke.
    on_change: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="text"
                translate="no"
                data-testid=testid
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder=placeholder
                list=list
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
        </label>
    }
}

/// A labelled multi-line text area.
#[component]
pub fn TextArea(
    label: Text,
    #[prop(into)] testid: String,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <textarea
                rows="2"
                translate="no"
                data-testid=testid
                spellcheck="false"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            ></textarea>
        </label>
    }
}

/// A labelled select; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    label: Text,
    #[prop(into)] testid: String,
    options: Vec<(&'static str, Choice)>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select
                data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(v, l)| match l {
                        Choice::Words(text) => view! {
                            <option value=v selected=move || value.get() == v>{text}</option>
                        }.into_any(),
                        Choice::Code(code) => view! {
                            <option value=v translate="no" selected=move || value.get() == v>{code}</option>
                        }.into_any(),
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// `Name: value` lines to header pairs; lines without a colon are skipped.
pub fn parse_header_lines(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .filter(|(n, _)| !n.is_empty())
        .collect()
}

/// Header pairs as `Name: value` lines.
pub fn header_lines(headers: &[(String, String)]) -> String {
    headers
        .iter()
        .map(|(n, v)| format!("{n}: {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}
