//! The pages the demo server sends a learner, in Traditional Chinese: the
//! API's login and the attacker's pages opened through the app's own links
//! (`/why`'s credentials demo, the lab's cookie card), which carry `lang=`;
//! the intranet's sheet, which no link opens, from the browser's
//! `Accept-Language`. Each says `<html lang="zh-TW">` and shows no English
//! but names, code and what the browser said.

use crate::harness::{Lab, LabOptions};
use crate::language::{assert_no_english, html_lang_until};
use crate::why_page::{attacker_result, css_text_until};

/// Opens `url` (a link of the app's) and checks the page is all zh-TW.
async fn open_in_chinese(lab: &Lab, url: &str, what: &str) {
    assert!(
        url.contains("lang=zh-TW"),
        "{what}: the link lost the language: {url}"
    );
    lab.client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("cannot open {what}: {e}"));
    html_lang_until(lab, "zh-TW").await;
    let name: String = what
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    lab.screenshot(&format!("server-zh-TW-{name}")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_and_attacker_pages_follow_the_app_s_language() {
    let lab = Lab::start().await;
    lab.open("/why?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("why-cred-cookie", |t| t.contains("還沒有"))
        .await;
    let login = lab.href("why-cred-login").await;
    let same_site = lab.href("why-cred-open-same-site").await;
    let other_site = lab.href("why-cred-open-other-site").await;

    open_in_chinese(&lab, &login, "the login page").await;
    css_text_until(&lab, "h1", |t| t.contains("已登入")).await;
    assert_no_english(&lab, "the login page", &[]).await;

    for (url, what) in [
        (&same_site, "the same-site attacker's page"),
        (&other_site, "the other-site attacker's page"),
    ] {
        open_in_chinese(&lab, url, what).await;
        // What the script got is the browser's own error: as it said it.
        let got = attacker_result(&lab).await;
        assert_eq!(got.trim(), lab.engine.network_error(), "{what}: {got}");
        css_text_until(&lab, "h1", |t| t.contains("攻擊者")).await;
        assert_no_english(&lab, what, &[]).await;
    }

    // The lab's cookie card links to the same login page.
    lab.open("/lab?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    let login = lab.href("lab-login").await;
    open_in_chinese(&lab, &login, "the lab's login link").await;
    assert_no_english(&lab, "the login page (from the lab)", &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_s_english_wins_over_the_browser_s_chinese() {
    let lab = Lab::start_with(LabOptions {
        languages: Some("zh-TW".to_owned()),
        ..LabOptions::default()
    })
    .await;
    lab.open("/why?lang=en").await;
    html_lang_until(&lab, "en").await;
    let login = lab.href("why-cred-login").await;
    assert!(login.contains("lang=en"), "{login}");
    lab.client.goto(&login).await.expect("open the login page");
    html_lang_until(&lab, "en").await;
    css_text_until(&lab, "h1", |t| t.contains("Logged in to the API origin")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_intranet_speaks_the_browser_s_language() {
    let lab = Lab::start_with(LabOptions {
        languages: Some("zh-TW".to_owned()),
        ..LabOptions::default()
    })
    .await;
    let intranet = format!("http://{}:{}/", lab.page_host, lab.intranet_port);
    lab.client.goto(&intranet).await.expect("open the intranet");
    html_lang_until(&lab, "zh-TW").await;
    css_text_until(&lab, "h1", |t| t.contains("第三季薪資表")).await;
    // The company's name; the staff's names are marked translate="no".
    assert_no_english(&lab, "the intranet's sheet", &["ACME"]).await;
    lab.client
        .goto(&format!("{intranet}nope"))
        .await
        .expect("open a missing page");
    html_lang_until(&lab, "zh-TW").await;
    assert_no_english(&lab, "the intranet's 404", &[]).await;
}
