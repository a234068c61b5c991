//! The parts of the file format that check while they parse, so that an error carries the line and
//! column where the parser stood: duplicate ids, unknown or repeated items, impossible dates.

use super::repair::{self, Repair};
use super::{HasId, ItemResponse, Level, Problem, Responses, Vote};
use crate::checklist::{Answer, ITEM_COUNT, ItemId, example_count};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

fn problem<E: de::Error>(p: &Problem) -> E {
    E::custom(p.to_serde_message())
}

/// A list whose elements' ids must be unique; the error stands right after the repeated element.
pub fn unique_ids<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: HasId + Deserialize<'de>,
{
    struct UniqueVisitor<T>(PhantomData<T>);

    impl<'de, T: HasId + Deserialize<'de>> Visitor<'de> for UniqueVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut seen = HashSet::new();
            // The size hint comes from the file: never trust it for an allocation.
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            let mut repeated = false;
            while let Some(element) = seq.next_element::<T>()? {
                if !seen.insert(element.id()) {
                    if !repair::active() {
                        return Err(problem(&Problem::DuplicateId {
                            kind: T::KIND,
                            id: element.id().into(),
                        }));
                    }
                    repeated = true;
                }
                out.push(element);
            }
            if repeated {
                repair::renumber(&mut out);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(UniqueVisitor(PhantomData))
}

impl Serialize for Responses {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(ITEM_COUNT))?;
        for (id, response) in self.iter() {
            map.serialize_entry(id.as_str(), response)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Responses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ResponsesVisitor;

        impl<'de> Visitor<'de> for ResponsesVisitor {
            type Value = Responses;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from item id to the team's answers")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Responses, A::Error> {
                let mut responses = Responses::default();
                let mut seen = [false; ITEM_COUNT];
                let repairing = repair::active();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(id) = ItemId::parse(&key) else {
                        if repairing {
                            repair::note(Repair::UnknownItem(truncate(&key)));
                            map.next_value::<de::IgnoredAny>()?;
                            continue;
                        }
                        return Err(problem(&Problem::UnknownItem(truncate(&key))));
                    };
                    if std::mem::replace(&mut seen[id.index()], true) {
                        if repairing {
                            repair::note(Repair::DuplicateItem(key));
                            map.next_value::<de::IgnoredAny>()?;
                            continue;
                        }
                        return Err(problem(&Problem::DuplicateItem(id.as_str().to_owned())));
                    }
                    let mut response: ItemResponse = map.next_value()?;
                    let count = example_count(id) as u32;
                    if let Some(&number) = response
                        .examples_done
                        .iter()
                        .find(|&&n| n == 0 || n > count)
                    {
                        if repairing {
                            repair::note(Repair::Example {
                                item: id.as_str().to_owned(),
                                number: number.into(),
                            });
                            response.examples_done.retain(|&n| n != 0 && n <= count);
                        } else {
                            return Err(problem(&Problem::ExampleOutOfRange {
                                item: id.as_str().to_owned(),
                                number: number.into(),
                                count: count.into(),
                            }));
                        }
                    }
                    response.examples_done.sort_unstable();
                    response.examples_done.dedup();
                    responses[id] = response;
                }
                Ok(responses)
            }
        }

        deserializer.deserialize_map(ResponsesVisitor)
    }
}

/// `Option<NaiveDate>` as `Some("2026-11-26")`, with a clear message for an impossible date.
#[expect(
    clippy::ref_option,
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `with` hands the field over as `&Option<T>`"
)]
pub mod opt_date {
    use super::{Deserialize, Deserializer, Problem, Serialize, Serializer, problem, truncate};
    use chrono::NaiveDate;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(|d| d.format("%Y-%m-%d").to_string()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(s) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            Ok(date) => Ok(Some(date)),
            Err(_) if super::repair::note(super::Repair::Date(truncate(&s))) => Ok(None),
            Err(_) => Err(problem(&Problem::InvalidDate(truncate(&s)))),
        }
    }
}

/// `Option<DateTime<FixedOffset>>` as RFC 3339 text.
#[expect(
    clippy::ref_option,
    reason = "serde's `with` hands the field over as `&Option<T>`"
)]
pub mod opt_timestamp {
    use super::{Deserialize, Deserializer, Problem, Serialize, Serializer, problem, truncate};
    use chrono::{DateTime, FixedOffset, SecondsFormat};

    pub fn serialize<S: Serializer>(
        t: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        t.map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, false))
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        let Some(s) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        match DateTime::parse_from_rfc3339(s.trim()) {
            Ok(t) => Ok(Some(t)),
            Err(_) if super::repair::note(super::Repair::Timestamp(truncate(&s))) => Ok(None),
            Err(_) => Err(problem(&Problem::InvalidTimestamp(truncate(&s)))),
        }
    }
}

/// A level as the file writes it, a number 1–5. Any other number is refused where it stands, or,
/// while repairing, read as no level and noted: a [`Level`] never holds anything else.
fn level<E: de::Error>(value: i64) -> Result<Option<Level>, E> {
    match Level::try_from(value) {
        Ok(level) => Ok(Some(level)),
        Err(_) if repair::note(Repair::Level(value)) => Ok(None),
        Err(_) => Err(problem(&Problem::LevelOutOfRange(value))),
    }
}

/// A score or a target: `Some(3)`, or `None` when not agreed yet.
#[expect(
    clippy::ref_option,
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `with` hands the field over as `&Option<T>`"
)]
pub mod opt_level {
    use super::{Deserialize, Deserializer, Level, Serialize, Serializer};

    pub fn serialize<S: Serializer>(level: &Option<Level>, s: S) -> Result<S::Ok, S::Error> {
        level.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Level>, D::Error> {
        match Option::<i64>::deserialize(d)? {
            Some(value) => super::level(value),
            None => Ok(None),
        }
    }
}

/// The previous round's ten scores.
pub fn levels<'de, D: Deserializer<'de>>(d: D) -> Result<[Option<Level>; ITEM_COUNT], D::Error> {
    let raw = <[Option<i64>; ITEM_COUNT]>::deserialize(d)?;
    let mut out = [None; ITEM_COUNT];
    for (slot, value) in out.iter_mut().zip(raw) {
        if let Some(value) = value {
            *slot = level(value)?;
        }
    }
    Ok(out)
}

/// The members' votes on an item; while repairing, a vote with a level off the scale is dropped.
pub fn votes<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vote>, D::Error> {
    /// A vote as written, before its level is checked. Files before format 3 wrote `level`.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Written {
        member: u32,
        #[serde(alias = "level")]
        answer: WrittenAnswer,
    }
    let written = Vec::<Written>::deserialize(d)?;
    let mut votes = Vec::with_capacity(written.len());
    for vote in written {
        let answer = match vote.answer {
            WrittenAnswer::Number(n) => level(n)?.map(Answer::Level),
            WrittenAnswer::DontKnow => Some(Answer::DontKnow),
        };
        if let Some(answer) = answer {
            votes.push(Vote {
                member: vote.member,
                answer,
            });
        }
    }
    Ok(votes)
}

/// An answer as written: any number (checked against the scale by the caller, so that repairing
/// can drop it) or 「わからない」.
enum WrittenAnswer {
    Number(i64),
    DontKnow,
}

impl<'de> Deserialize<'de> for WrittenAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WrittenVisitor;

        impl Visitor<'_> for WrittenVisitor {
            type Value = WrittenAnswer;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a level 1 to 5 or \"{}\"", Answer::DONT_KNOW)
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<WrittenAnswer, E> {
                Ok(WrittenAnswer::Number(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<WrittenAnswer, E> {
                Ok(WrittenAnswer::Number(
                    i64::try_from(value).unwrap_or(i64::MAX),
                ))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<WrittenAnswer, E> {
                if value == Answer::DONT_KNOW {
                    Ok(WrittenAnswer::DontKnow)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(value), &self))
                }
            }
        }

        deserializer.deserialize_any(WrittenVisitor)
    }
}

/// Keeps a quoted bad value short enough for a message.
fn truncate(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() > MAX {
        s.chars().take(MAX).chain(['…']).collect()
    } else {
        s.to_owned()
    }
}
