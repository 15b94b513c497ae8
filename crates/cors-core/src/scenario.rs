//! A CORS experiment as data: the request a page makes, and how the demo
//! server answers the preflight and the actual request. The same value drives
//! the rules engine (what should happen), the demo server's `/cors` endpoint
//! (what the server does: see [`ServerSpec::to_query`]) and the real browser
//! run (what does happen), so the three can be compared.

use serde::{Deserialize, Serialize};

mod spec_error;
pub use spec_error::{SpecError, SpecProblem};

/// Which demo origin a request goes to. Ports come from the running server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// The page's own origin (same-origin request).
    App,
    /// The API origin: same host, another port (cross-origin, same-site).
    Api,
    /// The API origin under the other loopback host name (`127.0.0.1` when the
    /// page is on `localhost`): cross-origin and cross-site.
    ApiAlt,
    /// The intranet origin.
    Intranet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Cors,
    NoCors,
    SameOrigin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    Omit,
    #[default]
    SameOrigin,
    Include,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RedirectMode {
    #[default]
    Follow,
    Error,
    Manual,
}

/// The request as the page's script writes it: `fetch(url, { method, headers, body, mode, credentials, redirect })`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestSpec {
    pub target: Target,
    pub method: String,
    /// Request headers the script sets, in order (`Content-Type` included).
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    pub mode: Mode,
    pub credentials: Credentials,
    pub redirect: RedirectMode,
}

impl Default for RequestSpec {
    fn default() -> Self {
        RequestSpec {
            target: Target::Api,
            method: "GET".to_owned(),
            headers: Vec::new(),
            body: None,
            mode: Mode::Cors,
            credentials: Credentials::SameOrigin,
            redirect: RedirectMode::Follow,
        }
    }
}

/// What the server puts in `Access-Control-Allow-Origin`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Acao {
    /// No header at all.
    #[default]
    None,
    /// `*`
    Star,
    /// The request's `Origin`, exactly.
    Echo,
    /// The request's `Origin` plus a trailing `/` (a classic mistake).
    EchoSlash,
    /// The literal `null`.
    Null,
    /// Another origin: `https://other.example`.
    Other,
    /// One header line listing two origins: `<origin>, https://other.example`.
    EchoAndOther,
    /// Two separate header lines, both the request's origin.
    TwoLines,
    /// Any literal value.
    Value(String),
}

/// How the server answers one request (the preflight or the actual request).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub status: u16,
    pub acao: Acao,
    /// `Access-Control-Allow-Credentials` value, if sent.
    pub acac: Option<String>,
    /// `Access-Control-Allow-Methods`
    pub acam: Option<String>,
    /// `Access-Control-Allow-Headers`
    pub acah: Option<String>,
    /// `Access-Control-Expose-Headers`
    pub aceh: Option<String>,
    /// `Access-Control-Max-Age`
    pub max_age: Option<String>,
    /// `Vary`
    pub vary: Option<String>,
    /// Answer with a redirect instead of content.
    pub redirect: Option<Box<Redirect>>,
    /// Send `Set-Cookie: lab=<case>; Path=/; SameSite=Lax`.
    pub set_cookie: bool,
    /// Further response headers (e.g. `X-Secret: 42` to test exposing).
    pub extra_headers: Vec<(String, String)>,
}

impl Default for Answer {
    fn default() -> Self {
        Answer {
            status: 200,
            acao: Acao::None,
            acac: None,
            acam: None,
            acah: None,
            aceh: None,
            max_age: None,
            vary: None,
            redirect: None,
            set_cookie: false,
            extra_headers: Vec::new(),
        }
    }
}

/// A redirect: status (301/302/303/307/308), where to, and how the destination answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    pub status: u16,
    pub to: Target,
    pub then: ServerSpec,
}

/// How the server answers a preflight (`OPTIONS`) and the actual request.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerSpec {
    pub preflight: Answer,
    pub actual: Answer,
}

/// One experiment. `repeat: 2` runs the same request twice in a row (to see a
/// cached preflight being reused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub request: RequestSpec,
    pub server: ServerSpec,
    #[serde(default = "one")]
    pub repeat: u8,
}

fn one() -> u8 {
    1
}

/// The path of the configurable endpoint, on every demo origin.
pub const CORS_PATH: &str = "/cors";
/// Query parameter naming the scenario run (keeps preflight-cache entries and log lines apart).
pub const CASE_PARAM: &str = "case";
/// Redirects nest at most this deep.
pub const MAX_REDIRECT_DEPTH: usize = 4;

impl ServerSpec {
    /// The spec as query pairs (`p.status=204&a.acao=echo&a.r.to=api&a.r.then.a.status=200`...):
    /// `p.` = preflight, `a.` = actual, `.r.` = redirect, `.r.then.` = the destination's spec.
    /// Defaults are left out, so URLs stay short and readable.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        self.push_query("", &mut out);
        out
    }

    fn push_query(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        self.preflight.push_query(&format!("{prefix}p."), out);
        self.actual.push_query(&format!("{prefix}a."), out);
    }

    /// Parse what [`ServerSpec::to_query`] wrote; unknown keys (e.g. `learner`,
    /// `case`) are ignored. A bad value is an error naming the key.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<ServerSpec, SpecError> {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        ServerSpec::parse_prefixed(&pairs, "", 0)
    }

    fn parse_prefixed(
        pairs: &[(&str, &str)],
        prefix: &str,
        depth: usize,
    ) -> Result<ServerSpec, SpecError> {
        Ok(ServerSpec {
            preflight: Answer::parse_prefixed(pairs, &format!("{prefix}p."), depth)?,
            actual: Answer::parse_prefixed(pairs, &format!("{prefix}a."), depth)?,
        })
    }
}

impl Answer {
    fn push_query(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        let mut put = |key: &str, value: String| out.push((format!("{prefix}{key}"), value));
        if self.status != 200 {
            put("status", self.status.to_string());
        }
        match &self.acao {
            Acao::None => {}
            Acao::Value(v) => put("acao", format!("value:{v}")),
            other => put("acao", acao_word(other).to_owned()),
        }
        for (key, value) in [
            ("acac", &self.acac),
            ("acam", &self.acam),
            ("acah", &self.acah),
            ("aceh", &self.aceh),
            ("max_age", &self.max_age),
            ("vary", &self.vary),
        ] {
            if let Some(v) = value {
                put(key, v.clone());
            }
        }
        if self.set_cookie {
            put("set_cookie", "1".to_owned());
        }
        for (name, value) in &self.extra_headers {
            put("h", format!("{name}:{value}"));
        }
        if let Some(r) = &self.redirect {
            put("r.status", r.status.to_string());
            put("r.to", target_word(r.to).to_owned());
            let nested = format!("{prefix}r.then.");
            r.then.push_query(&nested, out);
        }
    }

    fn parse_prefixed(
        pairs: &[(&str, &str)],
        prefix: &str,
        depth: usize,
    ) -> Result<Answer, SpecError> {
        let get = |key: &str| {
            let full = format!("{prefix}{key}");
            pairs
                .iter()
                .find(|(k, _)| *k == full)
                .map(|(_, v)| (*v).to_owned())
        };
        let key = |key: &str| format!("{prefix}{key}");
        let mut answer = Answer::default();
        if let Some(s) = get("status") {
            answer.status = parse_status(&s).ok_or_else(|| {
                SpecError::new(key("status"), SpecProblem::NotAStatus { value: s.clone() })
            })?;
        }
        if let Some(a) = get("acao") {
            answer.acao = parse_acao(&a).ok_or_else(|| {
                SpecError::new(
                    key("acao"),
                    SpecProblem::UnknownAllowOrigin { value: a.clone() },
                )
            })?;
        }
        answer.acac = get("acac");
        answer.acam = get("acam");
        answer.acah = get("acah");
        answer.aceh = get("aceh");
        answer.max_age = get("max_age");
        answer.vary = get("vary");
        answer.set_cookie = get("set_cookie").is_some_and(|v| v == "1" || v == "true");
        let header_key = key("h");
        for (_, v) in pairs.iter().filter(|(k, _)| *k == header_key) {
            let (name, value) = v.split_once(':').ok_or_else(|| {
                SpecError::new(
                    header_key.clone(),
                    SpecProblem::NotNameValue {
                        value: (*v).to_owned(),
                    },
                )
            })?;
            answer
                .extra_headers
                .push((name.to_owned(), value.to_owned()));
        }
        if let Some(s) = get("r.status") {
            if depth >= MAX_REDIRECT_DEPTH {
                return Err(SpecError::new(
                    key("r"),
                    SpecProblem::TooDeep {
                        max: MAX_REDIRECT_DEPTH,
                    },
                ));
            }
            let status = parse_status(&s)
                .filter(|s| matches!(s, 301 | 302 | 303 | 307 | 308))
                .ok_or_else(|| {
                    SpecError::new(
                        key("r.status"),
                        SpecProblem::NotARedirectStatus { value: s.clone() },
                    )
                })?;
            let to_word = get("r.to").unwrap_or_else(|| "api".to_owned());
            let to = parse_target(&to_word).ok_or_else(|| {
                SpecError::new(
                    key("r.to"),
                    SpecProblem::UnknownTarget {
                        value: to_word.clone(),
                    },
                )
            })?;
            let then = ServerSpec::parse_prefixed(pairs, &key("r.then."), depth + 1)?;
            answer.redirect = Some(Box::new(Redirect { status, to, then }));
        }
        Ok(answer)
    }
}

fn parse_status(s: &str) -> Option<u16> {
    s.parse::<u16>().ok().filter(|n| (200..=599).contains(n))
}

impl Acao {
    /// The word for this choice, as the address and the lab's form name it
    /// (`value` for an exact value, which the address carries as `value:<v>`).
    pub fn word(&self) -> &'static str {
        acao_word(self)
    }

    /// The choice a word names (`value` alone: an exact value, empty so far).
    pub fn from_word(word: &str) -> Option<Acao> {
        match word {
            "value" => Some(Acao::Value(String::new())),
            other => parse_acao(other),
        }
    }
}

fn acao_word(acao: &Acao) -> &'static str {
    match acao {
        Acao::None => "none",
        Acao::Star => "star",
        Acao::Echo => "echo",
        Acao::EchoSlash => "echo-slash",
        Acao::Null => "null",
        Acao::Other => "other",
        Acao::EchoAndOther => "echo-and-other",
        Acao::TwoLines => "two-lines",
        Acao::Value(_) => "value",
    }
}

fn parse_acao(s: &str) -> Option<Acao> {
    if let Some(v) = s.strip_prefix("value:") {
        return Some(Acao::Value(v.to_owned()));
    }
    Some(match s {
        "none" => Acao::None,
        "star" => Acao::Star,
        "echo" => Acao::Echo,
        "echo-slash" => Acao::EchoSlash,
        "null" => Acao::Null,
        "other" => Acao::Other,
        "echo-and-other" => Acao::EchoAndOther,
        "two-lines" => Acao::TwoLines,
        _ => return None,
    })
}

pub fn target_word(target: Target) -> &'static str {
    match target {
        Target::App => "app",
        Target::Api => "api",
        Target::ApiAlt => "api-alt",
        Target::Intranet => "intranet",
    }
}

pub fn parse_target(s: &str) -> Option<Target> {
    Some(match s {
        "app" => Target::App,
        "api" => Target::Api,
        "api-alt" => Target::ApiAlt,
        "intranet" => Target::Intranet,
        _ => return None,
    })
}

/// The other origin used by [`Acao::Other`].
pub const OTHER_ORIGIN: &str = "https://other.example";

impl Acao {
    /// The `Access-Control-Allow-Origin` header lines to send for a request
    /// whose `Origin` header was `origin` (None when the request had none).
    pub fn header_values(&self, origin: Option<&str>) -> Vec<String> {
        let echo = origin.unwrap_or("null").to_owned();
        match self {
            Acao::None => vec![],
            Acao::Star => vec!["*".to_owned()],
            Acao::Echo => vec![echo],
            Acao::EchoSlash => vec![format!("{echo}/")],
            Acao::Null => vec!["null".to_owned()],
            Acao::Other => vec![OTHER_ORIGIN.to_owned()],
            Acao::EchoAndOther => vec![format!("{echo}, {OTHER_ORIGIN}")],
            Acao::TwoLines => vec![echo.clone(), echo],
            Acao::Value(v) => vec![v.clone()],
        }
    }
}

impl Answer {
    /// Every CORS-relevant response header this answer sends, in order, for a
    /// request whose `Origin` was `origin`. The demo server sends exactly these
    /// (plus `Content-Type`, `Cache-Control: no-store`, and what hyper adds:
    /// `content-length`, `date`), and the rules engine reasons about exactly these.
    pub fn cors_headers(&self, origin: Option<&str>) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .acao
            .header_values(origin)
            .into_iter()
            .map(|v| ("access-control-allow-origin".to_owned(), v))
            .collect();
        for (name, value) in [
            ("access-control-allow-credentials", &self.acac),
            ("access-control-allow-methods", &self.acam),
            ("access-control-allow-headers", &self.acah),
            ("access-control-expose-headers", &self.aceh),
            ("access-control-max-age", &self.max_age),
            ("vary", &self.vary),
        ] {
            if let Some(v) = value {
                out.push((name.to_owned(), v.clone()));
            }
        }
        for (name, value) in &self.extra_headers {
            out.push((name.to_ascii_lowercase(), value.clone()));
        }
        out
    }
}

/// What can be observed of one run, in the browser and in the server log.
/// The rules engine predicts one; the real browser produces one; tests compare.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub js: JsObservation,
    /// Requests that reached the server, in order.
    pub arrived: Vec<Arrival>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum JsObservation {
    /// `fetch` rejected with a `TypeError`.
    Rejected,
    /// `fetch` resolved.
    Response {
        status: u16,
        /// `response.type`: `basic`, `cors`, `opaque` or `opaqueredirect`.
        response_type: String,
        /// Names of the response headers JavaScript can see, lower case, sorted.
        headers: Vec<String>,
        /// Whether `response.text()` gave the server's body (false: empty, as for opaque responses).
        body_readable: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrival {
    pub target: Target,
    pub method: String,
    /// A CORS preflight (`OPTIONS` with `Access-Control-Request-Method`).
    pub preflight: bool,
    /// The request carried a `Cookie` header with the lab's cookie.
    pub cookie: bool,
}

#[cfg(test)]
mod tests {
    use super::Acao;

    /// One vocabulary: every choice's word reads back as that choice (an
    /// exact value as an empty one, which the form then fills).
    #[test]
    fn allow_origin_words_round_trip() {
        for acao in [
            Acao::None,
            Acao::Star,
            Acao::Echo,
            Acao::EchoSlash,
            Acao::Null,
            Acao::Other,
            Acao::EchoAndOther,
            Acao::TwoLines,
            Acao::Value(String::new()),
        ] {
            assert_eq!(Acao::from_word(acao.word()), Some(acao.clone()));
        }
        assert_eq!(
            Acao::from_word("value:x"),
            Some(Acao::Value("x".to_owned()))
        );
        assert_eq!(Acao::from_word("nonsense"), None);
    }
}
