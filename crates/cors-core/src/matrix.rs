//! The scenario matrix format (`tests/data/cors-matrix.json`): groups with a
//! base scenario and `vary` axes, expanded as a cartesian product into
//! [`Scenario`]s with ids `<group>-<index>`. The differential test and the
//! benchmarks read the matrix through this one function.

use serde_json::{json, Value};

use crate::scenario::Scenario;

/// Expand a matrix document. Errors name the group (and scenario) at fault.
pub fn expand(text: &str) -> Result<Vec<Scenario>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let groups = doc["groups"].as_array().ok_or("no `groups` array")?;
    let mut out = Vec::new();
    for group in groups {
        let name = group["name"].as_str().ok_or("a group without a `name`")?;
        let base = json!({
            "request": group.get("request").cloned().unwrap_or(json!({})),
            "server": group.get("server").cloned().unwrap_or(json!({})),
            "repeat": group.get("repeat").cloned().unwrap_or(json!(1)),
        });
        let mut combos = vec![base];
        for axis in group["vary"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let path = axis["path"]
                .as_str()
                .ok_or_else(|| format!("{name}: an axis without a `path`"))?;
            let values = axis["values"]
                .as_array()
                .ok_or_else(|| format!("{name}: axis {path} has no `values`"))?;
            combos = combos
                .iter()
                .flat_map(|combo| {
                    values.iter().map(move |v| {
                        let mut next = combo.clone();
                        set_path(&mut next, path, v.clone());
                        next
                    })
                })
                .collect();
        }
        for (i, mut combo) in combos.into_iter().enumerate() {
            combo["id"] = json!(format!("{name}-{i}"));
            let scenario = serde_json::from_value(combo.clone())
                .map_err(|e| format!("{name}-{i} is not a Scenario ({e}): {combo}"))?;
            out.push(scenario);
        }
    }
    Ok(out)
}

/// Set `a.b.c` in a JSON value, creating objects on the way.
fn set_path(root: &mut Value, path: &str, value: Value) {
    let mut at = root;
    for key in path.split('.') {
        if !at.is_object() {
            *at = json!({});
        }
        if let Value::Object(map) = at {
            at = map.entry(key).or_insert(Value::Null);
        }
    }
    *at = value;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_multiply_and_ids_follow_the_group() {
        let text = r#"{"groups": [{"name": "g", "request": {"method": "GET"},
            "vary": [{"path": "request.method", "values": ["GET", "PUT"]},
                     {"path": "server.actual.acao", "values": ["none", "star", "echo"]}]}]}"#;
        let scenarios = expand(text).expect("expands");
        assert_eq!(scenarios.len(), 6);
        assert_eq!(scenarios[0].id, "g-0");
        assert_eq!(scenarios[5].request.method, "PUT");
    }

    #[test]
    fn bad_documents_are_errors_not_panics() {
        for text in [
            "",
            "{}",
            r#"{"groups": [{}]}"#,
            r#"{"groups": [{"name": "g", "request": {"method": 3}}]}"#,
        ] {
            assert!(expand(text).is_err(), "{text}");
        }
    }
}
