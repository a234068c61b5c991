//! The command line in the user's language: clap's own words (its headings and its errors) are
//! English, so under a Japanese locale, or with `--lang ja`, the headings of `--help` and the
//! usage errors are said in Japanese here. The descriptions are bilingual in the definition.

use super::Cli;
use crate::i18n::Lang;
use crate::tr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// The help page's layout with Japanese headings.
const JA_TEMPLATE: &str = "\
{before-help}{about-with-newline}
使い方: {usage}

{all-args}{after-help}";

impl Cli {
    /// Parses the process's arguments; `--help` and usage errors come in the user's language.
    pub fn parse_localized() -> Cli {
        Cli::parse_localized_from(&std::env::args_os().collect::<Vec<_>>())
    }

    pub fn parse_localized_from(args: &[OsString]) -> Cli {
        let lang = asked_lang(args).unwrap_or_else(Lang::from_system);
        let command = localized(Cli::command(), lang);
        let args = lang_after_command(args, &command);
        let parsed = command
            .try_get_matches_from(args)
            .and_then(|matches| Cli::from_arg_matches(&matches));
        match parsed {
            Ok(cli) => cli,
            Err(error) => exit_with(&error, lang),
        }
    }
}

/// The arguments with a `--lang` written before a command moved after it: `kizuki --lang ja
/// export …` as people write it. (`--lang` is global, but the window's file argument makes
/// every argument before a command conflict with it.)
fn lang_after_command(args: &[OsString], command: &clap::Command) -> Vec<OsString> {
    let mut args = args.to_vec();
    let takes = match args.get(1).and_then(|a| a.to_str()) {
        Some("--lang") => 2,
        Some(a) if a.starts_with("--lang=") => 1,
        _ => return args,
    };
    let is_command = args
        .get(1 + takes)
        .and_then(|a| a.to_str())
        .is_some_and(|name| command.find_subcommand(name).is_some());
    if is_command {
        let lang: Vec<OsString> = args.drain(1..=takes).collect();
        args.splice(2..2, lang);
    }
    args
}

/// `--lang ja` or `--lang=en` among the arguments, before clap has read them.
fn asked_lang(args: &[OsString]) -> Option<Lang> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().find_map(|(i, a)| {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.as_str(),
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        value.parse::<Lang>().ok()
    })
}

/// The command with its headings in `lang`, and every subcommand's too.
fn localized(command: clap::Command, lang: Lang) -> clap::Command {
    if lang != Lang::Ja {
        return command;
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut command = command
        .help_template(JA_TEMPLATE)
        .next_help_heading("オプション")
        .subcommand_help_heading("コマンド")
        .subcommand_value_name("コマンド");
    for name in names {
        command = command.mut_subcommand(name, |s| {
            s.help_template(JA_TEMPLATE).next_help_heading("オプション")
        });
    }
    command
}

/// Says what was wrong with the command line, and exits as clap does (2 for usage errors).
fn exit_with(error: &clap::Error, lang: Lang) -> ! {
    let plain = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if plain || lang != Lang::Ja {
        error.exit()
    }
    eprintln!("{}", japanese(error));
    std::process::exit(2)
}

fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(list)) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A usage error in Japanese, with what clap knows: the argument, the value, the values there
/// are, a suggestion.
pub fn japanese(error: &clap::Error) -> String {
    let lang = Lang::Ja;
    let arg = context(error, ContextKind::InvalidArg);
    let value = context(error, ContextKind::InvalidValue);
    let mut message = match error.kind() {
        ErrorKind::InvalidValue => {
            let valid = context(error, ContextKind::ValidValue);
            if valid.is_empty() {
                tr!(lang, "clap.invalid_value", arg = arg, value = value)
            } else {
                tr!(
                    lang,
                    "clap.invalid_choice",
                    arg = arg,
                    value = value,
                    valid = valid
                )
            }
        }
        ErrorKind::UnknownArgument => tr!(lang, "clap.unknown_argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "clap.unknown_command",
            command = context(error, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => tr!(lang, "clap.missing", arg = arg),
        ErrorKind::MissingSubcommand => tr!(lang, "clap.missing_command"),
        // A subcommand after a file has no argument name: say which came first.
        ErrorKind::ArgumentConflict if arg.is_empty() => tr!(
            lang,
            "clap.conflict_command",
            other = context(error, ContextKind::PriorArg)
        ),
        ErrorKind::ArgumentConflict => tr!(
            lang,
            "clap.conflict",
            arg = arg,
            other = context(error, ContextKind::PriorArg)
        ),
        ErrorKind::ValueValidation => tr!(lang, "clap.invalid_value", arg = arg, value = value),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!(lang, "clap.values", arg = arg)
        }
        _ => tr!(lang, "clap.other"),
    };
    for suggestion in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let suggested = context(error, suggestion);
        if !suggested.is_empty() {
            message.push('\n');
            message.push_str(&tr!(lang, "clap.suggestion", suggestion = suggested));
        }
    }
    format!(
        "{}: {message}\n{}",
        tr!(lang, "cli.error"),
        tr!(lang, "clap.more")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_clap() {
        assert_eq!(
            asked_lang(&args(&["kizuki", "--lang", "ja"])),
            Some(Lang::Ja)
        );
        assert_eq!(
            asked_lang(&args(&["kizuki", "x", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(asked_lang(&args(&["kizuki", "--lang"])), None);
    }

    #[test]
    fn a_language_before_the_command_is_understood() {
        for before in [&["--lang", "ja"][..], &["--lang=ja"][..]] {
            let mut list = vec!["kizuki"];
            list.extend_from_slice(before);
            list.extend_from_slice(&["export", "x.kizuki.ron", "--format", "md"]);
            let args = lang_after_command(&args(&list), &Cli::command());
            let matches = Cli::command().try_get_matches_from(&args);
            let cli = matches
                .and_then(|m| Cli::from_arg_matches(&m))
                .unwrap_or_else(|e| panic!("{list:?}: {e}"));
            assert_eq!(cli.lang, Some(Lang::Ja), "{list:?}");
            assert!(
                matches!(cli.command, Some(super::super::Command::Export { .. })),
                "{list:?}"
            );
        }
        // The window's own `--lang` with a file stays as it is.
        let window = args(&["kizuki", "--lang", "en", "w.kizuki.ron"]);
        assert_eq!(lang_after_command(&window, &Cli::command()), window);
    }

    #[test]
    fn a_command_after_a_file_is_refused_with_both_named() {
        let error = Cli::command()
            .try_get_matches_from(["kizuki", "w.kizuki.ron", "export"])
            .expect_err("a file and a command");
        let said = japanese(&error);
        assert!(said.contains("[FILE] とコマンド"), "{said}");
    }

    #[test]
    fn usage_errors_are_said_in_japanese_with_the_choices() {
        let command = localized(Cli::command(), Lang::Ja);
        let error = command
            .try_get_matches_from(["kizuki", "export", "x.kizuki.ron", "--format", "docx"])
            .expect_err("no such format");
        let said = japanese(&error);
        assert!(said.contains("docx") && said.contains("md"), "{said}");
        assert!(said.contains("使えません"), "{said}");
        let error = localized(Cli::command(), Lang::Ja)
            .try_get_matches_from(["kizuki", "sample", "--outt", "x"])
            .expect_err("no such option");
        assert!(japanese(&error).contains("--outt"));
    }

    #[test]
    fn help_has_japanese_headings() {
        let mut command = localized(Cli::command(), Lang::Ja);
        let help = command.render_help().to_string();
        assert!(
            help.contains("使い方:") && help.contains("コマンド"),
            "{help}"
        );
        assert!(!help.contains("Usage:"), "{help}");
    }
}
