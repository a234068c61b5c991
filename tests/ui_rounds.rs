//! A later round in the window: indicators on item 6, the review of the previous round's actions
//! before the walk, and the layout of a report that circulates in the city hall.

mod common;

use common::window;
use egui_kittest::kittest::Queryable;
use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::project::{ActionStatus, Verdict};
use kizuki::session::{Command, Screen, UICommand};
use kizuki::session::{CompareCommand, FileCommand};

#[test]
fn an_indicator_is_written_on_item_6_with_numbers_as_people_type_them() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    h.send(Command::Show(Screen::Item(ItemId::ValueKpi)));
    h.click("指標を追加");
    h.type_into("指標 1", "オンライン予約の月間件数");
    h.type_into("単位 1", "件");
    // Full-width digits and a thousands separator, as an IME gives them.
    h.type_into("基準値 1", "１，２００");
    h.type_into("目標値 1", "3000");
    h.type_into("担当 1", "デジタル推進課");
    let kpi = h.project().teams[0].responses[ItemId::ValueKpi].kpis[0].clone();
    assert_eq!(kpi.indicator, "オンライン予約の月間件数");
    assert_eq!(kpi.unit, "件");
    assert_eq!(kpi.baseline.map(|m| m.value), Some(1200.0));
    assert_eq!(kpi.target.map(|m| m.value), Some(3000.0));
    assert_eq!(kpi.owner, "デジタル推進課");

    // Words where a number belongs are pointed out, and nothing is recorded for them.
    h.type_into("今回 1", "たくさん");
    assert!(h.is_shown("数値で入力してください"));
    let kpi = h.project().teams[0].responses[ItemId::ValueKpi].kpis[0].clone();
    assert_eq!(kpi.current, None);

    // A measurement gets its date with one click: the workshop's.
    h.click("基準値 1 測定日");
    let kpi = h.project().teams[0].responses[ItemId::ValueKpi].kpis[0].clone();
    let workshop = h.project().meta.date;
    assert!(workshop.is_some());
    assert_eq!(
        kpi.baseline.and_then(|m| m.date),
        workshop,
        "dated the day of the workshop"
    );

    // Removing it says so, with a way back.
    h.click("指標を削除 1");
    assert!(
        h.project().teams[0].responses[ItemId::ValueKpi]
            .kpis
            .is_empty()
    );
    assert!(h.is_shown("指標「オンライン予約の月間件数」を削除しました"));
    h.send(Command::Run(UICommand::Undo));
    assert_eq!(
        h.project().teams[0].responses[ItemId::ValueKpi].kpis.len(),
        1
    );
}

#[test]
fn other_items_offer_an_indicator_without_an_empty_section() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    h.send(Command::Show(Screen::Item(ItemId::Partners)));
    assert!(!h.is_shown("指標を追加"), "no section on item 1");
    h.click("＋ この項目に指標（KPI）を追加");
    assert_eq!(
        h.project().teams[0].responses[ItemId::Partners].kpis.len(),
        1
    );
    assert!(h.query_by_label("指標 1").is_some(), "its card is shown");
}

#[test]
fn the_next_round_opens_at_the_review_and_verdicts_are_recorded() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Run(UICommand::NextRound));
    assert_eq!(h.state().session.screen, Screen::Review);
    let carried = |h: &common::Window| {
        let project = h.project();
        project.teams[0]
            .carried_actions()
            .map(|(_, a)| a.clone())
            .collect::<Vec<_>>()
    };
    let total = carried(&h).len();
    assert!(total > 2, "the sample carries open actions over");
    assert!(h.is_shown(&format!("{total} 件中 0 件を確認済み")));

    h.click("完了 1");
    let first = &carried(&h)[0];
    assert_eq!(
        first.review.as_ref().map(|r| r.verdict),
        Some(Verdict::Done)
    );
    assert_eq!(first.status, ActionStatus::Done, "the status follows");
    h.type_into("振り返りのメモ 1", "3市と協定の案まで進んだ");
    assert_eq!(
        carried(&h)[0].review.as_ref().map(|r| r.note.as_str()),
        Some("3市と協定の案まで進んだ")
    );
    // A completed action's effect, as the room sees it; offered for 完了 only.
    assert!(
        h.query_by_label("効果 効果あり 2").is_none(),
        "not for an open one"
    );
    h.click("効果 少し 1");
    assert_eq!(
        carried(&h)[0].review.as_ref().and_then(|r| r.impact),
        Some(kizuki::project::Impact::Little)
    );
    // Reviewed as 継続 after all: an effect of something not done goes with the verdict.
    h.click("継続 1");
    assert_eq!(carried(&h)[0].review.as_ref().and_then(|r| r.impact), None);
    h.click("完了 1");
    // Clicking the chosen verdict again takes it back.
    h.click("中止 2");
    h.click("中止 2");
    assert_eq!(carried(&h)[1].review, None);
    assert!(h.is_shown(&format!("{total} 件中 1 件を確認済み")));

    // Then the walk: item 1, and 前へ from it returns to the review.
    h.click("項目 1 へ →");
    assert_eq!(h.state().session.screen, Screen::Item(ItemId::Partners));
    h.send(Command::Run(UICommand::PreviousItem));
    assert_eq!(h.state().session.screen, Screen::Review);
    h.send(Command::Run(UICommand::PreviousItem));
    assert_eq!(h.state().session.screen, Screen::Setup);
    h.send(Command::Run(UICommand::NextItem));
    assert_eq!(h.state().session.screen, Screen::Review);
}

#[test]
fn a_first_round_has_no_review_in_its_walk() {
    let mut h = window(Lang::Ja);
    h.click("新しいプロジェクト");
    assert!(!h.is_shown("前回の振り返り"));
    h.send(Command::Run(UICommand::NextItem));
    assert_eq!(h.state().session.screen, Screen::Item(ItemId::Partners));
}

#[test]
fn circulation_roles_are_typed_as_one_line_and_the_export_carries_the_boxes() {
    let mut h = window(Lang::Ja);
    h.click("サンプルを見る");
    h.send(Command::Show(Screen::Setup));
    h.click("庁内回覧（PDF・HTML の1ページ目）");
    // The separator typed last stays until the next role is typed.
    h.replace_text("回覧の役職", "係長、担当、");
    assert_eq!(
        h.project().meta.circulation.readers,
        vec!["係長".to_owned(), "担当".to_owned()]
    );
    h.type_into("回覧の役職", "主事");
    assert_eq!(
        h.project().meta.circulation.readers,
        vec!["係長".to_owned(), "担当".to_owned(), "主事".to_owned()]
    );
    h.type_into("作成部署", "企画部 デジタル推進課");
    h.type_into("文書番号", "光企第123号");

    h.click("PDF・HTML に回覧・決裁の欄を付ける");
    assert!(h.state().session.settings.export_circulation);
    let out = h.data_dir().join("summary.html");
    h.send(FileCommand::ExportTo(
        kizuki::export::Format::Html,
        out.clone(),
    ));
    // As a reader sees it: without the break opportunities between phrases and the spans that
    // keep a phrase on one line.
    let html = std::fs::read_to_string(&out)
        .expect("exported")
        .replace("<wbr>", "")
        .replace("<span class=\"ph\">", "")
        .replace("</span>", "");
    for text in [
        "回覧",
        "決裁",
        "主事",
        "光企第123号",
        "企画部 デジタル推進課",
    ] {
        assert!(html.contains(text), "{text} in the HTML");
    }

    // Off again: the next export has no boxes.
    h.send(Command::Run(UICommand::ExportCirculation));
    h.send(FileCommand::ExportTo(
        kizuki::export::Format::Html,
        out.clone(),
    ));
    // As a reader sees it: without the break opportunities between phrases and the spans that
    // keep a phrase on one line.
    let html = std::fs::read_to_string(&out)
        .expect("exported")
        .replace("<wbr>", "")
        .replace("<span class=\"ph\">", "")
        .replace("</span>", "");
    assert!(!html.contains("主事"), "no stamp boxes");
}

#[test]
fn files_are_compared_in_the_window_and_a_broken_one_is_listed() {
    let mut h = window(Lang::Ja);
    let folder = h.data_dir().join("files");
    std::fs::create_dir_all(&folder).expect("folder");
    let mut project = kizuki::project::sample_project();
    kizuki::file::save(&project, &folder.join("hikari.kizuki.ron")).expect("save");
    project.meta.organization = "みなみ町".into();
    kizuki::file::save(&project, &folder.join("minami.kizuki.ron")).expect("save");
    std::fs::write(folder.join("broken.kizuki.ron"), "(").expect("broken");

    // The files are read on another thread; a spinner turns meanwhile (so frames, not `run`).
    h.state_mut().send(CompareCommand::Files(vec![folder]));
    for _ in 0..500 {
        if h.state().session.comparison.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
    assert!(h.is_shown("2 ファイルの比較（チームごと）"));
    assert!(h.is_shown("broken.kizuki.ron"), "the broken file is listed");
    assert!(h.is_shown("みなみ町 / デジタル推進課"), "a row per team");

    h.send(CompareCommand::By(kizuki::compare::By::Organisation));
    assert!(h.is_shown("2 ファイルの比較（組織ごと）"));
    let rows = &h
        .state()
        .session
        .comparison
        .as_ref()
        .expect("shown")
        .comparison
        .rows;
    assert_eq!(rows.len(), 2, "one row per organisation");

    let out = h.data_dir().join("comparison.md");
    h.send(CompareCommand::ExportTo(
        kizuki::export::Format::Markdown,
        out.clone(),
    ));
    let md = std::fs::read_to_string(&out).expect("written");
    assert!(md.contains("みなみ町") && md.contains("broken.kizuki.ron"));

    h.click("比較を閉じる");
    assert!(h.state().session.comparison.is_none());
    assert!(h.is_shown("サンプルを見る"), "back at the start");
}
