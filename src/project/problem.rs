//! What can be wrong with a project's content, in words for the user.
//!
//! Problems found while parsing travel through serde as a custom error message (serde only carries
//! strings); [`Problem::to_serde_message`] and [`Problem::from_serde_message`] encode and decode them
//! so the file layer can add the line and column and still say it in the user's language.

use crate::i18n::Lang;
use crate::tr;
use serde::{Deserialize, Serialize};

/// Which kind of numbered thing a duplicate id belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdKind {
    Team,
    Member,
    Action,
    Kpi,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    UnknownItem(String),
    DuplicateItem(String),
    LevelOutOfRange(i64),
    DuplicateId {
        kind: IdKind,
        id: u64,
    },
    UnknownVoter {
        member: u64,
    },
    DuplicateVote {
        member: u64,
    },
    ExampleOutOfRange {
        item: String,
        number: u64,
        count: u64,
    },
    InvalidDate(String),
    InvalidTimestamp(String),
    TooLong {
        chars: u64,
        max: u64,
    },
    TooMany {
        what: Counted,
        count: u64,
        max: u64,
    },
    NewerFormat {
        found: u64,
        supported: u64,
    },
    OlderFormatUnknown {
        found: u64,
    },
    /// A number that is not one (an indicator's value of `inf` or `NaN`).
    NotANumber(String),
    /// An agenda whose minutes do not add up to its total, or longer than a day.
    InvalidAgenda {
        total: u64,
        sum: u64,
    },
}

/// Things whose number is limited, for [`Problem::TooMany`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Counted {
    Teams,
    Members,
    Actions,
    Kpis,
    BaselineTeams,
    AnonymousVotes,
    Reasons,
}

/// Marks a serde error message as an encoded [`Problem`]; no human message starts with it.
const MARK: char = '\u{1}';

impl Problem {
    pub fn to_serde_message(&self) -> String {
        // Serialising a plain enum of strings and numbers cannot fail; the fallback keeps it total.
        match ron::to_string(self) {
            Ok(body) => format!("{MARK}{body}"),
            Err(_) => format!("{self:?}"),
        }
    }

    pub fn from_serde_message(message: &str) -> Option<Problem> {
        ron::from_str(message.strip_prefix(MARK)?).ok()
    }

    /// The problem in the user's language, without a position.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::UnknownItem(id) => tr!(lang, "problem.unknown_item", id = id),
            Problem::DuplicateItem(id) => tr!(lang, "problem.duplicate_item", id = id),
            Problem::LevelOutOfRange(n) => tr!(lang, "problem.level_out_of_range", value = n),
            Problem::DuplicateId { kind, id } => {
                let what = match kind {
                    IdKind::Team => tr!(lang, "problem.kind.team"),
                    IdKind::Member => tr!(lang, "problem.kind.member"),
                    IdKind::Action => tr!(lang, "problem.kind.action"),
                    IdKind::Kpi => tr!(lang, "problem.kind.kpi"),
                };
                tr!(lang, "problem.duplicate_id", what = what, id = id)
            }
            Problem::UnknownVoter { member } => tr!(lang, "problem.unknown_voter", id = member),
            Problem::DuplicateVote { member } => tr!(lang, "problem.duplicate_vote", id = member),
            Problem::ExampleOutOfRange {
                item,
                number,
                count,
            } => tr!(
                lang,
                "problem.example_out_of_range",
                item = item,
                number = number,
                count = count
            ),
            Problem::InvalidDate(s) => tr!(lang, "problem.invalid_date", value = s),
            Problem::InvalidTimestamp(s) => tr!(lang, "problem.invalid_timestamp", value = s),
            Problem::TooLong { chars, max } => {
                tr!(lang, "problem.too_long", chars = chars, max = max)
            }
            Problem::TooMany { what, count, max } => {
                let what = match what {
                    Counted::Teams => tr!(lang, "problem.counted.teams"),
                    Counted::Members => tr!(lang, "problem.counted.members"),
                    Counted::Actions => tr!(lang, "problem.counted.actions"),
                    Counted::Kpis => tr!(lang, "problem.counted.kpis"),
                    Counted::AnonymousVotes => tr!(lang, "problem.counted.anonymous_votes"),
                    Counted::Reasons => tr!(lang, "problem.counted.reasons"),
                    Counted::BaselineTeams => tr!(lang, "problem.counted.baseline_teams"),
                };
                tr!(
                    lang,
                    "problem.too_many",
                    what = what,
                    count = count,
                    max = max
                )
            }
            Problem::NewerFormat { found, supported } => {
                tr!(
                    lang,
                    "problem.newer_format",
                    found = found,
                    supported = supported
                )
            }
            Problem::OlderFormatUnknown { found } => {
                tr!(lang, "problem.older_format_unknown", found = found)
            }
            Problem::NotANumber(value) => tr!(lang, "problem.not_a_number", value = value),
            Problem::InvalidAgenda { total, sum } => {
                tr!(lang, "problem.invalid_agenda", total = total, sum = sum)
            }
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Problem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_survive_the_serde_message_channel() {
        let p = Problem::ExampleOutOfRange {
            item: "users".into(),
            number: 9,
            count: 2,
        };
        assert_eq!(Problem::from_serde_message(&p.to_serde_message()), Some(p));
        assert_eq!(Problem::from_serde_message("expected a string"), None);
    }

    #[test]
    fn problems_speak_both_languages() {
        let p = Problem::LevelOutOfRange(7);
        assert!(p.message(Lang::Ja).contains('7'));
        assert!(p.message(Lang::Ja).contains("レベル"));
        assert!(p.message(Lang::En).contains("level"));
    }
}
