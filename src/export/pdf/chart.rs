//! The radar chart on a PDF page: the shared geometry and the shared style.

use super::layout::{CONTENT_W, Layout, MARGIN_X, Op};
use crate::radar::{self as geometry, Chart, HAlign, Point, SeriesKind};
use crate::style::{CHART, paper};

impl Layout<'_> {
    /// The radar chart, `size` points square, centred.
    pub fn chart(&mut self, chart: &Chart, size: f32) {
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
        let layout = geometry::Layout::fit(bounds, &sizes, font * CHART.label_gap_em, 20.0);
        let style = CHART.at(2.0 * layout.radius);
        let mut ops = Vec::new();
        for (k, ring) in layout.rings.iter().enumerate() {
            let width = if k + 1 == layout.rings.len() {
                style.outer_ring_stroke
            } else {
                style.grid_stroke
            };
            ops.push(Op::Line {
                points: ring.clone(),
                width,
                color: paper::RULE,
                dash: None,
                closed: true,
            });
        }
        for axis in &layout.axes {
            ops.push(Op::Line {
                points: vec![layout.center, axis.end],
                width: style.grid_stroke,
                color: paper::RULE,
                dash: None,
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
                        opacity: style.fill_opacity,
                    });
                }
            }
            let (width, dash) = match series.kind {
                SeriesKind::Scores => (style.scores_stroke, None),
                SeriesKind::Target => (style.target_stroke, Some(style.target_dash)),
                SeriesKind::Baseline => (style.baseline_stroke, None),
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
                    color: paper::MUTED,
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
                    color: paper::INK,
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
                    opacity: CHART.swatch_opacity,
                }),
                _ => ops.push(Op::Line {
                    points: vec![Point::new(x, mid), Point::new(x + 18.0, mid)],
                    width: style.target_stroke,
                    color: series.color,
                    dash: (series.kind == SeriesKind::Target).then_some(style.target_dash),
                    closed: false,
                }),
            }
            ops.push(Op::Text {
                x: x + 24.0,
                y,
                size: font,
                bold: false,
                color: paper::INK,
                text: series.name.clone(),
            });
        }
        self.page().ops.extend(ops);
        self.y = legend_top + legend_h;
    }
}
