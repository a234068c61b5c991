//! What a radar chart draws, as plain shapes: rings, axes, each series' fill, outline and points.
//! The window's painter, the SVG and the PDF each only translate these, so the chart is one
//! picture everywhere, drawn from one style ([`crate::style`]).

use super::geometry::{Layout, Point, fill_polygons, outline_runs};
use super::{Chart, SeriesKind};
use crate::style::{ChartStyle, Rgb, TeamMarks};
use std::collections::BTreeSet;

/// Which part of the chart a shape belongs to (outputs may tint the grid for a dark background).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Grid,
    Series,
}

/// One shape to draw, in the chart's coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Fill {
        points: Vec<Point>,
        color: Rgb,
        opacity: f32,
    },
    Line {
        points: Vec<Point>,
        width: f32,
        color: Rgb,
        /// Dash and gap, for a patterned line.
        dash: Option<[f32; 2]>,
        closed: bool,
        role: Role,
    },
    /// A point's marker: filled with the colour, or hollow (filled white, outlined).
    Point {
        polygon: Vec<Point>,
        color: Rgb,
        hollow: bool,
        width: f32,
    },
}

/// The grid: rings of levels 1–5 (the outer one stronger) and the axes.
pub fn grid(layout: &Layout, style: &ChartStyle, color: Rgb) -> Vec<Mark> {
    let mut marks: Vec<Mark> = layout
        .rings
        .iter()
        .enumerate()
        .map(|(k, ring)| Mark::Line {
            points: ring.clone(),
            width: if k + 1 == layout.rings.len() {
                style.outer_ring_stroke
            } else {
                style.grid_stroke
            },
            color,
            dash: None,
            closed: true,
            role: Role::Grid,
        })
        .collect();
    marks.extend(layout.axes.iter().map(|axis| Mark::Line {
        points: vec![layout.center, axis.end],
        width: style.grid_stroke,
        color,
        dash: None,
        closed: false,
        role: Role::Grid,
    }));
    marks
}

/// The series, in drawing order (the previous round underneath, targets on top), without those
/// switched off in `hidden`.
pub fn series(
    chart: &Chart,
    layout: &Layout,
    style: &ChartStyle,
    hidden: &BTreeSet<usize>,
) -> Vec<Mark> {
    series_groups(chart, layout, style, hidden)
        .into_iter()
        .flat_map(|(_, marks)| marks)
        .collect()
}

/// As [`series`], each series' shapes apart, with its index (for outputs that group them).
pub fn series_groups(
    chart: &Chart,
    layout: &Layout,
    style: &ChartStyle,
    hidden: &BTreeSet<usize>,
) -> Vec<(usize, Vec<Mark>)> {
    let mut groups = Vec::new();
    for i in chart.drawing_order() {
        if hidden.contains(&i) {
            continue;
        }
        let mut marks = Vec::new();
        let series = &chart.series[i];
        let points = layout.series(&series.values);
        let (width, hollow, with_points) = match series.kind {
            SeriesKind::Scores => (style.scores_stroke, false, true),
            SeriesKind::Target => (style.target_stroke, true, true),
            SeriesKind::Baseline => (style.baseline_stroke, false, false),
        };
        if series.kind == SeriesKind::Scores {
            for polygon in fill_polygons(layout.center, &points) {
                marks.push(Mark::Fill {
                    points: polygon,
                    color: series.color,
                    opacity: style.fill_opacity,
                });
            }
        }
        for run in outline_runs(&points) {
            marks.push(Mark::Line {
                points: run,
                width,
                color: series.color,
                dash: series.marks.dash_for(width),
                closed: false,
                role: Role::Series,
            });
        }
        if with_points {
            for p in points.iter().flatten() {
                marks.push(point(
                    series.marks,
                    *p,
                    style.point_radius,
                    series.color,
                    hollow,
                    width,
                ));
            }
        }
        groups.push((i, marks));
    }
    groups
}

/// A series' marker at `at`.
pub fn point(
    marks: TeamMarks,
    at: Point,
    radius: f32,
    color: Rgb,
    hollow: bool,
    width: f32,
) -> Mark {
    Mark::Point {
        polygon: marks.marker.polygon(at, radius),
        color,
        hollow,
        width,
    }
}

/// A legend swatch `width` wide around the middle line at `y`: the series' line with its marker in
/// the middle, as the chart draws them.
pub fn swatch(
    kind: SeriesKind,
    team: TeamMarks,
    color: Rgb,
    left: Point,
    width: f32,
    style: &ChartStyle,
) -> Vec<Mark> {
    let (line_width, hollow, with_point) = match kind {
        SeriesKind::Scores => (style.scores_stroke, false, true),
        SeriesKind::Target => (style.target_stroke, true, true),
        SeriesKind::Baseline => (style.baseline_stroke, false, false),
    };
    let right = Point::new(left.x + width, left.y);
    let mut marks = vec![Mark::Line {
        points: vec![left, right],
        width: line_width,
        color,
        dash: team.dash_for(line_width),
        closed: false,
        role: Role::Series,
    }];
    if with_point {
        let middle = Point::new(left.x + width / 2.0, left.y);
        marks.push(point(
            team,
            middle,
            style.point_radius,
            color,
            hollow,
            line_width,
        ));
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::CHART;

    #[test]
    fn a_team_is_its_fill_outline_and_points_and_hidden_series_are_left_out() {
        let project = crate::project::sample_project();
        let chart = Chart::of_project(&project, crate::Lang::Ja, None);
        let layout = Layout::new(10, Point::new(200.0, 200.0), 150.0, 10.0);
        let all = series(&chart, &layout, &CHART, &BTreeSet::new());
        let points = |marks: &[Mark]| {
            marks
                .iter()
                .filter(|m| matches!(m, Mark::Point { .. }))
                .count()
        };
        // Two teams × (10 scores + 10 targets); the previous rounds have no points.
        assert_eq!(points(&all), 40);
        let hollow = all
            .iter()
            .filter(|m| matches!(m, Mark::Point { hollow: true, .. }))
            .count();
        assert_eq!(hollow, 20, "targets are hollow");
        let without_first = series(&chart, &layout, &CHART, &BTreeSet::from([0]));
        assert_eq!(points(&without_first), 30);
        // The second team's lines are dashed, the first's solid: apart in grey too.
        let dashes: Vec<Option<[f32; 2]>> = all
            .iter()
            .filter_map(|m| match m {
                Mark::Line { dash, color, .. } if *color == chart.series[1].color => Some(*dash),
                _ => None,
            })
            .collect();
        assert!(dashes.iter().all(Option::is_some));
        assert_eq!(
            grid(&layout, &CHART, [0, 0, 0]).len(),
            15,
            "5 rings, 10 axes"
        );
    }
}
