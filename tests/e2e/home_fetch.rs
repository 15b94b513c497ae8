//! The first experiment: a real cross-origin fetch that reaches the server
//! and is still withheld from JavaScript.

use crate::harness::Lab;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_fetch_still_reaches_the_server() {
    let lab = Lab::start().await;
    lab.open("/").await;
    lab.click("run-users-fetch").await;

    // What JavaScript got: the generic rejection (each engine words it its
    // own way), nothing of the body.
    lab.expect_text("js-result", &lab.engine.network_error())
        .await;

    // How to open the console, in the words of this very browser.
    let hint = lab.find("console-hint").await.text().await.expect("hint");
    let shortcut = match lab.engine {
        crate::harness::Engine::Chromium => "Ctrl+Shift+J",
        crate::harness::Engine::Firefox => "Ctrl+Shift+K",
        crate::harness::Engine::Webkit => "Show features for web developers",
    };
    assert!(hint.contains(shortcut), "{hint}");

    // What the server received, as the page shows it (live, over SSE).
    let origin = format!("Origin: {}", lab.app_url(""));
    let entry = lab
        .text_until("server-log", |t| {
            t.contains("GET /users.json") && t.contains(&origin)
        })
        .await;
    assert!(entry.contains("→ 200"), "the server answered 200: {entry}");
    let arrived_at = format!("api:{}", lab.api_port);
    assert!(
        entry.to_lowercase().contains(&arrived_at),
        "the log names the API origin's port: {entry}"
    );
    lab.screenshot("home-fetch").await;
}
