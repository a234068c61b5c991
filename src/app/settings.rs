//! What the window remembers between runs (with eframe's storage): language, zoom, theme, recent files.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the start screen lists.
const RECENT_MAX: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` follows the system language.
    pub lang: Option<Lang>,
    pub zoom: f32,
    pub theme: ThemeChoice,
    pub recent: Vec<PathBuf>,
    /// Whether the guidebook text is shown beside the answers on an item screen.
    pub show_guide: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            zoom: 1.0,
            theme: ThemeChoice::System,
            recent: Vec::new(),
            show_guide: true,
        }
    }
}

impl Settings {
    pub const KEY: &'static str = "kizuki.settings";

    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }

    /// Zoom within what stays usable: from a small laptop to the back row of a room.
    pub fn clamp_zoom(zoom: f32) -> f32 {
        if zoom.is_finite() {
            zoom.clamp(0.5, 3.0)
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.remember(Path::new(&format!("/nowhere/{i}.kizuki.ron")));
        }
        s.remember(Path::new("/nowhere/3.kizuki.ron"));
        assert_eq!(s.recent.len(), RECENT_MAX);
        assert_eq!(s.recent[0], Path::new("/nowhere/3.kizuki.ron"));
        assert_eq!(
            s.recent
                .iter()
                .filter(|p| p.ends_with("3.kizuki.ron"))
                .count(),
            1
        );
    }

    #[test]
    fn absurd_zoom_is_clamped() {
        assert_eq!(Settings::clamp_zoom(100.0), 3.0);
        assert_eq!(Settings::clamp_zoom(f32::NAN), 1.0);
    }
}
