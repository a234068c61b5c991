//! Keyboard shortcuts, from [`UICommand::shortcuts`]: the same table the menus and the palette show.

use crate::session::ui_command::{Key, Shortcut};
use crate::session::{Session, UICommand};
use egui::{KeyboardShortcut, Modifiers};

/// egui's key for one of ours.
fn egui_key(key: Key) -> egui::Key {
    match key {
        Key::A => egui::Key::A,
        Key::K => egui::Key::K,
        Key::N => egui::Key::N,
        Key::O => egui::Key::O,
        Key::P => egui::Key::P,
        Key::Q => egui::Key::Q,
        Key::S => egui::Key::S,
        Key::Y => egui::Key::Y,
        Key::Z => egui::Key::Z,
        Key::Num0 => egui::Key::Num0,
        Key::Plus => egui::Key::Plus,
        Key::Equals => egui::Key::Equals,
        Key::Minus => egui::Key::Minus,
        Key::ArrowLeft => egui::Key::ArrowLeft,
        Key::ArrowRight => egui::Key::ArrowRight,
        Key::ArrowUp => egui::Key::ArrowUp,
        Key::ArrowDown => egui::Key::ArrowDown,
        Key::PageUp => egui::Key::PageUp,
        Key::PageDown => egui::Key::PageDown,
        Key::F1 => egui::Key::F1,
        Key::F5 => egui::Key::F5,
        Key::Escape => egui::Key::Escape,
    }
}

/// egui's shortcut for one of ours. `command` is Cmd on macOS, Ctrl elsewhere, as egui's
/// `Modifiers::COMMAND` is.
pub fn to_egui(shortcut: Shortcut) -> KeyboardShortcut {
    let mut modifiers = Modifiers::NONE;
    if shortcut.command {
        modifiers |= Modifiers::COMMAND;
    }
    if shortcut.shift {
        modifiers |= Modifiers::SHIFT;
    }
    if shortcut.alt {
        modifiers |= Modifiers::ALT;
    }
    KeyboardShortcut::new(modifiers, egui_key(shortcut.key))
}

/// The commands whose shortcut was pressed this frame (each consumed, so nothing else acts on it).
pub fn pressed(ctx: &egui::Context, session: &Session) -> Vec<UICommand> {
    // While a question is asked, the keys belong to the question.
    if session.pending.is_some() || session.conflict.is_some() {
        return Vec::new();
    }
    let typing = ctx.egui_wants_keyboard_input();
    let mut table: Vec<(Shortcut, UICommand)> = UICommand::all()
        .into_iter()
        .filter(|c| !typing || c.works_while_typing())
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
        .collect();
    // Longest combinations first: Ctrl+Shift+S must not also be taken as Ctrl+S.
    table.sort_by_key(|(s, _)| std::cmp::Reverse(s.modifier_count()));
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, command) in table {
            if input.consume_shortcut(&to_egui(shortcut))
                && session.is_enabled(command)
                && !out.contains(&command)
            {
                out.push(command);
            }
        }
    });
    out
}
