//! CSV for Excel: UTF-8 with a byte order mark and CRLF line ends, so that Japanese Excel opens the
//! file without mojibake; quoting by the csv crate.

use super::report::{ActionRow, ItemReport, KpiRow, Report};
use crate::project::Level;
use crate::project::kpi::Measurement;
use crate::tr;

/// The byte order mark Excel needs to read UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A column: its heading and how a row fills it. Heading and value are written side by side, so
/// that a table can never get a column out of step with its header.
type Column<'a, R> = (String, &'a dyn Fn(&R) -> String);

/// The table as CSV bytes: the header, then one record per row. Any failure of the writer fails
/// the export (nothing is dropped or left half-written in silence).
fn table<R>(
    columns: &[Column<R>],
    rows: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    w.write_record(columns.iter().map(|(heading, _)| heading))?;
    for row in rows {
        w.write_record(columns.iter().map(|(_, value)| value(&row)))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn iso(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn number(level: Option<Level>) -> String {
    level.map(|l| l.get().to_string()).unwrap_or_default()
}

/// One row per action: team, item, action, owner, due date, status, overdue.
pub fn actions(report: &Report) -> Result<Vec<u8>, csv::Error> {
    type Row<'a> = (&'a str, &'a ActionRow);
    let lang = report.lang;
    let [team, number, item, what, owner, due, status, overdue] =
        super::report::action_columns(lang);
    let columns: [Column<Row>; 8] = [
        (team, &|(t, _)| (*t).to_owned()),
        (number, &|(_, a)| a.item_number.to_string()),
        (item, &|(_, a)| a.item_short_title.clone()),
        (what, &|(_, a)| a.what.clone()),
        (owner, &|(_, a)| a.owner.clone()),
        (due, &|(_, a)| iso(a.due)),
        (status, &|(_, a)| a.status.label(lang)),
        (overdue, &|(_, a)| {
            if a.overdue { "1".into() } else { String::new() }
        }),
    ];
    let rows = report
        .teams
        .iter()
        .flat_map(|t| t.actions.iter().map(move |a| (t.name.as_str(), a)));
    table(&columns, rows)
}

/// One row per team and item: scores, targets, the change since the previous round, answers.
pub fn scores(report: &Report) -> Result<Vec<u8>, csv::Error> {
    type Row<'a> = (&'a str, &'a ItemReport);
    let lang = report.lang;
    let columns: [Column<Row>; 14] = [
        (tr!(lang, "overview.team"), &|(t, _)| (*t).to_owned()),
        (tr!(lang, "report.col.number"), &|(_, i)| {
            i.number.to_string()
        }),
        (tr!(lang, "report.col.item"), &|(_, i)| i.title.clone()),
        (tr!(lang, "report.col.score"), &|(_, i)| number(i.score)),
        (tr!(lang, "report.col.score_words"), &|(_, i)| {
            i.score_words.clone().unwrap_or_default()
        }),
        (tr!(lang, "report.col.target"), &|(_, i)| number(i.target)),
        (tr!(lang, "report.col.target_words"), &|(_, i)| {
            i.target_words.clone().unwrap_or_default()
        }),
        (tr!(lang, "report.col.gap"), &|(_, i)| {
            i.gap.map(|g| g.to_string()).unwrap_or_default()
        }),
        (tr!(lang, "report.col.baseline"), &|(_, i)| {
            number(i.baseline)
        }),
        (tr!(lang, "report.col.change"), &|(_, i)| {
            i.change().map(|c| c.to_string()).unwrap_or_default()
        }),
        (tr!(lang, "field.current_state"), &|(_, i)| {
            i.current_state.clone()
        }),
        (tr!(lang, "field.ideas"), &|(_, i)| i.ideas.clone()),
        (tr!(lang, "report.examples_done"), &|(_, i)| {
            i.examples_done.join("\n")
        }),
        (tr!(lang, "report.col.dont_know"), &|(_, i)| {
            i.dont_know.to_string()
        }),
    ];
    let rows = report
        .teams
        .iter()
        .flat_map(|t| t.items.iter().map(move |i| (t.name.as_str(), i)));
    table(&columns, rows)
}

/// One row per indicator: the values as plain numbers and the dates as ISO dates, for
/// spreadsheets and charts elsewhere.
pub fn kpis(report: &Report) -> Result<Vec<u8>, csv::Error> {
    type Row<'a> = (&'a str, &'a KpiRow);
    let lang = report.lang;
    let value = |m: Option<Measurement>| m.map(|m| m.value.to_string()).unwrap_or_default();
    let date = |m: Option<Measurement>| iso(m.and_then(|m| m.date));
    let date_of = |key: &str| tr!(lang, "csv.date_of", what = tr!(lang, key));
    let columns: [Column<Row>; 16] = [
        (tr!(lang, "overview.team"), &|(t, _)| (*t).to_owned()),
        (tr!(lang, "report.col.number"), &|(_, k)| {
            k.item_number.to_string()
        }),
        (tr!(lang, "report.col.item"), &|(_, k)| {
            k.item_short_title.clone()
        }),
        (tr!(lang, "kpi.indicator"), &|(_, k)| k.indicator.clone()),
        (tr!(lang, "kpi.unit"), &|(_, k)| k.unit.clone()),
        (tr!(lang, "kpi.baseline"), &|(_, k)| value(k.baseline)),
        (date_of("kpi.baseline"), &|(_, k)| date(k.baseline)),
        (tr!(lang, "kpi.previous"), &|(_, k)| value(k.previous)),
        (date_of("kpi.previous"), &|(_, k)| date(k.previous)),
        (tr!(lang, "kpi.current"), &|(_, k)| value(k.current)),
        (date_of("kpi.current"), &|(_, k)| date(k.current)),
        (tr!(lang, "kpi.target"), &|(_, k)| value(k.target)),
        (date_of("kpi.target"), &|(_, k)| date(k.target)),
        (tr!(lang, "kpi.method"), &|(_, k)| k.method.clone()),
        (tr!(lang, "kpi.frequency"), &|(_, k)| k.frequency.clone()),
        (tr!(lang, "report.col.owner"), &|(_, k)| k.owner.clone()),
    ];
    let rows = report
        .teams
        .iter()
        .flat_map(|t| t.kpis.iter().map(move |k| (t.name.as_str(), k)));
    table(&columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ExportOptions;

    #[test]
    fn every_record_has_every_column_and_every_row_is_written() {
        let project = crate::project::sample_project();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        let report =
            Report::build(&project, &ExportOptions::new(crate::Lang::Ja, today)).expect("report");
        let count = |rows: fn(&super::super::report::TeamReport) -> usize| -> usize {
            report.teams.iter().map(rows).sum()
        };
        for (bytes, rows, columns) in [
            (actions(&report), count(|t| t.actions.len()), 8),
            (scores(&report), count(|t| t.items.len()), 14),
            (kpis(&report), count(|t| t.kpis.len()), 16),
        ] {
            let bytes = bytes.expect("written");
            let body = bytes
                .strip_prefix(BOM)
                .expect("a byte order mark for Excel");
            let mut reader = csv::ReaderBuilder::new().from_reader(body);
            assert_eq!(reader.headers().expect("header").len(), columns);
            let records: Vec<_> = reader.records().collect::<Result<_, _>>().expect("records");
            assert_eq!(records.len(), rows);
            assert!(records.iter().all(|r| r.len() == columns));
        }
    }
}
