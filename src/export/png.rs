//! The radar chart as a PNG for slides: the SVG export rendered at twice its size with resvg, with
//! the bundled font, so that it looks the same on every machine.

use crate::radar::Chart;
use std::sync::Arc;

/// Pixels per SVG unit: 2 gives a 1600 × 1600 picture, sharp on a projector.
pub const SCALE: f32 = 2.0;

/// Why the chart could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the chart's SVG cannot be read: {0}")]
    Svg(#[from] resvg::usvg::Error),
    #[error("the chart has no size")]
    NoSize,
    #[error("the PNG cannot be encoded: {0}")]
    Encode(String),
}

pub fn chart_png(chart: &Chart, title: &str) -> Result<Vec<u8>, PngError> {
    let svg = super::svg::chart_svg(chart, title, 800.0, 800.0);
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(crate::fonts::regular().to_vec());
    fonts.set_sans_serif_family(crate::fonts::FAMILY);
    let options = resvg::usvg::Options {
        font_family: crate::fonts::FAMILY.to_owned(),
        fontdb: Arc::new(fonts),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &options)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or(PngError::NoSize)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(PngError::NoSize)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}
