//! The content of a workshop summary, computed once and rendered by every export format.

use super::{ExportError, ExportOptions};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::{Action, ActionStatus, ItemStats, Level, Project, TeamStats};
use crate::tr;
use chrono::{Datelike, NaiveDate};

pub struct Report {
    pub lang: Lang,
    pub title: String,
    /// Label and value pairs for the header: organisation, date, facilitator, venue.
    pub meta: Vec<(String, String)>,
    pub baseline_title: Option<String>,
    pub teams: Vec<TeamReport>,
    pub today: NaiveDate,
    /// The radar chart of the teams in the report.
    pub chart: crate::radar::Chart,
    /// The workshop date as (year, month, day), for document metadata.
    pub meta_date: Option<(u16, u8, u8)>,
}

pub struct TeamReport {
    pub name: String,
    pub members: Vec<String>,
    pub items: Vec<ItemReport>,
    pub mean_score: Option<f64>,
    /// Every action of the team, with the item it belongs to, ordered by status, then due date.
    pub actions: Vec<ActionRow>,
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
                TeamReport {
                    name,
                    members: team.members.iter().map(|m| m.name.clone()).collect(),
                    items,
                    mean_score: stats.mean_score(),
                    actions,
                }
            })
            .collect();
        let title = if m.title.trim().is_empty() {
            tr!(lang, "report.untitled")
        } else {
            m.title.clone()
        };
        Ok(Report {
            lang,
            title,
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

    /// The rows of one team's actions with `status`.
    pub fn actions_with(
        team: &TeamReport,
        status: ActionStatus,
    ) -> impl Iterator<Item = &ActionRow> {
        team.actions.iter().filter(move |a| a.status == status)
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
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => date.format("%Y/%m/%d").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// The long form for headers: 2026年11月26日（令和8年11月26日） or 26 November 2026.
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            let western = format!("{}年{}月{}日", date.year(), date.month(), date.day());
            match japanese_era(date) {
                Some(era) => format!("{western}（{era}）"),
                None => western,
            }
        }
        Lang::En => date.format("%-d %B %Y").to_string(),
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
            "2026年11月26日（令和8年11月26日）"
        );
        assert_eq!(
            format_date_long(d("2026-11-26"), Lang::En),
            "26 November 2026"
        );
    }
}
