//! The phone's page: mobile-first, self-contained (no CDN, no web font: the phone's own Japanese
//! font), a plain HTML form that works without JavaScript, and a small script that keeps the
//! count live and reloads when the facilitator moves on or reveals.

use super::poll::{Poll, Rejection, Scope};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::Level;
use crate::tr;
use maud::{DOCTYPE, Markup, html};

/// What one page shows, besides the poll itself.
pub struct View<'a> {
    pub poll: &'a Poll,
    pub lang: Lang,
    /// `/v/<token>`: where the form posts and the assets live.
    pub base: &'a str,
    pub phone: &'a str,
    /// The name this phone last voted under (named mode), pre-selected.
    pub member: Option<String>,
    /// The outcome of the form just sent, if any.
    pub outcome: Option<Outcome>,
}

/// What happened to the vote just sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Recorded(ItemId, Level),
    Refused(Rejection),
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
            body data-state={ (view.base) "/state?phone=" (view.phone) } data-version=(poll_version(poll)) {
                header {
                    span.brand { "Kizuki" }
                    span.team { (poll.config.team_name) }
                    nav.lang {
                        @match lang {
                            Lang::Ja => a href={ (view.base) "?lang=en" } lang="en" { "English" },
                            Lang::En => a href={ (view.base) "?lang=ja" } lang="ja" { "日本語" },
                        }
                    }
                }
                main {
                    @if let Some(outcome) = view.outcome {
                        (outcome_html(outcome, lang))
                    }
                    @match poll.config.scope {
                        Scope::Item(item) => (item_html(view, item, true)),
                        Scope::AllItems => {
                            h1 { (title) }
                            p.hint { (tr!(lang, "phone.all_items_hint")) }
                            @for item in ItemId::ALL {
                                (item_html(view, item, false))
                            }
                        }
                    }
                }
                footer { (tr!(lang, "phone.footer")) }
            }
        }
    }
    .into_string()
}

/// A number that changes whenever what the page shows would: the script reloads on a change.
fn poll_version(poll: &Poll) -> String {
    let items = poll.items();
    let revealed = items.iter().filter(|i| poll.status(**i).revealed).count();
    format!("{}-{}", items.first().map_or("", |i| i.as_str()), revealed)
}

fn outcome_html(outcome: Outcome, lang: Lang) -> Markup {
    match outcome {
        Outcome::Recorded(item, level) => html! {
            p.ok role="status" {
                (tr!(lang, "phone.recorded", number = item.number(), level = level.get()))
            }
        },
        Outcome::Refused(why) => html! {
            p.error role="alert" { (rejection_text(why, lang)) }
        },
    }
}

pub fn rejection_text(why: Rejection, lang: Lang) -> String {
    match why {
        Rejection::UnknownMember => tr!(lang, "phone.unknown_member"),
        Rejection::BadLevel => tr!(lang, "phone.bad_level"),
        Rejection::UnknownItem => tr!(lang, "phone.unknown_item"),
        Rejection::NameTaken => tr!(lang, "phone.name_taken"),
        Rejection::Closed => tr!(lang, "phone.closed"),
        Rejection::NoBallot => tr!(lang, "phone.no_ballot"),
        Rejection::NameNotWanted => tr!(lang, "phone.name_not_wanted"),
    }
}

fn item_html(view: &View, item: ItemId, single: bool) -> Markup {
    let lang = view.lang;
    let poll = view.poll;
    let checklist = Checklist::get(lang);
    let text = checklist.item(item);
    let status = poll.status(item);
    let mine = poll.ballot(view.phone, item);
    let anonymous = poll.config.anonymous;
    let taken = poll.taken_names(view.phone);
    let chosen = view.member.clone().or_else(|| {
        poll.claimed_by(view.phone).and_then(|id| {
            poll.config
                .members
                .iter()
                .find(|(m, _)| *m == id)
                .map(|(_, n)| n.clone())
        })
    });
    html! {
        section.item id=(item.as_str()) {
            @if single {
                h1 { (item.number()) ". " (text.title) }
            } @else {
                h2 { (item.number()) ". " (text.title) }
            }
            p.summary { (text.summary) }
            p.count data-item=(item.as_str()) {
                (tr!(lang, "phone.count", voted = status.voted, expected = status.expected))
            }
            @if let Some(distribution) = status.distribution {
                (distribution_html(distribution, lang))
            } @else {
                form method="post" action=(view.base) {
                    input type="hidden" name="phone" value=(view.phone);
                    input type="hidden" name="item" value=(item.as_str());
                    @if !anonymous && single {
                        fieldset.members {
                            legend { (tr!(lang, "phone.who")) }
                            @for (_, name) in &poll.config.members {
                                @let is_taken = taken.contains(name);
                                label.member.taken[is_taken] {
                                    input type="radio" name="member" value=(name) required
                                        checked[chosen.as_deref() == Some(name.as_str())]
                                        disabled[is_taken];
                                    span { (name) }
                                    @if is_taken { small { (tr!(lang, "phone.taken")) } }
                                }
                            }
                        }
                    } @else if !anonymous {
                        // All items: the name chosen once, at the top of each form.
                        (member_select(poll, chosen.as_deref(), &taken, lang))
                    }
                    fieldset.levels {
                        legend { (tr!(lang, "phone.level")) }
                        @for level in Level::ALL {
                            @let words = checklist.level(level);
                            button type="submit" name="level" value=(level.get())
                                class=[(mine == Some(level)).then_some("chosen")]
                                aria-pressed=(mine == Some(level)) {
                                span.n { (level.get()) }
                                span.name { (words.name) }
                                @if single { small { (words.description) } }
                            }
                        }
                    }
                    @if let Some(level) = mine {
                        p.mine { (tr!(lang, "phone.your_vote", level = level.get())) }
                    }
                }
            }
        }
    }
}

fn member_select(poll: &Poll, chosen: Option<&str>, taken: &[String], lang: Lang) -> Markup {
    html! {
        label.select {
            span { (tr!(lang, "phone.who")) }
            select name="member" required {
                option value="" { "—" }
                @for (_, name) in &poll.config.members {
                    option value=(name) selected[chosen == Some(name.as_str())]
                        disabled[taken.contains(name)] { (name) }
                }
            }
        }
    }
}

fn distribution_html(distribution: crate::project::Distribution, lang: Lang) -> Markup {
    let checklist = Checklist::get(lang);
    let most = distribution.0.iter().copied().max().unwrap_or(0).max(1);
    html! {
        div.revealed {
            p { strong { (tr!(lang, "phone.revealed")) } }
            ol.bars {
                @for (level, count) in Level::ALL.iter().zip(distribution.0) {
                    li {
                        span.label { (level.get()) " " (checklist.level(*level).name) }
                        span.bar style={ "width:" (count * 100 / most) "%" } {}
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

/// The page's style: large touch targets, readable on a small Android phone and an iPhone.
pub const CSS: &str = r"
:root { color-scheme: light dark; --accent: #0072b2; --ok: #067647; --err: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic UI', 'Meiryo', sans-serif; -webkit-text-size-adjust: 100%; word-break: auto-phrase; line-break: strict; }
header { display: flex; gap: .6rem; align-items: center; padding: .6rem 1rem; background: var(--accent); color: #fff; }
header .brand { font-weight: bold; }
header .team { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
header a { color: #fff; }
main { padding: .5rem 1rem 2rem; max-width: 40rem; margin: 0 auto; }
h1 { font-size: 1.35rem; line-height: 1.4; margin: .8rem 0 .4rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; border-top: 1px solid #8886; padding-top: 1rem; }
.summary { margin: 0 0 .5rem; opacity: .85; }
.count { font-weight: bold; margin: .3rem 0 .6rem; }
fieldset { border: 0; padding: 0; margin: 0 0 .8rem; }
legend { font-weight: bold; margin-bottom: .3rem; }
.members { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: .4rem; }
label.member { display: flex; align-items: center; gap: .4rem; min-height: 48px; padding: .3rem .6rem; border: 2px solid #8888; border-radius: .5rem; }
label.member input { width: 1.3rem; height: 1.3rem; }
label.member.taken { opacity: .45; }
label.member small { margin-left: auto; font-size: .75rem; }
label.select { display: flex; gap: .6rem; align-items: center; margin-bottom: .6rem; }
select { font-size: 1rem; min-height: 44px; flex: 1; }
.levels button { display: grid; grid-template-columns: 2.2rem 1fr; align-items: center; width: 100%; min-height: 56px; margin: 0 0 .45rem; padding: .4rem .7rem; font: inherit; text-align: left; border: 2px solid var(--accent); border-radius: .6rem; background: transparent; color: inherit; }
.levels button .n { font-size: 1.4rem; font-weight: bold; }
.levels button .name { font-weight: bold; }
.levels button small { grid-column: 2; font-size: .8rem; opacity: .8; line-height: 1.4; }
.levels button.chosen { background: var(--accent); color: #fff; }
.ok { background: #06764722; border-left: 5px solid var(--ok); padding: .5rem .8rem; font-weight: bold; }
.error { background: #b4231822; border-left: 5px solid var(--err); padding: .5rem .8rem; font-weight: bold; }
.mine { font-size: .9rem; opacity: .8; }
.hint { opacity: .8; }
ol.bars { list-style: none; padding: 0; }
ol.bars li { display: grid; grid-template-columns: 7rem 1fr 2rem; gap: .4rem; align-items: center; margin: .3rem 0; }
ol.bars .bar { display: block; height: 1.1rem; background: var(--accent); border-radius: .2rem; min-width: 2px; }
ol.bars .c { text-align: right; font-weight: bold; }
footer { font-size: .75rem; opacity: .7; padding: 1rem; text-align: center; }
";

/// Progressive enhancement: the count updates every two seconds, and the page reloads itself
/// when the facilitator moves on or reveals. Without it the page works, only not live.
pub const JS: &str = r"
(function () {
  var body = document.body;
  var url = body.getAttribute('data-state');
  var version = body.getAttribute('data-version');
  function tick() {
    fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (s) {
      if (!s) { return; }
      if (s.version !== version) { location.replace(location.pathname + location.search.replace(/[?&]voted=[^&]*/, '')); return; }
      s.items.forEach(function (i) {
        var el = document.querySelector('.count[data-item=' + i.item + ']');
        if (el) { el.textContent = i.text; }
      });
    }).catch(function () {});
  }
  setInterval(tick, 2000);
})();
";
