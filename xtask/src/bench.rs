//! `cargo xtask bench [--soak SECS] [--loads N] [--slow-loads N] [--class N]
//! [--fuzz-cases N] [--only size] [--dist DIR]`: every benchmark, one markdown table on stdout and in
//! `bench/latest.md`. `--only size` runs just step 1 (into `--dist DIR`,
//! default `dist/`) and only prints its rows.
//!
//! 1. app weight, as the server sends it: per route, the first load's wasm +
//!    JS (the precompressed brotli files the server answers with) against
//!    the 150 KB budget, the whole app, the lazily loaded Public Suffix List
//!    apart; what the main wasm is made of, by crate (twiggy);
//! 2. core cost per call: criterion (`crates/cors-core/benches/core.rs`);
//! 3. fuzzing: the core's property tests with many cases, time-bounded;
//! 4. page load in headless Chromium (`bench-tools` `browser`): per route,
//!    bytes over the wire and time to interactive, cold, on loopback and on
//!    emulated Slow 4G; 60 learners' cold loads at once in classroom mode;
//! 5. the demo server under load from another process (`bench-tools` `load`):
//!    100 and 1000 connections, memory over 1M logged requests, SSE fan-out
//!    to 200 subscribers, graceful shutdown, a soak run.
//!
//! Figures come only from here, never from timed assertions in tests. A step
//! that fails is reported in the table and makes the command fail at the end.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{output, run, workspace_root, Cmd};
use crate::tools;

const BUDGET_BROTLI: u64 = 150 * 1024;
const TWIGGY_VERSION: &str = "0.8.0";
/// The profile the load generator and browser driver are built with (root
/// Cargo.toml): full speed, so the measuring side is not the bottleneck.
const TOOLS_PROFILE: &str = "bench-tools";

struct Options {
    soak_secs: u64,
    /// Cold loads per route on loopback; on Slow 4G; learners at once.
    loads: u32,
    slow_loads: u32,
    class: u32,
    fuzz_cases: u32,
    /// `--only size`: just the app weight, printed, `bench/latest.md` untouched.
    only_size: bool,
    /// Where the app is built and measured.
    dist: PathBuf,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options {
            soak_secs: 15,
            loads: 15,
            slow_loads: 5,
            class: 60,
            fuzz_cases: 50_000,
            only_size: false,
            dist: workspace_root().join("dist"),
        };
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let mut number = || -> Result<u64, String> {
                it.next()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| format!("{flag} needs a number"))
            };
            match flag.as_str() {
                "--soak" => options.soak_secs = number()?,
                "--loads" => options.loads = number()? as u32,
                "--slow-loads" => options.slow_loads = number()? as u32,
                "--class" => options.class = number()? as u32,
                "--fuzz-cases" => options.fuzz_cases = number()? as u32,
                "--only" => match it.next().map(String::as_str) {
                    Some("size") => options.only_size = true,
                    other => return Err(format!("--only takes `size`, not {other:?}")),
                },
                "--dist" => {
                    let dir = it.next().ok_or("--dist needs a directory")?;
                    options.dist = workspace_root().join(dir);
                }
                other => return Err(format!("bench: unknown flag `{other}`")),
            }
        }
        Ok(options)
    }
}

/// The table being built: rows, and the steps that failed.
#[derive(Default)]
struct Table {
    rows: Vec<String>,
    failed: Vec<String>,
}

impl Table {
    fn row(&mut self, area: &str, metric: &str, value: impl std::fmt::Display) {
        self.rows.push(format!("| {area} | {metric} | {value} |"));
    }

    /// Keep the markdown rows a benchmark program printed.
    fn rows_from(&mut self, stdout: &str) {
        self.rows.extend(
            stdout
                .lines()
                .filter(|l| l.starts_with("| "))
                .map(str::to_owned),
        );
    }

    fn fail(&mut self, step: &str, error: String) {
        eprintln!("bench: {step} failed: {error}");
        self.row(step, "FAILED", error.replace('|', "/").replace('\n', " "));
        self.failed.push(step.to_owned());
    }
}

pub fn bench(args: &[String]) -> Result<(), String> {
    let options = Options::parse(args)?;
    if options.only_size {
        return size_only(&options.dist);
    }
    let started = Instant::now();
    let load_at_start = load_average();
    tools::ensure_app_tools()?;
    tools::ensure_browser()?;
    tools::ensure_cargo_tool("twiggy", TWIGGY_VERSION, "twiggy", &[])?;
    let mut table = Table::default();

    crate::build_app(&options.dist)?;
    app_weight_rows(&mut table, &options.dist);

    step("core cost per call (criterion)");
    if let Err(e) = criterion(&mut table) {
        table.fail("core (criterion)", e);
    }

    step("fuzzing: property tests with many cases");
    if let Err(e) = fuzz(&mut table, options.fuzz_cases) {
        table.fail("fuzzing", e);
    }

    step("build the demo server (release) and the benchmark programs");
    run(Cmd::new("cargo").args(["build", "--release", "--package", "demo-server"]))?;
    run(Cmd::new("cargo").args([
        "build",
        "--profile",
        TOOLS_PROFILE,
        "--package",
        "bench-tools",
    ]))?;
    let target = target_dir();
    let server = target.join("release/demo-server");
    let tool = |name: &str| target.join(TOOLS_PROFILE).join(name);
    let dist = &options.dist;

    step("page load in headless Chromium: loopback, Slow 4G, a classroom at once");
    let mut browser = Command::new(tool("browser"));
    browser
        .args(["--loads", &options.loads.to_string()])
        .args(["--slow-loads", &options.slow_loads.to_string()])
        .args(["--class", &options.class.to_string()])
        .arg("--dist")
        .arg(dist)
        .env("CHROMEDRIVER", tools::CHROMEDRIVER);
    collect(&mut table, "page load", browser, Duration::from_secs(1200));

    let load = |mode: &str, extra: &[&str]| {
        let mut command = Command::new(tool("load"));
        command
            .arg(mode)
            .arg("--server")
            .arg(&server)
            .arg("--dist")
            .arg(dist)
            .args(extra);
        command
    };
    step("demo server: 100 and 1000 connections");
    collect(
        &mut table,
        "server throughput",
        load("throughput", &["--conns", "100,1000", "--secs", "10"]),
        Duration::from_secs(300),
    );
    step("demo server: memory over 1M logged requests");
    collect(
        &mut table,
        "server memory",
        load("memory", &["--requests", "1000000"]),
        Duration::from_secs(900),
    );
    step("demo server: SSE fan-out to 200 subscribers");
    collect(
        &mut table,
        "SSE fan-out",
        load("sse", &["--subscribers", "200", "--events", "200"]),
        Duration::from_secs(300),
    );
    let soak = options.soak_secs.to_string();
    step(&format!("demo server: soak for {soak} s"));
    collect(
        &mut table,
        "soak",
        load("soak", &["--secs", soak.as_str(), "--rate", "10000"]),
        Duration::from_secs(options.soak_secs + 300),
    );

    let minutes = started.elapsed().as_secs_f64() / 60.0;
    let load = format!("{} at start, {} at the end", load_at_start, load_average());
    let report = render(&table, minutes, args, &load);
    println!("\n{report}");
    let path = workspace_root().join("bench/latest.md");
    std::fs::write(&path, &report).map_err(|e| format!("write {}: {e}", path.display()))?;
    eprintln!("bench: table written to {}", path.display());
    if table.failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", table.failed.join(", ")))
    }
}

/// `--only size`: build, measure the app weight, print the rows (the full
/// table in `bench/latest.md` is left as it is).
fn size_only(dist: &Path) -> Result<(), String> {
    tools::ensure_app_tools()?;
    tools::ensure_cargo_tool("twiggy", TWIGGY_VERSION, "twiggy", &[])?;
    crate::build_app(dist)?;
    let mut table = Table::default();
    app_weight_rows(&mut table, dist);
    println!("\n| area | metric | value |\n|---|---|---|");
    for row in &table.rows {
        println!("{row}");
    }
    eprintln!("bench: size rows only; bench/latest.md not written");
    if table.failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", table.failed.join(", ")))
    }
}

fn app_weight_rows(table: &mut Table, dist: &Path) {
    step("app weight");
    if let Err(e) = app_weight(table, dist) {
        table.fail("app weight", e);
    }
    if let Err(e) = lazy_data(table, dist) {
        table.fail("lazy data", e);
    }
    if let Err(e) = wasm_breakdown(table) {
        table.fail("wasm breakdown", e);
    }
}

/// The whole report: machine, command, table.
fn render(table: &Table, minutes: f64, args: &[String], load: &str) -> String {
    let command = if args.is_empty() {
        "cargo xtask bench".to_owned()
    } else {
        format!("cargo xtask bench {}", args.join(" "))
    };
    let mut out = format!(
        "- Machine: {}; {} cores (nproc), {} RAM; {}; {}.\n\
         - Command: `{command}` ({minutes:.0} min). Load average (1 min): {load}.\n\n\
         | area | metric | value |\n|---|---|---|\n",
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        ram(),
        output("uname", &["-sr"]).unwrap_or_default(),
        output("/usr/bin/chromium", &["--version"]).unwrap_or_default(),
    );
    for row in &table.rows {
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// The 1-minute load average: other work on the machine skews the figures.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

fn ram() -> String {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let kib: f64 = info
                .lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))?
                .split_whitespace()
                .next()?
                .parse()
                .ok()?;
            Some(format!("{:.0} GiB", kib / 1024.0 / 1024.0))
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn step(what: &str) {
    eprintln!("\n==> bench: {what}");
}

/// Where cargo puts build output (what Trunk uses too).
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

/// Run a benchmark program, keep its rows; stderr goes to the terminal.
fn collect(table: &mut Table, step: &str, command: Command, limit: Duration) {
    match capture(command, limit) {
        Ok(stdout) => table.rows_from(&stdout),
        Err((stdout, e)) => {
            table.rows_from(&stdout);
            table.fail(step, e);
        }
    }
}

/// Run with stdout captured, stderr inherited, killed (with its process
/// group) after `limit`. Err carries what it printed and why it failed.
fn capture(mut command: Command, limit: Duration) -> Result<String, (String, String)> {
    use std::os::unix::process::CommandExt;
    command
        .current_dir(workspace_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .process_group(0);
    let line = format!("{command:?}");
    eprintln!("$ {line}");
    let mut child = command
        .spawn()
        .map_err(|e| (String::new(), format!("cannot start {line}: {e}")))?;
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(out) = stdout.as_mut() {
            let _ = out.read_to_string(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if started.elapsed() > limit => {
                let group = format!("-{}", child.id());
                let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
                let _ = child.wait();
                break Err(format!("timed out after {} s", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => break Err(e.to_string()),
        }
    };
    let text = reader.join().unwrap_or_default();
    match status {
        Ok(s) if s.success() => Ok(text),
        Ok(s) => Err((text, format!("exited with {s}"))),
        Err(e) => Err((text, e)),
    }
}

const WEIGHT_AREA: &str = "app weight (release build, as served)";

/// What a first load of each route costs, as the server sends it: the
/// precompressed `.br` files (`cargo xtask compress`) the server answers
/// `Accept-Encoding: br` with — main wasm, its JS, the chunk loader, and the
/// route's bundle of chunks (`target/wasm-split/manifest.txt` says which);
/// then the whole app (every chunk) for comparison. `page load` measures the
/// same in a browser, over the wire.
fn app_weight(table: &mut Table, dist: &Path) -> Result<(), String> {
    let manifest = std::fs::read_to_string(crate::wasm::manifest_path())
        .map_err(|e| format!("no wasm manifest (build first): {e}"))?;
    let dir = manifest
        .lines()
        .find_map(|l| l.strip_prefix("dir "))
        .ok_or("the wasm manifest names no package directory")?;
    let pkg = dist.join(dir);
    let sent = |name: &str| -> Result<u64, String> {
        let br = pkg.join(format!("{name}.br"));
        let file = if br.is_file() { br } else { pkg.join(name) };
        std::fs::metadata(&file)
            .map(|m| m.len())
            .map_err(|e| format!("{}: {e}", file.display()))
    };
    let main = sent("cors-lab_bg.wasm")? + sent("cors-lab.js")? + sent("__wasm_split.js")?;
    table.row(
        WEIGHT_AREA,
        "every route: main wasm + JS + chunk loader, as sent (brotli)",
        kb(main),
    );
    for line in manifest.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("route") {
            continue;
        }
        let (Some(route), Some(bundle)) = (words.next(), words.next()) else {
            continue;
        };
        if route == "?present" {
            table.row(
                WEIGHT_AREA,
                "presenter mode's panel, on top of the route's first load (?present)",
                kb(sent(bundle)?),
            );
            continue;
        }
        let total = main + sent(bundle)?;
        let verdict = if total <= BUDGET_BROTLI {
            "within the 150 KB budget"
        } else {
            "OVER the 150 KB budget"
        };
        table.row(
            WEIGHT_AREA,
            &format!(
                "first load of {route}: wasm + JS as sent (brotli), with its bundle of {} chunks",
                words.count()
            ),
            format!("{} ({verdict})", kb(total)),
        );
    }
    // What a page loads after it paints: the files its route's bundle did
    // not already bring.
    for line in manifest.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("later") {
            continue;
        }
        let (Some(route), Some(split)) = (words.next(), words.next()) else {
            continue;
        };
        let had: Vec<&str> = manifest
            .lines()
            .find_map(|l| l.strip_prefix(&format!("route {route} ")))
            .map(|rest| rest.split_whitespace().skip(1).collect())
            .unwrap_or_default();
        let mut later = 0;
        for file in words.filter(|f| !had.contains(f)) {
            later += sent(file)?;
        }
        table.row(
            WEIGHT_AREA,
            &format!("{route}: `{split}`, loaded after the page paints (not in its first load)"),
            kb(later),
        );
    }
    let mut everything = 0;
    for entry in std::fs::read_dir(&pkg)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".wasm") || name.ends_with(".js") {
            everything += sent(&name)?;
        }
    }
    table.row(
        WEIGHT_AREA,
        "the whole app: every chunk, wasm + JS as sent (brotli)",
        kb(everything),
    );
    Ok(())
}

/// Data the app fetches later, only when a view needs it (the Public Suffix
/// List for same-site): not part of the start-up weight, so outside the budget.
fn lazy_data(table: &mut Table, dist: &Path) -> Result<(), String> {
    let list = dist.join("psl/public_suffix_list.dat");
    let raw = std::fs::metadata(&list).map_err(|e| format!("{}: {e}", list.display()))?;
    let br = std::fs::metadata(dist.join("psl/public_suffix_list.dat.br"))
        .map_or(raw.len(), |m| m.len());
    table.row(
        WEIGHT_AREA,
        "lazily loaded public_suffix_list.dat raw / as sent (brotli; not in the budget)",
        format!("{} / {}", kb(raw.len()), kb(br)),
    );
    Ok(())
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// What the main wasm (the part every route loads) is made of, by crate:
/// `twiggy top` on the splitter's main module, before wasm-bindgen and
/// wasm-opt, so names are kept (raw sizes; the shipped file is smaller).
fn wasm_breakdown(table: &mut Table) -> Result<(), String> {
    let named = workspace_root().join("target/wasm-split/split/cors-lab.wasm");
    let csv = Command::new("twiggy")
        .args(["top", "-n", "10000000", "-f", "csv"])
        .arg(&named)
        .output()
        .map_err(|e| format!("twiggy: {e}"))?;
    let csv = String::from_utf8_lossy(&csv.stdout);
    let mut by_crate: Vec<(String, u64)> = Vec::new();
    let mut total = 0;
    for line in csv.lines().skip(1) {
        let Some((name, size)) = csv_name_and_size(line) else {
            continue;
        };
        let group = crate_group(&name);
        if group.is_empty() {
            continue; // custom sections: names, producers (not in the real build)
        }
        total += size;
        match by_crate.iter_mut().find(|(g, _)| *g == group) {
            Some((_, n)) => *n += size,
            None => by_crate.push((group, size)),
        }
    }
    by_crate.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let top: Vec<String> = by_crate
        .iter()
        .take(6)
        .map(|(g, n)| {
            format!(
                "{g} {} ({:.0}%)",
                kb(*n),
                *n as f64 * 100.0 / total.max(1) as f64
            )
        })
        .collect();
    table.row(
        WEIGHT_AREA,
        "main wasm (every route) code + data by crate (twiggy, raw, before wasm-opt)",
        top.join(", "),
    );
    Ok(())
}

/// The first two fields of a CSV line: a (maybe quoted) name and a number.
fn csv_name_and_size(line: &str) -> Option<(String, u64)> {
    let (name, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let mut name = String::new();
        let mut chars = quoted.char_indices().peekable();
        loop {
            let (i, c) = chars.next()?;
            if c == '"' {
                if chars.peek().is_some_and(|&(_, n)| n == '"') {
                    chars.next();
                    name.push('"');
                } else {
                    break (name, quoted.get(i + 2..)?);
                }
            } else {
                name.push(c);
            }
        }
    } else {
        let (name, rest) = line.split_once(',')?;
        (name.to_owned(), rest)
    };
    let size = rest.split(',').next()?.parse().ok()?;
    Some((name, size))
}

/// The crate an item belongs to ("" for custom sections), the Leptos family
/// as one group.
fn crate_group(item: &str) -> String {
    if item.contains("custom section") || item.contains("subsection") {
        return String::new();
    }
    if item.starts_with("data segment") || item.starts_with("data[") {
        return "data segments".to_owned();
    }
    let first = item
        .split("::")
        .next()
        .map(|head| {
            head.rsplit(['<', ' ', '(', '&', '*'])
                .next()
                .unwrap_or(head)
        })
        .filter(|c| item.contains("::") && !c.is_empty())
        .unwrap_or("other");
    // `core[c5930c85a12de822]`: a second copy's disambiguator, same crate.
    let first = first.split('[').next().unwrap_or(first);
    const LEPTOS: &[&str] = &[
        "tachys",
        "reactive_graph",
        "leptos",
        "leptos_router",
        "leptos_dom",
        "either_of",
        "any_spawner",
        "or_poisoned",
        "throw_error",
        "oco_ref",
        "next_tuple",
        "leptos_server",
        "hydration_context",
        "reactive_stores",
    ];
    if LEPTOS.contains(&first) {
        "leptos".to_owned()
    } else {
        first.to_owned()
    }
}

/// criterion's middle estimates; per-call figures from its throughput line.
fn criterion(table: &mut Table) -> Result<(), String> {
    let command = {
        let mut c = Command::new("cargo");
        c.args(["bench", "--package", "cors-core", "--bench", "core"]);
        c
    };
    let out = capture(command, Duration::from_secs(1200)).map_err(|(_, e)| e)?;
    let mut name = String::new();
    let mut time = String::new();
    // After a `change:` line criterion repeats time/thrpt as differences
    // from the previous run: not figures.
    let mut in_change = false;
    for line in out.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("change:") {
            in_change = true;
        } else if let Some((head, rest)) = trimmed.split_once("time:") {
            if !head.trim().is_empty() {
                name = head.trim().to_owned();
                in_change = false;
            }
            if !in_change {
                time = middle(rest).unwrap_or_default();
            }
        } else if let Some(rest) = trimmed.strip_prefix("thrpt:").filter(|_| !in_change) {
            let per_call = middle(rest).and_then(|t| per_call_from_throughput(&t));
            let label = match name.as_str() {
                "compare/presets" => "parse_url ×2 + compare, per preset pair",
                "compare/one_pair" => "parse_url ×2 + compare, one pair",
                "engine/predict_matrix" => "engine::predict, per cors-matrix scenario",
                "suffix_list/parse" => "SuffixList::parse of the shipped Public Suffix List",
                other => other,
            };
            table.row(
                "core, native (criterion)",
                label,
                format!(
                    "{} per call ({name}: {time} per iteration)",
                    per_call.unwrap_or_else(|| "?".to_owned())
                ),
            );
        }
    }
    Ok(())
}

/// `[1.0 µs 1.1 µs 1.2 µs]` → `1.1 µs`.
fn middle(bracketed: &str) -> Option<String> {
    let inner = bracketed
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let words: Vec<&str> = inner.split_whitespace().collect();
    (words.len() == 6).then(|| format!("{} {}", words[2], words[3]))
}

/// `1.5 Melem/s` → `0.67 µs`.
fn per_call_from_throughput(throughput: &str) -> Option<String> {
    let (value, unit) = throughput.split_once(' ')?;
    let value: f64 = value.parse().ok()?;
    let per_second = value
        * match unit {
            "elem/s" => 1.0,
            "Kelem/s" => 1e3,
            "Melem/s" => 1e6,
            "Gelem/s" => 1e9,
            _ => return None,
        };
    Some(format!("{:.2} µs", 1e6 / per_second))
}

/// The core's property tests (URL/origin comparator, cookie and site rules,
/// rules engine with its failure explanations and console messages, the
/// error explainer on any text and on garbled real messages) with
/// `cases` cases each, in release, within a time bound.
fn fuzz(table: &mut Table, cases: u32) -> Result<(), String> {
    let command = {
        let mut c = Command::new("cargo");
        c.args([
            "test",
            "--release",
            "--package",
            "cors-core",
            "--test",
            "props",
            "--test",
            "engine_props",
            "--test",
            "explain_props",
        ])
        .env("PROPTEST_CASES", cases.to_string());
        c
    };
    let started = Instant::now();
    let result = capture(command, Duration::from_secs(1800));
    let secs = started.elapsed().as_secs();
    let (out, error) = match result {
        Ok(out) => (out, None),
        Err((out, e)) => (out, Some(e)),
    };
    let (mut passed, mut failed) = (0, 0);
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("test result: ") {
            let count = |word: &str| -> u32 {
                rest.split(';')
                    .find_map(|part| part.trim().strip_suffix(word))
                    .and_then(|n| n.trim().rsplit(' ').next()?.parse().ok())
                    .unwrap_or(0)
            };
            passed += count(" passed");
            failed += count(" failed");
        }
    }
    table.row(
        "fuzzing (proptest, release)",
        "comparator, cookie/site, engine + explanations, error explainer: properties × cases",
        format!(
            "{} × {cases}: {failed} failed, {} panics ({secs} s incl. build)",
            passed + failed,
            if error.is_some() { "some" } else { "0" }
        ),
    );
    match error {
        None => Ok(()),
        Some(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields() {
        assert_eq!(
            csv_name_and_size("psl::list::lookup::h12,94243,2.2,,"),
            Some(("psl::list::lookup::h12".to_owned(), 94243))
        );
        assert_eq!(
            csv_name_and_size(r#""data segment "".rodata""",260098,6.0,,"#),
            Some((r#"data segment ".rodata""#.to_owned(), 260098))
        );
        assert_eq!(
            csv_name_and_size(r#""<a::B<T,I> as c::D>::f::h1",6855,0.1,,"#),
            Some(("<a::B<T,I> as c::D>::f::h1".to_owned(), 6855))
        );
    }

    #[test]
    fn crate_groups() {
        assert_eq!(crate_group("psl::list::lookup_616::h1"), "psl");
        assert_eq!(
            crate_group("<tachys::view::keyed::Keyed<T> as tachys::view::Render>::rebuild::h1"),
            "leptos"
        );
        assert_eq!(crate_group("<T as core::any::Any>::type_id::h1"), "core");
        assert_eq!(crate_group("core[c5930c85a12de822]::fmt::write"), "core");
        assert_eq!(crate_group("data segment \".rodata\""), "data segments");
        assert_eq!(crate_group("\"function names\" subsection"), "");
        assert_eq!(crate_group("code[12]"), "other");
    }

    #[test]
    fn criterion_numbers() {
        assert_eq!(
            middle(" [1.0012 µs 1.0101 µs 1.0200 µs]").as_deref(),
            Some("1.0101 µs")
        );
        assert_eq!(
            per_call_from_throughput("2.0000 Melem/s").as_deref(),
            Some("0.50 µs")
        );
    }
}
