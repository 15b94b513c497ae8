//! The explainer's texts: what happened, why the browser insists, the fix,
//! what not to do — each written for the URL, origin, header, method and
//! status the pasted message names.

use crate::engine::safelist::{is_cors_safelisted_method, is_cors_safelisted_request_header};
use crate::engine::{Failure, Rule, Stage};
use crate::lab_link::LabState;
use crate::scenario::{Credentials, RequestSpec};

use super::parse::{origin_of_url, Adjacent, Found, PrivateNetwork, Problem};
use super::reproduce::{chrome_reason, lab_for};
use super::{fix_code, Engine, Explanation, Fix, Kind, Values};

/// Example messages for the explainer page: (label, message).
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "Chrome: header not allowed",
        "Access to fetch at 'https://api.example.com/v1/orders?page=2' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
    ),
    (
        "Chrome: no header at all",
        "Access to fetch at 'http://localhost:3000/api/users' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    ),
    (
        "Chrome: trailing slash",
        "Access to fetch at 'https://api.example.com/me' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://shop.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
    ),
    (
        "Chrome: * with cookies",
        "Access to XMLHttpRequest at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.",
    ),
    (
        "Firefox: missing header, 404",
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v2/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404.",
    ),
    (
        "Safari: preflight 401",
        "[Error] Preflight response is not successful. Status code: 401\n[Error] Fetch API cannot load https://api.example.com/orders due to access control checks.",
    ),
    ("JavaScript: Failed to fetch", "TypeError: Failed to fetch"),
    (
        "Not CORS: CSP",
        "Refused to connect to 'https://api.example.com/data' because it violates the following Content Security Policy directive: \"connect-src 'self'\".",
    ),
];

/// Stands for the page's origin when the message does not name it (Firefox, Safari).
const SOME_ORIGIN: &str = "https://your-site.example";

/// Where the messages are, for answers that need the real one.
const WHERE_TO_LOOK: &str = "Where to find the message: open the developer tools (F12, or Cmd+Option+I on a Mac; Safari shows them only after Settings \u{2192} Advanced \u{2192} \u{201c}Show features for web developers\u{201d}), choose Console and run the request again; the browser prints the reason there as a red line. The Network tab lists the failed request too (Chrome marks it \u{201c}CORS error\u{201d}), with its preflight, an OPTIONS request, when there was one.";

const WHAT_IT_LOOKS_LIKE: &str = "A CORS message starts like one of these. Chrome: \u{201c}Access to fetch at '…' from origin '…' has been blocked by CORS policy: …\u{201d}. Firefox: \u{201c}Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at …\u{201d}. Safari: \u{201c}Origin … is not allowed by Access-Control-Allow-Origin.\u{201d} or \u{201c}Fetch API cannot load … due to access control checks.\u{201d}";

const DONT_NO_CORS: &str = "Don't switch the request to mode: 'no-cors' to make the error go away: the answer goes away with it (status 0, no headers, an empty body).";
const DONT_REFLECT: &str = "Don't copy whatever Origin arrives into Access-Control-Allow-Origin: compare it with a list of the origins you trust, or any site your users visit can read what they can.";
const DONT_STAR_CREDENTIALS: &str = "Don't answer `*` to requests with credentials: browsers refuse it (tower-http's CorsLayer even panics at start-up on `Any` with `allow_credentials(true)`).";
const DONT_DISABLE: &str = "Don't turn off the browser's web security or install an extension that \u{201c}unblocks CORS\u{201d}: it changes your browser only, while your users' browsers keep blocking.";
const DONT_REQUEST_HEADERS: &str = "Don't add Access-Control-Allow-… headers to the request in your JavaScript: they are response headers, and on a request they only make it need a preflight.";
const DONT_NULL: &str = "Don't allow the origin `null`: sandboxed iframes and files can all claim it, so allowing it allows them all.";

/// Nothing pasted yet.
pub(crate) fn empty() -> Explanation {
    let mut e = blank(Kind::Empty, None);
    e.headline = "Paste a console message to have it explained.".to_owned();
    e.what = vec![WHAT_IT_LOOKS_LIKE.to_owned(), WHERE_TO_LOOK.to_owned()];
    e
}

/// Text with nothing recognisable in it.
pub(crate) fn unrecognised(text: &str) -> Explanation {
    let mut e = blank(Kind::Unrecognised, None);
    let lower = text.to_ascii_lowercase();
    e.headline = if lower.contains("cors") || lower.contains("origin") {
        "This mentions CORS or origins, but it is not a message the explainer can read."
    } else {
        "This does not look like a browser's CORS message."
    }
    .to_owned();
    e.what = vec![
        WHAT_IT_LOOKS_LIKE.to_owned(),
        WHERE_TO_LOOK.to_owned(),
        "Paste the whole line (or several lines: the explainer picks the CORS message among them). The URLs and origins in it may be anything.".to_owned(),
    ];
    e
}

fn blank(kind: Kind, found: Option<&Found>) -> Explanation {
    Explanation {
        kind,
        browser: found.and_then(|f| f.browser),
        headline: String::new(),
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
        Problem::CorsBlocked { .. }
        | Problem::DisallowedScheme
        | Problem::PrivateNetwork { .. }
        | Problem::RedirectCredentials
        | Problem::DisallowedByMode
        | Problem::InvalidResponse
        | Problem::BrowserSetting
        | Problem::AuthorizationWildcard => related(found),
    }
}

/// The names a message gives, or words standing in for them.
struct Ctx<'a> {
    v: &'a Values,
    /// The page's origin as the message names it, or a stand-in phrase.
    page: String,
    /// The requested URL's origin, or "the server".
    server: String,
    url: String,
}

impl<'a> Ctx<'a> {
    fn new(v: &'a Values) -> Ctx<'a> {
        Ctx {
            v,
            page: v
                .origin
                .clone()
                .unwrap_or_else(|| "your page's origin".to_owned()),
            server: v
                .url
                .as_deref()
                .map(origin_of_url)
                .unwrap_or_else(|| "the server".to_owned()),
            url: v.url.clone().unwrap_or_else(|| "the URL".to_owned()),
        }
    }

    /// "A and B are different origins: the host differs." when both are known.
    fn relation(&self) -> Option<String> {
        let (origin, url) = (self.v.origin.as_deref()?, self.v.url.as_deref()?);
        if origin == "null" {
            return Some(format!(
                "The page's origin is `null`: an opaque origin, which a page gets when it is opened from a file (file://), runs in a sandboxed iframe or comes from a data: URL. An opaque origin is same-origin only with itself, never with a server's origin, so every request it makes to {} is cross-origin and the browser sends `Origin: null`. A server could allow it with `Access-Control-Allow-Origin: null` — and that is why it should not: every sandboxed frame and local file on the web sends the same `null`.",
                self.server
            ));
        }
        let parts = differing_parts(origin, url)?;
        Some(if parts.is_empty() {
            format!(
                "{origin} and {} are the same origin, yet the browser ran a CORS check: a redirect may have passed through another origin on the way.",
                self.server
            )
        } else {
            format!(
                "{origin} and {} are different origins: the {} differ{}.",
                self.server,
                parts.join(" and "),
                if parts.len() == 1 { "s" } else { "" }
            )
        })
    }

    fn origin_for_fix(&self) -> Option<&str> {
        match self.v.origin.as_deref() {
            Some("null") => None,
            Some(o) => Some(o),
            None => Some(SOME_ORIGIN),
        }
    }
}

fn rule_of(failure: &Failure) -> Rule {
    match failure {
        Failure::PreflightNotOk { .. } => Rule::OkStatus,
        Failure::MethodNotAllowed { .. } | Failure::InvalidAcam { .. } => Rule::PreflightMethods,
        Failure::HeaderNotAllowed { .. } | Failure::InvalidAcah { .. } => Rule::PreflightHeaders,
        Failure::PreflightRedirect { .. } => Rule::CorsPreflightFetch,
        Failure::SameOriginModeCrossOrigin { .. }
        | Failure::NoCorsRedirectMode { .. }
        | Failure::SameOriginModeRedirect { .. } => Rule::RequestMode,
        Failure::RedirectModeError { .. } => Rule::RedirectMode,
        Failure::TooManyRedirects => Rule::HttpRedirectFetch,
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. } => Rule::RequestConstructor,
        Failure::NoAcao { .. }
        | Failure::MultipleAcao { .. }
        | Failure::InvalidAcao { .. }
        | Failure::AcaoMismatch { .. }
        | Failure::WildcardWithCredentials { .. }
        | Failure::AcacNotTrue { .. } => Rule::CorsCheck,
    }
}

fn on_preflight(failure: &Failure, found: &Found) -> bool {
    failure.stage() == Stage::Preflight
        || (failure.checked_on().is_some() && found.preflight == Some(true))
}

/// A CORS failure the engine models. `safari_acao`: Safari's one wording for
/// a missing and a mismatched `Access-Control-Allow-Origin`.
fn cors(found: &Found, failure: &Failure, safari_acao: bool) -> Explanation {
    let c = Ctx::new(&found.values);
    let v = &found.values;
    let mut e = blank(Kind::Cors, Some(found));
    let preflight = on_preflight(failure, found);
    e.failure = Some(failure.clone());
    e.rule = Some(rule_of(failure));
    let firefox = found.browser == Some(Engine::Gecko);
    // Firefox's and Safari's header-check lines do not say whether the
    // preflight's answer or the response failed (Firefox's next line does).
    let ambiguous = (firefox || found.browser == Some(Engine::WebKit))
        && !found.stage_known
        && !preflight
        && matches!(
            failure,
            Failure::NoAcao { .. }
                | Failure::AcaoMismatch { .. }
                | Failure::MultipleAcao { .. }
                | Failure::InvalidAcao { .. }
                | Failure::WildcardWithCredentials { .. }
                | Failure::AcacNotTrue { .. }
        );
    e.preflight = (!ambiguous).then_some(preflight);
    let on_what = if preflight {
        "the answer to the preflight"
    } else {
        "the answer"
    };
    let status_part = v
        .status
        .map(|s| format!(" (status {s})"))
        .unwrap_or_default();

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
        e.what.push(format!(
            "Either the answer to a preflight or the response to the request itself failed this check{status_part}; the message does not say which. If it was the preflight (an OPTIONS request the browser sends first when the request needs permission), the request itself was never sent. If it was the response, {} received the request and acted on it, and only the answer was withheld from the page's script.",
            c.server
        ));
    } else if preflight {
        e.what.push(format!(
            "Before sending this request the browser asked {} for permission with a preflight (an OPTIONS request naming the method and headers it wants to send). {} did not give it, so the actual request was never sent: the server never saw it, and nothing it would have changed was changed.",
            c.server,
            capitalize(on_what)
        ));
    } else {
        e.what.push(format!(
            "The request reached {}{status_part} and the server answered it: whatever the request asked the server to do has been done. What the browser withheld is the answer: {}, and this message is printed for you, the developer.",
            c.server,
            match v.resource.as_deref() {
                Some("XMLHttpRequest") => "the script's XMLHttpRequest fires its error event with status 0",
                Some("font") => "the page falls back to another font",
                Some("image") | Some("video") | Some("audio") => "the element shows nothing",
                Some("script") => "the script does not run",
                _ => "the page's script gets only a TypeError",
            }
        ));
    }
    if (firefox || found.browser == Some(Engine::WebKit))
        && !found.stage_known
        && matches!(
            failure,
            Failure::NoAcao { .. }
                | Failure::AcaoMismatch { .. }
                | Failure::MultipleAcao { .. }
                | Failure::InvalidAcao { .. }
                | Failure::WildcardWithCredentials { .. }
                | Failure::AcacNotTrue { .. }
        )
    {
        e.notes.push(if firefox {
            "This line alone does not say whether the preflight or the request itself failed this check. Firefox tells you on the next line: when \u{201c}CORS request did not succeed\u{201d} follows for the same URL, it was the preflight (or a redirect), and the request itself was never sent; paste both lines. The Network tab shows it too: a failed OPTIONS request to this URL."
        } else {
            "Safari does not say whether the preflight or the request itself failed this check. The Network tab tells: a failed OPTIONS request to this URL means it was the preflight, and the same headers belong on the answer to OPTIONS."
        }.to_owned());
    }

    // Why, fix, don't: per failure.
    let origin_for_fix = c.origin_for_fix();
    let mut fix_request = RequestSpec {
        method: v.method.clone().unwrap_or_else(|| "GET".to_owned()),
        credentials: if v.credentials == Some(true) {
            Credentials::Include
        } else {
            Credentials::SameOrigin
        },
        ..RequestSpec::default()
    };
    let mut steps: Vec<String> = Vec::new();
    let mut header_fix = true;
    let why_read = why_read(&c);
    let why_preflight = |trigger: &str| why_preflight(&c, trigger);
    match failure {
        Failure::NoAcao { status, .. } => {
            let status = v.status.or((*status != 200).then_some(*status));
            e.headline = format!(
                "{} sent no Access-Control-Allow-Origin header{}, so the browser kept the answer from {}.",
                c.server,
                if preflight { " in its answer to the preflight" } else { "" },
                c.page
            );
            if safari_acao {
                e.headline = format!(
                    "{}'s answer did not allow {}: Access-Control-Allow-Origin was missing or named another origin.",
                    c.server, c.page
                );
                e.notes.push("Safari words two cases alike: the answer had no Access-Control-Allow-Origin at all, or it named a different origin. The Network tab shows which (the response's headers); the lab reproduces the first.".to_owned());
            }
            e.why.push(why_read.clone());
            if preflight {
                e.why
                    .push(why_preflight("a method or header a plain form cannot send"));
                steps.push(format!(
                    "Answer the preflight: `OPTIONS` on {} must return 204 (or 200) with Access-Control-Allow-Origin: {}, plus the methods and headers it asks for (its Access-Control-Request-Method and Access-Control-Request-Headers say which).",
                    c.url,
                    origin_for_fix.unwrap_or(SOME_ORIGIN)
                ));
                steps.push("Routers often have no OPTIONS route, so the preflight gets a 404 or 405 without CORS headers. tower-http's CorsLayer answers preflights itself, before your routes and before authentication.".to_owned());
            } else {
                steps.push(format!(
                    "Have {} answer with Access-Control-Allow-Origin: {} (and Vary: Origin, since the answer now depends on who asks).",
                    c.server,
                    origin_for_fix.unwrap_or(SOME_ORIGIN)
                ));
            }
            match status {
                Some(s) if s >= 400 => steps.push(format!(
                    "The server answered {s}, and that error response had no CORS headers. Errors need them too, or the page cannot even read the error: often a proxy (nginx, a gateway), an authentication check or an error handler answers before the CORS middleware runs. Put the CORS layer outermost, or add the headers to error responses as well."
                )),
                _ => {}
            }
            e.dont = vec![
                DONT_NO_CORS.into(),
                DONT_REFLECT.into(),
                DONT_DISABLE.into(),
            ];
        }
        Failure::WildcardWithCredentials { .. } => {
            e.headline = format!(
                "The request carried credentials (cookies), and {} answered Access-Control-Allow-Origin: * — with credentials the server must name the origin.",
                c.server
            );
            e.why.push(why_credentials(&c));
            steps.push(format!(
                "Replace `*` with the page's exact origin, {}, add Access-Control-Allow-Credentials: true, and Vary: Origin.",
                origin_for_fix.unwrap_or(SOME_ORIGIN)
            ));
            steps.push(if found.xhr_hint {
                "Or, if this request does not need cookies, leave them out: for XMLHttpRequest that is `xhr.withCredentials = false` (the default).".to_owned()
            } else {
                "Or, if this request does not need cookies, leave them out: drop credentials: 'include' from the fetch (axios: withCredentials: false) — then `*` works.".to_owned()
            });
            e.dont = vec![
                DONT_STAR_CREDENTIALS.into(),
                DONT_REFLECT.into(),
                DONT_NO_CORS.into(),
            ];
        }
        Failure::MultipleAcao { value, lines, .. } => {
            e.headline = if value.is_empty() {
                format!(
                    "{} sent more than one Access-Control-Allow-Origin value; exactly one origin is allowed.",
                    c.server
                )
            } else {
                format!(
                    "{} sent Access-Control-Allow-Origin: {value} — several values, where exactly one origin is allowed.",
                    c.server
                )
            };
            e.why.push(why_read.clone());
            e.why.push("The header is not a list: it holds one origin (or `*`). A server that serves several sites must pick the one that asked, by reading the request's Origin header and checking it against its list.".to_owned());
            steps.push(format!(
                "Send exactly one value: {} when it is on your list of allowed origins, and no header otherwise. Add Vary: Origin.",
                origin_for_fix.unwrap_or(SOME_ORIGIN)
            ));
            steps.push(if *lines > 1 || value.is_empty() {
                "Two header lines usually mean two layers add the header: for example nginx's add_header and the application's CORS middleware. Keep one of them.".to_owned()
            } else {
                "A comma-separated list in one line is a common misreading of the header; so is adding the header in two places (a proxy and the application), which browsers see as one list.".to_owned()
            });
            e.dont = vec![DONT_REFLECT.into(), DONT_NO_CORS.into()];
        }
        Failure::InvalidAcao { value, .. } => {
            e.headline = format!(
                "{} sent Access-Control-Allow-Origin: {value}, which is not an origin at all.",
                c.server
            );
            e.why.push(why_read.clone());
            e.why.push("The value must be a serialized origin — scheme, host and, when it is not the default, port, as in https://app.example.com:8443 — or `*`. The browser compares it with the page's origin character by character; anything else never matches.".to_owned());
            steps.push(invalid_value_hint(
                value,
                origin_for_fix.unwrap_or(SOME_ORIGIN),
            ));
            e.dont = vec![DONT_REFLECT.into(), DONT_NO_CORS.into()];
        }
        Failure::AcaoMismatch { value, .. } => {
            e.headline = format!(
                "{} allowed {value}, but the page's origin is {}: Access-Control-Allow-Origin must match it exactly.",
                c.server, c.page
            );
            e.why.push(why_read.clone());
            e.why.push("The comparison is exact: the server names the one origin it trusts, and a near miss is a different origin. Only the server can say which origins may read its answers.".to_owned());
            steps.push(mismatch_hint(value, v.origin.as_deref()));
            steps.push(format!(
                "Send Access-Control-Allow-Origin: {} (the request's Origin header, when it is on your list) and Vary: Origin.",
                origin_for_fix.unwrap_or(SOME_ORIGIN)
            ));
            e.dont = vec![DONT_REFLECT.into(), DONT_NO_CORS.into()];
            if value == "null" {
                e.dont.push(DONT_NULL.into());
            }
        }
        Failure::AcacNotTrue { value, .. } => {
            let shown = value.as_deref().unwrap_or_default();
            e.headline = if shown.is_empty() {
                format!(
                    "The request carried credentials, and {} did not answer Access-Control-Allow-Credentials: true.",
                    c.server
                )
            } else {
                format!(
                    "The request carried credentials, and {} answered Access-Control-Allow-Credentials: {shown} — it must be exactly `true`.",
                    c.server
                )
            };
            e.why.push(why_credentials(&c));
            steps.push(format!(
                "Add Access-Control-Allow-Credentials: true{} to {on_what}, next to Access-Control-Allow-Origin: {}.",
                if shown.is_empty() || shown == "true" {
                    String::new()
                } else {
                    format!(" (lower case, exactly: `{shown}` does not count)")
                },
                origin_for_fix.unwrap_or(SOME_ORIGIN)
            ));
            steps.push(if found.xhr_hint {
                "Or, if the request does not need cookies, set `xhr.withCredentials = false`.".to_owned()
            } else {
                "Or, if the request does not need cookies, drop credentials: 'include' (axios: withCredentials).".to_owned()
            });
            e.dont = vec![DONT_STAR_CREDENTIALS.into(), DONT_REFLECT.into()];
        }
        Failure::PreflightNotOk { .. } => {
            let status = v.status;
            e.headline = format!(
                "The preflight (OPTIONS) to {} got {}: a preflight needs a 2xx answer.",
                c.url,
                status.map_or("an error status".to_owned(), |s| format!("status {s}"))
            );
            e.why.push(why_preflight("this request"));
            e.why.push("Only a 2xx answer to the preflight counts as a yes. Preflights never carry cookies or an Authorization header, so a server that checks them on every request turns every preflight down.".to_owned());
            steps.push(match status {
                Some(401 | 403) => format!("{} rejected the preflight as unauthenticated: let OPTIONS requests through before the authentication check (they carry no credentials by design), and answer them with 204 and the CORS headers.", c.server),
                Some(404 | 405) => format!("{} has no handler for OPTIONS on this path: answer OPTIONS with 204 and the CORS headers (tower-http's CorsLayer does this for every route).", c.server),
                Some(s) if s >= 500 => format!("{} failed while answering the preflight ({s}): look at its log for the OPTIONS request.", c.server),
                _ => "Answer OPTIONS on this URL with 204 (or 200) and the CORS headers, before any authentication check. Firefox and Safari print the status; the Network tab shows it too.".to_owned(),
            });
            e.dont = vec![DONT_NO_CORS.into(), DONT_DISABLE.into()];
        }
        Failure::PreflightRedirect { .. } => {
            e.headline = format!(
                "The preflight (OPTIONS) to {} was answered with a redirect, and a preflight may not be redirected.",
                c.url
            );
            e.why.push(why_preflight("this request"));
            e.why.push("The preflight asks one URL for permission; following a redirect would mean asking one server and then sending to another. So a redirect counts as a no.".to_owned());
            steps.push("Call the final URL directly. The usual redirects: http:// to https://, a missing or extra trailing slash (/api → /api/), a different host name (example.com → www.example.com), or a login page.".to_owned());
            steps.push("And answer OPTIONS at that URL with 204 and the CORS headers.".to_owned());
            e.dont = vec![DONT_NO_CORS.into()];
        }
        Failure::InvalidAcam { value, .. } | Failure::InvalidAcah { value, .. } => {
            let methods = matches!(failure, Failure::InvalidAcam { .. });
            let name = if methods {
                "Access-Control-Allow-Methods"
            } else {
                "Access-Control-Allow-Headers"
            };
            e.headline = format!(
                "The preflight's {name} could not be read{}.",
                if found.browser == Some(Engine::Chromium) {
                    String::new()
                } else {
                    format!(": `{value}`")
                }
            );
            e.why.push(why_preflight("this request"));
            steps.push(format!(
                "Write {name} as a comma-separated list of names, for example `{}`: commas between the names, no quotes, no other separators.",
                if methods { "GET, POST, PUT, DELETE" } else { "content-type, authorization, x-api-key" }
            ));
            e.dont = vec![DONT_NO_CORS.into()];
        }
        Failure::MethodNotAllowed { method } => {
            let named = v.method.is_some();
            e.headline = if named {
                format!(
                    "The preflight's answer does not allow the method {method}: Access-Control-Allow-Methods must list it."
                )
            } else {
                "The preflight's answer does not allow the request's method: Access-Control-Allow-Methods must list it.".to_owned()
            };
            e.why.push(why_preflight(&if named {
                format!("the method {method}")
            } else {
                "a method other than GET, HEAD and POST".to_owned()
            }));
            fix_request.method = method.clone();
            steps.push(format!(
                "Add {} to Access-Control-Allow-Methods in the answer to OPTIONS. Methods are compared case-sensitively{}; `*` covers every method, but only for requests without credentials.",
                if named { method.as_str() } else { "the method" },
                if method != &method.to_ascii_uppercase() {
                    format!(", and fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so `{method}` is sent as written: list it exactly so, or call fetch with `{}`", method.to_ascii_uppercase())
                } else {
                    String::new()
                }
            ));
            if !named {
                e.notes.push("Firefox does not name the method; the Network tab's OPTIONS request shows it in Access-Control-Request-Method.".to_owned());
            }
            e.dont = vec![DONT_NO_CORS.into(), DONT_REFLECT.into()];
        }
        Failure::HeaderNotAllowed { name } => {
            let shown = v.header.clone().unwrap_or_else(|| name.clone());
            e.headline = format!(
                "The preflight's answer does not allow the request header {shown}: Access-Control-Allow-Headers must list it."
            );
            e.why.push(why_preflight(&format!("the header {shown}")));
            fix_request.headers.push((name.clone(), "…".to_owned()));
            if name.starts_with("access-control-") {
                steps.push(format!(
                    "`{shown}` is a response header: the server sends it, and the page's script should not. Remove it from the request; it is what made the browser ask first."
                ));
                header_fix = false;
                e.dont = vec![DONT_REQUEST_HEADERS.into(), DONT_NO_CORS.into()];
            } else {
                steps.push(format!(
                    "Add {name} to Access-Control-Allow-Headers in the answer to OPTIONS (names are compared case-insensitively; `*` covers names only for requests without credentials, and by the standard never covers Authorization)."
                ));
                if name == "content-type" {
                    steps.push("Content-Type needs permission when its value is not application/x-www-form-urlencoded, multipart/form-data or text/plain — application/json, for instance.".to_owned());
                }
                if name == "authorization" {
                    steps.push(
                        "List Authorization by name: that works in every browser. The Fetch standard says `*` never covers it, yet Chrome (156), Firefox (ESR 153, which may print a warning about it) and Safari (WebKit 2.50) all still let `*` cover it in the lab's tests, so a server that relies on `*` works today by leniency, not by the standard."
                            .to_owned(),
                    );
                }
                steps
                    .push("Or stop sending the header, if the server does not need it.".to_owned());
                e.dont = vec![DONT_NO_CORS.into(), DONT_DISABLE.into()];
            }
            if found.browser == Some(Engine::Chromium)
                && v.header
                    .as_deref()
                    .is_some_and(|h| h != h.to_ascii_lowercase())
            {
                e.notes.push("Current Chrome prints the header name in lower case; this message kept the case as written, as older versions did.".to_owned());
            }
        }
        Failure::SameOriginModeCrossOrigin { url } => {
            e.headline = "The fetch asked for mode: 'same-origin' and the URL is on another origin: the browser sent nothing.".to_owned();
            e.what.push(format!("mode: 'same-origin' is the page's own promise to talk only to its own origin; {url} is not on it, so fetch() failed before sending anything."));
            e.why.push("The mode is the script's choice, not the server's: it lets a page make sure a request can never leave its origin. No server header changes it.".to_owned());
            steps.push("Drop `mode: 'same-origin'` (the default, 'cors', is what cross-origin requests need), or call a URL on the page's own origin (a same-origin proxy).".to_owned());
            header_fix = false;
        }
        Failure::NoCorsRedirectMode { url, .. } => {
            e.headline = "A no-cors request must follow redirects: with redirect 'error' or 'manual' the browser sends nothing.".to_owned();
            e.what.push(format!(
                "fetch() refused to load {url} before sending anything."
            ));
            e.why.push("A no-cors response is opaque: the page learns nothing about it. Letting the script see or stop at a redirect would tell it something (where the server sends it), so no-cors requests only allow redirect: 'follow'.".to_owned());
            steps.push("Use redirect: 'follow' with mode: 'no-cors', or — if you want to read the answer — mode: 'cors' with CORS headers on the server.".to_owned());
            header_fix = false;
        }
        Failure::SameOriginModeRedirect { url } => {
            e.headline = format!("A same-origin request was redirected to another origin ({url}), and the browser refused to follow.");
            e.what.push(format!("The page asked its own origin with mode: 'same-origin'; the answer redirected to {url}, which is not the page's origin, so the browser stopped there."));
            e.why.push("mode: 'same-origin' holds for the whole chain of redirects: the request may never end up on another origin.".to_owned());
            steps.push("Drop `mode: 'same-origin'` if the redirect is intended, or make the server redirect within its own origin.".to_owned());
            header_fix = false;
        }
        Failure::RedirectModeError { .. } => {
            e.headline = "The fetch asked for redirect: 'error' and the answer was a redirect: the browser stopped there.".to_owned();
            e.what.push(format!("The request reached {} and the answer was a redirect; with redirect: 'error', fetch() treats any redirect as a network error and follows nothing. Safari prints this line; Chrome prints only its generic net::ERR_FAILED network line and Firefox nothing, and the script gets only a TypeError.", c.server));
            e.why.push("redirect: 'error' is the script's own choice, not a CORS rule: it lets a page make sure a request never ends up at another address. No server header changes it.".to_owned());
            steps.push("Use redirect: 'follow' (the default) if the redirect is expected, or request the final URL directly.".to_owned());
            header_fix = false;
        }
        Failure::TooManyRedirects => {
            e.headline = "More than 20 redirects in a row: the browser gave up.".to_owned();
            e.what.push("Each answer sent the request somewhere else; after 20 the browser stops with a network error.".to_owned());
            steps.push(
                "Find the redirect loop on the server (curl -IL shows each hop) and end it."
                    .to_owned(),
            );
            header_fix = false;
        }
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. } => {
            e.headline = "fetch() threw before sending anything: the request itself is not valid."
                .to_owned();
            e.what.push("The browser checks the method, the headers and the body when the request is made; this one failed that check, so nothing was sent and no server was asked.".to_owned());
            steps.push("Fix the request in the page's code: the error names the method, header or body at fault.".to_owned());
            header_fix = false;
        }
    }

    // The resource and the initiator.
    match v.resource.as_deref() {
        Some("font") => e.notes.push("Fonts loaded by @font-face are always fetched in CORS mode, even from a stylesheet: the font's server must send Access-Control-Allow-Origin.".to_owned()),
        Some(kind @ ("image" | "script" | "video" | "audio")) => e.notes.push(format!(
            "{} {kind} loaded by its element is only CORS-checked when the element has a crossorigin attribute{}. Without it the browser loads it for display (or runs it) but lets no script read it; with it, the server must allow the page's origin.",
            if kind == "image" || kind == "audio" { "An" } else { "A" },
            if kind == "script" { " — except a module script (<script type=\"module\">, or an import), which is always fetched in CORS mode" } else { "" }
        )),
        _ => {}
    }
    if v.origin.as_deref() == Some("null") {
        e.notes.push("The page's origin is `null`: serve the page from a web server (http://localhost:…) instead of opening the file, and allow that origin.".to_owned());
        e.dont.push(DONT_NULL.into());
    }
    if let Some(from) = &v.redirected_from {
        e.notes.push(format!(
            "The request was redirected: it was made to {from} and ended at {}. The check failed on the last answer; every answer in the chain must pass it. And once a URL on another origin than the page's redirects to a different origin again, the browser sends `Origin: null` from then on.",
            c.url
        ));
    }
    if found.old_wording {
        e.notes
            .push("This is an older browser version's wording; the rule is the same.".to_owned());
    }

    // The fix, as headers and code.
    let needs_preflight = preflight
        || !is_cors_safelisted_method(&fix_request.method)
        || fix_request
            .headers
            .iter()
            .any(|(n, _)| !is_cors_safelisted_request_header(n, "x(1)"));
    let (raw, axum) = match origin_for_fix.filter(|_| header_fix) {
        Some(origin) => {
            let (mut raw, axum) = fix_code(&fix_request, origin, needs_preflight);
            if preflight
                && !matches!(
                    failure,
                    Failure::MethodNotAllowed { .. } | Failure::HeaderNotAllowed { .. }
                )
            {
                raw.push_str("# plus, in the answer to OPTIONS, every method and header the preflight asks for\n# (its Access-Control-Request-Method and Access-Control-Request-Headers)\n");
            }
            if origin == SOME_ORIGIN {
                e.notes.push(format!(
                    "The message does not name the page's origin, so the fix shows {SOME_ORIGIN}: put your page's origin there (scheme, host and port, as in the browser's address bar, without a path)."
                ));
            }
            (raw, axum)
        }
        None => (String::new(), String::new()),
    };
    e.fix = Some(Fix { steps, raw, axum });

    // The lab.
    let engine = found.browser.unwrap_or(Engine::Chromium);
    if let Some((lab, notes)) = lab_for(engine, failure, v) {
        if found.browser != Some(Engine::Chromium) {
            if let Some(reason) = chrome_reason(&lab) {
                e.lab_note.push(format!(
                    "Chrome words this failure differently from {}: \u{201c}{reason}\u{201d}",
                    found.browser.map_or("your message", |b| match b {
                        Engine::Gecko => "Firefox",
                        _ => "Safari",
                    })
                ));
            }
        }
        e.lab = Some(lab);
        e.lab_note.push(format!(
            "Open it in {}: the lab's page is the lab itself and the server is its demo API (/cors), so the message there names the lab's own URL and origin; the reason and its values are the same.",
            match engine {
                Engine::Chromium => "Chrome (or another Chromium browser)",
                Engine::Gecko => "Firefox",
                Engine::WebKit => "Safari",
            }
        ));
        if v.resource.as_deref().is_some_and(|r| r != "fetch") {
            e.lab_note.push(format!(
                "The lab loads with fetch(), so Chrome says \u{201c}Access to fetch at\u{201d} where your message says \u{201c}{}\u{201d}.",
                v.resource.as_deref().unwrap_or_default()
            ));
        }
        e.lab_note.extend(notes);
    }
    e
}

fn why_read(c: &Ctx<'_>) -> String {
    format!(
        "Origins are walled off from each other: a page's script may send requests anywhere, but it may read an answer from another origin only if that origin agrees. The browser adds your cookies to requests and sits inside your network, so without the wall any page you open could read, through your browser, what {} shows you — your account, your mail, your company's intranet. The agreement is the Access-Control-Allow-Origin response header, and only {} can give it, to the origins it trusts{}.",
        c.server,
        c.server,
        if c.v.origin.is_some() {
            format!(" (here: {})", c.page)
        } else {
            String::new()
        }
    )
}

fn why_preflight(c: &Ctx<'_>, trigger: &str) -> String {
    format!(
        "Before CORS, a page could send another site only what an HTML form can: GET or POST, with a few plain headers and content types. Servers came to rely on that, so for anything more — here {trigger} — the browser asks first: a preflight, OPTIONS with Access-Control-Request-Method and -Headers, to {}. Only if the answer allows {} and the request does the browser send it. A server that knows nothing about CORS never answers yes, and stays as safe as it was.",
        c.server, c.page
    )
}

fn why_credentials(c: &Ctx<'_>) -> String {
    format!(
        "With credentials (fetch's credentials: 'include', XMLHttpRequest's withCredentials) the request carries the user's cookies for {} — those the cookies' own rules let through: SameSite, and for a server on another site, Safari's blocking and Firefox's partitioning of third-party cookies — so the answer may hold that user's private data. The browser therefore asks more of the server: it must name the one origin it trusts — `*` would give every site on the web your users' data — and confirm with Access-Control-Allow-Credentials: true.",
        c.server
    )
}

/// What is wrong with an `Access-Control-Allow-Origin` value that is not a URL.
fn invalid_value_hint(value: &str, origin: &str) -> String {
    let v = value.trim();
    if v.contains('*') {
        format!("`{v}`: wildcards inside a value (like *.example.com) are not supported — the only wildcard is `*` alone. Match the request's Origin against your pattern on the server and send back that one origin, {origin}.")
    } else if !v.contains("://") {
        format!("`{v}` lacks the scheme: write the full origin, {origin}.")
    } else if v.starts_with(['"', '\'']) {
        format!("`{v}` has quotes around it: send the bare origin, {origin}.")
    } else {
        format!("Send the page's origin exactly: {origin}.")
    }
}

/// Which part of the page's origin the `Access-Control-Allow-Origin` value misses.
fn mismatch_hint(value: &str, origin: Option<&str>) -> String {
    let Some(origin) = origin else {
        return format!("`{value}` is not the page's origin. Compare it with the page's address bar: scheme (http/https), host (with or without www) and port must all match, and there is no path or trailing slash.");
    };
    if origin == "null" {
        return format!("`{value}` cannot match: the page's origin is `null` (a file or a sandboxed frame). Serve the page from http(s) and allow that origin.");
    }
    if value == "null" {
        return format!("The server sent `null`: a request's Origin becomes `null` once a server on another origin than the page's redirects it to a different origin, and servers that echo Origin then echo `null`. Allow {origin} by name.");
    }
    if value.trim_end_matches('/') == origin && value != origin {
        return format!(
            "`{value}` has a trailing slash (or a path): an origin has none. Send {origin}."
        );
    }
    if value.eq_ignore_ascii_case(origin) {
        return format!("`{value}` differs from {origin} only in letter case; browsers compare the value as it is, so send it exactly as {origin}.");
    }
    match differing_parts(value, origin) {
        Some(parts) if parts.is_empty() => format!(
            "`{value}` has more than the origin in it (a path, query or default port): send just {origin}."
        ),
        Some(parts) => format!(
            "`{value}` is another origin than the page's {origin}: the {} differ{}. Perhaps the server's list of allowed origins has another site (production, staging) and not this one.",
            parts.join(" and "),
            if parts.len() == 1 { "s" } else { "" }
        ),
        None => format!("`{value}` is not the page's origin {origin}."),
    }
}

/// Which of scheme, host and port differ between two URLs' origins, as a
/// person would say it: `http://a` and `https://a` differ in the scheme
/// (each on its default port). `None` when either is not an http(s) URL.
fn differing_parts(a: &str, b: &str) -> Option<Vec<&'static str>> {
    let (a, b) = (url::Url::parse(a).ok()?, url::Url::parse(b).ok()?);
    if !matches!(a.scheme(), "http" | "https") || !matches!(b.scheme(), "http" | "https") {
        return None;
    }
    let mut parts = Vec::new();
    if a.scheme() != b.scheme() {
        parts.push("scheme");
    }
    if a.host() != b.host() {
        parts.push("host");
    }
    if a.port() != b.port() {
        parts.push("port");
    }
    Some(parts)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The generic `TypeError` JavaScript catches.
fn js_only(found: &Found, error: &str) -> Explanation {
    let mut e = blank(Kind::JsOnly, Some(found));
    e.headline = "JavaScript only learns that the request failed, never why.".to_owned();
    e.what.push(format!(
        "`{error}` is what a failed request looks like from inside the page, whatever the cause: a CORS block, a server that is down, a typo in the host name, a blocked mixed-content request."
    ));
    e.what.push(format!(
        "Each browser words this one error its own way: Chrome \u{201c}TypeError: {}\u{201d}, Firefox \u{201c}TypeError: {}\u{201d}, Safari \u{201c}TypeError: {}\u{201d}. None of them says more to the script.",
        crate::engine::wording::js_error::CHROME,
        crate::engine::wording::js_error::FIREFOX,
        crate::engine::wording::js_error::SAFARI
    ));
    e.why.push("The browser keeps the reason from the script on purpose. If a page could tell \u{201c}blocked by CORS\u{201d} from \u{201c}nothing there\u{201d}, it could map your private network and your logged-in sites from inside your browser.".to_owned());
    e.fix = Some(Fix {
        steps: vec![
            WHERE_TO_LOOK.to_owned(),
            "Paste the console's red line here for the rule and the fix.".to_owned(),
        ],
        ..Fix::default()
    });
    e.lab = LabState::from_query(&[("s", "read-users")]).ok();
    e.lab_note.push("The lab's experiment \u{201c}Read JSON from another origin\u{201d} ends in this same error, with the console message and the server's log beside it: the request arrived and was answered.".to_owned());
    e
}

/// Chrome's `net::ERR_FAILED` line alone.
fn companion(found: &Found) -> Explanation {
    let mut e = blank(Kind::JsOnly, Some(found));
    let v = &found.values;
    e.headline =
        "This is Chrome's network line for a failed request; the reason is on another line."
            .to_owned();
    e.what.push(format!(
        "net::ERR_FAILED{} says the request{} failed. When CORS is the cause, Chrome prints the reason just above, as a line starting \u{201c}Access to … at '…' from origin '…' has been blocked by CORS policy\u{201d}.",
        v.status
            .map(|s| format!(" with status {s}"))
            .unwrap_or_default(),
        v.url.as_deref().map(|u| format!(" to {u}")).unwrap_or_default()
    ));
    if let Some(s) = v.status {
        e.what.push(format!(
            "The status {s} means a server answered. For a request that needs no preflight (a GET, HEAD or form POST) the request itself arrived and did whatever it does on the server. If the request needed a preflight, the status may be the OPTIONS request's, and the request itself was never sent: the Network tab shows which."
        ));
    }
    e.fix = Some(Fix {
        steps: vec![
            "Paste the \u{201c}Access to … has been blocked by CORS policy\u{201d} line too (or instead).".to_owned(),
            WHERE_TO_LOOK.to_owned(),
        ],
        ..Fix::default()
    });
    e
}

/// No HTTP answer at all.
fn network(found: &Found, code: Option<&str>) -> Explanation {
    let mut e = blank(Kind::NotCors, Some(found));
    let c = Ctx::new(&found.values);
    let meaning = match code.unwrap_or_default() {
        "ERR_CONNECTION_REFUSED" => "nothing accepts connections at that host and port: the server is not running, or runs on another port",
        "ERR_NAME_NOT_RESOLVED" => "the host name does not resolve: a typo, or a name only known inside another network",
        c if c.starts_with("ERR_CERT") || c.contains("SSL") => "the TLS connection failed: the certificate is not trusted for this name (self-signed, expired or for another host)",
        "ERR_CONNECTION_RESET" | "ERR_EMPTY_RESPONSE" | "ERR_CONNECTION_CLOSED" => "the server closed the connection without an answer",
        "ERR_TIMED_OUT" | "ERR_CONNECTION_TIMED_OUT" => "the server did not answer in time",
        "ERR_INTERNET_DISCONNECTED" => "this machine is offline",
        _ if found.browser == Some(Engine::Gecko) => "Firefox got no usable answer: the server is down or unreachable, the connection failed (TLS, DNS), or a proxy or extension stopped it",
        _ => "the request got no usable answer",
    };
    e.headline = format!(
        "The request to {} got no HTTP answer at all: {meaning}. That is not a CORS error.",
        c.server
    );
    e.what.push("CORS checks an answer's headers, and there was no answer to check. (Firefox words this \u{201c}CORS request did not succeed\u{201d}, which sounds like CORS but is a network failure.)".to_owned());
    e.fix = Some(Fix {
        steps: vec![
            format!("Open {} in a tab of its own, or try it with curl: if that fails too, the problem is the server or the network, not the browser's rules.", c.url),
            "Check the scheme (http or https), host and port in the page's code.".to_owned(),
        ],
        ..Fix::default()
    });
    e.dont.push(DONT_DISABLE.into());
    e
}

/// Firefox's "CORS request did not succeed" read on its own. Firefox
/// prints it in two situations, and only the lines around it tell which.
fn no_response(found: &Found) -> Explanation {
    let mut e = blank(Kind::NotCors, Some(found));
    let c = Ctx::new(&found.values);
    e.headline = format!(
        "Firefox got no usable response from {}: either the server could not be reached at all, or this is Firefox's follow-up line to a CORS block printed just before it.",
        c.server
    );
    e.what.push("Firefox prints this line after every failed preflight and every blocked cross-origin redirect, right below the line that gives the reason (\u{201c}Cross-Origin Request Blocked: \u{2026} (Reason: \u{2026})\u{201d} for the same URL). If your console shows such a line just above it, paste both: that one is the real reason, and the request itself was never sent.".to_owned());
    e.what.push("If it stands alone, no HTTP answer arrived: the server is down or listens elsewhere, the name does not resolve, TLS failed, or a proxy or extension stopped the request. That is not a CORS rule, although the words say CORS.".to_owned());
    e.fix = Some(Fix {
        steps: vec![
            "Look one line up in the console (or in the Network tab, for an OPTIONS request to the same URL) for the reason.".to_owned(),
            format!("If there is none, open {} in a tab of its own, or try it with curl: if that fails too, the problem is the server or the network.", c.url),
        ],
        ..Fix::default()
    });
    e.dont.push(DONT_DISABLE.into());
    e
}

/// Near CORS, not CORS.
fn adjacent(found: &Found, kind: Adjacent) -> Explanation {
    let mut e = blank(Kind::NotCors, Some(found));
    let c = Ctx::new(&found.values);
    let (headline, what, steps): (String, String, Vec<String>) = match kind {
        Adjacent::Csp => (
            "The page's own Content Security Policy blocked this request before it left the browser: not CORS.".to_owned(),
            format!("A CSP is a list the page's server sends with the page: which origins the page may connect to, load scripts from, and so on. {} is not on its connect-src list, so the request was never sent; the other server's headers play no part.", c.server),
            vec![
                format!("Add {} to the connect-src directive of the page's Content-Security-Policy (a header — or <meta> tag — of the page, not of the API).", c.server),
                "Or call the API through a URL on the page's own origin.".to_owned(),
            ],
        ),
        Adjacent::MixedContent => (
            "A page loaded over https asked for an http:// URL, and the browser blocked it: mixed content, not CORS.".to_owned(),
            "Requests from an https page must use https too; otherwise anyone on the network could read or change what the secure page receives.".to_owned(),
            vec!["Serve the API over https and call it with an https:// URL.".to_owned()],
        ),
        Adjacent::Orb => (
            "Chrome's Opaque Response Blocking (ORB, earlier CORB) withheld a cross-origin response: not a CORS message.".to_owned(),
            "A no-cors load (an <img>, <script> or a fetch with mode 'no-cors') got something that looks like data — JSON, HTML, text — instead of an image or a script, so the browser dropped it before it reached the page's process.".to_owned(),
            vec![
                "To read data from another origin, fetch it in cors mode (the default) and have its server send CORS headers.".to_owned(),
                "If it really is an image or a script, serve it with the right Content-Type (and X-Content-Type-Options: nosniff).".to_owned(),
            ],
        ),
        Adjacent::Corp => (
            "The server's Cross-Origin-Resource-Policy forbids other origins to embed this resource: not CORS.".to_owned(),
            "Cross-Origin-Resource-Policy: same-origin (or same-site) is the server saying \u{201c}not even for display\u{201d}. Pages that set Cross-Origin-Embedder-Policy also refuse resources without CORP or CORS.".to_owned(),
            vec!["On the resource's server, send Cross-Origin-Resource-Policy: cross-origin if other sites may embed it (or serve it with CORS headers and load it with crossorigin).".to_owned()],
        ),
        Adjacent::BlockedByClient => (
            "An extension in this browser (an ad or tracker blocker) stopped the request: not CORS.".to_owned(),
            "net::ERR_BLOCKED_BY_CLIENT means the browser's own add-ons cancelled the request; the server never saw it.".to_owned(),
            vec!["Try a private window without extensions; rename paths that look like ads or tracking (/ads/, /track) if your users will have blockers too.".to_owned()],
        ),
        Adjacent::Frame => (
            "A script tried to reach into a frame (or window) of another origin: the same-origin policy itself, which no header relaxes.".to_owned(),
            "Documents of different origins may not touch each other's DOM, variables or storage. CORS is about reading HTTP answers, not about frames.".to_owned(),
            vec!["Talk between the frames with window.postMessage, and check event.origin on the receiving side.".to_owned()],
        ),
        Adjacent::Canvas => (
            "A canvas drew an image from another origin without CORS, so the browser marked it tainted: its pixels can be shown, not read.".to_owned(),
            "Images load from anywhere for display, but reading their pixels (getImageData, toDataURL, toBlob) would leak what the image shows you — a private photo, a logged-in chart.".to_owned(),
            vec![
                "Load the image with crossorigin=\"anonymous\" (img.crossOrigin = 'anonymous' before setting src), and have its server send Access-Control-Allow-Origin.".to_owned(),
                "The lab's page \u{201c}Why?\u{201d} shows an image that loads but cannot be read.".to_owned(),
            ],
        ),
        Adjacent::Opaque => (
            "A no-cors request \u{201c}worked\u{201d}, and the answer is opaque: status 0, no headers, an empty body.".to_owned(),
            "mode: 'no-cors' does not get around CORS: it asks for a response the script may not look into. Reading its body gives an empty string, so JSON parsing fails with \u{201c}Unexpected end of JSON input\u{201d}.".to_owned(),
            vec!["Remove mode: 'no-cors' and have the server send Access-Control-Allow-Origin for the page's origin.".to_owned()],
        ),
        Adjacent::HttpStatus => (
            format!("The server answered {}: an HTTP error, not a CORS block.", found.values.status.map_or("with an error status".to_owned(), |s| format!("{s}"))),
            "Chrome logs every failed HTTP status like this, also for same-origin and CORS-allowed requests; the page can read such an answer. If a CORS message sits beside it, the error answer lacked CORS headers: paste that line.".to_owned(),
            vec!["Look at the server's log for this request.".to_owned()],
        ),
        Adjacent::WebSocket => (
            "A WebSocket connection failed: WebSockets do not use CORS.".to_owned(),
            "The browser sends an Origin header with the WebSocket handshake and the server decides; there are no Access-Control headers. A failure means the server refused or could not be reached.".to_owned(),
            vec!["Check ws:// or wss://, host, port and path; on the server, check which origins it accepts; check proxies pass the Upgrade header.".to_owned()],
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
        e.lab_note.push("The lab's experiment \u{201c}no-cors gives an opaque box\u{201d} shows the same: the server answers, the script gets status 0 and an empty body.".to_owned());
        e.dont.push(DONT_NO_CORS.into());
    }
    if matches!(kind, Adjacent::Csp | Adjacent::MixedContent) {
        e.dont.push(
            "Don't change CORS headers on the API for this: the request never left the browser."
                .to_owned(),
        );
    }
    e
}

/// Browser rules next to CORS, and CORS blocks with an unknown reason.
fn related(found: &Found) -> Explanation {
    let mut e = blank(Kind::CorsRelated, Some(found));
    let c = Ctx::new(&found.values);
    let v = &found.values;
    let mut steps = Vec::new();
    match &found.problem {
        Problem::DisallowedScheme => {
            e.headline = "The request's URL is not http(s) — often a page opened straight from a file asking for another file — and cross-origin requests only go to http(s) URLs.".to_owned();
            e.what.push("This message is about the URL being fetched: fetch() and XMLHttpRequest make cross-origin requests only to http and https URLs (Chrome lists the few schemes it accepts), so a file:/// URL cannot be fetched from another origin at all.".to_owned());
            e.what.push("A page opened as file:///… has the origin `null`. Its requests to http(s) URLs do go out, as CORS requests with `Origin: null`, and succeed only if the server allows `null` — which no server should.".to_owned());
            steps.push("Serve the page from a local web server and open it at http://localhost:…: for example `python3 -m http.server` in its folder, `npx serve`, or your framework's dev server.".to_owned());
            steps.push("Then allow that origin (http://localhost:<port>) on the API.".to_owned());
            e.dont.push(DONT_NULL.into());
        }
        Problem::PrivateNetwork { detail } => {
            e.headline = "Private (Local) Network Access: a page asked for an address on a more private network than its own.".to_owned();
            let space = v.address_space.as_deref().unwrap_or("local");
            e.what.push(format!(
                "Chrome sorts addresses into public, local (private LAN addresses) and loopback (this machine). A request from {} towards a more private space — here `{space}` — gets extra checks, because a web page could otherwise attack routers, printers and development servers behind the firewall.",
                c.page
            ));
            e.what.push(match detail {
                PrivateNetwork::InsecureContext => "The page is not a secure context (not https, not localhost), and such pages may not reach more private networks at all.".to_owned(),
                PrivateNetwork::PreflightHeader => "The preflight's answer lacked Access-Control-Allow-Private-Network: true, the server's consent to be reached from a more public network.".to_owned(),
                PrivateNetwork::PermissionDenied => "The user (or a policy) denied the page's permission to reach the local network (Chrome 142 and later ask).".to_owned(),
                PrivateNetwork::Inconsistent => "The address space the request was meant for and the one it reached differ.".to_owned(),
                PrivateNetwork::Mentioned => "This message names address spaces, which is Private or Local Network Access at work.".to_owned(),
            });
            steps.push("Use the same host for the page and the API (open the page at the LAN address when the API is on the LAN), or put both on https.".to_owned());
            steps.push("Chrome versions before 142 could send a Private Network Access preflight, which the API answers with Access-Control-Allow-Private-Network: true; with Chrome 142 and later the user must allow local network access for the site instead.".to_owned());
            e.notes.push("A page on http://localhost fetching another port of localhost is not affected: both are loopback. A page opened at a LAN address (http://192.168.x.y:…) asking for localhost is.".to_owned());
        }
        Problem::RedirectCredentials => {
            e.headline = "A cross-origin redirect pointed at a URL with a user name and password in it, which browsers refuse.".to_owned();
            steps.push("Remove the user:password@ part from the redirect's Location; send credentials in a header instead.".to_owned());
        }
        Problem::DisallowedByMode => {
            e.headline = "The request's mode does not allow other origins.".to_owned();
            steps.push("Check the fetch's mode (same-origin forbids other origins), or what made the request (some loads must stay same-origin).".to_owned());
        }
        Problem::InvalidResponse => {
            e.headline = "The answer could not be used at all (Chrome: \u{201c}The response is invalid\u{201d}).".to_owned();
            steps.push("Look at the request in the Network tab and on the server: the answer may have been cut off or malformed.".to_owned());
        }
        Problem::BrowserSetting => {
            e.headline =
                "This browser's settings (or an extension) stopped CORS from working at all."
                    .to_owned();
            steps.push("In Firefox, about:config: content.cors.disable must be false. Try a fresh profile or a private window without extensions.".to_owned());
        }
        Problem::AuthorizationWildcard => {
            e.kind = Kind::Cors;
            e.rule = Some(Rule::PreflightHeaders);
            e.headline = "Firefox warns that Access-Control-Allow-Headers: * will stop covering Authorization: the server should list it by name.".to_owned();
            e.what.push("The Fetch standard says `*` never covers Authorization. Firefox lets it through for now and prints this warning (it enforces the rule only behind a preference); Chrome (156) and Safari (WebKit 2.50) let `*` cover it too, silently, in the lab's tests.".to_owned());
            steps.push("List authorization explicitly: Access-Control-Allow-Headers: authorization, content-type (and any other header the page sends).".to_owned());
        }
        Problem::CorsBlocked { reason } => {
            e.kind = Kind::Cors;
            e.headline = match reason {
                Some(r) => format!("A CORS block, for a reason the explainer does not know yet: \u{201c}{r}\u{201d}."),
                None if found.browser == Some(Engine::WebKit) => "Safari's summary line: this request failed the CORS checks; Safari prints the reason on the line just above it.".to_owned(),
                None => "A CORS block; the reason is not in this text.".to_owned(),
            };
            e.what.push(format!(
                "The browser kept {}'s answer from the page{}.",
                c.server,
                if c.v.origin.is_some() {
                    format!(" on {}", c.page)
                } else {
                    String::new()
                }
            ));
            e.why.push(why_read(&c));
            steps.push("Paste the line with the reason too (Safari: \u{201c}Origin … is not allowed …\u{201d}, \u{201c}Preflight response is not successful …\u{201d}; Chrome: the end of the \u{201c}has been blocked by CORS policy:\u{201d} line).".to_owned());
            steps.push(WHERE_TO_LOOK.to_owned());
            e.dont = vec![DONT_NO_CORS.into(), DONT_DISABLE.into()];
        }
        _ => {
            e.headline = "A CORS-related browser rule.".to_owned();
        }
    }
    e.fix = Some(Fix {
        steps,
        ..Fix::default()
    });
    e
}
