//! The workshop project: what the facilitator sets up and what the teams answer. No UI in here.

mod action;
pub mod agenda;
mod baseline;
pub mod cues;
pub mod edit;
pub mod kpi;
pub mod merge;
mod meta;
mod problem;
pub mod repair;
mod sample;
mod serde_helpers;
mod stats;
mod team;
mod validate;

pub use action::{Action, ActionReview, ActionStatus, Impact, Verdict};
pub use baseline::{Baseline, BaselineTeam};
pub use meta::{Circulation, Meta, VoteNames};
pub use team::{Distribution, ItemResponse, Member, Reason, Responses, Team, Vote};
pub use validate::Place;

pub use edit::{Edit, TextField};
pub use problem::{Counted, IdKind, Problem};
pub use sample::{large_project, sample_project};
pub use stats::{ItemStats, TeamStats, VoteSpread};

pub use crate::checklist::{Answer, Level};
use crate::checklist::{ITEM_COUNT, ItemId};
use crate::i18n::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The file format this build writes. Files with a larger number come from a newer Kizuki.
///
/// 2: the agenda, KPIs, the review of the previous round's actions, anonymous votes and the
/// circulation roles.
/// 3: 「わからない」 as an answer: a vote writes `answer` (a level, or `"dont_know"`) where it
/// wrote `level`, and an anonymous distribution may carry a second count.
///
/// 4: a member's reason with a vote (`reasons` of an item), released by the facilitator.
///
/// Older files load as they are (every field added since is optional, and `level` is read as
/// `answer`) and are written as the current version when saved.
pub const FORMAT_VERSION: u32 = 4;

/// Bounds on what a project may hold. A file beyond them is refused with a clear message, so a hostile
/// or corrupted file cannot make the app allocate without bound or freeze the window.
pub mod limits {
    /// Largest project file read, in bytes.
    pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
    /// Deepest nesting of brackets the parser follows (a real file needs fewer than 10).
    pub const MAX_NESTING: usize = 64;
    /// Longest text field, in characters (about 50 pages of Japanese).
    pub const MAX_TEXT_CHARS: usize = 100_000;
    pub const MAX_TEAMS: usize = 100;
    pub const MAX_MEMBERS_PER_TEAM: usize = 500;
    pub const MAX_ACTIONS_PER_ITEM: usize = 1_000;
    pub const MAX_KPIS_PER_ITEM: usize = 100;
    /// Anonymous votes on one item: far more than any room, small enough to be no burden.
    pub const MAX_ANONYMOUS_VOTES: usize = 10_000;
    /// Members' reasons on one item: one per ballot at the most.
    pub const MAX_REASONS_PER_ITEM: usize = MAX_ANONYMOUS_VOTES;
}

/// The whole project file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub meta: Meta,
    #[serde(deserialize_with = "serde_helpers::unique_ids")]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub baseline: Option<Baseline>,
}

/// Ids are numbers unique within their kind in one project; they never change once given.
pub trait HasId {
    const KIND: IdKind;
    fn id(&self) -> u32;
    /// Gives it another id (a repair of a file with a repeated one).
    fn set_id(&mut self, id: u32);
}

/// Whether two names are one team's (or one member's): the same once the spaces people type
/// around a name are left out. The one rule for finding a team by its name: for the baseline, a
/// merge, a vote from the command line, an export or sheets of one team.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// The id a new element gets: one past the largest in use. The one rule for every kind of id, so
/// that an edit, a merge and a repair never hand out the same one twice.
pub fn next_id<'a, T: HasId + 'a>(items: impl IntoIterator<Item = &'a T>) -> u32 {
    items.into_iter().map(HasId::id).max().unwrap_or(0) + 1
}

impl Project {
    /// A new, empty project with one team, as a facilitator in a hurry wants it.
    pub fn new(
        title: &str,
        organization: &str,
        language: Lang,
        now: DateTime<FixedOffset>,
    ) -> Project {
        Project {
            format_version: FORMAT_VERSION,
            meta: Meta {
                title: title.to_owned(),
                organization: organization.to_owned(),
                date: Some(now.date_naive()),
                language,
                created_at: Some(now),
                modified_at: Some(now),
                ..Meta::default()
            },
            teams: vec![Team {
                id: 1,
                name: String::new(),
                ..Team::default()
            }],
            baseline: None,
        }
    }

    pub fn team(&self, id: u32) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    pub fn team_mut(&mut self, id: u32) -> Option<&mut Team> {
        self.teams.iter_mut().find(|t| t.id == id)
    }

    /// Whether any team has actions carried over from the previous round, to review before the walk.
    pub fn has_carried_actions(&self) -> bool {
        self.teams
            .iter()
            .any(|t| t.carried_actions().next().is_some())
    }

    /// The next unused id for a new team.
    pub fn next_team_id(&self) -> u32 {
        next_id(&self.teams)
    }

    /// The team called `name` (names are compared without the spaces around them, as people
    /// type them): how a baseline, a merge, a vote from the command line and a sheet find a team.
    pub fn team_named(&self, name: &str) -> Option<&Team> {
        self.teams.iter().find(|t| same_name(&t.name, name))
    }

    /// The previous round's entry for `team`, matched by name.
    pub fn baseline_team(&self, team: &Team) -> Option<&BaselineTeam> {
        self.baseline
            .as_ref()?
            .teams
            .iter()
            .find(|bt| same_name(&bt.name, &team.name))
    }

    /// The previous round's score of `team` on `item`.
    pub fn baseline_score(&self, team: &Team, item: ItemId) -> Option<Level> {
        self.baseline_team(team)?.scores[item.index()]
    }

    /// This round's scores, kept for comparison in a later round.
    pub fn as_baseline(&self) -> Baseline {
        Baseline {
            title: self.meta.title.clone(),
            date: self.meta.date,
            teams: self
                .teams
                .iter()
                .map(|t| BaselineTeam {
                    name: t.name.clone(),
                    scores: std::array::from_fn(|i| t.responses.0[i].score),
                })
                .collect(),
        }
    }

    /// The next round of the same workshop, months later: the same teams and members, this round's
    /// scores as the baseline to compare with, and the actions still open carried over (so the
    /// team reviews them first). Scores, votes and notes start empty.
    #[must_use]
    pub fn next_round(&self, now: DateTime<FixedOffset>) -> Project {
        let teams = self
            .teams
            .iter()
            .map(|t| {
                let mut responses = Responses::default();
                for (next, previous) in responses.0.iter_mut().zip(&t.responses.0) {
                    next.actions = previous
                        .actions
                        .iter()
                        .filter(|a| a.status.is_open())
                        .map(|a| Action {
                            carried: true,
                            review: None,
                            ..a.clone()
                        })
                        .collect();
                    next.kpis = previous.kpis.iter().map(kpi::Kpi::for_next_round).collect();
                }
                Team {
                    id: t.id,
                    name: t.name.clone(),
                    members: t.members.clone(),
                    responses,
                }
            })
            .collect();
        Project {
            format_version: FORMAT_VERSION,
            meta: Meta {
                date: Some(now.date_naive()),
                created_at: Some(now),
                modified_at: Some(now),
                ..self.meta.clone()
            },
            teams,
            baseline: Some(self.as_baseline()),
        }
    }
}
