//! Everything drawn in the window. Views read the [`Session`] and send commands through a
//! [`CommandSender`]; they never change anything themselves. Nothing here depends on `app`.

mod about;
mod compare;
mod entry_grid;
pub mod fonts;
pub mod icon;
mod item;
mod menu;
mod modals;
mod overview;
mod palette;
pub mod presenter;
pub mod radar;
mod review;
mod setup;
pub mod shortcuts;
mod side_panel;
mod start;
mod status;
mod timer;
pub mod tokens;
pub mod voting;
mod widgets;

use crate::session::{CommandSender, Overlay, Page, Screen, Session};
use tokens::{space, text};

/// Fonts and style, once per context.
pub fn setup_context(ctx: &egui::Context) {
    ctx.set_fonts(fonts::definitions());
    // Zoom has one source of truth, the settings: Ctrl+plus/minus are Kizuki's commands.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(text::HEADING, fonts::bold()),
            ),
            (
                TextStyle::Body,
                FontId::new(text::BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(text::BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(text::SMALL, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(text::MONOSPACE, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::Vec2::from(space::ITEM);
        style.spacing.button_padding = egui::Vec2::from(space::BUTTON_PADDING);
        style.spacing.interact_size.y = space::INTERACT;
    });
}

/// The whole window.
pub fn root_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, session, tx));
    egui::Panel::bottom("status").show(ui, |ui| status::status_bar_ui(ui, session, tx));
    if session.doc.is_some() && session.view.page != Some(Page::ChartOnly) {
        egui::Panel::left("walk")
            .resizable(true)
            .default_size(250.0)
            .min_size(200.0)
            .show(ui, |ui| side_panel::side_panel_ui(ui, session, tx));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        status::error_banner_ui(ui, session, tx);
        status::autosave_banner_ui(ui, session);
        status::newer_copy_ui(ui, session, tx);
        status::repairs_made_ui(ui, session, tx);
        status::path_entry_ui(ui, session, tx);
        if session.comparing {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::tr!(session.lang, "compare.loading"));
            });
        }
        if session.view.page == Some(Page::About) {
            about::about_ui(ui, session, tx);
        } else if session.view.page == Some(Page::Compare) {
            compare::compare_ui(ui, session, tx);
        } else if session.view.page == Some(Page::VoteQr) {
            voting::large_qr_ui(ui, session, tx);
        } else if session.view.page == Some(Page::EntryGrid) && session.doc.is_some() {
            entry_grid::entry_grid_ui(ui, session, tx);
        } else if session.doc.is_none() {
            start::start_ui(ui, session, tx);
        } else {
            match session.screen {
                Screen::Setup => setup::setup_ui(ui, session, tx),
                Screen::Review => review::review_ui(ui, session, tx),
                Screen::Item(item) => item::item_ui(ui, session, item, tx),
                Screen::Overview => overview::overview_ui(ui, session, tx),
            }
        }
    });
    let ctx = ui.ctx();
    status::removal_toast_ui(ctx, session, tx);
    modals::unsaved_ui(ctx, session, tx);
    modals::conflict_ui(ctx, session, tx);
    modals::merge_ui(ctx, session, tx);
    modals::revote_ui(ctx, session, tx);
    modals::replace_ui(ctx, session, tx);
    if session.view.presenter {
        presenter::presenter_window(ctx, session, tx);
    }
    match session.view.overlay {
        Some(Overlay::Palette) => palette::palette_ui(ctx, session, tx),
        Some(Overlay::Shortcuts) => palette::shortcut_list_ui(ctx, session, tx),
        None => {}
    }
}
