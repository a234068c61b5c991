//! The content of a workshop summary, computed once and rendered by every export format.

use super::{ExportError, ExportOptions};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::kpi::{Measurement, format_value};
use crate::project::{Action, ActionStatus, ItemStats, Level, Project, TeamStats, Verdict};
use crate::tr;
use chrono::{Datelike, NaiveDate};

pub struct Report {
    pub lang: Lang,
    pub title: String,
    /// 作成日: the day the report was made.
    pub made_on: NaiveDate,
    /// 作成部署 and the facilitator: who made it.
    pub made_by: String,
    /// The stamp boxes and document number, for a report that circulates.
    pub circulation: Option<crate::project::Circulation>,
    /// Label and value pairs for the header: organisation, date, facilitator, venue.
    pub meta: Vec<(String, String)>,
    pub baseline_title: Option<String>,
    pub teams: Vec<TeamReport>,
    pub today: NaiveDate,
    /// The radar chart of the teams in the report.
    pub chart: crate::radar::Chart,
    /// One chart per team, in team order (the small multiples of a project with many teams).
    pub team_charts: Vec<crate::radar::Chart>,
    /// The median of every team's scores, as a chart.
    median_chart: crate::radar::Chart,
    /// The workshop date as (year, month, day), for document metadata.
    pub meta_date: Option<(u16, u8, u8)>,
}

pub struct TeamReport {
    pub name: String,
    /// The team's place in the project, which gives its colour and line pattern in the chart.
    pub index: usize,
    pub members: Vec<String>,
    pub items: Vec<ItemReport>,
    pub mean_score: Option<f64>,
    /// How many items have an agreed score; a team with none is 未採点.
    pub scored: usize,
    /// Every action of the team, with the item it belongs to, ordered by status, then due date.
    pub actions: Vec<ActionRow>,
    /// The actions carried over from the previous round, with what the team said of them.
    pub review: Vec<ReviewRow>,
    /// The team's indicators, item by item.
    pub kpis: Vec<KpiRow>,
}

impl TeamReport {
    /// Item `i` of this team, for a table of all teams: 「3 → 4（+1）」.
    fn side_by_side_cell(&self, i: usize, lang: Lang) -> String {
        if self.scored == 0 {
            return tr!(lang, "report.unscored");
        }
        let item = &self.items[i];
        let level = |l: Option<Level>| l.map_or_else(|| "–".to_owned(), |l| l.get().to_string());
        let change = item
            .change()
            .filter(|c| *c != 0)
            .map_or_else(String::new, |c| format!("（{}）", signed(c)));
        format!("{} → {}{change}", level(item.score), level(item.target))
    }

    /// Per item: the carried actions completed since the previous round, beside the change in
    /// score. Every item, so that "nothing done, no change" shows too.
    pub fn effects(&self) -> impl Iterator<Item = EffectRow<'_>> {
        self.items.iter().map(|item| EffectRow {
            item,
            done: self
                .review
                .iter()
                .filter(|r| r.item_number == item.number && r.verdict == Some(Verdict::Done))
                .map(|r| r.what.as_str())
                .collect(),
        })
    }
}

/// An action carried over from the previous round, and its review.
pub struct ReviewRow {
    pub item_number: usize,
    pub item_short_title: String,
    pub what: String,
    pub owner: String,
    pub verdict: Option<Verdict>,
    pub note: String,
}

impl ReviewRow {
    /// 「完了」, 「継続」, 「中止」 or 「未確認」.
    pub fn verdict_text(&self, lang: Lang) -> String {
        self.verdict
            .map_or_else(|| tr!(lang, "review.unreviewed"), |v| v.label(lang))
    }
}

/// One item's actions completed since the previous round, beside its change in score.
pub struct EffectRow<'a> {
    pub item: &'a ItemReport,
    pub done: Vec<&'a str>,
}

impl EffectRow<'_> {
    /// 「2 → 3（+1）」, 「3 → 3（変化なし）」, or 「前回なし」 and 「未採点」 where a round did not
    /// score the item.
    pub fn change_text(&self, lang: Lang) -> String {
        match (self.item.baseline, self.item.score) {
            (Some(then), Some(now)) => {
                let change = now.get() as i8 - then.get() as i8;
                let said = if change == 0 {
                    tr!(lang, "effect.no_change")
                } else {
                    signed(change)
                };
                format!("{} → {}（{said}）", then.get(), now.get())
            }
            (None, Some(now)) => tr!(lang, "effect.no_previous", now = now.get()),
            (_, None) => tr!(lang, "report.unscored"),
        }
    }

    /// ▲ for a rise, ▼ for a fall, – otherwise: readable at a glance.
    pub fn arrow(&self) -> &'static str {
        match self.item.change() {
            Some(c) if c > 0 => "▲",
            Some(c) if c < 0 => "▼",
            _ => "–",
        }
    }
}

/// An indicator, for the tables: baseline → previous → now → target.
pub struct KpiRow {
    pub item_number: usize,
    pub item_short_title: String,
    pub indicator: String,
    pub unit: String,
    pub baseline: Option<Measurement>,
    pub previous: Option<Measurement>,
    pub current: Option<Measurement>,
    pub target: Option<Measurement>,
    pub method: String,
    pub frequency: String,
    pub owner: String,
}

impl KpiRow {
    /// A value with its unit, and the day it was measured on the next line:
    /// 「24 分\n令和8年（2026年）10月15日」.
    pub fn value_text(m: Option<Measurement>, unit: &str, lang: Lang) -> String {
        match m {
            Some(m) => {
                let value = format!("{} {unit}", format_value(m.value));
                match m.date {
                    Some(d) => format!("{}\n{}", value.trim(), format_date(d, lang)),
                    None => value.trim().to_owned(),
                }
            }
            None => "–".to_owned(),
        }
    }

    /// How and how often, and by whom, in one cell.
    pub fn how_text(&self) -> String {
        [&self.method, &self.frequency, &self.owner]
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

pub struct ItemReport {
    pub id: ItemId,
    pub number: usize,
    pub title: String,
    pub short_title: String,
    pub score: Option<Level>,
    pub target: Option<Level>,
    pub gap: Option<i8>,
    /// The agreed score's words, e.g. 「試行中」.
    pub score_words: Option<String>,
    pub target_words: Option<String>,
    pub baseline: Option<Level>,
    pub current_state: String,
    pub ideas: String,
    pub facilitator_note: Option<String>,
    pub examples_done: Vec<String>,
    /// Member name and level, in member order.
    pub votes: Vec<(String, Level)>,
    /// Votes cast anonymously from phones, said in words: 「4 票：2 検討中 1 票、3 試行中 3 票」.
    pub anonymous_votes: Option<String>,
    /// The same as counts per level 1–5, for the spreadsheet.
    pub anonymous_counts: Option<crate::project::Distribution>,
}

impl ItemReport {
    /// The change since the previous round, when both rounds scored the item.
    pub fn change(&self) -> Option<i8> {
        Some(self.score?.get() as i8 - self.baseline?.get() as i8)
    }
}

pub struct ActionRow {
    pub item_number: usize,
    pub item_short_title: String,
    pub what: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub overdue: bool,
}

impl ActionRow {
    /// The due date for a table cell, with 期限切れ where it has passed; `none` where there is none.
    pub fn due_text(&self, lang: Lang, none: &str) -> String {
        match self.due {
            Some(d) if self.overdue => {
                format!("{} ({})", format_date(d, lang), tr!(lang, "report.overdue"))
            }
            Some(d) => format_date(d, lang),
            None => none.to_owned(),
        }
    }

    /// The owner for a table cell; `none` where nobody is named.
    pub fn owner_text(&self, none: &str) -> String {
        if self.owner.is_empty() {
            none.to_owned()
        } else {
            self.owner.clone()
        }
    }
}

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
                        let list: Vec<String> = e.done.iter().map(|d| format!("・{d}")).collect();
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
                .map_or_else(|| "–".to_owned(), |m| format!("{m:.1}"))
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

impl Report {
    pub fn build(project: &Project, options: &ExportOptions) -> Result<Report, ExportError> {
        let lang = options.lang;
        let checklist = Checklist::get(lang);
        let only_team = options
            .team
            .as_ref()
            .and_then(|name| project.teams.iter().find(|t| t.name.trim() == name.trim()));
        let chart = crate::radar::Chart::of_project(project, lang, only_team.map(|t| t.id));
        let teams: Vec<_> = match &options.team {
            Some(name) => {
                let found: Vec<_> = project
                    .teams
                    .iter()
                    .filter(|t| t.name.trim() == name.trim())
                    .collect();
                if found.is_empty() {
                    return Err(ExportError::NoSuchTeam(name.clone()));
                }
                found
            }
            None => project.teams.iter().collect(),
        };
        let m = &project.meta;
        let mut meta = Vec::new();
        let mut push = |key: &str, value: String| {
            if !value.trim().is_empty() {
                meta.push((tr!(lang, key), value));
            }
        };
        push("field.organization", m.organization.clone());
        push("field.department", m.department.clone());
        push(
            "field.date",
            m.date
                .map(|d| format_date_long(d, lang))
                .unwrap_or_default(),
        );
        push("field.facilitator", m.facilitator.clone());
        push("field.venue", m.venue.clone());
        let team_reports = teams
            .into_iter()
            .enumerate()
            .map(|(index, team)| {
                let stats = TeamStats::of(team, options.today);
                let name = display_team_name(&team.name, index, lang);
                let baseline = project.baseline_team(team);
                let items = team
                    .responses
                    .iter()
                    .zip(&stats.items)
                    .map(|((id, response), item_stats): ((ItemId, _), &ItemStats)| {
                        let text = checklist.item(id);
                        ItemReport {
                            id,
                            number: id.number(),
                            title: text.title.clone(),
                            short_title: text.short_title.clone(),
                            score: response.score,
                            target: response.target,
                            gap: item_stats.gap(),
                            score_words: response.score.map(|l| checklist.level(l).name.clone()),
                            target_words: response.target.map(|l| checklist.level(l).name.clone()),
                            baseline: baseline.and_then(|b| b.scores[id.index()]),
                            current_state: response.current_state.trim().to_owned(),
                            ideas: response.ideas.trim().to_owned(),
                            facilitator_note: options
                                .include_facilitator_notes
                                .then(|| response.facilitator_note.trim().to_owned())
                                .filter(|n| !n.is_empty()),
                            examples_done: response
                                .examples_done
                                .iter()
                                .filter_map(|&n| {
                                    text.examples.get((n as usize).checked_sub(1)?).cloned()
                                })
                                .collect(),
                            votes: team
                                .members
                                .iter()
                                .filter_map(|m| Some((m.name.clone(), response.vote_of(m.id)?)))
                                .collect(),
                            anonymous_votes: response
                                .anonymous_votes
                                .filter(|d| d.total() > 0)
                                .map(|d| anonymous_text(d, lang)),
                            anonymous_counts: response.anonymous_votes.filter(|d| d.total() > 0),
                        }
                    })
                    .collect();
                let mut actions: Vec<ActionRow> = team
                    .responses
                    .iter()
                    .flat_map(|(id, r)| r.actions.iter().map(move |a| (id, a)))
                    .map(|(id, a): (ItemId, &Action)| ActionRow {
                        item_number: id.number(),
                        item_short_title: checklist.item(id).short_title.clone(),
                        what: a.what.trim().to_owned(),
                        owner: a.owner.trim().to_owned(),
                        due: a.due,
                        status: a.status,
                        overdue: a.is_overdue(options.today),
                    })
                    .collect();
                // Open work first, soonest due first; undated last. Stable, so equal rows keep item order.
                actions.sort_by_key(|a| (a.status, a.due.is_none(), a.due));
                let review = team
                    .carried_actions()
                    .map(|(id, a)| ReviewRow {
                        item_number: id.number(),
                        item_short_title: checklist.item(id).short_title.clone(),
                        what: a.what.trim().to_owned(),
                        owner: a.owner.trim().to_owned(),
                        verdict: a.review.as_ref().map(|r| r.verdict),
                        note: a
                            .review
                            .as_ref()
                            .map(|r| r.note.trim().to_owned())
                            .unwrap_or_default(),
                    })
                    .collect();
                let kpis = team
                    .responses
                    .iter()
                    .flat_map(|(id, r)| r.kpis.iter().map(move |k| (id, k)))
                    .map(|(id, k)| KpiRow {
                        item_number: id.number(),
                        item_short_title: checklist.item(id).short_title.clone(),
                        indicator: k.indicator.trim().to_owned(),
                        unit: k.unit.trim().to_owned(),
                        baseline: k.baseline,
                        previous: k.previous,
                        current: k.current,
                        target: k.target,
                        method: k.method.trim().to_owned(),
                        frequency: k.frequency.trim().to_owned(),
                        owner: k.owner.trim().to_owned(),
                    })
                    .collect();
                TeamReport {
                    name,
                    index: team_index(project, team.id),
                    members: team.members.iter().map(|m| m.name.clone()).collect(),
                    items,
                    mean_score: stats.mean_score(),
                    scored: stats.scored(),
                    actions,
                    review,
                    kpis,
                }
            })
            .collect();
        let title = if m.title.trim().is_empty() {
            tr!(lang, "report.untitled")
        } else {
            m.title.clone()
        };
        let made_by = [m.department.trim(), m.facilitator.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let team_charts = teams_for_charts(project, options)
            .iter()
            .map(|id| crate::radar::Chart::of_project(project, lang, Some(*id)))
            .collect();
        Ok(Report {
            team_charts,
            median_chart: crate::radar::Chart::median_of(project, lang),
            lang,
            title,
            made_on: options.today,
            made_by,
            circulation: options.circulation.then(|| {
                let c = &m.circulation;
                if c.readers.is_empty() && c.approvers.is_empty() {
                    crate::project::Circulation::default_for(lang)
                } else {
                    c.clone()
                }
            }),
            meta,
            baseline_title: project.baseline.as_ref().map(|b| match b.date {
                Some(d) => format!("{} ({})", b.title, format_date(d, lang)),
                None => b.title.clone(),
            }),
            teams: team_reports,
            today: options.today,
            chart,
            meta_date: m
                .date
                .map(|d| (d.year() as u16, d.month() as u8, d.day() as u8)),
        })
    }

    /// The chart of the median of every team's scores.
    pub fn median_chart(&self) -> crate::radar::Chart {
        self.median_chart.clone()
    }

    /// The chart of one team of the report.
    pub fn team_chart(&self, team: &TeamReport) -> crate::radar::Chart {
        self.teams
            .iter()
            .position(|t| std::ptr::eq(t, team))
            .and_then(|i| self.team_charts.get(i).cloned())
            .unwrap_or_else(|| self.chart.clone())
    }

    /// The rows of one team's actions with `status`.
    pub fn actions_with(
        team: &TeamReport,
        status: ActionStatus,
    ) -> impl Iterator<Item = &ActionRow> {
        team.actions.iter().filter(move |a| a.status == status)
    }
}

/// The ids of the teams a report covers, in order.
fn teams_for_charts(project: &Project, options: &ExportOptions) -> Vec<u32> {
    project
        .teams
        .iter()
        .filter(|t| {
            options
                .team
                .as_ref()
                .is_none_or(|name| t.name.trim() == name.trim())
        })
        .map(|t| t.id)
        .collect()
}

/// Where a team stands in its project: its colour and line pattern in every chart.
fn team_index(project: &Project, team: u32) -> usize {
    project.teams.iter().position(|t| t.id == team).unwrap_or(0)
}

/// The gap to the target as people say it: 「あと 2」, 「到達」, 「目標を 1 上回る」.
pub fn gap_text(gap: i8, lang: Lang) -> String {
    match gap {
        g if g > 0 => tr!(lang, "report.gap_left", gap = g),
        0 => tr!(lang, "report.gap_reached"),
        g => tr!(lang, "report.gap_above", gap = -g),
    }
}

/// A change or a gap with its sign: "+2", "-1", "0".
pub fn signed(n: i8) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// A team without a name still needs one on paper: 「チーム1」.
pub fn display_team_name(name: &str, index: usize, lang: Lang) -> String {
    if name.trim().is_empty() {
        tr!(lang, "team.unnamed", number = index + 1)
    } else {
        name.trim().to_owned()
    }
}

/// `2026-11-26` in the short form people write in tables.
/// 「4 票：2 検討中 1 票、3 試行中 3 票」: an anonymous distribution in words.
pub fn anonymous_text(distribution: crate::project::Distribution, lang: Lang) -> String {
    let checklist = Checklist::get(lang);
    let separator = match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    };
    let parts: Vec<String> = Level::ALL
        .iter()
        .zip(distribution.0)
        .filter(|(_, count)| *count > 0)
        .map(|(level, count)| {
            tr!(
                lang,
                "report.anonymous_part",
                level = level.get(),
                words = checklist.level(*level).name,
                count = count
            )
        })
        .collect();
    tr!(
        lang,
        "report.anonymous_votes_text",
        total = distribution.total(),
        parts = parts.join(separator)
    )
}

pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    format_date_long(date, lang)
}

/// The one date style of the reports: 和暦 first with the Western year, as official documents
/// write it, 「令和8年（2026年）11月26日」; 26 November 2026 in English.
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => match japanese_era_year(date) {
            Some(era) => format!(
                "{era}（{}年）{}月{}日",
                date.year(),
                date.month(),
                date.day()
            ),
            None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        },
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// A date for the window's narrow columns: 2026/11/26.
pub fn format_date_compact(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => date.format("%Y/%m/%d").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// The date in the Japanese era calendar (和暦): 令和8年11月26日, with 元年 for an era's first year.
pub fn japanese_era(date: NaiveDate) -> Option<String> {
    // Era start dates; chrono has no Japanese calendar and no maintained crate does this small job.
    const ERAS: [(&str, i32, u32, u32); 3] = [
        ("令和", 2019, 5, 1),
        ("平成", 1989, 1, 8),
        ("昭和", 1926, 12, 25),
    ];
    let (name, start_year, ..) = ERAS.into_iter().find(|&(_, y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d).is_some_and(|start| date >= start)
    })?;
    let year = date.year() - start_year + 1;
    let year = if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    };
    Some(format!("{name}{year}年{}月{}日", date.month(), date.day()))
}

/// The era and year alone: 令和8年 (令和元年 in an era's first year).
fn japanese_era_year(date: NaiveDate) -> Option<String> {
    let full = japanese_era(date)?;
    let end = full.find('年')? + '年'.len_utf8();
    Some(full[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn japanese_era_dates() {
        assert_eq!(
            japanese_era(d("2026-11-26")).as_deref(),
            Some("令和8年11月26日")
        );
        assert_eq!(
            japanese_era(d("2019-05-01")).as_deref(),
            Some("令和元年5月1日")
        );
        assert_eq!(
            japanese_era(d("2019-04-30")).as_deref(),
            Some("平成31年4月30日")
        );
        assert_eq!(japanese_era(d("1900-01-01")), None);
        assert_eq!(
            format_date_long(d("2026-11-26"), Lang::Ja),
            "令和8年（2026年）11月26日"
        );
        assert_eq!(
            format_date(d("2019-05-01"), Lang::Ja),
            "令和元年（2019年）5月1日",
            "tables use the same style"
        );
        assert_eq!(
            format_date_long(d("2026-11-26"), Lang::En),
            "26 November 2026"
        );
    }
}
