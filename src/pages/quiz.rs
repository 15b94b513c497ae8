//! `/quiz?q=<slug>`: predict, then run it for real. Each question ends with
//! its evidence: a real lab run, an origin comparison, or a live demo.
//! Progress lives in localStorage; the address names the question. Choices
//! appear in this learner's own order (`quiz::display_order`); presenter mode
//! and a class link (`step=N`) show one order to everyone. Every word comes
//! from `locales/<lang>/quiz.json` (the questions' through `words::quiz`).

use cors_core::compare::origin_verdict;
use cors_core::lab_link::LabState;
use cors_core::named;
use cors_core::quiz::{self, Audience, Choice, Evidence, Progress, Question};
use cors_core::url_parts::parse_url;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::lab_run::{Guess, Run, RunView};
use crate::components::verdict::Badge;
use crate::demo;
use crate::i18n::{t, Arg, Text};
use crate::presenter::Presenter;
use crate::words::quiz as words;

const STORAGE_KEY: &str = "cors-lab.quiz";

fn load_progress() -> Progress {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|text| Progress::parse(&text))
        .unwrap_or_default()
}

fn save_progress(progress: &Progress) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        // Private browsing may refuse: progress then lasts for this page only.
        let _ = storage.set_item(STORAGE_KEY, &progress.to_storage());
    }
}

#[component]
pub fn QuizPage() -> impl IntoView {
    let query = use_query_map();
    let progress = RwSignal::new(load_progress());
    Effect::new(move |_| progress.with(save_progress));
    let questions = quiz::all();
    let current = Memo::new(move |_| {
        query
            .with(|q| q.get("q"))
            .and_then(|slug| quiz::by_slug(&slug))
            .or_else(|| {
                // Start at the first unanswered question.
                progress.with_untracked(|p| questions.iter().find(|q| p.chosen(q.slug).is_none()))
            })
            .unwrap_or(&questions[0])
    });
    let config = demo::use_config();
    let score = move || {
        let (right, answered) = progress.with(Progress::score);
        t!(quiz.page.score, right, answered, total = questions.len()).into_any()
    };
    let reset = move |_| progress.update(Progress::reset);

    view! {
        <section class="intro quiz-intro presenter-hidden">
            <h1>{t!(quiz.page.title)}</h1>
            <p class="lead">{t!(quiz.page.lead)}</p>
            <p class="score" role="status">
                <span data-testid="quiz-score">{score}</span>
                " "
                <button type="button" class="small" data-testid="quiz-reset" on:click=reset>{t!(quiz.page.reset)}</button>
            </p>
        </section>
        <div class="quiz-layout">
            <nav class="card quiz-nav presenter-hidden" aria-label=move || t!(quiz.page.nav.label).string()>
                <ol>
                    {questions.iter().map(|q| {
                        let slug = q.slug;
                        let mark = move || match progress.with(|p| p.is_correct(slug)) {
                            Some(true) => "✓",
                            Some(false) => "✗",
                            None => "·",
                        };
                        let label = move || match progress.with(|p| p.is_correct(slug)) {
                            Some(true) => t!(quiz.page.nav.correct).into_any(),
                            Some(false) => t!(quiz.page.nav.wrong).into_any(),
                            None => t!(quiz.page.nav.unanswered).into_any(),
                        };
                        let (id, topic) = (q.id, q.topic);
                        let entry = move || {
                            let prompt = short(&words::prompt(id).string());
                            t!(quiz.page.nav.entry, topic = words::topic(topic), prompt).into_any()
                        };
                        view! {
                            <li class:current=move || current.get().slug == slug>
                                <A href=format!("/quiz?q={slug}") attr:data-testid=format!("quiz-nav-{slug}")>
                                    <span class="mark" aria-hidden="true">{mark}</span>
                                    <span class="sr-only">{label}</span>
                                    " "{entry}
                                </A>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
            {move || {
                let question = current.get();
                view! { <QuestionCard question progress config /> }
            }}
        </div>
    }
}

fn short(prompt: &str) -> String {
    let mut s: String = prompt.chars().take(48).collect();
    if prompt.chars().count() > 48 {
        s.push('…');
    }
    s
}

/// One question: story, choices, feedback, explanation, evidence.
#[component]
fn QuestionCard(
    question: &'static Question,
    progress: RwSignal<Progress>,
    config: demo::ConfigResource,
) -> impl IntoView {
    let slug = question.slug;
    let picked = RwSignal::new(progress.with_untracked(|p| p.chosen(slug)));
    let answered = move || progress.with(|p| p.chosen(slug));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(choice) = picked.get_untracked() {
            progress.update(|p| p.answer(slug, choice));
        }
    };
    let index = quiz::all().iter().position(|q| q.slug == slug).unwrap_or(0);
    let next = quiz::all().get(index + 1).map(|q| q.slug);
    let prev = index
        .checked_sub(1)
        .and_then(|i| quiz::all().get(i))
        .map(|q| q.slug);
    // Presenter mode's answer step shows the answer to the whole class.
    let presenter = Presenter::get();
    let revealing = move || presenter.and_then(|p| p.part()) == Some("answer");
    let correct_index = question.choices.iter().position(|c| c.correct);
    // One order for the whole class when the page is presented or opened
    // from a class link (which names a step); else this learner's own.
    let tag = demo::learner_tag();
    let order = Memo::new(move |_| {
        let class = presenter.is_some_and(|p| p.presenting.get() || p.has_step.get());
        let audience = if class {
            Audience::Class
        } else {
            Audience::Learner(&tag)
        };
        quiz::display_order(question, audience)
    });
    let id = question.id;
    let topic = question.topic;
    view! {
        <article class="card question" data-testid="quiz-question" data-slug=slug aria-labelledby="q-prompt">
            <p class="topic">{t!(quiz.page.position, n = index + 1, total = quiz::all().len(), topic = words::topic(topic))}</p>
            <p class="section-teaches" data-testid="quiz-section">{words::teaches(topic)}</p>
            <p class="story">{words::story(id)}</p>
            <form on:submit=submit data-step="question answer">
                <fieldset>
                    <legend id="q-prompt"><h2>{words::prompt(id)}</h2></legend>
                    // `quiz-choice-<i>` and `data-option` name the choice
                    // (its index in the bank), not the place it is shown at.
                    {move || order.get().into_iter().filter_map(|i| question.choices.get(i).map(|c| (i, c))).map(|(i, choice)| {
                        let is_correct = choice.correct;
                        let text = words::choice(id, i).map(Text::into_any);
                        view! {
                            <label class="quiz-choice" class:chosen=move || answered() == Some(i)
                                class:correct-answer=move || revealing() && is_correct>
                                <input type="radio" name=format!("q-{slug}") data-testid=format!("quiz-choice-{i}")
                                    data-option=i.to_string()
                                    prop:checked=move || picked.get() == Some(i)
                                    on:change=move |_| picked.set(Some(i)) />
                                <span>{text}</span>
                                <Show when=move || revealing() && is_correct>
                                    " "<strong class="correct-mark" data-testid="quiz-correct-mark">{t!(quiz.page.correct_mark)}</strong>
                                </Show>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary" data-testid="quiz-answer" disabled=move || picked.get().is_none()>
                    {t!(quiz.page.answer)}
                </button>
            </form>
            {move || match answered() {
                Some(i) => {
                    let i = i.min(question.choices.len() - 1);
                    let choice = &question.choices[i];
                    Some(view! {
                        <div class=if choice.correct { "feedback good" } else { "feedback bad" } data-testid="quiz-feedback" role="status" data-step="answer">
                            <p>
                                <strong>{if choice.correct { t!(quiz.page.feedback.correct) } else { t!(quiz.page.feedback.wrong) }}</strong>
                                " "{words::feedback(id, i).map(Text::into_any)}
                            </p>
                            <p data-testid="quiz-explanation">{words::explanation(id)}</p>
                        </div>
                        <OtherChoices question order=order.get_untracked() shown=i />
                        <div data-step="answer"><EvidenceBox question config /></div>
                    }.into_any())
                }
                // Presenter mode's answer step shows the answer to the class.
                None if revealing() => Some(view! {
                    <div class="feedback good" data-testid="quiz-reveal" role="status" data-step="answer">
                        <p>
                            <strong>{t!(quiz.page.feedback.reveal)}</strong>" "{correct_index.and_then(|i| words::choice(id, i)).map(Text::into_any)}
                        </p>
                        <p>{correct_index.and_then(|i| words::feedback(id, i)).map(Text::into_any)}</p>
                        <p data-testid="quiz-explanation">{words::explanation(id)}</p>
                    </div>
                    {correct_index.map(|shown| view! { <OtherChoices question order=order.get_untracked() shown /> })}
                    <div data-step="answer"><EvidenceBox question config /></div>
                }.into_any()),
                None => None,
            }}
            <nav class="quiz-steps presenter-hidden" aria-label=move || t!(quiz.page.steps.label).string()>
                {prev.map(|p| view! { <A href=format!("/quiz?q={p}") attr:class="button secondary">{t!(quiz.page.steps.previous)}</A> })}
                {next.map(|n| view! { <A href=format!("/quiz?q={n}") attr:class="button" attr:data-testid="quiz-next">{t!(quiz.page.steps.next)}</A> })}
            </nav>
        </article>
    }
}

/// The choices not explained in the feedback above (`shown`: the learner's
/// answer, or the right one when the presenter reveals it), each with its
/// feedback, in the order shown: together with the feedback above, why each
/// wrong choice is wrong and why the right one is right, each said once.
#[component]
fn OtherChoices(question: &'static Question, order: Vec<usize>, shown: usize) -> impl IntoView {
    let id = question.id;
    let rows = order
        .into_iter()
        .filter(|&i| i != shown)
        .filter_map(|i| question.choices.get(i).map(|c| (i, c)))
        .map(|(i, c): (usize, &Choice)| {
            let claim = words::choice(id, i);
            let choice =
                Arg::view(move || view! { <strong>{claim.clone().map(Text::into_any)}</strong> });
            let feedback = match words::feedback(id, i) {
                Some(text) => Arg::from(text),
                None => Arg::from(""),
            };
            let row = if c.correct {
                t!(quiz.page.others.right, choice, feedback)
            } else {
                t!(quiz.page.others.wrong, choice, feedback)
            };
            view! {
                <li class:good=c.correct class:bad=!c.correct data-option=i.to_string()>
                    {row}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="every-choice" data-testid="quiz-every-choice" data-step="answer" aria-label=move || t!(quiz.page.others.label).string()>
            <h3>{t!(quiz.page.others.title)}</h3>
            <ul>{rows}</ul>
        </section>
    }
}

/// The experiment that proves the answer.
#[component]
fn EvidenceBox(question: &'static Question, config: demo::ConfigResource) -> impl IntoView {
    view! {
        <section class="evidence" aria-labelledby="evidence-title">
            <h3 id="evidence-title">{t!(quiz.page.evidence.title)}</h3>
            <p class="hint" data-testid="quiz-look-for">{words::look_for(question.id)}</p>
            {match question.evidence {
                Evidence::Lab { slug } => view! { <LabEvidence slug config /> }.into_any(),
                Evidence::Origins { a, b } => view! { <OriginsEvidence a b /> }.into_any(),
                Evidence::Why { demo } => view! {
                    <p>
                        <a class="button" href=format!("/why#{demo}") data-testid="quiz-why-link">{t!(quiz.page.evidence.why_link)}</a>
                    </p>
                }.into_any(),
            }}
        </section>
    }
}

/// "Run it": a named lab experiment, run for real, with the lab's evidence panels.
#[component]
fn LabEvidence(slug: &'static str, config: demo::ConfigResource) -> impl IntoView {
    let run = RwSignal::new(None::<Run>);
    let running = RwSignal::new(false);
    let seat = crate::classroom::seat();
    let start = move |_| {
        let Some(Ok(config)) = config.get_untracked() else {
            return;
        };
        let Some(experiment) = named::by_slug(slug) else {
            return;
        };
        running.set(true);
        spawn_local(async move {
            let state = LabState {
                endpoint: experiment.endpoint,
                request: experiment.request,
                server: experiment.server,
            };
            let record = Run::execute(&config, state, Guess::default()).await;
            run.set(Some(record));
            running.set(false);
        });
    };
    let reset = move |_| {
        spawn_local(async move {
            demo::reset_demo().await;
            run.set(None);
        });
    };
    Presenter::on_reset(move || run.set(None));
    view! {
        <p class="run-actions">
            <button type="button" class="primary" data-testid="quiz-run" on:click=start disabled=move || running.get()>
                {move || if running.get() { t!(quiz.page.evidence.running).into_any() } else { t!(quiz.page.evidence.run).into_any() }}
            </button>
            <button type="button" class="presenter-hidden" data-testid="quiz-run-reset" on:click=reset title=move || seat.get().reset_title()>
                {move || seat.get().reset_label()}
            </button>
            <a href=format!("/lab?s={slug}")>{t!(quiz.page.evidence.open_lab)}</a>
        </p>
        {move || match config.get() {
            Some(Err(message)) => Some(view! { <crate::components::server_down::ServerDown message /> }.into_any()),
            _ => None,
        }}
        <Show when=move || run.with(Option::is_some) || running.get()>
            <RunView run running compact=true />
        </Show>
    }
}

/// An origin comparison, computed on the spot.
#[component]
fn OriginsEvidence(a: &'static str, b: &'static str) -> impl IntoView {
    let verdict = match (parse_url(a), parse_url(b)) {
        (Ok(pa), Ok(pb)) => Some(origin_verdict(&pa, &pb)),
        _ => None,
    };
    let same = verdict.as_ref().map(|v| v.same_origin);
    let word = Signal::derive(move || {
        match same {
            Some(true) => t!(quiz.page.evidence.same_origin),
            Some(false) => t!(quiz.page.evidence.cross_origin),
            None => t!(quiz.page.evidence.invalid),
        }
        .string()
    });
    let reason = verdict
        .map(|v| crate::words::origin::reason(&v.reason))
        .unwrap_or_default();
    let href = crate::url_state::absolute_url("/origin", &[("a", a), ("b", b)]);
    view! {
        <div class="origins-evidence">
            <p>{t!(quiz.page.evidence.versus,
                a = Arg::view(move || view! { <code>{a}</code> }),
                b = Arg::view(move || view! { <code>{b}</code> }))}</p>
            <Badge testid="quiz-origin-verdict" word good=same />
            <p>{reason}</p>
            <p><a href=href>{t!(quiz.page.evidence.open_comparator)}</a></p>
        </div>
    }
}
