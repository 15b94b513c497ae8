//! The Public Suffix List (<https://publicsuffix.org/list/>) as data: the
//! list's text is parsed once into a sorted table, and hosts are matched
//! against it with the list's algorithm (rules, `*.` wildcards, `!`
//! exceptions, the default rule `*`).
//!
//! The list is not compiled in: the app fetches it (`public/psl/`) only when
//! a view needs same-site, and native code or tests read the same file.

/// The part of the list a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Section {
    /// Registry-operated suffixes (`com`, `co.uk`).
    Icann,
    /// Suffixes that companies ask for (`github.io`).
    Private,
}

/// A host's public suffix: the matched labels, and the section of the
/// prevailing rule (`None` for the default rule `*`, which makes any unknown
/// top label a suffix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suffix<'h> {
    pub text: &'h str,
    pub section: Option<Section>,
}

/// Why a text is not the Public Suffix List (an HTML error page, say).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum NotTheList {
    /// A rule (its first 40 characters) before the ICANN section's marker.
    RuleBeforeIcannSection { rule: String },
    /// No rules at all.
    NoRules,
}

/// The parsed list. Rules are keyed by the name they are about (`co.uk`;
/// `ck` for `*.ck`; `www.ck` for `!www.ck`), sorted, one entry per name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuffixList {
    rules: Vec<Entry>,
    version: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: Box<str>,
    /// One bit per kind of rule on this name ([`NAME`], [`WILDCARD`],
    /// [`EXCEPTION`]); the same bit shifted by [`PRIVATE_SHIFT`] when that
    /// rule is in the private section.
    flags: u8,
}

const NAME: u8 = 1;
const WILDCARD: u8 = 2;
const EXCEPTION: u8 = 4;
const PRIVATE_SHIFT: u8 = 3;

const ICANN_MARKER: &str = "===BEGIN ICANN DOMAINS===";
const PRIVATE_MARKER: &str = "===BEGIN PRIVATE DOMAINS===";

impl SuffixList {
    /// Reads the list's text (`public_suffix_list.dat`, with or without its
    /// comments). Each line is read up to its first whitespace; `//` lines
    /// are comments, except the section markers, which must be there: text
    /// without the ICANN marker (an HTML error page, say) is not the list.
    /// Rules in Unicode are matched in their ASCII (punycode) form, as hosts
    /// are after URL parsing.
    pub fn parse(text: &str) -> Result<SuffixList, NotTheList> {
        let mut section = None;
        let mut rules: Vec<Entry> = Vec::new();
        let mut version = None;
        for line in text.lines() {
            let line = line.trim();
            if let Some(comment) = line.strip_prefix("//") {
                let comment = comment.trim();
                if comment.starts_with(ICANN_MARKER) {
                    section = Some(Section::Icann);
                } else if comment.starts_with(PRIVATE_MARKER) {
                    section = Some(Section::Private);
                } else if let Some(v) = comment.strip_prefix("VERSION:") {
                    version = Some(v.trim().to_owned());
                }
                continue;
            }
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            let Some(section) = section else {
                return Err(NotTheList::RuleBeforeIcannSection {
                    rule: rule.chars().take(40).collect(),
                });
            };
            let (kind, name) = if let Some(name) = rule.strip_prefix('!') {
                (EXCEPTION, name)
            } else if let Some(name) = rule.strip_prefix("*.") {
                (WILDCARD, name)
            } else {
                (NAME, rule)
            };
            // A wildcard anywhere but in front is not used by the list; skip
            // such a line rather than guess.
            let Some(name) = ascii_name(name) else {
                continue;
            };
            let flag = match section {
                Section::Icann => kind,
                Section::Private => kind | kind << PRIVATE_SHIFT,
            };
            rules.push(Entry {
                name: name.into(),
                flags: flag,
            });
        }
        if rules.is_empty() {
            return Err(NotTheList::NoRules);
        }
        rules.sort_by(|a, b| a.name.cmp(&b.name));
        // One entry per name, with the flags of all its rules.
        rules.dedup_by(|later, kept| {
            let same = later.name == kept.name;
            if same {
                kept.flags |= later.flags;
            }
            same
        });
        Ok(SuffixList { rules, version })
    }

    /// The list's `VERSION:` line, when it has one (`2026-10-22_08-36-41_UTC`).
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// How many distinct names the rules are about.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    fn flags(&self, name: &str) -> u8 {
        self.rules
            .binary_search_by(|e| e.name.as_ref().cmp(name))
            .map_or(0, |i| self.rules[i].flags)
    }

    /// The public suffix of a lower-case ASCII host name (`co.uk` for
    /// `shop.example.co.uk`, `github.io` for `alice.github.io`, `localhost`
    /// by the default rule). One trailing dot is kept on the result, as URL
    /// hosts keep it (`com.` for `example.com.`). `None` for an empty name
    /// or one with an empty label (`a..com`, `.com`).
    pub fn suffix<'h>(&self, host: &'h str) -> Option<Suffix<'h>> {
        let name = host.strip_suffix('.').unwrap_or(host);
        if name.is_empty() || name.split('.').any(str::is_empty) {
            return None;
        }
        // Where each suffix of the name starts: `a.b.c` → 0, 2, 4.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(name.match_indices('.').map(|(i, _)| i + 1))
            .collect();
        let flags: Vec<u8> = starts.iter().map(|&s| self.flags(&name[s..])).collect();
        let section = |flags: u8, kind: u8| {
            Some(if flags & kind << PRIVATE_SHIFT != 0 {
                Section::Private
            } else {
                Section::Icann
            })
        };
        // An exception rule prevails; its suffix is the rule minus its first label.
        let prevailing = if let Some(i) = flags.iter().position(|f| f & EXCEPTION != 0) {
            Some((i + 1, section(flags[i], EXCEPTION)))
        } else {
            // Otherwise the matching rule with the most labels: the first
            // (longest) suffix that is a name rule or sits under a wildcard.
            (0..starts.len()).find_map(|i| {
                if flags[i] & NAME != 0 {
                    Some((i, section(flags[i], NAME)))
                } else if flags.get(i + 1).is_some_and(|f| f & WILDCARD != 0) {
                    Some((i, section(flags[i + 1], WILDCARD)))
                } else {
                    None
                }
            })
        };
        // The default rule `*`: the last label (also for an exception rule
        // of a single label, which would leave nothing).
        let (i, section) = prevailing
            .filter(|&(i, _)| i < starts.len())
            .unwrap_or((starts.len() - 1, None));
        let start = starts[i];
        Some(Suffix {
            text: &host[start..],
            section,
        })
    }

    /// The public suffix's text only; see [`SuffixList::suffix`].
    pub fn public_suffix<'h>(&self, host: &'h str) -> Option<&'h str> {
        self.suffix(host).map(|s| s.text)
    }

    /// True when the whole host is a public suffix (`com`, `github.io`,
    /// `localhost` by the default rule).
    pub fn is_public_suffix(&self, host: &str) -> bool {
        self.public_suffix(host) == Some(host)
    }

    /// The registrable domain (eTLD+1): the public suffix and one more label
    /// (`example.co.uk` for `shop.example.co.uk`). `None` for a public suffix
    /// itself, a single label, or a name with an empty label. A trailing dot
    /// is kept: `example.com.` gives `example.com.`.
    pub fn registrable_domain<'h>(&self, host: &'h str) -> Option<&'h str> {
        let suffix = self.suffix(host)?.text;
        let before = host.strip_suffix(suffix)?.strip_suffix('.')?;
        let start = before.rfind('.').map_or(0, |i| i + 1);
        Some(&host[start..])
    }
}

/// A rule's name in the form hosts have after URL parsing: lower-case ASCII,
/// Unicode labels in punycode. `None` when it cannot be a host name.
fn ascii_name(name: &str) -> Option<String> {
    if name.is_empty() || name.contains('*') || name.contains('!') {
        return None;
    }
    if name.is_ascii() {
        return Some(name.to_ascii_lowercase());
    }
    idna::domain_to_ascii(name).ok()
}

#[cfg(test)]
mod tests;

/// The list the app ships (`public/psl/public_suffix_list.dat`), parsed once,
/// for this crate's tests.
#[cfg(test)]
pub(crate) fn shipped() -> &'static SuffixList {
    static LIST: std::sync::OnceLock<SuffixList> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        SuffixList::parse(include_str!("../../../public/psl/public_suffix_list.dat"))
            .unwrap_or_else(|e| panic!("the shipped list parses: {e:?}"))
    })
}
