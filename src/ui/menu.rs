//! The menu bar, generated from [`UICommand`]: each entry's label, shortcut, hover text and whether
//! it is available come from the command itself.

use super::widgets::accessible_name;
use crate::export::Format;
use crate::i18n::Lang;
use crate::session::FileCommand;
use crate::session::{CommandSender, Session, ThemeChoice, UICommand};
use crate::tr;
use egui::{RichText, Role};

/// One line of a menu.
enum Entry {
    Command(UICommand),
    Separator,
    /// A submenu of commands, named by a translation key.
    Submenu(&'static str, fn() -> Vec<UICommand>),
    /// The recent files, which are data rather than commands.
    Recent,
}

fn exports() -> Vec<UICommand> {
    let mut all: Vec<UICommand> = Format::ALL.iter().copied().map(UICommand::Export).collect();
    all.push(UICommand::ExportCirculation);
    all
}

fn languages() -> Vec<UICommand> {
    Lang::ALL.into_iter().map(UICommand::Language).collect()
}

fn themes() -> Vec<UICommand> {
    <ThemeChoice as strum::IntoEnumIterator>::iter()
        .map(UICommand::Theme)
        .collect()
}

/// The menus, in order, each named by a translation key.
fn menus() -> [(&'static str, Vec<Entry>); 5] {
    use Entry::{Command as C, Recent, Separator as Sep, Submenu};
    use UICommand as U;
    [
        (
            "menu.file",
            vec![
                C(U::New),
                C(U::Open),
                C(U::OpenByPath),
                C(U::OpenSample),
                Recent,
                Sep,
                C(U::Save),
                C(U::SaveAs),
                C(U::SaveByPath),
                Sep,
                C(U::NextRound),
                C(U::MergeFile),
                C(U::ImportBaseline),
                C(U::ImportBaselineByPath),
                Sep,
                Submenu("menu.export", exports),
                C(U::ExportByPath),
                C(U::PrintSheets),
                C(U::CompareFiles),
                Sep,
                C(U::Close),
                C(U::Quit),
            ],
        ),
        (
            "menu.edit",
            vec![C(U::Undo), C(U::Redo), Sep, C(U::CommandPalette)],
        ),
        (
            "menu.walk",
            vec![
                C(U::ShowSetup),
                C(U::PreviousItem),
                C(U::NextItem),
                C(U::ShowOverview),
                Sep,
                C(U::PreviousTeam),
                C(U::NextTeam),
                Sep,
                C(U::TimerStartPause),
                C(U::TimerAddTime),
                Sep,
                C(U::EntryGrid),
            ],
        ),
        (
            "menu.view",
            vec![
                Submenu("menu.language", languages),
                Submenu("menu.theme", themes),
                Sep,
                C(U::ZoomIn),
                C(U::ZoomOut),
                C(U::ZoomReset),
                Sep,
                C(U::ToggleGuide),
                C(U::ChartOnly),
                Sep,
                C(U::PresenterWindow),
                C(U::ProjectorMode),
            ],
        ),
        (
            "menu.help",
            vec![C(U::AboutChecklist), C(U::Shortcuts), C(U::CommandPalette)],
        ),
    ]
}

pub fn menu_bar_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        for (key, entries) in menus() {
            ui.menu_button(tr!(lang, key), |ui| {
                for entry in &entries {
                    entry_ui(ui, entry, session, tx);
                }
            });
        }
        document_name_ui(ui, session);
    });
}

fn entry_ui(ui: &mut egui::Ui, entry: &Entry, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    match entry {
        Entry::Command(command) => command_ui(ui, *command, session, tx, false),
        Entry::Separator => {
            ui.separator();
        }
        Entry::Submenu(key, commands) => {
            let commands = commands();
            let enabled = commands.iter().any(|&c| session.is_enabled(c));
            ui.add_enabled_ui(enabled, |ui| {
                ui.menu_button(tr!(lang, key), |ui| {
                    for command in commands {
                        command_ui(ui, command, session, tx, true);
                    }
                });
            });
        }
        Entry::Recent => {
            ui.menu_button(tr!(lang, "menu.recent"), |ui| {
                if session.settings.recent.is_empty() {
                    ui.label(tr!(lang, "start.no_recent"));
                }
                for path in &session.settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        tx.send(FileCommand::Open(path.clone()));
                        ui.close();
                    }
                }
            });
        }
    }
}

/// One command as a menu entry: its label, its shortcut at the right, its hint on hover, greyed
/// out when it cannot run, ticked when it is the current choice. Named by its label alone.
pub fn command_ui(
    ui: &mut egui::Ui,
    command: UICommand,
    session: &Session,
    tx: &CommandSender,
    in_submenu: bool,
) {
    let lang = session.lang;
    let label = if in_submenu {
        command.menu_label(lang)
    } else {
        command.label(lang)
    };
    let mut button = match session.is_checked(command) {
        Some(checked) => egui::Button::selectable(checked, label.as_str()),
        None => egui::Button::new(label.as_str()),
    };
    if let Some(keys) = command.shortcut_text() {
        button = button.shortcut_text(RichText::new(keys).weak());
    }
    let response = ui.add_enabled(session.is_enabled(command), button);
    accessible_name(&response, Role::Button, session.is_checked(command), &label);
    if let Some(keys) = command.shortcut_text() {
        // Screen readers announce it after the name.
        response
            .ctx
            .accesskit_node_builder(response.id, |node| node.set_keyboard_shortcut(keys));
    }
    if response.on_hover_text(command.hint(lang)).clicked() {
        tx.run(command);
        ui.close();
    }
}

/// The open project's name and its unsaved mark, at the right of the menu bar.
fn document_name_ui(ui: &mut egui::Ui, session: &Session) {
    let lang = session.lang;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if session.view.projector {
            let keys = UICommand::ProjectorMode.shortcut_text().unwrap_or_default();
            ui.label(
                RichText::new(tr!(lang, "projector.on", keys = keys))
                    .strong()
                    .color(ui.visuals().hyperlink_color),
            );
        }
        let Some(doc) = &session.doc else { return };
        if doc.is_dirty() {
            ui.label(RichText::new(tr!(lang, "app.unsaved")).color(ui.visuals().warn_fg_color));
        }
        let name = doc.display_name();
        let name = if name.is_empty() {
            tr!(lang, "app.untitled")
        } else {
            name
        };
        ui.label(RichText::new(name).strong());
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_command_is_in_a_menu_once() {
        let mut seen = HashSet::new();
        for (_, entries) in menus() {
            for entry in entries {
                let commands = match entry {
                    Entry::Command(c) => vec![c],
                    Entry::Submenu(_, list) => list(),
                    Entry::Separator | Entry::Recent => Vec::new(),
                };
                for c in commands {
                    // The palette is offered under both Edit and Help, where people look for it.
                    if c != UICommand::CommandPalette {
                        assert!(seen.insert(c), "{c:?} is in the menus twice");
                    }
                }
            }
        }
        for c in UICommand::all() {
            assert!(
                seen.contains(&c) || c == UICommand::CommandPalette,
                "{c:?} is in no menu"
            );
        }
    }
}
