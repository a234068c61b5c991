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

/// Grey for the previous round's outline.
pub const BASELINE_COLOR: Rgb = [0x88, 0x88, 0x88];

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
    /// The dash and gap of a target's outline.
    pub target_dash: [f32; 2],
    /// How opaque a team's filled area is.
    pub fill_opacity: f32,
    /// How opaque a team's swatch in the legend is (more than the fill: it is small).
    pub swatch_opacity: f32,
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
            target_dash: [self.target_dash[0] * k, self.target_dash[1] * k],
            ..self
        }
    }
}

/// The one chart style.
pub const CHART: ChartStyle = ChartStyle {
    scores_stroke: 2.5,
    target_stroke: 2.0,
    baseline_stroke: 1.2,
    point_radius: 3.5,
    grid_stroke: 1.0,
    outer_ring_stroke: 1.5,
    target_dash: [7.0, 5.0],
    fill_opacity: 0.25,
    swatch_opacity: 0.4,
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
    fn hex_colours() {
        assert_eq!(hex(PALETTE[0]), "#0072b2");
    }
}
