//! The rules engine: what the Fetch standard (as Chromium implements it) says
//! happens to a [`Scenario`]: is a preflight needed and why, does it pass, is
//! the actual request sent, can JavaScript read the response and which
//! headers, are cookies sent — each step with the rule that decided it, plus
//! the console messages Chrome and Firefox print and the TypeError JS sees.
//!
//! Checked against real Chromium by the differential test (`tests/e2e/cors_matrix.rs`).
//! Where Chromium departs from the standard the engine follows Chromium and
//! says so in a comment (search for "Chromium:").
//!
//! The pieces, named after the algorithms they model:
//! - `request`: the `Request` constructor (method, headers, body);
//! - `safelist`: safelisted and forbidden methods and headers;
//! - `preflight`: the CORS-preflight fetch and the preflight cache;
//! - `response`: the CORS check and the filtered responses;
//! - `server`: what the demo server's `/cors` answers;
//! - `fetch`: main fetch, HTTP fetch and HTTP-redirect fetch, tying them together;
//! - `console`: console messages and JavaScript errors;
//! - [`wording`]: the browsers' console texts, shared with the error explainer.

mod console;
mod fetch;
mod preflight;
mod request;
mod response;
pub(crate) mod safelist;
mod server;
#[cfg(test)]
mod tests;
pub mod wording;

pub use response::acao_value_failure;
pub use server::{plan, sendable_headers, CorsPlan};

pub use crate::browser::Engine;
use crate::scenario::{
    Observation, RedirectMode, Scenario, ServerSpec, Target, CASE_PARAM, CORS_PATH,
};
use serde::Serialize;

/// Where the demo origins are, as the page sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Env {
    /// Host the page was opened on, e.g. `localhost`.
    pub host: String,
    /// The other loopback name for [`Target::ApiAlt`], e.g. `127.0.0.1`.
    pub alt_host: String,
    pub app_port: u16,
    pub api_port: u16,
    pub intranet_port: u16,
    /// The browser holds the lab's cookie (`lab=…; Path=/; SameSite=Lax`) for `host`.
    pub has_lab_cookie: bool,
}

impl Env {
    /// The demo server's default origins: the page on `localhost:8080`, the
    /// API on `:8081`, the intranet on `:8082`, the other site `127.0.0.1`.
    pub fn demo_defaults(has_lab_cookie: bool) -> Self {
        Env {
            host: "localhost".to_owned(),
            alt_host: "127.0.0.1".to_owned(),
            app_port: 8080,
            api_port: 8081,
            intranet_port: 8082,
            has_lab_cookie,
        }
    }

    /// `http://host:port` of a target, serialized as a browser does (lower-case
    /// host, no `:80`).
    pub fn origin_of(&self, target: Target) -> String {
        format!(
            "http://{}",
            authority(self.host_of(target), self.port_of(target))
        )
    }

    fn host_of(&self, target: Target) -> &str {
        match target {
            Target::ApiAlt => &self.alt_host,
            Target::App | Target::Api | Target::Intranet => &self.host,
        }
    }

    fn port_of(&self, target: Target) -> u16 {
        match target {
            Target::App => self.app_port,
            Target::Api | Target::ApiAlt => self.api_port,
            Target::Intranet => self.intranet_port,
        }
    }
}

/// `host:port`, lower case, without the default port 80.
fn authority(host: &str, port: u16) -> String {
    let host = host.to_ascii_lowercase();
    if port == 80 {
        host
    } else {
        format!("{host}:{port}")
    }
}

/// The URL a scenario's `fetch` uses:
/// `http://host:port/cors?case=<case>&<spec.to_query()>`, form-urlencoded (the
/// form Chrome prints in its console messages). The demo server's redirects
/// build their `Location` the same way, so [`predict`] can name every URL.
pub fn request_url(env: &Env, target: Target, case: &str, spec: &ServerSpec) -> String {
    cors_url(env.host_of(target), env.port_of(target), case, spec)
}

fn cors_url(host: &str, port: u16, case: &str, spec: &ServerSpec) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair(CASE_PARAM, case);
    for (key, value) in spec.to_query() {
        query.append_pair(&key, &value);
    }
    format!(
        "http://{}{CORS_PATH}?{}",
        authority(host, port),
        query.finish()
    )
}

/// Predict every run of the scenario (`scenario.repeat` of them, sharing one
/// preflight cache, starting empty, and one cookie jar). The URL's `case` is
/// `scenario.id`. Never panics.
pub fn predict(scenario: &Scenario, env: &Env) -> Vec<Prediction> {
    predict_in(Engine::Chromium, scenario, env)
}

/// [`predict`] for one engine: where Chromium, Firefox and Safari differ
/// (which request headers `*` covers, which unlisted header is named, the
/// console lines and the error text), the answer is that engine's.
pub fn predict_in(engine: Engine, scenario: &Scenario, env: &Env) -> Vec<Prediction> {
    fetch::predict_runs(engine, scenario, env)
}

/// The engine's verdict on one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Prediction {
    /// What the browser and the server log will show.
    pub observation: Observation,
    /// The URL `fetch` was called with.
    pub url: String,
    /// Every rule applied, in order, with its outcome.
    pub steps: Vec<Step>,
    /// Did this run need a preflight (the first cross-origin request's decision)?
    pub preflight: PreflightNeed,
    /// Why the fetch failed, if it did.
    pub failure: Option<Failure>,
    /// The engine predicted for.
    pub engine: Engine,
    /// Every line this engine's console prints for the failure, in order
    /// (empty: none). Chrome's CORS line is followed in DevTools by its
    /// network line (`GET <url> net::ERR_FAILED`), not modelled; Firefox
    /// prints a second block line after a failed preflight or redirect;
    /// Safari prints the reason, then `Fetch API cannot load <url> due to
    /// access control checks.` Checked against each engine by the
    /// differential test.
    pub console: Vec<String>,
    /// `String(error)` of the error `fetch` rejects with in this engine.
    pub js_error: Option<String>,
    /// The browser stored the lab's cookie from a `Set-Cookie` in this run.
    pub cookie_stored: bool,
    /// What the browser sent, request by request (the "browser sent" panel).
    pub sent: Vec<SentRequest>,
}

/// One request the browser sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SentRequest {
    pub url: String,
    pub target: Target,
    pub method: String,
    pub preflight: bool,
    /// The script's headers as sent plus those CORS adds (`Origin`,
    /// `Access-Control-Request-*`); not what the network stack always adds
    /// (`Host`, `User-Agent`, `Accept-Encoding`...).
    pub headers: Vec<(String, String)>,
    /// The request body (none for preflights, and after a redirect turned the request into a GET).
    pub body: Option<String>,
    /// It carried the lab's cookie.
    pub cookie: bool,
    /// The status the server answered with.
    pub status: u16,
}

/// One rule applied to the request or a response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub rule: Rule,
    /// Link to the rule in the Fetch standard (or the relevant spec).
    pub spec: &'static str,
    pub outcome: Outcome,
    /// What decided, as facts (the app puts them into words), naming the
    /// header, method or value.
    pub fact: Fact,
}

impl Step {
    fn new(rule: Rule, outcome: Outcome, fact: Fact) -> Step {
        Step {
            rule,
            spec: rule.spec(),
            outcome,
            fact,
        }
    }
}

/// What a step found: the facts the lab's "every rule the browser applied"
/// list puts into words (`src/words/lab.rs`), one variant per kind of
/// sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Fact {
    /// A check failed: the failure says which and on what value.
    /// `unsafe_headers`: every request header the preflight had to allow
    /// (to name the others when one is refused).
    Failed {
        failure: Failure,
        unsafe_headers: Vec<String>,
    },
    /// `new Request()` accepted the request (`headers`: as the script set them).
    Constructed {
        method: String,
        headers: Vec<(String, String)>,
    },
    /// The browser wrote the method `from` as `to` (upper-cased).
    MethodNormalized { from: String, to: String },
    /// The method stays as written, not upper case.
    MethodKeepsCase { method: String },
    /// A forbidden request header, silently dropped.
    ForbiddenHeaderDropped { name: String },
    /// A header no-cors mode does not allow, silently dropped.
    NoCorsHeaderDropped { name: String, value: String },
    /// A string body without Content-Type: `text/plain;charset=UTF-8` added.
    BodyContentTypeAdded,
    /// The URL's origin is the page's.
    SameOrigin { origin: String },
    /// The URL's origin is not the page's.
    CrossOrigin { origin: String, page_origin: String },
    /// no-cors mode to another origin: sent without CORS, opaque answer.
    NoCorsMode,
    /// Why no preflight: no-cors mode, same origin, or a simple request.
    NoPreflight { why: NoPreflightWhy, method: String },
    /// A preflight is needed (and sent), for these reasons.
    PreflightNeeded { reasons: Vec<PreflightReason> },
    /// A preflight is needed, but a cached one covers the request.
    PreflightCached { reasons: Vec<PreflightReason> },
    /// The preflight passed.
    PreflightPassed {
        status: u16,
        origin: String,
        credentials: bool,
        method: String,
        allowance: MethodAllowance,
        unsafe_headers: Vec<String>,
    },
    /// What the preflight cache keeps of the preflight's answer.
    PreflightStored { engine: Engine, cache: CacheNote },
    /// Whether cookies go with the request, and why.
    Credentials {
        mode: crate::scenario::Credentials,
        cookies: CookiesSent,
    },
    /// What became of the response's `Set-Cookie`.
    SetCookie(SetCookieFate),
    /// The demo server refused the spec (`why`: the key and its problem;
    /// the server's JSON error says the same).
    ServerRefused { why: crate::scenario::SpecError },
    /// A CORS check passed.
    CorsCheckPassed {
        on: Stage,
        origin: String,
        credentials: bool,
    },
    /// redirect "manual" and a redirect with a Location: an opaque-redirect response.
    ManualRedirect { status: u16 },
    /// redirect "manual" and a redirect status without Location: the same.
    ManualRedirectStatus { status: u16 },
    /// A redirect to another origin dropped `Authorization`.
    AuthorizationDropped { from: String, to: String },
    /// A redirect followed; `to_get`: the method it turned into GET;
    /// `tainted`: the request's origin is now `null`.
    RedirectFollowed {
        status: u16,
        to: String,
        to_get: Option<String>,
        tainted: bool,
    },
    /// no-cors: the response arrived, JavaScript gets it opaque.
    Opaque { status: u16 },
    /// What JavaScript reads of a same-origin (`basic`) response.
    ReadableSameOrigin { status: u16, headers: Vec<String> },
    /// What JavaScript reads of a CORS response.
    ReadableCors { status: u16, headers: Vec<String> },
}

/// How the preflight allowed the method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MethodAllowance {
    /// A CORS-safelisted method needs no permission.
    Safelisted,
    /// `Access-Control-Allow-Methods` lists it.
    Listed,
    /// `Access-Control-Allow-Methods: *` covers it.
    Wildcard,
}

/// What the preflight cache does with a passed preflight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CacheNote {
    /// `Access-Control-Max-Age` is not a number (Firefox: not cached;
    /// Chrome and Safari: their default, 5 seconds).
    NotANumber { value: String },
    /// 0 or negative: not cached.
    NotCached,
    /// No `Access-Control-Max-Age`: 5 seconds.
    Default,
    /// Cached for `seconds`, already cut to the engine's cap (Chromium 7200,
    /// Firefox 86400, WebKit 600).
    Cached { seconds: i64 },
}

/// Whether the request carries the lab's cookie, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CookiesSent {
    /// credentials "omit".
    Omitted,
    /// Not included for a cross-origin request (`no_cors`: in no-cors mode).
    CrossOrigin { no_cors: bool },
    /// Included, but the cookie belongs to the page's host, not `host`.
    OtherHost { host: String },
    /// The lab's cookie is sent.
    Sent,
    /// Included, but the browser holds no lab cookie yet.
    NoCookieYet,
}

/// What became of a response's `Set-Cookie`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SetCookieFate {
    /// Stored (credentials included, same site).
    Stored,
    /// Refused: `host` is another site (SameSite=Lax).
    CrossSite { host: String },
    /// Ignored: no credentials for this request.
    NoCredentials,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The check passed.
    Pass,
    /// The check failed: the fetch stops here.
    Fail,
    /// Something the browser did on its own (dropped a header, added one...).
    Info,
}

/// The algorithms and rules the engine applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    RequestConstructor,
    MethodNormalize,
    ForbiddenRequestHeader,
    NoCorsSafelistedHeader,
    SameOrigin,
    RequestMode,
    CorsPreflightNeeded,
    PreflightCache,
    CorsPreflightFetch,
    CorsCheck,
    OkStatus,
    PreflightMethods,
    PreflightHeaders,
    RedirectMode,
    HttpRedirectFetch,
    Credentials,
    SetCookie,
    ResponseFiltering,
    ServerSpec,
}

impl Rule {
    /// A short name for the rule, as the lab lists it.
    pub fn title(self) -> &'static str {
        match self {
            Rule::RequestConstructor => "Building the request",
            Rule::MethodNormalize => "Method name",
            Rule::ForbiddenRequestHeader => "Headers a script may not set",
            Rule::NoCorsSafelistedHeader => "Headers allowed in no-cors mode",
            Rule::SameOrigin => "Same origin?",
            Rule::RequestMode => "Request mode",
            Rule::CorsPreflightNeeded => "Is a preflight needed?",
            Rule::PreflightCache => "Preflight cache",
            Rule::CorsPreflightFetch => "The preflight",
            Rule::CorsCheck => "CORS check (Access-Control-Allow-Origin / -Credentials)",
            Rule::OkStatus => "Preflight status",
            Rule::PreflightMethods => "Allowed methods",
            Rule::PreflightHeaders => "Allowed headers",
            Rule::RedirectMode => "Redirect mode",
            Rule::HttpRedirectFetch => "Following a redirect",
            Rule::Credentials => "Cookies",
            Rule::SetCookie => "Storing Set-Cookie",
            Rule::ResponseFiltering => "What JavaScript may see",
            Rule::ServerSpec => "The server's answer",
        }
    }

    pub fn spec(self) -> &'static str {
        match self {
            Rule::RequestConstructor => "https://fetch.spec.whatwg.org/#dom-request",
            Rule::MethodNormalize => "https://fetch.spec.whatwg.org/#concept-method-normalize",
            Rule::ForbiddenRequestHeader => "https://fetch.spec.whatwg.org/#forbidden-request-header",
            Rule::NoCorsSafelistedHeader => {
                "https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header"
            }
            Rule::SameOrigin => "https://html.spec.whatwg.org/multipage/browsers.html#same-origin",
            Rule::RequestMode => "https://fetch.spec.whatwg.org/#main-fetch",
            Rule::CorsPreflightNeeded => "https://fetch.spec.whatwg.org/#cors-safelisted-request-header",
            Rule::PreflightCache => "https://fetch.spec.whatwg.org/#concept-cache-match",
            Rule::CorsPreflightFetch => "https://fetch.spec.whatwg.org/#cors-preflight-fetch",
            Rule::CorsCheck => "https://fetch.spec.whatwg.org/#concept-cors-check",
            Rule::OkStatus => "https://fetch.spec.whatwg.org/#ok-status",
            Rule::PreflightMethods => "https://fetch.spec.whatwg.org/#http-access-control-allow-methods",
            Rule::PreflightHeaders => "https://fetch.spec.whatwg.org/#http-access-control-allow-headers",
            Rule::RedirectMode => "https://fetch.spec.whatwg.org/#concept-request-redirect-mode",
            Rule::HttpRedirectFetch => "https://fetch.spec.whatwg.org/#http-redirect-fetch",
            Rule::Credentials => "https://fetch.spec.whatwg.org/#concept-request-credentials-mode",
            Rule::SetCookie => {
                "https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-the-samesite-attribute"
            }
            Rule::ResponseFiltering => "https://fetch.spec.whatwg.org/#concept-filtered-response",
            Rule::ServerSpec => "https://fetch.spec.whatwg.org/#http-responses",
        }
    }
}

/// Did the request need a CORS preflight?
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PreflightNeed {
    NotNeeded {
        why: NoPreflightWhy,
    },
    /// Needed and sent, for these reasons.
    Needed {
        reasons: Vec<PreflightReason>,
    },
    /// Needed, but a cached preflight result covered it: none was sent.
    Cached {
        reasons: Vec<PreflightReason>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoPreflightWhy {
    /// Same-origin requests never need one.
    SameOrigin,
    /// `no-cors` requests never get one (and can only be simple).
    NoCorsMode,
    /// A CORS-safelisted method with only CORS-safelisted headers.
    SafelistedRequest,
    /// Nothing was sent (the request failed before).
    NotSent,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PreflightReason {
    /// The method is not GET, HEAD or POST.
    Method { method: String },
    /// This header (lower case, as in `Access-Control-Request-Headers`) is not CORS-safelisted.
    Header { name: String },
}

/// Which response a CORS check failed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The preflight's response.
    Preflight,
    /// A redirect response to the actual request.
    Redirect,
    /// The actual request's final response.
    Response,
}

/// Why a fetch failed: the rule that stopped it and the value that broke it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    /// A header name or value, or the method, has a code point above U+00FF
    /// (WebIDL ByteString); `member` is `headers` or `method`.
    NotByteString { member: String },
    /// The method is not an HTTP token.
    InvalidMethod { method: String },
    /// CONNECT, TRACE or TRACK.
    ForbiddenMethod { method: String },
    /// A header name is not an HTTP token.
    InvalidHeaderName { name: String },
    /// A header value holds NUL, CR or LF.
    InvalidHeaderValue { name: String, value: String },
    /// `no-cors` allows only GET, HEAD and POST.
    NoCorsMethod { method: String },
    /// GET and HEAD requests cannot have a body.
    BodyWithGetOrHead { method: String },
    /// `mode: "same-origin"` with a cross-origin URL: nothing is sent.
    SameOriginModeCrossOrigin { url: String },
    /// `mode: "no-cors"` (cross-origin) allows only `redirect: "follow"`: nothing is sent.
    NoCorsRedirectMode { url: String, redirect: RedirectMode },
    /// `mode: "same-origin"` and a redirect to another origin: not followed.
    SameOriginModeRedirect { url: String },
    /// The preflight was answered with a redirect.
    PreflightRedirect { status: u16 },
    /// No `Access-Control-Allow-Origin`.
    NoAcao { on: Stage, status: u16 },
    /// `Access-Control-Allow-Origin` holds several values (a list, or
    /// several header lines joined with `, `).
    MultipleAcao {
        on: Stage,
        value: String,
        lines: usize,
    },
    /// `Access-Control-Allow-Origin` is not a URL (Chromium's extra diagnosis).
    InvalidAcao { on: Stage, value: String },
    /// `Access-Control-Allow-Origin` is not the request's origin.
    AcaoMismatch { on: Stage, value: String },
    /// `Access-Control-Allow-Origin: *` with credentials mode `include`.
    WildcardWithCredentials { on: Stage },
    /// Credentials mode `include` needs `Access-Control-Allow-Credentials: true` (`None`: absent).
    AcacNotTrue { on: Stage, value: Option<String> },
    /// The preflight's status is not 200-299.
    PreflightNotOk { status: u16 },
    /// `Access-Control-Allow-Methods` does not parse (`token`: the first bad element).
    InvalidAcam { value: String, token: String },
    /// `Access-Control-Allow-Headers` does not parse.
    InvalidAcah { value: String, token: String },
    /// The preflight does not allow the method.
    MethodNotAllowed { method: String },
    /// The preflight does not allow this request header.
    HeaderNotAllowed { name: String },
    /// `redirect: "error"` and the response was a redirect.
    RedirectModeError { status: u16 },
    /// More than 20 redirects.
    TooManyRedirects,
}

impl Failure {
    /// The step of the Fetch standard that refuses the request with this
    /// failure (what the lab's timeline and the explainer name).
    pub fn rule(&self) -> Rule {
        match self {
            Failure::PreflightNotOk { .. } => Rule::OkStatus,
            Failure::MethodNotAllowed { .. } | Failure::InvalidAcam { .. } => {
                Rule::PreflightMethods
            }
            Failure::HeaderNotAllowed { .. } | Failure::InvalidAcah { .. } => {
                Rule::PreflightHeaders
            }
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

    /// The answer the CORS check failed on, for a failure of that check
    /// (`Access-Control-Allow-Origin`/`-Credentials`); `None` for the others.
    pub fn checked_on(&self) -> Option<Stage> {
        match self {
            Failure::NoAcao { on, .. }
            | Failure::MultipleAcao { on, .. }
            | Failure::InvalidAcao { on, .. }
            | Failure::AcaoMismatch { on, .. }
            | Failure::WildcardWithCredentials { on }
            | Failure::AcacNotTrue { on, .. } => Some(*on),
            _ => None,
        }
    }

    /// [`Failure::checked_on`], to change (a message's neighbours may tell
    /// the stage its own words leave open).
    pub fn checked_on_mut(&mut self) -> Option<&mut Stage> {
        match self {
            Failure::NoAcao { on, .. }
            | Failure::MultipleAcao { on, .. }
            | Failure::InvalidAcao { on, .. }
            | Failure::AcaoMismatch { on, .. }
            | Failure::WildcardWithCredentials { on }
            | Failure::AcacNotTrue { on, .. } => Some(on),
            _ => None,
        }
    }

    /// Which answer the failure is about: the preflight's (its status,
    /// redirect, methods and headers too), a redirect's, or the response's
    /// (the constructor's and the modes' failures count as the response's:
    /// nothing follows them).
    pub fn stage(&self) -> Stage {
        match self {
            Failure::PreflightRedirect { .. }
            | Failure::PreflightNotOk { .. }
            | Failure::InvalidAcam { .. }
            | Failure::InvalidAcah { .. }
            | Failure::MethodNotAllowed { .. }
            | Failure::HeaderNotAllowed { .. } => Stage::Preflight,
            other => other.checked_on().unwrap_or(Stage::Response),
        }
    }
}
