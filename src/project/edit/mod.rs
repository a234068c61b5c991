//! Every change the window can make to a project, as data. The UI emits these; [`Edit::apply`] is
//! the one place that changes the project, so that undo, the dirty mark and autosave see them all.

use crate::checklist::ItemId;
use crate::project::kpi::{Kpi, Measurement};
use crate::project::{
    Action, ActionReview, ActionStatus, Baseline, ItemResponse, Level, Member, Project, Team,
    Verdict, Vote,
};
use chrono::NaiveDate;

/// Which text a [`Edit::SetText`] replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Organization,
    Facilitator,
    Venue,
    TeamName {
        team: u32,
    },
    MemberName {
        team: u32,
        member: u32,
    },
    CurrentState {
        team: u32,
        item: ItemId,
    },
    Ideas {
        team: u32,
        item: ItemId,
    },
    FacilitatorNote {
        team: u32,
        item: ItemId,
    },
    ActionWhat {
        team: u32,
        item: ItemId,
        action: u32,
    },
    ActionOwner {
        team: u32,
        item: ItemId,
        action: u32,
    },
    /// The note of a carried action's review.
    ReviewNote {
        team: u32,
        item: ItemId,
        action: u32,
    },
    Kpi {
        team: u32,
        item: ItemId,
        kpi: u32,
        part: KpiText,
    },
    Department,
    DocumentNumber,
    /// Typing the roles of the 回覧 (or, with `approvers`, 決裁) boxes: the merge key of
    /// [`Edit::SetCirculationRoles`].
    CirculationRoles {
        approvers: bool,
    },
}

/// The texts of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiText {
    Indicator,
    Unit,
    Method,
    Frequency,
    Owner,
}

/// Which value of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiValue {
    Baseline,
    Target,
    Current,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetText(TextField, String),
    SetDate(Option<NaiveDate>),
    AddTeam {
        name: String,
    },
    RemoveTeam {
        team: u32,
    },
    MoveTeam {
        team: u32,
        up: bool,
    },
    AddMember {
        team: u32,
        name: String,
    },
    RemoveMember {
        team: u32,
        member: u32,
    },
    MoveMember {
        team: u32,
        member: u32,
        up: bool,
    },
    SetVote {
        team: u32,
        item: ItemId,
        member: u32,
        level: Option<Level>,
    },
    RevealVotes {
        team: u32,
        item: ItemId,
        revealed: bool,
    },
    SetScore {
        team: u32,
        item: ItemId,
        level: Option<Level>,
    },
    SetTarget {
        team: u32,
        item: ItemId,
        level: Option<Level>,
    },
    SetExampleDone {
        team: u32,
        item: ItemId,
        number: u32,
        done: bool,
    },
    AddAction {
        team: u32,
        item: ItemId,
        owner: String,
    },
    RemoveAction {
        team: u32,
        item: ItemId,
        action: u32,
    },
    MoveAction {
        team: u32,
        item: ItemId,
        action: u32,
        up: bool,
    },
    SetActionDue {
        team: u32,
        item: ItemId,
        action: u32,
        due: Option<NaiveDate>,
    },
    SetActionStatus {
        team: u32,
        item: ItemId,
        action: u32,
        status: ActionStatus,
    },
    /// The earlier round to compare with (or none).
    SetBaseline(Option<Baseline>),
    /// The minutes per item (or no plan).
    SetAgenda(Option<crate::project::agenda::Agenda>),
    /// A carried action's verdict (its status follows) or, with `None`, no verdict yet.
    ReviewAction {
        team: u32,
        item: ItemId,
        action: u32,
        verdict: Option<Verdict>,
    },
    AddKpi {
        team: u32,
        item: ItemId,
    },
    RemoveKpi {
        team: u32,
        item: ItemId,
        kpi: u32,
    },
    SetKpiValue {
        team: u32,
        item: ItemId,
        kpi: u32,
        which: KpiValue,
        value: Option<Measurement>,
    },
    /// Votes collected from phones, at their reveal: the members' votes replace theirs, an
    /// anonymous distribution replaces the item's (a vote taken again replaces the earlier one),
    /// and the votes are shown.
    RecordBallots {
        team: u32,
        item: ItemId,
        named: Vec<Vote>,
        anonymous: Option<crate::project::Distribution>,
        /// Reveal them (or record them hidden, as typed votes are until the reveal).
        shown: bool,
    },
    /// The whole project, as another laptop's file merged in made it (one step to undo).
    Replace(Box<Project>),
    /// The roles of the 回覧 boxes, or with `approvers`, of the 決裁 boxes.
    SetCirculationRoles {
        approvers: bool,
        roles: Vec<String>,
    },
}

/// What a removal takes with it, said after the fact with a way back (「削除しました ［元に戻す］」).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removed {
    Team {
        name: String,
        scores: usize,
        votes: usize,
        actions: usize,
    },
    Member {
        name: String,
        votes: usize,
    },
    Action {
        what: String,
    },
    Kpi {
        indicator: String,
    },
}

impl Removed {
    pub fn text(&self, lang: crate::Lang) -> String {
        use crate::tr;
        match self {
            Removed::Team {
                name,
                scores,
                votes,
                actions,
            } => {
                let mut lost = Vec::new();
                for (count, key) in [
                    (scores, "removed.scores"),
                    (votes, "removed.votes"),
                    (actions, "removed.actions"),
                ] {
                    if *count > 0 {
                        lost.push(tr!(lang, key, count = count));
                    }
                }
                if lost.is_empty() {
                    tr!(lang, "removed.team", name = name)
                } else {
                    let sep = match lang {
                        crate::Lang::Ja => "・",
                        crate::Lang::En => ", ",
                    };
                    tr!(
                        lang,
                        "removed.team_with",
                        name = name,
                        lost = lost.join(sep)
                    )
                }
            }
            Removed::Member { name, votes } if *votes > 0 => {
                tr!(lang, "removed.member_with", name = name, count = votes)
            }
            Removed::Member { name, .. } => tr!(lang, "removed.member", name = name),
            Removed::Action { what } => {
                let what: String = what.chars().take(30).collect();
                tr!(lang, "removed.action", what = what)
            }
            Removed::Kpi { indicator } => {
                let indicator: String = indicator.chars().take(30).collect();
                tr!(lang, "removed.kpi", indicator = indicator)
            }
        }
    }
}

impl Edit {
    /// What this edit would remove from `project`, if it removes anything worth a way back.
    pub fn removes(&self, project: &Project) -> Option<Removed> {
        match *self {
            Edit::RemoveTeam { team } => {
                let t = project.team(team)?;
                let responses = &t.responses.0;
                Some(Removed::Team {
                    name: t.name.clone(),
                    scores: responses.iter().filter(|r| r.score.is_some()).count(),
                    votes: responses.iter().map(|r| r.votes.len()).sum(),
                    actions: responses.iter().map(|r| r.actions.len()).sum(),
                })
            }
            Edit::RemoveMember { team, member } => {
                let t = project.team(team)?;
                let m = t.members.iter().find(|m| m.id == member)?;
                Some(Removed::Member {
                    name: m.name.clone(),
                    votes: t
                        .responses
                        .0
                        .iter()
                        .filter(|r| r.vote_of(member).is_some())
                        .count(),
                })
            }
            Edit::RemoveAction { team, item, action } => {
                let a = project.team(team)?.responses[item]
                    .actions
                    .iter()
                    .find(|a| a.id == action)?;
                Some(Removed::Action {
                    what: a.what.clone(),
                })
            }
            Edit::RemoveKpi { team, item, kpi } => {
                let k = project.team(team)?.responses[item]
                    .kpis
                    .iter()
                    .find(|k| k.id == kpi)?;
                Some(Removed::Kpi {
                    indicator: k.indicator.clone(),
                })
            }
            _ => None,
        }
    }

    /// Edits with the same key that follow each other quickly are one undo step: typing a sentence
    /// is undone as a whole, not letter by letter.
    pub fn merge_key(&self) -> Option<TextField> {
        match self {
            Edit::SetText(field, _) => Some(*field),
            Edit::SetCirculationRoles { approvers, .. } => Some(TextField::CirculationRoles {
                approvers: *approvers,
            }),
            _ => None,
        }
    }

    /// Applies the edit; returns the project as it was before, for undo, when anything changed
    /// (an edit of something that no longer exists, e.g. after an undo, changes nothing).
    pub fn apply(self, project: &mut Project) -> Option<Project> {
        let before = project.clone();
        self.apply_inner(project);
        (*project != before).then_some(before)
    }

    fn apply_inner(self, project: &mut Project) {
        match self {
            Edit::SetText(field, value) => {
                if let Some(text) = text_mut(project, field) {
                    *text = value;
                }
            }
            Edit::SetDate(date) => project.meta.date = date,
            Edit::AddTeam { name } => {
                let id = project.next_team_id();
                project.teams.push(Team {
                    id,
                    name,
                    ..Team::default()
                });
            }
            Edit::RemoveTeam { team } => project.teams.retain(|t| t.id != team),
            Edit::MoveTeam { team, up } => move_in(&mut project.teams, |t| t.id == team, up),
            Edit::AddMember { team, name } => {
                if let Some(t) = project.team_mut(team) {
                    let id = t.members.iter().map(|m| m.id).max().unwrap_or(0) + 1;
                    t.members.push(Member { id, name });
                }
            }
            Edit::RemoveMember { team, member } => {
                if let Some(t) = project.team_mut(team) {
                    t.members.retain(|m| m.id != member);
                    // A vote without its member would make the file invalid.
                    for r in &mut t.responses.0 {
                        r.votes.retain(|v| v.member != member);
                    }
                }
            }
            Edit::MoveMember { team, member, up } => {
                if let Some(t) = project.team_mut(team) {
                    move_in(&mut t.members, |m| m.id == member, up);
                }
            }
            Edit::SetVote {
                team,
                item,
                member,
                level,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.votes.retain(|v| v.member != member);
                    if let Some(level) = level {
                        r.votes.push(Vote { member, level });
                        r.votes.sort_by_key(|v| v.member);
                    }
                }
            }
            Edit::RecordBallots {
                team,
                item,
                ref named,
                anonymous,
                shown,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    for vote in named {
                        r.votes.retain(|v| v.member != vote.member);
                        r.votes.push(*vote);
                    }
                    r.votes.sort_by_key(|v| v.member);
                    if anonymous.is_some() {
                        r.anonymous_votes = anonymous;
                    }
                    r.votes_revealed |= shown;
                }
            }
            Edit::RevealVotes {
                team,
                item,
                revealed,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.votes_revealed = revealed;
                }
            }
            Edit::SetScore { team, item, level } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.score = level;
                }
            }
            Edit::SetTarget { team, item, level } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.target = level;
                }
            }
            Edit::SetExampleDone {
                team,
                item,
                number,
                done,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.examples_done.retain(|&n| n != number);
                    if done {
                        r.examples_done.push(number);
                        r.examples_done.sort_unstable();
                    }
                }
            }
            Edit::AddAction { team, item, owner } => {
                if let Some(t) = project.team_mut(team) {
                    let id = Project::next_action_id(t);
                    t.responses[item].actions.push(Action {
                        id,
                        owner,
                        ..Action::default()
                    });
                }
            }
            Edit::RemoveAction { team, item, action } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.actions.retain(|a| a.id != action);
                }
            }
            Edit::MoveAction {
                team,
                item,
                action,
                up,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    move_in(&mut r.actions, |a| a.id == action, up);
                }
            }
            Edit::SetActionDue {
                team,
                item,
                action,
                due,
            } => {
                if let Some(a) = action_mut(project, team, item, action) {
                    a.due = due;
                }
            }
            Edit::SetActionStatus {
                team,
                item,
                action,
                status,
            } => {
                if let Some(a) = action_mut(project, team, item, action) {
                    a.status = status;
                }
            }
            Edit::SetBaseline(baseline) => project.baseline = baseline,
            Edit::Replace(replacement) => *project = *replacement,
            Edit::SetAgenda(agenda) => project.meta.agenda = agenda,
            Edit::ReviewAction {
                team,
                item,
                action,
                verdict,
            } => {
                if let Some(a) = action_mut(project, team, item, action) {
                    match verdict {
                        Some(verdict) => {
                            let note = a.review.take().map(|r| r.note).unwrap_or_default();
                            a.status = verdict.status(a.status);
                            a.review = Some(ActionReview { verdict, note });
                        }
                        None => a.review = None,
                    }
                }
            }
            Edit::AddKpi { team, item } => {
                if let Some(t) = project.team_mut(team) {
                    let id = t
                        .responses
                        .0
                        .iter()
                        .flat_map(|r| &r.kpis)
                        .map(|k| k.id)
                        .max()
                        .unwrap_or(0)
                        + 1;
                    t.responses[item].kpis.push(Kpi {
                        id,
                        ..Kpi::default()
                    });
                }
            }
            Edit::RemoveKpi { team, item, kpi } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.kpis.retain(|k| k.id != kpi);
                }
            }
            Edit::SetKpiValue {
                team,
                item,
                kpi,
                which,
                value,
            } => {
                if let Some(k) = kpi_mut(project, team, item, kpi) {
                    *match which {
                        KpiValue::Baseline => &mut k.baseline,
                        KpiValue::Target => &mut k.target,
                        KpiValue::Current => &mut k.current,
                    } = value;
                }
            }
            Edit::SetCirculationRoles { approvers, roles } => {
                let c = &mut project.meta.circulation;
                *if approvers {
                    &mut c.approvers
                } else {
                    &mut c.readers
                } = roles;
            }
        }
    }
}

fn response_mut(project: &mut Project, team: u32, item: ItemId) -> Option<&mut ItemResponse> {
    Some(&mut project.team_mut(team)?.responses[item])
}

fn kpi_mut(project: &mut Project, team: u32, item: ItemId, kpi: u32) -> Option<&mut Kpi> {
    response_mut(project, team, item)?
        .kpis
        .iter_mut()
        .find(|k| k.id == kpi)
}

fn action_mut(project: &mut Project, team: u32, item: ItemId, action: u32) -> Option<&mut Action> {
    response_mut(project, team, item)?
        .actions
        .iter_mut()
        .find(|a| a.id == action)
}

/// The text a field refers to, if it still exists.
pub fn text_mut(project: &mut Project, field: TextField) -> Option<&mut String> {
    Some(match field {
        TextField::Title => &mut project.meta.title,
        TextField::Organization => &mut project.meta.organization,
        TextField::Facilitator => &mut project.meta.facilitator,
        TextField::Venue => &mut project.meta.venue,
        TextField::TeamName { team } => &mut project.team_mut(team)?.name,
        TextField::MemberName { team, member } => {
            &mut project
                .team_mut(team)?
                .members
                .iter_mut()
                .find(|x| x.id == member)?
                .name
        }
        TextField::CurrentState { team, item } => {
            &mut response_mut(project, team, item)?.current_state
        }
        TextField::Ideas { team, item } => &mut response_mut(project, team, item)?.ideas,
        TextField::FacilitatorNote { team, item } => {
            &mut response_mut(project, team, item)?.facilitator_note
        }
        TextField::ActionWhat { team, item, action } => {
            &mut action_mut(project, team, item, action)?.what
        }
        TextField::ActionOwner { team, item, action } => {
            &mut action_mut(project, team, item, action)?.owner
        }
        TextField::ReviewNote { team, item, action } => {
            &mut action_mut(project, team, item, action)?
                .review
                .as_mut()?
                .note
        }
        TextField::Kpi {
            team,
            item,
            kpi,
            part,
        } => {
            let k = kpi_mut(project, team, item, kpi)?;
            match part {
                KpiText::Indicator => &mut k.indicator,
                KpiText::Unit => &mut k.unit,
                KpiText::Method => &mut k.method,
                KpiText::Frequency => &mut k.frequency,
                KpiText::Owner => &mut k.owner,
            }
        }
        TextField::Department => &mut project.meta.department,
        TextField::DocumentNumber => &mut project.meta.circulation.document_number,
        // Roles are a list, set whole by `Edit::SetCirculationRoles`.
        TextField::CirculationRoles { .. } => return None,
    })
}

/// Moves the element matching `is` one place up or down.
fn move_in<T>(list: &mut [T], is: impl Fn(&T) -> bool, up: bool) {
    let Some(i) = list.iter().position(is) else {
        return;
    };
    let j = if up {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|&j| j < list.len())
    };
    if let Some(j) = j {
        list.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::sample_project;

    #[test]
    fn removing_a_member_removes_their_votes() {
        let mut p = sample_project();
        assert!(
            Edit::RemoveMember { team: 1, member: 2 }
                .apply(&mut p)
                .is_some()
        );
        assert!(
            p.teams[0]
                .responses
                .0
                .iter()
                .all(|r| r.votes.iter().all(|v| v.member != 2))
        );
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn edits_of_vanished_things_change_nothing() {
        let mut p = sample_project();
        assert!(
            Edit::SetText(TextField::TeamName { team: 99 }, "x".into())
                .apply(&mut p)
                .is_none()
        );
        assert!(
            Edit::MoveTeam { team: 1, up: true }.apply(&mut p).is_none(),
            "already first"
        );
        assert!(
            Edit::MoveTeam { team: 1, up: false }
                .apply(&mut p)
                .is_some()
        );
        assert_eq!(p.teams[0].id, 2);
    }

    #[test]
    fn votes_replace_and_clear() {
        let mut p = sample_project();
        let item = ItemId::Users;
        Edit::SetVote {
            team: 1,
            item,
            member: 1,
            level: Level::new(5),
        }
        .apply(&mut p);
        assert_eq!(p.teams[0].responses[item].vote_of(1), Level::new(5));
        Edit::SetVote {
            team: 1,
            item,
            member: 1,
            level: None,
        }
        .apply(&mut p);
        assert_eq!(p.teams[0].responses[item].vote_of(1), None);
    }

    #[test]
    fn new_actions_get_unused_ids() {
        let mut p = sample_project();
        Edit::AddAction {
            team: 1,
            item: ItemId::JustTry,
            owner: "佐藤".into(),
        }
        .apply(&mut p);
        let ids: Vec<u32> = p.teams[0]
            .responses
            .0
            .iter()
            .flat_map(|r| &r.actions)
            .map(|a| a.id)
            .collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
        assert_eq!(p.validate(), Ok(()));
    }
}
