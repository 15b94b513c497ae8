//! The lab's facts in the learner's language: the rules the engine applied
//! and what each found (`cors_core::engine::{Rule, Fact, Failure}`), the
//! named experiments and the engines' families — each an exhaustive `match`
//! onto `locales/<lang>/lab.json`.

use cors_core::browser::Engine;
use cors_core::engine::{
    CacheNote, CookiesSent, Fact, Failure, MethodAllowance, NoPreflightWhy, PreflightReason, Rule,
    SetCookieFate, Stage,
};
use cors_core::lab_link::{credentials_word, redirect_word};

use crate::i18n::{t, Arg, Text};

/// A short name for the rule, as the lab lists it.
pub fn rule_title(rule: Rule) -> Text {
    match rule {
        Rule::RequestConstructor => t!(lab.rule.request_constructor),
        Rule::MethodNormalize => t!(lab.rule.method_normalize),
        Rule::ForbiddenRequestHeader => t!(lab.rule.forbidden_request_header),
        Rule::NoCorsSafelistedHeader => t!(lab.rule.no_cors_safelisted_header),
        Rule::SameOrigin => t!(lab.rule.same_origin),
        Rule::RequestMode => t!(lab.rule.request_mode),
        Rule::CorsPreflightNeeded => t!(lab.rule.cors_preflight_needed),
        Rule::PreflightCache => t!(lab.rule.preflight_cache),
        Rule::CorsPreflightFetch => t!(lab.rule.cors_preflight_fetch),
        Rule::CorsCheck => t!(lab.rule.cors_check),
        Rule::OkStatus => t!(lab.rule.ok_status),
        Rule::PreflightMethods => t!(lab.rule.preflight_methods),
        Rule::PreflightHeaders => t!(lab.rule.preflight_headers),
        Rule::RedirectMode => t!(lab.rule.redirect_mode),
        Rule::HttpRedirectFetch => t!(lab.rule.http_redirect_fetch),
        Rule::Credentials => t!(lab.rule.credentials),
        Rule::SetCookie => t!(lab.rule.set_cookie),
        Rule::ResponseFiltering => t!(lab.rule.response_filtering),
        Rule::ServerSpec => t!(lab.rule.server_spec),
    }
}

/// Who the engine speaks for, for the console's headings.
pub fn family(engine: Engine) -> Text {
    match engine {
        Engine::Chromium => t!(lab.console.chromium),
        Engine::Gecko => t!(lab.console.gecko),
        Engine::WebKit => t!(lab.console.webkit),
    }
}

/// A named experiment's title and one-sentence summary, by its slug
/// (`cors_core::named`); `None` for a slug without words (a test holds
/// every experiment to having them).
pub fn named(slug: &str) -> Option<(Text, Text)> {
    Some(match slug {
        "read-users" => (
            t!(lab.named.read_users.title),
            t!(lab.named.read_users.summary),
        ),
        "delete-post" => (
            t!(lab.named.delete_post.title),
            t!(lab.named.delete_post.summary),
        ),
        "delete-post-json" => (
            t!(lab.named.delete_post_json.title),
            t!(lab.named.delete_post_json.summary),
        ),
        "preflight-fails" => (
            t!(lab.named.preflight_fails.title),
            t!(lab.named.preflight_fails.summary),
        ),
        "preflight-passes" => (
            t!(lab.named.preflight_passes.title),
            t!(lab.named.preflight_passes.summary),
        ),
        "credentials-star" => (
            t!(lab.named.credentials_star.title),
            t!(lab.named.credentials_star.summary),
        ),
        "credentials-echo" => (
            t!(lab.named.credentials_echo.title),
            t!(lab.named.credentials_echo.summary),
        ),
        "no-cors" => (t!(lab.named.no_cors.title), t!(lab.named.no_cors.summary)),
        "exposed-header" => (
            t!(lab.named.exposed_header.title),
            t!(lab.named.exposed_header.summary),
        ),
        "intranet" => (t!(lab.named.intranet.title), t!(lab.named.intranet.summary)),
        _ => return None,
    })
}

/// `value` as code.
pub fn code(value: impl Into<Arg>) -> Text {
    t!(lab.fact.code, value = value.into())
}

/// Items joined by the language's list separator.
fn list(items: Vec<Text>) -> Arg {
    let mut items = items.into_iter().rev();
    let Some(last) = items.next() else {
        return Arg::from(t!(lab.fact.none));
    };
    items.fold(Arg::from(last), |rest, first| {
        Arg::from(t!(lab.fact.list, first, rest))
    })
}

fn codes(values: &[String]) -> Arg {
    list(values.iter().map(|v| code(v.as_str())).collect())
}

fn stage(on: Stage) -> Text {
    match on {
        Stage::Preflight => t!(lab.stage.preflight),
        Stage::Redirect => t!(lab.stage.redirect),
        Stage::Response => t!(lab.stage.response),
    }
}

fn stage_capital(on: Stage) -> Text {
    match on {
        Stage::Preflight => t!(lab.stage.preflight_capital),
        Stage::Redirect => t!(lab.stage.redirect_capital),
        Stage::Response => t!(lab.stage.response_capital),
    }
}

fn reasons(reasons: &[PreflightReason]) -> Arg {
    let mut texts: Vec<Text> = reasons
        .iter()
        .map(|r| match r {
            PreflightReason::Method { method } => {
                t!(lab.fact.reason_method, method = code(method.as_str()))
            }
            PreflightReason::Header { name } => t!(lab.fact.reason_header, name = name.as_str()),
        })
        .collect();
    let Some(last) = texts.pop() else {
        return Arg::from(t!(lab.fact.none));
    };
    texts
        .into_iter()
        .rev()
        .fold(Arg::from(last), |rest, first| {
            Arg::from(t!(lab.fact.reasons, first, rest))
        })
}

/// What a step found.
pub fn fact(fact: &Fact) -> Text {
    match fact {
        Fact::Failed {
            failure,
            unsafe_headers,
        } => failed(failure, unsafe_headers),
        Fact::Constructed { method, headers } => {
            let method = code(method.as_str());
            if headers.is_empty() {
                t!(lab.fact.constructed_bare, method)
            } else {
                let lines = headers
                    .iter()
                    .map(|(n, v)| t!(lab.fact.header_line, name = n.as_str(), value = v.as_str()))
                    .collect();
                t!(lab.fact.constructed, method, headers = list(lines))
            }
        }
        Fact::MethodNormalized { from, to } => {
            t!(
                lab.fact.method_normalized,
                from = code(from.as_str()),
                to = code(to.as_str())
            )
        }
        Fact::MethodKeepsCase { method } => {
            t!(lab.fact.method_keeps_case, method = code(method.as_str()))
        }
        Fact::ForbiddenHeaderDropped { name } => {
            t!(lab.fact.forbidden_header, name = name.as_str())
        }
        Fact::NoCorsHeaderDropped { name, value } => t!(
            lab.fact.no_cors_header,
            name = name.as_str(),
            value = value.as_str()
        ),
        Fact::BodyContentTypeAdded => t!(lab.fact.body_content_type),
        Fact::SameOrigin { origin } => t!(lab.fact.same_origin, origin = code(origin.as_str())),
        Fact::CrossOrigin {
            origin,
            page_origin,
        } => t!(
            lab.fact.cross_origin,
            origin = code(origin.as_str()),
            page_origin = code(page_origin.as_str())
        ),
        Fact::NoCorsMode => t!(lab.fact.no_cors_mode),
        Fact::NoPreflight { why, method } => match why {
            NoPreflightWhy::NoCorsMode => t!(lab.fact.no_preflight_no_cors),
            NoPreflightWhy::SameOrigin => t!(lab.fact.no_preflight_same_origin),
            NoPreflightWhy::SafelistedRequest => {
                t!(lab.fact.no_preflight_simple, method = code(method.as_str()))
            }
            NoPreflightWhy::NotSent => t!(lab.fact.no_preflight_not_sent),
        },
        Fact::PreflightNeeded { reasons: r } => t!(lab.fact.preflight_needed, reasons = reasons(r)),
        Fact::PreflightCached { reasons: r } => t!(lab.fact.preflight_cached, reasons = reasons(r)),
        Fact::PreflightPassed {
            status,
            origin,
            credentials,
            method,
            allowance,
            unsafe_headers,
        } => {
            let status = *status;
            let origin = code(origin.as_str());
            let m = code(method.as_str());
            let method = match allowance {
                MethodAllowance::Safelisted => t!(lab.fact.method_safelisted, method = code(m)),
                MethodAllowance::Listed => t!(lab.fact.method_listed, method = code(m)),
                MethodAllowance::Wildcard => t!(lab.fact.method_wildcard, method = code(m)),
            };
            let headers = if unsafe_headers.is_empty() {
                t!(lab.fact.no_unsafe_headers)
            } else {
                t!(lab.fact.unsafe_headers, names = codes(unsafe_headers))
            };
            if *credentials {
                t!(
                    lab.fact.preflight_passed_credentials,
                    status,
                    origin,
                    method,
                    headers
                )
            } else {
                t!(lab.fact.preflight_passed, status, origin, method, headers)
            }
        }
        Fact::PreflightStored { engine, cache } => match cache {
            CacheNote::NotANumber { value } => match engine {
                Engine::Gecko => t!(lab.fact.max_age_nan_firefox, value = value.as_str()),
                Engine::Chromium | Engine::WebKit => t!(
                    lab.fact.max_age_nan,
                    value = value.as_str(),
                    browser = crate::engines::browser_name(*engine)
                ),
            },
            CacheNote::NotCached => t!(lab.fact.max_age_not_cached),
            CacheNote::Default => t!(lab.fact.max_age_default),
            CacheNote::Cached { seconds } => match engine {
                Engine::Chromium => t!(lab.fact.max_age_chrome, seconds = *seconds),
                Engine::Gecko => t!(lab.fact.max_age_firefox, seconds = *seconds),
                Engine::WebKit => t!(lab.fact.max_age_safari, seconds = *seconds),
            },
        },
        Fact::Credentials { mode, cookies } => {
            let word = credentials_word(*mode);
            match cookies {
                CookiesSent::Omitted => t!(lab.fact.credentials_omit),
                CookiesSent::CrossOrigin { no_cors: false } => {
                    t!(lab.fact.credentials_cross_origin, mode = word)
                }
                CookiesSent::CrossOrigin { no_cors: true } => {
                    t!(lab.fact.credentials_no_cors, mode = word)
                }
                CookiesSent::OtherHost { host } => t!(
                    lab.fact.credentials_other_host,
                    mode = word,
                    host = code(host.as_str())
                ),
                CookiesSent::Sent => t!(lab.fact.credentials_sent, mode = word),
                CookiesSent::NoCookieYet => t!(lab.fact.credentials_no_cookie, mode = word),
            }
        }
        Fact::SetCookie(fate) => match fate {
            SetCookieFate::Stored => t!(lab.fact.set_cookie_stored),
            SetCookieFate::CrossSite { host } => {
                t!(lab.fact.set_cookie_cross_site, host = code(host.as_str()))
            }
            SetCookieFate::NoCredentials => t!(lab.fact.set_cookie_ignored),
        },
        Fact::ServerRefused { why } => {
            t!(
                lab.fact.server_refused,
                why = super::lab_errors::spec_error(why)
            )
        }
        Fact::CorsCheckPassed {
            on,
            origin,
            credentials,
        } => {
            let on = stage(*on);
            let origin = code(origin.as_str());
            if *credentials {
                t!(lab.fact.check_passed_credentials, on, origin)
            } else {
                t!(lab.fact.check_passed, on, origin)
            }
        }
        Fact::ManualRedirect { status } => t!(lab.fact.manual_redirect, status = *status),
        Fact::ManualRedirectStatus { status } => {
            t!(lab.fact.manual_redirect_status, status = *status)
        }
        Fact::AuthorizationDropped { from, to } => t!(
            lab.fact.authorization_dropped,
            from = code(from.as_str()),
            to = code(to.as_str())
        ),
        Fact::RedirectFollowed {
            status,
            to,
            to_get,
            tainted,
        } => {
            let status = *status;
            let to = code(to.as_str());
            let followed = match to_get {
                Some(method) => t!(
                    lab.fact.redirect_to_get,
                    status,
                    to,
                    method = code(method.as_str())
                ),
                None => t!(lab.fact.redirect_followed, status, to),
            };
            if *tainted {
                t!(lab.fact.redirect_tainted, followed)
            } else {
                followed
            }
        }
        Fact::Opaque { status } => t!(lab.fact.opaque, status = *status),
        Fact::ReadableSameOrigin { status, headers } => t!(
            lab.fact.readable_same_origin,
            status = *status,
            headers = codes(headers)
        ),
        Fact::ReadableCors { status, headers } => t!(
            lab.fact.readable_cors,
            status = *status,
            headers = codes(headers)
        ),
    }
}

/// Why a check failed (`unsafe_headers`: every header the preflight had to
/// allow, to name the others when one is refused).
pub fn failed(failure: &Failure, unsafe_headers: &[String]) -> Text {
    match failure {
        Failure::PreflightRedirect { status } => {
            t!(lab.failure.preflight_redirect, status = *status)
        }
        Failure::NoAcao { on, status } => {
            t!(
                lab.failure.no_acao,
                on = stage_capital(*on),
                status = *status
            )
        }
        Failure::MultipleAcao { on, value, lines } => {
            if *lines > 1 {
                t!(
                    lab.failure.multiple_acao_lines,
                    on = stage(*on),
                    value = value.as_str(),
                    lines = *lines
                )
            } else {
                t!(
                    lab.failure.multiple_acao,
                    on = stage(*on),
                    value = value.as_str()
                )
            }
        }
        Failure::InvalidAcao { on, value } => {
            t!(
                lab.failure.invalid_acao,
                on = stage(*on),
                value = value.as_str()
            )
        }
        Failure::AcaoMismatch { on, value } => {
            t!(
                lab.failure.acao_mismatch,
                on = stage(*on),
                value = value.as_str()
            )
        }
        Failure::WildcardWithCredentials { on } => {
            t!(lab.failure.wildcard_with_credentials, on = stage(*on))
        }
        Failure::AcacNotTrue { on, value } => match value {
            Some(v) => t!(
                lab.failure.acac_not_true,
                on = stage(*on),
                value = v.as_str()
            ),
            None => t!(lab.failure.acac_missing, on = stage(*on)),
        },
        Failure::PreflightNotOk { status } => t!(lab.failure.preflight_not_ok, status = *status),
        Failure::InvalidAcam { value, token } => t!(
            lab.failure.invalid_acam,
            value = value.as_str(),
            token = token.as_str()
        ),
        Failure::InvalidAcah { value, token } => t!(
            lab.failure.invalid_acah,
            value = value.as_str(),
            token = token.as_str()
        ),
        Failure::MethodNotAllowed { method } => {
            t!(
                lab.failure.method_not_allowed,
                method = code(method.as_str())
            )
        }
        Failure::HeaderNotAllowed { name } => {
            let others: Vec<String> = unsafe_headers
                .iter()
                .filter(|n| *n != name)
                .cloned()
                .collect();
            if others.is_empty() {
                t!(lab.failure.header_not_allowed, name = name.as_str())
            } else {
                t!(
                    lab.failure.header_not_allowed_others,
                    name = name.as_str(),
                    others = codes(&others)
                )
            }
        }
        Failure::SameOriginModeCrossOrigin { url } => {
            t!(lab.failure.same_origin_mode, url = code(url.as_str()))
        }
        Failure::NoCorsRedirectMode { redirect, .. } => t!(
            lab.failure.no_cors_redirect_mode,
            redirect = code(redirect_word(*redirect))
        ),
        Failure::SameOriginModeRedirect { url } => {
            t!(
                lab.failure.same_origin_mode_redirect,
                url = code(url.as_str())
            )
        }
        Failure::RedirectModeError { status } => {
            t!(lab.failure.redirect_mode_error, status = *status)
        }
        Failure::TooManyRedirects => t!(lab.failure.too_many_redirects),
        Failure::NotByteString { member } => {
            if member == "method" {
                t!(lab.failure.not_byte_string_method)
            } else {
                t!(lab.failure.not_byte_string_headers)
            }
        }
        Failure::InvalidMethod { method } => {
            t!(lab.failure.invalid_method, method = code(method.as_str()))
        }
        Failure::ForbiddenMethod { method } => {
            t!(lab.failure.forbidden_method, method = code(method.as_str()))
        }
        Failure::InvalidHeaderName { name } => {
            t!(lab.failure.invalid_header_name, name = name.as_str())
        }
        Failure::InvalidHeaderValue { name, .. } => {
            t!(lab.failure.invalid_header_value, name = name.as_str())
        }
        Failure::NoCorsMethod { method } => {
            t!(lab.failure.no_cors_method, method = code(method.as_str()))
        }
        Failure::BodyWithGetOrHead { method } => {
            t!(
                lab.failure.body_with_get_or_head,
                method = code(method.as_str())
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_experiment_has_words() {
        for n in cors_core::named::all() {
            assert!(named(n.slug).is_some(), "{} has no words", n.slug);
        }
    }
}
