//! Core's typed facts in the learner's language: each function matches a
//! core enum exhaustively and picks its text from `locales/` (so a new
//! variant does not compile until it has words in every locale).

use cors_core::browser::Browser;

use crate::i18n::{t, Text};

/// How to open the developer console in this browser family.
pub fn console_shortcut(browser: Browser) -> Text {
    match browser {
        Browser::Chromium => t!(common.console_shortcut.chromium),
        Browser::Firefox => t!(common.console_shortcut.firefox),
        Browser::Safari => t!(common.console_shortcut.safari),
        Browser::Other => t!(common.console_shortcut.other),
    }
}
