//! The window: eframe glue, the actions the UI asks for, and the one place that carries them out
//! (edits with undo, file I/O, dialogs, settings).

pub mod dialogs;
pub mod document;
pub mod edit;
pub mod recovery;
pub mod settings;

use crate::checklist::ItemId;
use crate::export::{self, ExportOptions, Format};
use crate::file;
use crate::i18n::Lang;
use crate::project::{Project, sample_project};
use crate::tr;
use crate::ui;
use dialogs::{DialogResult, Dialogs, Purpose};
use document::{Document, FileStamp};
use edit::Edit;
use recovery::Recovered;
use settings::{Settings, ThemeChoice};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where in the walk the facilitator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Setup,
    Item(ItemId),
    Overview,
}

impl Screen {
    /// The screen after this one in the walk: setup → items 1–10 → overview.
    pub fn next(self) -> Screen {
        match self {
            Screen::Setup => Screen::Item(ItemId::ALL[0]),
            Screen::Item(id) => {
                ItemId::from_index(id.index() + 1).map_or(Screen::Overview, Screen::Item)
            }
            Screen::Overview => Screen::Overview,
        }
    }

    pub fn previous(self) -> Screen {
        match self {
            Screen::Setup => Screen::Setup,
            Screen::Item(id) => id
                .index()
                .checked_sub(1)
                .and_then(ItemId::from_index)
                .map_or(Screen::Setup, Screen::Item),
            Screen::Overview => Screen::Item(ItemId::ALL[ItemId::ALL.len() - 1]),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    In,
    Out,
    Reset,
}

/// Everything the UI can ask for. The UI never changes anything itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    Undo,
    Redo,
    Show(Screen),
    SelectTeam(u32),
    New,
    Open,
    OpenPath(PathBuf),
    OpenSample,
    Save,
    SaveAs,
    SaveTo(PathBuf),
    Export(Format),
    ExportTo(Format, PathBuf),
    ForgetRecent(PathBuf),
    Close,
    Quit,
    SetLang(Lang),
    SetTheme(ThemeChoice),
    Zoom(Zoom),
    ToggleGuide,
    /// Ask for a path by typing it, where no file dialog can be shown.
    EnterPath(Purpose),
    EnterPathText(String),
    CancelPathEntry,
    Unsaved(UnsavedChoice),
    DismissMessage,
    /// Reopen a project found in the recovery folder at start.
    Restore(PathBuf),
    /// Delete a recovery file the user does not want.
    DiscardRecovery(PathBuf),
    /// Start the next round from the open project: same teams, its scores as the baseline.
    NextRound,
    /// Ask for an earlier round's project file, whose scores become the baseline.
    ImportBaseline,
    /// Take an earlier round's scores from a project file as the baseline.
    ImportBaselineFrom(PathBuf),
    /// The answer to "the file changed on disk since it was opened".
    Conflict(ConflictChoice),
}

/// The answer when the file on disk changed since it was opened or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    Overwrite,
    SaveAs,
    Cancel,
}

/// The answer to "save the changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Something that would drop the open project, waiting for the unsaved-changes answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    NextRound,
    Open,
    OpenPath(PathBuf),
    OpenSample,
    Close,
    Quit,
}

/// A message in the window: a notice that fades from attention, or an error that stays until read.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// A path typed by hand, for when no file dialog can be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct PathEntry {
    pub purpose: Purpose,
    pub text: String,
}

/// The app's state that the UI reads.
pub struct Core {
    pub settings: Settings,
    pub doc: Option<Document>,
    pub screen: Screen,
    /// The team being walked through (by id).
    pub team: Option<u32>,
    pub message: Option<Message>,
    /// The unsaved-changes question, while it is asked.
    pub pending: Option<Pending>,
    pub path_entry: Option<PathEntry>,
    pub lang: Lang,
    /// A fixed "today", for tests and screenshots that must not change with the calendar.
    pub today_override: Option<chrono::NaiveDate>,
    /// Projects found in the recovery folder at start, offered on the start screen.
    pub recovered: Vec<Recovered>,
    /// A save that would overwrite a file another program changed, waiting for an answer.
    pub conflict: Option<PathBuf>,
}

impl Core {
    pub fn project(&self) -> Option<&Project> {
        self.doc.as_ref().map(|d| &d.project)
    }

    /// The day against which due dates are judged.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today_override
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The selected team's id, falling back to the first team.
    pub fn team_id(&self) -> Option<u32> {
        let project = self.project()?;
        self.team
            .filter(|id| project.team(*id).is_some())
            .or_else(|| project.teams.first().map(|t| t.id))
    }
}

pub struct KizukiApp {
    pub core: Core,
    pub view: ui::ViewState,
    dialogs: Dialogs,
    actions: Vec<Action>,
    /// After the user chose to save or discard, the close request is let through.
    quit_confirmed: bool,
    /// What to do once a Save As (asked for by the unsaved-changes question) has finished.
    after_save: Option<Pending>,
    shown_title: String,
    /// Where autosaved copies go; `None` where the system has no data folder (autosave is then off).
    recovery_dir: Option<PathBuf>,
    /// Numbers this run's documents, for their recovery file names.
    sessions: u64,
    /// The autosave being written, off the UI thread.
    autosave: Option<std::thread::JoinHandle<Result<(), String>>>,
}

impl KizukiApp {
    /// The app as the window starts it: settings from eframe's storage, fonts and style installed.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        lang: Option<Lang>,
        file: Option<PathBuf>,
    ) -> KizukiApp {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::KEY))
            .unwrap_or_default();
        let mut app =
            KizukiApp::with_settings(&cc.egui_ctx, settings, lang, recovery::default_dir());
        if let Some(path) = file {
            app.actions.push(Action::OpenPath(path));
        }
        app
    }

    /// The app without eframe's creation context, for tests: fonts and style on `ctx`.
    pub fn with_settings(
        ctx: &egui::Context,
        settings: Settings,
        lang: Option<Lang>,
        recovery_dir: Option<PathBuf>,
    ) -> KizukiApp {
        ui::setup_context(ctx);
        let lang = lang.or(settings.lang).unwrap_or_else(Lang::from_system);
        let mut app = KizukiApp {
            core: Core {
                settings,
                doc: None,
                screen: Screen::Setup,
                team: None,
                message: None,
                pending: None,
                path_entry: None,
                lang,
                today_override: None,
                recovered: Vec::new(),
                conflict: None,
            },
            view: ui::ViewState::default(),
            dialogs: Dialogs::default(),
            actions: Vec::new(),
            quit_confirmed: false,
            after_save: None,
            shown_title: String::new(),
            recovery_dir,
            sessions: 0,
            autosave: None,
        };
        app.core.recovered = app
            .recovery_dir
            .as_deref()
            .map(recovery::scan)
            .unwrap_or_default();
        ui::apply_preferences(ctx, &app.core.settings);
        app
    }

    /// Carries out one action. Public so that tests drive the app the way the UI does.
    pub fn handle(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Edit(edit) => {
                if let Some(doc) = &mut self.core.doc {
                    doc.apply(edit, Instant::now());
                }
            }
            Action::Undo => {
                if let Some(doc) = &mut self.core.doc {
                    doc.undo();
                }
            }
            Action::Redo => {
                if let Some(doc) = &mut self.core.doc {
                    doc.redo();
                }
            }
            Action::Show(screen) => self.core.screen = screen,
            Action::SelectTeam(team) => self.core.team = Some(team),
            Action::New => self.unless_unsaved(Pending::New, ctx),
            Action::Open => self.unless_unsaved(Pending::Open, ctx),
            Action::OpenPath(path) => self.unless_unsaved(Pending::OpenPath(path), ctx),
            Action::OpenSample => self.unless_unsaved(Pending::OpenSample, ctx),
            Action::Close => self.unless_unsaved(Pending::Close, ctx),
            Action::Quit => {
                self.quit_confirmed = false;
                self.unless_unsaved(Pending::Quit, ctx);
            }
            Action::Save => match self.core.doc.as_ref().and_then(|d| d.path.clone()) {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.ask_path(Purpose::SaveAs, ctx),
            },
            Action::SaveAs => self.ask_path(Purpose::SaveAs, ctx),
            Action::SaveTo(path) => {
                self.save_to(&path);
            }
            Action::Export(format) => self.ask_path(Purpose::Export(format), ctx),
            Action::ExportTo(format, path) => self.export_to(format, &path),
            Action::ForgetRecent(path) => self.core.settings.forget(&path),
            Action::SetLang(lang) => {
                self.core.lang = lang;
                self.core.settings.lang = Some(lang);
            }
            Action::SetTheme(theme) => {
                self.core.settings.theme = theme;
                ui::apply_preferences(ctx, &self.core.settings);
            }
            Action::Zoom(step) => {
                let zoom = match step {
                    Zoom::In => ctx.zoom_factor() + 0.1,
                    Zoom::Out => ctx.zoom_factor() - 0.1,
                    Zoom::Reset => 1.0,
                };
                self.core.settings.zoom = Settings::clamp_zoom((zoom * 10.0).round() / 10.0);
                ui::apply_preferences(ctx, &self.core.settings);
            }
            Action::ToggleGuide => self.core.settings.show_guide = !self.core.settings.show_guide,
            Action::EnterPath(purpose) => {
                let text = self.suggested_path(&purpose).display().to_string();
                self.core.path_entry = Some(PathEntry { purpose, text });
            }
            Action::EnterPathText(text) => {
                if let Some(entry) = &mut self.core.path_entry {
                    entry.text = text;
                }
            }
            Action::CancelPathEntry => self.core.path_entry = None,
            Action::Unsaved(choice) => self.answer_unsaved(choice, ctx),
            Action::DismissMessage => self.core.message = None,
            Action::Restore(file) => self.restore(&file),
            Action::NextRound => self.unless_unsaved(Pending::NextRound, ctx),
            Action::ImportBaseline => self.ask_path(Purpose::ImportBaseline, ctx),
            Action::ImportBaselineFrom(path) => {
                let lang = self.core.lang;
                match file::load(&path) {
                    Ok(previous) => {
                        let baseline = previous.as_baseline();
                        self.handle(Action::Edit(Edit::SetBaseline(Some(baseline))), ctx);
                        self.core.path_entry = None;
                        self.notice(tr!(lang, "baseline.imported", title = previous.meta.title));
                    }
                    Err(e) => self.error(format!("{}\n{}", path.display(), e.message(lang))),
                }
            }
            Action::DiscardRecovery(file) => {
                let _ = std::fs::remove_file(&file);
                self.core.recovered.retain(|r| r.file != file);
            }
            Action::Conflict(choice) => {
                let Some(path) = self.core.conflict.take() else {
                    return;
                };
                match choice {
                    ConflictChoice::Overwrite => {
                        self.write_project(&path);
                    }
                    ConflictChoice::SaveAs => self.ask_path(Purpose::SaveAs, ctx),
                    ConflictChoice::Cancel => self.after_save = None,
                }
            }
        }
    }

    /// Reopens a recovered project: unsaved, with its original path, still autosaved to the same file.
    fn restore(&mut self, file: &Path) {
        let lang = self.core.lang;
        match recovery::read(file) {
            Ok(r) => {
                let mut doc = Document::new(r.project, r.original_path);
                doc.dirty = true;
                doc.generation = 1;
                doc.autosaved_generation = 1;
                doc.recovery_file = Some(file.to_owned());
                doc.disk_stamp = doc.path.as_deref().and_then(FileStamp::of);
                self.core.recovered.retain(|x| x.file != file);
                self.set_document(doc, Screen::Overview);
                self.notice(tr!(lang, "recovery.restored"));
            }
            Err(reason) => self.error(tr!(lang, "recovery.unreadable", reason = reason)),
        }
    }

    /// Removes the open document's recovery file: its changes were saved or given up.
    fn drop_recovery(&mut self) {
        self.finish_autosave();
        if let Some(file) = self.core.doc.as_mut().and_then(|d| d.recovery_file.take()) {
            let _ = std::fs::remove_file(file);
        }
    }

    /// Waits for an autosave being written. Public so tests can wait for the debounce's write.
    pub fn finish_autosave(&mut self) {
        if let Some(handle) = self.autosave.take() {
            match handle.join() {
                Ok(Ok(())) => {}
                Ok(Err(reason)) => log::warn!("autosave failed: {reason}"),
                Err(_) => log::warn!("the autosave thread panicked"),
            }
        }
    }

    /// Writes the recovery copy when the project changed and the last edit is `AUTOSAVE_DELAY` old;
    /// otherwise asks to be woken when it will be. Public so tests can pass their own clock.
    pub fn autosave_tick(&mut self, now: Instant, ctx: &egui::Context) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        let Some(doc) = &mut self.core.doc else {
            return;
        };
        if !doc.dirty || doc.generation == doc.autosaved_generation {
            return;
        }
        let since = doc.last_change.map_or(recovery::AUTOSAVE_DELAY, |t| {
            now.saturating_duration_since(t)
        });
        if since < recovery::AUTOSAVE_DELAY {
            // One wake-up at the end of the debounce; nothing repaints in between.
            ctx.request_repaint_after(recovery::AUTOSAVE_DELAY - since);
            return;
        }
        if self.autosave.as_ref().is_some_and(|h| !h.is_finished()) {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
            return;
        }
        self.finish_autosave();
        let Some(doc) = &mut self.core.doc else {
            return;
        };
        // Serialising is quick (milliseconds for a large project); the disk write and sync are not,
        // so they run on a thread.
        let bytes = match recovery::to_bytes(&doc.project, doc.path.as_deref()) {
            Ok(bytes) => bytes,
            Err(e) => {
                log::warn!("autosave: {e}");
                return;
            }
        };
        let file = doc.recovery_file.get_or_insert_with(|| {
            self.sessions += 1;
            dir.join(recovery::file_name(self.sessions))
        });
        let file = file.clone();
        doc.autosaved_generation = doc.generation;
        self.autosave = Some(std::thread::spawn(move || {
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            file::write_atomically(&file, &bytes, false).map_err(|e| e.to_string())
        }));
    }

    /// Runs `next` now, or first asks whether to save the open project's changes.
    fn unless_unsaved(&mut self, next: Pending, ctx: &egui::Context) {
        if self.core.doc.as_ref().is_some_and(|d| d.dirty) {
            self.core.pending = Some(next);
        } else {
            self.proceed(next, ctx);
        }
    }

    fn answer_unsaved(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(next) = self.core.pending.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => self.proceed(next, ctx),
            UnsavedChoice::Save => {
                // Once saved (now, or after a dialog or a conflict question), `next` runs.
                self.after_save = Some(next);
                match self.core.doc.as_ref().and_then(|d| d.path.clone()) {
                    Some(path) => {
                        self.save_to(&path);
                    }
                    None => self.ask_path(Purpose::SaveAs, ctx),
                }
            }
        }
    }

    /// Does what was waiting, the open project's changes being saved or given up.
    fn proceed(&mut self, next: Pending, ctx: &egui::Context) {
        match next {
            Pending::New => {
                let now = chrono::Local::now().fixed_offset();
                let project = Project::new("", "", self.core.lang, now);
                self.set_document(Document::new(project, None), Screen::Setup);
            }
            Pending::Open => self.ask_path(Purpose::Open, ctx),
            Pending::OpenPath(path) => self.open(&path),
            Pending::NextRound => {
                if let Some(doc) = &self.core.doc {
                    let next = doc.project.next_round(chrono::Local::now().fixed_offset());
                    let lang = self.core.lang;
                    self.set_document(Document::new(next, None), Screen::Setup);
                    if let Some(doc) = &mut self.core.doc {
                        // The new round exists only in memory until it is saved.
                        doc.dirty = true;
                        doc.generation = 1;
                    }
                    self.notice(tr!(lang, "baseline.next_round"));
                }
            }
            Pending::OpenSample => {
                self.set_document(Document::new(sample_project(), None), Screen::Overview)
            }
            Pending::Close => {
                self.drop_recovery();
                self.core.doc = None;
            }
            Pending::Quit => {
                self.drop_recovery();
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn set_document(&mut self, doc: Document, screen: Screen) {
        self.drop_recovery();
        self.core.team = doc.project.teams.first().map(|t| t.id);
        self.core.doc = Some(doc);
        self.core.screen = screen;
        self.core.path_entry = None;
    }

    fn open(&mut self, path: &Path) {
        let lang = self.core.lang;
        match file::load(path) {
            Ok(project) => {
                self.core.settings.remember(path);
                let mut doc = Document::new(project, Some(path.to_owned()));
                doc.disk_stamp = FileStamp::of(path);
                self.set_document(doc, Screen::Overview);
                self.notice(tr!(lang, "app.opened", path = path.display()));
            }
            Err(e) => self.error(format!("{}\n{}", path.display(), e.message(lang))),
        }
    }

    /// Saves the open project to `path`, unless another program changed that file since it was
    /// opened or saved here: then it asks first. Returns whether the project was written.
    fn save_to(&mut self, path: &Path) -> bool {
        let Some(doc) = &self.core.doc else {
            return false;
        };
        let same_file = doc.path.as_deref() == Some(path);
        let changed_on_disk =
            same_file && doc.disk_stamp.is_some() && FileStamp::of(path) != doc.disk_stamp;
        if changed_on_disk {
            self.core.conflict = Some(path.to_owned());
            return false;
        }
        self.write_project(path)
    }

    /// Writes the open project to `path`; on failure says why and keeps everything in memory.
    fn write_project(&mut self, path: &Path) -> bool {
        let lang = self.core.lang;
        let Some(doc) = &mut self.core.doc else {
            return false;
        };
        let mut project = doc.project.clone();
        project.meta.modified_at = Some(chrono::Local::now().fixed_offset());
        match file::save(&project, path) {
            Ok(()) => {
                doc.project.meta.modified_at = project.meta.modified_at;
                doc.path = Some(path.to_owned());
                doc.dirty = false;
                doc.disk_stamp = FileStamp::of(path);
                self.core.settings.remember(path);
                self.drop_recovery();
                if let Some(next) = self.after_save.take() {
                    self.actions.push(match next {
                        Pending::New => Action::New,
                        Pending::NextRound => Action::NextRound,
                        Pending::Open => Action::Open,
                        Pending::OpenPath(p) => Action::OpenPath(p),
                        Pending::OpenSample => Action::OpenSample,
                        Pending::Close => Action::Close,
                        Pending::Quit => Action::Quit,
                    });
                }
                self.core.path_entry = None;
                self.notice(tr!(lang, "app.saved", path = path.display()));
                true
            }
            Err(e) => {
                self.after_save = None;
                self.error(tr!(
                    lang,
                    "app.save_failed",
                    path = path.display(),
                    reason = e.message(lang)
                ));
                false
            }
        }
    }

    fn export_to(&mut self, format: Format, path: &Path) {
        let lang = self.core.lang;
        let Some(project) = self.core.project() else {
            return;
        };
        let options = ExportOptions::new(lang, self.core.today());
        let result = export::render(project, format, &options)
            .map_err(|e| e.message(lang))
            .and_then(|bytes| {
                file::write_atomically(path, &bytes, false).map_err(|e| e.message(lang))
            });
        match result {
            Ok(()) => {
                self.core.path_entry = None;
                self.notice(tr!(lang, "app.exported", path = path.display()));
            }
            Err(reason) => self.error(tr!(
                lang,
                "app.export_failed",
                path = path.display(),
                reason = reason
            )),
        }
    }

    /// Asks for a path with the native dialog.
    fn ask_path(&mut self, purpose: Purpose, ctx: &egui::Context) {
        let lang = self.core.lang;
        let suggested = self.suggested_path(&purpose);
        let title = match &purpose {
            Purpose::Open => tr!(lang, "dialog.open"),
            Purpose::ImportBaseline => tr!(lang, "dialog.import_baseline"),
            Purpose::SaveAs => tr!(lang, "dialog.save_as"),
            Purpose::Export(_) => tr!(lang, "dialog.export"),
        };
        let name = suggested
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = suggested.parent().map(Path::to_path_buf);
        self.dialogs.request(purpose, title, name, folder, ctx);
    }

    /// Where a file for `purpose` would go: beside the project, named after it.
    fn suggested_path(&self, purpose: &Purpose) -> PathBuf {
        let doc = self.core.doc.as_ref();
        let folder = doc
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| {
                self.core
                    .settings
                    .recent
                    .first()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
            })
            .or_else(|| {
                directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
            })
            .unwrap_or_else(|| PathBuf::from("."));
        let title = doc
            .map(|d| d.project.meta.title.clone())
            .unwrap_or_default();
        let name = match purpose {
            Purpose::Open | Purpose::ImportBaseline => String::new(),
            Purpose::SaveAs => match doc
                .and_then(|d| d.path.as_ref())
                .and_then(|p| p.file_name())
            {
                Some(name) => name.to_string_lossy().into_owned(),
                None => file::file_name_for(&title),
            },
            Purpose::Export(format) => {
                let stem = file::file_name_for(&title);
                let stem = stem
                    .strip_suffix(&format!(".{}", file::EXTENSION))
                    .unwrap_or(&stem)
                    .to_owned();
                format!("{stem}{}.{}", format.file_suffix(), format.extension())
            }
        };
        folder.join(name)
    }

    fn dialog_finished(&mut self, result: DialogResult) {
        let lang = self.core.lang;
        let Some(path) = result.path.clone() else {
            if result.probably_not_shown() {
                self.notice(tr!(lang, "app.no_dialog"));
                self.actions.push(Action::EnterPath(result.purpose));
            } else {
                self.after_save = None;
            }
            return;
        };
        match result.purpose {
            Purpose::Open => self.actions.push(Action::OpenPath(path)),
            Purpose::ImportBaseline => self.actions.push(Action::ImportBaselineFrom(path)),
            Purpose::SaveAs => self
                .actions
                .push(Action::SaveTo(with_extension(path, file::EXTENSION))),
            Purpose::Export(format) => {
                let path = with_extension(path, format.extension());
                self.actions.push(Action::ExportTo(format, path));
            }
        }
    }

    fn notice(&mut self, text: String) {
        self.core.message = Some(Message { text, error: false });
    }

    fn error(&mut self, text: String) {
        log::warn!("{text}");
        self.core.message = Some(Message { text, error: true });
    }

    /// Runs the actions queued so far.
    pub fn run_actions(&mut self, ctx: &egui::Context) {
        // An action may queue more (a dialog result opens a file); a bound keeps a bug from looping.
        for _ in 0..8 {
            if self.actions.is_empty() {
                break;
            }
            for action in std::mem::take(&mut self.actions) {
                self.handle(action, ctx);
            }
        }
    }

    fn window_title(&self) -> String {
        let lang = self.core.lang;
        match &self.core.doc {
            Some(doc) => {
                let name = doc.display_name();
                let name = if name.is_empty() {
                    tr!(lang, "app.untitled")
                } else {
                    name
                };
                let mark = if doc.dirty { "● " } else { "" };
                format!("{mark}{name} — Kizuki")
            }
            None => "Kizuki（気づき）".to_owned(),
        }
    }

    /// Work that is not drawing: dialogs, dropped files, shortcuts, the close request, the title.
    fn frame_logic(&mut self, ctx: &egui::Context) {
        while let Some(result) = self.dialogs.poll() {
            self.dialog_finished(result);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.actions.push(Action::OpenPath(path));
        }
        self.actions.extend(ui::shortcuts(ctx, &self.core));
        let dirty = self.core.doc.as_ref().is_some_and(|d| d.dirty);
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed && dirty {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.core.pending = Some(Pending::Quit);
        }
        self.run_actions(ctx);
        self.autosave_tick(Instant::now(), ctx);
        // egui itself handles Ctrl+plus/minus; remember whatever zoom the user ended up with.
        self.core.settings.zoom = ctx.zoom_factor();
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

/// Adds `.ext` unless the path already ends with it (dialogs on some systems drop the filter's ending).
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.to_lowercase().ends_with(&format!(".{ext}")) {
        path
    } else {
        path.with_file_name(format!("{name}.{ext}"))
    }
}

impl eframe::App for KizukiApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.frame_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut actions = Vec::new();
        ui::root_ui(
            ui,
            &self.core,
            &mut self.view,
            self.dialogs.is_open(),
            &mut actions,
        );
        self.actions.extend(actions);
        let ctx = ui.ctx().clone();
        self.run_actions(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.core.settings);
    }

    /// A clean exit: the user has saved or given up the changes, so no recovery copy is left.
    fn on_exit(&mut self) {
        self.drop_recovery();
    }
}

/// Opens the window. `file` is opened at start, as a file manager passes it.
pub fn run(lang: Option<Lang>, file: Option<PathBuf>) -> eframe::Result {
    let icon = ui::icon::window_icon();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Kizuki（気づき）")
            .with_app_id("kizuki")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0])
            .with_icon(icon)
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "kizuki",
        options,
        Box::new(move |cc| Ok(Box::new(KizukiApp::new(cc, lang, file)))),
    )
}
