//! The command palette (Ctrl+K, Ctrl+Shift+P): type part of a command's Japanese or English name,
//! ↑/↓ to choose, Enter to run. And the list of keyboard shortcuts (F1), from the same commands.

use super::tokens::{space, text};
use super::widgets::accessible_name;
use crate::session::{Command, CommandSender, Session, UICommand, ViewChange};
use crate::tr;
use egui::{Key, RichText, Role};

/// What the palette's field holds and which match is chosen: the palette's own widget state.
#[derive(Clone, Default)]
struct PaletteState {
    query: String,
    selected: usize,
}

pub fn palette_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let id = egui::Id::unique("kizuki-palette");
    let mut state: PaletteState = ctx.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let mut ranked: Vec<(u8, UICommand)> = UICommand::all()
        .into_iter()
        .filter(|&c| c != UICommand::CommandPalette && session.is_enabled(c))
        .filter_map(|c| Some((c.rank(&state.query)?, c)))
        .collect();
    // Names before hints; otherwise the menus' order.
    ranked.sort_by_key(|(rank, _)| *rank);
    let matches: Vec<UICommand> = ranked.into_iter().map(|(_, c)| c).collect();
    state.selected = state.selected.min(matches.len().saturating_sub(1));
    // ↑/↓ move the choice; taken before the text field sees them.
    let (up, down) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
        )
    });
    if down && state.selected + 1 < matches.len() {
        state.selected += 1;
    }
    if up {
        state.selected = state.selected.saturating_sub(1);
    }
    let mut chosen = None;
    let modal = egui::Modal::new(id.with("modal"))
        .area(
            egui::Modal::default_area(id.with("area"))
                .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0]),
        )
        .show(ctx, |ui| {
            ui.set_width(560.0_f32.min(ctx.content_rect().width() - 40.0));
            let label = ui.label(RichText::new(tr!(lang, "palette.title")).strong());
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.query)
                        .hint_text(tr!(lang, "palette.hint"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            field.request_focus();
            if field.changed() {
                state.selected = 0;
            }
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            ui.add_space(space::S);
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    if matches.is_empty() {
                        ui.label(RichText::new(tr!(lang, "palette.none")).weak());
                    }
                    for (i, &command) in matches.iter().enumerate() {
                        let selected = i == state.selected;
                        let name = command.label(lang);
                        let mut button = egui::Button::selectable(selected, name.as_str())
                            .min_size(egui::vec2(ui.available_width(), space::NAV_ROW));
                        if let Some(keys) = command.shortcut_text() {
                            button = button.shortcut_text(RichText::new(keys).weak());
                        }
                        let response = ui.add(button);
                        accessible_name(&response, Role::Button, Some(selected), &name);
                        if selected {
                            response.scroll_to_me(None);
                        }
                        if response.on_hover_text(command.hint(lang)).clicked() {
                            chosen = Some(command);
                        }
                    }
                });
            if enter {
                chosen = chosen.or_else(|| matches.get(state.selected).copied());
            }
        });
    if let Some(command) = chosen {
        tx.send(Command::View(ViewChange::Overlay(None)));
        tx.run(command);
        state = PaletteState::default();
    } else if modal.should_close() {
        tx.send(Command::View(ViewChange::Overlay(None)));
        state = PaletteState::default();
    }
    ctx.data_mut(|d| d.insert_temp(id, state));
}

/// Every command with a shortcut, and the keys that work on a screen without one.
pub fn shortcut_list_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let modal = egui::Modal::new(egui::Id::unique("kizuki-shortcuts")).show(ctx, |ui| {
        ui.set_width(560.0_f32.min(ctx.content_rect().width() - 40.0));
        ui.label(
            RichText::new(UICommand::Shortcuts.label(lang))
                .size(text::DIALOG_TITLE)
                .family(super::fonts::bold()),
        );
        ui.add_space(space::M);
        egui::ScrollArea::vertical()
            .max_height(480.0)
            .show(ui, |ui| {
                egui::Grid::new("shortcut-list")
                    .striped(true)
                    .num_columns(2)
                    .spacing([space::XL, space::S])
                    .show(ui, |ui| {
                        for command in UICommand::all() {
                            if command.shortcuts().is_empty() {
                                continue;
                            }
                            let keys: Vec<String> = command
                                .shortcuts()
                                .iter()
                                .map(|s| s.text(crate::session::ui_command::IS_MAC))
                                .collect();
                            ui.label(RichText::new(keys.join(" / ")).monospace());
                            ui.label(command.label(lang));
                            ui.end_row();
                        }
                        for key in ["keys.item_votes", "keys.item_levels"] {
                            let line = tr!(lang, key);
                            if let Some((keys, what)) = line.split_once('\t') {
                                ui.label(RichText::new(keys).monospace());
                                ui.label(what);
                                ui.end_row();
                            }
                        }
                    });
            });
        ui.add_space(space::M);
        if ui.button(tr!(lang, "app.close")).clicked() {
            tx.send(Command::View(ViewChange::Overlay(None)));
        }
    });
    if modal.should_close() {
        tx.send(Command::View(ViewChange::Overlay(None)));
    }
}
