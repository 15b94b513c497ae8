//! `cargo xtask psl FILE`: put a newer Public Suffix List into the app.
//!
//! The app ships `public/psl/public_suffix_list.dat` and fetches it only when
//! a view needs same-site. The copy keeps the licence header, the
//! `VERSION:`/`COMMIT:` lines, the section markers and the rules; the other
//! comments (a good half of the file) are dropped to make the download lighter.

use crate::cmd::workspace_root;

const SHIPPED: &str = "public/psl/public_suffix_list.dat";

pub fn update(args: &[String]) -> Result<(), String> {
    let [source] = args else {
        return Err("usage: cargo xtask psl PATH/TO/public_suffix_list.dat".to_owned());
    };
    let text = std::fs::read_to_string(source).map_err(|e| format!("read {source}: {e}"))?;
    let stripped = strip(&text)?;
    let target = workspace_root().join(SHIPPED);
    std::fs::write(&target, &stripped).map_err(|e| format!("write {}: {e}", target.display()))?;
    eprintln!(
        "psl: {} bytes → {} bytes in {SHIPPED} ({})",
        text.len(),
        stripped.len(),
        stripped
            .lines()
            .find(|l| l.starts_with("// VERSION:"))
            .unwrap_or("no VERSION line")
    );
    eprintln!("psl: now update the version in public/psl/README.md");
    Ok(())
}

/// The list without its explanatory comments and blank lines.
fn strip(text: &str) -> Result<String, String> {
    if !text.contains("===BEGIN ICANN DOMAINS===") {
        return Err("no `===BEGIN ICANN DOMAINS===` line: not the Public Suffix List".to_owned());
    }
    let mut out = String::with_capacity(text.len() / 2);
    let mut in_header = true;
    for line in text.lines() {
        let trimmed = line.trim();
        let keep = if let Some(comment) = trimmed.strip_prefix("//") {
            let comment = comment.trim();
            // The licence notice is the file's first comment block.
            (in_header && !comment.is_empty() && !comment.starts_with("Please"))
                || comment.starts_with("VERSION:")
                || comment.starts_with("COMMIT:")
                || comment.starts_with("===")
        } else {
            !trimmed.is_empty()
        };
        if trimmed.is_empty() {
            in_header = false;
        }
        if keep {
            out.push_str(trimmed);
            out.push('\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn keeps_licence_version_markers_and_rules() {
        let list = "// This Source Code Form is subject to the terms of the Mozilla Public\n\
                    // License, v. 2.0.\n\
                    \n\
                    // Please pull this list from the right place.\n\
                    \n\
                    // VERSION: 2026-10-22_08-36-41_UTC\n\
                    // COMMIT: abc\n\
                    \n\
                    // ===BEGIN ICANN DOMAINS===\n\
                    \n\
                    // ac : http://nic.ac/rules.htm\n\
                    ac\n\
                    com.ac\n\
                    // ===END ICANN DOMAINS===\n\
                    // ===BEGIN PRIVATE DOMAINS===\n\
                    // GitHub\n\
                    github.io\n";
        assert_eq!(
            strip(list).as_deref(),
            Ok(
                "// This Source Code Form is subject to the terms of the Mozilla Public\n\
                // License, v. 2.0.\n\
                // VERSION: 2026-10-22_08-36-41_UTC\n\
                // COMMIT: abc\n\
                // ===BEGIN ICANN DOMAINS===\n\
                ac\n\
                com.ac\n\
                // ===END ICANN DOMAINS===\n\
                // ===BEGIN PRIVATE DOMAINS===\n\
                github.io\n"
            )
        );
        assert!(strip("<!doctype html>").is_err());
    }
}
