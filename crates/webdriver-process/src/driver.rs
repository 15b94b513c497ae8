use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

use crate::feed::LineFeed;
use crate::group::{free_port, ProcessGroup};
use crate::PATIENCE;

/// Which WebDriver server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Chromium's (`CHROMEDRIVER`, or Debian's `/usr/bin/chromedriver`).
    Chromedriver,
    /// Firefox's (`GECKODRIVER`, or `geckodriver` on the path).
    Geckodriver,
    /// WebKitGTK's (`WEBKITWEBDRIVER`, or `WebKitWebDriver` on the path).
    WebKitWebDriver,
}

impl Kind {
    /// The program: its environment variable, else the usual name.
    pub fn program(self) -> String {
        let (var, default) = match self {
            Kind::Chromedriver => ("CHROMEDRIVER", "/usr/bin/chromedriver"),
            Kind::Geckodriver => ("GECKODRIVER", "geckodriver"),
            Kind::WebKitWebDriver => ("WEBKITWEBDRIVER", "WebKitWebDriver"),
        };
        std::env::var(var).unwrap_or_else(|_| default.to_owned())
    }

    /// The arguments of one start, and the port it was told to use (`None`:
    /// it says which port it chose).
    fn args(self) -> (Vec<String>, Option<u16>) {
        match self {
            Kind::Chromedriver => (vec!["--port=0".to_owned()], None),
            // Each geckodriver its own BiDi port: they all default to 9222,
            // and parallel sessions then reach each other's socket (404).
            Kind::Geckodriver => (
                vec![
                    "--port".to_owned(),
                    "0".to_owned(),
                    "--websocket-port".to_owned(),
                    free_port().to_string(),
                ],
                None,
            ),
            // WebKitWebDriver does not say which port it chose: give it one.
            Kind::WebKitWebDriver => {
                let port = free_port();
                (vec![format!("--port={port}")], Some(port))
            }
        }
    }
}

/// How to start a driver: which, from where, with what environment.
#[derive(Clone, Debug)]
pub struct Launch {
    kind: Kind,
    program: String,
    envs: Vec<(String, String)>,
    attempts: u32,
}

impl Launch {
    pub fn new(kind: Kind) -> Launch {
        Launch {
            kind,
            program: kind.program(),
            envs: Vec::new(),
            attempts: 3,
        }
    }

    /// Another program than [`Kind::program`].
    pub fn program(mut self, program: impl Into<String>) -> Launch {
        self.program = program.into();
        self
    }

    /// An environment variable for the driver (and the browser it starts).
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Launch {
        self.envs.push((name.into(), value.into()));
        self
    }

    /// How many drivers to try before giving up (3 unless told).
    pub fn attempts(mut self, attempts: u32) -> Launch {
        self.attempts = attempts.max(1);
        self
    }

    /// Start the driver and wait until it listens. Seen once in a while on
    /// a busy machine: a driver exits or stays silent before naming its
    /// port. A fresh one is then tried (the failed one killed first), and
    /// what each said goes into the error.
    pub fn start(&self) -> Result<Driver, String> {
        let mut said = Vec::new();
        for attempt in 1..=self.attempts {
            let (args, fixed_port) = self.kind.args();
            let mut command = Command::new(&self.program);
            command
                .args(&args)
                .envs(self.envs.iter().map(|(k, v)| (k, v)))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut group = ProcessGroup::spawn(&mut command).map_err(|e| {
                format!(
                    "cannot start {}: {e} (cargo xtask test installs it)",
                    self.program
                )
            })?;
            let output = LineFeed::default();
            let readers = drain_output(&mut group, &output);
            let ready = match fixed_port {
                Some(port) => wait_for_status(&mut group, port).map(|()| port),
                None => wait_for_port(&mut group, &output),
            };
            match ready {
                Ok(port) => {
                    return Ok(Driver {
                        _group: group,
                        port,
                        output,
                    })
                }
                Err(why) => {
                    // Killed, its pipes close: once the readers have read
                    // them to the end, the output is all it said.
                    group.kill();
                    for reader in readers {
                        let _ = reader.join();
                    }
                    let mut lines = output.all();
                    lines.push(why);
                    said.push(format!("attempt {attempt}: {lines:?}"));
                }
            }
        }
        Err(format!(
            "the {:?} WebDriver server did not start: {said:#?}",
            self.kind
        ))
    }
}

/// A running WebDriver server on loopback, in its own process group (so
/// the browsers it starts go with it); Drop kills the group.
pub struct Driver {
    _group: ProcessGroup,
    port: u16,
    output: LineFeed,
}

impl Driver {
    /// [`Launch::new`] with the defaults, started.
    pub fn start(kind: Kind) -> Result<Driver, String> {
        Launch::new(kind).start()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Everything the driver (and the browser it started) printed, stdout
    /// and stderr, read as it comes so it never writes to a full pipe.
    pub fn output(&self) -> &LineFeed {
        &self.output
    }

    /// A new WebDriver session with these capabilities (under
    /// `alwaysMatch`), retried until [`PATIENCE`] runs out.
    pub async fn session(
        &self,
        capabilities: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Client, String> {
        let url = self.url();
        let started = Instant::now();
        loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return Ok(client),
                Err(e) if started.elapsed() > PATIENCE => {
                    return Err(format!("no WebDriver session: {e}"))
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }
}

/// Threads that read the driver's stdout and stderr into `output` for as
/// long as it runs, so it never writes to a full or closed pipe; they end
/// when the pipes close.
fn drain_output(group: &mut ProcessGroup, output: &LineFeed) -> Vec<JoinHandle<()>> {
    let child = group.child();
    let stdout = child
        .stdout
        .take()
        .map(|o| Box::new(o) as Box<dyn std::io::Read + Send>);
    let stderr = child
        .stderr
        .take()
        .map(|e| Box::new(e) as Box<dyn std::io::Read + Send>);
    [stdout, stderr]
        .into_iter()
        .flatten()
        .map(|stream| {
            let output = output.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    output.push(line);
                }
            })
        })
        .collect()
}

/// The port in "ChromeDriver was started successfully on port 12345." or
/// geckodriver's "Listening on 127.0.0.1:12345".
fn announced_port(line: &str) -> Option<u16> {
    line.split("started successfully on port ")
        .nth(1)
        .or_else(|| line.split("Listening on 127.0.0.1:").nth(1))
        .and_then(|rest| rest.trim_end_matches('.').trim().parse::<u16>().ok())
}

/// Polls the driver's output for the port it announces, or says why not
/// if it exits or stays silent for [`PATIENCE`].
fn wait_for_port(group: &mut ProcessGroup, output: &LineFeed) -> Result<u16, String> {
    let started = Instant::now();
    loop {
        if let Some(port) = output.all().iter().find_map(|line| announced_port(line)) {
            return Ok(port);
        }
        return Err(match group.child().try_wait() {
            Ok(Some(status)) => format!("(exited: {status})"),
            _ if started.elapsed() > PATIENCE => format!("(nothing more within {PATIENCE:?})"),
            _ => {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        });
    }
}

/// Polls the driver's `/status` on `port` until it says it is ready, or
/// says why not if it exits or [`PATIENCE`] runs out.
fn wait_for_status(group: &mut ProcessGroup, port: u16) -> Result<(), String> {
    use std::io::{Read, Write};
    let started = Instant::now();
    loop {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.write_all(b"GET /status HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            if answer.contains("\"ready\"") {
                return Ok(());
            }
        }
        return Err(match group.child().try_wait() {
            Ok(Some(status)) => format!("(exited: {status})"),
            _ if started.elapsed() > PATIENCE => {
                format!("(port {port}: no /status answer within {PATIENCE:?})")
            }
            _ => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_are_read_from_what_each_driver_announces() {
        assert_eq!(
            announced_port("ChromeDriver was started successfully on port 41235."),
            Some(41235)
        );
        assert_eq!(
            announced_port("1733400000000\tgeckodriver\tINFO\tListening on 127.0.0.1:38001"),
            Some(38001)
        );
        assert_eq!(
            announced_port("Starting ChromeDriver 131.0 on port 0"),
            None
        );
    }
}
