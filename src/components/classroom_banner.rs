//! The strip under the header in classroom mode: who this browser is at the
//! lab, what its log shows and what its resets clear.

use leptos::prelude::*;

use crate::classroom::{seat, Seat};
use crate::demo;

/// Nothing on a lab of one; otherwise the learner's tag, or the instructor view.
#[component]
pub fn ClassroomBanner() -> impl IntoView {
    let seat = seat();
    let tag = demo::learner_tag();
    move || {
        let tag = tag.clone();
        let (title, detail) = match seat.get() {
            Seat::Solo => return None,
            Seat::Learner => (
                view! { "Classroom: you are learner "<code data-testid="classroom-learner">{tag}</code> }.into_any(),
                "The server log shows only your requests, and a reset restores only your data.",
            ),
            Seat::KeyRefused => (
                view! { "Classroom: you are learner "<code data-testid="classroom-learner">{tag}</code> }.into_any(),
                "The instructor key in this tab was not accepted (was the server restarted? open the instructor address it printed), so this is a learner's view.",
            ),
            Seat::Instructor => (
                view! { "Instructor view: all learners" }.into_any(),
                "The first experiment's server log shows every learner's requests, each with its tag; a reset restores everyone's data. Keep the instructor address to yourself.",
            ),
        };
        Some(view! {
            <aside class="classroom-banner" data-testid="classroom-banner" aria-label="Classroom mode">
                <strong>{title}</strong>
                " "
                <span>{detail}</span>
            </aside>
        })
    }
}
