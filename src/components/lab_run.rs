//! One lab run: executing it (the real fetch plus the before/after reads) and
//! showing it — timeline, what the browser sent, what the server received,
//! what JavaScript got, the console message, the rule, curl and the fix.

use cors_core::advice;
use cors_core::browser::Engine;
use cors_core::engine::{self, Outcome, Prediction, PreflightNeed};
use cors_core::lab_link::LabState;
use cors_core::named::Endpoint;
use cors_core::scenario::{JsObservation, Scenario, Target, CASE_PARAM};
use cors_core::wire::{DemoConfig, LogEntry, PostList, LEARNER_PARAM};
use leptos::prelude::*;

use crate::components::server_log::ServerLog;
use crate::demo::{self, JsGot};
use crate::i18n::{t, Arg, Page, Text};
use crate::words::lab as words;

/// The learner's prediction before running (each may stay unanswered).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Guess {
    pub preflight: Option<bool>,
    pub arrives: Option<bool>,
    pub readable: Option<bool>,
}

/// Everything one run produced.
#[derive(Clone, Debug)]
pub struct Run {
    pub case: String,
    pub url: String,
    pub page_origin: String,
    pub state: LabState,
    pub guess: Guess,
    /// The model's prediction for the learner's own engine.
    pub prediction: Option<Prediction>,
    /// The engine predicted for, and whether it is the learner's browser
    /// (unknown browsers get Chromium's prediction, and are told so).
    pub engine: Engine,
    pub engine_is_learners: bool,
    /// Each engine's prediction (the console lines of all three, and where
    /// they would behave differently).
    pub by_engine: Vec<Prediction>,
    pub js: JsGot,
    /// Requests of this run that reached the server, in order.
    pub arrived: Vec<LogEntry>,
    pub posts_before: Option<PostList>,
    pub posts_after: Option<PostList>,
}

impl Run {
    /// Fire the request for real and collect the evidence around it.
    pub async fn execute(config: &DemoConfig, state: LabState, guess: Guess) -> Run {
        let case = format!(
            "run-{:08x}",
            (js_sys::Math::random() * f64::from(u32::MAX)) as u32
        );
        let mut env = demo::engine_env(config);
        env.has_lab_cookie = demo::page_has_lab_cookie();
        let page_origin = env.origin_of(Target::App);
        let server = state.answers();
        let scenario = Scenario {
            id: case.clone(),
            request: state.request.clone(),
            server: server.clone(),
            repeat: 1,
        };
        let engine_url = engine::request_url(&env, state.request.target, &case, &server);
        let url = if state.endpoint == Endpoint::Cors {
            format!("{engine_url}&{LEARNER_PARAM}={}", demo::learner_tag())
        } else {
            format!(
                "{}{}?{CASE_PARAM}={case}&{LEARNER_PARAM}={}",
                env.origin_of(state.request.target),
                state.endpoint.path(),
                demo::learner_tag()
            )
        };
        let learners = demo::this_browser().engine();
        let engine = learners.unwrap_or(Engine::Chromium);
        let by_engine: Vec<Prediction> = Engine::ALL
            .iter()
            .filter_map(|&e| engine::predict_in(e, &scenario, &env).into_iter().next())
            .map(|p| at_real_url(p, &engine_url, &url))
            .collect();
        let prediction = by_engine.iter().find(|p| p.engine == engine).cloned();
        let side_effect = state.endpoint == Endpoint::DeletePost;
        let posts_before = if side_effect {
            demo::restore_posts().await;
            demo::load_posts().await.ok()
        } else {
            None
        };
        let js = demo::run_request(&url, &state.request).await;
        let posts_after = if side_effect {
            demo::load_posts().await.ok()
        } else {
            None
        };
        let arrived = demo::load_log()
            .await
            .into_iter()
            .filter(|e| e.has_case(&case))
            .collect();
        Run {
            case,
            url,
            page_origin,
            state,
            guess,
            prediction,
            engine,
            engine_is_learners: learners.is_some(),
            by_engine,
            js,
            arrived,
            posts_before,
            posts_after,
        }
    }

    fn preflight_arrived(&self) -> bool {
        self.arrived.iter().any(LogEntry::is_preflight)
    }

    fn actual_arrived(&self) -> bool {
        self.arrived.iter().any(|e| !e.is_preflight())
    }

    fn readable(&self) -> bool {
        matches!(&self.js, JsGot::Response { response_type, .. } if response_type != "opaque" && response_type != "opaqueredirect")
    }
}

/// What a prediction says for the three questions of the table: preflight
/// sent, request arrived, JavaScript could read.
fn summary(p: &Prediction) -> (bool, bool, bool) {
    let arrived = &p.observation.arrived;
    let readable = matches!(&p.observation.js, JsObservation::Response { response_type, .. } if !response_type.starts_with("opaque"));
    (
        arrived.iter().any(|a| a.preflight),
        arrived.iter().any(|a| !a.preflight),
        readable,
    )
}

/// The engine reasons about `/cors?case=…`; the lab's URL also carries the
/// learner tag (or is a fixed route): show the URL the browser really used.
fn at_real_url(mut p: Prediction, engine_url: &str, url: &str) -> Prediction {
    for line in &mut p.console {
        *line = line.replace(engine_url, url);
    }
    for sent in &mut p.sent {
        if sent.url == engine_url {
            sent.url = url.to_owned();
        }
    }
    p
}

/// Three yes/no questions answered before running.
#[component]
pub fn GuessForm(guess: RwSignal<Guess>) -> impl IntoView {
    let question = move |label: Text,
                         id: &'static str,
                         get: fn(&Guess) -> Option<bool>,
                         set: fn(&mut Guess, Option<bool>)| {
        let choice = move |value: Option<bool>, testid: &'static str, text: Text| {
            view! {
                <label class="choice">
                    <input type="radio" name=id data-testid=format!("guess-{id}-{testid}")
                        prop:checked=move || guess.with(|g| get(g) == value)
                        on:change=move |_| guess.update(|g| set(g, value)) />
                    {text}
                </label>
            }
        };
        view! {
            <fieldset class="guess">
                <legend>{label}</legend>
                {choice(Some(true), "yes", t!(lab.guess.yes))}
                {choice(Some(false), "no", t!(lab.guess.no))}
                {choice(None, "skip", t!(lab.guess.skip))}
            </fieldset>
        }
    };
    view! {
        <div class="guesses" aria-label=move || t!(lab.guess.label).string()>
            <p class="caption">{t!(lab.guess.caption)}</p>
            {question(t!(lab.guess.preflight), "preflight", |g| g.preflight, |g, v| g.preflight = v)}
            {question(t!(lab.guess.arrives), "arrives", |g| g.arrives, |g, v| g.arrives = v)}
            {question(t!(lab.guess.readable), "readable", |g| g.readable, |g, v| g.readable = v)}
        </div>
    }
}

/// The result of the last run, or a hint before the first.
#[component]
pub fn RunView(
    run: RwSignal<Option<Run>>,
    running: RwSignal<bool>,
    /// Only the evidence (timeline, panels, side effect, console message):
    /// the quiz's "Run it" uses this.
    #[prop(optional)]
    compact: bool,
    /// Mark the parts with the lab's presenter steps (`data-step`: sent,
    /// server, js, console).
    #[prop(optional)]
    stepped: bool,
) -> impl IntoView {
    let case = Signal::derive(move || run.with(|r| r.as_ref().map(|r| r.case.clone())));
    let part = move |parts: &'static str| stepped.then_some(parts);
    // The run's words are the lab's: on another page (the quiz's "Run it")
    // they are fetched here, for the active language, and the run redrawn
    // once they are in.
    let texts = RwSignal::new(0u32);
    Effect::new(move |_| {
        let locale = crate::i18n::locale();
        leptos::task::spawn_local(async move {
            if crate::i18n::load(locale, Page::Lab).await.is_ok() {
                texts.update(|n| *n += 1);
            }
        });
    });
    let shown = move || {
        texts.track();
        run.get()
    };
    view! {
        <section class="card run-view" aria-live="polite" aria-busy=move || running.get().to_string()
            data-step=part("sent server js console")>
            {move || shown().map(|r| view! { <RunSummary run=r stepped /> })}
            <div class="panels three">
                {move || shown().map(|r| view! { <BrowserSent run=r stepped /> })}
                <div class="log-slot" data-step=part("server")>
                    <ServerLog learner=demo::learner_tag() case />
                </div>
                {move || shown().map(|r| view! { <JsGotPanel run=r stepped /> })}
            </div>
            {move || shown().map(|r| view! {
                <div data-step=part("server")><SideEffect run=r.clone() /></div>
                <div data-step=part("console")><ConsoleBox run=r.clone() /></div>
            })}
            {move || (!compact).then(|| shown().map(|r| view! { <div data-step=part("console")><Afterword run=r /></div> }))}
            <Show when=move || run.with(Option::is_none)>
                <p class="empty" class:presenter-hidden=stepped data-testid="lab-not-run">
                    {move || { texts.track(); t!(lab.run.not_run).into_any() }}
                </p>
            </Show>
        </section>
    }
}

/// Timeline and prediction check.
#[component]
fn RunSummary(run: Run, stepped: bool) -> impl IntoView {
    let part = move |parts: &'static str| stepped.then_some(parts);
    let preflight = run.preflight_arrived();
    let actual = run.actual_arrived();
    let readable = run.readable();
    let status = run
        .arrived
        .iter()
        .rev()
        .find(|e| !e.is_preflight())
        .map(|e| e.status);
    // Presenter mode reveals the timeline step by step: an entry from the
    // step that shows it on.
    let step = |done: Option<bool>,
                title: Text,
                detail: Text,
                testid: &'static str,
                from: &'static str| {
        let (class, mark) = match done {
            Some(true) => ("step done", "✓"),
            Some(false) => ("step failed", "✗"),
            None => ("step skipped", "–"),
        };
        view! {
            <li class=class data-testid=testid data-step=part(from)>
                <span class="step-mark" aria-hidden="true">{mark}</span>
                <strong>{title}</strong>
                <span class="step-detail">{detail}</span>
            </li>
        }
    };
    let model = run.prediction.as_ref().map(summary);
    let browser = crate::engines::browser_name(run.engine);
    let model_heading = t!(lab.summary.model, browser);
    let differs = engines_differ(&run.by_engine);
    let engine_agrees = model.map(|m| m == (preflight, actual, readable));
    let yes_no = |v: bool| {
        if v {
            t!(lab.summary.yes)
        } else {
            t!(lab.summary.no)
        }
    };
    let maybe = |v: Option<bool>| match v {
        Some(v) => yes_no(v).into_any(),
        None => "—".into_any(),
    };
    let row = |question: Text, guess: Option<bool>, modelled: Option<bool>, real: bool| {
        let verdict = guess.map(|g| {
            if g == real {
                t!(lab.summary.right)
            } else {
                t!(lab.summary.wrong)
            }
        });
        view! {
            <tr>
                <th scope="row">{question}</th>
                <td>{maybe(guess)}</td>
                <td>{maybe(modelled)}</td>
                <td><strong>{yes_no(real)}</strong></td>
                <td>{verdict.map(Text::into_any)}</td>
            </tr>
        }
    };
    let cookie_sent = run
        .arrived
        .iter()
        .filter(|e| !e.is_preflight())
        .any(|e| e.header("cookie").is_some_and(|c| c.contains("lab=")));
    view! {
        <div class="run-summary">
            <h2>{t!(lab.summary.title)}</h2>
            <ol class="timeline" data-testid="lab-timeline" data-step=part("sent server js")>
                {step(preflight.then_some(true), t!(lab.summary.preflight),
                    if preflight { t!(lab.summary.preflight_arrived) } else { t!(lab.summary.preflight_none) }, "timeline-preflight", "sent server js")}
                {step(Some(actual), t!(lab.summary.actual),
                    if actual { t!(lab.summary.actual_arrived, method = words::code(run.state.request.method.clone())) } else { t!(lab.summary.actual_never) }, "timeline-actual", "server js")}
                {step(status.map(|_| true), t!(lab.summary.response),
                    match status { Some(status) => t!(lab.summary.answered, status), None => t!(lab.summary.no_answer) }, "timeline-response", "server js")}
                {step(Some(readable), t!(lab.summary.js),
                    if readable { t!(lab.summary.js_read) } else { t!(lab.summary.js_refused) }, "timeline-js", "js")}
            </ol>
            <p data-testid="lab-cookie-sent" data-step=part("server")>
                {match (actual, cookie_sent) {
                    (true, true) => t!(lab.summary.cookie_went),
                    (true, false) => t!(lab.summary.cookie_not),
                    (false, _) => t!(lab.summary.cookie_no_request),
                }}
            </p>
            <div class="table-scroll" data-step=part("js")>
                <table class="prediction-table" data-testid="prediction-table">
                    <thead>
                        <tr><th scope="col">{t!(lab.summary.question)}</th><th scope="col">{t!(lab.summary.you)}</th><th scope="col" data-testid="model-engine">{model_heading}</th><th scope="col">{t!(lab.summary.the_browser)}</th><th scope="col"></th></tr>
                    </thead>
                    <tbody>
                        {row(t!(lab.summary.q_preflight), run.guess.preflight, model.map(|m| m.0), preflight)}
                        {row(t!(lab.summary.q_arrives), run.guess.arrives, model.map(|m| m.1), actual)}
                        {row(t!(lab.summary.q_readable), run.guess.readable, model.map(|m| m.2), readable)}
                    </tbody>
                </table>
            </div>
            {engine_agrees.map(|agrees| view! {
                <p class="hint" data-testid="engine-agrees" data-step=part("js")>
                    {if agrees {
                        t!(lab.summary.agrees, browser)
                    } else {
                        t!(lab.summary.disagrees, browser)
                    }}
                    {(!run.engine_is_learners).then(|| t!(lab.summary.unknown_browser).into_any())}
                </p>
            })}
            {differs.map(|lines| view! {
                <div class="engines-differ" data-testid="engines-differ" data-step=part("js")>
                    <p><strong>{t!(lab.summary.differ)}</strong></p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            })}
            <p class="hint" data-step=part("console")>
                {
                    let href = crate::url_state::absolute_url("/lab", &run.state.to_query());
                    t!(lab.summary.permalink, link = Arg::view(move || view! {
                        <a data-testid="lab-permalink" href=href.clone()>{t!(lab.summary.copy_me)}</a>
                    }))
                }
            </p>
        </div>
    }
}

/// What the browser put on the wire, per the lab's model of the Fetch
/// standard (the server log beside it shows what really arrived).
#[component]
fn BrowserSent(run: Run, stepped: bool) -> impl IntoView {
    let sent = run
        .prediction
        .as_ref()
        .map(|p| p.sent.clone())
        .unwrap_or_default();
    let count = sent.len();
    view! {
        <section class="panel" aria-labelledby="sent-title" data-testid="browser-sent" data-step=stepped.then_some("sent")>
            <h3 id="sent-title">{t!(lab.sent.title)}</h3>
            <p class="hint">{t!(lab.sent.hint)}</p>
            {if sent.is_empty() {
                view! { <p class="empty" data-testid="sent-nothing">{t!(lab.sent.nothing)}</p> }.into_any()
            } else {
                sent.into_iter().enumerate().map(|(i, r)| {
                    let path = path_and_query(&r.url);
                    let text = format!(
                        "{} {path}{}{}",
                        r.method,
                        r.headers.iter().map(|(n, v)| format!("\n{n}: {v}")).collect::<String>(),
                        r.body.as_ref().map(|b| format!("\n\n{b}")).unwrap_or_default()
                    );
                    view! {
                        <p class="wire-label">
                            {
                                let origin = words::code(origin_part(&r.url));
                                if r.preflight { t!(lab.sent.preflight_to, origin) } else { t!(lab.sent.request_to, origin) }
                            }
                            {r.cookie.then(|| t!(lab.sent.with_cookie).into_any())}
                        </p>
                        <pre class=if r.preflight { "wire preflight" } else { "wire" }
                            data-testid=if r.preflight { "sent-preflight" } else { "sent-request" }>{text}</pre>
                        {(i + 1 < count).then(|| view! { <p class="arrow" aria-hidden="true">"↓"</p> })}
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}

fn origin_part(url: &str) -> String {
    let rest = url.find("://").map_or(0, |i| i + 3);
    match url[rest..].find('/') {
        Some(j) => url[..rest + j].to_owned(),
        None => url.to_owned(),
    }
}

fn path_and_query(url: &str) -> String {
    let origin = origin_part(url);
    let path = &url[origin.len()..];
    if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    }
}

/// The response or the error, as the page's script saw it.
#[component]
fn JsGotPanel(run: Run, stepped: bool) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="js-title" data-testid="js-got" data-step=stepped.then_some("js")>
            <h3 id="js-title">{t!(lab.js.title)}</h3>
            {match run.js.clone() {
                JsGot::Rejected { error } => view! {
                    <p class="verdict bad"><span aria-hidden="true">"✗ "</span>{t!(lab.js.rejected)}</p>
                    <pre class="js-result" lang="en" data-testid="js-result">{error}</pre>
                }.into_any(),
                JsGot::Response { status, response_type, headers, body } => {
                    let opaque = response_type.starts_with("opaque");
                    view! {
                        <p class=if opaque { "verdict bad" } else { "verdict good" }>
                            <span aria-hidden="true">{if opaque { "✗ " } else { "✓ " }}</span>
                            {if opaque { t!(lab.js.opaque, kind = response_type.clone()) } else { t!(lab.js.readable, status) }}
                        </p>
                        <dl class="kv">
                            <dt><code>"status"</code></dt><dd data-testid="js-status">{status}</dd>
                            <dt><code>"type"</code></dt><dd data-testid="js-type" translate="no">{response_type.clone()}</dd>
                        </dl>
                        <h4>{t!(lab.js.visible_headers)}</h4>
                        <ul class="visible-headers" data-testid="js-headers">
                            {if headers.is_empty() { view! { <li class="empty">{t!(lab.js.none)}</li> }.into_any() } else {
                                headers.into_iter().map(|(n, v)| view! { <li><code>{format!("{n}: {v}")}</code></li> }).collect_view().into_any()
                            }}
                        </ul>
                        <h4>{t!(lab.js.body)}</h4>
                        <pre class="js-result" data-testid="js-body">{if body.is_empty() { t!(lab.js.empty).into_any() } else { body.into_any() }}</pre>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The before/after of a run with a side effect (deletePost).
#[component]
fn SideEffect(run: Run) -> impl IntoView {
    match (&run.posts_before, &run.posts_after) {
        (Some(before), Some(after)) => Some(view! {
            <section class="side-effect" data-testid="side-effect">
                <h3>{t!(lab.side_effect.title)}</h3>
                <div class="two-col">
                    <PostsList title=t!(lab.side_effect.before) list=before.clone() testid="posts-before" />
                    <PostsList title=t!(lab.side_effect.after) list=after.clone() testid="posts-after" />
                </div>
                <p data-testid="side-effect-verdict">
                    {if before.posts.len() != after.posts.len() {
                        t!(lab.side_effect.gone)
                    } else {
                        t!(lab.side_effect.unchanged)
                    }}
                </p>
            </section>
        }),
        _ => None,
    }
}

/// When the engines' predictions differ in what happens (not just in
/// wording): one sentence per engine.
fn engines_differ(by_engine: &[Prediction]) -> Option<Vec<Text>> {
    let first = summary(by_engine.first()?);
    if by_engine.iter().all(|p| summary(p) == first) {
        return None;
    }
    Some(
        by_engine
            .iter()
            .map(|p| {
                let (preflight, arrives, readable) = summary(p);
                t!(
                    lab.summary.differ_line,
                    browser = crate::engines::browser_name(p.engine),
                    preflight = if preflight {
                        t!(lab.summary.differ_preflight)
                    } else {
                        t!(lab.summary.differ_no_preflight)
                    },
                    arrives = if arrives {
                        t!(lab.summary.differ_arrives)
                    } else {
                        t!(lab.summary.differ_never)
                    },
                    readable = if readable {
                        t!(lab.summary.differ_reads)
                    } else {
                        t!(lab.summary.differ_no_answer)
                    },
                )
            })
            .collect(),
    )
}

/// The console lines each engine prints for this run (the learner's own
/// browser first), each with a link to the explainer.
#[component]
fn ConsoleBox(run: Run) -> impl IntoView {
    let no_cors = run.state.request.mode == cors_core::scenario::Mode::NoCors;
    let mut consoles: Vec<(Engine, Vec<String>)> = run
        .by_engine
        .iter()
        .map(|p| (p.engine, p.console.clone()))
        .collect();
    consoles.sort_by_key(|(e, _)| *e != run.engine);
    let any = consoles.iter().any(|(_, lines)| !lines.is_empty());
    let learners = run.engine_is_learners.then_some(run.engine);
    view! {
        <section class="console" aria-labelledby="console-title">
            <h3 id="console-title">{t!(lab.console.title)}</h3>
            {if any {
                view! {
                    <p class="hint" data-testid="console-hint">
                        {t!(lab.console.hint, shortcut = crate::words::console_shortcut(crate::demo::this_browser()))}
                    </p>
                    {consoles.into_iter().map(|(engine, lines)| {
                        let name = crate::engines::browser_name(engine);
                        let slug = crate::engines::slug(engine);
                        let heading = if learners == Some(engine) {
                            t!(lab.console.yours, family = words::family(engine))
                        } else {
                            words::family(engine)
                        };
                        if lines.is_empty() {
                            return view! {
                                <h4>{heading}</h4>
                                <p data-testid=format!("console-{slug}-none")>{t!(lab.console.prints_nothing, browser = name)}</p>
                            }.into_any();
                        }
                        let reason = lines.first().map(|l| l.trim_end().to_owned()).unwrap_or_default();
                        let explain_id = if engine == Engine::Chromium { "console-explain".to_owned() } else { format!("console-explain-{slug}") };
                        view! {
                            <h4>{heading}</h4>
                            <pre class="console-line" lang="en" data-testid=format!("console-{slug}")>{lines.join("\n")}</pre>
                            <p class="console-explain">
                                <a data-testid=explain_id href=crate::url_state::path_with_query("/explain", &[("m", reason.as_str())])>
                                    {t!(lab.console.explain, browser = name)}
                                </a>
                                {t!(lab.console.explain_after)}
                            </p>
                        }.into_any()
                    }).collect_view()}
                }.into_any()
            } else if no_cors {
                view! {
                    <p data-testid="console-none">{t!(lab.console.none_no_cors)}</p>
                }.into_any()
            } else {
                view! { <p data-testid="console-none">{t!(lab.console.none)}</p> }.into_any()
            }}
        </section>
    }
}

/// The rule, every step, curl and the fix.
#[component]
fn Afterword(run: Run) -> impl IntoView {
    let prediction = run.prediction.clone();
    let explanation = prediction.as_ref().map(explain);
    let steps = prediction
        .as_ref()
        .map(|p| p.steps.clone())
        .unwrap_or_default();
    let any_failed = steps.iter().any(|s| s.outcome == Outcome::Fail);
    let request = run.state.request.clone();
    let cross_origin = request.target != Target::App;
    let curl = advice::curl_command(&run.url, &request, &run.page_origin, cross_origin);
    let expose: Vec<String> = run
        .state
        .server
        .actual
        .extra_headers
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    let needs_preflight = prediction
        .as_ref()
        .is_some_and(|p| !matches!(p.preflight, PreflightNeed::NotNeeded { .. }));
    let fix = advice::fix_headers(&request, &run.page_origin, needs_preflight, &expose);
    let raw = advice::raw_headers_text(&fix);
    let axum = advice::axum_fix(&request, &run.page_origin, &expose);
    view! {
        {explanation.map(|text| view! {
            <section class="explain">
                <h3>{t!(lab.afterword.why)}</h3>
                <p data-testid="lab-explanation">{text}</p>
            </section>
        })}
        <details class="steps-details" open=any_failed>
            <summary><h3>{t!(lab.afterword.every_rule)}</h3></summary>
            <ol class="steps" data-testid="lab-steps">
                {steps.into_iter().map(|step| {
                    let (class, mark) = match step.outcome {
                        Outcome::Pass => ("good", "✓"),
                        Outcome::Fail => ("bad", "✗"),
                        Outcome::Info => ("info", "•"),
                    };
                    view! {
                        <li class=class>
                            <span aria-hidden="true">{mark}" "</span>
                            {t!(lab.afterword.decided, rule = Arg::view(move || view! { <strong>{words::rule_title(step.rule)}</strong> }), fact = words::fact(&step.fact))}" "
                            <a href=step.spec rel="noreferrer" target="_blank">{t!(lab.afterword.spec)}</a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
        <section class="two-col advice">
            <div>
                <h3>{t!(lab.afterword.curl_title)}</h3>
                <pre class="code" data-testid="lab-curl">{move || crate::words::advice::snippet(&curl)}</pre>
                <p class="hint">{t!(lab.afterword.curl_note)}</p>
            </div>
            <div>
                <h3>{t!(lab.afterword.fix_title)}</h3>
                <p class="hint">{t!(lab.afterword.fix_hint)}</p>
                <pre class="code" data-testid="lab-fix-raw">{move || crate::words::advice::snippet(&raw)}</pre>
                <h4>{t!(lab.afterword.axum)}</h4>
                <pre class="code" data-testid="lab-fix-axum">{move || crate::words::advice::snippet(&axum)}</pre>
            </div>
        </section>
    }
}

/// One paragraph naming the rule that decided the run.
fn explain(p: &Prediction) -> Text {
    if let Some(step) = p.steps.iter().find(|s| s.outcome == Outcome::Fail) {
        return t!(
            lab.afterword.decided,
            rule = words::rule_title(step.rule),
            fact = words::fact(&step.fact)
        );
    }
    match &p.observation.js {
        JsObservation::Rejected => t!(lab.afterword.rejected_early),
        JsObservation::Response { response_type, .. } if response_type.starts_with("opaque") => {
            t!(lab.afterword.opaque)
        }
        JsObservation::Response { response_type, .. } if response_type == "basic" => {
            t!(lab.afterword.same_origin)
        }
        JsObservation::Response { .. } => t!(lab.afterword.passed),
    }
}

#[component]
fn PostsList(title: Text, list: PostList, testid: &'static str) -> impl IntoView {
    // The posts are the demo server's data, in its language.
    view! {
        <div>
            <h4>{title}</h4>
            <ul class="posts" data-testid=testid lang="en" translate="no">
                {list.posts.into_iter().map(|p| view! {
                    <li data-testid="post" data-id=p.id.to_string()>{format!("#{} {} — {}", p.id, p.title, p.author)}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}
