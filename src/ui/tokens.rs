//! The window's design tokens: text sizes, spacing, corner radii. Colours of the chart and of the
//! printed documents are in [`crate::style`], shared with the exports.
//!
//! Sizes are larger than egui's defaults: Japanese needs the size, and the window is often on a
//! projector.

use crate::style::Rgb;

/// Text sizes, in points before zoom.
pub mod text {
    pub const SMALL: f32 = 12.0;
    pub const BODY: f32 = 15.0;
    pub const MONOSPACE: f32 = 14.0;
    /// The guidebook's paragraphs, read aloud from the screen.
    pub const READING: f32 = 16.0;
    /// The item's 概要, the first thing read.
    pub const LEAD: f32 = 17.0;
    /// Large buttons on the start screen and at the end of the setup.
    pub const LARGE_BUTTON: f32 = 17.0;
    /// A section of a screen (投票, 合意したスコア, …).
    pub const SECTION: f32 = 18.0;
    /// A dialog's title.
    pub const DIALOG_TITLE: f32 = 20.0;
    /// A screen's title.
    pub const HEADING: f32 = 24.0;
    /// The item's title on its screen.
    pub const ITEM_TITLE: f32 = 26.0;
    /// The app's name on the start screen.
    pub const HERO: f32 = 34.0;
}

/// Line heights for running text.
pub mod line {
    pub const READING: f32 = 24.0;
    pub const LEAD: f32 = 26.0;
}

/// Spacing, in points.
pub mod space {
    pub const XS: f32 = 2.0;
    pub const S: f32 = 4.0;
    pub const M: f32 = 8.0;
    pub const L: f32 = 12.0;
    pub const XL: f32 = 16.0;
    pub const XXL: f32 = 24.0;
    /// Inside framed groups and banners.
    pub const FRAME: f32 = 10.0;
    /// Between widgets in a row, and between rows.
    pub const ITEM: [f32; 2] = [8.0, 6.0];
    pub const BUTTON_PADDING: [f32; 2] = [8.0, 4.0];
    /// The height of a clickable row.
    pub const INTERACT: f32 = 24.0;
    /// Entries of the side panel.
    pub const NAV_ROW: f32 = 30.0;
}

pub mod radius {
    pub const FRAME: f32 = 6.0;
    pub const SWATCH: f32 = 2.0;
}

/// A colour token as egui's colour.
pub fn color(rgb: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}
