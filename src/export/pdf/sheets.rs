//! Paper answer sheets, for rooms with no usable network: one A4 page per member with the name,
//! the team, and for each of the ten items its title and 概要, boxes 1–5 with their words, a
//! line for a comment and a box for 「わからない・該当しない」. Filled in by hand, keyed in with the window's entry grid.

use super::layout::{BOTTOM, CONTENT_W, Layout, MARGIN_X, Page};
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
    // Every sheet's header is as tall as the first (one title, one line of team and name), so
    // the spacing that fits is found once.
    let mut fitted: Option<Spacing> = None;
    for (n, sheet) in sheets.iter().enumerate() {
        if n > 0 {
            l.new_page();
        }
        header(&mut l, project, sheet, lang);
        let spacing = *fitted.get_or_insert_with(|| Spacing::fitting(&l, checklist, BOTTOM - l.y));
        for id in ItemId::ALL {
            item(&mut l, checklist, id, lang, spacing);
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

/// The sizes of an item on a sheet: the guidebook's text and the gaps shrink a little when a
/// language's longer sentences (English) would push item 10 onto a second page.
#[derive(Clone, Copy, Debug)]
struct Spacing {
    summary_size: f32,
    gap: f32,
}

impl Spacing {
    const STEPS: [Spacing; 4] = [
        Spacing {
            summary_size: 7.5,
            gap: 4.0,
        },
        Spacing {
            summary_size: 7.0,
            gap: 2.5,
        },
        Spacing {
            summary_size: 6.5,
            gap: 1.5,
        },
        Spacing {
            summary_size: 6.0,
            gap: 0.5,
        },
    ];

    /// The largest spacing with which the ten items fit in `room`.
    fn fitting(l: &Layout, checklist: &Checklist, room: f32) -> Spacing {
        let needed = |s: Spacing| {
            ItemId::ALL
                .iter()
                .map(|&id| s.item_height(l, checklist, id))
                .sum::<f32>()
        };
        Spacing::STEPS
            .into_iter()
            .find(|&s| needed(s) <= room)
            .unwrap_or(Spacing::STEPS[Spacing::STEPS.len() - 1])
    }

    fn summary_lines(self, l: &Layout, checklist: &Checklist, id: ItemId) -> Vec<String> {
        l.lines(
            &checklist.item(id).summary,
            self.summary_size,
            false,
            CONTENT_W - 10.0,
        )
    }

    fn item_height(self, l: &Layout, checklist: &Checklist, id: ItemId) -> f32 {
        self.height_with(self.summary_lines(l, checklist, id).len())
    }

    /// An item's height when its summary takes `lines` lines.
    fn height_with(self, lines: usize) -> f32 {
        9.5 * 1.5 + lines as f32 * self.summary_size * 1.45 + 18.0 + 14.0 + self.gap
    }
}

/// An item: its title and 概要, then five boxes with their words, then a comment line.
fn item(l: &mut Layout, checklist: &Checklist, id: ItemId, lang: Lang, spacing: Spacing) {
    let text = checklist.item(id);
    let title = format!("{}. {}", id.number(), text.title);
    let summary_lines = spacing.summary_lines(l, checklist, id);
    // An item never splits across pages.
    l.ensure(spacing.height_with(summary_lines.len()));
    let y = l.y;
    l.text_at(MARGIN_X, y, 9.5, true, paper::INK, &title);
    let mut y = y + 9.5 * 1.5;
    for line in &summary_lines {
        l.text_at(
            MARGIN_X + 10.0,
            y,
            spacing.summary_size,
            false,
            paper::MUTED,
            line,
        );
        y += spacing.summary_size * 1.45;
    }
    // Five boxes across the width, each with its number and word, spaced by the words' widths
    // so that 「5 Established & growing」 ends inside the margin.
    let size = 10.0;
    let words: Vec<String> = Level::ALL
        .iter()
        .map(|&level| format!("{} {}", level.get(), checklist.level(level).name))
        .collect();
    let widths: Vec<f32> = words.iter().map(|w| l.measure(false)(w)).collect();
    let text_w: f32 = widths.iter().sum();
    let boxes_w = Level::ALL.len() as f32 * (size + 4.0);
    let room = CONTENT_W - 10.0;
    let min_gap = 8.0;
    let font = (8.5_f32).min((room - boxes_w - 4.0 * min_gap) / text_w.max(1.0));
    // Equal columns, as a form is ruled, when every word fits its fifth; else by the words.
    let cell = room / 5.0;
    let equal = widths
        .iter()
        .all(|w| size + 4.0 + w * font + min_gap <= cell);
    let gap = (room - boxes_w - text_w * font) / 4.0;
    let mut x = MARGIN_X + 10.0;
    for (word, width) in words.iter().zip(&widths) {
        l.frame(x, y + 1.0, size, size, 0.8);
        l.text_at(x + size + 4.0, y + 1.5, font, false, paper::INK, word);
        x += if equal {
            cell
        } else {
            size + 4.0 + width * font + gap
        };
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
    // 「わからない」 at the end of the comment line, apart from the five: a way out for who
    // cannot judge the item, not a sixth level.
    let dont_know = format!("? {}", tr!(lang, "answer.dont_know_long"));
    let dont_know_font = 8.0;
    let dont_know_x =
        MARGIN_X + CONTENT_W - l.measure(false)(&dont_know) * dont_know_font - size - 4.0;
    l.frame(dont_know_x, y - 1.5, size, size, 0.8);
    l.text_at(
        dont_know_x + size + 4.0,
        y - 1.0,
        dont_know_font,
        false,
        paper::INK,
        &dont_know,
    );
    l.page().ops.push(super::layout::Op::Line {
        points: vec![
            crate::radar::Point::new(MARGIN_X + 60.0, y + 9.0),
            crate::radar::Point::new(dont_know_x - 12.0, y + 9.0),
        ],
        width: 0.4,
        color: paper::RULE,
        dash: Some([2.0, 2.0]),
        closed: false,
    });
    l.y = y + 14.0 + spacing.gap;
}
