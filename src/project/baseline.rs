//! The previous round's scores, kept to compare with.

use super::{Level, serde_helpers};
use crate::checklist::ITEM_COUNT;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    #[serde(deserialize_with = "serde_helpers::levels")]
    pub scores: [Option<Level>; ITEM_COUNT],
}
