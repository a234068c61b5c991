//! Many project files at once: a department's rounds over the years, or the files a prefecture
//! collects from its municipalities. Every file's scores side by side, per item the minimum,
//! median and maximum, a radar of the medians, and over rounds a trend per item. A file that does
//! not load is listed with its reason, never skipped in silence.
//!
//! Only what a comparison needs is kept of each file (its names, its date and its teams' scores),
//! so that a folder of 2,000 files fits in a few megabytes; files are read on every core.

mod render;

pub use render::{FORMATS, render};

use crate::checklist::{ITEM_COUNT, ItemId};
use crate::export::report::{Table, TableRow};
use crate::file::{self, FileError};
use crate::i18n::Lang;
use crate::project::Project;
use crate::radar::{Chart, Series, SeriesKind, median};
use crate::tr;
use crate::words::format_date_compact;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What one row of the comparison stands for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum, strum::VariantArray,
)]
pub enum By {
    /// Each team of each file: the most detailed view.
    #[default]
    Team,
    /// Each workshop date: a department's rounds over the years (the teams' median).
    Round,
    /// Each organisation, at its latest round (the teams' median): a prefecture's view.
    #[value(alias = "organization")]
    Organisation,
}

impl By {
    pub const ALL: &'static [By] = <By as strum::VariantArray>::VARIANTS;

    pub fn label(self, lang: Lang) -> String {
        match self {
            By::Team => tr!(lang, "compare.by.team"),
            By::Round => tr!(lang, "compare.by.round"),
            By::Organisation => tr!(lang, "compare.by.organisation"),
        }
    }
}

/// One team of one file: what the comparison keeps of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Index into [`Loaded::files`].
    pub file: usize,
    pub organization: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub team: String,
    /// The agreed scores, item by item (1–5).
    pub scores: [Option<u8>; ITEM_COUNT],
    /// Per item, how many answered 「わからない」: named, and anonymous where enough answered to be
    /// shown (the rule of three holds in every view).
    pub dont_know: [u32; ITEM_COUNT],
}

/// A file that could not be read, and why, in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub path: PathBuf,
    pub reason: String,
}

/// A file that holds a workshop already counted (the same file collected twice, or a copy of
/// it): counted once, as `kept`.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub path: PathBuf,
    pub kept: PathBuf,
}

/// Everything read from the files given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// Every file read, in the order found (folders sorted by name).
    pub files: Vec<PathBuf>,
    pub records: Vec<Record>,
    pub failed: Vec<Failed>,
    /// Files left out because they hold a workshop another file holds.
    pub duplicates: Vec<Duplicate>,
}

/// What makes two files the same workshop: the organisation, the title and the date (a file
/// without a date is never taken for another).
type WorkshopKey = (String, String, NaiveDate);

/// A file as read: its teams, and when it was last saved.
struct Read {
    records: Vec<Record>,
    key: Option<WorkshopKey>,
    saved: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// The project files among `inputs`: files as given, folders searched (with their subfolders) for
/// `*.kizuki.ron`, in name order. An input that does not exist is reported, not dropped.
pub fn find_files(inputs: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, Vec<Failed>) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            search(input, &mut found, &mut failed, lang);
            found.sort();
            files.extend(found);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            failed.push(Failed {
                path: input.clone(),
                reason: tr!(lang, "compare.missing"),
            });
        }
    }
    (files, failed)
}

fn search(folder: &Path, found: &mut Vec<PathBuf>, failed: &mut Vec<Failed>, lang: Lang) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            failed.push(Failed {
                path: folder.to_owned(),
                reason: file::io_reason(&e, lang),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Symbolic links to folders are not followed: a loop would never end.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            search(&path, found, failed, lang);
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(&format!(".{}", file::EXTENSION)))
        {
            found.push(path);
        }
    }
}

/// Reads `inputs` (files and folders), on every core.
pub fn load(inputs: &[PathBuf], lang: Lang) -> Loaded {
    let (files, mut failed) = find_files(inputs, lang);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    // Each reader keeps only the records of its files, not the projects, so memory stays small.
    let read = |path: &PathBuf| {
        file::load(path).map(|project| Read {
            records: records_of(&project, 0),
            key: project.meta.date.map(|date| {
                (
                    project.meta.organization.trim().to_owned(),
                    project.meta.title.trim().to_owned(),
                    date,
                )
            }),
            saved: project.meta.modified_at,
        })
    };
    let results: Vec<Result<Read, FileError>> = std::thread::scope(|scope| {
        let readers: Vec<_> = files
            .chunks(chunk)
            .enumerate()
            .map(|(n, paths)| {
                let handle = std::thread::Builder::new()
                    .name(format!("kizuki-compare-{n}"))
                    .spawn_scoped(scope, move || paths.iter().map(read).collect::<Vec<_>>())
                    .ok();
                (paths, handle)
            })
            .collect();
        readers
            .into_iter()
            .flat_map(|(paths, handle)| {
                // A reader that could not start or finish: its files are read here instead.
                handle
                    .and_then(|h| h.join().ok())
                    .unwrap_or_else(|| paths.iter().map(read).collect())
            })
            .collect()
    });
    let mut read = Vec::new();
    for (path, result) in files.iter().zip(results) {
        match result {
            Ok(file) => read.push((path, file)),
            Err(e) => failed.push(Failed {
                path: path.clone(),
                reason: e.message(lang),
            }),
        }
    }
    // The same workshop in several files counts once: the copy saved last (else the first found).
    let mut chosen: std::collections::HashMap<&WorkshopKey, usize> =
        std::collections::HashMap::new();
    for (n, (_, file)) in read.iter().enumerate() {
        if let Some(key) = &file.key {
            let best = chosen.entry(key).or_insert(n);
            if file.saved > read[*best].1.saved {
                *best = n;
            }
        }
    }
    // For each file, the one counted in its place, if another.
    let counted_as: Vec<Option<&PathBuf>> = read
        .iter()
        .enumerate()
        .map(|(n, (_, file))| {
            let kept = file.key.as_ref().and_then(|k| chosen.get(k)).copied();
            kept.filter(|&k| k != n).map(|k| read[k].0)
        })
        .collect();
    let mut loaded = Loaded::default();
    for ((path, file), counted_as) in read.into_iter().zip(counted_as) {
        if let Some(kept) = counted_as {
            loaded.duplicates.push(Duplicate {
                path: path.clone(),
                kept: kept.clone(),
            });
            continue;
        }
        let index = loaded.files.len();
        loaded.files.push(path.clone());
        loaded.records.extend(
            file.records
                .into_iter()
                .map(|r| Record { file: index, ..r }),
        );
    }
    loaded.failed = failed;
    loaded
}

/// The teams of a project as records of file `file`.
pub fn records_of(project: &Project, file: usize) -> Vec<Record> {
    project
        .teams
        .iter()
        .map(|team| {
            let mut scores = [None; ITEM_COUNT];
            for (slot, response) in scores.iter_mut().zip(&team.responses.0) {
                *slot = response.score.map(crate::project::Level::get);
            }
            let dont_know: [u32; ITEM_COUNT] =
                std::array::from_fn(|i| team.responses.0[i].all_answers().dont_know);
            Record {
                file,
                organization: project.meta.organization.trim().to_owned(),
                title: project.meta.title.trim().to_owned(),
                date: project.meta.date,
                team: team.name.trim().to_owned(),
                scores,
                dont_know,
            }
        })
        .collect()
}

/// One row of the comparison: a team, a round or an organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub date: Option<NaiveDate>,
    /// How many teams it stands for.
    pub teams: usize,
    pub scores: [Option<f32>; ITEM_COUNT],
}

impl Row {
    pub fn mean(&self) -> Option<f32> {
        let scored: Vec<f32> = self.scores.iter().flatten().copied().collect();
        (!scored.is_empty()).then(|| scored.iter().sum::<f32>() / scored.len() as f32)
    }
}

/// Per item over the rows: the lowest, the median, the highest, and how many rows scored it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub min: f32,
    pub median: f32,
    pub max: f32,
    pub count: usize,
}

/// The comparison as every document and the window show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub lang: Lang,
    pub by: By,
    pub files: usize,
    pub rows: Vec<Row>,
    /// Per item; `None` where no row scored it.
    pub spreads: [Option<Spread>; ITEM_COUNT],
    /// Per item, how many answered 「わからない」 over every team of every file: where many
    /// could not judge an item, its scores stand on fewer voices.
    pub dont_know: [u32; ITEM_COUNT],
    /// Per workshop date, in order, the median of every team's score of that date; empty with
    /// fewer than two dates.
    pub trend: Vec<Row>,
    pub failed: Vec<Failed>,
    pub duplicates: Vec<Duplicate>,
    /// The 作成日 its documents carry.
    pub made_on: Option<NaiveDate>,
}

impl Comparison {
    pub fn build(loaded: &Loaded, by: By, lang: Lang) -> Comparison {
        let rows = match by {
            By::Team => loaded
                .records
                .iter()
                .map(|r| Row {
                    label: team_label(r, lang),
                    date: r.date,
                    teams: 1,
                    scores: r.scores.map(|s| s.map(f32::from)),
                })
                .collect(),
            By::Round => by_date(&loaded.records, lang),
            By::Organisation => by_organisation(&loaded.records, lang),
        };
        let spreads = std::array::from_fn(|i| {
            let mut values: Vec<f32> = rows.iter().filter_map(|r: &Row| r.scores[i]).collect();
            let count = values.len();
            let median = median(&mut values)?;
            Some(Spread {
                min: values.first().copied().unwrap_or(median),
                median,
                max: values.last().copied().unwrap_or(median),
                count,
            })
        });
        let trend = by_date(&loaded.records, lang);
        let dont_know = std::array::from_fn(|i| {
            loaded
                .records
                .iter()
                .fold(0u32, |sum, r| sum.saturating_add(r.dont_know[i]))
        });
        Comparison {
            lang,
            by,
            files: loaded.files.len(),
            rows,
            spreads,
            dont_know,
            trend: if trend.len() >= 2 { trend } else { Vec::new() },
            failed: loaded.failed.clone(),
            duplicates: loaded.duplicates.clone(),
            made_on: None,
        }
    }

    /// This comparison, its documents dated `today`.
    #[must_use]
    pub fn made_on(self, today: NaiveDate) -> Comparison {
        Comparison {
            made_on: Some(today),
            ..self
        }
    }

    pub fn title(&self) -> String {
        tr!(
            self.lang,
            self.lang.count_key("compare.title", self.files),
            files = self.files,
            by = self.by.label(self.lang)
        )
    }

    /// The radar of the medians, with the lowest and highest as thin outlines around it.
    pub fn chart(&self) -> Chart {
        let lang = self.lang;
        let mut chart = Chart::axes(lang);
        let series = |name: String, kind, pick: fn(&Spread) -> f32, index| Series {
            name,
            kind,
            color: crate::style::MEDIAN_COLOR,
            marks: crate::style::team_marks(index),
            values: self.spreads.iter().map(|s| s.as_ref().map(pick)).collect(),
        };
        chart.series = vec![
            series(tr!(lang, "compare.min"), SeriesKind::Baseline, |s| s.min, 1),
            series(tr!(lang, "compare.max"), SeriesKind::Target, |s| s.max, 2),
            series(
                tr!(lang, "compare.median"),
                SeriesKind::Scores,
                |s| s.median,
                0,
            ),
        ];
        chart
    }

    /// Per item: min, median, max over the rows.
    pub fn spread_table(&self) -> Table {
        let lang = self.lang;
        let checklist = crate::checklist::Checklist::get(lang);
        Table {
            heading: tr!(lang, "compare.spread"),
            header: [
                "report.col.item",
                "compare.min",
                "compare.median",
                "compare.max",
                "compare.count",
                "report.col.dont_know",
            ]
            .iter()
            .map(|k| tr!(lang, k))
            .collect(),
            widths: vec![34.0, 12.0, 12.0, 12.0, 12.0, 18.0],
            rows: ItemId::ALL
                .iter()
                .zip(&self.spreads)
                .zip(self.dont_know)
                .map(|((id, spread), dont_know)| {
                    let title = format!("{}. {}", id.number(), checklist.item(*id).short_title);
                    let mut cells = match spread {
                        Some(s) => vec![
                            title,
                            number(s.min),
                            number(s.median),
                            number(s.max),
                            s.count.to_string(),
                        ],
                        None => vec![title, "–".into(), "–".into(), "–".into(), "0".into()],
                    };
                    cells.push(dont_know.to_string());
                    TableRow { cells, warn: false }
                })
                .collect(),
            note: None,
        }
    }

    /// Every row's scores side by side: one line per team (round, organisation), items across.
    pub fn scores_table(&self) -> Table {
        scores_table(
            self.lang,
            tr!(self.lang, "compare.scores", by = self.by.label(self.lang)),
            &self.rows,
        )
    }

    /// Over the rounds: per date, each item's median over the teams of that date.
    pub fn trend_table(&self) -> Option<Table> {
        (!self.trend.is_empty() && self.by != By::Round)
            .then(|| scores_table(self.lang, tr!(self.lang, "compare.trend"), &self.trend))
    }

    /// The files that did not load, and why.
    pub fn failed_table(&self) -> Option<Table> {
        let lang = self.lang;
        (!self.failed.is_empty()).then(|| Table {
            heading: tr!(lang, "compare.failed", count = self.failed.len()),
            header: vec![tr!(lang, "compare.file"), tr!(lang, "compare.reason")],
            widths: vec![45.0, 55.0],
            rows: self
                .failed
                .iter()
                .map(|f| TableRow {
                    cells: vec![f.path.display().to_string(), f.reason.clone()],
                    warn: true,
                })
                .collect(),
            note: None,
        })
    }

    /// The files counted once because another file holds the same workshop.
    pub fn duplicates_table(&self) -> Option<Table> {
        let lang = self.lang;
        (!self.duplicates.is_empty()).then(|| Table {
            heading: tr!(lang, "compare.duplicates", count = self.duplicates.len()),
            header: vec![tr!(lang, "compare.file"), tr!(lang, "compare.kept")],
            widths: vec![50.0, 50.0],
            rows: self
                .duplicates
                .iter()
                .map(|d| TableRow {
                    cells: vec![d.path.display().to_string(), d.kept.display().to_string()],
                    warn: false,
                })
                .collect(),
            note: Some(tr!(lang, "compare.duplicates_note")),
        })
    }

    /// The tables in the order the documents show them: what failed first, so nobody misses it,
    /// then the files counted once.
    pub fn tables(&self) -> Vec<Table> {
        let mut tables: Vec<Table> = self.failed_table().into_iter().collect();
        tables.extend(self.duplicates_table());
        tables.push(self.spread_table());
        tables.extend(self.trend_table());
        tables.push(self.scores_table());
        tables
    }
}

fn scores_table(lang: Lang, heading: String, rows: &[Row]) -> Table {
    let mut header = vec![tr!(lang, "compare.row")];
    header.extend(ItemId::ALL.iter().map(|id| id.number().to_string()));
    header.push(tr!(lang, "report.mean_score"));
    let mut widths = vec![28.0];
    widths.extend([6.0; ITEM_COUNT]);
    widths.push(8.0);
    Table {
        heading,
        header,
        widths,
        rows: rows
            .iter()
            .map(|row| {
                let mut cells = vec![row.label.clone()];
                cells.extend(row.scores.iter().map(|s| s.map_or("–".into(), number)));
                cells.push(
                    row.mean()
                        .map_or("–".into(), |m| crate::words::one_decimal(f64::from(m))),
                );
                TableRow { cells, warn: false }
            })
            .collect(),
        note: Some(tr!(lang, "compare.items_note", items = item_list(lang))),
    }
}

/// 「1 パートナー、2 利用者との関係、…」: what the numbered columns are.
fn item_list(lang: Lang) -> String {
    let checklist = crate::checklist::Checklist::get(lang);
    let separator = match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    };
    ItemId::ALL
        .iter()
        .map(|id| format!("{} {}", id.number(), checklist.item(*id).short_title))
        .collect::<Vec<_>>()
        .join(separator)
}

/// A score or a median: 3, or 2.5.
fn number(value: f32) -> String {
    if value.fract().abs() < f32::EPSILON {
        format!("{value:.0}")
    } else {
        crate::words::one_decimal(f64::from(value))
    }
}

fn team_label(record: &Record, lang: Lang) -> String {
    let mut label = if record.organization.is_empty() {
        record.title.clone()
    } else {
        record.organization.clone()
    };
    if !record.team.is_empty() {
        label = format!("{label} / {}", record.team);
    }
    if let Some(date) = record.date {
        label = format!(
            "{label}{}",
            lang.bracketed(&format_date_compact(date, lang))
        );
    }
    label
}

/// Medians per item over `records`.
fn medians(records: &[&Record]) -> [Option<f32>; ITEM_COUNT] {
    std::array::from_fn(|i| {
        let mut values: Vec<f32> = records
            .iter()
            .filter_map(|r| r.scores[i].map(f32::from))
            .collect();
        median(&mut values)
    })
}

/// One row per workshop date (undated files last), oldest first.
fn by_date(records: &[Record], lang: Lang) -> Vec<Row> {
    let mut dates: BTreeMap<(bool, Option<NaiveDate>), Vec<&Record>> = BTreeMap::new();
    for r in records {
        dates.entry((r.date.is_none(), r.date)).or_default().push(r);
    }
    dates
        .into_iter()
        .map(|((_, date), group)| Row {
            label: date.map_or_else(
                || tr!(lang, "compare.undated"),
                |d| format_date_compact(d, lang),
            ),
            date,
            teams: group.len(),
            scores: medians(&group),
        })
        .collect()
}

/// One row per organisation, at its latest round that has scores (a next round just made, not yet
/// walked, would otherwise hide the last real one); in the order the files give them, which is
/// the order the reader chose (a prefecture's list), not the kanji's code points.
fn by_organisation(records: &[Record], lang: Lang) -> Vec<Row> {
    let mut organisations: Vec<(&str, Vec<&Record>)> = Vec::new();
    for r in records {
        match organisations
            .iter_mut()
            .find(|(name, _)| *name == r.organization)
        {
            Some((_, group)) => group.push(r),
            None => organisations.push((r.organization.as_str(), vec![r])),
        }
    }
    organisations
        .into_iter()
        .map(|(name, group)| {
            let scored = |r: &&&Record| r.scores.iter().any(Option::is_some);
            let latest = group
                .iter()
                .filter(scored)
                .filter_map(|r| r.date)
                .max()
                .or_else(|| group.iter().filter_map(|r| r.date).max());
            let current: Vec<&Record> =
                group.iter().copied().filter(|r| r.date == latest).collect();
            let label = if name.is_empty() {
                tr!(lang, "compare.no_organisation")
            } else {
                name.to_owned()
            };
            Row {
                label: match latest {
                    Some(d) => format!("{label}{}", lang.bracketed(&format_date_compact(d, lang))),
                    None => label,
                },
                date: latest,
                teams: current.len(),
                scores: medians(&current),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(file: usize, organization: &str, date: (i32, u32), scores: [u8; 10]) -> Record {
        Record {
            file,
            organization: organization.into(),
            title: String::new(),
            date: NaiveDate::from_ymd_opt(date.0, date.1, 1),
            team: "チーム".into(),
            scores: scores.map(Some),
            dont_know: [0; ITEM_COUNT],
        }
    }

    #[test]
    fn an_organisations_unwalked_next_round_does_not_hide_its_last_scores() {
        let mut data = loaded();
        let mut next = record(1, "北市", (2026, 10), [1; 10]);
        next.scores = [None; 10];
        data.records.push(next);
        let c = Comparison::build(&data, By::Organisation, Lang::Ja);
        let north = c
            .rows
            .iter()
            .find(|r| r.label.starts_with("北市"))
            .expect("北市");
        assert_eq!(north.scores[0], Some(4.0));
    }

    fn loaded() -> Loaded {
        Loaded {
            files: vec!["a".into(), "b".into(), "c".into()],
            records: vec![
                record(0, "北市", (2025, 4), [1; 10]),
                record(0, "北市", (2025, 4), [3; 10]),
                record(1, "北市", (2026, 4), [4; 10]),
                record(2, "南町", (2026, 4), [2; 10]),
            ],
            failed: Vec::new(),
            duplicates: Vec::new(),
        }
    }

    #[test]
    fn dont_know_is_summed_per_item_over_every_team_and_shown_beside_the_spread() {
        let mut project = crate::project::sample_project();
        // Item 5 of the first team holds one 「わからない」; three anonymous ones beside it.
        project.teams[1].responses.0[4].anonymous_votes = Some(crate::project::Distribution {
            levels: [1, 0, 0, 0, 0],
            dont_know: 3,
        });
        let records = records_of(&project, 0);
        let loaded = Loaded {
            files: vec![PathBuf::from("a.kizuki.ron")],
            records,
            ..Loaded::default()
        };
        let c = Comparison::build(&loaded, By::Team, Lang::Ja);
        assert_eq!(c.dont_know[4], 4);
        assert_eq!(c.dont_know.iter().sum::<u32>(), 4);
        let table = c.spread_table();
        assert_eq!(
            table.header.last().map(String::as_str),
            Some("わからない（人数）")
        );
        assert_eq!(table.rows[4].cells.last().map(String::as_str), Some("4"));
    }

    #[test]
    fn by_team_keeps_every_team_and_spreads_over_them() {
        let c = Comparison::build(&loaded(), By::Team, Lang::Ja);
        assert_eq!(c.rows.len(), 4);
        let s = c.spreads[0].expect("scored");
        assert_eq!((s.min, s.median, s.max, s.count), (1.0, 2.5, 4.0, 4));
    }

    #[test]
    fn by_round_takes_each_dates_median_oldest_first() {
        let c = Comparison::build(&loaded(), By::Round, Lang::Ja);
        let medians: Vec<_> = c.rows.iter().map(|r| r.scores[0]).collect();
        assert_eq!(medians, vec![Some(2.0), Some(3.0)]);
        assert_eq!(c.rows[1].teams, 2);
        assert!(c.trend_table().is_none(), "the rows are the trend already");
    }

    #[test]
    fn by_organisation_takes_each_ones_latest_round() {
        let c = Comparison::build(&loaded(), By::Organisation, Lang::Ja);
        let rows: Vec<_> = c
            .rows
            .iter()
            .map(|r| (r.label.starts_with("北市"), r.scores[0]))
            .collect();
        assert!(rows.contains(&(true, Some(4.0))), "北市 at 2026: {rows:?}");
        assert!(rows.contains(&(false, Some(2.0))));
        assert!(c.trend_table().is_some(), "two dates: a trend");
    }

    #[test]
    fn organisations_keep_the_order_their_files_give() {
        let mut data = loaded();
        data.records.rotate_right(1);
        let c = Comparison::build(&data, By::Organisation, Lang::Ja);
        let names: Vec<&str> = c.rows.iter().map(|r| r.label.as_str()).collect();
        assert!(
            names[0].starts_with("南町") && names[1].starts_with("北市"),
            "{names:?}"
        );
    }

    #[test]
    fn numbers_read_as_scores() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2.5");
    }
}
