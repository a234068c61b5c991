//! Where the phones can reach the laptop: its addresses, the likely Wi-Fi one first, and a
//! listening socket on both IPv4 and IPv6.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The port tried first, so that the address stays the same from one workshop to the next; any
/// free port when it is taken.
pub const PREFERRED_PORT: u16 = 8765;

/// The laptop's addresses phones may use, best first: private IPv4 on a wireless-looking
/// interface, other private IPv4, other IPv4, then global and unique-local IPv6. Loopback and
/// link-local addresses are left out (a phone cannot use them).
pub fn local_addresses() -> Vec<IpAddr> {
    let mut found: Vec<(u8, String, IpAddr)> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .filter_map(|i| {
            let ip = i.ip();
            rank(&i.name, ip).map(|r| (r, i.name.clone(), ip))
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.2 == b.2);
    found.into_iter().map(|(_, _, ip)| ip).collect()
}

/// Lower is better; `None` for an address a phone cannot reach.
fn rank(interface: &str, ip: IpAddr) -> Option<u8> {
    let wireless = ["wl", "wi-fi", "wlan", "wireless", "ワイヤレス"]
        .iter()
        .any(|w| interface.to_lowercase().starts_with(w))
        || interface.to_lowercase().contains("wi-fi");
    let virtual_like = [
        "docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "tun", "tap", "zt",
    ]
    .iter()
    .any(|v| interface.to_lowercase().starts_with(v));
    match ip {
        IpAddr::V4(v4) if v4.is_loopback() || v4.is_link_local() || v4.is_unspecified() => None,
        IpAddr::V4(v4) if v4.is_private() => Some(match (wireless, virtual_like) {
            (true, _) => 0,
            (false, false) => 1,
            (false, true) => 5,
        }),
        IpAddr::V4(_) => Some(if virtual_like { 6 } else { 2 }),
        IpAddr::V6(v6) if v6.is_loopback() || v6.is_unspecified() || is_link_local(v6) => None,
        IpAddr::V6(_) => Some(if virtual_like { 7 } else { 3 }),
    }
}

fn is_link_local(v6: Ipv6Addr) -> bool {
    (v6.segments()[0] & 0xffc0) == 0xfe80
}

/// The URL of `path` at `ip:port`, with IPv6 in brackets.
pub fn url(ip: IpAddr, port: u16, path: &str) -> String {
    match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{port}{path}"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}{path}"),
    }
}

/// A listening socket for `bind`, or for the room: `[::]` accepting IPv4 too where the system
/// allows it (Windows keeps IPv6 sockets IPv6-only unless told), else `0.0.0.0`; the preferred
/// port, else any free one. A port the administrator fixed (`fixed`) is the only one tried, on
/// `bind`'s address too: the firewall is open for that port alone.
pub fn listen(
    bind: Option<SocketAddr>,
    fixed: Option<u16>,
) -> std::io::Result<std::net::TcpListener> {
    if let Some(mut addr) = bind {
        if let Some(port) = fixed {
            addr.set_port(port);
        }
        return socket(addr, false);
    }
    let preferred = fixed.unwrap_or(PREFERRED_PORT);
    let mut candidates = vec![
        (
            SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), preferred),
            true,
        ),
        (
            SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), preferred),
            false,
        ),
    ];
    if fixed.is_none() {
        candidates.extend([
            (SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), 0), true),
            (SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0), false),
        ]);
    }
    let mut last = None;
    for (addr, dual) in candidates {
        match socket(addr, dual) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no address to listen on")))
}

fn socket(addr: SocketAddr, dual_stack: bool) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    if dual_stack {
        socket.set_only_v6(false)?;
    }
    // On Unix, SO_REUSEADDR lets voting start again on the same port right after it stopped
    // (the old connections linger in TIME_WAIT for a minute), as servers do; two listeners still
    // cannot share the port. On Windows it would let another program take the port, so not there.
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    // A room of phones connects at once: a short queue would drop their first attempt, and a
    // phone waits a whole second to try again.
    socket.listen(1024)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wifi_address_comes_first_and_unusable_ones_are_left_out() {
        let home = IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20));
        assert_eq!(rank("wlp2s0", home), Some(0));
        assert_eq!(rank("Wi-Fi", home), Some(0));
        assert_eq!(rank("eth0", home), Some(1));
        assert_eq!(
            rank("docker0", IpAddr::V4(Ipv4Addr::new(172, 17, 0, 1))),
            Some(5)
        );
        assert_eq!(rank("lo", IpAddr::V4(Ipv4Addr::LOCALHOST)), None);
        assert_eq!(
            rank("eth0", IpAddr::V4(Ipv4Addr::new(169, 254, 3, 4))),
            None
        );
        assert_eq!(rank("eth0", "fe80::1".parse().expect("v6")), None);
        assert_eq!(rank("eth0", "fd00::5".parse().expect("v6")), Some(3));
    }

    #[test]
    fn urls_bracket_ipv6() {
        assert_eq!(
            url("::1".parse().expect("v6"), 8765, "/v/abc"),
            "http://[::1]:8765/v/abc"
        );
        assert_eq!(
            url(IpAddr::V4(Ipv4Addr::LOCALHOST), 80, "/"),
            "http://127.0.0.1:80/"
        );
    }
}
