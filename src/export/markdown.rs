//! The summary as Markdown: readable as plain text, renders on GitHub, pastes into wikis and chats.

use super::report::{Report, TeamReport};
use crate::project::{ActionStatus, Level};
use crate::tr;
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let w = &mut out;
    // Writing to a String cannot fail, so the fmt::Results below are ignored on purpose.
    let _ = writeln!(w, "# {}\n", escape(&report.title));
    for (label, value) in &report.meta {
        let _ = writeln!(w, "- **{}**: {}", escape(label), escape(value));
    }
    if let Some(baseline) = &report.baseline_title {
        let _ = writeln!(
            w,
            "- **{}**: {}",
            tr!(lang, "report.baseline"),
            escape(baseline)
        );
    }
    let _ = writeln!(w);
    if let Some((actions, _)) = report.main_actions(super::report::MAIN_ACTIONS) {
        table_md(w, &actions, "##");
    }
    for team in &report.teams {
        team_md(w, report, team);
    }
    let _ = writeln!(w, "---\n\n{}", tr!(lang, "report.footer"));
    out
}

fn team_md(w: &mut String, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    let has_baseline = report.baseline_title.is_some();
    let _ = writeln!(w, "## {}\n", escape(&team.name));
    if !team.members.is_empty() {
        let _ = writeln!(
            w,
            "**{}**: {}\n",
            tr!(lang, "report.members"),
            escape(&team.members.join(lang.list_separator()))
        );
    }

    let _ = writeln!(w, "### {}\n", tr!(lang, "report.scores"));
    let header = super::report::score_columns(lang, has_baseline);
    table_row(w, &header);
    let align: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 1 { ":--" } else { ":-:" }.into())
        .collect();
    table_row(w, &align);
    for item in &team.items {
        let mut row = vec![
            item.number.to_string(),
            item.title.clone(),
            level_cell(item.score, item.score_words.as_deref()),
            level_cell(item.target, item.target_words.as_deref()),
            item.gap
                .map_or_else(|| "—".into(), |g| crate::words::gap_text(g, lang)),
        ];
        if has_baseline {
            row.push(
                item.change()
                    .map_or_else(|| "—".into(), crate::words::signed),
            );
        }
        table_row(w, &row);
    }
    if let Some(mean) = team.mean_score {
        let _ = writeln!(
            w,
            "\n{}: **{}**",
            tr!(lang, "report.mean_score"),
            crate::words::one_decimal(mean)
        );
    }
    let _ = writeln!(w);

    for table in report.round_tables(team) {
        table_md(w, &table, "###");
    }

    let _ = writeln!(w, "### {}\n", tr!(lang, "report.answers"));
    for item in &team.items {
        let _ = writeln!(w, "#### {}. {}\n", item.number, escape(&item.title));
        let mut any = false;
        for (key, text) in [
            ("field.current_state", &item.current_state),
            ("field.ideas", &item.ideas),
        ] {
            if !text.is_empty() {
                let _ = writeln!(w, "**{}**\n\n{}\n", tr!(lang, key), paragraph(text));
                any = true;
            }
        }
        if let Some(note) = &item.facilitator_note {
            let _ = writeln!(
                w,
                "**{}**\n\n{}\n",
                tr!(lang, "field.facilitator_note"),
                paragraph(note)
            );
            any = true;
        }
        for (key, text) in [
            ("report.anonymous_votes", &item.anonymous_votes),
            ("answer.dont_know_long", &item.dont_know_text),
        ] {
            if let Some(text) = text {
                let _ = writeln!(w, "**{}**\n\n{}\n", tr!(lang, key), escape(text));
                any = true;
            }
        }
        if !item.examples_done.is_empty() {
            let _ = writeln!(w, "**{}**\n", tr!(lang, "report.examples_done"));
            for example in &item.examples_done {
                let _ = writeln!(w, "- {}", escape(example));
            }
            let _ = writeln!(w);
            any = true;
        }
        if !any {
            let _ = writeln!(w, "{}\n", tr!(lang, "report.no_answer"));
        }
    }

    let _ = writeln!(w, "### {}\n", tr!(lang, "report.actions"));
    if team.actions.is_empty() {
        let _ = writeln!(w, "{}\n", tr!(lang, "report.no_actions"));
        return;
    }
    for status in ActionStatus::ALL.iter().copied() {
        let rows: Vec<_> = Report::actions_with(team, status).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(w, "#### {} ({})\n", status.label(lang), rows.len());
        table_row(
            w,
            &[
                tr!(lang, "report.col.item"),
                tr!(lang, "report.col.action"),
                tr!(lang, "report.col.owner"),
                tr!(lang, "report.col.due"),
            ],
        );
        table_row(w, &[":--".into(), ":--".into(), ":--".into(), ":--".into()]);
        for a in rows {
            let due = a.due_text(lang, "—");
            let owner = a.owner_text("—");
            table_row(
                w,
                &[
                    format!("{}. {}", a.item_number, a.item_short_title),
                    a.what.clone(),
                    owner,
                    due,
                ],
            );
        }
        let _ = writeln!(w);
    }
}

fn level_cell(level: Option<Level>, words: Option<&str>) -> String {
    match (level, words) {
        (Some(l), Some(words)) => format!("{} {}", l.get(), words),
        (Some(l), None) => l.get().to_string(),
        _ => "—".into(),
    }
}

/// One of the shared tables, under a heading of the given level, with its note.
pub(crate) fn table_md(w: &mut String, table: &super::report::Table, level: &str) {
    let _ = writeln!(w, "{level} {}\n", escape(&table.heading));
    table_row(w, &table.header);
    table_row(w, &vec![":--".to_owned(); table.header.len()]);
    for row in &table.rows {
        table_row(w, &row.cells);
    }
    if let Some(note) = &table.note {
        let _ = writeln!(w, "\n{}", escape(note));
    }
    let _ = writeln!(w);
}

fn table_row(w: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| escape(c).replace('\n', "<br>"))
        .collect();
    let _ = writeln!(w, "| {} |", cells.join(" | "));
}

/// Multi-line text as a Markdown paragraph that keeps its line breaks.
fn paragraph(text: &str) -> String {
    text.lines()
        .map(|line| escape_line(line.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

/// Escapes the characters that would turn user text into Markdown syntax inside a line.
fn escape(text: &str) -> String {
    escape_with(text, false)
}

/// As [`escape`], and also the characters that only mean something at the start of a line.
fn escape_line(text: &str) -> String {
    escape_with(text, true)
}

fn escape_with(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let at_start = line_start && i == 0;
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|')
            || (at_start && matches!(c, '#' | '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape("a|b*c"), "a\\|b\\*c");
        assert_eq!(escape_line("# 見出しではない"), "\\# 見出しではない");
        assert_eq!(escape("+1"), "+1");
        assert_eq!(escape("日本語"), "日本語");
    }

    #[test]
    fn paragraphs_keep_line_breaks() {
        assert_eq!(paragraph("一行目\n二行目"), "一行目  \n二行目");
    }
}
