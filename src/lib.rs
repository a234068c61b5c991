//! Kizuki（気づき）: run workshops on the ten-item checklist of the ICT地域イノベーション・ガイドブック
//! Ver.2.0, keep the answers in a readable project file, and export the summary.
//!
//! The library holds everything but the window: the checklist content, the project model, the file
//! format, the exports and the command line. The `kizuki` binary adds the eframe window.

rust_i18n::i18n!("locales", fallback = "en");

pub mod checklist;
pub mod cli;
pub mod export;
pub mod file;
pub mod i18n;
pub mod project;

pub use i18n::Lang;
