//! What the window asks the session to do, and what the session asks only the window can do.
//!
//! Views send [`Command`]s; [`super::Session::handle`] is the one place that carries them out and
//! returns the [`Effect`]s that need the window (dialogs, theme, zoom, closing, threads).

use super::recovery::RecoveryError;
use super::settings::ThemeChoice;
use super::ui_command::UICommand;
use crate::checklist::ItemId;
use crate::export::Format;
use crate::i18n::Lang;
use crate::project::{ActionStatus, Edit};
use std::path::PathBuf;
use std::time::Duration;

/// Where in the walk the facilitator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Setup,
    /// The previous round's actions, each marked done, continuing or dropped before the walk.
    Review,
    Item(ItemId),
    Overview,
}

impl Screen {
    /// The screen after this one in the walk: setup → (review) → items 1–10 → overview. The
    /// review is part of the walk only when the project carries actions over from a round before.
    #[must_use]
    pub fn next(self, review: bool) -> Screen {
        match self {
            Screen::Setup if review => Screen::Review,
            Screen::Setup | Screen::Review => Screen::Item(ItemId::ALL[0]),
            Screen::Item(id) => {
                ItemId::from_index(id.index() + 1).map_or(Screen::Overview, Screen::Item)
            }
            Screen::Overview => Screen::Overview,
        }
    }

    #[must_use]
    pub fn previous(self, review: bool) -> Screen {
        match self {
            Screen::Setup | Screen::Review => Screen::Setup,
            Screen::Item(id) => match id.index().checked_sub(1).and_then(ItemId::from_index) {
                Some(before) => Screen::Item(before),
                None if review => Screen::Review,
                None => Screen::Setup,
            },
            Screen::Overview => Screen::Item(ItemId::ALL[ItemId::ALL.len() - 1]),
        }
    }
}

/// What a file path is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    /// A previous round's project, whose scores become the baseline to compare with.
    ImportBaseline,
    SaveAs,
    Export(Format),
    /// A folder of project files to compare.
    CompareFolder,
    /// Where to write the comparison being shown.
    ExportComparison(Format),
    /// Where to write the paper answer sheets (PDF).
    Sheets,
    /// Another laptop's project file, to merge into this one.
    Merge,
}

impl Purpose {
    /// The ending a path chosen for writing gets when the user left it out. Paths chosen for
    /// reading are taken as they are: `x.ron` or Kizuki's own `x.kizuki.ron.bak` must open.
    pub fn write_extension(self) -> Option<&'static str> {
        match self {
            Purpose::SaveAs => Some(crate::file::EXTENSION),
            Purpose::Export(format) | Purpose::ExportComparison(format) => Some(format.extension()),
            Purpose::Sheets => Some("pdf"),
            Purpose::Open | Purpose::ImportBaseline | Purpose::Merge | Purpose::CompareFolder => {
                None
            }
        }
    }

    /// Whether the path names a file to create (a save dialog) rather than one to read.
    pub fn writes(self) -> bool {
        matches!(
            self,
            Purpose::SaveAs | Purpose::Export(_) | Purpose::ExportComparison(_) | Purpose::Sheets
        )
    }

    pub fn dialog_title(self, lang: Lang) -> String {
        match self {
            Purpose::Open => crate::tr!(lang, "dialog.open"),
            Purpose::ImportBaseline => crate::tr!(lang, "dialog.import_baseline"),
            Purpose::SaveAs => crate::tr!(lang, "dialog.save_as"),
            Purpose::Export(_) | Purpose::ExportComparison(_) => crate::tr!(lang, "dialog.export"),
            Purpose::CompareFolder => crate::tr!(lang, "dialog.compare"),
            Purpose::Sheets => crate::tr!(lang, "dialog.sheets"),
            Purpose::Merge => crate::tr!(lang, "dialog.merge"),
        }
    }
}

/// The answer to "save the changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// The answer when the file on disk changed since it was opened or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    Overwrite,
    SaveAs,
    Cancel,
}

/// Changes to how things are shown, not to the project.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewChange {
    /// The overview's action list: only this status.
    StatusFilter(Option<ActionStatus>),
    /// The overview's action list: only this owner.
    OwnerFilter(Option<String>),
    /// The overview's action list sorted by due date (soonest first) rather than by item.
    SortByDue(bool),
    /// A series of the radar chart shown or hidden (the legend's toggles).
    ToggleSeries(usize),
    /// The chart alone, or the guidebook's framing, in place of the screen; or neither.
    Page(Option<super::Page>),
    /// The member whose vote the number keys enter (while votes are hidden, nothing shows which
    /// level was pressed).
    VoteCursor(Option<u32>),
    /// The presenter window (closed by its own close button).
    Presenter(bool),
    /// The command palette or the list of shortcuts, or neither.
    Overlay(Option<super::Overlay>),
    /// The entry grid's cell: (member index, item index).
    GridCursor(usize, usize),
}

/// Everything the window can ask for. Nothing in the window changes the session itself.
///
/// What the user asks for directly sits at the top; the rest is grouped by what it is about
/// (files, a typed path, a comparison, a merge, phone voting), and what comes back from a dialog or
/// another thread is [`Done`]. Each group converts into a `Command`, so a view sends
/// `tx.send(FileCommand::Open(path))`.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A menu entry, a shortcut or a palette entry.
    Run(UICommand),
    Edit(Edit),
    View(ViewChange),
    Show(Screen),
    SelectTeam(u32),
    /// A level key on an item screen: 1–5 (or 0 to clear; ? for 「わからない」) enters the selected
    /// member's vote, or, with no member selected, the team's score; with `target`, the target.
    LevelKey {
        answer: Option<crate::project::Answer>,
        target: bool,
    },
    /// ↑/↓ on an item screen: the previous or next member's vote.
    MoveVoteCursor(i8),
    File(FileCommand),
    Path(PathCommand),
    Compare(CompareCommand),
    Merge(MergeCommand),
    Vote(VoteCommand),
    /// The answer to "save first?".
    Unsaved(UnsavedChoice),
    /// The answer to "the file changed on disk".
    Conflict(ConflictChoice),
    DismissMessage,
    /// The Wi-Fi QR code's network, remembered (first of the list) and shown or hidden.
    SetWifi {
        wifi: crate::vote::qr::Wifi,
        shown: bool,
    },
    DismissError,
    /// The window's close button (or the system asking the window to close).
    CloseRequested,
    /// Time passed: the autosave may be due, a notice may fade.
    Tick,
    /// A dialog or another thread finished what an [`Effect`] started.
    Done(Done),
}

/// Files the user acts on by name.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    Open(PathBuf),
    SaveTo(PathBuf),
    ExportTo(Format, PathBuf),
    ImportBaselineFrom(PathBuf),
    /// Write the current team's answer sheets.
    WriteSheets(PathBuf),
    ForgetRecent(PathBuf),
    /// Show a folder in the system's file manager (after an export).
    OpenFolder(PathBuf),
    /// Reopen a project found in the recovery folder.
    Restore(PathBuf),
    /// Delete a recovery file the user does not want.
    DiscardRecovery(PathBuf),
    /// Keep the file as opened, not the newer recovery copy offered beside it.
    DismissNewerCopy,
    /// Open the mended project offered after a failed open.
    OpenRepaired,
    DismissRepairs,
    /// Record the ballots an earlier run journaled but never saved (into their project).
    RecoverVotes(PathBuf),
    /// Delete such a journal.
    DiscardVotes(PathBuf),
}

/// Asking for a path: with the system's dialog, or typed where no dialog can be shown.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum PathCommand {
    /// Ask with the system's file dialog.
    Ask(Purpose),
    /// Ask by typing it.
    Enter(Purpose),
    EnterText(String),
    /// The format of the export a typed path is for.
    EnterFormat(Format),
    Submit,
    Cancel,
    /// The answer to "a file of that name exists: replace it?".
    Replace(bool),
}

/// Many files compared.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum CompareCommand {
    /// Read these files and folders and compare them.
    Files(Vec<PathBuf>),
    /// What a row of the comparison stands for.
    By(crate::compare::By),
    ExportTo(Format, PathBuf),
    Close,
}

/// Another laptop's file merged into the open project.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum MergeCommand {
    From(PathBuf),
    /// For one difference: take the other file's value, or keep ours.
    Choice {
        index: usize,
        theirs: bool,
    },
    /// For every difference at once.
    ChooseAll {
        theirs: bool,
    },
    Apply,
    Cancel,
}

/// Voting from phones for the current team.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VoteCommand {
    Start {
        scope: crate::vote::Scope,
        anonymous: bool,
        /// Anonymous voting: the most ballots an item takes (else the team's size).
        ceiling: Option<usize>,
        /// Several people may vote from one phone.
        shared: bool,
    },
    /// The answer to "these items hold votes already: start anyway?".
    ConfirmRevote(bool),
    /// Reveal the phones' votes on an item into the project.
    Reveal(ItemId),
    SetAutoReveal(bool),
    SetShared(bool),
    /// Free a name taken by mistake (its phone is told); [`VoteCommand::UndoRelease`] undoes it.
    Release(u32),
    UndoRelease,
    Stop,
}

/// What a dialog or another thread reports back.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    /// A file dialog closed: with a path, or without one (cancelled, or never shown: `shown` false).
    PathChosen {
        purpose: Purpose,
        path: Option<PathBuf>,
        shown: bool,
    },
    /// The files asked for by [`CompareCommand::Files`] were read.
    ComparisonLoaded(Box<crate::compare::Loaded>),
    /// The server listens: at these URLs (the likely one first), journaling into `journal`.
    VotingStarted {
        urls: Vec<String>,
        reachable: bool,
        standing: crate::vote::Standing,
        journal: Option<PathBuf>,
    },
    /// A name was released in the server (`None`: nobody held it any more).
    NameReleased(Option<crate::vote::Released>),
    /// A release was undone (false: the name was taken meanwhile).
    /// A release undone (with the ballots that could not come back), or `None`: refused.
    NameRestored(Option<usize>),
    VotingFailed(Carried<crate::vote::StartError>),
    /// From the server: a vote was cast, or everyone had voted and the item revealed itself.
    VoteEvent(crate::vote::Event),
    /// Votes collected from the server, to record; `shown` reveals them.
    BallotsCollected {
        ballots: Vec<crate::vote::Revealed>,
        shown: bool,
        /// The document they were cast for: recorded only into that one.
        document: u64,
        /// The journal of a stopped server, to delete once these ballots are saved.
        journal: Option<PathBuf>,
    },
    /// The system's file manager could not be asked to show a folder.
    FolderNotOpened {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// The autosave thread finished writing `generation`.
    AutosaveFinished {
        generation: u64,
        result: Result<(), AutosaveFailure>,
    },
}

macro_rules! into_command {
    ($($group:ident => $variant:ident),* $(,)?) => {
        $(impl From<$group> for Command {
            fn from(command: $group) -> Command {
                Command::$variant(command)
            }
        })*
    };
}

into_command!(
    UICommand => Run,
    Edit => Edit,
    ViewChange => View,
    FileCommand => File,
    PathCommand => Path,
    CompareCommand => Compare,
    MergeCommand => Merge,
    VoteCommand => Vote,
    Done => Done,
);

/// An error carried from another thread to the handler, kept whole so that it is worded only when
/// shown, in the language of that moment. Shared, and compared by identity: commands are compared
/// in tests, and an OS error cannot be.
#[derive(Debug)]
pub struct Carried<E>(pub std::sync::Arc<E>);

impl<E> Carried<E> {
    pub fn new(error: E) -> Carried<E> {
        Carried(std::sync::Arc::new(error))
    }
}

impl<E> Clone for Carried<E> {
    fn clone(&self) -> Self {
        Carried(std::sync::Arc::clone(&self.0))
    }
}

impl<E> PartialEq for Carried<E> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Why an autosave failed, said in the user's language. Carried across threads, so it keeps the
/// OS error's kind and text rather than the error itself.
#[derive(Clone, Debug, PartialEq)]
pub struct AutosaveFailure {
    pub kind: std::io::ErrorKind,
    pub detail: String,
}

impl From<RecoveryError> for AutosaveFailure {
    fn from(e: RecoveryError) -> Self {
        let kind = match &e {
            RecoveryError::Read(io) | RecoveryError::Folder(io) => io.kind(),
            RecoveryError::Write(crate::file::FileError::Write { source, .. }) => source.kind(),
            _ => std::io::ErrorKind::Other,
        };
        AutosaveFailure {
            kind,
            detail: e.to_string(),
        }
    }
}

impl AutosaveFailure {
    pub fn message(&self, lang: Lang) -> String {
        let reason = crate::file::io_kind_reason(self.kind, lang)
            .unwrap_or_else(|| crate::tr!(lang, "io.other"));
        crate::tr!(lang, "autosave.failed", reason = reason)
    }
}

/// A recovery copy to write off the window's thread.
#[derive(Clone, Debug, PartialEq)]
pub struct AutosaveJob {
    pub file: PathBuf,
    pub bytes: Vec<u8>,
    pub generation: u64,
}

impl AutosaveJob {
    /// Writes the copy; returns the command that reports the outcome.
    pub fn run(self) -> Command {
        let result = super::recovery::write(&self.file, &self.bytes).map_err(AutosaveFailure::from);
        Command::Done(Done::AutosaveFinished {
            generation: self.generation,
            result,
        })
    }
}

/// What only the window can do, asked for by the handler.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show the system's file dialog; its answer comes back as [`Done::PathChosen`].
    AskPath {
        purpose: Purpose,
        title: String,
        suggested: PathBuf,
    },
    ApplyTheme(ThemeChoice),
    ApplyZoom(f32),
    CloseWindow,
    /// Wake up after this long even without input (the autosave's debounce, a fading notice).
    RepaintAfter(Duration),
    /// Write a recovery copy on another thread; report with [`AutosaveJob::run`]'s command.
    WriteAutosave(AutosaveJob),
    /// Show a folder in the system's file manager.
    OpenFolder(PathBuf),
    /// Read files to compare on another thread; report with [`Done::ComparisonLoaded`].
    LoadComparison {
        inputs: Vec<PathBuf>,
        lang: Lang,
    },
    /// Start the voting server; report with [`Done::VotingStarted`] or [`Done::VotingFailed`].
    StartVoteServer {
        config: crate::vote::PollConfig,
        bind: Option<std::net::SocketAddr>,
        /// Where to journal every ballot (the folder), and what the journal is about.
        journal: Option<(PathBuf, crate::vote::journal::Header)>,
        /// What the PC's administrator allows (boxed: effects are moved often, policies rarely).
        policy: Box<crate::policy::Policy>,
    },
    /// How many phones may vote from one address.
    VoteSharing(usize),
    /// Free a name; report with [`Done::NameReleased`].
    ReleaseName(u32),
    /// Undo a release; report with [`Done::NameRestored`].
    RestoreName(crate::vote::Released),
    /// Reveal an item's ballots; report with [`Done::BallotsCollected`].
    RevealVotes {
        item: ItemId,
        document: u64,
    },
    /// Single-item voting follows the facilitator to this item.
    VoteFollow(ItemId),
    VoteAutoReveal(bool),
    /// Stop the server (the port is freed); the ballots not yet revealed come back hidden.
    StopVoteServer {
        document: u64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_goes_setup_review_items_overview_and_back() {
        for (review, length) in [(false, 12), (true, 13)] {
            let mut screen = Screen::Setup;
            let mut seen = vec![screen];
            while screen != Screen::Overview {
                screen = screen.next(review);
                seen.push(screen);
            }
            assert_eq!(seen.len(), length);
            assert_eq!(seen.contains(&Screen::Review), review);
            assert_eq!(Screen::Overview.next(review), Screen::Overview);
            for pair in seen.windows(2) {
                assert_eq!(pair[1].previous(review), pair[0]);
            }
            assert_eq!(Screen::Setup.previous(review), Screen::Setup);
        }
    }
}
