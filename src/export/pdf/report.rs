//! The summary laid out on pages: a one-page summary first (the workshop's details, every team's
//! scores side by side, the radar, the main actions; with the stamp boxes when it circulates),
//! then each team's scores, indicators, review, answers and actions.

use super::layout::{BOTTOM, CONTENT_W, Element, Layout, MARGIN_X, Page};
use crate::export::report::{ActionRow, MAIN_ACTIONS, Report, Table, TeamReport, score_columns};
use crate::fonts::Metrics;
use crate::project::{ActionStatus, Circulation};
use crate::style::SMALL_MULTIPLES_FROM;
use crate::style::{Rgb, paper};
use crate::tr;
use crate::words::{format_date_long, gap_text, signed};

type Row = (Vec<String>, Option<Rgb>);

/// Lays the report out into pages.
pub fn layout(report: &Report, regular: &Metrics, bold: &Metrics) -> Vec<Page> {
    let mut l = Layout::new(regular, bold);
    summary_page(&mut l, report);
    if report.teams.len() >= SMALL_MULTIPLES_FROM {
        l.new_page();
        small_multiples(&mut l, report);
    }
    for team in &report.teams {
        l.new_page();
        team_pages(&mut l, report, team);
    }
    l.pages
}

fn summary_page(l: &mut Layout, report: &Report) {
    let lang = report.lang;
    if let Some(circulation) = &report.circulation {
        circulation_block(l, report, circulation);
    }
    let title = report.title.clone();
    l.title_level();
    l.element(Element::Heading { level: 1, title }, |l| {
        l.wrapped(&report.title, 18.0, true, paper::INK, 0.0);
    });
    l.y += 2.0;
    let by = if report.made_by.is_empty() {
        "–".to_owned()
    } else {
        report.made_by.clone()
    };
    // With the stamp boxes, 作成日 is already written beside them.
    let made = if report.circulation.is_some() {
        tr!(lang, "report.made_by", by = by)
    } else {
        tr!(
            lang,
            "report.made",
            date = format_date_long(report.made_on, lang),
            by = by
        )
    };
    l.paragraph(&made, 9.5, false, paper::MUTED, 0.0);
    let mut meta: Vec<(String, String)> = report.meta.clone();
    if let Some(b) = &report.baseline_title {
        meta.push((tr!(lang, "report.baseline"), b.clone()));
    }
    for (label, value) in meta {
        l.paragraph(&format!("{label}: {value}"), 9.5, false, paper::MUTED, 0.0);
    }
    l.heading(&tr!(lang, "report.summary"), 13.0, true);

    // Every team's scores side by side, beside the chart when there is room for both.
    let side_table = report.scores_side_by_side();
    let (widths, header) = (&side_table.widths, &side_table.header);
    let rows: Vec<Row> = side_table
        .rows
        .iter()
        .map(|r| (r.cells.clone(), None))
        .collect();
    let chart = summary_chart(report);
    let side = report.teams.len() <= 3;
    if side {
        let table_w = CONTENT_W * 0.52;
        let chart_size = CONTENT_W - table_w - 12.0;
        // The legend in two columns across the page, under both.
        let chart_h = Layout::chart_height(&chart, chart_size, 2, false);
        let table_h = l.table_height(table_w, widths, header, &rows, 8.5);
        l.ensure(chart_h.max(table_h));
        let top = l.y;
        let chart_left = MARGIN_X + table_w + 12.0;
        let legend = (MARGIN_X + 20.0, CONTENT_W - 40.0);
        l.chart_at(&chart, (chart_left, top), chart_size, legend, 2, false);
        l.table_in(MARGIN_X, table_w, widths, header, &rows, 8.5);
        l.y = l.y.max(top + chart_h);
        // The level key under the legend: across the page, it would run into a taller table.
        let key = crate::radar::levels::level_key(&chart);
        l.paragraph(&key, 8.0, false, paper::MUTED, 0.0);
    } else {
        l.chart(&chart, 260.0);
        l.table(widths, header, &rows, 8.5);
    }
    l.paragraph(
        &tr!(lang, "report.side_by_side_legend"),
        8.0,
        false,
        paper::MUTED,
        0.0,
    );

    // The actions most in need of attention: open ones, the soonest due first.
    if let Some((table, left_out)) = report.main_actions(MAIN_ACTIONS) {
        l.heading(&table.heading, 12.0, false);
        let (widths, header) = (&table.widths, &table.header);
        let all: Vec<Row> = table
            .rows
            .iter()
            .map(|r| (r.cells.clone(), r.warn.then_some(paper::WARN)))
            .collect();
        // Page 1 stays one page: as many as fit, the rest on the teams' pages.
        let room = BOTTOM - l.y - 8.5 * 1.6;
        let fitting = (1..=all.len())
            .take_while(|&n| l.table_height(CONTENT_W, widths, header, &all[..n], 8.5) <= room)
            .last()
            .unwrap_or(1);
        l.table(widths, header, &all[..fitting], 8.5);
        let more = left_out + all.len() - fitting;
        if more > 0 {
            let more = tr!(lang, "report.more_actions", count = more);
            l.paragraph(&more, 8.5, false, paper::MUTED, 0.0);
        }
    }
}

/// The chart of page 1: every team, or with many teams, their median (small charts follow).
fn summary_chart(report: &Report) -> crate::radar::Chart {
    if report.teams.len() >= SMALL_MULTIPLES_FROM {
        report.median_chart()
    } else {
        report.chart.clone()
    }
}

/// One small chart per team, all on the same scale, three to a row.
fn small_multiples(l: &mut Layout, report: &Report) {
    let lang = report.lang;
    l.heading(&tr!(lang, "report.small_multiples"), 13.0, true);
    if let Some(chart) = report.teams.first().map(|t| &t.chart) {
        let key = crate::radar::levels::level_key(chart);
        l.paragraph(&key, 8.0, false, paper::MUTED, 0.0);
    }
    let columns = 3;
    let gap = 10.0;
    let size = (CONTENT_W - gap * (columns as f32 - 1.0)) / columns as f32;
    let charts: Vec<_> = report.teams.iter().map(|t| t.chart.clone()).collect();
    for row in charts.chunks(columns) {
        let height = row
            .iter()
            .map(|c| Layout::chart_height(c, size, 1, false))
            .fold(0.0, f32::max);
        l.ensure(height);
        let top = l.y;
        for (k, chart) in row.iter().enumerate() {
            let left = MARGIN_X + k as f32 * (size + gap);
            l.chart_at(chart, (left, top), size, (left, size), 1, false);
        }
        l.y = top + height + gap;
    }
}

/// 決裁 and 回覧 boxes to stamp, at the top right; the document number and 作成日 at the left.
fn circulation_block(l: &mut Layout, report: &Report, circulation: &Circulation) {
    let lang = report.lang;
    let box_w = 44.0;
    let role_h = 13.0;
    let stamp_h = 40.0;
    let label_w = 16.0;
    let top = l.y;
    let groups = crate::export::report::stamp_groups(circulation, lang);
    let vertical = groups
        .iter()
        .all(|(name, _)| crate::export::report::stamp_label_is_vertical(name));
    let role_w = |l: &Layout, role: &str| (l.measure(false)(role) * 8.0 + 8.0).clamp(box_w, 96.0);
    let group_w = |l: &Layout, roles: &[String]| {
        roles.iter().map(|r| role_w(l, r)).sum::<f32>() + if vertical { label_w } else { 0.0 }
    };
    let total_w: f32 = groups
        .iter()
        .filter(|(_, roles)| !roles.is_empty())
        .map(|(_, roles)| group_w(l, roles) + 6.0)
        .sum();
    let boxes_top = if vertical { top } else { top + role_h };
    let mut x = MARGIN_X + CONTENT_W - total_w + 6.0;
    for (name, roles) in groups {
        if roles.is_empty() {
            continue;
        }
        if vertical {
            l.frame(x, top, label_w, role_h + stamp_h, 0.8);
            let mut y = top + 4.0;
            for c in name.chars() {
                l.text_at(x + 3.5, y, 9.0, true, paper::INK, &c.to_string());
                y += 11.0;
            }
            x += label_w;
        } else {
            let w = group_w(l, roles);
            l.frame(x, top, w, role_h, 0.8);
            let text_w = l.measure(true)(&name) * 8.0;
            l.text_at(
                x + (w - text_w).max(2.0) / 2.0,
                top + 2.0,
                8.0,
                true,
                paper::INK,
                &name,
            );
        }
        for role in roles {
            let w = role_w(l, role);
            l.frame(x, boxes_top, w, role_h, 0.8);
            l.frame(x, boxes_top + role_h, w, stamp_h, 0.8);
            let text_w = l.measure(false)(role) * 8.0;
            l.text_at(
                x + (w - text_w).max(2.0) / 2.0,
                boxes_top + 2.0,
                8.0,
                false,
                paper::INK,
                role,
            );
            x += w;
        }
        x += 6.0;
    }
    // At the left, what is filled in by hand or by Kizuki.
    let number = if circulation.document_number.trim().is_empty() {
        "＿＿＿＿＿＿＿＿".to_owned()
    } else {
        circulation.document_number.trim().to_owned()
    };
    l.text_at(
        MARGIN_X,
        top + 4.0,
        9.5,
        false,
        paper::INK,
        &format!("{}: {number}", tr!(lang, "field.document_number")),
    );
    l.text_at(
        MARGIN_X,
        top + 20.0,
        9.5,
        false,
        paper::INK,
        &format!(
            "{}: {}",
            tr!(lang, "report.made_on"),
            format_date_long(report.made_on, lang)
        ),
    );
    l.y = boxes_top + role_h + stamp_h + 10.0;
}

fn team_pages(l: &mut Layout, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    let heading = if team.scored == 0 {
        format!(
            "{}{}",
            team.name,
            lang.bracketed(&tr!(lang, "report.unscored"))
        )
    } else {
        team.name.clone()
    };
    l.heading(&heading, 15.0, true);
    if !team.members.is_empty() {
        let members = format!(
            "{}: {}",
            tr!(lang, "report.members"),
            team.members.join(lang.list_separator())
        );
        l.paragraph(&members, 10.0, false, paper::MUTED, 0.0);
    }
    scores_table(l, report, team);
    for table in report.round_tables(team) {
        document_table(l, &table);
    }
    answers(l, report, team);
    actions(l, report, team);
}

fn scores_table(l: &mut Layout, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    l.heading(&tr!(lang, "report.scores"), 12.0, false);
    let has_baseline = report.baseline_title.is_some();
    let header = score_columns(lang, has_baseline);
    let mut widths = vec![4.0, 40.0, 14.0, 14.0, 11.0];
    if has_baseline {
        widths.push(9.0);
    }
    let level = |l: Option<crate::project::Level>, words: &Option<String>| match (l, words) {
        (Some(l), Some(w)) => format!("{} {w}", l.get()),
        _ => "–".to_owned(),
    };
    let rows: Vec<Row> = team
        .items
        .iter()
        .map(|item| {
            let mut row = vec![
                item.number.to_string(),
                item.title.clone(),
                level(item.score, &item.score_words),
                level(item.target, &item.target_words),
                item.gap.map_or_else(|| "–".into(), |g| gap_text(g, lang)),
            ];
            if has_baseline {
                row.push(item.change().map_or_else(|| "–".into(), signed));
            }
            (row, None)
        })
        .collect();
    l.table(&widths, &header, &rows, 9.0);
    if let Some(mean) = team.mean_score {
        let text = format!(
            "{}: {}",
            tr!(lang, "report.mean_score"),
            crate::words::one_decimal(mean)
        );
        l.paragraph(&text, 10.0, true, paper::INK, 0.0);
    }
}

/// One of the report's tables, with its heading and note.
fn document_table(l: &mut Layout, table: &Table) {
    l.heading(&table.heading, 12.0, false);
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|r| (r.cells.clone(), r.warn.then_some(paper::WARN)))
        .collect();
    match &table.note {
        Some(note) => l.table_with_note(&table.widths, &table.header, &rows, 8.5, note),
        None => l.table(&table.widths, &table.header, &rows, 8.5),
    }
}

fn answers(l: &mut Layout, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    l.heading(&tr!(lang, "report.answers"), 12.0, false);
    for item in &team.items {
        // An item's title never stands alone at the foot of a page.
        l.ensure(10.5 * 1.6 + 8.5 * 1.6 + 9.5 * 1.6);
        let title = format!("{}. {}", item.number, item.title);
        l.paragraph(&title, 10.5, true, paper::INK, 0.0);
        let mut any = false;
        for (key, text) in [
            ("field.current_state", &item.current_state),
            ("field.ideas", &item.ideas),
        ] {
            if !text.is_empty() {
                l.label_before(&tr!(lang, key), 9.5);
                l.paragraph(text, 9.5, false, paper::INK, 10.0);
                any = true;
            }
        }
        for (key, text) in [
            ("field.facilitator_note", &item.facilitator_note),
            ("report.anonymous_votes", &item.anonymous_votes),
            ("answer.dont_know_long", &item.dont_know_text),
        ] {
            if let Some(text) = text {
                l.label_before(&tr!(lang, key), 9.5);
                l.paragraph(text, 9.5, false, paper::INK, 10.0);
                any = true;
            }
        }
        if !item.examples_done.is_empty() {
            l.label_before(&tr!(lang, "report.examples_done"), 9.0);
            for example in &item.examples_done {
                l.paragraph(
                    &format!("{}{example}", lang.bullet()),
                    9.0,
                    false,
                    paper::INK,
                    10.0,
                );
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
}

fn actions(l: &mut Layout, report: &Report, team: &TeamReport) {
    let lang = report.lang;
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
    let header = [
        tr!(lang, "report.col.item"),
        tr!(lang, "report.col.action"),
        tr!(lang, "report.col.owner"),
        tr!(lang, "report.col.due"),
    ];
    let row = |a: &ActionRow| -> Row {
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
    };
    // One set of column widths for the tables of every status, fitted to all their rows, so
    // that the columns line up from one table to the next.
    let every_row: Vec<Row> = ActionStatus::ALL
        .iter()
        .flat_map(|&status| Report::actions_with(team, status).map(row))
        .collect();
    let widths = l.column_widths(
        CONTENT_W,
        &[18.0, 50.0, 12.0, 20.0],
        &header,
        &every_row,
        9.0,
    );
    for &status in ActionStatus::ALL {
        let rows: Vec<Row> = Report::actions_with(team, status).map(row).collect();
        if rows.is_empty() {
            continue;
        }
        // The status's name comes with its table's header and first row.
        let first_row_h = l.table_height(CONTENT_W, &widths, &header, &rows[..1], 9.0);
        l.ensure(10.5 * 1.6 + first_row_h);
        let label = format!("{} ({})", status.label(lang), rows.len());
        l.paragraph(&label, 10.5, true, paper::INK, 0.0);
        l.table(&widths, &header, &rows, 9.0);
    }
    // Nothing is left hanging below the last table.
    if l.y > BOTTOM {
        l.new_page();
    }
}

/// A document of a title, a summary line, a chart and tables (a comparison of many files).
pub fn document_layout(document: &super::Document, regular: &Metrics, bold: &Metrics) -> Vec<Page> {
    let mut l = Layout::new(regular, bold);
    l.heading(document.title, 16.0, true);
    l.paragraph(document.summary, 9.5, false, paper::INK, 0.0);
    l.chart(document.chart, 300.0);
    for table in document.tables {
        document_table(&mut l, table);
    }
    l.pages
}
