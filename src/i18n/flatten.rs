//! A locale file's texts by key, nested keys joined with `.`, in key order —
//! the order of the arrays browsers fetch. One source for the build step
//! (`build.rs`, which includes this file) and the tests' loader.

use std::collections::BTreeMap;

/// Every text of `value` under `prefix`; a value that is not a text or a
/// group of them is an error naming its key.
pub fn flatten(
    prefix: &str,
    value: &serde_json::Value,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, value, out)?;
            }
            Ok(())
        }
        serde_json::Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
            Ok(())
        }
        _ => Err(format!("`{prefix}`: a text must be a string")),
    }
}
