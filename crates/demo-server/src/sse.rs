//! `GET /api/log/stream`: the request log as Server-Sent Events.
//!
//! Events:
//! - first, at once, a comment (`: open`): Firefox (and any browser that
//!   waits for bytes) only reports the stream open when something arrives,
//!   and an empty log would otherwise send nothing until the keep-alive.
//! - `entry`, data: a `LogEntry` as JSON, `id:` the entry's id. The stream
//!   starts by replaying the current entries (oldest first), then live ones.
//! - `reset`, data `{}`: the log was cleared; drop the entries shown.
//! - `lagged`, data `{"missed":N}`: this subscriber fell behind and N events
//!   were skipped (the log itself still has the entries, see `/api/log`).
//!
//! With `?learner=TAG` only that learner's entries are sent; in classroom
//! mode a request without the instructor key only ever gets its own learner's
//! (see [`crate::classroom`]). A `reset` of one learner's entries says whose:
//! data `{"learner":"TAG"}` (`null` for the untagged ones). On a reconnect
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

use crate::classroom::viewer;
use crate::log::{LogEvent, ResetScope, Viewer};
use crate::state::AppState;

pub async fn log_stream(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let viewer = viewer(&state, uri.query());
    let last_seen = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let subscription = state.log().subscribe(&viewer, last_seen);

    let head = std::iter::once(Event::default().comment(OPEN_COMMENT))
        .chain(
            subscription
                .reset_first
                .then(|| reset_event(&ResetScope::Everyone)),
        )
        .chain(subscription.replay.iter().map(entry_event));
    let live = stream::unfold(
        (subscription.live, viewer),
        |(mut live, viewer)| async move {
            let event = next_live_event(&mut live, &viewer).await?;
            Some((event, (live, viewer)))
        },
    );
    let events = stream::iter(head.collect::<Vec<_>>())
        .chain(live)
        .map(Ok)
        .take_until(state.closed());
    Sse::new(events).keep_alive(KeepAlive::default())
}

/// What a stream says first, as a comment (browsers ignore it).
const OPEN_COMMENT: &str = "open";

/// The next event for this subscriber; None when the log is gone.
async fn next_live_event(live: &mut Receiver<LogEvent>, viewer: &Viewer) -> Option<Event> {
    loop {
        match live.recv().await {
            Ok(LogEvent::Entry(entry)) if viewer.sees(&entry) => return Some(entry_event(&entry)),
            Ok(LogEvent::Reset(scope)) if viewer.affected_by(&scope) => {
                return Some(reset_event(&scope))
            }
            Ok(LogEvent::Entry(_) | LogEvent::Reset(_)) => continue,
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

/// `reset`: data `{}` when everything was cleared, `{"learner":…}` when
/// one learner's entries were.
fn reset_event(scope: &ResetScope) -> Event {
    let data = match scope {
        ResetScope::Everyone => "{}".to_owned(),
        ResetScope::Learner(tag) => serde_json::json!({ "learner": tag }).to_string(),
    };
    Event::default().event("reset").data(data)
}

fn lagged_event(missed: u64) -> Event {
    Event::default()
        .event("lagged")
        .data(format!(r#"{{"missed":{missed}}}"#))
}
