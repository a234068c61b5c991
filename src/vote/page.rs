//! The phone's page: mobile-first, self-contained (no CDN, no web font: the phone's own Japanese
//! font), a plain HTML form that works without JavaScript, and a small script that keeps the
//! count live and reloads when the facilitator moves on or reveals.
//!
//! Japanese text breaks between phrases in every browser: the server puts `<wbr>` between
//! `BudouX`'s phrases and the style keeps words whole (`word-break: keep-all`).

use super::poll::{Poll, Rejection, Scope};
use crate::checklist::{Checklist, ItemId};
use crate::export::html::phrased;
use crate::i18n::Lang;
use crate::project::{Answer, Distribution, Level};
use crate::tr;
use maud::{DOCTYPE, Markup, html};

/// The page's style and script, served beside it (the page loads nothing from elsewhere).
pub const CSS: &str = include_str!("../../assets/vote/app.css");
pub const JS: &str = include_str!("../../assets/vote/app.js");

/// What one page shows, besides the poll itself.
pub struct View<'a> {
    pub poll: &'a Poll,
    pub lang: Lang,
    /// `/v/<token>`: where the form posts and the assets live.
    pub base: &'a str,
    pub phone: &'a str,
    /// The ballot token of this phone's form for an item.
    pub ballot: &'a dyn Fn(ItemId) -> String,
    /// What became of the vote just sent, if any.
    pub outcome: Option<Outcome>,
    /// The name the facilitator released from this phone, said once.
    pub released: Option<String>,
}

/// What happened to the vote just sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Recorded(ItemId, Answer),
    /// Recorded under a new name, with the phone's other ballots moved to it.
    Renamed {
        item: ItemId,
        name: String,
        moved: usize,
    },
    Refused(Rejection),
    /// Received, but the journal could not be written.
    NotSaved(ItemId),
    /// The reason for the vote on the item was kept (or taken back, when sent empty).
    ReasonSent(ItemId),
}

pub fn page(view: &View) -> String {
    let lang = view.lang;
    let poll = view.poll;
    let checklist = Checklist::get(lang);
    let title = match poll.config.scope {
        Scope::Item(item) => format!("{}. {}", item.number(), checklist.item(item).title),
        Scope::AllItems => tr!(lang, "phone.all_items"),
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { "Kizuki — " (title) }
                link rel="stylesheet" href={ (view.base) "/app.css" };
                script src={ (view.base) "/app.js" } defer {}
            }
            body data-state={ (view.base) "/state" } data-version=(poll.version()) {
                header {
                    span.brand { "Kizuki" }
                    span.team { (poll.config.team_name) }
                    nav.lang aria-label=(tr!(lang, "menu.language")) {
                        @match lang {
                            Lang::Ja => a href={ (view.base) "?lang=en" } lang="en" hreflang="en" { "English" },
                            Lang::En => a href={ (view.base) "?lang=ja" } lang="ja" hreflang="ja" { "日本語" },
                        }
                    }
                }
                main {
                    @if let Some(name) = &view.released {
                        p.error role="alert" { (tr!(lang, "phone.released", name = name)) }
                    }
                    @if let Some(outcome) = &view.outcome {
                        (outcome_html(outcome, lang))
                    }
                    // Who will see the vote, said before it is cast.
                    p.privacy {
                        @if poll.config.anonymous {
                            (phrased(&tr!(lang, "phone.privacy_anonymous", fewest = Distribution::FEWEST_SHOWN)))
                        } @else if poll.config.names_private {
                            (phrased(&tr!(lang, "phone.privacy_facilitator")))
                        } @else {
                            (phrased(&tr!(lang, "phone.privacy_named")))
                        }
                    }
                    @match poll.config.scope {
                        Scope::Item(item) => (item_html(view, item, true)),
                        Scope::AllItems => {
                            h1 { (phrased(&title)) }
                            p { (phrased(&tr!(lang, "phone.all_items_hint"))) }
                            @for item in ItemId::ALL {
                                (item_html(view, item, false))
                            }
                        }
                    }
                    @if poll.config.phones_per_address > 1 {
                        p { a.shared href={ (view.base) "/new" } { (tr!(lang, "phone.shared")) } }
                    }
                }
                footer { (phrased(&tr!(lang, "phone.footer"))) }
            }
        }
    }
    .into_string()
}

/// Text with a break opportunity between its phrases (`BudouX`), and nowhere else.
fn outcome_html(outcome: &Outcome, lang: Lang) -> Markup {
    match outcome {
        Outcome::Recorded(item, answer) => html! {
            p.ok role="status" {
                (tr!(lang, "phone.recorded", number = item.number(), level = answer.text(lang)))
            }
        },
        Outcome::Renamed { item, name, moved } => html! {
            p.ok role="status" {
                (tr!(lang, lang.count_key("phone.renamed", *moved), name = name, count = moved))
                " "
                (tr!(lang, "phone.recorded_short", number = item.number()))
            }
        },
        Outcome::Refused(why) => html! {
            p.error role="alert" { (rejection_text(*why, lang)) }
        },
        Outcome::ReasonSent(item) => html! {
            p.ok role="status" { (tr!(lang, "phone.reason_sent", number = item.number())) }
        },
        Outcome::NotSaved(item) => html! {
            p.error role="alert" { (tr!(lang, "phone.not_saved", number = item.number())) }
        },
    }
}

pub fn rejection_text(why: Rejection, lang: Lang) -> String {
    match why {
        Rejection::UnknownMember => tr!(lang, "phone.unknown_member"),
        Rejection::NoName => tr!(lang, "phone.no_name"),
        Rejection::BadLevel => tr!(lang, "phone.bad_level"),
        Rejection::UnknownItem => tr!(lang, "phone.unknown_item"),
        Rejection::NameTaken => tr!(lang, "phone.name_taken"),
        Rejection::Closed => tr!(lang, "phone.closed"),
        Rejection::NotIssued => tr!(lang, "phone.not_issued"),
        Rejection::NameNotWanted => tr!(lang, "phone.name_not_wanted"),
        Rejection::Full(ceiling) => tr!(lang, "phone.full", ceiling = ceiling),
        Rejection::AddressUsed => tr!(lang, "phone.address_used"),
        Rejection::NameLocked => tr!(lang, "phone.name_locked"),
        Rejection::ReasonTooLong => {
            tr!(
                lang,
                "phone.reason_too_long",
                max = crate::project::Reason::MAX_CHARS
            )
        }
        Rejection::ReasonWithoutVote => tr!(lang, "phone.reason_without_vote"),
    }
}

fn item_html(view: &View, item: ItemId, single: bool) -> Markup {
    let lang = view.lang;
    let poll = view.poll;
    let checklist = Checklist::get(lang);
    let text = checklist.item(item);
    let status = poll.status(item);
    let mine = poll.ballot(view.phone, item);
    let chosen = poll.name_of(view.phone);
    let taken = poll.taken_names(view.phone);
    let member_id = format!("member-{}", item.as_str());
    html! {
        section.item id=(item.as_str()) {
            @if single {
                h1 { (item.number()) ". " (phrased(&text.title)) }
            } @else {
                h2 { (item.number()) ". " (phrased(&text.title)) }
            }
            details.about {
                summary { (tr!(lang, "phone.about_item")) }
                p.summary { (phrased(&text.summary)) }
            }
            p.count data-item=(item.as_str()) aria-live="polite" {
                (tr!(lang, "phone.count", voted = status.voted, expected = status.expected))
            }
            @if status.revealed {
                @match status.distribution {
                    Some(distribution) => (distribution_html(distribution, lang)),
                    None => div.revealed {
                        p { strong { (tr!(lang, "phone.revealed")) } }
                        p { (tr!(lang, "report.anonymous_withheld", count = status.voted, fewest = Distribution::FEWEST_SHOWN)) }
                    },
                }
            } @else {
                form method="post" action=(view.base) {
                    input type="hidden" name="item" value=(item.as_str());
                    input type="hidden" name="ballot" value=((view.ballot)(item));
                    @if !poll.config.anonymous {
                        label.select for=(member_id) {
                            span { (tr!(lang, "phone.who")) }
                            // The first choice names nobody, so that a browser which selects
                            // the first option by itself never votes under someone's name.
                            select id=(member_id) name="member" required {
                                option value="" selected[chosen.is_none()] { (tr!(lang, "phone.choose_name")) }
                                @for (_, name) in &poll.config.members {
                                    @let is_taken = taken.contains(name);
                                    option value=(name) selected[chosen.as_deref() == Some(name.as_str())]
                                        disabled[is_taken] {
                                        (name)
                                        @if is_taken { " (" (tr!(lang, "phone.taken")) ")" }
                                    }
                                }
                            }
                        }
                        @if chosen.is_some() {
                            p.rule { (tr!(lang, "phone.name_rule")) }
                        }
                    }
                    fieldset.levels {
                        legend { (tr!(lang, "phone.level")) }
                        @for level in Level::ALL {
                            @let words = checklist.level(level);
                            @let chosen = mine == Some(Answer::Level(level));
                            button type="submit" name="level" value=(level.get())
                                class=[chosen.then_some("chosen")]
                                aria-pressed=(chosen) {
                                span.n { (level.get()) }
                                span.name { (phrased(&words.name)) }
                                @if single { small { (phrased(&words.description)) } }
                            }
                        }
                        // Below the five, set apart: a way out for who cannot judge, not a sixth level.
                        @let chosen = mine == Some(Answer::DontKnow);
                        button.dk.chosen[chosen] type="submit" name="level" value=(Answer::DONT_KNOW)
                            aria-pressed=(chosen) {
                            span.n { "?" }
                            span.name { (phrased(&tr!(lang, "answer.dont_know_long"))) }
                            @if single { small { (phrased(&tr!(lang, "phone.dont_know_hint"))) } }
                        }
                    }
                    @if let Some(answer) = mine {
                        p.mine { (tr!(lang, "phone.your_vote", level = answer.text(lang))) }
                    }
                }
                // A form of its own, after the vote: the keyboard's Enter sends the reason, and
                // can never press a level.
                @if mine.is_some() {
                    (reason_html(view, item))
                }
            }
        }
    }
}

/// One optional line with the vote: who will see it, and when, said before it is written.
fn reason_html(view: &View, item: ItemId) -> Markup {
    let lang = view.lang;
    let poll = view.poll;
    let id = format!("reason-{}", item.as_str());
    let hint_id = format!("reason-hint-{}", item.as_str());
    let given = poll.reason(view.phone, item).unwrap_or_default();
    let whose = if poll.config.anonymous {
        "phone.reason_anonymous"
    } else if poll.config.names_private {
        "phone.reason_facilitator"
    } else {
        "phone.reason_named"
    };
    html! {
        form.reason method="post" action=(view.base) {
            input type="hidden" name="item" value=(item.as_str());
            input type="hidden" name="ballot" value=((view.ballot)(item));
            label for=(id) { (tr!(lang, "phone.reason_label")) }
            p.hint id=(hint_id) {
                (phrased(&tr!(lang, "phone.reason_hint"))) br; (phrased(&tr!(lang, whose)))
            }
            div.line {
                input type="text" id=(id) name="reason" value=(given)
                    maxlength=(crate::project::Reason::MAX_CHARS) autocomplete="off"
                    enterkeyhint="send" aria-describedby=(hint_id);
                button type="submit" { (tr!(lang, "phone.reason_send")) }
            }
            @if !given.is_empty() {
                p.sent { "✓ " (tr!(lang, "phone.reason_kept")) }
            }
        }
    }
}

fn distribution_html(distribution: Distribution, lang: Lang) -> Markup {
    let checklist = Checklist::get(lang);
    let mut rows: Vec<(String, u32)> = Level::ALL
        .iter()
        .map(|&level| {
            let label = format!("{} {}", level.get(), checklist.level(level).name);
            (label, distribution.count(level.into()))
        })
        .collect();
    if distribution.dont_know > 0 {
        rows.push((
            format!("? {}", tr!(lang, "answer.dont_know")),
            distribution.dont_know,
        ));
    }
    let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    html! {
        div.revealed {
            p { strong { (tr!(lang, "phone.revealed")) } }
            ol.bars {
                @for (label, count) in rows {
                    li {
                        span.label { (label) }
                        span.bar style={ "width:" (count * 100 / most) "%" } aria-hidden="true" {}
                        span.c { (count) }
                    }
                }
            }
        }
    }
}

/// A page that says what went wrong with a request that could not even be read.
pub fn error_page(message: &str, lang: Lang) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Kizuki" }
                style { (maud::PreEscaped(CSS)) }
            }
            body { main { p.error role="alert" { (message) } } }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vote::poll::PollConfig;

    fn rendered(anonymous: bool, names_private: bool) -> String {
        let project = crate::project::sample_project();
        let mut config =
            PollConfig::for_team(&project.teams[0], Scope::Item(ItemId::Partners), anonymous);
        config.names_private = names_private;
        let poll = Poll::new(config);
        let ballot = |_| String::new();
        page(&View {
            poll: &poll,
            lang: Lang::Ja,
            base: "/v/t",
            phone: "p",
            ballot: &ballot,
            outcome: None,
            released: None,
        })
    }

    #[test]
    fn the_phone_says_who_will_see_the_vote_before_it_is_cast() {
        // The line's text, without the phrase spans and break opportunities.
        let line = |html: &str| {
            let start = html.find("class=\"privacy\"").expect("the line");
            let end = start + html[start..].find("</p>").expect("its end");
            let mut text = String::new();
            let mut in_tag = false;
            for c in html[start..end].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        };
        assert!(line(&rendered(true, false)).contains("匿名の投票です"));
        assert!(
            line(&rendered(false, false)).contains("名前と選んだレベルがチームの記録に残ります")
        );
        assert!(line(&rendered(false, true)).contains("ファシリテーターだけ"));
    }
}
