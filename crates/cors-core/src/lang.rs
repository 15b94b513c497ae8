//! Which of the lab's languages a language tag asks for: one rule for the
//! app (`?lang=`, the browser's `navigator.languages`) and the demo server
//! (`?lang=`, `Accept-Language`), so a page the server sends speaks the
//! language the app would.
//!
//! The languages themselves are the app's `locales/` directories; callers
//! pass their tags (`["en", "zh-TW"]`) and get back an index into them.

/// The index in `ours` of the language `tag` asks for: the exact tag (any
/// case, `_` or `-`), else the same language — except that Chinese in
/// Simplified script (`zh-Hans`, `zh-CN`, `zh-SG`) or with no region or
/// script does not pick Traditional Chinese.
pub fn match_tag(tag: &str, ours: &[&str]) -> Option<usize> {
    let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
    if tag.is_empty() {
        return None;
    }
    if let Some(exact) = ours.iter().position(|l| l.to_ascii_lowercase() == tag) {
        return Some(exact);
    }
    let mut parts = tag.split('-');
    let language = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    ours.iter().position(|l| {
        let ours = l.to_ascii_lowercase();
        if ours.split('-').next() != Some(language) {
            return false;
        }
        if language == "zh" {
            // Traditional script, or a region that writes it.
            !rest.contains(&"hans")
                && rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
        } else {
            true
        }
    })
}

/// The index in `ours` of the language an `Accept-Language` header asks
/// for: its ranges by weight (`q`, 1 when left out; equal weights in the
/// header's order), the first that [`match_tag`] matches. `*` and ranges
/// with `q=0` pick nothing.
pub fn from_accept_language(header: &str, ours: &[&str]) -> Option<usize> {
    let mut ranges: Vec<(u16, &str)> = header
        .split(',')
        .filter_map(|range| {
            let mut parts = range.split(';');
            let tag = parts.next()?.trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), weight)?;
            (weight > 0 && tag != "*").then_some((weight, tag))
        })
        .collect();
    // Stable: equal weights keep the header's order.
    ranges.sort_by_key(|&(weight, _)| std::cmp::Reverse(weight));
    ranges.iter().find_map(|(_, tag)| match_tag(tag, ours))
}

/// A `q` value in thousandths (`0.8` → 800); `None` if it is not one.
fn weight(q: &str) -> Option<u16> {
    let q = q.trim();
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &[&str] = &["en", "zh-TW"];

    #[test]
    fn tags_browsers_send_are_understood() {
        for (tag, want) in [
            ("zh-TW", Some(1)),
            ("zh-tw", Some(1)),
            ("zh_TW", Some(1)),
            ("zh-Hant", Some(1)),
            ("zh-Hant-TW", Some(1)),
            ("zh-HK", Some(1)),
            ("zh-CN", None),
            ("zh-Hans", None),
            ("zh-Hans-TW", None),
            ("zh", None),
            ("en", Some(0)),
            ("en-GB", Some(0)),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(match_tag(tag, OURS), want, "{tag}");
        }
    }

    #[test]
    fn accept_language_picks_the_heaviest_range_the_lab_speaks() {
        for (header, want) in [
            ("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", Some(1)),
            ("en-US,en;q=0.9,zh-TW;q=0.8", Some(0)),
            ("fr-FR,fr;q=0.9,zh-Hant;q=0.5,en;q=0.4", Some(1)),
            ("en;q=0.5, zh-TW", Some(1)),
            ("en;q=0.5, zh-TW;q=0.5", Some(0)),
            ("zh-CN,zh;q=0.9", None),
            ("zh-TW;q=0, en;q=0.1", Some(0)),
            ("*", None),
            ("de, *;q=0.5", None),
            ("zh-TW;q=2, en", Some(0)),
            ("zh-TW;q=abc, en", Some(0)),
            ("", None),
        ] {
            assert_eq!(from_accept_language(header, OURS), want, "{header}");
        }
    }
}
