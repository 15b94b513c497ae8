//! The request log: a bounded ring of [`LogEntry`] plus a bounded broadcast
//! channel that tells live subscribers (the SSE stream) about new entries and
//! resets. Memory stays flat however many requests arrive and however slow a
//! subscriber is.
//!
//! In classroom mode ([`LogLimits::classroom`]) the ring is shared fairly:
//! each learner keeps at most `per_learner` entries, a full log makes room by
//! dropping the oldest entry of whoever holds the most (a busy learner never
//! pushes out a quiet one's requests), and the entries of a learner idle for
//! longer than `idle` are dropped.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use cors_core::scenario::CASE_PARAM;
use cors_core::wire::LogEntry;
use tokio::sync::broadcast;

/// How many events a subscriber may fall behind before it misses some (it is
/// then told how many it missed).
pub const SUBSCRIBER_BUFFER: usize = 256;

/// How often, at most, idle learners' entries are looked for (on a push).
pub const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// What live subscribers are told.
#[derive(Clone, Debug)]
pub enum LogEvent {
    /// A request was recorded.
    Entry(Arc<LogEntry>),
    /// Entries were cleared: everyone's, or one learner's.
    Reset(ResetScope),
}

/// Whose entries a reset cleared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResetScope {
    /// Every entry.
    Everyone,
    /// The entries of one learner tag (None: the untagged requests).
    Learner(Option<String>),
}

/// What one `POST /api/reset` clears (decided by `classroom::reset_of`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reset {
    /// Whose posts go back to the seed.
    pub posts: ResetScope,
    /// Whose log entries are forgotten.
    pub log: ResetScope,
}

/// Who is reading the log, so what they may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// Every entry (a lab on loopback without a tag, or the instructor).
    Everyone,
    /// Only the entries of one learner tag (None: only untagged requests).
    Learner(Option<String>),
}

impl Viewer {
    /// Whether this viewer sees `entry`.
    pub fn sees(&self, entry: &LogEntry) -> bool {
        match self {
            Viewer::Everyone => true,
            Viewer::Learner(tag) => entry.learner == *tag,
        }
    }

    /// Whether this viewer is told about a reset of `scope`.
    pub fn affected_by(&self, scope: &ResetScope) -> bool {
        match (self, scope) {
            (_, ResetScope::Everyone) | (Viewer::Everyone, _) => true,
            (Viewer::Learner(mine), ResetScope::Learner(theirs)) => mine == theirs,
        }
    }
}

/// How much the log keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogLimits {
    /// Entries kept in all.
    pub capacity: usize,
    /// Entries kept per learner tag (untagged requests count as one learner).
    /// When smaller than `capacity`, a full log drops the oldest entry of the
    /// learner holding the most; otherwise simply the oldest entry.
    pub per_learner: usize,
    /// A learner whose last request is older than this loses their entries.
    pub idle: Option<Duration>,
}

impl LogLimits {
    /// One ring of `capacity` entries, oldest out first, nothing expires:
    /// one person at a lab on loopback.
    pub fn single(capacity: usize) -> Self {
        LogLimits {
            capacity,
            per_learner: capacity,
            idle: None,
        }
    }

    /// Shared fairly between learners, see the module documentation.
    pub fn classroom(capacity: usize, per_learner: usize, idle: Duration) -> Self {
        LogLimits {
            capacity,
            per_learner: per_learner.min(capacity),
            idle: Some(idle),
        }
    }

    fn fair(&self) -> bool {
        self.per_learner < self.capacity
    }
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
    limits: LogLimits,
    /// Every learner tag holding at least one entry.
    learners: HashMap<Option<String>, Learner>,
    /// The id the next entry gets. Never goes back, so ids are never reused.
    next_id: u64,
    /// The first id given out after the last reset (1 if never reset).
    reset_floor: u64,
    last_sweep: Option<Instant>,
}

#[derive(Debug)]
struct Learner {
    entries: usize,
    last_seen: Instant,
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
        RequestLog::with_limits(LogLimits::single(capacity))
    }

    /// A log bounded by `limits`.
    pub fn with_limits(limits: LogLimits) -> Self {
        let (events, _) = broadcast::channel(SUBSCRIBER_BUFFER);
        RequestLog {
            ring: Mutex::new(Ring {
                entries: VecDeque::with_capacity(limits.capacity.min(1024)),
                limits,
                learners: HashMap::new(),
                next_id: 1,
                reset_floor: 1,
                last_sweep: None,
            }),
            events,
        }
    }

    fn ring(&self) -> MutexGuard<'_, Ring> {
        // A panic while holding the lock leaves the ring consistent enough
        // (counts are only used to pick what to drop), so poisoning is ignored.
        self.ring.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records an entry, giving it the next id (whatever `entry.id` held), and
    /// tells live subscribers. Returns the id.
    pub fn push(&self, entry: LogEntry) -> u64 {
        self.push_at(entry, Instant::now())
    }

    /// [`RequestLog::push`] as if it were `now` (which also decides which
    /// learners have been idle too long).
    pub fn push_at(&self, mut entry: LogEntry, now: Instant) -> u64 {
        let mut guard = self.ring();
        let ring = &mut *guard;
        ring.sweep(now);
        let id = ring.next_id;
        ring.next_id += 1;
        entry.id = id;
        let entry = Arc::new(entry);
        ring.entries.push_back(Arc::clone(&entry));
        // Looked up before inserting: no copy of the tag for a known learner.
        let held = match ring.learners.get_mut(&entry.learner) {
            Some(learner) => {
                learner.entries += 1;
                learner.last_seen = now;
                learner.entries
            }
            None => {
                let learner = Learner {
                    entries: 1,
                    last_seen: now,
                };
                ring.learners.insert(entry.learner.clone(), learner);
                1
            }
        };
        let over_own_share = held > ring.limits.per_learner;
        if over_own_share {
            ring.drop_oldest_of(&entry.learner);
        }
        while ring.entries.len() > ring.limits.capacity {
            ring.make_room();
        }
        // Sent under the lock so subscribers see events in id order. An error
        // only means nobody is listening.
        let _ = self.events.send(LogEvent::Entry(entry));
        id
    }

    /// The current entries, oldest first, only `learner`'s when given.
    pub fn entries(&self, learner: Option<&str>) -> Vec<LogEntry> {
        match learner {
            Some(tag) => self.visible_to(&Viewer::Learner(Some(tag.to_owned()))),
            None => self.visible_to(&Viewer::Everyone),
        }
    }

    /// The current entries `viewer` may see, oldest first.
    pub fn visible_to(&self, viewer: &Viewer) -> Vec<LogEntry> {
        self.ring()
            .entries
            .iter()
            .filter(|entry| viewer.sees(entry))
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

    /// How many learner tags hold entries (untagged requests count as one).
    pub fn learner_count(&self) -> usize {
        self.ring().learners.len()
    }

    /// Forgets every entry (ids keep counting up) and tells live subscribers.
    pub fn clear(&self) {
        self.clear_scope(ResetScope::Everyone);
    }

    /// Forgets the entries of `scope` and tells live subscribers.
    pub fn clear_scope(&self, scope: ResetScope) {
        let mut ring = self.ring();
        match &scope {
            ResetScope::Everyone => {
                ring.entries.clear();
                ring.learners.clear();
            }
            ResetScope::Learner(tag) => {
                ring.entries.retain(|entry| entry.learner != *tag);
                ring.learners.remove(tag);
            }
        }
        ring.reset_floor = ring.next_id;
        let _ = self.events.send(LogEvent::Reset(scope));
    }

    /// Starts following the log as `viewer` (live events are filtered by the
    /// caller with [`Viewer::sees`]). `after_id` is the last id the subscriber
    /// already has (an SSE `Last-Event-ID`): only newer entries are replayed,
    /// unless a reset happened since, in which case `reset_first` is set and
    /// everything visible is replayed.
    pub fn subscribe(&self, viewer: &Viewer, after_id: Option<u64>) -> Subscription {
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
            .filter(|entry| entry.id > after && viewer.sees(entry))
            .cloned()
            .collect();
        Subscription {
            reset_first,
            replay,
            live,
        }
    }
}

impl Ring {
    /// Drops the entries of learners idle for longer than the limit (at most
    /// once per [`SWEEP_EVERY`]).
    fn sweep(&mut self, now: Instant) {
        let Some(idle) = self.limits.idle else {
            return;
        };
        if self
            .last_sweep
            .is_some_and(|last| now.saturating_duration_since(last) < SWEEP_EVERY)
        {
            return;
        }
        self.last_sweep = Some(now);
        let before = self.learners.len();
        self.learners
            .retain(|_, learner| now.saturating_duration_since(learner.last_seen) <= idle);
        if self.learners.len() != before {
            let learners = &self.learners;
            self.entries
                .retain(|entry| learners.contains_key(&entry.learner));
        }
    }

    /// Drops the oldest entry of `tag`.
    fn drop_oldest_of(&mut self, tag: &Option<String>) {
        if let Some(index) = self.entries.iter().position(|entry| entry.learner == *tag) {
            self.remove_at(index);
        }
    }

    /// Drops one entry to make room: the oldest overall, or, when the log is
    /// shared fairly, the oldest of the learner holding the most entries.
    fn make_room(&mut self) {
        let index = if self.limits.fair() {
            let most = self
                .learners
                .values()
                .map(|learner| learner.entries)
                .max()
                .unwrap_or(0);
            let learners = &self.learners;
            self.entries
                .iter()
                .position(|entry| {
                    learners
                        .get(&entry.learner)
                        .is_some_and(|learner| learner.entries == most)
                })
                .unwrap_or(0)
        } else {
            0
        };
        self.remove_at(index);
    }

    fn remove_at(&mut self, index: usize) {
        let Some(entry) = self.entries.remove(index) else {
            return;
        };
        if let Some(learner) = self.learners.get_mut(&entry.learner) {
            learner.entries = learner.entries.saturating_sub(1);
            if learner.entries == 0 {
                self.learners.remove(&entry.learner);
            }
        }
    }
}

/// The `case` parameter of the entry's query, decoded, if any.
fn case_of(entry: &LogEntry) -> Option<String> {
    form_urlencoded::parse(entry.query.as_deref()?.as_bytes())
        .find(|(name, _)| name == CASE_PARAM)
        .map(|(_, value)| value.into_owned())
}
