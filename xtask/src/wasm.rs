//! The app's wasm pipeline, split by route (`cargo xtask wasm`; Trunk runs it
//! as its `pre_build` hook, see `Trunk.toml`).
//!
//! 1. `cargo build` the app for `wasm32-unknown-unknown` (linked with
//!    `--emit-relocs`, set in `.cargo/config.toml`, which the splitter needs);
//! 2. split the linked wasm at every `#[wasm_split(route_…)]` function
//!    (`src/routes.rs`) with `wasm_split_cli_support`, what cargo-leptos runs:
//!    the main module, one `split_*.wasm` per route, `chunk_*.wasm` for code
//!    that several routes share, and the loader `__wasm_split.js`;
//! 3. wasm-bindgen on the main module (`--keep-lld-exports`: without the
//!    `__indirect_function_table` export no chunk can link);
//! 4. `wasm-opt -Oz` on every `.wasm`, terser on the JS (release builds);
//! 5. everything into `target/wasm-split/web/pkg-<hash>/`, named after a hash
//!    of its contents, so the server may let browsers cache it for good;
//! 6. per route, one bundle of the chunks it needs (`bundle-<n>.bin`), and
//!    `target/wasm-split/boot.html`, which `index.html` inlines: it starts
//!    fetching the main wasm *and the opened route's bundle* at once (no
//!    waiting for the JS), and shows a message with a retry when the app
//!    cannot load.
//!
//! Trunk copies `web/` into `dist/` and inlines `boot.html`; its own Rust
//! build is skipped (`data-trunk-skip` in `index.html`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::{output, run, workspace_root, Cmd};

/// The app's binary, and the stem of every file wasm-bindgen writes.
const APP: &str = "cors-lab";

/// Split modules named `route_<name>` belong to the page at `/<name>`
/// (`route_home` to `/`): the boot script fetches them with the main wasm.
const ROUTE_PREFIX: &str = "route_";

/// What the pipeline made, for the benchmark (`xtask/src/bench.rs`): one line
/// `dir <pkg-hash>`, then per route `route <path> <bundle> <file>…`, then per
/// piece a page loads after it paints ([`LATER`]) `later <path> <split> <file>…`.
pub const MANIFEST: &str = "manifest.txt";

/// Where [`MANIFEST`] is (relative to the workspace root).
pub fn manifest_path() -> PathBuf {
    workspace_root().join(OUT).join(MANIFEST)
}

fn manifest(
    dir: &str,
    early: &BTreeMap<String, Vec<String>>,
    bundles: &BTreeMap<String, String>,
    prefetch: &BTreeMap<String, Vec<String>>,
) -> String {
    let mut text = format!("dir {dir}\n");
    for (key, files) in early {
        if let Some(bundle) = bundles.get(key) {
            text.push_str(&format!("route {key} {bundle} {}\n", files.join(" ")));
        }
    }
    for (split, route) in LATER {
        if let Some(stems) = prefetch.get(*split) {
            let files: Vec<String> = stems.iter().map(|s| format!("{s}.wasm")).collect();
            text.push_str(&format!("later {route} {split} {}\n", files.join(" ")));
        }
    }
    text
}

/// Pieces a page loads after it has painted (`lazy::later` in the app), and
/// the route they follow: in no bundle, so the benchmark reports them apart.
const LATER: &[(&str, &str)] = &[("home_log", "/")];

/// Presenter mode's panel (`src/lazy.rs`): fetched early when the address
/// says `present`.
const PRESENTER_SPLIT: &str = "presenter_panel";

/// wasm-opt's feature flags: what rustc enables for wasm32 by default.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The text layer's files for the boot script (relative to the root;
/// build.rs writes it).
const TEXTS_BOOT: &str = "target/i18n-boot.json";

/// Where the pipeline works and what Trunk picks up (relative to the root).
const OUT: &str = "target/wasm-split";

/// `cargo xtask wasm [--release|--debug]`; without a flag, Trunk's
/// `TRUNK_PROFILE` decides (release unless it says debug).
/// `cargo xtask wasm --staged` is Trunk's post_build hook: it finishes the
/// staged `dist/` (see [`finish_staged`]).
pub fn build(args: &[String]) -> Result<(), String> {
    let release = match args.first().map(String::as_str) {
        Some("--staged") => return finish_staged(),
        Some("--release") => true,
        Some("--debug") => false,
        Some(other) => {
            return Err(format!(
                "unknown flag `{other}` (--release, --debug or --staged)"
            ))
        }
        None => std::env::var("TRUNK_PROFILE").map_or(true, |p| p != "debug"),
    };
    let root = workspace_root();
    let out = root.join(OUT);
    let linked = cargo_build(release)?;
    // The same linked wasm through the same pipeline (this very program) as
    // last time: what they gave is still there.
    let this = std::env::current_exe().map_err(|e| format!("where is xtask? {e}"))?;
    let stamp = format!(
        "{} {:016x} {:016x}\n",
        if release { "release" } else { "debug" },
        file_hash(&linked)?,
        file_hash(&this)?,
    );
    let stamp_file = out.join("stamp");
    if fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) && out.join("boot.html").is_file()
    {
        eprintln!("wasm: unchanged since the last build, kept {OUT}/web");
        return Ok(());
    }
    let _ = fs::remove_file(&stamp_file);

    let split_dir = fresh_dir(&out.join("split"))?;
    let prefetch = split(&linked, &split_dir)?;

    let pkg = fresh_dir(&out.join("pkg"))?;
    bindgen(&split_dir.join(format!("{APP}.wasm")), &pkg)?;
    for entry in read_dir(&split_dir)? {
        let name = file_name(&entry);
        if name.ends_with(".wasm") && name != format!("{APP}.wasm") {
            copy(&entry, &pkg.join(&name))?;
        }
    }
    let loader = fs::read_to_string(split_dir.join("__wasm_split.js"))
        .map_err(|e| format!("the splitter wrote no loader: {e}"))?;
    write(&pkg.join("__wasm_split.js"), &take_prefetched(&loader)?)?;

    if release {
        let wasm_opt = crate::tools::ensure_wasm_opt()?;
        let files: Vec<PathBuf> = read_dir(&pkg)?
            .into_iter()
            .filter(|f| file_name(f).ends_with(".wasm"))
            .collect();
        // One Node.js process per file, as many at once as there are cores.
        crate::cmd::on_every_core(&files, |file| optimise(&wasm_opt, file))?;
        // The JS every first load fetches, minified (about 2 KB brotli).
        let terser = crate::tools::ensure_terser()?;
        for js in [format!("{APP}.js"), "__wasm_split.js".to_owned()] {
            minify(&terser, &pkg.join(js))?;
        }
    }

    let early = route_files(&prefetch);
    let bundles = write_bundles(&pkg, &early)?;
    let hash = dir_hash(&pkg)?;
    let web = fresh_dir(&out.join("web"))?;
    let dir = format!("pkg-{hash:016x}");
    fs::rename(&pkg, web.join(&dir)).map_err(|e| format!("cannot move {}: {e}", pkg.display()))?;
    // build.rs wrote it when the app was built above.
    let texts = fs::read_to_string(root.join(TEXTS_BOOT))
        .map_err(|e| format!("cannot read {TEXTS_BOOT} (build.rs writes it): {e}"))?;
    write(
        &out.join("boot.html"),
        &boot_html(&dir, &early, &bundles, &texts),
    )?;
    write(
        &out.join(MANIFEST),
        &manifest(&dir, &early, &bundles, &prefetch),
    )?;
    write(&stamp_file, &stamp)?;
    eprintln!("wasm: ready in {OUT}/web/{dir}");
    Ok(())
}

/// Trunk's post_build hook, on `TRUNK_STAGING_DIR`: drops the
/// `data-trunk-skip` link Trunk leaves in `index.html` (it only told Trunk
/// not to build the crate itself), then writes the precompressed copies the
/// server sends (`crate::compress`).
fn finish_staged() -> Result<(), String> {
    let staged = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("--staged runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)")?;
    let index = staged.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    write(&index, &without_skip_link(&html))?;
    let count = crate::compress::compress_dir(&staged)?;
    eprintln!("compress: {count} files have .br and .gz copies");
    Ok(())
}

/// `html` without the `<link … data-trunk-skip …>` element (minified or not).
fn without_skip_link(html: &str) -> String {
    let Some(at) = html.find("data-trunk-skip") else {
        return html.to_owned();
    };
    let start = html[..at].rfind("<link").unwrap_or(at);
    let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
    format!("{}{}", &html[..start], &html[end..])
}

/// `cargo build` the app; the linked `.wasm` it wrote.
fn cargo_build(release: bool) -> Result<PathBuf, String> {
    let mut cmd = Cmd::new("cargo").args([
        "build",
        "--package",
        APP,
        "--bin",
        APP,
        "--target",
        "wasm32-unknown-unknown",
    ]);
    if release {
        cmd = cmd.args(["--release"]);
    }
    run(cmd)?;
    let profile = if release { "release" } else { "debug" };
    Ok(target_dir()?
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{APP}.wasm")))
}

/// Cargo's target directory (`CARGO_TARGET_DIR` or the workspace's).
fn target_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        let dir = PathBuf::from(dir);
        return Ok(if dir.is_absolute() {
            dir
        } else {
            workspace_root().join(dir)
        });
    }
    let meta = output(
        "cargo",
        &[
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ],
    )
    .ok_or("`cargo metadata` failed")?;
    let key = "\"target_directory\":\"";
    let start = meta
        .find(key)
        .ok_or("no target_directory in cargo metadata")?
        + key.len();
    let end = meta[start..]
        .find('"')
        .ok_or("unterminated target_directory")?;
    Ok(PathBuf::from(&meta[start..start + end]))
}

/// Splits `linked` into `dir`; which files each split needs (split name →
/// file stems, shared chunks first).
fn split(linked: &Path, dir: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let input = fs::read(linked).map_err(|e| format!("cannot read {}: {e}", linked.display()))?;
    let main_out = dir.join(format!("{APP}.wasm"));
    let main_module = format!("./{APP}.js");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = dir;
    opts.main_out_path = &main_out;
    opts.main_module = &main_module;
    opts.target.web();
    let split = wasm_split_cli_support::transform(opts)
        .map_err(|e| format!("splitting {} failed: {e:?}", linked.display()))?;
    Ok(split.prefetch_map.into_iter().collect())
}

fn bindgen(main: &Path, pkg: &Path) -> Result<(), String> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(main)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .typescript(false)
        .keep_lld_exports(true)
        .out_name(APP)
        .generate(pkg)
        .map_err(|e| format!("wasm-bindgen on {} failed: {e:?}", main.display()))
}

fn optimise(wasm_opt: &Path, file: &Path) -> Result<(), String> {
    let file = file.to_string_lossy();
    run(Cmd::new(&wasm_opt.to_string_lossy())
        .args(["-Oz"])
        .args(WASM_FEATURES)
        .args([file.as_ref(), "-o", file.as_ref()]))
}

/// An ES module minified in place; its exports keep their names (the boot
/// script and the chunk loader import them).
fn minify(terser: &Path, file: &Path) -> Result<(), String> {
    let file = file.to_string_lossy();
    run(Cmd::new(&terser.to_string_lossy()).args([
        file.as_ref(),
        "--module",
        "--compress",
        "--mangle",
        "-o",
        file.as_ref(),
    ]))
}

/// The loader fetches a chunk with `fetch(new URL("./x.wasm", import.meta.url))`;
/// route it through `corsLabPrefetched`, which hands over the request the boot
/// script already started for the opened route (once), or fetches anew.
fn take_prefetched(loader: &str) -> Result<String, String> {
    const FETCH: &str = "fetch(new URL(";
    let count = loader.matches(FETCH).count();
    if count == 0 {
        return Err(
            "the splitter's loader no longer fetches chunks with `fetch(new URL(`: \
             update xtask/src/wasm.rs (take_prefetched)"
                .into(),
        );
    }
    Ok(format!(
        "const prefetched = (url) => globalThis.corsLabPrefetched?.(url.href) ?? fetch(url);\n{}",
        loader.replace(FETCH, "prefetched(new URL(")
    ))
}

/// What the boot script fetches early: route path → the files (in the
/// package directory) its page needs, and under `?present` the files of
/// presenter mode's panel.
fn route_files(prefetch: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    prefetch
        .iter()
        .filter_map(|(split, stems)| {
            let key = match split.strip_prefix(ROUTE_PREFIX) {
                Some("home") => "/".to_owned(),
                Some(name) => format!("/{name}"),
                None if split == PRESENTER_SPLIT => "?present".to_owned(),
                None => return None,
            };
            Some((key, stems.iter().map(|s| format!("{s}.wasm")).collect()))
        })
        .collect()
}

/// Writes, for each entry of `early` (route path or `?present`), one bundle
/// of the files it needs into `pkg`: `bundle-<n>.bin`. On a first load the
/// boot script fetches the opened route's bundle in one request instead of
/// a request per chunk (a route needs 20 to 40 chunks; over HTTP/1.1's six
/// connections and a slow network's round trips that would be most of the
/// load time), and one compressed stream is smaller than many.
///
/// Format: a little-endian `u32` N, N bytes of JSON `[[file, length], …]`,
/// then the files' bytes in that order.
fn write_bundles(
    pkg: &Path,
    early: &BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<String, String>, String> {
    let mut names = BTreeMap::new();
    for (n, (key, files)) in early.iter().enumerate() {
        let mut index = Vec::new();
        let mut body = Vec::new();
        for file in files {
            let bytes =
                fs::read(pkg.join(file)).map_err(|e| format!("cannot read chunk {file}: {e}"))?;
            index.push(format!("[{file:?},{}]", bytes.len()));
            body.extend(bytes);
        }
        let index = format!("[{}]", index.join(","));
        let len = u32::try_from(index.len()).map_err(|_| "bundle index too long")?;
        let mut bundle = len.to_le_bytes().to_vec();
        bundle.extend(index.as_bytes());
        bundle.extend(body);
        let name = format!("bundle-{n}.bin");
        fs::write(pkg.join(&name), bundle).map_err(|e| format!("cannot write {name}: {e}"))?;
        names.insert(key.clone(), name);
    }
    Ok(names)
}

/// What `index.html` inlines: a classic script that starts the downloads
/// while the page is still parsing, the module that starts the app, and the
/// message shown when the app cannot load.
fn boot_html(
    dir: &str,
    early: &BTreeMap<String, Vec<String>>,
    bundles: &BTreeMap<String, String>,
    texts: &str,
) -> String {
    let bundles_json = early
        .iter()
        .filter_map(|(key, files)| {
            let files = files.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>();
            Some(format!(
                "{key:?}:[{:?},[{}]]",
                bundles.get(key)?,
                files.join(",")
            ))
        })
        .collect::<Vec<_>>()
        .join(",");
    BOOT_TEMPLATE
        .replace("@DIR@", dir)
        .replace("@APP@", APP)
        .replace("@BUNDLES@", &bundles_json)
        .replace("@TEXTS@", texts.trim())
}

const BOOT_TEMPLATE: &str = r#"<link rel="modulepreload" href="/@DIR@/@APP@.js">
<link rel="modulepreload" href="/@DIR@/__wasm_split.js">
<script>
// Start the downloads now, not after the JS: the main wasm, /api/config,
// and in one request the chunks of the page that was opened (see write_bundles in
// xtask/src/wasm.rs). The chunk loader takes each file once
// (corsLabPrefetched); a failed one is fetched on its own on retry.
(() => {
  const base = new URL("/@DIR@/", location.href);
  const bundles = {@BUNDLES@};
  const started = new Map();
  const keep = (file, request) => {
    request.catch(() => {});
    started.set(new URL(file, base).href, request);
  };
  const unpack = (buffer) => {
    const length = new DataView(buffer).getUint32(0, true);
    const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
    const files = new Map();
    let at = 4 + length;
    for (const [file, size] of index) {
      files.set(file, new Uint8Array(buffer, at, size));
      at += size;
    }
    return files;
  };
  const fetchBundle = (name) => {
    const files = fetch(new URL(name, base)).then((response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.arrayBuffer();
    }).then(unpack);
    files.catch(() => {});
    return files;
  };
  keep("@APP@_bg.wasm", fetch(new URL("@APP@_bg.wasm", base)));
  // Every page needs the lab's config; the app takes this answer (if it
  // asks without an instructor key) instead of waiting a round trip more.
  keep("/api/config", fetch("/api/config"));
  // The opened page's texts (build.rs's target/i18n-boot.json: each page's
  // files, common first), in the language the app will start in — decided
  // as i18n::initial_locale does (src/i18n.rs): ?lang=, the remembered
  // choice, the browser's languages (each matched as cors_core::lang
  // matches it), else the default. The app takes them by address: a guess
  // that differs costs a request, never a wrong text.
  const texts = @TEXTS@;
  const fromTag = (raw) => {
    const tag = String(raw).trim().replaceAll("_", "-").toLowerCase();
    if (!tag) return undefined;
    const exact = texts.locales.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const [language, ...rest] = tag.split("-");
    return texts.locales.find((l) => {
      if (l.toLowerCase().split("-")[0] !== language) return false;
      // Chinese: Traditional script, or a region that writes it.
      return language !== "zh" || (!rest.includes("hans")
        && rest.some((p) => ["hant", "tw", "hk", "mo"].includes(p)));
    });
  };
  const remembered = () => {
    try { return localStorage.getItem("cors-lab-lang"); } catch { return null; }
  };
  const locale = [new URLSearchParams(location.search).get("lang"), remembered(),
    ...(navigator.languages ?? []), navigator.language]
    .filter((tag) => tag).map(fromTag).find((l) => l) ?? texts.locales[0];
  const path = location.pathname.replace(/\/+$/, "") || "/";
  // Page files are named as the route chunks are: `/` is home.
  for (const file of texts.pages[path === "/" ? "home" : path.slice(1)] ?? []) {
    const url = new URL(`${texts.base}/${file}/${locale}.json`, location.href).href;
    started.set(url, fetch(url));
    started.get(url).catch(() => {});
  }
  const wanted = [path];
  if (new URLSearchParams(location.search).has("present")) wanted.push("?present");
  for (const key of wanted) {
    if (!bundles[key]) continue;
    const [name, files] = bundles[key];
    const all = fetchBundle(name);
    for (const file of files) {
      if (started.has(new URL(file, base).href)) continue;
      keep(file, all.then((got) =>
        new Response(got.get(file), { headers: { "Content-Type": "application/wasm" } })));
    }
  }
  globalThis.corsLabPrefetched = (url) => {
    const request = started.get(url);
    started.delete(url);
    return request;
  };
})();
</script>
<script type="module">
import init from "/@DIR@/@APP@.js";
const wasm = new URL("/@DIR@/@APP@_bg.wasm", location.href).href;
init({ module_or_path: globalThis.corsLabPrefetched(wasm) ?? wasm }).catch((error) => {
  console.error(error);
  const box = document.getElementById("app-load-failed");
  if (box) box.hidden = false;
});
</script>"#;

/// A 64-bit FNV-1a hash of every file's name and bytes, in name order.
fn dir_hash(dir: &Path) -> Result<u64, String> {
    let mut hash = Fnv::default();
    let mut files = read_dir(dir)?;
    files.sort();
    for file in files {
        hash.eat(file_name(&file).as_bytes());
        hash.eat(&fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?);
    }
    Ok(hash.0)
}

fn file_hash(file: &Path) -> Result<u64, String> {
    let mut hash = Fnv::default();
    hash.eat(&fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?);
    Ok(hash.0)
}

/// 64-bit FNV-1a: enough to tell builds apart (not a security boundary).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn eat(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn fresh_dir(dir: &Path) -> Result<PathBuf, String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir.to_path_buf())
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>, String> {
    fs::read_dir(dir)
        .and_then(|entries| entries.map(|e| e.map(|e| e.path())).collect())
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skip_link_goes_and_the_rest_stays() {
        for (html, expected) in [
            (
                "<title>x</title><link data-trunk data-trunk-id=3 data-trunk-skip rel=rust><script>",
                "<title>x</title><script>",
            ),
            (
                "<a>\n<link data-trunk rel=\"rust\" data-trunk-skip />\n<b>",
                "<a>\n\n<b>",
            ),
            ("<p>no link</p>", "<p>no link</p>"),
        ] {
            assert_eq!(without_skip_link(html), expected, "{html}");
        }
    }

    #[test]
    fn the_loader_fetches_through_the_prefetched_requests() {
        let loader = "const src = fetch(new URL(\"./a.wasm\", import.meta.url));";
        let got = take_prefetched(loader).expect("patched");
        assert!(got.contains("prefetched(new URL(\"./a.wasm\""), "{got}");
        assert!(!got.contains(" fetch(new URL("), "{got}");
        assert!(take_prefetched("import x from 'y';").is_err());
    }

    #[test]
    fn routes_map_to_their_split_modules() {
        let prefetch = BTreeMap::from([
            (
                "route_home".to_owned(),
                vec!["chunk_1".to_owned(), "split_route_home".to_owned()],
            ),
            ("route_lab".to_owned(), vec!["split_route_lab".to_owned()]),
            (
                "presenter_panel".to_owned(),
                vec!["split_presenter_panel".to_owned()],
            ),
            ("something_else".to_owned(), vec!["split_x".to_owned()]),
        ]);
        let early = route_files(&prefetch);
        assert_eq!(
            early.keys().collect::<Vec<_>>(),
            ["/", "/lab", "?present"],
            "{early:?}"
        );
        assert_eq!(early["/"], ["chunk_1.wasm", "split_route_home.wasm"]);
    }
}
