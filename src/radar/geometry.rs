//! Radar chart geometry, computed once and used by the window's painter and every export.
//!
//! Plain numbers only (no egui types): screen coordinates with y pointing down, axes clockwise from
//! the top. Values are levels 1–5; a missing value leaves a gap in the outline and the fill rather
//! than pretending to be zero.

use std::f32::consts::{FRAC_PI_2, TAU};

/// The highest level on the scale; the outer ring.
pub const MAX_LEVEL: f32 = 5.0;

pub use crate::geom::{Point, Rect};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

/// One axis: where it ends and where its label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// Radians, clockwise from the top.
    pub angle: f32,
    /// The unit vector along the axis, in y-down screen coordinates: computed once, because
    /// fitting a chart places every label many times (a frame draws up to eleven charts).
    pub direction: Point,
    pub end: Point,
    pub h_align: HAlign,
    pub v_align: VAlign,
}

impl Axis {
    fn rect_at(&self, anchor: Point, size: (f32, f32)) -> Rect {
        let (w, h) = size;
        let x = match self.h_align {
            HAlign::Left => anchor.x,
            HAlign::Center => anchor.x - w / 2.0,
            HAlign::Right => anchor.x - w,
        };
        let y = match self.v_align {
            VAlign::Top => anchor.y,
            VAlign::Middle => anchor.y - h / 2.0,
            VAlign::Bottom => anchor.y - h,
        };
        Rect {
            min: Point::new(x, y),
            max: Point::new(x + w, y + h),
        }
    }
}

/// The chart's frame: centre, radius, axes and the rings of levels 1–5.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub center: Point,
    pub radius: f32,
    pub axes: Vec<Axis>,
    /// Ring `k` (0-based) is the polygon of level `k + 1`.
    pub rings: Vec<Vec<Point>>,
    /// The free space between the outer ring and the nearest label.
    pub label_gap: f32,
}

/// The direction of axis `i` of `n`: clockwise from the top.
fn angle(i: usize, n: usize) -> f32 {
    TAU * i as f32 / n as f32
}

/// The unit vector of `angle`, clockwise from the top in y-down screen coordinates.
fn direction(angle: f32) -> Point {
    let a = angle - FRAC_PI_2;
    Point::new(a.cos(), a.sin())
}

fn along(center: Point, direction: Point, distance: f32) -> Point {
    Point::new(
        center.x + distance * direction.x,
        center.y + distance * direction.y,
    )
}

impl Layout {
    /// A chart of `n` axes around `center` with outer radius `radius`, labels `label_gap` beyond it.
    pub fn new(n: usize, center: Point, radius: f32, label_gap: f32) -> Layout {
        let radius = radius.max(0.0);
        let axes = (0..n)
            .map(|i| {
                let angle = angle(i, n);
                let (sin, cos) = (angle.sin(), angle.cos());
                // Near the vertical the label is centred over or under the axis; elsewhere it sits
                // beside it, so that it grows away from the chart.
                let h_align = if sin.abs() < 0.2 {
                    HAlign::Center
                } else if sin > 0.0 {
                    HAlign::Left
                } else {
                    HAlign::Right
                };
                let v_align = if cos > 0.75 {
                    VAlign::Bottom
                } else if cos < -0.75 {
                    VAlign::Top
                } else {
                    VAlign::Middle
                };
                let direction = direction(angle);
                Axis {
                    angle,
                    direction,
                    end: along(center, direction, radius),
                    h_align,
                    v_align,
                }
            })
            .collect::<Vec<_>>();
        let rings = (1..=MAX_LEVEL as usize)
            .map(|level| {
                axes.iter()
                    .map(|axis| along(center, axis.direction, radius * level as f32 / MAX_LEVEL))
                    .collect()
            })
            .collect();
        Layout {
            center,
            radius,
            axes,
            rings,
            label_gap,
        }
    }

    /// The box of axis `i`'s label of `size` (width, height): aligned at the axis's anchor and, where
    /// a tall or wide label would still reach into the chart, moved outward along the axis until it
    /// keeps `label_gap` from the outer ring.
    pub fn label_rect(&self, i: usize, size: (f32, f32)) -> Rect {
        let axis = &self.axes[i];
        let clearance = self.radius + self.label_gap;
        let mut distance = clearance;
        let step = 1.0f32.max(clearance / 200.0);
        let limit = clearance + size.0 + size.1;
        loop {
            let rect = axis.rect_at(along(self.center, axis.direction, distance), size);
            if rect.distance_to(self.center) >= clearance - 0.01 || distance >= limit {
                return rect;
            }
            distance += step;
        }
    }

    /// The largest chart whose labels (of the given sizes) fit in `bounds`, centred in it.
    /// Shrinks the radius until every label box lies inside the bounds; never below `min_radius`.
    pub fn fit(
        bounds: Rect,
        label_sizes: &[(f32, f32)],
        label_gap: f32,
        min_radius: f32,
    ) -> Layout {
        let n = label_sizes.len();
        let center = Point::new(
            f32::midpoint(bounds.min.x, bounds.max.x),
            f32::midpoint(bounds.min.y, bounds.max.y),
        );
        let fits = |radius: f32| {
            let layout = Layout::new(n, center, radius, label_gap);
            label_sizes.iter().enumerate().all(|(i, &size)| {
                let r = layout.label_rect(i, size);
                r.min.x >= bounds.min.x - 0.01
                    && r.min.y >= bounds.min.y - 0.01
                    && r.max.x <= bounds.max.x + 0.01
                    && r.max.y <= bounds.max.y + 0.01
            })
        };
        let mut lo = min_radius.max(0.0);
        let mut hi = (bounds.width().min(bounds.height()) / 2.0).max(lo);
        if fits(hi) {
            lo = hi;
        } else {
            // Bisection: the labels move outward monotonically with the radius.
            for _ in 0..30 {
                let mid = f32::midpoint(lo, hi);
                if fits(mid) { lo = mid } else { hi = mid }
            }
        }
        Layout::new(n, center, lo, label_gap)
    }

    /// Where `level` (1.0–5.0) lies on axis `i`.
    pub fn point(&self, i: usize, level: f32) -> Point {
        // An axis the chart does not have (more values than axes) sits at the centre.
        self.axes.get(i).map_or(self.center, |axis| {
            along(
                self.center,
                axis.direction,
                self.radius * level.clamp(0.0, MAX_LEVEL) / MAX_LEVEL,
            )
        })
    }

    /// One series' vertices; `None` where the value is missing.
    pub fn series(&self, values: &[Option<f32>]) -> Vec<Option<Point>> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| self.point(i, v)))
            .collect()
    }
}

/// The outline of a series as runs of connected points. A missing value breaks the outline; a
/// series with every value present is one closed run (its first point repeated at the end).
pub fn outline_runs(points: &[Option<Point>]) -> Vec<Vec<Point>> {
    let n = points.len();
    if n == 0 {
        return Vec::new();
    }
    if points.iter().all(Option::is_some) {
        let mut run: Vec<Point> = points.iter().flatten().copied().collect();
        run.push(run[0]);
        return vec![run];
    }
    // Start right after a gap so that no run wraps around the end of the list.
    let start = points.iter().position(Option::is_none).map_or(0, |g| g + 1);
    let mut runs = Vec::new();
    let mut current = Vec::new();
    for k in 0..n {
        match points[(start + k) % n] {
            Some(p) => current.push(p),
            None => {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

#[cfg(test)] // Kept as the reference the fill polygons are tested against.
/// Triangles that fill a series: a fan from the centre over each pair of neighbouring present
/// vertices. A radar polygon with low values is not convex, so it cannot be filled as one convex
/// shape; every fan triangle is convex, and together they cover the polygon exactly, without overlap.
pub fn fill_triangles(center: Point, points: &[Option<Point>]) -> Vec<[Point; 3]> {
    let n = points.len();
    if n < 3 {
        return Vec::new();
    }
    (0..n)
        .filter_map(|i| Some([center, points[i]?, points[(i + 1) % n]?]))
        .collect()
}

/// The same area as [`fill_triangles`], as polygons for outputs that fill paths (SVG, PDF): the
/// whole polygon when every value is present, else one fan polygon (centre, then a run of
/// neighbouring vertices) per run. Filling polygons rather than triangles avoids hairline seams.
pub fn fill_polygons(center: Point, points: &[Option<Point>]) -> Vec<Vec<Point>> {
    if points.len() < 3 {
        return Vec::new();
    }
    if points.iter().all(Option::is_some) {
        return vec![points.iter().flatten().copied().collect()];
    }
    outline_runs(points)
        .into_iter()
        .filter(|run| run.len() >= 2)
        .map(|run| std::iter::once(center).chain(run).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const C: Point = Point::new(200.0, 200.0);

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    fn shoelace(points: &[Point]) -> f32 {
        let n = points.len();
        (0..n)
            .map(|i| {
                let (a, b) = (points[i], points[(i + 1) % n]);
                a.x * b.y - b.x * a.y
            })
            .sum::<f32>()
            .abs()
            / 2.0
    }

    fn triangle_area(t: &[Point; 3]) -> f32 {
        shoelace(t)
    }

    #[test]
    fn axes_run_clockwise_from_the_top() {
        let layout = Layout::new(4, C, 100.0, 10.0);
        let ends: Vec<(f32, f32)> = layout.axes.iter().map(|a| (a.end.x, a.end.y)).collect();
        let expected = [
            (200.0, 100.0),
            (300.0, 200.0),
            (200.0, 300.0),
            (100.0, 200.0),
        ];
        for (got, want) in ends.iter().zip(expected) {
            assert!(
                close(got.0, want.0) && close(got.1, want.1),
                "{got:?} vs {want:?}"
            );
        }
        assert_eq!(layout.axes[0].h_align, HAlign::Center);
        assert_eq!(layout.axes[0].v_align, VAlign::Bottom);
        assert_eq!(layout.axes[1].h_align, HAlign::Left);
        assert_eq!(layout.axes[2].v_align, VAlign::Top);
        assert_eq!(layout.axes[3].h_align, HAlign::Right);
    }

    #[test]
    fn rings_are_at_each_level() {
        let layout = Layout::new(10, C, 100.0, 10.0);
        assert_eq!(layout.rings.len(), 5);
        for (k, ring) in layout.rings.iter().enumerate() {
            assert_eq!(ring.len(), 10);
            for p in ring {
                assert!(close(p.distance(C), 20.0 * (k + 1) as f32));
            }
        }
    }

    #[test]
    fn missing_values_break_the_outline() {
        let layout = Layout::new(5, C, 100.0, 10.0);
        let all = layout.series(&[Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0)]);
        let runs = outline_runs(&all);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].len(), 6, "closed");
        let gap = layout.series(&[Some(1.0), None, Some(3.0), Some(4.0), Some(5.0)]);
        let runs = outline_runs(&gap);
        assert_eq!(runs.len(), 1, "one open run from item 3 round to item 1");
        assert_eq!(runs[0].len(), 4);
        assert_eq!(runs[0][0], gap[2].expect("present"));
        assert_eq!(
            fill_triangles(C, &gap).len(),
            3,
            "two triangles touching the gap are left out"
        );
        let two_gaps = layout.series(&[Some(1.0), None, Some(3.0), None, Some(5.0)]);
        assert_eq!(outline_runs(&two_gaps).len(), 2);
        assert!(outline_runs(&layout.series(&[None; 5])).is_empty());
    }

    fn arb_values() -> impl Strategy<Value = Vec<Option<f32>>> {
        prop::collection::vec(prop::option::of(1.0f32..=5.0), 3..12)
    }

    proptest! {
        #[test]
        fn points_stay_within_the_radius(values in arb_values(), radius in 10.0f32..500.0) {
            let layout = Layout::new(values.len(), C, radius, 8.0);
            for p in layout.series(&values).into_iter().flatten() {
                prop_assert!(p.distance(C) <= radius + 1e-3);
                prop_assert!(p.distance(C) >= radius / MAX_LEVEL - 1e-3);
            }
        }

        #[test]
        fn fill_covers_the_polygon_exactly(values in prop::collection::vec(1.0f32..=5.0, 3..12)) {
            let layout = Layout::new(values.len(), C, 150.0, 8.0);
            let points = layout.series(&values.iter().map(|&v| Some(v)).collect::<Vec<_>>());
            let triangles = fill_triangles(C, &points);
            prop_assert_eq!(triangles.len(), values.len());
            let polygon: Vec<Point> = points.iter().flatten().copied().collect();
            let fan: f32 = triangles.iter().map(triangle_area).sum();
            // Equal areas and every triangle inside its own angular sector: exact cover, no overlap.
            prop_assert!((fan - shoelace(&polygon)).abs() < 0.5, "fan {} vs polygon {}", fan, shoelace(&polygon));
        }

        #[test]
        fn fill_polygons_cover_what_the_triangles_cover(values in arb_values()) {
            let layout = Layout::new(values.len(), C, 150.0, 8.0);
            let points = layout.series(&values);
            let triangles: f32 = fill_triangles(C, &points).iter().map(triangle_area).sum();
            let polygons: f32 = fill_polygons(C, &points).iter().map(|p| shoelace(p)).sum();
            prop_assert!((triangles - polygons).abs() < 0.5, "triangles {} vs polygons {}", triangles, polygons);
        }

        #[test]
        fn fitted_labels_sit_outside_the_chart_inside_the_bounds_and_apart(
            width in 300.0f32..1600.0,
            height in 300.0f32..1200.0,
            label_w in 40.0f32..120.0,
            label_h in 12.0f32..40.0,
        ) {
            let bounds = Rect { min: Point::new(0.0, 0.0), max: Point::new(width, height) };
            let sizes = vec![(label_w, label_h); 10];
            let layout = Layout::fit(bounds, &sizes, 8.0, 20.0);
            let rects: Vec<Rect> = sizes.iter().enumerate().map(|(i, &s)| layout.label_rect(i, s)).collect();
            for r in &rects {
                prop_assert!(r.distance_to(layout.center) >= layout.radius, "label {:?} overlaps the chart", r);
            }
            if layout.radius > 20.0 {
                for r in &rects {
                    prop_assert!(r.min.x >= -0.1 && r.min.y >= -0.1 && r.max.x <= width + 0.1 && r.max.y <= height + 0.1);
                }
                // Labels of neighbouring axes do not overlap once the chart has room for them.
                if layout.radius > 2.0 * label_w.max(label_h) {
                    for i in 0..rects.len() {
                        for j in i + 1..rects.len() {
                            prop_assert!(!rects[i].intersects(&rects[j]), "labels {} and {} overlap", i, j);
                        }
                    }
                }
            }
        }
    }
}
