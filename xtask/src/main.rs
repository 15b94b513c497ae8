//! `cargo xtask <command>`: the project's automation, in Rust.
//!
//! - `serve [SERVER FLAGS]`: install what is missing, build the app, start the lab.
//! - `test`: install what is missing, then run every test (native, wasm in
//!   headless Chromium, end-to-end through chromedriver) and the lints.
//! - `setup`: only install the tools (`--browser` adds Chromium + chromedriver).
//! - `build`: only build the app into `dist/`.
//! - `bench`: every benchmark, one table (also in `bench/latest.md`).
//! - `wasm`: the app's wasm pipeline, split by route (Trunk's pre_build hook).
//! - `compress DIR`: precompressed `.br`/`.gz` copies (also Trunk's post_build hook).
//! - `psl FILE`: ship a newer Public Suffix List (comments stripped).

mod bench;
mod cmd;
mod compress;
mod psl;
mod tools;
mod wasm;

use std::process::ExitCode;

use cmd::{run, Cmd};

const HELP: &str = "\
usage: cargo xtask <command>

  serve [FLAGS]   build the app and start the lab (app + every demo origin);
                  FLAGS go to the demo server: --lan (classroom mode on the
                  local network), --host IP --app-port N --api-port N
                  --intranet-port N (see `demo-server --help`)
  test            run every test: native, wasm (headless Chromium), end-to-end
  build           build the app (release) into dist/
  setup           install missing tools (add --browser for Chromium)
  bench [FLAGS]   every benchmark (app weight, core, fuzzing, page load,
                  server load); prints a table, writes bench/latest.md;
                  --soak SECS (default 15; 60 for the full soak),
                  --loads N (cold loads per route on loopback, default
                  15), --slow-loads N (on Slow 4G, default 5), --class N
                  (learners loading at once, default 60), --fuzz-cases N,
                  --only size (just the app weight, printed only),
                  --dist DIR (build and measure there, default dist/)
  wasm [--release|--debug]
                  the app's wasm, split by route, into target/wasm-split
                  (Trunk's pre_build hook runs it; see xtask/src/wasm.rs)
  compress DIR    write .br and .gz beside every text and wasm file in DIR
                  (Trunk's post_build hook does it for every build)
  psl FILE        copy a newer public_suffix_list.dat into public/psl/
                  (comments stripped; the app fetches it lazily)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench::bench(&args[1..]),
        Some("psl") => psl::update(&args[1..]),
        Some("wasm") => wasm::build(&args[1..]),
        Some("compress") => compress::command(&args[1..]),
        Some("build") => tools::ensure_app_tools().and_then(|()| build_app(&default_dist())),
        Some("setup") => tools::ensure_app_tools().and_then(|()| {
            if args.iter().any(|a| a == "--browser") {
                tools::ensure_browser()
            } else {
                Ok(())
            }
        }),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `trunk build --release` into `dist` (`dist/` for every command but
/// `bench --dist DIR`).
fn build_app(dist: &std::path::Path) -> Result<(), String> {
    step("build the app (trunk build --release)");
    run(Cmd::new("trunk")
        .args(["build", "--release", "--dist"])
        .args([dist]))
}

fn default_dist() -> std::path::PathBuf {
    cmd::workspace_root().join("dist")
}

fn serve(server_flags: &[String]) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    // On a fresh machine building trunk is the longest step (about 4 min):
    // it runs beside the app's and the server's builds, which leave a core
    // idle for long stretches (LTO, linking), so together they take less
    // than one after the other.
    let trunk = std::thread::spawn(tools::ensure_trunk);
    step("build the app's wasm and the demo server (beside installing trunk, if needed)");
    let built = wasm::build(&["--release".to_owned()]).and_then(|()| {
        run(Cmd::new("cargo").args(["build", "--release", "--package", "demo-server"]))
    });
    let trunk = trunk
        .join()
        .unwrap_or_else(|_| Err("installing trunk failed".to_owned()));
    built.and(trunk)?;
    // Trunk's pre_build hook finds the wasm it would build already built.
    build_app(&default_dist())?;
    step("start the demo server (Ctrl-C to stop)");
    run(Cmd::new("cargo")
        .args([
            "run",
            "--release",
            "--quiet",
            "--package",
            "demo-server",
            "--",
        ])
        .args(["--dist", "dist"])
        // `cargo xtask serve -- --lan` and `cargo xtask serve --lan` alike.
        .args(
            server_flags
                .iter()
                .map(String::as_str)
                .filter(|flag| *flag != "--"),
        ))
}

fn test() -> Result<(), String> {
    tools::ensure_app_tools()?;
    tools::ensure_wasm_test_tools()?;
    tools::ensure_browser()?;
    let axe = tools::ensure_axe()?;
    step("lint: cargo fmt --check, cargo clippy");
    run(Cmd::new("cargo").args(["fmt", "--all", "--", "--check"]))?;
    run(Cmd::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "cors-lab/e2e",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Cmd::new("cargo").args([
        "clippy",
        "--package",
        "cors-lab",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("native tests (cargo test)");
    run(Cmd::new("cargo").args(["test"]))?;
    build_app(&default_dist())?;
    step("wasm tests in headless Chromium (wasm-bindgen-test)");
    run(Cmd::new("cargo")
        .args([
            "test",
            "--package",
            "cors-lab",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
        ])
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;
    // Every e2e test in each engine; the wall time of each is printed (the
    // README reports them).
    let mut times = Vec::new();
    for (engine, how) in [
        ("chromium", "Chromium + chromedriver"),
        ("firefox", "Firefox ESR + geckodriver"),
        ("webkit", "WebKitGTK + WebKitWebDriver under Xvfb"),
    ] {
        step(&format!("end-to-end tests in {how}"));
        let started = std::time::Instant::now();
        run(Cmd::new("cargo")
            .args(["test", "--package", "cors-lab", "--features", "e2e"])
            .args(["--test", "e2e"])
            .env("CORS_LAB_ENGINE", engine)
            .env("CORS_LAB_DIST", "dist")
            .env("CORS_LAB_AXE", &axe.to_string_lossy())
            .env("CHROMEDRIVER", tools::CHROMEDRIVER))?;
        times.push(format!("{engine} {:.0} s", started.elapsed().as_secs_f64()));
    }
    step(&format!(
        "end-to-end wall time per engine: {}",
        times.join(", ")
    ));
    step("all tests passed");
    Ok(())
}

fn step(what: &str) {
    eprintln!("\n==> {what}");
}
