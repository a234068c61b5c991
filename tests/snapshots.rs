//! Pictures of the window, rendered on the CPU (Mesa) and compared with the committed PNGs in
//! `tests/snapshots/`, so that a layout regression shows. `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` rewrites them after an intended change; look at the new PNGs before committing them.

mod common;

use common::{Window, builder};
use egui_kittest::kittest::{NodeT, Queryable};
use kizuki::Lang;
use kizuki::project::{Level, sample_project};
use kizuki::radar::Chart;
use kizuki::ui::radar::{Detail, radar_ui};
use std::collections::BTreeSet;

fn window(theme: egui::Theme) -> Window {
    builder(Lang::Ja).snapshots(theme).build()
}

fn window_sized(theme: egui::Theme, size: egui::Vec2) -> Window {
    builder(Lang::Ja)
        .size(size.x, size.y)
        .snapshots(theme)
        .build()
}

fn open_sample(h: &mut Window) {
    h.click("サンプルを見る");
}

#[test]
fn item_screen_in_japanese() {
    let mut h = window(egui::Theme::Light);
    open_sample(&mut h);
    h.click_first("1. パートナー");
    // At 1280×800 the votes, the score and target, 現状 and the first action fit without scrolling.
    let bottom = 800.0 - 28.0; // above the status bar
    for label in [
        "山本 直樹",
        "スコア 3",
        "目標 4",
        "現状",
        "アクションの内容 1",
    ] {
        let rect = h.get_by_label(label).rect();
        assert!(
            rect.bottom() <= bottom,
            "{label} is below the fold: {rect:?}"
        );
    }
    h.snapshot("item_screen_ja");
}

#[test]
fn item_screen_with_hidden_votes_being_typed() {
    let mut h = window(egui::Theme::Light);
    open_sample(&mut h);
    h.click_first("3. 場作り");
    h.click("投票を隠す");
    h.click("高橋 由美");
    h.snapshot("item_screen_hidden_votes_ja");
}

#[test]
fn overview_in_japanese() {
    let mut h = window(egui::Theme::Light);
    open_sample(&mut h);
    h.snapshot("overview_ja");
}

#[test]
fn overview_at_full_hd() {
    let mut h = window_sized(egui::Theme::Light, egui::vec2(1920.0, 1080.0));
    open_sample(&mut h);
    h.snapshot("overview_1920_ja");
}

#[test]
fn start_screen_dark() {
    let mut h = window(egui::Theme::Dark);
    h.snapshot("start_dark");
}

fn chart_with(series: usize) -> Chart {
    let mut project = sample_project();
    project.baseline = None;
    while project.teams.len() < series {
        let mut team = project.teams[project.teams.len() % 2].clone();
        team.id = project.next_team_id();
        team.name = format!("チーム{}", team.id);
        for (i, r) in team.responses.0.iter_mut().enumerate() {
            r.score = Level::new(((i + team.id as usize) % 5 + 1) as u8);
        }
        project.teams.push(team);
    }
    project.teams.truncate(series);
    for team in &mut project.teams {
        for r in &mut team.responses.0 {
            r.target = None;
        }
    }
    // One missing score shows how a gap is drawn.
    project.teams[0].responses.0[4].score = None;
    Chart::of_project(&project, Lang::Ja, None)
}

#[test]
fn radar_with_one_two_and_four_series_in_both_themes() {
    let mut results = egui_kittest::SnapshotResults::default();
    for series in [1, 2, 4] {
        for (theme, name) in [(egui::Theme::Light, "light"), (egui::Theme::Dark, "dark")] {
            let chart = chart_with(series);
            assert_eq!(chart.series.len(), series);
            let mut h = common::view_harness(egui::vec2(640.0, 560.0), theme, move |ui| {
                radar_ui(
                    ui,
                    &chart,
                    &BTreeSet::new(),
                    egui::vec2(620.0, 540.0),
                    Detail::Full,
                    Lang::Ja,
                );
            });
            h.run();
            h.snapshot(format!("radar_{series}_{name}"));
            results.extend_harness(&mut h);
        }
    }
    results.unwrap();
}

/// Ten teams, as a department-wide workshop has them, with realistic names.
fn ten_teams() -> kizuki::project::Project {
    let mut project = kizuki::project::large_project(10, 5, 40);
    let names = [
        "デジタル推進課",
        "市民協働課",
        "子育て支援課",
        "観光振興課",
        "環境政策課",
        "福祉総務課",
        "商工労働課",
        "都市計画課",
        "防災危機管理課",
        "教育総務課",
    ];
    for (team, name) in project.teams.iter_mut().zip(names) {
        name.clone_into(&mut team.name);
    }
    project
}

#[test]
fn overview_of_ten_teams_has_small_charts_and_a_table_that_scrolls() {
    let mut h = window(egui::Theme::Light);
    // Unsaved, so that no temporary path shows in the picture.
    h.state_mut().session.doc = Some(kizuki::session::document::Document::unsaved(ten_teams()));
    h.send(kizuki::session::Command::SelectTeam(1));
    h.send(kizuki::session::Command::Show(
        kizuki::session::Screen::Overview,
    ));
    assert!(h.is_shown("全チームの中央値"), "the median's chart");
    // One small chart per team and the median's: eleven pictures, each described for screen readers.
    let charts = h
        .query_all_by_role(egui::accesskit::Role::Image)
        .filter(|n| n.accesskit_node().label().is_some_and(|l| l.contains("1 ")))
        .count();
    assert!(charts >= 11, "{charts} charts");

    // The last team's column lies beyond the window's right edge, inside the table's own scroll
    // area; scrolling sideways brings it into view instead of the column being cut off.
    let header = |h: &Window| {
        h.query_all_by_label("教育総務課")
            .map(|n| n.rect())
            .max_by(|a, b| a.top().total_cmp(&b.top()))
            .expect("the last team's column header")
    };
    h.snapshot("overview_ten_teams_ja");
    let wheel = |h: &mut Window, at: egui::Pos2, delta: egui::Vec2| {
        h.hover_at(at);
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta,
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        // The scroll animates over a few frames.
        h.run_steps(10);
    };
    // Down the page to the table first.
    let below = header(&h);
    wheel(
        &mut h,
        egui::pos2(700.0, 400.0),
        egui::vec2(0.0, 600.0 - below.top()),
    );
    let before = header(&h);
    assert!(before.top() < 780.0, "the table is in view: {before:?}");
    assert!(before.left() > 1280.0, "starts out of view: {before:?}");
    wheel(
        &mut h,
        egui::pos2(700.0, before.center().y + 40.0),
        egui::vec2(-2000.0, 0.0),
    );
    let after = header(&h);
    assert!(
        after.right() <= 1280.0 && after.left() < before.left(),
        "scrolled into view: {after:?}"
    );
    h.snapshot("overview_ten_teams_table_ja");
}
