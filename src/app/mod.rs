//! The window: eframe glue only. It owns the [`Session`], hands it the commands the views send,
//! and carries out the [`Effect`]s it returns (dialogs, theme, zoom, closing, the autosave thread).

mod dialogs;

use crate::i18n::Lang;
use crate::session::{
    Carried, Clock, Command, CommandSender, Effect, Session, SessionOptions, Settings, ThemeChoice,
};
use crate::session::{Done, FileCommand};
use crate::ui;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;

/// How the window starts.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    pub session: SessionOptions,
    /// A project to open at start, as a file manager passes it.
    pub file: Option<PathBuf>,
}

impl AppOptions {
    /// What the `kizuki` binary uses: the user's data folder (or `KIZUKI_DATA_DIR`).
    pub fn for_user(lang: Option<Lang>, file: Option<PathBuf>) -> AppOptions {
        AppOptions {
            session: SessionOptions {
                lang,
                data_dir: crate::session::default_data_dir(),
                today: None,
                vote_bind: None,
                policy: crate::policy::Policy::of_machine(),
            },
            file,
        }
    }
}

pub struct KizukiApp {
    pub session: Session,
    sender: CommandSender,
    receiver: Receiver<Command>,
    ctx: egui::Context,
    autosave: Option<JoinHandle<()>>,
    /// Phone voting's server, while voting is open; dropping it stops it and frees the port.
    vote_server: Option<crate::vote::VoteServer>,
    shown_title: String,
    /// How far tests have moved time on (always zero in use).
    clock_offset: std::time::Duration,
    /// Whether the window has been fitted to the screen (once, when the screen's size is known).
    fitted: bool,
    /// Frames painted, for the log: an idle window paints none (under Wine one used 40–60 % of
    /// a core; `RUST_LOG=kizuki=debug` shows whether Kizuki itself keeps repainting).
    paint_meter: PaintMeter,
}

/// Counts the frames painted and says, at most every ten seconds, how many there were.
struct PaintMeter {
    since: std::time::Instant,
    frames: u64,
}

impl PaintMeter {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(10);

    fn new() -> PaintMeter {
        PaintMeter {
            since: std::time::Instant::now(),
            frames: 0,
        }
    }

    /// One frame painted now. Logged when a period ends, so an idle window logs nothing at all.
    fn painted(&mut self) {
        self.frames += 1;
        let elapsed = self.since.elapsed();
        if elapsed >= Self::EVERY {
            log::debug!(
                "painted {} frames in {:.1} s",
                self.frames,
                elapsed.as_secs_f32()
            );
            self.frames = 0;
            self.since = std::time::Instant::now();
        }
    }
}

/// What to do with the window's first size on a screen of `monitor` points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    Keep,
    /// Larger than the screen less its taskbar: maximise, which fits the work area exactly.
    Maximize,
}

/// The room an operating system's taskbar or menu bar and dock may take, at most, in points.
const TASKBAR: f32 = 80.0;

fn fit(window: egui::Vec2, monitor: egui::Vec2) -> Fit {
    if window.x > monitor.x || window.y > monitor.y - TASKBAR {
        Fit::Maximize
    } else {
        Fit::Keep
    }
}

impl KizukiApp {
    /// The app as the window (or a test harness) starts it: fonts, style, theme and zoom on `ctx`.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> KizukiApp {
        ui::setup_context(ctx);
        let session = Session::new(options.session);
        apply_preferences(ctx, &session.settings);
        let (sender, receiver) = CommandSender::channel();
        if let Some(path) = options.file {
            sender.send(FileCommand::Open(path));
        }
        KizukiApp {
            session,
            sender,
            receiver,
            ctx: ctx.clone(),
            autosave: None,
            vote_server: None,
            shown_title: String::new(),
            clock_offset: std::time::Duration::ZERO,
            fitted: false,
            paint_meter: PaintMeter::new(),
        }
    }

    /// The clock commands run at: the system's, on the fixed day where one is set.
    fn clock(&self) -> Clock {
        let now = match self.session.fixed_today() {
            Some(day) => Clock::on(day),
            None => Clock::system(),
        };
        now.later(self.clock_offset)
    }

    /// Moves the window's time on by `by`: for tests of timers and the autosave's delay.
    pub fn advance_clock(&mut self, by: std::time::Duration) {
        self.clock_offset += by;
    }

    /// Carries out one command now, as if a view had sent it. Public so that tests drive the
    /// window the way its views do.
    pub fn send(&mut self, command: impl Into<Command>) {
        let clock = self.clock();
        self.send_at(command.into(), &clock);
    }

    /// As [`Self::send`], at a given time (tests step through the autosave's debounce).
    pub fn send_at(&mut self, command: Command, clock: &Clock) {
        for effect in self.session.handle(command, clock) {
            self.run_effect(effect);
        }
    }

    /// Handles what the views and threads have sent. Returns whether anything was.
    fn drain(&mut self) -> bool {
        let mut any = false;
        // Bounded, so that a command that keeps sending more cannot freeze the window.
        for _ in 0..256 {
            let Ok(command) = self.receiver.try_recv() else {
                break;
            };
            self.send(command);
            any = true;
        }
        any
    }

    /// Waits for a running autosave and handles its outcome (tests; and a clean exit).
    pub fn wait_for_autosave(&mut self) {
        if let Some(handle) = self.autosave.take() {
            // A panicked thread has already been reported by the panic itself.
            let _ = handle.join();
        }
        self.drain();
    }

    fn run_effect(&mut self, effect: Effect) {
        let ctx = self.ctx.clone();
        match effect {
            Effect::AskPath {
                purpose,
                title,
                suggested,
            } => dialogs::ask_path(purpose, title, &suggested, self.sender.clone(), &ctx),
            Effect::ApplyTheme(theme) => ctx.set_theme(theme_preference(theme)),
            Effect::ApplyZoom(zoom) => ctx.set_zoom_factor(zoom),
            Effect::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Effect::RepaintAfter(delay) => ctx.request_repaint_after(delay),
            Effect::WriteAutosave(job) => {
                let sender = self.sender.clone();
                let spawned = std::thread::Builder::new()
                    .name("kizuki-autosave".into())
                    .spawn(move || {
                        sender.send(job.run());
                        ctx.request_repaint();
                    });
                match spawned {
                    Ok(handle) => self.autosave = Some(handle),
                    // No thread to be had: report it as a failed autosave, which the window shows.
                    Err(e) => self.sender.send(Done::AutosaveFinished {
                        generation: self
                            .session
                            .doc
                            .as_ref()
                            .map_or(0, super::session::document::Document::generation),
                        result: Err(crate::session::AutosaveFailure {
                            kind: e.kind(),
                            detail: e.to_string(),
                        }),
                    }),
                }
            }
            Effect::LoadComparison { inputs, lang } => {
                let sender = self.sender.clone();
                let fallback = inputs.clone();
                let spawned = std::thread::Builder::new()
                    .name("kizuki-compare".into())
                    .spawn(move || {
                        let loaded = crate::compare::load(&inputs, lang);
                        sender.send(Done::ComparisonLoaded(Box::new(loaded)));
                        ctx.request_repaint();
                    });
                if let Err(e) = spawned {
                    // No thread to be had: read here, the window waits meanwhile.
                    log::warn!("reading the files to compare on the window's thread: {e}");
                    let loaded = crate::compare::load(&fallback, lang);
                    self.sender.send(Done::ComparisonLoaded(Box::new(loaded)));
                }
            }
            Effect::StartVoteServer {
                config,
                bind,
                journal,
                policy,
            } => {
                self.vote_server = None;
                let journal = match journal
                    .map(|(folder, header)| crate::vote::journal::Journal::create(&folder, header))
                    .transpose()
                {
                    Ok(journal) => journal,
                    // Without a journal, a crash would lose every ballot: no voting then.
                    Err(e) => {
                        let error = crate::vote::StartError::from(e);
                        self.sender.send(Done::VotingFailed(Carried::new(error)));
                        return;
                    }
                };
                let sender = self.sender.clone();
                let wake = ctx.clone();
                let options = crate::vote::ServerOptions {
                    bind,
                    journal,
                    policy: *policy,
                    ..crate::vote::ServerOptions::default()
                };
                match crate::vote::VoteServer::start(config, options, move |event| {
                    sender.send(Done::VoteEvent(event));
                    wake.request_repaint();
                }) {
                    Ok(server) => {
                        self.sender.send(Done::VotingStarted {
                            urls: server.urls(),
                            reachable: server.reachable(),
                            standing: server.standing(),
                            journal: server.journal(),
                        });
                        self.vote_server = Some(server);
                    }
                    Err(e) => self.sender.send(Done::VotingFailed(Carried::new(e))),
                }
            }
            Effect::RevealVotes { item, document } => {
                if let Some(server) = &self.vote_server {
                    let ballots = vec![server.reveal(item)];
                    self.sender.send(Done::BallotsCollected {
                        ballots,
                        shown: true,
                        document,
                        journal: None,
                    });
                    self.sender
                        .send(Done::VoteEvent(crate::vote::Event::Changed(
                            server.standing(),
                        )));
                }
            }
            Effect::VoteFollow(item) => {
                if let Some(server) = &self.vote_server {
                    server.follow(item);
                    self.sender
                        .send(Done::VoteEvent(crate::vote::Event::Changed(
                            server.standing(),
                        )));
                }
            }
            Effect::VoteAutoReveal(on) => {
                if let Some(server) = &self.vote_server {
                    server.set_auto_reveal(on);
                }
            }
            Effect::VoteSharing(phones) => {
                if let Some(server) = &self.vote_server {
                    server.set_phones_per_address(phones);
                }
            }
            Effect::ReleaseName(member) => {
                if let Some(server) = &self.vote_server {
                    self.sender.send(Done::NameReleased(server.release(member)));
                    self.sender
                        .send(Done::VoteEvent(crate::vote::Event::Changed(
                            server.standing(),
                        )));
                }
            }
            Effect::RestoreName(released) => {
                if let Some(server) = &self.vote_server {
                    self.sender
                        .send(Done::NameRestored(server.restore(released)));
                    self.sender
                        .send(Done::VoteEvent(crate::vote::Event::Changed(
                            server.standing(),
                        )));
                }
            }
            Effect::StopVoteServer { document } => {
                if let Some(server) = self.vote_server.take() {
                    // Votes cast but not revealed are kept, hidden, as typed votes are.
                    let ballots = server.reveal_all();
                    let journal = server.journal();
                    server.stop();
                    self.sender.send(Done::BallotsCollected {
                        ballots,
                        shown: false,
                        document,
                        journal,
                    });
                }
            }
            Effect::OpenFolder(path) => {
                if let Err(e) = open::that_detached(&path) {
                    self.sender.send(Done::FolderNotOpened {
                        path,
                        kind: e.kind(),
                    });
                }
            }
        }
    }

    /// A window larger than the screen's work area (a 1280×800 or 1366×768 laptop with its
    /// taskbar) hides its status line: it is maximised instead, once the screen's size is known.
    fn fit_to_screen(&mut self, ctx: &egui::Context) {
        if self.fitted {
            return;
        }
        let (monitor, outer) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().outer_rect));
        let (Some(monitor), Some(outer)) = (monitor, outer) else {
            return;
        };
        self.fitted = true;
        if fit(outer.size(), monitor) == Fit::Maximize {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    /// Work that is not drawing: commands from threads, dropped files, shortcuts, the close
    /// request, the autosave's clock, the title.
    fn frame_logic(&mut self, ctx: &egui::Context) {
        self.drain();
        self.fit_to_screen(ctx);
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.send(FileCommand::Open(path));
        }
        for command in ui::shortcuts::pressed(ctx, &self.session) {
            self.send(Command::Run(command));
        }
        for command in ui::shortcuts::item_keys(ctx, &self.session) {
            self.send(command);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.session.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.send(Command::CloseRequested);
        }
        self.send(Command::Tick);
        let title = self.session.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

fn theme_preference(theme: ThemeChoice) -> egui::ThemePreference {
    match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    }
}

/// Theme and zoom from the settings, at start.
fn apply_preferences(ctx: &egui::Context, settings: &Settings) {
    ctx.set_theme(theme_preference(settings.theme));
    ctx.set_zoom_factor(Settings::clamp_zoom(settings.zoom));
}

impl KizukiApp {
    /// One whole frame without eframe: the work that is not drawing, then the drawing (the
    /// frame-time benchmark drives the app this way, headless).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.frame_logic(&ctx);
        ui::root_ui(ui, &self.session, &self.sender);
        if self.drain() {
            ctx.request_repaint();
        }
    }
}

impl eframe::App for KizukiApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.frame_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.paint_meter.painted();
        ui::root_ui(ui, &self.session, &self.sender);
        // What was clicked this frame takes effect at once, and the next frame shows it.
        if self.drain() {
            ui.ctx().request_repaint();
        }
    }

    /// A clean exit: the user has saved or given up the changes, so no recovery copy is left.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.wait_for_autosave();
        self.session.shutdown();
    }
}

/// Opens the window. `file` is opened at start, as a file manager passes it.
pub fn run(options: AppOptions) -> eframe::Result {
    prefetch_fonts();
    // Windows: Direct3D 12 through wgpu first (it has a software device for virtual desktops and
    // remote sessions, where OpenGL is often 1.1 only), OpenGL if that fails. Elsewhere OpenGL,
    // which starts faster and weighs less.
    // `KIZUKI_RENDERER=glow` skips Direct3D, for a PC whose driver draws wrongly without failing
    // (and for measuring the two side by side).
    #[cfg(windows)]
    {
        if std::env::var("KIZUKI_RENDERER").is_ok_and(|r| r.eq_ignore_ascii_case("glow")) {
            return run_with(options, eframe::Renderer::Glow);
        }
        match run_with(options.clone(), eframe::Renderer::Wgpu) {
            Err(e) => {
                log::warn!("Direct3D through wgpu failed ({e}); trying OpenGL");
                run_with(options, eframe::Renderer::Glow)
            }
            ok => ok,
        }
    }
    #[cfg(not(windows))]
    run_with(options, eframe::Renderer::Glow)
}

/// Inflates the bundled font on another thread while the window and its OpenGL or Direct3D
/// context are being created (about 100 ms), so that the first frame does not wait for it
/// (about 25 ms on one core). If the thread cannot be started, the first frame inflates it.
fn prefetch_fonts() {
    let spawned = std::thread::Builder::new().name("fonts".into()).spawn(|| {
        crate::fonts::regular();
        crate::fonts::bold();
    });
    if let Err(e) = spawned {
        log::warn!("fonts not prefetched: {e}");
    }
}

fn run_with(options: AppOptions, renderer: eframe::Renderer) -> eframe::Result {
    let icon = ui::icon::window_icon();
    let persistence_path = options
        .session
        .data_dir
        .as_ref()
        .map(|dir| dir.join("window.ron"));
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Kizuki（気づき）")
            .with_app_id("kizuki")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0])
            .with_icon(icon)
            .with_drag_and_drop(true),
        renderer,
        // The window's size and place are remembered beside the settings, so that
        // `KIZUKI_DATA_DIR` covers everything Kizuki writes.
        persistence_path,
        ..Default::default()
    };
    // The start-up benchmark (benches/startup.rs) times a start to the first frame shown.
    if std::env::var_os("KIZUKI_EXIT_AFTER_FIRST_FRAME").is_some() {
        return eframe::run_native(
            "kizuki",
            native,
            Box::new(move |cc| {
                Ok(Box::new(FirstFrameOnly {
                    app: KizukiApp::new(&cc.egui_ctx, options),
                    frames: 0,
                }))
            }),
        );
    }
    eframe::run_native(
        "kizuki",
        native,
        Box::new(move |cc| Ok(Box::new(KizukiApp::new(&cc.egui_ctx, options)))),
    )
}

/// The app, closing itself once its first frame has been painted (the second `ui` call comes
/// after the first frame was presented).
struct FirstFrameOnly {
    app: KizukiApp,
    frames: u32,
}

impl eframe::App for FirstFrameOnly {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        eframe::App::logic(&mut self.app, ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        self.frames += 1;
        if self.frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_taller_than_the_work_area_is_maximised() {
        let first = egui::vec2(1280.0, 800.0 + 30.0);
        assert_eq!(fit(first, egui::vec2(1280.0, 800.0)), Fit::Maximize);
        assert_eq!(fit(first, egui::vec2(1366.0, 768.0)), Fit::Maximize);
        assert_eq!(fit(first, egui::vec2(1920.0, 1080.0)), Fit::Keep);
        assert_eq!(
            fit(egui::vec2(1200.0, 700.0), egui::vec2(1280.0, 800.0)),
            Fit::Keep,
            "a window the user made smaller stays so"
        );
    }
}
