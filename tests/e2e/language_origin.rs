//! The origin comparator in Traditional Chinese: every example, its
//! verdicts, reasons, breakdown and list — no English left but what is still
//! to be moved into the text layer (see `STILL_ENGLISH`).

use crate::harness::Lab;
use crate::language::{english_words_outside, html_lang_until};

/// Parts whose words core still builds in English (the URL parser's notes
/// and errors): the next step of issue 14.
const STILL_ENGLISH: &[&str] = &["[data-testid$='-notes']", "[data-testid='server-log']"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_example_of_the_comparator_in_traditional_chinese() {
    let lab = Lab::start().await;
    lab.open("/origin?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("origin-verdict", |t| t.contains("跨來源"))
        .await;
    lab.text_until("site-verdict", |t| t.contains("同站")).await;
    let count = lab
        .client
        .execute(
            "return document.querySelectorAll('.presets button').length",
            vec![],
        )
        .await
        .expect("presets")
        .as_u64()
        .expect("a count");
    assert!(count >= 10, "{count} examples");
    for i in 0..count {
        lab.client
            .execute(
                "document.querySelectorAll('.presets button')[arguments[0]].click()",
                vec![serde_json::json!(i)],
            )
            .await
            .expect("click an example");
        // The reason is worded in Chinese (never empty, never English).
        let reason = lab
            .text_until("origin-reason", |t| {
                !t.is_empty() && !t.starts_with("Same") && !t.starts_with("Different")
            })
            .await;
        let words = english_words_outside(
            &lab,
            &["null", "origin", "host-only", "com", "A", "B", "IPv6"],
            STILL_ENGLISH,
        )
        .await;
        assert!(
            words.is_empty(),
            "example {i} ({reason}): English left: {words:?}"
        );
    }
    lab.screenshot("origin-zh-TW").await;
}
