//! Phone voting from the window: the QR panel, the live count, the reveal into the project as an
//! undoable edit, following the facilitator to the next item, and the stop that frees the port.
//! The server listens on 127.0.0.1 only (the harness's `vote_bind`).

mod common;

use common::http::{form, request};
use common::window;
use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::project::Level;
use kizuki::session::{Command, Screen, UICommand};
use std::net::{SocketAddr, TcpStream};

/// The address and path of the page the window shows.
fn page_of(h: &common::Window) -> (SocketAddr, String) {
    let voting = h.state().session.voting.clone().expect("voting is open");
    let url = voting.urls.first().expect("a URL").clone();
    let rest = url.strip_prefix("http://").expect("http");
    let (authority, path) = rest.split_once('/').expect("path");
    (authority.parse().expect("address"), format!("/{path}"))
}

fn vote(addr: SocketAddr, path: &str, phone: &str, member: &str, item: ItemId, level: u8) -> u16 {
    let level = level.to_string();
    let body = form(&[
        ("phone", phone),
        ("member", member),
        ("item", item.as_str()),
        ("level", &level),
    ]);
    request(addr, "POST", path, "", &body).status
}

#[test]
fn phones_vote_the_window_counts_reveals_follows_and_stops() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    h.click("スマホで投票");
    h.click("この項目（3）を投票");
    assert!(h.is_shown("項目 3 をスマホで投票中"));
    assert!(h.is_shown("投票ページの QR コード"), "the QR code is drawn");
    let (addr, path) = page_of(&h);
    assert!(addr.ip().is_loopback(), "tests listen on 127.0.0.1 only");
    assert!(
        h.is_shown(&format!("http://{addr}{path}")),
        "the URL is shown"
    );

    let project = h.project();
    let team = &project.teams[0];
    let (sato, suzuki) = (&team.members[0], &team.members[1]);
    assert_eq!(
        vote(addr, &path, "phone1", &sato.name, ItemId::IdeasPlace, 4),
        200
    );
    assert_eq!(
        vote(addr, &path, "phone2", &suzuki.name, ItemId::IdeasPlace, 2),
        200
    );
    h.run();
    assert!(h.is_shown("5 人中 2 人が投票"), "counted live");
    // Nothing is in the project before the reveal.
    let before = h.project().teams[0].responses[ItemId::IdeasPlace].clone();

    h.click("投票を公開する");
    let after = h.project().teams[0].responses[ItemId::IdeasPlace].clone();
    assert_eq!(after.vote_of(sato.id), Level::new(4));
    assert_eq!(after.vote_of(suzuki.id), Level::new(2));
    assert!(after.votes_revealed);
    h.send(Command::Run(UICommand::Undo));
    assert_eq!(
        h.project().teams[0].responses[ItemId::IdeasPlace],
        before,
        "undoable"
    );
    h.send(Command::Run(UICommand::Redo));

    // 次へ: the phones follow to item 4.
    h.send(Command::Run(UICommand::NextItem));
    let page = request(addr, "GET", &path, "", b"");
    assert!(page.body.contains("4. "), "the page shows item 4");
    assert_eq!(
        vote(addr, &path, "phone1", &sato.name, ItemId::LocalResources, 5),
        200
    );
    h.run();

    // Stopping keeps the unrevealed vote, hidden, and frees the port.
    h.click("投票を終了");
    let response = h.project().teams[0].responses[ItemId::LocalResources].clone();
    assert_eq!(response.vote_of(sato.id), Level::new(5));
    assert!(h.state().session.voting.is_none());
    assert!(TcpStream::connect(addr).is_err(), "the port is free");
}

#[test]
fn closing_the_project_stops_voting() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::Partners)));
    h.send(Command::StartVoting {
        scope: kizuki::vote::Scope::AllItems,
        anonymous: true,
    });
    let (addr, _) = page_of(&h);
    assert!(h.is_shown("10 項目をスマホで投票中"));
    h.send(Command::Run(UICommand::Close));
    // The sample is unsaved: the question comes first.
    if h.state().session.pending.is_some() {
        h.send(Command::Unsaved(kizuki::session::UnsavedChoice::Discard));
    }
    assert!(h.state().session.voting.is_none());
    assert!(TcpStream::connect(addr).is_err(), "the port is free");
}

#[test]
fn a_team_without_members_is_told_to_vote_anonymously() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    h.send(Command::StartVoting {
        scope: kizuki::vote::Scope::Item(ItemId::Partners),
        anonymous: false,
    });
    assert!(h.state().session.voting.is_none());
    assert!(h.is_shown("匿名で投票してください"));
}
