//! The bundled Japanese font (BIZ `UDPGothic`, SIL OFL 1.1): egui's own fonts have no Japanese glyphs.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

use crate::fonts::regular;

/// The family for headings and emphasis.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// BIZ `UDPGothic` first for every family, so Latin and Japanese share one design; egui's fonts
/// stay behind it for the symbols and emoji it lacks.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("biz-ud".into(), Arc::new(FontData::from_static(regular())));
    fonts.font_data.insert(
        "biz-ud-bold".into(),
        Arc::new(FontData::from_static(crate::fonts::bold())),
    );
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "biz-ud".into());
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Monospace) {
        list.push("biz-ud".into());
    }
    let mut bold_list = vec!["biz-ud-bold".to_owned()];
    bold_list.extend(fallbacks);
    fonts.families.insert(bold(), bold_list);
    fonts
}
