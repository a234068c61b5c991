//! The time plan as Markdown, ready to paste into the invitation mail: when and where, the clock
//! time of every slot from the opening to the close, and why some items get more time.

use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::Project;
use crate::project::agenda::{Agenda, ItemWeight};
use crate::tr;
use crate::words::format_date_long;
use chrono::{Datelike, NaiveTime, TimeDelta};
use std::fmt::Write;

/// What the invitation needs beyond the project: the session's length and its clock.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Minutes for the ten items; `None` keeps the plan saved in the project (or 90 minutes).
    pub minutes: Option<u32>,
    /// When the session starts; without it the table counts minutes from the start.
    pub start: Option<NaiveTime>,
    /// The opening (purpose, how the walk goes) and the closing (actions, next session).
    pub opening_minutes: u32,
    pub closing_minutes: u32,
}

/// The length a plan gets when neither the command line nor the project says.
pub const DEFAULT_MINUTES: u32 = 90;

/// How the minutes were shared, which the text explains in words.
enum Basis {
    Saved,
    Votes,
    Equal,
}

/// The agenda of `project` for the invitation mail.
pub fn markdown(project: &Project, plan: Plan, lang: Lang) -> String {
    let checklist = Checklist::get(lang);
    let weights = ItemWeight::of_project(project);
    let has_votes = project
        .teams
        .iter()
        .any(|t| t.responses.0.iter().any(|r| !r.votes.is_empty()));
    let saved = project.meta.agenda.as_ref().filter(|a| a.is_consistent());
    let (agenda, basis) = match (plan.minutes, saved) {
        (None, Some(saved)) => (saved.clone(), Basis::Saved),
        (Some(minutes), Some(saved)) if saved.total_minutes == minutes => {
            (saved.clone(), Basis::Saved)
        }
        (minutes, _) if has_votes => (
            Agenda::weighted(minutes.unwrap_or(DEFAULT_MINUTES), &weights),
            Basis::Votes,
        ),
        (minutes, _) => (
            Agenda::equal(minutes.unwrap_or(DEFAULT_MINUTES)),
            Basis::Equal,
        ),
    };
    let title = if project.meta.title.trim().is_empty() {
        tr!(lang, "report.untitled")
    } else {
        project.meta.title.trim().to_owned()
    };
    let whole = plan.opening_minutes + agenda.total_minutes + plan.closing_minutes;

    let mut out = String::new();
    let w = &mut out;
    // Writing into a String cannot fail.
    let _ = writeln!(w, "# {}: {title}\n", tr!(lang, "agenda.title"));
    if let Some(date) = project.meta.date {
        let _ = writeln!(
            w,
            "- {}: {}",
            tr!(lang, "agenda.md_date"),
            date_with_weekday(date, lang)
        );
    }
    let span = match plan.start {
        Some(start) => format!(
            "{}{}{}",
            clock(start, 0),
            tr!(lang, "agenda.md_until"),
            clock(start, whole)
        ),
        None => tr!(lang, "agenda.md_length_only", minutes = whole),
    };
    let _ = writeln!(w, "- {}: {span}", tr!(lang, "agenda.md_time"));
    if !project.meta.venue.trim().is_empty() {
        let _ = writeln!(
            w,
            "- {}: {}",
            tr!(lang, "agenda.md_venue"),
            project.meta.venue.trim()
        );
    }
    if !project.meta.facilitator.trim().is_empty() {
        let _ = writeln!(
            w,
            "- {}: {}",
            tr!(lang, "agenda.md_facilitator"),
            project.meta.facilitator.trim()
        );
    }
    let _ = writeln!(w);

    let when_heading = if plan.start.is_some() {
        tr!(lang, "agenda.md_clock")
    } else {
        tr!(lang, "agenda.md_elapsed")
    };
    let when = |offset: u32| match plan.start {
        Some(start) => clock(start, offset),
        None => elapsed(offset),
    };
    let _ = writeln!(
        w,
        "| {when_heading} | {} | {} | {} | {} |",
        tr!(lang, "agenda.md_slot"),
        tr!(lang, "agenda.md_minutes"),
        tr!(lang, "agenda.md_spread"),
        tr!(lang, "agenda.md_gap")
    );
    let _ = writeln!(w, "|:--|:--|--:|--:|--:|");
    // Every slot in order: what, how long, and for an item what its share rests on.
    let opening = (tr!(lang, "agenda.md_opening"), plan.opening_minutes, None);
    let closing = (tr!(lang, "agenda.md_closing"), plan.closing_minutes, None);
    let items = ItemId::ALL.into_iter().map(|id| {
        (
            format!("{}. {}", id.number(), checklist.item(id).title),
            agenda.minutes_for(id),
            Some(weights[id.index()]),
        )
    });
    let slots = std::iter::once(opening)
        .filter(|(_, minutes, _)| *minutes > 0)
        .chain(items)
        .chain(std::iter::once(closing).filter(|(_, minutes, _)| *minutes > 0));
    let mut at = 0;
    for (what, minutes, weight) in slots {
        // Opening and closing have no weights: their cells stay empty.
        let (spread, gap) = weight.map_or((" ".into(), " ".into()), |w| {
            (format!(" {} ", w.spread), format!(" {} ", w.gap))
        });
        let _ = writeln!(w, "| {} | {what} | {minutes} |{spread}|{gap}|", when(at));
        at += minutes;
    }
    let _ = writeln!(w, "| {} | {} | | | |", when(at), tr!(lang, "agenda.md_end"));
    let _ = writeln!(
        w,
        "| | **{}** | **{}** | | |",
        tr!(lang, "agenda.md_total"),
        agenda.total_minutes
    );

    let _ = writeln!(w);
    let _ = writeln!(w, "{}", why(&agenda, &weights, &basis, checklist, lang));
    out
}

/// The sharing said in words: which items got more time and for what reason.
fn why(
    agenda: &Agenda,
    weights: &[ItemWeight],
    basis: &Basis,
    checklist: &Checklist,
    lang: Lang,
) -> String {
    let total = agenda.total_minutes;
    let mut text = match basis {
        Basis::Equal => return tr!(lang, "agenda.md_equal", minutes = total),
        Basis::Saved => tr!(lang, "agenda.md_saved", minutes = total),
        Basis::Votes => tr!(lang, "agenda.md_weighted", minutes = total),
    };
    let equal = Agenda::equal(total);
    let longer: Vec<String> = ItemId::ALL
        .into_iter()
        .filter(|&id| agenda.minutes_for(id) > equal.minutes_for(id))
        .map(|id| {
            let weight = weights[id.index()];
            let reason = match (weight.spread > 1, weight.gap > 0) {
                (true, true) => tr!(lang, "agenda.md_reason_both"),
                (true, false) => tr!(lang, "agenda.md_reason_spread"),
                (false, true) => tr!(lang, "agenda.md_reason_gap"),
                (false, false) => tr!(lang, "agenda.md_reason_planned"),
            };
            tr!(
                lang,
                "agenda.md_longer_item",
                number = id.number(),
                title = checklist.item(id).title,
                minutes = agenda.minutes_for(id),
                reason = reason
            )
        })
        .collect();
    if !longer.is_empty() {
        text.push_str("\n\n");
        text.push_str(&tr!(lang, "agenda.md_longer"));
        for line in longer {
            text.push_str("\n- ");
            text.push_str(&line);
        }
    }
    text
}

/// 令和8年（2026年）12月2日（水） / Wednesday, 2 December 2026.
fn date_with_weekday(date: chrono::NaiveDate, lang: Lang) -> String {
    let day = date.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Ja => format!(
            "{}（{}）",
            format_date_long(date, lang),
            ["月", "火", "水", "木", "金", "土", "日"][day]
        ),
        Lang::En => format!("{}, {}", date.format("%A"), format_date_long(date, lang)),
    }
}

/// The clock `minutes` after `start`, as 13:30 (past midnight it simply goes on from 0:00).
fn clock(start: NaiveTime, minutes: u32) -> String {
    (start + TimeDelta::minutes(i64::from(minutes)))
        .format("%-H:%M")
        .to_string()
}

/// Minutes from the start as 0:00, 1:25.
fn elapsed(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_follow_the_start_and_elapsed_counts_from_zero() {
        let start = NaiveTime::from_hms_opt(13, 30, 0).expect("time");
        assert_eq!(clock(start, 0), "13:30");
        assert_eq!(clock(start, 115), "15:25");
        assert_eq!(elapsed(0), "0:00");
        assert_eq!(elapsed(85), "1:25");
    }

    #[test]
    fn a_plan_saved_in_the_project_is_kept_unless_another_length_is_asked_for() {
        let mut project = crate::project::sample_project();
        let mut minutes = [6; crate::checklist::ITEM_COUNT];
        minutes[4] = 15;
        minutes[0] = 0;
        let saved = Agenda {
            total_minutes: minutes.iter().sum(),
            minutes,
        };
        project.meta.agenda = Some(saved.clone());
        let plan = Plan {
            minutes: None,
            start: None,
            opening_minutes: 0,
            closing_minutes: 0,
        };
        let text = markdown(&project, plan, Lang::Ja);
        assert!(text.contains("進行役がプロジェクトに保存した"), "{text}");
        assert!(text.contains("| 0:00 | 1. "), "{text}");
        assert!(
            text.contains("| 0:00 | 2. "),
            "item 1 has no minutes: {text}"
        );
        assert!(text.contains("（15 分）"), "{text}");
        let other = markdown(
            &project,
            Plan {
                minutes: Some(120),
                ..plan
            },
            Lang::Ja,
        );
        assert!(!other.contains("進行役がプロジェクトに保存した"), "{other}");
        assert!(other.contains("**120**"), "{other}");
    }

    #[test]
    fn the_weekday_is_written_the_way_each_language_writes_it() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        assert_eq!(
            date_with_weekday(date, Lang::Ja),
            "令和8年（2026年）12月2日（水）"
        );
        assert_eq!(
            date_with_weekday(date, Lang::En),
            "Wednesday, 2 December 2026"
        );
    }
}
