//! Classroom mode in the app: this browser's seat — one person's lab, a
//! learner, or the instructor — learnt from the demo server's config and
//! shared with every component through context. The key the seat rests on
//! is [`crate::instructor_key`]'s.

use cors_core::wire::DemoConfig;
use leptos::prelude::*;

use crate::i18n::t;
use crate::instructor_key::{forget_instructor_key, instructor_key};

/// Who this browser is at the lab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Seat {
    /// One person's lab on loopback (or not known yet).
    #[default]
    Solo,
    /// Classroom mode, a learner: sees and resets only their own data.
    Learner,
    /// Classroom mode, with a key the server did not accept (it was
    /// restarted with another one?): a learner's view.
    KeyRefused,
    /// Classroom mode with the instructor key: sees every learner's
    /// requests, resets everyone's data.
    Instructor,
}

impl Seat {
    /// The seat a config answer gives, for a tab that sent a key or not.
    pub fn of(config: &DemoConfig, sent_key: bool) -> Seat {
        match (config.classroom, config.instructor, sent_key) {
            (false, _, _) => Seat::Solo,
            (true, true, _) => Seat::Instructor,
            (true, false, true) => Seat::KeyRefused,
            (true, false, false) => Seat::Learner,
        }
    }

    /// The label of a button resetting the demo data (posts and log).
    pub fn reset_label(self) -> String {
        match self {
            Seat::Solo => t!(common.reset.data_solo),
            Seat::Learner | Seat::KeyRefused => t!(common.reset.data_mine),
            Seat::Instructor => t!(common.reset.data_everyone),
        }
        .string()
    }

    /// The label of the live log's reset button.
    pub fn clear_log_label(self) -> String {
        match self {
            Seat::Solo => t!(common.reset.log_solo),
            Seat::Learner | Seat::KeyRefused => t!(common.reset.log_mine),
            Seat::Instructor => t!(common.reset.log_everyone),
        }
        .string()
    }

    /// What a reset does, in a sentence (a button's title).
    pub fn reset_title(self) -> String {
        match self {
            Seat::Solo => t!(common.reset.title_solo),
            Seat::Learner | Seat::KeyRefused => t!(common.reset.title_mine),
            Seat::Instructor => t!(common.reset.title_everyone),
        }
        .string()
    }
}

/// This browser's seat, shared through context.
#[derive(Clone, Copy)]
struct SeatContext(RwSignal<Seat>);

/// Learns the seat from the shared `/api/config` and shares it (call once,
/// in the app, after `demo::provide_config`).
pub fn provide_seat() {
    let seat = RwSignal::new(Seat::Solo);
    provide_context(SeatContext(seat));
    // The config request went out with the key this tab held at start.
    let sent_key = instructor_key().is_some();
    let config = crate::demo::use_config();
    Effect::new(move |_| {
        if let Some(Ok(config)) = config.get() {
            let found = Seat::of(&config, sent_key);
            if found == Seat::KeyRefused {
                // A stale key: stop sending it, so this tab gets a learner's view.
                forget_instructor_key();
            }
            seat.set(found);
        }
    });
}

/// This browser's seat (Solo outside the app, e.g. in component tests).
pub fn seat() -> Signal<Seat> {
    match use_context::<SeatContext>() {
        Some(SeatContext(seat)) => seat.into(),
        None => Signal::stored(Seat::Solo),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(classroom: bool, instructor: bool) -> DemoConfig {
        DemoConfig {
            app_port: 8080,
            api_port: 8081,
            intranet_port: 8082,
            alt_host: None,
            classroom,
            instructor,
        }
    }

    #[test]
    fn seat_cases() {
        // (classroom, instructor, key sent, seat); the buttons' words per
        // seat are in locales/*/common.json (`reset.*`), checked in e2e.
        let cases = [
            (false, false, false, Seat::Solo),
            (false, false, true, Seat::Solo),
            (true, false, false, Seat::Learner),
            (true, false, true, Seat::KeyRefused),
            (true, true, true, Seat::Instructor),
        ];
        for (classroom, instructor, sent, seat) in cases {
            let got = Seat::of(&config(classroom, instructor), sent);
            assert_eq!(got, seat, "{classroom} {instructor} {sent}");
        }
    }
}
