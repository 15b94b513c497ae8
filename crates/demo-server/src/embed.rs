//! Resources another origin's page may *embed* but not *read*, served by the
//! API origin without any CORS header:
//!
//! - `GET /pixel.png`: a small image. An `<img>` on the app origin shows it;
//!   drawn on a canvas, it taints the canvas, so `getImageData` throws.
//! - `GET /widget.js`: a script that sets `window.corsLabWidgetLoaded = true`.
//!   A `<script src>` on the app origin runs it; `fetch`ing its text fails.
//!
//! - `GET /theme.css`: a stylesheet with one rule. A `<link>` on the app
//!   origin applies it; its rules cannot be read through
//!   `document.styleSheets[i].cssRules` unless the `<link>` asked with
//!   `crossorigin` and the answer allows it.
//! - `GET /lab-glyphs.ttf`: a tiny font. Browsers fetch `@font-face` fonts
//!   in CORS mode, so from another origin it only loads when allowed.
//!
//! The stylesheet and the font take `?cors=1` to answer with
//! `Access-Control-Allow-Origin: *` (the other resources never do).
//!
//! The PNG is built here by a tiny encoder (zlib "stored" blocks, CRC-32,
//! Adler-32): no image crate for eight by eight pixels.

use std::sync::LazyLock;

use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE};
use axum::http::{HeaderValue, Uri};
use axum::response::{IntoResponse, Response};

/// `GET`: the image (`image/png`).
pub const PIXEL_PATH: &str = "/pixel.png";
/// `GET`: the script (`text/javascript`).
pub const WIDGET_PATH: &str = "/widget.js";

/// `GET`: the stylesheet (`text/css`); `?cors=1` allows every origin to read it.
pub const THEME_PATH: &str = "/theme.css";
/// `GET`: the font (`font/ttf`); `?cors=1` allows every origin to load it.
pub const FONT_PATH: &str = "/lab-glyphs.ttf";
/// The query pair that adds `Access-Control-Allow-Origin: *`.
pub const CORS_PAIR: (&str, &str) = ("cors", "1");

/// `/theme.css`: one rule, for the box the `/why` page styles with it.
pub const THEME_CSS: &str = "/* CORS Lab theme, served by the API origin. */\n\
.why-css-target { border: 6px dashed rgb(29, 78, 216); }\n";

/// `/lab-glyphs.ttf`: four glyphs (C, O, R, S drawn as a square, an
/// octagon, a triangle and a diamond), made by `assets/make_lab_glyphs.py`.
pub const FONT_TTF: &[u8] = include_bytes!("../assets/lab-glyphs.ttf");

/// What `/widget.js` runs in the page that includes it.
pub const WIDGET_JS: &str = "// CORS Lab widget: served by the API origin without CORS headers.\n\
// A <script src> on another origin runs it; that origin's fetch() cannot read it.\n\
window.corsLabWidgetLoaded = true;\n";

/// Side of the square image, in pixels.
pub const PIXEL_SIDE: u32 = 8;

/// Two colours in 2×2 tiles, so the image is visibly an image when scaled up.
const TILE_COLOURS: [[u8; 3]; 2] = [[0x1d, 0x4e, 0xd8], [0xf5, 0x9e, 0x0b]];

static PIXEL_PNG: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let side = PIXEL_SIDE as usize;
    let pixels: Vec<[u8; 3]> = (0..side * side)
        .map(|i| TILE_COLOURS[((i % side) / 2 + (i / side) / 2) % 2])
        .collect();
    png_rgb(PIXEL_SIDE, PIXEL_SIDE, &pixels)
});

pub(crate) async fn pixel() -> Response {
    with_type(PIXEL_PNG.as_slice(), "image/png")
}

pub(crate) async fn widget() -> Response {
    with_type(WIDGET_JS, "text/javascript; charset=utf-8")
}

pub(crate) async fn theme(uri: Uri) -> Response {
    allowed_if_asked(with_type(THEME_CSS, "text/css; charset=utf-8"), &uri)
}

pub(crate) async fn font(uri: Uri) -> Response {
    allowed_if_asked(with_type(FONT_TTF, "font/ttf"), &uri)
}

/// Whether the query holds `cors=1`.
pub fn asks_for_cors(query: Option<&str>) -> bool {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .any(|(name, value)| name == CORS_PAIR.0 && value == CORS_PAIR.1)
}

/// `Access-Control-Allow-Origin: *` on the answer when the query asks for it.
fn allowed_if_asked(mut response: Response, uri: &Uri) -> Response {
    if asks_for_cors(uri.query()) {
        response
            .headers_mut()
            .insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    response
}

fn with_type(body: impl IntoResponse, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// A truecolour PNG (8 bits per channel, no alpha, no interlace) of
/// `width × height` pixels, given row by row.
///
/// # Panics
/// If `pixels.len()` is not `width * height` (callers pass constants).
pub fn png_rgb(width: u32, height: u32, pixels: &[[u8; 3]]) -> Vec<u8> {
    assert_eq!(pixels.len(), width as usize * height as usize);
    // Each scanline: filter type 0 (none), then the row's bytes.
    let mut raw = Vec::with_capacity(pixels.len() * 3 + height as usize);
    for row in pixels.chunks(width as usize) {
        raw.push(0);
        raw.extend(row.iter().flatten());
    }

    let mut header = Vec::with_capacity(13);
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    // Bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
    header.extend([8, 2, 0, 0, 0]);

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    push_chunk(&mut png, b"IHDR", &header);
    push_chunk(&mut png, b"IDAT", &zlib_stored(&raw));
    push_chunk(&mut png, b"IEND", &[]);
    png
}

/// Length, type, data, CRC-32 of type and data.
fn push_chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let len = u32::try_from(data.len()).expect("PNG chunks stay under 4 GiB");
    png.extend(len.to_be_bytes());
    let start = png.len();
    png.extend(kind);
    png.extend(data);
    let crc = crc32(&png[start..]);
    png.extend(crc.to_be_bytes());
}

/// A zlib stream (RFC 1950) holding `data` in uncompressed deflate blocks
/// (RFC 1951 §3.2.4), each at most 65 535 bytes.
pub fn zlib_stored(data: &[u8]) -> Vec<u8> {
    // CMF: deflate, 32 KiB window; FLG: no dictionary, check bits so that
    // CMF * 256 + FLG is a multiple of 31.
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(usize::from(u16::MAX)).peekable();
    if blocks.peek().is_none() {
        // One empty final block.
        out.extend([1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        let last = blocks.peek().is_none();
        let len = u16::try_from(block.len()).expect("chunks of at most u16::MAX");
        out.push(u8::from(last)); // BFINAL, BTYPE = 00 (stored)
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(block);
    }
    out.extend(adler32(data).to_be_bytes());
    out
}

/// CRC-32 (IEEE, reflected, as PNG and zlib's `crc32` use it).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Adler-32 (RFC 1950 §8).
pub fn adler32(bytes: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in bytes {
        a = (a + u32::from(byte)) % MOD;
        b = (b + a) % MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_known_values() {
        // (input, CRC-32, Adler-32); reference values from zlib (Python `zlib`).
        let cases: &[(&[u8], u32, u32)] = &[
            (b"", 0, 1),
            (b"IEND", 0xae42_6082, 0x02d7_0121),
            (b"123456789", 0xcbf4_3926, 0x091e_01de),
            (b"Wikipedia", 0xadaa_c02e, 0x11e6_0398),
        ];
        for &(input, crc, adler) in cases {
            assert_eq!(crc32(input), crc, "crc32 {input:?}");
            assert_eq!(adler32(input), adler, "adler32 {input:?}");
        }
    }

    #[test]
    fn stored_zlib_streams_frame_their_blocks() {
        // (data length, number of blocks)
        for (len, blocks) in [(0, 1), (1, 1), (65_535, 1), (65_536, 2), (140_000, 3)] {
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let z = zlib_stored(&data);
            assert_eq!(u16::from_be_bytes([z[0], z[1]]) % 31, 0, "FCHECK");
            assert_eq!(z.len(), 2 + 5 * blocks + len + 4, "len {len}");
            // Walk the blocks back into the data.
            let (mut at, mut got, mut seen) = (2, Vec::new(), 0);
            loop {
                let last = z[at] == 1;
                let n = usize::from(u16::from_le_bytes([z[at + 1], z[at + 2]]));
                let nn = u16::from_le_bytes([z[at + 3], z[at + 4]]);
                assert_eq!(!nn as usize, n);
                got.extend(&z[at + 5..at + 5 + n]);
                at += 5 + n;
                seen += 1;
                if last {
                    break;
                }
            }
            assert_eq!((got.as_slice(), seen), (data.as_slice(), blocks));
            assert_eq!(z[at..], adler32(&data).to_be_bytes());
        }
    }

    #[test]
    fn the_pixel_is_a_well_formed_png() {
        let png = PIXEL_PNG.as_slice();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let mut at = 8;
        let mut kinds = Vec::new();
        while at < png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes")) as usize;
            let body = &png[at + 4..at + 8 + len];
            let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().expect("4"));
            assert_eq!(crc32(body), crc, "CRC of {:?}", &body[..4]);
            kinds.push(String::from_utf8_lossy(&body[..4]).into_owned());
            if &body[..4] == b"IHDR" {
                assert_eq!(&body[4..12], [0, 0, 0, 8, 0, 0, 0, 8]);
            }
            at += 12 + len;
        }
        assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
    }
}
