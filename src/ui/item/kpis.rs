//! The item's indicators (KPIs): what is measured, from which baseline towards which target, and
//! what was measured this round. The guidebook asks for them in item 6; any item may have them.

use super::super::tokens::space;
use super::super::widgets::{accessible_name, date_input_ui, section_heading_ui};
use crate::checklist::ItemId;
use crate::i18n::Lang;
use crate::project::kpi::{Kpi, Measurement, format_value, parse_value};
use crate::project::{ItemResponse, Team};
use crate::session::{CommandSender, Edit, KpiText, KpiValue, Session, TextField};
use crate::tr;
use egui::{RichText, Role};

pub fn kpis_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    tx: &CommandSender,
) {
    let lang = session.lang;
    let add = Edit::AddKpi {
        team: team.id,
        item: id,
    };
    // Item 6 is where the guidebook asks for indicators; elsewhere an empty section would only
    // push the actions down, so a small button offers one instead.
    if id != ItemId::ValueKpi && response.kpis.is_empty() {
        ui.add_space(space::S);
        if ui.small_button(tr!(lang, "kpi.add_here")).clicked() {
            tx.edit(add);
        }
        return;
    }
    section_heading_ui(ui, &tr!(lang, "report.kpis"));
    if response.kpis.is_empty() {
        ui.label(RichText::new(tr!(lang, "kpi.none_yet")).weak());
    }
    for (index, kpi) in response.kpis.iter().enumerate() {
        let card = KpiCard {
            team,
            item: id,
            kpi,
            number: index + 1,
            lang,
            today: session
                .project()
                .and_then(|p| p.meta.date)
                .unwrap_or_else(|| session.today()),
        };
        egui::Frame::group(ui.style())
            .inner_margin(space::M)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                card.ui(ui, tx);
            });
    }
    if ui.button(tr!(lang, "kpi.add")).clicked() {
        tx.edit(add);
    }
}

/// One indicator's card, with what its widgets need to name themselves and send their edits.
struct KpiCard<'a> {
    team: &'a Team,
    item: ItemId,
    kpi: &'a Kpi,
    /// 1-based, as shown.
    number: usize,
    lang: Lang,
    /// The date a newly dated measurement gets: the workshop's, else today.
    today: chrono::NaiveDate,
}

impl KpiCard<'_> {
    fn name(&self, key: &str) -> String {
        format!("{} {}", tr!(self.lang, key), self.number)
    }

    fn text(&self, part: KpiText) -> TextField {
        TextField::Kpi {
            team: self.team.id,
            item: self.item,
            kpi: self.kpi.id,
            part,
        }
    }

    fn set(&self, which: KpiValue, value: Option<Measurement>) -> Edit {
        Edit::SetKpiValue {
            team: self.team.id,
            item: self.item,
            kpi: self.kpi.id,
            which,
            value,
        }
    }

    fn ui(&self, ui: &mut egui::Ui, tx: &CommandSender) {
        let lang = self.lang;
        ui.horizontal(|ui| {
            // 「1.」 as actions are numbered; the field itself is named 「指標 1」.
            let label = ui.label(RichText::new(format!("{}.", self.number)).strong());
            let remove = ui
                .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let remove = ui.small_button("×").on_hover_text(tr!(lang, "kpi.remove"));
                    accessible_name(&remove, Role::Button, None, &self.name("kpi.remove"));
                    let mut indicator = self.kpi.indicator.clone();
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut indicator)
                                .desired_width(f32::INFINITY)
                                .hint_text(tr!(lang, "kpi.indicator_hint")),
                        )
                        .labelled_by(label.id);
                    accessible_name(&edit, Role::TextInput, None, &self.name("kpi.indicator"));
                    if edit.changed() {
                        tx.edit(Edit::SetText(self.text(KpiText::Indicator), indicator));
                    }
                    remove
                })
                .inner;
            if remove.clicked() {
                tx.edit(Edit::RemoveKpi {
                    team: self.team.id,
                    item: self.item,
                    kpi: self.kpi.id,
                });
            }
        });
        ui.add_space(space::XS);
        egui::Grid::new(("kpi-values", self.team.id, self.kpi.id))
            .num_columns(3)
            .spacing([space::M, space::S])
            .show(ui, |ui| {
                for which in [KpiValue::Baseline, KpiValue::Target, KpiValue::Current] {
                    if which == KpiValue::Current
                        && let Some(previous) = self.kpi.previous
                    {
                        ui.label(tr!(lang, "kpi.previous"));
                        ui.label(self.with_unit(previous.value));
                        ui.label(
                            previous
                                .date
                                .map(|d| crate::words::format_date_compact(d, lang))
                                .unwrap_or_default(),
                        );
                        ui.end_row();
                    }
                    self.value_row_ui(ui, which, tx);
                    ui.end_row();
                }
            });
        if let Some(progress) = self.kpi.progress() {
            let percent = (progress * 100.0).round();
            ui.label(RichText::new(tr!(lang, "kpi.progress", percent = percent)).weak());
        }
        ui.add_space(space::XS);
        ui.horizontal_wrapped(|ui| {
            for (key, part, width) in [
                ("kpi.unit", KpiText::Unit, 60.0),
                ("kpi.method", KpiText::Method, 160.0),
                ("kpi.frequency", KpiText::Frequency, 100.0),
                ("kpi.owner", KpiText::Owner, 120.0),
            ] {
                let label =
                    ui.add(egui::Label::new(tr!(lang, key)).wrap_mode(egui::TextWrapMode::Extend));
                let mut text = match part {
                    KpiText::Unit => &self.kpi.unit,
                    KpiText::Method => &self.kpi.method,
                    KpiText::Frequency => &self.kpi.frequency,
                    KpiText::Owner => &self.kpi.owner,
                    KpiText::Indicator => &self.kpi.indicator,
                }
                .clone();
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(width))
                    .labelled_by(label.id);
                accessible_name(&edit, Role::TextInput, None, &self.name(key));
                if edit.changed() {
                    tx.edit(Edit::SetText(self.text(part), text));
                }
                ui.add_space(space::S);
            }
        });
    }

    fn with_unit(&self, value: f64) -> String {
        let unit = self.kpi.unit.trim();
        if unit.is_empty() {
            format_value(value)
        } else {
            format!("{} {unit}", format_value(value))
        }
    }

    /// A value typed as text, and its date: typing "1,2" on the way to "1,234" must not be
    /// refused, so the text is kept while the field has the keyboard and sent only when it reads
    /// as a number (or is emptied, which clears the value).
    fn value_row_ui(&self, ui: &mut egui::Ui, which: KpiValue, tx: &CommandSender) {
        let lang = self.lang;
        let (key, value) = match which {
            KpiValue::Baseline => ("kpi.baseline", self.kpi.baseline),
            KpiValue::Target => ("kpi.target", self.kpi.target),
            KpiValue::Current => ("kpi.current", self.kpi.current),
        };
        let label = ui.label(tr!(lang, key));
        ui.horizontal(|ui| {
            let id = ui.make_persistent_id(("kpi-value", self.team.id, self.kpi.id, key));
            let shown = value.map(|m| format_value(m.value)).unwrap_or_default();
            let focused = ui.memory(|m| m.has_focus(id));
            let mut text = if focused {
                ui.data(|d| d.get_temp::<String>(id)).unwrap_or(shown)
            } else {
                shown
            };
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .id(id)
                        .desired_width(90.0)
                        .align(egui::Align2::RIGHT_CENTER),
                )
                .labelled_by(label.id);
            accessible_name(&edit, Role::TextInput, None, &self.name(key));
            let readable = text.trim().is_empty() || parse_value(&text).is_some();
            if edit.changed() {
                ui.data_mut(|d| d.insert_temp(id, text.clone()));
                if text.trim().is_empty() {
                    tx.edit(self.set(which, None));
                } else if let Some(number) = parse_value(&text) {
                    let date = value.and_then(|m| m.date);
                    tx.edit(self.set(
                        which,
                        Some(Measurement {
                            value: number,
                            date,
                        }),
                    ));
                }
            }
            if !readable {
                ui.painter().rect_stroke(
                    edit.rect.expand(1.0),
                    2.0,
                    egui::Stroke::new(1.5, ui.visuals().error_fg_color),
                    egui::StrokeKind::Outside,
                );
                ui.label(
                    RichText::new(tr!(lang, "kpi.not_a_number")).color(ui.visuals().error_fg_color),
                );
            }
            if !self.kpi.unit.trim().is_empty() {
                ui.label(self.kpi.unit.trim());
            }
        });
        ui.horizontal(|ui| {
            let Some(measurement) = value else {
                return;
            };
            let name = format!("{} {}", self.name(key), tr!(lang, "kpi.date"));
            let dated = |date| {
                self.set(
                    which,
                    Some(Measurement {
                        date,
                        ..measurement
                    }),
                )
            };
            if let Some(date) = measurement.date {
                let salt = format!("kpi-date-{}-{}-{key}", self.team.id, self.kpi.id);
                if let Some(date) = date_input_ui(ui, &salt, date, &name, lang) {
                    tx.edit(dated(Some(date)));
                }
                let clear = ui
                    .small_button("×")
                    .on_hover_text(tr!(lang, "kpi.clear_date"));
                let clear_name = format!("{} {}", self.name(key), tr!(lang, "kpi.clear_date"));
                accessible_name(&clear, Role::Button, None, &clear_name);
                if clear.clicked() {
                    tx.edit(dated(None));
                }
            } else {
                let set = ui.small_button(tr!(lang, "kpi.set_date"));
                accessible_name(&set, Role::Button, None, &name);
                if set.clicked() {
                    tx.edit(dated(Some(self.today)));
                }
            }
        });
    }
}
