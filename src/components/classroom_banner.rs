//! The strip under the header in classroom mode: who this browser is at the
//! lab, what its log shows and what its resets clear.

use leptos::prelude::*;

use crate::classroom::{seat, Seat};
use crate::demo;
use crate::i18n::{t, Arg};

/// Nothing on a lab of one; otherwise the learner's tag, or the instructor view.
#[component]
pub fn ClassroomBanner() -> impl IntoView {
    let seat = seat();
    let tag = demo::learner_tag();
    move || {
        let tag = tag.clone();
        let learner = move || {
            let tag = tag.clone();
            let code = Arg::view(
                move || view! { <code data-testid="classroom-learner">{tag.clone()}</code> },
            );
            t!(common.classroom.you_are, tag = code).into_any()
        };
        let (title, detail) = match seat.get() {
            Seat::Solo => return None,
            Seat::Learner => (learner(), t!(common.classroom.learner)),
            Seat::KeyRefused => (learner(), t!(common.classroom.key_refused)),
            Seat::Instructor => (
                t!(common.classroom.instructor_title).into_any(),
                t!(common.classroom.instructor),
            ),
        };
        Some(view! {
            <aside class="classroom-banner" data-testid="classroom-banner" aria-label=t!(common.classroom.label).string()>
                <strong>{title}</strong>
                " "
                <span>{detail}</span>
            </aside>
        })
    }
}
