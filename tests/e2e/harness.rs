//! Starts the lab for one test and always tears it down (Drop), even when an
//! assertion fails: the demo server in-process, the engine's WebDriver
//! server + browser as a child process group, a throwaway browser profile
//! (the processes through the `webdriver-process` crate, which the browser
//! benchmark shares).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::json;
use webdriver_process::{Cdp, Driver, Kind, Launch, LineFeed, ProcessGroup, Profile, Xvfb};

use crate::console_feed;
use crate::loopback_proxy::LoopbackProxy;

/// How long any wait may last before the test fails with what it last saw.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The browser engine the tests drive: `CORS_LAB_ENGINE=chromium` (the
/// default), `firefox` (Firefox ESR through geckodriver) or `webkit`
/// (WebKitGTK, Safari's engine, through WebKitWebDriver under Xvfb).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    pub fn current() -> Engine {
        match std::env::var("CORS_LAB_ENGINE").as_deref() {
            Ok("firefox") => Engine::Firefox,
            Ok("webkit") => Engine::Webkit,
            Ok("chromium") | Err(_) => Engine::Chromium,
            Ok(other) => panic!("CORS_LAB_ENGINE={other}: chromium, firefox or webkit"),
        }
    }

    /// The engine as the lab's model names it.
    pub fn model(self) -> cors_core::browser::Engine {
        match self {
            Engine::Chromium => cors_core::browser::Engine::Chromium,
            Engine::Firefox => cors_core::browser::Engine::Gecko,
            Engine::Webkit => cors_core::browser::Engine::WebKit,
        }
    }

    /// The browser a learner knows this engine by, as the app names it.
    pub fn browser_name(self) -> &'static str {
        match self {
            Engine::Chromium => "Chrome",
            Engine::Firefox => "Firefox",
            Engine::Webkit => "Safari",
        }
    }

    /// The suffix of the lab's console lines for this engine (`console-<slug>`).
    pub fn console_slug(self) -> &'static str {
        match self {
            Engine::Chromium => "chrome",
            Engine::Firefox => "firefox",
            Engine::Webkit => "safari",
        }
    }

    /// `String(error)` for a fetch that failed with a network error (a CORS
    /// failure included), as the lab's model words it for this engine.
    pub fn network_error(self) -> String {
        use cors_core::engine::wording::js_error;
        let message = match self {
            Engine::Chromium => js_error::CHROME,
            Engine::Firefox => js_error::FIREFOX,
            Engine::Webkit => js_error::SAFARI,
        };
        format!("TypeError: {message}")
    }
}

/// The running lab: server, browser, client. Drop stops all of them.
pub struct Lab {
    pub client: Client,
    pub engine: Engine,
    pub app_port: u16,
    pub api_port: u16,
    pub intranet_port: u16,
    /// The host the app is opened on (`localhost` unless the test says).
    pub page_host: String,
    /// The in-process server's state: tests read its request log directly.
    pub server_state: demo_server::AppState,
    /// Firefox's (BiDi) or WebKit's (driver output) console lines, when
    /// read; Chromium's come from chromedriver's log instead.
    console: Option<LineFeed>,
    _browser: Browser,
    _server: Server,
    /// WebKit's way to a made-up page host (`loopback_proxy`).
    _proxy: Option<LoopbackProxy>,
}

/// How a test wants the lab started (the server always listens on loopback).
#[derive(Clone, Debug, Default)]
pub struct LabOptions {
    /// Classroom mode with this instructor key.
    pub instructor_key: Option<String>,
    /// Open the app on this host instead of `localhost`; a name the machine
    /// does not know (`classroom.test`) is mapped to 127.0.0.1 in every
    /// engine (Chromium: a host resolver rule; Firefox: a pref; WebKit: `loopback_proxy`).
    pub page_host: Option<String>,
    /// More Chrome command-line flags.
    pub chrome_args: Vec<String>,
    /// The browser's preferred languages for pages (`navigator.languages`,
    /// `Accept-Language`), e.g. `zh-TW`: Chromium's `--accept-lang`,
    /// Firefox's `intl.accept_languages`, WebKit's preferred languages.
    pub languages: Option<String>,
}

impl Lab {
    pub async fn start() -> Lab {
        Lab::start_with(LabOptions::default()).await
    }

    pub async fn start_with(options: LabOptions) -> Lab {
        let server = Server::start(options.instructor_key.clone()).await;
        let engine = Engine::current();
        let mapped = options
            .page_host
            .as_deref()
            .filter(|host| *host != "localhost" && host.parse::<std::net::IpAddr>().is_err());
        let proxy = match (engine, mapped) {
            (Engine::Webkit, Some(_)) => Some(LoopbackProxy::start().await),
            _ => None,
        };
        let browser = Browser::start(engine, proxy.as_ref().map(|p| p.port));
        let client = browser
            .connect(&options.chrome_args, mapped, options.languages.as_deref())
            .await;
        if engine == Engine::Webkit {
            // The size Chromium and Firefox are started with (MiniBrowser
            // opens a smaller window, and layouts and type scale with it).
            client
                .set_window_size(1280, 900)
                .await
                .unwrap_or_else(|e| panic!("sizing WebKit's window: {e}"));
        }
        let console = match engine {
            Engine::Chromium => None,
            Engine::Webkit => webkit_console().then(|| browser.driver.output().clone()),
            Engine::Firefox => follow_firefox_console(&client).await,
        };
        if let Some(feed) = &console {
            feed.skip_to_end();
        }
        Lab {
            console,
            client,
            engine,
            app_port: server.app_port,
            api_port: server.api_port,
            intranet_port: server.intranet_port,
            page_host: options.page_host.unwrap_or_else(|| "localhost".to_owned()),
            server_state: server.state.clone(),
            _browser: browser,
            _server: server,
            _proxy: proxy,
        }
    }

    /// Every URL the page sent that reached the demo server is well formed:
    /// no stray `&` (an empty query pair), which a learner would read in the
    /// log and in console messages.
    pub fn assert_clean_urls(&self) {
        for entry in self.server_state.log().entries(None) {
            let query = entry.query.as_deref().unwrap_or_default();
            assert!(
                !query.ends_with('&') && !query.starts_with('&') && !query.contains("&&"),
                "{} {}?{query}: a stray & in the URL",
                entry.method,
                entry.path
            );
        }
    }

    /// Whether this engine offers a Chromium DevTools step (blocking URLs,
    /// the browser log, full-page screenshots); if not, says so in the test
    /// output, so a test can skip that step with its reason.
    pub fn has_devtools(&self, step: &str) -> bool {
        if self.engine == Engine::Chromium {
            return true;
        }
        eprintln!(
            "[{:?}] skipped: {step} (needs Chromium's DevTools protocol, which this engine's WebDriver does not offer)",
            self.engine
        );
        false
    }

    /// `http://<page host>:<app port><path>`: the app's origin.
    pub fn app_url(&self, path: &str) -> String {
        format!("http://{}:{}{path}", self.page_host, self.app_port)
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&self.app_url(path))
            .await
            .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    }

    /// The element with `data-testid`, waiting for it to appear.
    pub async fn find(&self, testid: &str) -> Element {
        let css = format!("[data-testid='{testid}']");
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            match self.client.find(Locator::Css(&css)).await {
                Ok(element) => return element,
                // Not there yet — or WebKitWebDriver's "Could not parse
                // element info", seen when the page replaces the node while
                // the driver reads it: ask again until the patience is over.
                Err(_) if std::time::Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("no element [data-testid={testid}] appeared: {e}"),
            }
        }
    }

    /// The `href` of the link with this test id (as the driver reads it).
    pub async fn href(&self, testid: &str) -> String {
        self.find(testid)
            .await
            .attr("href")
            .await
            .unwrap_or_else(|e| panic!("reading {testid}'s href: {e}"))
            .unwrap_or_else(|| panic!("{testid} has no href"))
    }

    pub async fn find_all(&self, testid: &str) -> Vec<Element> {
        let css = format!("[data-testid='{testid}']");
        self.client
            .find_all(Locator::Css(&css))
            .await
            .unwrap_or_else(|e| panic!("finding [data-testid={testid}] failed: {e}"))
    }

    /// Replace the text of an input or textarea, as a person would: select all, type.
    pub async fn type_into(&self, testid: &str, text: &str) {
        let field = self.find(testid).await;
        field.click().await.expect("focus the field");
        let select_all = fantoccini::key::Key::Control + "a";
        field.send_keys(&select_all).await.expect("select all");
        field
            .send_keys(&fantoccini::key::Key::Backspace.to_string())
            .await
            .expect("delete");
        field.send_keys(text).await.expect("type");
    }

    pub async fn click(&self, testid: &str) {
        self.find(testid).await.click().await.expect("click");
    }

    /// The text of an element, polled until `done` accepts it (or PATIENCE runs out).
    pub async fn text_until(&self, testid: &str, done: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        let mut last = String::new();
        while started.elapsed() < PATIENCE {
            if let Ok(el) = self
                .client
                .find(Locator::Css(&format!("[data-testid='{testid}']")))
                .await
            {
                if let Ok(text) = el.text().await {
                    if done(&text) {
                        return text;
                    }
                    last = text;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let page = self
            .client
            .execute(
                "const t = document.body.innerText; \
                 return t.length > 4000 ? t.slice(0, 1000) + ' [...] ' + t.slice(-3000) : t",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        panic!(
            "[data-testid={testid}] never matched; last text: {last:?}\n--- page text ---\n{page}"
        )
    }

    /// Wait until the element's text is exactly `expected`.
    pub async fn expect_text(&self, testid: &str, expected: &str) {
        self.text_until(testid, |t| t.trim() == expected).await;
    }

    /// The address once its query has `key=want` (pages write the address
    /// bar throttled: it may follow what is on screen a little later).
    pub async fn query_until(&self, key: &str, want: &str) -> url::Url {
        let started = Instant::now();
        loop {
            let url = self.client.current_url().await.expect("current url");
            if url.query_pairs().any(|(k, v)| k == key && v == want) {
                return url;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the address never had {key}={want:?}: {url}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Console messages logged since the last call, in every engine: the
    /// page logs a mark and this waits for it, so everything the page had
    /// logged before is in (`console_feed` says how each engine is read).
    /// Chromium's come as chromedriver words them (`<url> <line>:<col>
    /// "<text>"` or the bare text), Firefox's and WebKit's as the text alone.
    pub async fn console_messages(&self) -> Vec<String> {
        if self.engine != Engine::Chromium && self.console.is_none() {
            eprintln!(
                "[{:?}] console not read (switched off with CORS_LAB_FIREFOX_CONSOLE=0 or CORS_LAB_WEBKIT_CONSOLE=0, or its reader could not start)",
                self.engine
            );
            return Vec::new();
        }
        static MARKS: AtomicU32 = AtomicU32::new(0);
        let mark = format!("cors-lab-mark-{}", MARKS.fetch_add(1, Ordering::SeqCst));
        self.client
            .execute("console.log(arguments[0])", vec![json!(mark)])
            .await
            .unwrap_or_else(|e| panic!("logging a console mark failed: {e}"));
        let started = Instant::now();
        let mut got = Vec::new();
        loop {
            match &self.console {
                None => got.extend(self.chromedriver_log().await),
                Some(feed) => {
                    got.extend(
                        feed.take_new()
                            .into_iter()
                            .filter_map(|line| match self.engine {
                                Engine::Webkit => console_feed::webkit_console_text(&line),
                                _ => Some(line),
                            }),
                    )
                }
            }
            if let Some(at) = got.iter().position(|line| line.contains(&mark)) {
                // Marks of earlier reads that timed out are dropped too.
                got.truncate(at);
                got.retain(|line| !line.contains("cors-lab-mark-"));
                return got;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the console mark {mark} never arrived; got {got:?}"
            );
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
    }

    /// chromedriver's browser log since the last call (it hands each entry
    /// out once).
    async fn chromedriver_log(&self) -> Vec<String> {
        let got = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .unwrap_or_else(|e| panic!("reading the browser log failed: {e}"));
        got.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter_map(|e| e["message"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Make Chromium fail every request whose URL matches one of `patterns`
    /// (`*` wildcards), as if the network had dropped it (DevTools
    /// `Network.setBlockedURLs`). Lasts for the whole session, or until
    /// called again (an empty list unblocks everything).
    pub async fn block_urls(&self, patterns: &[&str]) {
        for (cmd, params) in [
            ("Network.enable", json!({})),
            ("Network.setBlockedURLs", json!({ "urls": patterns })),
        ] {
            self.cdp(cmd, params)
                .await
                .unwrap_or_else(|e| panic!("DevTools {cmd} failed: {e}"));
        }
    }

    /// Any DevTools command (`Domain.method` and its parameters), through
    /// chromedriver's bridge; its result.
    pub async fn cdp(
        &self,
        cmd: &'static str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, fantoccini::error::CmdError> {
        self.client.issue_cmd(Cdp::new(cmd, params)).await
    }

    /// How many times the page has fetched a URL ending in `path` since it
    /// was loaded (the Resource Timing entries).
    pub async fn fetch_count(&self, path: &str) -> u64 {
        self.client
            .execute(
                "return performance.getEntriesByType('resource')\
                   .filter(e => new URL(e.name).pathname === arguments[0]).length",
                vec![json!(path)],
            )
            .await
            .ok()
            .and_then(|v| v.as_u64())
            .unwrap_or_else(|| panic!("could not count the fetches of {path}"))
    }

    /// Save a screenshot under `target/e2e-screenshots/` (for people, not assertions).
    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        if self.engine != Engine::Chromium {
            // The viewport, through standard WebDriver.
            if let (Ok(png), Ok(())) = (
                self.client.screenshot().await,
                std::fs::create_dir_all(&dir),
            ) {
                let _ = std::fs::write(dir.join(format!("{name}-{:?}.png", self.engine)), png);
            }
            return;
        }
        // The whole page, not just the viewport (Chrome DevTools through chromedriver).
        let shot = self
            .cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true }),
            )
            .await;
        let png = shot
            .ok()
            .and_then(|v| v["data"].as_str().map(str::to_owned))
            .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok());
        if let (Some(png), Ok(())) = (png, std::fs::create_dir_all(&dir)) {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }
}

/// chromedriver's `POST /session/{id}/se/log` with `{"type": "browser"}`.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// The demo server, in this process, on free ports. Drop shuts it down.
struct Server {
    app_port: u16,
    api_port: u16,
    intranet_port: u16,
    state: demo_server::AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Server {
    async fn start(instructor_key: Option<String>) -> Server {
        let dist = std::env::var("CORS_LAB_DIST").unwrap_or_else(|_| "dist".to_owned());
        let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dist);
        assert!(
            dist.join("index.html").exists(),
            "{} has no index.html: build the app first (`cargo xtask test` does)",
            dist.display()
        );
        let config = demo_server::Config {
            app_port: 0,
            api_port: 0,
            intranet_port: 0,
            dist_dir: dist,
            // The CORS matrix logs several hundred requests in one session.
            log_capacity: 5000,
            classroom: instructor_key.map(demo_server::Classroom::new),
            ..demo_server::Config::default()
        };
        let bound = demo_server::bind(config)
            .await
            .expect("bind the demo server");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = Server {
            app_port: bound.app_addr().port(),
            api_port: bound.api_addr().port(),
            intranet_port: bound.intranet_addr().port(),
            state: bound.state().clone(),
            stop: Some(stop),
        };
        tokio::spawn(bound.serve(async move {
            let _ = stopped.await;
        }));
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The WebDriver server (chromedriver, geckodriver or WebKitWebDriver) and
/// the browser it starts, in their own process group, with a fresh profile
/// directory; for WebKit also an Xvfb display of its own. Dropped in field
/// order: the driver's group is killed, then every process still using the
/// profile, which is deleted, then the display (`webdriver_process`).
struct Browser {
    engine: Engine,
    driver: Driver,
    profile: Profile,
    /// Kept for its Drop: the display lives as long as the browser.
    _display: Option<Xvfb>,
}

impl Browser {
    /// `proxy`: WebKit's HTTP proxy port (`loopback_proxy`).
    fn start(engine: Engine, proxy: Option<u16>) -> Browser {
        let profile = Profile::create("cors-lab-e2e")
            .unwrap_or_else(|e| panic!("create the browser profile dir: {e}"));
        let display =
            (engine == Engine::Webkit).then(|| Xvfb::start().unwrap_or_else(|e| panic!("{e}")));
        if let Some(locale) = firefox_locale().filter(|_| engine == Engine::Firefox) {
            install_language_pack(profile.path(), &locale);
        }
        let mut launch = Launch::new(match engine {
            Engine::Chromium => Kind::Chromedriver,
            Engine::Firefox => Kind::Geckodriver,
            Engine::Webkit => Kind::WebKitWebDriver,
        });
        if let Some(display) = &display {
            launch = launch.env("DISPLAY", display.display());
        }
        if let Some(port) = proxy {
            // GLib's libproxy module reads these (WebKitGTK asks GLib).
            launch = launch
                .env("GIO_USE_PROXY_RESOLVER", "libproxy")
                .env("http_proxy", format!("http://127.0.0.1:{port}"))
                .env("no_proxy", "localhost,127.0.0.1");
        }
        // A driver that exits or stays silent is replaced by a fresh one
        // (`Launch::start`); what each said goes into the panic.
        let driver = launch.start().unwrap_or_else(|e| panic!("{e}"));
        Browser {
            engine,
            driver,
            profile,
            _display: display,
        }
    }

    /// `mapped`: a page host this engine must resolve to 127.0.0.1
    /// (WebKit's goes through the proxy it was started with instead).
    async fn connect(
        &self,
        extra_args: &[String],
        mapped: Option<&str>,
        languages: Option<&str>,
    ) -> Client {
        let profile = self.profile.path();
        let mut caps = serde_json::Map::new();
        match self.engine {
            Engine::Chromium => {
                let mut args = webdriver_process::chromium_args(profile);
                if let Some(host) = mapped {
                    args.push(format!("--host-resolver-rules=MAP {host} 127.0.0.1"));
                }
                if let Some(languages) = languages {
                    args.push(format!("--accept-lang={languages}"));
                    args.push(format!("--lang={languages}"));
                }
                args.extend(extra_args.iter().cloned());
                caps.insert(
                    "goog:chromeOptions".to_owned(),
                    json!({
                        "binary": webdriver_process::chromium_binary(),
                        "args": args,
                    }),
                );
                caps.insert("goog:loggingPrefs".to_owned(), json!({ "browser": "ALL" }));
            }
            Engine::Firefox => {
                caps.insert("browserName".to_owned(), json!("firefox"));
                // WebDriver BiDi: the console comes as `log.entryAdded` events
                // (off with `CORS_LAB_FIREFOX_CONSOLE=0`).
                if firefox_console() {
                    caps.insert("webSocketUrl".to_owned(), json!(true));
                }
                let mut firefox = json!({
                        "binary": firefox_binary(),
                        "args": ["-headless", "-profile", profile.display().to_string(),
                                 "-width", "1280", "-height", "900"],
                        // Nothing leaves the machine.
                        "prefs": {
                            "app.update.enabled": false,
                            "network.captive-portal-service.enabled": false,
                            "network.connectivity-service.enabled": false,
                            "browser.safebrowsing.malware.enabled": false,
                            "browser.safebrowsing.phishing.enabled": false,
                            "datareporting.policy.dataSubmissionEnabled": false,
                            "toolkit.telemetry.enabled": false,
                        },
                });
                if let Some(host) = mapped {
                    // Firefox resolves the names listed here to loopback.
                    firefox["prefs"]["network.dns.localDomains"] = json!(host);
                }
                if let Some(languages) = languages {
                    firefox["prefs"]["intl.accept_languages"] = json!(languages);
                }
                if let Some(locale) = firefox_locale() {
                    // Firefox's UI, and so its console messages, in another
                    // language: its language pack, installed by Debian into
                    // the application's own extension folder (geckodriver's
                    // `extensions.enabledScopes` 5 takes that scope in; no
                    // add-on of that scope may be held back as new), asked
                    // for by name, with the pages' languages to match.
                    let prefs = &mut firefox["prefs"];
                    prefs["intl.locale.requested"] = json!(locale);
                    prefs["intl.accept_languages"] = json!(format!("{locale}, en-US, en"));
                    prefs["extensions.autoDisableScopes"] = json!(0);
                }
                caps.insert("moz:firefoxOptions".to_owned(), firefox);
            }
            Engine::Webkit => {
                caps.insert(
                    "webkitgtk:browserOptions".to_owned(),
                    json!({
                        // Not Debian's MiniBrowser: under automation it runs
                        // an ephemeral session, whose console WebKit never
                        // prints. Ours prints it (`webkit_browser.py`).
                        // It needs Debian's python3-gi and gir1.2-webkit2-4.1
                        // (`cargo xtask test` installs them); off with
                        // `CORS_LAB_WEBKIT_CONSOLE=0` (MiniBrowser then).
                        "binary": std::env::var("WEBKIT_BROWSER").unwrap_or_else(|_|
                            if webkit_console() {
                                concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/webkit_browser.py").to_owned()
                            } else {
                                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".to_owned()
                            }),
                        "args": match languages {
                            Some(languages) => vec!["--automation".to_owned(), format!("--languages={languages}")],
                            None => vec!["--automation".to_owned()],
                        },
                    }),
                );
            }
        }
        self.driver
            .session(caps)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }
}

/// Whether WebKit runs in `webkit_browser.py`, whose console the harness reads.
fn webkit_console() -> bool {
    std::env::var("CORS_LAB_WEBKIT_CONSOLE").map_or(true, |v| v != "0")
}

/// Whether Firefox's session asks for WebDriver BiDi, to read its console.
fn firefox_console() -> bool {
    std::env::var("CORS_LAB_FIREFOX_CONSOLE").map_or(true, |v| v != "0")
}

/// `CORS_LAB_FIREFOX_LOCALE=<locale>` (say `zh-TW`): Firefox runs with that
/// language pack, so its console messages come in that language (the
/// captures of localised Firefox wording, `tests/data/engine-captures`).
/// Unset or empty: Firefox's own English. A locale without its Debian
/// language pack is refused, rather than run silently in English.
pub fn firefox_locale() -> Option<String> {
    let locale = std::env::var("CORS_LAB_FIREFOX_LOCALE").ok()?;
    let locale = locale.trim();
    if locale.is_empty() {
        return None;
    }
    let pack = std::path::Path::new(FIREFOX_LANGPACKS)
        .join(format!("langpack-{locale}@firefox-esr.mozilla.org.xpi"));
    assert!(
        pack.is_file(),
        "CORS_LAB_FIREFOX_LOCALE={locale}: no language pack at {} (Debian's firefox-esr-l10n-{}; `cargo xtask test` installs zh-TW's)",
        pack.display(),
        locale.to_ascii_lowercase()
    );
    Some(locale.to_owned())
}

/// The Firefox the tests drive (`FIREFOX`, or Debian's Firefox ESR).
fn firefox_binary() -> String {
    std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".to_owned())
}

/// Firefox takes in a language pack it finds at startup only during that
/// startup, after it has chosen its locale: a fresh profile's first session
/// stays English (seen with Firefox ESR 153 and zh-TW). So Firefox first runs
/// alone in the profile, until its add-on database lists the pack as active
/// and its startup cache is written; the session then starts in that locale.
fn install_language_pack(profile: &std::path::Path, locale: &str) {
    let prefs = [
        ("intl.locale.requested", format!("\"{locale}\"")),
        ("extensions.autoDisableScopes", "0".to_owned()),
        ("extensions.enabledScopes", "5".to_owned()),
        ("app.update.enabled", "false".to_owned()),
        (
            "datareporting.policy.dataSubmissionEnabled",
            "false".to_owned(),
        ),
        ("toolkit.telemetry.enabled", "false".to_owned()),
        ("browser.shell.checkDefaultBrowser", "false".to_owned()),
    ];
    let user_js: String = prefs
        .iter()
        .map(|(name, value)| format!("user_pref(\"{name}\", {value});\n"))
        .collect();
    std::fs::write(profile.join("user.js"), user_js).expect("write the profile's user.js");
    // Its own process group, killed on Drop (a failed assertion included).
    let mut firefox = ProcessGroup::spawn(
        Command::new(firefox_binary())
            .args(["-headless", "-no-remote", "-profile"])
            .arg(profile)
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )
    .unwrap_or_else(|e| panic!("cannot start Firefox: {e}"));
    let id = format!("langpack-{locale}@firefox-esr.mozilla.org");
    let active = || {
        let db = std::fs::read_to_string(profile.join("extensions.json")).unwrap_or_default();
        let db: serde_json::Value = serde_json::from_str(&db).unwrap_or_default();
        db["addons"].as_array().is_some_and(|addons| {
            addons
                .iter()
                .any(|a| a["id"] == id.as_str() && a["active"] == true)
        }) && profile.join("addonStartup.json.lz4").is_file()
    };
    let started = Instant::now();
    while !active() {
        if let Ok(Some(status)) = firefox.child().try_wait() {
            panic!("Firefox exited ({status}) before taking in its {locale} language pack");
        }
        assert!(
            started.elapsed() < PATIENCE,
            "Firefox never listed {id} as active in {}",
            profile.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    firefox.kill();
    // geckodriver writes its own prefs; the locale's are in `connect`.
    let _ = std::fs::remove_file(profile.join("user.js"));
}

/// Where Debian's `firefox-esr-l10n-*` packages put their language packs.
const FIREFOX_LANGPACKS: &str = "/usr/lib/firefox-esr/browser/extensions";

/// Firefox's console over the session's BiDi socket, if asked for and the
/// socket answers (seen refusing when sessions share geckodriver's default
/// BiDi port; the test output then says so).
async fn follow_firefox_console(client: &Client) -> Option<LineFeed> {
    if !firefox_console() {
        return None;
    }
    let ws = client
        .capabilities()
        .and_then(|c| c.get("webSocketUrl"))
        .and_then(|v| v.as_str())?
        .to_owned();
    let feed = LineFeed::default();
    match console_feed::follow_firefox(&ws, feed.clone()).await {
        Ok(()) => Some(feed),
        Err(e) => {
            eprintln!("[Firefox] console not read: {e}");
            None
        }
    }
}
