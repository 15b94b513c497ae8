//! Host names and addresses: which address a connection arrived on, and
//! which host is *another site* for the same server.
//!
//! The "other site" demos need the API origin under a second host that the
//! browser treats as a different site. On loopback that is the pair
//! `localhost` / `127.0.0.1`. In classroom mode a page opened by a host name
//! (`laptop.local`) gets the numeric address its connection arrived on; a
//! page opened by a LAN address has no second name the server can be sure
//! of, so the app says those demos are not available there (fetching
//! `localhost` instead would be silently refused by Chrome's Local Network
//! Access, and would reach the learner's own machine anyway).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use axum::extract::connect_info::Connected;
use axum::http::header::{ORIGIN, REFERER};
use axum::http::{HeaderMap, Uri};
use axum::serve::IncomingStream;
use tokio::net::TcpListener;

/// What the server knows about a connection: the local address it arrived
/// on (with `--lan`, which of the machine's addresses the browser used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnInfo {
    pub local: SocketAddr,
}

impl Connected<IncomingStream<'_, TcpListener>> for ConnInfo {
    fn connect_info(stream: IncomingStream<'_, TcpListener>) -> Self {
        let local = stream
            .io()
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)));
        ConnInfo { local }
    }
}

/// The address a request arrived on: the connection's, or (no connection
/// info, as in tests driving a router directly) the listen address, loopback
/// for an unspecified one.
pub fn arrival_ip(conn: Option<&ConnInfo>, listen_host: IpAddr) -> IpAddr {
    let ip = conn.map_or(listen_host, |conn| conn.local.ip());
    match ip.to_canonical() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    }
}

/// `ip` written as a URL host: IPv4 as is, IPv6 in brackets.
pub fn url_host(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// The address a URL host names, if it is an IP literal (`[::1]` included).
pub fn ip_of_host(host: &str) -> Option<IpAddr> {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.parse().ok()
}

/// The host, for a request sent to `host` that arrived on `arrival`, that
/// reaches the same server but is another site, written as a URL host:
/// - a host name (`localhost`, `laptop.local`): the numeric address the
///   request arrived on;
/// - an address: the host name the page was opened on (`page_host`, from
///   the request's `Origin` or `Referer`) when it is a name; else
///   `localhost` for a loopback address; else none.
pub fn other_site_host(host: &str, arrival: IpAddr, page_host: Option<&str>) -> Option<String> {
    match ip_of_host(host) {
        None => Some(url_host(arrival)),
        Some(ip) => page_host
            .filter(|page| !page.is_empty() && ip_of_host(page).is_none())
            .map(str::to_ascii_lowercase)
            .or_else(|| {
                ip.to_canonical()
                    .is_loopback()
                    .then(|| "localhost".to_owned())
            }),
    }
}

/// The host of the page that sent a request, from its `Origin` header (when
/// not `null`), else its `Referer`.
pub fn page_host_of(headers: &HeaderMap) -> Option<String> {
    [ORIGIN, REFERER].iter().find_map(|name| {
        let value = headers.get(name)?.to_str().ok()?;
        // `Origin: null` would parse as a host named "null": only absolute URLs.
        let uri: Uri = value.trim().parse().ok()?;
        uri.scheme()?;
        uri.host().map(str::to_owned)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn other_site_host_cases() {
        let lan: IpAddr = "192.168.1.20".parse().expect("ip");
        let lo: IpAddr = "127.0.0.1".parse().expect("ip");
        let lo6: IpAddr = "::1".parse().expect("ip");
        let mapped: IpAddr = "::ffff:192.168.1.20".parse().expect("ip");
        // (request host, arrival address, page host, expected)
        let cases = [
            ("localhost", lo, None, Some("127.0.0.1")),
            ("LocalHost", lo, None, Some("127.0.0.1")),
            ("localhost", lo6, None, Some("[::1]")),
            ("127.0.0.1", lo, None, Some("localhost")),
            ("[::1]", lo6, None, Some("localhost")),
            ("127.0.0.1", lo, Some("127.0.0.1"), Some("localhost")),
            (
                "127.0.0.1",
                lo,
                Some("classroom.test"),
                Some("classroom.test"),
            ),
            ("classroom.test", lo, None, Some("127.0.0.1")),
            ("laptop.local", lan, None, Some("192.168.1.20")),
            ("laptop.local", mapped, None, Some("192.168.1.20")),
            ("192.168.1.20", lan, None, None),
            ("192.168.1.20", lan, Some("192.168.1.20"), None),
            ("192.168.1.20", lan, Some(""), None),
            (
                "192.168.1.20",
                lan,
                Some("Laptop.Local"),
                Some("laptop.local"),
            ),
        ];
        for (host, arrival, page, expected) in cases {
            assert_eq!(
                other_site_host(host, arrival, page).as_deref(),
                expected,
                "{host} via {arrival}, page {page:?}"
            );
        }
    }

    #[test]
    fn arrival_ip_cases() {
        let conn = |addr: &str| ConnInfo {
            local: addr.parse().expect("socket address"),
        };
        // (connection, listen host, expected)
        let cases = [
            (None, "127.0.0.1", "127.0.0.1"),
            (None, "0.0.0.0", "127.0.0.1"),
            (None, "::", "::1"),
            (Some(conn("192.168.1.20:8080")), "0.0.0.0", "192.168.1.20"),
            (Some(conn("[::ffff:10.0.0.2]:8080")), "::", "10.0.0.2"),
        ];
        for (conn, listen, expected) in cases {
            let listen: IpAddr = listen.parse().expect("ip");
            assert_eq!(
                arrival_ip(conn.as_ref(), listen).to_string(),
                expected,
                "{conn:?} {listen}"
            );
        }
    }

    #[test]
    fn page_host_cases() {
        // (Origin, Referer, expected)
        let cases = [
            (
                Some("http://classroom.test:8080"),
                None,
                Some("classroom.test"),
            ),
            (
                Some("null"),
                Some("http://laptop.local:8080/lab?x=1"),
                Some("laptop.local"),
            ),
            (None, Some("http://[::1]:8080/"), Some("[::1]")),
            (None, None, None),
            (Some("null"), None, None),
        ];
        for (origin, referer, expected) in cases {
            let mut headers = HeaderMap::new();
            if let Some(origin) = origin {
                headers.insert(ORIGIN, HeaderValue::from_static(origin));
            }
            if let Some(referer) = referer {
                headers.insert(REFERER, HeaderValue::from_static(referer));
            }
            assert_eq!(
                page_host_of(&headers).as_deref(),
                expected,
                "{origin:?} {referer:?}"
            );
        }
    }
}
