//! Why a lab address cannot be read, and why the demo server refuses a spec
//! (`cors_core::lab_link::LinkError`, `cors_core::scenario::SpecError`), in
//! the learner's language: keys and values stay code, the sentence around
//! them comes from `locales/<lang>/lab.json`.

use cors_core::lab_link::LinkError;
use cors_core::scenario::{SpecError, SpecProblem};

use crate::i18n::{t, Text};

/// What is wrong with a lab link.
pub fn link_error(error: &LinkError) -> Text {
    match error {
        LinkError::UnknownExperiment { slug } => {
            t!(lab.error.unknown_experiment, slug = slug.as_str())
        }
        LinkError::UnknownEndpoint { word } => t!(lab.error.unknown_endpoint, word = word.as_str()),
        LinkError::UnknownWord { key, value } => {
            t!(
                lab.error.unknown_word,
                key = key.word(),
                value = value.as_str()
            )
        }
        LinkError::NotNameValue { value } => t!(lab.error.not_name_value, value = value.as_str()),
        LinkError::Server(error) => spec_error(error),
    }
}

/// Which key of a server spec is wrong, and how.
pub fn spec_error(error: &SpecError) -> Text {
    let key = error.key.as_str();
    match &error.problem {
        SpecProblem::NotAStatus { value } => {
            t!(lab.error.spec.not_a_status, key, value = value.as_str())
        }
        SpecProblem::NotARedirectStatus { value } => {
            t!(
                lab.error.spec.not_a_redirect_status,
                key,
                value = value.as_str()
            )
        }
        SpecProblem::UnknownAllowOrigin { value } => {
            t!(
                lab.error.spec.unknown_allow_origin,
                key,
                value = value.as_str()
            )
        }
        SpecProblem::UnknownTarget { value } => {
            t!(lab.error.spec.unknown_target, key, value = value.as_str())
        }
        SpecProblem::NotNameValue { value } => {
            t!(lab.error.spec.not_name_value, key, value = value.as_str())
        }
        SpecProblem::TooDeep { max } => t!(lab.error.spec.too_deep, key, max = *max),
        SpecProblem::InvalidHeaderName { name } => {
            t!(
                lab.error.spec.invalid_header_name,
                key,
                name = name.as_str()
            )
        }
        SpecProblem::FramingHeader { name } => {
            t!(lab.error.spec.framing_header, key, name = name.as_str())
        }
        // The value holds a control character: quoted and escaped, so it shows.
        SpecProblem::InvalidHeaderValue { name, value } => t!(
            lab.error.spec.invalid_header_value,
            key,
            name = name.as_str(),
            value = format!("{value:?}")
        ),
    }
}
