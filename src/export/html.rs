//! The summary as one self-contained HTML file: no network, no external files, prints to A4.
//! Written as polyglot XHTML (void elements closed, everything escaped), so that any XML parser
//! can read it back, and browsers read it as ordinary HTML.

use super::report::{Report, TeamReport};
use super::svg::{FONT_FAMILY, chart_svg, xml_escape as esc};
use crate::project::{ActionStatus, Level};
use crate::tr;
use std::fmt::Write;

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --band: #f6f8fa; --warn: #b35900; }
* { box-sizing: border-box; }
body { font-family: FONT; color: var(--ink); line-height: 1.7; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; line-height: 1.4; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1.2rem; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
figure.chart { margin: 1rem 0; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: var(--band); font-weight: bold; }
td.num { text-align: center; white-space: nowrap; }
.words { color: var(--muted); font-size: .85em; }
.overdue td.due { color: var(--warn); font-weight: bold; }
article.item { border-left: 4px solid var(--line); padding: .1rem 0 .3rem 1rem; margin: 1rem 0; }
article.item dl { margin: .3rem 0; }
article.item dt { font-weight: bold; font-size: .9rem; color: var(--muted); }
article.item dd { margin: 0 0 .5rem; white-space: pre-wrap; }
p.none { color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@page { size: A4 portrait; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.team { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, article.item, figure.chart { break-inside: avoid; }
  /* Small enough to share the first page with the header. */
  figure.chart svg { width: 140mm; height: auto; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Text as HTML, keeping its line breaks.
fn text(s: &str) -> String {
    esc(s).replace('\n', "<br/>")
}

fn level_cell(level: Option<Level>, words: Option<&str>) -> String {
    match (level, words) {
        (Some(l), Some(w)) => format!(r#"{} <span class="words">{}</span>"#, l.get(), esc(w)),
        (Some(l), None) => l.get().to_string(),
        _ => "–".into(),
    }
}

fn signed(n: i8) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

pub fn render(report: &Report) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let w = &mut out;
    // Writing into a String cannot fail; the results are ignored on purpose.
    let _ = write!(
        w,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"Kizuki\"/>\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        lang.code(),
        esc(&report.title),
        STYLE.replace("FONT", FONT_FAMILY)
    );
    let _ = writeln!(
        w,
        "<header>\n<h1>{}</h1>\n<dl class=\"meta\">",
        esc(&report.title)
    );
    for (label, value) in &report.meta {
        let _ = writeln!(w, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
    }
    if let Some(baseline) = &report.baseline_title {
        let _ = writeln!(
            w,
            "<dt>{}</dt><dd>{}</dd>",
            tr!(lang, "report.baseline"),
            esc(baseline)
        );
    }
    let teams: Vec<&str> = report.teams.iter().map(|t| t.name.as_str()).collect();
    let _ = writeln!(
        w,
        "<dt>{}</dt><dd>{}</dd>",
        tr!(lang, "report.teams"),
        esc(&teams.join("、"))
    );
    let _ = writeln!(w, "</dl>\n</header>");

    let _ = writeln!(
        w,
        "<section class=\"overview\">\n<h2>{}</h2>",
        tr!(lang, "report.chart")
    );
    let _ = writeln!(
        w,
        "<figure class=\"chart\">\n{}</figure>",
        chart_svg(&report.chart, &report.title, 720.0, 720.0)
    );
    let _ = writeln!(w, "</section>");

    for team in &report.teams {
        team_html(w, report, team);
    }
    let _ = writeln!(
        w,
        "<footer>{}</footer>\n</body>\n</html>",
        tr!(lang, "report.footer")
    );
    out
}

fn team_html(w: &mut String, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    let has_baseline = report.baseline_title.is_some();
    let _ = writeln!(w, "<section class=\"team\">\n<h2>{}</h2>", esc(&team.name));
    if !team.members.is_empty() {
        let _ = writeln!(
            w,
            "<p><strong>{}</strong>: {}</p>",
            tr!(lang, "report.members"),
            esc(&team.members.join("、"))
        );
    }
    let _ = writeln!(
        w,
        "<h3>{}</h3>\n<table class=\"scores\">\n<thead><tr>",
        tr!(lang, "report.scores")
    );
    for column in super::report::score_columns(lang, has_baseline) {
        let _ = write!(w, "<th>{}</th>", esc(&column));
    }
    let _ = writeln!(w, "</tr></thead>\n<tbody>");
    for item in &team.items {
        let _ = write!(
            w,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            item.number,
            esc(&item.title),
            level_cell(item.score, item.score_words.as_deref()),
            level_cell(item.target, item.target_words.as_deref()),
            item.gap.map(signed).unwrap_or_else(|| "–".into())
        );
        if has_baseline {
            let _ = write!(
                w,
                "<td class=\"num\">{}</td>",
                item.change().map(signed).unwrap_or_else(|| "–".into())
            );
        }
        let _ = writeln!(w, "</tr>");
    }
    let _ = writeln!(w, "</tbody>\n</table>");
    if let Some(mean) = team.mean_score {
        let _ = writeln!(
            w,
            "<p>{}: <strong>{mean:.1}</strong></p>",
            tr!(lang, "report.mean_score")
        );
    }

    let _ = writeln!(w, "<h3>{}</h3>", tr!(lang, "report.answers"));
    for item in &team.items {
        let _ = writeln!(
            w,
            "<article class=\"item\">\n<h4>{}. {}</h4>",
            item.number,
            esc(&item.title)
        );
        let mut entries: Vec<(String, String)> = Vec::new();
        if !item.current_state.is_empty() {
            entries.push((tr!(lang, "field.current_state"), text(&item.current_state)));
        }
        if !item.ideas.is_empty() {
            entries.push((tr!(lang, "field.ideas"), text(&item.ideas)));
        }
        if let Some(note) = &item.facilitator_note {
            entries.push((tr!(lang, "field.facilitator_note"), text(note)));
        }
        if !item.examples_done.is_empty() {
            let list: String = item
                .examples_done
                .iter()
                .map(|e| format!("<li>{}</li>", esc(e)))
                .collect();
            entries.push((
                tr!(lang, "report.examples_done"),
                format!("<ul>{list}</ul>"),
            ));
        }
        if entries.is_empty() {
            let _ = writeln!(w, "<p class=\"none\">{}</p>", tr!(lang, "report.no_answer"));
        } else {
            let _ = writeln!(w, "<dl>");
            for (label, value) in entries {
                let _ = writeln!(w, "<dt>{label}</dt><dd>{value}</dd>");
            }
            let _ = writeln!(w, "</dl>");
        }
        let _ = writeln!(w, "</article>");
    }

    let _ = writeln!(w, "<h3>{}</h3>", tr!(lang, "report.actions"));
    if team.actions.is_empty() {
        let _ = writeln!(
            w,
            "<p class=\"none\">{}</p>",
            tr!(lang, "report.no_actions")
        );
    }
    for status in ActionStatus::ALL.iter().copied() {
        let rows: Vec<_> = Report::actions_with(team, status).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            w,
            "<h4>{} ({})</h4>\n<table class=\"actions\">\n<thead><tr>",
            status.label(lang),
            rows.len()
        );
        for key in [
            "report.col.item",
            "report.col.action",
            "report.col.owner",
            "report.col.due",
        ] {
            let _ = write!(w, "<th>{}</th>", tr!(lang, key));
        }
        let _ = writeln!(w, "</tr></thead>\n<tbody>");
        for a in rows {
            let due = a.due_text(lang, "–");
            let class = if a.overdue { " class=\"overdue\"" } else { "" };
            let _ = writeln!(
                w,
                "<tr{class}><td>{}. {}</td><td>{}</td><td>{}</td><td class=\"due\">{}</td></tr>",
                a.item_number,
                esc(&a.item_short_title),
                text(&a.what),
                esc(&a.owner_text("–")),
                esc(&due)
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>");
    }
    let _ = writeln!(w, "</section>");
}
