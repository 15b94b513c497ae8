use super::*;
use crate::scenario::Target;

const PAGE: &str = "http://localhost:8080";
const API: &str = "http://localhost:8081/cors?case=t1";

fn req(method: &str, headers: &[(&str, &str)], body: Option<&str>, credentials: Credentials) -> RequestSpec {
    RequestSpec {
        target: Target::Api,
        method: method.to_owned(),
        headers: headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
        body: body.map(str::to_owned),
        credentials,
        ..RequestSpec::default()
    }
}

fn no_cors(mut r: RequestSpec) -> RequestSpec {
    r.mode = Mode::NoCors;
    r
}

/// A note in the app's English (`locales/en/advice.json`), its arguments
/// filled in as the app fills them.
fn english(note: &Note) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/en/advice.json");
    let text = std::fs::read_to_string(path).expect("locales/en/advice.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let (key, args): (&str, Vec<(&str, &str)>) = match note {
        Note::ForbiddenMethod { method } => ("/curl/forbidden_method", vec![("method", method)]),
        Note::SameOriginMode => ("/curl/same_origin_mode", vec![]),
        Note::NoCorsMethod { method } => ("/curl/no_cors_method", vec![("method", method)]),
        Note::ForbiddenHeader { name } => ("/curl/forbidden_header", vec![("name", name)]),
        Note::NoCorsHeader { name } => ("/curl/no_cors_header", vec![("name", name)]),
        Note::BodyWithGetOrHead { method } => ("/curl/body_with_get_or_head", vec![("method", method)]),
        Note::NulInBody => ("/curl/nul_in_body", vec![]),
        Note::Cookies => ("/curl/cookies", vec![]),
        Note::PreflightAnswer => ("/raw/preflight_answer", vec![]),
        Note::ActualAnswer => ("/raw/actual_answer", vec![]),
        Note::PreflightAsksMore => ("/raw/preflight_asks_more", vec![]),
        Note::ExactOrigin { credentials: false } => ("/axum/exact_origin", vec![]),
        Note::ExactOrigin { credentials: true } => ("/axum/exact_origin_credentials", vec![]),
        Note::MethodKeepsCase { method } => ("/axum/method_keeps_case", vec![("method", method)]),
        Note::OtherRoutes => ("/axum/other_routes", vec![]),
    };
    let mut words = json.pointer(key).and_then(|v| v.as_str()).expect(key).to_owned();
    for (name, value) in args {
        words = words.replace(&format!("{{{{ {name} }}}}"), value);
    }
    words
}

fn curl_command(url: &str, request: &RequestSpec, page_origin: &str, cross_origin: bool) -> String {
    super::curl_command(url, request, page_origin, cross_origin).render(english)
}

fn raw_headers_text(fix: &HeaderFix) -> String {
    super::raw_headers_text(fix).render(english)
}

fn axum_fix(request: &RequestSpec, page_origin: &str, expose: &[String]) -> String {
    super::axum_fix(request, page_origin, expose).render(english)
}

/// Splits shell text into commands and words the way a POSIX shell does for
/// the little our commands use: blanks, `'…'`, `\` (a line continuation when
/// a newline follows), `#` comments, newlines between commands. (Checked
/// against `sh` while writing: `set -- <command>; printf '%s\n' "$@"`.)
fn shell_words(text: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => panic!("unterminated quote in {text:?}"),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => panic!("trailing backslash in {text:?}"),
            },
            '#' if word.is_none() => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            ' ' | '\t' | '\n' => {
                words.extend(word.take());
                if c == '\n' && !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word.take());
    if !words.is_empty() {
        commands.push(words);
    }
    commands
}

/// The command's arguments after `curl -i <url>` as the shell passes them,
/// and the `#` note lines above the command, each containing its text.
fn check_curl(request: &RequestSpec, cross_origin: bool, args: &[&str], notes: &[&str]) {
    let text = curl_command(API, request, PAGE, cross_origin);
    let commands = shell_words(&text);
    assert_eq!(commands.len(), 1, "one command:\n{text}");
    let mut expected = vec!["curl", "-i", API];
    expected.extend_from_slice(args);
    assert_eq!(commands[0], expected, "\n{text}");
    let note_lines: Vec<&str> = text.lines().take_while(|l| l.starts_with("# ")).collect();
    assert_eq!(note_lines.len(), notes.len(), "notes:\n{text}");
    for (line, part) in note_lines.iter().zip(notes) {
        assert!(line.contains(part), "{line:?} lacks {part:?}");
    }
}

#[test]
fn shell_words_agrees_with_sh_on_our_quoting() {
    assert_eq!(shell_words("a 'b c' \\\n  'it'\\''s' # x\n"), vec![vec!["a", "b c", "it's"]]);
    assert_eq!(shell_words("# note\ncurl 'l1\nl2'\n"), vec![vec!["curl", "l1\nl2"]]);
}

#[test]
fn curl_commands() {
    use Credentials::*;
    // Cross-origin GET: the browser adds Origin, nothing else.
    check_curl(&req("GET", &[], None, Omit), true, &["-H", "Origin: http://localhost:8080"], &[]);
    // Same-origin GET: no Origin, but the browser's cookies (credentials: same-origin).
    check_curl(&req("GET", &[], None, SameOrigin), false, &["-b", "cookies.txt", "-c", "cookies.txt"], &[]);
    // Cross-origin with credentials: same-origin: no cookies.
    check_curl(&req("get", &[], None, SameOrigin), true, &["-H", "Origin: http://localhost:8080"], &[]);
    // Same-origin POST: Origin all the same (the method may change something).
    check_curl(&req("post", &[], None, Omit), false, &["-X", "POST", "-H", "Origin: http://localhost:8080"], &[]);
    // HEAD is curl's --head; fetch refuses a body with it.
    check_curl(&req("head", &[], Some("x"), Omit), true, &["--head", "-H", "Origin: http://localhost:8080"], &["refuses a body with HEAD"]);
    check_curl(&req("GET", &[], Some("x"), Omit), true, &["-H", "Origin: http://localhost:8080"], &["refuses a body with GET"]);
    // A string body without Content-Type goes out as text/plain, not curl's form default.
    check_curl(&req("POST", &[], Some("a=1&b=2"), Omit), true,
        &["-X", "POST", "-H", "Origin: http://localhost:8080", "-H", "Content-Type: text/plain;charset=UTF-8", "--data-raw", "a=1&b=2"], &[]);
    check_curl(&req("POST", &[("Content-Type", "application/json")], Some("{\"a\": 1}"), Omit), true,
        &["-X", "POST", "-H", "Origin: http://localhost:8080", "-H", "Content-Type: application/json", "--data-raw", "{\"a\": 1}"], &[]);
    // Quotes, newlines, shell metacharacters: all literal.
    check_curl(&req("PUT", &[("X-Quote", "it's 'quoted'"), ("X-Shell", "$(rm -rf ~) `x` \\ \"y\" ; & |")], Some("line 1\nit's line 2\n\n$HOME\n"), Include), true,
        &["-X", "PUT", "-H", "Origin: http://localhost:8080", "-H", "X-Quote: it's 'quoted'", "-H", "X-Shell: $(rm -rf ~) `x` \\ \"y\" ; & |",
          "-H", "Content-Type: text/plain;charset=UTF-8", "--data-raw", "line 1\nit's line 2\n\n$HOME\n", "-b", "cookies.txt", "-c", "cookies.txt"], &[]);
    // A body that is just quotes.
    check_curl(&req("POST", &[("Content-Type", "text/plain")], Some("'''"), Omit), true,
        &["-X", "POST", "-H", "Origin: http://localhost:8080", "-H", "Content-Type: text/plain", "--data-raw", "'''"], &[]);
    // An empty value is sent empty (`Name;`), values are trimmed as fetch does.
    check_curl(&req("GET", &[("X-Empty", ""), ("X-Pad", "  v \t")], None, Omit), true,
        &["-H", "Origin: http://localhost:8080", "-H", "X-Empty;", "-H", "X-Pad: v"], &[]);
    // `patch` is not upper-cased; odd methods are quoted.
    check_curl(&req("patch", &[], None, Omit), true, &["-X", "patch", "-H", "Origin: http://localhost:8080"], &[]);
    check_curl(&req("delete", &[], None, Omit), true, &["-X", "DELETE", "-H", "Origin: http://localhost:8080"], &[]);
    check_curl(&req("M;'x", &[], None, Omit), true, &["-X", "M;'x", "-H", "Origin: http://localhost:8080"], &[]);
    // Forbidden headers are dropped by the browser, so by the command too.
    check_curl(&req("GET", &[("Cookie", "a=1"), ("Sec-Fetch-Mode", "x"), ("X-Ok", "1")], None, Omit), true,
        &["-H", "Origin: http://localhost:8080", "-H", "X-Ok: 1"], &["Cookie: left out", "Sec-Fetch-Mode: left out"]);
    // NUL cannot be in a shell argument.
    check_curl(&req("POST", &[("Content-Type", "text/plain")], Some("a\0b"), Omit), true,
        &["-X", "POST", "-H", "Origin: http://localhost:8080", "-H", "Content-Type: text/plain", "--data-raw", "ab"], &["NUL"]);
}

#[test]
fn curl_commands_in_other_modes() {
    use Credentials::*;
    // no-cors GET: no Origin (nothing will be CORS-checked); unsafe headers dropped.
    check_curl(&no_cors(req("GET", &[("X-Custom", "1"), ("Accept", "text/html")], None, Omit)), true,
        &["-H", "Accept: text/html"], &["X-Custom: left out, mode: 'no-cors'"]);
    // no-cors POST: Origin, because of the method.
    check_curl(&no_cors(req("POST", &[("Content-Type", "application/json")], Some("{}"), Include)), true,
        &["-X", "POST", "-H", "Origin: http://localhost:8080", "-H", "Content-Type: text/plain;charset=UTF-8", "--data-raw", "{}", "-b", "cookies.txt", "-c", "cookies.txt"],
        &["Content-Type: left out"]);
    check_curl(&no_cors(req("PUT", &[], None, Omit)), true, &["-X", "PUT", "-H", "Origin: http://localhost:8080"], &["allows only GET, HEAD and POST"]);
    let mut same_origin_mode = req("GET", &[], None, Omit);
    same_origin_mode.mode = Mode::SameOrigin;
    check_curl(&same_origin_mode, true, &[], &["mode: 'same-origin' to another origin"]);
    check_curl(&same_origin_mode, false, &[], &[]);
    check_curl(&req("TRACE", &[], None, Omit), true, &["-X", "TRACE", "-H", "Origin: http://localhost:8080"], &["refuses the method TRACE"]);
}

#[test]
fn curl_layout() {
    let text = curl_command(API, &req("PUT", &[("X-Custom", "1")], Some("it's"), Credentials::Include), PAGE, true);
    assert_eq!(text, "\
curl -i 'http://localhost:8081/cors?case=t1' \\
  -X PUT \\
  -H 'Origin: http://localhost:8080' \\
  -H 'X-Custom: 1' \\
  -H 'Content-Type: text/plain;charset=UTF-8' \\
  --data-raw 'it'\\''s' \\
  -b cookies.txt -c cookies.txt  # the browser sends its cookies here; curl keeps none unless told: -c saves what the server sets, -b sends it back
");
}

/// The note beside the command (the lab's words) says why curl reads what
/// the browser hid: the rule protects the browser's user, curl runs as you.
#[test]
fn curl_note_says_who_the_rule_protects() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/en/lab.json");
    let text = std::fs::read_to_string(path).expect("locales/en/lab.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let note = json["afterword"]["curl_note"]
        .as_str()
        .expect("afterword.curl_note")
        .replace("<code>", "")
        .replace("</code>", "");
    for part in ["browser", "user", "curl runs as you", "nobody to protect"] {
        assert!(note.contains(part), "{part:?}");
    }
}

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
}

fn check_fix(request: &RequestSpec, needs_preflight: bool, expose: &[&str], preflight: &[(&str, &str)], actual: &[(&str, &str)]) {
    let expose: Vec<String> = expose.iter().map(|s| (*s).to_owned()).collect();
    let fix = fix_headers(request, PAGE, needs_preflight, &expose);
    assert_eq!(fix.preflight, h(preflight), "preflight for {request:?}");
    assert_eq!(fix.actual, h(actual), "actual for {request:?}");
}

const ACAO: (&str, &str) = ("Access-Control-Allow-Origin", PAGE);
const ACAC: (&str, &str) = ("Access-Control-Allow-Credentials", "true");
const MAX_AGE: (&str, &str) = ("Access-Control-Max-Age", "600");
const VARY: (&str, &str) = ("Vary", "Origin");

#[test]
fn header_fixes() {
    use Credentials::*;
    // Simple GET: the origin only.
    check_fix(&req("GET", &[], None, SameOrigin), false, &[], &[], &[ACAO, VARY]);
    // PUT with a custom header and cookies.
    check_fix(&req("PUT", &[("X-Custom", "1")], Some("x"), Include), true, &[],
        &[ACAO, ACAC, ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "x-custom"), MAX_AGE],
        &[ACAO, ACAC, VARY]);
    // GET with Authorization: the header, not the method.
    check_fix(&req("GET", &[("Authorization", "Bearer abc")], None, Omit), true, &[],
        &[ACAO, ("Access-Control-Allow-Headers", "authorization"), MAX_AGE], &[ACAO, VARY]);
    // Names lower case, sorted, once; safelisted and forbidden ones left out.
    check_fix(&req("POST", &[("X-B", "1"), ("Content-Type", "application/json"), ("x-a", "1"), ("X-A", "2"), ("Accept", "text/html"), ("Cookie", "a=1")], Some("{}"), Omit), true, &[],
        &[ACAO, ("Access-Control-Allow-Headers", "content-type, x-a, x-b"), MAX_AGE], &[ACAO, VARY]);
    // A safelisted Content-Type (parameters do not matter) needs no listing; the method does.
    check_fix(&req("delete", &[("Content-Type", "Text/Plain; charset=utf-8")], None, Omit), true, &[],
        &[ACAO, ("Access-Control-Allow-Methods", "DELETE"), MAX_AGE], &[ACAO, VARY]);
    // `patch` is allowed as written (the browser compares case-sensitively).
    check_fix(&req("patch", &[], None, Omit), true, &[],
        &[ACAO, ("Access-Control-Allow-Methods", "patch"), MAX_AGE], &[ACAO, VARY]);
    // Exposed headers: trimmed, lower case, once.
    check_fix(&req("GET", &[], None, Include), false, &["X-Secret", " x-secret ", "X-Other", ""], &[],
        &[ACAO, ACAC, ("Access-Control-Expose-Headers", "x-secret, x-other"), VARY]);
}

#[test]
fn safelisted_request_headers() {
    let long = "a".repeat(129);
    let cases = [
        ("Accept", "application/json", true),
        ("Accept", "a\"b", false),
        ("Accept", long.as_str(), false),
        ("Accept-Language", "de-CH, en;q=0.5", true),
        ("Content-Language", "de(CH)", false),
        ("Content-Type", "application/x-www-form-urlencoded", true),
        ("content-type", "multipart/form-data; boundary=x", true),
        ("Content-Type", " text/plain ;charset=utf-8", true),
        ("Content-Type", "text/plain, application/json", false),
        ("Content-Type", "application/json", false),
        ("Content-Type", "text/plain; x=\"y\"", false),
        ("Authorization", "x", false),
        ("X-Custom", "1", false),
    ];
    for (name, value, expected) in cases {
        assert_eq!(is_safelisted_header(name, trim_http_whitespace(value)), expected, "{name}: {value}");
    }
    // Safelisted values above 1024 bytes in all: those names count as unsafe too.
    let value = "a".repeat(120);
    let many: Vec<(String, String)> = (0..9).map(|_| ("Accept".to_owned(), value.clone())).collect();
    assert_eq!(unsafe_header_names(&many), vec!["accept"]);
    assert!(unsafe_header_names(&many[..8]).is_empty());
}

#[test]
fn raw_text() {
    let fix = fix_headers(&req("PUT", &[("X-Custom", "1")], None, Credentials::Include), PAGE, true, &["X-Secret".to_owned()]);
    assert_eq!(raw_headers_text(&fix), "\
# answer to the preflight (OPTIONS)
HTTP/1.1 204 No Content
Access-Control-Allow-Origin: http://localhost:8080
Access-Control-Allow-Credentials: true
Access-Control-Allow-Methods: PUT
Access-Control-Allow-Headers: x-custom
Access-Control-Max-Age: 600

# answer to the actual request
Access-Control-Allow-Origin: http://localhost:8080
Access-Control-Allow-Credentials: true
Access-Control-Expose-Headers: x-secret
Vary: Origin
");
    let fix = fix_headers(&req("GET", &[], None, Credentials::Omit), PAGE, false, &[]);
    assert_eq!(raw_headers_text(&fix), "\
# answer to the actual request
Access-Control-Allow-Origin: http://localhost:8080
Vary: Origin
");
}

/// The builder calls in the generated `CorsLayer` code, in order.
fn check_axum_calls(request: &RequestSpec, expose: &[&str], calls: &[&str]) {
    let expose: Vec<String> = expose.iter().map(|s| (*s).to_owned()).collect();
    let code = axum_fix(request, PAGE, &expose);
    let found: Vec<&str> = code
        .lines()
        .filter_map(|l| l.trim().strip_prefix('.'))
        .filter_map(|l| l.split('(').next())
        .filter(|name| *name != "layer")
        .collect();
    assert_eq!(found, calls, "\n{code}");
}

#[test]
fn axum_builder_calls() {
    use Credentials::*;
    check_axum_calls(&req("GET", &[], None, Omit), &[], &["allow_origin"]);
    check_axum_calls(&req("POST", &[("Content-Type", "text/plain")], Some("x"), Include), &[], &["allow_origin", "allow_credentials"]);
    check_axum_calls(&req("GET", &[("X-Custom", "1")], None, Omit), &[], &["allow_origin", "allow_headers", "max_age"]);
    check_axum_calls(&req("DELETE", &[], None, Omit), &["X-Secret"], &["allow_origin", "allow_methods", "expose_headers", "max_age"]);
    check_axum_calls(&req("PUT", &[("X-Custom", "1")], None, Include), &["X-Secret"],
        &["allow_origin", "allow_methods", "allow_headers", "allow_credentials", "expose_headers", "max_age"]);
    // Forbidden headers are never sent, so never allowed.
    check_axum_calls(&req("GET", &[("Cookie", "a=1")], None, Include), &[], &["allow_origin", "allow_credentials"]);
}

/// The three representative snippets, written out in full. Each compiles as a
/// function body with axum 0.8 and tower-http 0.6 (feature `cors`).
#[test]
fn axum_snippets() {
    assert_eq!(axum_fix(&req("GET", &[], None, Credentials::SameOrigin), PAGE, &[]), r#"use axum::http::HeaderValue;
use axum::Router;
use tower_http::cors::CorsLayer;

// The exact origin rather than `Any` (`*`): `*` would do here, but stops working
// once credentials are added (browsers reject it, and CorsLayer panics at startup
// on `Any` together with `allow_credentials(true)`).
let cors = CorsLayer::new()
    .allow_origin("http://localhost:8080".parse::<HeaderValue>().unwrap());
let app: Router = Router::new()
    // .route("/cors", get(handler)) and your other routes
    .layer(cors);
"#);

    assert_eq!(axum_fix(&req("PUT", &[("X-Custom", "1"), ("Content-Type", "application/json"), ("Authorization", "Bearer x")], Some("{}"), Credentials::Include), PAGE, &["X-Secret".to_owned(), "ETag".to_owned()]), r#"use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::Router;
use tower_http::cors::CorsLayer;

// The exact origin, not `Any`: with credentials browsers reject `*`, and
// CorsLayer panics at startup on `Any` together with `allow_credentials(true)`.
let cors = CorsLayer::new()
    .allow_origin("http://localhost:8080".parse::<HeaderValue>().unwrap())
    .allow_methods([Method::PUT])
    .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, HeaderName::from_static("x-custom")])
    .allow_credentials(true)
    .expose_headers([HeaderName::from_static("x-secret"), header::ETAG])
    .max_age(std::time::Duration::from_secs(600));
let app: Router = Router::new()
    // .route("/cors", get(handler)) and your other routes
    .layer(cors);
"#);

    assert_eq!(axum_fix(&req("purge", &[], None, Credentials::Omit), PAGE, &[]), r#"use axum::http::{HeaderValue, Method};
use axum::Router;
use tower_http::cors::CorsLayer;

// The exact origin rather than `Any` (`*`): `*` would do here, but stops working
// once credentials are added (browsers reject it, and CorsLayer panics at startup
// on `Any` together with `allow_credentials(true)`).
// `purge` stays as written: fetch upper-cases only DELETE, GET, HEAD, OPTIONS,
// POST and PUT, and the browser compares methods case-sensitively.
let cors = CorsLayer::new()
    .allow_origin("http://localhost:8080".parse::<HeaderValue>().unwrap())
    .allow_methods([Method::from_bytes(b"purge").unwrap()])
    .max_age(std::time::Duration::from_secs(600));
let app: Router = Router::new()
    // .route("/cors", get(handler)) and your other routes
    .layer(cors);
"#);
}

#[test]
fn axum_method_and_header_expressions() {
    let cases = [
        ("PUT", "Method::PUT"),
        ("PATCH", "Method::PATCH"),
        ("PURGE", "Method::from_bytes(b\"PURGE\").unwrap()"),
        ("MKCOL", "Method::from_bytes(b\"MKCOL\").unwrap()"),
        ("PÜT", "Method::from_bytes(\"PÜT\".as_bytes()).unwrap()"),
    ];
    for (method, expr) in cases {
        assert_eq!(method_expr(method), expr);
    }
    let cases = [
        ("content-type", "header::CONTENT_TYPE"),
        ("if-none-match", "header::IF_NONE_MATCH"),
        ("x-requested-with", "HeaderName::from_static(\"x-requested-with\")"),
    ];
    for (name, expr) in cases {
        assert_eq!(header_name_expr(name), expr);
    }
}

/// A shared lab link carries the request, so its text must not be able to
/// add shell commands or Rust lines to what the learner copies.
#[test]
fn request_text_cannot_escape() {
    let evil = "X\nrm -rf ~ #";
    check_curl(&no_cors(req("GET", &[(evil, "1\n$(id)'")], None, Credentials::Omit)), true, &[], &["X\\nrm -rf ~ #: left out"]);
    check_curl(&no_cors(req(evil, &[], None, Credentials::Omit)), true, &["-X", evil, "-H", "Origin: http://localhost:8080"], &["refuses X\\nrm -rf ~ #"]);
    check_curl(&req("GET", &[(evil, "1\n'$(id)'")], None, Credentials::Omit), true,
        &["-H", "Origin: http://localhost:8080", "-H", "X\nrm -rf ~ #: 1\n'$(id)'"], &[]);
    let code = axum_fix(&req("x\nfn evil() {}", &[(evil, "1")], None, Credentials::Omit), "http://a\"b", &[evil.to_owned()]);
    assert!(!code.lines().any(|l| l.starts_with("fn evil") || l.starts_with("rm ")), "{code}");
    assert!(code.contains(r#""http://a\"b".parse"#), "{code}");
    // Nor can the words of a comment, whatever the language: every line of
    // them is a comment line.
    let snippet = super::axum_fix(&req("purge", &[], None, Credentials::Omit), PAGE, &[]);
    let code = snippet.render(|_| "one\nfn evil() {}\n".to_owned());
    assert!(!code.lines().any(|l| l.starts_with("fn evil")), "{code}");
    let snippet = super::curl_command(API, &req("GET", &[], None, Credentials::Include), PAGE, false);
    let text = snippet.render(|_| "x\nrm -rf ~".to_owned());
    assert!(!text.lines().any(|l| l.starts_with("rm ")), "{text}");
}
