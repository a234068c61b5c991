//! The bundled Japanese font, BIZ `UDPGothic` (SIL OFL 1.1, `assets/fonts/OFL.txt`): the window draws
//! with it and the PDF export embeds a subset of it, so both show the same letters.

//!
//! The two faces are 4.6 MB each; they are stored deflated in the binary (build.rs), 3 MB each,
//! and inflated once, on first use (a few milliseconds).

use std::sync::OnceLock;

static REGULAR_DEFLATED: &[u8] = include_bytes!(concat!(
    env!("OUT_DIR"),
    "/BIZUDPGothic-Regular.ttf.deflate"
));
static BOLD_DEFLATED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/BIZUDPGothic-Bold.ttf.deflate"));

/// The regular face's TrueType bytes.
pub fn regular() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| inflate(REGULAR_DEFLATED))
}

/// The bold face's TrueType bytes.
pub fn bold() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| inflate(BOLD_DEFLATED))
}

/// Both faces inflated afresh, their total length: what the first use costs (benches/frame.rs).
#[doc(hidden)]
pub fn inflate_all() -> usize {
    inflate(REGULAR_DEFLATED).len() + inflate(BOLD_DEFLATED).len()
}

/// Inflates a face compressed by build.rs from the file in the source tree; an empty result
/// (impossible unless the build was tampered with) makes every user of the font report it.
fn inflate(deflated: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec(deflated).unwrap_or_default()
}

/// The family name the font declares, for documents that refer to it by name (SVG, HTML).
pub const FAMILY: &str = "BIZ UDPGothic";

/// Glyph advances of a font, for laying text out without a renderer (the PDF export).
pub struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Metrics {
    /// `None` only if the bundled file were not a font, which a test rules out.
    pub fn new(data: &'static [u8]) -> Option<Metrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        Some(Metrics { face, units_per_em })
    }

    /// The width of `text` at `size` points. Characters the font lacks count as one em, as the
    /// replacement box they become would.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(self.units_per_em, f32::from)
            })
            .sum::<f32>()
            * size
            / self.units_per_em
    }

    /// The height above the baseline, as a share of the size.
    pub fn ascent(&self) -> f32 {
        f32::from(self.face.ascender()) / self.units_per_em
    }

    pub fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_parse_and_measure() {
        for data in [regular(), bold()] {
            let m = Metrics::new(data).expect("the bundled font parses");
            assert!(m.has_glyph('気') && m.has_glyph('A'));
            let wide = m.width("日本語", 10.0);
            assert!(
                (wide - 30.0).abs() < 1.0,
                "three full-width characters are three ems: {wide}"
            );
            assert!(m.width("iii", 10.0) < wide);
            assert!(m.ascent() > 0.7 && m.ascent() < 1.2);
        }
    }
}
