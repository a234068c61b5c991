//! What the window tells the facilitator: notices that fade, and failures that stay until read.
//! Both are kept typed and put into words only when shown, in the language of that moment, so an
//! error never mixes the system's English with a Japanese sentence.

use crate::export::ExportError;
use crate::file::FileError;
use crate::i18n::Lang;
use crate::tr;
use std::path::PathBuf;

/// Something that went well, shown in the status bar until the project changes again.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Opened(PathBuf),
    Saved(PathBuf),
    Exported(PathBuf),
    Restored,
    NextRound,
    BaselineImported(String),
    /// No file dialog could be shown, so a path field is offered instead.
    NoDialog,
    /// Another laptop's file was merged in: teams added, teams merged.
    Merged {
        added: usize,
        merged: usize,
    },
    /// A name taken by mistake was released, with the ballots cast under it (undoable).
    NameReleased {
        name: String,
        ballots: usize,
    },
    /// The release was undone; `left_out` ballots could not come back (their item filled up
    /// or was revealed meanwhile).
    NameRestored {
        left_out: usize,
    },
    /// The release could not be undone: another phone took the name meanwhile.
    NameNotRestored,
    /// Ballots of an earlier run were recorded (hidden until revealed).
    VotesRecovered {
        count: usize,
    },
    /// A digit for the score while votes are hidden: nothing was set.
    DigitsForVotes,
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Opened(path) => tr!(lang, "app.opened", path = path.display()),
            Notice::Saved(path) => tr!(lang, "app.saved", path = path.display()),
            Notice::Exported(path) => tr!(lang, "app.exported", path = path.display()),
            Notice::Restored => tr!(lang, "recovery.restored"),
            Notice::NextRound => tr!(lang, "baseline.next_round"),
            Notice::BaselineImported(title) => tr!(lang, "baseline.imported", title = title),
            Notice::NoDialog => tr!(lang, "app.no_dialog"),
            Notice::Merged { added, merged } => {
                tr!(lang, "merge.done", added = added, merged = merged)
            }
            Notice::NameReleased { name, ballots } => {
                tr!(
                    lang,
                    lang.count_key("voting.released", *ballots),
                    name = name,
                    count = ballots
                )
            }
            Notice::NameRestored { left_out: 0 } => tr!(lang, "voting.restored"),
            Notice::NameRestored { left_out } => tr!(
                lang,
                lang.count_key("voting.restored_partly", *left_out),
                count = left_out
            ),
            Notice::NameNotRestored => tr!(lang, "voting.not_restored"),
            Notice::VotesRecovered { count } => {
                tr!(
                    lang,
                    lang.count_key("votes.recovered", *count),
                    count = count
                )
            }
            Notice::DigitsForVotes => tr!(lang, "item.digits_for_votes"),
        }
    }

    /// The folder of the file it is about, for 「フォルダを開く」.
    pub fn folder(&self) -> Option<PathBuf> {
        match self {
            Notice::Exported(path) | Notice::Saved(path) => {
                path.parent().map(std::path::Path::to_path_buf)
            }
            _ => None,
        }
    }
}

/// Something that failed. The project in memory is never touched by a failure.
#[derive(Debug)]
pub enum Failure {
    Open {
        path: PathBuf,
        error: FileError,
    },
    Save {
        path: PathBuf,
        error: FileError,
        /// The journal that also holds the phones' votes, when there is one.
        votes_kept: Option<PathBuf>,
    },
    Export {
        path: PathBuf,
        error: ExportError,
    },
    ExportWrite {
        path: PathBuf,
        error: FileError,
    },
    ImportBaseline {
        path: PathBuf,
        error: FileError,
    },
    Restore(super::recovery::RecoveryError),
    /// A recovery file the user is done with could not be deleted, so it will be offered again.
    RecoveryNotDeleted {
        file: PathBuf,
        error: std::io::Error,
    },
    Settings(FileError),
    /// The saved settings could not be read: the defaults are used, a copy kept.
    SettingsDamaged(super::settings::Damaged),
    /// The system's file manager could not be asked to show a folder.
    OpenFolder {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// Phone voting could not start.
    Voting(super::command::Carried<crate::vote::StartError>),
    /// Phone voting by name for a team without members.
    VotingWithoutMembers,
    /// Anonymous voting for a team without members, and no number of ballots given.
    VotingWithoutCeiling,
    /// A ballot was accepted but could not be written to its journal.
    VotesNotJournaled {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// The voting server stopped by itself.
    VotingStopped,
    /// Ballots of an earlier run whose project (or team) is not there to take them.
    VotesProjectMissing {
        journal: PathBuf,
        project: Option<PathBuf>,
    },
}

impl Failure {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Failure::Open { path, error } | Failure::ImportBaseline { path, error } => {
                format!("{}\n{}", path.display(), error.message(lang))
            }
            Failure::Save {
                path,
                error,
                votes_kept,
            } => {
                let failed = tr!(
                    lang,
                    "app.save_failed",
                    path = path.display(),
                    reason = error.message(lang)
                );
                match votes_kept {
                    Some(journal) => format!(
                        "{failed}\n{}",
                        tr!(lang, "app.votes_kept", journal = journal.display())
                    ),
                    None => failed,
                }
            }
            Failure::Export { path, error } => tr!(
                lang,
                "app.export_failed",
                path = path.display(),
                reason = error.message(lang)
            ),
            Failure::ExportWrite { path, error } => tr!(
                lang,
                "app.export_failed",
                path = path.display(),
                reason = error.message(lang)
            ),
            Failure::Restore(error) => {
                tr!(lang, "recovery.unreadable", reason = error.message(lang))
            }
            Failure::RecoveryNotDeleted { file, error } => tr!(
                lang,
                "recovery.not_deleted",
                path = file.display(),
                reason = crate::file::io_reason(error, lang)
            ),
            Failure::OpenFolder { path, kind } => tr!(
                lang,
                "app.folder_not_opened",
                path = path.display(),
                reason = crate::file::io_kind_reason(*kind, lang)
                    .unwrap_or_else(|| tr!(lang, "io.other"))
            ),
            Failure::SettingsDamaged(damaged) => match &damaged.kept {
                Some(kept) => tr!(
                    lang,
                    "app.settings_damaged",
                    path = damaged.file.display(),
                    kept = kept.display()
                ),
                None => tr!(
                    lang,
                    "app.settings_damaged_not_kept",
                    path = damaged.file.display()
                ),
            },
            Failure::Settings(error) => {
                tr!(lang, "app.settings_failed", reason = error.message(lang))
            }
            Failure::Voting(error) => error.0.message(lang),
            Failure::VotingWithoutMembers => tr!(lang, "vote.no_members"),
            Failure::VotingWithoutCeiling => tr!(lang, "vote.no_ceiling"),
            Failure::VotesNotJournaled { path, kind } => tr!(
                lang,
                "vote.not_journaled",
                path = path.display(),
                reason = crate::file::io_kind_reason(*kind, lang)
                    .unwrap_or_else(|| tr!(lang, "io.other"))
            ),
            Failure::VotingStopped => tr!(lang, "vote.stopped"),
            Failure::VotesProjectMissing { journal, project } => match project {
                Some(project) => tr!(
                    lang,
                    "votes.project_missing",
                    project = project.display(),
                    journal = journal.display()
                ),
                None => tr!(lang, "votes.never_saved", journal = journal.display()),
            },
        }
    }
}
