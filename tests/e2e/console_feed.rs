//! Reading each engine's console the way a learner would see it.
//!
//! - Chromium: chromedriver's browser log (`se/log`), which hands each entry
//!   out once.
//! - Firefox: WebDriver BiDi's `log.entryAdded` events on the session's
//!   websocket (`webSocketUrl: true`); CORS errors arrive as level `error`.
//! - WebKitGTK: WebKitWebDriver has neither, so the browser program
//!   (`webkit_browser.py`) prints every console message to its stdout as
//!   `CONSOLE <SOURCE> <LEVEL> <text>`, which is the driver's output; the
//!   harness reads it by position.
//!
//! All three are flushed the same way: the page logs a mark of its own and
//! the reader waits (polling) until the mark arrives; what came before it is
//! what this read returns.

// Lines arrive in a `LineFeed` (shared with the driver's output, which is
// WebKit's console).
use webdriver_process::LineFeed;

/// A WebKit console line without its `CONSOLE <SOURCE> <LEVEL> ` prefix
/// (Safari's console shows the text alone), or `None` for other output.
/// The page's own `console.*` calls come as `CONSOLE <LEVEL> <text>`
/// (seen in WebKitGTK 2.50: `CONSOLE LOG hello`).
pub fn webkit_console_text(line: &str) -> Option<String> {
    const LEVELS: [&str; 5] = ["LOG", "INFO", "WARN", "ERROR", "DEBUG"];
    let rest = line.strip_prefix("CONSOLE ")?;
    let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
    if LEVELS.contains(&first) {
        return Some(after.to_owned());
    }
    let (_level, text) = after.split_once(' ').unwrap_or((after, ""));
    Some(text.to_owned())
}

/// Follow Firefox's BiDi websocket: subscribe to `log.entryAdded` and push
/// each entry's text into `feed`, until the socket closes (the session ends).
/// Returns once the subscription is confirmed, so nothing logged after it
/// is missed.
pub async fn follow_firefox(ws_url: &str, feed: LineFeed) -> Result<(), String> {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    let (mut socket, _) = tokio_tungstenite::connect_async(ws_url)
        .await
        .map_err(|e| format!("BiDi websocket {ws_url}: {e}"))?;
    let subscribe = serde_json::json!({
        "id": 1,
        "method": "session.subscribe",
        "params": { "events": ["log.entryAdded"] },
    });
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .map_err(|e| format!("BiDi subscribe: {e}"))?;
    // Wait for the subscription's answer, keeping any event that comes first.
    loop {
        let Some(message) = socket.next().await else {
            return Err("BiDi websocket closed before subscribing".to_owned());
        };
        let message = message.map_err(|e| format!("BiDi: {e}"))?;
        let Ok(text) = message.to_text() else {
            continue;
        };
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        if value["id"] == 1 {
            if value["type"] == "error" {
                return Err(format!("BiDi subscribe refused: {value}"));
            }
            break;
        }
        push_entry(&feed, &value);
    }
    tokio::spawn(async move {
        while let Some(Ok(message)) = socket.next().await {
            if let Ok(text) = message.to_text() {
                let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
                push_entry(&feed, &value);
            }
        }
    });
    Ok(())
}

fn push_entry(feed: &LineFeed, value: &serde_json::Value) {
    if value["method"] == "log.entryAdded" {
        if let Some(text) = value["params"]["text"].as_str() {
            feed.push(text.to_owned());
        }
    }
}
