//! A workshop walked through the window, as a facilitator would, driven by accessible labels.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kizuki::Lang;
use kizuki::app::KizukiApp;
use kizuki::checklist::ItemId;
use kizuki::project::{ActionStatus, Level};

fn app(lang: Lang) -> Harness<'static, KizukiApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| KizukiApp::new(cc, Some(lang), None))
}

/// Scrolls a widget into view, as a user would, and clicks it.
fn click(h: &mut Harness<'_, KizukiApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Clicks the first of several widgets with the same name (the side panel comes first).
fn click_first(h: &mut Harness<'_, KizukiApp>, label: &str) {
    h.get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no {label}"))
        .click();
    h.run();
}

fn type_into(h: &mut Harness<'_, KizukiApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Selects all of a field's text and types over it.
fn replace_text(h: &mut Harness<'_, KizukiApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn a_whole_workshop_for_one_team_through_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("秋のワークショップ.kizuki.ron");
    let mut h = app(Lang::Ja);
    h.run();

    click(&mut h, "新しいプロジェクト");
    type_into(&mut h, "タイトル", "秋のワークショップ");
    type_into(&mut h, "自治体・組織", "ひかり野市");
    click(&mut h, "＋ チームを追加");
    assert_eq!(h.state().core.project().expect("project").teams.len(), 2);
    for name in ["佐藤", "鈴木"] {
        type_into(&mut h, "チーム1 新しいメンバー", name);
        click(&mut h, "チーム1 ＋ メンバーを追加");
    }
    click(&mut h, "項目 1 から始める →");

    click(&mut h, "佐藤 投票 2");
    click(&mut h, "鈴木 投票 4");
    // Until the reveal, the room sees who voted but not what.
    assert!(h.query_by_label_contains("最小 2").is_none());
    click(&mut h, "投票を公開する");
    assert!(h.query_by_label_contains("最小 2 ／ 最大 4").is_some());
    assert!(
        h.query_by_label_contains("見方が分かれています").is_some(),
        "a spread of 2 is flagged"
    );
    click(&mut h, "スコア 3");
    click(&mut h, "目標 4");
    type_into(&mut h, "現状", "近隣市との連携はまだない。");
    click(&mut h, "例 2");
    click(&mut h, "＋ アクションを追加");
    assert!(
        h.get_by_label("アクションの内容 1").is_focused(),
        "a new action takes the keyboard"
    );
    h.get_by_label("アクションの内容 1")
        .type_text("近隣市に声をかける");
    h.run();
    type_into(&mut h, "担当 1", "佐藤");

    click(&mut h, "まとめ（レーダーチャート）");
    assert!(
        h.query_by_label_contains("レーダーチャート: チーム1: 1 パートナー 3")
            .is_some()
    );

    click(&mut h, "ファイル");
    click(&mut h, "パスを入力して保存…");
    replace_text(&mut h, "保存先のパス", &path.display().to_string());
    click(&mut h, "保存");
    assert!(path.exists(), "saved to {}", path.display());
    assert!(!h.state().core.doc.as_ref().expect("doc").dirty);

    // Reopen in a fresh window and find the same data.
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "ファイル");
    click(&mut h, "パスを入力して開く…");
    replace_text(&mut h, "開くファイルのパス", &path.display().to_string());
    click(&mut h, "開く");
    let project = h.state().core.project().expect("reopened").clone();
    assert_eq!(project.meta.title, "秋のワークショップ");
    assert_eq!(project.meta.organization, "ひかり野市");
    let team = &project.teams[0];
    let members: Vec<&str> = team.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(members, ["佐藤", "鈴木"]);
    let r = &team.responses[ItemId::Partners];
    assert_eq!(r.score, Level::new(3));
    assert_eq!(r.target, Level::new(4));
    assert_eq!(r.vote_of(1), Level::new(2));
    assert_eq!(r.vote_of(2), Level::new(4));
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
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "新しいプロジェクト");
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
    let team = &h.state().core.project().expect("project").teams[0];
    assert!(
        team.members.is_empty(),
        "the conversion's Enter must not add a member: {:?}",
        team.members
    );
    assert_eq!(
        h.state().view.new_member_name,
        "佐藤",
        "the committed text lands once"
    );
    // A plain Enter afterwards does add the member.
    h.get_by_label(label).focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let team = &h.state().core.project().expect("project").teams[0];
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
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "サンプルを見る");
    let original = h.state().core.project().expect("p").clone();
    click(&mut h, "準備（チームとメンバー）");
    type_into(&mut h, "タイトル", "追記");
    click_first(&mut h, "1. パートナー");
    click(&mut h, "＋ アクションを追加");
    click(&mut h, "準備（チームとメンバー）");
    click(&mut h, "チームを削除 市民協働課");
    let project = |h: &Harness<'_, KizukiApp>| h.state().core.project().expect("p").clone();
    assert_eq!(project(&h).teams.len(), 1);
    assert_eq!(
        project(&h).teams[0].responses[ItemId::Partners]
            .actions
            .len(),
        3
    );

    for _ in 0..3 {
        click(&mut h, "編集");
        click(&mut h, "元に戻す");
    }
    assert_eq!(
        project(&h),
        original,
        "three undos give back the project as it was, the team whole"
    );
    click(&mut h, "編集");
    click(&mut h, "やり直す");
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
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "サンプルを見る");
    click(&mut h, "準備（チームとメンバー）");
    type_into(&mut h, "会場", "！");
    click(&mut h, "ファイル");
    click(&mut h, "プロジェクトを閉じる");
    assert!(h.query_by_label_contains("変更を保存しますか").is_some());
    click(&mut h, "キャンセル");
    assert!(h.state().core.doc.is_some(), "cancel keeps the project");
    click(&mut h, "ファイル");
    click(&mut h, "プロジェクトを閉じる");
    click(&mut h, "保存しない");
    assert!(h.state().core.doc.is_none());
}

#[test]
fn english_ui_reads_english() {
    let mut h = app(Lang::En);
    h.run();
    click(&mut h, "Open the sample");
    click_first(&mut h, "1. Partners");
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
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "サンプルを見る");
    h.state_mut().handle(
        kizuki::app::Action::OpenPath(bad),
        &egui::Context::default(),
    );
    h.run();
    let message = h.state().core.message.clone().expect("a message");
    assert!(message.error);
    assert!(message.text.contains("2026-02-30"), "{}", message.text);
    assert!(
        message.text.contains("行"),
        "names the line: {}",
        message.text
    );
    assert!(h.state().core.doc.is_some(), "the open project stays");
}

#[test]
fn a_previous_round_is_imported_for_comparison_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spring = dir.path().join("spring.kizuki.ron");
    kizuki::file::save(&kizuki::project::sample_project(), &spring).expect("save");
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "新しいプロジェクト");
    click(&mut h, "ファイル");
    click(&mut h, "パスを入力して前回の結果を取り込む…");
    replace_text(
        &mut h,
        "比較する前回のプロジェクトファイルのパス",
        &spring.display().to_string(),
    );
    click(&mut h, "取り込む");
    let baseline = h
        .state()
        .core
        .project()
        .expect("p")
        .baseline
        .clone()
        .expect("imported");
    assert_eq!(baseline.teams.len(), 2);
    assert_eq!(baseline.teams[0].scores[0], Level::new(3));
    click(&mut h, "編集");
    click(&mut h, "元に戻す");
    assert!(
        h.state().core.project().expect("p").baseline.is_none(),
        "the import is one undo step"
    );
}

#[test]
fn the_workshop_date_is_picked_in_japanese() {
    let mut h = app(Lang::Ja);
    h.run();
    click(&mut h, "新しいプロジェクト");
    let year = h
        .state()
        .core
        .project()
        .expect("p")
        .meta
        .date
        .expect("today")
        .format("%Y")
        .to_string();
    click(&mut h, "実施日 月");
    click(&mut h, "12");
    click(&mut h, "実施日 日");
    click(&mut h, "31");
    let date = h
        .state()
        .core
        .project()
        .expect("p")
        .meta
        .date
        .expect("a date");
    assert_eq!(date.format("%Y-%m-%d").to_string(), format!("{year}-12-31"));
    assert!(
        h.query_by_label_contains("年12月31日").is_some(),
        "the long form beside it"
    );
}
