//! Every change to a project, as data. The window's views, the command line, the vote server and
//! the merge of two laptops' files all say what they change as an [`Edit`]; [`Edit::apply`] is the
//! one place that changes a project, so that undo, the dirty mark and autosave see them all.

mod field;

pub use field::{KpiText, KpiValue, TextField, text_mut};

use super::kpi::{Kpi, Measurement};
use super::{
    Action, ActionStatus, Answer, Baseline, Distribution, Impact, ItemResponse, Level, Member,
    Project, Reason, Team, Verdict, Vote, next_id,
};
use crate::checklist::ItemId;
use chrono::NaiveDate;

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
        answer: Option<Answer>,
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
    /// The effect the room sees of a carried action reviewed as 完了 (ignored for any other).
    RateImpact {
        team: u32,
        item: ItemId,
        action: u32,
        impact: Option<Impact>,
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
    /// An indicator replaced whole by another version of it (the same id): another laptop's,
    /// taken in a merge.
    SetKpi {
        team: u32,
        item: ItemId,
        kpi: Box<Kpi>,
    },
    /// Votes collected from phones, at their reveal: the members' votes replace theirs, an
    /// anonymous distribution replaces the item's (a vote taken again replaces the earlier one),
    /// and the votes are shown.
    RecordBallots {
        team: u32,
        item: ItemId,
        named: Vec<Vote>,
        anonymous: Option<Distribution>,
        /// The reasons given with them: a named member's replaces that member's earlier one; with
        /// anonymous ballots, they replace the item's earlier anonymous reasons, as the
        /// distribution does. Recorded unreleased: the facilitator decides what the room sees.
        reasons: Vec<Reason>,
        /// Reveal them (or record them hidden, as typed votes are until the reveal).
        shown: bool,
    },
    /// The facilitator lets the room see a member's reason (or all of the item's, with `None`),
    /// or takes it back from the screen.
    ReleaseReasons {
        team: u32,
        item: ItemId,
        reason: Option<Reason>,
        released: bool,
    },
    /// A reason typed in from a paper answer sheet's comment line (waiting, as a phone's does).
    AddReason {
        team: u32,
        item: ItemId,
        reason: Reason,
    },
    /// The facilitator takes a member's reason out (a name in it, an unkind word). Found by its
    /// text and member, not a position, so that a ballot recorded meanwhile cannot shift it.
    RemoveReason {
        team: u32,
        item: ItemId,
        reason: Reason,
    },
    /// A show of hands or dot stickers on 模造紙, counted and typed in (no names): the item's
    /// anonymous distribution. Shown at once when no typed votes wait hidden, since the room saw
    /// the hands; an empty tally clears it.
    SetTally {
        team: u32,
        item: ItemId,
        tally: Distribution,
    },
    /// The whole project, as another laptop's file merged in made it (one step to undo).
    Replace(Box<Project>),
    /// The roles of the 回覧 boxes, or with `approvers`, of the 決裁 boxes.
    SetCirculationRoles {
        approvers: bool,
        roles: Vec<String>,
    },
    /// Who sees whose vote: the room, or the facilitator only.
    SetVoteNames(super::VoteNames),
}

impl Edit {
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
        self.apply_in_place(project);
        (*project != before).then_some(before)
    }

    /// Applies the edit and keeps nothing for undo (a merge resolving many conflicts, a script).
    pub fn apply_in_place(self, project: &mut Project) {
        match self {
            Edit::SetText(field, value) => {
                if let Some(text) = text_mut(project, field) {
                    *text = value;
                }
            }
            Edit::SetDate(date) => project.meta.date = date,
            Edit::AddTeam { name } => {
                let id = next_id(&project.teams);
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
                    let id = next_id(&t.members);
                    t.members.push(Member { id, name });
                }
            }
            Edit::RemoveMember { team, member } => {
                if let Some(t) = project.team_mut(team) {
                    t.members.retain(|m| m.id != member);
                    // A vote without its member would make the file invalid.
                    for r in &mut t.responses.0 {
                        r.votes.retain(|v| v.member != member);
                        r.reasons.retain(|reason| reason.member != Some(member));
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
                answer,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.votes.retain(|v| v.member != member);
                    if let Some(answer) = answer {
                        r.votes.push(Vote { member, answer });
                        r.votes.sort_by_key(|v| v.member);
                    }
                }
            }
            Edit::SetTally { team, item, tally } => {
                if let Some(r) = response_mut(project, team, item) {
                    r.anonymous_votes = (tally.total() > 0).then_some(tally);
                    if r.votes.is_empty() && tally.total() > 0 {
                        r.votes_revealed = true;
                    }
                }
            }
            Edit::RecordBallots {
                team,
                item,
                ref named,
                anonymous,
                ref reasons,
                shown,
            } => {
                // Ballots come from outside (phones, another laptop's journal): a vote of someone
                // no longer in the team would make the file invalid, so it is not recorded.
                let members: Vec<u32> = project
                    .team(team)
                    .map(|t| t.members.iter().map(|m| m.id).collect())
                    .unwrap_or_default();
                if let Some(r) = response_mut(project, team, item) {
                    for vote in named.iter().filter(|v| members.contains(&v.member)) {
                        r.votes.retain(|v| v.member != vote.member);
                        r.votes.push(*vote);
                    }
                    r.votes.sort_by_key(|v| v.member);
                    // What the facilitator released stays released when the same words come again
                    // (a journal recovered after the reveal); new words wait for the facilitator.
                    let mut earlier = std::mem::take(&mut r.reasons);
                    if anonymous.is_some() {
                        r.anonymous_votes = anonymous;
                    }
                    // Phones' reasons are replaced by the phones' new ones; typed ones stay.
                    let replaced = |old: &Reason| {
                        !old.typed
                            && old.member.map_or(anonymous.is_some(), |m| {
                                reasons.iter().any(|new| new.member == Some(m))
                            })
                    };
                    let (gone, kept): (Vec<Reason>, Vec<Reason>) =
                        earlier.drain(..).partition(replaced);
                    r.reasons = kept;
                    let mut released: Vec<&Reason> = gone.iter().filter(|g| g.released).collect();
                    for reason in reasons {
                        let known = reason.member.is_none_or(|m| members.contains(&m));
                        if !known || r.reasons.len() >= super::limits::MAX_REASONS_PER_ITEM {
                            continue;
                        }
                        let again = released
                            .iter()
                            .position(|g| g.text == reason.text && g.member == reason.member);
                        r.reasons.push(Reason {
                            released: again.map(|i| released.swap_remove(i)).is_some(),
                            ..reason.clone()
                        });
                    }
                    r.votes_revealed |= shown;
                }
            }
            Edit::ReleaseReasons {
                team,
                item,
                ref reason,
                released,
            } => {
                if let Some(r) = response_mut(project, team, item) {
                    match reason {
                        None => r.reasons.iter_mut().for_each(|m| m.released = released),
                        // Two phones may send the same words: one click changes one of them.
                        Some(one) => {
                            if let Some(mine) = r
                                .reasons
                                .iter_mut()
                                .find(|m| one.same(m) && m.released != released)
                            {
                                mine.released = released;
                            }
                        }
                    }
                }
            }
            Edit::AddReason {
                team,
                item,
                ref reason,
            } => {
                let known = project.team(team).is_some_and(|t| {
                    reason
                        .member
                        .is_none_or(|m| t.members.iter().any(|x| x.id == m))
                });
                if let Some(r) = response_mut(project, team, item)
                    && known
                    && !reason.text.trim().is_empty()
                    && r.reasons.len() < super::limits::MAX_REASONS_PER_ITEM
                {
                    r.reasons.push(Reason {
                        typed: true,
                        released: false,
                        ..reason.clone()
                    });
                }
            }
            Edit::RemoveReason {
                team,
                item,
                ref reason,
            } => {
                if let Some(r) = response_mut(project, team, item)
                    && let Some(at) = r.reasons.iter().position(|mine| reason.same(mine))
                {
                    r.reasons.remove(at);
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
                    let id = t.next_action_id();
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
                    // One notion of done: a carried action's verdict follows its status, as its
                    // status follows the verdict, so the review and the effects agree.
                    if a.carried {
                        a.set_verdict(Verdict::of_status(status));
                    }
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
                            a.status = verdict.status(a.status);
                            a.set_verdict(verdict);
                        }
                        None => a.review = None,
                    }
                }
            }
            Edit::RateImpact {
                team,
                item,
                action,
                impact,
            } => {
                if let Some(review) = action_mut(project, team, item, action)
                    .and_then(|a| a.review.as_mut())
                    .filter(|r| r.verdict == Verdict::Done)
                {
                    review.impact = impact;
                }
            }
            Edit::AddKpi { team, item } => {
                if let Some(t) = project.team_mut(team) {
                    let id = t.next_kpi_id();
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
            Edit::SetKpi { team, item, kpi } => {
                if let Some(k) = kpi_mut(project, team, item, kpi.id) {
                    *k = *kpi;
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
            Edit::SetVoteNames(names) => project.meta.vote_names = names,
        }
    }
}

pub(super) fn response_mut(
    project: &mut Project,
    team: u32,
    item: ItemId,
) -> Option<&mut ItemResponse> {
    Some(&mut project.team_mut(team)?.responses[item])
}

pub(super) fn kpi_mut(
    project: &mut Project,
    team: u32,
    item: ItemId,
    kpi: u32,
) -> Option<&mut Kpi> {
    response_mut(project, team, item)?
        .kpis
        .iter_mut()
        .find(|k| k.id == kpi)
}

pub(super) fn action_mut(
    project: &mut Project,
    team: u32,
    item: ItemId,
    action: u32,
) -> Option<&mut Action> {
    response_mut(project, team, item)?
        .actions
        .iter_mut()
        .find(|a| a.id == action)
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
    fn a_carried_actions_status_and_its_verdict_agree_whichever_is_set() {
        let mut p = sample_project();
        let (item, id) = p.teams[0]
            .carried_actions()
            .find(|(_, a)| a.review.as_ref().map(|r| r.verdict) == Some(Verdict::Continuing))
            .map(|(item, a)| (item, a.id))
            .expect("the sample carries an action still going");
        let action = |p: &Project| {
            p.teams[0].responses[item]
                .actions
                .iter()
                .find(|a| a.id == id)
                .cloned()
                .expect("action")
        };
        let note = action(&p).review.map(|r| r.note).unwrap_or_default();
        let team = p.teams[0].id;
        let status = |status| Edit::SetActionStatus {
            team,
            item,
            action: id,
            status,
        };
        for (set, verdict) in [
            (ActionStatus::Done, Verdict::Done),
            (ActionStatus::Doing, Verdict::Continuing),
            (ActionStatus::Dropped, Verdict::Dropped),
        ] {
            status(set).apply(&mut p);
            let review = action(&p).review.expect("a verdict");
            assert_eq!(review.verdict, verdict, "status {set:?}");
            assert_eq!(review.note, note, "the note is kept");
        }
        // And the other way round, as before.
        Edit::ReviewAction {
            team,
            item,
            action: id,
            verdict: Some(Verdict::Done),
        }
        .apply(&mut p);
        assert_eq!(action(&p).status, ActionStatus::Done);
    }

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
            answer: Level::new(5).map(Answer::Level),
        }
        .apply(&mut p);
        assert_eq!(
            p.teams[0].responses[item].vote_of(1),
            Level::new(5).map(Answer::Level)
        );
        Edit::SetVote {
            team: 1,
            item,
            member: 1,
            answer: Some(Answer::DontKnow),
        }
        .apply(&mut p);
        assert_eq!(
            p.teams[0].responses[item].vote_of(1),
            Some(Answer::DontKnow)
        );
        Edit::SetVote {
            team: 1,
            item,
            member: 1,
            answer: None,
        }
        .apply(&mut p);
        assert_eq!(p.teams[0].responses[item].vote_of(1), None);
    }

    fn reason(text: &str, member: Option<u32>) -> Reason {
        Reason {
            text: text.into(),
            member,
            released: false,
            typed: false,
        }
    }

    fn record(p: &mut Project, anonymous: Option<Distribution>, reasons: Vec<Reason>) {
        Edit::RecordBallots {
            team: 1,
            item: ItemId::Users,
            named: Vec::new(),
            anonymous,
            reasons,
            shown: true,
        }
        .apply_in_place(p);
    }

    #[test]
    fn reasons_are_recorded_waiting_and_the_facilitator_releases_or_removes_them() {
        let mut p = sample_project();
        let reasons = |p: &Project| p.teams[0].responses[ItemId::Users].reasons.clone();
        record(
            &mut p,
            None,
            vec![
                reason("a", Some(1)),
                reason("b", Some(2)),
                reason("x", Some(99)),
            ],
        );
        assert_eq!(
            reasons(&p),
            vec![reason("a", Some(1)), reason("b", Some(2))],
            "waiting for the facilitator; a member not in the team is left out"
        );
        let release = |which: Option<Reason>, released: bool| Edit::ReleaseReasons {
            team: 1,
            item: ItemId::Users,
            reason: which,
            released,
        };
        release(Some(reason("b", Some(2))), true).apply_in_place(&mut p);
        assert_eq!(
            reasons(&p).iter().map(|r| r.released).collect::<Vec<_>>(),
            [false, true]
        );
        // The same words again (a journal recovered after the release) stay released; a member's
        // new words replace theirs and wait again.
        record(
            &mut p,
            None,
            vec![reason("b", Some(2)), reason("a2", Some(1))],
        );
        let now = reasons(&p);
        assert_eq!(now.len(), 2);
        assert!(now.iter().any(|r| r.text == "b" && r.released));
        assert!(now.iter().any(|r| r.text == "a2" && !r.released));
        // Anonymous reasons replace the earlier anonymous ones, as the distribution does.
        let two = Distribution {
            levels: [0, 1, 1, 0, 0],
            dont_know: 0,
        };
        record(
            &mut p,
            Some(two),
            vec![reason("n", None), reason("n", None)],
        );
        // A sheet's comment line typed in stays when phones vote on the item again.
        Edit::AddReason {
            team: 1,
            item: ItemId::Users,
            reason: reason("用紙", None),
        }
        .apply_in_place(&mut p);
        record(&mut p, Some(two), vec![reason("m", None)]);
        let anonymous: Vec<(String, bool)> = reasons(&p)
            .into_iter()
            .filter(|r| r.member.is_none())
            .map(|r| (r.text, r.typed))
            .collect();
        assert_eq!(
            anonymous,
            [("用紙".to_owned(), true), ("m".to_owned(), false)]
        );
        release(None, true).apply_in_place(&mut p);
        assert!(reasons(&p).iter().all(|r| r.released), "all at once");
        let before = p.clone();
        let undo = Edit::RemoveReason {
            team: 1,
            item: ItemId::Users,
            reason: reason("a2", Some(1)),
        }
        .apply(&mut p)
        .expect("changed");
        assert_eq!(undo, before, "undoable");
        assert!(!reasons(&p).iter().any(|r| r.text == "a2"));
        Edit::RemoveMember { team: 1, member: 2 }.apply_in_place(&mut p);
        assert!(
            !reasons(&p).iter().any(|r| r.member == Some(2)),
            "a removed member's words go with their votes"
        );
        assert!(p.validate().is_ok());
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
