//! Install what the build and the tests need, from crates.io and Debian only
//! (never a prebuilt download), skipping whatever is already there at the
//! right version. `~/.cargo/bin` survives between sessions on one machine, so
//! a warm machine does nothing here.

use std::path::PathBuf;

use crate::cmd::{output, run, workspace_root, Cmd};

/// Trunk, built from crates.io.
const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// Everything `trunk build` needs: the wasm target and trunk. The wasm
/// pipeline (`crate::wasm`) runs wasm-bindgen as a library (so its version is
/// Cargo.lock's by construction) and fetches wasm-opt itself.
pub fn ensure_app_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()
}

/// What the wasm tests need besides the app's tools: wasm-bindgen-cli at the
/// lockfile's version, for its `wasm-bindgen-test-runner`.
pub fn ensure_wasm_test_tools() -> Result<(), String> {
    let bindgen = lockfile_version("wasm-bindgen")?;
    ensure_cargo_tool("wasm-bindgen-cli", &bindgen, "wasm-bindgen", &[])
}

/// Trunk, built lean: without its self-update check and TLS (it never
/// downloads here: `offline = true`), and with a quick-to-compile release
/// profile (it only copies files and rewrites one HTML page for us). On a
/// fresh machine that is about 3.7 min instead of 6.5.
pub fn ensure_trunk() -> Result<(), String> {
    let found = output("trunk", &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|word| word == TRUNK_VERSION) {
        return Ok(());
    }
    eprintln!("installing trunk {TRUNK_VERSION} (found: {found:?}); this takes a few minutes once");
    run(Cmd::new("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .args(["--no-default-features"])
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false"))
}

pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// `cargo install --locked <krate> --version <version>` unless `bin --version`
/// already prints that version. Falls back to an unlocked install when a crate
/// pinned by the tool's own lockfile is not available from the registry.
pub fn ensure_cargo_tool(
    krate: &str,
    version: &str,
    bin: &str,
    extra: &[&str],
) -> Result<(), String> {
    let found = output(bin, &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    eprintln!("installing {krate} {version} (found: {found:?}); this takes a few minutes once");
    let install = |locked: bool| {
        let mut cmd = Cmd::new("cargo").args(["install", krate, "--version", version]);
        if locked {
            cmd = cmd.args(["--locked"]);
        }
        run(cmd.args(extra))
    };
    install(true).or_else(|e| {
        eprintln!("{e}; retrying without --locked");
        install(false)
    })
}

/// The version of `package` in the workspace's Cargo.lock.
fn lockfile_version(package: &str) -> Result<String, String> {
    let path = workspace_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// binaryen's version, from npm's `binaryen` package (its `wasm-opt` runs on
/// Node.js: `-Oz` on the whole app in about 10 s, and nothing to compile).
/// Debian 12's binaryen 108 is not enough: its `-Oz` breaks wasm-bindgen's
/// externref table ("WebAssembly.Table.set(): Argument 1 is invalid"); the
/// crates.io `wasm-opt` builds binaryen from C++ source (about 11 minutes).
const BINARYEN: &str = "132.0.0";

/// The `wasm-opt` of npm's binaryen, installed once into the cache.
pub fn ensure_wasm_opt() -> Result<PathBuf, String> {
    let major = BINARYEN.split('.').next().unwrap_or(BINARYEN);
    ensure_npm("binaryen", BINARYEN, "node_modules/.bin/wasm-opt", |bin| {
        output(&bin.to_string_lossy(), &["--version"])
            .is_some_and(|v| v.split_whitespace().any(|w| w == major))
    })
}

/// terser, which minifies the JS every first load fetches (wasm-bindgen's
/// glue and the chunk loader; npm's `terser`, pure JavaScript on Node.js).
const TERSER: &str = "5.51.4";

/// terser's command-line script, installed once into the cache.
pub fn ensure_terser() -> Result<PathBuf, String> {
    ensure_npm("terser", TERSER, "node_modules/.bin/terser", |bin| {
        output(&bin.to_string_lossy(), &["--version"]).is_some_and(|v| v.contains(TERSER))
    })
}

/// axe-core, the accessibility checker the e2e tests inject into each page
/// (npm's `axe-core`, never a CDN).
const AXE_CORE: &str = "4.14.1";

/// The path of axe-core's `axe.min.js`, installed once into the cache.
pub fn ensure_axe() -> Result<PathBuf, String> {
    ensure_npm(
        "axe-core",
        AXE_CORE,
        "node_modules/axe-core/axe.min.js",
        |file| file.is_file(),
    )
}

/// `file` of npm's `package@version`, installed into its own folder of the
/// tool cache unless `works` already accepts what is there.
fn ensure_npm(
    package: &str,
    version: &str,
    file: &str,
    works: impl Fn(&std::path::Path) -> bool,
) -> Result<PathBuf, String> {
    let prefix = tool_cache()?.join(format!("{package}-{version}"));
    let path = prefix.join(file);
    if works(&path) {
        return Ok(path);
    }
    eprintln!(
        "installing npm {package}@{version} into {}",
        prefix.display()
    );
    std::fs::create_dir_all(&prefix)
        .map_err(|e| format!("cannot create {}: {e}", prefix.display()))?;
    run(Cmd::new("npm").args([
        "install",
        "--no-audit",
        "--no-fund",
        "--no-save",
        "--prefix",
        &prefix.to_string_lossy(),
        &format!("{package}@{version}"),
    ]))?;
    if works(&path) {
        Ok(path)
    } else {
        Err(format!(
            "npm {package}@{version} gave no working {}",
            path.display()
        ))
    }
}

/// `~/.cache/cors-lab` (or `$XDG_CACHE_HOME/cors-lab`): tools that are not
/// cargo binaries. Kept between runs on one machine.
fn tool_cache() -> Result<PathBuf, String> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .ok_or("neither XDG_CACHE_HOME nor HOME is set")?;
    Ok(base.join("cors-lab"))
}

/// The three engines the e2e tests drive: Debian's Chromium and its
/// chromedriver (the same build, so versions match); Firefox ESR with
/// geckodriver (crates.io, Mozilla's own); WebKitGTK's WebKitWebDriver
/// (Safari's engine) with Xvfb for its display, and what our WebKitGTK
/// browser program (`tests/e2e/webkit_browser.py`, which prints WebKit's
/// console for the tests) needs: Debian's python3 with GObject
/// introspection and WebKitGTK's typelib. Also Firefox ESR's zh-TW language
/// pack (the harness's `CORS_LAB_FIREFOX_LOCALE`), and a CJK font.
pub fn ensure_browser() -> Result<(), String> {
    let have = |p: &str| std::path::Path::new(p).exists();
    let missing: Vec<&str> = [
        (CHROMIUM, "chromium"),
        (CHROMEDRIVER, "chromium-driver"),
        ("/usr/bin/firefox-esr", "firefox-esr"),
        // Firefox's zh-TW language pack: its console messages in Traditional
        // Chinese, for the captures the explainer is tested on
        // (`CORS_LAB_FIREFOX_LOCALE=zh-TW`).
        (
            "/usr/lib/firefox-esr/browser/extensions/langpack-zh-TW@firefox-esr.mozilla.org.xpi",
            "firefox-esr-l10n-zh-tw",
        ),
        // A font with Traditional Chinese glyphs (Noto Sans CJK TC): the
        // zh-TW pages render and are screenshotted with real glyphs.
        (
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "fonts-noto-cjk",
        ),
        ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
        ("/usr/bin/Xvfb", "xvfb"),
        ("/usr/bin/xauth", "xauth"),
        (
            "/usr/lib/python3/dist-packages/gi/__init__.py",
            "python3-gi",
        ),
        (
            "/usr/lib/x86_64-linux-gnu/girepository-1.0/WebKit2-4.1.typelib",
            "gir1.2-webkit2-4.1",
        ),
    ]
    .into_iter()
    .filter(|(path, _)| !have(path))
    .map(|(_, package)| package)
    .collect();
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    ensure_cargo_tool("geckodriver", GECKODRIVER_VERSION, "geckodriver", &[])
}

/// geckodriver, from crates.io (npm's packages download a binary: not here).
const GECKODRIVER_VERSION: &str = "0.37.1";

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let root = output("id", &["-u"]).as_deref() == Some("0");
    let prefix: &[&str] = if root { &[] } else { &["sudo", "-n"] };
    let apt = |args: &[&str]| {
        let (program, rest) = match prefix.split_first() {
            Some((p, rest)) => (*p, [rest, &["apt-get"][..], args].concat()),
            None => ("apt-get", args.to_vec()),
        };
        run(Cmd::new(program)
            .args(rest)
            .env("DEBIAN_FRONTEND", "noninteractive"))
    };
    apt(&["update", "-qq"])?;
    apt(&[&["install", "-y", "-qq"][..], packages].concat())
}
