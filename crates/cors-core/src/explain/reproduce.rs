//! A lab experiment that makes the same browser print the same reason, with
//! the same values (status codes, header spelling), as a pasted message: the
//! lab page's own `fetch` to the demo server's `/cors`, answered as the
//! message says the real server answered.
//!
//! Every experiment is checked with the rules engine, for the message's own
//! engine, before it is offered: if the model (checked against each engine
//! by the differential test) would not predict the same failure there, there
//! is no lab link.

use crate::browser::Engine;
use crate::engine::safelist::{
    is_cors_safelisted_method, is_cors_safelisted_request_header, is_forbidden_method,
    is_forbidden_request_header, is_http_token,
};
use crate::engine::{predict_in, Env, Failure, Stage};
use crate::lab_link::LabState;
use crate::named::Endpoint;
use crate::scenario::{
    Acao, Answer, Credentials, Mode, Redirect, RedirectMode, RequestSpec, Scenario, ServerSpec,
    Target,
};

use super::{Point, Values};

/// A preflight status to show when the message names none (Chrome never
/// does): 405, what a router without an `OPTIONS` route answers.
pub(crate) const DEFAULT_PREFLIGHT_STATUS: u16 = 405;
/// A redirect status for a redirected preflight when the message names none.
pub(crate) const DEFAULT_REDIRECT_STATUS: u16 = 301;
/// The method for "method not allowed" when the message does not name it (Firefox).
pub(crate) const DEFAULT_METHOD: &str = "PUT";
/// An `Access-Control-Allow-Methods` value that does not parse: spaces instead of commas.
const BAD_METHODS: &str = "GET POST PUT";
/// An `Access-Control-Allow-Headers` value that does not parse.
const BAD_HEADERS: &str = "content-type x-api-key";

/// The failure for an unparsable `Access-Control-Allow-Methods` (Firefox and
/// Safari name the bad token or value; Chrome does not).
pub(crate) fn invalid_acam(token: Option<String>) -> Failure {
    let token = or_bad(token.unwrap_or_default(), BAD_METHODS);
    Failure::InvalidAcam {
        value: token.clone(),
        token,
    }
}

/// The failure for an unparsable `Access-Control-Allow-Methods` whose whole
/// value the message gives (Safari): its bad token is the first list element
/// that is not a token (`GET, PUT DELETE` → `PUT DELETE`).
pub(crate) fn invalid_acam_value(value: String) -> Failure {
    let value = or_bad(value, BAD_METHODS);
    Failure::InvalidAcam {
        token: first_bad_token(&value),
        value,
    }
}

/// The same for `Access-Control-Allow-Headers`.
pub(crate) fn invalid_acah_value(value: String) -> Failure {
    let value = or_bad(value, BAD_HEADERS);
    Failure::InvalidAcah {
        token: first_bad_token(&value),
        value,
    }
}

/// `value`, or `bad` (a value that does not parse) when the message left it blank.
fn or_bad(value: String, bad: &str) -> String {
    if value.trim().is_empty() {
        bad.to_owned()
    } else {
        value
    }
}

/// The first comma-separated element of `value` (trimmed, empty ones
/// skipped) that is not a token; the whole value when all are.
fn first_bad_token(value: &str) -> String {
    value
        .split(',')
        .map(|item| item.trim_matches([' ', '\t']))
        .find(|item| !item.is_empty() && !is_http_token(item))
        .unwrap_or(value)
        .to_owned()
}

/// The same for `Access-Control-Allow-Headers`.
pub(crate) fn invalid_acah(token: Option<String>) -> Failure {
    let token = or_bad(token.unwrap_or_default(), BAD_HEADERS);
    Failure::InvalidAcah {
        value: token.clone(),
        token,
    }
}

/// The lab experiment reproducing `failure`, with a note when a value had to
/// be replaced; `None` when the lab cannot reproduce it.
pub(crate) fn lab_for(
    engine: Engine,
    failure: &Failure,
    values: &Values,
) -> Option<(LabState, Vec<Point>)> {
    let mut notes = Vec::new();
    let include = values.credentials == Some(true)
        || matches!(
            failure,
            Failure::WildcardWithCredentials { .. } | Failure::AcacNotTrue { .. }
        );
    let mut request = RequestSpec {
        credentials: if include {
            Credentials::Include
        } else {
            Credentials::SameOrigin
        },
        ..RequestSpec::default()
    };
    let mut server = ServerSpec::default();
    let on_preflight = |on: &Stage| *on == Stage::Preflight;

    // A failure on a cross-origin redirect: the first answer redirects to
    // the API again, and the redirect response itself carries the headers
    // that fail (the status as printed when it is a redirect's).
    if failure.checked_on() == Some(Stage::Redirect) {
        let status = values
            .status
            .filter(|s| matches!(s, 301 | 302 | 303 | 307 | 308))
            .unwrap_or(302);
        let answer = match failure {
            Failure::NoAcao { .. } => Answer::default(),
            other => return lab_for_redirect(engine, other, values, status),
        };
        server.actual = Answer {
            redirect: Some(Box::new(Redirect {
                status,
                to: Target::Api,
                then: ServerSpec::default(),
            })),
            ..answer
        };
        return checked(engine, failure, request, server, notes);
    }
    match failure {
        Failure::NoAcao { on, .. } if on_preflight(on) => {
            preflighted(&mut request, values);
            // The preflight's status as printed (Firefox prints it).
            if let Some(status) = values
                .status
                .filter(|s| (200..=599).contains(s) && !(300..=399).contains(s))
            {
                server.preflight.status = status;
            }
        }
        Failure::NoAcao { .. } => {
            simple(&mut request, values, &mut server);
            server.actual.status = values
                .status
                .filter(|s| (200..=599).contains(s) && !(300..=399).contains(s))
                .unwrap_or(200);
        }
        Failure::WildcardWithCredentials { on } => {
            let answer = Answer {
                acao: Acao::Star,
                acac: Some("true".to_owned()),
                ..Answer::default()
            };
            place(&mut request, values, &mut server, on_preflight(on), answer);
        }
        Failure::MultipleAcao { on, value, lines } => {
            let acao = if !value.is_empty() {
                Acao::Value(value.clone())
            } else if *lines > 1 {
                Acao::TwoLines
            } else {
                Acao::EchoAndOther
            };
            let answer = allowing(
                &request,
                Answer {
                    acao,
                    ..Answer::default()
                },
            );
            place(&mut request, values, &mut server, on_preflight(on), answer);
        }
        Failure::InvalidAcao { on, value } | Failure::AcaoMismatch { on, value } => {
            let acao = if value == "null" {
                Acao::Null
            } else {
                Acao::Value(value.clone())
            };
            let answer = allowing(
                &request,
                Answer {
                    acao,
                    ..Answer::default()
                },
            );
            place(&mut request, values, &mut server, on_preflight(on), answer);
        }
        Failure::AcacNotTrue { on, value } => {
            let answer = Answer {
                acao: Acao::Echo,
                acac: value.clone(),
                ..Answer::default()
            };
            place(&mut request, values, &mut server, on_preflight(on), answer);
        }
        Failure::PreflightNotOk { status } => {
            preflighted(&mut request, values);
            server.preflight = allowing(
                &request,
                Answer {
                    status: *status,
                    ..Answer::default()
                },
            );
        }
        Failure::PreflightRedirect { status } => {
            preflighted(&mut request, values);
            let status = if matches!(status, 301 | 302 | 303 | 307 | 308) {
                *status
            } else {
                DEFAULT_REDIRECT_STATUS
            };
            server.preflight.redirect = Some(Box::new(Redirect {
                status,
                to: Target::Api,
                then: ServerSpec::default(),
            }));
        }
        Failure::InvalidAcam { value, .. } => {
            preflighted(&mut request, values);
            server.preflight = Answer {
                acam: Some(value.clone()),
                ..allowing(&request, Answer::default())
            };
        }
        Failure::InvalidAcah { value, .. } => {
            preflighted(&mut request, values);
            server.preflight = Answer {
                acah: Some(value.clone()),
                ..allowing(&request, Answer::default())
            };
        }
        Failure::MethodNotAllowed { method } => {
            request.method = if is_http_token(method)
                && !is_forbidden_method(method)
                && !is_cors_safelisted_method(method)
            {
                method.clone()
            } else {
                notes.push(Point::LabUsesMethod {
                    method: DEFAULT_METHOD.to_owned(),
                    instead_of: method.clone(),
                });
                DEFAULT_METHOD.to_owned()
            };
            server.preflight = Answer {
                acam: None,
                ..allowing(&RequestSpec::default(), Answer::default())
            };
            server.preflight.acac = include.then(|| "true".to_owned());
        }
        Failure::HeaderNotAllowed { name } => {
            // The name as the message spells it (Safari keeps the script's case).
            let spelled = values
                .header
                .as_deref()
                .filter(|h| h.eq_ignore_ascii_case(name))
                .unwrap_or(name);
            let header = unsafe_header(spelled).unwrap_or_else(|| {
                notes.push(Point::LabUsesHeader {
                    header: "x-custom".to_owned(),
                    instead_of: name.clone(),
                });
                ("x-custom".to_owned(), "1".to_owned())
            });
            request.headers.push(header);
            if let Some(method) = values.method.as_deref().filter(|m| {
                is_http_token(m) && !is_forbidden_method(m) && *m != "GET" && *m != "HEAD"
            }) {
                request.method = method.to_owned();
                if method == "POST" {
                    request.body = Some("{}".to_owned());
                }
            }
            let mut answer = allowing(&request, Answer::default());
            answer.acah = None;
            server.preflight = answer;
        }
        Failure::SameOriginModeCrossOrigin { .. } => {
            request.mode = Mode::SameOrigin;
        }
        Failure::NoCorsRedirectMode { redirect, .. } => {
            request.mode = Mode::NoCors;
            request.redirect = match redirect {
                RedirectMode::Follow => RedirectMode::Error,
                other => *other,
            };
        }
        Failure::SameOriginModeRedirect { .. } => {
            request.mode = Mode::SameOrigin;
            request.target = Target::App;
            server.actual.redirect = Some(Box::new(Redirect {
                status: 302,
                to: Target::Api,
                then: ServerSpec::default(),
            }));
        }
        Failure::RedirectModeError { status } => {
            request.redirect = RedirectMode::Error;
            server.actual = allowing(
                &request,
                Answer {
                    redirect: Some(Box::new(Redirect {
                        status: if matches!(status, 301 | 302 | 303 | 307 | 308) {
                            *status
                        } else {
                            302
                        },
                        to: Target::Api,
                        then: ServerSpec::default(),
                    })),
                    ..Answer::default()
                },
            );
        }
        _ => return None,
    }
    checked(engine, failure, request, server, notes)
}

/// Redirect-stage failures other than a missing header: the redirect
/// response carries the failing answer.
fn lab_for_redirect(
    engine: Engine,
    failure: &Failure,
    values: &Values,
    status: u16,
) -> Option<(LabState, Vec<Point>)> {
    let stage_as_response = match failure.clone() {
        Failure::WildcardWithCredentials { .. } => Failure::WildcardWithCredentials {
            on: Stage::Response,
        },
        Failure::MultipleAcao { value, lines, .. } => Failure::MultipleAcao {
            on: Stage::Response,
            value,
            lines,
        },
        Failure::InvalidAcao { value, .. } => Failure::InvalidAcao {
            on: Stage::Response,
            value,
        },
        Failure::AcaoMismatch { value, .. } => Failure::AcaoMismatch {
            on: Stage::Response,
            value,
        },
        Failure::AcacNotTrue { value, .. } => Failure::AcacNotTrue {
            on: Stage::Response,
            value,
        },
        _ => return None,
    };
    let (plain, notes) = lab_for(engine, &stage_as_response, values)?;
    let mut server = plain.server;
    server.actual.redirect = Some(Box::new(Redirect {
        status,
        to: Target::Api,
        then: ServerSpec::default(),
    }));
    checked(engine, failure, plain.request, server, notes)
}

/// The experiment, if the model predicts the same failure for it in `engine`.
fn checked(
    engine: Engine,
    failure: &Failure,
    request: RequestSpec,
    server: ServerSpec,
    notes: Vec<Point>,
) -> Option<(LabState, Vec<Point>)> {
    let state = LabState {
        endpoint: Endpoint::Cors,
        request,
        server,
    };
    let (predicted, _) = predicted(engine, &state)?;
    same_reason(failure, &predicted).then_some((state, notes))
}

/// What the engine predicts for a lab experiment, on the lab's default ports.
#[cfg(test)]
pub(crate) fn predicted_failure(state: &LabState) -> Option<Failure> {
    predicted(Engine::Chromium, state).map(|(f, _)| f)
}

/// Every console line `engine` prints for a lab experiment, as the model
/// predicts them on the lab's default ports.
#[cfg(test)]
pub(crate) fn predicted_lines(engine: Engine, state: &LabState) -> Vec<String> {
    prediction(engine, state)
        .map(|p| p.console)
        .unwrap_or_default()
}

/// Chrome's reason for a lab experiment's failure (the console message after
/// "has been blocked by CORS policy: ", or all of it when it has no such part).
pub(crate) fn chrome_reason(state: &LabState) -> Option<String> {
    let message = predicted(Engine::Chromium, state)?.1?;
    let message = message.trim_end();
    Some(
        message
            .split_once(crate::engine::wording::chrome::BLOCKED)
            .map_or(message, |(_, reason)| reason)
            .to_owned(),
    )
}

fn predicted(engine: Engine, state: &LabState) -> Option<(Failure, Option<String>)> {
    let prediction = prediction(engine, state)?;
    Some((prediction.failure?, prediction.console.into_iter().next()))
}

fn prediction(engine: Engine, state: &LabState) -> Option<crate::engine::Prediction> {
    let env = Env::demo_defaults(false);
    let scenario = Scenario {
        id: "explain".to_owned(),
        request: state.request.clone(),
        server: state.answers(),
        repeat: 1,
    };
    predict_in(engine, &scenario, &env).into_iter().next()
}

/// Would Chrome word both failures alike (same reason, same values)? Values
/// a message leaves out (Chrome's statuses, Firefox's method) do not count.
pub(crate) fn same_reason(wanted: &Failure, got: &Failure) -> bool {
    // A wanted redirect stage needs a redirect; otherwise only the preflight
    // counts apart (Chrome words a redirect's failure like the response's).
    let stage = |a: &Stage, b: &Stage| {
        (*a == Stage::Preflight) == (*b == Stage::Preflight)
            && (*a != Stage::Redirect || *b == Stage::Redirect)
    };
    match (wanted, got) {
        (Failure::NoAcao { on: a, .. }, Failure::NoAcao { on: b, .. })
        | (
            Failure::WildcardWithCredentials { on: a },
            Failure::WildcardWithCredentials { on: b },
        ) => stage(a, b),
        (
            Failure::MultipleAcao {
                on: a, value: v, ..
            },
            Failure::MultipleAcao {
                on: b, value: w, ..
            },
        ) => stage(a, b) && (v.is_empty() || v == w),
        (Failure::InvalidAcao { on: a, value: v }, Failure::InvalidAcao { on: b, value: w })
        | (Failure::AcaoMismatch { on: a, value: v }, Failure::AcaoMismatch { on: b, value: w }) => {
            stage(a, b) && v == w
        }
        (Failure::AcacNotTrue { on: a, value: v }, Failure::AcacNotTrue { on: b, value: w }) => {
            stage(a, b) && v.as_deref().unwrap_or_default() == w.as_deref().unwrap_or_default()
        }
        (Failure::PreflightNotOk { status: a }, Failure::PreflightNotOk { status: b }) => a == b,
        (Failure::PreflightRedirect { status: a }, Failure::PreflightRedirect { status: b }) => {
            a == b || *a == DEFAULT_REDIRECT_STATUS
        }
        (Failure::RedirectModeError { .. }, Failure::RedirectModeError { .. })
        | (Failure::SameOriginModeCrossOrigin { .. }, Failure::SameOriginModeCrossOrigin { .. })
        | (Failure::NoCorsRedirectMode { .. }, Failure::NoCorsRedirectMode { .. })
        | (Failure::SameOriginModeRedirect { .. }, Failure::SameOriginModeRedirect { .. }) => true,
        (Failure::InvalidAcam { token: a, .. }, Failure::InvalidAcam { token: b, .. })
        | (Failure::InvalidAcah { token: a, .. }, Failure::InvalidAcah { token: b, .. }) => a == b,
        (Failure::MethodNotAllowed { method: a }, Failure::MethodNotAllowed { method: b }) => {
            a == b || a == DEFAULT_METHOD || b == DEFAULT_METHOD
        }
        (Failure::HeaderNotAllowed { name: a }, Failure::HeaderNotAllowed { name: b }) => {
            a.eq_ignore_ascii_case(b) || b == "x-custom"
        }
        _ => false,
    }
}

/// A request that needs a preflight: the method the message names when it is
/// one that needs permission, else a JSON `POST` (the commonest reason for a
/// preflight); a `GET` with an `Authorization` header when the message says GET.
fn preflighted(request: &mut RequestSpec, values: &Values) {
    match values.method.as_deref() {
        Some(m) if is_http_token(m) && !is_forbidden_method(m) && !is_cors_safelisted_method(m) => {
            request.method = m.to_owned();
        }
        Some("GET") | Some("HEAD") => {
            request.method = values.method.clone().unwrap_or_default();
            request
                .headers
                .push(("Authorization".to_owned(), "Bearer lab-token".to_owned()));
        }
        _ => {
            request.method = "POST".to_owned();
            request
                .headers
                .push(("Content-Type".to_owned(), "application/json".to_owned()));
            request.body = Some("{}".to_owned());
        }
    }
}

/// A request that needs no preflight, as close to the message as it allows.
fn simple(request: &mut RequestSpec, values: &Values, server: &mut ServerSpec) {
    match values.method.as_deref() {
        Some("POST") => {
            request.method = "POST".to_owned();
            request
                .headers
                .push(("Content-Type".to_owned(), "text/plain".to_owned()));
            request.body = Some("hello".to_owned());
        }
        Some("HEAD") => request.method = "HEAD".to_owned(),
        Some(m) if is_http_token(m) && !is_forbidden_method(m) && !is_cors_safelisted_method(m) => {
            // The actual request failed, so its preflight passed.
            request.method = m.to_owned();
            server.preflight = allowing(request, Answer::default());
        }
        _ => {}
    }
}

/// Put `answer` on the preflight (with a request that needs one) or on the
/// actual response (with a simple request).
fn place(
    request: &mut RequestSpec,
    values: &Values,
    server: &mut ServerSpec,
    on_preflight: bool,
    answer: Answer,
) {
    if on_preflight {
        preflighted(request, values);
        server.preflight = Answer {
            status: 204,
            ..answer
        };
    } else {
        simple(request, values, server);
        server.actual = answer;
    }
}

/// `answer` plus whatever lets this request's preflight through: the page's
/// origin, the method, every header, credentials.
fn allowing(request: &RequestSpec, answer: Answer) -> Answer {
    let include = request.credentials == Credentials::Include;
    let names: Vec<String> = request
        .headers
        .iter()
        .filter(|(n, v)| !is_cors_safelisted_request_header(n, v))
        .map(|(n, _)| n.to_ascii_lowercase())
        .collect();
    Answer {
        acao: if answer.acao == Acao::None {
            Acao::Echo
        } else {
            answer.acao
        },
        acac: answer.acac.or_else(|| include.then(|| "true".to_owned())),
        acam: answer.acam.or_else(|| {
            (!is_cors_safelisted_method(&request.method)).then(|| request.method.clone())
        }),
        acah: answer
            .acah
            .or_else(|| (!names.is_empty()).then(|| names.join(", "))),
        ..answer
    }
}

/// A header named `name` with a value that needs the server's permission,
/// if a script may send it.
fn unsafe_header(name: &str) -> Option<(String, String)> {
    if !is_http_token(name) {
        return None;
    }
    ["1", "application/json", "x(1)"]
        .into_iter()
        .find(|v| {
            !is_forbidden_request_header(name, v) && !is_cors_safelisted_request_header(name, v)
        })
        .map(|v| (name.to_owned(), v.to_owned()))
}
