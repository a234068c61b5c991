//! Paper answer sheets, for rooms with no usable network: one A4 page per member with the name,
//! the team, and for each of the ten items its title and 概要, boxes 1–5 with their words and a
//! line for a comment. Filled in by hand, keyed in with the window's entry grid.

use super::layout::{CONTENT_W, Layout, MARGIN_X, Page};
use crate::checklist::{Checklist, ItemId};
use crate::fonts::Metrics;
use crate::i18n::Lang;
use crate::project::{Level, Project};
use crate::style::paper;
use crate::tr;

/// One sheet to print: who fills it in.
pub struct Sheet {
    pub team: String,
    pub member: String,
}

/// The sheets of `team` (by name), or of every team; a team without members gets one sheet with
/// a blank name line.
pub fn sheets_of(project: &Project, team: Option<&str>) -> Vec<Sheet> {
    project
        .teams
        .iter()
        .filter(|t| team.is_none_or(|name| crate::project::same_name(&t.name, name)))
        .flat_map(|t| {
            let names: Vec<String> = if t.members.is_empty() {
                vec![String::new()]
            } else {
                t.members.iter().map(|m| m.name.clone()).collect()
            };
            names.into_iter().map(move |member| Sheet {
                team: t.name.clone(),
                member,
            })
        })
        .collect()
}

pub fn layout(
    project: &Project,
    sheets: &[Sheet],
    lang: Lang,
    regular: &Metrics,
    bold: &Metrics,
) -> Vec<Page> {
    let mut l = Layout::new(regular, bold);
    let checklist = Checklist::get(lang);
    for (n, sheet) in sheets.iter().enumerate() {
        if n > 0 {
            l.new_page();
        }
        header(&mut l, project, sheet, lang);
        for id in ItemId::ALL {
            item(&mut l, checklist, id, lang);
        }
    }
    l.pages
}

fn header(l: &mut Layout, project: &Project, sheet: &Sheet, lang: Lang) {
    l.paragraph(&tr!(lang, "sheets.title"), 14.0, true, paper::INK, 0.0);
    l.paragraph(&project.meta.title, 9.0, false, paper::MUTED, 0.0);
    let y = l.y + 4.0;
    // 「チーム ＿＿＿」「名前 ＿＿＿」 side by side, the name pre-printed when known.
    let half = CONTENT_W / 2.0;
    for (k, (label, value)) in [
        (tr!(lang, "sheets.team"), sheet.team.as_str()),
        (tr!(lang, "sheets.name"), sheet.member.as_str()),
    ]
    .iter()
    .enumerate()
    {
        let x = MARGIN_X + k as f32 * half;
        l.text_at(x, y, 10.0, true, paper::INK, label);
        l.text_at(x + 42.0, y, 12.0, false, paper::INK, value);
        l.page().ops.push(super::layout::Op::Line {
            points: vec![
                crate::radar::Point::new(x + 40.0, y + 16.0),
                crate::radar::Point::new(x + half - 12.0, y + 16.0),
            ],
            width: 0.6,
            color: paper::INK,
            dash: None,
            closed: false,
        });
    }
    l.y = y + 24.0;
    l.paragraph(&tr!(lang, "sheets.how"), 8.5, false, paper::MUTED, 0.0);
    l.y += 2.0;
}

/// An item: its title and 概要, then five boxes with their words, then a comment line.
fn item(l: &mut Layout, checklist: &Checklist, id: ItemId, lang: Lang) {
    let text = checklist.item(id);
    let title = format!("{}. {}", id.number(), text.title);
    let summary_lines = l.lines(&text.summary, 7.5, false, CONTENT_W - 10.0);
    let height = 9.5 * 1.5 + summary_lines.len() as f32 * 7.5 * 1.45 + 18.0 + 14.0 + 4.0;
    // An item never splits across pages.
    l.ensure(height);
    let y = l.y;
    l.text_at(MARGIN_X, y, 9.5, true, paper::INK, &title);
    let mut y = y + 9.5 * 1.5;
    for line in &summary_lines {
        l.text_at(MARGIN_X + 10.0, y, 7.5, false, paper::MUTED, line);
        y += 7.5 * 1.45;
    }
    // Five boxes across the width, each with its number and word.
    let cell = CONTENT_W / 5.0;
    let size = 10.0;
    for level in Level::ALL {
        let x = MARGIN_X + 10.0 + f32::from(level.get() - 1) * cell;
        l.frame(x, y + 1.0, size, size, 0.8);
        let words = format!("{} {}", level.get(), checklist.level(level).name);
        l.text_at(x + size + 4.0, y + 1.5, 8.5, false, paper::INK, &words);
    }
    y += 18.0;
    l.text_at(
        MARGIN_X + 10.0,
        y,
        7.5,
        false,
        paper::MUTED,
        &tr!(lang, "sheets.comment"),
    );
    l.page().ops.push(super::layout::Op::Line {
        points: vec![
            crate::radar::Point::new(MARGIN_X + 60.0, y + 9.0),
            crate::radar::Point::new(MARGIN_X + CONTENT_W, y + 9.0),
        ],
        width: 0.4,
        color: paper::RULE,
        dash: Some([2.0, 2.0]),
        closed: false,
    });
    l.y = y + 14.0 + 4.0;
}
