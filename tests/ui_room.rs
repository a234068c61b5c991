//! Nothing surprising in front of the room: the trip-ups of a facilitator's walk, each covered.
//! The previous round's file is never overwritten by surprise, a stray digit puts no score on the
//! projector, the presenter and the projector name their teams, the header keeps every control,
//! screens open at the top, and every control means one thing.

mod common;

use common::{builder, window};
use egui_kittest::kittest::Queryable;
use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::project::Level;
use kizuki::session::{Command, Edit, PathCommand, Screen, UICommand};

#[test]
fn the_next_round_is_saved_under_a_name_of_its_own_and_a_typed_path_asks_before_replacing() {
    let mut h = window(Lang::Ja);
    let first = h.data_dir().join("秋.kizuki.ron");
    kizuki::file::save(&kizuki::project::sample_project(), &first).expect("save");
    h.send(kizuki::session::FileCommand::Open(first.clone()));
    h.send(Command::Run(UICommand::NextRound));
    h.send(Command::Run(UICommand::SaveByPath));
    let proposed = h
        .state()
        .session
        .path_entry
        .clone()
        .expect("a path to type")
        .text;
    assert_ne!(
        std::path::Path::new(&proposed),
        first,
        "round 1's name is not offered again"
    );
    assert!(
        proposed.contains("2026-11-26"),
        "the round's date: {proposed}"
    );
    // The facilitator types round 1's name anyway: asked first, and nothing is written.
    let before = std::fs::read(&first).expect("round 1");
    h.send(PathCommand::EnterText(first.display().to_string()));
    h.send(PathCommand::Submit);
    assert!(h.is_shown("同じ名前のファイルがあります"));
    h.click("置き換えない");
    assert_eq!(std::fs::read(&first).expect("round 1"), before, "untouched");
    assert!(h.state().session.replace.is_none());
    // Answered "replace": then it is written.
    h.send(PathCommand::Submit);
    h.click("置き換える");
    assert_ne!(std::fs::read(&first).expect("round 2"), before);
}

#[test]
fn while_votes_are_hidden_a_stray_digit_sets_no_score() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    let team = h.project().teams[0].clone();
    for member in &team.members {
        h.send(Command::Edit(Edit::SetVote {
            team: team.id,
            item: ItemId::IdeasPlace,
            member: member.id,
            answer: None,
        }));
    }
    h.send(Command::Edit(Edit::SetScore {
        team: team.id,
        item: ItemId::IdeasPlace,
        level: None,
    }));
    h.click("投票を隠す");
    // Every member's vote from the keyboard, then one digit too many.
    h.click(&team.members[0].name);
    for _ in &team.members {
        h.key_press(egui::Key::Num3);
    }
    h.key_press(egui::Key::Num2);
    h.run();
    let response = h.project().teams[0].responses[ItemId::IdeasPlace].clone();
    assert_eq!(response.votes.len(), team.members.len());
    assert_eq!(response.score, None, "no score before the reveal");
    assert!(
        h.is_shown("数字キーは投票用です"),
        "and the facilitator is told why"
    );
    h.click("投票を公開する");
    h.key_press(egui::Key::Num3);
    h.run();
    assert_eq!(
        h.project().teams[0].responses[ItemId::IdeasPlace].score,
        Level::new(3),
        "after the reveal, a digit sets the score"
    );
}

#[test]
fn undo_back_to_the_saved_state_clears_the_dirty_mark() {
    let mut h = window(Lang::Ja);
    let file = h.data_dir().join("w.kizuki.ron");
    kizuki::file::save(&kizuki::project::sample_project(), &file).expect("save");
    h.send(kizuki::session::FileCommand::Open(file));
    h.send(Command::Edit(Edit::RemoveTeam { team: 1 }));
    assert!(h.state().session.is_dirty());
    h.send(Command::Run(UICommand::Undo));
    assert!(!h.state().session.is_dirty(), "nothing to save any more");
}

#[test]
fn an_action_card_has_one_cross_and_the_recent_files_remove_sits_apart() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::Partners)));
    // The recent-files list: the remove button is at the far end of the row, not before the name.
    let file = h.data_dir().join("最近.kizuki.ron");
    kizuki::file::save(&kizuki::project::sample_project(), &file).expect("save");
    h.send(kizuki::session::FileCommand::Open(file));
    h.send(Command::Run(UICommand::Close));
    let name = h.get_by_label("最近.kizuki.ron").rect();
    let remove = h.get_by_label("一覧から外す 最近.kizuki.ron").rect();
    assert!(
        remove.left() > name.right() + 100.0,
        "name {name:?}, remove {remove:?}"
    );
}

#[test]
fn the_presenter_names_its_teams_and_many_teams_are_shown_one_at_a_time() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Overview));
    let session = &h.state().session;
    let project = session.project().expect("open").clone();
    let chart = kizuki::ui::presenter::room_chart(session, &project);
    assert!(chart.series.len() >= 2, "two teams: both on one chart");
    let mut many = project.clone();
    for n in 0..8 {
        let mut team = many.teams[0].clone();
        team.id = many.next_team_id();
        team.name = format!("課{n}");
        many.teams.push(team);
    }
    let chart = kizuki::ui::presenter::room_chart(session, &many);
    assert!(
        chart.series.len() <= 3,
        "ten teams: the chosen one (scores, target, previous round), not twenty lines: {}",
        chart.series.len()
    );
    // The presenter's overview: a legend the room can read, with the teams' names.
    let names: Vec<String> = project.teams.iter().map(|t| t.name.clone()).collect();
    let mut session = kizuki::session::Session::new(kizuki::session::SessionOptions {
        lang: Some(Lang::Ja),
        ..kizuki::session::SessionOptions::default()
    });
    let clock = kizuki::session::Clock::on(common::today());
    let _ = session.handle(Command::Run(UICommand::OpenSample), &clock);
    let _ = session.handle(Command::Show(Screen::Overview), &clock);
    let mut presenter = common::view_harness(egui::vec2(1280.0, 720.0), egui::Theme::Dark, {
        move |ui| kizuki::ui::presenter::presenter_ui(ui, &session)
    });
    presenter.run();
    for name in names {
        assert!(
            presenter
                .query_all_by_label_contains(&name)
                .next()
                .is_some(),
            "{name} in the legend"
        );
    }
}

#[test]
fn projector_mode_keeps_every_control_of_the_header_without_overlap() {
    let mut h = builder(Lang::Ja).size(1280.0, 800.0).build();
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Item(ItemId::IdeasPlace)));
    h.send(Command::Run(UICommand::ProjectorMode));
    let controls = ["← 前へ", "次へ →", "スマホで投票"];
    let rects: Vec<egui::Rect> = controls
        .iter()
        .map(|label| h.get_by_label(label).rect())
        .collect();
    for (i, a) in rects.iter().enumerate() {
        assert!(a.right() <= 1280.0, "{} is on screen: {a:?}", controls[i]);
        for (j, b) in rects.iter().enumerate().skip(i + 1) {
            assert!(
                !a.intersects(*b),
                "{} and {} overlap",
                controls[i],
                controls[j]
            );
        }
    }
}

#[test]
fn the_overview_opens_at_the_top_each_time() {
    let mut h = builder(Lang::Ja).size(1280.0, 800.0).build();
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Overview));
    // Scrolled down to the actions at the bottom.
    h.get_all_by_label("期限の近い順")
        .next()
        .expect("the actions' sort")
        .scroll_to_me();
    h.run();
    h.send(Command::Show(Screen::Item(ItemId::Partners)));
    h.send(Command::Show(Screen::Overview));
    let heading = h.get_by_label("まとめ").rect();
    assert!(
        heading.top() >= 0.0 && heading.bottom() < 200.0,
        "{heading:?}"
    );
}

#[test]
fn the_command_line_speaks_japanese_and_new_needs_no_title() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("n.kizuki.ron");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kizuki"))
            .args(args)
            .env("KIZUKI_DATA_DIR", dir.path())
            .output()
            .expect("runs")
    };
    let made = run(&["new", "--out", out.to_str().expect("path"), "--lang", "ja"]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let project = kizuki::file::load(&out).expect("a project");
    assert!(
        project.meta.title.contains("ワークショップ"),
        "{}",
        project.meta.title
    );
    let wrong = run(&["export", "x.kizuki.ron", "--format", "docx", "--lang", "ja"]);
    assert_eq!(wrong.status.code(), Some(2));
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("使えません") && said.contains("md"), "{said}");
    let help = run(&["--help", "--lang", "ja"]);
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("使い方:"), "{text}");
}

#[test]
fn english_at_1280_cuts_nothing_on_an_item_screen() {
    let mut h = builder(Lang::En).size(1280.0, 800.0).build();
    h.click("Open the sample");
    // Item 1 of the sample: revealed votes that differ widely, a score and a target.
    h.send(Command::Show(Screen::Item(ItemId::Partners)));
    for label in ["Score 5", "Target 5", "Next →", "Vote by phone"] {
        let rect = h.get_by_label(label).rect();
        assert!(
            rect.right() <= 1280.0,
            "{label} is cut at the edge: {rect:?}"
        );
    }
    for text in ["nearest the mean", "Views differ widely"] {
        let node = h
            .query_all_by_label_contains(text)
            .next()
            .unwrap_or_else(|| panic!("{text} shown"));
        let rect = node.rect();
        assert!(
            rect.right() <= 1280.0,
            "{text} is cut at the edge: {rect:?}"
        );
    }
}

#[test]
fn f11_opens_and_closes_the_presenter_window() {
    assert_eq!(
        UICommand::PresenterWindow.shortcut_text().as_deref(),
        Some("F11")
    );
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.key_press(egui::Key::F11);
    h.run();
    assert!(h.state().session.view.presenter, "opened");
    h.key_press(egui::Key::F11);
    h.run();
    assert!(!h.state().session.view.presenter, "closed");
}
