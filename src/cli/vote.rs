//! `kizuki vote`: the voting server without the window (a second laptop, and how tests drive it).

use super::{Event, PollConfig, Scope, VoteServer};
use crate::checklist::ItemId;
use crate::file;
use crate::i18n::Lang;
use crate::session::Edit;
use crate::tr;
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;

/// Serves until standard input ends or Ctrl+C, then reveals every item voted on, records the
/// votes in `path` (re-read first, so that nothing saved meanwhile is lost) and saves it.
pub fn run(
    path: &Path,
    team_name: &str,
    item: Option<&str>,
    (all_items, anonymous): (bool, bool),
    bind: Option<SocketAddr>,
    lang: Lang,
) -> Result<(), String> {
    let project =
        file::load(path).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))?;
    let team = project
        .teams
        .iter()
        .find(|t| t.name.trim() == team_name.trim())
        .ok_or_else(|| tr!(lang, "export.no_such_team", name = team_name))?;
    let scope = if all_items {
        Scope::AllItems
    } else {
        let text = item.unwrap_or_default();
        let id = text
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(ItemId::from_index)
            .or_else(|| ItemId::parse(text))
            .ok_or_else(|| tr!(lang, "cli.no_such_item", item = text))?;
        Scope::Item(id)
    };
    if !anonymous && team.members.is_empty() {
        return Err(tr!(lang, "cli.vote_no_members", team = team_name));
    }
    let config = PollConfig::for_team(team, scope, anonymous);
    let team_id = team.id;
    let server = VoteServer::start(config, bind, move |event| {
        if let Event::Changed(statuses) = event {
            let counts: Vec<String> = statuses
                .iter()
                .map(|s| format!("{}: {}/{}", s.item.number(), s.voted, s.expected))
                .collect();
            eprintln!("{}", counts.join("  "));
        }
    })
    .map_err(|e| e.message(lang))?;

    // The URL first, alone on its line: scripts and tests read it from there.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", server.url());
    if let Some(qr) = super::qr::terminal(&server.url()) {
        let _ = write!(out, "{qr}");
    }
    for other in server.urls().iter().skip(1) {
        let _ = writeln!(out, "{}", tr!(lang, "cli.vote_also", url = other));
    }
    if !server.reachable() {
        let _ = writeln!(out, "{}", tr!(lang, "cli.vote_no_network"));
    }
    let _ = writeln!(out, "{}", tr!(lang, "cli.vote_how_to_end"));
    let _ = out.flush();
    drop(out);

    wait_for_end();
    let revealed = server.reveal_all();
    server.stop();

    // Re-read: the file may have been saved meanwhile (by the window on this laptop).
    let mut project = file::load(path).unwrap_or(project);
    let mut count = 0;
    for r in revealed {
        count += r.named.len() + r.anonymous.map_or(0, |d| d.total() as usize);
        Edit::RecordBallots {
            team: team_id,
            item: r.item,
            named: r.named,
            anonymous: r.anonymous,
            shown: true,
        }
        .apply(&mut project);
    }
    file::save(&project, path).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))?;
    // A closed standard output (a script that read only the URL) is no reason to fail now.
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        tr!(lang, "cli.vote_saved", count = count, path = path.display())
    );
    Ok(())
}

/// Returns when standard input ends (Ctrl+D, or the pipe closing) or on Ctrl+C.
fn wait_for_end() {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let on_eof = tx.clone();
    let reader = std::thread::Builder::new()
        .name("kizuki-vote-stdin".into())
        .spawn(move || {
            let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
            let _ = on_eof.send(());
        });
    let signals = std::thread::Builder::new()
        .name("kizuki-vote-signal".into())
        .spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
            else {
                return;
            };
            if runtime.block_on(tokio::signal::ctrl_c()).is_ok() {
                let _ = tx.send(());
            }
        });
    if reader.is_err() && signals.is_err() {
        // Neither could start: nothing could end the vote; end it now rather than never.
        return;
    }
    let _ = rx.recv();
}
