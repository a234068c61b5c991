//! The one way tests open Kizuki's window: an isolated data folder (so that no test reads or
//! writes the developer's settings and recovery files), and a fixed "today". Snapshot thresholds
//! are set once, in `kittest.toml`.

// Which helpers are dead differs per test binary, so no `expect` fits them all.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of this module"
)]

pub mod http;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kizuki::Lang;
use kizuki::app::{AppOptions, KizukiApp};
use kizuki::session::{Command, SessionOptions};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

/// The day every window test lives on, so that due dates and the 和暦 never change with the calendar.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// One view drawn alone, with Kizuki's fonts and style, rendered on the CPU for snapshots.
pub fn view_harness(
    size: egui::Vec2,
    theme: egui::Theme,
    mut view: impl FnMut(&mut egui::Ui) + 'static,
) -> Harness<'static> {
    Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .wgpu()
        .build_ui(move |ui| {
            kizuki::ui::setup_context(ui.ctx());
            view(ui);
        })
}

/// A window under test, with the data folder it owns (removed when the window is dropped).
pub struct Window {
    pub harness: Harness<'static, KizukiApp>,
    data: DataDir,
}

/// A data folder made for one test, or borrowed from another `Window` (a restart).
enum DataDir {
    Owned(tempfile::TempDir),
    Borrowed(PathBuf),
}

impl Deref for Window {
    type Target = Harness<'static, KizukiApp>;
    fn deref(&self) -> &Self::Target {
        &self.harness
    }
}

impl DerefMut for Window {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.harness
    }
}

/// How to build a test window.
pub struct Builder {
    lang: Lang,
    size: egui::Vec2,
    theme: Option<egui::Theme>,
    gpu: bool,
    data_dir: Option<PathBuf>,
    policy: kizuki::policy::Policy,
}

pub fn window(lang: Lang) -> Window {
    builder(lang).build()
}

pub fn builder(lang: Lang) -> Builder {
    Builder {
        lang,
        size: egui::vec2(1280.0, 800.0),
        theme: None,
        gpu: false,
        data_dir: None,
        policy: kizuki::policy::Policy::default(),
    }
}

impl Builder {
    pub fn size(mut self, width: f32, height: f32) -> Builder {
        self.size = egui::vec2(width, height);
        self
    }

    /// Renders with wgpu on the CPU, for snapshots.
    pub fn snapshots(mut self, theme: egui::Theme) -> Builder {
        self.theme = Some(theme);
        self.gpu = true;
        self
    }

    /// Runs under a machine policy, as IT may set one.
    pub fn policy(mut self, policy: kizuki::policy::Policy) -> Builder {
        self.policy = policy;
        self
    }

    /// Uses an existing data folder: the same user starting Kizuki again.
    pub fn data_dir(mut self, dir: &Path) -> Builder {
        self.data_dir = Some(dir.to_owned());
        self
    }

    pub fn build(self) -> Window {
        let data = match self.data_dir {
            Some(dir) => DataDir::Borrowed(dir),
            None => DataDir::Owned(tempfile::tempdir().expect("a temporary data folder")),
        };
        let data_path = match &data {
            DataDir::Owned(dir) => dir.path().to_owned(),
            DataDir::Borrowed(dir) => dir.clone(),
        };
        let options = AppOptions {
            session: SessionOptions {
                lang: Some(self.lang),
                data_dir: Some(data_path),
                today: Some(today()),
                // Tests listen on the loopback interface only.
                vote_bind: Some(([127, 0, 0, 1], 0).into()),
                policy: self.policy,
            },
            file: None,
        };
        let mut builder = Harness::builder().with_size(self.size);
        if let Some(theme) = self.theme {
            builder = builder.with_theme(theme);
        }
        if self.gpu {
            builder = builder.wgpu();
        }
        let theme = self.theme;
        let harness = builder.build_eframe(move |cc| {
            if let Some(theme) = theme {
                cc.egui_ctx.set_theme(theme);
            }
            let app = KizukiApp::new(&cc.egui_ctx, options);
            if let Some(theme) = theme {
                cc.egui_ctx.set_theme(theme);
            }
            app
        });
        let mut window = Window { harness, data };
        window.run();
        window
    }
}

impl Window {
    /// The folder this window keeps its settings and recovery copies in.
    pub fn data_dir(&self) -> PathBuf {
        match &self.data {
            DataDir::Owned(dir) => dir.path().to_owned(),
            DataDir::Borrowed(dir) => dir.clone(),
        }
    }

    pub fn recovery_dir(&self) -> PathBuf {
        self.data_dir().join("recovery")
    }

    /// Sends a command as a view would, then lets the window draw.
    pub fn send(&mut self, command: impl Into<Command>) {
        self.harness.state_mut().send(command.into());
        self.harness.run();
    }

    /// Scrolls a widget into view, as a user would, and clicks it.
    pub fn click(&mut self, label: &str) {
        self.get_by_label(label).scroll_to_me();
        self.run();
        self.get_by_label(label).click();
        self.run();
    }

    /// Clicks the first of several widgets with the same name (the side panel comes first).
    pub fn click_first(&mut self, label: &str) {
        self.get_all_by_label(label)
            .next()
            .unwrap_or_else(|| panic!("no {label}"))
            .click();
        self.run();
    }

    pub fn type_into(&mut self, label: &str, text: &str) {
        self.get_by_label(label).focus();
        self.run();
        self.get_by_label(label).type_text(text);
        self.run();
    }

    /// Selects all of a field's text and types over it.
    pub fn replace_text(&mut self, label: &str, text: &str) {
        self.get_by_label(label).focus();
        self.run();
        self.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.run();
        self.get_by_label(label).type_text(text);
        self.run();
    }

    /// Opens a menu of the menu bar and clicks one of its entries.
    pub fn menu(&mut self, menu: &str, entry: &str) {
        self.click(menu);
        self.click(entry);
    }

    pub fn project(&self) -> kizuki::project::Project {
        self.state()
            .session
            .project()
            .expect("a project is open")
            .clone()
    }

    /// Whether any widget's name contains `text`.
    pub fn is_shown(&self, text: &str) -> bool {
        self.query_all_by_label_contains(text).next().is_some()
    }
}
