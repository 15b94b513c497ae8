//! The explainer's facts: what happened, why the browser insists, the fix,
//! what not to do — each a [`Point`] carrying the URL, origin, header,
//! method and status the pasted message names (the app puts them in words).

use crate::advice;
use crate::engine::safelist::{is_cors_safelisted_method, is_cors_safelisted_request_header};
use crate::engine::{Failure, Rule, Stage};
use crate::lab_link::LabState;
use crate::scenario::{Credentials, RequestSpec};

use super::parse::{origin_of_url, Adjacent, Found, PrivateNetwork, Problem};
use super::point::{
    Dont, Example, Loaded, NetworkCause, OriginPart, Point, Trigger, ValueFault, Withheld,
};
use super::reproduce::{chrome_reason, lab_for};
use super::{fix_code, Engine, Explanation, Fix, Kind, Values};

/// Example messages for the explainer page: (what it is, message).
pub const EXAMPLES: &[(Example, &str)] = &[
    (
        Example::ChromeHeaderNotAllowed,
        "Access to fetch at 'https://api.example.com/v1/orders?page=2' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
    ),
    (
        Example::ChromeNoHeader,
        "Access to fetch at 'http://localhost:3000/api/users' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    ),
    (
        Example::ChromeTrailingSlash,
        "Access to fetch at 'https://api.example.com/me' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://shop.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
    ),
    (
        Example::ChromeStarWithCookies,
        "Access to XMLHttpRequest at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.",
    ),
    (
        Example::FirefoxMissing404,
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v2/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404.",
    ),
    (
        Example::SafariPreflight401,
        "[Error] Preflight response is not successful. Status code: 401\n[Error] Fetch API cannot load https://api.example.com/orders due to access control checks.",
    ),
    (Example::JsFailedToFetch, "TypeError: Failed to fetch"),
    (
        Example::NotCorsCsp,
        "Refused to connect to 'https://api.example.com/data' because it violates the following Content Security Policy directive: \"connect-src 'self'\".",
    ),
];

/// Stands for the page's origin when the message does not name it (Firefox, Safari).
pub(crate) const SOME_ORIGIN: &str = "https://your-site.example";

/// Nothing pasted yet.
pub(crate) fn empty() -> Explanation {
    let mut e = blank(Kind::Empty, None);
    e.headline = Point::PasteToExplain;
    e.what = vec![Point::WhatItLooksLike, Point::WhereToLook];
    e
}

/// Text with nothing recognisable in it.
pub(crate) fn unrecognised(text: &str) -> Explanation {
    let mut e = blank(Kind::Unrecognised, None);
    let lower = text.to_ascii_lowercase();
    e.headline = if lower.contains("cors") || lower.contains("origin") {
        Point::MentionsCorsUnreadable
    } else {
        Point::NotACorsMessage
    };
    e.what = vec![
        Point::WhatItLooksLike,
        Point::WhereToLook,
        Point::PasteWholeLine,
    ];
    e
}

fn blank(kind: Kind, found: Option<&Found>) -> Explanation {
    Explanation {
        kind,
        browser: found.and_then(|f| f.browser),
        headline: Point::PasteToExplain,
        message: found.map(|f| f.line.clone()),
        values: found.map(|f| f.values.clone()).unwrap_or_default(),
        failure: None,
        preflight: found.and_then(|f| f.preflight),
        rule: None,
        what: Vec::new(),
        why: Vec::new(),
        fix: None,
        dont: Vec::new(),
        notes: Vec::new(),
        lab: None,
        lab_note: Vec::new(),
        others: Vec::new(),
    }
}

/// The explanation of one recognised line.
pub(crate) fn teach(found: &Found) -> Explanation {
    match &found.problem {
        Problem::Cors(failure) => cors(found, failure, false),
        Problem::AcaoRejected => {
            let failure = Failure::NoAcao {
                on: Stage::Response,
                status: found.values.status.unwrap_or(200),
            };
            cors(found, &failure, true)
        }
        Problem::JsOnly { error } => js_only(found, error),
        Problem::Companion => companion(found),
        Problem::Adjacent(kind) => adjacent(found, *kind),
        Problem::Network { code } => network(found, code.as_deref()),
        Problem::NoResponse => no_response(found),
        Problem::CorsBlocked { reason } => cors_blocked(found, reason.as_deref()),
        Problem::DisallowedScheme => related(found, Related::DisallowedScheme),
        Problem::PrivateNetwork { detail } => related(found, Related::PrivateNetwork(*detail)),
        Problem::RedirectCredentials => related(found, Related::RedirectCredentials),
        Problem::DisallowedByMode => related(found, Related::DisallowedByMode),
        Problem::InvalidResponse => related(found, Related::InvalidResponse),
        Problem::BrowserSetting => related(found, Related::BrowserSetting),
        Problem::AuthorizationWildcard => related(found, Related::AuthorizationWildcard),
    }
}

/// The names a message gives (`None`: the message does not say; the app
/// says "the server", "your page's origin", "the URL").
struct Ctx<'a> {
    v: &'a Values,
    /// The page's origin.
    page: Option<String>,
    /// The requested URL's origin.
    server: Option<String>,
    url: Option<String>,
}

impl<'a> Ctx<'a> {
    fn new(v: &'a Values) -> Ctx<'a> {
        Ctx {
            v,
            page: v.origin.clone(),
            server: v.url.as_deref().map(origin_of_url),
            url: v.url.clone(),
        }
    }

    /// How the page's origin and the server's relate, when both are known.
    fn relation(&self) -> Option<Point> {
        let (origin, url) = (self.v.origin.as_deref()?, self.v.url.as_deref()?);
        if origin == "null" {
            return Some(Point::NullOrigin {
                server: self.server.clone(),
            });
        }
        let parts = differing_parts(origin, url)?;
        Some(if parts.is_empty() {
            Point::SameOriginYetChecked {
                origin: origin.to_owned(),
                server: self.server.clone(),
            }
        } else {
            Point::DifferentOrigins {
                origin: origin.to_owned(),
                server: self.server.clone(),
                parts,
            }
        })
    }

    /// The origin the fix names: the page's, or a stand-in (`None` for `null`).
    fn origin_for_fix(&self) -> Option<&str> {
        match self.v.origin.as_deref() {
            Some("null") => None,
            Some(o) => Some(o),
            None => Some(SOME_ORIGIN),
        }
    }

    fn fix_origin(&self) -> String {
        self.origin_for_fix().unwrap_or(SOME_ORIGIN).to_owned()
    }
}

fn on_preflight(failure: &Failure, found: &Found) -> bool {
    failure.stage() == Stage::Preflight
        || (failure.checked_on().is_some() && found.preflight == Some(true))
}

/// Does `failure` check `Access-Control-Allow-Origin`/`-Credentials` (a check
/// Firefox's and Safari's lines do not place on the preflight or the response)?
fn header_check(failure: &Failure) -> bool {
    failure.checked_on().is_some()
}

/// A CORS failure the engine models. `safari_acao`: Safari's one wording for
/// a missing and a mismatched `Access-Control-Allow-Origin`.
fn cors(found: &Found, failure: &Failure, safari_acao: bool) -> Explanation {
    let c = Ctx::new(&found.values);
    let v = &found.values;
    let mut e = blank(Kind::Cors, Some(found));
    let preflight = on_preflight(failure, found);
    e.failure = Some(failure.clone());
    e.rule = Some(failure.rule());
    let firefox = found.browser == Some(Engine::Gecko);
    let safari = found.browser == Some(Engine::WebKit);
    // Firefox's and Safari's header-check lines do not say whether the
    // preflight's answer or the response failed (Firefox's next line does).
    let unplaced = (firefox || safari) && !found.stage_known && header_check(failure);
    let ambiguous = unplaced && !preflight;
    e.preflight = (!ambiguous).then_some(preflight);

    // What happened: the request's fate.
    if let Some(rel) = c.relation() {
        e.what.push(rel);
    }
    let mode_failure = matches!(
        failure,
        Failure::SameOriginModeCrossOrigin { .. }
            | Failure::NoCorsRedirectMode { .. }
            | Failure::SameOriginModeRedirect { .. }
    );
    if mode_failure {
        // Told below, per failure.
    } else if ambiguous {
        e.what.push(Point::EitherStageFailed {
            status: v.status,
            server: c.server.clone(),
        });
    } else if preflight {
        e.what.push(Point::PreflightRefused {
            server: c.server.clone(),
        });
    } else {
        e.what.push(Point::AnswerWithheld {
            server: c.server.clone(),
            status: v.status,
            withheld: match v.resource.as_deref() {
                Some("XMLHttpRequest") => Withheld::XhrErrorEvent,
                Some("font") => Withheld::FontFallback,
                Some("image") | Some("video") | Some("audio") => Withheld::ElementEmpty,
                Some("script") => Withheld::ScriptNotRun,
                _ => Withheld::TypeError,
            },
        });
    }
    if unplaced {
        e.notes.push(if firefox {
            Point::FirefoxStageOnNextLine
        } else {
            Point::SafariStageInNetworkTab
        });
    }

    // Why, fix, don't: per failure.
    let origin = c.fix_origin();
    let mut fix_request = RequestSpec {
        method: v.method.clone().unwrap_or_else(|| "GET".to_owned()),
        credentials: if v.credentials == Some(true) {
            Credentials::Include
        } else {
            Credentials::SameOrigin
        },
        ..RequestSpec::default()
    };
    let mut steps: Vec<Point> = Vec::new();
    let mut header_fix = true;
    let why_read = Point::WhyRead {
        server: c.server.clone(),
        page: c.page.clone(),
    };
    let why_preflight = |trigger: Trigger| Point::WhyPreflight {
        server: c.server.clone(),
        page: c.page.clone(),
        trigger,
    };
    let why_credentials = Point::WhyCredentials {
        server: c.server.clone(),
    };
    match failure {
        Failure::NoAcao { status, .. } => {
            let status = v.status.or((*status != 200).then_some(*status));
            e.headline = if safari_acao {
                e.notes.push(Point::SafariTwoAcaoCases);
                Point::SafariAcaoNotAllowed {
                    server: c.server.clone(),
                    page: c.page.clone(),
                }
            } else {
                Point::NoAcao {
                    server: c.server.clone(),
                    preflight,
                    page: c.page.clone(),
                }
            };
            e.why.push(why_read.clone());
            if preflight {
                e.why.push(why_preflight(Trigger::BeyondAForm));
                steps.push(Point::AnswerThePreflight {
                    url: c.url.clone(),
                    origin: origin.clone(),
                });
                steps.push(Point::RoutersLackOptions);
            } else {
                steps.push(Point::SendAcao {
                    server: c.server.clone(),
                    origin: origin.clone(),
                });
            }
            if let Some(s) = status.filter(|s| *s >= 400) {
                steps.push(Point::ErrorsNeedHeadersToo { status: s });
            }
            e.dont = vec![Dont::NoCors, Dont::Reflect, Dont::Disable];
        }
        Failure::WildcardWithCredentials { .. } => {
            e.headline = Point::WildcardWithCredentials {
                server: c.server.clone(),
            };
            e.why.push(why_credentials.clone());
            steps.push(Point::NameTheOrigin {
                origin: origin.clone(),
            });
            steps.push(Point::LeaveCookiesOut {
                xhr: found.xhr_hint,
            });
            e.dont = vec![Dont::StarWithCredentials, Dont::Reflect, Dont::NoCors];
        }
        Failure::MultipleAcao { value, lines, .. } => {
            e.headline = Point::MultipleAcao {
                server: c.server.clone(),
                value: (!value.is_empty()).then(|| value.clone()),
            };
            e.why.push(why_read.clone());
            e.why.push(Point::AcaoIsNotAList);
            steps.push(Point::SendOneValue {
                origin: origin.clone(),
            });
            steps.push(if *lines > 1 || value.is_empty() {
                Point::TwoLayersAddIt
            } else {
                Point::CommaListMisreading
            });
            e.dont = vec![Dont::Reflect, Dont::NoCors];
        }
        Failure::InvalidAcao { value, .. } => {
            e.headline = Point::InvalidAcao {
                server: c.server.clone(),
                value: value.clone(),
            };
            e.why.push(why_read.clone());
            e.why.push(Point::AcaoIsASerializedOrigin);
            steps.push(Point::FixTheValue {
                value: value.trim().to_owned(),
                fault: value_fault(value),
                origin: origin.clone(),
            });
            e.dont = vec![Dont::Reflect, Dont::NoCors];
        }
        Failure::AcaoMismatch { value, .. } => {
            e.headline = Point::AcaoMismatch {
                server: c.server.clone(),
                value: value.clone(),
                page: c.page.clone(),
            };
            e.why.push(why_read.clone());
            e.why.push(Point::ComparisonIsExact);
            steps.push(mismatch_hint(value, v.origin.as_deref()));
            steps.push(Point::SendTheOrigin {
                origin: origin.clone(),
            });
            e.dont = vec![Dont::Reflect, Dont::NoCors];
            if value == "null" {
                e.dont.push(Dont::AllowNull);
            }
        }
        Failure::AcacNotTrue { value, .. } => {
            let shown = value.clone().filter(|s| !s.is_empty());
            e.headline = Point::AcacNotTrue {
                server: c.server.clone(),
                value: shown.clone(),
            };
            e.why.push(why_credentials.clone());
            steps.push(Point::AddAcac {
                wrong: shown.filter(|s| s != "true"),
                preflight,
                origin: origin.clone(),
            });
            steps.push(Point::OrDropCredentials {
                xhr: found.xhr_hint,
            });
            e.dont = vec![Dont::StarWithCredentials, Dont::Reflect];
        }
        Failure::PreflightNotOk { .. } => {
            let status = v.status;
            e.headline = Point::PreflightNotOk {
                url: c.url.clone(),
                status,
            };
            e.why.push(why_preflight(Trigger::ThisRequest));
            e.why.push(Point::OnlyTwoHundredsSayYes);
            steps.push(match status {
                Some(s @ (401 | 403)) => Point::PreflightUnauthenticated {
                    server: c.server.clone(),
                    status: s,
                },
                Some(s @ (404 | 405)) => Point::NoOptionsHandler {
                    server: c.server.clone(),
                    status: s,
                },
                Some(s) if s >= 500 => Point::PreflightServerError {
                    server: c.server.clone(),
                    status: s,
                },
                _ => Point::AnswerOptionsFirst,
            });
            e.dont = vec![Dont::NoCors, Dont::Disable];
        }
        Failure::PreflightRedirect { .. } => {
            e.headline = Point::PreflightRedirected { url: c.url.clone() };
            e.why.push(why_preflight(Trigger::ThisRequest));
            e.why.push(Point::RedirectIsANo);
            steps.push(Point::CallTheFinalUrl);
            steps.push(Point::AndAnswerOptionsThere);
            e.dont = vec![Dont::NoCors];
        }
        Failure::InvalidAcam { value, .. } | Failure::InvalidAcah { value, .. } => {
            let methods = matches!(failure, Failure::InvalidAcam { .. });
            e.headline = Point::UnreadableList {
                methods,
                value: (found.browser != Some(Engine::Chromium)).then(|| value.clone()),
            };
            e.why.push(why_preflight(Trigger::ThisRequest));
            steps.push(Point::WriteAList { methods });
            e.dont = vec![Dont::NoCors];
        }
        Failure::MethodNotAllowed { method } => {
            let named = v.method.is_some();
            e.headline = Point::MethodNotAllowed {
                method: named.then(|| method.clone()),
            };
            e.why.push(why_preflight(if named {
                Trigger::Method(method.clone())
            } else {
                Trigger::UnnamedMethod
            }));
            fix_request.method = method.clone();
            steps.push(Point::AllowTheMethod {
                method: named.then(|| method.clone()),
                upper: (method != &method.to_ascii_uppercase())
                    .then(|| (method.clone(), method.to_ascii_uppercase())),
            });
            if !named {
                e.notes.push(Point::FirefoxNamesNoMethod);
            }
            e.dont = vec![Dont::NoCors, Dont::Reflect];
        }
        Failure::HeaderNotAllowed { name } => {
            let shown = v.header.clone().unwrap_or_else(|| name.clone());
            e.headline = Point::HeaderNotAllowed {
                header: shown.clone(),
            };
            e.why.push(why_preflight(Trigger::Header(shown.clone())));
            fix_request.headers.push((name.clone(), "…".to_owned()));
            if name.starts_with("access-control-") {
                steps.push(Point::ResponseHeaderOnRequest { header: shown });
                header_fix = false;
                e.dont = vec![Dont::HeadersOnRequest, Dont::NoCors];
            } else {
                steps.push(Point::AllowTheHeader { name: name.clone() });
                if name == "content-type" {
                    steps.push(Point::ContentTypeNeedsPermission);
                }
                if name == "authorization" {
                    steps.push(Point::ListAuthorization);
                }
                steps.push(Point::OrStopSendingIt);
                e.dont = vec![Dont::NoCors, Dont::Disable];
            }
            if found.browser == Some(Engine::Chromium)
                && v.header
                    .as_deref()
                    .is_some_and(|h| h != h.to_ascii_lowercase())
            {
                e.notes.push(Point::ChromeLowercasesNow);
            }
        }
        Failure::SameOriginModeCrossOrigin { url } => {
            e.headline = Point::SameOriginModeCrossOrigin;
            e.what.push(Point::SameOriginPromise { url: url.clone() });
            e.why.push(Point::ModeIsTheScripts);
            steps.push(Point::DropSameOriginMode);
            header_fix = false;
        }
        Failure::NoCorsRedirectMode { url, .. } => {
            e.headline = Point::NoCorsMustFollow;
            e.what
                .push(Point::RefusedBeforeSending { url: url.clone() });
            e.why.push(Point::NoCorsIsOpaque);
            steps.push(Point::FollowOrUseCors);
            header_fix = false;
        }
        Failure::SameOriginModeRedirect { url } => {
            e.headline = Point::SameOriginRedirected { url: url.clone() };
            e.what
                .push(Point::RedirectLeftTheOrigin { url: url.clone() });
            e.why.push(Point::SameOriginWholeChain);
            steps.push(Point::DropModeOrRedirectWithin);
            header_fix = false;
        }
        Failure::RedirectModeError { .. } => {
            e.headline = Point::RedirectModeError;
            e.what.push(Point::RedirectErrorStopped {
                server: c.server.clone(),
            });
            e.why.push(Point::RedirectErrorIsTheScripts);
            steps.push(Point::FollowOrRequestFinal);
            header_fix = false;
        }
        Failure::TooManyRedirects => {
            e.headline = Point::TooManyRedirects;
            e.what.push(Point::TwentyHops);
            steps.push(Point::FindTheLoop);
            header_fix = false;
        }
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. } => {
            e.headline = Point::InvalidRequest;
            e.what.push(Point::CheckedWhenMade);
            steps.push(Point::FixTheRequest);
            header_fix = false;
        }
    }

    // The resource and the initiator.
    match v.resource.as_deref() {
        Some("font") => e.notes.push(Point::FontsAlwaysCors),
        Some("image") => e.notes.push(Point::CrossoriginAttribute {
            loaded: Loaded::Image,
        }),
        Some("script") => e.notes.push(Point::CrossoriginAttribute {
            loaded: Loaded::Script,
        }),
        Some("video") => e.notes.push(Point::CrossoriginAttribute {
            loaded: Loaded::Video,
        }),
        Some("audio") => e.notes.push(Point::CrossoriginAttribute {
            loaded: Loaded::Audio,
        }),
        _ => {}
    }
    if v.origin.as_deref() == Some("null") {
        e.notes.push(Point::ServeInsteadOfFile);
        e.dont.push(Dont::AllowNull);
    }
    if let Some(from) = &v.redirected_from {
        e.notes.push(Point::WasRedirected {
            from: from.clone(),
            url: c.url.clone(),
        });
    }
    if found.old_wording {
        e.notes.push(Point::OlderWording);
    }

    // The fix, as headers and code.
    let needs_preflight = preflight
        || !is_cors_safelisted_method(&fix_request.method)
        || fix_request
            .headers
            .iter()
            .any(|(n, _)| !is_cors_safelisted_request_header(n, "x(1)"));
    let (raw, axum) = match c.origin_for_fix().filter(|_| header_fix) {
        Some(origin) => {
            let (mut raw, axum) = fix_code(&fix_request, origin, needs_preflight);
            if preflight
                && !matches!(
                    failure,
                    Failure::MethodNotAllowed { .. } | Failure::HeaderNotAllowed { .. }
                )
            {
                raw.lines.push(advice::Line::Comment {
                    indent: 0,
                    note: advice::Note::PreflightAsksMore,
                });
            }
            if origin == SOME_ORIGIN {
                e.notes.push(Point::StandInOrigin {
                    stand_in: SOME_ORIGIN.to_owned(),
                });
            }
            (raw, axum)
        }
        None => Default::default(),
    };
    e.fix = Some(Fix { steps, raw, axum });

    // The lab.
    let engine = found.browser.unwrap_or(Engine::Chromium);
    if let Some((lab, notes)) = lab_for(engine, failure, v) {
        if found.browser != Some(Engine::Chromium) {
            if let Some(reason) = chrome_reason(&lab) {
                e.lab_note.push(Point::ChromeWordsItDifferently {
                    browser: found.browser,
                    reason,
                });
            }
        }
        e.lab = Some(lab);
        e.lab_note.push(Point::OpenTheLabIn { engine });
        if let Some(resource) = v.resource.as_deref().filter(|r| *r != "fetch") {
            e.lab_note.push(Point::LabLoadsWithFetch {
                resource: resource.to_owned(),
            });
        }
        e.lab_note.extend(notes);
    }
    e
}

/// What is wrong with an `Access-Control-Allow-Origin` value that is not a URL.
fn value_fault(value: &str) -> ValueFault {
    let v = value.trim();
    if v.contains('*') {
        ValueFault::Wildcard
    } else if !v.contains("://") {
        ValueFault::NoScheme
    } else if v.starts_with(['"', '\'']) {
        ValueFault::Quoted
    } else {
        ValueFault::Other
    }
}

/// Which part of the page's origin the `Access-Control-Allow-Origin` value misses.
fn mismatch_hint(value: &str, origin: Option<&str>) -> Point {
    let value = value.to_owned();
    let Some(origin) = origin else {
        return Point::NotThePagesOrigin { value };
    };
    if origin == "null" {
        return Point::CannotMatchNull { value };
    }
    let origin = origin.to_owned();
    if value == "null" {
        return Point::ServerSentNull { origin };
    }
    if value.trim_end_matches('/') == origin && value != origin {
        return Point::TrailingSlash { value, origin };
    }
    if value.eq_ignore_ascii_case(&origin) {
        return Point::LetterCase { value, origin };
    }
    match differing_parts(&value, &origin) {
        Some(parts) if parts.is_empty() => Point::MoreThanTheOrigin { value, origin },
        Some(parts) => Point::AnotherOrigin {
            value,
            origin,
            parts,
        },
        None => Point::NotThisOrigin { value, origin },
    }
}

/// Which of scheme, host and port differ between two URLs' origins, as a
/// person would say it: `http://a` and `https://a` differ in the scheme
/// (each on its default port). `None` when either is not an http(s) URL.
fn differing_parts(a: &str, b: &str) -> Option<Vec<OriginPart>> {
    let (a, b) = (url::Url::parse(a).ok()?, url::Url::parse(b).ok()?);
    if !matches!(a.scheme(), "http" | "https") || !matches!(b.scheme(), "http" | "https") {
        return None;
    }
    let mut parts = Vec::new();
    if a.scheme() != b.scheme() {
        parts.push(OriginPart::Scheme);
    }
    if a.host() != b.host() {
        parts.push(OriginPart::Host);
    }
    if a.port() != b.port() {
        parts.push(OriginPart::Port);
    }
    Some(parts)
}

/// The generic `TypeError` JavaScript catches.
fn js_only(found: &Found, error: &str) -> Explanation {
    let mut e = blank(Kind::JsOnly, Some(found));
    e.headline = Point::ScriptLearnsOnlyThatItFailed;
    e.what.push(Point::WhatAFailureLooksLike {
        error: error.to_owned(),
    });
    e.what.push(Point::EachBrowserWordsIt {
        chrome: crate::engine::wording::js_error::CHROME,
        firefox: crate::engine::wording::js_error::FIREFOX,
        safari: crate::engine::wording::js_error::SAFARI,
    });
    e.why.push(Point::ReasonKeptFromScripts);
    e.fix = Some(Fix {
        steps: vec![Point::WhereToLook, Point::PasteTheRedLine],
        ..Fix::default()
    });
    e.lab = LabState::from_query(&[("s", "read-users")]).ok();
    e.lab_note.push(Point::LabEndsInThisError);
    e
}

/// Chrome's `net::ERR_FAILED` line alone.
fn companion(found: &Found) -> Explanation {
    let mut e = blank(Kind::JsOnly, Some(found));
    let v = &found.values;
    e.headline = Point::ChromeNetworkLine;
    e.what.push(Point::ErrFailedSays {
        status: v.status,
        url: v.url.clone(),
    });
    if let Some(status) = v.status {
        e.what.push(Point::StatusMeansAnswered { status });
    }
    e.fix = Some(Fix {
        steps: vec![Point::PasteTheBlockedLine, Point::WhereToLook],
        ..Fix::default()
    });
    e
}

/// No HTTP answer at all.
fn network(found: &Found, code: Option<&str>) -> Explanation {
    let mut e = blank(Kind::NotCors, Some(found));
    let c = Ctx::new(&found.values);
    let cause = match code.unwrap_or_default() {
        "ERR_CONNECTION_REFUSED" => NetworkCause::Refused,
        "ERR_NAME_NOT_RESOLVED" => NetworkCause::NameNotResolved,
        code if code.starts_with("ERR_CERT") || code.contains("SSL") => NetworkCause::Tls,
        "ERR_CONNECTION_RESET" | "ERR_EMPTY_RESPONSE" | "ERR_CONNECTION_CLOSED" => {
            NetworkCause::Closed
        }
        "ERR_TIMED_OUT" | "ERR_CONNECTION_TIMED_OUT" => NetworkCause::TimedOut,
        "ERR_INTERNET_DISCONNECTED" => NetworkCause::Offline,
        _ if found.browser == Some(Engine::Gecko) => NetworkCause::FirefoxNoAnswer,
        _ => NetworkCause::NoAnswer,
    };
    e.headline = Point::NoHttpAnswer {
        server: c.server.clone(),
        cause,
    };
    e.what.push(Point::NoAnswerToCheck);
    e.fix = Some(Fix {
        steps: vec![
            Point::TryItAlone { url: c.url.clone() },
            Point::CheckSchemeHostPort,
        ],
        ..Fix::default()
    });
    e.dont.push(Dont::Disable);
    e
}

/// Firefox's "CORS request did not succeed" read on its own. Firefox
/// prints it in two situations, and only the lines around it tell which.
fn no_response(found: &Found) -> Explanation {
    let mut e = blank(Kind::NotCors, Some(found));
    let c = Ctx::new(&found.values);
    e.headline = Point::FirefoxNoUsableResponse {
        server: c.server.clone(),
    };
    e.what.push(Point::FirefoxFollowUpLine);
    e.what.push(Point::IfItStandsAlone);
    e.fix = Some(Fix {
        steps: vec![
            Point::LookOneLineUp,
            Point::IfThereIsNone { url: c.url.clone() },
        ],
        ..Fix::default()
    });
    e.dont.push(Dont::Disable);
    e
}

/// Near CORS, not CORS.
fn adjacent(found: &Found, kind: Adjacent) -> Explanation {
    let mut e = blank(Kind::NotCors, Some(found));
    let c = Ctx::new(&found.values);
    let (headline, what, steps) = match kind {
        Adjacent::Csp => (
            Point::CspBlocked,
            Point::CspIsTheList {
                server: c.server.clone(),
            },
            vec![
                Point::AddToConnectSrc {
                    server: c.server.clone(),
                },
                Point::OrCallSameOrigin,
            ],
        ),
        Adjacent::MixedContent => (
            Point::MixedContent,
            Point::HttpsNeedsHttps,
            vec![Point::ServeOverHttps],
        ),
        Adjacent::Orb => (
            Point::OrbWithheld,
            Point::OrbLooksLikeData,
            vec![Point::FetchInCorsMode, Point::RightContentType],
        ),
        Adjacent::Corp => (
            Point::CorpForbids,
            Point::CorpNotEvenForDisplay,
            vec![Point::SendCorpCrossOrigin],
        ),
        Adjacent::BlockedByClient => (
            Point::ExtensionBlocked,
            Point::BlockedByClientMeans,
            vec![Point::TryWithoutExtensions],
        ),
        Adjacent::Frame => (
            Point::FrameAccess,
            Point::DocumentsKeepApart,
            vec![Point::UsePostMessage],
        ),
        Adjacent::Canvas => (
            Point::CanvasTainted,
            Point::PixelsWouldLeak,
            vec![Point::LoadWithCrossorigin, Point::WhyPageShowsIt],
        ),
        Adjacent::Opaque => (
            Point::OpaqueAnswer,
            Point::NoCorsIsNoWayAround,
            vec![Point::RemoveNoCors],
        ),
        Adjacent::HttpStatus => (
            Point::HttpError {
                status: found.values.status,
            },
            Point::ChromeLogsEveryStatus,
            vec![Point::LookAtTheServerLog],
        ),
        Adjacent::WebSocket => (
            Point::WebSocketFailed,
            Point::WebSocketsDecideByOrigin,
            vec![Point::CheckTheSocket],
        ),
    };
    e.headline = headline;
    e.what.push(what);
    e.fix = Some(Fix {
        steps,
        ..Fix::default()
    });
    if kind == Adjacent::Opaque {
        e.lab = LabState::from_query(&[("s", "no-cors")]).ok();
        e.lab_note.push(Point::LabShowsOpaque);
        e.dont.push(Dont::NoCors);
    }
    if matches!(kind, Adjacent::Csp | Adjacent::MixedContent) {
        e.dont.push(Dont::CorsHeadersForThis);
    }
    e
}

/// A browser rule next to CORS.
enum Related {
    DisallowedScheme,
    PrivateNetwork(PrivateNetwork),
    RedirectCredentials,
    DisallowedByMode,
    InvalidResponse,
    BrowserSetting,
    AuthorizationWildcard,
}

/// Browser rules next to CORS.
fn related(found: &Found, problem: Related) -> Explanation {
    let mut e = blank(Kind::CorsRelated, Some(found));
    let v = &found.values;
    let mut steps = Vec::new();
    match problem {
        Related::DisallowedScheme => {
            e.headline = Point::NotHttp;
            e.what.push(Point::OnlyHttpUrls);
            e.what.push(Point::FilePagesAreNull);
            steps.push(Point::ServeFromLocalServer);
            steps.push(Point::ThenAllowLocalhost);
            e.dont.push(Dont::AllowNull);
        }
        Related::PrivateNetwork(detail) => {
            e.headline = Point::PrivateNetworkAccess;
            e.what.push(Point::AddressSpaces {
                page: v.origin.clone(),
                space: v
                    .address_space
                    .clone()
                    .unwrap_or_else(|| "local".to_owned()),
            });
            e.what.push(match detail {
                PrivateNetwork::InsecureContext => Point::PnaInsecureContext,
                PrivateNetwork::PreflightHeader => Point::PnaPreflightHeader,
                PrivateNetwork::PermissionDenied => Point::PnaPermissionDenied,
                PrivateNetwork::Inconsistent => Point::PnaInconsistent,
                PrivateNetwork::Mentioned => Point::PnaMentioned,
            });
            steps.push(Point::SameHostOrHttps);
            steps.push(Point::PnaBefore142);
            e.notes.push(Point::LocalhostPortsUnaffected);
        }
        Related::RedirectCredentials => {
            e.headline = Point::RedirectWithPassword;
            steps.push(Point::RemoveUserPassword);
        }
        Related::DisallowedByMode => {
            e.headline = Point::ModeForbidsOtherOrigins;
            steps.push(Point::CheckTheMode);
        }
        Related::InvalidResponse => {
            e.headline = Point::InvalidResponse;
            steps.push(Point::LookAtTheAnswer);
        }
        Related::BrowserSetting => {
            e.headline = Point::CorsTurnedOff;
            steps.push(Point::CheckCorsDisable);
        }
        Related::AuthorizationWildcard => {
            e.kind = Kind::Cors;
            e.rule = Some(Rule::PreflightHeaders);
            e.headline = Point::StarWillNotCoverAuthorization;
            e.what.push(Point::StarNeverCoversAuthorization);
            steps.push(Point::ListAuthorizationByName);
        }
    }
    e.fix = Some(Fix {
        steps,
        ..Fix::default()
    });
    e
}

/// A CORS block whose reason is not in the line.
fn cors_blocked(found: &Found, reason: Option<&str>) -> Explanation {
    let mut e = blank(Kind::Cors, Some(found));
    let c = Ctx::new(&found.values);
    e.headline = match reason {
        Some(r) => Point::UnknownReason {
            reason: r.to_owned(),
        },
        None if found.browser == Some(Engine::WebKit) => Point::SafariSummaryLine,
        None => Point::ReasonNotInText,
    };
    e.what.push(Point::AnswerKeptFromPage {
        server: c.server.clone(),
        page: c.page.clone(),
    });
    e.why.push(Point::WhyRead {
        server: c.server.clone(),
        page: c.page.clone(),
    });
    e.fix = Some(Fix {
        steps: vec![Point::PasteTheReasonToo, Point::WhereToLook],
        ..Fix::default()
    });
    e.dont = vec![Dont::NoCors, Dont::Disable];
    e
}
