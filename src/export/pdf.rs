//! The summary as a real PDF: A4 portrait, BIZ UDPGothic embedded as a subset (text stays
//! selectable and searchable), the radar chart as vector graphics, page numbers.
//!
//! Layout is done here, in two steps: the content is laid out into pages of drawing operations
//! (pure, with Japanese line breaking from [`crate::text_wrap`]), then krilla writes them.

use super::report::{Report, TeamReport};
use crate::fonts::{self, Metrics};
use crate::project::ActionStatus;
use crate::radar::{self as geometry, Chart, HAlign, Point, SeriesKind};
use crate::text_wrap::wrap;
use crate::tr;

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 48.0;
const TOP: f32 = 54.0;
const BOTTOM: f32 = PAGE_H - 64.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

const INK: [u8; 3] = [0x1f, 0x23, 0x28];
const MUTED: [u8; 3] = [0x59, 0x63, 0x6e];
const RULE: [u8; 3] = [0xc8, 0xcd, 0xd3];
const BAND: [u8; 3] = [0xee, 0xf1, 0xf4];
const WARN: [u8; 3] = [0xb3, 0x59, 0x00];

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font cannot be read")]
    Font,
    #[error("{0}")]
    Krilla(String),
}

/// One drawing operation, in points from the page's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `y` is the top of the line box.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: [u8; 3],
        text: String,
    },
    Line {
        points: Vec<Point>,
        width: f32,
        color: [u8; 3],
        dash: bool,
        closed: bool,
    },
    Fill {
        points: Vec<Point>,
        color: [u8; 3],
        opacity: f32,
    },
}

#[derive(Default)]
pub struct Page {
    pub ops: Vec<Op>,
}

struct Layout<'a> {
    pages: Vec<Page>,
    y: f32,
    regular: &'a Metrics,
    bold: &'a Metrics,
}

impl<'a> Layout<'a> {
    fn new(regular: &'a Metrics, bold: &'a Metrics) -> Self {
        Layout {
            pages: vec![Page::default()],
            y: TOP,
            regular,
            bold,
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn measure(&self, bold: bool) -> impl Fn(&str) -> f32 + '_ {
        let m = if bold { self.bold } else { self.regular };
        move |s: &str| m.width(s, 1.0)
    }

    fn lines(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let measure = self.measure(bold);
        wrap(text, width / size, measure)
    }

    fn text_at(&mut self, x: f32, y: f32, size: f32, bold: bool, color: [u8; 3], text: &str) {
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
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, color: [u8; 3], indent: f32) {
        let line_h = size * 1.6;
        for line in self.lines(text, size, bold, CONTENT_W - indent) {
            self.ensure(line_h);
            let y = self.y;
            self.text_at(MARGIN_X + indent, y, size, bold, color, &line);
            self.y += line_h;
        }
    }

    fn heading(&mut self, text: &str, size: f32, rule: bool) {
        // Keep a heading with at least a few lines of what follows.
        self.ensure(size * 1.6 + 60.0);
        self.y += size * 0.6;
        self.paragraph(text, size, true, INK, 0.0);
        if rule {
            let y = self.y - size * 0.25;
            self.page().ops.push(Op::Line {
                points: vec![Point::new(MARGIN_X, y), Point::new(PAGE_W - MARGIN_X, y)],
                width: 1.2,
                color: INK,
                dash: false,
                closed: false,
            });
            self.y += 4.0;
        }
        self.y += 2.0;
    }

    /// A table with wrapped cells; rows never split across pages, and the header repeats.
    fn table(
        &mut self,
        widths: &[f32],
        header: &[String],
        rows: &[(Vec<String>, Option<[u8; 3]>)],
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
        let draw_row = |this: &mut Self,
                        cells: &[Vec<String>],
                        bold: bool,
                        band: Option<[u8; 3]>,
                        color: [u8; 3]| {
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
                color: RULE,
                dash: false,
                closed: false,
            };
            this.page().ops.push(rule(
                Point::new(MARGIN_X, top + h),
                Point::new(MARGIN_X + CONTENT_W, top + h),
            ));
            this.y += h;
        };
        self.ensure(header_h + line_h * 2.0);
        draw_row(self, &header_cells, true, Some(BAND), INK);
        for (cells, color) in rows {
            let cells = layout_row(self, cells, false);
            let h = row_height(&cells);
            if self.y + h > BOTTOM {
                self.new_page();
                draw_row(self, &header_cells, true, Some(BAND), INK);
            }
            draw_row(self, &cells, false, None, color.unwrap_or(INK));
        }
        self.y += 8.0;
    }

    /// The radar chart, `size` points square, centred.
    fn chart(&mut self, chart: &Chart, size: f32) {
        let font = 8.5;
        let legend_rows = chart.series.len().div_ceil(2) as f32;
        let legend_h = legend_rows * font * 1.9 + 6.0;
        self.ensure(size + legend_h);
        let left = MARGIN_X + (CONTENT_W - size) / 2.0;
        let top = self.y;
        let regular = self.regular;
        let measure = move |s: &str| regular.width(s, 1.0);
        let labels: Vec<Vec<String>> = chart
            .labels
            .iter()
            .map(|l| geometry::wrap_label_balanced(l, size * 0.22 / font, measure))
            .collect();
        let sizes: Vec<(f32, f32)> = labels
            .iter()
            .map(|lines| {
                let w = lines.iter().map(|l| measure(l) * font).fold(0.0, f32::max);
                (w, lines.len() as f32 * font * 1.3)
            })
            .collect();
        let bounds = geometry::Rect {
            min: Point::new(left, top),
            max: Point::new(left + size, top + size),
        };
        let layout = geometry::Layout::fit(bounds, &sizes, 8.0, 20.0);
        let mut ops = Vec::new();
        for (k, ring) in layout.rings.iter().enumerate() {
            let width = if k + 1 == layout.rings.len() {
                1.0
            } else {
                0.5
            };
            ops.push(Op::Line {
                points: ring.clone(),
                width,
                color: RULE,
                dash: false,
                closed: true,
            });
        }
        for axis in &layout.axes {
            ops.push(Op::Line {
                points: vec![layout.center, axis.end],
                width: 0.5,
                color: RULE,
                dash: false,
                closed: false,
            });
        }
        let order = chart.drawing_order();
        for &i in &order {
            let series = &chart.series[i];
            let points = layout.series(&series.values);
            if series.kind == SeriesKind::Scores {
                for polygon in geometry::fill_polygons(layout.center, &points) {
                    ops.push(Op::Fill {
                        points: polygon,
                        color: series.color,
                        opacity: 0.25,
                    });
                }
            }
            let (width, dash) = match series.kind {
                SeriesKind::Scores => (1.6, false),
                SeriesKind::Target => (1.2, true),
                SeriesKind::Baseline => (0.8, false),
            };
            for run in geometry::outline_runs(&points) {
                ops.push(Op::Line {
                    points: run,
                    width,
                    color: series.color,
                    dash,
                    closed: false,
                });
            }
        }
        for (k, ring) in layout.rings.iter().enumerate() {
            if let (Some(first), Some(name)) = (ring.first(), chart.level_names.get(k)) {
                ops.push(Op::Text {
                    x: first.x + 3.0,
                    y: first.y + 1.0,
                    size: font * 0.75,
                    bold: false,
                    color: MUTED,
                    text: format!("{} {name}", k + 1),
                });
            }
        }
        for (i, lines) in labels.iter().enumerate() {
            let r = layout.label_rect(i, sizes[i]);
            for (k, line) in lines.iter().enumerate() {
                let w = measure(line) * font;
                let x = match layout.axes[i].h_align {
                    HAlign::Left => r.min.x,
                    HAlign::Center => (r.min.x + r.max.x - w) / 2.0,
                    HAlign::Right => r.max.x - w,
                };
                ops.push(Op::Text {
                    x,
                    y: r.min.y + k as f32 * font * 1.3,
                    size: font,
                    bold: false,
                    color: INK,
                    text: line.clone(),
                });
            }
        }
        // Legend, two columns under the chart.
        let legend_top = top + size + 6.0;
        for (i, series) in chart.series.iter().enumerate() {
            let x = MARGIN_X + 40.0 + (i % 2) as f32 * CONTENT_W / 2.0;
            let y = legend_top + (i / 2) as f32 * font * 1.9;
            let mid = y + font * 0.6;
            match series.kind {
                SeriesKind::Scores => ops.push(Op::Fill {
                    points: vec![
                        Point::new(x, mid - 4.0),
                        Point::new(x + 18.0, mid - 4.0),
                        Point::new(x + 18.0, mid + 4.0),
                        Point::new(x, mid + 4.0),
                    ],
                    color: series.color,
                    opacity: 0.6,
                }),
                _ => ops.push(Op::Line {
                    points: vec![Point::new(x, mid), Point::new(x + 18.0, mid)],
                    width: 1.4,
                    color: series.color,
                    dash: series.kind == SeriesKind::Target,
                    closed: false,
                }),
            }
            ops.push(Op::Text {
                x: x + 24.0,
                y,
                size: font,
                bold: false,
                color: INK,
                text: series.name.clone(),
            });
        }
        self.page().ops.extend(ops);
        self.y = legend_top + legend_h;
    }
}

fn signed(n: i8) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// Lays the report out into pages.
pub fn layout(report: &Report, regular: &Metrics, bold: &Metrics) -> Vec<Page> {
    let lang = report.lang;
    let mut l = Layout::new(regular, bold);
    l.paragraph(&report.title, 18.0, true, INK, 0.0);
    l.y += 4.0;
    let mut meta: Vec<(String, String)> = report.meta.clone();
    if let Some(b) = &report.baseline_title {
        meta.push((tr!(lang, "report.baseline"), b.clone()));
    }
    let teams: Vec<&str> = report.teams.iter().map(|t| t.name.as_str()).collect();
    meta.push((tr!(lang, "report.teams"), teams.join("、")));
    for (label, value) in meta {
        l.paragraph(&format!("{label}: {value}"), 10.0, false, MUTED, 0.0);
    }
    l.heading(&tr!(lang, "report.chart"), 13.0, true);
    l.chart(&report.chart, 360.0);
    for team in &report.teams {
        l.new_page();
        team_pages(&mut l, report, team);
    }
    l.pages
}

fn team_pages(l: &mut Layout, report: &Report, team: &TeamReport) {
    let lang = report.lang;
    l.heading(&team.name, 15.0, true);
    if !team.members.is_empty() {
        l.paragraph(
            &format!(
                "{}: {}",
                tr!(lang, "report.members"),
                team.members.join("、")
            ),
            10.0,
            false,
            MUTED,
            0.0,
        );
    }
    l.heading(&tr!(lang, "report.scores"), 12.0, false);
    let has_baseline = report.baseline_title.is_some();
    let header = super::report::score_columns(lang, has_baseline);
    let mut widths = vec![4.0, 40.0, 14.0, 14.0, 9.0];
    if has_baseline {
        widths.push(8.0);
    }
    let level = |l: Option<crate::project::Level>, words: &Option<String>| match (l, words) {
        (Some(l), Some(w)) => format!("{} {w}", l.get()),
        _ => "–".to_owned(),
    };
    let rows: Vec<(Vec<String>, Option<[u8; 3]>)> = team
        .items
        .iter()
        .map(|item| {
            let mut row = vec![
                item.number.to_string(),
                item.title.clone(),
                level(item.score, &item.score_words),
                level(item.target, &item.target_words),
                item.gap.map(signed).unwrap_or_else(|| "–".into()),
            ];
            if has_baseline {
                row.push(item.change().map(signed).unwrap_or_else(|| "–".into()));
            }
            (row, None)
        })
        .collect();
    l.table(&widths, &header, &rows, 9.0);
    if let Some(mean) = team.mean_score {
        l.paragraph(
            &format!("{}: {mean:.1}", tr!(lang, "report.mean_score")),
            10.0,
            true,
            INK,
            0.0,
        );
    }

    l.heading(&tr!(lang, "report.answers"), 12.0, false);
    for item in &team.items {
        l.ensure(60.0);
        l.paragraph(
            &format!("{}. {}", item.number, item.title),
            10.5,
            true,
            INK,
            0.0,
        );
        let mut any = false;
        for (key, text) in [
            ("field.current_state", &item.current_state),
            ("field.ideas", &item.ideas),
        ] {
            if !text.is_empty() {
                l.paragraph(&tr!(lang, key), 8.5, true, MUTED, 10.0);
                l.paragraph(text, 9.5, false, INK, 10.0);
                any = true;
            }
        }
        if let Some(note) = &item.facilitator_note {
            l.paragraph(&tr!(lang, "field.facilitator_note"), 8.5, true, MUTED, 10.0);
            l.paragraph(note, 9.5, false, INK, 10.0);
            any = true;
        }
        if !item.examples_done.is_empty() {
            l.paragraph(&tr!(lang, "report.examples_done"), 8.5, true, MUTED, 10.0);
            for example in &item.examples_done {
                l.paragraph(&format!("・{example}"), 9.0, false, INK, 10.0);
            }
            any = true;
        }
        if !any {
            l.paragraph(&tr!(lang, "report.no_answer"), 9.0, false, MUTED, 10.0);
        }
        l.y += 6.0;
    }

    l.heading(&tr!(lang, "report.actions"), 12.0, false);
    if team.actions.is_empty() {
        l.paragraph(&tr!(lang, "report.no_actions"), 9.5, false, MUTED, 0.0);
    }
    for status in ActionStatus::ALL.iter().copied() {
        let rows: Vec<(Vec<String>, Option<[u8; 3]>)> = Report::actions_with(team, status)
            .map(|a| {
                let due = a.due_text(lang, "–");
                let owner = a.owner_text("–");
                (
                    vec![
                        format!("{}. {}", a.item_number, a.item_short_title),
                        a.what.clone(),
                        owner,
                        due,
                    ],
                    a.overdue.then_some(WARN),
                )
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        l.ensure(60.0);
        l.paragraph(
            &format!("{} ({})", status.label(lang), rows.len()),
            10.5,
            true,
            INK,
            0.0,
        );
        let header = [
            tr!(lang, "report.col.item"),
            tr!(lang, "report.col.action"),
            tr!(lang, "report.col.owner"),
            tr!(lang, "report.col.due"),
        ];
        l.table(&[18.0, 50.0, 12.0, 20.0], &header, &rows, 9.0);
    }
}

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, PdfError> {
    use krilla::color::rgb;
    use krilla::geom::PathBuilder;
    use krilla::num::NormalizedF32;
    use krilla::paint::{Fill, Stroke, StrokeDash};
    use krilla::text::{Font, TextDirection};

    let regular_metrics = Metrics::new(fonts::REGULAR).ok_or(PdfError::Font)?;
    let bold_metrics = Metrics::new(fonts::BOLD).ok_or(PdfError::Font)?;
    let mut pages = layout(report, &regular_metrics, &bold_metrics);
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let number = format!("{} / {total}", n + 1);
        let w = regular_metrics.width(&number, 8.5);
        page.ops.push(Op::Text {
            x: (PAGE_W - w) / 2.0,
            y: PAGE_H - 40.0,
            size: 8.5,
            bold: false,
            color: MUTED,
            text: number,
        });
        page.ops.push(Op::Text {
            x: MARGIN_X,
            y: PAGE_H - 40.0,
            size: 7.5,
            bold: false,
            color: MUTED,
            text: short(&report.title, 40),
        });
    }

    let regular = Font::new(fonts::REGULAR.into(), 0).ok_or(PdfError::Font)?;
    let bold = Font::new(fonts::BOLD.into(), 0).ok_or(PdfError::Font)?;
    let ascent = regular_metrics.ascent();
    let mut document = krilla::Document::new();
    let mut metadata = krilla::metadata::Metadata::new()
        .title(report.title.clone())
        .language(report.lang.code().to_owned())
        .creator("Kizuki".to_owned());
    if let Some((y, m, d)) = report.meta_date {
        metadata = metadata.creation_date(krilla::metadata::DateTime::new(y).month(m).day(d));
    }
    document.set_metadata(metadata);
    let color = |c: [u8; 3]| rgb::Color::new(c[0], c[1], c[2]);
    let path = |points: &[Point], closed: bool| {
        let mut pb = PathBuilder::new();
        let mut it = points.iter();
        let first = it.next()?;
        pb.move_to(first.x, first.y);
        for p in it {
            pb.line_to(p.x, p.y);
        }
        if closed {
            pb.close();
        }
        pb.finish()
    };
    for page in &pages {
        let settings = krilla::page::PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Font)?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color: c,
                    text,
                } => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: color(*c).into(),
                        opacity: NormalizedF32::ONE,
                        rule: Default::default(),
                    }));
                    let font = if *is_bold {
                        bold.clone()
                    } else {
                        regular.clone()
                    };
                    surface.draw_text(
                        krilla::geom::Point::from_xy(*x, *y + ascent * size),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Line {
                    points,
                    width,
                    color: c,
                    dash,
                    closed,
                } => {
                    let Some(p) = path(points, *closed) else {
                        continue;
                    };
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: color(*c).into(),
                        width: *width,
                        dash: dash.then(|| StrokeDash {
                            array: vec![4.0, 3.0],
                            offset: 0.0,
                        }),
                        ..Default::default()
                    }));
                    surface.draw_path(&p);
                }
                Op::Fill {
                    points,
                    color: c,
                    opacity,
                } => {
                    let Some(p) = path(points, true) else {
                        continue;
                    };
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: color(*c).into(),
                        opacity: NormalizedF32::new(*opacity).unwrap_or(NormalizedF32::ONE),
                        rule: Default::default(),
                    }));
                    surface.draw_path(&p);
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        text.chars().take(max).chain(['…']).collect()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ExportOptions;

    #[test]
    fn text_stays_inside_the_page_margins() {
        let regular = Metrics::new(fonts::REGULAR).expect("font");
        let bold = Metrics::new(fonts::BOLD).expect("font");
        let options = ExportOptions::new(
            crate::Lang::Ja,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"),
        );
        let report = Report::build(&crate::project::sample_project(), &options).expect("report");
        let pages = layout(&report, &regular, &bold);
        assert!(
            pages.len() >= 3,
            "a cover page and one or more per team: {}",
            pages.len()
        );
        for page in &pages {
            for op in &page.ops {
                if let Op::Text {
                    x,
                    y,
                    size,
                    bold: b,
                    text,
                    ..
                } = op
                {
                    let w = if *b {
                        bold.width(text, *size)
                    } else {
                        regular.width(text, *size)
                    };
                    assert!(*x >= MARGIN_X - 0.5, "{text} starts left of the margin");
                    // Hanging punctuation may pass the margin by one character.
                    assert!(
                        x + w <= PAGE_W - MARGIN_X + size * 1.05,
                        "{text} runs past the margin: {}",
                        x + w
                    );
                    assert!(
                        *y >= TOP - 1.0 && y + size <= BOTTOM + size * 1.6,
                        "{text} is off the text area at {y}"
                    );
                    assert!(!text.starts_with(['。', '、', '」']), "kinsoku: {text}");
                }
            }
        }
    }
}
