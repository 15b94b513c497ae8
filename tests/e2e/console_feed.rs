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

use std::sync::{Arc, Mutex};

/// Lines arriving from a console, kept in order as they come.
#[derive(Clone, Default)]
pub struct ConsoleFeed {
    lines: Arc<Mutex<Vec<String>>>,
}

impl ConsoleFeed {
    pub fn push(&self, line: String) {
        self.lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line);
    }

    /// The lines from index `from` on.
    pub fn since(&self, from: usize) -> Vec<String> {
        let lines = self.lines.lock().unwrap_or_else(|e| e.into_inner());
        lines
            .get(from..)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.lines.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// A WebKit console line without its `CONSOLE <SOURCE> <LEVEL> ` prefix
/// (Safari's console shows the text alone), or `None` for other output.
pub fn webkit_console_text(line: &str) -> Option<String> {
    let rest = line.strip_prefix("CONSOLE ")?;
    let mut words = rest.splitn(3, ' ');
    let _source = words.next()?;
    let _level = words.next()?;
    Some(words.next().unwrap_or_default().to_owned())
}

/// Follow Firefox's BiDi websocket: subscribe to `log.entryAdded` and push
/// each entry's text into `feed`, until the socket closes (the session ends).
/// Returns once the subscription is confirmed, so nothing logged after it
/// is missed.
pub async fn follow_firefox(ws_url: &str, feed: ConsoleFeed) -> Result<(), String> {
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

fn push_entry(feed: &ConsoleFeed, value: &serde_json::Value) {
    if value["method"] == "log.entryAdded" {
        if let Some(text) = value["params"]["text"].as_str() {
            feed.push(text.to_owned());
        }
    }
}
