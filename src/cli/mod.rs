//! The command line: with no command (or just a file) it opens the window; the commands run headless.

#![expect(
    clippy::print_stdout,
    reason = "the command line answers on standard output; messages are in the user's language"
)]

mod error;
mod parse;
mod vote;

pub use error::CliError;

use crate::export::{self, ExportOptions, Format};
use crate::file;
use crate::i18n::Lang;
use crate::project::{Edit, TextField};
use crate::project::{Project, sample_project};
use crate::tr;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kizuki",
    version,
    about = "Kizuki（気づき）— ICT地域イノベーション・ガイドブック Ver.2.0 のワークショップ支援ツール\n\
             A workshop tool for the ICT Regional Innovation Guidebook checklist",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// 表示言語 / Language of messages and exports (ja, en); default: the system's
    #[arg(long, global = true, value_name = "ja|en")]
    pub lang: Option<Lang>,

    /// 開くプロジェクトファイル / A project file to open in the window
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 新しいプロジェクトを作る / Create a new project file
    New {
        /// タイトル（省略時は「ワークショップ（作成日）」）/ Title of the workshop (default:
        /// "Workshop" and today's date)
        #[arg(long)]
        title: Option<String>,
        /// 自治体名・組織名 / Municipality or organisation
        #[arg(long, default_value = "")]
        organization: String,
        /// チーム名（カンマ区切り）/ Team names, comma separated
        #[arg(long, value_delimiter = ',')]
        teams: Vec<String>,
        /// 書き出し先 / Where to write the project
        #[arg(long)]
        out: PathBuf,
        /// 既存のファイルを上書きする / Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// サンプルプロジェクトを書き出す / Write the sample project (a fictional city's workshop)
    Sample {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// 次のラウンドを作る / Start the next round: same teams, open actions carried over, this
    /// round's scores as the baseline to compare with
    NextRound {
        file: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// ファイルを検査する / Check project files and report every problem with its line and column
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 時間配分を Markdown で表示する / Print the time plan for the ten items as Markdown (for the
    /// invitation mail): equal shares, or weighted by the project's votes and targets
    Agenda {
        file: PathBuf,
        /// 10 項目に使う時間（分）。省略するとファイルに保存した時間配分、なければ 90 分 /
        /// Minutes for the ten items; by default the plan saved in the file, else 90
        #[arg(long, value_parser = clap::value_parser!(u32).range(10..=480))]
        minutes: Option<u32>,
        /// 開始時刻（例 13:30）。表に各項目の時刻が入ります / Start time (e.g. 13:30): the table
        /// gets the clock time of every slot
        #[arg(long, value_parser = parse_clock)]
        start: Option<chrono::NaiveTime>,
        /// 開会（趣旨・進め方）の時間（分）/ Minutes for the opening
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(0..=120))]
        opening: u32,
        /// まとめ（次の行動・次回）の時間（分）/ Minutes for the closing
        #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u32).range(0..=120))]
        closing: u32,
    },
    /// 概要を書き出す / Export the workshop summary
    Export {
        file: PathBuf,
        /// 形式 / Format: pdf, html, xlsx, md, csv (actions), csv-scores, svg, png (the chart)
        #[arg(long, value_enum, default_value = "md", ignore_case = true)]
        format: Format,
        /// 書き出し先（- で標準出力）/ Output path (- for standard output); default: beside the project
        #[arg(long)]
        out: Option<PathBuf>,
        /// このチームだけ / Only this team
        #[arg(long)]
        team: Option<String>,
        /// ファシリテーターのメモも含める / Include the facilitator's private notes
        #[arg(long)]
        notes: bool,
        /// 庁内回覧用（回覧・決裁の押印欄、文書番号）/ The layout that circulates in a city hall:
        /// boxes to stamp, a document number (PDF and HTML)
        #[arg(long)]
        circulation: bool,
    },
    /// 複数のファイルを比較する / Compare many project files, or folders of them: every file's
    /// scores side by side, per item the lowest, median and highest, the trend over rounds
    Compare {
        /// ファイルまたはフォルダー / Project files or folders (searched with their subfolders)
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// 書き出し先。拡張子で形式が決まる（.html .xlsx .md .pdf）/ Output; its ending picks the
        /// format (.html, .xlsx, .md, .pdf)
        #[arg(long)]
        out: PathBuf,
        /// 行の単位 / What a row stands for: team, round (workshop date) or organisation
        #[arg(long, value_enum, default_value = "team", ignore_case = true)]
        by: crate::compare::By,
    },
    /// 回答用紙を印刷用 PDF に書き出す / Print answer sheets: one A4 page per member, for rooms
    /// with no usable network
    Sheets {
        file: PathBuf,
        /// このチームだけ / Only this team
        #[arg(long)]
        team: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// 複数のノートPCのファイルを結合する / Merge the files of several laptops: teams are
    /// combined, the same team merged by its members, votes, actions and examples; values that
    /// differ are listed, and the merge refused unless --prefer says which wins
    Merge {
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// 食い違いの扱い / Which value wins where files differ: newest (saved last) or first
        #[arg(long, value_enum, ignore_case = true)]
        prefer: Option<crate::project::merge::Prefer>,
        #[arg(long)]
        force: bool,
    },
    /// 管理者の設定（スマホ投票の可否・ポート）を表示する / Show what the PC's administrator has
    /// set (phone voting allowed or not, its port)
    Policy,
    /// The manual page, as roff on standard output (for packaging).
    #[command(hide = true)]
    Man,
    /// The sheet for a city hall's IT department, as Markdown or PDF (for packaging).
    #[command(hide = true)]
    ItSheet {
        /// Where to write it: `.md` or `.pdf`
        #[arg(long)]
        out: PathBuf,
    },
    /// Shell completions on standard output (for packaging).
    #[command(hide = true)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// スマホで投票を受け付ける / Let members vote from their phones on this network: prints the
    /// page's URL (first line) and its QR code; Ctrl+D or Ctrl+C reveals and saves the votes
    Vote {
        file: PathBuf,
        /// チーム名 / The team that votes
        #[arg(long)]
        team: String,
        /// 項目（1〜10 または partners などの ID）/ The item: 1–10 or its id (partners, users, …)
        #[arg(
            long,
            required_unless_present = "all_items",
            conflicts_with = "all_items"
        )]
        item: Option<String>,
        /// 10 項目すべて、各自のペースで / All ten items, each member at their own pace
        #[arg(long)]
        all_items: bool,
        /// 名前を送らず保存しない（分布だけを記録）/ No names sent or stored: only the distribution
        #[arg(long)]
        anonymous: bool,
        /// 匿名投票で受け付ける票の数（既定: メンバーの人数）/ Anonymous voting: how many votes
        /// an item takes (default: the number of members)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
        ballots: Option<u32>,
        /// 1 台の端末で複数人が投票できる / Several people may vote from one phone
        #[arg(long)]
        shared_phones: bool,
        /// 待ち受けるアドレスとポート（既定: すべてのアドレスの 8765、使用中なら空きポート。0 で
        /// 空きポート）/ Address and port to listen on (default: every address, port 8765 or a free
        /// one; port 0 picks a free one)
        #[arg(long)]
        bind: Option<std::net::SocketAddr>,
    },
}

/// What `main` should do after parsing: run a headless command, or open the window.
pub enum Outcome {
    Exit(ExitCode),
    Gui {
        lang: Option<Lang>,
        file: Option<PathBuf>,
    },
}

impl Cli {
    pub fn run(self) -> Outcome {
        let lang = self.lang.unwrap_or_else(Lang::from_system);
        let Some(command) = self.command else {
            return Outcome::Gui {
                lang: self.lang,
                file: self.file,
            };
        };
        let result = match command {
            Command::New {
                title,
                organization,
                teams,
                out,
                force,
            } => {
                let title = title.unwrap_or_else(|| {
                    let today = crate::words::format_date_long(now().date_naive(), lang);
                    tr!(lang, "cli.default_title", date = today)
                });
                new_project(&title, &organization, &teams, &out, force, lang)
            }
            Command::Sample { out, force } => write_project(&sample_project(), &out, force, lang),
            Command::NextRound { file, out, force } => {
                load(&file).and_then(|p| write_project(&p.next_round(now()), &out, force, lang))
            }
            Command::Validate { files } => return Outcome::Exit(validate(&files, lang)),
            Command::Agenda {
                file,
                minutes,
                start,
                opening,
                closing,
            } => load(&file).map(|project| {
                let plan = crate::export::agenda::Plan {
                    minutes,
                    start,
                    opening_minutes: opening,
                    closing_minutes: closing,
                };
                print!("{}", crate::export::agenda::markdown(&project, plan, lang));
            }),
            Command::Export {
                file,
                format,
                out,
                team,
                notes,
                circulation,
            } => export_file(
                &file,
                format,
                out.as_deref(),
                team,
                (notes, circulation),
                lang,
            ),
            Command::Compare { inputs, out, by } => compare(&inputs, &out, by, lang),
            Command::Policy => {
                for line in crate::policy::Policy::of_machine().describe(lang) {
                    println!("{line}");
                }
                Ok(())
            }
            Command::ItSheet { out } => it_sheet(&out, lang),
            Command::Man => {
                let mut out = std::io::stdout().lock();
                clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                    .render(&mut out)
                    .map_err(CliError::Stdout)
            }
            Command::Completions { shell } => {
                let mut command = <Cli as clap::CommandFactory>::command();
                clap_complete::generate(shell, &mut command, "kizuki", &mut std::io::stdout());
                Ok(())
            }
            Command::Sheets { file, team, out } => sheets(&file, team.as_deref(), &out, lang),
            Command::Merge {
                files,
                out,
                prefer,
                force,
            } => merge_files(&files, &out, prefer, force, lang),
            Command::Vote {
                file,
                team,
                item,
                all_items,
                anonymous,
                ballots,
                shared_phones,
                bind,
            } => vote::run(
                &file,
                &vote::Asked {
                    team,
                    item,
                    all_items,
                    anonymous,
                    ballots: ballots.map(|n| n as usize),
                    shared_phones,
                    bind,
                },
                lang,
            ),
        };
        Outcome::Exit(match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("{}: {}", tr!(lang, "cli.error"), error.message(lang));
                ExitCode::FAILURE
            }
        })
    }
}

/// A start time as people write it in a mail: 13:30, or 13：30 typed with the IME on.
fn parse_clock(text: &str) -> Result<chrono::NaiveTime, String> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '：' => ':',
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    chrono::NaiveTime::parse_from_str(&text, "%H:%M")
        .map_err(|_| "13:30 の形で指定してください / give a time like 13:30".to_owned())
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Reads a project file, or says which one could not be read and why.
fn load(path: &Path) -> Result<Project, CliError> {
    file::load(path).map_err(CliError::file(path))
}

/// Writes bytes atomically, or says where they could not be written.
fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    file::write_atomically(path, bytes, false).map_err(CliError::file(path))
}

/// Checks a project the command built before it is written.
fn validated(project: &Project) -> Result<(), CliError> {
    project
        .validate()
        .map_err(|(problem, place)| CliError::Invalid {
            problem: Box::new(problem),
            place: Box::new(place),
        })
}

/// A new project with the named teams, built with the same edits the window makes.
fn new_project(
    title: &str,
    organization: &str,
    teams: &[String],
    out: &Path,
    force: bool,
    lang: Lang,
) -> Result<(), CliError> {
    let mut project = Project::new(title, organization, lang, now());
    let names: Vec<&str> = teams
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if let (Some(first), Some(team)) = (names.first(), project.teams.first()) {
        // A new project has one unnamed team: it takes the first name, the rest are added.
        let field = TextField::TeamName { team: team.id };
        Edit::SetText(field, (*first).to_owned()).apply(&mut project);
        for name in &names[1..] {
            Edit::AddTeam {
                name: (*name).to_owned(),
            }
            .apply(&mut project);
        }
    }
    validated(&project)?;
    write_project(&project, out, force, lang)
}

fn write_project(project: &Project, out: &Path, force: bool, lang: Lang) -> Result<(), CliError> {
    if out.exists() && !force {
        return Err(CliError::Exists(out.to_owned()));
    }
    file::save(project, out).map_err(CliError::file(out))?;
    println!("{}", tr!(lang, "cli.written", path = out.display()));
    Ok(())
}

fn validate(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut bad = 0;
    for path in files {
        match file::load(path) {
            Ok(project) => {
                let teams = project.teams.len();
                println!(
                    "{}",
                    tr!(lang, "cli.valid", path = path.display(), teams = teams)
                );
            }
            Err(e) => {
                bad += 1;
                eprintln!("{}", error::file_message(path, &e, lang));
            }
        }
    }
    if bad == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{}",
            tr!(lang, "cli.invalid_count", bad = bad, total = files.len())
        );
        ExitCode::FAILURE
    }
}

fn export_file(
    path: &Path,
    format: Format,
    out: Option<&Path>,
    team: Option<String>,
    (notes, circulation): (bool, bool),
    lang: Lang,
) -> Result<(), CliError> {
    let project = load(path)?;
    let options = ExportOptions {
        team,
        include_facilitator_notes: notes,
        circulation,
        ..ExportOptions::new(lang, chrono::Local::now().date_naive())
    };
    let bytes = export::render(&project, format, &options)?;
    match out {
        Some(p) if p.as_os_str() == "-" => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&bytes)
                .and_then(|()| stdout.flush())
                .map_err(CliError::Stdout)?;
        }
        _ => {
            let target = out.map_or_else(|| beside(path, format), Path::to_path_buf);
            write(&target, &bytes)?;
            println!("{}", tr!(lang, "cli.written", path = target.display()));
        }
    }
    Ok(())
}

/// Compares the files found in `inputs`, writes the report to `out` (its ending picks the format)
/// and lists every file that could not be read on standard error. It fails only when no file at
/// all could be read or the report cannot be written.
fn compare(
    inputs: &[PathBuf],
    out: &Path,
    by: crate::compare::By,
    lang: Lang,
) -> Result<(), CliError> {
    let format =
        comparison_format(out).ok_or_else(|| CliError::ComparisonFormat(out.to_owned()))?;
    let loaded = crate::compare::load(inputs, lang);
    for failed in &loaded.failed {
        eprintln!("{}: {}", failed.path.display(), failed.reason);
    }
    for duplicate in &loaded.duplicates {
        eprintln!(
            "{}",
            tr!(
                lang,
                "cli.duplicate",
                path = duplicate.path.display(),
                kept = duplicate.kept.display()
            )
        );
    }
    if loaded.files.is_empty() {
        return Err(CliError::NothingToCompare);
    }
    let comparison =
        crate::compare::Comparison::build(&loaded, by, lang).made_on(now().date_naive());
    let bytes = crate::compare::render(&comparison, format)?;
    write(out, &bytes)?;
    println!(
        "{}",
        tr!(
            lang,
            "cli.compared",
            path = out.display(),
            files = loaded.files.len(),
            failed = loaded.failed.len()
        )
    );
    Ok(())
}

fn merge_files(
    files: &[PathBuf],
    out: &Path,
    prefer: Option<crate::project::merge::Prefer>,
    force: bool,
    lang: Lang,
) -> Result<(), CliError> {
    use crate::project::merge::{Prefer, merge};
    if out.exists() && !force {
        return Err(CliError::Exists(out.to_owned()));
    }
    let mut projects = Vec::new();
    for path in files {
        projects.push((path, load(path)?));
    }
    let mut iter = projects.into_iter();
    let Some((_, mut merged)) = iter.next() else {
        return Ok(());
    };
    let mut conflicts = Vec::new();
    let (mut added, mut combined) = (0, 0);
    for (path, next) in iter {
        let step = merge(&merged, &next, lang);
        added += step.added_teams.len();
        combined += step.merged_teams.len();
        for c in &step.conflicts {
            conflicts.push(format!(
                "{}: {} ／ {}: {}",
                c.place,
                c.ours,
                path.display(),
                c.theirs
            ));
        }
        merged = step.resolved(prefer.unwrap_or(Prefer::First));
    }
    if !conflicts.is_empty() && prefer.is_none() {
        for line in &conflicts {
            eprintln!("{line}");
        }
        return Err(CliError::MergeConflicts(conflicts.len()));
    }
    validated(&merged)?;
    file::save(&merged, out).map_err(CliError::file(out))?;
    println!(
        "{}",
        tr!(
            lang,
            "cli.merged",
            path = out.display(),
            added = added,
            combined = combined,
            conflicts = conflicts.len()
        )
    );
    Ok(())
}

fn sheets(path: &Path, team: Option<&str>, out: &Path, lang: Lang) -> Result<(), CliError> {
    let project = load(path)?;
    let bytes = crate::export::pdf::render_sheets(&project, team, lang)?;
    write(out, &bytes)?;
    println!("{}", tr!(lang, "cli.written", path = out.display()));
    Ok(())
}

/// The document format an output path asks for by its ending.
fn comparison_format(out: &Path) -> Option<Format> {
    let extension = out.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => Some(Format::Html),
        "xlsx" => Some(Format::Xlsx),
        "md" | "markdown" => Some(Format::Markdown),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

/// `workshop.kizuki.ron` → `workshop.md` in the same folder.
fn beside(project: &Path, format: Format) -> PathBuf {
    let stem = file::project_stem(project).unwrap_or_else(|| "kizuki".to_owned());
    project.with_file_name(format!(
        "{stem}{}.{}",
        format.file_suffix(),
        format.extension()
    ))
}

/// The sheet for IT in the user's language, with this build's version and voting port filled in.
fn it_sheet_text(lang: Lang) -> String {
    let template = match lang {
        Lang::Ja => include_str!("../../docs/it/it-sheet.ja.md"),
        Lang::En => include_str!("../../docs/it/it-sheet.en.md"),
    };
    template
        .replace("{version}", env!("CARGO_PKG_VERSION"))
        .replace("{port}", &crate::vote::net::PREFERRED_PORT.to_string())
}

/// Writes the sheet for IT to `out`, as Markdown or (by its ending) PDF. The PDF is dated by
/// `SOURCE_DATE_EPOCH` when the packaging sets it, so that the same commit gives the same file.
fn it_sheet(out: &Path, lang: Lang) -> Result<(), CliError> {
    let text = it_sheet_text(lang);
    let bytes = if comparison_format(out) == Some(Format::Pdf) {
        let date = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map_or_else(|| now().date_naive(), |d| d.date_naive());
        crate::export::pdf::render_markdown(&text, lang, date)
            .map_err(|e| CliError::Export(Box::new(e.into())))?
    } else {
        text.into_bytes()
    };
    write(out, &bytes)?;
    println!("{}", tr!(lang, "cli.written", path = out.display()));
    Ok(())
}
