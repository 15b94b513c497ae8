//! Classroom mode in the app: the instructor key (taken from the
//! instructor's URL, kept in sessionStorage, sent only to the app origin's
//! own `/api/…`), and this browser's seat — one person's lab, a learner, or
//! the instructor — shared with every component through context.

use cors_core::wire::{DemoConfig, INSTRUCTOR_PARAM};
use leptos::prelude::*;

const KEY_STORAGE: &str = "cors-lab.instructor";

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Takes `?instructor=KEY` out of the address bar into sessionStorage (this
/// tab only), so the key is not on the projected screen nor in a link the
/// instructor shares.
pub fn capture_instructor_key() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let Some(key) = params.get(INSTRUCTOR_PARAM).filter(|k| !k.is_empty()) else {
        return;
    };
    if let Some(storage) = session() {
        // Private browsing may refuse: then the key lasts for this page only.
        let _ = storage.set_item(KEY_STORAGE, &key);
    }
    PAGE_KEY.with(|k| *k.borrow_mut() = Some(key));
    params.delete(INSTRUCTOR_PARAM);
    let rest = String::from(params.to_string());
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let hash = location.hash().unwrap_or_default();
    let url = if rest.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{rest}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

thread_local! {
    /// The key when storage refused it.
    static PAGE_KEY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The instructor key this tab holds, if any.
pub fn instructor_key() -> Option<String> {
    session()
        .and_then(|s| s.get_item(KEY_STORAGE).ok().flatten())
        .or_else(|| PAGE_KEY.with(|k| k.borrow().clone()))
        .filter(|k| !k.is_empty())
}

fn forget_instructor_key() {
    if let Some(storage) = session() {
        let _ = storage.remove_item(KEY_STORAGE);
    }
    PAGE_KEY.with(|k| *k.borrow_mut() = None);
}

/// `instructor=<key>` for a query, when this tab holds a key.
pub fn key_pair() -> Option<String> {
    instructor_key().map(|key| {
        format!(
            "{INSTRUCTOR_PARAM}={}",
            String::from(js_sys::encode_uri_component(&key))
        )
    })
}

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

    /// Whose data a reset clears, for button labels: "my", "everyone's", or
    /// nothing on a lab of one.
    fn whose(self) -> Option<&'static str> {
        match self {
            Seat::Solo => None,
            Seat::Learner | Seat::KeyRefused => Some("my"),
            Seat::Instructor => Some("everyone's"),
        }
    }

    /// The label of a button resetting the demo data (posts and log).
    pub fn reset_label(self) -> String {
        match self.whose() {
            None => "Reset demo data".to_owned(),
            Some(whose) => format!("Reset {whose} demo data"),
        }
    }

    /// The label of the live log's reset button.
    pub fn clear_log_label(self) -> String {
        match self.whose() {
            None => "Clear log".to_owned(),
            Some(whose) => format!("Clear {whose} log"),
        }
    }

    /// What a reset does, in a sentence (a button's title).
    pub fn reset_title(self) -> &'static str {
        match self {
            Seat::Solo => "Restore the posts and clear the server log",
            Seat::Learner | Seat::KeyRefused => {
                "Restore your posts and clear your requests from the log; other learners keep theirs"
            }
            Seat::Instructor => "Restore every learner's posts and clear the whole log",
        }
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
    fn seat_and_wording_cases() {
        // (classroom, instructor, key sent, seat, reset label, clear-log label)
        let cases = [
            (
                false,
                false,
                false,
                Seat::Solo,
                "Reset demo data",
                "Clear log",
            ),
            (
                false,
                false,
                true,
                Seat::Solo,
                "Reset demo data",
                "Clear log",
            ),
            (
                true,
                false,
                false,
                Seat::Learner,
                "Reset my demo data",
                "Clear my log",
            ),
            (
                true,
                false,
                true,
                Seat::KeyRefused,
                "Reset my demo data",
                "Clear my log",
            ),
            (
                true,
                true,
                true,
                Seat::Instructor,
                "Reset everyone's demo data",
                "Clear everyone's log",
            ),
        ];
        for (classroom, instructor, sent, seat, reset, clear) in cases {
            let got = Seat::of(&config(classroom, instructor), sent);
            assert_eq!(got, seat, "{classroom} {instructor} {sent}");
            assert_eq!(got.reset_label(), reset);
            assert_eq!(got.clear_log_label(), clear);
        }
        assert!(Seat::Learner
            .reset_title()
            .contains("other learners keep theirs"));
        assert!(Seat::Instructor.reset_title().contains("every learner"));
    }
}
