//! The radar chart on a PDF page: the shared geometry and the shared style.

use super::layout::{CONTENT_W, Element, Layout, MARGIN_X, Op, rect};
use crate::radar::marks::{self, Mark};
use crate::radar::{self as geometry, Chart, HAlign, Point, levels};
use crate::style::{CHART, paper};
use std::collections::BTreeSet;

/// One shape of the chart as PDF drawing operations (a hollow point: white inside, outlined).
fn to_ops(mark: &Mark) -> Vec<Op> {
    match mark {
        Mark::Fill {
            points,
            color,
            opacity,
        } => vec![Op::Fill {
            points: points.clone(),
            color: *color,
            opacity: *opacity,
        }],
        Mark::Line {
            points,
            width,
            color,
            dash,
            closed,
            ..
        } => vec![Op::Line {
            points: points.clone(),
            width: *width,
            color: *color,
            dash: *dash,
            closed: *closed,
        }],
        Mark::Point {
            polygon,
            color,
            hollow,
            width,
        } => {
            let mut ops = vec![Op::Fill {
                points: polygon.clone(),
                color: if *hollow { paper::WHITE } else { *color },
                opacity: 1.0,
            }];
            if *hollow {
                ops.push(Op::Line {
                    points: polygon.clone(),
                    width: *width,
                    color: *color,
                    dash: None,
                    closed: true,
                });
            }
            ops
        }
    }
}

/// The size of the chart's labels and legend.
const LEGEND_FONT: f32 = 8.5;
/// The line of the level key above the legend.
const KEY_HEIGHT: f32 = LEGEND_FONT * 0.75 * 1.9;

impl Layout<'_> {
    /// The radar chart, `size` points square, centred, its legend in two columns below.
    pub fn chart(&mut self, chart: &Chart, size: f32) {
        let height = Self::chart_height(chart, size, 2, true);
        self.ensure(height);
        let left = MARGIN_X + (CONTENT_W - size) / 2.0;
        let top = self.y;
        self.chart_at(
            chart,
            (left, top),
            size,
            (MARGIN_X + 40.0, CONTENT_W - 80.0),
            2,
            true,
        );
        self.y = top + height;
    }

    /// How tall a chart of `size` is with its legend in `columns` columns, with the level key
    /// above the legend or not.
    pub fn chart_height(chart: &Chart, size: f32, columns: usize, key: bool) -> f32 {
        let rows = chart.series.len().div_ceil(columns.max(1)) as f32;
        let key = if key { KEY_HEIGHT } else { 0.0 };
        size + 6.0 + key + rows * LEGEND_FONT * 1.9 + 6.0
    }

    /// The chart at `(left, top)`, `size` square, on the current page, its legend under it in
    /// `columns` columns across `(legend left, legend width)`, the level key above it when `key`
    /// (small multiples share one key). The position does not move on: the caller places what
    /// follows.
    pub fn chart_at(
        &mut self,
        chart: &Chart,
        (left, top): (f32, f32),
        size: f32,
        (legend_left, legend_width): (f32, f32),
        columns: usize,
        key: bool,
    ) {
        let font = LEGEND_FONT;
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
        let mut ops: Vec<Op> = marks::grid(&layout, &style, paper::RULE)
            .iter()
            .chain(&marks::series(chart, &layout, &style, &BTreeSet::new()))
            .flat_map(to_ops)
            .collect();
        // The ring numbers over the data, each on a plate, where the data leaves room.
        let small = font * 0.75;
        let number = (regular.width("5", small) + 3.0, small * 1.2);
        for level in levels::level_numbers(
            &layout,
            chart,
            &BTreeSet::new(),
            number,
            style.point_radius + 1.0,
        ) {
            let r = level.rect;
            ops.push(Op::Fill {
                points: rect(r.min.x, r.min.y, r.width(), r.height()),
                color: paper::WHITE,
                opacity: 1.0,
            });
            let w = regular.width(&level.text, small);
            ops.push(Op::Text {
                x: f32::midpoint(r.min.x, r.max.x) - w / 2.0,
                y: r.min.y + small * 0.1,
                size: small,
                bold: false,
                color: paper::MUTED,
                text: level.text,
            });
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
        // The legend under the chart, in columns across the chart's width (or the page's, when
        // the chart is centred on it).
        // The key that names the levels first, then the series.
        let mut legend_top = top + size + 6.0;
        if key {
            ops.push(Op::Text {
                x: legend_left,
                y: legend_top - 2.0,
                size: small,
                bold: false,
                color: paper::MUTED,
                text: levels::level_key(chart),
            });
            legend_top += KEY_HEIGHT;
        }
        let columns = columns.max(1);
        for (i, series) in chart.series.iter().enumerate() {
            let x = legend_left + (i % columns) as f32 * legend_width / columns as f32;
            let y = legend_top + (i / columns) as f32 * font * 1.9;
            let mid = y + font * 0.6;
            let swatch = marks::swatch(
                series.kind,
                series.marks,
                series.color,
                Point::new(x, mid),
                20.0,
                &style,
            );
            ops.extend(swatch.iter().flat_map(to_ops));
            ops.push(Op::Text {
                x: x + 26.0,
                y,
                size: font,
                bold: false,
                color: paper::INK,
                text: series.name.clone(),
            });
        }
        // The chart and its legend are one figure, described in words.
        let alt = chart.describe();
        self.element(Element::Figure { alt }, |l| l.page().ops.extend(ops));
    }
}
