//! Shared pieces of the benchmark programs: the demo server as a separate
//! process (free ports, killed on drop), its memory, percentiles, and the
//! result rows `cargo xtask bench` collects.
//!
//! Every program prints its results to stdout as markdown table rows
//! (`| area | metric | value |`) and its progress to stderr.

pub mod http;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One result row of the benchmark table.
/// Run a bench program's async body on a multi-threaded runtime; an error is
/// one line on stderr (`<name>: …`) and a failing exit code.
pub fn run_main<F>(name: &str, body: F) -> std::process::ExitCode
where
    F: std::future::Future<Output = Result<(), String>>,
{
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{name}: cannot start tokio: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(body) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{name}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

pub fn row(area: &str, metric: &str, value: impl std::fmt::Display) {
    println!("| {area} | {metric} | {value} |");
}

/// The `q`-quantile (0..=1) of `values` (sorted here), nearest rank; NaN when empty.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Raise this process's open-file limit to the hard limit (1000 connections
/// need more than the usual 1024 descriptors once the server's side counts
/// too); children started afterwards inherit it.
pub fn raise_fd_limit() {
    // SAFETY: getrlimit/setrlimit on our own process with a valid struct.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            let _ = libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// The demo server binary running as its own process on free loopback ports.
/// Drop stops it (SIGTERM, then SIGKILL if it lingers).
pub struct ServerProcess {
    child: Child,
    pub app: SocketAddr,
    pub api: SocketAddr,
}

impl ServerProcess {
    /// Start `binary --app-port 0 --api-port 0 --intranet-port 0 --dist <dist>`
    /// and read the ports it chose from its banner.
    pub fn start(binary: &Path, dist: &Path) -> Result<ServerProcess, String> {
        let mut child = {
            use std::os::unix::process::CommandExt;
            Command::new(binary)
                .args(["--app-port", "0", "--api-port", "0", "--intranet-port", "0"])
                .arg("--dist")
                .arg(dist)
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", binary.display()))?
        };
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = std::sync::mpsc::channel();
        // Reads the banner, then keeps draining stdout so the server never
        // blocks on a full pipe.
        std::thread::spawn(move || {
            let mut ports = (None, None);
            let mut tx = Some(tx);
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let port = || {
                    line.rsplit(':')
                        .next()
                        .and_then(|p| p.trim_end_matches('/').parse::<u16>().ok())
                };
                if line.trim_start().starts_with("app origin:") {
                    ports.0 = port();
                } else if line.trim_start().starts_with("api origin:") {
                    ports.1 = port();
                }
                if let (Some(app), Some(api)) = ports {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send((app, api));
                    }
                }
            }
        });
        let mut server = ServerProcess {
            child,
            app: SocketAddr::from(([127, 0, 0, 1], 0)),
            api: SocketAddr::from(([127, 0, 0, 1], 0)),
        };
        let (app, api) = rx
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| "the demo server did not print its ports within 30 s".to_owned())?;
        server.app.set_port(app);
        server.api.set_port(api);
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory (VmRSS) in KiB, from /proc.
    pub fn rss_kib(&self) -> Option<u64> {
        rss_kib(self.pid())
    }

    /// Stop with SIGTERM and wait (at most `patience`); true if it exited
    /// cleanly (graceful shutdown) within that time.
    pub fn stop(mut self, patience: Duration) -> bool {
        let pid = self.child.id() as i32;
        // SAFETY: a signal to the process we started.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
        let started = std::time::Instant::now();
        while started.elapsed() < patience {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let group = self.child.id() as i32;
            // SAFETY: the process group we created for the server.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
            let _ = self.child.wait();
        }
    }
}

/// VmRSS of `pid` in KiB.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// `KiB` as `12.3 MiB`.
pub fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// A simple `--name value` argument reader.
pub struct Args(Vec<String>);

impl Args {
    pub fn from_env() -> Args {
        Args(std::env::args().skip(1).collect())
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .position(|a| a == name)
            .and_then(|i| self.0.get(i + 1))
            .map(String::as_str)
    }

    pub fn number<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, String> {
        match self.value(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("{name}: `{v}` is not a number")),
        }
    }

    pub fn flag(&self, name: &str) -> bool {
        self.0.iter().any(|a| a == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(quantile(&v, 0.5), 50.0);
        assert_eq!(quantile(&v, 0.99), 99.0);
        assert_eq!(quantile(&v, 1.0), 100.0);
        assert_eq!(quantile(&[3.0], 0.5), 3.0);
        assert!(quantile(&[], 0.5).is_nan());
    }
}
