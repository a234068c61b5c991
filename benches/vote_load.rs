//! 100 phones vote at once: each from its own address (127.0.0.2 … 127.0.0.101, as phones on a
//! Wi-Fi have their own), each opening the page and then, all together, sending its vote.
//! Reports every vote counted and the latency of the votes (p50, p99, max). Goal on the 2-core
//! machine: every vote counted, p99 ≤ 50 ms. Run with `cargo bench --bench vote_load`.
//! Linux routes all of 127.0.0.0/8 to the loopback interface; elsewhere the source addresses
//! may not exist, and the bench says so.

use kizuki::checklist::ItemId;
use kizuki::project::{Member, Team};
use kizuki::vote::{PollConfig, Scope, VoteServer};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpStream};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const PHONES: usize = 100;

fn connect_from(source: Ipv4Addr, to: SocketAddr) -> std::io::Result<TcpStream> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.bind(&SocketAddr::V4(SocketAddrV4::new(source, 0)).into())?;
    socket.connect(&to.into())?;
    let stream: TcpStream = socket.into();
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    Ok(stream)
}

fn exchange(stream: &mut TcpStream, request: &str) -> std::io::Result<String> {
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    Ok(String::from_utf8_lossy(&raw).into_owned())
}

fn main() {
    let team = Team {
        id: 1,
        name: "負荷試験".into(),
        members: (1..=PHONES as u32)
            .map(|id| Member {
                id,
                name: format!("メンバー{id}"),
            })
            .collect(),
        ..Team::default()
    };
    let config = PollConfig::for_team(&team, Scope::Item(ItemId::Partners), false);
    let server = VoteServer::start(config, Some("127.0.0.1:0".parse().expect("addr")), |_| {})
        .expect("the server starts");
    let addr: SocketAddr = format!("127.0.0.1:{}", server.port())
        .parse()
        .expect("addr");
    let path = server.path().to_owned();
    let barrier = Arc::new(Barrier::new(PHONES));
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let barrier = barrier.clone();
            let path = path.clone();
            std::thread::Builder::new()
                .name(format!("phone-{n}"))
                .spawn(move || -> Result<Duration, String> {
                    let source = Ipv4Addr::new(127, 0, 0, 2 + n as u8);
                    // The page first: the phone's ballot id comes as a cookie.
                    let mut stream = connect_from(source, addr).map_err(|e| e.to_string())?;
                    let page = exchange(
                        &mut stream,
                        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
                    )
                    .map_err(|e| e.to_string())?;
                    let phone = page
                        .split("kizuki_phone=")
                        .nth(1)
                        .and_then(|rest| rest.split(';').next())
                        .ok_or("no ballot id")?
                        .to_owned();
                    let member: String = form_urlencoded::byte_serialize(
                        format!("メンバー{}", n + 1).as_bytes(),
                    )
                    .collect();
                    let body = format!(
                        "phone={phone}&item=partners&member={member}&level={}",
                        n % 5 + 1
                    );
                    let request = format!(
                        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    barrier.wait();
                    let started = Instant::now();
                    let mut stream = connect_from(source, addr).map_err(|e| e.to_string())?;
                    let reply = exchange(&mut stream, &request).map_err(|e| e.to_string())?;
                    let took = started.elapsed();
                    if !reply.starts_with("HTTP/1.1 200") {
                        return Err(reply.lines().next().unwrap_or_default().to_owned());
                    }
                    Ok(took)
                })
                .expect("a phone thread")
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failures = Vec::new();
    for phone in phones {
        match phone.join() {
            Ok(Ok(took)) => latencies.push(took),
            Ok(Err(e)) => failures.push(e),
            Err(_) => failures.push("a phone thread panicked".into()),
        }
    }
    latencies.sort();
    let at = |q: f64| {
        latencies[((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1]
    };
    let counted = server.status()[0].voted;
    println!(
        "phones: {PHONES}, votes counted: {counted}, failures: {}",
        failures.len()
    );
    for f in failures.iter().take(5) {
        println!("  failure: {f}");
    }
    if !latencies.is_empty() {
        println!(
            "vote latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            at(0.50).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0,
            latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0
        );
    }
    assert_eq!(counted, PHONES, "every vote counted");
    assert!(at(0.99) <= Duration::from_millis(50), "p99 within 50 ms");
}
