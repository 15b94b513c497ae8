//! The error explainer: pasted console text in, an explanation out — which
//! rule failed, why the browser enforces it, what the server must change
//! (as raw headers and as an axum `CorsLayer`), what not to do, and a lab
//! experiment that makes real Chrome print the same reason with the same values.
//!
//! - `parse`: which browser wrote each line and what it says (Chrome and
//!   Firefox read against the engine's own wording, Safari against WebKit's);
//! - `teach`: what to tell, as [`Point`]s carrying the URL and origin in
//!   the message (the app puts them in words);
//! - `reproduce`: the lab experiment, checked with the rules engine.
//!
//! [`explain`] never panics and never answers with nothing: text it cannot
//! read gets an answer saying what a CORS message looks like and where to find it.

mod parse;
mod point;
mod reproduce;
mod teach;
#[cfg(test)]
#[rustfmt::skip]
pub(crate) mod tests;

use serde::Serialize;

use crate::advice;
pub use crate::browser::Engine;
use crate::engine::{Failure, Rule, Stage};
use crate::lab_link::LabState;

pub use point::*;
pub use teach::EXAMPLES;

/// The values a message names (`None`: the message does not say).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Values {
    /// The URL that was blocked (after redirects).
    pub url: Option<String>,
    /// The URL `fetch` was called with, when a redirect led elsewhere.
    pub redirected_from: Option<String>,
    /// The page's origin.
    pub origin: Option<String>,
    /// The request header the preflight did not allow, as printed.
    pub header: Option<String>,
    /// The method.
    pub method: Option<String>,
    /// The HTTP status of the response that failed.
    pub status: Option<u16>,
    /// The `Access-Control-Allow-Origin` value the server sent.
    pub acao: Option<String>,
    /// The `Access-Control-Allow-Credentials` value (empty: absent).
    pub acac: Option<String>,
    /// `Some(true)`: the request's credentials mode was `include`.
    pub credentials: Option<bool>,
    /// What was loaded: `fetch`, `XMLHttpRequest`, `font`, `image`, `script`…
    pub resource: Option<String>,
    /// The address space named by a Private/Local Network Access message.
    pub address_space: Option<String>,
}

/// What sort of text was pasted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Nothing yet.
    Empty,
    /// A CORS error.
    Cors,
    /// A browser rule next to CORS (Private Network Access, `file://`…).
    CorsRelated,
    /// The `TypeError` JavaScript catches: the reason is elsewhere.
    JsOnly,
    /// Not a CORS error (CSP, mixed content, network failure…).
    NotCors,
    /// Nothing recognisable.
    Unrecognised,
}

/// The server-side fix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fix {
    /// What to change, step by step.
    pub steps: Vec<Point>,
    /// The response headers, as HTTP lines (empty when no header fixes it).
    pub raw: advice::Snippet,
    /// The same as an axum + tower-http `CorsLayer` (empty when no header fixes it).
    pub axum: advice::Snippet,
}

/// Another message in the same paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Other {
    /// The line as pasted (trimmed).
    pub line: String,
    /// What it is, in one sentence.
    pub headline: Point,
}

/// Everything the explainer says about a paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub kind: Kind,
    /// The engine whose wording the message is in.
    pub browser: Option<Engine>,
    /// One sentence: what went wrong.
    pub headline: Point,
    /// The line explained, as pasted (trimmed).
    pub message: Option<String>,
    /// The values read from the message (and its neighbour lines).
    pub values: Values,
    /// The engine's failure, with the message's values.
    pub failure: Option<Failure>,
    /// Did the preflight fail (rather than the actual request)?
    pub preflight: Option<bool>,
    /// The rule that failed (its title and Fetch-standard link).
    pub rule: Option<Rule>,
    /// What happened, concretely, to this request.
    pub what: Vec<Point>,
    /// Why the browser enforces the rule.
    pub why: Vec<Point>,
    pub fix: Option<Fix>,
    /// What not to do.
    pub dont: Vec<Dont>,
    /// Caveats: values the message leaves out, older wordings…
    pub notes: Vec<Point>,
    /// A lab experiment in which Chrome prints the same reason with the same values.
    pub lab: Option<LabState>,
    /// How the lab's run differs from the pasted one.
    pub lab_note: Vec<Point>,
    /// Further messages in the paste.
    pub others: Vec<Other>,
}

impl Explanation {
    /// `/lab?…` for [`Explanation::lab`], query pairs unencoded.
    pub fn lab_query(&self) -> Option<Vec<(String, String)>> {
        self.lab.as_ref().map(LabState::to_query)
    }
}

/// Explain pasted console text. Never panics; a blank or unreadable paste
/// gets a useful answer, never an empty one.
pub fn explain(text: &str) -> Explanation {
    if text.trim().is_empty() {
        return teach::empty();
    }
    let (found, cut) = parse::scan(text);
    let mut explanation = explain_found(&found, text);
    if cut {
        explanation.notes.push(Point::PasteCut {
            lines: parse::MAX_LINES,
            chars: parse::MAX_INPUT,
            per_line: parse::MAX_LINE,
        });
    }
    explanation
}

fn explain_found(found: &[parse::Found], text: &str) -> Explanation {
    let Some(primary_at) = (0..found.len()).min_by_key(|&i| found[i].rank()) else {
        return teach::unrecognised(text);
    };
    let mut primary = found[primary_at].clone();
    enrich(&mut primary, found);
    let mut explanation = teach::teach(&primary);
    let cors_primary = primary.rank() <= 2;
    if cors_primary
        && found
            .iter()
            .any(|f| matches!(f.problem, parse::Problem::JsOnly { .. }))
    {
        explanation.notes.push(Point::TypeErrorIsTheSameFailure);
    }
    let mut seen: Vec<String> = vec![primary.line.clone()];
    for (i, other) in found.iter().enumerate() {
        if i == primary_at
            || matches!(other.problem, parse::Problem::Companion)
            || (cors_primary && other.rank() >= 4)
            || seen.contains(&other.line)
            || explanation.others.len() >= 8
        {
            continue;
        }
        // Safari and Chrome print the same reason twice ("Failed to load
        // resource: …"): one explanation is enough.
        if other.problem == primary.problem && other.rank() <= primary.rank() {
            continue;
        }
        seen.push(other.line.clone());
        explanation.others.push(Other {
            line: other.line.clone(),
            headline: teach::teach(other).headline,
        });
    }
    explanation
}

/// Fill the values the primary message leaves out from the lines around it:
/// Chrome's `GET <url> net::ERR_FAILED 404` line (method, status), Safari's
/// "… cannot load <url> …" line (the URL).
fn enrich(primary: &mut parse::Found, found: &[parse::Found]) {
    for other in found {
        if other.line == primary.line {
            continue;
        }
        let same_url = match (&primary.values.url, &other.values.url) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if !same_url {
            continue;
        }
        let v = &mut primary.values;
        match &other.problem {
            parse::Problem::Companion => {
                if v.method.is_none() {
                    v.method.clone_from(&other.values.method);
                }
                if v.status.is_none() && primary.preflight != Some(true) {
                    v.status = other.values.status;
                }
                if v.url.is_none() {
                    v.url.clone_from(&other.values.url);
                }
            }
            parse::Problem::CorsBlocked { reason: None } if other.browser == primary.browser => {
                if v.url.is_none() {
                    v.url.clone_from(&other.values.url);
                }
                if v.resource.is_none() {
                    v.resource.clone_from(&other.values.resource);
                }
            }
            _ => {}
        }
    }
    // Firefox's follow-up line ("CORS request did not succeed", same URL)
    // after a reason that does not name its stage: that reason was the
    // preflight's (or, with a 30x status, the redirect's), since the
    // request itself never got a response.
    let follow_up = found.iter().any(|f| {
        f.problem == parse::Problem::NoResponse
            && f.browser == Some(Engine::Gecko)
            && f.values.url == primary.values.url
    });
    if follow_up && primary.browser == Some(Engine::Gecko) {
        let redirect = primary
            .values
            .status
            .is_some_and(|s| (300..=399).contains(&s));
        if let parse::Problem::Cors(failure) = &mut primary.problem {
            if let Some(on) = failure.checked_on_mut() {
                *on = if redirect {
                    Stage::Redirect
                } else {
                    Stage::Preflight
                };
                primary.preflight = Some(!redirect);
            }
        }
        primary.stage_known = true;
    }
    // Firefox names a redirected preflight's status on the line after
    // "external redirect not allowed".
    if let parse::Problem::Cors(Failure::PreflightRedirect { status }) = &mut primary.problem {
        if let Some(printed) = found.iter().find_map(|f| match &f.problem {
            parse::Problem::Cors(Failure::PreflightRedirect { status: s })
                if f.browser == primary.browser && f.values.status == Some(*s) =>
            {
                Some(*s)
            }
            _ => None,
        }) {
            *status = printed;
            primary.values.status = Some(printed);
        }
    }
    // A status learnt from a neighbour goes into the failure too.
    if let (parse::Problem::Cors(Failure::NoAcao { status, .. }), Some(s)) =
        (&mut primary.problem, primary.values.status)
    {
        *status = s;
    }
}

/// The fix as header lines and `CorsLayer` code for `request` from `origin`.
fn fix_code(
    request: &crate::scenario::RequestSpec,
    origin: &str,
    needs_preflight: bool,
) -> (advice::Snippet, advice::Snippet) {
    let headers = advice::fix_headers(request, origin, needs_preflight, &[]);
    (
        advice::raw_headers_text(&headers),
        advice::axum_fix(request, origin, &[]),
    )
}
