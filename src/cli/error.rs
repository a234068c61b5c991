//! Why a command-line command failed, kept typed until it is printed and worded then, once, in the
//! user's language.

use crate::file::FileError;
use crate::i18n::Lang;
use crate::project::{Place, Problem};
use crate::tr;
use std::path::PathBuf;

/// The larger causes are boxed: a `Result` is passed around on every step, and its error is rare.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A file that could not be read or written.
    #[error("{}: {error}", path.display())]
    File {
        path: PathBuf,
        error: Box<FileError>,
    },
    #[error(transparent)]
    Export(Box<crate::export::ExportError>),
    /// A project the command built is not valid (a name too long, say).
    #[error("invalid project: {problem:?} at {place:?}")]
    Invalid {
        problem: Box<Problem>,
        place: Box<Place>,
    },
    #[error("{} exists", .0.display())]
    Exists(PathBuf),
    #[error("no team named {0:?}")]
    NoSuchTeam(String),
    #[error("no item {0:?}")]
    NoSuchItem(String),
    #[error("the team {0:?} has no members")]
    NoMembers(String),
    #[error("the team {0:?} has no members and no number of ballots was given")]
    NoCeiling(String),
    #[error("{}: not a comparison format", .0.display())]
    ComparisonFormat(PathBuf),
    #[error("no project file could be read")]
    NothingToCompare,
    #[error("{0} values differ between the files")]
    MergeConflicts(usize),
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),
    #[error(transparent)]
    Voting(Box<crate::vote::StartError>),
    /// The votes were taken, but the project could not be read back or saved: they are kept in a
    /// file of their own (`kept`), or nowhere when even that failed.
    #[error("{}: {error}; the votes are kept in {kept:?}", path.display())]
    VotesNotSaved {
        path: PathBuf,
        error: Box<FileError>,
        kept: Option<PathBuf>,
    },
}

impl From<crate::export::ExportError> for CliError {
    fn from(error: crate::export::ExportError) -> Self {
        CliError::Export(Box::new(error))
    }
}

impl From<crate::vote::StartError> for CliError {
    fn from(error: crate::vote::StartError) -> Self {
        CliError::Voting(Box::new(error))
    }
}

impl CliError {
    pub fn file(path: impl Into<PathBuf>) -> impl FnOnce(FileError) -> CliError {
        let path = path.into();
        move |error| CliError::File {
            path,
            error: Box::new(error),
        }
    }

    /// The message for the terminal, in `lang`. A file error with a position is written
    /// `file:line:column: message`, as compilers write it, so that editors can jump there.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::File { path, error } => file_message(path, error, lang),
            CliError::Export(error) => error.message(lang),
            CliError::Invalid { problem, place } => FileError::Invalid {
                problem: (**problem).clone(),
                place: (**place).clone(),
            }
            .message(lang),
            CliError::Exists(path) => tr!(lang, "cli.exists", path = path.display()),
            CliError::NoSuchTeam(name) => tr!(lang, "export.no_such_team", name = name),
            CliError::NoSuchItem(item) => tr!(lang, "cli.no_such_item", item = item),
            CliError::NoMembers(team) => tr!(lang, "cli.vote_no_members", team = team),
            CliError::NoCeiling(team) => tr!(lang, "cli.vote_no_ceiling", team = team),
            CliError::ComparisonFormat(path) => {
                tr!(lang, "cli.compare_format", path = path.display())
            }
            CliError::NothingToCompare => tr!(lang, "cli.compare_nothing"),
            CliError::MergeConflicts(count) => tr!(
                lang,
                lang.count_key("cli.merge_conflicts", *count),
                count = count
            ),
            CliError::Stdout(e) => tr!(
                lang,
                "cli.stdout_failed",
                reason = crate::file::io_reason(e, lang)
            ),
            CliError::Voting(error) => error.message(lang),
            CliError::VotesNotSaved { path, error, kept } => {
                let failure = file_message(path, error, lang);
                match kept {
                    Some(kept) => tr!(
                        lang,
                        "cli.votes_kept",
                        failure = failure,
                        kept = kept.display(),
                        path = path.display()
                    ),
                    None => tr!(lang, "cli.votes_lost", failure = failure),
                }
            }
        }
    }
}

/// `path:line:column: what is wrong`, or `path: what is wrong` where there is no position.
pub fn file_message(path: &std::path::Path, error: &FileError, lang: Lang) -> String {
    match error.position() {
        Some(at) => format!(
            "{}:{}:{}: {}",
            path.display(),
            at.line,
            at.column,
            error.describe(lang)
        ),
        None => format!("{}: {}", path.display(), error.message(lang)),
    }
}
