//! `GET /api/log/stream`: the request log as Server-Sent Events.
//!
//! Events:
//! - `entry`, data: a `LogEntry` as JSON, `id:` the entry's id. The stream
//!   starts by replaying the current entries (oldest first), then live ones.
//! - `reset`, data `{}`: the log was cleared; drop the entries shown.
//! - `lagged`, data `{"missed":N}`: this subscriber fell behind and N events
//!   were skipped (the log itself still has the entries, see `/api/log`).
//!
//! With `?learner=TAG` only that learner's entries are sent. On a reconnect
//! the browser sends `Last-Event-ID`; then only newer entries are replayed,
//! preceded by `reset` if the log was cleared meanwhile. Keep-alive comments
//! are sent when idle. Streams end when the server shuts down.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use cors_core::wire::LogEntry;
use futures::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;

use crate::log::{belongs_to, LogEvent};
use crate::record::learner_from_query;
use crate::state::AppState;

pub async fn log_stream(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let learner = learner_from_query(uri.query());
    let last_seen = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let subscription = state.log().subscribe(learner.as_deref(), last_seen);

    let head = subscription
        .reset_first
        .then(reset_event)
        .into_iter()
        .chain(subscription.replay.iter().map(entry_event));
    let live = stream::unfold(
        (subscription.live, learner),
        |(mut live, learner)| async move {
            let event = next_live_event(&mut live, learner.as_deref()).await?;
            Some((event, (live, learner)))
        },
    );
    let events = stream::iter(head.collect::<Vec<_>>())
        .chain(live)
        .map(Ok)
        .take_until(state.closed());
    Sse::new(events).keep_alive(KeepAlive::default())
}

/// The next event for this subscriber; None when the log is gone.
async fn next_live_event(live: &mut Receiver<LogEvent>, learner: Option<&str>) -> Option<Event> {
    loop {
        match live.recv().await {
            Ok(LogEvent::Entry(entry)) if belongs_to(&entry, learner) => {
                return Some(entry_event(&entry))
            }
            Ok(LogEvent::Entry(_)) => continue,
            Ok(LogEvent::Reset) => return Some(reset_event()),
            Err(RecvError::Lagged(missed)) => return Some(lagged_event(missed)),
            Err(RecvError::Closed) => return None,
        }
    }
}

fn entry_event(entry: &Arc<LogEntry>) -> Event {
    let event = Event::default().event("entry").id(entry.id.to_string());
    match serde_json::to_string(&**entry) {
        Ok(json) => event.data(json),
        // Cannot happen (plain strings and numbers), but never panic here.
        Err(_) => Event::default().comment("an entry could not be encoded"),
    }
}

fn reset_event() -> Event {
    Event::default().event("reset").data("{}")
}

fn lagged_event(missed: u64) -> Event {
    Event::default()
        .event("lagged")
        .data(format!(r#"{{"missed":{missed}}}"#))
}
