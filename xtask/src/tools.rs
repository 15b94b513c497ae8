//! Install what the build and the tests need, from crates.io and Debian only
//! (never a prebuilt download), skipping whatever is already there at the
//! right version. `~/.cargo/bin` survives between sessions on one machine, so
//! a warm machine does nothing here.

use crate::cmd::{output, run, workspace_root, Cmd};

/// Trunk, built from crates.io.
const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// Everything `trunk build` needs: the wasm target, trunk, wasm-bindgen-cli at
/// the lockfile's version, wasm-opt. Exports the versions for Trunk's offline
/// mode (`TRUNK_TOOLS_*`), so `Trunk.toml` never has to be edited by hand.
pub fn ensure_app_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", TRUNK_VERSION, "trunk", &[])?;
    let bindgen = lockfile_version("wasm-bindgen")?;
    ensure_cargo_tool("wasm-bindgen-cli", &bindgen, "wasm-bindgen", &[])?;
    let wasm_opt = ensure_wasm_opt()?;
    // SAFETY of set_var: xtask is single-threaded at this point.
    std::env::set_var("TRUNK_TOOLS_WASM_BINDGEN", &bindgen);
    std::env::set_var("TRUNK_TOOLS_WASM_OPT", format!("version_{wasm_opt}"));
    Ok(())
}

fn ensure_wasm_target() -> Result<(), String> {
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

/// wasm-opt built from crates.io (binaryen 116). Debian 12's binaryen 108 is
/// not enough: its `-Oz` output breaks wasm-bindgen's externref table and the
/// page dies at start ("WebAssembly.Table.set(): Argument 1 is invalid").
/// Returns the version number Trunk must be pinned to (e.g. `116`).
fn ensure_wasm_opt() -> Result<String, String> {
    const MIN: u32 = 116;
    let good = |v: &str| v.parse::<u32>().is_ok_and(|n| n >= MIN);
    match wasm_opt_version() {
        Some(v) if good(&v) => return Ok(v),
        found => eprintln!("wasm-opt >= {MIN} needed (found: {found:?})"),
    }
    ensure_cargo_tool("wasm-opt", "0.116.1", "wasm-opt", &[])?;
    wasm_opt_version().filter(|v| good(v)).ok_or_else(|| {
        format!("wasm-opt >= {MIN} is not first on PATH: put ~/.cargo/bin before /usr/bin")
    })
}

fn wasm_opt_version() -> Option<String> {
    // "wasm-opt version 116 (version_116)"
    output("wasm-opt", &["--version"])?
        .split_whitespace()
        .nth(2)
        .map(str::to_owned)
}

/// Debian's Chromium and its chromedriver (the same build, so versions match).
pub fn ensure_browser() -> Result<(), String> {
    let have = |p: &str| std::path::Path::new(p).exists();
    if have(CHROMIUM) && have(CHROMEDRIVER) {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

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
