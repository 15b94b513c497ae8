//! Pure logic of CORS Lab. No IO, no clocks, no web APIs: everything here is a
//! function from data to data, unit-tested natively and reused by the wasm app.
//!
//! - [`url_parts`]: parse one URL the way a browser does and break it into the
//!   parts a learner needs to see (scheme, host, port, origin, and the rest).
//! - [`origin`]: the origin of a URL (tuple or opaque), including `blob:`.
//! - [`suffix_list`]: the Public Suffix List as data (parsed from its text,
//!   which the app fetches lazily) and its matching algorithm.
//! - [`site`]: schemeful same-site, using the Public Suffix List.
//! - [`cookie`]: RFC 6265 domain-match, for "would this cookie be sent?".
//! - [`compare`]: everything above for two URLs side by side.
//! - [`engine`]: the Fetch standard's CORS rules applied to a scenario: what should happen and why.
//! - [`explain`]: the error explainer: a pasted console message (Chrome, Firefox,
//!   Safari) to the rule, the reason, the fix and a lab experiment reproducing it.
//! - [`lang`]: which of the lab's languages a language tag or an
//!   `Accept-Language` header asks for (the app and the demo server share it).
//! - [`lab_link`]: a whole scenario as URL query pairs (deep links to lab runs).
//! - [`matrix`]: the scenario-matrix file format, expanded into scenarios.
//! - [`named`]: ready-made experiments (lab picker, quiz "Run it").
//! - [`present`]: presenter mode as data: each page's steps, the keys that move
//!   between them, the step in the address and the link the class opens.
//! - [`quiz`]: the quiz questions (story, choices with feedback, explanation,
//!   the evidence that settles each) and the learner's progress.
//! - [`scenario`]: a CORS experiment as data (request + server answers) and what can be observed of it.
//! - [`advice`]: one experiment outside the browser: the same request as a `curl`
//!   command, and the response headers that fix it (raw, and as an axum `CorsLayer`).
//! - [`wire`]: the JSON shapes the demo server sends the app (config, log entries).

pub mod advice;
pub mod browser;
#[cfg(test)]
mod captures;
pub mod compare;
pub mod cookie;
pub mod engine;
pub mod explain;
pub mod lab_link;
pub mod lang;
pub mod matrix;
pub mod named;
pub mod origin;
pub mod present;
pub mod quiz;
pub mod scenario;
pub mod site;
pub mod suffix_list;
pub mod url_parts;
pub mod wire;
