//! Phone voting from the window: the QR panel, the live count, the reveal into the project as an
//! undoable edit, following the facilitator to the next item, and the stop that frees the port.
//! The server listens on 127.0.0.1 only (the harness's `vote_bind`).

mod common;

use common::http::{Phone, request};
use common::window;
use egui_kittest::kittest::{NodeT, Queryable};
use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::project::{Answer, Level};
use kizuki::session::{Command, Screen, UICommand};
use kizuki::session::{MergeCommand, VoteCommand};
use std::net::{SocketAddr, TcpStream};

/// The address and path of the page the window shows.
fn page_of(h: &common::Window) -> (SocketAddr, String) {
    let voting = h.state().session.voting.clone().expect("voting is open");
    let url = voting.urls.first().expect("a URL").clone();
    let rest = url.strip_prefix("http://").expect("http");
    let (authority, path) = rest.split_once('/').expect("path");
    (authority.parse().expect("address"), format!("/{path}"))
}

/// Opens voting from the window's menu as a facilitator does: the team's phones all come from
/// 127.0.0.1 here, so phones may share an address; the sample's item already holds votes, so
/// the question "replace them?" is answered.
fn start_voting_on_this_item(h: &mut common::Window, item: u8) {
    h.click("スマホで投票");
    h.click("1 台の端末で複数人が投票できる");
    h.click(&format!("この項目（{item}）を投票"));
    assert!(
        h.is_shown("すでに票がある項目です"),
        "asked before votes are replaced"
    );
    assert!(
        h.is_shown("投票し直した人の票は置き換わり"),
        "and told what happens"
    );
    h.click("投票を始める");
}

#[test]
fn phones_vote_the_window_counts_reveals_follows_and_stops() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    start_voting_on_this_item(&mut h, 3);
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
    let (phone1, phone2) = (Phone::open(addr, &path), Phone::open(addr, &path));
    assert_eq!(phone1.vote(&sato.name, "ideas-place", "4"), 303);
    assert_eq!(phone2.vote(&suzuki.name, "ideas-place", "2"), 303);
    h.run();
    assert!(h.is_shown("5 人中 2 人が投票"), "counted live");
    // Who has not voted yet, for the facilitator: the three others, whose phones never came.
    assert!(h.is_shown("まだ投票していない人"));
    assert_eq!(h.query_all_by_label_contains("（未接続）").count(), 3);
    let listed: Vec<u32> = h
        .state()
        .session
        .voting
        .as_ref()
        .expect("voting")
        .oversight
        .waiting
        .iter()
        .map(|w| w.member)
        .collect();
    let others: Vec<u32> = team.members[2..].iter().map(|m| m.id).collect();
    assert_eq!(listed, others, "who voted is not waited for");
    // Nothing is in the project before the reveal.
    let before = h.project().teams[0].responses[ItemId::IdeasPlace].clone();

    h.click("投票を公開する");
    let after = h.project().teams[0].responses[ItemId::IdeasPlace].clone();
    assert_eq!(after.vote_of(sato.id), Level::new(4).map(Answer::Level));
    assert_eq!(after.vote_of(suzuki.id), Level::new(2).map(Answer::Level));
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
    assert_eq!(phone1.vote(&sato.name, "local-resources", "5"), 303);
    h.run();

    // Stopping keeps the unrevealed vote, hidden, and frees the port.
    h.click("投票を終了");
    let response = h.project().teams[0].responses[ItemId::LocalResources].clone();
    assert_eq!(response.vote_of(sato.id), Level::new(5).map(Answer::Level));
    assert!(h.state().session.voting.is_none());
    assert!(TcpStream::connect(addr).is_err(), "the port is free");
}

#[test]
fn closing_the_project_stops_voting() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::Partners)));
    h.send(VoteCommand::Start {
        scope: kizuki::vote::Scope::AllItems,
        anonymous: true,
        ceiling: None,
        shared: false,
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
    h.send(VoteCommand::Start {
        scope: kizuki::vote::Scope::Item(ItemId::Partners),
        anonymous: false,
        ceiling: None,
        shared: false,
    });
    assert!(h.state().session.voting.is_none());
    assert!(h.is_shown("匿名で投票してください"));
}

#[test]
fn the_entry_grid_takes_a_teams_paper_sheets_from_the_keyboard_alone() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    let team = h.project().teams[0].id;
    for n in 1..=8 {
        h.send(Command::Edit(kizuki::session::Edit::AddMember {
            team,
            name: format!("メンバー{n}"),
        }));
    }
    h.send(Command::Run(UICommand::EntryGrid));
    assert!(h.is_shown("入力済み 0 / 80"));
    // Eight sheets, ten answers each, typed straight through: the cursor moves on by itself.
    let keys = [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
    ];
    for n in 0..80 {
        h.key_press(keys[n % 5]);
        h.run();
    }
    assert!(h.is_shown("入力済み 80 / 80"));
    let project = h.project();
    let members = &project.teams[0].members;
    let responses = &project.teams[0].responses;
    assert_eq!(
        responses[ItemId::Partners].vote_of(members[0].id),
        Level::new(1).map(Answer::Level)
    );
    assert_eq!(
        responses[ItemId::JustTry].vote_of(members[0].id),
        Level::new(5).map(Answer::Level)
    );
    assert_eq!(
        responses[ItemId::Partners].vote_of(members[1].id),
        Level::new(1).map(Answer::Level)
    );
    assert_eq!(
        responses[ItemId::JustTry].vote_of(members[7].id),
        Level::new(5).map(Answer::Level)
    );

    // A mistake: back one cell, clear it, type it again.
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    assert_eq!(
        h.project().teams[0].responses[ItemId::ConnectPolicies].vote_of(members[7].id),
        None
    );
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(
        h.project().teams[0].responses[ItemId::ConnectPolicies].vote_of(members[7].id),
        Level::new(2).map(Answer::Level)
    );
    // A box ticked 「わからない」 on the sheet: the ? key, shown as ? in the grid.
    h.key_press(egui::Key::Questionmark);
    h.run();
    assert_eq!(
        h.project().teams[0].responses[ItemId::JustTry].vote_of(members[7].id),
        Some(Answer::DontKnow)
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.is_shown("入力済み"), "closed");
}

#[test]
fn another_laptops_file_is_merged_choosing_where_they_differ_and_undone_whole() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    let mut other = h.project();
    other.teams[0].responses[ItemId::Partners].score = Level::new(5);
    let mut extra = other.teams[1].clone();
    extra.name = "観光振興課".into();
    extra.id = other.next_team_id();
    other.teams.push(extra);
    let path = h.data_dir().join("other.kizuki.ron");
    kizuki::file::save(&other, &path).expect("save");
    let before = h.project();

    h.send(MergeCommand::From(path));
    assert!(
        h.is_shown("1 件の値が異なります"),
        "the difference is listed"
    );
    let theirs = h
        .query_all_by_label_contains("結合するファイル")
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains("スコア"))
        })
        .count();
    assert_eq!(theirs, 1);
    h.get_by_label_contains("スコア 結合するファイル").click();
    h.run();
    h.click("結合する");
    let merged = h.project();
    assert_eq!(merged.teams.len(), 3, "the other laptop's team is added");
    assert_eq!(
        merged.teams[0].responses[ItemId::Partners].score,
        Level::new(5)
    );
    assert!(h.is_shown("結合しました"));
    h.send(Command::Run(UICommand::Undo));
    assert_eq!(h.project(), before, "one step back");
}

#[test]
fn a_name_taken_by_mistake_is_released_with_one_click_and_the_release_undone() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    start_voting_on_this_item(&mut h, 3);
    let (addr, path) = page_of(&h);
    let sato = h.project().teams[0].members[0].name.clone();
    let phone = Phone::open(addr, &path);
    assert_eq!(phone.vote(&sato, "ideas-place", "2"), 303);
    h.run();
    assert!(
        h.is_shown("名前を選んだ人"),
        "the facilitator sees who took which name"
    );
    h.click("解除");
    assert!(h.is_shown(&format!("「{sato}」の選択を解除しました")));
    assert!(h.is_shown("人中 0 人が投票"), "its vote went with it");
    assert!(
        phone.page().body.contains("選択を取り消しました"),
        "the phone is told"
    );
    h.click("元に戻す");
    assert!(h.is_shown("名前の解除を元に戻しました"));
    assert!(h.is_shown("人中 1 人が投票"));
    assert!(h.is_shown("まだ投票していない人"));
    // Projector mode: the room never sees who holds which name, nor who has not voted.
    h.send(Command::Run(UICommand::ProjectorMode));
    assert!(!h.is_shown("名前を選んだ人"));
    assert!(!h.is_shown("まだ投票していない人"));
}

#[test]
fn votes_an_earlier_run_never_saved_are_offered_back_and_recorded() {
    let data = tempfile::tempdir().expect("data folder");
    let file = data.path().join("w.kizuki.ron");
    let project = kizuki::project::sample_project();
    let mut cleared = project.clone();
    cleared.teams[1].responses[ItemId::JustTry].votes.clear();
    cleared.teams[1].responses[ItemId::JustTry].votes_revealed = false;
    kizuki::file::save(&cleared, &file).expect("save");
    let team = &project.teams[1];
    let member = team.members[0].id;
    // A vote whose laptop crashed before anything was saved: only its journal is left.
    {
        let journal = kizuki::vote::journal::Journal::create(
            &kizuki::session::votes_dir(data.path()),
            kizuki::vote::journal::Header {
                project: Some(file.clone()),
                title: project.meta.title.clone(),
                team: team.id,
                team_name: team.name.clone(),
                anonymous: false,
                opened: "2026-11-26T10:00:00+09:00".into(),
            },
        )
        .expect("journal");
        journal
            .record_now(vec![kizuki::vote::poll::Entry::Ballot {
                item: ItemId::JustTry,
                voter: kizuki::vote::poll::Voter::Member(member),
                answer: Answer::Level(Level::new(5).expect("level")),
                reason: Some("商店街と実証した".into()),
            }])
            .expect("journaled");
    }
    let mut h = common::builder(Lang::Ja).data_dir(data.path()).build();
    assert!(
        h.is_shown("保存されなかった票"),
        "offered on the start screen"
    );
    h.click(&format!("票を取り込む {}", project.meta.title));
    assert!(h.is_shown("前回保存されなかった 1 票を記録しました"));
    let response = h.project().teams[1].responses[ItemId::JustTry].clone();
    assert_eq!(response.vote_of(member), Level::new(5).map(Answer::Level));
    assert!(
        !response.votes_revealed,
        "hidden until the facilitator reveals"
    );
    assert_eq!(
        response.reasons,
        vec![kizuki::project::Reason {
            text: "商店街と実証した".into(),
            member: Some(member),
            released: false,
            typed: false,
        }],
        "the reason comes back with its vote, waiting for the facilitator"
    );
    let journals = kizuki::vote::journal::scan(&kizuki::session::votes_dir(data.path()));
    assert_eq!(journals.len(), 1, "kept until the votes are saved");
    h.send(Command::Run(UICommand::Save));
    let journals = kizuki::vote::journal::scan(&kizuki::session::votes_dir(data.path()));
    assert!(journals.is_empty(), "saved: the journal is gone");
    let saved = kizuki::file::load(&file).expect("loads");
    assert_eq!(
        saved.teams[1].responses[ItemId::JustTry].vote_of(member),
        Level::new(5).map(Answer::Level)
    );
}

#[test]
fn an_administrators_policy_turns_phone_voting_off_and_says_why() {
    let policy = kizuki::policy::Policy::parse("phone_voting = false", "/etc/kizuki/policy.toml");
    let mut h = common::builder(Lang::Ja).policy(policy).build();
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    let button = h.get_by_label("スマホで投票");
    assert!(
        button.accesskit_node().is_disabled(),
        "offered greyed out, not hidden"
    );
    button.hover();
    h.run();
    h.run();
    assert!(
        h.is_shown("管理者の設定でスマホ投票が使えません"),
        "the reason, and the paper sheets as the way round"
    );
    // A command that arrives anyway (a shortcut, the palette) opens no port either.
    h.send(VoteCommand::Start {
        scope: kizuki::vote::Scope::Item(ItemId::IdeasPlace),
        anonymous: true,
        ceiling: Some(3),
        shared: false,
    });
    assert!(h.state().session.voting.is_none());
    assert!(
        h.is_shown("管理者の設定でスマホ投票が使えません"),
        "said once, as a failure"
    );
}

#[test]
fn a_wifi_code_is_entered_once_remembered_on_this_pc_and_never_in_the_file() {
    let data = tempfile::tempdir().expect("data folder");
    let mut h = common::builder(Lang::Ja).data_dir(data.path()).build();
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    start_voting_on_this_item(&mut h, 3);
    h.click("Wi-Fi の QR コード（テザリング・会場の Wi-Fi）");
    h.type_into("ネットワーク名（SSID）", "会議室-PC");
    h.type_into("パスワード（なければ空欄）", "hikari;2026");
    h.click("投票の QR コードの横に表示");
    assert!(h.is_shown("Wi-Fi「会議室-PC」に接続する QR コード"));
    assert!(
        h.is_shown("② 投票ページを開く"),
        "the two codes are numbered"
    );
    // The presenter window shows both codes to the room as well.
    h.send(Command::Run(UICommand::PresenterWindow));
    let presenter = h
        .get_by_label("Kizuki — 発表用")
        .query_all_by_label_contains("Wi-Fi「会議室-PC」に接続する QR コード")
        .count();
    assert_eq!(presenter, 1);
    h.send(Command::Run(UICommand::PresenterWindow));
    // On the projector the code stays, the fields with the password go.
    h.send(Command::Run(UICommand::ProjectorMode));
    assert!(h.is_shown("Wi-Fi「会議室-PC」に接続する QR コード"));
    assert!(h.query_by_label("パスワード（なければ空欄）").is_none());
    h.send(Command::Run(UICommand::ProjectorMode));
    // Saved with the project: the file knows nothing of the network.
    let file = data.path().join("w.kizuki.ron");
    kizuki::file::save(&h.project(), &file).expect("save");
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(!text.contains("hikari;2026") && !text.contains("会議室-PC"));
    h.click("投票を終了");
    drop(h);
    // The next start on this PC remembers it.
    let mut h = common::builder(Lang::Ja).data_dir(data.path()).build();
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    start_voting_on_this_item(&mut h, 3);
    assert!(h.is_shown("Wi-Fi「会議室-PC」に接続する QR コード"));
}

#[test]
fn members_reasons_wait_for_the_facilitator_and_the_room_sees_only_what_was_released() {
    let mut h = common::builder(Lang::Ja).size(1280.0, 800.0).build();
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::MoneyFlow)));
    let pending = "「商店街の協賛金で続けているイベントはある」";
    let released = "「補助金が終わると止まる事業が、毎年のように出ている」";
    assert!(
        h.is_shown("未公開 1 件"),
        "the facilitator is told one waits"
    );
    assert!(h.is_shown(pending) && h.is_shown(released));
    assert!(
        h.is_shown("高橋 由美"),
        "the facilitator sees whose words they are"
    );
    // On the projector: the released words only, and no button to press in front of the room.
    h.send(Command::Run(UICommand::ProjectorMode));
    assert!(h.is_shown(released), "released: the room sees it");
    assert!(!h.is_shown(pending), "not released: not on the projector");
    assert!(!h.is_shown("画面に出す") && !h.is_shown("未公開"));
    h.send(Command::Run(UICommand::ProjectorMode));
    // Removed by mistake, and back with undo.
    // The one waiting (the released ones are hidden first, then removed).
    h.get_all_by_label("削除")
        .last()
        .expect("a remove button")
        .click();
    h.run();
    let reasons = |h: &common::Window| {
        h.project().teams[0].responses[ItemId::MoneyFlow]
            .reasons
            .clone()
    };
    assert_eq!(reasons(&h).len(), 2, "taken out");
    assert!(!h.is_shown(pending));
    h.send(Command::Run(UICommand::Undo));
    assert_eq!(reasons(&h).len(), 3, "undo brings it back");
    h.click("すべて画面に出す");
    assert!(reasons(&h).iter().all(|r| r.released));
    assert!(!h.is_shown("未公開"), "nothing waits");
    // A paper sheet's comment line, typed with Enter: waiting like a phone's, marked 用紙.
    h.click("用紙の理由");
    h.type_into("用紙のひとこと理由", "窓口で聞いた声を共有していない");
    h.key_press(egui::Key::Enter);
    h.run();
    let typed = reasons(&h).into_iter().last().expect("added");
    assert_eq!(typed.text, "窓口で聞いた声を共有していない");
    assert!(typed.typed && !typed.released && typed.member.is_none());
    assert!(h.is_shown("未公開 1 件"));
    // The report carries the released words in the item's 気づき, marked as a member's.
    let report = kizuki::export::render(
        &h.project(),
        kizuki::export::Format::Markdown,
        &kizuki::export::ExportOptions::new(Lang::Ja, common::today()),
    )
    .expect("renders");
    let report = String::from_utf8(report).expect("text");
    assert!(
        report
            .contains("【メンバーの声】「商店街の協賛金で続けているイベントはある」（高橋 由美）"),
        "{report}"
    );
}
