//! The quiz in Traditional Chinese (zh-TW): every question asked, answered
//! wrongly (the feedback, then every other choice explained), answered
//! rightly, and each answer revealed in presenter mode — with no English
//! left but code, names, and the Latin words the zh-TW texts themselves use
//! (header names, URLs, console messages: the browsers' words).

use std::time::{Duration, Instant};

use cors_core::quiz;

use crate::harness::{Lab, PATIENCE};
use crate::language::{assert_no_english, html_lang_until};

/// A locale's `quiz.json`.
pub fn quiz_file(tag: &str) -> serde_json::Value {
    let path = format!("{}/locales/{tag}/quiz.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A choice's feedback as the page shows it (inline elements' tags gone).
pub fn feedback(file: &serde_json::Value, q: &quiz::Question, index: usize) -> String {
    let option = quiz::option_key(index).expect("an option key");
    let text = file["questions"][q.id.key()]["choices"][option]["feedback"]
        .as_str()
        .unwrap_or_else(|| panic!("{}: no feedback for {option}", q.slug));
    ["code", "strong", "em", "kbd"]
        .iter()
        .fold(text.to_owned(), |t, e| {
            t.replace(&format!("<{e}>"), "")
                .replace(&format!("</{e}>"), "")
        })
}

/// The Latin words the zh-TW questions use outside `<code>`: names of
/// headers, methods, tools, URLs, the browsers' console messages. Anything
/// else in Latin script on the page is English left behind.
fn latin_in_chinese_texts() -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            serde_json::Value::String(text) => {
                let mut rest = text.as_str();
                let mut plain = String::new();
                while let Some(start) = rest.find("<code>") {
                    plain.push_str(&rest[..start]);
                    rest = rest[start..].split_once("</code>").map_or("", |(_, r)| r);
                }
                plain.push_str(rest);
                let mut word = String::new();
                for c in plain.chars().chain([' ']) {
                    // Latin letters with diacritics too (`bücher`), as the page check reads them.
                    let latin =
                        c.is_ascii_alphabetic() || (c.is_alphabetic() && (c as u32) < 0x0250);
                    let inner = latin || c.is_ascii_digit() || matches!(c, '\'' | '’' | '.' | '-');
                    if latin || (inner && !word.is_empty()) {
                        word.push(c);
                    } else if !word.is_empty() {
                        let trimmed = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                        out.push(trimmed.to_owned());
                        word.clear();
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&quiz_file("zh-TW")["questions"], &mut out);
    // The question list cuts prompts short: `response.headers.get(…)`.
    out.push("respon".to_owned());
    // Keys, as the presenter's help and toggle name them (common.json's).
    for key in ["Alt", "P", "PageDown", "PageUp", "Home", "End"] {
        out.push(key.to_owned());
    }
    out.sort();
    out.dedup();
    out
}

async fn slug_until(lab: &Lab, slug: &str) {
    let started = Instant::now();
    loop {
        let shown = lab
            .client
            .execute(
                "return document.querySelector(\"[data-testid='quiz-question']\")?.dataset?.slug ?? null;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned));
        if shown.as_deref() == Some(slug) {
            return;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the quiz shows {shown:?}, not {slug}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_question_in_traditional_chinese() {
    let lab = Lab::start().await;
    let kept_owned = latin_in_chinese_texts();
    let kept: Vec<&str> = kept_owned.iter().map(String::as_str).collect();
    let questions = quiz::all();
    lab.open(&format!("/quiz?lang=zh-TW&q={}", questions[0].slug))
        .await;
    html_lang_until(&lab, "zh-TW").await;
    for (n, q) in questions.iter().enumerate() {
        slug_until(&lab, q.slug).await;
        lab.text_until("quiz-answer", |t| t.contains("作答")).await;
        assert_no_english(&lab, &format!("{} asked", q.slug), &kept).await;

        let wrong = q.choices.iter().position(|c| !c.correct).expect("wrong");
        lab.click(&format!("quiz-choice-{wrong}")).await;
        lab.click("quiz-answer").await;
        lab.text_until("quiz-feedback", |t| t.contains("不太對"))
            .await;
        // The other choices, the right one among them, each explained.
        lab.text_until("quiz-every-choice", |t| t.contains("✓ 正確"))
            .await;
        lab.text_until("quiz-look-for", |t| !t.is_empty()).await;
        if matches!(q.evidence, quiz::Evidence::Origins { .. }) {
            lab.text_until("quiz-origin-verdict", |t| t.contains("源"))
                .await;
        }
        assert_no_english(&lab, &format!("{} answered wrongly", q.slug), &kept).await;

        let right = q.choices.iter().position(|c| c.correct).expect("right");
        lab.click(&format!("quiz-choice-{right}")).await;
        lab.click("quiz-answer").await;
        lab.text_until("quiz-feedback", |t| t.contains("答對了"))
            .await;
        lab.text_until("quiz-score", |t| t.contains(&format!("答對 {} 題", n + 1)))
            .await;
        assert_no_english(&lab, &format!("{} answered rightly", q.slug), &kept).await;
        if n + 1 < questions.len() {
            lab.click("quiz-next").await;
        }
    }
    lab.screenshot("quiz-zh-TW").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenter_mode_reveals_each_answer_in_traditional_chinese() {
    let lab = Lab::start().await;
    let kept_owned = latin_in_chinese_texts();
    let kept: Vec<&str> = kept_owned.iter().map(String::as_str).collect();
    for (n, q) in quiz::all().iter().enumerate() {
        // Step 2n+2 is question n+1's answer.
        lab.open(&format!("/quiz?present=1&lang=zh-TW&step={}", 2 * n + 2))
            .await;
        html_lang_until(&lab, "zh-TW").await;
        slug_until(&lab, q.slug).await;
        lab.find("quiz-reveal").await;
        lab.expect_text("quiz-correct-mark", "✓ 正確答案").await;
        assert_no_english(&lab, &format!("{} revealed", q.slug), &kept).await;
    }
}
