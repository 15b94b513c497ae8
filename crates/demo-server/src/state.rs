//! State shared by every origin's handlers.

use std::future::Future;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use cors_core::wire::{DemoConfig, Role};
use tokio::sync::watch;

use crate::config::{Classroom, Config};
use crate::log::{LogLimits, RequestLog, Reset, ResetScope};
use crate::posts::{PostStore, BUCKET_IDLE, MAX_BUCKETS};

/// Where the server gets the time from for idle expiry: `Instant::now`, or
/// a test's hand-moved clock.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> Instant + Send + Sync>);

impl Clock {
    /// The real clock.
    pub fn system() -> Self {
        Clock(Arc::new(Instant::now))
    }

    /// A clock reading `now()`.
    pub fn from_fn(now: impl Fn() -> Instant + Send + Sync + 'static) -> Self {
        Clock(Arc::new(now))
    }

    pub fn now(&self) -> Instant {
        (self.0)()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// Cheap to clone: everything lives behind one `Arc`.
#[derive(Clone, Debug)]
pub struct AppState {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    demo: DemoConfig,
    /// The address every origin listens on (the proxy connects to it).
    host: IpAddr,
    dist_dir: PathBuf,
    body_cap: usize,
    classroom: Option<Classroom>,
    clock: Clock,
    log: RequestLog,
    /// The API origin's blog posts, one bucket per learner.
    posts: PostStore,
    /// Set to true when the server shuts down, ending open SSE streams (which
    /// would otherwise hold graceful shutdown forever).
    closing: watch::Sender<bool>,
}

impl AppState {
    /// State for a server configured by `config`; its ports are the ones
    /// reported by `/api/config` and recorded in the log, so pass the ports
    /// actually bound ([`crate::bind`] does).
    pub fn new(config: &Config) -> Self {
        AppState::with_clock(config, Clock::system())
    }

    /// [`AppState::new`] reading the time from `clock` (tests move it by
    /// hand to check idle expiry without sleeping).
    pub fn with_clock(config: &Config, clock: Clock) -> Self {
        let (closing, _) = watch::channel(false);
        let (log_limits, learner_idle) = match &config.classroom {
            Some(classroom) => (
                LogLimits::classroom(
                    config.log_capacity,
                    classroom.log_per_learner,
                    classroom.learner_idle,
                ),
                classroom.learner_idle,
            ),
            None => (LogLimits::single(config.log_capacity), BUCKET_IDLE),
        };
        AppState {
            shared: Arc::new(Shared {
                demo: DemoConfig {
                    app_port: config.app_port,
                    api_port: config.api_port,
                    intranet_port: config.intranet_port,
                    alt_host: None,
                    classroom: config.classroom.is_some(),
                    instructor: false,
                },
                host: config.host,
                dist_dir: config.dist_dir.clone(),
                body_cap: config.body_cap,
                classroom: config.classroom.clone(),
                clock,
                log: RequestLog::with_limits(log_limits),
                posts: PostStore::new(MAX_BUCKETS, learner_idle),
                closing,
            }),
        }
    }

    /// What `GET /api/config` answers, before the parts that depend on the
    /// request (`alt_host`, `instructor`).
    pub fn demo_config(&self) -> &DemoConfig {
        &self.shared.demo
    }

    /// Classroom mode's settings; None for a lab on loopback.
    pub fn classroom(&self) -> Option<&Classroom> {
        self.shared.classroom.as_ref()
    }

    /// The time now, from the state's clock.
    pub fn now(&self) -> Instant {
        self.shared.clock.now()
    }

    /// The port `role`'s origin listens on.
    pub fn port(&self, role: Role) -> u16 {
        let demo = &self.shared.demo;
        match role {
            Role::App => demo.app_port,
            Role::Api => demo.api_port,
            Role::Intranet => demo.intranet_port,
        }
    }

    /// The request log. Tests read it directly, e.g.
    /// `state.log().entries(None)` (everything, oldest first),
    /// `state.log().entries(Some("ada"))` (one learner's), or
    /// `state.log().entries_for_case("c1")` (one `/cors` scenario run's).
    pub fn log(&self) -> &RequestLog {
        &self.shared.log
    }

    /// The blog posts of the API origin, per learner. Tests read them
    /// directly, e.g. `state.posts().list(Some("ada"))`.
    pub fn posts(&self) -> &PostStore {
        &self.shared.posts
    }

    /// The address the origins listen on.
    pub fn listen_host(&self) -> IpAddr {
        self.shared.host
    }

    pub fn dist_dir(&self) -> &Path {
        &self.shared.dist_dir
    }

    pub fn body_cap(&self) -> usize {
        self.shared.body_cap
    }

    /// Puts the demo back as it was at start: an empty log and every
    /// learner's posts as seeded.
    pub fn reset(&self) {
        self.apply_reset(Reset {
            posts: ResetScope::Everyone,
            log: ResetScope::Everyone,
        });
    }

    /// What one `POST /api/reset` does (see [`crate::classroom::reset_of`]).
    pub fn apply_reset(&self, reset: Reset) {
        match reset.posts {
            ResetScope::Learner(tag) => self.shared.posts.reset(tag.as_deref()),
            ResetScope::Everyone => self.shared.posts.reset_all(),
        }
        self.shared.log.clear_scope(reset.log);
    }

    /// Starts shutting down: open event streams end.
    pub fn close(&self) {
        self.shared.closing.send_replace(true);
    }

    /// Resolves once [`AppState::close`] was called.
    pub fn closed(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut closing = self.shared.closing.subscribe();
        async move {
            // An error means the state is gone, which is as closed as it gets.
            let _ = closing.wait_for(|closing| *closing).await;
        }
    }
}
