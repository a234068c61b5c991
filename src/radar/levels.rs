//! The ring numbers (levels 1–5) and the key that names them.
//!
//! The numbers sit where the data leaves them free: in the sector between two neighbouring axes
//! that the series' lines and markers cross least, one number on each ring. Every output draws
//! them over the data on a small plate of the background colour, so that no line or marker ever
//! hides one (a review found 「3 試行中」 half hidden under a team's line). The level names go
//! into one key line under the chart rather than onto the rings, where a long English name ran
//! into an item's label.

use super::Chart;
use super::geometry::{Layout, Point, Rect, outline_runs};
use std::collections::BTreeSet;

/// One ring number and the box it is drawn in (its plate).
#[derive(Clone, Debug, PartialEq)]
pub struct LevelNumber {
    pub text: String,
    pub rect: Rect,
}

/// The ring numbers for `chart` drawn in `layout`, without the series in `hidden`. `size` is the
/// box of one number (width, height) in the chart's units, `reach` how far around a line or a
/// marker must stay free (half a stroke, a marker's radius).
pub fn level_numbers(
    layout: &Layout,
    chart: &Chart,
    hidden: &BTreeSet<usize>,
    size: (f32, f32),
    reach: f32,
) -> Vec<LevelNumber> {
    let n = layout.axes.len();
    if n == 0 || layout.radius <= 0.0 {
        return Vec::new();
    }
    let series: Vec<Vec<Option<Point>>> = chart
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden.contains(i))
        .map(|(_, s)| layout.series(&s.values))
        .collect();
    // The sector the data crosses least; among equals, the first clockwise from the top.
    let best = (0..n)
        .map(|sector| {
            let rects = sector_rects(layout, sector, size);
            (crossings(&rects, &series, reach), sector, rects)
        })
        .min_by_key(|(cost, sector, _)| (*cost, *sector));
    let Some((_, _, rects)) = best else {
        return Vec::new();
    };
    rects
        .into_iter()
        .enumerate()
        .map(|(k, rect)| LevelNumber {
            text: (k + 1).to_string(),
            rect,
        })
        .collect()
}

/// One line naming the levels: "1 未着手 · 2 検討中 · …".
pub fn level_key(chart: &Chart) -> String {
    chart
        .level_names
        .iter()
        .enumerate()
        .map(|(k, name)| format!("{} {name}", k + 1))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The number boxes of sector `sector` (between axis `sector` and the next), each centred where
/// its ring crosses the sector's middle.
fn sector_rects(layout: &Layout, sector: usize, (w, h): (f32, f32)) -> Vec<Rect> {
    let n = layout.axes.len();
    let first = layout.axes[0].direction;
    layout
        .rings
        .iter()
        .map(|ring| {
            // The ring's edge between the two axes: its middle is the mean of its two corners.
            let (pa, pb) = (
                ring.get(sector).copied().unwrap_or(layout.center),
                ring.get((sector + 1) % n).copied().unwrap_or(layout.center),
            );
            let mid = if n >= 3 {
                Point::new(f32::midpoint(pa.x, pb.x), f32::midpoint(pa.y, pb.y))
            } else {
                // Two axes or one make no sector: the numbers go along the first axis.
                let r = pa.distance(layout.center);
                Point::new(layout.center.x + r * first.x, layout.center.y + r * first.y)
            };
            Rect {
                min: Point::new(mid.x - w / 2.0, mid.y - h / 2.0),
                max: Point::new(mid.x + w / 2.0, mid.y + h / 2.0),
            }
        })
        .collect()
}

/// How many of the series' segments and markers come within `reach` of one of `rects`.
fn crossings(rects: &[Rect], series: &[Vec<Option<Point>>], reach: f32) -> usize {
    let grown: Vec<Rect> = rects
        .iter()
        .map(|r| Rect {
            min: Point::new(r.min.x - reach, r.min.y - reach),
            max: Point::new(r.max.x + reach, r.max.y + reach),
        })
        .collect();
    let mut count = 0;
    for points in series {
        for run in outline_runs(points) {
            for pair in run.windows(2) {
                count += grown
                    .iter()
                    .filter(|r| segment_meets(r, pair[0], pair[1]))
                    .count();
            }
        }
        for p in points.iter().flatten() {
            count += grown.iter().filter(|r| r.distance_to(*p) == 0.0).count();
        }
    }
    count
}

/// Whether the segment `a`–`b` touches `rect` (Liang–Barsky clipping).
fn segment_meets(rect: &Rect, a: Point, b: Point) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut t0: f32 = 0.0;
    let mut t1: f32 = 1.0;
    for (p, q) in [
        (-dx, a.x - rect.min.x),
        (dx, rect.max.x - a.x),
        (-dy, a.y - rect.min.y),
        (dy, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::{Series, SeriesKind};

    fn chart_with(values: Vec<Vec<Option<f32>>>) -> Chart {
        let mut chart = Chart::axes(crate::Lang::Ja);
        for (i, v) in values.into_iter().enumerate() {
            chart.series.push(Series {
                name: format!("team {i}"),
                kind: SeriesKind::Scores,
                color: crate::style::team_color(i),
                marks: crate::style::team_marks(i),
                values: v,
            });
        }
        chart
    }

    fn layout() -> Layout {
        Layout::new(10, Point::new(200.0, 200.0), 150.0, 10.0)
    }

    #[test]
    fn segments_meet_rectangles_only_where_they_cross() {
        let r = Rect {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 10.0),
        };
        assert!(segment_meets(
            &r,
            Point::new(-5.0, 5.0),
            Point::new(15.0, 5.0)
        ));
        assert!(segment_meets(
            &r,
            Point::new(5.0, 5.0),
            Point::new(6.0, 6.0)
        ));
        assert!(!segment_meets(
            &r,
            Point::new(-5.0, -5.0),
            Point::new(-1.0, 20.0)
        ));
        assert!(!segment_meets(
            &r,
            Point::new(11.0, 0.0),
            Point::new(20.0, 9.0)
        ));
        // A diagonal passing by a corner misses it.
        assert!(!segment_meets(
            &r,
            Point::new(12.0, 0.0),
            Point::new(20.0, -8.0)
        ));
    }

    #[test]
    fn numbers_take_the_sector_the_data_crosses_least() {
        // Every closed outline crosses every sector somewhere: the best sector is the one where
        // it crosses between the rings' numbers, not over them.
        let project = crate::project::sample_project();
        let chart = Chart::of_project(&project, crate::Lang::Ja, None);
        let layout = layout();
        let numbers = level_numbers(&layout, &chart, &BTreeSet::new(), (8.0, 11.0), 3.0);
        assert_eq!(numbers.len(), 5);
        let series: Vec<_> = chart
            .series
            .iter()
            .map(|s| layout.series(&s.values))
            .collect();
        let chosen: Vec<Rect> = numbers.iter().map(|n| n.rect).collect();
        let cost = crossings(&chosen, &series, 3.0);
        for sector in 0..10 {
            let other = crossings(&sector_rects(&layout, sector, (8.0, 11.0)), &series, 3.0);
            assert!(cost <= other, "sector {sector}: {other} < {cost}");
        }
        // The numbers run outward, one on each ring.
        let distance = |n: &LevelNumber| {
            Point::new(
                f32::midpoint(n.rect.min.x, n.rect.max.x),
                f32::midpoint(n.rect.min.y, n.rect.max.y),
            )
            .distance(layout.center)
        };
        for pair in numbers.windows(2) {
            assert!(distance(&pair[0]) < distance(&pair[1]), "{numbers:?}");
        }
    }

    #[test]
    fn numbers_move_out_of_the_way_of_a_line_on_a_ring() {
        // Halfway between rings 2 and 3 everywhere, except items 1 and 2 on ring 3: the line
        // between them runs over the first sector's 3.
        let mut values = vec![Some(2.5); 10];
        values[0] = Some(3.0);
        values[1] = Some(3.0);
        let chart = chart_with(vec![values]);
        let layout = layout();
        let size = (8.0, 11.0);
        let free = level_numbers(&layout, &chart_with(vec![]), &BTreeSet::new(), size, 3.0);
        assert_eq!(
            free[2].rect,
            sector_rects(&layout, 0, size)[2],
            "first sector by default"
        );
        let moved = level_numbers(&layout, &chart, &BTreeSet::new(), size, 3.0);
        let series = vec![layout.series(&chart.series[0].values)];
        let rects: Vec<Rect> = moved.iter().map(|n| n.rect).collect();
        assert_eq!(crossings(&rects, &series, 3.0), 0, "{moved:?}");
        assert_ne!(free[2].rect, moved[2].rect);
        // Hidden series do not count.
        let hidden = BTreeSet::from([0]);
        assert_eq!(level_numbers(&layout, &chart, &hidden, size, 3.0), free);
    }

    #[test]
    fn the_key_names_every_level_in_order() {
        let chart = Chart::axes(crate::Lang::Ja);
        let key = level_key(&chart);
        assert!(key.starts_with("1 "), "{key}");
        for (k, name) in chart.level_names.iter().enumerate() {
            assert!(key.contains(&format!("{} {name}", k + 1)), "{key}");
        }
    }
}
