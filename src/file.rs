//! Reading and writing project files (`.kizuki.ron`): defensive loading, atomic saving with a backup.

use crate::i18n::Lang;
use crate::project::{FORMAT_VERSION, Place, Problem, Project, limits};
use crate::tr;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The file name ending Kizuki gives its project files.
pub const EXTENSION: &str = "kizuki.ron";

/// A position in a file, 1-based, in characters, as editors count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Why a project could not be read or written. Each says what happened; [`FileError::message`]
/// says it to the user in their language.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the file is {size} bytes, more than the {max} a project file may have")]
    TooLarge { size: u64, max: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("{path} is not a regular file")]
    NotAFile { path: PathBuf },
    #[error("{}:{}: the file is not UTF-8 text", .at.line, .at.column)]
    NotUtf8 { at: Position },
    #[error("{}:{}: {code}", .at.line, .at.column)]
    Syntax { at: Position, code: ron::Error },
    #[error("{}:{}: {problem}", .at.line, .at.column)]
    Content { at: Position, problem: Problem },
    #[error("{problem}")]
    Invalid { problem: Problem, place: Place },
    #[error("cannot write the project: {0}")]
    Serialize(ron::Error),
}

impl FileError {
    /// Where in the file the problem is, when the parser could tell.
    pub fn position(&self) -> Option<Position> {
        match self {
            FileError::NotUtf8 { at }
            | FileError::Syntax { at, .. }
            | FileError::Content { at, .. } => Some(*at),
            _ => None,
        }
    }

    /// The whole message for the user, in `lang`, with the line and column where known.
    pub fn message(&self, lang: Lang) -> String {
        let what = self.describe(lang);
        match self.position() {
            Some(at) => tr!(
                lang,
                "file.at_position",
                line = at.line,
                column = at.column,
                message = what
            ),
            None => what,
        }
    }

    /// What is wrong, in `lang`, without the position (for `file:line:column: …` output).
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            FileError::Read { source, .. } => {
                tr!(lang, "file.read_failed", reason = io_reason(source, lang))
            }
            FileError::Write { source, .. } => {
                tr!(lang, "file.write_failed", reason = io_reason(source, lang))
            }
            FileError::TooLarge { size, max } => {
                tr!(lang, "file.too_large", size = mib(*size), max = mib(*max))
            }
            FileError::Empty => tr!(lang, "file.empty"),
            FileError::NotAFile { .. } => tr!(lang, "file.not_a_file"),
            FileError::NotUtf8 { .. } => tr!(lang, "file.not_utf8"),
            FileError::Syntax { code, .. } => syntax_message(code, lang),
            FileError::Content { problem, .. } => problem.message(lang),
            FileError::Invalid { problem, place } => {
                format!("{}: {}", place.describe(lang), problem.message(lang))
            }
            FileError::Serialize(e) => tr!(lang, "file.serialize_failed", reason = e),
        }
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The operating system's reason, in words a user can act on for the common cases. The system's
/// own text is English (or the system's language), so a Japanese message gets a code instead of
/// an English sentence in its middle.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    io_kind_reason(e.kind(), lang).unwrap_or_else(|| match (lang, e.raw_os_error()) {
        (Lang::En, _) => e.to_string(),
        (Lang::Ja, Some(code)) => tr!(lang, "io.other_code", code = code),
        (Lang::Ja, None) => tr!(lang, "io.other"),
    })
}

/// The common reasons in the user's language; `None` for the rare ones, which only the system can
/// describe.
pub fn io_kind_reason(kind: std::io::ErrorKind, lang: Lang) -> Option<String> {
    use std::io::ErrorKind::{
        AddrInUse, AddrNotAvailable, AlreadyExists, InvalidFilename, IsADirectory, NotFound,
        OutOfMemory, PermissionDenied, ReadOnlyFilesystem, ResourceBusy, StorageFull, TimedOut,
        WouldBlock,
    };
    Some(match kind {
        AddrInUse => tr!(lang, "io.addr_in_use"),
        AddrNotAvailable => tr!(lang, "io.addr_not_available"),
        AlreadyExists => tr!(lang, "io.already_exists"),
        InvalidFilename => tr!(lang, "io.invalid_filename"),
        OutOfMemory => tr!(lang, "io.out_of_memory"),
        TimedOut => tr!(lang, "io.timed_out"),
        WouldBlock | ResourceBusy => tr!(lang, "io.busy"),
        NotFound => tr!(lang, "io.not_found"),
        PermissionDenied => tr!(lang, "io.permission_denied"),
        ReadOnlyFilesystem => tr!(lang, "io.read_only"),
        StorageFull => tr!(lang, "io.storage_full"),
        IsADirectory => tr!(lang, "io.is_a_directory"),
        _ => return None,
    })
}

/// ron's syntax errors, said in the user's language for the ones a damaged file produces.
fn syntax_message(code: &ron::Error, lang: Lang) -> String {
    use ron::Error as E;
    match code {
        E::Eof => tr!(lang, "syntax.eof"),
        E::ExceededRecursionLimit => tr!(lang, "syntax.too_deep", max = limits::MAX_NESTING),
        E::ExpectedString | E::ExpectedStringEnd => tr!(lang, "syntax.expected_string"),
        E::ExpectedInteger | E::IntegerOutOfBounds => tr!(lang, "syntax.expected_integer"),
        E::ExpectedBoolean => tr!(lang, "syntax.expected_boolean"),
        E::ExpectedComma => tr!(lang, "syntax.expected_comma"),
        E::ExpectedArray | E::ExpectedArrayEnd => tr!(lang, "syntax.expected_list"),
        E::ExpectedMap | E::ExpectedMapEnd | E::ExpectedMapColon => {
            tr!(lang, "syntax.expected_map")
        }
        E::ExpectedStructLike | E::ExpectedStructLikeEnd | E::ExpectedNamedStructLike(_) => {
            tr!(lang, "syntax.expected_struct")
        }
        E::ExpectedOption | E::ExpectedOptionEnd => tr!(lang, "syntax.expected_option"),
        E::TrailingCharacters => tr!(lang, "syntax.trailing"),
        E::UnexpectedChar(c) => tr!(lang, "syntax.unexpected_char", ch = c.escape_debug()),
        E::UnclosedBlockComment | E::UnclosedLineComment => tr!(lang, "syntax.unclosed_comment"),
        E::NoSuchStructField { found, .. } => tr!(lang, "syntax.unknown_field", field = found),
        E::MissingStructField { field, .. } => tr!(lang, "syntax.missing_field", field = field),
        E::DuplicateStructField { field, .. } => tr!(lang, "syntax.duplicate_field", field = field),
        E::NoSuchEnumVariant {
            found, expected, ..
        } => {
            tr!(
                lang,
                "syntax.unknown_variant",
                found = found,
                expected = expected.join(", ")
            )
        }
        E::InvalidValueForType { expected, found } => {
            tr!(
                lang,
                "syntax.wrong_type",
                expected = expected,
                found = found
            )
        }
        E::Message(m) => tr!(lang, "syntax.other", reason = m),
        other => tr!(lang, "syntax.other", reason = other),
    }
}

/// Why [`read_limited`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The file is larger than the bound, in bytes.
    TooLarge(u64),
}

/// Reads a whole file of at most [`limits::MAX_FILE_BYTES`], refusing anything that is not a
/// regular file: a FIFO or a device would block the reader (or never end) instead of failing.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let not_a_file = || {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NOT_A_REGULAR_FILE,
        ))
    };
    // Checked before opening: opening a FIFO for reading waits for a writer.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    if !meta.is_file() {
        return Err(not_a_file());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Should the path be swapped for a FIFO between the check and the open, do not wait on it.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(not_a_file());
    }
    if meta.len() > limits::MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    // The size can change between the check and the read; `take` holds the bound regardless.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The message of the error [`read_limited`] gives for a FIFO, a device or a socket.
const NOT_A_REGULAR_FILE: &str = "not a regular file";

/// Reads and checks a project file. Never panics, whatever the file holds.
pub fn load(path: &Path) -> Result<Project, FileError> {
    match read_limited(path) {
        Ok(bytes) => parse(&bytes),
        Err(ReadError::TooLarge(size)) => Err(FileError::TooLarge {
            size,
            max: limits::MAX_FILE_BYTES,
        }),
        Err(ReadError::Io(source)) if is_not_a_file(&source) => Err(FileError::NotAFile {
            path: path.to_owned(),
        }),
        Err(ReadError::Io(source)) => Err(FileError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

fn is_not_a_file(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::InvalidInput && e.to_string() == NOT_A_REGULAR_FILE
}

/// Parses a project from the bytes of a file.
pub fn parse(bytes: &[u8]) -> Result<Project, FileError> {
    let mut project = parse_unchecked(bytes)?;
    project
        .validate()
        .map_err(|(problem, place)| FileError::Invalid { problem, place })?;
    // An older file is upgraded in memory: what it lacks is optional. It is written in the
    // current format when saved.
    project.format_version = FORMAT_VERSION;
    Ok(project)
}

/// A file that [`load`] refused, read with its bad values cleared: the project, and what was
/// mended. Still an error when the file cannot be read as a project at all (broken syntax, a
/// newer format, too large) or something is wrong that cannot be mended.
pub fn load_with_repairs(
    path: &Path,
) -> Result<(Project, Vec<crate::project::repair::Repair>), FileError> {
    // Unreadable (missing, a FIFO, too large): nothing to mend; `load` says why.
    let Ok(bytes) = read_limited(path) else {
        return load(path).map(|p| (p, Vec::new()));
    };
    let (parsed, mut repairs) = crate::project::repair::collecting(|| parse_unchecked(&bytes));
    let mut project = parsed?;
    repairs.extend(project.repair());
    project
        .validate()
        .map_err(|(problem, place)| FileError::Invalid { problem, place })?;
    project.format_version = FORMAT_VERSION;
    Ok((project, repairs))
}

/// Parses without the checks that need the whole project (those are [`Project::validate`]'s).
fn parse_unchecked(bytes: &[u8]) -> Result<Project, FileError> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size: bytes.len() as u64,
            max: limits::MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        at: position_at(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            usize::MAX,
        ),
    })?;
    // Windows Notepad writes a byte order mark; ron would not expect one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let options = ron::Options::default().with_recursion_limit(limits::MAX_NESTING);
    check_version(text, &options)?;
    options.from_str(text).map_err(|e| spanned(text, e))
}

/// Reads `format_version` alone first, so that a file from a newer Kizuki gets "made by a newer version"
/// rather than whatever its new fields would trip over.
fn check_version(text: &str, options: &ron::Options) -> Result<(), FileError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        format_version: u64,
    }
    let found = match options.from_str::<VersionOnly>(text) {
        Ok(v) => v.format_version,
        // Anything else wrong is reported by the full parse, with its own position.
        Err(_) => return Ok(()),
    };
    let at = text
        .find("format_version")
        .map_or(Position { line: 1, column: 1 }, |i| position_at(text, i));
    if found > u64::from(FORMAT_VERSION) {
        let problem = Problem::NewerFormat {
            found,
            supported: FORMAT_VERSION.into(),
        };
        return Err(FileError::Content { at, problem });
    }
    if found < 1 {
        return Err(FileError::Content {
            at,
            problem: Problem::OlderFormatUnknown { found },
        });
    }
    // Versions 1 to 3 differ only by optional fields and an alias (`level` for `answer`), which
    // the parser itself reads: no conversion here.
    Ok(())
}

fn spanned(text: &str, e: ron::error::SpannedError) -> FileError {
    // ron counts columns from 1 in characters; a custom error stands where the parser stopped.
    let at = Position {
        line: e.span.start.line.max(1),
        column: e.span.start.col.max(1),
    };
    let at = clamp_position(text, at);
    match &e.code {
        ron::Error::Message(m) => match Problem::from_serde_message(m) {
            Some(problem @ Problem::DuplicateId { .. }) => {
                // The parser stands after the whole repeated element (a team can span hundreds of
                // lines); point at the element's own `id` instead.
                let at = offset_of(text, at)
                    .and_then(|end| last_closed_group(text, end))
                    .and_then(|start| {
                        text[start..]
                            .find("id")
                            .map(|i| position_at(text, start + i))
                    })
                    .unwrap_or(at);
                FileError::Content { at, problem }
            }
            Some(problem) => FileError::Content { at, problem },
            None => FileError::Syntax { at, code: e.code },
        },
        _ => FileError::Syntax { at, code: e.code },
    }
}

/// A position past the end of the text (ron reports the end of input that way) becomes the last one.
fn clamp_position(text: &str, at: Position) -> Position {
    let lines = text.lines().count().max(1);
    if at.line > lines {
        let end = position_at(text, text.len());
        Position {
            line: end.line,
            column: end.column,
        }
    } else {
        at
    }
}

/// The byte offset of a 1-based line and column, if the text has it.
fn offset_of(text: &str, at: Position) -> Option<usize> {
    let line_start = if at.line == 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(at.line - 2)
            .map(|(i, _)| i + 1)?
    };
    let line = &text[line_start..];
    let column = line
        .char_indices()
        .nth(at.column - 1)
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + column)
}

/// The offset of the `(` whose matching `)` is the last one before `end`, skipping strings and
/// comments: the start of the element the parser has just finished.
fn last_closed_group(text: &str, end: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[..end.min(text.len())];
    let mut open = Vec::new();
    let mut last = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => open.push(i),
            b')' => last = open.pop().or(last),
            _ => {}
        }
        i += 1;
    }
    last
}

/// The 1-based line and column of byte `offset` (clamped to the text) in `text`.
fn position_at(text: &str, offset: usize) -> Position {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// The project as the text of a file: pretty, stable field order, Japanese unescaped.
pub fn to_text(project: &Project) -> Result<String, FileError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let body = ron::ser::to_string_pretty(project, config).map_err(FileError::Serialize)?;
    Ok(format!(
        "// Kizuki project file — ICT地域イノベーション・ガイドブック Ver.2.0 workshop\n{body}\n"
    ))
}

/// Saves atomically: the new text goes to a temporary file in the same folder, is flushed to disk,
/// and then renamed over the target. The previous file is kept as `<name>.bak`. A crash at any moment
/// leaves the target either old or new, whole.
pub fn save(project: &Project, path: &Path) -> Result<(), FileError> {
    let text = to_text(project)?;
    write_atomically(path, text.as_bytes(), true)
}

/// Writes `bytes` to `path` atomically (see [`save`]); `backup` keeps the old file as `.bak`.
///
/// Files people share stay readable: a new file gets the permissions the user's umask gives (0644
/// under 022); a file written over keeps its mode, and its group where the system allows.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: bool) -> Result<(), FileError> {
    write_atomically_with(path, bytes, backup, std::io::Write::write_all)
}

/// As [`write_atomically`], readable by the user alone (0600): Kizuki's own recovery copies and
/// settings, which may hold a facilitator's private notes.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_with_access(
        path,
        bytes,
        false,
        Access::Private,
        std::io::Write::write_all,
    )
}

/// Who may read a file Kizuki writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    /// As the umask says for a new file; as before for a file written over.
    Shared,
    /// The user alone.
    Private,
}

/// As [`write_atomically`], with the writing of the temporary file's content done by `write`, so
/// that tests can make it fail part-way (a full disk, a pulled USB stick) and check what is left.
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), FileError> {
    write_with_access(path, bytes, backup, Access::Shared, write)
}

fn write_with_access(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    access: Access,
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let write_err = |source| FileError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    // Never replace something that is not a regular file (a FIFO would hang, a device or a
    // folder be clobbered): say so instead.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(FileError::NotAFile {
            path: path.to_owned(),
        });
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kizuki-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with 0666 (0600 when private), less the umask, as any program's new file is.
        let mode = match access {
            Access::Shared => 0o666,
            Access::Private => 0o600,
        };
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(write_err)?;
    if access == Access::Shared {
        keep_mode_and_group(path, temp.as_file());
    }
    write(temp.as_file_mut(), bytes).map_err(write_err)?;
    temp.as_file().sync_all().map_err(write_err)?;
    if backup && path.exists() {
        let bak = backup_path(path);
        // The backup is written the same careful way, so a crash never leaves a torn .bak either.
        let old = std::fs::read(path).map_err(write_err)?;
        write_atomically(&bak, &old, false)?;
    }
    temp.persist(path).map_err(|e| write_err(e.error))?;
    sync_dir(&dir);
    Ok(())
}

/// A file written over keeps its mode (0664 on a shared drive stays 0664) and, where the system
/// lets the user set it, its group. Best effort: a mode that cannot be kept leaves the umask's.
fn keep_mode_and_group(path: &Path, temp: &std::fs::File) {
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let _ = temp.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777));
        let _ = std::os::unix::fs::fchown(temp, None, Some(meta.gid()));
    }
    #[cfg(not(unix))]
    let _ = (path, temp);
}

/// `<name>.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Makes the rename itself durable. Where the platform cannot sync a folder there is nothing to do.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A file name stem for a project title, valid on every system Kizuki runs on: no `/`, `:`, `*` and
/// the like, no names Windows reserves (`CON`, `NUL`, `COM1` …), no trailing dot or space.
pub fn file_stem_for(title: &str) -> String {
    let options = sanitize_filename::Options {
        windows: true,
        truncate: true,
        replacement: "_",
    };
    // Windows drops a trailing dot or space; better to leave them out than to see them replaced.
    let title = title.trim().trim_end_matches(['.', ' ', '\u{3000}']);
    let cleaned = sanitize_filename::sanitize_with_options(title, options);
    let cleaned = cleaned.trim().trim_matches('.').trim();
    if cleaned.is_empty() {
        "kizuki".to_owned()
    } else {
        cleaned.to_owned()
    }
}

/// A file name for a project title: `<title>.kizuki.ron`.
pub fn file_name_for(title: &str) -> String {
    format!("{}.{EXTENSION}", file_stem_for(title))
}

/// `…/workshop.kizuki.ron` → `workshop`: the name exports beside a project take.
pub fn project_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(&format!(".{EXTENSION}"))
        .or_else(|| name.rsplit_once('.').map(|(s, _)| s))
        .unwrap_or(name);
    Some(stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\nあいう\nx";
        assert_eq!(position_at(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position_at(text, 3), Position { line: 2, column: 1 });
        assert_eq!(position_at(text, 6), Position { line: 2, column: 2 });
        assert_eq!(
            position_at(text, text.len()),
            Position { line: 3, column: 2 }
        );
    }

    #[test]
    fn file_names_are_safe_on_windows_too() {
        assert_eq!(
            file_name_for("春/秋:ワークショップ"),
            "春_秋_ワークショップ.kizuki.ron"
        );
        assert_eq!(file_name_for("  "), "kizuki.kizuki.ron");
        assert_eq!(file_stem_for("CON"), "_");
        assert_eq!(file_stem_for("nul"), "_");
        assert_eq!(file_stem_for("報告書. "), "報告書");
        assert_eq!(file_stem_for("a*b?c<d>e|f\"g"), "a_b_c_d_e_f_g");
        assert_eq!(
            project_stem(Path::new("/x/秋.kizuki.ron")).as_deref(),
            Some("秋")
        );
    }

    #[test]
    #[cfg(unix)]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("pipe.kizuki.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "mkfifo");
        let e = load(&fifo).expect_err("a FIFO is not a project");
        assert!(matches!(e, FileError::NotAFile { .. }), "{e:?}");
        assert!(e.message(Lang::Ja).contains("通常のファイルではありません"));
    }
}
