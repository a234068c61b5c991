//! CSV for Excel: UTF-8 with a byte order mark and CRLF line ends, so that Japanese Excel opens the
//! file without mojibake; quoting by the csv crate.

use super::report::Report;
use crate::tr;

/// The byte order mark Excel needs to read UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Vec<u8> {
    // Writing into memory cannot fail; an empty file is the worst outcome of a failure here.
    w.into_inner().unwrap_or_default()
}

/// One row per action: team, item, action, owner, due date, status, overdue.
pub fn actions(report: &Report) -> Vec<u8> {
    let lang = report.lang;
    let mut w = writer();
    let _ = w.write_record(super::report::action_columns(lang));
    for team in &report.teams {
        for a in &team.actions {
            let _ = w.write_record([
                team.name.clone(),
                a.item_number.to_string(),
                a.item_short_title.clone(),
                a.what.clone(),
                a.owner.clone(),
                a.due
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                a.status.label(lang),
                if a.overdue { "1".into() } else { String::new() },
            ]);
        }
    }
    finish(w)
}

/// One row per team and item: scores, targets, the change since the previous round, answers.
pub fn scores(report: &Report) -> Vec<u8> {
    let lang = report.lang;
    let mut w = writer();
    let header = [
        tr!(lang, "overview.team"),
        tr!(lang, "report.col.number"),
        tr!(lang, "report.col.item"),
        tr!(lang, "report.col.score"),
        tr!(lang, "report.col.score_words"),
        tr!(lang, "report.col.target"),
        tr!(lang, "report.col.target_words"),
        tr!(lang, "report.col.gap"),
        tr!(lang, "report.col.baseline"),
        tr!(lang, "report.col.change"),
        tr!(lang, "field.current_state"),
        tr!(lang, "field.ideas"),
        tr!(lang, "report.examples_done"),
    ];
    let _ = w.write_record(&header);
    let num = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    for team in &report.teams {
        for item in &team.items {
            let _ = w.write_record([
                team.name.clone(),
                item.number.to_string(),
                item.title.clone(),
                num(item.score.map(super::super::project::Level::get)),
                item.score_words.clone().unwrap_or_default(),
                num(item.target.map(super::super::project::Level::get)),
                item.target_words.clone().unwrap_or_default(),
                item.gap.map(|g| g.to_string()).unwrap_or_default(),
                num(item.baseline.map(super::super::project::Level::get)),
                item.change().map(|c| c.to_string()).unwrap_or_default(),
                item.current_state.clone(),
                item.ideas.clone(),
                item.examples_done.join("\n"),
            ]);
        }
    }
    finish(w)
}

/// One row per indicator: the values as plain numbers and the dates as ISO dates, for
/// spreadsheets and charts elsewhere.
pub fn kpis(report: &Report) -> Vec<u8> {
    let lang = report.lang;
    let mut w = writer();
    let header = [
        tr!(lang, "overview.team"),
        tr!(lang, "report.col.number"),
        tr!(lang, "report.col.item"),
        tr!(lang, "kpi.indicator"),
        tr!(lang, "kpi.unit"),
        tr!(lang, "kpi.baseline"),
        tr!(lang, "csv.date_of", what = tr!(lang, "kpi.baseline")),
        tr!(lang, "kpi.previous"),
        tr!(lang, "csv.date_of", what = tr!(lang, "kpi.previous")),
        tr!(lang, "kpi.current"),
        tr!(lang, "csv.date_of", what = tr!(lang, "kpi.current")),
        tr!(lang, "kpi.target"),
        tr!(lang, "csv.date_of", what = tr!(lang, "kpi.target")),
        tr!(lang, "kpi.method"),
        tr!(lang, "kpi.frequency"),
        tr!(lang, "report.col.owner"),
    ];
    let _ = w.write_record(&header);
    let value = |m: Option<crate::project::kpi::Measurement>| {
        m.map(|m| m.value.to_string()).unwrap_or_default()
    };
    let date = |m: Option<crate::project::kpi::Measurement>| {
        m.and_then(|m| m.date)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    for team in &report.teams {
        for k in &team.kpis {
            let _ = w.write_record([
                team.name.clone(),
                k.item_number.to_string(),
                k.item_short_title.clone(),
                k.indicator.clone(),
                k.unit.clone(),
                value(k.baseline),
                date(k.baseline),
                value(k.previous),
                date(k.previous),
                value(k.current),
                date(k.current),
                value(k.target),
                date(k.target),
                k.method.clone(),
                k.frequency.clone(),
                k.owner.clone(),
            ]);
        }
    }
    finish(w)
}
