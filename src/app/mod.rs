//! The window: eframe glue, the actions the UI asks for, and the one place that carries them out
//! (edits with undo, file I/O, dialogs, settings).

pub mod dialogs;
pub mod document;
pub mod edit;
pub mod settings;

use crate::checklist::ItemId;
use crate::export::{self, ExportOptions, Format};
use crate::file;
use crate::i18n::Lang;
use crate::project::{Project, sample_project};
use crate::tr;
use crate::ui;
use dialogs::{DialogResult, Dialogs, Purpose};
use document::Document;
use edit::Edit;
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
        let mut app = KizukiApp::with_settings(&cc.egui_ctx, settings, lang);
        if let Some(path) = file {
            app.actions.push(Action::OpenPath(path));
        }
        app
    }

    /// The app without eframe's creation context, for tests: fonts and style on `ctx`.
    pub fn with_settings(ctx: &egui::Context, settings: Settings, lang: Option<Lang>) -> KizukiApp {
        ui::setup_context(ctx);
        let lang = lang.or(settings.lang).unwrap_or_else(Lang::from_system);
        let app = KizukiApp {
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
            },
            view: ui::ViewState::default(),
            dialogs: Dialogs::default(),
            actions: Vec::new(),
            quit_confirmed: false,
            after_save: None,
            shown_title: String::new(),
        };
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
                let saved = self.save_to(&path);
                if saved && let Some(next) = self.after_save.take() {
                    self.proceed(next, ctx);
                }
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
        }
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
            UnsavedChoice::Save => match self.core.doc.as_ref().and_then(|d| d.path.clone()) {
                Some(path) => {
                    if self.save_to(&path) {
                        self.proceed(next, ctx);
                    }
                }
                None => {
                    self.after_save = Some(next);
                    self.ask_path(Purpose::SaveAs, ctx);
                }
            },
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
            Pending::OpenSample => {
                self.set_document(Document::new(sample_project(), None), Screen::Overview)
            }
            Pending::Close => self.core.doc = None,
            Pending::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn set_document(&mut self, doc: Document, screen: Screen) {
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
                self.set_document(
                    Document::new(project, Some(path.to_owned())),
                    Screen::Overview,
                );
                self.notice(tr!(lang, "app.opened", path = path.display()));
            }
            Err(e) => self.error(format!("{}\n{}", path.display(), e.message(lang))),
        }
    }

    /// Saves the open project to `path`; on failure says why and keeps everything in memory.
    fn save_to(&mut self, path: &Path) -> bool {
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
                self.core.settings.remember(path);
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
            Purpose::Open => String::new(),
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
                self.handle_later(Action::EnterPath(result.purpose));
            } else {
                self.after_save = None;
            }
            return;
        };
        match result.purpose {
            Purpose::Open => self.actions.push(Action::OpenPath(path)),
            Purpose::SaveAs => self
                .actions
                .push(Action::SaveTo(with_extension(path, file::EXTENSION))),
            Purpose::Export(format) => {
                let path = with_extension(path, format.extension());
                self.actions.push(Action::ExportTo(format, path));
            }
        }
    }

    fn handle_later(&mut self, action: Action) {
        self.actions.push(action);
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
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    pub fn dialog_open(&self) -> bool {
        self.dialogs.is_open()
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
