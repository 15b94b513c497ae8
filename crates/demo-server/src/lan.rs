//! The machine's addresses on the local network, for the URLs printed in
//! classroom mode. Read from the interfaces (`getifaddrs`); nothing is sent.

use std::net::{IpAddr, Ipv4Addr};

/// The IPv4 addresses students may use to reach a server listening on
/// `host`: every non-loopback address of an interface that is up when
/// `host` is unspecified (`0.0.0.0`, `::`), else `host` itself. Private
/// addresses (10/8, 172.16/12, 192.168/16) come first, link-local ones last.
pub fn student_addresses(host: IpAddr) -> Vec<IpAddr> {
    if !host.is_unspecified() {
        return vec![host];
    }
    let mut found: Vec<Ipv4Addr> = interface_ipv4()
        .into_iter()
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified() && !ip.is_multicast())
        .collect();
    found.sort_by_key(|ip| (rank(*ip), *ip));
    found.dedup();
    found.into_iter().map(IpAddr::V4).collect()
}

/// Sorting rank: private first, then other unicast, link-local last.
fn rank(ip: Ipv4Addr) -> u8 {
    if ip.is_private() {
        0
    } else if ip.is_link_local() {
        2
    } else {
        1
    }
}

/// Every IPv4 address of an interface that is up.
#[cfg(unix)]
fn interface_ipv4() -> Vec<Ipv4Addr> {
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs either fails (list untouched) or hands us a list
    // that stays valid until the freeifaddrs below.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut cursor = list;
    while !cursor.is_null() {
        // SAFETY: a non-null node of the list getifaddrs returned.
        let node = unsafe { &*cursor };
        let up = node.ifa_flags & (libc::IFF_UP as libc::c_uint) != 0;
        if up && !node.ifa_addr.is_null() {
            // SAFETY: ifa_addr points to a sockaddr whose family says its type.
            let family = i32::from(unsafe { (*node.ifa_addr).sa_family });
            if family == libc::AF_INET {
                // SAFETY: an AF_INET address is a sockaddr_in.
                let sin = unsafe { &*node.ifa_addr.cast::<libc::sockaddr_in>() };
                found.push(Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)));
            }
        }
        cursor = node.ifa_next;
    }
    // SAFETY: the list came from getifaddrs and is freed once.
    unsafe { libc::freeifaddrs(list) };
    found
}

/// The address the system would send from to reach another network: a UDP
/// socket "connected" to a documentation address (connecting a UDP socket
/// sends nothing).
#[cfg(not(unix))]
fn interface_ipv4() -> Vec<Ipv4Addr> {
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0));
    socket
        .and_then(|s| s.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).map(|()| s))
        .and_then(|s| s.local_addr())
        .ok()
        .and_then(|addr| match addr.ip() {
            IpAddr::V4(v4) => Some(v4),
            IpAddr::V6(_) => None,
        })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_address_is_the_one_to_use() {
        let ip: IpAddr = "192.168.1.20".parse().expect("ip");
        assert_eq!(student_addresses(ip), [ip]);
    }

    #[test]
    fn all_interfaces_give_no_loopback_address() {
        // Whatever this machine has: never loopback, private ones first.
        let found = student_addresses("0.0.0.0".parse().expect("ip"));
        assert!(found.iter().all(|ip| !ip.is_loopback()), "{found:?}");
        let ranks: Vec<u8> = found
            .iter()
            .filter_map(|ip| match ip {
                IpAddr::V4(v4) => Some(rank(*v4)),
                IpAddr::V6(_) => None,
            })
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{found:?}");
    }

    #[test]
    fn rank_cases() {
        let cases = [
            ("10.1.2.3", 0),
            ("172.16.0.9", 0),
            ("192.168.0.4", 0),
            ("169.254.3.4", 2),
            ("100.64.0.1", 1),
        ];
        for (ip, expected) in cases {
            assert_eq!(rank(ip.parse().expect("ip")), expected, "{ip}");
        }
    }
}
