//! The comments inside the code the lab and the explainer show (curl, raw
//! headers, axum): `cors_core::advice::Note`s in the learner's language,
//! from `locales/<lang>/advice.json`. Code lines stay as core wrote them.

use cors_core::advice::{Note, Snippet};

use crate::i18n::{t, Text};

/// What a comment says (may hold `\n`: each line becomes a comment line).
pub fn note(note: &Note) -> Text {
    match note {
        Note::ForbiddenMethod { method } => {
            t!(advice.curl.forbidden_method, method = method.as_str())
        }
        Note::SameOriginMode => t!(advice.curl.same_origin_mode),
        Note::NoCorsMethod { method } => t!(advice.curl.no_cors_method, method = method.as_str()),
        Note::ForbiddenHeader { name } => t!(advice.curl.forbidden_header, name = name.as_str()),
        Note::NoCorsHeader { name } => t!(advice.curl.no_cors_header, name = name.as_str()),
        Note::BodyWithGetOrHead { method } => {
            t!(advice.curl.body_with_get_or_head, method = method.as_str())
        }
        Note::NulInBody => t!(advice.curl.nul_in_body),
        Note::Cookies => t!(advice.curl.cookies),
        Note::PreflightAnswer => t!(advice.raw.preflight_answer),
        Note::ActualAnswer => t!(advice.raw.actual_answer),
        Note::PreflightAsksMore => t!(advice.raw.preflight_asks_more),
        Note::ExactOrigin { credentials: false } => t!(advice.axum.exact_origin),
        Note::ExactOrigin { credentials: true } => t!(advice.axum.exact_origin_credentials),
        Note::MethodKeepsCase { method } => {
            t!(advice.axum.method_keeps_case, method = method.as_str())
        }
        Note::OtherRoutes => t!(advice.axum.other_routes),
    }
}

/// The snippet as text, its comments in the active language (reactive:
/// call it inside a view's closure).
pub fn snippet(snippet: &Snippet) -> String {
    snippet.render(|n| note(n).string())
}
