//! Small words every layer writes the same way: team names on paper, signed changes, gaps to a
//! target, and dates in the styles Japanese documents use (和暦 first, with the Western year).
//!
//! This is part of the bottom layer: it knows languages and dates, nothing of projects or egui, so
//! the chart, the exports, the comparison and the window can all use it.

use crate::i18n::Lang;
use crate::tr;
use chrono::{Datelike, NaiveDate};

/// The gap to the target as people say it: 「あと 2」, 「到達」, 「目標を 1 上回る」.
pub fn gap_text(gap: i8, lang: Lang) -> String {
    match gap {
        g if g > 0 => tr!(lang, "report.gap_left", gap = g),
        0 => tr!(lang, "report.gap_reached"),
        g => tr!(lang, "report.gap_above", gap = -g),
    }
}

/// A change or a gap with its sign: "+2", "-1", "0".
pub fn signed(n: i8) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// A team without a name still needs one on paper: 「チーム1」.
pub fn display_team_name(name: &str, index: usize, lang: Lang) -> String {
    if name.trim().is_empty() {
        tr!(lang, "team.unnamed", number = index + 1)
    } else {
        name.trim().to_owned()
    }
}

/// A mean to one decimal, rounded half up (四捨五入), as Excel and a Japanese reader round:
/// 2.25 → 2.3 and 1.75 → 1.8 (formatting alone rounds half to even: 2.2 and 1.8). The one rule
/// for every mean in the window, the documents and the comparison.
pub fn one_decimal(value: f64) -> String {
    // A hair added before rounding absorbs the binary representation of values like 0.15
    // (0.1499…), which a reader knows as a half.
    let tenths = (value * 10.0 + value.signum() * 1e-9).round();
    format!("{:.1}", tenths / 10.0)
}

/// The one date style of the reports: 和暦 first with the Western year, as official documents
/// write it, 「令和8年（2026年）11月26日」; 26 November 2026 in English.
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => match era_year(date) {
            Some((era, year)) => format!(
                "{era}{}年（{}年）{}月{}日",
                era_year_text(year),
                date.year(),
                date.month(),
                date.day()
            ),
            None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        },
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// A date for a table's narrow cells, still as a reader of official documents writes it:
/// 「令和8年11月26日」 (和暦 without the Western year), 「26 Nov 2026」 in English. Three such dates
/// side by side fit an A4 table that three long ones (「令和8年（2026年）11月26日」) do not.
pub fn format_date_short(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => japanese_era(date)
            .unwrap_or_else(|| format!("{}年{}月{}日", date.year(), date.month(), date.day())),
        Lang::En => date.format("%-d %b %Y").to_string(),
    }
}

/// A date for narrow columns: 2026/11/26 (2026-11-26 in English).
pub fn format_date_compact(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => date.format("%Y/%m/%d").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// The date in the Japanese era calendar (和暦): 令和8年11月26日, with 元年 for an era's first year.
pub fn japanese_era(date: NaiveDate) -> Option<String> {
    let (era, year) = era_year(date)?;
    Some(format!(
        "{era}{}年{}月{}日",
        era_year_text(year),
        date.month(),
        date.day()
    ))
}

/// The era a date falls in and the year within it (1 in the era's first year).
fn era_year(date: NaiveDate) -> Option<(&'static str, i32)> {
    // Era start dates; chrono has no Japanese calendar, and ICU4X's is far heavier than this
    // table, which changes once in a generation.
    const ERAS: [(&str, i32, u32, u32); 3] = [
        ("令和", 2019, 5, 1),
        ("平成", 1989, 1, 8),
        ("昭和", 1926, 12, 25),
    ];
    ERAS.into_iter()
        .find(|&(_, y, m, d)| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|start| date >= start))
        .map(|(name, start_year, ..)| (name, date.year() - start_year + 1))
}

/// 元 for an era's first year, else the number.
fn era_year_text(year: i32) -> String {
    if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn japanese_era_dates() {
        assert_eq!(
            japanese_era(d("2026-11-26")).as_deref(),
            Some("令和8年11月26日")
        );
        assert_eq!(
            japanese_era(d("2019-05-01")).as_deref(),
            Some("令和元年5月1日")
        );
        assert_eq!(
            japanese_era(d("2019-04-30")).as_deref(),
            Some("平成31年4月30日")
        );
        assert_eq!(
            japanese_era(d("1989-01-07")).as_deref(),
            Some("昭和64年1月7日")
        );
        assert_eq!(japanese_era(d("1900-01-01")), None);
        assert_eq!(
            format_date_long(d("2026-11-26"), Lang::Ja),
            "令和8年（2026年）11月26日"
        );
        assert_eq!(
            format_date_long(d("2019-05-01"), Lang::Ja),
            "令和元年（2019年）5月1日"
        );
        assert_eq!(format_date_long(d("1900-01-01"), Lang::Ja), "1900年1月1日");
        assert_eq!(
            format_date_long(d("2026-11-26"), Lang::En),
            "26 November 2026"
        );
    }

    #[test]
    fn means_round_half_up() {
        assert_eq!(one_decimal(2.25), "2.3");
        assert_eq!(one_decimal(1.75), "1.8");
        assert_eq!(one_decimal(0.15), "0.2");
        assert_eq!(one_decimal(2.35), "2.4");
        assert_eq!(one_decimal(47.0 / 20.0), "2.4");
        assert_eq!(one_decimal(3.0), "3.0");
        assert_eq!(one_decimal(2.24), "2.2");
    }

    #[test]
    fn signs_and_gaps() {
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(-1), "-1");
        assert_ne!(gap_text(1, Lang::Ja), gap_text(-1, Lang::Ja));
        assert_eq!(display_team_name("  ", 1, Lang::Ja), "チーム2");
        assert_eq!(display_team_name(" 企画課 ", 0, Lang::Ja), "企画課");
    }
}
