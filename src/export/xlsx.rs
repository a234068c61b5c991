//! The summary as an Excel workbook: a summary sheet with a native radar chart, the answers, the
//! actions (filterable, frozen header, real dates) and the votes.

use super::report::Report;
use crate::checklist::Answer;
use crate::radar::SeriesKind;
use crate::style::{Marker, team_marks};
use crate::tr;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartType,
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

/// Excel's code for A4 paper: city halls print on A4, and Excel's default is US Letter.
pub(crate) const A4: u8 = 9;

/// Excel's nearest marker to each of the team markers the window and the PDF draw (it has no
/// inverted triangle).
fn excel_marker(marker: Marker) -> ChartMarkerType {
    match marker {
        Marker::Circle => ChartMarkerType::Circle,
        Marker::Square => ChartMarkerType::Square,
        Marker::Triangle => ChartMarkerType::Triangle,
        Marker::Diamond => ChartMarkerType::Diamond,
        Marker::InvertedTriangle => ChartMarkerType::X,
    }
}

/// Excel's nearest dash to a team's line pattern (dash and gap in widths).
fn excel_dash(dash: Option<[f32; 2]>) -> ChartLineDashType {
    match dash {
        None => ChartLineDashType::Solid,
        Some([on, _]) if on <= 1.5 => ChartLineDashType::RoundDot,
        Some([on, _]) if on <= 3.0 => ChartLineDashType::SquareDot,
        Some([on, _]) if on <= 4.5 => ChartLineDashType::Dash,
        Some(_) => ChartLineDashType::LongDash,
    }
}

/// Excel measures column widths in characters of its default font; a Japanese character takes two.
/// (`rust_xlsxwriter`'s autofit counts it as one, so widths are set here.)
fn display_width(text: &str) -> f64 {
    use unicode_width::UnicodeWidthChar;
    text.lines()
        .map(|line| {
            line.chars()
                .map(|c| match c.width() {
                    Some(2) => 2.0,
                    Some(0) | None => 0.0,
                    // Excel's default font is a little wider than one column per Latin letter.
                    Some(_) => 1.1,
                })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// Sets each column to fit its widest cell, within `max` characters (longer text wraps).
struct Widths(Vec<f64>);

impl Widths {
    fn new() -> Widths {
        Widths(Vec::new())
    }

    fn see(&mut self, col: u16, text: &str) {
        let col = usize::from(col);
        if self.0.len() <= col {
            self.0.resize(col + 1, 4.0);
        }
        self.0[col] = self.0[col].max(display_width(text));
    }

    fn apply(&self, sheet: &mut Worksheet, max: f64) -> Result<(), XlsxError> {
        for (col, width) in self.0.iter().enumerate() {
            sheet.set_column_width(col as u16, (width + 2.0).min(max))?;
        }
        Ok(())
    }
}

fn rgb(c: [u8; 3]) -> Color {
    Color::RGB((u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]))
}

pub fn render(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let lang = report.lang;
    let mut book = Workbook::new();
    // A fixed creation time keeps the file the same for the same project.
    let created = report
        .meta_date
        .and_then(|d| ExcelDateTime::from_ymd(d.0, d.1, d.2).ok())
        .unwrap_or(ExcelDateTime::from_ymd(2000, 1, 1)?);
    book.set_properties(
        &DocProperties::new()
            .set_title(&report.title)
            .set_author("Kizuki")
            .set_creation_datetime(&created),
    );

    let header = Format::new()
        .set_bold()
        .set_background_color(rgb(crate::style::paper::BAND))
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let number = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::Top);
    // Real dates, shown as the reports write them: 和暦 with the Western year in Japanese.
    let date_format = match lang {
        // The LCID form ([$-411]) rather than the tag ([$-ja-JP]): LibreOffice reads only the
        // former, and showed the dates as serial numbers (46351).
        crate::Lang::Ja => "[$-411]ggge\"年（\"yyyy\"年）\"m\"月\"d\"日\"",
        crate::Lang::En => "d mmmm yyyy",
    };
    let date = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format(date_format)
        .set_align(FormatAlign::Top);
    let overdue_date = date
        .clone()
        .set_font_color(rgb(crate::style::paper::WARN))
        .set_bold();
    let title = Format::new().set_bold().set_font_size(16);

    // --- Summary: scores per team, and the chart.
    let summary = book.add_worksheet();
    summary.set_name(tr!(lang, "xlsx.summary"))?;
    summary.write_with_format(0, 0, &report.title, &title)?;
    let mut row = 1;
    // One cell each, so the text runs over the empty cells beside it whatever the column widths.
    for (label, value) in &report.meta {
        summary.write(row, 0, format!("{label}: {value}"))?;
        row += 1;
    }
    row += 1;
    let table_top = row;
    let mut widths = Widths::new();
    let head = [tr!(lang, "report.col.number"), tr!(lang, "report.col.item")];
    for (c, h) in head.iter().enumerate() {
        summary.write_with_format(row, c as u16, h, &header)?;
        widths.see(c as u16, h);
    }
    for (t, team) in report.teams.iter().enumerate() {
        for (k, key) in ["report.col.score", "report.col.target"].iter().enumerate() {
            let col = 2 + (t * 2 + k) as u16;
            let text = format!("{} {}", team.name, tr!(lang, key));
            summary.write_with_format(row, col, &text, &header)?;
            widths.see(col, &text);
        }
    }
    for i in 0..10u32 {
        let r = row + 1 + i;
        let Some(first) = report.teams.first() else {
            break;
        };
        let item = &first.items[i as usize];
        summary.write_with_format(r, 0, item.number as u32, &number)?;
        summary.write_with_format(r, 1, &item.short_title, &cell)?;
        widths.see(1, &item.short_title);
        for (t, team) in report.teams.iter().enumerate() {
            let item = &team.items[i as usize];
            for (k, level) in [item.score, item.target].into_iter().enumerate() {
                let col = 2 + (t * 2 + k) as u16;
                match level {
                    Some(l) => summary.write_with_format(r, col, l.get(), &number)?,
                    None => summary.write_blank(r, col, &number)?,
                };
            }
        }
    }
    widths.apply(summary, 40.0)?;
    summary
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    summary.set_freeze_panes(table_top + 1, 2)?;

    // A native radar chart of the same series as the window's (scores and targets; Excel draws
    // from the cells, so the previous round, which has no cells here, is left out).
    // Markers and dashes as well as colours: a workbook printed in black and white (most city
    // hall printers) still tells the teams, and scores from targets, apart.
    let mut chart = Chart::new(ChartType::RadarWithMarkers);
    let sheet_name = tr!(lang, "xlsx.summary");
    let first = table_top + 1;
    let last = table_top + 10;
    let mut target_index = 0;
    for series in &report.chart.series {
        let (team_index, k) = match series.kind {
            SeriesKind::Scores => (report.teams.iter().position(|t| t.name == series.name), 0),
            SeriesKind::Target => {
                target_index += 1;
                (Some(target_index - 1), 1)
            }
            SeriesKind::Baseline => continue,
        };
        let Some(team_index) = team_index else {
            continue;
        };
        let col = 2 + (team_index * 2 + k) as u16;
        let marks = team_marks(team_index);
        let mut line = ChartLine::new();
        line.set_color(rgb(series.color))
            .set_width(if k == 0 { 2.25 } else { 1.25 })
            .set_dash_type(if k == 0 {
                excel_dash(marks.dash)
            } else {
                ChartLineDashType::DashDot
            });
        // Scores: filled markers; targets: the same shape, hollow and smaller.
        let mut marker = ChartMarker::new();
        marker
            .set_type(excel_marker(marks.marker))
            .set_size(if k == 0 { 7 } else { 5 });
        let mut marker_format = ChartFormat::new();
        marker_format.set_border(ChartLine::new().set_color(rgb(series.color)));
        if k == 0 {
            marker_format.set_solid_fill(
                rust_xlsxwriter::ChartSolidFill::new().set_color(rgb(series.color)),
            );
        } else {
            marker_format.set_no_fill();
        }
        marker.set_format(&mut marker_format);
        chart
            .add_series()
            .set_name(&series.name)
            .set_categories((sheet_name.as_str(), first, 1, last, 1))
            .set_values((sheet_name.as_str(), first, col, last, col))
            .set_format(ChartFormat::new().set_line(&line))
            .set_marker(&marker);
    }
    chart.title().set_name(&tr!(lang, "report.chart"));
    chart.y_axis().set_min(0).set_max(5).set_major_unit(1);
    chart.set_width(640).set_height(520);
    summary.insert_chart(1, 4 + 2 * report.teams.len() as u16, &chart)?;

    // --- Items: the answers.
    let items = book.add_worksheet();
    items.set_name(tr!(lang, "xlsx.items"))?;
    let head = [
        tr!(lang, "overview.team"),
        tr!(lang, "report.col.number"),
        tr!(lang, "report.col.item"),
        tr!(lang, "report.col.score"),
        tr!(lang, "report.col.score_words"),
        tr!(lang, "report.col.target"),
        tr!(lang, "report.col.target_words"),
        tr!(lang, "field.current_state"),
        tr!(lang, "field.ideas"),
        tr!(lang, "report.examples_done"),
        tr!(lang, "report.col.dont_know"),
    ];
    let mut widths = Widths::new();
    for (c, h) in head.iter().enumerate() {
        items.write_with_format(0, c as u16, h, &header)?;
        widths.see(c as u16, h);
    }
    let mut r = 1;
    for team in &report.teams {
        for item in &team.items {
            let texts = [
                (0u16, team.name.clone()),
                (2, item.title.clone()),
                (4, item.score_words.clone().unwrap_or_default()),
                (6, item.target_words.clone().unwrap_or_default()),
                (7, item.current_state.clone()),
                (8, item.ideas.clone()),
                (9, item.examples_done.join("\n")),
            ];
            for (c, text) in texts {
                items.write_with_format(r, c, &text, &cell)?;
                widths.see(c, &text);
            }
            items.write_with_format(r, 1, item.number as u32, &number)?;
            items.write_with_format(r, 10, item.dont_know, &number)?;
            for (c, level) in [(3u16, item.score), (5, item.target)] {
                match level {
                    Some(l) => items.write_with_format(r, c, l.get(), &number)?,
                    None => items.write_blank(r, c, &number)?,
                };
            }
            r += 1;
        }
    }
    widths.apply(items, 50.0)?;
    items
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    items.set_freeze_panes(1, 0)?;
    items.autofilter(0, 0, r.saturating_sub(1).max(1), head.len() as u16 - 1)?;

    // --- Actions: one row each.
    let actions = book.add_worksheet();
    actions.set_name(tr!(lang, "xlsx.actions"))?;
    let head = super::report::action_columns(lang);
    let mut widths = Widths::new();
    for (c, h) in head.iter().enumerate() {
        actions.write_with_format(0, c as u16, h, &header)?;
        widths.see(c as u16, h);
    }
    widths.see(5, "令和8年（2026年）12月31日");
    let mut r = 1;
    for team in &report.teams {
        for a in &team.actions {
            let texts = [
                (0u16, team.name.clone()),
                (2, a.item_short_title.clone()),
                (3, a.what.clone()),
                (4, a.owner.clone()),
                (6, a.status.label(lang)),
                (
                    7,
                    if a.overdue {
                        tr!(lang, "report.overdue")
                    } else {
                        String::new()
                    },
                ),
            ];
            for (c, text) in texts {
                actions.write_with_format(r, c, &text, &cell)?;
                widths.see(c, &text);
            }
            actions.write_with_format(r, 1, a.item_number as u32, &number)?;
            match a.due.and_then(|d| {
                use chrono::Datelike;
                ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
            }) {
                Some(due) => actions.write_datetime_with_format(
                    r,
                    5,
                    &due,
                    if a.overdue { &overdue_date } else { &date },
                )?,
                None => actions.write_blank(r, 5, &date)?,
            };
            r += 1;
        }
    }
    widths.apply(actions, 60.0)?;
    actions
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    actions.set_freeze_panes(1, 0)?;
    actions.autofilter(0, 0, r.saturating_sub(1).max(1), head.len() as u16 - 1)?;

    // --- Indicators, the review and the effects: the same tables as the documents.
    let round_sheets = [
        (
            "xlsx.kpis",
            Report::kpi_table
                as fn(&Report, &super::report::TeamReport) -> Option<super::report::Table>,
        ),
        ("xlsx.review", Report::review_table),
        ("xlsx.effects", Report::effects_table),
    ];
    for (name, table_of) in round_sheets {
        let tables: Vec<_> = report
            .teams
            .iter()
            .filter_map(|t| table_of(report, t).map(|table| (t, table)))
            .collect();
        let Some((_, first)) = tables.first() else {
            continue;
        };
        let sheet = book.add_worksheet();
        sheet.set_name(tr!(lang, name))?;
        let mut widths = Widths::new();
        let head: Vec<String> = std::iter::once(tr!(lang, "overview.team"))
            .chain(first.header.iter().cloned())
            .collect();
        for (c, h) in head.iter().enumerate() {
            sheet.write_with_format(0, c as u16, h, &header)?;
            widths.see(c as u16, h);
        }
        let mut r = 1;
        for (team, table) in &tables {
            for row in &table.rows {
                sheet.write_with_format(r, 0, &team.name, &cell)?;
                widths.see(0, &team.name);
                for (c, text) in row.cells.iter().enumerate() {
                    let col = c as u16 + 1;
                    sheet.write_with_format(r, col, text, &cell)?;
                    widths.see(col, text);
                }
                r += 1;
            }
        }
        widths.apply(sheet, 50.0)?;
        sheet
            .set_landscape()
            .set_paper_size(A4)
            .set_print_fit_to_pages(1, 0);
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, r.saturating_sub(1).max(1), head.len() as u16 - 1)?;
    }

    // --- Votes.
    let votes = book.add_worksheet();
    votes.set_name(tr!(lang, "xlsx.votes"))?;
    let head = [
        tr!(lang, "overview.team"),
        tr!(lang, "report.col.number"),
        tr!(lang, "report.col.item"),
        tr!(lang, "report.members"),
        tr!(lang, "item.vote"),
    ];
    let mut widths = Widths::new();
    for (c, h) in head.iter().enumerate() {
        votes.write_with_format(0, c as u16, h, &header)?;
        widths.see(c as u16, h);
    }
    let mut r = 1;
    for team in &report.teams {
        for item in &team.items {
            let anonymous: Vec<Answer> = item
                .anonymous_counts
                .map(|d| {
                    d.levels()
                        .map(Answer::Level)
                        .chain(std::iter::repeat_n(Answer::DontKnow, d.dont_know as usize))
                        .collect()
                })
                .unwrap_or_default();
            let anonymous_name = tr!(lang, "report.anonymous");
            let rows = item
                .votes
                .iter()
                .map(|(member, answer)| (member, answer))
                .chain(anonymous.iter().map(|answer| (&anonymous_name, answer)));
            for (member, answer) in rows {
                votes.write_with_format(r, 0, &team.name, &cell)?;
                votes.write_with_format(r, 1, item.number as u32, &number)?;
                votes.write_with_format(r, 2, &item.short_title, &cell)?;
                votes.write_with_format(r, 3, member, &cell)?;
                // 「わからない」 as text: Excel's AVERAGE over the column leaves it out, as Kizuki does.
                match answer {
                    Answer::Level(level) => votes.write_with_format(r, 4, level.get(), &number)?,
                    Answer::DontKnow => votes.write_with_format(r, 4, answer.text(lang), &cell)?,
                };
                for (c, text) in [(0u16, &team.name), (2, &item.short_title), (3, member)] {
                    widths.see(c, text);
                }
                r += 1;
            }
        }
    }
    widths.apply(votes, 40.0)?;
    votes
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    votes.set_freeze_panes(1, 0)?;
    votes.autofilter(0, 0, r.saturating_sub(1).max(1), head.len() as u16 - 1)?;

    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    #[test]
    #[expect(
        clippy::float_cmp,
        reason = "the widths are sums of 1.1 and 2.0, compared as computed"
    )]
    fn japanese_counts_double() {
        assert_eq!(super::display_width("ab"), 2.2);
        assert_eq!(super::display_width("日本"), 4.0);
    }
}
