//! The summary as one self-contained HTML file: no network, no external files, prints to A4.
//! Written with maud, so that every text from the project is escaped by construction.

use super::report::{ItemReport, MAIN_ACTIONS, Report, Table, TeamReport};
use super::svg::{FONT_FAMILY, chart_svg};
use crate::project::Circulation;
use crate::project::{ActionStatus, Level};
use crate::style::{hex, paper};
use crate::tr;
use crate::words::{format_date_long, gap_text, signed};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The page's style; the colours are the documents' tokens (`crate::style::paper`).
pub(crate) fn style() -> String {
    format!(
        r"
:root {{ color-scheme: light; --ink: {ink}; --muted: {muted}; --line: {rule}; --band: {band}; --warn: {warn}; }}
* {{ box-sizing: border-box; }}
body {{ font-family: {font}; color: var(--ink); line-height: 1.7; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; word-break: keep-all; overflow-wrap: break-word; line-break: strict; }}
.ph {{ white-space: nowrap; }}
h1 {{ font-size: 1.7rem; margin: 0 0 .5rem; line-height: 1.4; }}
h2 {{ font-size: 1.35rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }}
h3 {{ font-size: 1.1rem; margin-top: 1.6rem; }}
h4 {{ font-size: 1rem; margin: 1.2rem 0 .3rem; }}
dl.meta {{ display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1.2rem; margin: 0; }}
dl.meta dt {{ color: var(--muted); }}
dl.meta dd {{ margin: 0; }}
figure.chart {{ margin: 1rem 0; text-align: center; }}
.side {{ display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }}
.side figure.chart {{ flex: 1 1 22rem; }}
.side .scores {{ flex: 1 1 20rem; }}
figure.chart svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .95rem; }}
th, td {{ border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }}
th {{ background: var(--band); font-weight: bold; }}
td.num {{ text-align: center; white-space: nowrap; }}
.words {{ color: var(--muted); font-size: .85em; }}
.overdue td.due {{ color: var(--warn); font-weight: bold; }}
article.item {{ border-left: 4px solid var(--line); padding: .1rem 0 .3rem 1rem; margin: 1rem 0; }}
article.item dl {{ margin: .3rem 0; }}
article.item dt {{ font-weight: bold; font-size: .9rem; color: var(--muted); }}
article.item dd {{ margin: 0 0 .5rem; white-space: pre-wrap; }}
td.text {{ white-space: pre-wrap; }}
p.none {{ color: var(--muted); }}
p.note {{ color: var(--muted); font-size: .85rem; }}
tr.warn td {{ color: var(--warn); }}
.multiples {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }}
.multiples figure {{ margin: 0; text-align: center; }}
.multiples figcaption {{ font-weight: bold; }}
.multiples svg {{ width: 100%; height: auto; }}
.stamps {{ display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; margin-bottom: 1rem; }}
.stamps .fields p {{ margin: .2rem 0; }}
.stamps .boxes {{ display: flex; gap: .6rem; }}
table.stamp {{ width: auto; border-collapse: collapse; margin: 0; }}
table.stamp th, table.stamp td {{ border: 1px solid var(--ink); text-align: center; padding: .1rem .3rem; }}
table.stamp th.group {{ writing-mode: vertical-rl; background: none; padding: .3rem .1rem; }}
table.stamp td.stamp {{ width: 3.6rem; height: 3.2rem; }}
.scroll {{ overflow-x: auto; }}
footer {{ margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .5rem; }}
@page {{ size: A4 portrait; margin: 16mm 14mm 18mm; }}
@media print {{
  /* The PDF's density: a printed HTML takes no more pages than the PDF, give or take one. */
  body {{ max-width: none; padding: 0; font-size: 9pt; line-height: 1.45; }}
  h1 {{ font-size: 15pt; }}
  h2 {{ font-size: 12pt; margin-top: 1rem; }}
  h3 {{ font-size: 10.5pt; margin-top: .8rem; }}
  table {{ font-size: 8.5pt; margin: .2rem 0 .6rem; }}
  th, td {{ padding: .15rem .35rem; }}
  article.item {{ margin: .5rem 0; }}
  section.team {{ break-before: page; }}
  h2, h3, h4 {{ break-after: avoid; }}
  tr, article.item, figure.chart, .side .scores table {{ break-inside: avoid; }}
  /* Chart and scores share page 1 with the header and the main actions, as in the PDF. */
  .side {{ flex-wrap: nowrap; }}
  .side figure.chart {{ flex: 0 0 82mm; margin: 0; }}
  .side figure.chart svg {{ width: 82mm; height: auto; }}
  .side .scores {{ flex: 1 1 auto; }}
  .multiples {{ grid-template-columns: repeat(3, 1fr); }}
  section.multiples-page {{ break-before: page; }}
  a {{ color: inherit; text-decoration: none; }}
}}
",
        ink = hex(paper::INK),
        muted = hex(paper::MUTED),
        rule = hex(paper::RULE),
        band = hex(paper::BAND),
        warn = hex(paper::WARN),
        font = FONT_FAMILY,
    )
}

fn level_cell(level: Option<Level>, words: Option<&str>) -> Markup {
    html! {
        @match (level, words) {
            (Some(l), Some(w)) => { (l.get()) " " span.words { (w) } }
            (Some(l), None) => { (l.get()) }
            _ => "–",
        }
    }
}

pub fn render(report: &Report) -> String {
    let lang = report.lang;
    let teams: Vec<&str> = report.teams.iter().map(|t| t.name.as_str()).collect();
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Kizuki";
                title { (report.title) }
                style { (PreEscaped(style())) }
            }
            body {
                @if let Some(circulation) = &report.circulation {
                    (stamps_html(report, circulation))
                }
                header {
                    h1 { (phrased(&report.title)) }
                    p.made { (phrased(&made_line(report))) }
                    dl.meta {
                        @for (label, value) in &report.meta {
                            dt { (label) } dd { (phrased(value)) }
                        }
                        @if let Some(baseline) = &report.baseline_title {
                            dt { (tr!(lang, "report.baseline")) } dd { (phrased(baseline)) }
                        }
                        dt { (tr!(lang, "report.teams")) } dd { (teams.join(lang.list_separator())) }
                    }
                }
                section.overview {
                    h2 { (tr!(lang, "report.chart")) }
                    // The chart is SVG made by Kizuki itself, escaped there by construction.
                    // Chart and scores side by side where there is room (and on paper, as the
                    // PDF's page 1), one under the other on a phone.
                    div.side {
                        @if many_teams(report) {
                            figure.chart { (PreEscaped(chart_svg(&report.median_chart(), &report.title, 720.0, 720.0))) }
                        } @else {
                            figure.chart { (PreEscaped(chart_svg(&report.chart, &report.title, 720.0, 720.0))) }
                        }
                        div.scores { (table_html(&report.scores_side_by_side())) }
                    }
                    @if let Some((actions, _)) = report.main_actions(MAIN_ACTIONS) {
                        (table_html(&actions))
                    }
                }
                @if many_teams(report) {
                    section.multiples-page {
                        h2 { (tr!(lang, "report.small_multiples")) }
                        div.multiples {
                            @for team in &report.teams {
                                figure {
                                    figcaption { (team.name) }
                                    (PreEscaped(chart_svg(&team.chart, &team.name, 420.0, 460.0)))
                                }
                            }
                        }
                    }
                }
                @for team in &report.teams {
                    (team_html(report, team))
                }
                footer { (phrased(&tr!(lang, "report.footer"))) }
            }
        }
    };
    page.into_string()
}

fn many_teams(report: &Report) -> bool {
    report.teams.len() >= crate::style::SMALL_MULTIPLES_FROM
}

/// 作成日 and who made it.
fn made_line(report: &Report) -> String {
    let lang = report.lang;
    let by = if report.made_by.is_empty() {
        "–".to_owned()
    } else {
        report.made_by.clone()
    };
    tr!(
        lang,
        "report.made",
        date = format_date_long(report.made_on, lang),
        by = by
    )
}

/// The boxes people stamp (決裁, 回覧) and the document number, as a report that circulates.
fn stamps_html(report: &Report, circulation: &Circulation) -> Markup {
    let lang = report.lang;
    let number = circulation.document_number.trim();
    let groups = super::report::stamp_groups(circulation, lang);
    html! {
        div.stamps {
            div.fields {
                p { (tr!(lang, "field.document_number")) ": "
                    @if number.is_empty() { "＿＿＿＿＿＿＿＿" } @else { (number) } }
                p { (tr!(lang, "report.made_on")) ": " (format_date_long(report.made_on, lang)) }
            }
            div.boxes {
                @for (name, roles) in &groups {
                    @if !roles.is_empty() {
                        table.stamp {
                            @if !super::report::stamp_label_is_vertical(name) {
                                tr { th.across colspan=(roles.len()) { (name) } }
                                tr { @for role in roles.iter() { th { (role) } } }
                            } @else {
                                tr {
                                    th.group rowspan="2" { (name) }
                                    @for role in roles.iter() { th { (role) } }
                                }
                            }
                            tr { @for _ in roles.iter() { td.stamp {} } }
                        }
                    }
                }
            }
        }
    }
}

/// `text` with a break opportunity (`<wbr>`) between its phrases only, and each phrase a browser
/// could still break (at a bracket, a slash, a space) in a `span.ph` that does not wrap: every
/// browser then breaks lines between phrases and never inside a date, a score change or a word
/// (「令和9年（2027年）/ 1月29日」, 「2 → 4 /（+1）」 on a phone). `word-break: keep-all` alone
/// stops breaks between letters only, not at punctuation; Chromium's `auto-phrase` is
/// Chromium's alone.
pub fn phrased(text: &str) -> Markup {
    // Line by line: a `nowrap` span would fold a line break inside it into a space, and the
    // cells that keep the writer's lines (`pre-wrap`) need them.
    html! {
        @for (l, line) in text.split('\n').enumerate() {
            @if l > 0 { "\n" }
            @for (i, phrase) in crate::text_wrap::phrases(line).iter().enumerate() {
                @if i > 0 { wbr; }
                @let core = phrase.trim_end_matches(' ');
                @if breakable(core) { span.ph { (core) } } @else { (core) }
                (&phrase[core.len()..])
            }
        }
    }
}

/// Whether a browser could break `phrase` inside: at a space, after a hyphen or a slash, or
/// anywhere in Japanese text. A plain English word cannot be broken, and stays a bare word.
fn breakable(phrase: &str) -> bool {
    phrase.chars().nth(1).is_some()
        && phrase
            .chars()
            .any(|c| !c.is_ascii() || matches!(c, ' ' | '-' | '/'))
}

/// One of the report's shared tables.
pub(crate) fn table_html(table: &Table) -> Markup {
    html! {
        h3 { (phrased(&table.heading)) }
        div.scroll {
            table {
                thead { tr { @for h in &table.header { th { (phrased(h)) } } } }
                tbody {
                    @for row in &table.rows {
                        tr class=[row.warn.then_some("warn")] {
                            @for cell in &row.cells { td.text { (phrased(cell)) } }
                        }
                    }
                }
            }
        }
        @if let Some(note) = &table.note {
            p.note { (phrased(note)) }
        }
    }
}

fn team_html(report: &Report, team: &TeamReport) -> Markup {
    let lang = report.lang;
    let has_baseline = report.baseline_title.is_some();
    html! {
        section.team {
            h2 {
                (team.name)
                @if team.scored == 0 { (lang.bracketed(&tr!(lang, "report.unscored"))) }
            }
            @if !team.members.is_empty() {
                p { strong { (tr!(lang, "report.members")) } ": " (team.members.join(lang.list_separator())) }
            }
            h3 { (tr!(lang, "report.scores")) }
            table.scores {
                thead { tr {
                    @for column in super::report::score_columns(lang, has_baseline) {
                        th { (column) }
                    }
                } }
                tbody {
                    @for item in &team.items {
                        tr {
                            td.num { (item.number) }
                            td { (phrased(&item.title)) }
                            td.num { (level_cell(item.score, item.score_words.as_deref())) }
                            td.num { (level_cell(item.target, item.target_words.as_deref())) }
                            td.num { (item.gap.map_or_else(|| "–".to_owned(), |g| gap_text(g, lang))) }
                            @if has_baseline {
                                td.num { (item.change().map_or_else(|| "–".to_owned(), signed)) }
                            }
                        }
                    }
                }
            }
            @if let Some(mean) = team.mean_score {
                p { (tr!(lang, "report.mean_score")) ": " strong { (crate::words::one_decimal(mean)) } }
            }
            @for table in report.round_tables(team) {
                (table_html(&table))
            }
            h3 { (tr!(lang, "report.answers")) }
            @for item in &team.items {
                (item_html(report, item))
            }
            h3 { (tr!(lang, "report.actions")) }
            @if team.actions.is_empty() {
                p.none { (tr!(lang, "report.no_actions")) }
            }
            @for &status in ActionStatus::ALL {
                (actions_html(report, team, status))
            }
        }
    }
}

fn item_html(report: &Report, item: &ItemReport) -> Markup {
    let lang = report.lang;
    let texts = [
        ("field.current_state", Some(&item.current_state)),
        ("field.ideas", Some(&item.ideas)),
        ("field.facilitator_note", item.facilitator_note.as_ref()),
        ("report.anonymous_votes", item.anonymous_votes.as_ref()),
        ("answer.dont_know_long", item.dont_know_text.as_ref()),
    ];
    let texts: Vec<(&str, &String)> = texts
        .into_iter()
        .filter_map(|(key, text)| Some((key, text.filter(|t| !t.is_empty())?)))
        .collect();
    html! {
        article.item {
            h4 { (item.number) ". " (phrased(&item.title)) }
            @if texts.is_empty() && item.examples_done.is_empty() {
                p.none { (tr!(lang, "report.no_answer")) }
            } @else {
                dl {
                    @for (key, text) in &texts {
                        dt { (tr!(lang, key)) } dd { (phrased(text)) }
                    }
                    @if !item.examples_done.is_empty() {
                        dt { (tr!(lang, "report.examples_done")) }
                        dd { ul { @for example in &item.examples_done { li { (phrased(example)) } } } }
                    }
                }
            }
        }
    }
}

fn actions_html(report: &Report, team: &TeamReport, status: ActionStatus) -> Markup {
    let lang = report.lang;
    let rows: Vec<_> = Report::actions_with(team, status).collect();
    html! {
        @if !rows.is_empty() {
            h4 { (status.label(lang)) " (" (rows.len()) ")" }
            table.actions {
                thead { tr {
                    @for key in ["report.col.item", "report.col.action", "report.col.owner", "report.col.due"] {
                        th { (tr!(lang, key)) }
                    }
                } }
                tbody {
                    @for a in rows {
                        tr class=[a.overdue.then_some("overdue")] {
                            td { (a.item_number) ". " (phrased(&a.item_short_title)) }
                            td.text { (phrased(&a.what)) }
                            td { (phrased(&a.owner_text("–"))) }
                            td.due { (phrased(&a.due_text(lang, "–"))) }
                        }
                    }
                }
            }
        }
    }
}
