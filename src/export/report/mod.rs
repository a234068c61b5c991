//! The content of a workshop summary, computed once and rendered by every export format: the
//! [`Report`] and how it is built from a project ([`Report::build`]), its rows ([`rows`]) and the
//! tables the documents share ([`tables`]).

mod rows;
mod tables;

pub use rows::{ActionRow, EffectRow, ItemReport, KpiRow, ReviewRow};
pub use tables::{MAIN_ACTIONS, Table, TableRow, action_columns, score_columns};

/// The groups of stamp boxes, in the order they stand: 決裁 (who approves), then 回覧 (who
/// reads), each its label and roles.
pub fn stamp_groups(
    circulation: &crate::project::Circulation,
    lang: Lang,
) -> [(String, &[String]); 2] {
    [
        (
            tr!(lang, "report.approval"),
            circulation.approvers.as_slice(),
        ),
        (
            tr!(lang, "report.circulation"),
            circulation.readers.as_slice(),
        ),
    ]
}

/// Whether a 回覧/決裁 group's label is written down its own narrow column, as on a Japanese
/// form; a Latin label ("Approval") would run letter by letter, so it heads its boxes instead.
/// The one rule for the PDF and the HTML.
pub fn stamp_label_is_vertical(label: &str) -> bool {
    !label.is_ascii()
}

use super::{ExportError, ExportOptions};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::{Action, ActionStatus, ItemStats, Level, Project, TeamStats, same_name};
use crate::tr;
use crate::words::{display_team_name, format_date_long, signed};
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
    /// The team's own chart (one of the small multiples of a project with many teams).
    pub chart: crate::radar::Chart,
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
            .map_or_else(String::new, |c| lang.bracketed(&signed(c)));
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
                .filter(|r| r.item_number == item.number && r.done)
                .map(|r| (r.what.as_str(), r.impact))
                .collect(),
        })
    }
}

impl Report {
    pub fn build(project: &Project, options: &ExportOptions) -> Result<Report, ExportError> {
        let lang = options.lang;
        let checklist = Checklist::get(lang);
        let only_team = options
            .team
            .as_ref()
            .and_then(|name| project.team_named(name));
        let chart = crate::radar::Chart::of_project(project, lang, only_team.map(|t| t.id));
        let teams: Vec<_> = match &options.team {
            Some(name) => {
                let found: Vec<_> = project
                    .teams
                    .iter()
                    .filter(|t| same_name(&t.name, name))
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
                        let dont_know = response.all_answers().dont_know;
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
                            ideas: ideas_with_reasons(project, team, response, lang),
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
                            votes: named_votes(project, team, response, lang),
                            anonymous_votes: response.anonymous_text(lang),
                            anonymous_counts: response.anonymous_shown(),
                            dont_know,
                            dont_know_text: Some(dont_know).filter(|&n| n > 0).map(|n| {
                                tr!(lang, lang.count_key("report.dont_know_text", n), count = n)
                            }),
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
                        impact: a
                            .review
                            .as_ref()
                            .filter(|r| r.verdict == crate::project::Verdict::Done)
                            .and_then(|r| r.impact),
                        note: a
                            .review
                            .as_ref()
                            .map(|r| r.note.trim().to_owned())
                            .unwrap_or_default(),
                        done: a.status == ActionStatus::Done,
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
                    chart: crate::radar::Chart::of_project(project, lang, Some(team.id)),
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
        Ok(Report {
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
                Some(d) => format!("{} ({})", b.title, format_date_long(d, lang)),
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

    /// The rows of one team's actions with `status`.
    pub fn actions_with(
        team: &TeamReport,
        status: ActionStatus,
    ) -> impl Iterator<Item = &ActionRow> {
        team.actions.iter().filter(move |a| a.status == status)
    }
}

/// Where a team stands in its project: its colour and line pattern in every chart.
fn team_index(project: &Project, team: u32) -> usize {
    project.teams.iter().position(|t| t.id == team).unwrap_or(0)
}

/// The members' votes as documents show them: beside their names, or, where only the facilitator
/// may see who voted what, in order of the answer with no name (a list in member order would
/// tell).
/// The team's 気づき, then each reason the facilitator released, marked as a member's words
/// (with the name where names are for everyone). Reasons not released stay in the window.
fn ideas_with_reasons(
    project: &Project,
    team: &crate::project::Team,
    response: &crate::project::ItemResponse,
    lang: Lang,
) -> String {
    let mut lines = vec![response.ideas.trim().to_owned()];
    lines.retain(|l| !l.is_empty());
    for reason in response.released_reasons() {
        let name = reason
            .member
            .filter(|_| !project.meta.names_private())
            .and_then(|m| team.members.iter().find(|x| x.id == m));
        lines.push(match name {
            Some(member) => tr!(
                lang,
                "reasons.line_named",
                text = reason.text,
                name = member.name.trim()
            ),
            None => tr!(lang, "reasons.line", text = reason.text),
        });
    }
    lines.join("\n")
}

fn named_votes(
    project: &Project,
    team: &crate::project::Team,
    response: &crate::project::ItemResponse,
    lang: Lang,
) -> Vec<(String, crate::checklist::Answer)> {
    let mut votes: Vec<(String, crate::checklist::Answer)> = team
        .members
        .iter()
        .filter_map(|m| Some((m.name.clone(), response.vote_of(m.id)?)))
        .collect();
    if project.meta.names_private() {
        let withheld = tr!(lang, "report.name_withheld");
        for vote in &mut votes {
            vote.0.clone_from(&withheld);
        }
        votes.sort_by_key(|(_, answer)| *answer);
    }
    votes
}
