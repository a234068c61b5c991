//! The workshop project: what the facilitator sets up and what the teams answer. No UI in here.

pub mod agenda;
pub mod kpi;
pub mod merge;
mod problem;
pub mod repair;
mod sample;
mod serde_helpers;
mod stats;

pub use problem::{Counted, IdKind, Problem};
pub use sample::{large_project, sample_project};
pub use stats::{ItemStats, TeamStats, VoteSpread};

use crate::checklist::{ITEM_COUNT, ItemId};
use crate::i18n::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The file format this build writes. Files with a larger number come from a newer Kizuki.
///
/// 2: the agenda, KPIs, the review of the previous round's actions, anonymous votes and the
/// circulation roles. Files of version 1 load as they are (every field added since is optional) and
/// are written as version 2 when saved.
pub const FORMAT_VERSION: u32 = 2;

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
}

/// A scoring level, 1 (未着手) to 5 (定着・発展).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const ALL: [Level; 5] = [Level(1), Level(2), Level(3), Level(4), Level(5)];

    pub fn new(value: u8) -> Option<Level> {
        (1..=5).contains(&value).then_some(Level(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Level {
    type Error = String;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        match u8::try_from(value).ok().and_then(Level::new) {
            Some(level) => Ok(level),
            // Opening with repairs: read as a placeholder that the repair then clears.
            None if repair::note(repair::Repair::Level(value)) => Ok(repair::BAD_LEVEL),
            None => Err(Problem::LevelOutOfRange(value).to_serde_message()),
        }
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
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

/// What the facilitator sets up before the walk.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// 自治体名 or the organisation running the workshop.
    pub organization: String,
    #[serde(with = "serde_helpers::opt_date")]
    pub date: Option<NaiveDate>,
    pub facilitator: String,
    pub venue: String,
    /// The language the project is written in; exports default to it.
    pub language: Lang,
    #[serde(with = "serde_helpers::opt_timestamp")]
    pub created_at: Option<DateTime<FixedOffset>>,
    #[serde(with = "serde_helpers::opt_timestamp")]
    pub modified_at: Option<DateTime<FixedOffset>>,
    /// Minutes per item for the walk, when the facilitator has planned it.
    pub agenda: Option<agenda::Agenda>,
    /// The department that made the report (作成部署), for the report that circulates.
    pub department: String,
    /// Who stamps the report as it circulates, and who approves it.
    pub circulation: Circulation,
}

/// The boxes people stamp or sign on a report that circulates in a city hall (庁内回覧): 回覧 for
/// those who read it, 決裁 for those who approve it, each a role (課長, 係長 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Circulation {
    pub readers: Vec<String>,
    pub approvers: Vec<String>,
    /// 文書番号, filled in by hand if left empty.
    pub document_number: String,
}

impl Default for Circulation {
    fn default() -> Self {
        Circulation {
            readers: vec!["係長".into(), "担当".into()],
            approvers: vec!["課長".into(), "課長補佐".into()],
            document_number: String::new(),
        }
    }
}

impl Circulation {
    /// The roles in `lang` for a project that never set them (English projects get English roles).
    pub fn default_for(lang: Lang) -> Circulation {
        match lang {
            Lang::Ja => Circulation::default(),
            Lang::En => Circulation {
                readers: vec!["Section chief".into(), "Staff".into()],
                approvers: vec!["Director".into(), "Deputy director".into()],
                document_number: String::new(),
            },
        }
    }
}

/// Ids are numbers unique within their kind in one project; they never change once given.
pub trait HasId {
    const KIND: IdKind;
    fn id(&self) -> u32;
    /// Gives it another id (a repair of a file with a repeated one).
    fn set_id(&mut self, id: u32);
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub id: u32,
    pub name: String,
    #[serde(default, deserialize_with = "serde_helpers::unique_ids")]
    pub members: Vec<Member>,
    #[serde(default)]
    pub responses: Responses,
}

impl Team {
    /// The actions carried over from the previous round, with their items, in item order.
    pub fn carried_actions(&self) -> impl Iterator<Item = (ItemId, &Action)> {
        self.responses
            .iter()
            .flat_map(|(id, r)| r.actions.iter().map(move |a| (id, a)))
            .filter(|(_, a)| a.carried)
    }
}

impl HasId for Team {
    const KIND: IdKind = IdKind::Team;
    fn id(&self) -> u32 {
        self.id
    }

    fn set_id(&mut self, id: u32) {
        self.id = id;
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: u32,
    pub name: String,
}

impl HasId for Member {
    const KIND: IdKind = IdKind::Member;
    fn id(&self) -> u32 {
        self.id
    }

    fn set_id(&mut self, id: u32) {
        self.id = id;
    }
}

/// A team's answers to all ten items, indexed by [`ItemId::index`]. Written as a map from item id to
/// answer, in checklist order, so the file reads like the walk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Responses(pub [ItemResponse; ITEM_COUNT]);

impl std::ops::Index<ItemId> for Responses {
    type Output = ItemResponse;
    fn index(&self, id: ItemId) -> &ItemResponse {
        &self.0[id.index()]
    }
}

impl std::ops::IndexMut<ItemId> for Responses {
    fn index_mut(&mut self, id: ItemId) -> &mut ItemResponse {
        &mut self.0[id.index()]
    }
}

impl Responses {
    pub fn iter(&self) -> impl Iterator<Item = (ItemId, &ItemResponse)> {
        ItemId::ALL.into_iter().zip(self.0.iter())
    }
}

/// One team's work on one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ItemResponse {
    /// The level the team agreed on; `None` until it has.
    pub score: Option<Level>,
    /// Where the team wants to be.
    pub target: Option<Level>,
    /// One vote per member who voted.
    pub votes: Vec<Vote>,
    /// Votes stay hidden until the facilitator reveals them, so nobody anchors on the others.
    pub votes_revealed: bool,
    /// 現状: where the team stands.
    pub current_state: String,
    /// 気づき・アイデア.
    pub ideas: String,
    /// Only for the facilitator; left out of exports unless asked for.
    pub facilitator_note: String,
    /// The guidebook's examples (例) the team already does, by number (1-based), ascending.
    pub examples_done: Vec<u32>,
    #[serde(deserialize_with = "serde_helpers::unique_ids")]
    pub actions: Vec<Action>,
    /// Indicators the team measures for this item (item 6 first, any item allowed).
    #[serde(deserialize_with = "serde_helpers::unique_ids")]
    pub kpis: Vec<kpi::Kpi>,
    /// Votes cast anonymously from phones: how many chose each level, 1–5, and nothing else (no
    /// name, no ballot id). Absent when nobody voted anonymously.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymous_votes: Option<Distribution>,
}

/// How many votes each level 1–5 received.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distribution(pub [u32; 5]);

impl Distribution {
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// Each vote's level, lowest first.
    pub fn levels(&self) -> impl Iterator<Item = Level> + Clone + '_ {
        Level::ALL
            .iter()
            .zip(self.0)
            .flat_map(|(&level, count)| std::iter::repeat_n(level, count as usize))
    }

    /// Counts `levels` into a distribution.
    pub fn of(levels: impl IntoIterator<Item = Level>) -> Distribution {
        let mut counts = [0; 5];
        for level in levels {
            counts[usize::from(level.get() - 1)] += 1;
        }
        Distribution(counts)
    }
}

impl ItemResponse {
    pub fn vote_of(&self, member: u32) -> Option<Level> {
        self.votes
            .iter()
            .find(|v| v.member == member)
            .map(|v| v.level)
    }

    pub fn example_done(&self, number: u32) -> bool {
        self.examples_done.contains(&number)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// The member's id within the team.
    pub member: u32,
    pub level: Level,
}

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
)]
pub enum ActionStatus {
    #[default]
    Todo,
    Doing,
    Done,
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order of work.
    pub const ALL: &'static [ActionStatus] = <ActionStatus as strum::VariantArray>::VARIANTS;

    /// Still to be done: counted as open and checked for being overdue.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Todo | ActionStatus::Doing)
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            ActionStatus::Todo => crate::tr!(lang, "status.todo"),
            ActionStatus::Doing => crate::tr!(lang, "status.doing"),
            ActionStatus::Done => crate::tr!(lang, "status.done"),
            ActionStatus::Dropped => crate::tr!(lang, "status.dropped"),
        }
    }
}

/// A concrete next step: who does what by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: u32,
    pub what: String,
    /// A member's name or anyone else's: actions often go to people outside the room.
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "serde_helpers::opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
    /// Carried over from the previous round, still open then: reviewed before the walk.
    #[serde(default)]
    pub carried: bool,
    /// What the team said of it at the start of this round.
    #[serde(default)]
    pub review: Option<ActionReview>,
}

/// The verdict on an action carried over from the previous round (`TeamRetro`'s first step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum Verdict {
    Done,
    Continuing,
    Dropped,
}

impl Verdict {
    /// The verdicts, in the order offered.
    pub const ALL: &'static [Verdict] = <Verdict as strum::VariantArray>::VARIANTS;

    pub fn label(self, lang: Lang) -> String {
        match self {
            Verdict::Done => crate::tr!(lang, "verdict.done"),
            Verdict::Continuing => crate::tr!(lang, "verdict.continuing"),
            Verdict::Dropped => crate::tr!(lang, "verdict.dropped"),
        }
    }

    /// The status an action takes with this verdict (continuing keeps its own).
    pub fn status(self, current: ActionStatus) -> ActionStatus {
        match self {
            Verdict::Done => ActionStatus::Done,
            Verdict::Dropped => ActionStatus::Dropped,
            Verdict::Continuing if current.is_open() => current,
            Verdict::Continuing => ActionStatus::Doing,
        }
    }
}

/// A carried action's review: the verdict and a short note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionReview {
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
}

impl HasId for Action {
    const KIND: IdKind = IdKind::Action;
    fn id(&self) -> u32 {
        self.id
    }

    fn set_id(&mut self, id: u32) {
        self.id = id;
    }
}

impl Action {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// Scores from an earlier round, kept for comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub title: String,
    #[serde(default, with = "serde_helpers::opt_date")]
    pub date: Option<NaiveDate>,
    pub teams: Vec<BaselineTeam>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineTeam {
    /// Matched to the current round's team by name.
    pub name: String,
    pub scores: [Option<Level>; ITEM_COUNT],
}

/// Where in a project a problem found after parsing sits, for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub team: Option<String>,
    pub item: Option<ItemId>,
    pub field: Option<&'static str>,
}

impl Place {
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(team) = &self.team {
            parts.push(crate::tr!(lang, "place.team", name = team));
        }
        if let Some(item) = self.item {
            parts.push(crate::tr!(lang, "place.item", number = item.number()));
        }
        if let Some(field) = self.field {
            parts.push(lang.tr(&format!("field.{field}")));
        }
        parts.join(" / ")
    }
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

    /// The next unused id for a new team.
    /// Whether any team has actions carried over from the previous round, to review before the walk.
    pub fn has_carried_actions(&self) -> bool {
        self.teams
            .iter()
            .any(|t| t.carried_actions().next().is_some())
    }

    pub fn next_team_id(&self) -> u32 {
        self.teams.iter().map(|t| t.id).max().unwrap_or(0) + 1
    }

    /// The next unused action id in a team (ids are unique per item list, but one counter per team
    /// keeps them unique across the team so an action can be moved between items).
    pub fn next_action_id(team: &Team) -> u32 {
        team.responses
            .0
            .iter()
            .flat_map(|r| &r.actions)
            .map(|a| a.id)
            .max()
            .unwrap_or(0)
            + 1
    }

    /// The previous round's entry for `team`, matched by name.
    pub fn baseline_team(&self, team: &Team) -> Option<&BaselineTeam> {
        self.baseline
            .as_ref()?
            .teams
            .iter()
            .find(|bt| bt.name.trim() == team.name.trim())
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

    /// Checks what the parser cannot see on its own: cross references and size limits.
    pub fn validate(&self) -> Result<(), (Problem, Place)> {
        use limits::{
            MAX_ACTIONS_PER_ITEM, MAX_KPIS_PER_ITEM, MAX_MEMBERS_PER_TEAM, MAX_TEAMS,
            MAX_TEXT_CHARS,
        };
        let nowhere = Place {
            team: None,
            item: None,
            field: None,
        };
        let too_many = |what, count: usize, max: usize| Problem::TooMany {
            what,
            count: count as u64,
            max: max as u64,
        };
        if self.teams.len() > MAX_TEAMS {
            return Err((
                too_many(Counted::Teams, self.teams.len(), MAX_TEAMS),
                nowhere,
            ));
        }
        let check_text = |text: &str, place: Place| {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                Err((
                    Problem::TooLong {
                        chars: chars as u64,
                        max: MAX_TEXT_CHARS as u64,
                    },
                    place,
                ))
            } else {
                Ok(())
            }
        };
        let field = |team: Option<&Team>, item: Option<ItemId>, field: &'static str| Place {
            team: team.map(|t| t.name.clone()),
            item,
            field: Some(field),
        };
        let m = &self.meta;
        if let Some(agenda) = &m.agenda
            && !agenda.is_consistent()
        {
            let problem = Problem::InvalidAgenda {
                total: agenda.total_minutes.into(),
                sum: agenda.minutes.iter().map(|&m| u64::from(m)).sum(),
            };
            return Err((problem, field(None, None, "agenda")));
        }
        for (text, name) in [
            (&m.title, "title"),
            (&m.organization, "organization"),
            (&m.facilitator, "facilitator"),
            (&m.venue, "venue"),
            (&m.department, "department"),
            (&m.circulation.document_number, "document_number"),
        ] {
            check_text(text, field(None, None, name))?;
        }
        if let Some(baseline) = &self.baseline
            && baseline.teams.len() > MAX_TEAMS
        {
            return Err((
                too_many(Counted::BaselineTeams, baseline.teams.len(), MAX_TEAMS),
                nowhere,
            ));
        }
        for team in &self.teams {
            let at = |item: Option<ItemId>| Place {
                team: Some(team.name.clone()),
                item,
                field: None,
            };
            check_text(&team.name, field(Some(team), None, "team_name"))?;
            if team.members.len() > MAX_MEMBERS_PER_TEAM {
                let p = too_many(Counted::Members, team.members.len(), MAX_MEMBERS_PER_TEAM);
                return Err((p, at(None)));
            }
            for member in &team.members {
                check_text(&member.name, field(Some(team), None, "member_name"))?;
            }
            for (item, response) in team.responses.iter() {
                if response.actions.len() > MAX_ACTIONS_PER_ITEM {
                    let p = too_many(
                        Counted::Actions,
                        response.actions.len(),
                        MAX_ACTIONS_PER_ITEM,
                    );
                    return Err((p, at(Some(item))));
                }
                let mut voters = std::collections::HashSet::new();
                for vote in &response.votes {
                    if !team.members.iter().any(|m| m.id == vote.member) {
                        return Err((
                            Problem::UnknownVoter {
                                member: vote.member.into(),
                            },
                            at(Some(item)),
                        ));
                    }
                    if !voters.insert(vote.member) {
                        return Err((
                            Problem::DuplicateVote {
                                member: vote.member.into(),
                            },
                            at(Some(item)),
                        ));
                    }
                }
                for (text, name) in [
                    (&response.current_state, "current_state"),
                    (&response.ideas, "ideas"),
                    (&response.facilitator_note, "facilitator_note"),
                ] {
                    check_text(text, field(Some(team), Some(item), name))?;
                }
                for action in &response.actions {
                    check_text(&action.what, field(Some(team), Some(item), "action_what"))?;
                    check_text(&action.owner, field(Some(team), Some(item), "action_owner"))?;
                    if let Some(review) = &action.review {
                        check_text(&review.note, field(Some(team), Some(item), "review_note"))?;
                    }
                }
                if let Some(anonymous) = response.anonymous_votes {
                    let total = anonymous.0.iter().map(|&c| c as usize).sum::<usize>();
                    if total > limits::MAX_ANONYMOUS_VOTES {
                        let p =
                            too_many(Counted::AnonymousVotes, total, limits::MAX_ANONYMOUS_VOTES);
                        return Err((p, at(Some(item))));
                    }
                }
                if response.kpis.len() > MAX_KPIS_PER_ITEM {
                    let p = too_many(Counted::Kpis, response.kpis.len(), MAX_KPIS_PER_ITEM);
                    return Err((p, at(Some(item))));
                }
                for kpi in &response.kpis {
                    for text in [
                        &kpi.indicator,
                        &kpi.unit,
                        &kpi.method,
                        &kpi.frequency,
                        &kpi.owner,
                    ] {
                        check_text(text, field(Some(team), Some(item), "kpi"))?;
                    }
                    let values = [kpi.baseline, kpi.target, kpi.previous, kpi.current];
                    if let Some(bad) = values.iter().flatten().find(|m| !m.value.is_finite()) {
                        return Err((
                            Problem::NotANumber(bad.value.to_string()),
                            field(Some(team), Some(item), "kpi"),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}
