//! The `kizuki` binary: parses the command line, runs a headless command or opens the window.

// On Windows the binary is a GUI program, so that no console window opens beside Kizuki when it
// is started from Explorer or the Start menu; run from a terminal, it attaches to that terminal's
// console for the command line's output (see `attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use kizuki::cli::{Cli, Outcome};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Anything but a bare start (or a file to open) is the command line: it needs a console.
    if std::env::args_os().nth(1).is_some_and(|a| {
        let a = a.to_string_lossy();
        a.starts_with('-') || !std::path::Path::new(&*a).exists()
    }) {
        attach_console();
    }
    env_logger::init();
    match Cli::parse_localized().run() {
        Outcome::Exit(code) => code,
        Outcome::Gui { lang, file } => {
            match kizuki::app::run(kizuki::app::AppOptions::for_user(lang, file)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let lang = lang.unwrap_or_else(kizuki::Lang::from_system);
                    report_start_failure(&format!("{}: {e}", lang.tr("app.window_failed")));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Says why the window could not open: on the terminal and in the log, and on Windows in a message
/// box, since a double-click has no console and would otherwise seem to do nothing at all. The box
/// is the system's own, which needs none of the graphics the window failed to get.
fn report_start_failure(message: &str) {
    log::error!("{message}");
    eprintln!("{message}");
    #[cfg(windows)]
    {
        let _ = rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Kizuki")
            .set_description(message)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}

/// Windows: writes the command line's output to the console of the terminal Kizuki was started
/// from. (cmd.exe does not wait for a GUI program, so its prompt may come back before the output;
/// `start /wait kizuki …` waits, as PowerShell does when the output is piped.) Output redirected
/// to a file or a pipe needs nothing: the handles are inherited.
#[cfg(windows)]
#[expect(
    unsafe_code,
    reason = "AttachConsole and SetStdHandle have no safe wrapper; each call is commented"
)]
fn attach_console() {
    use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::Storage::FileSystem::{
        CreateFileW, FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING,
    };
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE,
        STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
    };
    let open = |name: &str, access: u32| {
        let wide: Vec<u16> = name.encode_utf16().chain(std::iter::once(0)).collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call; the other
        // arguments are plain flags and null pointers the API allows.
        unsafe {
            CreateFileW(
                wide.as_ptr(),
                access,
                FILE_SHARE_READ | FILE_SHARE_WRITE,
                std::ptr::null(),
                OPEN_EXISTING,
                0,
                std::ptr::null_mut(),
            )
        }
    };
    let missing = |which: STD_HANDLE| {
        // SAFETY: GetStdHandle only reads the process's standard handle table.
        let handle = unsafe { GetStdHandle(which) };
        handle.is_null() || handle == INVALID_HANDLE_VALUE
    };
    // Redirected output already has its handles; only a terminal's console needs attaching.
    if !missing(STD_OUTPUT_HANDLE) && !missing(STD_ERROR_HANDLE) {
        return;
    }
    // SAFETY: attaching to the parent's console has no preconditions; failure (no parent
    // console, as under Explorer) is reported by the return value and leaves nothing changed.
    if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
        return;
    }
    for (which, name, access) in [
        (STD_INPUT_HANDLE, "CONIN$", GENERIC_READ | GENERIC_WRITE),
        (STD_OUTPUT_HANDLE, "CONOUT$", GENERIC_READ | GENERIC_WRITE),
        (STD_ERROR_HANDLE, "CONOUT$", GENERIC_READ | GENERIC_WRITE),
    ] {
        if missing(which) {
            let handle = open(name, access);
            if handle != INVALID_HANDLE_VALUE {
                // SAFETY: `handle` is a console handle just opened and owned by the process.
                unsafe { SetStdHandle(which, handle) };
            }
        }
    }
}

#[cfg(not(windows))]
fn attach_console() {}
