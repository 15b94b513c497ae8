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
    header_lines, parse_header_lines, Choice, SelectField, TextArea, TextField,
};
use crate::i18n::{t, Arg, Text};
use crate::words::lab::code;

fn words(text: Text) -> Choice {
    Choice::Words(text)
}

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
            <legend>{t!(lab.request.legend)}</legend>
            <div class="form-grid">
                <SelectField label=t!(lab.request.target) testid="lab-target"
                    options=vec![("api", words(t!(lab.request.target_api))), ("api-alt", words(t!(lab.request.target_api_alt))), ("intranet", words(t!(lab.request.target_intranet))), ("app", words(t!(lab.request.target_app)))]
                    value=read(state, |s| target_word(s.request.target).to_owned())
                    on_change=edit(state, |s, v| if let Some(t) = parse_target(&v) { s.request.target = t }) />
                <SelectField label=t!(lab.request.route) testid="lab-endpoint"
                    options=vec![("cors", words(t!(lab.request.route_cors))), ("users", words(t!(lab.request.route_users))), ("delete-post", words(t!(lab.request.route_delete_post))), ("page", words(t!(lab.request.route_page)))]
                    value=read(state, |s| s.endpoint.word().to_owned())
                    on_change=edit(state, |s, v| if let Some(e) = Endpoint::parse(&v) { s.endpoint = e }) />
                <TextField label=t!(lab.request.method) testid="lab-method" list="methods"
                    value=read(state, |s| s.request.method.clone())
                    on_change=edit(state, |s, v| s.request.method = v) />
                <SelectField label=code("mode") testid="lab-mode"
                    options=vec![("cors", default("cors")), ("no-cors", Choice::Code("no-cors")), ("same-origin", Choice::Code("same-origin"))]
                    value=read(state, |s| mode_word(s.request.mode).to_owned())
                    on_change=edit(state, |s, v| s.request.mode = match v.as_str() { "no-cors" => Mode::NoCors, "same-origin" => Mode::SameOrigin, _ => Mode::Cors }) />
                <SelectField label=code("credentials") testid="lab-credentials"
                    options=vec![("same-origin", default("same-origin")), ("include", Choice::Code("include")), ("omit", Choice::Code("omit"))]
                    value=read(state, |s| credentials_word(s.request.credentials).to_owned())
                    on_change=edit(state, |s, v| s.request.credentials = match v.as_str() { "include" => Credentials::Include, "omit" => Credentials::Omit, _ => Credentials::SameOrigin }) />
                <SelectField label=code("redirect") testid="lab-redirect"
                    options=vec![("follow", default("follow")), ("error", Choice::Code("error")), ("manual", Choice::Code("manual"))]
                    value=read(state, |s| redirect_word(s.request.redirect).to_owned())
                    on_change=edit(state, |s, v| s.request.redirect = match v.as_str() { "error" => RedirectMode::Error, "manual" => RedirectMode::Manual, _ => RedirectMode::Follow }) />
            </div>
            <datalist id="methods">
                <option value="GET" /><option value="HEAD" /><option value="POST" /><option value="PUT" />
                <option value="DELETE" /><option value="PATCH" />
            </datalist>
            <TextArea label=t!(lab.request.headers) testid="lab-headers"
                placeholder="X-Custom: 1" value=headers on_change=set_headers />
            <TextArea label=t!(lab.request.body) testid="lab-body"
                value=read(state, |s| s.request.body.clone().unwrap_or_default())
                on_change=edit(state, |s, v| s.request.body = opt(v)) />
        </fieldset>
    }
}

/// A fetch option's default value, said so.
fn default(value: &'static str) -> Choice {
    words(t!(lab.request.default, value = code(value)))
}

/// The choices' values are `Acao::word` (one vocabulary with the address).
fn acao_options() -> Vec<(&'static str, Choice)> {
    vec![
        ("none", words(t!(lab.answer.none))),
        ("star", Choice::Code("*")),
        ("echo", words(t!(lab.answer.acao_echo))),
        ("echo-slash", words(t!(lab.answer.acao_echo_slash))),
        ("null", Choice::Code("null")),
        ("other", Choice::Code("https://other.example")),
        ("echo-and-other", words(t!(lab.answer.acao_echo_and_other))),
        ("two-lines", words(t!(lab.answer.acao_two_lines))),
        ("value", words(t!(lab.answer.acao_value))),
    ]
}

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
                    <h3>{t!(lab.answer.fixed_title)}</h3>
                    <p data-testid="lab-fixed-answer">
                        <code>{move || state.with(|s| s.endpoint.path())}</code>
                        {move || state.with(|s| match s.endpoint.fixed_methods() {
                            Some((allowed, refused)) => {
                                let allowed: Arg = match allowed {
                                    [first, second, ..] => t!(lab.answer.two_methods, first = code(*first), second = code(*second)).into(),
                                    [method] => t!(lab.answer.one_method, method = code(*method)).into(),
                                    [] => Arg::from(""),
                                };
                                t!(lab.answer.fixed, allowed, refused).into_any()
                            }
                            None => ().into_any(),
                        })}
                        {t!(lab.answer.pick_cors)}
                    </p>
                </div>
            }
        >
            <div class="answers">
                <AnswerFields state which=Which::Preflight title=t!(lab.answer.preflight_title) prefix="p" />
                <AnswerFields state which=Which::Actual title=t!(lab.answer.actual_title) prefix="a" />
            </div>
        </Show>
    }
}

#[component]
fn AnswerFields(
    state: RwSignal<LabState>,
    which: Which,
    title: Text,
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
                <SelectField label=t!(lab.answer.status) testid=id("status")
                    options=["200 OK", "204 No Content", "400", "403", "404", "405", "500"].into_iter().map(|s| (&s[..3], Choice::Code(s))).collect()
                    value=read(state, move |s| answer(s, which).status.to_string())
                    on_change=edit(state, move |s, v| if let Ok(n) = v.parse() { answer_mut(s, which).status = n }) />
                <SelectField label=code("Access-Control-Allow-Origin") testid=id("acao")
                    options=acao_options()
                    value=read(state, move |s| answer(s, which).acao.word().to_owned())
                    on_change=edit(state, move |s, v| {
                        let acao = &mut answer_mut(s, which).acao;
                        // Choosing "exact value" again keeps the value typed.
                        if !(v == "value" && matches!(acao, Acao::Value(_))) {
                            *acao = Acao::from_word(&v).unwrap_or(Acao::None);
                        }
                    }) />
                <Show when=move || state.with(|s| matches!(answer(s, which).acao, Acao::Value(_)))>
                    <TextField label=t!(lab.answer.acao_value_label) testid=id("acao-value") placeholder="https://shop.example"
                        value=read(state, move |s| match &answer(s, which).acao { Acao::Value(v) => v.clone(), _ => String::new() })
                        on_change=edit(state, move |s, v| answer_mut(s, which).acao = Acao::Value(v)) />
                </Show>
                <SelectField label=code("Access-Control-Allow-Credentials") testid=id("acac")
                    options=vec![("", words(t!(lab.answer.none))), ("true", Choice::Code("true")), ("false", Choice::Code("false"))]
                    value=text(|a| &a.acac)
                    on_change=set(|a, v| a.acac = v) />
                {(which == Which::Preflight).then(|| view! {
                    <TextField label=code("Access-Control-Allow-Methods") testid=id("acam") placeholder="PUT, DELETE"
                        value=text(|a| &a.acam) on_change=set(|a, v| a.acam = v) />
                    <TextField label=code("Access-Control-Allow-Headers") testid=id("acah") placeholder="x-custom"
                        value=text(|a| &a.acah) on_change=set(|a, v| a.acah = v) />
                    <TextField label=code("Access-Control-Max-Age") testid=id("max-age") placeholder="600"
                        value=text(|a| &a.max_age) on_change=set(|a, v| a.max_age = v) />
                })}
                {(which == Which::Actual).then(|| view! {
                    <TextField label=code("Access-Control-Expose-Headers") testid=id("aceh") placeholder="X-Secret"
                        value=text(|a| &a.aceh) on_change=set(|a, v| a.aceh = v) />
                    <SelectField label=t!(lab.answer.redirect) testid=id("redirect")
                        options=vec![("", words(t!(lab.answer.no_redirect))), ("302-api", words(t!(lab.answer.redirect_302_api))), ("307-api", words(t!(lab.answer.redirect_307_api))), ("302-intranet", words(t!(lab.answer.redirect_302_intranet))), ("302-app", words(t!(lab.answer.redirect_302_app)))]
                        value=read(state, move |s| answer(s, which).redirect.as_ref().map(|r| format!("{}-{}", r.status, target_word(r.to))).unwrap_or_default())
                        on_change=edit(state, move |s, v| answer_mut(s, which).redirect = redirect_from_word(&v)) />
                })}
            </div>
            <TextArea label=t!(lab.answer.extra) testid=id("extra") placeholder="X-Secret: 42"
                value=extra on_change=set_extra />
            <label class="check">
                <input type="checkbox" data-testid=id("set-cookie")
                    prop:checked=move || state.with(|s| answer(s, which).set_cookie)
                    on:change=move |ev| { let on = event_target_checked(&ev); state.update(|s| answer_mut(s, which).set_cookie = on) } />
                " "<code>"Set-Cookie: lab=…"</code>
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
