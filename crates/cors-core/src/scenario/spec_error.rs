//! Why the demo server will not answer as a spec says: the query key that
//! says so and what is wrong with its value, as data. The app words it
//! (`src/words/lab_errors.rs`), the demo server writes its JSON error from
//! it; there is no sentence here.

use serde::Serialize;

/// A server spec the demo server refuses: a value its query parser cannot
/// read ([`super::ServerSpec::from_query`]), or a header it will not put on
/// the wire (`engine::plan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpecError {
    /// The query key, prefix included: `a.status`, `p.r.then.a.acao`, `a.h`
    /// (`a.r` for a redirect nested too deep).
    pub key: String,
    pub problem: SpecProblem,
}

/// What is wrong with the key's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SpecProblem {
    /// `status`: not a number from 200 to 599.
    NotAStatus { value: String },
    /// `r.status`: not 301, 302, 303, 307 or 308.
    NotARedirectStatus { value: String },
    /// `acao`: none of the choices' words, nor `value:…`.
    UnknownAllowOrigin { value: String },
    /// `r.to`: no demo origin of that name.
    UnknownTarget { value: String },
    /// `h`: no `:` between the name and the value.
    NotNameValue { value: String },
    /// Redirects nest deeper than `max`.
    TooDeep { max: usize },
    /// A response header's name that is not an HTTP token.
    InvalidHeaderName { name: String },
    /// A header that would break the HTTP framing (`content-length`,
    /// `transfer-encoding`…): the server will not send it.
    FramingHeader { name: String },
    /// A header value holding a control character other than tab.
    InvalidHeaderValue { name: String, value: String },
}

impl SpecError {
    pub(crate) fn new(key: impl Into<String>, problem: SpecProblem) -> SpecError {
        SpecError {
            key: key.into(),
            problem,
        }
    }
}
