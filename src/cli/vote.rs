//! `kizuki vote`: the voting server without the window (a second laptop, and how tests drive it).

use super::CliError;
use crate::checklist::ItemId;
use crate::file::{self, FileError};
use crate::i18n::Lang;
use crate::project::{Edit, Project};
use crate::tr;
use crate::vote::journal::{self, Header, Journal};
use crate::vote::{Event, PollConfig, Revealed, Scope, ServerOptions, VoteServer};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// What the command line asked for.
pub struct Asked {
    pub team: String,
    pub item: Option<String>,
    pub all_items: bool,
    pub anonymous: bool,
    pub ballots: Option<usize>,
    pub shared_phones: bool,
    pub bind: Option<SocketAddr>,
}

/// Serves until standard input ends, Ctrl+C, or the terminal closes (SIGHUP) or the system asks
/// it to end (SIGTERM); then reveals every item voted on, records the votes in `path` (re-read
/// first, so that nothing saved meanwhile is lost) and saves it. Every ballot is journaled as it
/// comes in; ballots an earlier run journaled for this file and never saved are recorded first.
pub fn run(path: &Path, asked: &Asked, lang: Lang) -> Result<(), CliError> {
    // Before anything is journaled or loaded: an administrator's "no" holds from the start.
    let policy = crate::policy::Policy::of_machine();
    if !policy.phone_voting {
        return Err(crate::vote::StartError::TurnedOff(policy).into());
    }
    let votes_dir = crate::session::default_data_dir().map(|d| crate::session::votes_dir(&d));
    if let Some(dir) = &votes_dir {
        recover(path, dir, lang)?;
    }
    let project = super::load(path)?;
    let team = project
        .team_named(&asked.team)
        .ok_or_else(|| CliError::NoSuchTeam(asked.team.clone()))?;
    let scope = if asked.all_items {
        Scope::AllItems
    } else {
        let text = asked.item.as_deref().unwrap_or_default();
        let id = text
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(ItemId::from_index)
            .or_else(|| ItemId::parse(text))
            .ok_or_else(|| CliError::NoSuchItem(text.to_owned()))?;
        Scope::Item(id)
    };
    if !asked.anonymous && team.members.is_empty() {
        return Err(CliError::NoMembers(asked.team.clone()));
    }
    let mut config = PollConfig::for_team(team, scope, asked.anonymous);
    config.names_private = project.meta.names_private();
    if let Some(ballots) = asked.ballots.filter(|_| asked.anonymous) {
        config.ceiling = ballots;
    }
    if config.effective_ceiling() == 0 {
        return Err(CliError::NoCeiling(asked.team.clone()));
    }
    if asked.shared_phones {
        config.phones_per_address = team.members.len().max(2);
    }
    let journal = match &votes_dir {
        Some(dir) => Some(
            Journal::create(
                dir,
                Header {
                    project: Some(std::path::absolute(path).unwrap_or_else(|_| path.to_owned())),
                    title: project.meta.title.clone(),
                    team: team.id,
                    team_name: team.name.clone(),
                    anonymous: asked.anonymous,
                    opened: chrono::Local::now().to_rfc3339(),
                },
            )
            .map_err(crate::vote::StartError::from)?,
        ),
        None => None,
    };
    let team_id = team.id;
    let options = ServerOptions {
        bind: asked.bind,
        journal,
        policy,
        ..ServerOptions::default()
    };
    let server = VoteServer::start(config, options, move |event| {
        if let Event::Changed(standing) = event {
            let counts: Vec<String> = standing
                .items
                .iter()
                .map(|s| format!("{}: {}/{}", s.item.number(), s.voted, s.expected))
                .collect();
            eprintln!("{}", counts.join("  "));
        }
    })?;

    // Whatever ends the vote is listened for before anyone can see the URL: a signal that came
    // before its handler would end the program without saving the votes (a test under load did).
    let end = EndSignals::listen();
    // The URL first, alone on its line: scripts and tests read it from there.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", server.url());
    if let Some(qr) = crate::vote::qr::terminal(&server.url()) {
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

    wait_for_end(end);
    let revealed = server.reveal_all();
    let journal = server.journal();
    server.stop();

    let count: usize = revealed.iter().map(Revealed::count).sum();
    save_ballots(path, &project, team_id, &revealed).map_err(|error| match (error, &journal) {
        // The journal holds them too: say so, for the next start finds them there.
        (CliError::VotesNotSaved { path, error, kept }, Some(journal)) => CliError::VotesNotSaved {
            path,
            error,
            kept: kept.or_else(|| Some(journal.clone())),
        },
        (other, _) => other,
    })?;
    if let Some(journal) = journal {
        // Saved: the journal is no longer needed. One that cannot be deleted is offered again,
        // which records the same votes once more and changes nothing.
        let _ = std::fs::remove_file(journal);
    }
    // A closed standard output (a script that read only the URL) is no reason to fail now.
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        tr!(
            lang,
            lang.count_key("cli.vote_saved", count),
            count = count,
            path = path.display()
        )
    );
    Ok(())
}

/// Records the ballots an earlier `kizuki vote` (or window) journaled for `path` and never saved,
/// then deletes their journals.
fn recover(path: &Path, votes_dir: &Path, lang: Lang) -> Result<(), CliError> {
    let here = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    for found in journal::scan(votes_dir) {
        if found.header.project.as_deref() != Some(here.as_path()) {
            continue;
        }
        let project = super::load(path)?;
        save_ballots(path, &project, found.header.team, &found.items)?;
        // On standard error: the first line of standard output is the URL, for scripts.
        eprintln!(
            "{}",
            tr!(
                lang,
                lang.count_key("cli.votes_recovered", found.ballots()),
                count = found.ballots(),
                path = path.display()
            )
        );
        if let Err(error) = std::fs::remove_file(&found.file) {
            eprintln!(
                "{}: {}",
                found.file.display(),
                crate::file::io_reason(&error, lang)
            );
        }
    }
    Ok(())
}

/// Records the ballots in the file at `path`, read again first: the window on this laptop may
/// have saved it meanwhile, and that work must not be overwritten by the copy read at the start.
/// When the file cannot be read again (after a few tries: Windows refuses a read for a moment
/// while another program renames its save into place) or cannot be saved, nothing is written
/// over it; the ballots go to a file of their own beside it, to merge with `kizuki merge`.
fn save_ballots(
    path: &Path,
    read_at_start: &Project,
    team: u32,
    revealed: &[Revealed],
) -> Result<(), CliError> {
    let record = |project: &mut Project| {
        for r in revealed {
            Edit::RecordBallots {
                team,
                item: r.item,
                named: r.named.clone(),
                anonymous: r.anonymous,
                reasons: r.reasons.clone(),
                shown: true,
            }
            .apply_in_place(project);
        }
    };
    let failed = |error: FileError| {
        let mut aside = read_at_start.clone();
        record(&mut aside);
        CliError::VotesNotSaved {
            path: path.to_owned(),
            error: Box::new(error),
            kept: keep_aside(&aside, path),
        }
    };
    let mut project = reread(path).map_err(failed)?;
    record(&mut project);
    file::save(&project, path).map_err(failed)
}

/// The project at `path`, read again, with a few tries a moment apart.
fn reread(path: &Path) -> Result<Project, FileError> {
    let mut tries = 0;
    loop {
        match file::load(path) {
            Ok(project) => return Ok(project),
            Err(FileError::Read { .. }) if tries < 5 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            Err(error) => return Err(error),
        }
    }
}

/// Saves `project` (the votes recorded in it) under a name of its own beside `path`, or in the
/// system's temporary folder when that folder cannot be written; the path it was saved at.
fn keep_aside(project: &Project, path: &Path) -> Option<PathBuf> {
    let stem = file::project_stem(path).unwrap_or_else(|| "kizuki".to_owned());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = format!("{stem}.votes-{stamp}.{}", file::EXTENSION);
    let beside = path.parent().map(|dir| dir.join(&name));
    beside
        .into_iter()
        .chain([std::env::temp_dir().join(&name)])
        .find(|candidate| file::save(project, candidate).is_ok())
}

/// Ctrl+C; and on Unix also the terminal closing (SIGHUP) and the system asking the program to
/// end (SIGTERM, as `kill` and a shutdown do): each ends the vote the same way, with a save. The
/// handlers are registered when this is made, on its own runtime, and waited on later.
struct EndSignals {
    runtime: tokio::runtime::Runtime,
    #[cfg(unix)]
    signals: [tokio::signal::unix::Signal; 3],
    #[cfg(windows)]
    ctrl_c: tokio::signal::windows::CtrlC,
}

impl EndSignals {
    /// `None` when no runtime or no handler could be set up (standard input still ends the vote).
    fn listen() -> Option<EndSignals> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
            .ok()?;
        let inside = runtime.enter();
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let signals = [
                signal(SignalKind::interrupt()).ok()?,
                signal(SignalKind::terminate()).ok()?,
                signal(SignalKind::hangup()).ok()?,
            ];
            drop(inside);
            Some(EndSignals { runtime, signals })
        }
        #[cfg(windows)]
        {
            let ctrl_c = tokio::signal::windows::ctrl_c().ok()?;
            drop(inside);
            Some(EndSignals { runtime, ctrl_c })
        }
    }

    /// Blocks until one of the signals comes.
    fn wait(self) {
        #[cfg(unix)]
        {
            let EndSignals {
                runtime,
                signals: [mut interrupt, mut terminate, mut hangup],
            } = self;
            runtime.block_on(async move {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                    _ = hangup.recv() => {}
                }
            });
        }
        #[cfg(windows)]
        {
            let EndSignals {
                runtime,
                mut ctrl_c,
            } = self;
            runtime.block_on(ctrl_c.recv());
        }
    }
}

/// Returns when standard input ends (Ctrl+D, or the pipe closing) or on a signal to end.
fn wait_for_end(end: Option<EndSignals>) {
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
            if let Some(end) = end {
                end.wait();
                let _ = tx.send(());
            }
        });
    if reader.is_err() && signals.is_err() {
        // Neither could start: nothing could end the vote; end it now rather than never.
        return;
    }
    let _ = rx.recv();
}
