//! What keeps the server fair when a room's network is flooded: limits on connections (in all,
//! per address, per IPv6 /64), idle connections shed first when the server is full, shorter
//! timeouts under pressure, and a request rate per address. Pure bookkeeping with the time passed
//! in, so that every rule is unit-tested without a network.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The server's limits in one place: a room's defaults, and shorter ones for tests.
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// The largest request body: a vote is a few dozen bytes.
    pub max_body: usize,
    /// How long a client may take to send a request's headers (or to send the next one).
    pub header_timeout: Duration,
    /// The same when the server is more than half full.
    pub header_timeout_busy: Duration,
    /// How long one request may take once its headers are in (its body, the answer).
    pub request_timeout: Duration,
    /// How long one connection may live, however slowly it trickles.
    pub connection_lifetime: Duration,
    /// Connections at once, in all.
    pub max_connections: usize,
    /// Connections at once from one address.
    pub per_address: usize,
    /// Connections at once from one IPv6 /64 (one machine can hold many addresses there).
    pub per_prefix: usize,
    /// Requests per address: a burst, then a steady rate (a phone polls every two seconds).
    pub burst: f64,
    pub per_second: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 4 * 1024,
            header_timeout: Duration::from_secs(5),
            header_timeout_busy: Duration::from_secs(1),
            request_timeout: Duration::from_secs(5),
            connection_lifetime: Duration::from_secs(30),
            max_connections: 512,
            per_address: 16,
            per_prefix: 64,
            burst: 30.0,
            per_second: 10.0,
        }
    }
}

/// A connection let in: its id, whether a request is being answered on it, and how to close it
/// from outside (when it is shed).
#[derive(Clone, Debug)]
pub struct Ticket {
    pub id: u64,
    pub busy: Arc<AtomicBool>,
    pub close: Arc<tokio::sync::Notify>,
    /// The header timeout for this connection: shorter when it came in under pressure.
    pub header_timeout: Duration,
}

struct Open {
    address: IpAddr,
    opened: Instant,
    busy: Arc<AtomicBool>,
    close: Arc<tokio::sync::Notify>,
}

/// The connections open now.
pub struct Connections {
    limits: Limits,
    next: u64,
    open: HashMap<u64, Open>,
}

/// What a connection is counted under besides its address: its /64 for IPv6.
fn prefix(address: IpAddr) -> Option<[u16; 4]> {
    match address.to_canonical() {
        IpAddr::V4(_) => None,
        IpAddr::V6(v6) => {
            let s = v6.segments();
            Some([s[0], s[1], s[2], s[3]])
        }
    }
}

impl Connections {
    pub fn new(limits: Limits) -> Connections {
        Connections {
            limits,
            next: 0,
            open: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.open.len()
    }

    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    fn of_address(&self, address: IpAddr) -> usize {
        self.open.values().filter(|o| o.address == address).count()
    }

    fn of_prefix(&self, address: IpAddr) -> usize {
        let Some(p) = prefix(address) else {
            return 0;
        };
        self.open
            .values()
            .filter(|o| prefix(o.address) == Some(p))
            .count()
    }

    /// Lets a new connection from `address` in, or not. When the server is full, the idle
    /// connection (no request in progress, or none sent yet) of the address holding the most is
    /// closed to make room, provided that address holds more than the newcomer's: a flood from a
    /// few machines cannot keep a phone out.
    pub fn admit(&mut self, address: IpAddr, now: Instant) -> Option<Ticket> {
        let address = address.to_canonical();
        let mine = self.of_address(address);
        if mine >= self.limits.per_address || self.of_prefix(address) >= self.limits.per_prefix {
            return None;
        }
        if self.open.len() >= self.limits.max_connections {
            let victim = self.idle_victim(mine)?;
            if let Some(shed) = self.open.remove(&victim) {
                shed.close.notify_one();
            }
        }
        let header_timeout = if self.open.len() * 2 >= self.limits.max_connections {
            self.limits.header_timeout_busy
        } else {
            self.limits.header_timeout
        };
        self.next += 1;
        let ticket = Ticket {
            id: self.next,
            busy: Arc::new(AtomicBool::new(false)),
            close: Arc::new(tokio::sync::Notify::new()),
            header_timeout,
        };
        self.open.insert(
            ticket.id,
            Open {
                address,
                opened: now,
                busy: ticket.busy.clone(),
                close: ticket.close.clone(),
            },
        );
        Some(ticket)
    }

    /// The oldest idle connection of the address with the most connections, if that address
    /// holds more than `newcomer` (the newcomer's own count) plus one.
    fn idle_victim(&self, newcomer: usize) -> Option<u64> {
        let mut counts: HashMap<IpAddr, usize> = HashMap::new();
        for open in self.open.values() {
            *counts.entry(open.address).or_default() += 1;
        }
        self.open
            .iter()
            .filter(|(_, o)| !o.busy.load(Ordering::Relaxed))
            .map(|(&id, o)| (counts[&o.address], std::cmp::Reverse(o.opened), id))
            .filter(|(count, ..)| *count > newcomer + 1)
            .max()
            .map(|(.., id)| id)
    }

    /// The connection `id` closed (or was shed already).
    pub fn leave(&mut self, id: u64) {
        self.open.remove(&id);
    }
}

/// A token bucket per address.
pub struct Rates {
    limits: Limits,
    buckets: HashMap<IpAddr, (f64, Instant)>,
}

impl Rates {
    pub fn new(limits: Limits) -> Rates {
        Rates {
            limits,
            buckets: HashMap::new(),
        }
    }

    /// Whether `address` may make a request now.
    pub fn allow(&mut self, address: IpAddr, now: Instant) -> bool {
        if self.buckets.len() > 10_000 {
            // Forget idle clients rather than grow without bound.
            self.buckets
                .retain(|_, (_, seen)| now.duration_since(*seen) < Duration::from_mins(1));
        }
        let (tokens, seen) = self
            .buckets
            .entry(address.to_canonical())
            .or_insert((self.limits.burst, now));
        *tokens = (*tokens + now.duration_since(*seen).as_secs_f64() * self.limits.per_second)
            .min(self.limits.burst);
        *seen = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Limits {
        Limits {
            max_connections: 8,
            per_address: 4,
            per_prefix: 6,
            burst: 3.0,
            per_second: 1.0,
            ..Limits::default()
        }
    }

    fn v4(n: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, n])
    }

    #[test]
    fn a_full_server_sheds_an_idle_connection_of_the_heaviest_address_for_a_newcomer() {
        let mut table = Connections::new(small());
        let now = Instant::now();
        let flood: Vec<Ticket> = (0..8)
            .map(|i| table.admit(v4(1 + i / 4), now).expect("room"))
            .collect();
        assert_eq!(table.len(), 8);
        assert!(table.admit(v4(1), now).is_none(), "its own limit");
        // One of the flooders answers a request: it is not shed.
        flood[0].busy.store(true, Ordering::Relaxed);
        let phone = table.admit(v4(9), now).expect("a phone gets in");
        assert_eq!(table.len(), 8, "one idle connection made room");
        assert!(table.open.contains_key(&flood[0].id), "not the busy one");
        let shed: Vec<&Ticket> = flood
            .iter()
            .filter(|t| !table.open.contains_key(&t.id))
            .collect();
        assert_eq!(shed.len(), 1);
        assert_eq!(phone.header_timeout, small().header_timeout_busy);
        // Every connection is busy: nothing can be shed, the newcomer waits.
        for t in &flood {
            t.busy.store(true, Ordering::Relaxed);
        }
        assert!(table.admit(v4(10), now).is_none());
    }

    #[test]
    fn an_address_at_its_share_is_not_shed_for_one_of_its_own() {
        let mut table = Connections::new(Limits {
            max_connections: 4,
            ..small()
        });
        let now = Instant::now();
        for n in 1..=4 {
            table.admit(v4(n), now).expect("room");
        }
        assert!(
            table.admit(v4(5), now).is_none(),
            "nobody holds more than a fair share: nothing to shed"
        );
    }

    #[test]
    fn ipv6_counts_per_64_too() {
        let mut table = Connections::new(small());
        let now = Instant::now();
        let address = |n: u16| IpAddr::from([0xfd00, 0, 0, 1, 0, 0, 0, n]);
        for n in 0..6 {
            table.admit(address(n), now).expect("room");
        }
        assert!(table.admit(address(99), now).is_none(), "the /64 is full");
        let other = IpAddr::from([0xfd00, 0, 0, 2, 0, 0, 0, 1]);
        assert!(table.admit(other, now).is_some(), "another /64");
    }

    #[test]
    fn the_rate_refills_with_time() {
        let mut rates = Rates::new(small());
        let t0 = Instant::now();
        assert!((0..3).all(|_| rates.allow(v4(1), t0)));
        assert!(!rates.allow(v4(1), t0), "the burst is spent");
        assert!(rates.allow(v4(2), t0), "another address has its own");
        assert!(rates.allow(v4(1), t0 + Duration::from_millis(1100)));
    }
}
