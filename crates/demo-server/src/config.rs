//! What the server is told at start: where to listen and how much to keep.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::time::Duration;

pub const DEFAULT_HOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
/// Where `--lan` listens: every IPv4 interface.
pub const LAN_HOST: IpAddr = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
pub const DEFAULT_APP_PORT: u16 = 8080;
pub const DEFAULT_API_PORT: u16 = 8081;
pub const DEFAULT_INTRANET_PORT: u16 = 8082;
pub const DEFAULT_DIST_DIR: &str = "dist";
pub const DEFAULT_LOG_CAPACITY: usize = 1000;
pub const DEFAULT_BODY_CAP: usize = 16 * 1024;

/// How many requests the log keeps in classroom mode (all learners together).
pub const CLASSROOM_LOG_CAPACITY: usize = 5000;
/// How many requests the log keeps per learner in classroom mode (the app
/// shows at most as many).
pub const LOG_PER_LEARNER: usize = 200;
/// In classroom mode, a learner without a request for this long loses their
/// log entries and their posts go back to the seed.
pub const LEARNER_IDLE: Duration = Duration::from_secs(2 * 60 * 60);

/// Request bodies larger than this are refused with 413 (and still logged).
pub const MAX_REQUEST_BODY: usize = 1024 * 1024;

/// How the server runs. Port 0 means "any free port" (tests use it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Address all three origins listen on (loopback by default).
    pub host: IpAddr,
    pub app_port: u16,
    pub api_port: u16,
    pub intranet_port: u16,
    /// The built app (index.html, wasm, assets) served by the app origin.
    pub dist_dir: PathBuf,
    /// How many requests the log keeps; older ones are dropped.
    pub log_capacity: usize,
    /// How many bytes of each request body the log keeps.
    pub body_cap: usize,
    /// Classroom mode, when several learners share this server.
    pub classroom: Option<Classroom>,
}

/// Classroom mode: each learner (tag) sees only their own requests in the
/// log and resets only their own data; whoever shows the instructor key sees
/// everyone's requests and resets everything. Learners are bounded and
/// forgotten when idle.
#[derive(Clone, PartialEq, Eq)]
pub struct Classroom {
    /// The secret in the instructor's URL (`?instructor=KEY`).
    pub instructor_key: String,
    /// Log entries kept per learner.
    pub log_per_learner: usize,
    /// A learner idle for longer than this is forgotten.
    pub learner_idle: Duration,
}

impl Classroom {
    /// Classroom mode with the default bounds.
    pub fn new(instructor_key: String) -> Self {
        Classroom {
            instructor_key,
            log_per_learner: LOG_PER_LEARNER,
            learner_idle: LEARNER_IDLE,
        }
    }
}

// The key stays out of debug output.
impl std::fmt::Debug for Classroom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Classroom")
            .field("instructor_key", &"…")
            .field("log_per_learner", &self.log_per_learner)
            .field("learner_idle", &self.learner_idle)
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: DEFAULT_HOST,
            app_port: DEFAULT_APP_PORT,
            api_port: DEFAULT_API_PORT,
            intranet_port: DEFAULT_INTRANET_PORT,
            dist_dir: PathBuf::from(DEFAULT_DIST_DIR),
            log_capacity: DEFAULT_LOG_CAPACITY,
            body_cap: DEFAULT_BODY_CAP,
            classroom: None,
        }
    }
}
