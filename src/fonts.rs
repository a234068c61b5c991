//! The bundled Japanese font, BIZ `UDPGothic` (SIL OFL 1.1, `assets/fonts/OFL.txt`): the window draws
//! with it and the PDF export embeds a subset of it, so both show the same letters.

//!
//! The two faces are 4.6 MB each; they are stored deflated in the binary (build.rs), 3 MB each,
//! and inflated once, on first use (a few milliseconds).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

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

/// One glyph of a run of text, as `Metrics::glyphs` places it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// The font's glyph index (0: the font lacks the character).
    pub id: u16,
    /// How far the pen moves after it, in ems.
    pub advance_em: f32,
    /// The bytes of the text this glyph stands for.
    pub text: std::ops::Range<usize>,
}

/// Glyph advances of a font, for laying text out without a renderer (the PDF export).
pub struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: u16,
    /// Per character of the Basic Multilingual Plane, its glyph and advance once looked up
    /// (`glyph << 16 | advance`; 0: not yet). Looking characters up in the large Japanese face's
    /// character map was a quarter of a PDF export, which measures every phrase many times.
    known: Box<[AtomicU32]>,
}

impl Metrics {
    /// `None` only if the bundled file were not a font, which a test rules out.
    pub fn new(data: &'static [u8]) -> Option<Metrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = face.units_per_em();
        let known = (0..=u16::MAX).map(|_| AtomicU32::new(0)).collect();
        Some(Metrics {
            face,
            units_per_em,
            known,
        })
    }

    /// The glyph of `c` and its advance in font units: glyph 0, one em wide, where the font
    /// lacks it (as the replacement box it becomes would be).
    fn glyph(&self, c: char) -> (u16, u16) {
        let slot = self.known.get(c as usize);
        // A glyph found is never 0, and a missing one is one em (never 0) wide: 0 means unknown.
        if let Some(packed) = slot.map(|s| s.load(Ordering::Relaxed)).filter(|p| *p != 0) {
            let [g1, g0, a1, a0] = packed.to_be_bytes();
            return (u16::from_be_bytes([g1, g0]), u16::from_be_bytes([a1, a0]));
        }
        let id = self.face.glyph_index(c);
        let advance = id
            .and_then(|g| self.face.glyph_hor_advance(g))
            .unwrap_or(self.units_per_em);
        let id = id.map_or(0, |g| g.0);
        if let Some(slot) = slot {
            slot.store(u32::from(id) << 16 | u32::from(advance), Ordering::Relaxed);
        }
        (id, advance)
    }

    /// The width of `text` at `size` points. Characters the font lacks count as one em, as the
    /// replacement box they become would.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| f32::from(self.glyph(c).1)).sum();
        units * size / f32::from(self.units_per_em)
    }

    /// The glyphs of `text` one per character, each with its advance in ems and the bytes of
    /// `text` it stands for: exactly what `width` measured, so a writer that places these (the
    /// PDF) puts every character where the layout counted it, without shaping the text again.
    /// A character the font lacks becomes glyph 0, one em wide, as in `width`.
    pub fn glyphs<'a>(&'a self, text: &'a str) -> impl Iterator<Item = PlacedGlyph> + 'a {
        text.char_indices().map(|(at, c)| {
            let (id, advance) = self.glyph(c);
            PlacedGlyph {
                id,
                advance_em: f32::from(advance) / f32::from(self.units_per_em),
                text: at..at + c.len_utf8(),
            }
        })
    }

    /// The height above the baseline, as a share of the size.
    pub fn ascent(&self) -> f32 {
        f32::from(self.face.ascender()) / f32::from(self.units_per_em)
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
            // The glyphs add up to the width, and cover the text byte by byte.
            let text = "気づき Ai\u{10FFFF}";
            let glyphs: Vec<PlacedGlyph> = m.glyphs(text).collect();
            let sum: f32 = glyphs.iter().map(|g| g.advance_em * 10.0).sum();
            assert!((sum - m.width(text, 10.0)).abs() < 1e-3, "{sum}");
            assert_eq!(glyphs.last().map(|g| g.id), Some(0), "a missing glyph is 0");
            assert!(glyphs.iter().take(5).all(|g| g.id != 0));
            let covered: String = glyphs.iter().map(|g| &text[g.text.clone()]).collect();
            assert_eq!(covered, text);
        }
    }
}
