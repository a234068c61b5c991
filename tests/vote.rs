//! Phone voting against the real server, on 127.0.0.1 only: a vote, a change, the reveal, the
//! stop; and every hostile input the issue lists, refused with nothing recorded and the server
//! alive. A plain HTTP/1.1 client over a TCP socket, so that nothing is hidden by a library.

use kizuki::checklist::ItemId;
use kizuki::project::{Distribution, Level, sample_project};
use kizuki::vote::{Event, PollConfig, Scope, VoteServer};
mod common;

use common::http::{Reply, form, request};
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const LOCAL: &str = "127.0.0.1:0";

struct Running {
    server: VoteServer,
    addr: SocketAddr,
    events: Arc<Mutex<Vec<Event>>>,
}

fn start(scope: Scope, anonymous: bool) -> Running {
    let project = sample_project();
    let config = PollConfig::for_team(&project.teams[0], scope, anonymous);
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    let server = VoteServer::start(config, Some(LOCAL.parse().expect("addr")), move |e| {
        seen.lock().expect("events").push(e);
    })
    .expect("starts");
    let addr: SocketAddr = format!("127.0.0.1:{}", server.port())
        .parse()
        .expect("addr");
    Running {
        server,
        addr,
        events,
    }
}

/// Opens the page as a phone does: its ballot id comes as a cookie.
fn phone(r: &Running) -> String {
    let page = request(r.addr, "GET", r.server.path(), "", b"");
    assert_eq!(page.status, 200);
    page.cookie("kizuki_phone").expect("a ballot id")
}

fn vote(r: &Running, phone: &str, member: &str, item: ItemId, level: &str) -> Reply {
    let mut fields = vec![("item", item.as_str()), ("level", level)];
    if !member.is_empty() {
        fields.push(("member", member));
    }
    request(
        r.addr,
        "POST",
        r.server.path(),
        &format!("kizuki_phone={phone}"),
        &form(&fields),
    )
}

#[test]
fn a_member_votes_changes_the_vote_and_the_reveal_records_it() {
    let r = start(Scope::Item(ItemId::Partners), false);
    let page = request(r.addr, "GET", r.server.path(), "", b"");
    assert!(
        page.body
            .contains("1. 一緒に取り組めるパートナーを探そう。")
    );
    assert!(page.body.contains("佐藤 美咲"), "the members to pick from");
    assert!(
        page.headers.contains("default-src 'none'"),
        "{}",
        page.headers
    );
    assert!(
        !page.body.contains("http://") && !page.body.contains("https://"),
        "no external loads"
    );
    let me = page.cookie("kizuki_phone").expect("ballot");

    let reply = vote(&r, &me, "佐藤 美咲", ItemId::Partners, "2");
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("投票しました"));
    let reply = vote(&r, &me, "佐藤 美咲", ItemId::Partners, "4");
    assert_eq!(reply.status, 200, "changed until the reveal");
    assert_eq!(r.server.status()[0].voted, 1);
    assert!(matches!(
        r.events.lock().expect("events").last(),
        Some(Event::Changed(_))
    ));

    let revealed = r.server.reveal(ItemId::Partners);
    assert_eq!(revealed.named.len(), 1);
    assert_eq!(revealed.named[0].level, Level::new(4).expect("level"));
    let reply = vote(&r, &me, "佐藤 美咲", ItemId::Partners, "1");
    assert_eq!(reply.status, 409, "closed after the reveal");
    let page = request(
        r.addr,
        "GET",
        r.server.path(),
        &format!("kizuki_phone={me}"),
        b"",
    );
    assert!(
        page.body.contains("投票が公開されました"),
        "the distribution after the reveal"
    );

    let addr = r.addr;
    r.server.stop();
    assert!(
        TcpStream::connect(addr).is_err(),
        "the port is free once stopped"
    );
}

#[test]
fn hostile_requests_are_refused_with_nothing_recorded_and_the_server_alive() {
    let r = start(Scope::Item(ItemId::Partners), false);
    let me = phone(&r);

    // A wrong token, and any other path: 404, as if nothing were there.
    let wrong = format!("{}x", r.server.path());
    assert_eq!(request(r.addr, "GET", &wrong, "", b"").status, 404);
    let body = form(&[
        ("item", "partners"),
        ("level", "3"),
        ("member", "佐藤 美咲"),
    ]);
    assert_eq!(request(r.addr, "POST", "/v/guess", "", &body).status, 404);
    for path in ["/", "/etc/passwd", "/v/../Cargo.toml", "/favicon.ico"] {
        assert_eq!(request(r.addr, "GET", path, "", b"").status, 404, "{path}");
    }
    // A body over 4 KiB.
    let huge = vec![b'a'; 1024 * 1024];
    let reply = request(r.addr, "POST", r.server.path(), "", &huge);
    assert!(
        reply.status == 413 || reply.status == 0,
        "refused: {}",
        reply.status
    );
    // Out-of-range levels, names not in the team, items not open.
    assert_eq!(
        vote(&r, &me, "佐藤 美咲", ItemId::Partners, "9").status,
        400
    );
    assert_eq!(
        vote(&r, &me, "佐藤 美咲", ItemId::Partners, "0").status,
        400
    );
    assert_eq!(vote(&r, &me, "誰か", ItemId::Partners, "3").status, 400);
    assert_eq!(vote(&r, &me, "", ItemId::Partners, "3").status, 400);
    assert_eq!(vote(&r, &me, "佐藤 美咲", ItemId::Users, "3").status, 400);
    // Markup in a name is text, never markup, on the page that says it was refused.
    let reply = vote(&r, &me, "<script>alert(1)</script>", ItemId::Partners, "3");
    assert!(!reply.body.contains("<script>alert"));
    assert_eq!(r.server.status()[0].voted, 0, "nothing was recorded");

    // The same name from a second phone.
    assert_eq!(
        vote(&r, &me, "佐藤 美咲", ItemId::Partners, "3").status,
        200
    );
    let other = phone(&r);
    let reply = vote(&r, &other, "佐藤 美咲", ItemId::Partners, "1");
    assert_eq!(reply.status, 409);
    assert!(reply.body.contains("別のスマホ"), "said clearly");
    assert_eq!(r.server.status()[0].voted, 1);

    // A flood: the rate limit answers 429 and the server stays up.
    let statuses: Vec<u16> = (0..80)
        .map(|_| request(r.addr, "GET", r.server.path(), "", b"").status)
        .collect();
    assert!(statuses.contains(&429), "rate limited");
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(
        request(r.addr, "GET", r.server.path(), "", b"").status,
        200,
        "alive"
    );

    // Slow clients holding connections cannot keep others out for long: past the per-client
    // limit new connections are closed, and the held ones are cut by the header timeout.
    let held: Vec<TcpStream> = (0..20)
        .filter_map(|_| {
            let mut s = TcpStream::connect(r.addr).ok()?;
            s.write_all(b"GET ").ok()?;
            Some(s)
        })
        .collect();
    assert!(!held.is_empty());
    std::thread::sleep(Duration::from_millis(5500));
    assert_eq!(
        request(r.addr, "GET", r.server.path(), "", b"").status,
        200,
        "served again once the slow ones were cut"
    );
    drop(held);
    assert_eq!(
        r.server.status()[0].voted,
        1,
        "still only the one real vote"
    );
}

#[test]
fn anonymous_votes_keep_no_names_and_become_a_distribution() {
    let r = start(Scope::Item(ItemId::Users), true);
    let page = request(r.addr, "GET", r.server.path(), "", b"");
    assert!(
        !page.body.contains("佐藤 美咲"),
        "no names shown in anonymous mode"
    );
    let (a, b) = (phone(&r), phone(&r));
    assert_eq!(vote(&r, &a, "", ItemId::Users, "3").status, 200);
    assert_eq!(vote(&r, &b, "", ItemId::Users, "5").status, 200);
    assert_eq!(vote(&r, &b, "", ItemId::Users, "4").status, 200, "changed");
    assert_eq!(
        vote(&r, &a, "佐藤 美咲", ItemId::Users, "1").status,
        400,
        "no names"
    );
    let revealed = r.server.reveal(ItemId::Users);
    assert!(revealed.named.is_empty());
    assert_eq!(revealed.anonymous, Some(Distribution([0, 0, 1, 1, 0])));
}

#[test]
fn all_items_at_their_own_pace() {
    let r = start(Scope::AllItems, false);
    let me = phone(&r);
    for (item, level) in [(ItemId::Partners, "2"), (ItemId::JustTry, "5")] {
        assert_eq!(vote(&r, &me, "鈴木 健太", item, level).status, 200);
    }
    let revealed = r.server.reveal_all();
    assert_eq!(revealed.len(), 2);
    let page = request(
        r.addr,
        "GET",
        r.server.path(),
        &format!("kizuki_phone={me}"),
        b"",
    );
    assert!(page.body.contains("10. "), "every item on one page");
}

#[test]
fn the_headless_command_prints_the_url_first_and_saves_the_votes_when_input_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.kizuki.ron");
    kizuki::file::save(&sample_project(), &file).expect("save");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kizuki"))
        .args([
            "vote",
            file.to_str().expect("path"),
            "--team",
            "市民協働課",
            "--item",
            "4",
            "--bind",
            LOCAL,
            "--lang",
            "ja",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("kizuki vote starts");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).expect("first line");
    let url = first.trim();
    let rest = url.strip_prefix("http://").expect("an http URL");
    let (authority, path) = rest.split_once('/').expect("a path");
    let addr: SocketAddr = authority.parse().expect("the real port");
    assert_ne!(addr.port(), 0);
    let path = format!("/{path}");

    let page = request(addr, "GET", &path, "", b"");
    let me = page.cookie("kizuki_phone").expect("ballot");
    let body = form(&[
        ("item", "local-resources"),
        ("level", "5"),
        (
            "member",
            &kizuki::project::sample_project().teams[1].members[0].name,
        ),
        ("phone", &me),
    ]);
    let reply = request(addr, "POST", &path, "", &body);
    assert_eq!(reply.status, 200, "{}", reply.body);

    drop(child.stdin.take()); // Ctrl+D
    let status = child.wait().expect("exits");
    assert!(status.success());
    let saved = kizuki::file::load(&file).expect("loads");
    let team = &saved.teams[1];
    let response = &team.responses[ItemId::LocalResources];
    assert!(response.votes_revealed);
    assert_eq!(
        response.vote_of(team.members[0].id),
        Level::new(5),
        "the vote is in the file"
    );
    assert!(TcpStream::connect(addr).is_err(), "the port is free");
}
