//! Many files compared, in the window: what could not be read first, the radar of the medians
//! beside each item's spread, the trend over rounds, then every row's scores (laid out only where
//! visible, since a prefecture's folder gives thousands of rows).

use super::radar::{Detail, legend_read_only_ui, radar_ui};
use super::tokens::{space, text};
use super::widgets::{document_table_ui, section_heading_ui};
use crate::checklist::{ITEM_COUNT, ItemId};
use crate::compare::{By, Comparison};
use crate::session::{CommandSender, Purpose, Session};
use crate::session::{CompareCommand, PathCommand};
use crate::tr;
use egui::RichText;

/// Widths of the scores table's columns: the row's name, one per item, the mean.
const NAME_WIDTH: f32 = 300.0;
const SCORE_WIDTH: f32 = 44.0;
const MEAN_WIDTH: f32 = 72.0;

pub fn compare_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(shown) = &session.comparison else {
        return;
    };
    let c = &shown.comparison;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(c.title())
                .size(text::HEADING)
                .family(super::fonts::bold())
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr!(lang, "compare.close")).clicked() {
                tx.send(CompareCommand::Close);
            }
            ui.menu_button(tr!(lang, "compare.export"), |ui| {
                for format in crate::compare::FORMATS {
                    if ui.button(format.label(lang)).clicked() {
                        tx.send(PathCommand::Ask(Purpose::ExportComparison(format)));
                        ui.close();
                    }
                }
            });
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(
            lang,
            "compare.summary",
            files = c.files,
            rows = c.rows.len(),
            failed = c.failed.len()
        ));
        ui.add_space(space::L);
        let label = ui.label(tr!(lang, "compare.by"));
        egui::ComboBox::from_id_salt("compare-by")
            .selected_text(c.by.label(lang))
            .show_ui(ui, |ui| {
                for by in By::ALL.iter().copied() {
                    if ui.selectable_label(c.by == by, by.label(lang)).clicked() {
                        tx.send(CompareCommand::By(by));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.label(RichText::new(tr!(lang, "compare.open_hint")).weak().small());
    ui.separator();

    egui::ScrollArea::vertical()
        .id_salt(("compare", session.view.screen_serial))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(failed) = c.failed_table() {
                ui.label(
                    RichText::new(&failed.heading)
                        .size(text::SECTION)
                        .family(super::fonts::bold())
                        .color(ui.visuals().warn_fg_color),
                );
                document_table_ui(ui, &failed);
                ui.add_space(space::L);
            }
            if let Some(duplicates) = c.duplicates_table() {
                section_heading_ui(ui, &duplicates.heading);
                document_table_ui(ui, &duplicates);
                ui.add_space(space::L);
            }
            chart_and_spread_ui(ui, c, lang);
            if let Some(trend) = c.trend_table() {
                ui.add_space(space::L);
                section_heading_ui(ui, &trend.heading);
                document_table_ui(ui, &trend);
            }
            ui.add_space(space::L);
            rows_ui(ui, c);
            ui.add_space(space::XXL);
        });
}

/// The radar of the medians, with the lowest and highest, beside the per-item table.
fn chart_and_spread_ui(ui: &mut egui::Ui, c: &Comparison, lang: crate::Lang) {
    let chart = c.chart();
    let spread = c.spread_table();
    let hidden = std::collections::BTreeSet::new();
    let width = ui.available_width();
    let side = if width > 1000.0 {
        (width * 0.45).min(560.0)
    } else {
        width.min(560.0)
    };
    let chart_ui = |ui: &mut egui::Ui| {
        ui.vertical(|ui| {
            ui.set_max_width(side);
            radar_ui(
                ui,
                &chart,
                &hidden,
                egui::vec2(side, side * 0.9),
                Detail::Full,
                lang,
            );
            // The legend only explains here: nothing to hide in three outlines.
            legend_read_only_ui(ui, &chart, 1.0);
        });
    };
    if width > 1000.0 {
        ui.horizontal_top(|ui| {
            chart_ui(ui);
            ui.add_space(space::L);
            ui.vertical(|ui| {
                section_heading_ui(ui, &spread.heading);
                document_table_ui(ui, &spread);
            });
        });
    } else {
        chart_ui(ui);
        section_heading_ui(ui, &spread.heading);
        document_table_ui(ui, &spread);
    }
}

/// Every row's scores: a header, then only the rows in view.
fn rows_ui(ui: &mut egui::Ui, c: &Comparison) {
    let lang = c.lang;
    let table = c.scores_table();
    section_heading_ui(ui, &table.heading);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + space::S;
    egui::ScrollArea::horizontal()
        .id_salt("compare-rows-wide")
        .show(ui, |ui| {
            ui.vertical(|ui| {
                row_ui(ui, &table.header, row_height, Some(lang));
                // Inside the page's own scrolling, a scroll area would shrink to a few rows:
                // it keeps a good part of the window's height.
                let height = (ui.ctx().content_rect().height() * 0.6).max(240.0);
                egui::ScrollArea::vertical()
                    .id_salt("compare-rows")
                    .max_height(height)
                    .min_scrolled_height(height)
                    .auto_shrink([false, true])
                    .show_rows(ui, row_height, table.rows.len(), |ui, range| {
                        for row in &table.rows[range] {
                            row_ui(ui, &row.cells, row_height, None);
                        }
                    });
            });
        });
    if let Some(note) = &table.note {
        ui.label(RichText::new(note).small().weak());
    }
}

/// One line of the scores table, in fixed columns so that rows laid out apart still line up.
/// The header (`header` gives its language) names each numbered column's item on hover.
fn row_ui(ui: &mut egui::Ui, cells: &[String], height: f32, header: Option<crate::Lang>) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = space::S;
        for (i, cell) in cells.iter().enumerate() {
            let width = match i {
                0 => NAME_WIDTH,
                i if i <= ITEM_COUNT => SCORE_WIDTH,
                _ => MEAN_WIDTH,
            };
            let text = if header.is_some() {
                RichText::new(cell).strong()
            } else {
                RichText::new(cell)
            };
            let response = ui.add_sized([width, height], egui::Label::new(text).truncate());
            let item = i.checked_sub(1).and_then(ItemId::from_index);
            match (header, item) {
                (Some(lang), Some(id)) => {
                    let title = &crate::checklist::Checklist::get(lang).item(id).title;
                    response.on_hover_text(format!("{}. {title}", id.number()));
                }
                _ if i == 0 => {
                    response.on_hover_text(cell);
                }
                _ => {}
            }
        }
    });
}
