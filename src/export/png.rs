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
    encode(&pixmap).map_err(|e| PngError::Encode(e.to_string()))
}

/// The picture as PNG, compressed fast: tiny-skia's own encoder compresses at zlib's default
/// level, which took longer than drawing the chart (160 ms of a 1600 × 1600 picture against
/// 130 ms; the export's goal is 150 ms in all) for a file a few per cent smaller.
fn encode(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    // The chart is drawn on an opaque white rectangle, so every pixel has full alpha and the
    // premultiplied pixels tiny-skia keeps are the straight RGBA PNG wants.
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixmap.data())?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_chart_is_an_opaque_picture_twice_the_svgs_size() {
        let chart = crate::radar::Chart::of_project(
            &crate::project::sample_project(),
            crate::Lang::Ja,
            None,
        );
        let bytes = super::chart_png(&chart, "t").expect("renders");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut pixels).expect("pixels");
        assert_eq!((info.width, info.height), (1600, 1600));
        assert_eq!(info.color_type, png::ColorType::Rgba);
        // Opaque everywhere: the premultiplied pixels written as they are are the right colours.
        assert!(pixels.chunks(4).all(|p| p[3] == 255));
        // And a chart, not a blank: many colours.
        let colours: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
        assert!(colours.len() > 100, "{}", colours.len());
    }
}
