//! What a learner receives and how soon they can use it: cold loads of the
//! built app, as served (precompressed, `cargo xtask build`), in headless
//! Chromium on loopback and under emulated Slow 4G; and a classroom's worth
//! of cold loads at once.
//!
//! ```text
//! browser [--dist DIR] [--loads 15] [--slow-loads 5] [--class 60]
//! ```
//!
//! The demo server runs in this process on free ports, serving `--dist`.
//! Each load starts a new Chromium with a fresh profile (nothing cached, no
//! compiled wasm kept) and opens one route. A script installed before the
//! page's own (DevTools `Page.addScriptToEvaluateOnNewDocument`) notes
//! `performance.now()` when the route's first interactive element appears
//! (rendered by the wasm, so the app is compiled, has rendered and its
//! handlers are attached): `/` its Run button, `/origin` the verdict with
//! text, `/lab` its Run button, `/quiz` the question.
//!
//! - **Bytes over the wire**: the Resource Timing entries of everything the
//!   page fetched before it was interactive (`transferSize`: headers and
//!   body as sent, compressed when the server compressed), and their sum for
//!   wasm + JS (the bundle of the route's chunks included). Each file is also
//!   asked for directly with `Accept-Encoding: br, gzip`, and the row says
//!   which `Content-Encoding` the server answered: a size the server never
//!   sends is not a result.
//! - **Slow 4G**: DevTools `Network.emulateNetworkConditions` (150 ms
//!   latency, 1.6 Mbit/s down, 750 kbit/s up) and `Network.setCacheDisabled`
//!   before the navigation.
//! - **Classroom**: the same server in classroom mode (on loopback); one real
//!   cold load of `/` records which files a browser fetches, then `--class`
//!   clients fetch exactly those at once (each on six connections, as a
//!   browser does, `Accept-Encoding: br, gzip`): bytes served in all, and
//!   how long until every client had every file.
//!
//! Prints markdown rows (median and p90 over the loads) to stdout.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use bench_tools::{quantile, row, Args};
use fantoccini::Client;
use serde_json::{json, Value};
use webdriver_process::{Cdp, Kind, Profile};

/// Each measured route: path, the interactive element's test id, and
/// whether it must also have text.
const ROUTES: &[(&str, &str, bool)] = &[
    ("/", "run-users-fetch", false),
    (
        "/origin?a=https%3A%2F%2Fshop.example.com%2Fcart&b=https%3A%2F%2Fapi.example.com%3A8443%2Fusers.json",
        "origin-verdict",
        true,
    ),
    ("/lab?s=delete-post", "lab-run", false),
    ("/quiz", "quiz-question", false),
];

/// The issue's goals: the first route's wasm + JS, brotli as sent; time to
/// interactive on Slow 4G.
const FIRST_ROUTE_BUDGET_KB: f64 = 150.0;
const SLOW_4G_GOAL_MS: f64 = 1500.0;

/// Installed before any script of the page runs; `@TESTID@` and `@TEXT@`
/// are filled in per route.
const OBSERVER: &str = r#"(() => {
  const done = () => {
    const el = document.querySelector('[data-testid="@TESTID@"]');
    if (el && (!@TEXT@ || el.textContent.trim() !== '') && window.__interactiveAt === undefined) {
      window.__interactiveAt = performance.now();
    }
    return window.__interactiveAt !== undefined;
  };
  new MutationObserver((_, observer) => { if (done()) observer.disconnect(); })
    .observe(document, { subtree: true, childList: true, characterData: true });
})();"#;

/// Waits for the interactive mark, then reports it and what was fetched before it.
const COLLECT: &str = r#"const callback = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  if (window.__interactiveAt !== undefined || Date.now() - started > 60000) {
    const at = window.__interactiveAt === undefined ? null : window.__interactiveAt;
    const nav = performance.getEntriesByType('navigation')[0] || {};
    const fetched = performance.getEntriesByType('resource')
      .filter(e => at === null || e.startTime <= at)
      .map(e => ({ path: new URL(e.name).pathname, transfer: e.transferSize,
                   encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
    fetched.unshift({ path: location.pathname, transfer: nav.transferSize || 0,
                      encoded: nav.encodedBodySize || 0, decoded: nav.decodedBodySize || 0 });
    callback({ interactive: at, fetched });
  } else {
    setTimeout(poll, 5);
  }
})();"#;

fn main() -> ExitCode {
    let args = Args::from_env();
    bench_tools::run_main("browser", run(&args))
}

/// How a load's network behaves.
#[derive(Clone, Copy, PartialEq)]
enum Network {
    Loopback,
    Slow4g,
}

async fn run(args: &Args) -> Result<(), String> {
    let loads = args.number("--loads", 15usize)?;
    let slow_loads = args.number("--slow-loads", 5usize)?;
    let class = args.number("--class", 60usize)?;
    let dist = PathBuf::from(args.value("--dist").unwrap_or("dist"));
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build the app first",
            dist.display()
        ));
    }
    let server = InProcess::start(&dist, false).await?;
    let driver = Driver::start()?;
    let mut failures = Vec::new();
    // One load first, not counted: the OS page cache and chromedriver warm up.
    load_once(
        &driver,
        &server.url(ROUTES[0].0),
        ROUTES[0],
        Network::Loopback,
        0,
    )
    .await?;

    for &route in ROUTES {
        let (path, ..) = route;
        let name = path.split('?').next().unwrap_or(path);
        let mut samples = Vec::new();
        for (network, count) in [(Network::Loopback, loads), (Network::Slow4g, slow_loads)] {
            let mut times = Vec::new();
            for i in 0..count {
                let sample = load_once(&driver, &server.url(path), route, network, i + 1).await?;
                match sample["interactive"].as_f64() {
                    Some(ms) => times.push(ms),
                    None => failures.push(format!("{name} never became interactive")),
                }
                samples.push(sample);
            }
            let (area, goal) = match network {
                Network::Loopback => ("page load, loopback, cold", String::new()),
                Network::Slow4g => (
                    "page load, Slow 4G (150 ms, 1.6 Mbit/s), cold, cache disabled",
                    verdict(quantile(&times, 0.5) <= SLOW_4G_GOAL_MS, "goal 1.5 s"),
                ),
            };
            row(
                area,
                &format!("{name}: interactive, median / p90 (ms), {count} loads"),
                format!(
                    "{:.0} / {:.0}{goal}",
                    quantile(&times, 0.5),
                    quantile(&times, 0.9)
                ),
            );
        }
        // Bytes: the first loopback sample (every cold load fetches the same).
        if let Some(sample) = samples.first() {
            wire_rows(name, sample, server.app).await;
        }
    }
    drop(driver);
    server.stop().await;

    classroom(&dist, class).await?;
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

fn verdict(ok: bool, goal: &str) -> String {
    if ok {
        format!(" (within the {goal})")
    } else {
        format!(" (OVER the {goal})")
    }
}

/// The rows for what one cold load of a route transferred before it was
/// interactive, checked against what the server answers directly.
async fn wire_rows(name: &str, sample: &Value, app: SocketAddr) {
    let fetched = sample["fetched"].as_array().cloned().unwrap_or_default();
    let size = |entry: &Value| entry["transfer"].as_f64().unwrap_or(0.0);
    let is_code =
        |path: &str| path.ends_with(".wasm") || path.ends_with(".js") || path.ends_with(".bin");
    let all: f64 = fetched.iter().map(size).sum();
    let code: f64 = fetched
        .iter()
        .filter(|e| is_code(e["path"].as_str().unwrap_or("")))
        .map(size)
        .sum();
    let mut encodings: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &fetched {
        let path = entry["path"].as_str().unwrap_or("/");
        let encoding = content_encoding(app, path).await;
        *encodings.entry(encoding).or_default() += 1;
    }
    let encodings = encodings
        .iter()
        .map(|(encoding, n)| format!("{n} {encoding}"))
        .collect::<Vec<_>>()
        .join(", ");
    let area = "delivery: bytes over the wire before interactive, cold (Chromium transferSize)";
    row(
        area,
        &format!("{name}: all / wasm + JS (KB), files, and the server's Content-Encoding for each"),
        format!(
            "{:.1} / {:.1}{} — {} files: {encodings}",
            all / 1024.0,
            code / 1024.0,
            verdict(code / 1024.0 <= FIRST_ROUTE_BUDGET_KB, "150 KB budget"),
            fetched.len()
        ),
    );
}

/// What the server answers for `path` to `Accept-Encoding: br, gzip`.
async fn content_encoding(app: SocketAddr, path: &str) -> String {
    let Ok(mut sender) = bench_tools::http::connect(app).await else {
        return "unreachable".into();
    };
    let mut request = bench_tools::http::get(app, path);
    request.headers_mut().insert(
        http::header::ACCEPT_ENCODING,
        http::HeaderValue::from_static("br, gzip"),
    );
    if sender.ready().await.is_err() {
        return "unreachable".into();
    }
    match sender.send_request(request).await {
        Ok(response) => response
            .headers()
            .get(http::header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("identity")
            .to_owned(),
        Err(_) => "failed".into(),
    }
}

/// The demo server in this process on free loopback ports.
struct InProcess {
    app: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl InProcess {
    async fn start(dist: &std::path::Path, classroom: bool) -> Result<InProcess, String> {
        let bound = demo_server::bind(demo_server::Config {
            app_port: 0,
            api_port: 0,
            intranet_port: 0,
            dist_dir: dist.to_path_buf(),
            classroom: classroom
                .then(|| demo_server::Classroom::new("bench-instructor-key-0000".into())),
            log_capacity: if classroom {
                demo_server::CLASSROOM_LOG_CAPACITY
            } else {
                demo_server::DEFAULT_LOG_CAPACITY
            },
            ..demo_server::Config::default()
        })
        .await
        .map_err(|e| e.to_string())?;
        let app = bound.app_addr();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(bound.serve(async move {
            let _ = stopped.await;
        }));
        Ok(InProcess { app, stop, task })
    }

    fn url(&self, path: &str) -> String {
        format!("http://localhost:{}{path}", self.app.port())
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// One cold load in a new browser with a fresh profile.
async fn load_once(
    driver: &Driver,
    url: &str,
    (_, testid, needs_text): (&str, &str, bool),
    network: Network,
    i: usize,
) -> Result<Value, String> {
    // Dropped at the end: kills whatever still uses it, then deletes it.
    let profile = Profile::create(&format!("cors-lab-bench-{i}"))
        .map_err(|e| format!("create the browser profile: {e}"))?;
    let observer = OBSERVER
        .replace("@TESTID@", testid)
        .replace("@TEXT@", if needs_text { "true" } else { "false" });
    let result = async {
        let client = driver.session(profile.path()).await?;
        let measured = async {
            let cdp = |cmd: &str, params: Value| {
                let command = Cdp::new(cmd, params);
                let client = &client;
                async move {
                    client
                        .issue_cmd(command)
                        .await
                        .map_err(|e| format!("DevTools {}: {e}", cmd_name(&e)))
                }
            };
            cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": observer }),
            )
            .await?;
            if network == Network::Slow4g {
                cdp("Network.enable", json!({})).await?;
                cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await?;
                cdp(
                    "Network.emulateNetworkConditions",
                    json!({
                        "offline": false,
                        "latency": 150,
                        "downloadThroughput": 1_600_000 / 8,
                        "uploadThroughput": 750_000 / 8,
                    }),
                )
                .await?;
            }
            client
                .goto(url)
                .await
                .map_err(|e| format!("open {url}: {e}"))?;
            client
                .execute_async(COLLECT, vec![])
                .await
                .map_err(|e| format!("read the timeline: {e}"))
        }
        .await;
        let _ = client.close().await;
        measured
    }
    .await;
    drop(profile);
    result
}

fn cmd_name(e: &fantoccini::error::CmdError) -> String {
    e.to_string().chars().take(200).collect()
}

/// `class` cold loads of `/` at once against a classroom-mode server: the
/// files one real browser load fetched, each client on six connections.
async fn classroom(dist: &std::path::Path, class: usize) -> Result<(), String> {
    let server = InProcess::start(dist, true).await?;
    let files: Vec<String> = {
        let driver = Driver::start()?;
        let sample = load_once(
            &driver,
            &server.url("/"),
            ROUTES[0],
            Network::Loopback,
            9999,
        )
        .await?;
        sample["fetched"]
            .as_array()
            .map(|all| {
                all.iter()
                    .filter_map(|e| e["path"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let app = server.app;
    let started = Instant::now();
    let clients: Vec<_> = (0..class)
        .map(|learner| {
            let files = files.clone();
            tokio::spawn(async move { one_learner(app, learner, &files).await })
        })
        .collect();
    let mut bytes = 0u64;
    let mut took = Vec::new();
    let mut errors = 0usize;
    for client in clients {
        match client.await {
            Ok(Ok((got, ms))) => {
                bytes += got;
                took.push(ms);
            }
            _ => errors += 1,
        }
    }
    let all_done = started.elapsed().as_secs_f64() * 1000.0;
    server.stop().await;
    let area = format!("classroom: {class} cold loads of / at once, --lan mode on loopback");
    row(
        &area,
        "files per load (as a real Chromium load fetched them), errors",
        format!("{}, {errors}", files.len()),
    );
    row(
        &area,
        "bytes served in all (bodies as sent, Accept-Encoding: br, gzip)",
        format!(
            "{:.1} MB ({:.1} KB per learner)",
            bytes as f64 / 1e6,
            bytes as f64 / 1024.0 / class as f64
        ),
    );
    row(
        &area,
        "until every learner had every file: all / median learner / slowest (ms)",
        format!(
            "{all_done:.0} / {:.0} / {:.0}",
            quantile(&took, 0.5),
            quantile(&took, 1.0)
        ),
    );
    if errors > 0 {
        return Err(format!("{errors} of {class} classroom loads failed"));
    }
    Ok(())
}

/// One learner's cold load: `files` over six keep-alive connections; the
/// bytes received and how long it took (ms).
async fn one_learner(
    app: SocketAddr,
    learner: usize,
    files: &[String],
) -> Result<(u64, f64), String> {
    let started = Instant::now();
    let connections = 6.min(files.len().max(1));
    let mut tasks = Vec::new();
    for c in 0..connections {
        let mine: Vec<String> = files.iter().skip(c).step_by(connections).cloned().collect();
        tasks.push(tokio::spawn(async move {
            let mut sender = bench_tools::http::connect(app).await?;
            let mut bytes = 0u64;
            for path in mine {
                let sep = if path.contains('?') { '&' } else { '?' };
                let path = if path.starts_with("/api/") {
                    format!("{path}{sep}learner=bench-{learner}")
                } else {
                    path
                };
                let mut request = bench_tools::http::get(app, &path);
                request.headers_mut().insert(
                    http::header::ACCEPT_ENCODING,
                    http::HeaderValue::from_static("br, gzip"),
                );
                sender.ready().await.map_err(|e| e.to_string())?;
                let response = sender
                    .send_request(request)
                    .await
                    .map_err(|e| e.to_string())?;
                if !response.status().is_success() {
                    return Err(format!("{path}: {}", response.status()));
                }
                use http_body_util::BodyExt;
                let body = response
                    .into_body()
                    .collect()
                    .await
                    .map_err(|e| e.to_string())?
                    .to_bytes();
                bytes += body.len() as u64;
            }
            Ok::<u64, String>(bytes)
        }));
    }
    let mut bytes = 0;
    for task in tasks {
        bytes += task.await.map_err(|e| e.to_string())??;
    }
    Ok((bytes, started.elapsed().as_secs_f64() * 1000.0))
}

/// chromedriver (`webdriver_process`: a free port, retried if it fails to
/// come up, its process group killed on Drop); each load a session of its own.
struct Driver(webdriver_process::Driver);

impl Driver {
    fn start() -> Result<Driver, String> {
        webdriver_process::Driver::start(Kind::Chromedriver).map(Driver)
    }

    async fn session(&self, profile: &std::path::Path) -> Result<Client, String> {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".to_owned(),
            json!({
                "binary": webdriver_process::chromium_binary(),
                "args": webdriver_process::chromium_args(profile),
            }),
        );
        self.0.session(caps).await
    }
}
