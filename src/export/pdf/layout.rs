//! Laying text, tables and shapes out on A4 pages: pure, with Japanese line breaking from
//! [`crate::text_wrap`], so that what the PDF will show is tested without writing one.

use crate::fonts::Metrics;
use crate::radar::Point;
use crate::style::{Rgb, paper};
use crate::text_wrap::wrap;

/// The room inside a table's cell, around its text.
pub const TABLE_PAD: f32 = 3.5;
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 48.0;
pub const TOP: f32 = 54.0;
pub const BOTTOM: f32 = PAGE_H - 64.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// One drawing operation, in points from the page's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `y` is the top of the line box.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Line {
        points: Vec<Point>,
        width: f32,
        color: Rgb,
        /// Dash and gap, for a dashed line.
        dash: Option<[f32; 2]>,
        closed: bool,
    },
    Fill {
        points: Vec<Point>,
        color: Rgb,
        opacity: f32,
    },
    /// What is drawn from here to the matching [`Op::Close`] is one element of the document's
    /// logical structure (tagged PDF: what a screen reader reads, in this order). Text drawn
    /// outside any element is a paragraph of its own; lines and fills outside a figure are
    /// decoration.
    Open(Element),
    Close,
}

/// A part of the document's logical structure.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// A heading of `level` (1 is the document's title), with its text for the outline.
    Heading {
        level: u16,
        title: String,
    },
    Paragraph,
    Table,
    Row,
    HeaderCell,
    Cell,
    /// A chart, described in words for who cannot see it.
    Figure {
        alt: String,
    },
    /// Drawn for the page, not the document (a table's header repeated on the next page, the
    /// page number): left out of what is read.
    Artifact,
}

#[derive(Default)]
pub struct Page {
    pub ops: Vec<Op>,
}

pub struct Layout<'a> {
    pub pages: Vec<Page>,
    pub y: f32,
    pub regular: &'a Metrics,
    pub bold: &'a Metrics,
    /// The height that must follow a table's last row on its page (its note), while one is drawn.
    keep_after: f32,
    /// The last heading's level: the next one goes at most one level deeper.
    heading_level: u16,
}

impl<'a> Layout<'a> {
    pub fn new(regular: &'a Metrics, bold: &'a Metrics) -> Self {
        Layout {
            pages: vec![Page::default()],
            y: TOP,
            regular,
            bold,
            keep_after: 0.0,
            heading_level: 0,
        }
    }

    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    pub fn measure(&self, bold: bool) -> impl Fn(&str) -> f32 + '_ {
        let m = if bold { self.bold } else { self.regular };
        move |s: &str| m.width(s, 1.0)
    }

    pub fn lines(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let measure = self.measure(bold);
        wrap(text, width / size, measure)
    }

    /// Says that a level-1 heading (the document's title) was set by hand.
    pub fn title_level(&mut self) {
        self.heading_level = 1;
    }

    /// What `draw` draws, as one `element` of the document's structure.
    pub fn element(&mut self, element: Element, draw: impl FnOnce(&mut Self)) {
        self.page().ops.push(Op::Open(element));
        draw(self);
        self.page().ops.push(Op::Close);
    }

    pub fn text_at(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        if !text.is_empty() {
            self.page().ops.push(Op::Text {
                x,
                y,
                size,
                bold,
                color,
                text: text.to_owned(),
            });
        }
    }

    /// A wrapped paragraph at the current position, breaking across pages between lines.
    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, color: Rgb, indent: f32) {
        self.element(Element::Paragraph, |l| {
            l.wrapped(text, size, bold, color, indent);
        });
    }

    /// The lines of `text`, wrapped, at the current position (no element of their own).
    pub fn wrapped(&mut self, text: &str, size: f32, bold: bool, color: Rgb, indent: f32) {
        let line_h = size * 1.6;
        for line in self.lines(text, size, bold, CONTENT_W - indent) {
            self.ensure(line_h);
            let y = self.y;
            self.text_at(MARGIN_X + indent, y, size, bold, color, &line);
            self.y += line_h;
        }
    }

    /// A heading: its level in the document's structure follows its size (16 pt and more: the
    /// title; 13 pt: a part; smaller: a section), never more than one deeper than the last
    /// (a screen reader's list of headings skips no level).
    pub fn heading(&mut self, text: &str, size: f32, rule: bool) {
        let by_size = if size >= 16.0 {
            1
        } else if size >= 13.0 {
            2
        } else {
            3
        };
        let level = by_size.min(self.heading_level + 1);
        self.heading_level = level;
        // Keep a heading with at least a few lines of what follows.
        self.ensure(size * 1.6 + 60.0);
        self.y += size * 0.6;
        let title = text.to_owned();
        self.element(Element::Heading { level, title }, |l| {
            l.wrapped(text, size, true, paper::INK, 0.0);
        });
        if rule {
            let y = self.y - size * 0.25;
            self.page().ops.push(Op::Line {
                points: vec![Point::new(MARGIN_X, y), Point::new(PAGE_W - MARGIN_X, y)],
                width: 1.2,
                color: paper::INK,
                dash: None,
                closed: false,
            });
            self.y += 4.0;
        }
        self.y += 2.0;
    }

    /// A table across the page; see [`Layout::table_in`].
    pub fn table(
        &mut self,
        widths: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<Rgb>)],
        size: f32,
    ) {
        self.table_in(MARGIN_X, CONTENT_W, widths, header, rows, size);
    }

    /// A table across the page followed by its `note` (the key to its columns), which never
    /// stands alone on a page: the last row goes over with it.
    pub fn table_with_note(
        &mut self,
        widths: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<Rgb>)],
        size: f32,
        note: &str,
    ) {
        let (note_size, line_h) = (8.0, 8.0 * 1.6);
        let note_h = self.lines(note, note_size, false, CONTENT_W).len() as f32 * line_h;
        self.keep_after = note_h + 8.0;
        self.table_in(MARGIN_X, CONTENT_W, widths, header, rows, size);
        self.keep_after = 0.0;
        self.paragraph(note, note_size, false, paper::MUTED, 0.0);
    }

    /// The height a table would take at `width` (to decide what shares a page).
    pub fn table_height(
        &self,
        width: f32,
        widths: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<Rgb>)],
        size: f32,
    ) -> f32 {
        let (pad, line_h) = (TABLE_PAD, size * 1.45);
        let widths = self.column_widths(width, widths, header, rows, size);
        let height = |cells: &[String], bold: bool| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| self.lines(c, size, bold, w - 2.0 * pad).len())
                .max()
                .unwrap_or(1) as f32
                * line_h
                + 2.0 * pad
        };
        height(header, true)
            + rows
                .iter()
                .map(|(r, color)| height(r, color.is_some()))
                .sum::<f32>()
            + 8.0
    }

    /// A table `width` wide from `left`, with wrapped cells; rows never split across pages, and
    /// the header repeats on the next page.
    pub fn table_in(
        &mut self,
        left: f32,
        width: f32,
        widths: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<Rgb>)],
        size: f32,
    ) {
        let pad = TABLE_PAD;
        let line_h = size * 1.45;
        let widths = self.column_widths(width, widths, header, rows, size);
        let layout_row = |this: &Self, cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| this.lines(c, size, bold, w - 2.0 * pad))
                .collect()
        };
        let row_height = |cells: &[Vec<String>]| {
            cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h + 2.0 * pad
        };
        let header_cells = layout_row(self, header, true);
        let header_h = row_height(&header_cells);
        // A row, its cells header cells or data cells; `None` for a header repeated on a new
        // page, which is drawn for the page and not read twice.
        let draw_row = |this: &mut Self,
                        cells: &[Vec<String>],
                        cell: Option<Element>,
                        bold: bool,
                        band: Option<Rgb>,
                        color: Rgb| {
            this.page().ops.push(Op::Open(if cell.is_some() {
                Element::Row
            } else {
                Element::Artifact
            }));
            let h = row_height(cells);
            let top = this.y;
            if let Some(fill) = band {
                this.page().ops.push(Op::Fill {
                    points: rect(left, top, width, h),
                    color: fill,
                    opacity: 1.0,
                });
            }
            let mut x = left;
            for (lines, w) in cells.iter().zip(&widths) {
                if let Some(element) = &cell {
                    this.page().ops.push(Op::Open(element.clone()));
                }
                for (k, line) in lines.iter().enumerate() {
                    this.text_at(
                        x + pad,
                        top + pad + k as f32 * line_h,
                        size,
                        bold,
                        color,
                        line,
                    );
                }
                if cell.is_some() {
                    this.page().ops.push(Op::Close);
                }
                x += w;
            }
            this.page().ops.push(Op::Line {
                points: vec![Point::new(left, top + h), Point::new(left + width, top + h)],
                width: 0.5,
                color: paper::RULE,
                dash: None,
                closed: false,
            });
            this.page().ops.push(Op::Close);
            this.y += h;
        };
        // The header never stands alone: it comes with at least its first row.
        let first_h = rows.first().map_or(line_h * 2.0, |(r, color)| {
            row_height(&layout_row(self, r, color.is_some()))
        });
        self.ensure(header_h + first_h);
        self.page().ops.push(Op::Open(Element::Table));
        let header_cell = Some(Element::HeaderCell);
        draw_row(
            self,
            &header_cells,
            header_cell,
            true,
            Some(paper::BAND),
            paper::INK,
        );
        let last = rows.len().saturating_sub(1);
        for (n, (cells, color)) in rows.iter().enumerate() {
            // A row in colour (overdue) is bold too: on a black-and-white printer the colour
            // alone prints lighter than the rows around it.
            let bold = color.is_some();
            let cells = layout_row(self, cells, bold);
            let h = row_height(&cells);
            let after = if n == last { self.keep_after } else { 0.0 };
            if self.y + h + after > BOTTOM {
                self.new_page();
                draw_row(
                    self,
                    &header_cells,
                    None,
                    true,
                    Some(paper::BAND),
                    paper::INK,
                );
            }
            let ink = color.unwrap_or(paper::INK);
            draw_row(self, &cells, Some(Element::Cell), bold, None, ink);
        }
        self.page().ops.push(Op::Close);
        self.y += 8.0;
    }

    /// The columns' widths in points: `shares` of `width`, except that a column too narrow for
    /// its widest phrase (「平均スコア」, a date) takes the room from columns that have some to
    /// spare, so that no word is broken in the middle. Given as the shares of tables that hold
    /// part of these rows, they line those tables' columns up.
    pub fn column_widths(
        &self,
        width: f32,
        shares: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<Rgb>)],
        size: f32,
    ) -> Vec<f32> {
        let pad = TABLE_PAD;
        let total: f32 = shares.iter().sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = shares.iter().map(|w| w / total * width).collect();
        let widest = |text: &str, bold: bool| {
            let measure = self.measure(bold);
            crate::text_wrap::phrases(text)
                .iter()
                .map(|p| measure(p.trim()) * size)
                .fold(0.0, f32::max)
        };
        let needed: Vec<f32> = (0..widths.len())
            .map(|i| {
                let cells = rows
                    .iter()
                    .filter_map(|(r, color)| Some((r.get(i)?, color.is_some())));
                let text = header.get(i).map_or(0.0, |h| widest(h, true));
                let longest = cells.map(|(c, bold)| widest(c, bold)).fold(text, f32::max);
                // A phrase longer than half the table (a URL) is broken anyway.
                (longest + 2.0 * pad + 0.5).min(width / 2.0)
            })
            .collect();
        fit_columns(&widths, &needed)
    }

    /// A small label kept on the same page as the first line of what follows it.
    pub fn label_before(&mut self, label: &str, next_line_size: f32) {
        let label_h = 8.5 * 1.6;
        self.ensure(label_h + next_line_size * 1.6);
        self.paragraph(label, 8.5, true, paper::MUTED, 10.0);
    }

    /// An empty box, for a stamp or a signature.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        self.page().ops.push(Op::Line {
            points: rect(x, y, w, h),
            width,
            color: paper::INK,
            dash: None,
            closed: true,
        });
    }
}

/// The corners of a rectangle, clockwise from the top left.
pub fn rect(x: f32, y: f32, w: f32, h: f32) -> Vec<Point> {
    vec![
        Point::new(x, y),
        Point::new(x + w, y),
        Point::new(x + w, y + h),
        Point::new(x, y + h),
    ]
}

/// `widths` with every column at least as wide as `needed`, the room taken from the columns that
/// have more than they need, in proportion to what they can spare. When the table is too narrow
/// for all of them, the columns with room to spare give up all of it, shared among the narrow
/// ones in proportion to what each lacks: fewer broken words, never more.
fn fit_columns(widths: &[f32], needed: &[f32]) -> Vec<f32> {
    let short: f32 = widths
        .iter()
        .zip(needed)
        .map(|(w, n)| (n - w).max(0.0))
        .sum();
    let spare: f32 = widths
        .iter()
        .zip(needed)
        .map(|(w, n)| (w - n).max(0.0))
        .sum();
    if short <= 0.0 || spare <= 0.0 {
        return widths.to_vec();
    }
    if spare < short {
        return widths
            .iter()
            .zip(needed)
            .map(|(&w, &n)| {
                if w < n {
                    w + spare * (n - w) / short
                } else {
                    n
                }
            })
            .collect();
    }
    widths
        .iter()
        .zip(needed)
        .map(|(&w, &n)| {
            if w < n {
                n
            } else {
                w - short * (w - n) / spare
            }
        })
        .collect()
}

#[cfg(test)]
mod column_tests {
    use super::fit_columns;

    #[test]
    fn a_narrow_column_takes_room_from_those_with_some_to_spare() {
        let fitted = fit_columns(&[100.0, 20.0, 30.0], &[40.0, 35.0, 30.0]);
        assert_eq!(fitted, vec![85.0, 35.0, 30.0]);
        assert!(
            (fitted.iter().sum::<f32>() - 150.0).abs() < 1e-3,
            "same width"
        );
    }

    #[test]
    fn a_table_with_room_to_spare_or_none_keeps_its_shares() {
        assert_eq!(fit_columns(&[10.0, 10.0], &[15.0, 15.0]), vec![10.0, 10.0]);
        assert_eq!(fit_columns(&[10.0, 10.0], &[5.0, 5.0]), vec![10.0, 10.0]);
    }

    #[test]
    fn a_table_too_narrow_for_everything_shares_what_is_spare() {
        // 40 lacking, 10 to spare: each narrow column gets half of what it lacks.
        let fitted = fit_columns(&[100.0, 20.0, 20.0], &[90.0, 40.0, 40.0]);
        assert_eq!(fitted, vec![90.0, 25.0, 25.0]);
    }
}
