//! Opening a file "with repairs", as an office suite does: a file that parses but holds a few
//! bad values (a level 9, an unknown item id, an impossible date, a vote from nobody) is read with
//! the bad values cleared, and every repair is listed. Nothing is written until the user saves,
//! and then the original is kept as `.bak`.
//!
//! While a repair is in progress ([`collecting`]), the parsing helpers note a repair and go on
//! where they would have stopped with an error, reading the bad value as absent (a level off the
//! scale as no score, a vote with one as no vote): nothing invalid is ever held in the project's
//! own types. [`Project::repair`] then mends what only the whole project shows (votes of unknown
//! members, duplicate ids, too long texts).

use super::{IdKind, Problem, Project};
use crate::i18n::Lang;
use crate::tr;
use std::cell::RefCell;

/// One thing mended, said to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// A level outside 1–5: a score or target left empty, a vote removed.
    Level(i64),
    UnknownItem(String),
    DuplicateItem(String),
    Date(String),
    Timestamp(String),
    Example {
        item: String,
        number: u64,
    },
    Renumbered {
        kind: IdKind,
        id: u64,
    },
    VoteOfNobody {
        team: String,
        member: u64,
    },
    DuplicateVote {
        team: String,
        member: u64,
    },
    Shortened {
        chars: u64,
    },
    NotANumber(String),
    Agenda,
}

impl Repair {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Repair::Level(level) => tr!(lang, "repair.level", level = level),
            Repair::UnknownItem(id) => tr!(lang, "repair.unknown_item", id = id),
            Repair::DuplicateItem(id) => tr!(lang, "repair.duplicate_item", id = id),
            Repair::Date(text) | Repair::Timestamp(text) => tr!(lang, "repair.date", date = text),
            Repair::Example { item, number } => {
                tr!(lang, "repair.example", item = item, number = number)
            }
            Repair::Renumbered { id, .. } => tr!(lang, "repair.renumbered", id = id),
            Repair::VoteOfNobody { team, member } => {
                tr!(lang, "repair.vote_of_nobody", team = team, member = member)
            }
            Repair::DuplicateVote { team, member } => {
                tr!(lang, "repair.duplicate_vote", team = team, member = member)
            }
            Repair::Shortened { chars } => tr!(lang, "repair.shortened", chars = chars),
            Repair::NotANumber(value) => tr!(lang, "repair.not_a_number", value = value),
            Repair::Agenda => tr!(lang, "repair.agenda"),
        }
    }
}

thread_local! {
    static REPAIRS: RefCell<Option<Vec<Repair>>> = const { RefCell::new(None) };
}

/// Whether a repair is in progress on this thread (the parsing helpers then mend instead of
/// refusing).
pub fn active() -> bool {
    REPAIRS.with(|r| r.borrow().is_some())
}

/// Notes a repair, if one is in progress; returns whether it was (the caller then goes on).
pub fn note(repair: Repair) -> bool {
    REPAIRS.with(|r| match r.borrow_mut().as_mut() {
        Some(list) => {
            list.push(repair);
            true
        }
        None => false,
    })
}

/// Runs `f` with repairs collected; returns its result and the repairs noted meanwhile.
pub fn collecting<T>(f: impl FnOnce() -> T) -> (T, Vec<Repair>) {
    /// Ends the repair when dropped, so that even a panic inside `f` (unwinding is kept on
    /// purpose) never leaves this thread mending every later file in silence.
    struct Collecting;
    impl Drop for Collecting {
        fn drop(&mut self) {
            REPAIRS.with(|r| r.borrow_mut().take());
        }
    }
    REPAIRS.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let guard = Collecting;
    let result = f();
    let repairs = REPAIRS.with(|r| r.borrow_mut().take()).unwrap_or_default();
    drop(guard);
    (result, repairs)
}

impl Project {
    /// Mends what the parser let through while repairing and what only the whole project shows,
    /// noting each repair; stops when the project validates (or nothing more can be mended).
    pub fn repair(&mut self) -> Vec<Repair> {
        let mut repairs = Vec::new();
        for _ in 0..10_000 {
            let Err((problem, place)) = self.validate() else {
                break;
            };
            let Some(repair) = self.mend(&problem, &place) else {
                break;
            };
            repairs.push(repair);
        }
        repairs
    }

    /// Mends one problem the validation found.
    fn mend(&mut self, problem: &Problem, place: &super::Place) -> Option<Repair> {
        let team_index = place
            .team
            .as_ref()
            .and_then(|name| self.teams.iter().position(|t| &t.name == name));
        match problem {
            Problem::UnknownVoter { member } | Problem::DuplicateVote { member } => {
                let team = &mut self.teams[team_index?];
                let members: Vec<u32> = team.members.iter().map(|m| m.id).collect();
                let item = place.item?;
                let response = &mut team.responses[item];
                let mut seen = std::collections::HashSet::new();
                response
                    .votes
                    .retain(|v| members.contains(&v.member) && seen.insert(v.member));
                response
                    .reasons
                    .retain(|r| r.member.is_none_or(|m| members.contains(&m)));
                let team = team.name.clone();
                Some(match problem {
                    Problem::UnknownVoter { .. } => Repair::VoteOfNobody {
                        team,
                        member: *member,
                    },
                    _ => Repair::DuplicateVote {
                        team,
                        member: *member,
                    },
                })
            }
            Problem::TooLong { chars, max } => {
                let limit = usize::try_from(*max).ok()?;
                self.shorten(limit);
                Some(Repair::Shortened { chars: *chars })
            }
            Problem::NotANumber(value) => {
                for team in &mut self.teams {
                    for response in &mut team.responses.0 {
                        for kpi in &mut response.kpis {
                            for m in [
                                &mut kpi.baseline,
                                &mut kpi.target,
                                &mut kpi.previous,
                                &mut kpi.current,
                            ] {
                                if m.is_some_and(|m| !m.value.is_finite()) {
                                    *m = None;
                                }
                            }
                        }
                    }
                }
                Some(Repair::NotANumber(value.clone()))
            }
            Problem::InvalidAgenda { .. } => {
                self.meta.agenda = None;
                Some(Repair::Agenda)
            }
            _ => None,
        }
    }

    /// Cuts every text longer than `limit` characters.
    fn shorten(&mut self, limit: usize) {
        let cut = |s: &mut String| {
            if s.chars().count() > limit {
                *s = s.chars().take(limit).collect();
            }
        };
        cut(&mut self.meta.title);
        cut(&mut self.meta.organization);
        cut(&mut self.meta.facilitator);
        cut(&mut self.meta.venue);
        cut(&mut self.meta.department);
        for team in &mut self.teams {
            cut(&mut team.name);
            for member in &mut team.members {
                cut(&mut member.name);
            }
            for response in &mut team.responses.0 {
                cut(&mut response.current_state);
                cut(&mut response.ideas);
                cut(&mut response.facilitator_note);
                for reason in &mut response.reasons {
                    cut(&mut reason.text);
                }
                for action in &mut response.actions {
                    cut(&mut action.what);
                    cut(&mut action.owner);
                    if let Some(review) = &mut action.review {
                        cut(&mut review.note);
                    }
                }
                for kpi in &mut response.kpis {
                    for text in [
                        &mut kpi.indicator,
                        &mut kpi.unit,
                        &mut kpi.method,
                        &mut kpi.frequency,
                        &mut kpi.owner,
                    ] {
                        cut(text);
                    }
                }
            }
        }
    }
}

/// Gives later duplicates of an id a new one, noting each (teams, members, actions, indicators
/// carry ids only to be told apart).
pub fn renumber<T: super::HasId>(items: &mut [T]) {
    let mut seen = std::collections::HashSet::new();
    let mut next = super::next_id(&*items);
    for item in items.iter_mut() {
        let id = item.id();
        if !seen.insert(id) {
            note(Repair::Renumbered {
                kind: T::KIND,
                id: id.into(),
            });
            item.set_id(next);
            seen.insert(next);
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_repairing_ends_the_repair() {
        let outcome = std::panic::catch_unwind(|| {
            collecting(|| {
                assert!(active());
                panic!("a parser bug");
            })
        });
        assert!(outcome.is_err());
        assert!(
            !active(),
            "the next file on this thread must be checked, not mended"
        );
        assert!(!note(Repair::Agenda));
    }
}
