//! The web-platform-tests URL test data (`tests/data/urltestdata.json` at the
//! repository root) run against this crate's origin model.
//!
//! - Every entry with an `origin` must give that origin: entries without a base
//!   go through `parse_url` (the app's entry point), entries with a base are
//!   parsed against it with the `url` crate, then `origin_of` is applied.
//! - Every entry marked `"failure": true` must fail: `parse_url` must return
//!   `Err` when there is no base; with a base, parsing against it must fail.
//! - Every other entry without a base must parse.
//!
//! Prints `wpt_origin: N passed, 0 failed` and exits non-zero on any failure.

use cors_core::origin::origin_of;
use cors_core::url_parts::parse_url;
use serde_json::Value;
use url::Url;

const DATA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/urltestdata.json"
));

enum Expect {
    Origin(String),
    Failure,
    Parses,
}

fn check(input: &str, base: Option<&str>, expect: &Expect) -> Result<(), String> {
    match base {
        None => match (parse_url(input), expect) {
            (Ok(parts), Expect::Origin(origin)) if &parts.serialized_origin == origin => Ok(()),
            (Ok(parts), Expect::Origin(origin)) => Err(format!(
                "origin {:?}, expected {origin:?}",
                parts.serialized_origin
            )),
            (Ok(parts), Expect::Failure) => {
                Err(format!("parsed as {:?}, expected a failure", parts.href))
            }
            (Ok(_), Expect::Parses) | (Err(_), Expect::Failure) => Ok(()),
            (Err(err), _) => Err(format!("failed to parse: {:?}", err.kind)),
        },
        Some(base) => {
            let parsed = match Url::parse(base) {
                // A base that does not parse makes the test a failure too.
                Err(_) => None,
                Ok(base) => Url::options().base_url(Some(&base)).parse(input).ok(),
            };
            match (parsed, expect) {
                (Some(url), Expect::Origin(origin)) => {
                    let got = origin_of(&url).serialize();
                    if &got == origin {
                        Ok(())
                    } else {
                        Err(format!("origin {got:?}, expected {origin:?}"))
                    }
                }
                (Some(url), Expect::Failure) => {
                    Err(format!("parsed as {:?}, expected a failure", url.as_str()))
                }
                (None, Expect::Failure) | (Some(_), Expect::Parses) => Ok(()),
                (None, _) => Err("failed to parse against the base".to_string()),
            }
        }
    }
}

fn main() {
    let data: Value = match serde_json::from_str(DATA) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("wpt_origin: cannot read urltestdata.json: {e}");
            std::process::exit(2);
        }
    };
    let Some(entries) = data.as_array() else {
        eprintln!("wpt_origin: urltestdata.json is not an array");
        std::process::exit(2);
    };

    let (mut passed, mut failures) = (0usize, Vec::new());
    let (mut origins, mut expected_failures, mut parses) = (0usize, 0usize, 0usize);
    for entry in entries {
        // Strings are comments.
        let Some(obj) = entry.as_object() else {
            continue;
        };
        let Some(input) = obj.get("input").and_then(Value::as_str) else {
            continue;
        };
        let base = obj.get("base").and_then(Value::as_str);
        let expect = if obj.get("failure").and_then(Value::as_bool) == Some(true) {
            expected_failures += 1;
            Expect::Failure
        } else if let Some(origin) = obj.get("origin").and_then(Value::as_str) {
            origins += 1;
            Expect::Origin(origin.to_string())
        } else if base.is_none() {
            parses += 1;
            Expect::Parses
        } else {
            continue;
        };
        match check(input, base, &expect) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!("<{input}> against <{base:?}>: {why}")),
        }
    }

    for failure in &failures {
        println!("FAIL {failure}");
    }
    println!(
        "({origins} origin checks, {expected_failures} failure checks, {parses} parse-only checks)"
    );
    println!("wpt_origin: {passed} passed, {} failed", failures.len());
    if !failures.is_empty() || passed == 0 {
        std::process::exit(1);
    }
}
