//! Reading pasted console text: which browser wrote each line, what it
//! reports, and the values inside (URL, origin, header, method, status…).
//!
//! Every engine's texts are read against the model's own wording
//! (`engine::wording`), so every line the model predicts for Chrome, Firefox
//! and Safari reads back (tested on every line the three engines printed in
//! our differential run, `tests/data/engine-captures`). Firefox's lines are
//! read in each language it was captured in (`wording::FIREFOX_LANGUAGES`),
//! every language through the same reading.

use crate::engine::wording::{
    chrome, fold, safari, FirefoxLanguage, FirefoxReason, Wording, FIREFOX_LANGUAGES,
};
use crate::engine::{acao_value_failure, Failure, Stage};

use super::{Engine, Values};

/// What one line reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A failure the lab's engine models.
    Cors(Failure),
    /// Safari's "Origin … is not allowed by Access-Control-Allow-Origin":
    /// the header is missing or names another origin (Safari words both alike).
    AcaoRejected,
    /// A CORS block whose reason is not on this line (Safari's "… due to
    /// access control checks.", a CORS envelope around an unknown reason).
    CorsBlocked { reason: Option<String> },
    /// The page is not on http(s) (`file://`), or the URL's scheme has no CORS.
    DisallowedScheme,
    /// Private / Local Network Access: a request towards a more private address space.
    PrivateNetwork { detail: PrivateNetwork },
    /// A cross-origin redirect to a URL with a user name and password.
    RedirectCredentials,
    /// Chrome's "Cross origin requests are not allowed by request mode."
    DisallowedByMode,
    /// Chrome's "The response is invalid."
    InvalidResponse,
    /// CORS switched off, or the `Origin` header could not be added (Firefox).
    BrowserSetting,
    /// Firefox's warning: `Access-Control-Allow-Headers: *` does not cover `Authorization`.
    AuthorizationWildcard,
    /// No HTTP answer at all (connection refused, DNS, TLS…): `code` is
    /// Chrome's `net::ERR_…` name when known.
    Network { code: Option<String> },
    /// Firefox's "CORS request did not succeed" line: no usable response.
    /// Alone, the server was not reached; right after another block line
    /// for the same URL, it is Firefox's follow-up to a failed preflight or
    /// redirect (the line before says why).
    NoResponse,
    /// What JavaScript catches: the generic `TypeError`.
    JsOnly { error: String },
    /// Something near CORS but not CORS.
    Adjacent(Adjacent),
    /// Chrome's `GET <url> net::ERR_FAILED 404 (Not Found)` line printed
    /// beside a CORS message.
    Companion,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PrivateNetwork {
    /// The page is not a secure context.
    InsecureContext,
    /// The preflight lacked `Access-Control-Allow-Private-Network`.
    PreflightHeader,
    /// The user (or the browser) denied the permission.
    PermissionDenied,
    /// The address space changed under the request.
    Inconsistent,
    /// Words about address spaces outside a CORS message.
    Mentioned,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Adjacent {
    Csp,
    MixedContent,
    Orb,
    Corp,
    BlockedByClient,
    Frame,
    Canvas,
    Opaque,
    HttpStatus,
    WebSocket,
}

/// One recognised line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub browser: Option<Engine>,
    pub problem: Problem,
    /// Did the preflight fail (as far as the line says)?
    pub preflight: Option<bool>,
    pub values: Values,
    /// The line, trimmed.
    pub line: String,
    /// Chrome added its `XMLHttpRequest` credentials hint.
    pub xhr_hint: bool,
    /// Wording of older browser versions.
    pub old_wording: bool,
    /// The stage (preflight, redirect or response) is known from the lines
    /// around it, not only from the line itself.
    pub stage_known: bool,
}

impl Found {
    fn new(browser: Option<Engine>, problem: Problem, line: &str) -> Found {
        Found {
            browser,
            problem,
            preflight: None,
            values: Values::default(),
            line: line.trim().to_owned(),
            xhr_hint: false,
            old_wording: false,
            stage_known: false,
        }
    }

    /// Lower is more telling: a CORS failure the engine knows beats one it
    /// does not, which beats neighbours, the bare JS error and companions.
    pub fn rank(&self) -> u8 {
        match &self.problem {
            Problem::Cors(_) | Problem::AcaoRejected => 0,
            Problem::DisallowedScheme
            | Problem::PrivateNetwork { .. }
            | Problem::RedirectCredentials
            | Problem::DisallowedByMode
            | Problem::InvalidResponse
            | Problem::BrowserSetting
            | Problem::AuthorizationWildcard => 1,
            Problem::CorsBlocked { reason: Some(_) } => 2,
            Problem::Network { .. } | Problem::NoResponse | Problem::Adjacent(_) => 3,
            Problem::CorsBlocked { reason: None } => 4,
            Problem::JsOnly { .. } => 5,
            Problem::Companion => 6,
        }
    }
}

/// The most characters read in all, and per line: a longer paste is cut
/// (each on a character boundary), which keeps the reading linear.
pub(crate) const MAX_INPUT: usize = 40_000;
pub(crate) const MAX_LINE: usize = 8_000;
/// The most lines read.
pub(crate) const MAX_LINES: usize = 400;

/// Every recognised line of `text` (quotes and spaces folded), in order;
/// when the lines read alone give no CORS message, the whole text with its
/// line breaks joined is tried too (a message wrapped by a terminal).
/// The flag: the text was cut.
pub(crate) fn scan(text: &str) -> (Vec<Found>, bool) {
    let mut budget = MAX_INPUT;
    let mut cut = false;
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if budget == 0 || i == MAX_LINES {
            cut = true;
            break;
        }
        let (line, short) = truncate(line, budget.min(MAX_LINE));
        cut |= short;
        budget = budget.saturating_sub(line.len().max(1));
        let folded: String = line.chars().map(fold).collect();
        found.extend(read_line(&folded));
    }
    let best = found.iter().map(Found::rank).min().unwrap_or(u8::MAX);
    if best > 1 && !cut && text.contains('\n') {
        let joined: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(fold)
            .collect();
        if let Some(whole) = read_line(&joined).filter(|w| w.rank() < best) {
            return (vec![whole], cut);
        }
    }
    (found, cut)
}

/// `text` cut to at most `max` bytes on a character boundary, and whether it was cut.
fn truncate(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// Read one line: CORS messages first, then their neighbours.
pub(crate) fn read_line(line: &str) -> Option<Found> {
    if line.trim().is_empty() {
        return None;
    }
    chrome_envelope(line)
        .or_else(|| chrome_fetch_manager(line))
        .or_else(|| firefox_envelope(line))
        .or_else(|| safari(line))
        .or_else(|| bare_chrome_reason(line))
        .or_else(|| companion(line))
        .or_else(|| adjacent(line))
        .or_else(|| js_only(line))
}

/// `Access to <kind> at '<url>' [(redirected from '<url0>') ]from origin '<origin>' has been blocked by CORS policy: <reason>`
fn chrome_envelope(line: &str) -> Option<Found> {
    let mut from = 0;
    while let Some(i) = line[from..].find(chrome::ACCESS_TO) {
        let start = from + i;
        from = start + chrome::ACCESS_TO.len();
        let after = &line[from..];
        // The resource kind is a word or two: look for " at '" close by.
        let Some(at) = truncate(after, 48).0.find(chrome::AT) else {
            continue;
        };
        let kind = &after[..at];
        if kind.is_empty() || kind.contains(['\'', ':']) {
            continue;
        }
        let rest = &after[at + chrome::AT.len()..];
        // Later starts only see less of the line: without these, none will do.
        let blocked = rest.find(chrome::BLOCKED)?;
        let middle = &rest[..blocked];
        let o = middle.rfind(chrome::FROM_ORIGIN)?;
        let origin = &middle[o + chrome::FROM_ORIGIN.len()..];
        let before = &middle[..o];
        let redirect_head = format!("' {}", chrome::REDIRECTED_FROM.head());
        let (url, redirected_from) = if let Some(r) = before
            .strip_suffix("') ")
            .and_then(|b| b.rfind(&redirect_head).map(|r| (b, r)))
        {
            let (b, r) = r;
            (&b[..r], Some(b[r + redirect_head.len()..].to_owned()))
        } else if let Some(url) = before.strip_suffix("' ") {
            (url, None)
        } else {
            continue;
        };
        let reason = &rest[blocked + chrome::BLOCKED.len()..];
        let mut found = chrome_reason(reason, line);
        found.values.url = Some(url.to_owned());
        found.values.redirected_from = redirected_from;
        found.values.origin = Some(origin.to_owned());
        found.values.resource = Some(kind.to_owned());
        if let Problem::CorsBlocked { reason: None } = found.problem {
            found.problem = Problem::CorsBlocked {
                reason: Some(reason.trim().to_owned()),
            };
        }
        return Some(found);
    }
    None
}

/// A Chrome reason, with or without the preflight prefix, with the hints
/// Chrome appends after it. Always returns: an unknown reason is
/// `CorsBlocked { reason: None }` for the caller to fill in.
fn chrome_reason(reason: &str, line: &str) -> Found {
    let browser = Some(Engine::Chromium);
    let (preflight, reason) = match reason.strip_prefix(chrome::PREFLIGHT) {
        Some(rest) => (true, rest),
        None => (false, reason),
    };
    let on = if preflight {
        Stage::Preflight
    } else {
        Stage::Response
    };
    let Some((problem, values, end)) = chrome_reason_kind(reason, on) else {
        let mut found = Found::new(browser, Problem::CorsBlocked { reason: None }, line);
        found.preflight = preflight.then_some(true);
        return found;
    };
    let mut found = Found::new(browser, problem, line);
    found.values = values;
    let tail = &reason[end..];
    found.xhr_hint = tail.starts_with(chrome::XHR_CREDENTIALS_HINT);
    found.old_wording = tail.starts_with(chrome::OLD_VALID_VALUE_HINT)
        || tail.starts_with(chrome::OLD_NO_CORS_HINT);
    found.preflight = Some(match &found.problem {
        Problem::Cors(Failure::PreflightNotOk { .. } | Failure::PreflightRedirect { .. }) => true,
        Problem::Cors(
            Failure::InvalidAcam { .. }
            | Failure::InvalidAcah { .. }
            | Failure::MethodNotAllowed { .. }
            | Failure::HeaderNotAllowed { .. },
        ) => true,
        Problem::PrivateNetwork {
            detail: PrivateNetwork::PreflightHeader,
        } => true,
        _ => preflight,
    });
    found
}

/// The reason's kind and values, and where its wording ends.
fn chrome_reason_kind(reason: &str, on: Stage) -> Option<(Problem, Values, usize)> {
    let mut values = Values::default();
    let read = |w: Wording| w.read_prefix(reason);
    let cors = |f: Failure| Problem::Cors(f);
    if let Some((_, end)) = read(chrome::NO_ACAO) {
        return Some((cors(Failure::NoAcao { on, status: 200 }), values, end));
    }
    if let Some((_, end)) = read(chrome::WILDCARD) {
        values.acao = Some("*".to_owned());
        values.credentials = Some(true);
        return Some((cors(Failure::WildcardWithCredentials { on }), values, end));
    }
    for w in [
        chrome::MULTIPLE_ACAO,
        chrome::INVALID_ACAO,
        chrome::ACAO_MISMATCH,
    ] {
        if let Some((holes, end)) = read(w) {
            let value = decode_hint(holes.first().map(String::as_str).unwrap_or_default());
            values.acao = Some(value.clone());
            let failure = match w {
                w if w == chrome::MULTIPLE_ACAO => Failure::MultipleAcao {
                    on,
                    value,
                    lines: 1,
                },
                w if w == chrome::INVALID_ACAO => Failure::InvalidAcao { on, value },
                _ => Failure::AcaoMismatch { on, value },
            };
            return Some((cors(failure), values, end));
        }
    }
    if let Some((holes, end)) = read(chrome::ACAC_NOT_TRUE) {
        let value = decode_hint(holes.first().map(String::as_str).unwrap_or_default());
        values.acac = Some(value.clone());
        values.credentials = Some(true);
        let value = (!value.is_empty()).then_some(value);
        return Some((cors(Failure::AcacNotTrue { on, value }), values, end));
    }
    if let Some((_, end)) = read(chrome::NOT_OK_STATUS) {
        return Some((
            cors(Failure::PreflightNotOk {
                status: super::reproduce::DEFAULT_PREFLIGHT_STATUS,
            }),
            values,
            end,
        ));
    }
    if let Some((_, end)) = read(chrome::PREFLIGHT_REDIRECT) {
        return Some((
            cors(Failure::PreflightRedirect {
                status: super::reproduce::DEFAULT_REDIRECT_STATUS,
            }),
            values,
            end,
        ));
    }
    if let Some((_, end)) = read(chrome::INVALID_ACAM) {
        return Some((cors(super::reproduce::invalid_acam(None)), values, end));
    }
    if let Some((_, end)) = read(chrome::INVALID_ACAH) {
        return Some((cors(super::reproduce::invalid_acah(None)), values, end));
    }
    if let Some((holes, end)) = read(chrome::METHOD_NOT_ALLOWED) {
        let method = decode_hint(holes.first().map(String::as_str).unwrap_or_default());
        values.method = Some(method.clone());
        return Some((cors(Failure::MethodNotAllowed { method }), values, end));
    }
    if let Some((holes, end)) = read(chrome::HEADER_NOT_ALLOWED) {
        let name = decode_hint(holes.first().map(String::as_str).unwrap_or_default());
        values.header = Some(name.clone());
        let name = name.to_ascii_lowercase();
        return Some((cors(Failure::HeaderNotAllowed { name }), values, end));
    }
    if let Some((_, end)) = read(chrome::DISALLOWED_BY_MODE) {
        return Some((Problem::DisallowedByMode, values, end));
    }
    if let Some((_, end)) = read(chrome::INVALID_RESPONSE) {
        return Some((Problem::InvalidResponse, values, end));
    }
    if let Some((_, end)) = read(chrome::DISABLED_SCHEME) {
        return Some((Problem::DisallowedScheme, values, end));
    }
    for (w, detail) in [
        (
            chrome::INSECURE_PRIVATE_NETWORK,
            PrivateNetwork::InsecureContext,
        ),
        (
            chrome::PRIVATE_NETWORK_PREFLIGHT,
            PrivateNetwork::PreflightHeader,
        ),
        (
            chrome::LOCAL_NETWORK_DENIED,
            PrivateNetwork::PermissionDenied,
        ),
        (chrome::INVALID_LOCAL_NETWORK, PrivateNetwork::Inconsistent),
    ] {
        if let Some((holes, end)) = read(w) {
            values.address_space = holes.last().cloned();
            return Some((Problem::PrivateNetwork { detail }, values, end));
        }
    }
    if let Some((holes, end)) = read(chrome::REDIRECT_CREDENTIALS) {
        values.url = holes.first().cloned();
        return Some((Problem::RedirectCredentials, values, end));
    }
    None
}

/// `FetchManager`'s and the loader's own messages, without the CORS envelope.
fn chrome_fetch_manager(line: &str) -> Option<Found> {
    let browser = Some(Engine::Chromium);
    if let Some((_, holes, _)) = chrome::SAME_ORIGIN_MODE.find_in(line) {
        let url = holes.first().cloned().unwrap_or_default();
        let mut found = Found::new(
            browser,
            Problem::Cors(Failure::SameOriginModeCrossOrigin { url: url.clone() }),
            line,
        );
        found.values.url = Some(url);
        found.values.origin = holes.get(1).cloned();
        found.preflight = Some(false);
        return Some(found);
    }
    if let Some((_, holes, _)) = chrome::NO_CORS_REDIRECT_MODE.find_in(line) {
        let url = holes.first().cloned().unwrap_or_default();
        let mut found = Found::new(
            browser,
            Problem::Cors(Failure::NoCorsRedirectMode {
                url: url.clone(),
                redirect: crate::scenario::RedirectMode::Error,
            }),
            line,
        );
        found.values.url = Some(url);
        found.preflight = Some(false);
        return Some(found);
    }
    if let Some((_, holes, _)) = chrome::UNSAFE_REDIRECT.find_in(line) {
        let url = holes.first().cloned().unwrap_or_default();
        let mut found = Found::new(
            browser,
            Problem::Cors(Failure::SameOriginModeRedirect { url: url.clone() }),
            line,
        );
        found.values.url = Some(url);
        found.values.origin = holes.get(1).map(|frame| origin_of_url(frame));
        found.preflight = Some(false);
        return Some(found);
    }
    None
}

/// A Firefox line, in any language Firefox's console is read in
/// (`wording::FIREFOX_LANGUAGES`): each language's words, one reading.
fn firefox_envelope(line: &str) -> Option<Found> {
    FIREFOX_LANGUAGES
        .iter()
        .find_map(|language| firefox_line(language, line))
}

/// `<blocked><url><reason><reason's text>` in one language: in English
/// `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at <url>. (Reason: <reason>).`
fn firefox_line(language: &FirefoxLanguage, line: &str) -> Option<Found> {
    let browser = Some(Engine::Gecko);
    if let Some((_, holes, _)) = language.same_origin_mode.find_spans_in(line) {
        // `mode: "same-origin"` and another origin: nothing was sent.
        let word = |i: usize| holes.get(i).map(|h| whole_word(line, h.clone()));
        let url = word(1).unwrap_or_default();
        let mut found = Found::new(
            browser,
            Problem::Cors(Failure::SameOriginModeCrossOrigin { url: url.clone() }),
            line,
        );
        found.values.url = Some(url);
        found.values.origin = word(0).map(|page| origin_of_url(&page));
        return Some(found);
    }
    if let Some((warning, after_url)) = language.authorization_warning {
        if let Some((_, after)) = find_after(line, warning) {
            let mut found = Found::new(browser, Problem::AuthorizationWildcard, line);
            found.values.url = after.split(after_url).next().map(|u| unquote(u).to_owned());
            found.values.header = Some("authorization".to_owned());
            found.preflight = Some(true);
            return Some(found);
        }
    }
    let (envelope, after) = language
        .envelopes
        .iter()
        .find_map(|e| find_after(line, e.blocked).map(|(_, after)| (e, after)))?;
    let (url, reason) = match after.find(envelope.reason) {
        Some(r) => (&after[..r], &after[r + envelope.reason.len()..]),
        // The reason cut off: the URL is the next word.
        None => (
            after
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_end_matches(['.', '。']),
            "",
        ),
    };
    let mut found = firefox_reason(language, reason, line);
    found.values.url = Some(unquote(url).to_owned());
    Some(found)
}

fn firefox_reason(language: &FirefoxLanguage, reason: &str, line: &str) -> Found {
    let browser = Some(Engine::Gecko);
    let read = language.reasons.iter().find_map(|text| {
        text.text
            .read_prefix(reason)
            .map(|(holes, _)| (text, holes.into_iter().next().unwrap_or_default()))
    });
    let Some((text, hole)) = read else {
        let reason = reason
            .trim()
            .trim_end_matches(['.', ')', '。', '）'])
            .trim();
        return Found::new(
            browser,
            Problem::CorsBlocked {
                reason: (!reason.is_empty()).then(|| reason.to_owned()),
            },
            line,
        );
    };
    let cors = |f: Failure| Problem::Cors(f);
    let response = Stage::Response;
    let mut values = Values::default();
    let mut preflight = None;
    let problem = match text.reason {
        FirefoxReason::MissingAcao => {
            // Older forms give no status.
            values.status = status_code(&hole);
            cors(Failure::NoAcao {
                on: response,
                status: values.status.unwrap_or(200),
            })
        }
        FirefoxReason::MultipleAcao => cors(Failure::MultipleAcao {
            on: response,
            value: String::new(),
            lines: 2,
        }),
        FirefoxReason::AcaoMismatch => {
            values.acao = Some(hole.clone());
            cors(acao_value_failure(response, hole, 1))
        }
        FirefoxReason::Wildcard => {
            values.acao = Some("*".to_owned());
            values.credentials = Some(true);
            cors(Failure::WildcardWithCredentials { on: response })
        }
        FirefoxReason::AcacNotTrue => {
            values.credentials = Some(true);
            cors(Failure::AcacNotTrue {
                on: response,
                value: None,
            })
        }
        FirefoxReason::PreflightNotOk => {
            preflight = Some(true);
            values.status = status_code(&hole);
            cors(preflight_status_failure(values.status))
        }
        FirefoxReason::PreflightRedirect => {
            preflight = Some(true);
            cors(Failure::PreflightRedirect {
                status: super::reproduce::DEFAULT_REDIRECT_STATUS,
            })
        }
        FirefoxReason::InvalidAcam => {
            preflight = Some(true);
            cors(super::reproduce::invalid_acam(Some(hole)))
        }
        FirefoxReason::InvalidAcah => {
            preflight = Some(true);
            cors(super::reproduce::invalid_acah(Some(hole)))
        }
        FirefoxReason::MethodNotAllowed => {
            preflight = Some(true);
            cors(Failure::MethodNotAllowed {
                method: super::reproduce::DEFAULT_METHOD.to_owned(),
            })
        }
        FirefoxReason::HeaderNotAllowed => {
            preflight = Some(true);
            values.header = Some(hole.clone());
            cors(Failure::HeaderNotAllowed {
                name: hole.to_ascii_lowercase(),
            })
        }
        FirefoxReason::DidNotSucceed => {
            values.status = status_code(&hole);
            Problem::NoResponse
        }
        FirefoxReason::NotHttp => Problem::DisallowedScheme,
        FirefoxReason::BrowserSetting => Problem::BrowserSetting,
    };
    let mut found = Found::new(browser, problem, line);
    found.values = values;
    found.preflight = preflight;
    found.old_wording = text.old;
    found
}

fn safari(line: &str) -> Option<Found> {
    let browser = Some(Engine::WebKit);
    if let Some((_, holes, _)) = safari::REDIRECT_DENIED.find_in(line) {
        let inner = holes.get(1).map(String::as_str).unwrap_or_default();
        let mut found = safari(inner).unwrap_or_else(|| {
            Found::new(
                browser,
                Problem::CorsBlocked {
                    reason: Some(inner.trim().to_owned()),
                },
                line,
            )
        });
        found.line = line.trim().to_owned();
        found.values.url = holes.first().cloned();
        // The redirect response itself failed the check.
        let status = found
            .values
            .status
            .unwrap_or(super::reproduce::DEFAULT_REDIRECT_STATUS);
        match &mut found.problem {
            Problem::AcaoRejected => {
                found.problem = Problem::Cors(Failure::NoAcao {
                    on: Stage::Redirect,
                    status,
                });
            }
            Problem::Cors(failure) => {
                if let Some(on) = failure.checked_on_mut() {
                    *on = Stage::Redirect;
                }
            }
            _ => {}
        }
        found.preflight = Some(false);
        found.stage_known = true;
        return Some(found);
    }
    let read = |w: Wording| w.find_in(line).map(|(_, holes, _)| holes);
    let hole = |holes: &[String]| holes.first().cloned().unwrap_or_default();
    let response = Stage::Response;
    let mut values = Values::default();
    let mut preflight = None;
    let problem = if let Some(h) = read(safari::ORIGIN_NOT_ALLOWED) {
        values.origin = Some(hole(&h));
        values.status = h.get(1).and_then(|s| status_code(s));
        Problem::AcaoRejected
    } else if let Some(h) = read(safari::OLD_ORIGIN_NOT_ALLOWED) {
        values.origin = Some(hole(&h));
        Problem::AcaoRejected
    } else if read(safari::WILDCARD).is_some() {
        values.acao = Some("*".to_owned());
        values.credentials = Some(true);
        Problem::Cors(Failure::WildcardWithCredentials { on: response })
    } else if read(safari::MULTIPLE_ACAO).is_some() {
        Problem::Cors(Failure::MultipleAcao {
            on: response,
            value: String::new(),
            lines: 1,
        })
    } else if read(safari::ACAC_NOT_TRUE).is_some() {
        values.credentials = Some(true);
        Problem::Cors(Failure::AcacNotTrue {
            on: response,
            value: None,
        })
    } else if let Some(h) = read(safari::PREFLIGHT_NOT_OK) {
        preflight = Some(true);
        values.status = status_code(&hole(&h));
        Problem::Cors(preflight_status_failure(values.status))
    } else if read(safari::OLD_PREFLIGHT_NOT_OK).is_some() {
        preflight = Some(true);
        Problem::Cors(Failure::PreflightNotOk {
            status: super::reproduce::DEFAULT_PREFLIGHT_STATUS,
        })
    } else if let Some(h) = read(safari::METHOD_NOT_ALLOWED) {
        preflight = Some(true);
        let method = hole(&h);
        values.method = Some(method.clone());
        Problem::Cors(Failure::MethodNotAllowed { method })
    } else if let Some(h) = read(safari::HEADER_NOT_ALLOWED) {
        preflight = Some(true);
        let name = hole(&h);
        values.header = Some(name.clone());
        Problem::Cors(Failure::HeaderNotAllowed {
            name: name.to_ascii_lowercase(),
        })
    } else if let Some(h) = read(safari::INVALID_ACAM) {
        // Safari gives the whole value, not the bad token.
        preflight = Some(true);
        Problem::Cors(super::reproduce::invalid_acam_value(hole(&h)))
    } else if let Some(h) = read(safari::INVALID_ACAH) {
        preflight = Some(true);
        Problem::Cors(super::reproduce::invalid_acah_value(hole(&h)))
    } else if let Some(h) = read(safari::REDIRECT_MODE_ERROR) {
        values.url = Some(hole(&h));
        Problem::Cors(Failure::RedirectModeError {
            status: super::reproduce::DEFAULT_REDIRECT_STATUS,
        })
    } else if read(safari::NO_CORS_REDIRECT_MODE).is_some() {
        Problem::Cors(Failure::NoCorsRedirectMode {
            url: String::new(),
            redirect: crate::scenario::RedirectMode::Manual,
        })
    } else if let Some((start, holes, _)) =
        safari::ANY_CANNOT_LOAD.find_in(&line.to_ascii_lowercase())
    {
        // Read case-insensitively ("Fetch API cannot load", "XMLHttpRequest
        // cannot load", "Cannot load"), but take the URL as written.
        let url_start = start + "cannot load ".len();
        let url_len = holes.first().map_or(0, String::len);
        values.url = line.get(url_start..url_start + url_len).map(str::to_owned);
        let kind = line[..start].trim();
        values.resource = kind
            .rsplit(' ')
            .next()
            .filter(|k| *k == "XMLHttpRequest" || *k == "API")
            .map(|k| if k == "API" { "fetch" } else { k }.to_owned());
        Problem::CorsBlocked { reason: None }
    } else if line.contains(safari::NOT_ALLOWED_TO_REQUEST.0) {
        Problem::CorsBlocked { reason: None }
    } else if let Some(h) = safari::CANNOT_LOAD_BARE
        .read_prefix(line.trim())
        .map(|(holes, _)| holes)
        .filter(|h| !hole(h).contains(' '))
    {
        // `Fetch API cannot load <url>.` alone: a `mode: "same-origin"`
        // fetch of another origin (nothing was sent).
        let url = hole(&h);
        values.url = Some(url.clone());
        Problem::Cors(Failure::SameOriginModeCrossOrigin { url })
    } else {
        return None;
    };
    let mut found = Found::new(browser, problem, line);
    found.values = values;
    found.preflight = preflight;
    Some(found)
}

/// A preflight answered with a status that is not 2xx: a redirect (30x,
/// which the standard forbids for preflights) or a plain refusal; the
/// status as printed (a default when the message gives none).
fn preflight_status_failure(status: Option<u16>) -> Failure {
    match status {
        Some(s) if (300..=399).contains(&s) => Failure::PreflightRedirect { status: s },
        Some(s) if !(200..=299).contains(&s) => Failure::PreflightNotOk { status: s },
        _ => Failure::PreflightNotOk {
            status: super::reproduce::DEFAULT_PREFLIGHT_STATUS,
        },
    }
}

/// A Chrome reason alone (the part after "has been blocked by CORS policy:"),
/// or the DevTools Issues panel's "Access blocked by CORS policy: …".
fn bare_chrome_reason(line: &str) -> Option<Found> {
    let text = match find_after(line, chrome::ISSUE_SUMMARY) {
        Some((_, after)) => after,
        None => line,
    };
    // The reason may start anywhere on the line: try each place a known
    // wording (or the preflight prefix) starts.
    let heads: Vec<&str> = CHROME_REASON_HEADS
        .iter()
        .map(|w| w.head())
        .chain([chrome::PREFLIGHT])
        .collect();
    let mut best: Option<usize> = None;
    for head in heads {
        if let Some(i) = text.find(head) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    let start = best?;
    let found = chrome_reason(&text[start..], line);
    match found.problem {
        Problem::CorsBlocked { reason: None } => None,
        _ => Some(found),
    }
}

/// Every Chrome reason wording, for finding a bare reason in a line.
const CHROME_REASON_HEADS: &[Wording] = &[
    chrome::NO_ACAO,
    chrome::WILDCARD,
    chrome::MULTIPLE_ACAO,
    chrome::INVALID_ACAO,
    chrome::ACAO_MISMATCH,
    chrome::ACAC_NOT_TRUE,
    chrome::PREFLIGHT_REDIRECT,
    chrome::INVALID_ACAM,
    chrome::INVALID_ACAH,
    chrome::METHOD_NOT_ALLOWED,
    chrome::HEADER_NOT_ALLOWED,
    chrome::DISABLED_SCHEME,
    chrome::INSECURE_PRIVATE_NETWORK,
    chrome::PRIVATE_NETWORK_PREFLIGHT,
    chrome::LOCAL_NETWORK_DENIED,
    chrome::INVALID_LOCAL_NETWORK,
    chrome::REDIRECT_CREDENTIALS,
];

/// `[METHOD] <url> net::ERR_<CODE> [<status> (<text>)]`: Chrome's network
/// line. `net::ERR_FAILED` sits beside a CORS message; other codes are
/// failures of their own.
fn companion(line: &str) -> Option<Found> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| w.starts_with("net::ERR_"))?;
    let code = words[at]
        .trim_start_matches("net::")
        .trim_end_matches(['.', ',']);
    let mut values = Values::default();
    if at >= 1 && words[at - 1].contains("://") {
        values.url = Some(words[at - 1].to_owned());
        if at >= 2 && is_method_word(words[at - 2]) {
            values.method = Some(words[at - 2].to_owned());
        }
    }
    values.status = words.get(at + 1).and_then(|s| status_code(s));
    let problem = match code {
        "ERR_FAILED" => Problem::Companion,
        "ERR_BLOCKED_BY_ORB" => Problem::Adjacent(Adjacent::Orb),
        "ERR_BLOCKED_BY_CLIENT" => Problem::Adjacent(Adjacent::BlockedByClient),
        c if c.starts_with("ERR_BLOCKED_BY_RESPONSE") => Problem::Adjacent(Adjacent::Corp),
        c if c.contains("ADDRESS_SPACE") || c.contains("LOCAL_NETWORK") => {
            Problem::PrivateNetwork {
                detail: PrivateNetwork::Mentioned,
            }
        }
        c => Problem::Network {
            code: Some(c.to_owned()),
        },
    };
    let mut found = Found::new(Some(Engine::Chromium), problem, line);
    found.values = values;
    Some(found)
}

fn is_method_word(w: &str) -> bool {
    !w.is_empty() && w.len() <= 12 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Neighbours of CORS that are not CORS.
fn adjacent(line: &str) -> Option<Found> {
    let lower = line.to_ascii_lowercase();
    let has = |s: &str| lower.contains(s);
    let mut values = Values::default();
    let (browser, kind) = if has("content security policy") || has("content-security-policy") {
        values.url =
            quoted_after(line, "connect to '").or_else(|| quoted_after(line, "Connecting to '"));
        (None, Adjacent::Csp)
    } else if has("mixed content") || has("mixed active content") || has("mixed display content") {
        (None, Adjacent::MixedContent)
    } else if has("address space") || has("private network") || has("local network access") {
        let mut found = Found::new(
            None,
            Problem::PrivateNetwork {
                detail: PrivateNetwork::Mentioned,
            },
            line,
        );
        found.values.url = first_url(line);
        return Some(found);
    } else if has("cross-origin read blocking") || has("(corb)") || has("err_blocked_by_orb") {
        (Some(Engine::Chromium), Adjacent::Orb)
    } else if has("blocked a frame with origin")
        || has("permission denied to access property")
        || has("cross-origin frame")
        || has("cross-origin object")
    {
        (None, Adjacent::Frame)
    } else if has("tainted") {
        (None, Adjacent::Canvas)
    } else if has("unexpected end of json input")
        || has("unexpected end of data")
        || has("opaque")
        || has("no-cors")
    {
        (None, Adjacent::Opaque)
    } else if let Some(rest) = find_after(&lower, "the server responded with a status of ") {
        values.status = status_code(rest.1);
        (Some(Engine::Chromium), Adjacent::HttpStatus)
    } else if has("websocket connection to") {
        values.url = quoted_after(line, "connection to '");
        (None, Adjacent::WebSocket)
    } else if has("has been blocked by cors policy") || (has("cors") && has("blocked")) {
        let mut found = Found::new(None, Problem::CorsBlocked { reason: None }, line);
        found.values.url = first_url(line);
        return Some(found);
    } else {
        return None;
    };
    let mut found = Found::new(browser, Problem::Adjacent(kind), line);
    if values.url.is_none() {
        values.url = first_url(line);
    }
    found.values = values;
    Some(found)
}

/// The errors JavaScript catches: the same generic text for every network
/// failure, CORS or not.
fn js_only(line: &str) -> Option<Found> {
    let lower = line.to_ascii_lowercase();
    let browser = if lower.contains("failed to fetch") {
        Some(Engine::Chromium)
    } else if lower.contains("networkerror when attempting to fetch resource") {
        Some(Engine::Gecko)
    } else if lower.trim_start_matches("typeerror:").trim() == "load failed"
        || lower.contains("typeerror: load failed")
    {
        Some(Engine::WebKit)
    } else if lower.contains("network request failed")
        || lower.contains("network error")
        || lower.contains("err_network")
        || lower.contains("xhr status 0")
    {
        None
    } else {
        return None;
    };
    Some(Found::new(
        browser,
        Problem::JsOnly {
            error: line.trim().to_owned(),
        },
        line,
    ))
}

/// Blink prints non-printable and non-ASCII bytes as `\uXXXX`: read them back
/// (values up to `\u00FF` are bytes of the UTF-8 the engine printed).
pub(crate) fn decode_hint(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\\u") {
        bytes.extend_from_slice(&rest.as_bytes()[..i]);
        let after = &rest[i + 2..];
        match after.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(code)
                if after
                    .get(..4)
                    .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) =>
            {
                match u8::try_from(code) {
                    Ok(b) => bytes.push(b),
                    Err(_) => {
                        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                        let mut buf = [0; 4];
                        bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                }
                rest = &after[4..];
            }
            _ => {
                bytes.extend_from_slice(b"\\u");
                rest = after;
            }
        }
    }
    bytes.extend_from_slice(rest.as_bytes());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The status at the start of `text` ("404", "404.", "(null)" → None).
fn status_code(text: &str) -> Option<u16> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse::<u16>()
        .ok()
        .filter(|s| (100..=599).contains(s))
}

/// The text after the first `needle`, and where it started.
fn find_after<'a>(text: &'a str, needle: &str) -> Option<(usize, &'a str)> {
    let i = text.find(needle)?;
    Some((i, &text[i + needle.len()..]))
}

/// `'…'` after `needle`.
fn quoted_after(text: &str, needle: &str) -> Option<String> {
    let (_, after) = find_after(text, needle)?;
    after.split('\'').next().map(str::to_owned)
}

/// A URL read from a hole: the whole word the hole starts (a hole ends at the
/// first `.` after it when the wording goes on with one, and a URL may hold
/// dots: `…&a.acao=star.`), without a full stop after it.
fn whole_word(line: &str, hole: std::ops::Range<usize>) -> String {
    let rest = &line[hole.start..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = &rest[..end.max(hole.end - hole.start)];
    word.trim_end_matches(['.', '。']).to_owned()
}

/// A URL in single quotes (Firefox quotes one) loses them.
fn unquote(text: &str) -> &str {
    let t = text.trim();
    t.strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .unwrap_or(t)
}

/// The first `http(s)://…` word of a line, without quotes around it.
fn first_url(line: &str) -> Option<String> {
    line.split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '\'' | '"' | '(' | ')' | ',' | '<' | '>')))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_owned)
}

/// The origin of a URL (`scheme://host[:port]`), or the text itself.
pub(crate) fn origin_of_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => url.trim_end_matches('/').to_owned(),
    }
}
