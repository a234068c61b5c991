//! Kizuki（気づき）: run workshops on the ten-item checklist of the ICT地域イノベーション・ガイドブック
//! Ver.2.0, keep the answers in a readable project file, and export the summary.
//!
//! The model (`checklist`, `project`), the file format (`file`), the exports (`export`, `radar`) and the
//! command line (`cli`) know nothing of egui; `app` and `ui` are the window.

rust_i18n::i18n!("locales", fallback = "en");

#[cfg(feature = "gui")]
pub mod app;
pub mod checklist;
pub mod cli;
pub mod export;
pub mod file;
pub mod fonts;
pub mod i18n;
pub mod project;
pub mod radar;
pub mod text_wrap;
#[cfg(feature = "gui")]
pub mod ui;

pub use i18n::Lang;
