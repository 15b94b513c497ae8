//! The text layer's runtime: every sentence a learner reads comes from
//! `locales/` (build.rs checks the files and generates [`crate::texts`])
//! through [`t!`](crate::t), e.g. `t!(home.experiment.readable, status = 200)`:
//! a key or argument that does not exist, or a missing argument, does not
//! compile.
//!
//! Only the active locale's texts are downloaded, one file per page
//! (`/i18n-<hash>/<page>/<locale>.json`, the texts in key order): [`load`]
//! fetches a page's file before the page renders, so its texts appear at
//! once and in one language. A file that cannot be fetched is an error the
//! caller shows (with a way to try again), never a panic.
//!
//! Which locale is active ([`initial_locale`]): `?lang=` in the address, else
//! the learner's last choice (localStorage), else the first of the browser's
//! languages the lab speaks, else English. The header's [`LanguageSwitch`]
//! changes it, remembers it and writes it into the address.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

pub use crate::texts::{Locale, Page};

mod flatten;
pub use cors_core::present::LANG_PARAM;

/// Where the learner's choice is remembered.
const STORAGE_KEY: &str = "cors-lab-lang";

/// A text of a page's file, with its arguments: shown as a view (it follows
/// the active locale) or read as a string ([`Text::string`]).
#[derive(Clone)]
pub struct Text {
    page: Page,
    index: usize,
    args: Arc<Vec<(&'static str, Arg)>>,
}

/// An argument of a text: words, or a view (a link, another text).
#[derive(Clone)]
pub enum Arg {
    Words(Arc<str>),
    View(Arc<dyn Fn() -> AnyView + Send + Sync>),
    Text(Text),
}

impl Arg {
    /// A view as an argument (for an element the sentence wraps around).
    pub fn view<V: IntoView + 'static>(f: impl Fn() -> V + Send + Sync + 'static) -> Arg {
        Arg::View(Arc::new(move || f().into_any()))
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Arg {
        Arg::Text(text)
    }
}

macro_rules! words_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg::Words(value.to_string().into())
            }
        }
    )*};
}
words_from!(
    String,
    &str,
    &String,
    u16,
    u32,
    u64,
    usize,
    i32,
    i64,
    char,
    Arc<str>
);

/// A text by its key, with its arguments named:
/// `t!(home.experiment.setup, page_origin = a, api_origin = b)`; a variable
/// of the argument's name may stand alone (`t!(home.x, status)`).
#[macro_export]
macro_rules! t {
    ($($segment:ident).+ $(, $arg:ident $(= $value:expr)?)* $(,)?) => {
        $crate::texts::$($segment)::+::Args {
            $($arg: $crate::i18n::Arg::from($crate::__t_value!($arg $(, $value)?))),*
        }.text()
    };
}
pub use t;

#[doc(hidden)]
#[macro_export]
macro_rules! __t_value {
    ($arg:ident) => {
        $arg
    };
    ($arg:ident, $value:expr) => {
        $value
    };
}

/// The texts fetched so far: (page, locale) → texts in key order.
type Loaded = HashMap<(Page, Locale), Rc<Vec<String>>>;

thread_local! {
    static LOADED: RefCell<Loaded> = RefCell::new(HashMap::new());
    /// The active locale (one per tab: wasm is single-threaded).
    static ACTIVE: RwSignal<Locale> = RwSignal::new(Locale::default());
}

/// The active locale (reactive).
pub fn locale() -> Locale {
    ACTIVE.with(|a| a.get())
}

/// The active locale, without subscribing.
pub fn locale_untracked() -> Locale {
    ACTIVE.with(|a| a.get_untracked())
}

/// Why a file of texts did not arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request failed (network, server down) or was not answered 200.
    Unreachable,
    /// The answer was not the file this build expects.
    Garbled,
}

/// Fetches a page's texts in `locale`, once per visit.
pub async fn load(locale: Locale, page: Page) -> Result<(), LoadError> {
    load_all(locale, vec![page]).await
}

/// Fetches several pages' texts in `locale`, each once per visit. Every
/// request is started before the first answer is awaited, so they travel
/// together (on a slow network one after another would cost a round trip
/// each).
pub async fn load_all(locale: Locale, pages: Vec<Page>) -> Result<(), LoadError> {
    let pending: Vec<_> = pages
        .into_iter()
        .filter(|page| !LOADED.with(|l| l.borrow().contains_key(&(*page, locale))))
        .map(|page| {
            let url = format!(
                "{}/{}/{}.json",
                crate::texts::BASE,
                page.name(),
                locale.tag()
            );
            // The boot script fetched the opened page's files with the wasm,
            // in the language it expected the learner to get; anything else
            // is fetched now.
            (page, crate::prefetch::get(&url))
        })
        .collect();
    for (page, request) in pending {
        let body = request.json().await.map_err(|error| match error {
            crate::prefetch::GetError::NotJson(_) => LoadError::Garbled,
            _ => LoadError::Unreachable,
        })?;
        let texts = texts_of(&body, page.text_count()).ok_or(LoadError::Garbled)?;
        LOADED.with(|l| l.borrow_mut().insert((page, locale), Rc::new(texts)));
    }
    Ok(())
}

/// A file of texts as served: a JSON array of exactly `count` strings.
fn texts_of(body: &wasm_bindgen::JsValue, count: usize) -> Option<Vec<String>> {
    use wasm_bindgen::JsCast;
    let array = body.dyn_ref::<js_sys::Array>()?;
    let texts = array
        .iter()
        .map(|text| text.as_string())
        .collect::<Option<Vec<String>>>()?;
    (texts.len() == count).then_some(texts)
}

/// Tests (native, and wasm tests that mount components without a server):
/// installs a page's texts from the JSON of its locale file — as build.rs
/// orders them — and makes `locale` active.
#[doc(hidden)]
pub fn install_json(locale: Locale, page: Page, json: &str) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return;
    };
    let mut flat = std::collections::BTreeMap::new();
    if flatten::flatten("", &value, &mut flat).is_err() {
        return;
    }
    let texts: Vec<String> = flat.into_values().collect();
    LOADED.with(|l| l.borrow_mut().insert((page, locale), Rc::new(texts)));
    ACTIVE.with(|a| a.set(locale));
}

/// Native tests: the frame's and `pages`' texts in `locale`, read from
/// `locales/`, and `locale` made active.
#[cfg(test)]
pub fn use_from_disk(locale: Locale, pages: &[Page]) {
    for &page in std::iter::once(&Page::Common).chain(pages) {
        let file = format!(
            "{}/locales/{}/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            locale.tag(),
            page.name()
        );
        let text = std::fs::read_to_string(&file).expect("a locale file");
        install_json(locale, page, &text);
    }
}

fn template(page: Page, index: usize, locale: Locale) -> Option<Rc<Vec<String>>> {
    let texts = LOADED.with(|l| l.borrow().get(&(page, locale)).cloned())?;
    (index < texts.len()).then_some(texts)
}

impl Text {
    #[doc(hidden)]
    pub fn new(page: Page, index: usize, args: Vec<(&'static str, Arg)>) -> Text {
        Text {
            page,
            index,
            args: Arc::new(args),
        }
    }

    /// The text in the active locale as plain words (inline elements'
    /// contents kept, their tags dropped; a view argument left out).
    /// Reactive: it follows the active locale.
    pub fn string(&self) -> String {
        self.string_in(locale())
    }

    fn string_in(&self, locale: Locale) -> String {
        let Some(texts) = template(self.page, self.index, locale) else {
            return String::new();
        };
        let mut out = String::new();
        for piece in parse(&texts[self.index]) {
            let words = match piece {
                Piece::Words(w) => after_argument(out.chars().last(), w).to_owned(),
                Piece::Open(_) | Piece::Close => continue,
                Piece::Arg(name) => match self.arg(name) {
                    Some(Arg::Words(w)) => w.to_string(),
                    Some(Arg::Text(t)) => t.string_in(locale),
                    Some(Arg::View(_)) | None => continue,
                },
            };
            if spaced(out.chars().last(), words.chars().next()) {
                out.push(' ');
            }
            out.push_str(&words);
        }
        out
    }

    fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The text as views, in the active locale.
    fn render(&self) -> AnyView {
        let locale = locale();
        let Some(texts) = template(self.page, self.index, locale) else {
            return ().into_any();
        };
        let pieces = parse(&texts[self.index]);
        let mut pieces = pieces.into_iter();
        self.render_until_close(&mut pieces, locale, &mut None)
            .into_any()
    }

    /// `last`: the last character rendered so far, if known (a view
    /// argument's is not), for the spacing where words meet an argument.
    fn render_until_close<'a>(
        &self,
        pieces: &mut impl Iterator<Item = Piece<'a>>,
        locale: Locale,
        last: &mut Option<char>,
    ) -> Vec<AnyView> {
        let mut views = Vec::new();
        let words = |views: &mut Vec<AnyView>, last: &mut Option<char>, w: String| {
            if spaced(*last, w.chars().next()) {
                views.push(" ".into_any());
            }
            if let Some(c) = w.chars().last() {
                *last = Some(c);
            }
            views.push(w.into_any());
        };
        while let Some(piece) = pieces.next() {
            match piece {
                Piece::Words(w) => words(&mut views, last, after_argument(*last, w).to_owned()),
                Piece::Arg(name) => match self.arg(name) {
                    Some(Arg::Words(w)) => words(&mut views, last, w.to_string()),
                    Some(Arg::View(f)) => {
                        *last = None;
                        views.push(f());
                    }
                    Some(Arg::Text(t)) => {
                        let text = t.string_in(locale);
                        if spaced(*last, text.chars().next()) {
                            views.push(" ".into_any());
                        }
                        *last = text.chars().last().or(*last);
                        views.push(t.render());
                    }
                    None => {}
                },
                Piece::Open(element) => {
                    let inner = self.render_until_close(pieces, locale, last);
                    views.push(match element {
                        "strong" => view! { <strong>{inner}</strong> }.into_any(),
                        "em" => view! { <em>{inner}</em> }.into_any(),
                        "kbd" => view! { <kbd>{inner}</kbd> }.into_any(),
                        _ => view! { <code>{inner}</code> }.into_any(),
                    });
                }
                Piece::Close => break,
            }
        }
        views
    }
}

/// In a view, a text follows the active locale.
impl IntoRender for Text {
    type Output = Box<dyn Fn() -> AnyView + Send + Sync>;
    fn into_render(self) -> Self::Output {
        Box::new(move || self.render())
    }
}

impl Text {
    /// The text as a view of any type (for `match` arms and the like).
    pub fn into_any(self) -> AnyView {
        (move || self.render()).into_any()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.string())
    }
}

/// Whether a space goes between two characters where a text's words meet
/// an argument: between a Han character and a Latin letter or digit, as
/// Taiwan's texts write it ("因為 data: URL 會…", "和 Firefox 不同"). The
/// texts have their own spaces written out; an argument's first and last
/// words are only known once it is filled in.
fn spaced(before: Option<char>, after: Option<char>) -> bool {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    match (before, after) {
        (Some(a), Some(b)) => {
            (han(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && han(b))
        }
        _ => false,
    }
}

/// A text's words after what came before: a space the text writes after
/// an argument (`{{ a }} 對 {{ b }}`, meant for `http 對 https`) goes when
/// the argument ended in full-width punctuation (`443（預設）對 8443`):
/// Chinese puts no space next to it.
fn after_argument(before: Option<char>, words: &str) -> &str {
    let full_width = |c: char| "（）。，、：；！？「」『』…—".contains(c);
    match (before, words.strip_prefix(' ')) {
        (Some(c), Some(rest)) if full_width(c) => rest,
        _ => words,
    }
}

/// A piece of a text's template.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Words(&'a str),
    Arg(&'a str),
    Open(&'a str),
    Close,
}

/// `a {{ b }} <code>c</code>` → words, argument, open, words, close.
/// build.rs has checked every template: arguments named, elements known
/// and closed.
fn parse(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    loop {
        let next_arg = rest.find("{{");
        let next_tag = rest
            .match_indices('<')
            .map(|(i, _)| i)
            .find(|&i| tag_at(&rest[i..]).is_some());
        let at = match (next_arg, next_tag) {
            (Some(a), Some(t)) => a.min(t),
            (Some(a), None) => a,
            (None, Some(t)) => t,
            (None, None) => {
                if !rest.is_empty() {
                    pieces.push(Piece::Words(rest));
                }
                return pieces;
            }
        };
        if at > 0 {
            pieces.push(Piece::Words(&rest[..at]));
        }
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("{{") {
            match after.find("}}") {
                Some(end) => {
                    pieces.push(Piece::Arg(after[..end].trim()));
                    rest = &after[end + 2..];
                }
                None => {
                    pieces.push(Piece::Words(rest));
                    return pieces;
                }
            }
        } else if let Some((piece, len)) = tag_at(rest) {
            pieces.push(piece);
            rest = &rest[len..];
        }
    }
}

/// `<name>` or `</name>` at the start of `text`, and its length.
fn tag_at(text: &str) -> Option<(Piece<'_>, usize)> {
    let inner = text.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    if name_len == 0 || !inner[name_len..].starts_with('>') {
        return None;
    }
    let len = 1 + usize::from(closing) + name_len + 1;
    Some((
        if closing {
            Piece::Close
        } else {
            Piece::Open(&inner[..name_len])
        },
        len,
    ))
}

/// A locale for a language tag as browsers and the address spell it
/// (`cors_core::lang::match_tag`, the rule the demo server uses too): the
/// exact tag (`zh-TW`, any case, `_` or `-`), else the same language —
/// except that Chinese in Simplified script (`zh-Hans`, `zh-CN`, `zh-SG`)
/// or with no region or script does not pick Traditional Chinese.
pub fn from_tag(tag: &str) -> Option<Locale> {
    let ours = Locale::ALL.map(Locale::tag);
    cors_core::lang::match_tag(tag, &ours).and_then(|i| Locale::ALL.get(i).copied())
}

/// A link to a page the demo server sends a learner (the API's login, the
/// attacker's page), carrying the active language so that page speaks it
/// too (reactive: it follows the switch).
pub fn in_language(url: &str) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}{LANG_PARAM}={}", locale().tag())
}

/// The locale to start with (see the module doc).
pub fn initial_locale() -> Locale {
    crate::url_state::param(LANG_PARAM)
        .and_then(|v| from_tag(&v))
        .or_else(|| remembered().and_then(|v| from_tag(&v)))
        .or_else(browser_locale)
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn remembered() -> Option<String> {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// The first of the browser's preferred languages that the lab speaks.
fn browser_locale() -> Option<Locale> {
    let navigator = web_sys::window()?.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|tag| from_tag(&tag))
}

/// Makes `locale` active at start-up, once the frame's and the opened
/// page's texts are here (fetched together), and
/// sets `<html lang>` (screen readers and CJK line breaking need it).
pub async fn start(locale: Locale, pages: Vec<Page>) -> Result<(), LoadError> {
    load_all(locale, [vec![Page::Common], pages].concat()).await?;
    activate(locale);
    Ok(())
}

/// Makes `locale` active: fetches the frame's and the shown page's texts
/// first, so everything changes language in one step; remembers the choice
/// and writes it into the address (a link copied now opens in it).
pub async fn switch_to(locale: Locale, pages: Vec<Page>) -> Result<(), LoadError> {
    load_all(locale, [vec![Page::Common], pages].concat()).await?;
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, locale.tag());
    }
    crate::url_state::set_frame_param(LANG_PARAM, Some(locale.tag()));
    activate(locale);
    Ok(())
}

fn activate(locale: Locale) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", locale.tag());
    }
    ACTIVE.with(|a| a.set(locale));
}

/// The header's language switch: one button per language, named in itself,
/// the active one pressed.
#[component]
pub fn LanguageSwitch(#[prop(into)] pages: Signal<Vec<Page>>) -> impl IntoView {
    let failed = RwSignal::new(false);
    let choose = move |chosen: Locale| {
        let pages = pages.get_untracked();
        leptos::task::spawn_local(async move {
            failed.set(switch_to(chosen, pages).await.is_err());
        });
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || t!(common.language.label).string()>
            {Locale::ALL
                .into_iter()
                .map(|option| view! {
                    <button type="button" lang=option.tag()
                        data-testid=format!("lang-{}", option.tag())
                        aria-pressed=move || (locale() == option).to_string()
                        on:click=move |_| choose(option)>
                        {option.self_name()}
                    </button>
                })
                .collect_view()}
            <Show when=move || failed.get()>
                <span class="language-failed" role="alert" data-testid="lang-failed">
                    {t!(common.language.failed)}
                </span>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_browsers_send_are_understood() {
        for (tag, want) in [
            ("zh-TW", Some(Locale::ZhTw)),
            ("zh-tw", Some(Locale::ZhTw)),
            ("zh_TW", Some(Locale::ZhTw)),
            ("zh-Hant", Some(Locale::ZhTw)),
            ("zh-Hant-TW", Some(Locale::ZhTw)),
            ("zh-HK", Some(Locale::ZhTw)),
            ("zh-CN", None),
            ("zh-Hans", None),
            ("zh-Hans-TW", None),
            ("zh", None),
            ("en", Some(Locale::En)),
            ("en-GB", Some(Locale::En)),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn han_and_latin_get_a_space_where_words_meet_an_argument() {
        install_json(
            Locale::ZhTw,
            Page::Common,
            r#"{"a": "因為{{ why }}。", "b": "{{ x }}和{{ y }}不同", "c": "（{{ x }}）", "d": "{{ x }}：{{ y }}"}"#,
        );
        let text =
            |index, args: Vec<(&'static str, Arg)>| Text::new(Page::Common, index, args).string();
        assert_eq!(
            text(0, vec![("why", "data: URL 會得到".into())]),
            "因為 data: URL 會得到。"
        );
        assert_eq!(text(0, vec![("why", "瀏覽器會".into())]), "因為瀏覽器會。");
        assert_eq!(
            text(1, vec![("x", "Chrome".into()), ("y", "Firefox".into())]),
            "Chrome 和 Firefox 不同"
        );
        assert_eq!(
            text(1, vec![("x", "協定".into()), ("y", "主機".into())]),
            "協定和主機不同"
        );
        // Next to full-width punctuation: no space.
        assert_eq!(text(2, vec![("x", "GET".into())]), "（GET）");
        assert_eq!(text(3, vec![("x", "a".into()), ("y", "b".into())]), "a：b");
        assert!(spaced(Some('了'), Some('3')));
        install_json(Locale::ZhTw, Page::Common, r#"{"a": "{{ a }} 對 {{ b }}"}"#);
        assert_eq!(
            Text::new(
                Page::Common,
                0,
                vec![("a", "443（預設）".into()), ("b", "8443".into())]
            )
            .string(),
            "443（預設）對 8443"
        );
        assert!(!spaced(Some(' '), Some('a')));
        assert!(!spaced(Some('a'), Some('b')));
    }

    #[test]
    fn templates_split_into_words_arguments_and_elements() {
        assert_eq!(
            parse("At <code>{{ page }}</code>, a < b."),
            vec![
                Piece::Words("At "),
                Piece::Open("code"),
                Piece::Arg("page"),
                Piece::Close,
                Piece::Words(", a < b."),
            ]
        );
        assert_eq!(parse(""), vec![]);
        assert_eq!(
            parse("{{ a }}{{b}}"),
            vec![Piece::Arg("a"), Piece::Arg("b")]
        );
    }
}
