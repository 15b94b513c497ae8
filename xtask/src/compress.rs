//! Precompressed copies of the built app: `FILE.br` (brotli, quality 11)
//! and `FILE.gz` (gzip, level 9) beside every text and wasm file, which the
//! demo server sends to browsers that accept them (tower-http's `ServeDir`
//! with `precompressed_br` / `precompressed_gzip`). Compressing once at
//! build time lets the slowest, smallest settings pay off: nothing is
//! compressed per request.
//!
//! `cargo xtask compress DIR`; Trunk's post_build hook runs it on the staged
//! `dist/` (`cargo xtask wasm --staged`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Extensions worth compressing: text, wasm, and the chunk bundles.
const COMPRESSIBLE: &[&str] = &[
    "wasm", "js", "mjs", "css", "html", "svg", "json", "dat", "txt", "map", "bin",
];

/// Smaller than this, a compressed copy saves less than its headers cost.
const MIN_SIZE: u64 = 256;

/// `cargo xtask compress DIR`.
pub fn command(args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err("usage: cargo xtask compress DIR".into());
    };
    let written = compress_dir(Path::new(dir))?;
    eprintln!("compress: {written} files in {dir} have .br and .gz copies");
    Ok(())
}

/// Writes `.br` and `.gz` for every compressible file under `dir` (both
/// cores at work); how many files got them.
pub fn compress_dir(dir: &Path) -> Result<usize, String> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.retain(|f| worth_compressing(f));
    crate::cmd::on_every_core(&files, |file| compress_file(file))?;
    Ok(files.len())
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, into)?;
        } else {
            into.push(path);
        }
    }
    Ok(())
}

fn worth_compressing(file: &Path) -> bool {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    COMPRESSIBLE.contains(&ext) && fs::metadata(file).is_ok_and(|m| m.len() >= MIN_SIZE)
}

/// `file.br` and `file.gz`, each only if smaller than the file.
fn compress_file(file: &Path) -> Result<(), String> {
    let bytes = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let br = brotli(&bytes)?;
    let gz = gzip(&bytes)?;
    for (ext, packed) in [("br", br), ("gz", gz)] {
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        let out = PathBuf::from(name);
        if packed.len() < bytes.len() {
            fs::write(&out, packed).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        } else {
            let _ = fs::remove_file(&out);
        }
    }
    Ok(())
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| format!("gzip: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_come_beside_compressible_files_only() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("pkg-0123456789abcdef")).expect("dir");
        let text = "CORS Lab ".repeat(200);
        for name in [
            "index.html",
            "pkg-0123456789abcdef/app_bg.wasm",
            "favicon.png",
        ] {
            fs::write(dir.join(name), &text).expect("write");
        }
        fs::write(dir.join("tiny.js"), "x").expect("write");
        assert_eq!(compress_dir(&dir).expect("compress"), 2);
        for name in ["index.html", "pkg-0123456789abcdef/app_bg.wasm"] {
            for ext in ["br", "gz"] {
                let packed = fs::read(dir.join(format!("{name}.{ext}"))).expect(name);
                assert!(packed.len() < text.len() / 10, "{name}.{ext}");
            }
        }
        assert!(
            !dir.join("favicon.png.br").exists(),
            "not a compressible type"
        );
        assert!(!dir.join("tiny.js.br").exists(), "too small to gain");
        // The brotli copy decodes back to the file.
        let mut back = Vec::new();
        brotli::BrotliDecompress(
            &mut &fs::read(dir.join("index.html.br")).expect("br")[..],
            &mut back,
        )
        .expect("decodes");
        assert_eq!(back, text.as_bytes());
        let _ = fs::remove_dir_all(&dir);
    }
}
