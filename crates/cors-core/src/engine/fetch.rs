//! Fetching (<https://fetch.spec.whatwg.org/#fetching>) as Chromium runs a
//! page's `fetch()`: main fetch (same-origin or not, request mode), the
//! CORS-preflight decision and cache, HTTP fetch with the CORS check, and
//! HTTP-redirect fetch — Blink's `FetchManager` and the network service's
//! `CorsURLLoader`, one request at a time against the demo server.

use super::console::{console_lines, js_error, Where};
use super::preflight::{
    access_control_request_headers, check_preflight_response, preflight_reasons, PreflightCache,
    PreflightInput,
};
use super::request::{construct_request, ConstructedRequest};
use super::response::{cors_check, header_value, visible_header_names, Tainting};
use super::server::{answer, spec_on_server, ServerAnswer};
use super::{
    authority, cors_url, CacheNote, CookiesSent, Engine, Env, Fact, Failure, MethodAllowance,
    NoPreflightWhy, Outcome, Prediction, PreflightNeed, Rule, SentRequest, SetCookieFate, Stage,
    Step,
};
use crate::scenario::{
    Arrival, Credentials, JsObservation, Mode, Observation, Redirect, RedirectMode, Scenario,
    ServerSpec, SpecError, Target,
};

/// Chromium: `CorsURLLoader` fails the 21st redirect (`redirect_count_++ == 20`).
const MAX_REDIRECTS: u32 = 20;

pub(super) fn predict_runs(engine: Engine, scenario: &Scenario, env: &Env) -> Vec<Prediction> {
    let mut cache = PreflightCache::default();
    let mut jar = CookieJar {
        has_lab_cookie: env.has_lab_cookie,
    };
    (0..scenario.repeat)
        .map(|_| Run::new(engine, scenario, env).fetch(&mut cache, &mut jar))
        .collect()
}

/// The browser's cookie for the page's host (host-only, `SameSite=Lax`).
struct CookieJar {
    has_lab_cookie: bool,
}

/// Which demo origin answers a request (by port).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    App,
    Api,
    Intranet,
}

/// One request's destination: `/cors` on some host and port.
#[derive(Clone, Debug)]
struct Hop {
    role: Role,
    host: String,
    port: u16,
    url: String,
    /// The spec as the server parses it from `url`.
    spec: Result<ServerSpec, SpecError>,
}

impl Hop {
    fn first(env: &Env, target: Target, case: &str, spec: &ServerSpec) -> Hop {
        let role = match target {
            Target::App => Role::App,
            Target::Api | Target::ApiAlt => Role::Api,
            Target::Intranet => Role::Intranet,
        };
        Hop {
            role,
            host: env.host_of(target).to_ascii_lowercase(),
            port: env.port_of(target),
            url: cors_url(env.host_of(target), env.port_of(target), case, spec),
            spec: spec_on_server(spec),
        }
    }

    /// Where the demo server's redirect points: `/cors` on the destination
    /// role's port, on the same host — except `api-alt`, which swaps the two
    /// loopback names (so from `127.0.0.1`, `to: api` stays on `127.0.0.1`).
    fn redirect(&self, env: &Env, case: &str, redirect: &Redirect) -> Hop {
        let role = match redirect.to {
            Target::App => Role::App,
            Target::Api | Target::ApiAlt => Role::Api,
            Target::Intranet => Role::Intranet,
        };
        let alt = env.alt_host.to_ascii_lowercase();
        let host = match redirect.to {
            Target::ApiAlt if !alt.is_empty() && alt != env.host.to_ascii_lowercase() => {
                if self.host == alt {
                    env.host.to_ascii_lowercase()
                } else {
                    alt
                }
            }
            _ => self.host.clone(),
        };
        let port = match role {
            Role::App => env.app_port,
            Role::Api => env.api_port,
            Role::Intranet => env.intranet_port,
        };
        Hop {
            role,
            url: cors_url(&host, port, case, &redirect.then),
            spec: spec_on_server(&redirect.then),
            host,
            port,
        }
    }

    fn origin(&self) -> String {
        format!("http://{}", authority(&self.host, self.port))
    }

    fn same_origin(&self, other: &Hop) -> bool {
        self.host == other.host && self.port == other.port
    }

    fn same_origin_as_page(&self, env: &Env) -> bool {
        self.host == env.host.to_ascii_lowercase() && self.port == env.app_port
    }

    /// What the e2e test's server log calls this request's target.
    fn target(&self, env: &Env) -> Target {
        match self.role {
            Role::App => Target::App,
            Role::Intranet => Target::Intranet,
            Role::Api
                if self.host == env.alt_host.to_ascii_lowercase() && !env.alt_host.is_empty() =>
            {
                Target::ApiAlt
            }
            Role::Api => Target::Api,
        }
    }
}

/// One run of the scenario's `fetch`.
struct Run<'a> {
    engine: Engine,
    scenario: &'a Scenario,
    env: &'a Env,
    page_origin: String,
    initial_url: String,
    steps: Vec<Step>,
    sent: Vec<SentRequest>,
    arrived: Vec<Arrival>,
    cookie_stored: bool,
    preflight: Option<PreflightNeed>,
    /// Why the first request needed no preflight, when it was not cross-origin CORS.
    first_why: Option<NoPreflightWhy>,
    /// Where the redirect being checked points (for Safari's message).
    redirect_to: Option<String>,
}

/// Where a request stands while it is being fetched.
struct State {
    hop: Hop,
    method: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
    /// <https://fetch.spec.whatwg.org/#cors-flag> (Chromium's
    /// `fetch_cors_flag_`): set at the first cross-origin URL in a
    /// CORS-enabled mode, never unset.
    cors_flag: bool,
    /// <https://fetch.spec.whatwg.org/#concept-request-tainted-origin>: a
    /// redirect went to another origin from a URL not of the page's origin;
    /// the request's origin is then serialized as `null`.
    tainted: bool,
    /// A redirect crossed origins (the network stack then sends `Origin: null`
    /// on requests that carry one without CORS).
    crossed: bool,
    redirects: u32,
}

impl<'a> Run<'a> {
    fn new(engine: Engine, scenario: &'a Scenario, env: &'a Env) -> Run<'a> {
        let initial_url =
            super::request_url(env, scenario.request.target, &scenario.id, &scenario.server);
        Run {
            engine,
            scenario,
            env,
            page_origin: env.origin_of(Target::App),
            initial_url,
            steps: Vec::new(),
            sent: Vec::new(),
            arrived: Vec::new(),
            cookie_stored: false,
            preflight: None,
            first_why: None,
            redirect_to: None,
        }
    }

    fn step(&mut self, rule: Rule, outcome: Outcome, fact: Fact) {
        self.steps.push(Step::new(rule, outcome, fact));
    }

    /// <https://fetch.spec.whatwg.org/#fetch-method>, then
    /// <https://fetch.spec.whatwg.org/#main-fetch> with its redirects.
    fn fetch(mut self, cache: &mut PreflightCache, jar: &mut CookieJar) -> Prediction {
        let request = &self.scenario.request;
        let case = self.scenario.id.clone();
        let hop = Hop::first(self.env, request.target, &case, &self.scenario.server);

        // Step 1 of fetch(): "Let requestObject be the result of invoking the
        // initial value of Request as constructor".
        let ConstructedRequest {
            method,
            headers,
            body,
        } = match construct_request(request, &mut self.steps) {
            Ok(constructed) => constructed,
            Err(failure) => {
                self.step(
                    Rule::RequestConstructor,
                    Outcome::Fail,
                    failed(&failure, &[]),
                );
                return self.fail(failure, None);
            }
        };
        self.step(
            Rule::RequestConstructor,
            Outcome::Pass,
            Fact::Constructed {
                method: method.clone(),
                headers: headers.clone(),
            },
        );

        // Main fetch step 12: same origin (and not tainted), or the mode decides.
        let same = hop.same_origin_as_page(self.env);
        let target_origin = hop.origin();
        if same {
            self.step(
                Rule::SameOrigin,
                Outcome::Pass,
                Fact::SameOrigin {
                    origin: target_origin,
                },
            );
        } else {
            self.step(
                Rule::SameOrigin,
                Outcome::Info,
                Fact::CrossOrigin {
                    origin: target_origin,
                    page_origin: self.page_origin.clone(),
                },
            );
            match request.mode {
                Mode::SameOrigin => {
                    let url = hop.url.clone();
                    let failure = Failure::SameOriginModeCrossOrigin { url };
                    self.step(Rule::RequestMode, Outcome::Fail, failed(&failure, &[]));
                    return self.fail(failure, None);
                }
                Mode::NoCors if request.redirect != RedirectMode::Follow => {
                    let failure = Failure::NoCorsRedirectMode {
                        url: hop.url.clone(),
                        redirect: request.redirect,
                    };
                    self.step(Rule::RequestMode, Outcome::Fail, failed(&failure, &[]));
                    return self.fail(failure, None);
                }
                Mode::NoCors => self.step(Rule::RequestMode, Outcome::Info, Fact::NoCorsMode),
                Mode::Cors => {}
            }
        }

        let mut state = State {
            hop,
            method,
            headers,
            body,
            cors_flag: false,
            tainted: false,
            crossed: false,
            redirects: 0,
        };
        loop {
            match self.http_fetch(&mut state, cache, jar) {
                Ok(Some(observation)) => return self.finish(observation),
                Ok(None) => continue,
                Err(failure) => {
                    let last = state.hop.url.clone();
                    return self.fail(failure, Some(&last));
                }
            }
        }
    }

    /// One request of the chain: (preflight), actual request, response.
    /// `Ok(Some)`: JavaScript's response; `Ok(None)`: a redirect to follow
    /// (`state` moved on); `Err`: a network error.
    fn http_fetch(
        &mut self,
        state: &mut State,
        cache: &mut PreflightCache,
        jar: &mut CookieJar,
    ) -> Result<Option<JsObservation>, Failure> {
        let request = &self.scenario.request;
        let env = self.env;
        let same = state.hop.same_origin_as_page(env);

        // Chromium `SetCorsFlagIfNeeded`: a cross-origin URL in mode cors sets the CORS flag.
        if !state.cors_flag && request.mode != Mode::NoCors && !same {
            state.cors_flag = true;
        }
        let tainting = if state.cors_flag {
            Tainting::Cors
        } else if request.mode == Mode::NoCors && (state.tainted || !same) {
            Tainting::Opaque
        } else {
            Tainting::Basic
        };
        let request_origin = if state.tainted {
            "null".to_owned()
        } else {
            self.page_origin.clone()
        };

        if state.cors_flag {
            self.cors_preflight_fetch(state, &request_origin, cache)?;
        } else if self.preflight.is_none() && self.first_why.is_none() {
            // No preflight decision yet: say why none applies to this request.
            let why = if request.mode == Mode::NoCors && !same {
                NoPreflightWhy::NoCorsMode
            } else {
                NoPreflightWhy::SameOrigin
            };
            self.first_why = Some(why);
            self.step(
                Rule::CorsPreflightNeeded,
                Outcome::Info,
                Fact::NoPreflight {
                    why,
                    method: state.method.clone(),
                },
            );
        }

        // HTTP-network-or-cache fetch: includeCredentials.
        let include = request.credentials == Credentials::Include
            || (request.credentials == Credentials::SameOrigin && tainting == Tainting::Basic);
        let on_page_host = state.hop.host == env.host.to_ascii_lowercase();
        let cookie = include && jar.has_lab_cookie && on_page_host;
        self.step(
            Rule::Credentials,
            Outcome::Info,
            Fact::Credentials {
                mode: request.credentials,
                cookies: cookies_sent(
                    request.credentials,
                    tainting,
                    include,
                    jar.has_lab_cookie,
                    on_page_host,
                    &state.hop.host,
                ),
            },
        );

        // The actual request.
        let origin_header = if state.cors_flag {
            Some(request_origin.clone())
        } else if state.method != "GET" && state.method != "HEAD" {
            Some(if state.tainted || state.crossed {
                "null".to_owned()
            } else {
                self.page_origin.clone()
            })
        } else {
            None
        };
        let mut sent_headers = state.headers.clone();
        if let Some(origin) = &origin_header {
            sent_headers.push(("Origin".to_owned(), origin.clone()));
        }
        let response = answer(
            &state.hop.spec,
            false,
            &state.method,
            origin_header.as_deref(),
        );
        self.record_sent(
            &state.hop,
            &state.method,
            (sent_headers, state.body.clone()),
            cookie,
            response.status,
        );
        self.describe_server_refusal(&response);

        // Set-Cookie: stored when credentials are included and the response
        // comes from the page's site (SameSite=Lax refuses cross-site
        // responses), whatever CORS later decides.
        if response.set_cookie {
            if include && on_page_host {
                jar.has_lab_cookie = true;
                self.cookie_stored = true;
                self.step(
                    Rule::SetCookie,
                    Outcome::Info,
                    Fact::SetCookie(SetCookieFate::Stored),
                );
            } else {
                self.step(
                    Rule::SetCookie,
                    Outcome::Info,
                    Fact::SetCookie(if include {
                        SetCookieFate::CrossSite {
                            host: state.hop.host.clone(),
                        }
                    } else {
                        SetCookieFate::NoCredentials
                    }),
                );
            }
        }

        match response.redirect.clone() {
            Some(redirect) => {
                self.http_redirect_fetch(state, &response, &redirect, &request_origin)
            }
            None => self.final_response(state, &response, &request_origin, tainting),
        }
    }

    /// The CORS-preflight decision (main fetch step 12), the cache, and the
    /// CORS-preflight fetch itself.
    fn cors_preflight_fetch(
        &mut self,
        state: &State,
        request_origin: &str,
        cache: &mut PreflightCache,
    ) -> Result<(), Failure> {
        let request = &self.scenario.request;
        let reasons = preflight_reasons(&state.method, &state.headers);
        let unsafe_names = access_control_request_headers(&state.headers);
        let include = request.credentials == Credentials::Include;
        if reasons.is_empty() {
            self.record_preflight(PreflightNeed::NotNeeded {
                why: NoPreflightWhy::SafelistedRequest,
            });
            self.step(
                Rule::CorsPreflightNeeded,
                Outcome::Pass,
                Fact::NoPreflight {
                    why: NoPreflightWhy::SafelistedRequest,
                    method: state.method.clone(),
                },
            );
            return Ok(());
        }
        if cache.covers(&state.hop.url, include, &state.method, &unsafe_names) {
            self.record_preflight(PreflightNeed::Cached {
                reasons: reasons.clone(),
            });
            self.step(
                Rule::PreflightCache,
                Outcome::Pass,
                Fact::PreflightCached { reasons },
            );
            return Ok(());
        }
        self.record_preflight(PreflightNeed::Needed {
            reasons: reasons.clone(),
        });
        self.step(
            Rule::CorsPreflightNeeded,
            Outcome::Info,
            Fact::PreflightNeeded { reasons },
        );

        // The CORS-preflight fetch: OPTIONS, no credentials ever.
        let mut headers = vec![
            ("Origin".to_owned(), request_origin.to_owned()),
            (
                "Access-Control-Request-Method".to_owned(),
                state.method.clone(),
            ),
        ];
        if !unsafe_names.is_empty() {
            headers.push((
                "Access-Control-Request-Headers".to_owned(),
                unsafe_names.join(","),
            ));
        }
        let response = answer(&state.hop.spec, true, "OPTIONS", Some(request_origin));
        self.record_sent(
            &state.hop,
            "OPTIONS",
            (headers, None),
            false,
            response.status,
        );
        self.describe_server_refusal(&response);
        let input = PreflightInput {
            method: &state.method,
            unsafe_names: &unsafe_names,
            credentials: request.credentials,
            origin: request_origin,
            engine: self.engine,
        };
        match check_preflight_response(&response, &input) {
            Ok(result) => {
                self.step(
                    Rule::CorsPreflightFetch,
                    Outcome::Pass,
                    Fact::PreflightPassed {
                        status: response.status,
                        origin: request_origin.to_owned(),
                        credentials: include,
                        method: state.method.clone(),
                        allowance: method_allowance(&state.method, &result.methods),
                        unsafe_headers: unsafe_names.clone(),
                    },
                );
                let max_age = result.max_age;
                cache.store(&state.hop.url, result);
                self.step(
                    Rule::PreflightCache,
                    Outcome::Info,
                    Fact::PreflightStored {
                        engine: self.engine,
                        cache: match header_value(&response.headers, "access-control-max-age") {
                            Some(v) if !reads_as_number(self.engine, &v) => CacheNote::NotANumber {
                                value: v.to_owned(),
                            },
                            _ if max_age <= 0 => CacheNote::NotCached,
                            None => CacheNote::Default,
                            Some(_) => CacheNote::Cached { seconds: max_age },
                        },
                    },
                );
                Ok(())
            }
            Err(failure) => {
                let fact = failed(&failure, &unsafe_names);
                let rule = failure.rule();
                self.step(rule, Outcome::Fail, fact);
                Err(failure)
            }
        }
    }

    /// <https://fetch.spec.whatwg.org/#http-redirect-fetch> (and HTTP fetch's
    /// redirect-mode switch before it).
    fn http_redirect_fetch(
        &mut self,
        state: &mut State,
        response: &ServerAnswer,
        redirect: &Redirect,
        request_origin: &str,
    ) -> Result<Option<JsObservation>, Failure> {
        let request = &self.scenario.request;
        let env = self.env;
        let next = state.hop.redirect(env, &self.scenario.id, redirect);
        self.redirect_to = Some(next.url.clone());
        // HTTP fetch step 4.4 (Chromium `CorsURLLoader::OnReceiveRedirect`):
        // with the CORS flag, the redirect response itself must pass the CORS check.
        if state.cors_flag {
            self.checked(
                cors_check(
                    &response.headers,
                    request.credentials,
                    request_origin,
                    Stage::Redirect,
                    response.status,
                ),
                Stage::Redirect,
                request_origin,
            )?;
        }
        match request.redirect {
            RedirectMode::Manual => {
                self.step(
                    Rule::RedirectMode,
                    Outcome::Info,
                    Fact::ManualRedirect {
                        status: response.status,
                    },
                );
                return Ok(Some(opaque(true)));
            }
            RedirectMode::Error | RedirectMode::Follow => {}
        }
        if request.redirect == RedirectMode::Error {
            let failure = Failure::RedirectModeError {
                status: response.status,
            };
            self.step(Rule::RedirectMode, Outcome::Fail, failed(&failure, &[]));
            return Err(failure);
        }
        // Blink checks the new URL before following (`CanRequest`): mode
        // "same-origin" may not leave the page's origin. (With redirect
        // "error" Blink rejects first, silently; checked in Chromium 156.)
        if request.mode == Mode::SameOrigin && !next.same_origin_as_page(env) {
            let failure = Failure::SameOriginModeRedirect { url: next.url };
            self.step(Rule::RequestMode, Outcome::Fail, failed(&failure, &[]));
            return Err(failure);
        }
        // Step 6-7: if request's redirect count is 20, return a network error;
        // increase it.
        state.redirects += 1;
        if state.redirects > MAX_REDIRECTS {
            let failure = Failure::TooManyRedirects;
            self.step(
                Rule::HttpRedirectFetch,
                Outcome::Fail,
                failed(&failure, &[]),
            );
            return Err(failure);
        }
        let crosses = !next.same_origin(&state.hop);
        // Step 13: a redirect to another origin drops `Authorization` (the
        // CORS non-wildcard request-header name). Chromium does this too: the
        // next hop may then need no preflight (checked in Chromium 156).
        if crosses {
            let before = state.headers.len();
            state
                .headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
            if state.headers.len() != before {
                self.step(
                    Rule::HttpRedirectFetch,
                    Outcome::Info,
                    Fact::AuthorizationDropped {
                        from: state.hop.origin(),
                        to: next.origin(),
                    },
                );
            }
        }
        // Step 14: the tainted origin flag.
        let from_foreign = !state.hop.same_origin_as_page(env);
        if crosses && from_foreign && !state.tainted {
            state.tainted = true;
        }
        state.crossed |= crosses;
        // Step 11: 301/302 turn POST into GET; 303 turns everything but GET and
        // HEAD into GET, without body and request-body headers.
        let status = response.status;
        let new_method = if ((status == 301 || status == 302) && state.method == "POST")
            || (status == 303 && state.method != "HEAD")
        {
            "GET".to_owned()
        } else {
            state.method.clone()
        };
        let mut to_get = None;
        if new_method != state.method {
            to_get = Some(state.method.clone());
            state.body = None;
            state.headers.retain(|(name, _)| {
                !matches!(
                    name.to_ascii_lowercase().as_str(),
                    "content-type" | "content-language" | "content-encoding" | "content-location"
                )
            });
            state.method = new_method;
        }
        self.step(
            Rule::HttpRedirectFetch,
            Outcome::Info,
            Fact::RedirectFollowed {
                status,
                to: next.origin(),
                to_get,
                tainted: state.tainted,
            },
        );
        state.hop = next;
        Ok(None)
    }

    /// HTTP fetch's CORS check on the final response, then the filtered
    /// response JavaScript receives.
    fn final_response(
        &mut self,
        state: &State,
        response: &ServerAnswer,
        request_origin: &str,
        tainting: Tainting,
    ) -> Result<Option<JsObservation>, Failure> {
        let request = &self.scenario.request;
        if state.cors_flag {
            self.checked(
                cors_check(
                    &response.headers,
                    request.credentials,
                    request_origin,
                    Stage::Response,
                    response.status,
                ),
                Stage::Response,
                request_origin,
            )?;
        }
        // Blink: a redirect status in manual mode is an opaque redirect even
        // without a Location.
        if request.redirect == RedirectMode::Manual
            && matches!(response.status, 301 | 302 | 303 | 307 | 308)
        {
            self.step(
                Rule::RedirectMode,
                Outcome::Info,
                Fact::ManualRedirectStatus {
                    status: response.status,
                },
            );
            return Ok(Some(opaque(true)));
        }
        if tainting == Tainting::Opaque {
            self.step(
                Rule::ResponseFiltering,
                Outcome::Info,
                Fact::Opaque {
                    status: response.status,
                },
            );
            return Ok(Some(opaque(false)));
        }
        let headers = visible_header_names(tainting, &response.headers, request.credentials);
        let body = response.body;
        self.step(
            Rule::ResponseFiltering,
            Outcome::Pass,
            match tainting {
                Tainting::Basic => Fact::ReadableSameOrigin {
                    status: response.status,
                    headers: headers.clone(),
                },
                // Opaque responses returned above.
                Tainting::Cors | Tainting::Opaque => Fact::ReadableCors {
                    status: response.status,
                    headers: headers.clone(),
                },
            },
        );
        Ok(Some(JsObservation::Response {
            status: response.status,
            response_type: tainting.word().to_owned(),
            headers,
            body_readable: body,
        }))
    }

    /// Record a CORS check's outcome as a step.
    fn checked(
        &mut self,
        result: Result<(), Failure>,
        on: Stage,
        request_origin: &str,
    ) -> Result<(), Failure> {
        match result {
            Ok(()) => {
                self.step(
                    Rule::CorsCheck,
                    Outcome::Pass,
                    Fact::CorsCheckPassed {
                        on,
                        origin: request_origin.to_owned(),
                        credentials: self.scenario.request.credentials == Credentials::Include,
                    },
                );
                Ok(())
            }
            Err(failure) => {
                self.step(Rule::CorsCheck, Outcome::Fail, failed(&failure, &[]));
                Err(failure)
            }
        }
    }

    fn describe_server_refusal(&mut self, response: &ServerAnswer) {
        if let Some(why) = &response.refused {
            self.step(
                Rule::ServerSpec,
                Outcome::Info,
                Fact::ServerRefused { why: why.clone() },
            );
        }
    }

    fn record_preflight(&mut self, need: PreflightNeed) {
        if self.preflight.is_none() {
            self.preflight = Some(need);
        }
    }

    /// Note a request the browser sent (a preflight when it is an `OPTIONS`
    /// without body from the CORS layer) and its arrival at the server.
    fn record_sent(
        &mut self,
        hop: &Hop,
        method: &str,
        (headers, body): (Vec<(String, String)>, Option<String>),
        cookie: bool,
        status: u16,
    ) {
        let target = hop.target(self.env);
        let preflight = headers
            .iter()
            .any(|(n, _)| n == "Access-Control-Request-Method");
        self.arrived.push(Arrival {
            target,
            method: method.to_owned(),
            preflight,
            cookie,
        });
        self.sent.push(SentRequest {
            url: hop.url.clone(),
            target,
            method: method.to_owned(),
            preflight,
            headers,
            body,
            cookie,
            status,
        });
    }

    fn finish(self, js: JsObservation) -> Prediction {
        let preflight = self.preflight_need();
        Prediction {
            observation: Observation {
                js,
                arrived: self.arrived,
            },
            url: self.initial_url,
            steps: self.steps,
            preflight,
            engine: self.engine,
            failure: None,
            console: Vec::new(),
            js_error: None,
            cookie_stored: self.cookie_stored,
            sent: self.sent,
        }
    }

    /// The first cross-origin request's preflight decision, or why none applied.
    fn preflight_need(&self) -> PreflightNeed {
        self.preflight.clone().unwrap_or(PreflightNeed::NotNeeded {
            why: if self.arrived.is_empty() {
                NoPreflightWhy::NotSent
            } else {
                self.first_why.unwrap_or(NoPreflightWhy::SameOrigin)
            },
        })
    }

    /// The run ends in a rejected promise.
    fn fail(self, failure: Failure, last_url: Option<&str>) -> Prediction {
        let last_url = last_url.unwrap_or(&self.initial_url).to_owned();
        let console = console_lines(
            self.engine,
            &failure,
            &Where {
                initial_url: &self.initial_url,
                last_url: &last_url,
                page_origin: &self.page_origin,
                redirect_to: self.redirect_to.as_deref(),
                status: self.sent.last().map(|s| s.status),
                request_headers: &self.scenario.request.headers,
            },
        );
        let preflight = self.preflight_need();
        Prediction {
            observation: Observation {
                js: JsObservation::Rejected,
                arrived: self.arrived,
            },
            url: self.initial_url,
            steps: self.steps,
            preflight,
            engine: self.engine,
            js_error: Some(js_error(self.engine, &failure)),
            failure: Some(failure),
            console,
            cookie_stored: self.cookie_stored,
            sent: self.sent,
        }
    }
}

/// What JavaScript gets for an opaque or opaque-redirect response.
fn opaque(redirect: bool) -> JsObservation {
    JsObservation::Response {
        status: 0,
        response_type: if redirect { "opaqueredirect" } else { "opaque" }.to_owned(),
        headers: Vec::new(),
        body_readable: false,
    }
}

/// A failed check's fact (`unsafe_headers`: the request headers the
/// preflight had to allow, to name the others when one is refused).
fn failed(failure: &Failure, unsafe_headers: &[String]) -> Fact {
    Fact::Failed {
        failure: failure.clone(),
        unsafe_headers: unsafe_headers.to_vec(),
    }
}

fn method_allowance(method: &str, allowed: &[String]) -> MethodAllowance {
    if super::safelist::is_cors_safelisted_method(method) {
        MethodAllowance::Safelisted
    } else if allowed.iter().any(|m| m == method) {
        MethodAllowance::Listed
    } else {
        MethodAllowance::Wildcard
    }
}

fn cookies_sent(
    mode: Credentials,
    tainting: Tainting,
    include: bool,
    has_cookie: bool,
    on_page_host: bool,
    host: &str,
) -> CookiesSent {
    if !include {
        return match mode {
            Credentials::Omit => CookiesSent::Omitted,
            Credentials::SameOrigin | Credentials::Include => CookiesSent::CrossOrigin {
                no_cors: tainting != Tainting::Cors,
            },
        };
    }
    if !on_page_host {
        return CookiesSent::OtherHost {
            host: host.to_owned(),
        };
    }
    if has_cookie {
        CookiesSent::Sent
    } else {
        CookiesSent::NoCookieYet
    }
}

/// Does this engine read an `Access-Control-Max-Age` value as a number
/// (`preflight::max_age_seconds`)? Firefox takes digits only (a leading `-`
/// also stops it, which the lab words as a negative value), of any length;
/// Chromium and WebKit a signed 64-bit integer.
fn reads_as_number(engine: Engine, value: &str) -> bool {
    let value = value.trim();
    match engine {
        Engine::Gecko => {
            let digits = value.strip_prefix('-').unwrap_or(value);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        Engine::Chromium | Engine::WebKit => value.parse::<i64>().is_ok(),
    }
}
