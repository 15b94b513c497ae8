//! Compiles in every language's `server.json` (`locales/<lang>/server.json`,
//! the app's text layer; the app's build.rs checks their keys): a new
//! language directory reaches the server's pages without an edit here.
//! Writes `$OUT_DIR/server_locales.rs`: `FILES`, `(tag, text)` with English
//! first (the fallback).

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let locales = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../../locales");
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut tags = Vec::new();
    for entry in std::fs::read_dir(&locales)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            let tag = entry.file_name().to_string_lossy().into_owned();
            let file = entry.path().join("server.json");
            println!("cargo::rerun-if-changed={}", file.display());
            if !file.is_file() {
                return Err(format!("{} is missing", file.display()).into());
            }
            tags.push((tag, file.canonicalize()?));
        }
    }
    tags.sort();
    tags.sort_by_key(|(tag, _)| tag != "en");
    if tags.first().map(|(tag, _)| tag.as_str()) != Some("en") {
        return Err("locales/en/ is missing".into());
    }
    let entries: Vec<String> = tags
        .iter()
        .map(|(tag, file)| {
            format!(
                "    ({tag:?}, include_str!({:?})),",
                file.display().to_string()
            )
        })
        .collect();
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("server_locales.rs");
    std::fs::write(
        out,
        format!(
            "const FILES: [(&str, &str); {}] = [\n{}\n];\n",
            tags.len(),
            entries.join("\n")
        ),
    )?;
    Ok(())
}
