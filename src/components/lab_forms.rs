//! The lab's two forms: the request the page's script makes, and how the
//! demo server answers the preflight and the actual request. Both edit one
//! `RwSignal<LabState>`; the page mirrors it into the address bar.

use cors_core::lab_link::{credentials_word, mode_word, redirect_word, LabState};
use cors_core::named::Endpoint;
use cors_core::scenario::{
    parse_target, target_word, Acao, Answer, Credentials, Mode, Redirect, RedirectMode, ServerSpec,
    Target,
};
use leptos::prelude::*;

use crate::components::fields::{
    header_lines, parse_header_lines, SelectField, TextArea, TextField,
};

/// Edit one field of the state through a closure.
fn edit(
    state: RwSignal<LabState>,
    f: impl Fn(&mut LabState, String) + Send + Sync + 'static,
) -> Callback<String> {
    Callback::new(move |v: String| state.update(|s| f(s, v)))
}

fn read(
    state: RwSignal<LabState>,
    f: impl Fn(&LabState) -> String + Send + Sync + 'static,
) -> Signal<String> {
    Signal::derive(move || state.with(&f))
}

/// A header list edited as text: the text the learner types is kept as typed
/// (half-typed lines included) and follows the state when it changes elsewhere.
fn header_text(
    state: RwSignal<LabState>,
    get: fn(&LabState) -> &Vec<(String, String)>,
    set: fn(&mut LabState, Vec<(String, String)>),
) -> (Signal<String>, Callback<String>) {
    let raw = RwSignal::new(state.with_untracked(|s| header_lines(get(s))));
    Effect::new(move |_| {
        let headers = state.with(|s| get(s).clone());
        if raw.with_untracked(|r| parse_header_lines(r)) != headers {
            raw.set(header_lines(&headers));
        }
    });
    let on_change = Callback::new(move |text: String| {
        let parsed = parse_header_lines(&text);
        raw.set(text);
        state.update(|s| set(s, parsed));
    });
    (raw.into(), on_change)
}

fn opt(v: String) -> Option<String> {
    (!v.trim().is_empty()).then_some(v)
}

/// The request: where, which method, headers, body, and the fetch options.
#[component]
pub fn RequestForm(state: RwSignal<LabState>) -> impl IntoView {
    let (headers, set_headers) =
        header_text(state, |s| &s.request.headers, |s, h| s.request.headers = h);
    view! {
        <fieldset class="card form-card">
            <legend>"Your page's request"</legend>
            <div class="form-grid">
                <SelectField label="Demo origin" testid="lab-target"
                    options=vec![("api", "API (other port)"), ("api-alt", "API under another host (other site)"), ("intranet", "Intranet"), ("app", "This page's origin")]
                    value=read(state, |s| target_word(s.request.target).to_owned())
                    on_change=edit(state, |s, v| if let Some(t) = parse_target(&v) { s.request.target = t }) />
                <SelectField label="Route" testid="lab-endpoint"
                    options=vec![("cors", "/cors — answers as set on the right"), ("users", "/users.json — no CORS headers"), ("delete-post", "/deletePost — deletes a post"), ("page", "/ — an HTML page")]
                    value=read(state, |s| s.endpoint.word().to_owned())
                    on_change=edit(state, |s, v| if let Some(e) = Endpoint::parse(&v) { s.endpoint = e }) />
                <TextField label="Method" testid="lab-method" list="methods"
                    value=read(state, |s| s.request.method.clone())
                    on_change=edit(state, |s, v| s.request.method = v) />
                <SelectField label="mode" testid="lab-mode"
                    options=vec![("cors", "cors (default)"), ("no-cors", "no-cors"), ("same-origin", "same-origin")]
                    value=read(state, |s| mode_word(s.request.mode).to_owned())
                    on_change=edit(state, |s, v| s.request.mode = match v.as_str() { "no-cors" => Mode::NoCors, "same-origin" => Mode::SameOrigin, _ => Mode::Cors }) />
                <SelectField label="credentials" testid="lab-credentials"
                    options=vec![("same-origin", "same-origin (default)"), ("include", "include"), ("omit", "omit")]
                    value=read(state, |s| credentials_word(s.request.credentials).to_owned())
                    on_change=edit(state, |s, v| s.request.credentials = match v.as_str() { "include" => Credentials::Include, "omit" => Credentials::Omit, _ => Credentials::SameOrigin }) />
                <SelectField label="redirect" testid="lab-redirect"
                    options=vec![("follow", "follow (default)"), ("error", "error"), ("manual", "manual")]
                    value=read(state, |s| redirect_word(s.request.redirect).to_owned())
                    on_change=edit(state, |s, v| s.request.redirect = match v.as_str() { "error" => RedirectMode::Error, "manual" => RedirectMode::Manual, _ => RedirectMode::Follow }) />
            </div>
            <datalist id="methods">
                <option value="GET" /><option value="HEAD" /><option value="POST" /><option value="PUT" />
                <option value="DELETE" /><option value="PATCH" />
            </datalist>
            <TextArea label="Headers (one Name: value per line)" testid="lab-headers"
                placeholder="X-Custom: 1" value=headers on_change=set_headers />
            <TextArea label="Body (empty: none)" testid="lab-body"
                value=read(state, |s| s.request.body.clone().unwrap_or_default())
                on_change=edit(state, |s, v| s.request.body = opt(v)) />
        </fieldset>
    }
}

/// The choices' words are `Acao::word` (one vocabulary with the address).
const ACAO_OPTIONS: [(&str, &str); 9] = [
    ("none", "(none)"),
    ("star", "*"),
    ("echo", "the page's origin (echo)"),
    ("echo-slash", "origin + trailing /"),
    ("null", "null"),
    ("other", "https://other.example"),
    ("echo-and-other", "origin, https://other.example"),
    ("two-lines", "origin, sent twice"),
    ("value", "an exact value…"),
];

/// Which of the two answers a form edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Preflight,
    Actual,
}

fn answer(s: &LabState, which: Which) -> &Answer {
    match which {
        Which::Preflight => &s.server.preflight,
        Which::Actual => &s.server.actual,
    }
}

fn answer_mut(s: &mut LabState, which: Which) -> &mut Answer {
    match which {
        Which::Preflight => &mut s.server.preflight,
        Which::Actual => &mut s.server.actual,
    }
}

/// How the server answers, for `/cors`; a note for the fixed routes.
#[component]
pub fn AnswerForm(state: RwSignal<LabState>) -> impl IntoView {
    view! {
        <Show
            when=move || state.with(|s| s.endpoint.configurable())
            fallback=move || view! {
                <div class="card form-card">
                    <h3>"The server's answer"</h3>
                    <p data-testid="lab-fixed-answer">
                        <code>{move || state.with(|s| s.endpoint.path())}</code>
                        {move || state.with(|s| match s.endpoint.fixed_methods() {
                            Some((allowed, refused)) => format!(
                                " answers {} with 200 and anything else — a preflight's OPTIONS included — with {refused}, and never with a CORS header. ",
                                allowed.join(" or ")
                            ),
                            None => String::new(),
                        })}
                        "Pick the route "<code>"/cors"</code>" to choose the answer yourself."
                    </p>
                </div>
            }
        >
            <div class="answers">
                <AnswerFields state which=Which::Preflight title="Answer to a preflight (OPTIONS)" prefix="p" />
                <AnswerFields state which=Which::Actual title="Answer to the actual request" prefix="a" />
            </div>
        </Show>
    }
}

#[component]
fn AnswerFields(
    state: RwSignal<LabState>,
    which: Which,
    title: &'static str,
    prefix: &'static str,
) -> impl IntoView {
    let text = move |f: fn(&Answer) -> &Option<String>| {
        read(state, move |s| {
            f(answer(s, which)).clone().unwrap_or_default()
        })
    };
    let set = move |f: fn(&mut Answer, Option<String>)| {
        edit(state, move |s, v| f(answer_mut(s, which), opt(v)))
    };
    let id = move |what: &str| format!("lab-{prefix}-{what}");
    let (extra, set_extra) = match which {
        Which::Preflight => header_text(
            state,
            |s| &s.server.preflight.extra_headers,
            |s, h| s.server.preflight.extra_headers = h,
        ),
        Which::Actual => header_text(
            state,
            |s| &s.server.actual.extra_headers,
            |s, h| s.server.actual.extra_headers = h,
        ),
    };
    view! {
        <fieldset class="card form-card">
            <legend>{title}</legend>
            <div class="form-grid">
                <SelectField label="Status" testid=id("status")
                    options=vec![("200", "200 OK"), ("204", "204 No Content"), ("400", "400"), ("403", "403"), ("404", "404"), ("405", "405"), ("500", "500")]
                    value=read(state, move |s| answer(s, which).status.to_string())
                    on_change=edit(state, move |s, v| if let Ok(n) = v.parse() { answer_mut(s, which).status = n }) />
                <SelectField label="Access-Control-Allow-Origin" testid=id("acao")
                    options=ACAO_OPTIONS.to_vec()
                    value=read(state, move |s| answer(s, which).acao.word().to_owned())
                    on_change=edit(state, move |s, v| {
                        let acao = &mut answer_mut(s, which).acao;
                        // Choosing "exact value" again keeps the value typed.
                        if !(v == "value" && matches!(acao, Acao::Value(_))) {
                            *acao = Acao::from_word(&v).unwrap_or(Acao::None);
                        }
                    }) />
                <Show when=move || state.with(|s| matches!(answer(s, which).acao, Acao::Value(_)))>
                    <TextField label="Access-Control-Allow-Origin value" testid=id("acao-value") placeholder="https://shop.example"
                        value=read(state, move |s| match &answer(s, which).acao { Acao::Value(v) => v.clone(), _ => String::new() })
                        on_change=edit(state, move |s, v| answer_mut(s, which).acao = Acao::Value(v)) />
                </Show>
                <SelectField label="Access-Control-Allow-Credentials" testid=id("acac")
                    options=vec![("", "(none)"), ("true", "true"), ("false", "false")]
                    value=text(|a| &a.acac)
                    on_change=set(|a, v| a.acac = v) />
                {(which == Which::Preflight).then(|| view! {
                    <TextField label="Access-Control-Allow-Methods" testid=id("acam") placeholder="PUT, DELETE"
                        value=text(|a| &a.acam) on_change=set(|a, v| a.acam = v) />
                    <TextField label="Access-Control-Allow-Headers" testid=id("acah") placeholder="x-custom"
                        value=text(|a| &a.acah) on_change=set(|a, v| a.acah = v) />
                    <TextField label="Access-Control-Max-Age" testid=id("max-age") placeholder="seconds"
                        value=text(|a| &a.max_age) on_change=set(|a, v| a.max_age = v) />
                })}
                {(which == Which::Actual).then(|| view! {
                    <TextField label="Access-Control-Expose-Headers" testid=id("aceh") placeholder="X-Secret"
                        value=text(|a| &a.aceh) on_change=set(|a, v| a.aceh = v) />
                    <SelectField label="Redirect" testid=id("redirect")
                        options=vec![("", "(no redirect)"), ("302-api", "302 to the API origin"), ("307-api", "307 to the API origin"), ("302-intranet", "302 to the intranet origin"), ("302-app", "302 to this page's origin")]
                        value=read(state, move |s| answer(s, which).redirect.as_ref().map(|r| format!("{}-{}", r.status, target_word(r.to))).unwrap_or_default())
                        on_change=edit(state, move |s, v| answer_mut(s, which).redirect = redirect_from_word(&v)) />
                })}
            </div>
            <TextArea label="Other response headers" testid=id("extra") placeholder="X-Secret: 42"
                value=extra on_change=set_extra />
            <label class="check">
                <input type="checkbox" data-testid=id("set-cookie")
                    prop:checked=move || state.with(|s| answer(s, which).set_cookie)
                    on:change=move |ev| { let on = event_target_checked(&ev); state.update(|s| answer_mut(s, which).set_cookie = on) } />
                " Set-Cookie: lab=…"
            </label>
        </fieldset>
    }
}

/// `302-api` → a redirect to that origin, whose `/cors` allows this page.
fn redirect_from_word(word: &str) -> Option<Box<Redirect>> {
    let (status, to) = word.split_once('-')?;
    let status = status.parse().ok()?;
    let to = parse_target(to)?;
    let then = ServerSpec {
        preflight: Answer::default(),
        actual: Answer {
            acao: if to == Target::App {
                Acao::Star
            } else {
                Acao::Echo
            },
            ..Answer::default()
        },
    };
    Some(Box::new(Redirect { status, to, then }))
}
