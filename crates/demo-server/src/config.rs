//! What the server is told at start: where to listen and how much to keep.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

pub const DEFAULT_HOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
pub const DEFAULT_APP_PORT: u16 = 8080;
pub const DEFAULT_API_PORT: u16 = 8081;
pub const DEFAULT_INTRANET_PORT: u16 = 8082;
pub const DEFAULT_DIST_DIR: &str = "dist";
pub const DEFAULT_LOG_CAPACITY: usize = 1000;
pub const DEFAULT_BODY_CAP: usize = 16 * 1024;

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
        }
    }
}
