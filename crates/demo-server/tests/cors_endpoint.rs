//! `/cors`, the configurable endpoint, on all three origins: driven with
//! `oneshot` (data-driven cases), plus one run on real sockets.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, StatusCode};
use cors_core::scenario::{ServerSpec, Target};
use cors_core::wire::Role;
use demo_server::cors_endpoint::SECRET;
use demo_server::{api_router, app_router, bind, intranet_router, AppState, Config};
use serde_json::{json, Value};
use tokio::time::timeout;

/// Request headers, as (name, value).
type Headers<'a> = &'a [(&'a str, &'a str)];

const ROLES: [Role; 3] = [Role::App, Role::Api, Role::Intranet];
const ORIGIN: &str = "http://localhost:8080";

mod common;
use common::{raw, router, send, state, state_with, Answer};

/// Ports 8080 (app), 8081 (API), 8082 (intranet), as by default.
fn state_on(host: IpAddr) -> AppState {
    state_with(|config| config.host = host)
}

/// Every header line in order, except `content-length` (added by axum).
fn header_lines(answer: &Answer) -> Vec<(String, String)> {
    answer
        .all_lines()
        .into_iter()
        .filter(|(name, _)| name != "content-length")
        .collect()
}

/// A `/cors` request: `method`, query, extra request headers.
fn cors_request(method: &str, query: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).expect("method"))
        .uri(format!("/cors?{query}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::empty()).expect("request")
}

fn pairs(line: &[(&str, &str)]) -> Vec<(String, String)> {
    line.iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

fn spec(query: &str) -> ServerSpec {
    let decoded: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    ServerSpec::from_query(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str()))).expect("spec")
}

#[tokio::test]
async fn a_preflight_gets_the_preflight_answer_and_anything_else_the_actual_one() {
    let query = "case=sel&p.status=204&p.acao=star&p.acam=PUT&a.status=201&a.acao=echo";
    let acrm = [("origin", ORIGIN), ("access-control-request-method", "PUT")];
    let origin_only = [("origin", ORIGIN)];
    // (method, request headers, is the preflight answer, has a body)
    let cases: &[(&str, Headers, bool, bool)] = &[
        ("OPTIONS", &acrm, true, false),
        ("OPTIONS", &origin_only, false, true), // no ACRM: not a preflight
        ("OPTIONS", &[], false, true),
        ("GET", &origin_only, false, true),
        ("GET", &acrm, false, true), // ACRM only makes OPTIONS a preflight
        ("HEAD", &origin_only, false, false),
        ("POST", &origin_only, false, true),
        ("PUT", &origin_only, false, true),
        ("DELETE", &origin_only, false, true),
        ("PATCH", &origin_only, false, true),
        ("PURGE", &origin_only, false, true),
    ];
    for role in ROLES {
        let state = state();
        for &(method, headers, preflight, has_body) in cases {
            let label = format!("{role:?} {method} {headers:?}");
            let answer = send(router(role, &state), cors_request(method, query, headers)).await;
            let origin = headers
                .iter()
                .find(|(name, _)| *name == "origin")
                .map(|(_, value)| *value);
            let (status, acao) = if preflight {
                (204, "*".to_owned())
            } else {
                (201, origin.unwrap_or("null").to_owned())
            };
            assert_eq!(answer.status.as_u16(), status, "{label}");
            assert_eq!(answer.all("access-control-allow-origin"), [acao], "{label}");
            assert_eq!(
                answer.header("access-control-allow-methods").is_some(),
                preflight,
                "{label}"
            );
            assert_eq!(answer.header("cache-control"), Some("no-store"), "{label}");
            assert_eq!(
                answer.header("content-type"),
                Some("application/json"),
                "{label}"
            );
            if has_body {
                assert_eq!(
                    answer.json::<Value>(),
                    json!({
                        "case": "sel",
                        "method": method,
                        "secret": SECRET,
                        "origin_header": origin,
                        "cookie": false,
                    }),
                    "{label}"
                );
            } else {
                assert_eq!(answer.text(), "", "{label}");
            }
        }
        // Every request was logged, as this origin, with its answer.
        let entries = state.log().entries(None);
        assert_eq!(entries.len(), cases.len(), "{role:?}");
        for (entry, &(method, _, preflight, _)) in entries.iter().zip(cases) {
            assert_eq!(entry.role, role);
            assert_eq!(entry.port, state.port(role));
            assert_eq!(entry.method, method);
            assert_eq!(entry.path, "/cors");
            assert_eq!(entry.status, if preflight { 204 } else { 201 });
        }
    }
}

#[tokio::test]
async fn each_acao_variant_sends_its_header_lines() {
    // (query of the actual answer, Origin sent, expected ACAO lines)
    let cases: &[(&str, Option<&str>, &[&str])] = &[
        ("", Some(ORIGIN), &[]),
        ("a.acao=none", Some(ORIGIN), &[]),
        ("a.acao=star", Some(ORIGIN), &["*"]),
        ("a.acao=echo", Some(ORIGIN), &[ORIGIN]),
        ("a.acao=echo", None, &["null"]),
        ("a.acao=echo", Some("null"), &["null"]),
        (
            "a.acao=echo-slash",
            Some(ORIGIN),
            &["http://localhost:8080/"],
        ),
        ("a.acao=null", Some(ORIGIN), &["null"]),
        ("a.acao=other", Some(ORIGIN), &["https://other.example"]),
        (
            "a.acao=echo-and-other",
            Some(ORIGIN),
            &["http://localhost:8080, https://other.example"],
        ),
        ("a.acao=two-lines", Some(ORIGIN), &[ORIGIN, ORIGIN]),
        (
            "a.acao=value%3AHTTP%3A%2F%2FLOCALHOST%3A8080",
            Some(ORIGIN),
            &["HTTP://LOCALHOST:8080"],
        ),
        ("a.acao=value%3A", Some(ORIGIN), &[""]),
    ];
    let state = state();
    for &(query, origin, lines) in cases {
        let headers: Vec<(&str, &str)> = origin.map(|o| ("origin", o)).into_iter().collect();
        let answer = send(
            api_router(state.clone()),
            cors_request("GET", query, &headers),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{query}");
        assert_eq!(answer.all("access-control-allow-origin"), lines, "{query}");
        // Exactly the contract's headers, in order, then the fixed ones.
        let mut expected = spec(query).actual.cors_headers(origin);
        expected.extend(pairs(&[
            ("content-type", "application/json"),
            ("cache-control", "no-store"),
        ]));
        assert_eq!(header_lines(&answer), expected, "{query}");
        assert_eq!(
            answer.json::<Value>()["origin_header"],
            json!(origin),
            "{query}"
        );
    }
}

#[tokio::test]
async fn every_cors_header_of_the_spec_is_sent_in_order() {
    let query = "a.acao=echo&a.acac=true&a.acam=PUT%2C%20DELETE&a.acah=x-token&a.aceh=x-secret\
                 &a.max_age=600&a.vary=Origin&a.h=X-Secret%3A42&a.h=Content-Language%3Aen\
                 &a.h=X-Utf8%3Ah%C3%A9";
    let answer = send(
        intranet_router(state()),
        cors_request("GET", query, &[("origin", ORIGIN)]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        header_lines(&answer),
        pairs(&[
            ("access-control-allow-origin", ORIGIN),
            ("access-control-allow-credentials", "true"),
            ("access-control-allow-methods", "PUT, DELETE"),
            ("access-control-allow-headers", "x-token"),
            ("access-control-expose-headers", "x-secret"),
            ("access-control-max-age", "600"),
            ("vary", "Origin"),
            ("x-secret", "42"),
            ("content-language", "en"),
            ("x-utf8", "h\u{e9}"),
            ("content-type", "application/json"),
            ("cache-control", "no-store"),
        ])
    );
}

#[tokio::test]
async fn status_and_cookie_follow_the_answer() {
    let acrm = [("access-control-request-method", "PUT")];
    // (method, request headers, query, status, Set-Cookie lines)
    let cases: &[(&str, Headers, &str, u16, &[&str])] = &[
        ("GET", &[], "", 200, &[]),
        ("GET", &[], "a.status=404", 404, &[]),
        ("GET", &[], "a.status=500&p.status=204", 500, &[]),
        ("POST", &[], "a.status=302", 302, &[]), // no redirect: no Location
        (
            "GET",
            &[],
            "case=c1&a.set_cookie=1",
            200,
            &["lab=c1; Path=/; SameSite=Lax"],
        ),
        (
            "GET",
            &[],
            "a.set_cookie=true",
            200,
            &["lab=1; Path=/; SameSite=Lax"],
        ),
        // Any case id makes a valid cookie value.
        (
            "GET",
            &[],
            "case=a%20b%3Bc%3D%0A&a.set_cookie=1",
            200,
            &["lab=a+b%3Bc%3D%0A; Path=/; SameSite=Lax"],
        ),
        ("GET", &[], "case=c1&a.set_cookie=0", 200, &[]),
        ("GET", &[], "case=c1&p.set_cookie=1", 200, &[]),
        (
            "OPTIONS",
            &acrm,
            "case=c2&p.set_cookie=1&p.status=299",
            299,
            &["lab=c2; Path=/; SameSite=Lax"],
        ),
        ("OPTIONS", &acrm, "case=c2&a.set_cookie=1", 200, &[]),
    ];
    let state = state();
    for &(method, headers, query, status, cookies) in cases {
        let label = format!("{method} {query}");
        let answer = send(
            app_router(state.clone()),
            cors_request(method, query, headers),
        )
        .await;
        assert_eq!(answer.status.as_u16(), status, "{label}");
        assert_eq!(answer.all("set-cookie"), cookies, "{label}");
        assert_eq!(answer.header("location"), None, "{label}");
    }
}

#[tokio::test]
async fn the_body_says_whether_the_lab_cookie_came_along() {
    // (Cookie header lines, expected)
    let cases: &[(&[&str], bool)] = &[
        (&[], false),
        (&["lab=1"], true),
        (&["a=1; lab=c9; b=2"], true),
        (&["a=1;lab="], true),
        (&["a=1", "lab=2"], true),
        (&["xlab=1"], false),
        (&["lab"], false),
        (&["a=lab=1"], false),
    ];
    let state = state();
    for &(cookies, expected) in cases {
        let headers: Vec<(&str, &str)> = cookies.iter().map(|c| ("cookie", *c)).collect();
        let answer = send(
            api_router(state.clone()),
            cors_request("GET", "case=k", &headers),
        )
        .await;
        assert_eq!(
            answer.json::<Value>()["cookie"],
            json!(expected),
            "{cookies:?}"
        );
    }
}

/// The query part of `location` as decoded pairs, checking what comes before.
fn location_query(location: &str, origin: &str) -> Vec<(String, String)> {
    let prefix = format!("{origin}/cors?");
    let query = location
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{location} does not start with {prefix}"));
    form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

#[tokio::test]
async fn a_redirect_points_at_the_target_origin_and_carries_the_nested_spec() {
    // (server address, Host sent, redirect target, expected destination origin)
    let loopback = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let lan = IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20));
    let cases = [
        (loopback, "localhost:8081", "app", "http://localhost:8080"),
        (loopback, "localhost:8081", "api", "http://localhost:8081"),
        (
            loopback,
            "localhost:8081",
            "intranet",
            "http://localhost:8082",
        ),
        (
            loopback,
            "localhost:8080",
            "api-alt",
            "http://127.0.0.1:8081",
        ),
        (
            loopback,
            "127.0.0.1:8081",
            "api-alt",
            "http://localhost:8081",
        ),
        (loopback, "127.0.0.1:8081", "api", "http://127.0.0.1:8081"),
        (
            loopback,
            "127.0.0.1:8081",
            "intranet",
            "http://127.0.0.1:8082",
        ),
        (
            lan,
            "192.168.1.20:8081",
            "api-alt",
            "http://192.168.1.20:8081",
        ),
        (lan, "192.168.1.20:8081", "app", "http://192.168.1.20:8080"),
        // A page opened by a host name: the address is the other site, and back.
        (
            lan,
            "laptop.local:8081",
            "api-alt",
            "http://192.168.1.20:8081",
        ),
        (
            lan,
            "192.168.1.20:8081",
            "api-alt",
            "http://laptop.local:8081",
        ),
    ];
    for (addr, host, to, destination) in cases {
        // The page is on the loopback name, the LAN address, or the LAN name.
        let origin = match (addr == lan, host, destination) {
            (false, _, _) => ORIGIN,
            (true, "laptop.local:8081", _) | (true, _, "http://laptop.local:8081") => {
                "http://laptop.local:8080"
            }
            (true, _, _) => "http://192.168.1.20:8080",
        };
        let label = format!("{addr} {host} -> {to}");
        let query = format!(
            "learner=ada&case=r1&a.acao=star&a.set_cookie=1&a.r.status=307&a.r.to={to}\
             &a.r.then.p.status=204&a.r.then.a.acao=echo&a.r.then.a.h=X-A%3A%26%3D\
             &a.r.then.a.r.status=302&a.r.then.a.r.to=app&a.r.then.a.r.then.a.status=418\
             &p.acao=null&x=%201"
        );
        let state = state_on(addr);
        for role in ROLES {
            let request = cors_request("POST", &query, &[("host", host), ("origin", origin)]);
            let answer = send(router(role, &state), request).await;
            assert_eq!(answer.status, StatusCode::TEMPORARY_REDIRECT, "{label}");
            assert_eq!(answer.text(), "", "{label}");
            // A redirect still carries its answer's CORS headers and cookie.
            assert_eq!(answer.all("access-control-allow-origin"), ["*"], "{label}");
            assert_eq!(answer.header("cache-control"), Some("no-store"), "{label}");
            assert_eq!(
                answer.all("set-cookie"),
                ["lab=r1; Path=/; SameSite=Lax"],
                "{label}"
            );
            let location = answer.header("location").expect("location");
            let carried = location_query(location, destination);
            // The request's own parameters first, then the destination's spec.
            assert_eq!(
                carried[..3],
                pairs(&[("learner", "ada"), ("case", "r1"), ("x", " 1")]),
                "{label}"
            );
            let expected_then = spec(&query).actual.redirect.expect("redirect").then.clone();
            let nested = ServerSpec::from_query(
                carried[3..]
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
            )
            .expect("nested spec");
            assert_eq!(nested, expected_then, "{label}");
            assert_eq!(carried[3..], expected_then.to_query(), "{label}");
            assert_eq!(
                nested.actual.redirect.map(|r| (r.status, r.to)),
                Some((302, Target::App)),
                "{label}"
            );
        }
        assert_eq!(state.log().entries_for_case("r1").len(), 3, "{label}");
    }
}

#[tokio::test]
async fn a_preflight_can_be_redirected_too() {
    let query =
        "case=pr&p.acao=echo&p.r.status=308&p.r.to=api-alt&p.r.then.p.acao=star&a.acao=echo";
    let headers = [
        ("host", "localhost:8081"),
        ("origin", ORIGIN),
        ("access-control-request-method", "PUT"),
    ];
    let answer = send(
        api_router(state()),
        cors_request("OPTIONS", query, &headers),
    )
    .await;
    assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(answer.all("access-control-allow-origin"), [ORIGIN]);
    assert_eq!(
        answer.header("location"),
        Some("http://127.0.0.1:8081/cors?case=pr&p.acao=star")
    );
    // Without the preflight header, the actual answer (no redirect) is used.
    let answer = send(
        api_router(state()),
        cors_request("OPTIONS", query, &headers[..2]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("location"), None);
}

#[tokio::test]
async fn head_gets_the_headers_without_a_body() {
    for role in ROLES {
        let answer = send(
            router(role, &state()),
            cors_request(
                "HEAD",
                "a.acao=two-lines&a.status=203&a.set_cookie=1",
                &[("origin", ORIGIN)],
            ),
        )
        .await;
        assert_eq!(answer.status.as_u16(), 203, "{role:?}");
        assert!(answer.body.is_empty(), "{role:?}: {}", answer.text());
        // The length of the body a GET would get.
        let length: usize = answer
            .header("content-length")
            .and_then(|len| len.parse().ok())
            .expect("content-length");
        assert!(length > 50, "{role:?}: {length}");
        assert_eq!(
            answer.all("access-control-allow-origin"),
            [ORIGIN, ORIGIN],
            "{role:?}"
        );
        assert_eq!(answer.all("set-cookie").len(), 1, "{role:?}");
        assert_eq!(answer.header("content-type"), Some("application/json"));
    }
}

#[tokio::test]
async fn a_bad_spec_is_a_logged_400_naming_the_key() {
    let too_deep = "a.r.status=302&a.r.then.a.r.status=302&a.r.then.a.r.then.a.r.status=302\
                    &a.r.then.a.r.then.a.r.then.a.r.status=302\
                    &a.r.then.a.r.then.a.r.then.a.r.then.a.r.status=302";
    // (query, text the error contains)
    let cases = [
        ("a.status=99", "a.status"),
        ("a.status=abc", "a.status"),
        ("p.status=600", "p.status"),
        ("a.acao=bogus", "a.acao"),
        ("p.r.status=200", "p.r.status"),
        ("a.r.status=302&a.r.to=mars", "a.r.to"),
        ("a.r.status=302&a.r.then.a.acao=nope", "a.r.then.a.acao"),
        (too_deep, "redirects nest at most"),
        ("a.h=no-colon", "a.h"),
        ("a.h=bad%20name%3A1", "a.h"),
        (
            "p.h=x%3Abad%0Avalue",
            "p.h: \"bad\\nvalue\" is not a valid value for `x`",
        ),
        ("a.acao=value%3Aa%0Db", "a.acao: \"a\\rb\""),
        ("a.vary=x%00y", "a.vary"),
        ("a.h=Content-Length%3A5", "framing"),
        ("p.h=transfer-encoding%3Achunked", "framing"),
        ("a.h=connection%3Aclose", "framing"),
    ];
    for role in ROLES {
        let state = state();
        for (i, (query, message)) in cases.iter().enumerate() {
            let label = format!("{role:?} {query}");
            // The broken half of the spec is refused whichever request comes.
            let method = if i % 2 == 0 { "GET" } else { "OPTIONS" };
            let request = cors_request(
                method,
                &format!("case=bad{i}&{query}"),
                &[("origin", ORIGIN), ("access-control-request-method", "GET")],
            );
            let answer = send(router(role, &state), request).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{label}");
            let error = answer.json::<Value>()["error"]
                .as_str()
                .expect("error message")
                .to_owned();
            assert!(error.contains(message), "{label}: {error}");
            assert_eq!(answer.header("cache-control"), Some("no-store"), "{label}");
            assert!(
                answer
                    .headers
                    .keys()
                    .all(|name| !name.as_str().starts_with("access-control-")),
                "{label}"
            );

            let logged = state.log().entries_for_case(&format!("bad{i}"));
            assert_eq!(logged.len(), 1, "{label}");
            assert_eq!(logged[0].status, 400, "{label}");
            assert_eq!(logged[0].role, role, "{label}");
        }
    }
}

#[tokio::test]
async fn any_host_header_is_survived() {
    let hosts: &[&[u8]] = &[
        b"",
        b" ",
        b":",
        b":8081",
        b"[",
        b"[::1",
        b"[::1]:8081",
        b"localhost:99999999999",
        b"localhost:-1",
        b"a b c",
        b"http://localhost:8081/",
        b"user:pw@localhost:8081",
        b"h\xc3\xa9te:8081",
        b"\xff\xfe\xfd",
        b"%00",
        b"localhost:8081, evil.example",
        b"../../etc/passwd",
    ];
    let query = "case=h&a.r.status=302&a.r.to=intranet&a.r.then.a.acao=star";
    let state = state();
    for host in hosts {
        let label = String::from_utf8_lossy(host).into_owned();
        let mut request = cors_request("GET", query, &[]);
        request
            .headers_mut()
            .insert("host", HeaderValue::from_bytes(host).expect("header value"));
        let answer = send(api_router(state.clone()), request).await;
        assert_eq!(answer.status, StatusCode::FOUND, "{label}");
        let location = answer.header("location").expect("location");
        let rest = location
            .strip_prefix("http://")
            .unwrap_or_else(|| panic!("{label}: {location}"));
        assert!(
            rest.contains(":8082/cors?case=h&a.acao=star"),
            "{label}: {location}"
        );
        // Nothing that could end the header or the authority early.
        let host_part = rest.split(":8082/").next().expect("host");
        assert!(
            !host_part.is_empty()
                && host_part
                    .chars()
                    .all(|c| c.is_ascii_graphic() && !"/?#,".contains(c)),
            "{label}: {location}"
        );
    }
    assert_eq!(state.log().entries_for_case("h").len(), hosts.len());
    // And plain answers do not look at the Host at all.
    let mut request = cors_request("GET", "case=h2", &[]);
    request
        .headers_mut()
        .insert("host", HeaderValue::from_static("[[["));
    assert_eq!(
        send(api_router(state), request).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn unparsable_hosts_fall_back_to_localhost() {
    let state = state();
    for host in ["", "[::1", "a b"] {
        let mut request = cors_request("GET", "a.r.status=303&a.r.to=api-alt", &[]);
        request
            .headers_mut()
            .insert("host", HeaderValue::from_str(host).expect("header value"));
        let answer = send(intranet_router(state.clone()), request).await;
        // `localhost`, swapped for the other loopback name.
        assert_eq!(
            answer.header("location"),
            Some("http://127.0.0.1:8081/cors"),
            "{host:?}"
        );
    }
}

#[tokio::test]
async fn the_preflight_is_logged_with_its_request_headers_on_every_origin() {
    for role in ROLES {
        let state = state();
        let request = cors_request(
            "OPTIONS",
            "learner=ada&case=log1&p.acao=echo&p.acam=PUT",
            &[
                ("origin", ORIGIN),
                ("access-control-request-method", "PUT"),
                ("access-control-request-headers", "content-type,x-token"),
                ("cookie", "lab=1"),
            ],
        );
        let answer = send(router(role, &state), request).await;
        assert_eq!(answer.status, StatusCode::OK, "{role:?}");

        let entries = state.log().entries_for_case("log1");
        assert_eq!(entries.len(), 1, "{role:?}");
        let entry = &entries[0];
        assert_eq!(entry.role, role);
        assert_eq!(entry.method, "OPTIONS");
        assert_eq!(entry.learner.as_deref(), Some("ada"));
        assert_eq!(
            entry.headers,
            pairs(&[
                ("origin", ORIGIN),
                ("access-control-request-method", "PUT"),
                ("access-control-request-headers", "content-type,x-token"),
                ("cookie", "lab=1"),
            ]),
            "{role:?}"
        );
        assert_eq!(entry.response_headers, answer.all_lines(), "{role:?}");
    }
}

#[tokio::test]
async fn entries_for_case_matches_the_whole_decoded_value() {
    let state = state();
    for query in [
        "case=1",
        "case=10",
        "x=case%3D1",
        "case=1&learner=b",
        "case=%31",
    ] {
        send(api_router(state.clone()), cors_request("GET", query, &[])).await;
    }
    let queries: Vec<String> = state
        .log()
        .entries_for_case("1")
        .into_iter()
        .filter_map(|entry| entry.query)
        .collect();
    assert_eq!(queries, ["case=1", "case=1&learner=b", "case=%31"]);
    assert!(state.log().entries_for_case("2").is_empty());
}

#[tokio::test]
async fn preflight_and_actual_are_logged_in_order_on_real_sockets() {
    let dist = tempfile::tempdir().expect("tempdir");
    let bound = bind(Config {
        app_port: 0,
        api_port: 0,
        intranet_port: 0,
        dist_dir: dist.path().into(),
        ..Config::default()
    })
    .await
    .expect("bind");
    let (app, api) = (bound.app_addr(), bound.api_addr());
    let state = bound.state().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(bound.serve(async {
        let _ = stopped.await;
    }));

    let origin = format!("http://localhost:{}", app.port());
    let query = "learner=t&case=sock1&p.status=204&p.acao=echo&p.acam=PUT&p.acah=x-token\
                 &a.acao=two-lines";
    let target = format!("/cors?{query}");
    let api_host = format!("localhost:{}", api.port());
    let preflight = raw::request(
        api,
        "OPTIONS",
        &target,
        &[
            ("Host", &api_host),
            ("Origin", &origin),
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "x-token"),
        ],
    )
    .await;
    assert_eq!(preflight.status, 204, "{}", preflight.head);
    let actual = raw::request(
        api,
        "PUT",
        &target,
        &[
            ("Host", &api_host),
            ("Origin", &origin),
            ("X-Token", "1"),
            ("Cookie", "lab=sock1"),
            ("Content-Length", "0"),
        ],
    )
    .await;
    assert_eq!(actual.status, 200, "{}", actual.head);
    // Two separate header lines on the wire.
    assert_eq!(
        actual.all("access-control-allow-origin"),
        [origin.as_str(), origin.as_str()],
        "{}",
        actual.head
    );
    let body: Value = serde_json::from_str(&actual.body).expect("JSON body");
    assert_eq!(body["method"], "PUT");
    assert_eq!(body["cookie"], true);
    assert_eq!(body["origin_header"], json!(origin));

    // The app origin's `/cors` is logged too, but is another case.
    let app_host = format!("localhost:{}", app.port());
    let same_origin = raw::get(app, "/cors?case=sock2", &[("Host", &app_host)]).await;
    assert_eq!(same_origin.status, 200, "{}", same_origin.head);

    let entries = state.log().entries_for_case("sock1");
    let seen: Vec<(Role, &str, u16)> = entries
        .iter()
        .map(|entry| (entry.role, entry.method.as_str(), entry.status))
        .collect();
    assert_eq!(seen, [(Role::Api, "OPTIONS", 204), (Role::Api, "PUT", 200)]);
    assert!(entries[0].id < entries[1].id);
    assert_eq!(
        entries[0].header("access-control-request-headers"),
        Some("x-token")
    );
    assert_eq!(entries[1].header("cookie"), Some("lab=sock1"));
    assert_eq!(entries[1].learner.as_deref(), Some("t"));
    let app_entries = state.log().entries_for_case("sock2");
    assert_eq!(app_entries.len(), 1);
    assert_eq!(app_entries[0].role, Role::App);
    assert_eq!(app_entries[0].port, app.port());

    stop.send(()).expect("server running");
    let served = timeout(Duration::from_secs(3), server)
        .await
        .expect("graceful shutdown in time")
        .expect("server task");
    assert!(served.is_ok(), "{served:?}");
}
