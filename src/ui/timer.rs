//! The item's timer in the header: time left on this item and on the whole walk, start/pause and
//! +2 minutes. Running over is said in plain words, never in red, and stops nothing.

use super::widgets::accessible_name;
use crate::checklist::ItemId;
use crate::session::timer::{ItemTime, clock_text, countdown_text};
use crate::session::{CommandSender, Session, UICommand};
use crate::tr;
use egui::{RichText, Role};

pub fn timer_ui(ui: &mut egui::Ui, session: &Session, item: ItemId, tx: &CommandSender) {
    let lang = session.lang;
    let this = session.item_time(item);
    let total = session.total_time();
    let toggle = UICommand::TimerStartPause;
    let (symbol, name) = if this.running {
        ("‖", tr!(lang, "timer.pause"))
    } else {
        ("▶", tr!(lang, "timer.start"))
    };
    let button = ui.small_button(symbol);
    accessible_name(&button, Role::Button, None, &name);
    let keys = toggle.shortcut_text().unwrap_or_default();
    if button.on_hover_text(format!("{name} ({keys})")).clicked() {
        tx.run(toggle);
    }
    let add = ui.small_button(tr!(lang, "timer.plus_two"));
    if add
        .on_hover_text(UICommand::TimerAddTime.hint(lang))
        .clicked()
    {
        tx.run(UICommand::TimerAddTime);
    }
    let label = ui.label(item_text(&this, lang));
    if this.running {
        // Announced for screen readers; the seconds change every second.
        accessible_name(&label, Role::Timer, None, &item_text(&this, lang));
    }
    if let Some(left) = total.left() {
        let text = match left {
            Ok(left) => tr!(
                lang,
                "timer.total_left",
                minutes = left.as_secs().div_ceil(60)
            ),
            Err(over) => tr!(
                lang,
                "timer.total_over",
                minutes = over.as_secs().div_ceil(60)
            ),
        };
        ui.label(RichText::new(text).weak());
    }
}

/// 「残り 6:32 / 9 分」, 「1:20 超過 / 9 分」 or, without an agenda, 「経過 3:12」.
fn item_text(time: &ItemTime, lang: crate::Lang) -> String {
    let planned = time.planned.map(|p| p.as_secs() / 60);
    match (time.left(), planned) {
        (Some(Ok(left)), Some(minutes)) => tr!(
            lang,
            "timer.left",
            time = countdown_text(left),
            minutes = minutes
        ),
        (Some(Err(over)), Some(minutes)) => tr!(
            lang,
            "timer.over",
            time = clock_text(over),
            minutes = minutes
        ),
        _ => tr!(lang, "timer.elapsed", time = clock_text(time.spent)),
    }
}
