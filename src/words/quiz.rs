//! The quiz's words: every question's story, prompt, choices, feedback,
//! explanation and "what to look for", and every topic's name and line, from
//! `locales/<lang>/quiz.json`. Core holds the quiz's structure
//! (`cors_core::quiz`); the `match`es below (written by [`quiz_words!`]) are
//! exhaustive over `QuestionId` and `Topic`, so a new question does not
//! compile until it has words, and a key missing from the files does not
//! compile either.

use cors_core::quiz::{QuestionId, Topic};

use crate::i18n::{t, Text};

/// A topic's name.
pub fn topic(topic: Topic) -> Text {
    match topic {
        Topic::Origins => t!(quiz.topics.origins.name),
        Topic::WhatItBlocks => t!(quiz.topics.what_it_blocks.name),
        Topic::WhyItExists => t!(quiz.topics.why_it_exists.name),
        Topic::HeadersAndPreflight => t!(quiz.topics.headers_and_preflight.name),
        Topic::Escapes => t!(quiz.topics.escapes.name),
        Topic::EdgeCases => t!(quiz.topics.edge_cases.name),
    }
}

/// What a topic teaches, in one line.
pub fn teaches(topic: Topic) -> Text {
    match topic {
        Topic::Origins => t!(quiz.topics.origins.teaches),
        Topic::WhatItBlocks => t!(quiz.topics.what_it_blocks.teaches),
        Topic::WhyItExists => t!(quiz.topics.why_it_exists.teaches),
        Topic::HeadersAndPreflight => t!(quiz.topics.headers_and_preflight.teaches),
        Topic::Escapes => t!(quiz.topics.escapes.teaches),
        Topic::EdgeCases => t!(quiz.topics.edge_cases.teaches),
    }
}

/// One function per text of a question, matching every `QuestionId`; the
/// choices by index (`None` past the question's last choice).
macro_rules! quiz_words {
    ($($id:ident => $key:ident [$($option:ident)+],)+) => {
        /// The situation, in one to three sentences.
        pub fn story(id: QuestionId) -> Text {
            match id {
                $(QuestionId::$id => t!(quiz.questions.$key.story),)+
            }
        }

        /// The question itself.
        pub fn prompt(id: QuestionId) -> Text {
            match id {
                $(QuestionId::$id => t!(quiz.questions.$key.prompt),)+
            }
        }

        /// Shown after answering.
        pub fn explanation(id: QuestionId) -> Text {
            match id {
                $(QuestionId::$id => t!(quiz.questions.$key.explanation),)+
            }
        }

        /// What to look at in the evidence.
        pub fn look_for(id: QuestionId) -> Text {
            match id {
                $(QuestionId::$id => t!(quiz.questions.$key.look_for),)+
            }
        }

        /// The choice's claim.
        pub fn choice(id: QuestionId, index: usize) -> Option<Text> {
            let option = cors_core::quiz::option_key(index)?;
            match id {
                $(QuestionId::$id => match option {
                    $(stringify!($option) => Some(t!(quiz.questions.$key.choices.$option.text)),)+
                    _ => None,
                },)+
            }
        }

        /// Why the choice is right, or what it gets wrong.
        pub fn feedback(id: QuestionId, index: usize) -> Option<Text> {
            let option = cors_core::quiz::option_key(index)?;
            match id {
                $(QuestionId::$id => match option {
                    $(stringify!($option) => Some(t!(quiz.questions.$key.choices.$option.feedback)),)+
                    _ => None,
                },)+
            }
        }
    };
}

quiz_words! {
    OriginPath => origin_path [a b],
    OriginScheme => origin_scheme [a b],
    OriginLabPorts => origin_lab_ports [a b],
    OriginSubdomain => origin_subdomain [a b],
    OpenInTab => open_in_tab [a b c],
    BlockedPost => blocked_post [a b],
    RuntimeNode => runtime_node [a b c d],
    PostmanWorks => postman_works [a b c d],
    WhyImgCanvas => why_img_canvas [a b c],
    FontCdn => font_cdn [a b c d],
    WhyIntranet => why_intranet [a b c],
    WhyLocalhost => why_localhost [a b c],
    LoggedInVictim => logged_in_victim [a b c d],
    CurlWorks => curl_works [a b c],
    ExposedHeader => exposed_header [a b c d],
    PreflightTrigger => preflight_trigger [a b c],
    PreflightFails => preflight_fails [a b c],
    JsonPost => json_post [a b c],
    PreflightPasses => preflight_passes [a b c d],
    CredentialsStar => credentials_star [a b c],
    FixOnServer => fix_on_server [a b c],
    Proxy => proxy [a b c],
    Jsonp => jsonp [a b c d],
    NoCors => no_cors [a b c d],
    OriginDefaultPort => origin_default_port [a b],
    OriginLocalhostIp => origin_localhost_ip [a b],
    OriginIdn => origin_idn [a b],
    OriginDataUrl => origin_data_url [a b],
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every choice core has, and no other, has words.
    #[test]
    fn every_choice_has_words() {
        for q in cors_core::quiz::all() {
            for i in 0..q.choices.len() {
                assert!(choice(q.id, i).is_some(), "{} choice {i}", q.slug);
                assert!(feedback(q.id, i).is_some(), "{} choice {i}", q.slug);
            }
            assert!(choice(q.id, q.choices.len()).is_none(), "{}", q.slug);
        }
    }
}
