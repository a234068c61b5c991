//! The tables of the documents (Markdown, HTML, PDF) and the columns of the spreadsheets (CSV,
//! XLSX), defined once so that every format shows the same.

use super::{KpiRow, Report, TeamReport};
use crate::i18n::Lang;
use crate::tr;

/// A table of the documents (Markdown, HTML, PDF), defined once so that they show the same.
pub struct Table {
    /// A heading for the table (a translation already done).
    pub heading: String,
    pub header: Vec<String>,
    /// Relative column widths, for the PDF.
    pub widths: Vec<f32>,
    pub rows: Vec<TableRow>,
    /// A sentence under the table, if any.
    pub note: Option<String>,
}

pub struct TableRow {
    pub cells: Vec<String>,
    /// Drawn in the warning colour: overdue, or not reviewed.
    pub warn: bool,
}

/// How many actions the summary lists (page 1 of the PDF, the HTML's overview, the Markdown's).
pub const MAIN_ACTIONS: usize = 6;

impl Report {
    /// The team's indicators: baseline → previous → now → target, and how they are measured.
    pub fn kpi_table(&self, team: &TeamReport) -> Option<Table> {
        let lang = self.lang;
        (!team.kpis.is_empty()).then(|| Table {
            heading: tr!(lang, "report.kpis"),
            header: [
                "report.col.item",
                "kpi.indicator",
                "kpi.baseline",
                "kpi.previous",
                "kpi.current",
                "kpi.target",
                "kpi.how",
            ]
            .iter()
            .map(|k| tr!(lang, k))
            .collect(),
            widths: vec![12.0, 20.0, 13.0, 13.0, 13.0, 13.0, 16.0],
            rows: team
                .kpis
                .iter()
                .map(|k| {
                    let value = |m| KpiRow::value_text(m, &k.unit, lang);
                    TableRow {
                        cells: vec![
                            format!("{}. {}", k.item_number, k.item_short_title),
                            k.indicator.clone(),
                            value(k.baseline),
                            value(k.previous),
                            value(k.current),
                            value(k.target),
                            k.how_text(),
                        ],
                        warn: false,
                    }
                })
                .collect(),
            note: None,
        })
    }

    /// The actions carried over from the previous round and what the team said of them.
    pub fn review_table(&self, team: &TeamReport) -> Option<Table> {
        let lang = self.lang;
        (!team.review.is_empty()).then(|| Table {
            heading: tr!(lang, "report.review"),
            header: [
                "report.col.item",
                "report.col.action",
                "report.col.owner",
                "review.verdict",
                "review.note",
            ]
            .iter()
            .map(|k| tr!(lang, k))
            .collect(),
            widths: vec![14.0, 34.0, 10.0, 10.0, 32.0],
            rows: team
                .review
                .iter()
                .map(|r| TableRow {
                    cells: vec![
                        format!("{}. {}", r.item_number, r.item_short_title),
                        r.what.clone(),
                        if r.owner.is_empty() {
                            "–".to_owned()
                        } else {
                            r.owner.clone()
                        },
                        r.verdict_text(lang),
                        r.note.clone(),
                    ],
                    warn: r.verdict.is_none(),
                })
                .collect(),
            note: None,
        })
    }

    /// Per item, the actions completed since the previous round beside the change in score.
    pub fn effects_table(&self, team: &TeamReport) -> Option<Table> {
        let lang = self.lang;
        if self.baseline_title.is_none() && team.review.is_empty() {
            return None;
        }
        Some(Table {
            heading: tr!(lang, "report.effects"),
            header: ["report.col.item", "effect.done", "effect.change"]
                .iter()
                .map(|k| tr!(lang, k))
                .collect(),
            widths: vec![18.0, 52.0, 30.0],
            rows: team
                .effects()
                .map(|e| {
                    let done = if e.done.is_empty() {
                        "–".to_owned()
                    } else {
                        let list: Vec<String> = e
                            .done
                            .iter()
                            .map(|(what, impact)| {
                                let effect = impact
                                    .map(|i| lang.bracketed(&i.label(lang)))
                                    .unwrap_or_default();
                                format!("{}{what}{effect}", lang.bullet())
                            })
                            .collect();
                        format!(
                            "{}\n{}",
                            tr!(lang, "effect.done_count", count = e.done.len()),
                            list.join("\n")
                        )
                    };
                    TableRow {
                        cells: vec![
                            format!("{}. {}", e.item.number, e.item.short_title),
                            done,
                            format!("{} {}", e.arrow(), e.change_text(lang)),
                        ],
                        warn: false,
                    }
                })
                .collect(),
            note: Some(tr!(lang, "report.effects_note")),
        })
    }

    /// Every team's scores side by side, items down: 「3 → 4（+1）」, 未採点 for a team with no
    /// score at all, the teams' mean at the foot.
    pub fn scores_side_by_side(&self) -> Table {
        let lang = self.lang;
        let mut header = vec![tr!(lang, "report.col.item")];
        let mut widths = vec![30.0];
        for team in &self.teams {
            header.push(team.name.clone());
            widths.push(18.0);
        }
        let items = self.teams.first().map_or(0, |t| t.items.len());
        let mut rows: Vec<TableRow> = (0..items)
            .map(|i| {
                let item = &self.teams[0].items[i];
                let mut cells = vec![format!("{}. {}", item.number, item.short_title)];
                cells.extend(self.teams.iter().map(|t| t.side_by_side_cell(i, lang)));
                TableRow { cells, warn: false }
            })
            .collect();
        let mut mean = vec![tr!(lang, "report.mean_score")];
        mean.extend(self.teams.iter().map(|t| {
            t.mean_score
                .map_or_else(|| "–".to_owned(), crate::words::one_decimal)
        }));
        rows.push(TableRow {
            cells: mean,
            warn: false,
        });
        Table {
            heading: tr!(lang, "report.summary"),
            header,
            widths,
            rows,
            note: Some(tr!(lang, "report.side_by_side_legend")),
        }
    }

    /// The open actions most in need of attention, overdue and soonest due first, at most
    /// `limit`, with how many open ones were left out; `None` when nothing is open.
    pub fn main_actions(&self, limit: usize) -> Option<(Table, usize)> {
        let lang = self.lang;
        let mut open: Vec<(&TeamReport, &super::ActionRow)> = self
            .teams
            .iter()
            .flat_map(|t| t.actions.iter().map(move |a| (t, a)))
            .filter(|(_, a)| a.status.is_open())
            .collect();
        if open.is_empty() {
            return None;
        }
        open.sort_by_key(|(_, a)| (!a.overdue, a.due.is_none(), a.due));
        let multi = self.teams.len() > 1;
        let mut header = Vec::new();
        let mut widths = Vec::new();
        if multi {
            header.push(tr!(lang, "overview.team"));
            widths.push(16.0);
        }
        for (key, w) in [
            ("report.col.item", 16.0),
            ("report.col.action", 42.0),
            ("report.col.owner", 10.0),
            ("report.col.due", 18.0),
        ] {
            header.push(tr!(lang, key));
            widths.push(w);
        }
        let rows = open
            .iter()
            .take(limit)
            .map(|(t, a)| {
                let mut cells = Vec::new();
                if multi {
                    cells.push(t.name.clone());
                }
                cells.extend([
                    format!("{}. {}", a.item_number, a.item_short_title),
                    a.what.clone(),
                    a.owner_text("–"),
                    a.due_text(lang, "–"),
                ]);
                TableRow {
                    cells,
                    warn: a.overdue,
                }
            })
            .collect::<Vec<_>>();
        let left_out = open.len() - rows.len();
        Some((
            Table {
                heading: tr!(lang, "report.main_actions"),
                header,
                widths,
                rows,
                note: (left_out > 0).then(|| tr!(lang, "report.more_actions", count = left_out)),
            },
            left_out,
        ))
    }

    /// The three tables of a later round, in the order the documents show them.
    pub fn round_tables(&self, team: &TeamReport) -> Vec<Table> {
        [
            self.kpi_table(team),
            self.review_table(team),
            self.effects_table(team),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Column headers of the scores table in the documents (Markdown, HTML, PDF); the last, the change
/// since the previous round, only when there is one.
pub fn score_columns(lang: Lang, has_baseline: bool) -> Vec<String> {
    let mut columns = vec![
        tr!(lang, "report.col.number"),
        tr!(lang, "report.col.item"),
        tr!(lang, "report.col.score"),
        tr!(lang, "report.col.target"),
        tr!(lang, "report.col.gap"),
    ];
    if has_baseline {
        columns.push(tr!(lang, "report.col.change"));
    }
    columns
}

/// Column headers shared by the spreadsheet-like exports (CSV and XLSX).
pub fn action_columns(lang: Lang) -> [String; 8] {
    [
        tr!(lang, "overview.team"),
        tr!(lang, "report.col.number"),
        tr!(lang, "report.col.item"),
        tr!(lang, "report.col.action"),
        tr!(lang, "report.col.owner"),
        tr!(lang, "report.col.due"),
        tr!(lang, "item.status"),
        tr!(lang, "report.overdue"),
    ]
}
