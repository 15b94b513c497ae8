//! The origin comparator in Traditional Chinese: every example, its
//! verdicts, reasons, breakdown and list, and every kind of note and error
//! the URL parser gives for a typed URL — no English left.

use crate::harness::Lab;
use crate::language::{english_words_outside, html_lang_until};

/// Parts another test checks (the live log is the lab's).
const STILL_ENGLISH: &[&str] = &["[data-testid='server-log']"];

/// Latin words of the comparator's Chinese: values and names Taiwanese
/// developers write in Latin.
const KEPT: &[&str] = &[
    "null",
    "origin",
    "host-only",
    "com",
    "A",
    "B",
    "IPv4",
    "IPv6",
    "Unicode",
    "punycode",
];

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
        let words = english_words_outside(&lab, KEPT, STILL_ENGLISH).await;
        assert!(
            words.is_empty(),
            "example {i} ({reason}): English left: {words:?}"
        );
    }
    lab.screenshot("origin-zh-TW").await;
}

/// A typed URL and words its note (or error) says in Chinese.
type Case = (&'static str, &'static str);

/// A URL for each kind of note the parser gives (`words::url::note`).
const NOTED: &[Case] = &[
    ("HTTPS://EXAMPLE.com/", "主機名稱不分大小寫"),
    ("http://example.com:80/", "的預設連接埠，所以會被省略"),
    ("http://example.com:/", "沒有接連接埠號碼"),
    ("http://example.com:08080/", "會被讀成數字 8080"),
    ("https://bücher.example/", "（國際化網域名稱）"),
    (
        "https://xn--bcher-kva.example/",
        "瀏覽器可能會顯示 Unicode 形式",
    ),
    ("https://example.com./", "結尾的點讓"),
    ("https://user:pw@example.com/", "使用者名稱和密碼"),
    ("https://user@example.com/", "帶了使用者名稱。"),
    ("http:\\\\example.com\\a\\b", "反斜線"),
    ("http://0x7f.1", "簡寫或不常見的形式"),
    ("http://[0:0:0:0:0:0:0:1]:8080/", "最短的形式"),
    ("http://ex%41mple.com/", "百分比解碼"),
    ("http:example.com", "一條也沒有"),
    ("http:/example.com", "只有一條"),
    ("http:////example.com", "這裡有 4 條"),
    ("http://example.com/a/../b/./c", "區段已被解析掉"),
    ("data:text/html,hi", "來源是不透明的"),
    ("file:///home/me/a.html", "本機檔案"),
    ("about:blank", "協定 about: 沒有自己的來源"),
    ("blob:https://example.com/x", "就是它裡面那個 URL 的來源"),
    ("blob:ftp://host/path", "不是 http: 或 https:"),
    ("blob:d3958f5c-0777", "頁面建立的 blob URL"),
    ("localhost:8080", "你是不是要輸入 http://localhost:8080"),
];

/// A URL for each kind of error (`words::url::error`) and hint.
const FAILING: &[Case] = &[
    (" ", "請輸入一個 URL"),
    (
        "example.com/path",
        "你是不是要輸入 https://example.com/path",
    ),
    ("/path", "請輸入以協定開頭的完整 URL"),
    ("http://", "後面需要主機名稱"),
    ("http://user@/", "「@」後面什麼都沒有"),
    ("http://:80/", "之間什麼都沒有"),
    ("http://::1/", "你是不是要輸入 http://[::1]/"),
    ("http://example.com:99999", "超出範圍"),
    ("http://example.com:1:2/", "必須寫在方括號裡"),
    ("http://256.0.0.1/", "每一段最大只能是 255"),
    ("http://1.2.3.4.5/", "最多只有四段"),
    ("http://999999999999/", "代表整個位址"),
    ("http://1.2.3.999/", "只剩 1 個位元組可填"),
    ("http://1.2.0x1000000/", "剩下的 2 個位元組"),
    ("http://1.2.3.09/", "以 0x 開頭的十六進位"),
    ("http://[::1/", "缺少結尾的「]」"),
    ("http://[1:2:3]/", "不是有效的 IPv6 位址"),
    ("file://host:80/", "file: URL 沒有連接埠"),
    ("http://exa mple.com/", "含有空格"),
    ("http://a<b/", "含有字元 <"),
    ("http://a%25b/", "之後含有百分比符號"),
    ("http://a%01b/", "控制字元 U+0001"),
    ("http://a.b.c.xn--pokxncvks/", "卻不是有效的 punycode"),
];

/// Every kind of note (in URL A's breakdown) and of error (in URL B's),
/// typed into the comparator in zh-TW: each in Chinese, no English left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_note_and_error_in_traditional_chinese() {
    let lab = Lab::start().await;
    // What cannot be typed: a tab inside the URL (the key moves the
    // focus), and a noncharacter in the host.
    lab.open(
        "/origin?lang=zh-TW&a=http%3A%2F%2Fexa%09mple.com%2F&b=http%3A%2F%2F%EF%B7%90zyx.com%2F",
    )
    .await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("breakdown-a-notes", |t| t.contains("定位字元"))
        .await;
    lab.text_until("url-b-error", |t| t.contains("尚未指派的字元"))
        .await;
    assert_chinese(&lab, "a tab in URL A, a noncharacter in URL B").await;

    for &(url, words) in NOTED {
        lab.type_into("url-a", url).await;
        lab.text_until("breakdown-a-notes", |t| t.contains(words))
            .await;
        assert_chinese(&lab, url).await;
    }
    for &(url, words) in FAILING {
        lab.type_into("url-b", url).await;
        lab.text_until("url-b-error", |t| t.contains(words)).await;
        assert_chinese(&lab, url).await;
    }
    // The list's rows say why a line is not a URL, in Chinese too.
    lab.type_into("url-list", "http://example.com:99999").await;
    lab.text_until("origin-table-verdict", |t| t.contains("超出範圍"))
        .await;
    assert_chinese(&lab, "the list").await;
    lab.screenshot("origin-notes-zh-TW").await;
}

async fn assert_chinese(lab: &Lab, what: &str) {
    let words = english_words_outside(lab, KEPT, STILL_ENGLISH).await;
    assert!(words.is_empty(), "{what}: English left: {words:?}");
}
