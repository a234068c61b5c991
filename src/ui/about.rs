//! 「このチェックリストについて」: the guidebook's own framing, quoted as it is, large enough for
//! the first five minutes of a workshop on a projector. Reachable from the start screen, the walk
//! and the Help menu.

use super::tokens::{line, radius, space, text};
use crate::Lang;
use crate::checklist::Checklist;
use crate::session::{Command, CommandSender, Session, ViewChange};
use crate::tr;
use egui::RichText;

/// Text a little larger than the walk's: this page is read from the back of a room.
const ABOUT_TEXT: f32 = 19.0;
const ABOUT_LINE: f32 = 29.0;

pub fn about_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let framing = &Checklist::get(lang).framing;
    let leave = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if leave {
        tx.send(Command::View(ViewChange::Page(None)));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(920.0);
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(tr!(lang, "about.title"))
                            .size(text::HEADING + 4.0)
                            .family(super::fonts::bold())
                            .strong(),
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .button(tr!(lang, "about.back"))
                            .on_hover_text("Esc")
                            .clicked()
                        {
                            tx.send(Command::View(ViewChange::Page(None)));
                        }
                    });
                });
                ui.label(RichText::new(tr!(lang, "about.source")).weak());
                ui.add_space(space::L);
                ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                    heading_ui(ui, &tr!(lang, "about.purpose"));
                    for paragraph in &framing.purpose {
                        paragraph_ui(ui, paragraph);
                    }
                    // The guidebook's own caveat: it prompts insight, it guarantees nothing.
                    quote_ui(ui, &framing.caveat, ui.visuals().warn_fg_color);
                    heading_ui(ui, &tr!(lang, "about.definition"));
                    quote_ui(ui, &framing.definition, ui.visuals().hyperlink_color);
                    heading_ui(ui, &tr!(lang, "about.situations"));
                    for situation in &framing.situations {
                        bullet_ui(ui, lang, situation);
                    }
                    heading_ui(ui, &tr!(lang, "about.reading"));
                    for paragraph in &framing.reading {
                        paragraph_ui(ui, paragraph);
                    }
                    ui.add_space(space::S);
                    for (name, meaning) in [
                        (tr!(lang, "guide.background"), &framing.sections.background),
                        (tr!(lang, "guide.ideal"), &framing.sections.ideal),
                        (tr!(lang, "guide.examples"), &framing.sections.examples),
                    ] {
                        // The guidebook's 『背景』; in English a bold run-in heading, "Background:".
                        let name = match lang {
                            Lang::Ja => RichText::new(format!("『{name}』")),
                            Lang::En => {
                                RichText::new(format!("{name}:")).family(super::fonts::bold())
                            }
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(name.size(ABOUT_TEXT).strong());
                            ui.label(RichText::new(meaning).size(ABOUT_TEXT));
                        });
                    }
                    heading_ui(ui, &tr!(lang, "about.scale"));
                    ui.add(
                        egui::Label::new(
                            RichText::new(tr!(lang, "about.scale_note"))
                                .size(text::READING)
                                .line_height(Some(line::READING))
                                .weak(),
                        )
                        .wrap(),
                    );
                    program_ui(ui, session);
                    ui.add_space(space::XXL);
                });
            });
        });
}

fn heading_ui(ui: &mut egui::Ui, heading: &str) {
    ui.add_space(space::L);
    ui.label(
        RichText::new(heading)
            .size(text::HEADING - 2.0)
            .family(super::fonts::bold())
            .strong(),
    );
    ui.add_space(space::S);
}

fn paragraph_ui(ui: &mut egui::Ui, paragraph: &str) {
    ui.add(
        egui::Label::new(
            RichText::new(paragraph)
                .size(ABOUT_TEXT)
                .line_height(Some(ABOUT_LINE)),
        )
        .wrap(),
    );
}

fn bullet_ui(ui: &mut egui::Ui, lang: Lang, paragraph: &str) {
    ui.horizontal_top(|ui| {
        ui.label(RichText::new(lang.bullet().trim_end()).size(ABOUT_TEXT));
        paragraph_ui(ui, paragraph);
    });
}

/// A sentence set apart by a coloured bar, as the guidebook sets its definition apart.
fn quote_ui(ui: &mut egui::Ui, sentence: &str, bar: egui::Color32) {
    ui.add_space(space::S);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(egui::Stroke::new(1.0, bar))
        .corner_radius(radius::FRAME)
        .inner_margin(space::L)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(sentence)
                        .size(ABOUT_TEXT + 1.0)
                        .line_height(Some(ABOUT_LINE))
                        .strong(),
                )
                .wrap(),
            );
        });
    ui.add_space(space::S);
}

/// The third-party notices of what this platform's build compiles in, as shipped beside it
/// (packaging/notices.sh keeps these copies current; CI checks them against Cargo.lock).
#[cfg(windows)]
const NOTICES: &str = include_str!("../../packaging/notices/windows.txt");
#[cfg(target_os = "macos")]
const NOTICES: &str = include_str!("../../packaging/notices/macos.txt");
#[cfg(not(any(windows, target_os = "macos")))]
const NOTICES: &str = include_str!("../../packaging/notices/linux.txt");

/// Kizuki itself: its version and licence, what the PC's administrator has set, and the
/// licences of every component in it (which their terms require to be shown).
fn program_ui(ui: &mut egui::Ui, session: &Session) {
    let lang = session.lang;
    heading_ui(ui, &tr!(lang, "about.program"));
    let version = format!("Kizuki {}", env!("CARGO_PKG_VERSION"));
    ui.label(RichText::new(version).size(text::READING).strong());
    for line in [tr!(lang, "about.licence"), tr!(lang, "about.offline")]
        .into_iter()
        .chain(session.policy.describe(lang))
    {
        ui.add(egui::Label::new(RichText::new(line).size(text::READING)).wrap());
    }
    ui.add_space(space::S);
    let components = notice_components(NOTICES);
    egui::CollapsingHeader::new(tr!(lang, "about.notices", count = components))
        .id_salt("third-party-notices")
        .show(ui, |ui| {
            // Half a megabyte of text: only the rows in view are laid out.
            let lines: Vec<&str> = NOTICES.lines().collect();
            let row = ui.text_style_height(&egui::TextStyle::Monospace);
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .auto_shrink([false, true])
                .show_rows(ui, row, lines.len(), |ui, range| {
                    for line in &lines[range] {
                        ui.label(RichText::new(*line).monospace());
                    }
                });
        });
}

/// How many components the notices name (their "Used by" lines, each crate once).
fn notice_components(notices: &str) -> usize {
    let mut names: Vec<&str> = notices
        .lines()
        .filter(|l| l.starts_with("  ") && l.trim().split(' ').count() == 2)
        .filter(|l| {
            l.trim()
                .split(' ')
                .nth(1)
                .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(str::trim)
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_notices_name_every_component_once() {
        let count = super::notice_components(super::NOTICES);
        // Hundreds of crates; the count is what the About window says.
        assert!(count > 100, "{count}");
        assert_eq!(
            super::notice_components(
                "Used by:\n  a 1.0\n  b 2.0\n\nUsed by:\n  a 1.0\n  MIT License (3)\n"
            ),
            2
        );
    }
}
