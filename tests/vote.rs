//! Phone voting against the real server, on 127.0.0.1 only: a vote, a change, the reveal, the
//! stop; and every hostile input the issue lists, refused with nothing recorded and the server
//! alive. A plain HTTP/1.1 client over a TCP socket, so that nothing is hidden by a library.

use kizuki::checklist::ItemId;
use kizuki::project::{Answer, Distribution, Level, sample_project};
use kizuki::vote::server::limits::Limits;
use kizuki::vote::{Event, PollConfig, Scope, ServerOptions, VoteServer};
mod common;

use common::http::{Reply, form, request, request_raw};
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

/// A server for the sample's first team. Tests run on 127.0.0.1 only, so every phone has the
/// same address: phones may share it, except where a test says otherwise (one ballot per
/// address is tested on its own, and with many addresses in `Poll`'s unit tests).
fn start(scope: Scope, anonymous: bool) -> Running {
    start_with(scope, anonymous, 100)
}

fn start_with(scope: Scope, anonymous: bool, phones_per_address: usize) -> Running {
    start_limited(scope, anonymous, phones_per_address, Limits::default())
}

fn start_limited(
    scope: Scope,
    anonymous: bool,
    phones_per_address: usize,
    limits: Limits,
) -> Running {
    let project = sample_project();
    let mut config = PollConfig::for_team(&project.teams[0], scope, anonymous);
    config.phones_per_address = phones_per_address;
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    let options = ServerOptions {
        bind: Some(LOCAL.parse().expect("addr")),
        limits,
        ..ServerOptions::default()
    };
    let server = VoteServer::start(config, options, move |e| {
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

/// Opens the page as a phone does: its id comes as a cookie.
fn phone(r: &Running) -> String {
    let page = request(r.addr, "GET", r.server.path(), "", b"");
    assert_eq!(page.status, 200);
    page.cookie("kizuki_phone").expect("a phone id")
}

/// The page as `phone` sees it.
fn page(r: &Running, phone: &str) -> Reply {
    request(
        r.addr,
        "GET",
        r.server.path(),
        &format!("kizuki_phone={phone}"),
        b"",
    )
}

/// The ballot token of `item`'s form on a page.
fn ballot_on(page: &str, item: ItemId) -> String {
    let form = format!("name=\"item\" value=\"{}\"", item.as_str());
    let after = &page[page.find(&form).expect("the item's form")..];
    let start = after.find("name=\"ballot\" value=\"").expect("a ballot") + 21;
    after[start..start + after[start..].find('"').expect("end")].to_owned()
}

/// `phone` votes as a phone does: it opens the page, then sends the form.
fn vote(r: &Running, phone: &str, member: &str, item: ItemId, level: &str) -> Reply {
    let shown = page(r, phone);
    let ballot = if shown
        .body
        .contains(&format!("name=\"item\" value=\"{}\"", item.as_str()))
    {
        ballot_on(&shown.body, item)
    } else {
        String::new()
    };
    send(r, phone, member, item, level, &ballot)
}

fn send(r: &Running, phone: &str, member: &str, item: ItemId, level: &str, ballot: &str) -> Reply {
    let mut fields = vec![
        ("item", item.as_str()),
        ("level", level),
        ("ballot", ballot),
    ];
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

/// `phone` sends a reason for its vote on `item`, as the second form on its page does.
fn say(r: &Running, phone: &str, item: ItemId, reason: &str) -> Reply {
    let shown = page(r, phone);
    let ballot = ballot_on(&shown.body, item);
    request(
        r.addr,
        "POST",
        r.server.path(),
        &format!("kizuki_phone={phone}"),
        &form(&[
            ("item", item.as_str()),
            ("ballot", &ballot),
            ("reason", reason),
        ]),
    )
}

fn voted(r: &Running) -> usize {
    r.server.standing().items[0].voted
}

#[test]
fn a_member_votes_changes_the_vote_and_the_reveal_records_it() {
    let r = start(Scope::Item(ItemId::Partners), false);
    let first = request(r.addr, "GET", r.server.path(), "", b"");
    assert!(
        first.body.contains(concat!(
            r#"<span class="ph">一緒に</span><wbr><span class="ph">取り組める</span><wbr>"#,
            r#"<span class="ph">パートナーを</span><wbr><span class="ph">探そう。</span>"#
        )),
        "phrases, each kept whole"
    );
    assert!(first.body.contains("佐藤 美咲"), "the members to pick from");
    assert!(
        first.headers.contains("default-src 'none'"),
        "{}",
        first.headers
    );
    assert!(
        !first.body.contains("http://") && !first.body.contains("https://"),
        "no external loads"
    );
    let me = first.cookie("kizuki_phone").expect("ballot");

    let reply = vote(&r, &me, "佐藤 美咲", ItemId::Partners, "2");
    assert_eq!(reply.status, 303, "{}", reply.body);
    let location = reply.location().expect("redirected");
    assert!(location.contains("done=partners"), "{location}");
    let shown = request(r.addr, "GET", &location, &format!("kizuki_phone={me}"), b"");
    assert!(
        shown.body.contains("投票しました"),
        "said after the redirect"
    );
    let reply = vote(&r, &me, "佐藤 美咲", ItemId::Partners, "4");
    assert_eq!(reply.status, 303, "changed until the reveal");
    assert_eq!(voted(&r), 1);
    assert!(matches!(
        r.events.lock().expect("events").last(),
        Some(Event::Changed(_))
    ));

    // The form still on the phone's screen when the facilitator reveals.
    let stale = ballot_on(&page(&r, &me).body, ItemId::Partners);
    let revealed = r.server.reveal(ItemId::Partners);
    assert_eq!(revealed.named.len(), 1);
    assert_eq!(
        revealed.named[0].answer,
        Answer::Level(Level::new(4).expect("level"))
    );
    let reply = send(&r, &me, "佐藤 美咲", ItemId::Partners, "1", &stale);
    assert_eq!(reply.status, 409, "closed after the reveal");
    assert!(reply.body.contains("公開済み"), "{}", reply.body);
    assert!(
        page(&r, &me).body.contains("投票が公開されました"),
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
fn ballots_the_server_did_not_issue_are_refused_with_nothing_recorded() {
    let r = start(Scope::Item(ItemId::Partners), false);
    let me = phone(&r);
    let ballot = ballot_on(&page(&r, &me).body, ItemId::Partners);
    // A made-up phone id, with a ballot of a real phone.
    let forged = "aaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbbbb";
    let reply = send(&r, forged, "佐藤 美咲", ItemId::Partners, "3", &ballot);
    assert_eq!(reply.status, 403);
    assert!(
        reply.body.contains("発行したものではありません"),
        "said clearly"
    );
    // No cookie at all: the form's field is no way in.
    let reply = request(
        r.addr,
        "POST",
        r.server.path(),
        "",
        &form(&[
            ("item", "partners"),
            ("level", "3"),
            ("member", "佐藤 美咲"),
            ("ballot", &ballot),
            ("phone", &me),
        ]),
    );
    assert_eq!(reply.status, 400, "an unknown field refuses the whole form");
    // A real phone without the form's ballot, or with a made-up one.
    for bad in ["", "zzzzzzzzzzzzzzzzzzzzzzzzzz", &ballot[1..]] {
        let reply = send(&r, &me, "佐藤 美咲", ItemId::Partners, "3", bad);
        assert_eq!(reply.status, 403, "{bad:?}");
    }
    // Claiming a name takes an issued id: the forged one took nothing.
    assert!(r.server.standing().oversight.claimed.is_empty());
    // The id and the ballot of an earlier voting round.
    let earlier = start(Scope::Item(ItemId::Partners), false);
    let old = phone(&earlier);
    let old_ballot = ballot_on(&page(&earlier, &old).body, ItemId::Partners);
    let reply = send(&r, &old, "佐藤 美咲", ItemId::Partners, "3", &old_ballot);
    assert_eq!(reply.status, 403);
    assert_eq!(voted(&r), 0, "nothing was recorded");
    assert_eq!(
        send(&r, &me, "佐藤 美咲", ItemId::Partners, "3", &ballot).status,
        303,
        "the real phone, with its own ballot"
    );
}

#[test]
fn a_ballot_for_another_item_is_refused() {
    let r = start(Scope::AllItems, false);
    let me = phone(&r);
    let shown = page(&r, &me).body;
    let for_users = ballot_on(&shown, ItemId::Users);
    let reply = send(&r, &me, "佐藤 美咲", ItemId::Partners, "3", &for_users);
    assert_eq!(reply.status, 403);
    assert_eq!(r.server.standing().items[0].voted, 0);
}

#[test]
fn anonymous_voting_stops_at_the_team_size_and_says_so() {
    let r = start(Scope::Item(ItemId::Users), true);
    let members = sample_project().teams[0].members.len();
    assert_eq!(r.server.standing().items[0].expected, members, "n / m");
    for _ in 0..members {
        let p = phone(&r);
        assert_eq!(vote(&r, &p, "", ItemId::Users, "3").status, 303);
    }
    let extra = phone(&r);
    let reply = vote(&r, &extra, "", ItemId::Users, "1");
    assert_eq!(reply.status, 409, "ballot m+1");
    assert!(
        reply.body.contains("これ以上は受け付けられません"),
        "a clear page"
    );
    assert_eq!(voted(&r), members);
}

#[test]
fn a_second_phone_at_the_same_address_is_turned_away_unless_phones_are_shared() {
    let r = start_with(Scope::Item(ItemId::Users), true, 1);
    let (a, b) = (phone(&r), phone(&r));
    assert_eq!(vote(&r, &a, "", ItemId::Users, "3").status, 303);
    let reply = vote(&r, &b, "", ItemId::Users, "5");
    assert_eq!(reply.status, 409);
    assert!(reply.body.contains("この端末"), "{}", reply.body);
    assert_eq!(voted(&r), 1);
    assert_eq!(r.server.standing().oversight.turned_away, 1);
    assert_eq!(
        vote(&r, &a, "", ItemId::Users, "4").status,
        303,
        "its own vote changes"
    );
    r.server.set_phones_per_address(2);
    assert_eq!(
        vote(&r, &b, "", ItemId::Users, "5").status,
        303,
        "shared now"
    );
    let shared = r.server.standing().oversight.shared;
    assert_eq!(
        shared.len(),
        1,
        "the facilitator sees one address with two phones"
    );
    assert_eq!(shared[0].1, 2);
}

#[test]
fn a_name_released_by_the_facilitator_is_free_and_the_phone_is_told() {
    let r = start(Scope::Item(ItemId::Partners), false);
    let (wrong, right) = (phone(&r), phone(&r));
    assert_eq!(
        vote(&r, &wrong, "佐藤 美咲", ItemId::Partners, "2").status,
        303
    );
    assert_eq!(
        vote(&r, &right, "佐藤 美咲", ItemId::Partners, "4").status,
        409,
        "taken"
    );
    let member = sample_project().teams[0].members[0].id;
    let released = r.server.release(member).expect("released");
    assert_eq!(voted(&r), 0, "its vote went with the name");
    assert!(
        page(&r, &wrong).body.contains("選択を取り消しました"),
        "told"
    );
    assert!(
        !page(&r, &wrong).body.contains("選択を取り消しました"),
        "once"
    );
    assert_eq!(
        r.server.restore(released),
        Some(0),
        "undone, every ballot back"
    );
    assert_eq!(voted(&r), 1);
    let released = r.server.release(member).expect("released again");
    assert_eq!(
        vote(&r, &right, "佐藤 美咲", ItemId::Partners, "4").status,
        303
    );
    assert_eq!(r.server.restore(released), None, "the real 佐藤 has it now");
}

#[test]
fn hostile_requests_are_refused_with_nothing_recorded_and_the_server_alive() {
    // The room's limits, in milliseconds where a test would otherwise wait seconds.
    let limits = Limits {
        burst: 100.0,
        header_timeout: Duration::from_millis(400),
        header_timeout_busy: Duration::from_millis(400),
        ..Limits::default()
    };
    let r = start_limited(Scope::Item(ItemId::Partners), false, 100, limits);
    let me = phone(&r);

    // A wrong token, and any other path, with any method: 404, as if nothing were there.
    let wrong = format!("{}x", r.server.path());
    for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
        assert_eq!(
            request(r.addr, method, &wrong, "", b"").status,
            404,
            "{method}"
        );
    }
    let body = form(&[
        ("item", "partners"),
        ("level", "3"),
        ("member", "佐藤 美咲"),
    ]);
    assert_eq!(request(r.addr, "POST", "/v/guess", "", &body).status, 404);
    for path in ["/", "/etc/passwd", "/v/../Cargo.toml", "/favicon.ico"] {
        assert_eq!(request(r.addr, "GET", path, "", b"").status, 404, "{path}");
    }
    // A body over 4 KiB is refused as soon as its length is known, not after a wait.
    let asked = std::time::Instant::now();
    let reply = request_raw(
        r.addr,
        &format!(
            "POST {} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: 1048576\r\n\r\n",
            r.server.path()
        ),
    );
    assert_eq!(reply.status, 413);
    assert!(asked.elapsed() < Duration::from_secs(2), "at once");
    // Only forms are votes.
    let plain = request_raw(
        r.addr,
        &format!(
            "POST {} HTTP/1.1\r\nHost: x\r\nCookie: kizuki_phone={me}\r\nContent-Type: text/plain\r\n\
             Content-Length: 18\r\nConnection: close\r\n\r\nitem=users&level=3",
            r.server.path()
        ),
    );
    assert_eq!(plain.status, 415);
    // A field sent twice is refused whole.
    let ballot = ballot_on(&page(&r, &me).body, ItemId::Partners);
    let twice = format!("item=partners&level=3&level=5&member=a&ballot={ballot}");
    let reply = request(
        r.addr,
        "POST",
        r.server.path(),
        &format!("kizuki_phone={me}"),
        twice.as_bytes(),
    );
    assert_eq!(reply.status, 400);
    // Out-of-range levels, names not in the team, no name, items not open.
    for level in ["9", "0", "-1", "3.5", "三"] {
        assert_eq!(
            vote(&r, &me, "佐藤 美咲", ItemId::Partners, level).status,
            400,
            "{level}"
        );
    }
    assert_eq!(vote(&r, &me, "誰か", ItemId::Partners, "3").status, 400);
    let reply = vote(&r, &me, "", ItemId::Partners, "3");
    assert_eq!(reply.status, 400);
    assert!(
        reply.body.contains("名前を選んでから"),
        "no name is no vote"
    );
    assert_eq!(
        vote(&r, &me, "佐藤 美咲", ItemId::Users, "3").status,
        403,
        "no form of that item was ever given out"
    );
    // Markup in a name is text, never markup, on the page that says it was refused.
    let reply = vote(&r, &me, "<script>alert(1)</script>", ItemId::Partners, "3");
    assert!(!reply.body.contains("<script>alert"));
    assert_eq!(voted(&r), 0, "nothing was recorded");

    // The same name from a second phone.
    assert_eq!(
        vote(&r, &me, "佐藤 美咲", ItemId::Partners, "3").status,
        303
    );
    let other = phone(&r);
    let reply = vote(&r, &other, "佐藤 美咲", ItemId::Partners, "1");
    assert_eq!(reply.status, 409);
    assert!(reply.body.contains("別のスマホ"), "said clearly");
    assert_eq!(voted(&r), 1);

    // A flood: the rate limit answers 429 and the server stays up.
    let statuses: Vec<u16> = (0..150)
        .map(|_| request(r.addr, "GET", r.server.path(), "", b"").status)
        .collect();
    assert!(statuses.contains(&429), "rate limited");
    std::thread::sleep(Duration::from_millis(300));
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
    std::thread::sleep(Duration::from_millis(900));
    assert_eq!(
        request(r.addr, "GET", r.server.path(), "", b"").status,
        200,
        "served again once the slow ones were cut"
    );
    drop(held);
    assert_eq!(voted(&r), 1, "still only the one real vote");
}

#[test]
fn a_reason_goes_with_a_vote_is_refused_without_one_and_comes_out_at_the_reveal() {
    let r = start(Scope::Item(ItemId::Users), true);
    let (a, b, c) = (phone(&r), phone(&r), phone(&r));
    let before = page(&r, &a).body;
    assert!(
        !before.contains("name=\"reason\""),
        "no reason before a vote: it belongs to one"
    );
    assert_eq!(
        say(&r, &a, ItemId::Users, "先に理由").status,
        400,
        "a reason without a vote"
    );
    assert_eq!(vote(&r, &a, "", ItemId::Users, "2").status, 303);
    let form_page = page(&r, &a).body;
    assert!(
        form_page.contains("name=\"reason\""),
        "offered after the vote"
    );
    assert!(form_page.contains("付きません"), "says it carries no name");
    let sent = say(&r, &a, ItemId::Users, "  窓口アンケートは\r\n年1回だけ  ");
    assert_eq!(sent.status, 303, "{}", sent.body);
    let shown = request(
        r.addr,
        "GET",
        &sent.location().expect("where to"),
        &format!("kizuki_phone={a}"),
        b"",
    )
    .body;
    assert!(shown.contains("理由を受け取りました"), "{shown}");
    assert!(
        shown.contains("value=\"窓口アンケートは 年1回だけ\""),
        "one line, kept and shown back to change"
    );
    // A change of level keeps the reason given with the earlier one.
    assert_eq!(vote(&r, &a, "", ItemId::Users, "3").status, 303);
    assert_eq!(vote(&r, &b, "", ItemId::Users, "4").status, 303);
    assert_eq!(
        say(&r, &b, ItemId::Users, "アプリの評価を毎月見ている").status,
        303
    );
    assert_eq!(vote(&r, &c, "", ItemId::Users, "4").status, 303);
    assert_eq!(say(&r, &c, ItemId::Users, "一度書いた").status, 303);
    assert_eq!(say(&r, &c, ItemId::Users, "").status, 303, "taken back");
    // Hostile: too long, a level and a reason at once.
    let long = "長".repeat(kizuki::project::Reason::MAX_CHARS + 1);
    let refused = say(&r, &b, ItemId::Users, &long);
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("200 文字まで"), "{}", refused.body);
    let page_b = page(&r, &b).body;
    let both = request(
        r.addr,
        "POST",
        r.server.path(),
        &format!("kizuki_phone={b}"),
        &form(&[
            ("item", ItemId::Users.as_str()),
            ("ballot", &ballot_on(&page_b, ItemId::Users)),
            ("level", "1"),
            ("reason", "x"),
        ]),
    );
    assert_eq!(both.status, 400, "one form or the other");
    let late = ballot_on(&page(&r, &a).body, ItemId::Users);
    let revealed = r.server.reveal(ItemId::Users);
    let texts: Vec<(&str, Option<u32>)> = revealed
        .reasons
        .iter()
        .map(|x| (x.text.as_str(), x.member))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("アプリの評価を毎月見ている", None),
            ("窓口アンケートは 年1回だけ", None)
        ],
        "anonymous, in the order of their words, the long one and the taken back one out"
    );
    assert_eq!(
        revealed.anonymous.map(|d| d.levels),
        Some([0, 0, 1, 2, 0]),
        "the refused requests changed no level"
    );
    let after = request(
        r.addr,
        "POST",
        r.server.path(),
        &format!("kizuki_phone={a}"),
        &form(&[
            ("item", ItemId::Users.as_str()),
            ("ballot", &late),
            ("reason", "後から"),
        ]),
    );
    assert_eq!(after.status, 409, "closed with the reveal");
}

#[test]
fn anonymous_votes_keep_no_names_and_become_a_distribution() {
    let r = start(Scope::Item(ItemId::Users), true);
    let shown = request(r.addr, "GET", r.server.path(), "", b"");
    assert!(
        !shown.body.contains("佐藤 美咲"),
        "no names shown in anonymous mode"
    );
    let (a, b) = (phone(&r), phone(&r));
    assert_eq!(vote(&r, &a, "", ItemId::Users, "3").status, 303);
    assert_eq!(vote(&r, &b, "", ItemId::Users, "5").status, 303);
    assert_eq!(vote(&r, &b, "", ItemId::Users, "4").status, 303, "changed");
    assert_eq!(
        vote(&r, &a, "佐藤 美咲", ItemId::Users, "1").status,
        400,
        "no names"
    );
    let revealed = r.server.reveal(ItemId::Users);
    assert!(revealed.named.is_empty());
    assert_eq!(
        revealed.anonymous,
        Some(Distribution {
            levels: [0, 0, 1, 1, 0],
            dont_know: 0
        })
    );
    // Two anonymous answers: each phone would know the other's from the bars, so the number only.
    let after = page(&r, &a).body;
    assert!(
        after.contains("3 票未満") || after.contains("fewer than 3"),
        "{after}"
    );
    assert!(!after.contains("class=\"bars\""), "no breakdown of two");
}

#[test]
fn all_items_at_their_own_pace_and_a_new_name_keeps_every_vote() {
    let r = start(Scope::AllItems, false);
    let me = phone(&r);
    for (item, level) in [
        (ItemId::Partners, "2"),
        (ItemId::Users, "3"),
        (ItemId::JustTry, "5"),
    ] {
        let reply = vote(&r, &me, "佐藤 美咲", item, level);
        assert_eq!(reply.status, 303);
        let location = reply.location().expect("redirect");
        assert!(
            location.ends_with(&format!("#{}", item.as_str())),
            "back to the item voted on: {location}"
        );
    }
    // The same phone chooses another name: its three votes move with it, nothing vanishes.
    let reply = vote(&r, &me, "鈴木 健太", ItemId::IdeasPlace, "4");
    assert_eq!(reply.status, 303);
    let location = reply.location().expect("redirect");
    let shown = request(r.addr, "GET", &location, &format!("kizuki_phone={me}"), b"");
    assert!(
        shown.body.contains("4 票はすべて「鈴木 健太」の票"),
        "said on the phone"
    );
    let standing = r.server.standing();
    let counted: usize = standing.items.iter().map(|s| s.voted).sum();
    assert_eq!(counted, 4, "every vote is still there");
    let revealed = r.server.reveal_all();
    let suzuki = sample_project().teams[0].members[1].id;
    assert_eq!(revealed.len(), 4);
    assert!(
        revealed
            .iter()
            .all(|r| r.named.len() == 1 && r.named[0].member == suzuki)
    );
    assert!(
        page(&r, &me).body.contains("10. "),
        "every item on one page"
    );
}

#[test]
fn voting_starts_again_on_the_same_port_right_after_a_stop() {
    let r = start(Scope::Item(ItemId::Partners), false);
    let me = phone(&r);
    assert_eq!(
        vote(&r, &me, "佐藤 美咲", ItemId::Partners, "3").status,
        303
    );
    let port = r.server.port();
    r.server.stop();
    let project = sample_project();
    let config = PollConfig::for_team(&project.teams[0], Scope::Item(ItemId::Partners), false);
    let again = VoteServer::start(
        config,
        ServerOptions {
            bind: Some(format!("127.0.0.1:{port}").parse().expect("addr")),
            ..ServerOptions::default()
        },
        |_| {},
    )
    .expect("the same port, at once (its old connections still in TIME_WAIT)");
    assert_eq!(again.port(), port);
}

#[test]
fn every_accepted_ballot_is_in_the_journal_before_the_phone_hears_of_it() {
    let dir = tempfile::tempdir().expect("dir");
    let project = sample_project();
    let team = &project.teams[0];
    let journal = kizuki::vote::journal::Journal::create(
        dir.path(),
        kizuki::vote::journal::Header {
            project: Some(dir.path().join("w.kizuki.ron")),
            title: project.meta.title.clone(),
            team: team.id,
            team_name: team.name.clone(),
            anonymous: false,
            opened: "2026-11-26T10:00:00+09:00".into(),
        },
    )
    .expect("journal");
    let config = PollConfig::for_team(team, Scope::AllItems, false);
    let server = VoteServer::start(
        config,
        ServerOptions {
            bind: Some(LOCAL.parse().expect("addr")),
            journal: Some(journal),
            ..ServerOptions::default()
        },
        |_| {},
    )
    .expect("starts");
    let r = Running {
        addr: format!("127.0.0.1:{}", server.port())
            .parse()
            .expect("addr"),
        server,
        events: Arc::default(),
    };
    let me = phone(&r);
    assert_eq!(vote(&r, &me, "佐藤 美咲", ItemId::Users, "4").status, 303);
    // The answer came: the ballot is on disk already (read while the server still runs, as
    // after a kill -9; the lock only keeps other Kizukis from offering it meanwhile).
    let path = r.server.journal().expect("a journal");
    let text = std::fs::read_to_string(&path).expect("journal");
    assert!(
        text.contains("users") && text.contains("answer:4"),
        "{text}"
    );
    drop(r);
    let found = kizuki::vote::journal::scan(dir.path());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].ballots(), 1);
}

/// `kizuki vote` on `file` for the second team's item 4, with the address it listens on and its
/// page's path (read from the first line it prints). Its data folder (where ballots are
/// journaled) is beside the file.
fn headless(file: &std::path::Path) -> (std::process::Child, SocketAddr, String) {
    let data = file.parent().expect("a folder").join("data");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kizuki"))
        .env("KIZUKI_DATA_DIR", &data)
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
    // Keep reading what it prints, so that it never blocks on a full pipe.
    std::thread::Builder::new()
        .name("vote-stdout".into())
        .spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()))
        .expect("reader");
    (child, addr, format!("/{path}"))
}

/// A phone opens the page and votes 5 as the second team's first member.
fn vote_five(addr: SocketAddr, path: &str) {
    let shown = request(addr, "GET", path, "", b"");
    let me = shown.cookie("kizuki_phone").expect("ballot");
    let ballot = ballot_on(&shown.body, ItemId::LocalResources);
    let body = form(&[
        ("item", "local-resources"),
        ("level", "5"),
        ("ballot", &ballot),
        (
            "member",
            &kizuki::project::sample_project().teams[1].members[0].name,
        ),
    ]);
    let reply = request(addr, "POST", path, &format!("kizuki_phone={me}"), &body);
    assert_eq!(reply.status, 303, "{}", reply.body);
}

#[test]
fn the_headless_command_prints_the_url_first_and_saves_the_votes_when_input_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.kizuki.ron");
    kizuki::file::save(&sample_project(), &file).expect("save");
    let (mut child, addr, path) = headless(&file);
    vote_five(addr, &path);

    drop(child.stdin.take()); // Ctrl+D
    let status = child.wait().expect("exits");
    assert!(status.success());
    let saved = kizuki::file::load(&file).expect("loads");
    let team = &saved.teams[1];
    let response = &team.responses[ItemId::LocalResources];
    assert!(response.votes_revealed);
    assert_eq!(
        response.vote_of(team.members[0].id),
        Level::new(5).map(Answer::Level),
        "the vote is in the file"
    );
    assert!(TcpStream::connect(addr).is_err(), "the port is free");
}

#[test]
fn a_file_that_cannot_be_read_again_is_not_overwritten_and_the_votes_are_kept_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.kizuki.ron");
    kizuki::file::save(&sample_project(), &file).expect("save");
    let (mut child, addr, path) = headless(&file);
    vote_five(addr, &path);
    // Meanwhile something else wrote the file, and it no longer reads as a project.
    let other = "（別のプログラムが書いた内容）";
    std::fs::write(&file, other).expect("write");

    drop(child.stdin.take());
    let output = child.wait_with_output().expect("exits");
    assert!(!output.status.success(), "a vote not saved is a failure");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        other,
        "nothing written over the file"
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".votes-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let aside = kizuki::file::load(&kept[0]).expect("the kept votes load");
    let team = &aside.teams[1];
    assert_eq!(
        team.responses[ItemId::LocalResources].vote_of(team.members[0].id),
        Level::new(5).map(Answer::Level)
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(&*kept[0].to_string_lossy()) && said.contains("kizuki merge"),
        "the message says where the votes are and how to combine them: {said}"
    );
}

#[cfg(unix)]
#[expect(
    unsafe_code,
    reason = "kill(2) has no safe wrapper in std; a machine without procps has no kill command"
)]
fn signal(child: &std::process::Child, name: &str) {
    let number = match name {
        "TERM" => libc::SIGTERM,
        "HUP" => libc::SIGHUP,
        _ => libc::SIGKILL,
    };
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: kill(2) only sends a signal to the process the test started and still holds.
    let sent = unsafe { libc::kill(pid, number) };
    assert_eq!(sent, 0, "the signal was sent");
}

#[test]
#[cfg(unix)]
fn sigterm_and_sighup_end_the_vote_with_a_save() {
    for name in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("w.kizuki.ron");
        kizuki::file::save(&sample_project(), &file).expect("save");
        let (mut child, addr, path) = headless(&file);
        vote_five(addr, &path);
        signal(&child, name);
        let status = child.wait().expect("exits");
        assert!(status.success(), "{name}: {status}");
        let saved = kizuki::file::load(&file).expect("loads");
        let team = &saved.teams[1];
        assert_eq!(
            team.responses[ItemId::LocalResources].vote_of(team.members[0].id),
            Level::new(5).map(Answer::Level),
            "{name}: the vote is in the file"
        );
    }
}

#[test]
#[cfg(unix)]
fn after_kill_9_the_next_start_records_the_journaled_votes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.kizuki.ron");
    kizuki::file::save(&sample_project(), &file).expect("save");
    let (mut child, addr, path) = headless(&file);
    vote_five(addr, &path);
    signal(&child, "KILL");
    let _ = child.wait();
    let before = kizuki::file::load(&file).expect("loads");
    let team = &before.teams[1];
    assert_ne!(
        team.responses[ItemId::LocalResources].vote_of(team.members[0].id),
        Level::new(5).map(Answer::Level),
        "nothing was saved by a killed process"
    );
    // The next `kizuki vote` on the file finds the journal and records its votes first.
    let (mut again, _, _) = headless(&file);
    drop(again.stdin.take());
    let output = again.wait_with_output().expect("exits");
    assert!(output.status.success());
    let saved = kizuki::file::load(&file).expect("loads");
    let team = &saved.teams[1];
    assert_eq!(
        team.responses[ItemId::LocalResources].vote_of(team.members[0].id),
        Level::new(5).map(Answer::Level),
        "the journaled vote is in the file"
    );
    let journals = kizuki::vote::journal::scan(&dir.path().join("data").join("votes"));
    assert!(
        journals.is_empty(),
        "recorded once, then the journal is gone"
    );
}
