//! The `kizuki` binary: parses the command line, runs a headless command or opens the window.

use clap::Parser;
use kizuki::cli::{Cli, Outcome};
use std::process::ExitCode;

fn main() -> ExitCode {
    env_logger::init();
    match Cli::parse().run() {
        Outcome::Exit(code) => code,
        Outcome::Gui { lang, file } => {
            let _ = (lang, file);
            eprintln!("the window is not built yet");
            ExitCode::FAILURE
        }
    }
}
