//! A team, its members, and its answers to the ten items: scores, targets, votes, notes.

use super::{Action, HasId, IdKind, Level, kpi, next_id, serde_helpers};
use crate::checklist::{Answer, ITEM_COUNT, ItemId};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

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
    /// The next unused action id in the team: one counter per team, not per item, so that an
    /// action keeps its id when it moves between items.
    pub fn next_action_id(&self) -> u32 {
        next_id(self.responses.0.iter().flat_map(|r| &r.actions))
    }

    /// The next unused indicator id in the team (one counter per team, as for actions).
    pub fn next_kpi_id(&self) -> u32 {
        next_id(self.responses.0.iter().flat_map(|r| &r.kpis))
    }

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
    #[serde(with = "serde_helpers::opt_level")]
    pub score: Option<Level>,
    /// Where the team wants to be.
    #[serde(with = "serde_helpers::opt_level")]
    pub target: Option<Level>,
    /// One vote per member who voted.
    #[serde(deserialize_with = "serde_helpers::votes")]
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
    /// Votes cast anonymously from phones: how many chose each level, 1–5, and how many
    /// 「わからない」, and nothing else (no name, no ballot id). Absent when nobody voted anonymously.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymous_votes: Option<Distribution>,
    /// The one line members gave with their vote, from phones: hidden from the room until the
    /// facilitator releases each, then part of the item's 気づき, marked as a member's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

/// How many votes each level 1–5 received, and how many answered 「わからない」.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Distribution {
    pub levels: [u32; 5],
    pub dont_know: u32,
}

impl Distribution {
    /// Anonymous answers are broken down by level only from this many on. With two, each of the
    /// two knows the other's answer; with one, the room does.
    pub const FEWEST_SHOWN: u32 = 3;

    /// Whether the breakdown may be shown without telling one person's answer.
    pub fn can_be_shown(&self) -> bool {
        self.total() >= Self::FEWEST_SHOWN
    }

    /// Every answer, 「わからない」 included: the number of people who answered.
    pub fn total(&self) -> u32 {
        self.level_total().saturating_add(self.dont_know)
    }

    /// The answers that chose a level. Saturates: a hostile file's counts must not overflow
    /// before validation refuses them.
    pub fn level_total(&self) -> u32 {
        self.levels.iter().fold(0, |sum, &n| sum.saturating_add(n))
    }

    /// Each vote's level, lowest first; 「わからない」 has none.
    pub fn levels(&self) -> impl Iterator<Item = Level> + Clone + '_ {
        Level::ALL
            .iter()
            .zip(self.levels)
            .flat_map(|(&level, count)| std::iter::repeat_n(level, count as usize))
    }

    /// How many gave `answer`.
    pub fn count(&self, answer: Answer) -> u32 {
        match answer {
            Answer::Level(level) => self.levels[level.index()],
            Answer::DontKnow => self.dont_know,
        }
    }

    /// Counts one more `answer`.
    pub fn add(&mut self, answer: Answer) {
        match answer {
            Answer::Level(level) => self.levels[level.index()] += 1,
            Answer::DontKnow => self.dont_know += 1,
        }
    }

    /// 「4 票：2 検討中 1 票、3 試行中 3 票」: the distribution in words.
    pub fn describe(&self, lang: Lang) -> String {
        let checklist = crate::checklist::Checklist::get(lang);
        let separator = match lang {
            Lang::Ja => "、",
            Lang::En => ", ",
        };
        let mut parts: Vec<String> = Level::ALL
            .iter()
            .zip(self.levels)
            .filter(|(_, count)| *count > 0)
            .map(|(level, count)| {
                crate::tr!(
                    lang,
                    "report.anonymous_part",
                    level = level.get(),
                    words = checklist.level(*level).name,
                    count = count
                )
            })
            .collect();
        if self.dont_know > 0 {
            parts.push(crate::tr!(
                lang,
                "report.dont_know_part",
                count = self.dont_know
            ));
        }
        crate::tr!(
            lang,
            lang.count_key("report.anonymous_votes_text", self.total()),
            total = self.total(),
            parts = parts.join(separator)
        )
    }

    /// In words as far as it may be shown: broken down from [`Self::FEWEST_SHOWN`] answers on,
    /// else only their number.
    pub fn shown_text(&self, lang: Lang) -> String {
        if self.can_be_shown() {
            self.describe(lang)
        } else {
            crate::tr!(
                lang,
                "report.anonymous_withheld",
                count = self.total(),
                fewest = Self::FEWEST_SHOWN
            )
        }
    }

    /// Counts `answers` into a distribution.
    pub fn of<A: Into<Answer>>(answers: impl IntoIterator<Item = A>) -> Distribution {
        let mut distribution = Distribution::default();
        for answer in answers {
            distribution.add(answer.into());
        }
        distribution
    }
}

/// Written `((0, 1, 2, 0, 0))` as before 「わからない」 existed, and `((0, 1, 2, 0, 0), 3)` when
/// someone answered it, so every older file reads unchanged.
impl Serialize for Distribution {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTupleStruct;
        let len = if self.dont_know > 0 { 2 } else { 1 };
        let mut tuple = serializer.serialize_tuple_struct("Distribution", len)?;
        tuple.serialize_field(&self.levels)?;
        if self.dont_know > 0 {
            tuple.serialize_field(&self.dont_know)?;
        }
        tuple.end()
    }
}

impl<'de> Deserialize<'de> for Distribution {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DistributionVisitor;

        impl<'de> serde::de::Visitor<'de> for DistributionVisitor {
            type Value = Distribution;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "five counts, one per level, and optionally the count of 「わからない」",
                )
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Distribution, A::Error> {
                let levels = seq
                    .next_element()?
                    .ok_or_else(|| serde::de::Error::invalid_length(0, &self))?;
                let dont_know = seq.next_element()?.unwrap_or(0);
                Ok(Distribution { levels, dont_know })
            }
        }

        // Read as a sequence either way: `((…))` (a newtype, as format 2 wrote it) or `((…), n)`.
        deserializer.deserialize_any(DistributionVisitor)
    }
}

impl ItemResponse {
    /// What `member` answered, if they voted.
    pub fn vote_of(&self, member: u32) -> Option<Answer> {
        self.votes
            .iter()
            .find(|v| v.member == member)
            .map(|v| v.answer)
    }

    /// The anonymous answers, when there are enough of them to break down
    /// ([`Distribution::FEWEST_SHOWN`]).
    pub fn anonymous_shown(&self) -> Option<Distribution> {
        self.anonymous_votes
            .filter(|d| d.total() > 0 && d.can_be_shown())
    }

    /// How many anonymous answers are held back, being too few to break down.
    pub fn anonymous_withheld(&self) -> Option<u32> {
        self.anonymous_votes
            .filter(|d| !d.can_be_shown())
            .map(|d| d.total())
            .filter(|&n| n > 0)
    }

    /// The anonymous answers in words, as far as they may be shown: 「4 票：2 検討中 1 票、…」, or
    /// only their number when too few to break down. `None` when nobody voted anonymously.
    pub fn anonymous_text(&self, lang: Lang) -> Option<String> {
        self.anonymous_votes
            .filter(|d| d.total() > 0)
            .map(|d| d.shown_text(lang))
    }

    /// Every answer that may be shown, counted: the named ones, and the anonymous ones when
    /// there are enough of them. Every mean, spread and breakdown is of these.
    pub fn all_answers(&self) -> Distribution {
        let mut all = self.anonymous_shown().unwrap_or_default();
        for vote in &self.votes {
            all.add(vote.answer);
        }
        all
    }

    /// The reasons the room may see, in the order given.
    pub fn released_reasons(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.released)
    }

    /// Reasons still waiting for the facilitator.
    pub fn pending_reasons(&self) -> usize {
        self.reasons.iter().filter(|r| !r.released).count()
    }

    pub fn example_done(&self, number: u32) -> bool {
        self.examples_done.contains(&number)
    }
}

/// A member's reason given with a vote: why this level, or an example the team already does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub text: String,
    /// Whose it is, in named voting; `None` when the vote was anonymous (never a phone's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<u32>,
    /// The facilitator let the room see it; until then only the facilitator's window shows it.
    #[serde(default)]
    pub released: bool,
    /// Typed in from a paper answer sheet's comment line, not sent from a phone: a later phone
    /// vote on the item does not replace it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub typed: bool,
}

impl Reason {
    /// The longest reason a phone may send, in characters: one line, as the form says.
    pub const MAX_CHARS: usize = 200;

    /// Whether `other` is this reason, whatever its release: the same words from the same member.
    pub fn same(&self, other: &Reason) -> bool {
        self.text == other.text && self.member == other.member
    }

    /// A phone's text as it is kept: one line, control characters out, spaces trimmed. `None`
    /// when nothing is left, `Err` when it is longer than [`Self::MAX_CHARS`].
    pub fn clean(text: &str) -> Result<Option<String>, usize> {
        let line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let count = line.chars().count();
        if count > Self::MAX_CHARS {
            return Err(count);
        }
        Ok((!line.is_empty()).then_some(line))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// The member's id within the team.
    pub member: u32,
    /// Files before format 3 wrote `level`, when a vote could only be one.
    #[serde(alias = "level")]
    pub answer: Answer,
}
