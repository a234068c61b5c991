//! Merging laptops: where each team sat at its own laptop, their files are combined afterwards.
//!
//! Teams are matched by name; a team found in one file only is added. Within a team, members are
//! matched by name, votes by member, examples by number, actions and indicators by id *and* their
//! text (two laptops that started from one file number their new actions alike, so the same id
//! with another text is another action, added under a new id). A value set in both files and
//! different is a [`Conflict`]: the merged project keeps the first file's value until the other
//! is chosen. Nothing is dropped: every vote, action, indicator and example of both files is in
//! the result or in a conflict.

use super::edit::{Edit, TextField};
use super::kpi::Kpi;
use super::{Action, Level, Project, Team, next_id};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::tr;

/// Which value wins when two files differ and nobody picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Prefer {
    /// The value of the file saved last (its `modified_at`).
    Newest,
    /// The value of the first file given.
    First,
}

/// A value that differs between the files: where, both values in words, and how to take the
/// other file's.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// 「デジタル推進課 › 3. 場作り › スコア」.
    pub place: String,
    pub ours: String,
    pub theirs: String,
    /// The other file was saved after the one kept so far.
    pub theirs_newer: bool,
    /// The edit that takes the other file's value.
    change: Edit,
}

impl Conflict {
    /// Takes the other file's value: the same edit the window would make.
    pub fn take_theirs(&self, project: &mut Project) {
        self.change.clone().apply_in_place(project);
    }
}

/// The result of merging: the project (with the first file's values where they differ), what
/// differs, and the teams added whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub project: Project,
    pub conflicts: Vec<Conflict>,
    pub added_teams: Vec<String>,
    pub merged_teams: Vec<String>,
}

impl Merged {
    /// Resolves every conflict by `prefer`.
    #[must_use]
    pub fn resolved(mut self, prefer: Prefer) -> Project {
        if prefer == Prefer::Newest {
            for conflict in &self.conflicts {
                if conflict.theirs_newer {
                    conflict.take_theirs(&mut self.project);
                }
            }
        }
        self.project
    }
}

/// Merges `theirs` into `ours`.
pub fn merge(ours: &Project, theirs: &Project, lang: Lang) -> Merged {
    let theirs_newer = match (ours.meta.modified_at, theirs.meta.modified_at) {
        (Some(a), Some(b)) => b > a,
        (None, Some(_)) => true,
        _ => false,
    };
    let mut m = Merger {
        project: ours.clone(),
        conflicts: Vec::new(),
        theirs_newer,
        lang,
    };
    m.meta(&theirs.meta);
    let mut added_teams = Vec::new();
    let mut merged_teams = Vec::new();
    for team in &theirs.teams {
        let found = m
            .project
            .teams
            .iter()
            .position(|t| super::same_name(&t.name, &team.name));
        if let Some(index) = found {
            merged_teams.push(team.name.clone());
            m.team(index, team);
        } else {
            added_teams.push(team.name.clone());
            let id = m.project.next_team_id();
            m.project.teams.push(Team { id, ..team.clone() });
        }
    }
    if let Some(a) = theirs.meta.modified_at
        && m.project.meta.modified_at.is_none_or(|b| a > b)
    {
        m.project.meta.modified_at = Some(a);
    }
    Merged {
        project: m.project,
        conflicts: m.conflicts,
        added_teams,
        merged_teams,
    }
}

/// A text of the workshop's details: its label, ours, theirs, and which field it is.
type Field<'a> = (&'a str, &'a mut String, &'a String, TextField);

struct Merger {
    project: Project,
    conflicts: Vec<Conflict>,
    theirs_newer: bool,
    lang: Lang,
}

impl Merger {
    fn conflict(&mut self, place: String, ours: String, theirs: String, change: Edit) {
        self.conflicts.push(Conflict {
            place,
            ours,
            theirs,
            theirs_newer: self.theirs_newer,
            change,
        });
    }

    /// A text: taken when ours is empty, a conflict when both differ.
    fn text(&mut self, ours: &mut String, theirs: &str, place: impl Fn() -> String, change: Edit) {
        if theirs.trim().is_empty() || ours.trim() == theirs.trim() {
            return;
        }
        if ours.trim().is_empty() {
            theirs.clone_into(ours);
        } else {
            let o = ours.clone();
            self.conflict(place(), o, theirs.to_owned(), change);
        }
    }

    fn meta(&mut self, theirs: &super::Meta) {
        let lang = self.lang;
        let mut meta = self.project.meta.clone();
        let fields: [Field; 4] = [
            (
                "field.title",
                &mut meta.title,
                &theirs.title,
                TextField::Title,
            ),
            (
                "field.organization",
                &mut meta.organization,
                &theirs.organization,
                TextField::Organization,
            ),
            (
                "field.facilitator",
                &mut meta.facilitator,
                &theirs.facilitator,
                TextField::Facilitator,
            ),
            (
                "field.venue",
                &mut meta.venue,
                &theirs.venue,
                TextField::Venue,
            ),
        ];
        for (key, ours, theirs, field) in fields {
            let change = Edit::SetText(field, theirs.clone());
            self.text(ours, theirs, || tr!(lang, key), change);
        }
        match (meta.date, theirs.date) {
            (None, Some(d)) => meta.date = Some(d),
            (Some(a), Some(b)) if a != b => self.conflict(
                tr!(lang, "field.date"),
                a.to_string(),
                b.to_string(),
                Edit::SetDate(Some(b)),
            ),
            _ => {}
        }
        self.project.meta = meta;
    }

    fn team(&mut self, index: usize, theirs: &Team) {
        let lang = self.lang;
        let mut team = self.project.teams[index].clone();
        // Members by name; theirs get our ids, new ones new ids.
        let mut ids = std::collections::HashMap::new();
        for member in &theirs.members {
            let found = team
                .members
                .iter()
                .find(|m| super::same_name(&m.name, &member.name))
                .map(|m| m.id);
            let id = if let Some(id) = found {
                id
            } else {
                let id = next_id(&team.members);
                team.members.push(super::Member {
                    id,
                    name: member.name.clone(),
                });
                id
            };
            ids.insert(member.id, id);
        }
        let checklist = Checklist::get(lang);
        let team_name = team.name.clone();
        for id in ItemId::ALL {
            let place = |what: &str| {
                format!(
                    "{team_name} › {}. {} › {what}",
                    id.number(),
                    checklist.item(id).short_title
                )
            };
            let t = team.id;
            let mut ours = team.responses[id].clone();
            let other = &theirs.responses[id];
            let score = |level| Edit::SetScore {
                team: t,
                item: id,
                level,
            };
            let target = |level| Edit::SetTarget {
                team: t,
                item: id,
                level,
            };
            for (mine, other_level, key, change) in [
                (
                    &mut ours.score,
                    other.score,
                    "item.score",
                    &score as &dyn Fn(Option<Level>) -> Edit,
                ),
                (&mut ours.target, other.target, "item.target", &target),
            ] {
                match (*mine, other_level) {
                    (None, Some(l)) => *mine = Some(l),
                    (Some(a), Some(b)) if a != b => self.conflict(
                        place(&tr!(lang, key)),
                        a.get().to_string(),
                        b.get().to_string(),
                        change(Some(b)),
                    ),
                    _ => {}
                }
            }
            let texts: [(&str, &mut String, &String, TextField); 3] = [
                (
                    "field.current_state",
                    &mut ours.current_state,
                    &other.current_state,
                    TextField::CurrentState { team: t, item: id },
                ),
                (
                    "field.ideas",
                    &mut ours.ideas,
                    &other.ideas,
                    TextField::Ideas { team: t, item: id },
                ),
                (
                    "field.facilitator_note",
                    &mut ours.facilitator_note,
                    &other.facilitator_note,
                    TextField::FacilitatorNote { team: t, item: id },
                ),
            ];
            for (key, mine, other_text, field) in texts {
                let change = Edit::SetText(field, other_text.clone());
                self.text(mine, other_text, || place(&tr!(lang, key)), change);
            }
            for vote in &other.votes {
                let Some(&member) = ids.get(&vote.member) else {
                    continue;
                };
                match ours.votes.iter().find(|v| v.member == member) {
                    None => ours.votes.push(super::Vote {
                        member,
                        answer: vote.answer,
                    }),
                    Some(v) if v.answer != vote.answer => {
                        let name = team
                            .members
                            .iter()
                            .find(|m| m.id == member)
                            .map(|m| m.name.clone())
                            .unwrap_or_default();
                        self.conflict(
                            place(&tr!(lang, "merge.vote_of", member = name)),
                            v.answer.text(lang),
                            vote.answer.text(lang),
                            Edit::SetVote {
                                team: t,
                                item: id,
                                member,
                                answer: Some(vote.answer),
                            },
                        );
                    }
                    Some(_) => {}
                }
            }
            ours.votes.sort_by_key(|v| v.member);
            ours.votes_revealed |= other.votes_revealed;
            match (ours.anonymous_votes, other.anonymous_votes) {
                (None, Some(d)) => ours.anonymous_votes = Some(d),
                (Some(a), Some(b)) if a != b => self.conflict(
                    place(&tr!(lang, "report.anonymous_votes")),
                    a.shown_text(lang),
                    b.shown_text(lang),
                    Edit::RecordBallots {
                        team: t,
                        item: id,
                        named: Vec::new(),
                        anonymous: Some(b),
                        reasons: other
                            .reasons
                            .iter()
                            .filter(|r| r.member.is_none())
                            .cloned()
                            .collect(),
                        shown: false,
                    },
                ),
                _ => {}
            }
            // Reasons are added up: what one laptop released stays released.
            for reason in &other.reasons {
                let member = match reason.member {
                    None => None,
                    Some(m) => match ids.get(&m) {
                        Some(&mapped) => Some(mapped),
                        None => continue,
                    },
                };
                let theirs = super::Reason {
                    member,
                    ..reason.clone()
                };
                match ours.reasons.iter_mut().find(|r| r.same(&theirs)) {
                    Some(mine) => mine.released |= theirs.released,
                    None => ours.reasons.push(theirs),
                }
            }
            for example in &other.examples_done {
                if !ours.examples_done.contains(example) {
                    ours.examples_done.push(*example);
                }
            }
            ours.examples_done.sort_unstable();
            team.responses[id] = ours;
            self.actions(&mut team, id, &other.actions, &place);
            self.kpis(&mut team, id, &other.kpis, &place);
        }
        self.project.teams[index] = team;
    }

    fn actions(
        &mut self,
        team: &mut Team,
        item: ItemId,
        theirs: &[Action],
        place: &dyn Fn(&str) -> String,
    ) {
        let lang = self.lang;
        let t = team.id;
        for other in theirs {
            let same = team.responses[item]
                .actions
                .iter()
                .position(|a| a.id == other.id && a.what.trim() == other.what.trim());
            let Some(index) = same else {
                // Another action (new here, or a new one numbered alike on the other laptop).
                let id = if team
                    .responses
                    .0
                    .iter()
                    .flat_map(|r| &r.actions)
                    .any(|a| a.id == other.id)
                {
                    team.next_action_id()
                } else {
                    other.id
                };
                team.responses[item].actions.push(Action {
                    id,
                    ..other.clone()
                });
                continue;
            };
            let ours = team.responses[item].actions[index].clone();
            let short: String = ours.what.chars().take(20).collect();
            let at = |field: &str| place(&format!("{short} › {field}"));
            if ours.owner.trim() != other.owner.trim() {
                if ours.owner.trim().is_empty() {
                    team.responses[item].actions[index]
                        .owner
                        .clone_from(&other.owner);
                } else if !other.owner.trim().is_empty() {
                    self.conflict(
                        at(&tr!(lang, "report.col.owner")),
                        ours.owner.clone(),
                        other.owner.clone(),
                        Edit::SetText(
                            TextField::ActionOwner {
                                team: t,
                                item,
                                action: ours.id,
                            },
                            other.owner.clone(),
                        ),
                    );
                }
            }
            match (ours.due, other.due) {
                (None, Some(d)) => team.responses[item].actions[index].due = Some(d),
                (Some(a), Some(b)) if a != b => self.conflict(
                    at(&tr!(lang, "report.col.due")),
                    a.to_string(),
                    b.to_string(),
                    Edit::SetActionDue {
                        team: t,
                        item,
                        action: ours.id,
                        due: Some(b),
                    },
                ),
                _ => {}
            }
            if ours.status != other.status {
                self.conflict(
                    at(&tr!(lang, "item.status")),
                    ours.status.label(lang),
                    other.status.label(lang),
                    Edit::SetActionStatus {
                        team: t,
                        item,
                        action: ours.id,
                        status: other.status,
                    },
                );
            }
            let review = &mut team.responses[item].actions[index].review;
            match (review.as_mut(), &other.review) {
                (None, _) => review.clone_from(&other.review),
                // The same verdict, the effect rated on one laptop only: keep the rating.
                (Some(ours), Some(theirs))
                    if ours.verdict == theirs.verdict && ours.impact.is_none() =>
                {
                    ours.impact = theirs.impact;
                }
                _ => {}
            }
        }
    }

    fn kpis(
        &mut self,
        team: &mut Team,
        item: ItemId,
        theirs: &[Kpi],
        place: &dyn Fn(&str) -> String,
    ) {
        let lang = self.lang;
        let t = team.id;
        for other in theirs {
            let same = team.responses[item]
                .kpis
                .iter()
                .position(|k| k.id == other.id && k.indicator.trim() == other.indicator.trim());
            match same {
                None => {
                    let taken = team.responses[item].kpis.iter().any(|k| k.id == other.id);
                    let id = if taken { team.next_kpi_id() } else { other.id };
                    team.responses[item].kpis.push(Kpi {
                        id,
                        ..other.clone()
                    });
                }
                Some(index) if team.responses[item].kpis[index] != *other => {
                    let ours = &team.responses[item].kpis[index];
                    let describe = |k: &Kpi| {
                        let value = |m: Option<super::kpi::Measurement>| {
                            m.map_or("–".to_owned(), |m| super::kpi::format_value(m.value))
                        };
                        format!(
                            "{} → {} → {}",
                            value(k.baseline),
                            value(k.current),
                            value(k.target)
                        )
                    };
                    self.conflict(
                        place(&format!(
                            "{} › {}",
                            tr!(lang, "kpi.indicator"),
                            ours.indicator
                        )),
                        describe(ours),
                        describe(other),
                        Edit::SetKpi {
                            team: t,
                            item,
                            kpi: Box::new(other.clone()),
                        },
                    );
                }
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::sample_project;

    #[test]
    fn the_same_file_merges_into_itself_without_conflicts() {
        let p = sample_project();
        let m = merge(&p, &p, Lang::Ja);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.project, p);
    }

    #[test]
    fn a_team_from_another_laptop_is_added_and_a_differing_score_is_a_conflict() {
        let a = sample_project();
        let mut b = sample_project();
        b.teams[0].responses[ItemId::Partners].score = Level::new(5);
        let mut extra = b.teams[1].clone();
        extra.name = "子育て支援課".into();
        b.teams.push(extra);
        let m = merge(&a, &b, Lang::Ja);
        assert_eq!(m.added_teams, vec!["子育て支援課".to_owned()]);
        assert_eq!(m.conflicts.len(), 1);
        assert!(
            m.conflicts[0].place.contains("スコア"),
            "{}",
            m.conflicts[0].place
        );
        let kept = m.project.teams[0].responses[ItemId::Partners].score;
        assert_eq!(
            kept,
            a.teams[0].responses[ItemId::Partners].score,
            "first kept"
        );
        let mut chosen = m.project.clone();
        m.conflicts[0].take_theirs(&mut chosen);
        assert_eq!(
            chosen.teams[0].responses[ItemId::Partners].score,
            Level::new(5)
        );
        assert!(m.project.validate().is_ok());
    }

    #[test]
    fn members_reasons_add_up_and_what_one_laptop_released_stays_released() {
        let a = sample_project();
        let mut b = sample_project();
        let item = ItemId::MoneyFlow;
        let theirs = &mut b.teams[0].responses[item].reasons;
        for r in theirs.iter_mut() {
            r.released = true;
        }
        theirs.push(crate::project::Reason {
            text: "別の端末で受けた理由".into(),
            member: Some(5),
            released: false,
            typed: false,
        });
        let m = merge(&a, &b, Lang::Ja);
        let merged = &m.project.teams[0].responses[item].reasons;
        assert_eq!(merged.len(), 4, "one of each, the new one added");
        assert_eq!(merged.iter().filter(|r| r.released).count(), 3);
        assert!(m.conflicts.is_empty(), "reasons never conflict");
        assert!(m.project.validate().is_ok());
    }

    #[test]
    fn two_anonymous_answers_are_not_broken_down_in_a_conflict_and_an_effect_is_kept() {
        let mut a = sample_project();
        let mut b = sample_project();
        let two = |levels| crate::project::Distribution {
            levels,
            dont_know: 0,
        };
        a.teams[0].responses[ItemId::Users].anonymous_votes = Some(two([0, 1, 0, 1, 0]));
        b.teams[0].responses[ItemId::Users].anonymous_votes = Some(two([1, 0, 0, 0, 1]));
        // A carried action reviewed 完了 on both laptops, its effect rated on the other only.
        let (item, index) = (ItemId::ValueKpi, 0);
        a.teams[0].responses[item].actions[index]
            .review
            .as_mut()
            .expect("reviewed")
            .impact = None;
        let theirs = b.teams[0].responses[item].actions[index].review.clone();
        let m = merge(&a, &b, Lang::Ja);
        let conflict = m
            .conflicts
            .iter()
            .find(|c| c.place.contains("匿名"))
            .expect("the anonymous votes differ");
        for text in [&conflict.ours, &conflict.theirs] {
            assert!(
                text.contains("3 票未満") && !text.contains("検討中"),
                "{text}"
            );
        }
        assert_eq!(
            m.project.teams[0].responses[item].actions[index].review, theirs,
            "the rating is not lost"
        );
    }

    #[test]
    fn actions_numbered_alike_on_two_laptops_are_both_kept() {
        let a = sample_project();
        let mut b = sample_project();
        let mut ours = a.clone();
        let id = a.teams[0].next_action_id();
        let new = |what: &str| Action {
            id,
            what: what.into(),
            ..Action::default()
        };
        ours.teams[0].responses[ItemId::Users]
            .actions
            .push(new("こちらの新しいアクション"));
        b.teams[0].responses[ItemId::Users]
            .actions
            .push(new("あちらの新しいアクション"));
        let m = merge(&ours, &b, Lang::Ja);
        let whats: Vec<&str> = m.project.teams[0].responses[ItemId::Users]
            .actions
            .iter()
            .map(|a| a.what.as_str())
            .collect();
        assert!(whats.contains(&"こちらの新しいアクション"));
        assert!(whats.contains(&"あちらの新しいアクション"));
        assert!(m.project.validate().is_ok(), "ids stay unique");
    }
}
