//! Indicators for the value a service provides (the guidebook's item 6): what is measured, in what
//! unit, from which baseline towards which target, how and how often, and by whom; and in a later
//! round, what was measured since.

use super::serde_helpers;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One measured value, with the day it was measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub value: f64,
    #[serde(default, with = "serde_helpers::opt_date")]
    pub date: Option<NaiveDate>,
}

/// A key performance indicator of a team, for one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Kpi {
    pub id: u32,
    /// What is measured: 「窓口予約システムの月間利用者数」.
    pub indicator: String,
    /// 人, 件, %, 円 …
    pub unit: String,
    /// Where it started.
    pub baseline: Option<Measurement>,
    /// Where the team wants it, by when.
    pub target: Option<Measurement>,
    /// The value measured at the previous round, carried over for comparison.
    pub previous: Option<Measurement>,
    /// The value measured for this round.
    pub current: Option<Measurement>,
    /// How it is measured (アクセスログ、アンケート …).
    pub method: String,
    /// How often (毎月、四半期ごと …).
    pub frequency: String,
    pub owner: String,
}

impl super::HasId for Kpi {
    const KIND: super::IdKind = super::IdKind::Kpi;
    fn id(&self) -> u32 {
        self.id
    }

    fn set_id(&mut self, id: u32) {
        self.id = id;
    }
}

impl Kpi {
    /// The latest value known: this round's, else the previous round's, else the baseline.
    pub fn latest(&self) -> Option<Measurement> {
        self.current.or(self.previous).or(self.baseline)
    }

    /// How far from baseline to target the latest value has come, 0.0–1.0 and beyond; `None`
    /// without a baseline, a target and a measurement, or when they are equal.
    pub fn progress(&self) -> Option<f64> {
        let (base, target, now) = (
            self.baseline?.value,
            self.target?.value,
            self.current?.value,
        );
        let span = target - base;
        (span.abs() > f64::EPSILON).then(|| (now - base) / span)
    }

    /// The indicator for the next round: the same definition and plan, this round's measurement
    /// as the previous one, nothing measured yet.
    #[must_use]
    pub fn for_next_round(&self) -> Kpi {
        Kpi {
            previous: self.current.or(self.previous),
            current: None,
            ..self.clone()
        }
    }
}

/// A value as people write it: no trailing zeros, thousands separated (`1,234.5`).
pub fn format_value(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let whole = rounded.abs().trunc() as u64;
    let fraction = ((rounded.abs() - rounded.abs().trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    match fraction {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

/// Parses a value as people type it: `1,234`, `１２３４`, `3.5`, ` 80 `.
pub fn parse_value(text: &str) -> Option<f64> {
    let normal: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            'ー' | '－' | '−' => '-',
            c => c,
        })
        .collect();
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_and_write_as_people_do() {
        assert_eq!(format_value(1234.0), "1,234");
        assert_eq!(format_value(1234.5), "1,234.5");
        assert_eq!(format_value(0.25), "0.25");
        assert_eq!(format_value(-3.0), "-3");
        assert_eq!(parse_value("1,234"), Some(1234.0));
        assert_eq!(parse_value("１２３４．５"), Some(1234.5));
        assert_eq!(parse_value(" 80 "), Some(80.0));
        assert_eq!(parse_value("たくさん"), None);
        assert_eq!(parse_value("inf"), None);
    }

    #[test]
    fn progress_goes_from_baseline_to_target() {
        let m = |value| Some(Measurement { value, date: None });
        let kpi = Kpi {
            baseline: m(100.0),
            target: m(300.0),
            current: m(200.0),
            ..Kpi::default()
        };
        assert_eq!(kpi.progress(), Some(0.5));
        let next = kpi.for_next_round();
        assert_eq!(next.previous, m(200.0));
        assert_eq!(next.current, None);
        assert_eq!(next.latest(), m(200.0));
    }
}
