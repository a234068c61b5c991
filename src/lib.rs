//! Kizuki（気づき）: run workshops on the ten-item checklist of the ICT地域イノベーション・ガイドブック
//! Ver.2.0, keep the answers in a readable project file, and export the summary.
//!
//! The model (`checklist`, `project`), the file format (`file`), the exports (`export`, `radar`,
//! `style`), the session the window runs on (`session`) and the command line (`cli`) know nothing of
//! egui; `ui` draws the session and `app` is the eframe glue around both.

rust_i18n::i18n!("locales", fallback = "en");

#[cfg(feature = "gui")]
pub mod app;
pub mod checklist;
pub mod cli;
pub mod compare;
pub mod export;
pub mod file;
pub mod fonts;
pub mod geom;
pub mod i18n;
pub mod policy;
pub mod project;
pub mod radar;
pub mod session;
pub mod style;
pub mod text_wrap;
#[cfg(feature = "gui")]
pub mod ui;
pub mod vote;
pub mod words;

pub use i18n::Lang;
