//! `demo-server`: runs the CORS Lab origins until Ctrl-C or SIGTERM.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use demo_server::{Config, DEFAULT_BODY_CAP};

/// CORS Lab demo server: one process playing the app, API and intranet origins.
#[derive(Debug, Parser)]
#[command(name = "demo-server", version)]
struct Args {
    /// Address to listen on (all three origins).
    #[arg(long, value_name = "IP", default_value_t = demo_server::DEFAULT_HOST)]
    host: IpAddr,
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
    /// How many requests the log keeps.
    #[arg(long, value_name = "N", default_value_t = demo_server::DEFAULT_LOG_CAPACITY)]
    log_capacity: usize,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let config = Config {
        host: args.host,
        app_port: args.app_port,
        api_port: args.api_port,
        intranet_port: args.intranet_port,
        dist_dir: args.dist_dir,
        log_capacity: args.log_capacity,
        body_cap: DEFAULT_BODY_CAP,
    };
    let app_built = config.dist_dir.join("index.html").is_file();
    let dist_dir = config.dist_dir.clone();

    let bound = match demo_server::bind(config).await {
        Ok(bound) => bound,
        Err(err) => {
            eprintln!("demo-server: {err}");
            return ExitCode::FAILURE;
        }
    };

    let shutdown = shutdown_signal();
    let host = url_host(args.host);
    let url = |port: u16| format!("http://{host}:{port}/");
    println!("CORS Lab is running: open {}", url(bound.app_addr().port()));
    println!("  app origin:      {}", url(bound.app_addr().port()));
    println!("  api origin:      {}", url(bound.api_addr().port()));
    println!("  intranet origin: {}", url(bound.intranet_addr().port()));
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
