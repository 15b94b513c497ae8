//! Core's typed facts in the learner's language: each function matches a
//! core enum exhaustively and picks its text from `locales/` (so a new
//! variant does not compile until it has words in every locale).

pub mod advice;
pub mod explain;
pub mod lab;
pub mod lab_errors;
pub mod origin;
pub mod quiz;
pub mod url;

use cors_core::browser::Browser;
use cors_core::present::{Page as PresentPage, StepTitle};

use crate::i18n::{t, Arg, Text};

/// How to open the developer console in this browser family.
pub fn console_shortcut(browser: Browser) -> Text {
    match browser {
        Browser::Chromium => t!(common.console_shortcut.chromium),
        Browser::Firefox => t!(common.console_shortcut.firefox),
        Browser::Safari => t!(common.console_shortcut.safari),
        Browser::Other => t!(common.console_shortcut.other),
    }
}

/// A presenter step's title. Parts are the pages' `data-step` tokens
/// (`cors_core::present::steps`); a token without words shows as itself.
pub fn step_title(title: StepTitle) -> Text {
    match title {
        StepTitle::Part(page, part) => {
            part_title(page, part).unwrap_or_else(|| t!(common.steps.unnamed, part))
        }
        StepTitle::Question { n, slug } => {
            t!(common.steps.question, n, topic = quiz_topic(slug))
        }
        StepTitle::Answer { n, slug } => t!(common.steps.answer, n, topic = quiz_topic(slug)),
    }
}

fn part_title(page: PresentPage, part: &'static str) -> Option<Text> {
    Some(match (page, part) {
        (PresentPage::Home, "intro") => t!(common.steps.home.intro),
        (PresentPage::Home, "experiment") => t!(common.steps.home.experiment),
        (PresentPage::Home, "result") => t!(common.steps.home.result),
        (PresentPage::Origin, "breakdown") => t!(common.steps.origin.breakdown),
        (PresentPage::Origin, "differs") => t!(common.steps.origin.differs),
        (PresentPage::Origin, "verdict") => t!(common.steps.origin.verdict),
        (PresentPage::Origin, "list") => t!(common.steps.origin.list),
        (PresentPage::Lab, "request") => t!(common.steps.lab.request),
        (PresentPage::Lab, "sent") => t!(common.steps.lab.sent),
        (PresentPage::Lab, "server") => t!(common.steps.lab.server),
        (PresentPage::Lab, "js") => t!(common.steps.lab.js),
        (PresentPage::Lab, "console") => t!(common.steps.lab.console),
        (PresentPage::Why, "intro") => t!(common.steps.why.intro),
        (PresentPage::Why, "intranet") => t!(common.steps.why.intranet),
        (PresentPage::Why, "localhost") => t!(common.steps.why.localhost),
        (PresentPage::Why, "credentials") => t!(common.steps.why.credentials),
        (PresentPage::Why, "load-vs-read") => t!(common.steps.why.load_vs_read),
        (PresentPage::Why, "css-font") => t!(common.steps.why.css_font),
        (PresentPage::Why, "runtime") => t!(common.steps.why.runtime),
        (PresentPage::Why, "proxy") => t!(common.steps.why.proxy),
        (PresentPage::Explain, "message") => t!(common.steps.explain.message),
        (PresentPage::Explain, "rule") => t!(common.steps.explain.rule),
        (PresentPage::Explain, "why") => t!(common.steps.explain.why),
        (PresentPage::Explain, "fix") => t!(common.steps.explain.fix),
        (PresentPage::Explain, "lab") => t!(common.steps.explain.lab),
        // A token without words (a test holds every page's to these).
        _ => return None,
    })
}

/// A quiz question's topic, for the stepper.
fn quiz_topic(slug: &'static str) -> Arg {
    match cors_core::quiz::by_slug(slug) {
        Some(q) => Arg::from(quiz::topic(q.topic)),
        None => Arg::from(slug),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_of_every_page_has_words() {
        for page in PresentPage::ALL {
            for step in cors_core::present::steps(page) {
                if let StepTitle::Part(page, part) = step.title {
                    assert!(
                        part_title(page, part).is_some(),
                        "{page:?} `{part}` has no words"
                    );
                }
            }
        }
    }
}
