//! The processes behind a browser session, started on loopback and always
//! ended: the WebDriver server (chromedriver, geckodriver or
//! WebKitWebDriver) in a process group of its own, the throwaway browser
//! profile, and for WebKitGTK an Xvfb display. The browser tests
//! (`tests/e2e/harness.rs`) and the browser benchmark
//! (`bench/src/bin/browser.rs`) both start their browsers through here.
//!
//! - [`Launch`] / [`Driver`]: spawn the driver on a free port (it names its
//!   own, or is given one and its `/status` is polled), collect what it
//!   prints ([`LineFeed`]), try a fresh driver when one exits or stays
//!   silent, and open WebDriver sessions on it. Drop kills its group.
//! - [`Profile`]: a fresh profile directory; Drop kills every process still
//!   naming it (Chromium moves helpers out of the driver's group) and
//!   deletes it.
//! - [`Xvfb`]: an X display on a free number; Drop kills it and its files.
//! - [`ProcessGroup`]: any child in a group of its own, killed on Drop.
//!
//! Every wait polls, bounded by [`PATIENCE`]. Native (Linux) only.
#![cfg(unix)]

mod chromium;
mod driver;
mod feed;
mod group;
mod xvfb;

use std::time::Duration;

pub use chromium::{chromium_args, chromium_binary, Cdp};
pub use driver::{Driver, Kind, Launch};
pub use feed::LineFeed;
pub use group::{free_port, kill_processes_using, ProcessGroup, Profile};
pub use xvfb::Xvfb;

/// How long any start-up wait may last before it gives up with what it saw.
pub const PATIENCE: Duration = Duration::from_secs(30);
