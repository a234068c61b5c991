//! The actions a team decides on, and the review of those carried over from the previous round.

use super::{HasId, IdKind, serde_helpers};
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

    /// The verdict an action's status amounts to: done, dropped, or still going.
    pub fn of_status(status: ActionStatus) -> Verdict {
        match status {
            ActionStatus::Done => Verdict::Done,
            ActionStatus::Dropped => Verdict::Dropped,
            ActionStatus::Todo | ActionStatus::Doing => Verdict::Continuing,
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

/// A carried action's review: the verdict, a short note and, for a completed action, the effect
/// the room sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionReview {
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
    /// Only for a verdict of 完了; absent in files before format 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Impact>,
}

/// What a completed action changed, as the room judges it in the review: beside the change in
/// score, it tells an action that moved things from one that was merely done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum Impact {
    Clear,
    Little,
    NoEffect,
    DontKnow,
}

impl Impact {
    /// In the order offered.
    pub const ALL: &'static [Impact] = <Impact as strum::VariantArray>::VARIANTS;

    pub fn label(self, lang: Lang) -> String {
        match self {
            Impact::Clear => crate::tr!(lang, "impact.clear"),
            Impact::Little => crate::tr!(lang, "impact.some"),
            Impact::NoEffect => crate::tr!(lang, "impact.none"),
            Impact::DontKnow => crate::tr!(lang, "impact.dont_know"),
        }
    }
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
    /// Its review's verdict, keeping the note written with an earlier one.
    pub fn set_verdict(&mut self, verdict: Verdict) {
        let before = self.review.take();
        let note = before.as_ref().map(|r| r.note.clone()).unwrap_or_default();
        // An effect is of a completed action: it goes when the verdict is no longer 完了.
        let impact = before
            .and_then(|r| r.impact)
            .filter(|_| verdict == Verdict::Done);
        self.review = Some(ActionReview {
            verdict,
            note,
            impact,
        });
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}
