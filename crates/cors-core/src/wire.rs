//! JSON shapes exchanged between the demo server and the app. Both sides use
//! these types, so the contract is checked by the compiler.

use serde::{Deserialize, Serialize};

/// Query parameter that tags a learner's requests (a custom header would
/// itself trigger a preflight, so the tag rides in the URL).
pub const LEARNER_PARAM: &str = "learner";

/// Query parameter carrying the instructor key (classroom mode) to the app
/// origin's own API: `/api/config`, `/api/log`, `/api/log/stream`,
/// `/api/reset`. Never sent to a demo origin, so it never shows in the log.
pub const INSTRUCTOR_PARAM: &str = "instructor";

/// Which demo origin a request arrived at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The app's own origin (serves the app and its same-origin API).
    App,
    /// The "API" origin: CORS answers configured per request, fixed scenarios.
    Api,
    /// The "intranet" origin: a confidential page nobody else may read.
    Intranet,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::App => "app",
            Role::Api => "api",
            Role::Intranet => "intranet",
        }
    }
}

/// `GET /api/config` on the app origin: where the other demo origins listen.
/// The app builds their URLs from the host it was opened on plus these ports,
/// so the lab works on any port (tests use free ports) and on a LAN address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoConfig {
    pub app_port: u16,
    pub api_port: u16,
    pub intranet_port: u16,
    /// Another host for the same server that is a different *site* from the
    /// host this config was asked on, written as a URL host: `127.0.0.1` for
    /// a page on `localhost`, `localhost` for one on `127.0.0.1`, the numeric
    /// address for a page opened by a host name. None when there is no
    /// second name the server can be sure of (a page on a LAN address).
    pub alt_host: Option<String>,
    /// Classroom mode: several learners share the server, each sees only
    /// their own requests and resets only their own data.
    #[serde(default)]
    pub classroom: bool,
    /// The request carried the valid instructor key: this browser sees every
    /// learner's requests and its resets clear everyone's data.
    #[serde(default)]
    pub instructor: bool,
}

/// One request the server received, and how it answered. Streamed over SSE
/// (`GET /api/log/stream` on the app origin, event name `entry`) and listed by
/// `GET /api/log` (a JSON array, oldest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Increasing from 1; resets do not reuse ids.
    pub id: u64,
    /// Milliseconds since the Unix epoch, when the request arrived.
    pub time_ms: u64,
    pub role: Role,
    /// The port the request arrived on.
    pub port: u16,
    pub method: String,
    pub path: String,
    /// The raw query string without `?`, if any.
    pub query: Option<String>,
    /// The learner tag from the query, if any.
    pub learner: Option<String>,
    /// Request headers in arrival order, names lower case.
    pub headers: Vec<(String, String)>,
    /// Request body as text (lossy UTF-8), cut at the server's cap.
    pub body: String,
    pub body_truncated: bool,
    /// What the server answered.
    pub status: u16,
    pub response_headers: Vec<(String, String)>,
}

impl LogEntry {
    /// Whether the raw query holds exactly `pair` (`name=value`).
    pub fn query_has(&self, pair: &str) -> bool {
        self.query
            .as_deref()
            .is_some_and(|q| q.split('&').any(|p| p == pair))
    }

    /// Whether this request belongs to the run `case` (`case=<id>` in its query;
    /// run ids are URL-safe, so the raw pair is enough).
    pub fn has_case(&self, case: &str) -> bool {
        self.query_has(&format!("{}={case}", crate::scenario::CASE_PARAM))
    }

    /// A CORS preflight: `OPTIONS` with `Access-Control-Request-Method`.
    pub fn is_preflight(&self) -> bool {
        self.method == "OPTIONS" && self.header("access-control-request-method").is_some()
    }

    /// First value of a request header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One post of the API origin's little blog (the data `POST /deletePost`
/// really deletes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    pub id: u32,
    pub title: String,
    pub author: String,
}

/// One learner's posts: what `GET /posts` (API origin, no CORS headers, so a
/// page cannot read it cross-origin) and `GET /api/posts` (app origin,
/// same-origin, so the page can) answer. Each learner tag has its own copy,
/// seeded with the same posts, so one learner's deletions never reach another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostList {
    /// The learner tag the posts belong to; None for the shared bucket of
    /// requests without a tag.
    pub learner: Option<String>,
    /// Oldest first.
    pub posts: Vec<Post>,
}

/// What `POST /deletePost` (API origin) answers when the post existed. It is
/// sent without CORS headers: the deletion happens, yet a page from another
/// origin cannot read this answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostDeleted {
    /// Id of the post deleted.
    pub deleted: u32,
    /// How many posts the learner has left.
    pub remaining: usize,
}

/// The app origin's `GET /api/server-fetch?url=…`: the demo server fetched
/// `url` (one of the lab's own origins) itself, as Node.js or curl would,
/// and reports everything it got — there is no browser in between to
/// withhold any of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerFetch {
    /// The URL fetched, as asked.
    pub url: String,
    pub status: u16,
    /// The answer's headers, in order, names lower case.
    pub headers: Vec<(String, String)>,
    /// The answer's body as text (lossy UTF-8), cut at the server's cap.
    pub body: String,
    pub body_truncated: bool,
}
