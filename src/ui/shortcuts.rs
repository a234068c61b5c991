//! Keyboard shortcuts, from [`UICommand::shortcuts`]: the same table the menus and the palette show.

use crate::project::{Answer, Level};
use crate::session::ui_command::{Key, Shortcut};
use crate::session::{Command, Screen, Session, UICommand, ViewChange};
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
        Key::T => egui::Key::T,
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
        Key::F11 => egui::Key::F11,
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
    let typing = ctx.text_edit_focused();
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

/// The keys of an item screen, when no text field has the keyboard: 1–5 enter the selected
/// member's vote (or the team's score), Shift+1–5 the target, 0 / Backspace / Delete clear,
/// ↑/↓ choose the member, Esc lets go of the member. Taken from the input, so nothing else acts
/// on them.
pub fn item_keys(ctx: &egui::Context, session: &Session) -> Vec<Command> {
    let on_item = matches!(session.screen, Screen::Item(_))
        && session.doc.is_some()
        && session.view.page.is_none();
    let free = session.pending.is_none()
        && session.conflict.is_none()
        && session.view.overlay.is_none()
        && !ctx.text_edit_focused();
    if !on_item || !free {
        return Vec::new();
    }
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let egui::Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            if modifiers.command || modifiers.alt || modifiers.ctrl {
                return true;
            }
            // The key's place, not its letter: Shift+1 is "!" on one layout and "!" or "＋" on others.
            let key = physical_key.unwrap_or(*key);
            let answer = match answer_key(key) {
                _ if matches!(
                    key,
                    egui::Key::Num0 | egui::Key::Backspace | egui::Key::Delete
                ) =>
                {
                    Some(None)
                }
                // 「わからない」 is a vote, never a score: only for a selected member.
                Some(Answer::DontKnow) if session.view.vote_cursor.is_none() => None,
                answer => answer.map(Some),
            };
            let command = match (answer, key) {
                (Some(answer), _) => Command::LevelKey {
                    answer,
                    // ? is typed with Shift on most layouts: for 「わからない」 it is no target.
                    target: modifiers.shift && answer != Some(Answer::DontKnow),
                },
                (None, egui::Key::ArrowDown) if !modifiers.shift => Command::MoveVoteCursor(1),
                (None, egui::Key::ArrowUp) if !modifiers.shift => Command::MoveVoteCursor(-1),
                (None, egui::Key::Escape) if session.view.vote_cursor.is_some() => {
                    Command::View(ViewChange::VoteCursor(None))
                }
                _ => return true,
            };
            out.push(command);
            false
        });
        // The text the keys would type goes too: no field has the keyboard to take it.
        if !out.is_empty() {
            input.events.retain(|e| !is_answer_text(e));
        }
    });
    out
}

/// The answer a key stands for: 1–5 a level, ? (the key right of the full stop on Japanese and
/// US layouts alike) 「わからない」.
pub fn answer_key(key: egui::Key) -> Option<Answer> {
    match key {
        egui::Key::Slash | egui::Key::Questionmark => Some(Answer::DontKnow),
        other => level_key(other).map(Answer::Level),
    }
}

/// Whether `event` is the text an answer key or 0 would type (a digit, "/", "?", or the Japanese
/// input method's 「・」 and 「？」 for the same key), which must not reach a field after the key
/// was taken as a vote.
pub fn is_answer_text(event: &egui::Event) -> bool {
    matches!(event, egui::Event::Text(t)
        if t.chars().all(|c| c.is_ascii_digit() || matches!(c, '?' | '/' | '？' | '・' | '／')))
}

/// The level a digit key stands for, 1–5 (the key's place, so any keyboard layout gives the same).
pub fn level_key(key: egui::Key) -> Option<Level> {
    match key {
        egui::Key::Num1 => Level::new(1),
        egui::Key::Num2 => Level::new(2),
        egui::Key::Num3 => Level::new(3),
        egui::Key::Num4 => Level::new(4),
        egui::Key::Num5 => Level::new(5),
        _ => None,
    }
}
