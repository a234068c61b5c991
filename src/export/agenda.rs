//! The time plan as Markdown, for the invitation mail: ten items, their minutes, and why.

use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::Project;
use crate::project::agenda::{Agenda, ItemWeight};
use crate::tr;
use std::fmt::Write;

/// The plan for `minutes`, weighted by the project's votes and targets where there are any.
pub fn markdown(project: &Project, minutes: u32, lang: Lang) -> String {
    let checklist = Checklist::get(lang);
    let weights = ItemWeight::of_project(project);
    let has_votes = project
        .teams
        .iter()
        .any(|t| t.responses.0.iter().any(|r| !r.votes.is_empty()));
    let agenda = if has_votes {
        Agenda::weighted(minutes, &weights)
    } else {
        Agenda::equal(minutes)
    };
    let title = if project.meta.title.trim().is_empty() {
        tr!(lang, "report.untitled")
    } else {
        project.meta.title.trim().to_owned()
    };
    let mut out = String::new();
    let w = &mut out;
    // Writing into a String cannot fail.
    let _ = writeln!(w, "# {}: {title}\n", tr!(lang, "agenda.title"));
    let how = if has_votes {
        tr!(lang, "agenda.md_weighted", minutes = agenda.total_minutes)
    } else {
        tr!(lang, "agenda.md_equal", minutes = agenda.total_minutes)
    };
    let _ = writeln!(w, "{how}\n");
    let _ = writeln!(
        w,
        "| {} | {} | {} | {} |",
        tr!(lang, "report.col.item"),
        tr!(lang, "agenda.md_minutes"),
        tr!(lang, "agenda.md_spread"),
        tr!(lang, "agenda.md_gap")
    );
    let _ = writeln!(w, "|:--|--:|--:|--:|");
    for id in ItemId::ALL {
        let weight = weights[id.index()];
        let _ = writeln!(
            w,
            "| {}. {} | {} | {} | {} |",
            id.number(),
            checklist.item(id).title,
            agenda.minutes_for(id),
            weight.spread,
            weight.gap
        );
    }
    let _ = writeln!(
        w,
        "| **{}** | **{}** | | |",
        tr!(lang, "agenda.md_total"),
        agenda.total_minutes
    );
    if has_votes {
        let _ = writeln!(w, "\n{}", tr!(lang, "agenda.by_votes_how"));
    }
    out
}
