//! The session: everything the window shows and everything it can do, without the window.
//!
//! The window's views read a [`Session`] and send [`Command`]s; [`Session::handle`] is the one place
//! that carries them out (edits with undo, file I/O, settings) and returns the [`Effect`]s that only
//! the window can perform (dialogs, theme, zoom, closing, threads). Nothing here knows egui, so the
//! whole behaviour of the window is testable headless, and the command line uses the same edits.

mod autosave;
pub mod clock;
pub mod command;
pub mod document;
mod files;
mod handler;
pub mod messages;
pub mod recovery;
mod removed;
pub mod settings;
pub mod timer;
pub mod ui_command;
mod voting;

pub use crate::project::edit::{Edit, KpiText, KpiValue, TextField};
pub use clock::Clock;
pub use command::{
    AutosaveFailure, AutosaveJob, Carried, Command, CompareCommand, ConflictChoice, Done, Effect,
    FileCommand, MergeCommand, PathCommand, Purpose, Screen, UnsavedChoice, ViewChange,
    VoteCommand,
};
pub use document::Document;
pub use messages::{Failure, Notice};
pub use removed::Removed;
pub use settings::{Settings, ThemeChoice};
pub use ui_command::{Shortcut, UICommand};

use crate::checklist::ItemId;
use crate::export::Format;
use crate::export::report::Report;
use crate::i18n::Lang;
use crate::project::{ActionStatus, Project};
use chrono::NaiveDate;
use recovery::{Instance, Recovered};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How a session starts: what the command line, the test harness or a demonstration sets.
#[derive(Clone, Debug, Default)]
pub struct SessionOptions {
    /// The language to speak; `None` takes the saved setting, then the system's.
    pub lang: Option<Lang>,
    /// Where settings, recent files and recovery copies live; `None` for nowhere (nothing is
    /// remembered and there is no autosave). [`default_data_dir`] is what the app uses.
    pub data_dir: Option<PathBuf>,
    /// A fixed "today", for tests and screenshots that must not change with the calendar.
    pub today: Option<NaiveDate>,
    /// Where phone voting listens; `None` for every address (tests give 127.0.0.1:0).
    pub vote_bind: Option<std::net::SocketAddr>,
    /// What the PC's administrator allows ([`crate::policy::Policy::of_machine`] in the app).
    pub policy: crate::policy::Policy,
}

/// Where phone votes are journaled as they come in, in Kizuki's data folder.
pub fn votes_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("votes")
}

/// Kizuki's own folder: `KIZUKI_DATA_DIR` if set (demonstrations and tests, so that they never touch
/// the user's real settings), else the platform's local data folder.
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KIZUKI_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("jp", "Kizuki", "kizuki").map(|d| d.data_local_dir().to_owned())
}

/// A path typed by hand, for when no file dialog can be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct PathEntry {
    pub purpose: Purpose,
    pub text: String,
}

/// A widget that should take the keyboard when it next appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The text of an action just added.
    Action {
        team: u32,
        item: ItemId,
        action: u32,
    },
}

/// What can fill the window in place of the screen, one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The radar chart as large as the window (the end of a workshop).
    ChartOnly,
    /// The guidebook's own framing (the first minutes of a workshop).
    About,
    /// Many files compared (a department's rounds, a prefecture's municipalities).
    Compare,
    /// The voting page's QR code as large as the window, for the back of the room.
    VoteQr,
    /// Members × items, for keying in paper answer sheets.
    EntryGrid,
}

/// What can be shown over the screen, one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Palette,
    Shortcuts,
}

/// How things are shown: filters, toggles, the palette. Not part of the project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub status_filter: Option<ActionStatus>,
    pub owner_filter: Option<String>,
    pub sort_by_due: bool,
    /// Series of the radar chart switched off in the legend, by index.
    pub hidden_series: BTreeSet<usize>,
    /// A page in place of the screen: the chart alone, or the guidebook's framing.
    pub page: Option<Page>,
    /// A window over the screen: the command palette or the list of shortcuts.
    pub overlay: Option<Overlay>,
    /// The widget to focus, numbered so that a view honours each request once.
    pub focus: Option<(u64, Focus)>,
    /// Increases each time a new item screen is shown, so that the view can start it at the top.
    pub screen_serial: u64,
    /// The member whose vote the keys 1–5 enter, on an item screen.
    pub vote_cursor: Option<u32>,
    /// The presenter window for the projector is open.
    pub presenter: bool,
    /// The main window is what the room sees (one screen mirrored on the projector): the private
    /// note and file paths are hidden, the theme is light and the text larger.
    pub projector: bool,
    /// The entry grid's cell: (member index, item index).
    pub grid_cursor: (usize, usize),
}

/// How long 「削除しました ［元に戻す］」 stays: long enough to notice and click, short enough not
/// to linger over the next thing.
pub const REMOVAL_SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(10);

/// A removal just made, shown with a way back until it fades or the project changes again.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownRemoval {
    pub removed: Removed,
    generation: u64,
    until: std::time::Instant,
}

/// The notice in the status bar, with the project generation it was given at: it fades once the
/// project changes again.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownNotice {
    pub notice: Notice,
    pub generation: Option<u64>,
}

pub struct Session {
    pub lang: Lang,
    pub settings: Settings,
    pub doc: Option<Document>,
    pub screen: Screen,
    /// The team being walked through (by id).
    team: Option<u32>,
    notice: Option<ShownNotice>,
    removal: Option<ShownRemoval>,
    /// A failure, shown until dismissed.
    pub error: Option<Failure>,
    /// The last autosave failed: shown until one succeeds, since the safety net is off meanwhile.
    pub autosave_failure: Option<AutosaveFailure>,
    /// A command that would drop unsaved changes, waiting for the "save first?" answer.
    pub pending: Option<Command>,
    /// What to do once the save asked for by that question has succeeded.
    after_save: Option<Command>,
    /// A save that would overwrite a file another program changed, waiting for an answer.
    pub conflict: Option<PathBuf>,
    /// A typed path names a file that exists: what it was for, and the file, until answered.
    pub replace: Option<(Purpose, PathBuf)>,
    pub path_entry: Option<PathEntry>,
    /// Projects found in the recovery folder, offered on the start screen.
    pub recovered: Vec<Recovered>,
    /// A recovery copy newer than the file just opened: offered beside it.
    pub newer_copy: Option<PathBuf>,
    pub view: ViewState,
    /// A file dialog is open.
    pub dialog_open: bool,
    today: NaiveDate,
    today_override: Option<NaiveDate>,
    data_dir: Option<PathBuf>,
    /// This run's claim on the recovery folder; `None` where there is no data folder.
    instance: Option<Instance>,
    autosave: autosave::AutosaveState,
    /// The per-item timer of the walk.
    pub timer: timer::Timer,
    /// The instant of the last command, against which running timers are read.
    now: std::time::Instant,
    close_confirmed: bool,
    next_serial: u64,
    /// Phone voting, while open.
    pub voting: Option<Voting>,
    /// After a failed open: the same file read with its bad values mended, offered.
    pub repair_offer: Option<RepairOffer>,
    /// What was mended in the project opened with repairs, listed until dismissed.
    pub repairs_made: Vec<String>,
    /// A merge waiting for the facilitator's choices where the files differ.
    pub merging: Option<PendingMerge>,
    /// Where the voting server listens; `None` for every address of the laptop (tests bind
    /// 127.0.0.1 only).
    vote_bind: Option<std::net::SocketAddr>,
    /// What the PC's administrator allows: phone voting or not, and its port.
    pub policy: crate::policy::Policy,
    /// Files being compared, once read; shown on [`Page::Compare`].
    pub comparison: Option<ShownComparison>,
    /// Files to compare are being read.
    pub comparing: bool,
    /// A vote asked for on items that hold votes already: waits for "replace them?".
    pub revote: Option<Revote>,
    /// Ballots journaled in an earlier run and never saved, offered back on the start screen.
    pub vote_journals: Vec<crate::vote::journal::Found>,
    /// Journals whose ballots are in the document from this generation on: deleted once it is
    /// saved (or autosaved) at that generation or later.
    journals_done: Vec<(PathBuf, u64)>,
    /// The overview's report of the open project, built once per change rather than every frame.
    report: std::cell::RefCell<Option<(ReportKey, std::rc::Rc<Report>)>>,
}

/// Phone voting as the window shows it.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four independent switches of one vote, each read on its own by the panel"
)]
pub struct Voting {
    /// The document voted into ([`Document::revision`]'s first part): another document stops it.
    pub document: u64,
    pub team: u32,
    pub scope: crate::vote::Scope,
    pub anonymous: bool,
    pub auto_reveal: bool,
    /// The page's URL at each of the laptop's addresses, the likely one first; empty while the
    /// server starts.
    pub urls: Vec<String>,
    /// False when the laptop is on no network: phones cannot reach it.
    pub reachable: bool,
    pub statuses: Vec<crate::vote::ItemStatus>,
    /// What only the facilitator sees: names claimed, addresses holding several ballots.
    pub oversight: crate::vote::Oversight,
    /// Several people may vote from one phone.
    pub shared_phones: bool,
    /// Where every accepted ballot is written as it comes in.
    pub journal: Option<PathBuf>,
    /// The names released last, to undo (newest last).
    pub released: Vec<crate::vote::Released>,
}

impl Voting {
    /// The status of `item`, if it is being voted on.
    pub fn status(&self, item: ItemId) -> Option<&crate::vote::ItemStatus> {
        self.statuses.iter().find(|s| s.item == item)
    }
}

/// A vote on items that hold votes already, and what a new round does to them, for the question
/// asked before it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Revote {
    pub start: VoteCommand,
    /// The items that hold votes, with how many.
    pub items: Vec<(ItemId, usize)>,
    pub anonymous: bool,
}

/// A file that could not be opened as it is, mended: offered beside the error.
#[derive(Clone, Debug, PartialEq)]
pub struct RepairOffer {
    pub path: PathBuf,
    pub project: Project,
    pub repairs: Vec<crate::project::repair::Repair>,
}

/// A merge whose differences are being decided: per difference, whether to take the other file's.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingMerge {
    pub merged: crate::project::merge::Merged,
    pub choices: Vec<bool>,
}

/// A comparison of files, as read and as shown.
pub struct ShownComparison {
    pub loaded: crate::compare::Loaded,
    pub comparison: crate::compare::Comparison,
}

/// What a built report depends on.
type ReportKey = ((u64, u64), Lang, NaiveDate);

impl Session {
    pub fn new(options: SessionOptions) -> Session {
        let (settings, damaged) = options
            .data_dir
            .as_deref()
            .map(|dir| Settings::load(&settings_file(dir)))
            .unwrap_or_default();
        let lang = options
            .lang
            .or(settings.lang)
            .unwrap_or_else(Lang::from_system);
        let instance = options
            .data_dir
            .as_deref()
            .map(|dir| Instance::claim(&dir.join("recovery")));
        let recovered = instance
            .as_ref()
            .map(|i| recovery::scan(i.dir()))
            .unwrap_or_default();
        let vote_journals = options
            .data_dir
            .as_deref()
            .map(|dir| crate::vote::journal::scan(&votes_dir(dir)))
            .unwrap_or_default();
        Session {
            lang,
            settings,
            doc: None,
            screen: Screen::Setup,
            team: None,
            notice: None,
            removal: None,
            error: damaged.map(Failure::SettingsDamaged),
            autosave_failure: None,
            pending: None,
            after_save: None,
            conflict: None,
            replace: None,
            path_entry: None,
            recovered,
            newer_copy: None,
            view: ViewState::default(),
            dialog_open: false,
            today: options
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            today_override: options.today,
            data_dir: options.data_dir,
            instance,
            autosave: autosave::AutosaveState::default(),
            timer: timer::Timer::default(),
            now: std::time::Instant::now(),
            close_confirmed: false,
            next_serial: 0,
            report: std::cell::RefCell::new(None),
            comparison: None,
            comparing: false,
            voting: None,
            merging: None,
            repair_offer: None,
            repairs_made: Vec::new(),
            vote_bind: options.vote_bind,
            policy: options.policy,
            revote: None,
            vote_journals,
            journals_done: Vec::new(),
        }
    }

    pub fn project(&self) -> Option<&Project> {
        self.doc.as_ref().map(|d| &d.project)
    }

    /// The open project as the documents describe it (scores side by side, indicators, the review,
    /// actions and their effect), for the overview. Built again only after a change.
    pub fn report(&self) -> Option<std::rc::Rc<Report>> {
        let doc = self.doc.as_ref()?;
        let key = (doc.revision(), self.lang, self.today);
        let mut cache = self.report.borrow_mut();
        if let Some((cached, report)) = cache.as_ref()
            && *cached == key
        {
            return Some(report.clone());
        }
        let options = crate::export::ExportOptions::new(self.lang, self.today);
        let report = std::rc::Rc::new(Report::build(&doc.project, &options).ok()?);
        *cache = Some((key, report.clone()));
        Some(report)
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(Document::is_dirty)
    }

    /// The day against which due dates are judged: the clock of the last command.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The selected team's id, falling back to the first team.
    pub fn team_id(&self) -> Option<u32> {
        let project = self.project()?;
        self.team
            .filter(|id| project.team(*id).is_some())
            .or_else(|| project.teams.first().map(|t| t.id))
    }

    /// The notice to show, unless the project has changed since it was given.
    pub fn notice(&self) -> Option<&Notice> {
        let shown = self.notice.as_ref()?;
        let current = self.doc.as_ref().map(Document::generation);
        (shown.generation.is_none() || shown.generation == current).then_some(&shown.notice)
    }

    /// A removal just made, while it can still be taken back with one click (until it fades or
    /// anything else changes).
    pub fn removal(&self) -> Option<&Removed> {
        let shown = self.removal.as_ref()?;
        let current = self.doc.as_ref().map(Document::generation);
        (current == Some(shown.generation)).then_some(&shown.removed)
    }

    /// How `item` stands against the agenda, now.
    pub fn item_time(&self, item: ItemId) -> timer::ItemTime {
        let agenda = self.project().and_then(|p| p.meta.agenda.as_ref());
        self.timer.item(item, agenda, self.now)
    }

    /// How the whole walk stands against the agenda, now.
    pub fn total_time(&self) -> timer::ItemTime {
        let agenda = self.project().and_then(|p| p.meta.agenda.as_ref());
        self.timer.total(agenda, self.now)
    }

    /// The fixed "today" of tests and screenshots, if any.
    pub fn fixed_today(&self) -> Option<NaiveDate> {
        self.today_override
    }

    /// Where settings and recovery copies go, if anywhere.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Whether the window may close now without asking: nothing unsaved, or the user answered.
    pub fn may_close(&self) -> bool {
        self.close_confirmed || !self.is_dirty()
    }

    /// Whether the walk includes the review of the previous round's actions.
    pub fn walk_has_review(&self) -> bool {
        self.project().is_some_and(Project::has_carried_actions)
    }

    /// The screen 次へ leads to.
    pub fn next_screen(&self) -> Screen {
        self.screen.next(self.walk_has_review())
    }

    /// The screen 前へ leads to.
    pub fn previous_screen(&self) -> Screen {
        self.screen.previous(self.walk_has_review())
    }

    /// Whether `command` can be run now (menus grey it out, the palette and keys skip it).
    pub fn is_enabled(&self, command: UICommand) -> bool {
        use UICommand::*;
        let doc = self.doc.as_ref();
        match command {
            Save | SaveAs | SaveByPath | Export(_) | ExportByPath | NextRound | ImportBaseline
            | ImportBaselineByPath | Close | ShowSetup | ShowOverview | ChartOnly | PrintSheets
            | EntryGrid | MergeFile => doc.is_some(),
            NextItem => doc.is_some() && self.screen != Screen::Overview,
            TimerStartPause | TimerAddTime => {
                doc.is_some() && matches!(self.screen, Screen::Item(_))
            }
            PreviousItem => doc.is_some() && self.screen != Screen::Setup,
            NextTeam | PreviousTeam => self.project().is_some_and(|p| p.teams.len() > 1),
            Undo => doc.is_some_and(Document::can_undo),
            Redo => doc.is_some_and(Document::can_redo),
            New | Open | OpenByPath | OpenSample | Quit | ToggleGuide | ExportCirculation
            | Language(_) | Theme(_) | ZoomIn | ZoomOut | ZoomReset | CommandPalette
            | Shortcuts | AboutChecklist | PresenterWindow | ProjectorMode | CompareFiles => true,
        }
    }

    /// Whether a data-carrying command is the current choice (menus show a tick).
    pub fn is_checked(&self, command: UICommand) -> Option<bool> {
        match command {
            UICommand::Language(lang) => Some(self.lang == lang),
            UICommand::Theme(theme) => Some(self.settings.theme == theme),
            UICommand::ToggleGuide => Some(self.settings.show_guide),
            UICommand::ExportCirculation => Some(self.settings.export_circulation),
            UICommand::ChartOnly => Some(self.view.page == Some(Page::ChartOnly)),
            UICommand::AboutChecklist => Some(self.view.page == Some(Page::About)),
            UICommand::EntryGrid => Some(self.view.page == Some(Page::EntryGrid)),
            UICommand::PresenterWindow => Some(self.view.presenter),
            UICommand::ProjectorMode => Some(self.view.projector),
            _ => None,
        }
    }

    /// The window's title: the file's name, marked while it has unsaved changes.
    pub fn window_title(&self) -> String {
        match &self.doc {
            Some(doc) => {
                let name = doc.display_name();
                let name = if name.is_empty() {
                    crate::tr!(self.lang, "app.untitled")
                } else {
                    name
                };
                let mark = if doc.is_dirty() { "● " } else { "" };
                format!("{mark}{name} — Kizuki")
            }
            None => "Kizuki（気づき）".to_owned(),
        }
    }

    /// The format the typed-path export is set to.
    pub fn path_entry_format(&self) -> Option<Format> {
        match self.path_entry.as_ref()?.purpose {
            Purpose::Export(format) => Some(format),
            _ => None,
        }
    }

    fn serial(&mut self) -> u64 {
        self.next_serial += 1;
        self.next_serial
    }

    fn notify(&mut self, notice: Notice) {
        self.notice = Some(ShownNotice {
            notice,
            generation: self.doc.as_ref().map(Document::generation),
        });
    }

    fn fail(&mut self, failure: Failure) {
        self.error = Some(failure);
    }

    fn save_settings(&mut self) {
        let Some(dir) = &self.data_dir else { return };
        if let Err(e) = self.settings.save(&settings_file(dir)) {
            self.fail(Failure::Settings(e));
        }
    }
}

fn settings_file(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.ron")
}

/// How views and threads send commands: a channel the window drains every frame.
#[derive(Clone)]
pub struct CommandSender(std::sync::mpsc::Sender<Command>);

impl CommandSender {
    /// A sender and the receiver the window drains.
    pub fn channel() -> (CommandSender, std::sync::mpsc::Receiver<Command>) {
        let (tx, rx) = std::sync::mpsc::channel();
        (CommandSender(tx), rx)
    }

    pub fn send(&self, command: impl Into<Command>) {
        // The receiver lives as long as the window; once it is gone nobody is left to act anyway.
        let _ = self.0.send(command.into());
    }

    /// Sends a menu, key or palette command.
    pub fn run(&self, command: UICommand) {
        self.send(Command::Run(command));
    }

    pub fn edit(&self, edit: Edit) {
        self.send(Command::Edit(edit));
    }
}
