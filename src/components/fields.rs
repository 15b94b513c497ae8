//! Small labelled form controls bound to getter/setter closures, so the lab's
//! forms stay declarative. Every control carries a `data-testid`.

use leptos::prelude::*;

/// A labelled one-line text input.
#[component]
pub fn TextField(
    label: &'static str,
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
    label: &'static str,
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
    label: &'static str,
    #[prop(into)] testid: String,
    options: Vec<(&'static str, &'static str)>,
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
                    .map(|(v, l)| view! { <option value=v selected=move || value.get() == v>{l}</option> })
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
