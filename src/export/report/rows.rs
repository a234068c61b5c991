//! The rows of the report's tables: items, actions, reviews of carried actions, indicators.

use crate::checklist::ItemId;
use crate::i18n::Lang;
use crate::project::kpi::{Measurement, format_value};
use crate::project::{ActionStatus, Impact, Level, Verdict};
use crate::tr;
use crate::words::{format_date_long, format_date_short, signed};
use chrono::NaiveDate;

/// An action carried over from the previous round, and its review.
pub struct ReviewRow {
    pub item_number: usize,
    pub item_short_title: String,
    pub what: String,
    pub owner: String,
    pub verdict: Option<Verdict>,
    /// The room's judgement of a completed action's effect.
    pub impact: Option<Impact>,
    pub note: String,
    /// Completed since the previous round: its status is 完了 (which a verdict of 完了 sets).
    pub done: bool,
}

impl ReviewRow {
    /// 「完了」, 「継続」, 「中止」 or 「未確認」; a completed one with its effect: 「完了・効果あり」.
    pub fn verdict_text(&self, lang: Lang) -> String {
        let verdict = self
            .verdict
            .map_or_else(|| tr!(lang, "review.unreviewed"), |v| v.label(lang));
        match self.impact {
            Some(impact) => tr!(
                lang,
                "impact.with_verdict",
                verdict = verdict,
                impact = impact.label(lang)
            ),
            None => verdict,
        }
    }
}

/// One item's actions completed since the previous round, beside its change in score.
pub struct EffectRow<'a> {
    pub item: &'a ItemReport,
    /// The completed actions, each with the effect the room saw, if rated.
    pub done: Vec<(&'a str, Option<Impact>)>,
}

impl EffectRow<'_> {
    /// 「2 → 3（+1）」, 「3 → 3（変化なし）」, or 「前回なし」 and 「未採点」 where a round did not
    /// score the item.
    pub fn change_text(&self, lang: Lang) -> String {
        match (self.item.baseline, self.item.score) {
            (Some(then), Some(now)) => {
                let change = now.get() as i8 - then.get() as i8;
                let said = if change == 0 {
                    tr!(lang, "effect.no_change")
                } else {
                    signed(change)
                };
                format!("{} → {}{}", then.get(), now.get(), lang.bracketed(&said))
            }
            (None, Some(now)) => tr!(lang, "effect.no_previous", now = now.get()),
            (_, None) => tr!(lang, "report.unscored"),
        }
    }

    /// ▲ for a rise, ▼ for a fall, – otherwise: readable at a glance.
    pub fn arrow(&self) -> &'static str {
        match self.item.change() {
            Some(c) if c > 0 => "▲",
            Some(c) if c < 0 => "▼",
            _ => "–",
        }
    }
}

/// An indicator, for the tables: baseline → previous → now → target.
pub struct KpiRow {
    pub item_number: usize,
    pub item_short_title: String,
    pub indicator: String,
    pub unit: String,
    pub baseline: Option<Measurement>,
    pub previous: Option<Measurement>,
    pub current: Option<Measurement>,
    pub target: Option<Measurement>,
    pub method: String,
    pub frequency: String,
    pub owner: String,
}

impl KpiRow {
    /// A value with its unit, and the day it was measured on the next line, short enough that
    /// the four values of an indicator fit side by side: 「24 分\n令和8年10月15日」.
    pub fn value_text(m: Option<Measurement>, unit: &str, lang: Lang) -> String {
        match m {
            Some(m) => {
                let value = format!("{} {unit}", format_value(m.value));
                match m.date {
                    Some(d) => format!("{}\n{}", value.trim(), format_date_short(d, lang)),
                    None => value.trim().to_owned(),
                }
            }
            None => "–".to_owned(),
        }
    }

    /// How and how often, and by whom, in one cell.
    pub fn how_text(&self) -> String {
        [&self.method, &self.frequency, &self.owner]
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

pub struct ItemReport {
    pub id: ItemId,
    pub number: usize,
    pub title: String,
    pub short_title: String,
    pub score: Option<Level>,
    pub target: Option<Level>,
    pub gap: Option<i8>,
    /// The agreed score's words, e.g. 「試行中」.
    pub score_words: Option<String>,
    pub target_words: Option<String>,
    pub baseline: Option<Level>,
    pub current_state: String,
    pub ideas: String,
    pub facilitator_note: Option<String>,
    pub examples_done: Vec<String>,
    /// Member name and answer, in member order.
    pub votes: Vec<(String, crate::checklist::Answer)>,
    /// How many, named or anonymous, answered 「わからない」: said in words (「2 人」) when any did.
    pub dont_know_text: Option<String>,
    /// The same as a number, for the spreadsheets.
    pub dont_know: u32,
    /// Votes cast anonymously from phones, said in words: 「4 票：2 検討中 1 票、3 試行中 3 票」.
    pub anonymous_votes: Option<String>,
    /// The same as counts per level 1–5, for the spreadsheet.
    pub anonymous_counts: Option<crate::project::Distribution>,
}

impl ItemReport {
    /// The change since the previous round, when both rounds scored the item.
    pub fn change(&self) -> Option<i8> {
        Some(self.score?.get() as i8 - self.baseline?.get() as i8)
    }
}

pub struct ActionRow {
    pub item_number: usize,
    pub item_short_title: String,
    pub what: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub overdue: bool,
}

impl ActionRow {
    /// The due date for a table cell, with 期限切れ where it has passed; `none` where there is none.
    pub fn due_text(&self, lang: Lang, none: &str) -> String {
        match self.due {
            Some(d) if self.overdue => format!(
                "{}{}",
                format_date_long(d, lang),
                lang.bracketed(&tr!(lang, "report.overdue"))
            ),
            Some(d) => format_date_long(d, lang),
            None => none.to_owned(),
        }
    }

    /// The owner for a table cell; `none` where nobody is named.
    pub fn owner_text(&self, none: &str) -> String {
        if self.owner.is_empty() {
            none.to_owned()
        } else {
            self.owner.clone()
        }
    }
}
