//! What the window remembers between runs: language, zoom, theme, recent files. Kept in
//! `settings.ron` in Kizuki's data folder (which `KIZUKI_DATA_DIR` moves, for demonstrations and
//! tests), written as soon as it changes, so that a crash does not forget a file just opened.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the start screen lists.
const RECENT_MAX: usize = 10;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter,
)]
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
    /// Whether PDF and HTML exports are laid out for 庁内回覧, with boxes to stamp.
    pub export_circulation: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            zoom: 1.0,
            theme: ThemeChoice::System,
            recent: Vec::new(),
            show_guide: true,
            export_circulation: false,
        }
    }
}

/// The smallest and largest zoom: from a small laptop to the back row of a room.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);
/// One step of Ctrl+plus / Ctrl+minus.
pub const ZOOM_STEP: f32 = 0.1;

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }

    /// Zoom within what stays usable, rounded to a tenth so that steps land on round numbers.
    pub fn clamp_zoom(zoom: f32) -> f32 {
        if zoom.is_finite() {
            ((zoom * 10.0).round() / 10.0).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
        } else {
            1.0
        }
    }

    /// Reads the settings file; a missing or damaged one gives the defaults (the settings are a
    /// convenience, never a reason not to start).
    pub fn load(path: &Path) -> Settings {
        let Ok(bytes) = crate::file::read_limited(path) else {
            return Settings::default();
        };
        let mut settings: Settings = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| ron::from_str(text).ok())
            .unwrap_or_default();
        settings.zoom = Settings::clamp_zoom(settings.zoom);
        settings.recent.truncate(RECENT_MAX);
        settings
    }

    pub fn save(&self, path: &Path) -> Result<(), crate::file::FileError> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(crate::file::FileError::Serialize)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| crate::file::FileError::Write {
                path: dir.to_owned(),
                source,
            })?;
        }
        crate::file::write_private(path, text.as_bytes())
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
    #[allow(clippy::float_cmp)] // rounded to tenths, so exactly the literal
    fn absurd_zoom_is_clamped() {
        assert_eq!(Settings::clamp_zoom(100.0), 3.0);
        assert_eq!(Settings::clamp_zoom(f32::NAN), 1.0);
        assert_eq!(Settings::clamp_zoom(1.100_000_1), 1.1);
    }

    #[test]
    fn settings_round_trip_and_damage_gives_defaults() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("settings.ron");
        let mut s = Settings {
            lang: Some(Lang::En),
            zoom: 1.3,
            ..Settings::default()
        };
        s.remember(Path::new("/nowhere/a.kizuki.ron"));
        s.save(&path).expect("save");
        assert_eq!(Settings::load(&path), s);
        std::fs::write(&path, "(zoom: \"big\"").expect("write");
        assert_eq!(Settings::load(&path), Settings::default());
        assert_eq!(
            Settings::load(&dir.path().join("missing.ron")),
            Settings::default()
        );
    }
}
