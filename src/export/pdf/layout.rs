//! Laying text, tables and shapes out on A4 pages: pure, with Japanese line breaking from
//! [`crate::text_wrap`], so that what the PDF will show is tested without writing one.

use crate::fonts::Metrics;
use crate::radar::Point;
use crate::style::{Rgb, paper};
use crate::text_wrap::wrap;

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
}

impl<'a> Layout<'a> {
    pub fn new(regular: &'a Metrics, bold: &'a Metrics) -> Self {
        Layout {
            pages: vec![Page::default()],
            y: TOP,
            regular,
            bold,
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
        let line_h = size * 1.6;
        for line in self.lines(text, size, bold, CONTENT_W - indent) {
            self.ensure(line_h);
            let y = self.y;
            self.text_at(MARGIN_X + indent, y, size, bold, color, &line);
            self.y += line_h;
        }
    }

    pub fn heading(&mut self, text: &str, size: f32, rule: bool) {
        // Keep a heading with at least a few lines of what follows.
        self.ensure(size * 1.6 + 60.0);
        self.y += size * 0.6;
        self.paragraph(text, size, true, paper::INK, 0.0);
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

    /// A table with wrapped cells; rows never split across pages, and the header repeats.
    pub fn table(
        &mut self,
        widths: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<Rgb>)],
        size: f32,
    ) {
        let pad = 3.5;
        let line_h = size * 1.45;
        let total: f32 = widths.iter().sum();
        let widths: Vec<f32> = widths.iter().map(|w| w / total * CONTENT_W).collect();
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
        let draw_row =
            |this: &mut Self, cells: &[Vec<String>], bold: bool, band: Option<Rgb>, color: Rgb| {
                let h = row_height(cells);
                let top = this.y;
                if let Some(fill) = band {
                    let rect = vec![
                        Point::new(MARGIN_X, top),
                        Point::new(MARGIN_X + CONTENT_W, top),
                        Point::new(MARGIN_X + CONTENT_W, top + h),
                        Point::new(MARGIN_X, top + h),
                    ];
                    this.page().ops.push(Op::Fill {
                        points: rect,
                        color: fill,
                        opacity: 1.0,
                    });
                }
                let mut x = MARGIN_X;
                for (lines, w) in cells.iter().zip(&widths) {
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
                    x += w;
                }
                let rule = |a: Point, b: Point| Op::Line {
                    points: vec![a, b],
                    width: 0.5,
                    color: paper::RULE,
                    dash: None,
                    closed: false,
                };
                this.page().ops.push(rule(
                    Point::new(MARGIN_X, top + h),
                    Point::new(MARGIN_X + CONTENT_W, top + h),
                ));
                this.y += h;
            };
        self.ensure(header_h + line_h * 2.0);
        draw_row(self, &header_cells, true, Some(paper::BAND), paper::INK);
        for (cells, color) in rows {
            let cells = layout_row(self, cells, false);
            let h = row_height(&cells);
            if self.y + h > BOTTOM {
                self.new_page();
                draw_row(self, &header_cells, true, Some(paper::BAND), paper::INK);
            }
            draw_row(self, &cells, false, None, color.unwrap_or(paper::INK));
        }
        self.y += 8.0;
    }
}
