//! The explainer's facts (`cors_core::explain::Point` and friends) in the
//! learner's language, from `locales/*/explain.json`. Values from the pasted
//! message (URLs, origins, header values, what the browser printed) are
//! shown as code: they are the browser's data, never translated.

use cors_core::engine::Rule;
use cors_core::explain::{
    Dont, Engine, Example, Kind, Loaded, Named, NetworkCause, OriginPart, Point, Trigger,
    ValueFault, Withheld,
};

use crate::i18n::{t, Arg, Text};

/// A value from the message, as code.
fn code(v: impl Into<String>) -> Arg {
    let v: String = v.into();
    Arg::from(t!(explain.code, v))
}

fn server(named: &Named) -> Arg {
    named
        .as_ref()
        .map_or_else(|| Arg::from(t!(explain.stand_in.server)), code)
}

fn page(named: &Named) -> Arg {
    named
        .as_ref()
        .map_or_else(|| Arg::from(t!(explain.stand_in.page)), code)
}

fn url(named: &Named) -> Arg {
    named
        .as_ref()
        .map_or_else(|| Arg::from(t!(explain.stand_in.url)), code)
}

fn nothing() -> Arg {
    Arg::from("")
}

fn status_part(status: Option<u16>) -> Arg {
    status.map_or_else(nothing, |status| Arg::from(t!(explain.status_part, status)))
}

fn part(p: OriginPart) -> Arg {
    Arg::from(match p {
        OriginPart::Scheme => t!(explain.part.scheme),
        OriginPart::Host => t!(explain.part.host),
        OriginPart::Port => t!(explain.part.port),
    })
}

/// The verdict badge's word.
pub fn kind(kind: Kind) -> Text {
    match kind {
        Kind::Empty => t!(explain.kind.empty),
        Kind::Cors => t!(explain.kind.cors),
        Kind::CorsRelated => t!(explain.kind.cors_related),
        Kind::JsOnly => t!(explain.kind.js_only),
        Kind::NotCors => t!(explain.kind.not_cors),
        Kind::Unrecognised => t!(explain.kind.unrecognised),
    }
}

/// An example chip's label.
pub fn example(example: Example) -> Text {
    match example {
        Example::ChromeHeaderNotAllowed => t!(explain.example.chrome_header_not_allowed),
        Example::ChromeNoHeader => t!(explain.example.chrome_no_header),
        Example::ChromeTrailingSlash => t!(explain.example.chrome_trailing_slash),
        Example::ChromeStarWithCookies => t!(explain.example.chrome_star_with_cookies),
        Example::FirefoxMissing404 => t!(explain.example.firefox_missing404),
        Example::SafariPreflight401 => t!(explain.example.safari_preflight401),
        Example::JsFailedToFetch => t!(explain.example.js_failed_to_fetch),
        Example::NotCorsCsp => t!(explain.example.not_cors_csp),
    }
}

/// A rule's short name.
pub fn rule(rule: Rule) -> Text {
    match rule {
        Rule::RequestConstructor => t!(explain.rule.request_constructor),
        Rule::MethodNormalize => t!(explain.rule.method_normalize),
        Rule::ForbiddenRequestHeader => t!(explain.rule.forbidden_request_header),
        Rule::NoCorsSafelistedHeader => t!(explain.rule.no_cors_safelisted_header),
        Rule::SameOrigin => t!(explain.rule.same_origin),
        Rule::RequestMode => t!(explain.rule.request_mode),
        Rule::CorsPreflightNeeded => t!(explain.rule.cors_preflight_needed),
        Rule::PreflightCache => t!(explain.rule.preflight_cache),
        Rule::CorsPreflightFetch => t!(explain.rule.cors_preflight_fetch),
        Rule::CorsCheck => t!(explain.rule.cors_check),
        Rule::OkStatus => t!(explain.rule.ok_status),
        Rule::PreflightMethods => t!(explain.rule.preflight_methods),
        Rule::PreflightHeaders => t!(explain.rule.preflight_headers),
        Rule::RedirectMode => t!(explain.rule.redirect_mode),
        Rule::HttpRedirectFetch => t!(explain.rule.http_redirect_fetch),
        Rule::Credentials => t!(explain.rule.credentials),
        Rule::SetCookie => t!(explain.rule.set_cookie),
        Rule::ResponseFiltering => t!(explain.rule.response_filtering),
        Rule::ServerSpec => t!(explain.rule.server_spec),
    }
}

/// What not to do.
pub fn dont(dont: Dont) -> Text {
    match dont {
        Dont::NoCors => t!(explain.dont.no_cors),
        Dont::Reflect => t!(explain.dont.reflect),
        Dont::StarWithCredentials => t!(explain.dont.star_with_credentials),
        Dont::Disable => t!(explain.dont.disable),
        Dont::HeadersOnRequest => t!(explain.dont.headers_on_request),
        Dont::AllowNull => t!(explain.dont.allow_null),
        Dont::CorsHeadersForThis => t!(explain.dont.cors_headers_for_this),
    }
}

fn trigger(trigger: &Trigger) -> Arg {
    Arg::from(match trigger {
        Trigger::BeyondAForm => t!(explain.trigger.beyond_a_form),
        Trigger::ThisRequest => t!(explain.trigger.this_request),
        Trigger::Method(m) => t!(explain.trigger.method, method = code(m)),
        Trigger::UnnamedMethod => t!(explain.trigger.unnamed_method),
        Trigger::Header(h) => t!(explain.trigger.header, header = code(h)),
    })
}

fn withheld(w: Withheld) -> Arg {
    Arg::from(match w {
        Withheld::XhrErrorEvent => t!(explain.withheld.xhr_error_event),
        Withheld::FontFallback => t!(explain.withheld.font_fallback),
        Withheld::ElementEmpty => t!(explain.withheld.element_empty),
        Withheld::ScriptNotRun => t!(explain.withheld.script_not_run),
        Withheld::TypeError => t!(explain.withheld.type_error),
    })
}

fn cause(c: NetworkCause) -> Arg {
    Arg::from(match c {
        NetworkCause::Refused => t!(explain.cause.refused),
        NetworkCause::NameNotResolved => t!(explain.cause.name_not_resolved),
        NetworkCause::Tls => t!(explain.cause.tls),
        NetworkCause::Closed => t!(explain.cause.closed),
        NetworkCause::TimedOut => t!(explain.cause.timed_out),
        NetworkCause::Offline => t!(explain.cause.offline),
        NetworkCause::FirefoxNoAnswer => t!(explain.cause.firefox_no_answer),
        NetworkCause::NoAnswer => t!(explain.cause.no_answer),
    })
}

fn list_name(methods: bool) -> Arg {
    code(if methods {
        "Access-Control-Allow-Methods"
    } else {
        "Access-Control-Allow-Headers"
    })
}

fn parts_of(parts: &[OriginPart]) -> (Arg, Option<Arg>, Option<Arg>) {
    let mut it = parts.iter().map(|p| part(*p));
    let first = it.next().unwrap_or_else(nothing);
    (first, it.next(), it.next())
}

/// One thing the explainer tells, in words.
pub fn point(p: &Point) -> Text {
    match p {
        Point::PasteToExplain => t!(explain.point.paste_to_explain),
        Point::MentionsCorsUnreadable => t!(explain.point.mentions_cors_unreadable),
        Point::NotACorsMessage => t!(explain.point.not_a_cors_message),
        Point::WhatItLooksLike => t!(explain.point.what_it_looks_like),
        Point::WhereToLook => t!(explain.point.where_to_look),
        Point::PasteWholeLine => t!(explain.point.paste_whole_line),
        Point::PasteCut {
            lines,
            chars,
            per_line,
        } => t!(
            explain.point.paste_cut,
            lines = *lines,
            chars = *chars,
            per_line = *per_line
        ),
        Point::TypeErrorIsTheSameFailure => t!(explain.point.type_error_is_the_same_failure),
        Point::NullOrigin { server: s } => t!(explain.point.null_origin, server = server(s)),
        Point::SameOriginYetChecked { origin, server: s } => t!(
            explain.point.same_origin_yet_checked,
            origin = code(origin),
            server = server(s)
        ),
        Point::DifferentOrigins {
            origin,
            server: s,
            parts,
        } => {
            let (origin, server) = (code(origin), server(s));
            match parts_of(parts) {
                (a, None, _) => t!(explain.point.different_origins1, origin, server, a),
                (a, Some(b), None) => {
                    t!(explain.point.different_origins2, origin, server, a, b)
                }
                (a, Some(b), Some(c)) => {
                    t!(explain.point.different_origins3, origin, server, a, b, c)
                }
            }
        }
        Point::EitherStageFailed { status, server: s } => t!(
            explain.point.either_stage_failed,
            status_part = status_part(*status),
            server = server(s)
        ),
        Point::PreflightRefused { server: s } => {
            t!(explain.point.preflight_refused, server = server(s))
        }
        Point::AnswerWithheld {
            server: s,
            status,
            withheld: w,
        } => t!(
            explain.point.answer_withheld,
            server = server(s),
            status_part = status_part(*status),
            withheld = withheld(*w)
        ),
        Point::FirefoxStageOnNextLine => t!(explain.point.firefox_stage_on_next_line),
        Point::SafariStageInNetworkTab => t!(explain.point.safari_stage_in_network_tab),
        Point::WhyRead { server: s, page: p } => t!(
            explain.point.why_read,
            server = server(s),
            here = p
                .as_ref()
                .map_or_else(nothing, |o| Arg::from(t!(explain.here, page = code(o))))
        ),
        Point::WhyPreflight {
            server: s,
            page: p,
            trigger: tr,
        } => t!(
            explain.point.why_preflight,
            trigger = trigger(tr),
            server = server(s),
            page = page(p)
        ),
        Point::WhyCredentials { server: s } => {
            t!(explain.point.why_credentials, server = server(s))
        }
        Point::NoAcao {
            server: s,
            preflight,
            page: p,
        } => {
            if *preflight {
                t!(
                    explain.point.no_acao_preflight,
                    server = server(s),
                    page = page(p)
                )
            } else {
                t!(explain.point.no_acao, server = server(s), page = page(p))
            }
        }
        Point::SafariAcaoNotAllowed { server: s, page: p } => t!(
            explain.point.safari_acao_not_allowed,
            server = server(s),
            page = page(p)
        ),
        Point::SafariTwoAcaoCases => t!(explain.point.safari_two_acao_cases),
        Point::AnswerThePreflight { url: u, origin } => t!(
            explain.point.answer_the_preflight,
            url = url(u),
            origin = code(origin)
        ),
        Point::RoutersLackOptions => t!(explain.point.routers_lack_options),
        Point::SendAcao { server: s, origin } => t!(
            explain.point.send_acao,
            server = server(s),
            origin = code(origin)
        ),
        Point::ErrorsNeedHeadersToo { status } => {
            t!(explain.point.errors_need_headers_too, status = *status)
        }
        Point::WildcardWithCredentials { server: s } => {
            t!(explain.point.wildcard_with_credentials, server = server(s))
        }
        Point::NameTheOrigin { origin } => {
            t!(explain.point.name_the_origin, origin = code(origin))
        }
        Point::LeaveCookiesOut { xhr } => {
            if *xhr {
                t!(explain.point.leave_cookies_out_xhr)
            } else {
                t!(explain.point.leave_cookies_out_fetch)
            }
        }
        Point::MultipleAcao { server: s, value } => match value {
            Some(v) => t!(
                explain.point.multiple_acao_value,
                server = server(s),
                value = code(v)
            ),
            None => t!(explain.point.multiple_acao, server = server(s)),
        },
        Point::AcaoIsNotAList => t!(explain.point.acao_is_not_a_list),
        Point::SendOneValue { origin } => {
            t!(explain.point.send_one_value, origin = code(origin))
        }
        Point::TwoLayersAddIt => t!(explain.point.two_layers_add_it),
        Point::CommaListMisreading => t!(explain.point.comma_list_misreading),
        Point::InvalidAcao { server: s, value } => t!(
            explain.point.invalid_acao,
            server = server(s),
            value = code(value)
        ),
        Point::AcaoIsASerializedOrigin => t!(explain.point.acao_is_a_serialized_origin),
        Point::FixTheValue {
            value,
            fault,
            origin,
        } => {
            let (value, origin) = (code(value), code(origin));
            match fault {
                ValueFault::Wildcard => t!(explain.point.fix_value_wildcard, value, origin),
                ValueFault::NoScheme => t!(explain.point.fix_value_no_scheme, value, origin),
                ValueFault::Quoted => t!(explain.point.fix_value_quoted, value, origin),
                ValueFault::Other => t!(explain.point.fix_value_other, origin),
            }
        }
        Point::AcaoMismatch {
            server: s,
            value,
            page: p,
        } => t!(
            explain.point.acao_mismatch,
            server = server(s),
            value = code(value),
            page = page(p)
        ),
        Point::ComparisonIsExact => t!(explain.point.comparison_is_exact),
        Point::SendTheOrigin { origin } => {
            t!(explain.point.send_the_origin, origin = code(origin))
        }
        Point::NotThePagesOrigin { value } => {
            t!(explain.point.not_the_pages_origin, value = code(value))
        }
        Point::CannotMatchNull { value } => {
            t!(explain.point.cannot_match_null, value = code(value))
        }
        Point::ServerSentNull { origin } => {
            t!(explain.point.server_sent_null, origin = code(origin))
        }
        Point::TrailingSlash { value, origin } => t!(
            explain.point.trailing_slash,
            value = code(value),
            origin = code(origin)
        ),
        Point::LetterCase { value, origin } => t!(
            explain.point.letter_case,
            value = code(value),
            origin = code(origin)
        ),
        Point::MoreThanTheOrigin { value, origin } => t!(
            explain.point.more_than_the_origin,
            value = code(value),
            origin = code(origin)
        ),
        Point::AnotherOrigin {
            value,
            origin,
            parts,
        } => {
            let (value, origin) = (code(value), code(origin));
            match parts_of(parts) {
                (a, None, _) => t!(explain.point.another_origin1, value, origin, a),
                (a, Some(b), None) => t!(explain.point.another_origin2, value, origin, a, b),
                (a, Some(b), Some(c)) => {
                    t!(explain.point.another_origin3, value, origin, a, b, c)
                }
            }
        }
        Point::NotThisOrigin { value, origin } => t!(
            explain.point.not_this_origin,
            value = code(value),
            origin = code(origin)
        ),
        Point::AcacNotTrue { server: s, value } => match value {
            Some(v) => t!(
                explain.point.acac_value,
                server = server(s),
                value = code(v)
            ),
            None => t!(explain.point.acac_absent, server = server(s)),
        },
        Point::AddAcac {
            wrong,
            preflight,
            origin,
        } => {
            let on_what = Arg::from(if *preflight {
                t!(explain.on_what.preflight)
            } else {
                t!(explain.on_what.answer)
            });
            match wrong {
                Some(v) => t!(
                    explain.point.add_acac_wrong,
                    value = code(v),
                    on_what,
                    origin = code(origin)
                ),
                None => t!(explain.point.add_acac, on_what, origin = code(origin)),
            }
        }
        Point::OrDropCredentials { xhr } => {
            if *xhr {
                t!(explain.point.or_drop_credentials_xhr)
            } else {
                t!(explain.point.or_drop_credentials_fetch)
            }
        }
        Point::PreflightNotOk { url: u, status } => match status {
            Some(status) => t!(
                explain.point.preflight_not_ok,
                url = url(u),
                status = *status
            ),
            None => t!(explain.point.preflight_not_ok_unknown, url = url(u)),
        },
        Point::OnlyTwoHundredsSayYes => t!(explain.point.only_two_hundreds_say_yes),
        Point::PreflightUnauthenticated { server: s, .. } => {
            t!(explain.point.preflight_unauthenticated, server = server(s))
        }
        Point::NoOptionsHandler { server: s, .. } => {
            t!(explain.point.no_options_handler, server = server(s))
        }
        Point::PreflightServerError { server: s, status } => t!(
            explain.point.preflight_server_error,
            server = server(s),
            status = *status
        ),
        Point::AnswerOptionsFirst => t!(explain.point.answer_options_first),
        Point::PreflightRedirected { url: u } => {
            t!(explain.point.preflight_redirected, url = url(u))
        }
        Point::RedirectIsANo => t!(explain.point.redirect_is_a_no),
        Point::CallTheFinalUrl => t!(explain.point.call_the_final_url),
        Point::AndAnswerOptionsThere => t!(explain.point.and_answer_options_there),
        Point::UnreadableList { methods, value } => match value {
            Some(v) => t!(
                explain.point.unreadable_list_value,
                name = list_name(*methods),
                value = code(v)
            ),
            None => t!(explain.point.unreadable_list, name = list_name(*methods)),
        },
        Point::WriteAList { methods } => t!(
            explain.point.write_a_list,
            name = list_name(*methods),
            sample = code(if *methods {
                "GET, POST, PUT, DELETE"
            } else {
                "content-type, authorization, x-api-key"
            })
        ),
        Point::MethodNotAllowed { method } => match method {
            Some(m) => t!(explain.point.method_not_allowed, method = code(m)),
            None => t!(explain.point.method_not_allowed_unnamed),
        },
        Point::AllowTheMethod { method, upper } => t!(
            explain.point.allow_the_method,
            method = method
                .as_ref()
                .map_or_else(|| Arg::from(t!(explain.the_method)), code),
            upper = upper.as_ref().map_or_else(nothing, |(m, u)| Arg::from(t!(
                explain.upper,
                method = code(m),
                upper = code(u)
            )))
        ),
        Point::FirefoxNamesNoMethod => t!(explain.point.firefox_names_no_method),
        Point::HeaderNotAllowed { header } => {
            t!(explain.point.header_not_allowed, header = code(header))
        }
        Point::ResponseHeaderOnRequest { header } => {
            t!(
                explain.point.response_header_on_request,
                header = code(header)
            )
        }
        Point::AllowTheHeader { name } => {
            t!(explain.point.allow_the_header, name = code(name))
        }
        Point::ContentTypeNeedsPermission => t!(explain.point.content_type_needs_permission),
        Point::ListAuthorization => t!(explain.point.list_authorization),
        Point::OrStopSendingIt => t!(explain.point.or_stop_sending_it),
        Point::ChromeLowercasesNow => t!(explain.point.chrome_lowercases_now),
        Point::SameOriginModeCrossOrigin => t!(explain.point.same_origin_mode_cross_origin),
        Point::SameOriginPromise { url: u } => {
            t!(explain.point.same_origin_promise, url = code(u))
        }
        Point::ModeIsTheScripts => t!(explain.point.mode_is_the_scripts),
        Point::DropSameOriginMode => t!(explain.point.drop_same_origin_mode),
        Point::NoCorsMustFollow => t!(explain.point.no_cors_must_follow),
        Point::RefusedBeforeSending { url: u } => {
            t!(explain.point.refused_before_sending, url = code(u))
        }
        Point::NoCorsIsOpaque => t!(explain.point.no_cors_is_opaque),
        Point::FollowOrUseCors => t!(explain.point.follow_or_use_cors),
        Point::SameOriginRedirected { url: u } => {
            t!(explain.point.same_origin_redirected, url = code(u))
        }
        Point::RedirectLeftTheOrigin { url: u } => {
            t!(explain.point.redirect_left_the_origin, url = code(u))
        }
        Point::SameOriginWholeChain => t!(explain.point.same_origin_whole_chain),
        Point::DropModeOrRedirectWithin => t!(explain.point.drop_mode_or_redirect_within),
        Point::RedirectModeError => t!(explain.point.redirect_mode_error),
        Point::RedirectErrorStopped { server: s } => {
            t!(explain.point.redirect_error_stopped, server = server(s))
        }
        Point::RedirectErrorIsTheScripts => t!(explain.point.redirect_error_is_the_scripts),
        Point::FollowOrRequestFinal => t!(explain.point.follow_or_request_final),
        Point::TooManyRedirects => t!(explain.point.too_many_redirects),
        Point::TwentyHops => t!(explain.point.twenty_hops),
        Point::FindTheLoop => t!(explain.point.find_the_loop),
        Point::InvalidRequest => t!(explain.point.invalid_request),
        Point::CheckedWhenMade => t!(explain.point.checked_when_made),
        Point::FixTheRequest => t!(explain.point.fix_the_request),
        Point::FontsAlwaysCors => t!(explain.point.fonts_always_cors),
        Point::CrossoriginAttribute { loaded } => match loaded {
            Loaded::Script => t!(explain.point.crossorigin_attribute_script),
            Loaded::Image => t!(
                explain.point.crossorigin_attribute,
                loaded = t!(explain.loaded.image)
            ),
            Loaded::Video => t!(
                explain.point.crossorigin_attribute,
                loaded = t!(explain.loaded.video)
            ),
            Loaded::Audio => t!(
                explain.point.crossorigin_attribute,
                loaded = t!(explain.loaded.audio)
            ),
        },
        Point::ServeInsteadOfFile => t!(explain.point.serve_instead_of_file),
        Point::WasRedirected { from, url: u } => t!(
            explain.point.was_redirected,
            from = code(from),
            url = url(u)
        ),
        Point::OlderWording => t!(explain.point.older_wording),
        Point::StandInOrigin { stand_in } => {
            t!(explain.point.stand_in_origin, stand_in = code(stand_in))
        }
        Point::ChromeWordsItDifferently { browser, reason } => t!(
            explain.point.chrome_words_it_differently,
            browser = match browser {
                Some(Engine::Gecko) => t!(explain.browser.firefox),
                Some(Engine::WebKit | Engine::Chromium) => t!(explain.browser.safari),
                None => t!(explain.browser.your_message),
            },
            reason = code(reason)
        ),
        Point::OpenTheLabIn { engine } => t!(
            explain.point.open_the_lab_in,
            browser = match engine {
                Engine::Chromium => t!(explain.lab_browser.chromium),
                Engine::Gecko => t!(explain.lab_browser.gecko),
                Engine::WebKit => t!(explain.lab_browser.webkit),
            }
        ),
        Point::LabLoadsWithFetch { resource } => {
            t!(
                explain.point.lab_loads_with_fetch,
                resource = code(resource)
            )
        }
        Point::LabUsesMethod { method, instead_of } => t!(
            explain.point.lab_uses_method,
            method = code(method),
            instead_of = code(instead_of)
        ),
        Point::LabUsesHeader { header, instead_of } => t!(
            explain.point.lab_uses_header,
            header = code(header),
            instead_of = code(instead_of)
        ),
        Point::LabEndsInThisError => t!(explain.point.lab_ends_in_this_error),
        Point::LabShowsOpaque => t!(explain.point.lab_shows_opaque),
        Point::ScriptLearnsOnlyThatItFailed => {
            t!(explain.point.script_learns_only_that_it_failed)
        }
        Point::WhatAFailureLooksLike { error } => {
            t!(explain.point.what_a_failure_looks_like, error = code(error))
        }
        Point::EachBrowserWordsIt {
            chrome,
            firefox,
            safari,
        } => t!(
            explain.point.each_browser_words_it,
            chrome = code(format!("TypeError: {chrome}")),
            firefox = code(format!("TypeError: {firefox}")),
            safari = code(format!("TypeError: {safari}"))
        ),
        Point::ReasonKeptFromScripts => t!(explain.point.reason_kept_from_scripts),
        Point::PasteTheRedLine => t!(explain.point.paste_the_red_line),
        Point::ChromeNetworkLine => t!(explain.point.chrome_network_line),
        Point::ErrFailedSays { status, url: u } => t!(
            explain.point.err_failed_says,
            with_status =
                status.map_or_else(nothing, |status| Arg::from(t!(explain.with_status, status))),
            to_url = u
                .as_ref()
                .map_or_else(nothing, |u| Arg::from(t!(explain.to_url, url = code(u))))
        ),
        Point::StatusMeansAnswered { status } => {
            t!(explain.point.status_means_answered, status = *status)
        }
        Point::PasteTheBlockedLine => t!(explain.point.paste_the_blocked_line),
        Point::NoHttpAnswer {
            server: s,
            cause: c,
        } => t!(
            explain.point.no_http_answer,
            server = server(s),
            cause = cause(*c)
        ),
        Point::NoAnswerToCheck => t!(explain.point.no_answer_to_check),
        Point::TryItAlone { url: u } => t!(explain.point.try_it_alone, url = url(u)),
        Point::CheckSchemeHostPort => t!(explain.point.check_scheme_host_port),
        Point::FirefoxNoUsableResponse { server: s } => {
            t!(explain.point.firefox_no_usable_response, server = server(s))
        }
        Point::FirefoxFollowUpLine => t!(explain.point.firefox_follow_up_line),
        Point::IfItStandsAlone => t!(explain.point.if_it_stands_alone),
        Point::LookOneLineUp => t!(explain.point.look_one_line_up),
        Point::IfThereIsNone { url: u } => t!(explain.point.if_there_is_none, url = url(u)),
        Point::CspBlocked => t!(explain.point.csp_blocked),
        Point::CspIsTheList { server: s } => {
            t!(explain.point.csp_is_the_list, server = server(s))
        }
        Point::AddToConnectSrc { server: s } => t!(
            explain.point.add_to_connect_src,
            server = server(s),
            meta = "<meta>"
        ),
        Point::OrCallSameOrigin => t!(explain.point.or_call_same_origin),
        Point::MixedContent => t!(explain.point.mixed_content),
        Point::HttpsNeedsHttps => t!(explain.point.https_needs_https),
        Point::ServeOverHttps => t!(explain.point.serve_over_https),
        Point::OrbWithheld => t!(explain.point.orb_withheld),
        Point::OrbLooksLikeData => t!(
            explain.point.orb_looks_like_data,
            img = "<img>",
            script = "<script>"
        ),
        Point::FetchInCorsMode => t!(explain.point.fetch_in_cors_mode),
        Point::RightContentType => t!(explain.point.right_content_type),
        Point::CorpForbids => t!(explain.point.corp_forbids),
        Point::CorpNotEvenForDisplay => t!(explain.point.corp_not_even_for_display),
        Point::SendCorpCrossOrigin => t!(explain.point.send_corp_cross_origin),
        Point::ExtensionBlocked => t!(explain.point.extension_blocked),
        Point::BlockedByClientMeans => t!(explain.point.blocked_by_client_means),
        Point::TryWithoutExtensions => t!(explain.point.try_without_extensions),
        Point::FrameAccess => t!(explain.point.frame_access),
        Point::DocumentsKeepApart => t!(explain.point.documents_keep_apart),
        Point::UsePostMessage => t!(explain.point.use_post_message),
        Point::CanvasTainted => t!(explain.point.canvas_tainted),
        Point::PixelsWouldLeak => t!(explain.point.pixels_would_leak),
        Point::LoadWithCrossorigin => t!(explain.point.load_with_crossorigin),
        Point::WhyPageShowsIt => t!(explain.point.why_page_shows_it),
        Point::OpaqueAnswer => t!(explain.point.opaque_answer),
        Point::NoCorsIsNoWayAround => t!(explain.point.no_cors_is_no_way_around),
        Point::RemoveNoCors => t!(explain.point.remove_no_cors),
        Point::HttpError { status } => match status {
            Some(status) => t!(explain.point.http_error, status = *status),
            None => t!(explain.point.http_error_unknown),
        },
        Point::ChromeLogsEveryStatus => t!(explain.point.chrome_logs_every_status),
        Point::LookAtTheServerLog => t!(explain.point.look_at_the_server_log),
        Point::WebSocketFailed => t!(explain.point.web_socket_failed),
        Point::WebSocketsDecideByOrigin => t!(explain.point.web_sockets_decide_by_origin),
        Point::CheckTheSocket => t!(explain.point.check_the_socket),
        Point::NotHttp => t!(explain.point.not_http),
        Point::OnlyHttpUrls => t!(explain.point.only_http_urls),
        Point::FilePagesAreNull => t!(explain.point.file_pages_are_null),
        Point::ServeFromLocalServer => t!(explain.point.serve_from_local_server),
        Point::ThenAllowLocalhost => t!(
            explain.point.then_allow_localhost,
            localhost = "http://localhost:<port>"
        ),
        Point::PrivateNetworkAccess => t!(explain.point.private_network_access),
        Point::AddressSpaces { page: p, space } => t!(
            explain.point.address_spaces,
            page = page(p),
            space = code(space)
        ),
        Point::PnaInsecureContext => t!(explain.point.pna_insecure_context),
        Point::PnaPreflightHeader => t!(explain.point.pna_preflight_header),
        Point::PnaPermissionDenied => t!(explain.point.pna_permission_denied),
        Point::PnaInconsistent => t!(explain.point.pna_inconsistent),
        Point::PnaMentioned => t!(explain.point.pna_mentioned),
        Point::SameHostOrHttps => t!(explain.point.same_host_or_https),
        Point::PnaBefore142 => t!(explain.point.pna_before142),
        Point::LocalhostPortsUnaffected => t!(explain.point.localhost_ports_unaffected),
        Point::RedirectWithPassword => t!(explain.point.redirect_with_password),
        Point::RemoveUserPassword => t!(explain.point.remove_user_password),
        Point::ModeForbidsOtherOrigins => t!(explain.point.mode_forbids_other_origins),
        Point::CheckTheMode => t!(explain.point.check_the_mode),
        Point::InvalidResponse => t!(explain.point.invalid_response),
        Point::LookAtTheAnswer => t!(explain.point.look_at_the_answer),
        Point::CorsTurnedOff => t!(explain.point.cors_turned_off),
        Point::CheckCorsDisable => t!(explain.point.check_cors_disable),
        Point::StarWillNotCoverAuthorization => {
            t!(explain.point.star_will_not_cover_authorization)
        }
        Point::StarNeverCoversAuthorization => {
            t!(explain.point.star_never_covers_authorization)
        }
        Point::ListAuthorizationByName => t!(explain.point.list_authorization_by_name),
        Point::UnknownReason { reason } => {
            t!(explain.point.unknown_reason, reason = code(reason))
        }
        Point::SafariSummaryLine => t!(explain.point.safari_summary_line),
        Point::ReasonNotInText => t!(explain.point.reason_not_in_text),
        Point::AnswerKeptFromPage { server: s, page: p } => match p {
            Some(o) => t!(
                explain.point.answer_kept_from_page_on,
                server = server(s),
                page = code(o)
            ),
            None => t!(explain.point.answer_kept_from_page, server = server(s)),
        },
        Point::PasteTheReasonToo => t!(explain.point.paste_the_reason_too),
    }
}

/// The browsers that print a message in this engine's wording.
pub fn family(engine: Engine) -> Text {
    match engine {
        Engine::Chromium => t!(explain.family.chromium),
        Engine::Gecko => t!(explain.family.gecko),
        Engine::WebKit => t!(explain.family.webkit),
    }
}

/// Which answer failed, as far as the message (and the lines around it) say.
pub fn stage(preflight: Option<bool>, redirect: bool) -> Text {
    match preflight {
        Some(true) => t!(explain.stage.preflight),
        Some(false) if redirect => t!(explain.stage.redirect),
        Some(false) => t!(explain.stage.response),
        None => t!(explain.stage.unknown),
    }
}
