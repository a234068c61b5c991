//! Everything a person can ask for from a menu, a key or the command palette, with its label in
//! both languages, its shortcut and its hover text. The menus, the key handling, the palette and
//! the shortcut list are all generated from here, so that they cannot disagree.

use crate::export::Format;
use crate::i18n::Lang;
use crate::session::settings::ThemeChoice;
use crate::tr;

/// A key that a shortcut uses (a small, platform-neutral set; the window maps it to egui's keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    A,
    K,
    N,
    O,
    P,
    Q,
    S,
    T,
    Y,
    Z,
    Num0,
    Plus,
    Equals,
    Minus,
    ArrowLeft,
    ArrowRight,
    ArrowUp,
    ArrowDown,
    PageUp,
    PageDown,
    F1,
    F5,
    F11,
    Escape,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::A => "A",
            Key::K => "K",
            Key::N => "N",
            Key::O => "O",
            Key::P => "P",
            Key::Q => "Q",
            Key::S => "S",
            Key::T => "T",
            Key::Y => "Y",
            Key::Z => "Z",
            Key::Num0 => "0",
            Key::Plus => "+",
            Key::Equals => "=",
            Key::Minus => "-",
            Key::ArrowLeft => "←",
            Key::ArrowRight => "→",
            Key::ArrowUp => "↑",
            Key::ArrowDown => "↓",
            Key::PageUp => "PageUp",
            Key::PageDown => "PageDown",
            Key::F1 => "F1",
            Key::F5 => "F5",
            Key::F11 => "F11",
            Key::Escape => "Esc",
        }
    }
}

/// A key with modifiers. `command` is Cmd on macOS and Ctrl elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shortcut {
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
    pub key: Key,
}

impl Shortcut {
    const fn plain(key: Key) -> Shortcut {
        Shortcut {
            command: false,
            shift: false,
            alt: false,
            key,
        }
    }

    const fn cmd(key: Key) -> Shortcut {
        Shortcut {
            command: true,
            ..Shortcut::plain(key)
        }
    }

    const fn cmd_shift(key: Key) -> Shortcut {
        Shortcut {
            command: true,
            shift: true,
            ..Shortcut::plain(key)
        }
    }

    const fn alt(key: Key) -> Shortcut {
        Shortcut {
            alt: true,
            ..Shortcut::plain(key)
        }
    }

    /// How many modifiers it takes: longer combinations are checked first, so that Ctrl+Shift+S
    /// is not also taken as Ctrl+S.
    pub fn modifier_count(self) -> usize {
        usize::from(self.command) + usize::from(self.shift) + usize::from(self.alt)
    }

    /// "Ctrl+Shift+S", or "Cmd+Shift+S" on macOS.
    pub fn text(self, mac: bool) -> String {
        let mut parts = Vec::new();
        if self.command {
            parts.push(if mac { "Cmd" } else { "Ctrl" });
        }
        if self.alt {
            parts.push(if mac { "Option" } else { "Alt" });
        }
        if self.shift {
            parts.push("Shift");
        }
        parts.push(self.key.name());
        parts.join("+")
    }
}

/// Whether this build runs on macOS, where the command key is Cmd.
pub const IS_MAC: bool = cfg!(target_os = "macos");

/// One thing a person can ask for. Data-carrying variants (a format, a language, a theme) are one
/// command each per value, as the menus list them.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UICommand {
    New,
    Open,
    OpenByPath,
    OpenSample,
    Save,
    SaveAs,
    SaveByPath,
    Export(Format),
    ExportByPath,
    NextRound,
    ImportBaseline,
    ImportBaselineByPath,
    Close,
    Quit,
    Undo,
    Redo,
    ShowSetup,
    ShowOverview,
    NextItem,
    PreviousItem,
    NextTeam,
    PreviousTeam,
    TimerStartPause,
    TimerAddTime,
    PresenterWindow,
    ProjectorMode,
    ChartOnly,
    ToggleGuide,
    /// Whether PDF and HTML exports carry the 回覧 and 決裁 boxes.
    ExportCirculation,
    /// Compare the project files of a folder.
    CompareFiles,
    /// Paper answer sheets for the current team's members (PDF).
    PrintSheets,
    /// Key in paper answer sheets: members × items.
    EntryGrid,
    /// Merge another laptop's file into this project.
    MergeFile,
    Language(Lang),
    Theme(ThemeChoice),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    CommandPalette,
    Shortcuts,
    AboutChecklist,
}

impl UICommand {
    /// Every command, in the order the command palette lists them.
    pub fn all() -> Vec<UICommand> {
        use UICommand::*;
        let mut all = vec![New, Open, OpenByPath, OpenSample, Save, SaveAs, SaveByPath];
        all.extend(Format::ALL.iter().copied().map(Export));
        all.extend([
            ExportCirculation,
            ExportByPath,
            CompareFiles,
            PrintSheets,
            EntryGrid,
            MergeFile,
            NextRound,
            ImportBaseline,
            ImportBaselineByPath,
            Close,
            Quit,
            Undo,
            Redo,
            ShowSetup,
            ShowOverview,
            NextItem,
            PreviousItem,
            NextTeam,
            PreviousTeam,
            TimerStartPause,
            TimerAddTime,
            PresenterWindow,
            ProjectorMode,
            ChartOnly,
            ToggleGuide,
        ]);
        all.extend(Lang::ALL.into_iter().map(Language));
        all.extend(<ThemeChoice as strum::IntoEnumIterator>::iter().map(Theme));
        all.extend([
            ZoomIn,
            ZoomOut,
            ZoomReset,
            CommandPalette,
            Shortcuts,
            AboutChecklist,
        ]);
        all
    }

    /// The command's name in the translation files: `cmd.<key>.label` and `cmd.<key>.hint`.
    pub fn key(self) -> &'static str {
        use UICommand::*;
        match self {
            New => "new",
            Open => "open",
            OpenByPath => "open_by_path",
            OpenSample => "open_sample",
            Save => "save",
            SaveAs => "save_as",
            SaveByPath => "save_by_path",
            Export(_) => "export",
            ExportByPath => "export_by_path",
            NextRound => "next_round",
            ImportBaseline => "import_baseline",
            ImportBaselineByPath => "import_baseline_by_path",
            Close => "close",
            Quit => "quit",
            Undo => "undo",
            Redo => "redo",
            ShowSetup => "show_setup",
            ShowOverview => "show_overview",
            NextItem => "next_item",
            PreviousItem => "previous_item",
            NextTeam => "next_team",
            PreviousTeam => "previous_team",
            TimerStartPause => "timer_start_pause",
            TimerAddTime => "timer_add_time",
            PresenterWindow => "presenter_window",
            ProjectorMode => "projector_mode",
            ChartOnly => "chart_only",
            ToggleGuide => "toggle_guide",
            ExportCirculation => "export_circulation",
            CompareFiles => "compare_files",
            PrintSheets => "print_sheets",
            EntryGrid => "entry_grid",
            MergeFile => "merge_file",
            Language(_) => "language",
            Theme(_) => "theme",
            ZoomIn => "zoom_in",
            ZoomOut => "zoom_out",
            ZoomReset => "zoom_reset",
            CommandPalette => "command_palette",
            Shortcuts => "shortcuts",
            AboutChecklist => "about_checklist",
        }
    }

    /// The words of the value a data-carrying command is for ("PDF", "English", "ダーク").
    fn value_text(self, lang: Lang) -> Option<String> {
        match self {
            UICommand::Export(format) => Some(format.label(lang)),
            UICommand::Language(l) => Some(l.native_name().to_owned()),
            UICommand::Theme(theme) => Some(theme.label(lang)),
            _ => None,
        }
    }

    /// The name in menus and the palette, e.g. 「名前を付けて保存…」.
    pub fn label(self, lang: Lang) -> String {
        let key = format!("cmd.{}.label", self.key());
        match self.value_text(lang) {
            Some(value) => rust_i18n::replace_patterns(&lang.tr(&key), &["value"], &[value]),
            None => lang.tr(&key),
        }
    }

    /// The name within its menu, where the menu already says what kind it is ("PDF" under
    /// 書き出し, "English" under 表示言語).
    pub fn menu_label(self, lang: Lang) -> String {
        self.value_text(lang).unwrap_or_else(|| self.label(lang))
    }

    /// One sentence on what it does, for hover text and the palette.
    pub fn hint(self, lang: Lang) -> String {
        lang.tr(&format!("cmd.{}.hint", self.key()))
    }

    /// Its keyboard shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [Shortcut] {
        use Key as K;
        use UICommand::*;
        const NONE: &[Shortcut] = &[];
        match self {
            New => const { &[Shortcut::cmd(K::N)] },
            Open => const { &[Shortcut::cmd(K::O)] },
            Save => const { &[Shortcut::cmd(K::S)] },
            SaveAs => const { &[Shortcut::cmd_shift(K::S)] },
            Quit => const { &[Shortcut::cmd(K::Q)] },
            Undo => const { &[Shortcut::cmd(K::Z)] },
            Redo => const { &[Shortcut::cmd_shift(K::Z), Shortcut::cmd(K::Y)] },
            NextItem => const { &[Shortcut::cmd(K::ArrowRight), Shortcut::plain(K::PageDown)] },
            PreviousItem => const { &[Shortcut::cmd(K::ArrowLeft), Shortcut::plain(K::PageUp)] },
            NextTeam => const { &[Shortcut::alt(K::ArrowDown)] },
            PreviousTeam => const { &[Shortcut::alt(K::ArrowUp)] },
            TimerStartPause => const { &[Shortcut::cmd(K::T)] },
            ProjectorMode => const { &[Shortcut::plain(K::F5)] },
            // Where presentation programs put "present on the other screen".
            PresenterWindow => const { &[Shortcut::plain(K::F11)] },
            ZoomIn => const { &[Shortcut::cmd(K::Plus), Shortcut::cmd(K::Equals)] },
            ZoomOut => const { &[Shortcut::cmd(K::Minus)] },
            ZoomReset => const { &[Shortcut::cmd(K::Num0)] },
            CommandPalette => const { &[Shortcut::cmd(K::K), Shortcut::cmd_shift(K::P)] },
            Shortcuts => const { &[Shortcut::plain(K::F1)] },
            _ => NONE,
        }
    }

    /// How well `query` finds this command: `Some(0)` when every word of it is in the command's name
    /// (Japanese or English), `Some(1)` when only in its hint, `None` when not at all. An empty
    /// query finds everything.
    pub fn rank(self, query: &str) -> Option<u8> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let found_in = |text: String| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let names = Lang::ALL.map(|l| self.label(l)).join(" ");
        if found_in(names) {
            return Some(0);
        }
        let hints = Lang::ALL.map(|l| self.hint(l)).join(" ");
        found_in(hints).then_some(1)
    }

    /// The shortcut as menus show it, if it has one.
    pub fn shortcut_text(self) -> Option<String> {
        self.shortcuts().first().map(|s| s.text(IS_MAC))
    }

    /// Whether its shortcut also works while a text field has the keyboard. Moving between items
    /// with Ctrl+← and undoing with Ctrl+Z would take those keys from the field (word jumps, the
    /// field's own undo), so they wait until no field is being typed in.
    pub fn works_while_typing(self) -> bool {
        !matches!(
            self,
            UICommand::Undo
                | UICommand::Redo
                | UICommand::NextItem
                | UICommand::PreviousItem
                | UICommand::NextTeam
                | UICommand::PreviousTeam
        )
    }
}

impl Format {
    /// The format's name in menus: 「PDF（回覧・印刷用）」.
    pub fn label(self, lang: Lang) -> String {
        lang.tr(&format!("format.{}", self.key()))
    }
}

impl ThemeChoice {
    pub fn label(self, lang: Lang) -> String {
        match self {
            ThemeChoice::System => tr!(lang, "theme.system"),
            ThemeChoice::Light => tr!(lang, "theme.light"),
            ThemeChoice::Dark => tr!(lang, "theme.dark"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn every_command_has_a_label_and_a_hint_in_both_languages() {
        for command in UICommand::all() {
            for lang in Lang::ALL {
                let label = command.label(lang);
                let hint = command.hint(lang);
                assert!(
                    !label.trim().is_empty() && !label.starts_with("cmd."),
                    "{command:?} has no {lang} label"
                );
                assert!(
                    !hint.trim().is_empty() && !hint.starts_with("cmd."),
                    "{command:?} has no {lang} hint"
                );
                assert!(!label.contains("%{"), "{command:?}: {label}");
            }
            assert_ne!(
                command.label(Lang::Ja),
                command.label(Lang::En),
                "{command:?} is not translated"
            );
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: HashMap<Shortcut, UICommand> = HashMap::new();
        for command in UICommand::all() {
            for &shortcut in command.shortcuts() {
                if let Some(other) = seen.insert(shortcut, command) {
                    panic!("{command:?} and {other:?} share {}", shortcut.text(false));
                }
            }
        }
    }

    #[test]
    fn labels_are_unique_within_a_language() {
        for lang in Lang::ALL {
            let mut seen = HashMap::new();
            for command in UICommand::all() {
                if let Some(other) = seen.insert(command.label(lang), command) {
                    panic!("{command:?} and {other:?} share a {lang} label");
                }
            }
        }
    }

    #[test]
    fn the_palette_finds_commands_by_either_languages_name() {
        assert_eq!(UICommand::SaveAs.rank("名前"), Some(0));
        assert_eq!(UICommand::SaveAs.rank("save as"), Some(0));
        assert_eq!(UICommand::SaveAs.rank("SAVE"), Some(0));
        assert_eq!(UICommand::Export(Format::Pdf).rank("pdf"), Some(0));
        assert_eq!(UICommand::Undo.rank("pdf"), None);
        assert_eq!(UICommand::Undo.rank(""), Some(0));
    }

    #[test]
    fn shortcuts_read_as_on_each_platform() {
        let save_as = UICommand::SaveAs.shortcuts()[0];
        assert_eq!(save_as.text(false), "Ctrl+Shift+S");
        assert_eq!(save_as.text(true), "Cmd+Shift+S");
        assert_eq!(UICommand::Shortcuts.shortcut_text().as_deref(), Some("F1"));
    }
}
