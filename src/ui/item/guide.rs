//! The guidebook's text, to read aloud: 概要, 背景, イノベーション後の姿, 例 (tickable), 備考.

use super::super::tokens::{line, radius, space, text};
use super::super::widgets::accessible_name;
use crate::checklist::{Item, ItemId};
use crate::i18n::Lang;
use crate::project::Team;
use crate::session::{CommandSender, Edit};
use crate::tr;
use egui::{RichText, Role};

pub fn guide_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    item: &Item,
    lang: Lang,
    tx: &CommandSender,
) {
    let response = &team.responses[id];
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(space::FRAME)
        .corner_radius(radius::FRAME)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Japanese is set flush on both sides (両端揃え); English justified leaves wide
            // gaps between words, so it is set ragged right.
            let layout = match lang {
                Lang::Ja => *ui.layout(),
                Lang::En => egui::Layout::top_down(egui::Align::Min),
            };
            ui.with_layout(layout, |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(&item.summary)
                            .size(text::LEAD)
                            .line_height(Some(line::LEAD)),
                    )
                    .wrap(),
                );
                page_wording_ui(ui, item, lang);
            });
        });
    ui.add_space(space::S + space::XS);
    guide_sections_ui(ui, response, id, item, lang, tx, team);
}

/// Where the explanation page words the summary differently, its wording beneath, marked.
fn page_wording_ui(ui: &mut egui::Ui, item: &Item, lang: Lang) {
    if !item.page_summary.is_empty() || item.page_title.is_some() {
        ui.add_space(space::S);
        ui.label(
            RichText::new(tr!(lang, "guide.on_the_page"))
                .small()
                .strong()
                .weak(),
        )
        .on_hover_text(tr!(lang, "guide.on_the_page_hint"));
        if let Some(title) = &item.page_title {
            ui.add(egui::Label::new(RichText::new(title).weak().strong()).wrap());
        }
        for paragraph in &item.page_summary {
            ui.add(egui::Label::new(RichText::new(paragraph).weak()).wrap());
        }
    }
}

/// 背景, イノベーション後の姿, 例 (tickable) and 備考, each folding away.
fn guide_sections_ui(
    ui: &mut egui::Ui,
    response: &crate::project::ItemResponse,
    id: ItemId,
    item: &Item,
    lang: Lang,
    tx: &CommandSender,
    team: &Team,
) {
    let paragraphs = |ui: &mut egui::Ui, texts: &[String]| {
        for paragraph in texts {
            ui.horizontal_top(|ui| {
                ui.label(lang.bullet().trim_end());
                ui.add(
                    egui::Label::new(
                        RichText::new(paragraph)
                            .size(text::READING)
                            .line_height(Some(line::READING)),
                    )
                    .wrap(),
                );
            });
        }
    };
    // The sections' headings explain themselves on hover, in the guidebook's own words.
    let meanings = &crate::checklist::Checklist::get(lang).framing.sections;
    egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.background")).strong())
        .id_salt(("background", id))
        .default_open(true)
        .show(ui, |ui| paragraphs(ui, &item.background))
        .header_response
        .on_hover_text(&meanings.background);
    egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.ideal")).strong())
        .id_salt(("ideal", id))
        .default_open(true)
        .show(ui, |ui| paragraphs(ui, &item.ideal))
        .header_response
        .on_hover_text(&meanings.ideal);
    egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.examples")).strong())
        .id_salt(("examples", id))
        .default_open(true)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!(lang, "guide.examples_hint")).weak());
            for (n, example) in item.examples.iter().enumerate() {
                let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
                let mut done = response.example_done(number);
                let check = ui.checkbox(
                    &mut done,
                    RichText::new(example)
                        .size(text::READING)
                        .line_height(Some(line::READING)),
                );
                accessible_name(
                    &check,
                    Role::CheckBox,
                    Some(done),
                    &format!("{} {number}", tr!(lang, "guide.example")),
                );
                if check.changed() {
                    tx.edit(Edit::SetExampleDone {
                        team: team.id,
                        item: id,
                        number,
                        done,
                    });
                }
            }
        })
        .header_response
        .on_hover_text(&meanings.examples);

    if !item.notes.is_empty() {
        egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.notes")).strong())
            .id_salt(("notes", id))
            .default_open(false)
            .show(ui, |ui| paragraphs(ui, &item.notes));
    }
}
