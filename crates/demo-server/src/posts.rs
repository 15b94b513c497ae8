//! The API origin's blog posts, one copy per learner.
//!
//! `POST /deletePost` really deletes, which is the point: the browser blocks
//! the page from *reading* the answer, but the request was sent and the
//! server acted on it. So that one learner's deletion never shows up in
//! another learner's lab, every learner tag gets its own bucket, seeded with
//! [`SEED_POSTS`] on first use; requests without a tag share one bucket.
//!
//! Memory stays bounded however many tags arrive: at most [`MAX_BUCKETS`]
//! buckets (the least recently used one is dropped to make room), a bucket
//! idle for longer than [`BUCKET_IDLE`] counts as gone (checked on access, no
//! background task), and tags are cut to [`MAX_TAG_LEN`] bytes.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use cors_core::wire::Post;

/// At most this many learners' buckets are kept.
pub const MAX_BUCKETS: usize = 500;

/// A bucket untouched for longer than this is forgotten (back to the seed).
pub const BUCKET_IDLE: Duration = Duration::from_secs(2 * 60 * 60);

/// Longer learner tags are cut to this many bytes when used as a bucket key,
/// so a huge query cannot make each bucket huge.
pub const MAX_TAG_LEN: usize = 128;

/// Every learner's posts at the start: (id, title, author).
pub const SEED_POSTS: [(u32, &str, &str); 5] = [
    (11, "Hello from the API origin", "Ada Lovelace"),
    (12, "What the Origin header tells a server", "Grace Hopper"),
    (
        13,
        "Why the browser hides this answer from your script",
        "Alan Turing",
    ),
    (14, "Preflights: asking before sending", "Grace Hopper"),
    (15, "Cookies travel, answers stay private", "Ada Lovelace"),
];

/// The seed as owned posts.
pub fn seed_posts() -> Vec<Post> {
    SEED_POSTS
        .iter()
        .map(|&(id, title, author)| Post {
            id,
            title: title.to_owned(),
            author: author.to_owned(),
        })
        .collect()
}

/// What deleting a post did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// The post existed and is gone; this many are left.
    Deleted { remaining: usize },
    /// The learner has no post with that id (any more).
    NotFound,
}

/// Every learner's posts. Shared by all origins through [`crate::AppState`].
#[derive(Debug)]
pub struct PostStore {
    buckets: Mutex<Buckets>,
}

#[derive(Debug)]
struct Buckets {
    /// Key: the (cut) learner tag, None for requests without one.
    map: HashMap<Option<String>, Bucket>,
    capacity: usize,
    idle: Duration,
    /// Ticks on every access; orders buckets by recency (instants can tie).
    clock: u64,
}

#[derive(Debug)]
struct Bucket {
    posts: Vec<Post>,
    last_used: Instant,
    last_tick: u64,
}

impl Default for PostStore {
    fn default() -> Self {
        PostStore::new(MAX_BUCKETS, BUCKET_IDLE)
    }
}

impl PostStore {
    /// A store keeping at most `capacity` buckets (at least one), forgetting
    /// those idle for longer than `idle`.
    pub fn new(capacity: usize, idle: Duration) -> Self {
        PostStore {
            buckets: Mutex::new(Buckets {
                map: HashMap::new(),
                capacity: capacity.max(1),
                idle,
                clock: 0,
            }),
        }
    }

    fn buckets(&self) -> MutexGuard<'_, Buckets> {
        // Every mutation leaves the map consistent, so poisoning is ignored.
        self.buckets.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `learner`'s posts (the seed on first use).
    pub fn list(&self, learner: Option<&str>) -> Vec<Post> {
        self.list_at(learner, Instant::now())
    }

    /// Deletes `learner`'s post `id`.
    pub fn delete(&self, learner: Option<&str>, id: u32) -> Deletion {
        self.delete_at(learner, id, Instant::now())
    }

    /// [`PostStore::list`] as if it were `now`.
    pub fn list_at(&self, learner: Option<&str>, now: Instant) -> Vec<Post> {
        self.buckets().touch(learner, now).posts.clone()
    }

    /// [`PostStore::delete`] as if it were `now`.
    pub fn delete_at(&self, learner: Option<&str>, id: u32, now: Instant) -> Deletion {
        let mut buckets = self.buckets();
        let posts = &mut buckets.touch(learner, now).posts;
        match posts.iter().position(|post| post.id == id) {
            Some(index) => {
                posts.remove(index);
                Deletion::Deleted {
                    remaining: posts.len(),
                }
            }
            None => Deletion::NotFound,
        }
    }

    /// Puts `learner`'s posts back to the seed.
    pub fn reset(&self, learner: Option<&str>) {
        // A missing bucket is the seed, and frees its memory.
        self.buckets().map.remove(&key(learner));
    }

    /// Puts every learner's posts back to the seed.
    pub fn reset_all(&self) {
        self.buckets().map.clear();
    }

    /// How many buckets are held (expired ones included until swept).
    pub fn bucket_count(&self) -> usize {
        self.buckets().map.len()
    }
}

impl Buckets {
    /// `learner`'s bucket, marked as used now: created from the seed if
    /// missing, put back to the seed if it had expired.
    fn touch(&mut self, learner: Option<&str>, now: Instant) -> &mut Bucket {
        self.clock += 1;
        let tick = self.clock;
        let key = key(learner);
        if !self.map.contains_key(&key) {
            self.make_room(now);
        }
        let idle = self.idle;
        let bucket = self.map.entry(key).or_insert_with(|| Bucket {
            posts: seed_posts(),
            last_used: now,
            last_tick: tick,
        });
        if expired(bucket, idle, now) {
            bucket.posts = seed_posts();
        }
        bucket.last_used = now;
        bucket.last_tick = tick;
        bucket
    }

    /// Frees a slot for a new bucket: drops expired buckets, then the least
    /// recently used ones while still full.
    fn make_room(&mut self, now: Instant) {
        let idle = self.idle;
        self.map.retain(|_, bucket| !expired(bucket, idle, now));
        while self.map.len() >= self.capacity {
            let oldest = self
                .map
                .iter()
                .min_by_key(|(_, bucket)| bucket.last_tick)
                .map(|(key, _)| key.clone());
            match oldest {
                Some(oldest) => {
                    self.map.remove(&oldest);
                }
                None => break,
            }
        }
    }
}

fn expired(bucket: &Bucket, idle: Duration, now: Instant) -> bool {
    now.saturating_duration_since(bucket.last_used) > idle
}

/// The bucket key for a learner tag: cut to [`MAX_TAG_LEN`] bytes (at a
/// character boundary).
fn key(learner: Option<&str>) -> Option<String> {
    learner.map(|tag| {
        let mut end = tag.len().min(MAX_TAG_LEN);
        while !tag.is_char_boundary(end) {
            end -= 1;
        }
        tag[..end].to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(posts: &[Post]) -> Vec<u32> {
        posts.iter().map(|post| post.id).collect()
    }

    #[test]
    fn buckets_are_per_learner_and_reset_to_the_seed() {
        let store = PostStore::default();
        assert_eq!(ids(&store.list(Some("a"))), [11, 12, 13, 14, 15]);
        // (learner, id, outcome)
        let cases = [
            (Some("a"), 13, Deletion::Deleted { remaining: 4 }),
            (Some("a"), 13, Deletion::NotFound),
            (Some("a"), 99, Deletion::NotFound),
            (Some("b"), 13, Deletion::Deleted { remaining: 4 }),
            (None, 11, Deletion::Deleted { remaining: 4 }),
            (Some("a"), 11, Deletion::Deleted { remaining: 3 }),
        ];
        for (learner, id, outcome) in cases {
            assert_eq!(store.delete(learner, id), outcome, "{learner:?} {id}");
        }
        assert_eq!(ids(&store.list(Some("a"))), [12, 14, 15]);
        assert_eq!(ids(&store.list(Some("b"))), [11, 12, 14, 15]);
        assert_eq!(ids(&store.list(None)), [12, 13, 14, 15]);

        store.reset(Some("a"));
        assert_eq!(ids(&store.list(Some("a"))), [11, 12, 13, 14, 15]);
        assert_eq!(ids(&store.list(Some("b"))), [11, 12, 14, 15]);
        store.reset_all();
        assert_eq!(ids(&store.list(Some("b"))), [11, 12, 13, 14, 15]);
        assert_eq!(ids(&store.list(None)), [11, 12, 13, 14, 15]);
    }

    #[test]
    fn the_least_recently_used_bucket_makes_room() {
        let store = PostStore::new(3, BUCKET_IDLE);
        let now = Instant::now();
        for tag in ["a", "b", "c"] {
            store.delete_at(Some(tag), 11, now);
        }
        // Using "a" makes "b" the least recently used.
        store.list_at(Some("a"), now);
        store.delete_at(Some("d"), 11, now);
        assert_eq!(store.bucket_count(), 3);
        // (learner, still has its deletion)
        for (tag, deleted) in [("a", true), ("c", true), ("d", true)] {
            let has_11 = ids(&store.list_at(Some(tag), now)).contains(&11);
            assert_eq!(has_11, !deleted, "{tag}");
        }
        // "b" was evicted: it starts again from the seed (evicting another).
        assert!(ids(&store.list_at(Some("b"), now)).contains(&11));
        assert_eq!(store.bucket_count(), 3);
    }

    #[test]
    fn idle_buckets_expire() {
        let store = PostStore::new(2, Duration::from_secs(60));
        let start = Instant::now();
        store.delete_at(Some("a"), 13, start);
        store.delete_at(Some("b"), 13, start);
        let later = start + Duration::from_secs(30);
        assert!(!ids(&store.list_at(Some("a"), later)).contains(&13));
        // "b" idle 90 s: back to the seed on access; "a" only 60 s: kept.
        let much_later = later + Duration::from_secs(60);
        assert!(ids(&store.list_at(Some("b"), much_later)).contains(&13));
        assert!(!ids(&store.list_at(Some("a"), much_later)).contains(&13));
        // A new bucket sweeps the expired ones before evicting live ones.
        let last = much_later + Duration::from_secs(61);
        store.list_at(Some("c"), last);
        assert_eq!(store.bucket_count(), 1);
    }

    #[test]
    fn long_tags_are_cut_at_a_character_boundary() {
        let long = "é".repeat(MAX_TAG_LEN);
        let cut = key(Some(&long)).unwrap_or_default();
        assert_eq!(cut.len(), MAX_TAG_LEN);
        assert_eq!(key(Some("ada")).as_deref(), Some("ada"));
        assert_eq!(key(None), None);
        let store = PostStore::default();
        store.delete(Some(&long), 13);
        assert!(!ids(&store.list(Some(&cut))).contains(&13));
    }
}
