//! Load against the demo server binary, started here as a separate process on
//! free loopback ports (this process only generates load and measures).
//!
//! ```text
//! load throughput --server BIN --dist DIR [--conns 100,1000] [--secs 10]
//! load memory     --server BIN --dist DIR [--requests 1000000] [--steps 4]
//! load sse        --server BIN --dist DIR [--subscribers 200] [--events 200]
//! load soak       --server BIN --dist DIR [--secs 60] [--rate 10000] [--conns 100]
//! ```
//!
//! - throughput: closed loop, N keep-alive connections each sending
//!   `GET /users.json` (API origin, logged) back to back for a fixed time;
//!   requests/s and latency percentiles (HdrHistogram).
//! - memory: VmRSS after a warm-up (the log is full), then after each of
//!   `--steps` slices of N more logged requests: a bounded log keeps it flat.
//! - sse: N subscribers to `/api/log/stream`; then requests are fired one
//!   every 10 ms and each subscriber timestamps the event it gets: latency
//!   from request send to event receipt. Then SIGTERM with every stream open:
//!   the server must exit cleanly.
//! - soak: a fixed request rate (or as fast as it goes) for a long time; the
//!   errors (must be 0) and memory sampled every second.
//!
//! Results go to stdout as markdown rows; progress to stderr.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use bench_tools::http::{connect, fetch, get};
use bench_tools::{mib, quantile, raise_fd_limit, row, Args, ServerProcess};
use hdrhistogram::Histogram;
use http_body_util::BodyExt;
use tokio::sync::Barrier;

const USERS: &str = "/users.json?learner=bench";

fn main() -> ExitCode {
    let args = Args::from_env();
    bench_tools::run_main("load", run(&args))
}

async fn run(args: &Args) -> Result<(), String> {
    raise_fd_limit();
    let mode = std::env::args().nth(1).unwrap_or_default();
    let server_bin = PathBuf::from(args.value("--server").ok_or("--server BIN is required")?);
    let dist = PathBuf::from(args.value("--dist").unwrap_or("dist"));
    let start = || ServerProcess::start(&server_bin, &dist);
    match mode.as_str() {
        "throughput" => {
            let secs = args.number("--secs", 10u64)?;
            let conns = args.value("--conns").unwrap_or("100,1000");
            for n in conns.split(',') {
                let n: usize = n.trim().parse().map_err(|_| format!("--conns: `{n}`"))?;
                let server = start()?;
                warm_up(server.api).await?;
                let r = load(server.api, n, Stop::After(Duration::from_secs(secs)), None).await;
                r.report(&format!("server, {n} connections, {secs} s"));
            }
            Ok(())
        }
        "memory" => {
            let total = args.number("--requests", 1_000_000u64)?;
            let steps = args.number("--steps", 4u64)?.max(1);
            let server = start()?;
            let idle = server.rss_kib().unwrap_or(0);
            warm_up(server.api).await?;
            let before = server.rss_kib().unwrap_or(0);
            // RSS after each step: growth that goes on step after step is a leak.
            let (mut sent, mut errors, mut samples) = (0, 0, Vec::new());
            for _ in 0..steps {
                let r = load(server.api, 100, Stop::AfterRequests(total / steps), None).await;
                sent += r.ok + r.errors;
                errors += r.errors;
                samples.push(mib(server.rss_kib().unwrap_or(0)));
                eprintln!(
                    "memory: {} requests, VmRSS {}",
                    thousands(sent),
                    samples.last().map_or("", String::as_str)
                );
            }
            let held = log_len(server.app).await?;
            let area = "server memory";
            row(
                area,
                "VmRSS idle / after warm-up (log full)",
                format!("{} / {}", mib(idle), mib(before)),
            );
            row(
                area,
                &format!(
                    "VmRSS every {} of {} more logged requests",
                    thousands(sent / steps),
                    thousands(sent)
                ),
                samples.join(" → "),
            );
            row(area, "log entries held afterwards (capacity 1000)", held);
            row(area, "errors during that run", errors);
            Ok(())
        }
        "sse" => {
            let subscribers = args.number("--subscribers", 200usize)?;
            let events = args.number("--events", 200usize)?;
            let server = start()?;
            sse_fan_out(server, subscribers, events).await
        }
        "soak" => {
            let secs = args.number("--secs", 60u64)?;
            let rate = args.number("--rate", 10_000u64)?;
            let conns = args.number("--conns", 100usize)?;
            let server = start()?;
            warm_up(server.api).await?;
            soak(server, secs, rate, conns).await
        }
        _ => Err("usage: load throughput|memory|sse|soak --server BIN [--dist DIR] ...".into()),
    }
}

/// 20 000 requests first, so the log is full and allocator pools exist.
async fn warm_up(api: SocketAddr) -> Result<(), String> {
    let r = load(api, 50, Stop::AfterRequests(20_000), None).await;
    if r.ok == 0 {
        return Err(format!(
            "warm-up: no request succeeded ({} errors)",
            r.errors
        ));
    }
    Ok(())
}

/// How many entries `/api/log` returns.
async fn log_len(app: SocketAddr) -> Result<usize, String> {
    let mut sender = connect(app).await?;
    let (_, body) = fetch(&mut sender, app, "/api/log").await?;
    let entries: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
    Ok(entries.as_array().map_or(0, Vec::len))
}

#[derive(Clone, Copy)]
enum Stop {
    After(Duration),
    AfterRequests(u64),
}

struct LoadResult {
    ok: u64,
    errors: u64,
    elapsed: Duration,
    latency_us: Histogram<u64>,
}

impl LoadResult {
    fn rate(&self) -> f64 {
        (self.ok + self.errors) as f64 / self.elapsed.as_secs_f64()
    }

    fn report(&self, area: &str) {
        let ms = |q: f64| {
            format!(
                "{:.2}",
                self.latency_us.value_at_quantile(q) as f64 / 1000.0
            )
        };
        row(area, "requests/s", format!("{:.0}", self.rate()));
        row(
            area,
            "latency p50 / p90 / p99 / max (ms)",
            format!(
                "{} / {} / {} / {:.2}",
                ms(0.5),
                ms(0.9),
                ms(0.99),
                self.latency_us.max() as f64 / 1000.0
            ),
        );
        row(
            area,
            "errors / requests",
            format!("{} / {}", self.errors, self.ok + self.errors),
        );
    }
}

/// `conns` closed-loop clients; `rate` (requests/s in total) paces them.
async fn load(api: SocketAddr, conns: usize, stop: Stop, rate: Option<u64>) -> LoadResult {
    let barrier = Arc::new(Barrier::new(conns + 1));
    let stopped = Arc::new(AtomicBool::new(false));
    let budget = Arc::new(AtomicI64::new(match stop {
        Stop::AfterRequests(n) => n as i64,
        Stop::After(_) => i64::MAX,
    }));
    let interval = rate.map(|r| Duration::from_secs_f64(conns as f64 / r.max(1) as f64));
    let mut tasks = Vec::with_capacity(conns);
    for _ in 0..conns {
        let (barrier, stopped, budget) = (barrier.clone(), stopped.clone(), budget.clone());
        tasks.push(tokio::spawn(async move {
            client(api, barrier, stopped, budget, interval).await
        }));
        // Let the accept queue keep up with a thousand connects.
        tokio::task::yield_now().await;
    }
    barrier.wait().await;
    let started = Instant::now();
    if let Stop::After(duration) = stop {
        let stopped = stopped.clone();
        tokio::spawn(async move {
            tokio::time::sleep(duration).await;
            stopped.store(true, Ordering::Relaxed);
        });
    }
    let mut result = LoadResult {
        ok: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latency_us: new_histogram(),
    };
    for task in tasks {
        if let Ok((hist, ok, errors)) = task.await {
            let _ = result.latency_us.add(&hist);
            result.ok += ok;
            result.errors += errors;
        } else {
            result.errors += 1;
        }
    }
    result.elapsed = started.elapsed();
    result
}

fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 120_000_000, 3)
        .unwrap_or_else(|_| Histogram::new(3).expect("a histogram"))
}

async fn client(
    api: SocketAddr,
    barrier: Arc<Barrier>,
    stopped: Arc<AtomicBool>,
    budget: Arc<AtomicI64>,
    interval: Option<Duration>,
) -> (Histogram<u64>, u64, u64) {
    let mut hist = new_histogram();
    let (mut ok, mut errors) = (0u64, 0u64);
    let mut sender = connect(api).await;
    barrier.wait().await;
    let mut next = tokio::time::Instant::now();
    while !stopped.load(Ordering::Relaxed) && budget.fetch_sub(1, Ordering::Relaxed) > 0 {
        if let Some(interval) = interval {
            next += interval;
            tokio::time::sleep_until(next).await;
        }
        let Ok(s) = sender.as_mut() else {
            errors += 1;
            sender = connect(api).await;
            continue;
        };
        let sent = Instant::now();
        match fetch(s, api, USERS).await {
            Ok((200, _)) => {
                ok += 1;
                let _ = hist.record(sent.elapsed().as_micros().max(1) as u64);
            }
            Ok(_) => errors += 1,
            Err(_) => {
                errors += 1;
                sender = connect(api).await;
            }
        }
    }
    (hist, ok, errors)
}

async fn soak(server: ServerProcess, secs: u64, rate: u64, conns: usize) -> Result<(), String> {
    let start_rss = server.rss_kib().unwrap_or(0);
    let peak = Arc::new(AtomicU64::new(start_rss));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done, pid) = (peak.clone(), done.clone(), server.pid());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                if let Some(rss) = bench_tools::rss_kib(pid) {
                    peak.fetch_max(rss, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        })
    };
    let pacing = (rate > 0).then_some(rate);
    let r = load(
        server.api,
        conns,
        Stop::After(Duration::from_secs(secs)),
        pacing,
    )
    .await;
    done.store(true, Ordering::Relaxed);
    let _ = sampler.await;
    let end_rss = server.rss_kib().unwrap_or(0);
    let target = if rate > 0 {
        format!("{rate} req/s target")
    } else {
        "unpaced".to_owned()
    };
    let area = format!("soak, {secs} s, {conns} connections, {target}");
    r.report(&area);
    row(
        &area,
        "VmRSS start / peak / end",
        format!(
            "{} / {} / {}",
            mib(start_rss),
            mib(peak.load(Ordering::Relaxed)),
            mib(end_rss)
        ),
    );
    if r.errors > 0 {
        return Err(format!("soak: {} errors", r.errors));
    }
    Ok(())
}

async fn sse_fan_out(
    server: ServerProcess,
    subscribers: usize,
    events: usize,
) -> Result<(), String> {
    let sent: Arc<Vec<OnceLock<Instant>>> =
        Arc::new((0..events).map(|_| OnceLock::new()).collect());
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(subscribers * events)));
    let lagged = Arc::new(AtomicU64::new(0));
    let ready = Arc::new(Barrier::new(subscribers + 1));
    let deadline = Duration::from_secs(30 + events as u64 / 10);
    let mut tasks = Vec::new();
    for _ in 0..subscribers {
        let (sent, latencies, lagged, ready) = (
            sent.clone(),
            latencies.clone(),
            lagged.clone(),
            ready.clone(),
        );
        let app = server.app;
        tasks.push(tokio::spawn(async move {
            let got = tokio::time::timeout(
                deadline,
                subscriber(app, sent, latencies, lagged, ready, events),
            )
            .await;
            matches!(got, Ok(Ok(())))
        }));
        tokio::task::yield_now().await;
    }
    ready.wait().await;
    // Every subscriber holds an open stream: fire the logged requests.
    let mut sender = connect(server.api).await?;
    let mut errors = 0;
    for (i, slot) in sent.iter().enumerate() {
        let _ = slot.set(Instant::now());
        if !matches!(
            fetch(
                &mut sender,
                server.api,
                &format!("/users.json?learner=sse-bench&seq={i}")
            )
            .await,
            Ok((200, _))
        ) {
            errors += 1;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut complete = 0;
    for task in tasks {
        if task.await.unwrap_or(false) {
            complete += 1;
        }
    }
    let lat = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    let area = format!("SSE fan-out, {subscribers} subscribers × {events} events");
    row(
        &area,
        "event latency p50 / p99 / max (ms)",
        format!(
            "{:.2} / {:.2} / {:.2}",
            quantile(&lat, 0.5),
            quantile(&lat, 0.99),
            quantile(&lat, 1.0)
        ),
    );
    row(
        &area,
        "events delivered / expected (lagged notices)",
        format!(
            "{} / {} ({})",
            lat.len(),
            subscribers * events,
            lagged.load(Ordering::Relaxed)
        ),
    );
    row(
        &area,
        "subscribers that got every event; request errors",
        format!("{complete}; {errors}"),
    );
    // Graceful shutdown with every stream still open.
    let (clean, took) = {
        let started = Instant::now();
        let clean = tokio::task::spawn_blocking(move || server.stop(Duration::from_secs(10)))
            .await
            .unwrap_or(false);
        (clean, started.elapsed())
    };
    row(
        "server shutdown",
        &format!("SIGTERM with {subscribers} SSE streams open"),
        if clean {
            format!("exit 0 in {} ms", took.as_millis())
        } else {
            "did not exit cleanly within 10 s".to_owned()
        },
    );
    Ok(())
}

/// One SSE subscriber: reads the stream, timestamps each `entry` carrying
/// `seq=<i>` against when request `i` was sent; returns once all `events`
/// arrived.
async fn subscriber(
    app: SocketAddr,
    sent: Arc<Vec<OnceLock<Instant>>>,
    latencies: Arc<Mutex<Vec<f64>>>,
    lagged: Arc<AtomicU64>,
    ready: Arc<Barrier>,
    events: usize,
) -> Result<(), String> {
    let stream = async {
        let mut sender = connect(app).await?;
        sender.ready().await.map_err(|e| e.to_string())?;
        let response = sender
            .send_request(get(app, "/api/log/stream?learner=sse-bench"))
            .await
            .map_err(|e| e.to_string())?;
        Ok::<_, String>((sender, response))
    }
    .await;
    ready.wait().await;
    let (_sender, response) = stream?;
    let mut body = response.into_body();
    let mut buffer = String::new();
    let mut mine = Vec::with_capacity(events);
    let mut seen = 0;
    while seen < events {
        let Some(frame) = body.frame().await else {
            break;
        };
        let frame = frame.map_err(|e| e.to_string())?;
        let Some(data) = frame.data_ref() else {
            continue;
        };
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(data));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if event.contains("event: lagged") {
                lagged.fetch_add(1, Ordering::Relaxed);
            }
            if let Some(seq) = seq_of(&event) {
                if let Some(at) = sent.get(seq).and_then(OnceLock::get) {
                    mine.push(now.duration_since(*at).as_secs_f64() * 1000.0);
                    seen += 1;
                }
            }
        }
    }
    if let Ok(mut all) = latencies.lock() {
        all.extend(mine);
    }
    if seen == events {
        Ok(())
    } else {
        Err(format!("only {seen} of {events} events"))
    }
}

/// The `seq=<n>` of an `entry` event's data.
fn seq_of(event: &str) -> Option<usize> {
    let data = event.lines().find(|l| l.starts_with("data:"))?;
    let rest = data.split("seq=").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// `1000000` as `1,000,000`.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
