use std::sync::{Arc, Mutex};

/// Lines arriving from a process's output (or a browser's console), kept
/// in order as they come, with how far a reader has taken them. Clones
/// share the lines.
#[derive(Clone, Default)]
pub struct LineFeed {
    inner: Arc<Mutex<Feed>>,
}

#[derive(Default)]
struct Feed {
    lines: Vec<String>,
    taken: usize,
}

impl LineFeed {
    fn feed(&self) -> std::sync::MutexGuard<'_, Feed> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn push(&self, line: String) {
        self.feed().lines.push(line);
    }

    /// Every line so far (for saying what a driver printed).
    pub fn all(&self) -> Vec<String> {
        self.feed().lines.clone()
    }

    /// The lines no earlier call took.
    pub fn take_new(&self) -> Vec<String> {
        let mut feed = self.feed();
        let new = feed.lines[feed.taken..].to_vec();
        feed.taken = feed.lines.len();
        new
    }

    /// Mark everything so far as taken (what starting the browser printed).
    pub fn skip_to_end(&self) {
        let mut feed = self.feed();
        feed.taken = feed.lines.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_taken_once_and_all_keeps_them() {
        let feed = LineFeed::default();
        let writer = feed.clone();
        writer.push("started".into());
        feed.skip_to_end();
        writer.push("a".into());
        writer.push("b".into());
        assert_eq!(feed.take_new(), ["a", "b"]);
        assert!(feed.take_new().is_empty());
        assert_eq!(feed.all(), ["started", "a", "b"]);
    }
}
