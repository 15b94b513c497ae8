//! The words of the pages the demo server sends a learner (the attacker's
//! page, the API's login page, the intranet's page, "not built yet"), in
//! the learner's language.
//!
//! They live in the app's text layer, `locales/<lang>/server.json`, so
//! build.rs holds every language to English's keys, arguments and inline
//! elements as it does the app's; they are compiled in here, read by the
//! app's own locale-file reader (`src/i18n/flatten.rs`).
//!
//! Which language ([`Lang::of_request`]): `?lang=` (the app's links carry
//! the language the learner reads the app in), else `Accept-Language`,
//! else English — matched by `cors_core::lang`, the app's rule.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, VARY};
use axum::http::{HeaderMap, HeaderValue};
use cors_core::present::LANG_PARAM;

#[path = "../../../src/i18n/flatten.rs"]
mod locale_file;

// Every language of the lab with its `server.json`, English first (the
// fallback): `FILES`, written by build.rs from `locales/`'s directories.
include!(concat!(env!("OUT_DIR"), "/server_locales.rs"));

/// The inline elements a text may use (as build.rs allows them).
const ELEMENTS: [&str; 4] = ["code", "strong", "em", "kbd"];

/// A language of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lang(usize);

impl Lang {
    pub const ENGLISH: Lang = Lang(0);

    /// Every language, English first.
    #[cfg(test)]
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..FILES.len()).map(Lang)
    }

    /// The tag, as `?lang=` and `<html lang>` spell it.
    pub fn tag(self) -> &'static str {
        FILES[self.0].0
    }

    /// The language a tag asks for (the app's rule).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        cors_core::lang::match_tag(tag, &FILES.map(|(tag, _)| tag)).map(Lang)
    }

    /// The language of a request: `?lang=`, else `Accept-Language`, else
    /// English.
    pub fn of_request(query: Option<&str>, headers: &HeaderMap) -> Lang {
        let asked = query.and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(name, _)| name == LANG_PARAM)
                .and_then(|(_, value)| Lang::from_tag(&value))
        });
        asked
            .or_else(|| {
                let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
                cors_core::lang::from_accept_language(header, &FILES.map(|(tag, _)| tag)).map(Lang)
            })
            .unwrap_or(Lang::ENGLISH)
    }

    /// The text of `key` as plain words (what a script shows with
    /// `textContent`): this language's, else English's. Tests fail on a key
    /// this language lacks.
    pub fn text(self, key: &str) -> &'static str {
        let texts = texts();
        if let Some(text) = texts.get(self.0).and_then(|t| t.get(key)) {
            return text;
        }
        #[cfg(test)]
        panic!("locales/{}/server.json has no `{key}`", self.tag());
        #[cfg(not(test))]
        texts
            .first()
            .and_then(|t| t.get(key))
            .map_or("", String::as_str)
    }

    /// The text of `key` as HTML: its words escaped, its inline elements
    /// kept, each `{{ name }}` replaced by the HTML the caller passes (a
    /// value of the request must be escaped with [`escape`] first).
    pub fn html(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = escape(self.text(key));
        for element in ELEMENTS {
            out = out
                .replace(&format!("&lt;{element}&gt;"), &format!("<{element}>"))
                .replace(&format!("&lt;/{element}&gt;"), &format!("</{element}>"));
        }
        fill(&out, args)
    }

    /// Texts for a page's script, as a JavaScript object literal (key →
    /// words) safe inside `<script>`.
    pub fn script_words(self, keys: &[&str]) -> String {
        let map: BTreeMap<&str, &str> = keys.iter().map(|&k| (k, self.text(k))).collect();
        serde_json::to_string(&map)
            .unwrap_or_else(|_| "{}".to_owned())
            .replace('<', "\\u003c")
    }

    /// `Content-Language` and `Vary: Accept-Language` on a page in this
    /// language.
    pub fn mark(self, headers: &mut HeaderMap) {
        headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(self.tag()));
        headers.append(VARY, HeaderValue::from_static("Accept-Language"));
    }
}

/// Each language's texts by key.
fn texts() -> &'static [BTreeMap<String, String>] {
    static TEXTS: OnceLock<Vec<BTreeMap<String, String>>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        FILES
            .iter()
            .map(|(_, json)| {
                let mut flat = BTreeMap::new();
                if let Ok(value) = serde_json::from_str(json) {
                    let _ = locale_file::flatten("", &value, &mut flat);
                }
                flat
            })
            .collect()
    })
}

/// `{{ name }}` → the argument's HTML (an argument not passed stays out).
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            rest = &rest[start..];
            break;
        };
        let name = after[..end].trim();
        if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
            out.push_str(value);
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Text as HTML text or attribute value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page's placeholders (`__NAME__`) replaced.
pub fn fill_page(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |page, (name, value)| {
            page.replace(name, value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_the_lab_is_here() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("locales/")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut ours: Vec<String> = Lang::all().map(|l| l.tag().to_owned()).collect();
        ours.sort();
        assert_eq!(ours, on_disk, "FILES lists every directory of locales/");
        assert_eq!(Lang::ENGLISH.tag(), "en");
    }

    #[test]
    fn every_language_has_english_s_keys() {
        let english = &texts()[0];
        assert!(!english.is_empty(), "en/server.json reads");
        for lang in Lang::all() {
            let theirs: Vec<&String> = texts()[lang.0].keys().collect();
            let want: Vec<&String> = english.keys().collect();
            assert_eq!(theirs, want, "{}/server.json", lang.tag());
        }
    }

    #[test]
    fn the_language_comes_from_the_query_then_the_browser() {
        let mut headers = HeaderMap::new();
        assert_eq!(Lang::of_request(None, &headers), Lang::ENGLISH);
        headers.insert(
            ACCEPT_LANGUAGE,
            HeaderValue::from_static("zh-TW,zh;q=0.9,en;q=0.8"),
        );
        assert_eq!(Lang::of_request(None, &headers).tag(), "zh-TW");
        assert_eq!(
            Lang::of_request(Some("learner=a&lang=en"), &headers),
            Lang::ENGLISH
        );
        assert_eq!(
            Lang::of_request(Some("lang=zh-tw"), &HeaderMap::new()).tag(),
            "zh-TW"
        );
        // A language the lab does not speak: the browser's choice.
        assert_eq!(Lang::of_request(Some("lang=fr"), &headers).tag(), "zh-TW");
    }

    #[test]
    fn texts_become_html_with_their_elements_and_arguments() {
        assert_eq!(
            Lang::ENGLISH.html("intranet.roles.head_of_rd", &[]),
            "Head of R&amp;D"
        );
        assert!(Lang::ENGLISH
            .html("login.cookie", &[])
            .starts_with("This origin just set the cookie <code>lab</code>"));
        assert_eq!(
            fill(
                "at {{ here }}. {{x}}",
                &[("here", "<code id=\"here\"></code>")]
            ),
            "at <code id=\"here\"></code>. "
        );
        assert!(!Lang::ENGLISH
            .script_words(&["attacker.waiting"])
            .contains('<'));
    }
}
