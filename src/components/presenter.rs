//! The frame's presenter-mode pieces: the header's toggle, the step style,
//! the stepper ("Step k of n", previous/next), a learner's "shared step"
//! note, and the side panel (class link, reset, the live log).

pub mod reset;
pub mod share;

use cors_core::present;
use leptos::prelude::*;

use crate::i18n::t;

use crate::components::server_log::ServerLog;
use crate::demo;
use crate::presenter::Presenter;

/// The header's button that turns presenter mode on and off.
#[component]
pub fn PresentToggle() -> impl IntoView {
    let presenter = Presenter::get()?;
    let on = presenter.presenting;
    Some(view! {
        <button type="button" class="present-toggle" data-testid="present-toggle"
            aria-pressed=move || on.get().to_string()
            aria-keyshortcuts=present::TOGGLE_SHORTCUT
            title=move || t!(common.present.toggle_title, shortcut = present::TOGGLE_SHORTCUT).string()
            on:click=move |_| presenter.toggle()>
            <span aria-hidden="true">"▣ "</span>
            {move || if on.get() { t!(common.present.leave).into_any() } else { t!(common.present.enter).into_any() }}
        </button>
    })
}

/// The style rule for the current step: in presenter mode it hides every
/// other step's elements; in a learner's view of a shared step it marks
/// the step's elements.
#[component]
pub fn StepStyle() -> impl IntoView {
    let presenter = Presenter::get();
    let css = move || {
        let presenter = presenter?;
        let presenting = presenter.presenting.get();
        if !presenting && !presenter.has_step.get() {
            return None;
        }
        presenter
            .step()
            .map(|step| present::step_css(step.part, presenting))
    };
    view! { <style data-testid="present-style">{css}</style> }
}

/// "Step k of n", the step's title, previous and next; step changes are
/// announced to screen readers.
#[component]
pub fn Stepper() -> impl IntoView {
    let presenter = Presenter::get()?;
    let count = move || presenter.steps.with(Vec::len);
    let at_first = move || presenter.index.get() == 0;
    let at_last = move || presenter.index.get() + 1 >= count();
    Some(view! {
        <nav class="stepper" aria-label=move || t!(common.present.steps_label).string() data-testid="present-stepper">
            <button type="button" class="stepper-prev" data-testid="present-prev"
                disabled=at_first on:click=move |_| presenter.go(present::Nav::Prev)>
                <span aria-hidden="true">"← "</span>{t!(common.present.previous)}
            </button>
            <p class="stepper-now">
                <span class="stepper-count" data-testid="present-step">
                    {move || t!(common.present.step_count, n = presenter.index.get() + 1, count = count()).into_any()}
                </span>
                <strong class="stepper-title" data-testid="present-step-title">
                    {move || presenter.step().map(|s| crate::words::step_title(s.title).into_any())}
                </strong>
            </p>
            <button type="button" class="primary stepper-next" data-testid="present-next"
                disabled=at_last on:click=move |_| presenter.go(present::Nav::Next)>
                {t!(common.present.next)}<span aria-hidden="true">" →"</span>
            </button>
            <p class="sr-only" aria-live="polite" aria-atomic="true" data-testid="present-announce">
                {move || presenter.announcement()}
            </p>
        </nav>
    })
}

/// In a learner's view: which step a shared link points at (its elements
/// are marked), with a way to drop the mark.
#[component]
pub fn SharedStepNote() -> impl IntoView {
    let presenter = Presenter::get()?;
    let dismiss = move |_| presenter.forget_step();
    Some(view! {
        <p class="card shared-step" role="status" data-testid="shared-step">
            <span aria-hidden="true">"➜ "</span>
            <span data-testid="shared-step-text">{move || presenter.announcement()}</span>
            " "{t!(common.present.shared_note)}" "
            <button type="button" class="small" on:click=dismiss>{t!(common.present.hide_mark)}</button>
        </p>
    })
}

/// The presenter's side panel: the link for the class, one reset for the
/// demo, and the live server log, large.
#[component]
pub fn PresenterPanel() -> impl IntoView {
    view! {
        <aside class="presenter-panel" aria-label=move || t!(common.present.tools_label).string() data-testid="present-panel">
            <share::ShareLink />
            <reset::ResetDemo />
            <div class="presenter-log" data-testid="present-log">
                // The instructor in classroom mode: every learner's requests.
                <ServerLog learner=demo::learner_tag() everyone=true big=true />
            </div>
            <details class="keys-help">
                <summary>{t!(common.present.keys)}</summary>
                <p>{t!(common.present.keys_help, shortcut = present::TOGGLE_SHORTCUT)}</p>
            </details>
        </aside>
    }
}
