//! The request log: a bounded ring of [`LogEntry`] plus a bounded broadcast
//! channel that tells live subscribers (the SSE stream) about new entries and
//! resets. Memory stays flat however many requests arrive and however slow a
//! subscriber is.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use cors_core::scenario::CASE_PARAM;
use cors_core::wire::LogEntry;
use tokio::sync::broadcast;

/// How many events a subscriber may fall behind before it misses some (it is
/// then told how many it missed).
pub const SUBSCRIBER_BUFFER: usize = 256;

/// What live subscribers are told.
#[derive(Clone, Debug)]
pub enum LogEvent {
    /// A request was recorded.
    Entry(Arc<LogEntry>),
    /// The log was cleared.
    Reset,
}

/// The log of requests received by the logged origins.
#[derive(Debug)]
pub struct RequestLog {
    ring: Mutex<Ring>,
    events: broadcast::Sender<LogEvent>,
}

#[derive(Debug)]
struct Ring {
    entries: VecDeque<Arc<LogEntry>>,
    capacity: usize,
    /// The id the next entry gets. Never goes back, so ids are never reused.
    next_id: u64,
    /// The first id given out after the last reset (1 if never reset).
    reset_floor: u64,
}

/// A new subscriber's starting point, taken atomically with the subscription
/// so that nothing is missed or seen twice between replay and live events.
#[derive(Debug)]
pub struct Subscription {
    /// The subscriber holds entries the log no longer has: tell it to clear
    /// them before the replay.
    pub reset_first: bool,
    /// Current entries to send first, oldest first.
    pub replay: Vec<Arc<LogEntry>>,
    /// Everything after the replay.
    pub live: broadcast::Receiver<LogEvent>,
}

impl RequestLog {
    /// A log keeping at most `capacity` entries (the newest ones).
    pub fn new(capacity: usize) -> Self {
        let (events, _) = broadcast::channel(SUBSCRIBER_BUFFER);
        RequestLog {
            ring: Mutex::new(Ring {
                entries: VecDeque::with_capacity(capacity.min(1024)),
                capacity,
                next_id: 1,
                reset_floor: 1,
            }),
            events,
        }
    }

    fn ring(&self) -> MutexGuard<'_, Ring> {
        // A panic while holding the lock leaves the ring consistent (every
        // mutation is a single push/pop/clear), so poisoning can be ignored.
        self.ring.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records an entry, giving it the next id (whatever `entry.id` held), and
    /// tells live subscribers. Returns the id.
    pub fn push(&self, mut entry: LogEntry) -> u64 {
        let mut ring = self.ring();
        let id = ring.next_id;
        ring.next_id += 1;
        entry.id = id;
        let entry = Arc::new(entry);
        ring.entries.push_back(Arc::clone(&entry));
        while ring.entries.len() > ring.capacity {
            ring.entries.pop_front();
        }
        // Sent under the lock so subscribers see events in id order. An error
        // only means nobody is listening.
        let _ = self.events.send(LogEvent::Entry(entry));
        id
    }

    /// The current entries, oldest first, only `learner`'s when given.
    pub fn entries(&self, learner: Option<&str>) -> Vec<LogEntry> {
        self.ring()
            .entries
            .iter()
            .filter(|entry| belongs_to(entry, learner))
            .map(|entry| LogEntry::clone(entry))
            .collect()
    }

    /// The current entries of one scenario run, oldest first: those whose
    /// query has `case=<case>` (the parameter [`CASE_PARAM`] the app adds to
    /// every `/cors` request, redirects carry it on). Compares the decoded
    /// value exactly, so `case=1` does not match `case=10`.
    pub fn entries_for_case(&self, case: &str) -> Vec<LogEntry> {
        self.ring()
            .entries
            .iter()
            .filter(|entry| case_of(entry).as_deref() == Some(case))
            .map(|entry| LogEntry::clone(entry))
            .collect()
    }

    /// Number of entries held.
    pub fn len(&self) -> usize {
        self.ring().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every entry (ids keep counting up) and tells live subscribers.
    pub fn clear(&self) {
        let mut ring = self.ring();
        ring.entries.clear();
        ring.reset_floor = ring.next_id;
        let _ = self.events.send(LogEvent::Reset);
    }

    /// Starts following the log. `learner` filters the replay (live events are
    /// filtered by the caller with [`belongs_to`]). `after_id` is the last id
    /// the subscriber already has (an SSE `Last-Event-ID`): only newer entries
    /// are replayed, unless a reset happened since, in which case
    /// `reset_first` is set and everything is replayed.
    pub fn subscribe(&self, learner: Option<&str>, after_id: Option<u64>) -> Subscription {
        let ring = self.ring();
        let live = self.events.subscribe();
        let (reset_first, after) = match after_id {
            Some(last) if last < ring.reset_floor => (true, 0),
            Some(last) => (false, last),
            None => (false, 0),
        };
        let replay = ring
            .entries
            .iter()
            .filter(|entry| entry.id > after && belongs_to(entry, learner))
            .cloned()
            .collect();
        Subscription {
            reset_first,
            replay,
            live,
        }
    }
}

/// The `case` parameter of the entry's query, decoded, if any.
fn case_of(entry: &LogEntry) -> Option<String> {
    form_urlencoded::parse(entry.query.as_deref()?.as_bytes())
        .find(|(name, _)| name == CASE_PARAM)
        .map(|(_, value)| value.into_owned())
}

/// Whether `entry` is shown to a viewer filtering on `learner` (None: all).
pub fn belongs_to(entry: &LogEntry, learner: Option<&str>) -> bool {
    learner.is_none_or(|tag| entry.learner.as_deref() == Some(tag))
}
