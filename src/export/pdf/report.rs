//! The summary laid out on pages: the cover with the chart, then each team's scores, answers
//! and actions.

use super::layout::{Layout, Page};
use crate::export::report::{Report, TeamReport};
use crate::fonts::Metrics;
use crate::project::ActionStatus;
use crate::style::paper;
use crate::tr;

/// Lays the report out into pages.
pub fn layout(report: &Report, regular: &Metrics, bold: &Metrics) -> Vec<Page> {
    let lang = report.lang;
    let mut l = Layout::new(regular, bold);
    l.paragraph(&report.title, 18.0, true, paper::INK, 0.0);
    l.y += 4.0;
    let mut meta: Vec<(String, String)> = report.meta.clone();
    if let Some(b) = &report.baseline_title {
        meta.push((tr!(lang, "report.baseline"), b.clone()));
    }
    let teams: Vec<&str> = report.teams.iter().map(|t| t.name.as_str()).collect();
    meta.push((tr!(lang, "report.teams"), teams.join("、")));
    for (label, value) in meta {
        l.paragraph(&format!("{label}: {value}"), 10.0, false, paper::MUTED, 0.0);
    }
    l.heading(&tr!(lang, "report.chart"), 13.0, true);
    l.chart(&report.chart, 360.0);
    for team in &report.teams {
        l.new_page();
        team_pages(&mut l, report, team);
    }
    l.pages
}

fn team_pages(l: &mut Layout, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    l.heading(&team.name, 15.0, true);
    if !team.members.is_empty() {
        l.paragraph(
            &format!(
                "{}: {}",
                tr!(lang, "report.members"),
                team.members.join("、")
            ),
            10.0,
            false,
            paper::MUTED,
            0.0,
        );
    }
    l.heading(&tr!(lang, "report.scores"), 12.0, false);
    let has_baseline = report.baseline_title.is_some();
    let header = crate::export::report::score_columns(lang, has_baseline);
    let mut widths = vec![4.0, 40.0, 14.0, 14.0, 9.0];
    if has_baseline {
        widths.push(8.0);
    }
    let level = |l: Option<crate::project::Level>, words: &Option<String>| match (l, words) {
        (Some(l), Some(w)) => format!("{} {w}", l.get()),
        _ => "–".to_owned(),
    };
    let rows: Vec<(Vec<String>, Option<crate::style::Rgb>)> = team
        .items
        .iter()
        .map(|item| {
            let mut row = vec![
                item.number.to_string(),
                item.title.clone(),
                level(item.score, &item.score_words),
                level(item.target, &item.target_words),
                item.gap
                    .map_or_else(|| "–".into(), crate::export::report::signed),
            ];
            if has_baseline {
                row.push(
                    item.change()
                        .map_or_else(|| "–".into(), crate::export::report::signed),
                );
            }
            (row, None)
        })
        .collect();
    l.table(&widths, &header, &rows, 9.0);
    if let Some(mean) = team.mean_score {
        l.paragraph(
            &format!("{}: {mean:.1}", tr!(lang, "report.mean_score")),
            10.0,
            true,
            paper::INK,
            0.0,
        );
    }

    l.heading(&tr!(lang, "report.answers"), 12.0, false);
    for item in &team.items {
        l.ensure(60.0);
        l.paragraph(
            &format!("{}. {}", item.number, item.title),
            10.5,
            true,
            paper::INK,
            0.0,
        );
        let mut any = false;
        for (key, text) in [
            ("field.current_state", &item.current_state),
            ("field.ideas", &item.ideas),
        ] {
            if !text.is_empty() {
                l.paragraph(&tr!(lang, key), 8.5, true, paper::MUTED, 10.0);
                l.paragraph(text, 9.5, false, paper::INK, 10.0);
                any = true;
            }
        }
        if let Some(note) = &item.facilitator_note {
            l.paragraph(
                &tr!(lang, "field.facilitator_note"),
                8.5,
                true,
                paper::MUTED,
                10.0,
            );
            l.paragraph(note, 9.5, false, paper::INK, 10.0);
            any = true;
        }
        if !item.examples_done.is_empty() {
            l.paragraph(
                &tr!(lang, "report.examples_done"),
                8.5,
                true,
                paper::MUTED,
                10.0,
            );
            for example in &item.examples_done {
                l.paragraph(&format!("・{example}"), 9.0, false, paper::INK, 10.0);
            }
            any = true;
        }
        if !any {
            l.paragraph(
                &tr!(lang, "report.no_answer"),
                9.0,
                false,
                paper::MUTED,
                10.0,
            );
        }
        l.y += 6.0;
    }

    l.heading(&tr!(lang, "report.actions"), 12.0, false);
    if team.actions.is_empty() {
        l.paragraph(
            &tr!(lang, "report.no_actions"),
            9.5,
            false,
            paper::MUTED,
            0.0,
        );
    }
    for status in ActionStatus::ALL.iter().copied() {
        let rows: Vec<(Vec<String>, Option<crate::style::Rgb>)> =
            Report::actions_with(team, status)
                .map(|a| {
                    let due = a.due_text(lang, "–");
                    let owner = a.owner_text("–");
                    (
                        vec![
                            format!("{}. {}", a.item_number, a.item_short_title),
                            a.what.clone(),
                            owner,
                            due,
                        ],
                        a.overdue.then_some(paper::WARN),
                    )
                })
                .collect();
        if rows.is_empty() {
            continue;
        }
        l.ensure(60.0);
        l.paragraph(
            &format!("{} ({})", status.label(lang), rows.len()),
            10.5,
            true,
            paper::INK,
            0.0,
        );
        let header = [
            tr!(lang, "report.col.item"),
            tr!(lang, "report.col.action"),
            tr!(lang, "report.col.owner"),
            tr!(lang, "report.col.due"),
        ];
        l.table(&[18.0, 50.0, 12.0, 20.0], &header, &rows, 9.0);
    }
}
