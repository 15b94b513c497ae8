//! Classroom mode: who is asking (a learner, or the instructor holding the
//! key), what they may see in the log and what their reset clears; the
//! instructor key itself.
//!
//! | request to `/api/…`        | loopback lab            | classroom mode                  |
//! |----------------------------|-------------------------|---------------------------------|
//! | `?learner=T`               | T's entries             | T's entries                     |
//! | no tag                     | every entry             | untagged entries only           |
//! | `?instructor=KEY`          | (ignored)               | every entry, each with its tag  |
//! | `?instructor=KEY&learner=T`| (ignored)               | T's entries                     |
//! | reset `?learner=T`         | T's posts, whole log    | T's posts and T's entries       |
//! | reset `?instructor=KEY`    | (ignored)               | everyone's posts, whole log     |
//!
//! A wrong key counts as no key: that browser gets a learner's view.

use cors_core::wire::INSTRUCTOR_PARAM;

use crate::log::{Reset, ResetScope, Viewer};
use crate::record::learner_from_query;
use crate::state::AppState;

/// Length of a generated key, in hex digits (128 bits of OS randomness).
const KEY_HEX_LEN: usize = 32;

/// A fresh instructor key: 32 hex digits from the operating system's
/// random source.
pub fn new_instructor_key() -> String {
    random_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<String>()
        .chars()
        .take(KEY_HEX_LEN)
        .collect()
}

#[cfg(unix)]
fn random_bytes() -> [u8; 16] {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    match read {
        Ok(()) => bytes,
        Err(_) => hashed_randomness(),
    }
}

#[cfg(not(unix))]
fn random_bytes() -> [u8; 16] {
    hashed_randomness()
}

/// 16 bytes from std's randomly keyed SipHash (seeded by the OS): the
/// fallback when `/dev/urandom` cannot be read.
fn hashed_randomness() -> [u8; 16] {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_usize(i);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        hasher.write_u128(nanos);
        chunk.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    bytes
}

/// Whether `key` may be used as an instructor key (`--instructor-key`): 16
/// to 128 characters, letters, digits, `-` and `_` (it rides in a URL).
pub fn check_key(key: &str) -> Result<(), String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if !(16..=128).contains(&key.len()) {
        return Err(format!(
            "an instructor key needs 16 to 128 characters (got {})",
            key.len()
        ));
    }
    if !key.chars().all(allowed) {
        return Err("an instructor key may only hold letters, digits, `-` and `_`".to_owned());
    }
    Ok(())
}

/// Compares every byte whatever the first difference, so the time taken
/// says nothing about how much of a guess was right.
fn same_key(expected: &str, given: &str) -> bool {
    let (expected, given) = (expected.as_bytes(), given.as_bytes());
    if expected.len() != given.len() {
        return false;
    }
    expected
        .iter()
        .zip(given)
        .fold(0u8, |diff, (a, b)| diff | (a ^ b))
        == 0
}

/// The `instructor` parameter of a raw query, if any.
fn key_from_query(query: Option<&str>) -> Option<String> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == INSTRUCTOR_PARAM)
        .map(|(_, value)| value.into_owned())
}

/// Whether the query carries the valid instructor key (always false
/// outside classroom mode).
pub fn is_instructor(state: &AppState, query: Option<&str>) -> bool {
    match (state.classroom(), key_from_query(query)) {
        (Some(classroom), Some(key)) => same_key(&classroom.instructor_key, &key),
        _ => false,
    }
}

/// Who is reading the log, from the query of `/api/log` or
/// `/api/log/stream` (see the module's table).
pub fn viewer(state: &AppState, query: Option<&str>) -> Viewer {
    let learner = learner_from_query(query);
    let sees_everyone_untagged = state.classroom().is_none() || is_instructor(state, query);
    match learner {
        Some(tag) => Viewer::Learner(Some(tag)),
        None if sees_everyone_untagged => Viewer::Everyone,
        None => Viewer::Learner(None),
    }
}

/// What `POST /api/reset` clears, from its query (see the module's table).
pub fn reset_of(state: &AppState, query: Option<&str>) -> Reset {
    let learner = learner_from_query(query);
    if state.classroom().is_none() {
        // One person at the lab: that learner's posts (everyone's without a
        // tag), and the whole log.
        let posts = match learner {
            Some(tag) => ResetScope::Learner(Some(tag)),
            None => ResetScope::Everyone,
        };
        return Reset {
            posts,
            log: ResetScope::Everyone,
        };
    }
    let scope = if is_instructor(state, query) {
        ResetScope::Everyone
    } else {
        ResetScope::Learner(learner)
    };
    Reset {
        posts: scope.clone(),
        log: scope,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_fresh_hex() {
        let a = new_instructor_key();
        let b = new_instructor_key();
        assert_eq!(a.len(), KEY_HEX_LEN);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()), "{a}");
        assert_ne!(a, b);
        assert!(check_key(&a).is_ok());
    }

    #[test]
    fn check_key_cases() {
        // (key, accepted)
        let cases = [
            ("0123456789abcdef", true),
            ("class-of-2025_room_B", true),
            ("short", false),
            ("has space in the key!", false),
            ("ünïcödé-ünïcödé-ü", false),
        ];
        for (key, ok) in cases {
            assert_eq!(check_key(key).is_ok(), ok, "{key}");
        }
        assert!(check_key(&"k".repeat(129)).is_err());
    }

    #[test]
    fn same_key_cases() {
        assert!(same_key("abcdef0123456789", "abcdef0123456789"));
        assert!(!same_key("abcdef0123456789", "abcdef012345678"));
        assert!(!same_key("abcdef0123456789", "abcdef0123456788"));
        assert!(!same_key("abcdef0123456789", ""));
    }
}
