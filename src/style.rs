//! Design tokens shared by the window and every export: the chart's colours, strokes and marks,
//! and the colours of printed documents. One definition, so that the radar in the window, the SVG,
//! the PNG, the PDF and the HTML are the same picture.

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// `#rrggbb`, for SVG and CSS.
pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// Colours of printed documents (PDF, HTML, SVG): dark ink on white paper.
pub mod paper {
    use super::Rgb;
    pub const INK: Rgb = [0x1f, 0x23, 0x28];
    pub const MUTED: Rgb = [0x59, 0x63, 0x6e];
    /// Table rules and the chart's grid.
    pub const RULE: Rgb = [0xc8, 0xcd, 0xd3];
    /// Table headers.
    pub const BAND: Rgb = [0xee, 0xf1, 0xf4];
    /// Overdue dates.
    pub const WARN: Rgb = [0xb3, 0x59, 0x00];
    pub const WHITE: Rgb = [0xff, 0xff, 0xff];
}

/// Series colours: the Okabe–Ito palette, distinct for the common kinds of colour blindness and
/// readable on both light and dark backgrounds.
pub const PALETTE: [Rgb; 7] = [
    [0x00, 0x72, 0xB2], // blue
    [0xE6, 0x9F, 0x00], // orange
    [0x00, 0x9E, 0x73], // bluish green
    [0xCC, 0x79, 0xA7], // reddish purple
    [0x56, 0xB4, 0xE9], // sky blue
    [0xD5, 0x5E, 0x00], // vermillion
    [0xF0, 0xE4, 0x42], // yellow
];

/// The colour of the `index`-th team.
pub fn team_color(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

/// From this many teams on, one chart of every team is unreadable: the window and the documents
/// show one small chart per team on the same scale, and one of the teams' median.
pub const SMALL_MULTIPLES_FROM: usize = 5;

/// Dark slate for the median of many teams: apart from every team's colour.
pub const MEDIAN_COLOR: Rgb = [0x3a, 0x46, 0x58];

/// Grey for the previous round's outline.
pub const BASELINE_COLOR: Rgb = [0x88, 0x88, 0x88];

/// The shape marking a team's points, so that teams stay apart in a grey printout too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    InvertedTriangle,
}

/// How a team's lines and points look apart from their colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamMarks {
    pub marker: Marker,
    /// Dash and gap of the team's outlines, in units of the stroke's width; `None` for solid.
    pub dash: Option<[f32; 2]>,
}

const MARKS: [TeamMarks; 5] = [
    TeamMarks {
        marker: Marker::Circle,
        dash: None,
    },
    TeamMarks {
        marker: Marker::Square,
        dash: Some([4.0, 2.0]),
    },
    TeamMarks {
        marker: Marker::Triangle,
        dash: Some([1.0, 1.6]),
    },
    TeamMarks {
        marker: Marker::Diamond,
        dash: Some([5.0, 1.5]),
    },
    TeamMarks {
        marker: Marker::InvertedTriangle,
        dash: Some([2.5, 2.5]),
    },
];

/// The marker and line pattern of the `index`-th team.
pub fn team_marks(index: usize) -> TeamMarks {
    MARKS[index % MARKS.len()]
}

impl TeamMarks {
    /// The dash pattern in drawing units for a line `width` wide.
    pub fn dash_for(self, width: f32) -> Option<[f32; 2]> {
        self.dash.map(|[on, off]| [on * width, off * width])
    }
}

impl Marker {
    /// The marker as a polygon around `center`, `radius` from it (a circle with enough sides to
    /// look round), for every output to draw alike.
    pub fn polygon(self, center: crate::geom::Point, radius: f32) -> Vec<crate::geom::Point> {
        // Squares and diamonds look larger than a circle of the same radius: a little smaller.
        let (shape, scale) = match self {
            Marker::Circle => (0, 1.0),
            Marker::Square => (1, 1.15),
            Marker::Diamond => (2, 1.25),
            Marker::Triangle => (3, 1.35),
            Marker::InvertedTriangle => (4, 1.35),
        };
        let r = radius * scale;
        unit_polygons()[shape]
            .iter()
            .map(|u| crate::geom::Point::new(center.x + r * u.x, center.y + r * u.y))
            .collect()
    }
}

/// The markers' corners on a unit circle, computed once: a frame of ten small charts draws
/// hundreds of markers.
fn unit_polygons() -> &'static [Vec<crate::geom::Point>; 5] {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI, TAU};
    static UNITS: std::sync::OnceLock<[Vec<crate::geom::Point>; 5]> = std::sync::OnceLock::new();
    UNITS.get_or_init(|| {
        let around = |n: usize, turn: f32| -> Vec<crate::geom::Point> {
            (0..n)
                .map(|k| {
                    let a = turn + TAU * k as f32 / n as f32 - FRAC_PI_2;
                    crate::geom::Point::new(a.cos(), a.sin())
                })
                .collect()
        };
        [
            around(16, 0.0),
            around(4, FRAC_PI_4),
            around(4, 0.0),
            around(3, 0.0),
            around(3, PI),
        ]
    })
}

/// The radar chart's strokes and marks, for a chart whose outer ring is
/// [`ChartStyle::REFERENCE_SIZE`] across; [`ChartStyle::at`] fits them to the size a chart is drawn at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    pub scores_stroke: f32,
    pub target_stroke: f32,
    pub baseline_stroke: f32,
    /// The dots on a team's scores.
    pub point_radius: f32,
    pub grid_stroke: f32,
    pub outer_ring_stroke: f32,
    /// How opaque a team's filled area is.
    pub fill_opacity: f32,
    /// The free space between the outer ring and the item labels, in ems of the labels' font.
    pub label_gap_em: f32,
}

impl ChartStyle {
    /// The diameter of the outer ring at which the values apply as they are.
    pub const REFERENCE_SIZE: f32 = 400.0;

    /// How much to scale the strokes for an outer ring `size` across: thinner for a small chart on
    /// paper, a little bolder for a large one on a projector, within bounds that keep lines visible.
    pub fn scale(size: f32) -> f32 {
        (size / Self::REFERENCE_SIZE).clamp(0.6, 1.4)
    }

    /// The style for a chart whose outer ring is `size` across.
    #[must_use]
    pub fn at(self, size: f32) -> ChartStyle {
        let k = Self::scale(size);
        ChartStyle {
            scores_stroke: self.scores_stroke * k,
            target_stroke: self.target_stroke * k,
            baseline_stroke: self.baseline_stroke * k,
            point_radius: self.point_radius * k,
            grid_stroke: self.grid_stroke * k,
            outer_ring_stroke: self.outer_ring_stroke * k,
            ..self
        }
    }
}

/// The one chart style.
pub const CHART: ChartStyle = ChartStyle {
    scores_stroke: 2.5,
    target_stroke: 1.6,
    baseline_stroke: 1.2,
    point_radius: 3.5,
    grid_stroke: 1.0,
    outer_ring_stroke: 1.5,
    fill_opacity: 0.25,
    label_gap_em: 0.7,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strokes_scale_with_the_chart_within_bounds() {
        let print = CHART.at(200.0);
        let screen = CHART.at(ChartStyle::REFERENCE_SIZE);
        let huge = CHART.at(5000.0);
        assert_eq!(screen, CHART);
        assert!(print.scores_stroke < screen.scores_stroke);
        assert!((print.scores_stroke - CHART.scores_stroke * 0.6).abs() < 1e-6);
        assert!((huge.scores_stroke - CHART.scores_stroke * 1.4).abs() < 1e-6);
        // The order of emphasis is the same at every size.
        for s in [print, screen, huge] {
            assert!(s.scores_stroke > s.target_stroke && s.target_stroke > s.baseline_stroke);
        }
    }

    #[test]
    fn the_first_teams_differ_in_shape_and_line_as_well_as_colour() {
        for a in 0..5 {
            for b in 0..5 {
                if a != b {
                    assert_ne!(team_marks(a).marker, team_marks(b).marker);
                    assert_ne!(team_marks(a).dash, team_marks(b).dash);
                    assert_ne!(team_color(a), team_color(b));
                }
            }
        }
        let c = crate::geom::Point::new(10.0, 10.0);
        assert_eq!(Marker::Triangle.polygon(c, 3.0).len(), 3);
        assert_eq!(Marker::Square.polygon(c, 3.0).len(), 4);
        for p in Marker::Circle.polygon(c, 3.0) {
            assert!((p.distance(c) - 3.0).abs() < 1e-4);
        }
    }

    #[test]
    fn hex_colours() {
        assert_eq!(hex(PALETTE[0]), "#0072b2");
    }
}
