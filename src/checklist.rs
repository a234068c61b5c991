//! The ten checklist items of the ICT地域イノベーション・ガイドブック Ver.2.0 and the five-level scale.
//!
//! The text is data (`assets/checklist/items.{ja,en}.ron`), embedded in the binary and never stored in
//! project files: a project refers to an item by its stable [`ItemId`].

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// The ten items, in the guidebook's order. The string ids are part of the file format: never rename one.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(try_from = "String", into = "&'static str")]
#[strum(serialize_all = "kebab-case")]
pub enum ItemId {
    Partners,
    Users,
    IdeasPlace,
    LocalResources,
    MoneyFlow,
    ValueKpi,
    OpenGovernment,
    Delivery,
    ConnectPolicies,
    JustTry,
}

/// How many items the checklist has; arrays indexed by item use it.
pub const ITEM_COUNT: usize = 10;

// The item arrays are indexed by item; the count and the enum must agree.
const _: () = assert!(<ItemId as strum::VariantArray>::VARIANTS.len() == ITEM_COUNT);

impl ItemId {
    /// The ten items in the guidebook's order.
    pub const ALL: [ItemId; ITEM_COUNT] = [
        ItemId::Partners,
        ItemId::Users,
        ItemId::IdeasPlace,
        ItemId::LocalResources,
        ItemId::MoneyFlow,
        ItemId::ValueKpi,
        ItemId::OpenGovernment,
        ItemId::Delivery,
        ItemId::ConnectPolicies,
        ItemId::JustTry,
    ];

    /// The id as written in project files: `ideas-place`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Zero-based position in the checklist.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The number the guidebook gives the item, 1 to 10.
    pub fn number(self) -> usize {
        self.index() + 1
    }

    pub fn from_index(index: usize) -> Option<ItemId> {
        Self::ALL.get(index).copied()
    }

    pub fn parse(s: &str) -> Option<ItemId> {
        s.parse().ok()
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text that names none of the ten items.
#[derive(Debug, thiserror::Error)]
#[error("no checklist item is called {0:?}")]
pub struct UnknownItem(pub String);

impl TryFrom<String> for ItemId {
    type Error = UnknownItem;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        ItemId::parse(&s).ok_or(UnknownItem(s))
    }
}

/// A level of the guidebook's five-level scale, 1 (未着手) to 5 (定着・発展). It can hold nothing
/// else: project files read levels through `project`'s parsing helpers, which refuse (or, while
/// repairing, clear) any other number.
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

    /// 0 for level 1 … 4 for level 5: where the level sits in a list of five.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
}

/// A number outside the scale 1–5.
#[derive(Debug, thiserror::Error)]
#[error("{0} is not a level (1 to 5)")]
pub struct NotALevel(pub i64);

impl TryFrom<i64> for Level {
    type Error = NotALevel;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        u8::try_from(value)
            .ok()
            .and_then(Level::new)
            .ok_or(NotALevel(value))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// What a member can answer on an item: a level, or 「わからない／該当しない」. A member who does not
/// know another department's work is not forced into a low number (IPA's DX self-assessment tells
/// its users 「分からないなら0」, which drags the result down); such answers are counted apart and
/// left out of the mean, the spread and the suggested score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Answer {
    Level(Level),
    DontKnow,
}

impl Answer {
    /// How a phone's form, a journal and a project file write 「わからない」.
    pub const DONT_KNOW: &'static str = "dont_know";

    pub fn level(self) -> Option<Level> {
        match self {
            Answer::Level(level) => Some(level),
            Answer::DontKnow => None,
        }
    }

    /// 「3」 or 「わからない」 ("don't know"): the answer in words, for prose and lists.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Answer::Level(level) => level.get().to_string(),
            Answer::DontKnow => crate::tr!(lang, "answer.dont_know"),
        }
    }

    /// 「3」 or 「?」: the answer in one character, for grids and narrow cells.
    pub fn mark(self) -> String {
        match self {
            Answer::Level(level) => level.get().to_string(),
            Answer::DontKnow => "?".to_owned(),
        }
    }

    /// Reads a form's or a file's word for an answer: a level 1–5 or [`Answer::DONT_KNOW`].
    pub fn parse(s: &str) -> Option<Answer> {
        let s = s.trim();
        if s == Self::DONT_KNOW {
            return Some(Answer::DontKnow);
        }
        s.parse::<u8>().ok().and_then(Level::new).map(Answer::Level)
    }
}

impl From<Level> for Answer {
    fn from(level: Level) -> Answer {
        Answer::Level(level)
    }
}

/// A level is written as its number and 「わからない」 as the string `"dont_know"`, so files and
/// journals written before the answer existed read unchanged.
impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Level(level) => serializer.serialize_u8(level.get()),
            Answer::DontKnow => serializer.serialize_str(Self::DONT_KNOW),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl serde::de::Visitor<'_> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a level 1 to 5 or \"{}\"", Answer::DONT_KNOW)
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Answer, E> {
                Level::try_from(value).map(Answer::Level).map_err(E::custom)
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Answer, E> {
                self.visit_i64(i64::try_from(value).unwrap_or(i64::MAX))
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Answer, E> {
                if value == Answer::DONT_KNOW {
                    Ok(Answer::DontKnow)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(value), &self))
                }
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// One item's text in one language, section by section as the guidebook lays it out.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    /// Worded as in the guidebook's checklist table.
    pub title: String,
    /// A few words for chart labels and side lists.
    pub short_title: String,
    /// 概要: the checklist table's one-paragraph summary.
    pub summary: String,
    /// The explanation page's title, where it differs from the table's.
    #[serde(default)]
    pub page_title: Option<String>,
    /// The explanation page's 概要, where it words the table's differently: shown beneath it as
    /// 「解説ページでは」.
    #[serde(default)]
    pub page_summary: Vec<String>,
    /// 背景: the situation many municipalities are in.
    pub background: Vec<String>,
    /// イノベーション後の姿: the ideal, achieved state.
    pub ideal: Vec<String>,
    /// 例: actions towards the ideal; each can be ticked as "already doing this".
    pub examples: Vec<String>,
    /// 備考: notes. The guidebook has none for some items, so this may be empty.
    pub notes: Vec<String>,
}

/// The words of one scoring level.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub name: String,
    pub description: String,
}

/// The guidebook's own framing (its pages 1–2): what it is for, what it is not, and how to read it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framing {
    /// （１）ガイドブックの目的.
    pub purpose: Vec<String>,
    /// It prompts insight; following it does not guarantee innovation.
    pub caveat: String,
    /// （２）イノベーションの定義.
    pub definition: String,
    /// （３）想定される本書の利用シーン.
    pub situations: Vec<String>,
    /// 本ガイドブックの読み方.
    pub reading: Vec<String>,
    /// What the sections of each item mean.
    pub sections: SectionMeanings,
}

/// What 『背景』, 『イノベーション後の姿』 and 『例』 mean, in the guidebook's words.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionMeanings {
    pub background: String,
    pub ideal: String,
    pub examples: String,
}

/// The whole checklist in one language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub language: String,
    /// Levels 1 to 5, in order. Kizuki's scale: the guidebook has none.
    pub levels: Vec<LevelText>,
    pub framing: Framing,
    /// The ten items, in [`ItemId::ALL`] order.
    pub items: Vec<Item>,
}

impl Checklist {
    /// The embedded checklist in `lang`.
    pub fn get(lang: Lang) -> &'static Checklist {
        static JA: OnceLock<Checklist> = OnceLock::new();
        static EN: OnceLock<Checklist> = OnceLock::new();
        match lang {
            Lang::Ja => {
                JA.get_or_init(|| embedded(include_str!("../assets/checklist/items.ja.ron")))
            }
            Lang::En => {
                EN.get_or_init(|| embedded(include_str!("../assets/checklist/items.en.ron")))
            }
        }
    }

    pub fn item(&self, id: ItemId) -> &Item {
        &self.items[id.index()]
    }

    /// The words of `level` (1 to 5).
    pub fn level(&self, level: Level) -> &LevelText {
        &self.levels[level.index()]
    }

    /// Checks the invariants the rest of the program relies on: ten items in order, five levels.
    pub fn check(&self) -> Result<(), String> {
        if self.levels.len() != 5 {
            return Err(format!("{} levels instead of 5", self.levels.len()));
        }
        if self.items.len() != ITEM_COUNT {
            return Err(format!(
                "{} items instead of {ITEM_COUNT}",
                self.items.len()
            ));
        }
        for (item, id) in self.items.iter().zip(ItemId::ALL) {
            if item.id != id {
                return Err(format!(
                    "item {} is `{}`, expected `{id}`",
                    id.number(),
                    item.id
                ));
            }
        }
        Ok(())
    }
}

/// Parses an embedded checklist. Its content is fixed at build time and checked by the tests
/// (`checklist_is_complete_in_both_languages`), so a failure here is a build defect, not bad input.
fn embedded(text: &str) -> Checklist {
    let parsed: Result<Checklist, String> = ron::from_str::<Checklist>(text)
        .map_err(|e| e.to_string())
        .and_then(|c| c.check().map(|()| c));
    match parsed {
        Ok(checklist) => checklist,
        Err(e) => panic!("embedded checklist is broken: {e}"),
    }
}

/// How many examples (例) each item has; the same in every language.
pub fn example_count(id: ItemId) -> usize {
    Checklist::get(Lang::Ja).item(id).examples.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checklist_is_complete_in_both_languages() {
        let ja = Checklist::get(Lang::Ja);
        let en = Checklist::get(Lang::En);
        assert_eq!(ja.language, "ja");
        assert_eq!(en.language, "en");
        for id in ItemId::ALL {
            let (j, e) = (ja.item(id), en.item(id));
            for (lang, item) in [("ja", j), ("en", e)] {
                assert!(!item.title.trim().is_empty(), "{lang} {id}: title");
                assert!(
                    !item.short_title.trim().is_empty(),
                    "{lang} {id}: short title"
                );
                assert!(!item.summary.trim().is_empty(), "{lang} {id}: summary");
                for (name, section) in [
                    ("background", &item.background),
                    ("ideal", &item.ideal),
                    ("examples", &item.examples),
                ] {
                    assert!(!section.is_empty(), "{lang} {id}: {name} is empty");
                }
                let all = [&item.background, &item.ideal, &item.examples, &item.notes];
                for text in all.into_iter().flatten() {
                    assert!(!text.trim().is_empty(), "{lang} {id}: an empty paragraph");
                }
            }
            assert_eq!(j.background.len(), e.background.len(), "{id}: background");
            assert_eq!(j.ideal.len(), e.ideal.len(), "{id}: ideal");
            assert_eq!(j.examples.len(), e.examples.len(), "{id}: examples");
            assert_eq!(j.notes.len(), e.notes.len(), "{id}: notes");
        }
        for levels in [&ja.levels, &en.levels] {
            assert!(
                levels
                    .iter()
                    .all(|l| !l.name.is_empty() && !l.description.is_empty())
            );
        }
    }

    #[test]
    fn japanese_titles_are_the_checklist_tables() {
        let ja = Checklist::get(Lang::Ja);
        let titles: Vec<&str> = ja.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "一緒に取り組めるパートナーを探そう。",
                "利用者との関係作りをもっと考えてみよう。",
                "アイデアが集まる「場作り」をしてみよう。",
                "地域の資源を活かそう・磨こう。",
                "お金の流れを考えよう。",
                "提供する価値の指標を設定しよう。",
                "オープンな行政を目指そう。",
                "サービスの提供手段を見つめなおそう。",
                "他の施策とつなげてみよう。",
                "まずはやってみよう。",
            ]
        );
    }

    #[test]
    fn guidebook_sections_hold_the_right_paragraphs() {
        let ja = Checklist::get(Lang::Ja);
        let partners = ja.item(ItemId::Partners);
        assert!(partners.ideal[0].ends_with("相互補完の関係が形成されている。"));
        assert!(partners.examples[0].starts_with("外部の会合に積極的に参加して"));
        assert!(partners.background[0].starts_with("【 同じ課題を持つ街 】"));
        assert_eq!(ja.item(ItemId::LocalResources).notes.len(), 0);
        assert!(ja.item(ItemId::JustTry).notes[0].contains("６０％"));
    }

    #[test]
    fn explanation_pages_word_six_summaries_differently() {
        let differing = [
            ItemId::Partners,
            ItemId::Users,
            ItemId::IdeasPlace,
            ItemId::LocalResources,
            ItemId::ValueKpi,
            ItemId::JustTry,
        ];
        for lang in [Lang::Ja, Lang::En] {
            let checklist = Checklist::get(lang);
            for id in ItemId::ALL {
                let item = checklist.item(id);
                assert_eq!(
                    !item.page_summary.is_empty(),
                    differing.contains(&id),
                    "{lang} {id}"
                );
                assert_eq!(
                    item.page_title.is_some(),
                    id == ItemId::IdeasPlace,
                    "{lang} {id}"
                );
            }
        }
        let ja = Checklist::get(Lang::Ja).item(ItemId::IdeasPlace);
        assert_eq!(
            ja.page_summary[1],
            "庁内でも異なる部署の職員同士で集まって意見交換などを開催してみましょう。"
        );
        assert_eq!(
            ja.page_title.as_deref(),
            Some("アイデアや意見が集まる「場作り」をしよう。")
        );
    }

    #[test]
    fn item_ids_round_trip() {
        for (i, id) in ItemId::ALL.into_iter().enumerate() {
            assert_eq!(ItemId::parse(id.as_str()), Some(id));
            assert_eq!(ItemId::from_index(i), Some(id));
            assert_eq!(id.number(), i + 1);
        }
        assert_eq!(ItemId::parse("nope"), None);
    }
}
