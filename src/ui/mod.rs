//! Everything drawn in the window. Functions here read the app's [`Core`] and push [`Action`]s; they
//! never change the project themselves.

pub mod fonts;
pub mod icon;
mod item;
mod overview;
pub mod radar;
mod setup;
mod start;
mod widgets;

use crate::app::dialogs::Purpose;
use crate::app::settings::{Settings, ThemeChoice};
use crate::app::{Action, Core, Pending, Screen, UnsavedChoice, Zoom};
use crate::checklist::{Checklist, ItemId};
use crate::export::Format;
use crate::i18n::Lang;
use crate::tr;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use std::path::PathBuf;

/// State of the UI alone (not of the project): filters, half-typed names, caches.
#[derive(Default)]
pub struct ViewState {
    /// The name being typed for a new member, and the team it is for.
    pub new_member_name: String,
    pub new_member_team: Option<u32>,
    pub overview: overview::OverviewState,
    pub icon: Option<egui::TextureHandle>,
    pub radar_hidden: Vec<bool>,
    /// An action just added, whose text field takes the keyboard when it first appears.
    pub focus_action: Option<u32>,
}

/// Fonts and style, once per context.
pub fn setup_context(ctx: &egui::Context) {
    ctx.set_fonts(fonts::definitions());
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        // Larger than egui's defaults: Japanese needs the size, and the window is often on a projector.
        style.text_styles = [
            (TextStyle::Heading, FontId::new(24.0, fonts::bold())),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
    });
}

/// Theme and zoom from the settings.
pub fn apply_preferences(ctx: &egui::Context, settings: &Settings) {
    ctx.set_theme(match settings.theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
    ctx.set_zoom_factor(Settings::clamp_zoom(settings.zoom));
}

/// Keyboard shortcuts. Item navigation only fires while no text field has the keyboard, so that
/// Ctrl+← still moves the cursor by a word while typing.
pub fn shortcuts(ctx: &egui::Context, core: &Core) -> Vec<Action> {
    let mut out = Vec::new();
    let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
    ctx.input_mut(|i| {
        // Longest combinations first: Ctrl+Shift+S must not also be taken as Ctrl+S.
        if i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
            out.push(Action::SaveAs);
        }
        if i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)) {
            out.push(Action::Redo);
        }
        if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
            out.push(Action::Save);
        }
        if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
            out.push(Action::Open);
        }
        if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::N)) {
            out.push(Action::New);
        }
        if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y)) {
            out.push(Action::Redo);
        }
    });
    // Undo inside a text field is the field's own business until the field loses focus.
    let typing = ctx.egui_wants_keyboard_input();
    if !typing && ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z))) {
        out.push(Action::Undo);
    }
    if core.doc.is_some() && !typing && core.pending.is_none() {
        let (next, previous) = ctx.input(|i| {
            (
                i.key_pressed(Key::PageDown)
                    || (i.modifiers.command && i.key_pressed(Key::ArrowRight)),
                i.key_pressed(Key::PageUp)
                    || (i.modifiers.command && i.key_pressed(Key::ArrowLeft)),
            )
        });
        if next {
            out.push(Action::Show(core.screen.next()));
        } else if previous {
            out.push(Action::Show(core.screen.previous()));
        }
    }
    out
}

/// The whole window.
pub fn root_ui(
    ui: &mut egui::Ui,
    core: &Core,
    view: &mut ViewState,
    dialog_open: bool,
    out: &mut Vec<Action>,
) {
    egui::Panel::top("menu").show(ui, |ui| menu_bar_ui(ui, core, out));
    egui::Panel::bottom("status").show(ui, |ui| status_bar_ui(ui, core, dialog_open, out));
    if core.doc.is_some() {
        egui::Panel::left("walk")
            .resizable(true)
            .default_size(250.0)
            .min_size(200.0)
            .show(ui, |ui| side_panel_ui(ui, core, out));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(message) = core.message.as_ref().filter(|m| m.error) {
            error_banner_ui(ui, &message.text, core.lang, out);
        }
        if core.path_entry.is_some() {
            path_entry_ui(ui, core, out);
        }
        match &core.doc {
            None => start::start_ui(ui, core, view, out),
            Some(_) => match core.screen {
                Screen::Setup => setup::setup_ui(ui, core, view, out),
                Screen::Item(item) => item::item_ui(ui, core, view, item, out),
                Screen::Overview => overview::overview_ui(ui, core, view, out),
            },
        }
    });
    if core.pending.is_some() {
        unsaved_modal_ui(ui.ctx(), core, out);
    }
    if core.conflict.is_some() {
        conflict_modal_ui(ui.ctx(), core, out);
    }
}

fn menu_bar_ui(ui: &mut egui::Ui, core: &Core, out: &mut Vec<Action>) {
    let lang = core.lang;
    let has_doc = core.doc.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr!(lang, "menu.file"), |ui| {
            let item = widgets::menu_item_ui;
            if item(ui, true, tr!(lang, "menu.new"), "Ctrl+N") {
                out.push(Action::New);
            }
            if item(ui, true, tr!(lang, "menu.open"), "Ctrl+O") {
                out.push(Action::Open);
            }
            if item(ui, true, tr!(lang, "menu.open_path"), "") {
                out.push(Action::EnterPath(Purpose::Open));
            }
            if item(ui, true, tr!(lang, "menu.open_sample"), "") {
                out.push(Action::OpenSample);
            }
            ui.menu_button(tr!(lang, "menu.recent"), |ui| {
                if core.settings.recent.is_empty() {
                    ui.label(tr!(lang, "start.no_recent"));
                }
                for path in &core.settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Action::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            if item(ui, has_doc, tr!(lang, "menu.save"), "Ctrl+S") {
                out.push(Action::Save);
            }
            if item(ui, has_doc, tr!(lang, "menu.save_as"), "Ctrl+Shift+S") {
                out.push(Action::SaveAs);
            }
            if item(ui, has_doc, tr!(lang, "menu.save_path"), "") {
                out.push(Action::EnterPath(Purpose::SaveAs));
            }
            ui.separator();
            if item(ui, has_doc, tr!(lang, "menu.next_round"), "") {
                out.push(Action::NextRound);
            }
            if item(ui, has_doc, tr!(lang, "menu.import_baseline"), "") {
                out.push(Action::ImportBaseline);
            }
            if item(ui, has_doc, tr!(lang, "menu.import_baseline_path"), "") {
                out.push(Action::EnterPath(Purpose::ImportBaseline));
            }
            ui.separator();
            ui.add_enabled_ui(has_doc, |ui| {
                ui.menu_button(tr!(lang, "menu.export"), |ui| {
                    for format in Format::ALL {
                        if ui.button(format_label(format, lang)).clicked() {
                            out.push(Action::Export(format));
                        }
                    }
                    ui.separator();
                    for format in Format::ALL {
                        let text = tr!(lang, "menu.export_path", format = format.name());
                        if ui.button(text).clicked() {
                            out.push(Action::EnterPath(Purpose::Export(format)));
                        }
                    }
                });
            });
            ui.separator();
            if item(ui, has_doc, tr!(lang, "menu.close"), "") {
                out.push(Action::Close);
            }
            if item(ui, true, tr!(lang, "menu.quit"), "") {
                out.push(Action::Quit);
            }
        });
        ui.menu_button(tr!(lang, "menu.edit"), |ui| {
            let doc = core.doc.as_ref();
            if widgets::menu_item_ui(
                ui,
                doc.is_some_and(|d| d.can_undo()),
                tr!(lang, "menu.undo"),
                "Ctrl+Z",
            ) {
                out.push(Action::Undo);
            }
            if widgets::menu_item_ui(
                ui,
                doc.is_some_and(|d| d.can_redo()),
                tr!(lang, "menu.redo"),
                "Ctrl+Shift+Z",
            ) {
                out.push(Action::Redo);
            }
        });
        ui.menu_button(tr!(lang, "menu.view"), |ui| {
            ui.menu_button(tr!(lang, "menu.language"), |ui| {
                for l in Lang::ALL {
                    if ui.selectable_label(lang == l, l.native_name()).clicked() {
                        out.push(Action::SetLang(l));
                    }
                }
            });
            ui.menu_button(tr!(lang, "menu.theme"), |ui| {
                for (theme, key) in [
                    (ThemeChoice::System, "menu.theme_system"),
                    (ThemeChoice::Light, "menu.theme_light"),
                    (ThemeChoice::Dark, "menu.theme_dark"),
                ] {
                    if ui
                        .selectable_label(core.settings.theme == theme, tr!(lang, key))
                        .clicked()
                    {
                        out.push(Action::SetTheme(theme));
                    }
                }
            });
            ui.separator();
            for (zoom, key, keys) in [
                (Zoom::In, "menu.zoom_in", "Ctrl++"),
                (Zoom::Out, "menu.zoom_out", "Ctrl+-"),
                (Zoom::Reset, "menu.zoom_reset", "Ctrl+0"),
            ] {
                if widgets::menu_item_ui(ui, true, tr!(lang, key), keys) {
                    out.push(Action::Zoom(zoom));
                }
            }
            ui.separator();
            if ui
                .selectable_label(core.settings.show_guide, tr!(lang, "menu.show_guide"))
                .clicked()
            {
                out.push(Action::ToggleGuide);
            }
        });
        if let Some(doc) = &core.doc {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if doc.dirty {
                    ui.label(
                        RichText::new(tr!(lang, "app.unsaved")).color(ui.visuals().warn_fg_color),
                    );
                }
                let name = doc.display_name();
                ui.label(
                    RichText::new(if name.is_empty() {
                        tr!(lang, "app.untitled")
                    } else {
                        name
                    })
                    .strong(),
                );
            });
        }
    });
}

pub fn format_label(format: Format, lang: Lang) -> String {
    match format {
        Format::Markdown => tr!(lang, "format.md"),
        Format::Html => tr!(lang, "format.html"),
        Format::Svg => tr!(lang, "format.svg"),
        Format::CsvActions => tr!(lang, "format.csv_actions"),
        Format::CsvScores => tr!(lang, "format.csv_scores"),
        Format::Xlsx => tr!(lang, "format.xlsx"),
        Format::Pdf => tr!(lang, "format.pdf"),
        Format::Png => tr!(lang, "format.png"),
    }
}

fn status_bar_ui(ui: &mut egui::Ui, core: &Core, dialog_open: bool, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if dialog_open {
            ui.spinner();
            ui.label(tr!(core.lang, "app.dialog_open"));
        } else if let Some(message) = core.message.as_ref().filter(|m| !m.error) {
            ui.label(&message.text);
            if ui
                .small_button("×")
                .on_hover_text(tr!(core.lang, "app.dismiss"))
                .clicked()
            {
                out.push(Action::DismissMessage);
            }
        }
        if let Some(path) = core.doc.as_ref().and_then(|d| d.path.as_ref()) {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(path.display().to_string()).small().weak());
            });
        }
    });
}

fn error_banner_ui(ui: &mut egui::Ui, text: &str, lang: Lang, out: &mut Vec<Action>) {
    let color = ui.visuals().error_fg_color;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, color))
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(10.0)
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("！").color(color).size(20.0));
                ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                    if ui.button(tr!(lang, "app.dismiss")).clicked() {
                        out.push(Action::DismissMessage);
                    }
                });
            });
        });
    ui.add_space(8.0);
}

/// The path field offered where no file dialog can be shown.
fn path_entry_ui(ui: &mut egui::Ui, core: &Core, out: &mut Vec<Action>) {
    let lang = core.lang;
    let Some(entry) = &core.path_entry else {
        return;
    };
    let (prompt, button) = match &entry.purpose {
        Purpose::Open => (tr!(lang, "path.open_prompt"), tr!(lang, "path.open")),
        Purpose::ImportBaseline => (tr!(lang, "path.baseline_prompt"), tr!(lang, "path.import")),
        Purpose::SaveAs => (tr!(lang, "path.save_prompt"), tr!(lang, "path.save")),
        Purpose::Export(_) => (tr!(lang, "path.export_prompt"), tr!(lang, "path.export")),
    };
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            let label = ui.label(prompt);
            ui.horizontal(|ui| {
                let mut text = entry.text.clone();
                let width = (ui.available_width() - 220.0).max(200.0);
                let response = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(width))
                    .labelled_by(label.id);
                if response.changed() {
                    out.push(Action::EnterPathText(text.clone()));
                }
                // Enter confirms, but not the Enter that ends an input method's conversion.
                let enter = widgets::enter_submits(ui, &response);
                let path = PathBuf::from(text.trim());
                if (ui.button(button).clicked() || enter) && !text.trim().is_empty() {
                    out.push(match &entry.purpose {
                        Purpose::Open => Action::OpenPath(path),
                        Purpose::ImportBaseline => Action::ImportBaselineFrom(path),
                        Purpose::SaveAs => Action::SaveTo(path),
                        Purpose::Export(format) => Action::ExportTo(*format, path),
                    });
                }
                if ui.button(tr!(lang, "path.cancel")).clicked() {
                    out.push(Action::CancelPathEntry);
                }
            });
        });
    ui.add_space(8.0);
}

/// Another program saved over the file since it was opened here: overwrite it, save elsewhere, or not.
fn conflict_modal_ui(ctx: &egui::Context, core: &Core, out: &mut Vec<Action>) {
    use crate::app::ConflictChoice;
    let lang = core.lang;
    let Some(path) = &core.conflict else { return };
    let response = egui::Modal::new(egui::Id::unique("kizuki-conflict")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.label(
            RichText::new(tr!(lang, "conflict.title"))
                .size(20.0)
                .family(fonts::bold())
                .strong(),
        );
        ui.add_space(6.0);
        ui.add(egui::Label::new(tr!(lang, "conflict.explain", path = path.display())).wrap());
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button(tr!(lang, "conflict.save_as")).clicked() {
                out.push(Action::Conflict(ConflictChoice::SaveAs));
            }
            if ui.button(tr!(lang, "conflict.overwrite")).clicked() {
                out.push(Action::Conflict(ConflictChoice::Overwrite));
            }
            if ui.button(tr!(lang, "conflict.cancel")).clicked() {
                out.push(Action::Conflict(ConflictChoice::Cancel));
            }
        });
    });
    if response.should_close() && !out.iter().any(|a| matches!(a, Action::Conflict(_))) {
        out.push(Action::Conflict(ConflictChoice::Cancel));
    }
}

fn unsaved_modal_ui(ctx: &egui::Context, core: &Core, out: &mut Vec<Action>) {
    let lang = core.lang;
    let name = core
        .doc
        .as_ref()
        .map(|d| d.display_name())
        .filter(|n| !n.is_empty());
    let name = name.unwrap_or_else(|| tr!(lang, "app.untitled"));
    let question = match core.pending {
        Some(Pending::Quit) => tr!(lang, "unsaved.before_quit", name = name),
        _ => tr!(lang, "unsaved.question", name = name),
    };
    let response = egui::Modal::new(egui::Id::unique("kizuki-unsaved")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.label(
            RichText::new(tr!(lang, "unsaved.title"))
                .size(24.0)
                .family(fonts::bold())
                .strong(),
        );
        ui.add_space(6.0);
        ui.add(egui::Label::new(question).wrap());
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(tr!(lang, "unsaved.save")).strong())
                .clicked()
            {
                out.push(Action::Unsaved(UnsavedChoice::Save));
            }
            if ui.button(tr!(lang, "unsaved.discard")).clicked() {
                out.push(Action::Unsaved(UnsavedChoice::Discard));
            }
            if ui.button(tr!(lang, "unsaved.cancel")).clicked() {
                out.push(Action::Unsaved(UnsavedChoice::Cancel));
            }
        });
    });
    if response.should_close() && !out.iter().any(|a| matches!(a, Action::Unsaved(_))) {
        out.push(Action::Unsaved(UnsavedChoice::Cancel));
    }
}

/// The walk's table of contents: setup, the ten items with their scores, the overview.
fn side_panel_ui(ui: &mut egui::Ui, core: &Core, out: &mut Vec<Action>) {
    let lang = core.lang;
    let Some(project) = core.project() else {
        return;
    };
    let checklist = Checklist::get(lang);
    let team_id = core.team_id();
    ui.add_space(6.0);
    if project.teams.len() > 1 {
        widgets::team_switcher_ui(ui, core, out);
        ui.add_space(4.0);
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                let entry = |ui: &mut egui::Ui, selected: bool, text: RichText, badge: RichText| {
                    let name = text.text().trim().to_owned();
                    let response = ui.add(
                        egui::Button::selectable(selected, text)
                            .shortcut_text(badge)
                            .min_size(egui::vec2(0.0, 30.0)),
                    );
                    // Named by its text alone, without the score badge beside it.
                    widgets::accessible_name(&response, egui::Role::Button, Some(selected), &name);
                    response
                };
                let setup = entry(
                    ui,
                    core.screen == Screen::Setup,
                    RichText::new(tr!(lang, "nav.setup")),
                    RichText::new(""),
                );
                if setup.clicked() {
                    out.push(Action::Show(Screen::Setup));
                }
                ui.separator();
                let team = team_id.and_then(|id| project.team(id));
                for id in ItemId::ALL {
                    let item = checklist.item(id);
                    let score = team.and_then(|t| t.responses[id].score);
                    let badge = match score {
                        Some(level) => RichText::new(level.get().to_string()).strong(),
                        None => RichText::new("–").weak(),
                    };
                    let text = RichText::new(format!("{:>2}. {}", id.number(), item.short_title));
                    let response = entry(ui, core.screen == Screen::Item(id), text, badge);
                    let hover = match score {
                        Some(level) => format!(
                            "{}\n{} {}",
                            item.title,
                            level.get(),
                            checklist.level(level).name
                        ),
                        None => format!("{}\n{}", item.title, tr!(lang, "nav.not_scored")),
                    };
                    if response.on_hover_text(hover).clicked() {
                        out.push(Action::Show(Screen::Item(id)));
                    }
                }
                ui.separator();
                let overview = entry(
                    ui,
                    core.screen == Screen::Overview,
                    RichText::new(tr!(lang, "nav.overview")),
                    RichText::new(""),
                );
                if overview.clicked() {
                    out.push(Action::Show(Screen::Overview));
                }
                if let Some(team) = team
                    && core.screen != Screen::Overview
                {
                    ui.add_space(10.0);
                    let size = ui.available_width().min(260.0);
                    ui.vertical_centered(|ui| {
                        radar::radar_preview_ui(ui, project, team, lang, size)
                    });
                }
            });
        });
}
