//! What a removal took with it, said after the fact with a way back: 「削除しました ［元に戻す］」.
//! The edit itself is the model's; the words for the notice are the session's.

use crate::project::{Edit, Project};

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
    /// What `edit` would remove from `project`, if it removes anything worth a way back.
    pub fn by(edit: &Edit, project: &Project) -> Option<Removed> {
        match *edit {
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
                        lost.push(tr!(lang, lang.count_key(key, *count), count = count));
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
                tr!(
                    lang,
                    lang.count_key("removed.member_with", *votes),
                    name = name,
                    count = votes
                )
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
