//! Time to first render and to interactive of the built app in headless
//! Chromium on loopback.
//!
//! ```text
//! browser [--dist DIR] [--loads 25]
//! ```
//!
//! The demo server runs in this process on free ports, serving `--dist`.
//! Each load starts a new Chromium with a fresh profile (nothing cached, no
//! compiled wasm kept) and opens `/origin?a=…&b=…`. A script installed before
//! the page's own (DevTools `Page.addScriptToEvaluateOnNewDocument`) notes
//! `performance.now()` when `[data-testid=origin-verdict]` first has text: the
//! app has loaded, compiled its wasm, rendered and computed the comparison,
//! and its handlers are attached. First contentful paint comes from
//! `performance.getEntriesByType('paint')`. The same-site verdict waits for
//! the Public Suffix List, which the page fetches lazily: its time (when
//! `[data-testid=site-verdict]` first shows a verdict) is reported apart.
//!
//! Prints markdown rows (median and p90 over the loads) to stdout.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use bench_tools::{quantile, row, Args};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

const PAGE: &str = "/origin?a=https%3A%2F%2Fshop.example.com%2Fcart&b=https%3A%2F%2Fapi.example.com%3A8443%2Fusers.json";

/// Installed before any script of the page runs.
const OBSERVER: &str = r#"(() => {
  const done = () => {
    const el = document.querySelector('[data-testid="origin-verdict"]');
    if (el && el.textContent.trim() !== '' && window.__verdictAt === undefined) {
      window.__verdictAt = performance.now();
    }
    const site = document.querySelector('[data-testid="site-verdict"]');
    if (site && /^(same|cross)-site$/.test(site.textContent.trim()) && window.__siteAt === undefined) {
      window.__siteAt = performance.now();
    }
    return window.__verdictAt !== undefined && window.__siteAt !== undefined;
  };
  new MutationObserver((_, observer) => { if (done()) observer.disconnect(); })
    .observe(document, { subtree: true, childList: true, characterData: true });
})();"#;

/// Waits for the verdict and the first-contentful-paint entry, then reports the page's timeline (ms since navigation start).
const COLLECT: &str = r#"const callback = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const fcp = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
  // The paint entry is queued a frame after the paint: wait for it too.
  if ((window.__verdictAt !== undefined && window.__siteAt !== undefined && fcp) || Date.now() - started > 30000) {
    const nav = performance.getEntriesByType('navigation')[0] || {};
    const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
    callback({
      verdict: window.__verdictAt === undefined ? null : window.__verdictAt,
      site: window.__siteAt === undefined ? null : window.__siteAt,
      fcp: fcp ? fcp.startTime : null,
      dcl: nav.domContentLoadedEventEnd || null,
      load: nav.loadEventEnd || null,
      wasm: wasm ? wasm.responseEnd : null,
    });
  } else {
    setTimeout(poll, 5);
  }
})();"#;

fn main() -> ExitCode {
    let args = Args::from_env();
    bench_tools::run_main("browser", run(&args))
}

async fn run(args: &Args) -> Result<(), String> {
    let loads = args.number("--loads", 25usize)?;
    let dist = PathBuf::from(args.value("--dist").unwrap_or("dist"));
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build the app first",
            dist.display()
        ));
    }
    let bound = demo_server::bind(demo_server::Config {
        app_port: 0,
        api_port: 0,
        intranet_port: 0,
        dist_dir: dist,
        ..demo_server::Config::default()
    })
    .await
    .map_err(|e| e.to_string())?;
    let url = format!("http://localhost:{}{PAGE}", bound.app_addr().port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(bound.serve(async move {
        let _ = stopped.await;
    }));

    let driver = Driver::start()?;
    let mut samples: Vec<Value> = Vec::new();
    // One extra load first, not counted: the OS page cache and chromedriver warm up.
    for i in 0..=loads {
        let sample = load_once(&driver, &url, i).await?;
        eprintln!("load {i}: {sample}");
        if i > 0 {
            samples.push(sample);
        }
    }
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;

    let pick = |key: &str| -> Vec<f64> { samples.iter().filter_map(|s| s[key].as_f64()).collect() };
    let missing = samples
        .iter()
        .filter(|s| s["verdict"].is_null() || s["site"].is_null())
        .count();
    let area = format!("page load, headless Chromium, {loads} cold loads of /origin");
    for (key, label) in [
        ("fcp", "first contentful paint"),
        ("wasm", "wasm downloaded (responseEnd)"),
        ("verdict", "interactive: verdict rendered"),
        (
            "site",
            "same-site verdict rendered (after the lazily fetched suffix list)",
        ),
    ] {
        let v = pick(key);
        row(
            &area,
            &format!("{label}, median / p90 (ms)"),
            format!("{:.0} / {:.0}", quantile(&v, 0.5), quantile(&v, 0.9)),
        );
    }
    if missing > 0 {
        return Err(format!(
            "{missing} loads never showed the origin and same-site verdicts"
        ));
    }
    Ok(())
}

/// One cold load in a new browser with a fresh profile.
async fn load_once(driver: &Driver, url: &str, i: usize) -> Result<Value, String> {
    let profile = std::env::temp_dir().join(format!("cors-lab-bench-{}-{i}", std::process::id()));
    std::fs::create_dir_all(&profile).map_err(|e| e.to_string())?;
    let result = async {
        let client = driver.session(&profile).await?;
        let measured = async {
            client
                .issue_cmd(Cdp(json!({
                    "cmd": "Page.addScriptToEvaluateOnNewDocument",
                    "params": { "source": OBSERVER },
                })))
                .await
                .map_err(|e| format!("install the observer: {e}"))?;
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
    kill_processes_using(&profile);
    let _ = std::fs::remove_dir_all(&profile);
    result
}

/// chromedriver in its own process group; Drop kills the group.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Result<Driver, String> {
        let path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let mut child = {
            use std::os::unix::process::CommandExt;
            Command::new(&path)
                .arg("--port=0")
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot start {path}: {e}"))?
        };
        let stdout = child.stdout.take().ok_or("no chromedriver stdout")?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("started successfully on port ").nth(1) {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(rest.trim_end_matches('.').trim().parse::<u16>().ok());
                    }
                }
            }
        });
        let mut driver = Driver { child, port: 0 };
        driver.port = rx
            .recv_timeout(Duration::from_secs(30))
            .ok()
            .flatten()
            .ok_or("chromedriver did not say which port it listens on")?;
        Ok(driver)
    }

    async fn session(&self, profile: &std::path::Path) -> Result<Client, String> {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".to_owned(),
            json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }),
        );
        let url = format!("http://127.0.0.1:{}", self.port);
        let started = Instant::now();
        loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return Ok(client),
                Err(e) if started.elapsed() > Duration::from_secs(30) => {
                    return Err(format!("no WebDriver session: {e}"))
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = self.child.id() as i32;
        // SAFETY: the process group we created for chromedriver.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

/// chromedriver's DevTools bridge: `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct Cdp(Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

/// Chromium may move helpers out of chromedriver's process group: kill
/// anything whose command line names this load's private profile.
fn kill_processes_using(profile: &std::path::Path) {
    let needle = profile.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            if String::from_utf8_lossy(&cmdline).contains(&needle) {
                // SAFETY: a signal to a process identified by our profile path.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
    }
}
