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
    /// Networks entered for the Wi-Fi QR code, the one shown first. Kept here (0600) only: never
    /// in a project file or an export.
    pub wifi: Vec<crate::vote::qr::Wifi>,
    /// Whether the first of them is shown beside the vote's QR code.
    pub show_wifi: bool,
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
            wifi: Vec::new(),
            show_wifi: false,
        }
    }
}

/// A settings file that could not be read, and where a copy of it was kept (`None` when even
/// the copy failed: the folder is read-only, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    pub file: PathBuf,
    pub kept: Option<PathBuf>,
}

impl Damaged {
    fn keep(path: &Path) -> Damaged {
        let mut name = path.as_os_str().to_owned();
        name.push(".damaged");
        let copy = PathBuf::from(name);
        Damaged {
            file: path.to_owned(),
            kept: std::fs::copy(path, &copy).ok().map(|_| copy),
        }
    }
}

/// The smallest and largest zoom: from a small laptop to the back row of a room.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);
/// One step of Ctrl+plus / Ctrl+minus.
pub const ZOOM_STEP: f32 = 0.1;

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        // dunce: on Windows the path a user knows (C:\…), not the `\\?\C:\…` form.
        let path = dunce::canonicalize(path).unwrap_or_else(|_| path.to_owned());
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

    /// Reads the settings file. A missing one gives the defaults; so does a damaged one (the
    /// settings are a convenience, never a reason not to start), but it is first copied aside,
    /// since the defaults will be written over it at the next change, and the copy is reported.
    pub fn load(path: &Path) -> (Settings, Option<Damaged>) {
        let bytes = match crate::file::read_limited(path) {
            Ok(bytes) => bytes,
            Err(crate::file::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Settings::default(), None);
            }
            Err(_) => return (Settings::default(), Some(Damaged::keep(path))),
        };
        let parsed = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| ron::from_str::<Settings>(text).ok());
        let Some(mut settings) = parsed else {
            return (Settings::default(), Some(Damaged::keep(path)));
        };
        settings.zoom = Settings::clamp_zoom(settings.zoom);
        settings.recent.truncate(RECENT_MAX);
        (settings, None)
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
    #[expect(
        clippy::float_cmp,
        reason = "rounded to tenths, so exactly the literal"
    )]
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
        assert_eq!(Settings::load(&path), (s, None));
        assert_eq!(
            Settings::load(&dir.path().join("missing.ron")),
            (Settings::default(), None)
        );
        let damaged = "(zoom: \"big\"";
        std::fs::write(&path, damaged).expect("write");
        let (settings, report) = Settings::load(&path);
        assert_eq!(settings, Settings::default());
        let report = report.expect("the damage is reported");
        let kept = report.kept.expect("a copy is kept");
        assert_eq!(std::fs::read_to_string(kept).expect("copy"), damaged);
    }
}
