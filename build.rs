//! The text layer's build step (see `locales/README.md`).
//!
//! `locales/<locale>/<page>.json` holds every sentence a learner reads, one
//! file per page (`common` is the frame's and what pages share), in the file
//! format of leptos_i18n: nested keys, `{{ name }}` for an argument,
//! `<code>…</code>` for an inline element. Each directory of `locales/` is a
//! language; English (`en`) is the reference. This step
//!
//! 1. checks that every locale has exactly English's keys, each with the same
//!    arguments and inline elements — anything missing or misspelt stops the
//!    build, naming the file and key;
//! 2. generates `$OUT_DIR/texts.rs`: the `Locale` and `Page` enums and one
//!    module per key whose `Args` struct names the key's arguments — the
//!    `t!` macro (src/i18n.rs) builds it, so a key or argument that does not
//!    exist, or a missing argument, does not compile;
//! 3. writes what browsers fetch, one file per page and locale, the texts
//!    in key order (a JSON array): `target/i18n/i18n-<hash>/<page>/<locale>.json`,
//!    which `index.html` copies into the built app. The hash is of every
//!    locale file, so the server lets browsers keep them (`immutable`);
//! 4. reads `locales/also.json` (pages whose texts another page shows too:
//!    `Page::also`) and writes `target/i18n-boot.json` for the boot script
//!    (`cargo xtask wasm`): where the texts are, the locales, and each page's
//!    files, so it can fetch the opened page's texts with the wasm.
//!
//! `server.json` is the demo server's (the pages it sends a learner): it is
//! checked like every file, but the app neither fetches nor names it — the
//! server compiles it in (`crates/demo-server/src/words.rs`).

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

#[path = "src/i18n/flatten.rs"]
mod locale_file;
use locale_file::flatten;

/// The reference locale.
const DEFAULT: &str = "en";
/// Files of texts that are not the app's: checked, not generated or served.
const NOT_THE_APP_S: &[&str] = &["server"];
/// The inline elements a text may use.
const ELEMENTS: &[&str] = &["code", "strong", "em", "kbd"];

type Flat = BTreeMap<String, String>;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let dir = root.join("locales");

    let locales = subdirs(&dir)?;
    if !locales.iter().any(|l| l == DEFAULT) {
        return Err(format!("locales/{DEFAULT}/ is missing").into());
    }
    let others: Vec<&String> = locales.iter().filter(|l| *l != DEFAULT).collect();
    let pages = json_files(&dir.join(DEFAULT))?;

    let mut problems = Vec::new();
    // page -> locale -> flat texts
    let mut texts: BTreeMap<String, BTreeMap<String, Flat>> = BTreeMap::new();
    for page in &pages {
        let english = read_flat(&dir.join(DEFAULT).join(format!("{page}.json")))?;
        for (key, text) in &english {
            check_text(
                &format!("locales/{DEFAULT}/{page}.json"),
                key,
                text,
                &mut problems,
            );
            for segment in key.split('.') {
                if !is_identifier(segment) {
                    problems.push(format!(
                        "locales/{DEFAULT}/{page}.json: key `{key}`: `{segment}` must be lower_snake_case and not a Rust keyword"
                    ));
                }
            }
        }
        for locale in &others {
            let file = format!("locales/{locale}/{page}.json");
            let path = dir.join(locale).join(format!("{page}.json"));
            if !path.exists() {
                problems.push(format!("{file} is missing"));
                continue;
            }
            let theirs = read_flat(&path)?;
            for (key, text) in &english {
                match theirs.get(key) {
                    None => problems.push(format!("{file}: missing key `{key}`")),
                    Some(their) => {
                        check_text(&file, key, their, &mut problems);
                        let (want, got) = (shape(text), shape(their));
                        if want != got {
                            problems.push(format!(
                                "{file}: `{key}` has arguments/elements {got:?}, English has {want:?}"
                            ));
                        }
                    }
                }
            }
            for key in theirs.keys().filter(|k| !english.contains_key(*k)) {
                problems.push(format!("{file}: key `{key}` is not in English"));
            }
            texts
                .entry(page.clone())
                .or_default()
                .insert((*locale).clone(), theirs);
        }
        texts
            .entry(page.clone())
            .or_default()
            .insert(DEFAULT.to_owned(), english);
    }
    for locale in &others {
        for page in json_files(&dir.join(locale))? {
            if !pages.contains(&page) {
                problems.push(format!("locales/{locale}/{page}.json has no English file"));
            }
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            println!("cargo::error={problem}");
        }
        return Err(format!(
            "{} problem(s) in locales/:\n{}",
            problems.len(),
            problems.join("\n")
        )
        .into());
    }

    texts.retain(|page, _| !NOT_THE_APP_S.contains(&page.as_str()));
    let pages: Vec<String> = texts.keys().cloned().collect();
    let also = read_also(&dir.join("also.json"), &pages)?;

    let hash = content_hash(&texts);
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(
        out.join("texts.rs"),
        generate(&locales, &texts, &also, &hash),
    )?;
    std::fs::write(
        root.join("target").join("i18n-boot.json"),
        boot_json(&locales, &pages, &also, &hash),
    )?;

    let served = root.join("target").join("i18n");
    if served.exists() {
        std::fs::remove_dir_all(&served)?;
    }
    for (page, by_locale) in &texts {
        let page_dir = served.join(format!("i18n-{hash}")).join(page);
        std::fs::create_dir_all(&page_dir)?;
        for (locale, flat) in by_locale {
            let array: Vec<&String> = flat.values().collect();
            std::fs::write(
                page_dir.join(format!("{locale}.json")),
                serde_json::to_string(&array)?,
            )?;
        }
    }
    Ok(())
}

fn subdirs(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort();
    // English first: it is the default.
    out.sort_by_key(|l| l != DEFAULT);
    Ok(out)
}

/// `locales/also.json`: page → the other pages whose texts it shows too
/// (the quiz shows the comparator's verdicts and the lab's run panel).
fn read_also(
    file: &Path,
    pages: &[String],
) -> Result<BTreeMap<String, Vec<String>>, Box<dyn Error>> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let also: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    for (page, others) in &also {
        for name in std::iter::once(page).chain(others) {
            if name == "common" || !pages.contains(name) {
                return Err(format!(
                    "locales/also.json: `{name}` is not a page's file (common is always loaded)"
                )
                .into());
            }
        }
    }
    Ok(also)
}

/// What the boot script needs to fetch the opened page's texts (a JSON
/// object; `cargo xtask wasm` puts it into `boot.html`): the base path, the
/// locales (the default first), and per page every file it loads, `common`
/// first.
fn boot_json(
    locales: &[String],
    pages: &[String],
    also: &BTreeMap<String, Vec<String>>,
    hash: &str,
) -> String {
    let files: Vec<String> = pages
        .iter()
        .filter(|p| *p != "common")
        .map(|page| {
            let mut list = vec!["common".to_owned(), page.clone()];
            list.extend(also.get(page).cloned().unwrap_or_default());
            format!("{page:?}:{list:?}")
        })
        .collect();
    format!(
        "{{\"base\":\"/i18n-{hash}\",\"locales\":{locales:?},\"pages\":{{{}}}}}\n",
        files.join(",")
    )
}

fn json_files(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".json") {
            out.push(stem.to_owned());
        }
    }
    out.sort();
    Ok(out)
}

fn read_flat(file: &Path) -> Result<Flat, Box<dyn Error>> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut out = Flat::new();
    flatten("", &value, &mut out).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(out)
}

/// A text's arguments (sorted, once each) and inline elements, in order.
fn shape(text: &str) -> (Vec<String>, Vec<String>) {
    let mut args = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        args.push(after[..end].trim().to_owned());
        rest = &after[end + 2..];
    }
    args.sort();
    args.dedup();
    let mut elements = tags(text);
    elements.sort();
    (args, elements)
}

/// The text's tags in order, `code` or `/code` (a `<` not followed by a
/// name and `>` is just a character).
fn tags(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        if !name.is_empty() && after[name.len()..].starts_with('>') {
            found.push(name);
        }
        rest = after;
    }
    found
}

/// Well-formed: arguments are identifiers, elements are allowed and closed.
fn check_text(file: &str, key: &str, text: &str, problems: &mut Vec<String>) {
    let (args, elements) = shape(text);
    for arg in &args {
        if !is_identifier(arg) {
            problems.push(format!(
                "{file}: `{key}`: argument `{{{{ {arg} }}}}` must be lower_snake_case"
            ));
        }
    }
    if text.matches("{{").count() != text.matches("}}").count() {
        problems.push(format!("{file}: `{key}`: unbalanced {{{{ }}}}"));
    }
    let mut open = Vec::new();
    for element in &elements {
        let name = element.trim_start_matches('/');
        if !ELEMENTS.contains(&name) {
            problems.push(format!(
                "{file}: `{key}`: <{name}> is not one of {ELEMENTS:?}"
            ));
        }
    }
    // Order matters for nesting.
    for name in tags(text) {
        if let Some(closing) = name.strip_prefix('/') {
            if open.pop().as_deref() != Some(closing) {
                problems.push(format!("{file}: `{key}`: </{closing}> closes nothing open"));
            }
        } else {
            open.push(name);
        }
    }
    if !open.is_empty() {
        problems.push(format!(
            "{file}: `{key}`: <{}> is not closed",
            open.join(">, <")
        ));
    }
}

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&s)
}

/// 16 hex digits that change whenever any text does.
fn content_hash(texts: &BTreeMap<String, BTreeMap<String, Flat>>) -> String {
    let mut hasher = DefaultHasher::new();
    for (page, by_locale) in texts {
        hasher.write(page.as_bytes());
        for (locale, flat) in by_locale {
            hasher.write(locale.as_bytes());
            for (key, text) in flat {
                hasher.write(key.as_bytes());
                hasher.write(text.as_bytes());
            }
        }
    }
    format!("{:016x}", hasher.finish())
}

fn camel(s: &str) -> String {
    s.split(['_', '-'])
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => {
                    first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                }
                None => String::new(),
            }
        })
        .collect()
}

fn generate(
    locales: &[String],
    texts: &BTreeMap<String, BTreeMap<String, Flat>>,
    also: &BTreeMap<String, Vec<String>>,
    hash: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by build.rs from locales/: do not edit.\n"
    );
    let _ = writeln!(
        out,
        "/// Where the texts are served: `{{BASE}}/<page>/<locale>.json`."
    );
    let _ = writeln!(out, "pub const BASE: &str = \"/i18n-{hash}\";\n");

    // Locale.
    let _ = writeln!(
        out,
        "/// A language of the app (a directory of `locales/`)."
    );
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]"
    );
    let _ = writeln!(out, "pub enum Locale {{");
    for (i, locale) in locales.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "    #[default]");
        }
        let _ = writeln!(out, "    {},", camel(locale));
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "impl Locale {{");
    let _ = writeln!(
        out,
        "    pub const ALL: [Locale; {}] = [{}];",
        locales.len(),
        locales
            .iter()
            .map(|l| format!("Locale::{}", camel(l)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "    /// The tag, as `?lang=` and `<html lang>` spell it."
    );
    let _ = writeln!(
        out,
        "    pub const fn tag(self) -> &'static str {{\n        match self {{"
    );
    for locale in locales {
        let _ = writeln!(
            out,
            "            Locale::{} => {:?},",
            camel(locale),
            locale
        );
    }
    let _ = writeln!(out, "        }}\n    }}");
    let _ = writeln!(
        out,
        "    /// The language's name in itself (`common.json`'s `language.self_name`)."
    );
    let _ = writeln!(
        out,
        "    pub const fn self_name(self) -> &'static str {{\n        match self {{"
    );
    for locale in locales {
        let name = texts
            .get("common")
            .and_then(|l| l.get(locale))
            .and_then(|f| f.get("language.self_name"))
            .cloned()
            .unwrap_or_else(|| locale.clone());
        let _ = writeln!(out, "            Locale::{} => {:?},", camel(locale), name);
    }
    let _ = writeln!(out, "        }}\n    }}\n}}\n");

    // Page.
    let _ = writeln!(
        out,
        "/// A file of texts: `common` (the frame's) or one page's."
    );
    let _ = writeln!(out, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
    let _ = writeln!(out, "pub enum Page {{");
    for page in texts.keys() {
        let _ = writeln!(out, "    {},", camel(page));
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "impl Page {{");
    let _ = writeln!(
        out,
        "    pub const fn name(self) -> &'static str {{\n        match self {{"
    );
    for page in texts.keys() {
        let _ = writeln!(out, "            Page::{} => {:?},", camel(page), page);
    }
    let _ = writeln!(out, "        }}\n    }}");
    let _ = writeln!(out, "    /// How many texts the page's file holds.");
    let _ = writeln!(
        out,
        "    pub const fn text_count(self) -> usize {{\n        match self {{"
    );
    for (page, by_locale) in texts {
        let _ = writeln!(
            out,
            "            Page::{} => {},",
            camel(page),
            by_locale[DEFAULT].len()
        );
    }
    let _ = writeln!(out, "        }}\n    }}");
    let _ = writeln!(
        out,
        "    /// Other pages' files whose texts this page shows too (`locales/also.json`)."
    );
    let _ = writeln!(
        out,
        "    pub const fn also(self) -> &'static [Page] {{\n        match self {{"
    );
    for (page, others) in also {
        let list: Vec<String> = others
            .iter()
            .map(|o| format!("Page::{}", camel(o)))
            .collect();
        let _ = writeln!(
            out,
            "            Page::{} => &[{}],",
            camel(page),
            list.join(", ")
        );
    }
    let _ = writeln!(out, "            _ => &[],\n        }}\n    }}\n}}\n");

    // One module per key.
    for (page, by_locale) in texts {
        let english = &by_locale[DEFAULT];
        let mut tree = Node::default();
        for (index, (key, text)) in english.iter().enumerate() {
            let mut node = &mut tree;
            for segment in key.split('.') {
                node = node.children.entry(segment.to_owned()).or_default();
            }
            node.leaf = Some((index, text.clone(), shape(text).0));
        }
        let _ = writeln!(out, "pub mod {page} {{");
        write_node(&mut out, &tree, &camel(page), 1);
        let _ = writeln!(out, "}}");
    }
    out
}

#[derive(Default)]
struct Node {
    leaf: Option<(usize, String, Vec<String>)>,
    children: BTreeMap<String, Node>,
}

fn write_node(out: &mut String, node: &Node, page: &str, depth: usize) {
    let pad = "    ".repeat(depth);
    for (name, child) in &node.children {
        let _ = writeln!(
            out,
            "{pad}#[allow(non_snake_case, dead_code, clippy::module_inception)]"
        );
        let _ = writeln!(out, "{pad}pub mod {name} {{");
        if let Some((index, english, args)) = &child.leaf {
            let doc = english.replace('\n', " ");
            let _ = writeln!(out, "{pad}    /// English: {doc:?}");
            let _ = writeln!(out, "{pad}    pub struct Args {{");
            for arg in args {
                let _ = writeln!(out, "{pad}        pub {arg}: crate::i18n::Arg,");
            }
            let _ = writeln!(out, "{pad}    }}");
            let _ = writeln!(out, "{pad}    impl Args {{");
            let _ = writeln!(
                out,
                "{pad}        pub fn text(self) -> crate::i18n::Text {{"
            );
            let list = args
                .iter()
                .map(|a| format!("({a:?}, self.{a})"))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                out,
                "{pad}            crate::i18n::Text::new(crate::texts::Page::{page}, {index}, vec![{list}])"
            );
            let _ = writeln!(out, "{pad}        }}\n{pad}    }}");
        }
        write_node(out, child, page, depth + 1);
        let _ = writeln!(out, "{pad}}}");
    }
}
