//! A workshop walked through the window, as a facilitator would, driven by accessible labels.

mod common;

use common::{Window, window};
use egui_kittest::kittest::{NodeT, Queryable};
use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::project::{ActionStatus, Answer, Level};
use kizuki::session::FileCommand;
use kizuki::session::{Command, Overlay};

#[test]
fn a_whole_workshop_for_one_team_through_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("秋のワークショップ.kizuki.ron");
    let mut h = window(Lang::Ja);

    h.click("新しいプロジェクト");
    h.type_into("タイトル", "秋のワークショップ");
    h.type_into("自治体・組織", "ひかり野市");
    h.click("＋ チームを追加");
    assert_eq!(h.state().session.project().expect("project").teams.len(), 2);
    for name in ["佐藤", "鈴木"] {
        h.type_into("チーム1 新しいメンバー", name);
        h.click("チーム1 ＋ メンバーを追加");
    }
    h.click("項目 1 から始める →");

    // Hidden votes come from the keyboard: choose 佐藤, press 2; the cursor moves on to 鈴木, 4.
    h.click("佐藤");
    h.key_press(egui::Key::Num2);
    h.run();
    h.key_press(egui::Key::Num4);
    h.run();
    // Until the reveal, the room sees who voted but not what: no level buttons, no highlight.
    assert!(h.query_by_label("佐藤 投票 2").is_none());
    assert_eq!(h.get_all_by_label_contains("入力済み").count(), 2);
    assert!(h.query_by_label_contains("最小 2").is_none());
    h.click("投票を公開する");
    assert!(h.query_by_label_contains("最小 2 ／ 最大 4").is_some());
    assert!(
        h.query_by_label_contains("点数の理由を話し合いましょう")
            .is_some(),
        "a spread of 2 is flagged"
    );
    h.click("スコア 3");
    h.click("目標 4");
    h.type_into("現状", "近隣市との連携はまだない。");
    h.click("例 2");
    h.click("＋ アクションを追加");
    assert!(
        h.get_by_label("アクションの内容 1").is_focused(),
        "a new action takes the keyboard"
    );
    h.get_by_label("アクションの内容 1")
        .type_text("近隣市に声をかける");
    h.run();
    h.type_into("担当 1", "佐藤");

    h.click("まとめ（レーダーチャート）");
    assert!(
        h.query_by_label_contains("レーダーチャート: チーム1: 1 パートナー 3")
            .is_some()
    );

    h.click("ファイル");
    h.click("パスを入力して保存…");
    h.replace_text("保存先のパス", &path.display().to_string());
    h.click("保存");
    assert!(path.exists(), "saved to {}", path.display());
    assert!(!h.state().session.is_dirty());

    // Reopen in a fresh window and find the same data.
    let mut h = window(Lang::Ja);
    h.click("ファイル");
    h.click("パスを入力して開く…");
    h.replace_text("開くファイルのパス", &path.display().to_string());
    h.click("開く");
    let project = h.state().session.project().expect("reopened").clone();
    assert_eq!(project.meta.title, "秋のワークショップ");
    assert_eq!(project.meta.organization, "ひかり野市");
    let team = &project.teams[0];
    let members: Vec<&str> = team.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(members, ["佐藤", "鈴木"]);
    let r = &team.responses[ItemId::Partners];
    assert_eq!(r.score, Level::new(3));
    assert_eq!(r.target, Level::new(4));
    assert_eq!(r.vote_of(1), Level::new(2).map(Answer::Level));
    assert_eq!(r.vote_of(2), Level::new(4).map(Answer::Level));
    assert!(r.votes_revealed);
    assert_eq!(r.current_state, "近隣市との連携はまだない。");
    assert_eq!(r.examples_done, [2]);
    assert_eq!(r.actions.len(), 1);
    assert_eq!(r.actions[0].what, "近隣市に声をかける");
    assert_eq!(r.actions[0].owner, "佐藤");
    assert_eq!(r.actions[0].status, ActionStatus::Todo);
}

#[test]
fn ime_composition_lands_once_and_its_enter_adds_nothing() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    let label = "チーム1 新しいメンバー";
    h.get_by_label(label).focus();
    h.run();
    let preedit = |text: &str| {
        egui::Event::Ime(egui::ImeEvent::Preedit {
            text: text.into(),
            active_range_chars: None,
        })
    };
    h.event(preedit("さとう"));
    h.run();
    h.event(preedit("佐藤"));
    h.run();
    // The Enter that confirms the conversion arrives with the commit.
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("佐藤".into())));
    h.key_press(egui::Key::Enter);
    h.run();
    let team = &h.state().session.project().expect("project").teams[0];
    assert!(
        team.members.is_empty(),
        "the conversion's Enter must not add a member: {:?}",
        team.members
    );
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("佐藤"),
        "the committed text lands once"
    );
    // A plain Enter afterwards does add the member.
    h.get_by_label(label).focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let team = &h.state().session.project().expect("project").teams[0];
    assert_eq!(
        team.members
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["佐藤"]
    );
}

#[test]
fn undo_and_redo_through_the_window() {
    // Type, add an action, remove a team; undo three times, redo once.
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    let original = h.state().session.project().expect("p").clone();
    h.click("準備（チームとメンバー）");
    h.type_into("タイトル", "追記");
    h.click_first("1. パートナー");
    h.click("＋ アクションを追加");
    h.click("準備（チームとメンバー）");
    h.click("チームを削除 市民協働課");
    let project = |h: &Window| h.project();
    assert_eq!(project(&h).teams.len(), 1);
    assert_eq!(
        project(&h).teams[0].responses[ItemId::Partners]
            .actions
            .len(),
        3
    );

    for _ in 0..3 {
        h.click("編集");
        h.click("元に戻す");
    }
    assert_eq!(
        project(&h),
        original,
        "three undos give back the project as it was, the team whole"
    );
    h.click("編集");
    h.click("やり直す");
    let redone = project(&h);
    assert!(
        redone.meta.title.ends_with("追記"),
        "redo brings back the typing as one step"
    );
    assert_eq!(redone.teams.len(), 2);
    assert_eq!(redone.teams[0].responses[ItemId::Partners].actions.len(), 2);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click("準備（チームとメンバー）");
    h.type_into("会場", "！");
    h.click("ファイル");
    h.click("プロジェクトを閉じる");
    assert!(h.query_by_label_contains("変更を保存しますか").is_some());
    h.click("キャンセル");
    assert!(h.state().session.doc.is_some(), "cancel keeps the project");
    h.click("ファイル");
    h.click("プロジェクトを閉じる");
    h.click("保存しない");
    assert!(h.state().session.doc.is_none());
}

#[test]
fn english_ui_reads_english() {
    let mut h = window(Lang::En);
    h.click("Open the sample");
    h.click_first("1. Partners");
    assert!(
        h.query_by_label_contains("Find partners to work with.")
            .is_some()
    );
    assert!(h.query_by_label_contains("Members' votes").is_some());
}

#[test]
fn a_bad_file_is_reported_in_the_window_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.kizuki.ron");
    std::fs::write(
        &bad,
        "(format_version: 1, meta: (date: Some(\"2026-02-30\")), teams: [])",
    )
    .expect("write");
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(FileCommand::Open(bad));
    let message = h
        .state()
        .session
        .error
        .as_ref()
        .expect("a message")
        .text(Lang::Ja);
    assert!(message.contains("2026-02-30"), "{message}");
    assert!(message.contains("行"), "names the line: {message}");
    assert!(h.is_shown("2026-02-30"), "the banner shows it");
    assert!(h.state().session.doc.is_some(), "the open project stays");
}

#[test]
fn a_previous_round_is_imported_for_comparison_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spring = dir.path().join("spring.kizuki.ron");
    kizuki::file::save(&kizuki::project::sample_project(), &spring).expect("save");
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    h.click("ファイル");
    h.click("パスを入力して前回の結果を取り込む…");
    h.replace_text(
        "比較する前回のプロジェクトファイルのパス",
        &spring.display().to_string(),
    );
    h.click("取り込む");
    let baseline = h.project().baseline.clone().expect("imported");
    assert_eq!(baseline.teams.len(), 2);
    assert_eq!(baseline.teams[0].scores[0], Level::new(3));
    h.click("編集");
    h.click("元に戻す");
    assert!(
        h.state().session.project().expect("p").baseline.is_none(),
        "the import is one undo step"
    );
}

#[test]
fn the_workshop_date_is_picked_in_japanese() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    let year = h
        .project()
        .meta
        .date
        .expect("today")
        .format("%Y")
        .to_string();
    h.click("実施日 月");
    h.click("12");
    h.click("実施日 日");
    h.click("31");
    let date = h.project().meta.date.expect("a date");
    assert_eq!(date.format("%Y-%m-%d").to_string(), format!("{year}-12-31"));
    assert!(
        h.query_by_label_contains("12月31日").is_some(),
        "the long form beside it"
    );
}

#[test]
fn the_command_palette_runs_a_command_by_its_english_or_japanese_name() {
    let mut h = window(Lang::Ja);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    assert_eq!(
        h.state().session.view.overlay,
        Some(Overlay::Palette),
        "Ctrl+K opens the palette"
    );
    h.type_into("コマンドパレット", "sample");
    assert!(
        h.is_shown("サンプルを開く"),
        "the English name finds the Japanese entry"
    );
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert!(h.state().session.doc.is_some(), "Enter ran it");
    assert_eq!(
        h.state().session.view.overlay,
        None,
        "and closed the palette"
    );
    assert_eq!(h.state().session.screen, kizuki::session::Screen::Overview);

    // Ctrl+Shift+P too, and a Japanese name; ↓ chooses the next match.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    h.run();
    h.type_into("コマンドパレット", "準備");
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().session.screen, kizuki::session::Screen::Setup);
}

#[test]
fn menus_show_each_commands_shortcut_and_keys_walk_the_items() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click("ファイル");
    let save_as = h.get_by_label("名前を付けて保存…");
    let keys = save_as
        .accesskit_node()
        .data()
        .keyboard_shortcut()
        .map(str::to_owned);
    assert_eq!(
        keys.as_deref(),
        Some("Ctrl+Shift+S"),
        "Save as shows its shortcut"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    h.click_first("1. パートナー");
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(
        h.state().session.screen,
        kizuki::session::Screen::Item(ItemId::Users)
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowLeft);
    h.run();
    assert_eq!(
        h.state().session.screen,
        kizuki::session::Screen::Item(ItemId::Partners)
    );
    // While typing, Ctrl+← belongs to the text field.
    h.get_by_label("現状").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().session.screen,
        kizuki::session::Screen::Item(ItemId::Partners)
    );
}

#[test]
fn f1_lists_every_shortcut() {
    let mut h = window(Lang::En);
    h.key_press(egui::Key::F1);
    h.run();
    for (keys, what) in [
        ("Ctrl+Shift+S", "Save as…"),
        ("Ctrl+K / Ctrl+Shift+P", "Command palette…"),
    ] {
        assert!(h.is_shown(keys), "{keys}");
        assert!(h.is_shown(what), "{what}");
    }
    h.click("Close");
    assert_eq!(h.state().session.view.overlay, None);
}

#[test]
fn members_typed_one_after_another_stay_apart_and_a_pasted_list_adds_each() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    let field = "チーム1 新しいメンバー";
    h.type_into(field, "佐藤 健");
    h.key_press(egui::Key::Enter);
    h.run();
    // The keyboard stays in the new-member field: the next name goes there, not into 佐藤's.
    assert!(
        h.get_by_label(field).is_focused(),
        "focus stays for the next name"
    );
    h.get_by_label(field).type_text("鈴木 一郎");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    // A list pasted from a mail: one member per line, blank lines and stray commas ignored.
    h.get_by_label(field).focus();
    h.run();
    h.event(egui::Event::Paste(
        "高橋 由美\r\n\n田中 翔、\n山本 直樹\n".into(),
    ));
    h.run();
    let names: Vec<String> = h.project().teams[0]
        .members
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert_eq!(
        names,
        ["佐藤 健", "鈴木 一郎", "高橋 由美", "田中 翔", "山本 直樹"]
    );
}

#[test]
fn a_removed_team_can_be_brought_back_from_the_notice() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click("準備（チームとメンバー）");
    h.click("チームを削除 市民協働課");
    assert_eq!(h.project().teams.len(), 1);
    assert!(
        h.is_shown("チーム「市民協働課」を削除しました（採点 10 件・投票 40 件・アクション"),
        "says what went with it"
    );
    h.click("削除を元に戻す");
    assert_eq!(h.project().teams.len(), 2, "back, whole");
    assert_eq!(h.project(), kizuki::project::sample_project());
    assert!(
        !h.is_shown("を削除しました"),
        "the notice goes with the undo"
    );
}

#[test]
fn the_next_item_starts_at_the_top() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click_first("1. パートナー");
    let votes_top = |h: &Window| h.get_by_label("メンバーの投票").rect().top();
    let at_first = votes_top(&h);
    // Scroll the answers down to the actions, as a facilitator does while writing them.
    for _ in 0..8 {
        h.get_by_label("＋ アクションを追加").scroll_down();
        h.run();
    }
    assert!(votes_top(&h) < at_first - 100.0, "scrolled away");
    h.click("次へ →");
    assert!(
        (votes_top(&h) - at_first).abs() < 2.0,
        "item 2 starts with its votes in view: {} vs {at_first}",
        votes_top(&h)
    );
}

#[test]
fn hidden_votes_are_typed_and_level_keys_set_score_and_target() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click_first("2. 利用者との関係");
    h.click("投票を隠す");
    // ↓ chooses the first member; 5 then 1 for the first two.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Num5);
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    let votes = |h: &Window| h.project().teams[0].responses[ItemId::Users].clone();
    assert_eq!(votes(&h).vote_of(1), Level::new(5).map(Answer::Level));
    assert_eq!(votes(&h).vote_of(2), Level::new(1).map(Answer::Level));
    assert!(
        h.query_by_label("佐藤 美咲 投票 5").is_none(),
        "nothing shows the level"
    );
    // Esc lets go of the member. While the votes are hidden, a digit sets no score: the room
    // would see it before the reveal.
    let before = votes(&h).score;
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::Num4);
    h.run();
    assert_eq!(
        votes(&h).score,
        before,
        "no score while the votes are hidden"
    );
    // A revealed vote of 1 reads as a level, not as "no vote".
    h.click("投票を公開する");
    assert!(h.is_shown("1 未着手"));
    // Revealed: the digits are the team's score, Shift for the target.
    h.key_press(egui::Key::Num4);
    h.run();
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Num5);
    h.run();
    assert_eq!(votes(&h).score, Level::new(4));
    assert_eq!(votes(&h).target, Level::new(5));
}

#[test]
fn settings_go_to_the_data_folder_given() {
    let mut h = window(Lang::Ja);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    let settings = h.data_dir().join("settings.ron");
    let text = std::fs::read_to_string(&settings).expect("settings written at once");
    assert!(text.contains("zoom: 1.1"), "{text}");
}

#[test]
fn the_presenter_window_follows_the_walk_and_never_shows_private_notes() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click_first("1. パートナー");
    h.type_into("ファシリテーターのメモ", " 内緒のメモ");
    h.send(Command::Run(kizuki::session::UICommand::PresenterWindow));
    let presenter = |h: &Window, text: &str| {
        h.get_by_label("Kizuki — 発表用")
            .query_all_by_label_contains(text)
            .count()
    };
    assert_eq!(presenter(&h, "1. 一緒に取り組めるパートナーを探そう。"), 1);
    assert_eq!(
        presenter(&h, "内緒のメモ"),
        0,
        "the private note stays private"
    );
    assert_eq!(presenter(&h, "佐藤さんが近隣市との調整経験あり"), 0);
    // (The embedded presenter window may lie over the main window's buttons.)
    h.send(Command::Run(kizuki::session::UICommand::NextItem));
    assert_eq!(
        presenter(&h, "2. 利用者との関係作りをもっと考えてみよう。"),
        1,
        "it follows the facilitator"
    );
    // Votes revealed in the sample: the room sees the distribution.
    assert!(presenter(&h, "最小") > 0);
    h.send(Command::Edit(kizuki::session::Edit::RevealVotes {
        team: 1,
        item: ItemId::Users,
        revealed: false,
    }));
    assert_eq!(presenter(&h, "5 人中 5 人が投票"), 1);
    assert_eq!(presenter(&h, "最小"), 0, "hidden again: only the count");
}

#[test]
fn projector_mode_hides_what_is_not_for_the_room() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click_first("1. パートナー");
    assert!(h.query_by_label("ファシリテーターのメモ").is_some());
    // The votes 3, 3, 2, 4, 3 are split: the facilitator's cue card says so, and opens to its
    // questions.
    assert!(!h.is_shown("そう考えた場面を一つずつ"), "closed at first");
    h.click("問いかけのヒント 1");
    assert!(h.is_shown("問いかけのヒント（この画面だけに表示）"));
    assert!(h.is_shown("そう考えた場面を一つずつ"));
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.state().session.view.projector);
    assert!(h.query_by_label("ファシリテーターのメモ").is_none());
    assert!(
        !h.is_shown("問いかけのヒント"),
        "no cue card before the room"
    );
    assert!(h.is_shown("プロジェクター表示中"));
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.query_by_label("ファシリテーターのメモ").is_some());
}

#[test]
fn a_cue_card_for_an_item_everyone_rated_low_quotes_the_guidebooks_background() {
    let mut h = window(Lang::En);
    h.click("Open the sample");
    // Item 5 of the first team: 1, 1, 2, ?, 1.
    h.click_first("5. Money flow");
    h.click("Questions to ask: 1");
    assert!(h.is_shown("Everyone rated it low"));
    assert!(h.is_shown("From the guidebook's “Background”:"));
    assert!(h.is_shown("What holds it back most: people, time, or rules?"));
}

#[test]
fn the_guidebooks_framing_is_one_click_from_the_start_and_the_walk() {
    let mut h = window(Lang::Ja);
    h.click("このチェックリストについて");
    assert!(h.is_shown("付加価値を提供する事で利用者の生活行動が変わり"));
    assert!(h.is_shown("確実にイノベーションを起こすことができる"));
    assert!(
        h.is_shown("Kizuki の目安です"),
        "the scale is said to be Kizuki's"
    );
    h.click("← 戻る");
    h.click("サンプルを見る");
    h.click_first("3. 場作り");
    assert!(h.is_shown("解説ページでは"));
    assert!(h.is_shown("庁内でも異なる部署の職員同士で集まって意見交換などを開催してみましょう。"));
    h.click_first("このチェックリストについて");
    assert!(h.is_shown("想定される利用シーン"));
}

#[test]
fn the_item_timer_counts_down_against_the_agenda() {
    use kizuki::session::UICommand;
    use std::time::Duration;
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    let agenda = kizuki::project::agenda::Agenda::equal(90);
    h.send(Command::Edit(kizuki::session::Edit::SetAgenda(Some(
        agenda,
    ))));
    h.click_first("1. パートナー");
    h.send(Command::Run(UICommand::TimerStartPause));
    h.state_mut().advance_clock(Duration::from_secs(65));
    h.run();
    assert!(h.is_shown("残り 7:55（予定 9 分）"), "9 minutes less 1:05");
    assert!(h.is_shown("全体の残り 89 分"));
    // Over time: said plainly, nothing stops.
    h.state_mut().advance_clock(Duration::from_secs(535));
    h.run();
    assert!(h.is_shown("予定 9 分を 1:00 超過"));
    h.send(Command::Run(UICommand::TimerAddTime));
    assert!(h.is_shown("残り 1:00（予定 11 分）"));
}

#[test]
fn the_about_page_names_the_program_its_licences_and_the_administrators_policy() {
    let mut h = window(Lang::En);
    h.click("About this checklist");
    assert!(h.is_shown(&format!("Kizuki {}", env!("CARGO_PKG_VERSION"))));
    assert!(h.is_shown("never connects to the internet"));
    assert!(
        h.is_shown("No administrator setting is in place"),
        "what IT has set, here nothing"
    );
    // Every component's licence, as their terms require: folded, then read in the window.
    let notices = h
        .query_all_by_label_contains("Third-party licence notices (")
        .next()
        .expect("the notices' heading")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let count: usize = notices
        .split('(')
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(count > 100, "{notices}");
    assert!(!h.is_shown("Apache License 2.0"), "folded at first");
    h.click(&notices);
    assert!(
        h.is_shown("Kizuki — third-party notices"),
        "the notices' own text"
    );
}

#[test]
fn dont_know_is_an_answer_from_the_keyboard_counted_apart_from_the_levels() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    for name in ["佐藤", "鈴木", "高橋"] {
        h.type_into("チーム1 新しいメンバー", name);
        h.click("チーム1 ＋ メンバーを追加");
    }
    h.click("項目 1 から始める →");
    // 佐藤 2, 鈴木 「わからない」 (the ? key), 高橋 4.
    h.click("佐藤");
    h.key_press(egui::Key::Num2);
    h.run();
    // ? as typed: Shift and the key right of the full stop, on Japanese and US layouts alike.
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Slash);
    h.run();
    h.key_press(egui::Key::Num4);
    h.run();
    let votes = |h: &Window| h.project().teams[0].responses[ItemId::Partners].clone();
    assert_eq!(votes(&h).vote_of(2), Some(Answer::DontKnow));
    assert_eq!(h.get_all_by_label_contains("入力済み").count(), 3);
    h.click("投票を公開する");
    // The mean is of 2 and 4; the 「わからない」 is said apart, not as a level.
    assert!(h.is_shown("わからない・該当しない：1 人"));
    assert!(h.query_by_label_contains("最小 2 ／ 最大 4").is_some());
    assert!(h.query_by_label_contains("平均 3.0").is_some());
    // After the reveal the mouse can change it back to a level, and ? is a button like 1–5.
    h.click("鈴木 投票 3");
    assert_eq!(votes(&h).vote_of(2), Level::new(3).map(Answer::Level));
    h.click("鈴木 投票 わからない");
    assert_eq!(votes(&h).vote_of(2), Some(Answer::DontKnow));
    // With no member chosen (the cursor went past the last), ? is no score: it stays unset.
    h.key_press(egui::Key::Questionmark);
    h.run();
    assert_eq!(votes(&h).score, None);
}

#[test]
fn a_show_of_hands_is_counted_in_without_names_and_follows_the_anonymity_rule() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    h.click("項目 1 から始める →");
    h.click("挙手・シールで数える");
    for _ in 0..3 {
        h.click("3 試行中 を 1 増やす");
    }
    h.click("? わからない を 1 増やす");
    let item = |h: &Window| h.project().teams[0].responses[ItemId::Partners].clone();
    assert_eq!(
        item(&h).anonymous_votes,
        Some(kizuki::project::Distribution {
            levels: [0, 0, 3, 0, 0],
            dont_know: 1
        })
    );
    assert!(item(&h).votes_revealed, "the room saw the hands");
    assert!(h.is_shown("匿名の投票：4 票"));
    assert!(h.is_shown("最小 3 ／ 最大 3"));
    // Two fewer: too few to break down, said as a number.
    h.click("3 試行中 を 1 減らす");
    h.click("3 試行中 を 1 減らす");
    assert!(h.is_shown("2 票（3 票未満のため、内訳は表示しません）"));
    assert!(!h.is_shown("最小 3"));
    h.send(Command::Run(kizuki::session::UICommand::Undo));
    assert_eq!(item(&h).anonymous_votes.map(|d| d.total()), Some(3));
    // The counts are the facilitator's to type: not before the room.
    h.key_press(egui::Key::F5);
    h.run();
    assert!(!h.is_shown("挙手・シールで数える"));
    assert!(h.query_by_label("3 試行中 を 1 増やす").is_none());
}

#[test]
fn names_only_the_facilitator_sees_stay_off_the_projector() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.click_first("1. パートナー");
    assert!(
        h.query_by_label("佐藤 美咲 投票 3").is_some(),
        "the room sees each vote"
    );
    // Chosen where voting is opened; kept in the project.
    h.click("スマホで投票");
    h.click("誰が何に投票したかはファシリテーターだけに表示");
    assert_eq!(
        h.project().meta.vote_names,
        kizuki::project::VoteNames::Facilitator
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.query_by_label("佐藤 美咲 投票 3").is_some(),
        "the facilitator still does"
    );
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.state().session.view.projector);
    assert!(
        h.query_by_label("佐藤 美咲 投票 3").is_none(),
        "not before the room"
    );
    assert!(!h.is_shown("3 試行中"), "nor a member's level in words");
    assert!(h.is_shown("最小 2 ／ 最大 4"), "the counts stay");
}
