//! State shared by every origin's handlers.

use std::future::Future;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cors_core::wire::{DemoConfig, Role};
use tokio::sync::watch;

use crate::config::Config;
use crate::log::RequestLog;
use crate::posts::PostStore;

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
        let (closing, _) = watch::channel(false);
        AppState {
            shared: Arc::new(Shared {
                demo: DemoConfig {
                    app_port: config.app_port,
                    api_port: config.api_port,
                    intranet_port: config.intranet_port,
                    alt_host: alt_host(config.host),
                },
                host: config.host,
                dist_dir: config.dist_dir.clone(),
                body_cap: config.body_cap,
                log: RequestLog::new(config.log_capacity),
                posts: PostStore::default(),
                closing,
            }),
        }
    }

    /// What `GET /api/config` answers.
    pub fn demo_config(&self) -> &DemoConfig {
        &self.shared.demo
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
        self.reset_for(None);
    }

    /// What `POST /api/reset?learner=TAG` does: clears the (whole) log and
    /// puts `learner`'s posts back as seeded; everyone's without a learner.
    pub fn reset_for(&self, learner: Option<&str>) {
        match learner {
            Some(tag) => self.shared.posts.reset(Some(tag)),
            None => self.shared.posts.reset_all(),
        }
        self.shared.log.clear();
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

/// Another name for the same server that is a different *site*, when there is
/// one: the numeric loopback address for a loopback server (the app is opened
/// on `localhost`). None otherwise: from another machine, a LAN address has
/// no second name we can be sure of.
fn alt_host(host: std::net::IpAddr) -> Option<String> {
    match host {
        std::net::IpAddr::V4(v4) if v4.is_loopback() => Some("127.0.0.1".to_owned()),
        // Written as a URL host, since the app builds URLs from it.
        std::net::IpAddr::V6(v6) if v6.is_loopback() => Some("[::1]".to_owned()),
        _ => None,
    }
}
