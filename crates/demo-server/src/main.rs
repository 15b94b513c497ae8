//! `demo-server`: runs the CORS Lab origins until Ctrl-C or SIGTERM.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use demo_server::classroom::{check_key, new_instructor_key};
use demo_server::{Classroom, Config, DEFAULT_BODY_CAP};

/// CORS Lab demo server: one process playing the app, API and intranet origins.
#[derive(Debug, Parser)]
#[command(name = "demo-server", version)]
struct Args {
    /// Classroom mode: listen on the local network (every interface, unless
    /// --host names one), print the address students open and the
    /// instructor's. Each learner sees only their own requests.
    #[arg(long)]
    lan: bool,
    /// Address to listen on (all three origins) [default: 127.0.0.1, or
    /// 0.0.0.0 with --lan]. An address other than loopback means classroom mode.
    #[arg(long, value_name = "IP")]
    host: Option<IpAddr>,
    /// Port of the app origin (the app and its same-origin API); 0: any free port.
    #[arg(long, value_name = "PORT", default_value_t = demo_server::DEFAULT_APP_PORT)]
    app_port: u16,
    /// Port of the API origin (users.json without CORS headers); 0: any free port.
    #[arg(long, value_name = "PORT", default_value_t = demo_server::DEFAULT_API_PORT)]
    api_port: u16,
    /// Port of the intranet origin (a confidential page); 0: any free port.
    #[arg(long, value_name = "PORT", default_value_t = demo_server::DEFAULT_INTRANET_PORT)]
    intranet_port: u16,
    /// Directory of the built app.
    #[arg(long = "dist", value_name = "DIR", default_value = demo_server::DEFAULT_DIST_DIR)]
    dist_dir: PathBuf,
    /// How many requests the log keeps [default: 1000; 5000 in classroom mode].
    #[arg(long, value_name = "N")]
    log_capacity: Option<usize>,
    /// Classroom mode: the instructor key (16-128 letters, digits, - or _)
    /// instead of a random one, so the instructor's address survives a restart.
    #[arg(long, value_name = "KEY")]
    instructor_key: Option<String>,
}

impl Args {
    /// The server's configuration, or why these flags make none.
    fn config(&self) -> Result<Config, String> {
        let host = self.host.unwrap_or(if self.lan {
            demo_server::LAN_HOST
        } else {
            demo_server::DEFAULT_HOST
        });
        let classroom_mode = self.lan || !host.is_loopback();
        if let (false, Some(_)) = (classroom_mode, &self.instructor_key) {
            return Err(
                "--instructor-key only makes sense in classroom mode (add --lan)".to_owned(),
            );
        }
        let classroom = if classroom_mode {
            let key = match &self.instructor_key {
                Some(key) => {
                    check_key(key)?;
                    key.clone()
                }
                None => new_instructor_key(),
            };
            Some(Classroom::new(key))
        } else {
            None
        };
        let default_capacity = if classroom.is_some() {
            demo_server::CLASSROOM_LOG_CAPACITY
        } else {
            demo_server::DEFAULT_LOG_CAPACITY
        };
        Ok(Config {
            host,
            app_port: self.app_port,
            api_port: self.api_port,
            intranet_port: self.intranet_port,
            dist_dir: self.dist_dir.clone(),
            log_capacity: self.log_capacity.unwrap_or(default_capacity),
            body_cap: DEFAULT_BODY_CAP,
            classroom,
        })
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let config = match args.config() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("demo-server: {message}");
            return ExitCode::from(2);
        }
    };
    let app_built = config.dist_dir.join("index.html").is_file();
    let dist_dir = config.dist_dir.clone();
    let host = config.host;
    let classroom = config.classroom.clone();
    let log_capacity = config.log_capacity;

    let bound = match demo_server::bind(config).await {
        Ok(bound) => bound,
        Err(err) => {
            eprintln!("demo-server: {err}");
            return ExitCode::FAILURE;
        }
    };

    let shutdown = shutdown_signal();
    let ports = [
        ("app origin:     ", bound.app_addr().port()),
        ("api origin:     ", bound.api_addr().port()),
        ("intranet origin:", bound.intranet_addr().port()),
    ];
    let app_port = bound.app_addr().port();
    match &classroom {
        None => {
            let host = url_host(host);
            let url = |port: u16| format!("http://{host}:{port}/");
            println!("CORS Lab is running: open {}", url(app_port));
            for (label, port) in ports {
                println!("  {label} {}", url(port));
            }
        }
        Some(classroom) => print_classroom_banner(host, app_port, &ports, classroom, log_capacity),
    }
    println!("Ctrl-C to stop");
    if !app_built {
        eprintln!(
            "note: {} has no index.html; run `cargo xtask serve` to build the app",
            dist_dir.display()
        );
    }

    match bound.serve(shutdown).await {
        Ok(()) => {
            println!("CORS Lab stopped");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("demo-server: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Where students and the instructor go, and what classroom mode keeps.
fn print_classroom_banner(
    host: IpAddr,
    app_port: u16,
    ports: &[(&str, u16)],
    classroom: &Classroom,
    log_capacity: usize,
) {
    let listening = if host.is_unspecified() {
        format!("{host} (every interface)")
    } else {
        host.to_string()
    };
    println!("CORS Lab is running in classroom mode, listening on {listening}");
    let mut hosts: Vec<String> = demo_server::lan::student_addresses(host)
        .into_iter()
        .map(url_host)
        .collect();
    if hosts.is_empty() {
        println!("  (no network address found: is this machine on a network? Only this machine can connect.)");
        hosts.push("localhost".to_owned());
    }
    println!("Students open:");
    for host in &hosts {
        println!("  http://{host}:{app_port}/");
    }
    println!("Instructor (keep this address to yourself: it shows every learner's requests):");
    println!(
        "  http://{}:{app_port}/?instructor={}",
        hosts[0], classroom.instructor_key
    );
    for (label, port) in ports {
        println!("  {label} http://{}:{port}/", hosts[0]);
    }
    println!(
        "Each learner sees and resets only their own requests and posts; the log keeps {} per learner ({log_capacity} in all); learners idle for {} are forgotten.",
        classroom.log_per_learner,
        duration_words(classroom.learner_idle)
    );
    if host.is_loopback() {
        println!("Listening on loopback: only this machine can connect.");
    } else {
        println!(
            "Students who cannot connect: allow these TCP ports through this machine's firewall."
        );
    }
}

/// `2 h`, `90 min`, `45 s`.
fn duration_words(duration: std::time::Duration) -> String {
    let secs = duration.as_secs();
    match secs {
        s if s >= 3600 && s % 3600 == 0 => format!("{} h", s / 3600),
        s if s >= 60 && s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

/// The host as written in a URL: `localhost` for loopback.
fn url_host(host: IpAddr) -> String {
    match host {
        host if host.is_loopback() => "localhost".to_owned(),
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed right away (not
/// on first poll), so a signal sent as soon as the banner is out is not lost.
#[cfg(unix)]
fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    use tokio::signal::unix::{signal, SignalKind};
    let interrupt = signal(SignalKind::interrupt());
    let terminate = signal(SignalKind::terminate());
    async move {
        let wait = |signal: std::io::Result<tokio::signal::unix::Signal>| async move {
            match signal {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                // Cannot listen for it: only the other signal (or killing) stops us.
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = wait(interrupt) => {}
            () = wait(terminate) => {}
        }
    }
}

/// Completes on Ctrl-C.
#[cfg(not(unix))]
fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}
