//! "Reset demo state": one button, a confirmation that keyboard users can
//! answer (focus moves to it, Escape cancels), and a result read back from
//! the server — posts restored, log cleared — not assumed.

use leptos::prelude::*;

use crate::i18n::t;
use leptos::task::spawn_local;

use crate::demo;
use crate::presenter::Presenter;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Stage {
    Idle,
    Confirming,
    Working,
    Done(String),
    Failed(String),
}

#[component]
pub fn ResetDemo() -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let seat = crate::classroom::seat();
    let open_button = NodeRef::<leptos::html::Button>::new();
    let confirm_button = NodeRef::<leptos::html::Button>::new();

    // The confirmation takes the focus as it appears.
    Effect::new(move |_| {
        if stage.with(|s| *s == Stage::Confirming) {
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        }
    });
    let cancel = move || {
        stage.set(Stage::Idle);
        if let Some(button) = open_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let presenter = Presenter::get();
    let confirm = move |_| {
        stage.set(Stage::Working);
        spawn_local(async move {
            stage.set(reset_and_check().await);
            if let Some(presenter) = presenter {
                presenter.resets.update(|n| *n += 1);
            }
            if let Some(button) = open_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };

    view! {
        <section class="reset" aria-labelledby="reset-title">
            <h2 id="reset-title" class="sr-only">{t!(common.present.demo_state)}</h2>
            <button type="button" class="reset-open" data-testid="present-reset" node_ref=open_button
                aria-expanded=move || stage.with(|s| *s == Stage::Confirming).to_string()
                disabled=move || stage.with(|s| *s == Stage::Working)
                on:click=move |_| stage.set(Stage::Confirming)>
                {move || if stage.with(|s| *s == Stage::Working) { t!(common.present.resetting).into_any() } else { t!(common.present.reset).into_any() }}
            </button>
            <Show when=move || stage.with(|s| *s == Stage::Confirming)>
                <div class="reset-confirm" role="group" aria-labelledby="reset-question" data-testid="present-reset-dialog"
                    on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); cancel(); }>
                    <p id="reset-question">
                        {move || t!(common.present.reset_question, what = seat.get().reset_title()).into_any()}
                    </p>
                    <button type="button" class="primary" data-testid="present-reset-confirm" node_ref=confirm_button on:click=confirm>
                        {t!(common.present.yes_reset)}
                    </button>
                    " "
                    <button type="button" data-testid="present-reset-cancel" on:click=move |_| cancel()>
                        {t!(common.present.cancel)}
                    </button>
                </div>
            </Show>
            <p class="reset-result" role="status" data-testid="present-reset-result">
                {move || match stage.get() {
                    Stage::Done(text) => text,
                    Stage::Failed(text) => text,
                    _ => String::new(),
                }}
            </p>
        </section>
    }
}

/// Reset, then read back what the server now holds for this browser.
async fn reset_and_check() -> Stage {
    demo::reset_demo().await;
    let posts = match demo::load_posts().await {
        Ok(list) => list.posts.len(),
        Err(why) => {
            return Stage::Failed(t!(common.present.reset_unchecked, error = why.text()).string())
        }
    };
    let left = demo::load_log().await.len();
    let time = clock_now();
    Stage::Done(if left == 0 {
        t!(common.present.reset_done_empty, time, posts).string()
    } else {
        t!(common.present.reset_done_left, time, posts, left).string()
    })
}

/// `HH:MM:SS`, local time.
fn clock_now() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}
