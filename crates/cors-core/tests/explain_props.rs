//! Property tests for the error explainer: no text makes it panic or answer
//! with nothing — random strings, and real messages (the examples, and what
//! the engine prints for the scenario matrix) cut, spliced and garbled — and
//! a Chrome message with any URL, origin and value gives those values back.

use std::sync::OnceLock;

use cors_core::engine::{predict_in, Engine, Env, Failure};
use cors_core::explain::{explain, Kind, EXAMPLES};
use proptest::prelude::*;

const MATRIX: &str = include_str!("../../../tests/data/cors-matrix.json");

/// `PROPTEST_CASES` when set (`cargo xtask bench` runs these as a long fuzzing
/// pass), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Real messages: the page's examples, and the Chrome and Firefox messages
/// the engine prints for every failing scenario of the matrix.
fn real_messages() -> &'static [String] {
    static MESSAGES: OnceLock<Vec<String>> = OnceLock::new();
    MESSAGES.get_or_init(|| {
        let env = Env::demo_defaults(true);
        let mut out: Vec<String> = EXAMPLES.iter().map(|(_, m)| (*m).to_owned()).collect();
        for scenario in cors_core::matrix::expand(MATRIX).unwrap_or_default() {
            for engine in Engine::ALL {
                for p in predict_in(engine, &scenario, &env) {
                    out.extend(p.console);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    })
}

/// A real message, changed: cut at a character, a span deleted, text
/// inserted, characters replaced, lines joined or repeated.
fn mutated() -> impl Strategy<Value = String> {
    let count = real_messages().len();
    (
        0..count,
        0..count,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        prop_oneof![
            Just(String::new()),
            Just("'".to_owned()),
            Just("\n".to_owned()),
            Just("' from origin '".to_owned()),
            Just("(redirected from '".to_owned()),
            Just("\\u".to_owned()),
            Just("\\u00".to_owned()),
            Just("Status code: ".to_owned()),
            Just("\u{2018}".to_owned()),
            "\\PC{0,8}",
            ".{0,8}",
        ],
        0u8..7,
    )
        .prop_map(move |(a, b, i, j, insert, op)| {
            let messages = real_messages();
            let text = &messages[a];
            let other = &messages[b];
            let chars: Vec<char> = text.chars().collect();
            let (x, y) = {
                let x = i.index(chars.len() + 1);
                let y = j.index(chars.len() + 1);
                (x.min(y), x.max(y))
            };
            let s = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
            match op {
                0 => s(0..x),
                1 => format!("{}{}", s(0..x), s(y..chars.len())),
                2 => format!("{}{insert}{}", s(0..x), s(x..chars.len())),
                3 => format!("{}{insert}{}", s(0..x), s(y..chars.len())),
                4 => format!("{text}\n{other}"),
                5 => format!("{}{}", s(0..x), other),
                _ => format!("{insert}{}{insert}{}", s(x..y), s(0..x)),
            }
        })
}

/// URL-ish text as it may stand in a message: anything printable but the
/// few sequences that end a URL in Chrome's envelope.
fn message_url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://api.example.com/v1?a=1".to_owned()),
        Just("http://[::1]:8081/x".to_owned()),
        Just("https://bücher.example/ä".to_owned()),
        "https?://[a-z0-9.\\-]{1,12}(:[0-9]{1,5})?/[ -~]{0,24}",
        "[^\\n\\r]{1,24}",
    ]
    .prop_filter("no envelope separators", |u| {
        !u.contains("from origin '")
            && !u.contains("(redirected from '")
            && !u.contains("' has been blocked")
            && !u.trim().is_empty()
            && u.trim() == u
            && !u.contains([
                '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{a0}', '\t', '\u{b4}',
                '\u{2032}', '\u{201a}', '\u{201b}', '\u{201e}', '\u{2033}', '\u{2007}', '\u{202f}',
            ])
            && !u.chars().any(char::is_whitespace)
    })
}

fn message_origin() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("null".to_owned()),
        Just("http://[::1]:5173".to_owned()),
        "https?://[a-z0-9.\\-]{1,12}(:[0-9]{1,5})?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text at all: an answer with a headline, never a panic.
    #[test]
    fn explain_never_panics_on_any_text(text in prop_oneof![".*", "\\PC*", "[ -~\\n]{0,400}", prop::collection::vec(any::<char>(), 0..200).prop_map(|v| v.into_iter().collect::<String>())]) {
        // A headline is always there (a `Point`, never blank).
        let _ = explain(&text).headline;
    }

    /// Real messages, garbled: never a panic, never a blank answer, and a
    /// lab link only with a failure it reproduces.
    #[test]
    fn explain_never_panics_on_garbled_messages(text in mutated()) {
        let e = explain(&text);
        prop_assert!(!e.what.is_empty() || e.fix.as_ref().is_some_and(|f| !f.steps.is_empty()));
        if e.failure.is_none() && e.kind == Kind::Cors {
            prop_assert!(e.lab.is_none());
        }
    }

    /// A Chrome message with any URL, origin and header name gives them back.
    #[test]
    fn chrome_values_round_trip(
        url in message_url(),
        origin in message_origin(),
        header in "[a-z0-9!#$%&*+.^_|~-]{1,20}",
        value in "[ -~]{1,30}",
        prefix in prop_oneof![Just(String::new()), Just("index.html:1 ".to_owned()), Just("(index):1 ".to_owned()), "[a-z]{1,8}\\.js:[0-9]{1,3} "],
    ) {
        let message = format!("{prefix}Access to fetch at '{url}' from origin '{origin}' has been blocked by CORS policy: Request header field {header} is not allowed by Access-Control-Allow-Headers in preflight response.");
        let e = explain(&message);
        prop_assert_eq!(e.values.url.as_deref(), Some(url.as_str()));
        prop_assert_eq!(e.values.origin.as_deref(), Some(origin.as_str()));
        prop_assert_eq!(e.failure, Some(Failure::HeaderNotAllowed { name: header.clone() }));
        prop_assert!(e.lab.is_some(), "{}", message);

        let value = value.trim().to_owned();
        prop_assume!(!value.is_empty() && !value.contains("' that is not") && !value.contains("\\u"));
        let message = format!("Access to fetch at '{url}' from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin. Have the server send the header with a valid value.");
        let e = explain(&message);
        prop_assert_eq!(e.values.acao.as_deref(), Some(value.as_str()));
        prop_assert_eq!(e.kind, Kind::Cors);
    }
}
