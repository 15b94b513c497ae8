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
    authority, cors_url, Engine, Env, Failure, NoPreflightWhy, Outcome, Prediction, PreflightNeed,
    PreflightReason, Rule, SentRequest, Stage, Step,
};
use crate::scenario::{
    Arrival, Credentials, JsObservation, Mode, Observation, Redirect, RedirectMode, Scenario,
    ServerSpec, Target,
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
    spec: Result<ServerSpec, String>,
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

    fn step(&mut self, rule: Rule, outcome: Outcome, detail: String) {
        self.steps.push(Step::new(rule, outcome, detail));
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
                let detail = constructor_failure_detail(&failure);
                self.step(Rule::RequestConstructor, Outcome::Fail, detail);
                return self.fail(failure, None);
            }
        };
        self.step(
            Rule::RequestConstructor,
            Outcome::Pass,
            format!(
                "`new Request()` accepts the {method} request{}.",
                if headers.is_empty() {
                    " (no request headers)".to_owned()
                } else {
                    format!(
                        " with headers {}",
                        headers
                            .iter()
                            .map(|(n, v)| format!("`{n}: {v}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            ),
        );

        // Main fetch step 12: same origin (and not tainted), or the mode decides.
        let same = hop.same_origin_as_page(self.env);
        let target_origin = hop.origin();
        if same {
            self.step(
                Rule::SameOrigin,
                Outcome::Pass,
                format!(
                    "{target_origin} is the page's own origin: a same-origin request, so CORS does not apply."
                ),
            );
        } else {
            self.step(
                Rule::SameOrigin,
                Outcome::Info,
                format!(
                    "{target_origin} is not the page's origin {}: scheme, host and port must all match, so this is a cross-origin request.",
                    self.page_origin
                ),
            );
            match request.mode {
                Mode::SameOrigin => {
                    self.step(
                        Rule::RequestMode,
                        Outcome::Fail,
                        "mode \"same-origin\" refuses any other origin: fetch rejects without sending anything.".to_owned(),
                    );
                    let url = hop.url.clone();
                    return self.fail(Failure::SameOriginModeCrossOrigin { url }, None);
                }
                Mode::NoCors if request.redirect != RedirectMode::Follow => {
                    self.step(
                        Rule::RequestMode,
                        Outcome::Fail,
                        format!(
                            "mode \"no-cors\" to another origin only works with redirect \"follow\", not \"{}\": fetch rejects without sending anything.",
                            redirect_word(request.redirect)
                        ),
                    );
                    let url = hop.url.clone();
                    return self.fail(
                        Failure::NoCorsRedirectMode {
                            url,
                            redirect: request.redirect,
                        },
                        None,
                    );
                }
                Mode::NoCors => self.step(
                    Rule::RequestMode,
                    Outcome::Info,
                    "mode \"no-cors\": the request goes out without CORS (no preflight, simple requests only) and JavaScript gets an opaque response it cannot read.".to_owned(),
                ),
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
                match why {
                    NoPreflightWhy::NoCorsMode => "No preflight: no-cors requests never get one (their method must be GET, HEAD or POST and unsafe headers were dropped).".to_owned(),
                    _ => "No preflight: the request is same-origin.".to_owned(),
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
            credentials_detail(
                request.credentials,
                tainting,
                include,
                jar.has_lab_cookie,
                on_page_host,
                &state.hop.host,
            ),
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
                    "The response's `Set-Cookie: lab=…; SameSite=Lax` is stored: credentials were included and the response is same-site. This happens before, and regardless of, the CORS check.".to_owned(),
                );
            } else {
                self.step(
                    Rule::SetCookie,
                    Outcome::Info,
                    if include {
                        format!("The response's `Set-Cookie: lab=…; SameSite=Lax` is refused: {} is another site than the page, and a SameSite=Lax cookie cannot be set by a cross-site request.", state.hop.host)
                    } else {
                        "The response's `Set-Cookie` is ignored: this request did not include credentials, so the browser neither sends nor stores cookies for it.".to_owned()
                    },
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
                format!(
                    "No preflight: {} is a CORS-safelisted method and every request header is CORS-safelisted, so this is a \"simple\" request.",
                    state.method
                ),
            );
            return Ok(());
        }
        let why = describe_reasons(&reasons);
        if cache.covers(&state.hop.url, include, &state.method, &unsafe_names) {
            self.record_preflight(PreflightNeed::Cached { reasons });
            self.step(
                Rule::PreflightCache,
                Outcome::Pass,
                format!(
                    "A preflight is needed ({why}), but an earlier preflight for this URL is still cached and allows it: no OPTIONS request is sent."
                ),
            );
            return Ok(());
        }
        self.record_preflight(PreflightNeed::Needed {
            reasons: reasons.clone(),
        });
        self.step(
            Rule::CorsPreflightNeeded,
            Outcome::Info,
            format!("A preflight is needed: {why}."),
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
                    format!(
                        "The preflight passes: status {}, Access-Control-Allow-Origin allows {request_origin}{}, {} and {} allowed.",
                        response.status,
                        if include { " with credentials" } else { "" },
                        describe_method_allowance(&state.method, &result.methods),
                        if unsafe_names.is_empty() {
                            "no unsafe headers to allow".to_owned()
                        } else {
                            format!("headers {} are", unsafe_names.join(", "))
                        }
                    ),
                );
                let max_age = result.max_age;
                cache.store(&state.hop.url, result);
                self.step(
                    Rule::PreflightCache,
                    Outcome::Info,
                    match header_value(&response.headers, "access-control-max-age") {
                        Some(v) if v.trim().parse::<i64>().is_err() => match self.engine {
                            Engine::Gecko => format!("Access-Control-Max-Age `{v}` is not a number: Firefox does not cache the result, so the next request preflights again (Chrome and Safari would use their default, 5 seconds)."),
                            Engine::Chromium | Engine::WebKit => format!("Access-Control-Max-Age `{v}` is not a number: {} uses its default, 5 seconds (Firefox would not cache it at all).", if self.engine == Engine::WebKit { "Safari" } else { "Chrome" }),
                        },
                        _ if max_age <= 0 => "Access-Control-Max-Age is 0 or negative: the result is not cached; the next request preflights again.".to_owned(),
                        None => "No Access-Control-Max-Age: the browser caches the result for 5 seconds (Chrome, Firefox and Safari alike in the lab's runs).".to_owned(),
                        Some(_) if self.engine == Engine::Chromium => format!("The result is cached for {max_age} seconds (Access-Control-Max-Age; Chrome caps it at 7200)."),
                        Some(_) => format!("The result is cached for up to {max_age} seconds (Access-Control-Max-Age; each browser caps it at its own maximum)."),
                    },
                );
                Ok(())
            }
            Err(failure) => {
                let detail = failure_detail(&failure, &unsafe_names);
                let rule = match &failure {
                    Failure::PreflightNotOk { .. } => Rule::OkStatus,
                    Failure::MethodNotAllowed { .. } | Failure::InvalidAcam { .. } => {
                        Rule::PreflightMethods
                    }
                    Failure::HeaderNotAllowed { .. } | Failure::InvalidAcah { .. } => {
                        Rule::PreflightHeaders
                    }
                    Failure::PreflightRedirect { .. } => Rule::CorsPreflightFetch,
                    _ => Rule::CorsCheck,
                };
                self.step(rule, Outcome::Fail, detail);
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
                    format!(
                        "The server answers {} with a Location; redirect \"manual\" hands JavaScript an opaque-redirect response (type \"opaqueredirect\", status 0, no headers, no body) and follows nothing.",
                        response.status
                    ),
                );
                return Ok(Some(opaque(true)));
            }
            RedirectMode::Error | RedirectMode::Follow => {}
        }
        if request.redirect == RedirectMode::Error {
            self.step(
                Rule::RedirectMode,
                Outcome::Fail,
                format!(
                    "The server answers {}, a redirect, and redirect \"error\" turns any redirect into a network error.",
                    response.status
                ),
            );
            return Err(Failure::RedirectModeError {
                status: response.status,
            });
        }
        // Blink checks the new URL before following (`CanRequest`): mode
        // "same-origin" may not leave the page's origin. (With redirect
        // "error" Blink rejects first, silently; checked in Chromium 156.)
        if request.mode == Mode::SameOrigin && !next.same_origin_as_page(env) {
            self.step(
                Rule::RequestMode,
                Outcome::Fail,
                format!(
                    "The server redirects to {}, another origin, and mode \"same-origin\" refuses it: the redirect is not followed.",
                    next.origin()
                ),
            );
            return Err(Failure::SameOriginModeRedirect { url: next.url });
        }
        // Step 6-7: if request's redirect count is 20, return a network error;
        // increase it.
        state.redirects += 1;
        if state.redirects > MAX_REDIRECTS {
            self.step(
                Rule::HttpRedirectFetch,
                Outcome::Fail,
                "More than 20 redirects: network error.".to_owned(),
            );
            return Err(Failure::TooManyRedirects);
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
                    format!(
                        "The redirect leaves {} for {}: the browser removes the Authorization header, so the credentials you put in it never reach the other origin.",
                        state.hop.origin(),
                        next.origin()
                    ),
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
        let mut detail = format!(
            "The server answers {status} with a Location on {}; redirect \"follow\" follows it",
            next.origin()
        );
        if new_method != state.method {
            detail.push_str(&format!(
                ", and status {status} turns the {} into a GET without body (Content-Type and the other request-body headers are removed)",
                state.method
            ));
            state.body = None;
            state.headers.retain(|(name, _)| {
                !matches!(
                    name.to_ascii_lowercase().as_str(),
                    "content-type" | "content-language" | "content-encoding" | "content-location"
                )
            });
            state.method = new_method;
        }
        if state.tainted {
            detail.push_str(
                "; the redirect went from another origin to yet another one, so the request's origin is now tainted: `Origin: null`, and only `Access-Control-Allow-Origin: null`, or `*` for a request without credentials, will do",
            );
        }
        detail.push('.');
        self.step(Rule::HttpRedirectFetch, Outcome::Info, detail);
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
                format!(
                    "Status {} is a redirect status and redirect is \"manual\": JavaScript gets an opaque-redirect response.",
                    response.status
                ),
            );
            return Ok(Some(opaque(true)));
        }
        if tainting == Tainting::Opaque {
            self.step(
                Rule::ResponseFiltering,
                Outcome::Info,
                format!(
                    "The response ({}) arrives, but no-cors makes it opaque: JavaScript sees type \"opaque\", status 0, no headers and an empty body.",
                    response.status
                ),
            );
            return Ok(Some(opaque(false)));
        }
        let headers = visible_header_names(tainting, &response.headers, request.credentials);
        let body = response.body;
        self.step(
            Rule::ResponseFiltering,
            Outcome::Pass,
            match tainting {
                Tainting::Basic => format!(
                    "Same-origin response: JavaScript reads status {}, the body and every header but Set-Cookie ({}).",
                    response.status,
                    headers.join(", ")
                ),
                _ => format!(
                    "JavaScript reads status {}, the body, and only the CORS-safelisted response headers plus those named in Access-Control-Expose-Headers: {}.",
                    response.status,
                    if headers.is_empty() { "none".to_owned() } else { headers.join(", ") }
                ),
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
        let what = match on {
            Stage::Preflight => "the preflight response",
            Stage::Redirect => "the redirect response",
            Stage::Response => "the response",
        };
        match result {
            Ok(()) => {
                self.step(
                    Rule::CorsCheck,
                    Outcome::Pass,
                    format!(
                        "The CORS check on {what} passes: Access-Control-Allow-Origin allows {request_origin}{}.",
                        if self.scenario.request.credentials == Credentials::Include {
                            " and Access-Control-Allow-Credentials is `true`"
                        } else {
                            ""
                        }
                    ),
                );
                Ok(())
            }
            Err(failure) => {
                let detail = failure_detail(&failure, &[]);
                self.step(Rule::CorsCheck, Outcome::Fail, detail);
                Err(failure)
            }
        }
    }

    fn describe_server_refusal(&mut self, response: &ServerAnswer) {
        if let Some(why) = &response.refused {
            self.step(
                Rule::ServerSpec,
                Outcome::Info,
                format!(
                    "The demo server cannot send this spec ({why}) and answers 400 with a JSON error and no CORS headers."
                ),
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

fn redirect_word(mode: RedirectMode) -> &'static str {
    match mode {
        RedirectMode::Follow => "follow",
        RedirectMode::Error => "error",
        RedirectMode::Manual => "manual",
    }
}

fn describe_reasons(reasons: &[PreflightReason]) -> String {
    reasons
        .iter()
        .map(|r| match r {
            PreflightReason::Method { method } => {
                format!("the method {method} is not GET, HEAD or POST")
            }
            PreflightReason::Header { name } => {
                format!("the header `{name}` is not CORS-safelisted")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe_method_allowance(method: &str, allowed: &[String]) -> String {
    if super::safelist::is_cors_safelisted_method(method) {
        format!("{method} needs no permission")
    } else if allowed.iter().any(|m| m == method) {
        format!("Access-Control-Allow-Methods lists {method}")
    } else {
        format!("Access-Control-Allow-Methods `*` covers {method}")
    }
}

fn credentials_detail(
    mode: Credentials,
    tainting: Tainting,
    include: bool,
    has_cookie: bool,
    on_page_host: bool,
    host: &str,
) -> String {
    let mode_word = match mode {
        Credentials::Omit => "omit",
        Credentials::SameOrigin => "same-origin",
        Credentials::Include => "include",
    };
    if !include {
        return match mode {
            Credentials::Omit => "credentials \"omit\": no cookies are sent or stored.".to_owned(),
            _ => format!(
                "credentials \"{mode_word}\" and a {} request: no cookies are sent or stored.",
                if tainting == Tainting::Cors {
                    "cross-origin"
                } else {
                    "no-cors cross-origin"
                }
            ),
        };
    }
    if !on_page_host {
        return format!(
            "credentials \"{mode_word}\" would include cookies, but the lab's cookie belongs to the page's host, not {host}: none is sent."
        );
    }
    if has_cookie {
        format!("credentials \"{mode_word}\": the lab's cookie (SameSite=Lax, same site as the page) is sent.")
    } else {
        format!("credentials \"{mode_word}\" includes cookies, but the browser holds no lab cookie yet.")
    }
}

/// The sentence for a failed check.
fn failure_detail(failure: &Failure, unsafe_names: &[String]) -> String {
    let on_word = |on: &Stage| match on {
        Stage::Preflight => "the preflight response",
        Stage::Redirect => "the redirect response",
        Stage::Response => "the response",
    };
    match failure {
        Failure::PreflightRedirect { status } => format!(
            "The preflight is answered with a redirect ({status}); a preflight may never be redirected."
        ),
        Failure::NoAcao { on, status } => format!(
            "{} ({status}) has no Access-Control-Allow-Origin header, so the browser may not let the page use it.",
            capitalize(on_word(on))
        ),
        Failure::MultipleAcao { on, value, lines } => format!(
            "Access-Control-Allow-Origin on {} is `{value}`{}: it must hold exactly one origin.",
            on_word(on),
            if *lines > 1 { format!(" ({lines} header lines, joined)") } else { String::new() }
        ),
        Failure::InvalidAcao { on, value } => format!(
            "Access-Control-Allow-Origin on {} is `{value}`, which is not an origin at all.",
            on_word(on)
        ),
        Failure::AcaoMismatch { on, value } => format!(
            "Access-Control-Allow-Origin on {} is `{value}`, which is not, character for character, the request's origin.",
            on_word(on)
        ),
        Failure::WildcardWithCredentials { on } => format!(
            "Access-Control-Allow-Origin on {} is `*`, but credentials mode is \"include\": with credentials the server must name the origin.",
            on_word(on)
        ),
        Failure::AcacNotTrue { on, value } => format!(
            "Credentials mode is \"include\", so {} must carry `Access-Control-Allow-Credentials: true`; it has {}.",
            on_word(on),
            match value {
                Some(v) => format!("`{v}` (the comparison is exact and case-sensitive)"),
                None => "none".to_owned(),
            }
        ),
        Failure::PreflightNotOk { status } => format!(
            "The preflight response's status is {status}; a preflight needs an ok status (200-299)."
        ),
        Failure::InvalidAcam { value, token } => format!(
            "Access-Control-Allow-Methods `{value}` does not parse: `{token}` is not a method token (use commas between methods)."
        ),
        Failure::InvalidAcah { value, token } => format!(
            "Access-Control-Allow-Headers `{value}` does not parse: `{token}` is not a header-name token."
        ),
        Failure::MethodNotAllowed { method } => format!(
            "The preflight does not allow the method {method}: Access-Control-Allow-Methods must list it exactly (case-sensitive), or be `*` without credentials."
        ),
        Failure::HeaderNotAllowed { name } => {
            let others: Vec<&String> = unsafe_names.iter().filter(|n| *n != name).collect();
            format!(
                "The preflight does not allow the request header `{name}`: Access-Control-Allow-Headers must list it{}.",
                if others.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (the request also sends {}; with several headers disallowed, Chrome names one in its internal hash order, Firefox and Safari the first in alphabetical order)",
                        others.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                    )
                }
            )
        }
        Failure::NotByteString { .. }
        | Failure::InvalidMethod { .. }
        | Failure::ForbiddenMethod { .. }
        | Failure::InvalidHeaderName { .. }
        | Failure::InvalidHeaderValue { .. }
        | Failure::NoCorsMethod { .. }
        | Failure::BodyWithGetOrHead { .. } => constructor_failure_detail(failure),
        Failure::SameOriginModeCrossOrigin { url } => format!(
            "mode \"same-origin\" refuses {url}, another origin: fetch rejects without sending anything."
        ),
        Failure::NoCorsRedirectMode { redirect, .. } => format!(
            "mode \"no-cors\" to another origin only works with redirect \"follow\", not \"{}\": fetch rejects without sending anything.",
            redirect_word(*redirect)
        ),
        Failure::SameOriginModeRedirect { url } => format!(
            "mode \"same-origin\" and a redirect to another origin ({url}): the browser does not follow it, and fetch rejects."
        ),
        Failure::RedirectModeError { status } => format!(
            "redirect \"error\": the answer is a redirect ({status}), so fetch rejects instead of following it."
        ),
        Failure::TooManyRedirects => {
            "More than 20 redirects in a row: the browser gives up with a network error.".to_owned()
        }
    }
}

fn constructor_failure_detail(failure: &Failure) -> String {
    match failure {
        Failure::NotByteString { member } => format!(
            "The {member} hold a character above U+00FF: HTTP header names, values and methods are byte strings, so fetch throws a TypeError before sending anything."
        ),
        Failure::InvalidMethod { method } => format!(
            "`{method}` is not a valid method (an HTTP token): fetch throws a TypeError before sending anything."
        ),
        Failure::ForbiddenMethod { method } => format!(
            "`{method}` is a forbidden method (CONNECT, TRACE, TRACK): fetch throws a TypeError before sending anything."
        ),
        Failure::InvalidHeaderName { name } => format!(
            "`{name}` is not a valid header name (an HTTP token): fetch throws a TypeError before sending anything."
        ),
        Failure::InvalidHeaderValue { name, .. } => format!(
            "The value of `{name}` holds NUL, CR or LF: fetch throws a TypeError before sending anything."
        ),
        Failure::NoCorsMethod { method } => format!(
            "mode \"no-cors\" allows only GET, HEAD and POST, not {method}: fetch throws a TypeError before sending anything."
        ),
        Failure::BodyWithGetOrHead { method } => format!(
            "A {method} request cannot have a body: fetch throws a TypeError before sending anything."
        ),
        Failure::SameOriginModeCrossOrigin { .. }
        | Failure::NoCorsRedirectMode { .. }
        | Failure::SameOriginModeRedirect { .. }
        | Failure::PreflightRedirect { .. }
        | Failure::NoAcao { .. }
        | Failure::MultipleAcao { .. }
        | Failure::InvalidAcao { .. }
        | Failure::AcaoMismatch { .. }
        | Failure::WildcardWithCredentials { .. }
        | Failure::AcacNotTrue { .. }
        | Failure::PreflightNotOk { .. }
        | Failure::InvalidAcam { .. }
        | Failure::InvalidAcah { .. }
        | Failure::MethodNotAllowed { .. }
        | Failure::HeaderNotAllowed { .. }
        | Failure::RedirectModeError { .. }
        | Failure::TooManyRedirects => failure_detail(failure, &[]),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
