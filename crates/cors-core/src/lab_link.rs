//! A whole scenario (request + server answers) as URL query pairs, so a lab
//! page address reproduces exactly the run a learner saw:
//! `/lab?target=api&method=PUT&h=X-Custom:1&cred=include&p.acao=echo&a.acao=star`.
//! The server half is [`ServerSpec::to_query`]; this adds the request half.

use crate::named::Endpoint;
use crate::scenario::{
    parse_target, target_word, Credentials, Mode, RedirectMode, RequestSpec, ServerSpec, SpecError,
};

/// Why a lab address cannot be read: the key and its value, as data (the
/// app words it, `src/words/lab_errors.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// `s=`: no named experiment has this slug.
    UnknownExperiment { slug: String },
    /// `ep=`: no route of that name.
    UnknownEndpoint { word: String },
    /// `target=`, `mode=`, `cred=` or `redirect=`: not one of its words.
    UnknownWord { key: RequestKey, value: String },
    /// `h=`: no `:` between the header's name and its value.
    NotNameValue { value: String },
    /// The server's half (`p.…`, `a.…`), as the demo server would refuse it.
    Server(SpecError),
}

/// A key of the request's half that takes one of a few words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestKey {
    Target,
    Mode,
    Credentials,
    Redirect,
}

impl RequestKey {
    /// The key as the address spells it.
    pub fn word(self) -> &'static str {
        match self {
            RequestKey::Target => "target",
            RequestKey::Mode => "mode",
            RequestKey::Credentials => "cred",
            RequestKey::Redirect => "redirect",
        }
    }
}

impl From<SpecError> for LinkError {
    fn from(error: SpecError) -> LinkError {
        LinkError::Server(error)
    }
}

/// Query pairs for the request part (defaults left out).
pub fn request_to_query(request: &RequestSpec) -> Vec<(String, String)> {
    let defaults = RequestSpec::default();
    let mut out = Vec::new();
    let mut put = |k: &str, v: String| out.push((k.to_owned(), v));
    if request.target != defaults.target {
        put("target", target_word(request.target).to_owned());
    }
    if request.method != defaults.method {
        put("method", request.method.clone());
    }
    for (name, value) in &request.headers {
        put("h", format!("{name}:{value}"));
    }
    if let Some(body) = &request.body {
        put("body", body.clone());
    }
    if request.mode != defaults.mode {
        put("mode", mode_word(request.mode).to_owned());
    }
    if request.credentials != defaults.credentials {
        put("cred", credentials_word(request.credentials).to_owned());
    }
    if request.redirect != defaults.redirect {
        put("redirect", redirect_word(request.redirect).to_owned());
    }
    out
}

/// Read the request part back; unknown keys are ignored, bad values are errors naming the key.
pub fn request_from_query<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<RequestSpec, LinkError> {
    let unknown = |key: RequestKey, value: &str| LinkError::UnknownWord {
        key,
        value: value.to_owned(),
    };
    let mut request = RequestSpec::default();
    for (key, value) in pairs {
        match key {
            "target" => {
                request.target =
                    parse_target(value).ok_or_else(|| unknown(RequestKey::Target, value))?
            }
            "method" => request.method = value.to_owned(),
            "h" => {
                let (name, v) = value
                    .split_once(':')
                    .ok_or_else(|| LinkError::NotNameValue {
                        value: value.to_owned(),
                    })?;
                request
                    .headers
                    .push((name.trim().to_owned(), v.trim().to_owned()));
            }
            "body" => request.body = Some(value.to_owned()),
            "mode" => {
                request.mode = match value {
                    "cors" => Mode::Cors,
                    "no-cors" => Mode::NoCors,
                    "same-origin" => Mode::SameOrigin,
                    _ => return Err(unknown(RequestKey::Mode, value)),
                }
            }
            "cred" => {
                request.credentials = match value {
                    "omit" => Credentials::Omit,
                    "same-origin" => Credentials::SameOrigin,
                    "include" => Credentials::Include,
                    _ => return Err(unknown(RequestKey::Credentials, value)),
                }
            }
            "redirect" => {
                request.redirect = match value {
                    "follow" => RedirectMode::Follow,
                    "error" => RedirectMode::Error,
                    "manual" => RedirectMode::Manual,
                    _ => return Err(unknown(RequestKey::Redirect, value)),
                }
            }
            _ => {}
        }
    }
    Ok(request)
}

/// Everything the lab page shows, as its address encodes it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LabState {
    pub endpoint: Endpoint,
    pub request: RequestSpec,
    /// Only used when `endpoint.configurable()`.
    pub server: ServerSpec,
}

impl LabState {
    /// How the demo server will answer this request: the scenario's
    /// answers on `/cors`, the route's fixed answers elsewhere.
    pub fn answers(&self) -> ServerSpec {
        self.endpoint
            .fixed_server(&self.request.method)
            .unwrap_or_else(|| self.server.clone())
    }

    /// Query pairs: `ep` (when not `/cors`), the request, the server answers.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if self.endpoint != Endpoint::default() {
            pairs.push(("ep".to_owned(), self.endpoint.word().to_owned()));
        }
        pairs.extend(request_to_query(&self.request));
        if self.endpoint.configurable() {
            pairs.extend(self.server.to_query());
        }
        pairs
    }

    /// The named experiment this is exactly, if any (its short address is
    /// `s=<slug>`). The server's answers count only where the endpoint
    /// reads them.
    pub fn named_slug(&self) -> Option<&'static str> {
        crate::named::all()
            .into_iter()
            .find(|n| {
                n.endpoint == self.endpoint
                    && n.request == self.request
                    && (!self.endpoint.configurable() || n.server == self.server)
            })
            .map(|n| n.slug)
    }

    /// Read a lab address. `s=<slug>` starts from a named experiment; other
    /// pairs then override it. Bad values are errors naming the key.
    pub fn from_query(pairs: &[(&str, &str)]) -> Result<LabState, LinkError> {
        let base = match pairs.iter().find(|(k, _)| *k == "s") {
            Some((_, slug)) => {
                let named =
                    crate::named::by_slug(slug).ok_or_else(|| LinkError::UnknownExperiment {
                        slug: (*slug).to_owned(),
                    })?;
                LabState {
                    endpoint: named.endpoint,
                    request: named.request,
                    server: named.server,
                }
            }
            None => LabState::default(),
        };
        let only_base = pairs.iter().all(|(k, _)| *k == "s" || *k == "learner");
        if only_base {
            return Ok(base);
        }
        let endpoint = match pairs.iter().find(|(k, _)| *k == "ep") {
            Some((_, word)) => Endpoint::parse(word).ok_or_else(|| LinkError::UnknownEndpoint {
                word: (*word).to_owned(),
            })?,
            None => Endpoint::default(),
        };
        Ok(LabState {
            endpoint,
            request: request_from_query(pairs.iter().copied())?,
            server: ServerSpec::from_query(pairs.iter().copied())?,
        })
    }
}

pub fn mode_word(mode: Mode) -> &'static str {
    match mode {
        Mode::Cors => "cors",
        Mode::NoCors => "no-cors",
        Mode::SameOrigin => "same-origin",
    }
}

pub fn credentials_word(credentials: Credentials) -> &'static str {
    match credentials {
        Credentials::Omit => "omit",
        Credentials::SameOrigin => "same-origin",
        Credentials::Include => "include",
    }
}

pub fn redirect_word(redirect: RedirectMode) -> &'static str {
    match redirect {
        RedirectMode::Follow => "follow",
        RedirectMode::Error => "error",
        RedirectMode::Manual => "manual",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Acao, Answer, Target};

    #[test]
    fn round_trip() {
        let request = RequestSpec {
            target: Target::ApiAlt,
            method: "PUT".into(),
            headers: vec![("X-Custom".into(), "a:b".into())],
            body: Some("id=13".into()),
            mode: Mode::Cors,
            credentials: Credentials::Include,
            redirect: RedirectMode::Manual,
        };
        let server = ServerSpec {
            preflight: Answer {
                acao: Acao::Echo,
                acam: Some("PUT".into()),
                ..Answer::default()
            },
            actual: Answer {
                acao: Acao::Star,
                ..Answer::default()
            },
        };
        for endpoint in Endpoint::ALL {
            let state = LabState {
                endpoint,
                request: request.clone(),
                server: if endpoint.configurable() {
                    server.clone()
                } else {
                    ServerSpec::default()
                },
            };
            let pairs = state.to_query();
            let borrowed: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            assert_eq!(LabState::from_query(&borrowed), Ok(state));
        }
    }

    #[test]
    fn defaults_make_an_empty_query() {
        assert!(LabState::default().to_query().is_empty());
    }

    #[test]
    fn a_slug_alone_loads_the_named_experiment() {
        for named in crate::named::all() {
            let state = LabState::from_query(&[("s", named.slug)]).expect("known slug");
            assert_eq!(state.request, named.request, "{}", named.slug);
            // And its full address reproduces it.
            let pairs = state.to_query();
            let borrowed: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let again = LabState::from_query(&borrowed).expect("round trip");
            assert_eq!(again, state, "{}", named.slug);
        }
        assert!(LabState::from_query(&[("s", "nope")]).is_err());
    }

    #[test]
    fn bad_values_name_the_key() {
        assert_eq!(
            request_from_query([("mode", "sideways")]),
            Err(LinkError::UnknownWord {
                key: RequestKey::Mode,
                value: "sideways".to_owned()
            })
        );
        let err = LabState::from_query(&[("a.r.status", "302"), ("a.r.then.p.status", "99")]);
        assert_eq!(
            err,
            Err(LinkError::Server(SpecError {
                key: "a.r.then.p.status".to_owned(),
                problem: crate::scenario::SpecProblem::NotAStatus {
                    value: "99".to_owned()
                }
            }))
        );
    }
}
