//! The `kizuki` binary: parses the command line, runs a headless command or opens the window.

use clap::Parser;
use kizuki::cli::{Cli, Outcome};
use std::process::ExitCode;

fn main() -> ExitCode {
    env_logger::init();
    match Cli::parse().run() {
        Outcome::Exit(code) => code,
        Outcome::Gui { lang, file } => {
            match kizuki::app::run(kizuki::app::AppOptions::for_user(lang, file)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let lang = lang.unwrap_or_else(kizuki::Lang::from_system);
                    eprintln!("{}: {e}", lang.tr("app.window_failed"));
                    ExitCode::FAILURE
                }
            }
        }
    }
}
