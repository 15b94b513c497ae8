//! The browsers' console wording as data, written once and used both ways:
//! the engine fills the holes to print the message a browser would print
//! (`console`), and the error explainer (`crate::explain`) reads a pasted
//! message back against the very same text. A [`Wording`] is a message with
//! `{}` holes.
//!
//! Chrome's texts are Blink's `cors_error_string.cc` and `FetchManager`;
//! Firefox's are Gecko's `security.properties` (`CORS…` keys), with its
//! typographic quotes (‘ ’). Reading folds quote and space look-alikes, so a
//! message retyped with straight quotes still reads.
//!
//! Chrome and Safari print English whatever their UI language; Firefox
//! translates its console messages. The explainer reads Firefox's block
//! lines in each language of [`FIREFOX_LANGUAGES`] alike: English
//! ([`firefox::ENGLISH`], which the engine also prints) and Traditional
//! Chinese ([`firefox_zh_tw`]), each a [`FirefoxLanguage`] of the same shape.

use std::ops::Range;

/// A console text with `{}` holes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wording(pub &'static str);

impl Wording {
    /// The text with each hole filled, in order (missing values leave it empty).
    pub fn fill(self, values: &[&str]) -> String {
        let mut out = String::with_capacity(self.0.len());
        for (i, piece) in self.0.split("{}").enumerate() {
            if i > 0 {
                out.push_str(values.get(i - 1).copied().unwrap_or_default());
            }
            out.push_str(piece);
        }
        out
    }

    /// The wording without its holes' values: the text up to its first hole.
    pub fn head(self) -> &'static str {
        self.0.split("{}").next().unwrap_or_default()
    }

    /// Read `text` from its start against this wording: the holes' values
    /// (each the shortest text before the next fixed piece; a final hole takes
    /// the rest) and how many bytes of `text` the wording covered.
    pub fn read_prefix(self, text: &str) -> Option<(Vec<String>, usize)> {
        self.read(text)
            .ok()
            .map(|(spans, len)| (texts(text, &spans), len))
    }

    /// [`Wording::read_prefix`] with each hole as its byte range in `text`,
    /// telling a mismatch at the start (`Ok(false)` in the error) from a fixed
    /// piece missing from the rest of the text (`Err(true)`), after which no
    /// later start can read either.
    fn read(self, text: &str) -> Result<(Vec<Range<usize>>, usize), bool> {
        let mut pieces = self.0.split("{}");
        let first = pieces.next().unwrap_or_default();
        let mut at = strip_prefix_folded(text, first).ok_or(false)?;
        let mut holes = Vec::new();
        for piece in pieces {
            if piece.is_empty() {
                // A final hole: the rest of the text.
                holes.push(at..text.len());
                at = text.len();
                continue;
            }
            let (start, end) = find_folded(&text[at..], piece).ok_or(true)?;
            holes.push(at..at + start);
            at += end;
        }
        Ok((holes, at))
    }

    /// The first place in `text` where this wording reads, as (start byte,
    /// holes, end byte).
    pub fn find_in(self, text: &str) -> Option<(usize, Vec<String>, usize)> {
        self.find_spans_in(text)
            .map(|(start, spans, end)| (start, texts(text, &spans), end))
    }

    /// [`Wording::find_in`] with each hole as its byte range in `text`.
    pub fn find_spans_in(self, text: &str) -> Option<(usize, Vec<Range<usize>>, usize)> {
        let head = self.head();
        let mut from = 0;
        // A bounded number of tries keeps adversarial text linear.
        for _ in 0..64 {
            if from > text.len() {
                break;
            }
            let (start, _) = find_folded(&text[from..], head)?;
            let start = from + start;
            match self.read(&text[start..]) {
                Ok((holes, len)) => {
                    let holes = holes
                        .into_iter()
                        .map(|h| start + h.start..start + h.end)
                        .collect();
                    return Some((start, holes, start + len));
                }
                Err(true) => return None,
                Err(false) => {}
            }
            // Try again one character further on.
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// The text of each byte range.
fn texts(text: &str, spans: &[Range<usize>]) -> Vec<String> {
    spans.iter().map(|r| text[r.clone()].to_owned()).collect()
}

/// Characters that look alike in a pasted message, folded to one: curly and
/// prime quotes to `'` and `"`, no-break spaces and tabs to a space. Printable
/// ASCII stays as it is (Chrome prints values in it, `\uXXXX` for the rest).
pub fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\u{A0}' | '\u{2007}' | '\u{202F}' | '\t' => ' ',
        c => c,
    }
}

/// `text` without a leading `prefix` (compared folded): the byte offset
/// where the rest starts.
pub fn strip_prefix_folded(text: &str, prefix: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        if fold(c) != fold(p) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

/// The first occurrence of `needle` in `text` (compared folded), as byte range.
pub fn find_folded(text: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return Some((0, 0));
    }
    let first = fold(needle.chars().next()?);
    for (i, c) in text.char_indices() {
        if fold(c) == first {
            if let Some(len) = strip_prefix_folded(&text[i..], needle) {
                return Some((i, i + len));
            }
        }
    }
    None
}

/// What the reason of a Firefox block line reports, in whichever language
/// Firefox wrote it. A reason's holes: the status code (`MissingAcao`,
/// `PreflightNotOk`, `DidNotSucceed`; absent in older forms), the
/// `Access-Control-Allow-Origin` value (`AcaoMismatch`), the token
/// (`InvalidAcam`, `InvalidAcah`) or the header name (`HeaderNotAllowed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirefoxReason {
    MissingAcao,
    MultipleAcao,
    AcaoMismatch,
    Wildcard,
    AcacNotTrue,
    PreflightNotOk,
    PreflightRedirect,
    InvalidAcam,
    InvalidAcah,
    MethodNotAllowed,
    HeaderNotAllowed,
    /// "CORS request did not succeed": no usable response.
    DidNotSucceed,
    /// The URL's scheme has no CORS.
    NotHttp,
    /// CORS switched off, or the `Origin` header could not be added.
    BrowserSetting,
}

/// One wording of a [`FirefoxReason`]; `old`: a form only older Firefox
/// versions print; `captured`: a translation seen in our runs, or (false)
/// taken from the language pack's `security.properties` because no scenario
/// of ours makes Firefox print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirefoxReasonText {
    pub reason: FirefoxReason,
    pub text: Wording,
    pub old: bool,
    pub captured: bool,
}

const fn reason(reason: FirefoxReason, text: Wording) -> FirefoxReasonText {
    FirefoxReasonText {
        reason,
        text,
        old: false,
        captured: true,
    }
}

const fn old_reason(reason: FirefoxReason, text: Wording) -> FirefoxReasonText {
    FirefoxReasonText {
        reason,
        text,
        old: true,
        captured: true,
    }
}

/// A translated reason no run of ours printed, copied from the language
/// pack's `security.properties`.
const fn pack_reason(reason: FirefoxReason, text: Wording) -> FirefoxReasonText {
    FirefoxReasonText {
        reason,
        text,
        old: false,
        captured: false,
    }
}

/// How a block line wraps its URL and reason: `<blocked><url><reason><reason's text>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The block line up to the URL.
    pub blocked: &'static str,
    /// Between the URL and the reason's text.
    pub reason: &'static str,
}

/// Firefox's console wording in one UI language, in the shape every language
/// shares: a block line is `<blocked><url><reason><a reason's text>` in one of
/// `envelopes` (a translation may punctuate some keys' envelopes otherwise),
/// where the reason's text is one of `reasons` (tried in order: a newer form
/// before an older one that is its prefix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirefoxLanguage {
    /// The UI language (BCP 47), as Firefox's language packs name it.
    pub tag: &'static str,
    /// The block line's envelopes, the usual one first.
    pub envelopes: &'static [Envelope],
    pub reasons: &'static [FirefoxReasonText],
    /// A `mode: "same-origin"` fetch of another origin (no block envelope):
    /// holes the page's URL, then the URL fetched.
    pub same_origin_mode: Wording,
    /// The warning that `Access-Control-Allow-Headers: *` does not cover
    /// `Authorization`, when known in this language: the line up to the URL,
    /// and what follows the URL.
    pub authorization_warning: Option<(&'static str, &'static str)>,
}

/// Every language whose Firefox console lines the explainer reads.
pub const FIREFOX_LANGUAGES: [FirefoxLanguage; 2] = [firefox::ENGLISH, firefox_zh_tw::LANGUAGE];

/// Chrome (Blink) wording.
pub mod chrome {
    use super::Wording;

    /// `Access to <kind> at '<url>' [(redirected from '<url0>') ]from origin '<origin>' has been blocked by CORS policy: <reason>`
    pub const ACCESS_TO: &str = "Access to ";
    pub const AT: &str = " at '";
    pub const REDIRECTED_FROM: Wording = Wording("(redirected from '{}') ");
    pub const FROM_ORIGIN: &str = "from origin '";
    pub const BLOCKED: &str = "' has been blocked by CORS policy: ";
    /// The DevTools Issues panel's summary form, without URLs.
    pub const ISSUE_SUMMARY: &str = "Access blocked by CORS policy: ";

    /// Before the reason when the preflight's own CORS check, status or redirect failed.
    pub const PREFLIGHT: &str = "Response to preflight request doesn't pass access control check: ";

    pub const NO_ACAO: Wording =
        Wording("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    pub const WILDCARD: Wording = Wording(
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    );
    pub const MULTIPLE_ACAO: Wording = Wording(
        "The 'Access-Control-Allow-Origin' header contains multiple values '{}', but only one is allowed.",
    );
    pub const INVALID_ACAO: Wording =
        Wording("The 'Access-Control-Allow-Origin' header contains the invalid value '{}'.");
    pub const ACAO_MISMATCH: Wording = Wording(
        "The 'Access-Control-Allow-Origin' header has a value '{}' that is not equal to the supplied origin.",
    );
    pub const ACAC_NOT_TRUE: Wording = Wording(
        "The value of the 'Access-Control-Allow-Credentials' header in the response is '{}' which must be 'true' when the request's credentials mode is 'include'.",
    );
    pub const NOT_OK_STATUS: Wording = Wording("It does not have HTTP ok status.");
    pub const PREFLIGHT_REDIRECT: Wording =
        Wording("Redirect is not allowed for a preflight request.");
    pub const INVALID_ACAM: Wording = Wording(
        "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
    );
    pub const INVALID_ACAH: Wording = Wording(
        "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
    );
    pub const METHOD_NOT_ALLOWED: Wording =
        Wording("Method {} is not allowed by Access-Control-Allow-Methods in preflight response.");
    pub const HEADER_NOT_ALLOWED: Wording = Wording(
        "Request header field {} is not allowed by Access-Control-Allow-Headers in preflight response.",
    );
    /// After the ACAO value reasons, for `fetch`.
    pub const VALID_VALUE_HINT: &str = " Have the server send the header with a valid value.";

    // Reasons Chrome prints that the engine does not model (the explainer reads them).

    /// Older builds (to about 2023) after the ACAO value reasons.
    pub const OLD_VALID_VALUE_HINT: &str = " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
    /// Older builds after "No 'Access-Control-Allow-Origin' header…", for `fetch`.
    pub const OLD_NO_CORS_HINT: &str = " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
    /// After the credentials reasons for `XMLHttpRequest`.
    pub const XHR_CREDENTIALS_HINT: &str = " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.";
    pub const DISALLOWED_BY_MODE: Wording =
        Wording("Cross origin requests are not allowed by request mode.");
    pub const INVALID_RESPONSE: Wording = Wording("The response is invalid.");
    pub const DISABLED_SCHEME: Wording =
        Wording("Cross origin requests are only supported for protocol schemes: {}");
    pub const INSECURE_PRIVATE_NETWORK: Wording = Wording(
        "The request client is not a secure context and the resource is in more-private address space `{}`.",
    );
    pub const PRIVATE_NETWORK_PREFLIGHT: Wording = Wording(
        "No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `{}` address space.",
    );
    pub const LOCAL_NETWORK_DENIED: Wording =
        Wording("Permission was denied for this request to access the `{}` address space.");
    pub const INVALID_LOCAL_NETWORK: Wording = Wording(
        "Request had a target IP address space of `{}` yet the resource is in address space `{}`.",
    );
    pub const REDIRECT_CREDENTIALS: Wording = Wording(
        "Redirect location '{}' contains a username and password, which is disallowed for cross-origin requests.",
    );

    // `FetchManager`'s and the loader's own messages (no CORS envelope).

    pub const SAME_ORIGIN_MODE: Wording = Wording(
        "Fetch API cannot load {}. Request mode is \"same-origin\" but the URL's origin is not same as the request origin {}.",
    );
    pub const NO_CORS_REDIRECT_MODE: Wording = Wording(
        "Fetch API cannot load {}. Request mode is \"no-cors\" but the redirect mode is not \"follow\".",
    );
    pub const UNSAFE_REDIRECT: Wording = Wording(
        "Unsafe attempt to load URL {} from frame with URL {}. Domains, protocols and ports must match.",
    );
}

/// Firefox (Gecko) wording: `<BLOCKED> <url>. (Reason: <reason>.`
pub mod firefox {
    use super::{old_reason, reason, Envelope, FirefoxLanguage, FirefoxReason as R, Wording};

    pub const BLOCKED: &str =
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ";
    pub const REASON: &str = ". (Reason: ";

    pub const MISSING_ACAO: Wording =
        Wording("CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {}");
    pub const MULTIPLE_ACAO: Wording =
        Wording("Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)");
    pub const ACAO_MISMATCH: Wording =
        Wording("CORS header ‘Access-Control-Allow-Origin’ does not match ‘{}’)");
    /// This one key quotes the URL: `at ‘<url>’. (Reason: …`.
    pub const WILDCARD: Wording = Wording(
        "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)",
    );
    pub const ACAC_NOT_TRUE: Wording =
        Wording("expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)");
    pub const PREFLIGHT_NOT_OK: Wording =
        Wording("CORS preflight response did not succeed). Status code: {}");
    pub const PREFLIGHT_REDIRECT: Wording = Wording("CORS request external redirect not allowed)");
    pub const INVALID_ACAM: Wording =
        Wording("invalid token ‘{}’ in CORS header ‘Access-Control-Allow-Methods’)");
    pub const INVALID_ACAH: Wording =
        Wording("invalid token ‘{}’ in CORS header ‘Access-Control-Allow-Headers’)");
    pub const METHOD_NOT_ALLOWED: Wording =
        Wording("Did not find method in CORS header ‘Access-Control-Allow-Methods’)");
    pub const HEADER_NOT_ALLOWED: Wording = Wording(
        "header ‘{}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)",
    );

    // Reasons the engine does not model, and older forms (the explainer reads them).

    /// After a failed preflight or a failed cross-origin redirect, Firefox
    /// prints a second block line for the same URL with this reason (the
    /// request never got a response it could use): seen on every such run
    /// of our differential test. Alone it also means the server was not
    /// reached at all; what precedes it tells the two apart.
    /// (`Status code: (null).` then.)
    pub const DID_NOT_SUCCEED: Wording = Wording("CORS request did not succeed). Status code: {}");
    pub const OLD_DID_NOT_SUCCEED: Wording = Wording("CORS request did not succeed)");
    pub const OLD_MISSING_ACAO: Wording =
        Wording("CORS header ‘Access-Control-Allow-Origin’ missing)");
    pub const OLD_PREFLIGHT_NOT_OK: Wording = Wording("CORS preflight channel did not succeed)");
    pub const OLD_HEADER_NOT_ALLOWED: Wording = Wording(
        "missing token ‘{}’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel)",
    );
    pub const DISABLED: Wording = Wording("CORS disabled)");
    pub const ORIGIN_NOT_ADDED: Wording = Wording("CORS header ‘Origin’ cannot be added)");
    pub const NOT_HTTP: Wording = Wording("CORS request not http)");
    pub const OLD_NOT_HTTP: Wording = Wording("CORS request not HTTP)");
    /// A warning, not a block: `Cross-Origin Request Warning: … (Reason: When the …`
    /// (Firefox writes these names between backticks).
    pub const WARNING: &str = "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at ";
    /// What follows the warning's URL.
    pub const WARNING_AFTER_URL: &str = " soon.";
    pub const AUTHORIZATION_WILDCARD: Wording = Wording(
        "When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered.",
    );

    /// A `mode: "same-origin"` fetch of another origin (no CORS envelope):
    /// `Security Error: Content at <page URL> may not load data from <url>.`
    pub const SAME_ORIGIN_MODE: Wording =
        Wording("Security Error: Content at {} may not load data from {}.");

    /// Firefox's English as the explainer reads it.
    pub const ENGLISH: FirefoxLanguage = FirefoxLanguage {
        tag: "en-US",
        envelopes: &[Envelope {
            blocked: BLOCKED,
            reason: REASON,
        }],
        reasons: &[
            reason(R::MissingAcao, MISSING_ACAO),
            old_reason(R::MissingAcao, OLD_MISSING_ACAO),
            reason(R::MultipleAcao, MULTIPLE_ACAO),
            reason(R::AcaoMismatch, ACAO_MISMATCH),
            reason(R::Wildcard, WILDCARD),
            reason(R::AcacNotTrue, ACAC_NOT_TRUE),
            reason(R::PreflightNotOk, PREFLIGHT_NOT_OK),
            old_reason(R::PreflightNotOk, OLD_PREFLIGHT_NOT_OK),
            reason(R::PreflightRedirect, PREFLIGHT_REDIRECT),
            reason(R::InvalidAcam, INVALID_ACAM),
            reason(R::InvalidAcah, INVALID_ACAH),
            reason(R::MethodNotAllowed, METHOD_NOT_ALLOWED),
            reason(R::HeaderNotAllowed, HEADER_NOT_ALLOWED),
            old_reason(R::HeaderNotAllowed, OLD_HEADER_NOT_ALLOWED),
            reason(R::DidNotSucceed, DID_NOT_SUCCEED),
            // Read as the current form (no note of an older wording).
            reason(R::DidNotSucceed, OLD_DID_NOT_SUCCEED),
            reason(R::NotHttp, NOT_HTTP),
            reason(R::NotHttp, OLD_NOT_HTTP),
            reason(R::BrowserSetting, DISABLED),
            reason(R::BrowserSetting, ORIGIN_NOT_ADDED),
        ],
        same_origin_mode: SAME_ORIGIN_MODE,
        authorization_warning: Some((WARNING, WARNING_AFTER_URL)),
    };
}

/// Firefox (Gecko) in Traditional Chinese (`zh-TW`), as Firefox ESR 153.8.0
/// with Debian's `firefox-esr-l10n-zh-tw` language pack printed it in our
/// differential run (`tests/data/engine-captures/firefox-esr-153-zh-TW.json`,
/// every block line of the English capture's runs, in the same runs): `<BLOCKED><url><REASON><reason>。`
/// The translation keeps header names in ASCII, quotes them with `'` and values
/// with 「 」, ends a reason with `）`, and puts `。` after the reason and the
/// status code. The `TypeError` text JavaScript catches stays English.
///
/// Reasons no scenario of ours can make Firefox print (CORS switched off by
/// the `content.cors.disable` pref, the `Origin` header not added, a scheme
/// without CORS, several `Access-Control-Allow-Origin` lines whose names are
/// spelled exactly so — our server writes header names in lower case, and
/// Firefox then compares the joined value —, and the `Authorization`
/// warning, which WebDriver BiDi's `log.entryAdded` does not pass on: Firefox
/// 153's `log.sys.mjs` listens to console errors only) are copied from the
/// same language pack's `chrome/zh-TW/locale/zh-TW/global/security/security.properties`
/// (in `/usr/lib/firefox-esr/browser/extensions/langpack-zh-TW@firefox-esr.mozilla.org.xpi`,
/// 153.8.0esr), key by key, and marked as such ([`FirefoxReasonText::captured`]).
pub mod firefox_zh_tw {
    use super::{pack_reason, reason, Envelope, FirefoxLanguage, FirefoxReason as R, Wording};

    /// `已封鎖跨來源請求: 同源政策不允許讀取 <url> 的遠端資源。（原因: <reason>。`
    pub const BLOCKED: &str = "已封鎖跨來源請求: 同源政策不允許讀取 ";
    pub const REASON: &str = " 的遠端資源。（原因: ";
    /// The two invalid-token keys (`CORSInvalidAllowMethod`,
    /// `CORSInvalidAllowHeader`) spell both colons full-width, without the space.
    pub const BLOCKED_FULL_WIDTH: &str = "已封鎖跨來源請求：同源政策不允許讀取 ";
    pub const REASON_FULL_WIDTH: &str = " 的遠端資源。（原因：";

    pub const MISSING_ACAO: Wording =
        Wording("缺少 CORS 'Access-Control-Allow-Origin' 檔頭）。狀態代碼: {}");
    /// Firefox joins several header lines with `, ` and compares the whole.
    pub const ACAO_MISMATCH: Wording =
        Wording("CORS 'Access-Control-Allow-Origin' 檔頭不符合「{}」）");
    /// Unlike the English key, the URL is not quoted.
    pub const WILDCARD: Wording =
        Wording("CORS 'Access-Control-Allow-Origin' 設定為「*」時不支援使用帳號密碼）");
    pub const ACAC_NOT_TRUE: Wording =
        Wording("CORS 'Access-Control-Allow-Credentials' 檔頭應為 'true'）");
    pub const PREFLIGHT_NOT_OK: Wording = Wording("CORS preflight 回應並未成功）。狀態代碼: {}");
    pub const PREFLIGHT_REDIRECT: Wording = Wording("不允許 CORS 請求被重導到外部）");
    /// In the full-width envelope; the hole is the token, not the whole value.
    pub const INVALID_ACAM: Wording =
        Wording("CORS「Access-Control-Allow-Methods」檔頭中的 token「{}」無效）");
    /// In the full-width envelope.
    pub const INVALID_ACAH: Wording =
        Wording("CORS「Access-Control-Allow-Headers」檔頭中的 token「{}」無效）");
    pub const METHOD_NOT_ALLOWED: Wording =
        Wording("CORS 'Access-Control-Allow-Methods' 檔頭中找不到方法）");
    pub const HEADER_NOT_ALLOWED: Wording = Wording(
        "根據 CORS preflight 回應的 'Access-Control-Allow-Headers' 內容，不允許使用檔頭「{}」）",
    );
    /// After a failed preflight or redirect, as in English (`狀態代碼: (null)。`).
    pub const DID_NOT_SUCCEED: Wording = Wording("CORS 請求未成功）。狀態代碼: {}");
    /// `mode: "same-origin"` and another origin: `安全性錯誤: <page URL> 的內容無法由 <url> 載入資料。`
    pub const SAME_ORIGIN_MODE: Wording = Wording("安全性錯誤: {} 的內容無法由 {} 載入資料。");

    // From the language pack (no run of ours prints them; see above).

    /// `CORSMultipleAllowOriginNotAllowed`.
    pub const MULTIPLE_ACAO: Wording =
        Wording("不允許有多個「Access-Control-Allow-Origin」CORS 標頭）");
    /// `CORSDisabled`: the `content.cors.disable` pref.
    pub const DISABLED: Wording = Wording("已停用 CORS）");
    /// `CORSOriginHeaderNotAdded`.
    pub const ORIGIN_NOT_ADDED: Wording = Wording("無法新增 CORS 'Origin' 檔頭）");
    /// `CORSRequestNotHttp`.
    pub const NOT_HTTP: Wording = Wording("CORS 請求未使用 http 通訊協定）");
    /// `CORSAllowHeaderFromPreflightDeprecation`, a warning:
    /// `跨來源請求警告：同源政策即將不允許讀取位於 <url> 的遠端資源。（原因:<AUTHORIZATION_WILDCARD>。`
    pub const WARNING: &str = "跨來源請求警告：同源政策即將不允許讀取位於 ";
    /// What follows the warning's URL.
    pub const WARNING_AFTER_URL: &str = " 的遠端資源。";
    pub const AUTHORIZATION_WILDCARD: Wording = Wording(
        "「Access-Control-Allow-Headers」為「*」時，還不包含「Authorization」標頭。若要包含「Authorization」標頭，必須在「Access-Control-Allow-Headers」當中明確列出）",
    );

    pub const LANGUAGE: FirefoxLanguage = FirefoxLanguage {
        tag: "zh-TW",
        envelopes: &[
            Envelope {
                blocked: BLOCKED,
                reason: REASON,
            },
            Envelope {
                blocked: BLOCKED_FULL_WIDTH,
                reason: REASON_FULL_WIDTH,
            },
        ],
        reasons: &[
            reason(R::MissingAcao, MISSING_ACAO),
            pack_reason(R::MultipleAcao, MULTIPLE_ACAO),
            reason(R::AcaoMismatch, ACAO_MISMATCH),
            reason(R::Wildcard, WILDCARD),
            reason(R::AcacNotTrue, ACAC_NOT_TRUE),
            reason(R::PreflightNotOk, PREFLIGHT_NOT_OK),
            reason(R::PreflightRedirect, PREFLIGHT_REDIRECT),
            reason(R::InvalidAcam, INVALID_ACAM),
            reason(R::InvalidAcah, INVALID_ACAH),
            reason(R::MethodNotAllowed, METHOD_NOT_ALLOWED),
            reason(R::HeaderNotAllowed, HEADER_NOT_ALLOWED),
            reason(R::DidNotSucceed, DID_NOT_SUCCEED),
            pack_reason(R::NotHttp, NOT_HTTP),
            pack_reason(R::BrowserSetting, DISABLED),
            pack_reason(R::BrowserSetting, ORIGIN_NOT_ADDED),
        ],
        same_origin_mode: SAME_ORIGIN_MODE,
        authorization_warning: Some((WARNING, WARNING_AFTER_URL)),
    };
}

/// Safari (WebKit) wording, as WebKitGTK 2.50 printed it in our differential
/// run (`CORS_LAB_CAPTURE`, 300 runs): a failure prints its reason on one
/// line, then [`safari::CANNOT_LOAD`] with the URL `fetch` was called with.
/// The reasons are WebKit's `CrossOriginAccessControl.cpp` and
/// `CrossOriginPreflightChecker.cpp` texts. WebKit keeps a method's and a
/// header name's case as the script sent it (Chrome and Firefox lower-case
/// header names), and prints no full stop after a status code.
pub mod safari {
    use super::Wording;

    /// The second line of every CORS failure: `Fetch API cannot load <url> due to access control checks.`
    pub const CANNOT_LOAD: Wording =
        Wording("Fetch API cannot load {} due to access control checks.");
    /// A `mode: "same-origin"` fetch of another origin: the line alone, `Fetch API cannot load <url>.`
    pub const CANNOT_LOAD_BARE: Wording = Wording("Fetch API cannot load {}.");

    /// Missing or mismatched `Access-Control-Allow-Origin` (one text for both),
    /// on the actual response or the preflight's: `Origin <page origin> is not allowed … Status code: <status>`.
    pub const ORIGIN_NOT_ALLOWED: Wording =
        Wording("Origin {} is not allowed by Access-Control-Allow-Origin. Status code: {}");
    pub const MULTIPLE_ACAO: Wording =
        Wording("Access-Control-Allow-Origin cannot contain more than one origin.");
    pub const WILDCARD: Wording = Wording(
        "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.",
    );
    pub const ACAC_NOT_TRUE: Wording =
        Wording("Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".");
    /// A preflight answered with a non-2xx status, a redirect included
    /// (WebKit checks the status before the preflight's CORS headers).
    pub const PREFLIGHT_NOT_OK: Wording =
        Wording("Preflight response is not successful. Status code: {}");
    pub const METHOD_NOT_ALLOWED: Wording =
        Wording("Method {} is not allowed by Access-Control-Allow-Methods.");
    pub const HEADER_NOT_ALLOWED: Wording =
        Wording("Request header field {} is not allowed by Access-Control-Allow-Headers.");
    /// A cross-origin redirect whose own response fails the CORS check:
    /// `Cross-origin redirection to <Location> denied by Cross-Origin Resource Sharing policy: <reason>`.
    pub const REDIRECT_DENIED: Wording = Wording(
        "Cross-origin redirection to {} denied by Cross-Origin Resource Sharing policy: {}",
    );
    /// `mode: "no-cors"` with a redirect mode other than `follow`: these two
    /// lines, then [`CANNOT_LOAD`] (Firefox prints nothing).
    pub const NO_CORS_REDIRECT_MODE: Wording =
        Wording("No-Cors mode requires follow redirect mode");
    pub const NOT_ALLOWED_TO_REQUEST: Wording = Wording("Not allowed to request resource");
    /// The preflight's `Access-Control-Allow-Methods` is not a list of tokens
    /// (the whole value in the hole); seen in our run (scenario group
    /// `preflight-invalid-lists`).
    pub const INVALID_ACAM: Wording =
        Wording("Header Access-Control-Allow-Methods has an invalid value: {}");
    pub const INVALID_ACAH: Wording =
        Wording("Header Access-Control-Allow-Headers has an invalid value: {}");
    // Older and rarer forms, read by the explainer only (WebKit's source).
    pub const OLD_ORIGIN_NOT_ALLOWED: Wording =
        Wording("Origin {} is not allowed by Access-Control-Allow-Origin.");
    pub const OLD_PREFLIGHT_NOT_OK: Wording = Wording("Preflight response is not successful");
    /// [`CANNOT_LOAD`] as any loader words it (`XMLHttpRequest cannot load`,
    /// `Cannot load`…), read lower-cased.
    pub const ANY_CANNOT_LOAD: Wording = Wording("cannot load {} due to access control checks.");

    /// `redirect: "error"` meeting a redirect (Chrome prints only its network
    /// line, Firefox nothing).
    pub const REDIRECT_MODE_ERROR: Wording =
        Wording("Not allowed to follow a redirection while loading {}");
}

/// The `TypeError` message JavaScript catches when `fetch` fails with a
/// network error (a CORS failure included), per engine, as our runs saw it.
pub mod js_error {
    pub const CHROME: &str = "Failed to fetch";
    pub const FIREFOX: &str = "NetworkError when attempting to fetch resource.";
    pub const SAFARI: &str = "Load failed";
}
