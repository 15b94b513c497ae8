//! The server on real sockets (port 0 everywhere), spoken to in raw HTTP/1.1.

use std::net::SocketAddr;
use std::time::Duration;

use cors_core::wire::{DemoConfig, LogEntry, Role};
use demo_server::{bind, BindError, Config};
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

mod common;
use common::raw::{self, PATIENCE};

fn any_ports(dist: &std::path::Path) -> Config {
    Config {
        app_port: 0,
        api_port: 0,
        intranet_port: 0,
        dist_dir: dist.into(),
        ..Config::default()
    }
}

/// An open `GET /api/log/stream` connection.
struct EventStream {
    stream: TcpStream,
    seen: String,
}

impl EventStream {
    async fn open(addr: SocketAddr, target: &str) -> Self {
        let stream = raw::open(addr, "GET", target, &[("Accept", "text/event-stream")]).await;
        let mut events = EventStream {
            stream,
            seen: String::new(),
        };
        events.read_until(|seen| seen.contains("\r\n\r\n")).await;
        let head = events.seen.to_ascii_lowercase();
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-type: text/event-stream"), "{head}");
        events
    }

    /// Reads until `done` holds for everything read so far; false on EOF.
    async fn read_until(&mut self, done: impl Fn(&str) -> bool) -> bool {
        let mut buf = [0u8; 4096];
        let read = async {
            while !done(&self.seen) {
                let n = self.stream.read(&mut buf).await.expect("read");
                if n == 0 {
                    return false;
                }
                self.seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
            true
        };
        timeout(PATIENCE, read).await.unwrap_or_else(|_| {
            panic!("timed out waiting on the event stream; got:\n{}", self.seen)
        })
    }

    /// The data of the first complete `entry` event.
    async fn next_entry(&mut self) -> LogEntry {
        let found = self
            .read_until(|seen| {
                seen.split_once("event: entry\n")
                    .is_some_and(|(_, after)| after.contains("\n\n"))
            })
            .await;
        assert!(found, "stream ended:\n{}", self.seen);
        let (_, after) = self.seen.split_once("event: entry\n").expect("event");
        let data = after
            .lines()
            .find_map(|line| line.strip_prefix("data: "))
            .expect("data line");
        serde_json::from_str(data).expect("LogEntry JSON")
    }
}

#[tokio::test]
async fn three_origins_on_real_sockets() {
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(dist.path().join("index.html"), "<title>lab</title>").expect("write");
    let bound = bind(any_ports(dist.path())).await.expect("bind");
    let (app, api, intranet) = (bound.app_addr(), bound.api_addr(), bound.intranet_addr());
    let ports = [app.port(), api.port(), intranet.port()];
    assert!(ports.iter().all(|&port| port != 0), "{ports:?}");

    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(bound.serve(async {
        let _ = stopped.await;
    }));

    let config = raw::get(app, "/api/config", &[]).await;
    assert_eq!(config.status, 200);
    let config: DemoConfig = serde_json::from_str(&config.body).expect("config JSON");
    assert_eq!(
        config,
        DemoConfig {
            app_port: app.port(),
            api_port: api.port(),
            intranet_port: intranet.port(),
            // Asked on 127.0.0.1: the other site is localhost.
            alt_host: Some("localhost".into()),
            classroom: false,
            instructor: false,
        }
    );
    // Asked by a host name, the other site is the address the connection
    // arrived on.
    let host = format!("classroom.test:{}", app.port());
    let config = raw::get(app, "/api/config", &[("Host", &host)]).await;
    let config: DemoConfig = serde_json::from_str(&config.body).expect("config JSON");
    assert_eq!(config.alt_host.as_deref(), Some("127.0.0.1"));
    let page = raw::get(app, "/origin?a=1", &[]).await;
    assert_eq!(
        (page.status, page.body.as_str()),
        (200, "<title>lab</title>")
    );

    // Follow the log live, then make the cross-origin request.
    let mut events = EventStream::open(app, "/api/log/stream?learner=t1").await;
    let origin = format!("http://localhost:{}", app.port());
    let users = raw::get(api, "/users.json?learner=t1", &[("Origin", &origin)]).await;
    assert_eq!(users.status, 200);
    assert!(users.body.contains("Ada Lovelace"), "{}", users.body);
    assert!(
        !users
            .headers
            .iter()
            .any(|(name, _)| name.starts_with("access-control-")),
        "{}",
        users.head
    );
    assert_eq!(
        users.header("cache-control"),
        Some("no-store"),
        "{}",
        users.head
    );
    // Someone else's request is not in this learner's stream.
    assert_eq!(raw::get(intranet, "/?learner=other", &[]).await.status, 200);

    let streamed = events.next_entry().await;
    assert_eq!(streamed.id, 1);
    assert_eq!(streamed.role, Role::Api);
    assert_eq!(streamed.port, api.port());
    assert_eq!(streamed.path, "/users.json");
    assert_eq!(streamed.learner.as_deref(), Some("t1"));
    assert_eq!(streamed.header("origin"), Some(origin.as_str()));
    assert_eq!(streamed.status, 200);

    let listed = raw::get(app, "/api/log?learner=t1", &[]).await;
    assert_eq!(listed.status, 200);
    let listed: Vec<LogEntry> = serde_json::from_str(&listed.body).expect("log JSON");
    assert_eq!(listed, vec![streamed]);
    let all: Vec<LogEntry> =
        serde_json::from_str(&raw::get(app, "/api/log", &[]).await.body).expect("log JSON");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].role, Role::Intranet);

    // Shutting down ends the open event stream and returns well within the
    // grace period.
    stop.send(()).expect("server running");
    let served = timeout(Duration::from_secs(3), server)
        .await
        .expect("graceful shutdown in time")
        .expect("server task");
    assert!(served.is_ok(), "{served:?}");
    let ended = events.read_until(|_| false).await;
    assert!(!ended, "stream still open");
    assert!(TcpStream::connect(app).await.is_err(), "still accepting");
}

#[tokio::test]
async fn a_taken_port_is_named_with_its_origin() {
    let taken = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let dist = tempfile::tempdir().expect("tempdir");
    let config = Config {
        api_port: port,
        ..any_ports(dist.path())
    };
    let err = bind(config).await.expect_err("port is taken");
    assert!(matches!(err, BindError::InUse { role: Role::Api, port: p } if p == port));
    assert_eq!(
        err.to_string(),
        format!(
            "port {port} (api origin) is already in use: stop the other program or pass --api-port"
        )
    );
}

#[tokio::test]
async fn two_origins_cannot_share_a_port() {
    let dist = tempfile::tempdir().expect("tempdir");
    let config = Config {
        app_port: 18_080,
        intranet_port: 18_080,
        ..any_ports(dist.path())
    };
    let err = bind(config).await.expect_err("same port");
    assert!(matches!(
        err,
        BindError::SamePort {
            first: Role::App,
            second: Role::Intranet,
            port: 18_080
        }
    ));
}
