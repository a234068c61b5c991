//! Autosave and crash recovery: while a project has unsaved changes, a copy is written to the user's
//! data folder a few seconds after the last edit; a save or a clean close removes it. After a crash,
//! the next start offers what it finds there.
//!
//! Each running Kizuki holds an exclusive lock on its own lock file in the recovery folder for as
//! long as it runs (`std::fs::File::try_lock`, on every platform). A recovery file whose writer's
//! lock can be taken was left by a Kizuki that is no longer running; one whose lock is held belongs
//! to another window that is still open, and is not offered.

use crate::file;
use crate::i18n::Lang;
use crate::project::Project;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long after the last edit the copy is written: long enough not to write on every keystroke,
/// short enough that a crash loses at most a sentence.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

const RECOVERY_SUFFIX: &str = ".recovery.ron";
const LOCK_SUFFIX: &str = ".lock";

/// What a recovery file holds: the project and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryFile {
    pub original_path: Option<PathBuf>,
    /// RFC 3339, local time.
    pub autosaved_at: String,
    pub project: Project,
}

/// Why a recovery file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("cannot read the recovery file: {0}")]
    Read(#[source] std::io::Error),
    #[error("the recovery file is larger than a project may be")]
    TooLarge,
    #[error("the recovery file is damaged: {0}")]
    Damaged(String),
    #[error("the recovered project is not valid: {0}")]
    Invalid(crate::project::Problem),
    #[error(transparent)]
    Write(#[from] file::FileError),
    #[error("cannot create the recovery folder: {0}")]
    Folder(#[source] std::io::Error),
}

impl RecoveryError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RecoveryError::Read(e) => {
                tr!(
                    lang,
                    "recovery.error.read",
                    reason = file::io_reason(e, lang)
                )
            }
            RecoveryError::TooLarge => tr!(lang, "recovery.error.too_large"),
            RecoveryError::Damaged(_) => tr!(lang, "recovery.error.damaged"),
            RecoveryError::Invalid(problem) => {
                tr!(
                    lang,
                    "recovery.error.invalid",
                    reason = problem.message(lang)
                )
            }
            RecoveryError::Write(e) => e.message(lang),
            RecoveryError::Folder(e) => {
                tr!(
                    lang,
                    "recovery.error.folder",
                    reason = file::io_reason(e, lang)
                )
            }
        }
    }
}

/// A recovery file found at start.
#[derive(Debug)]
pub struct Recovered {
    pub file: PathBuf,
    pub title: String,
    pub original_path: Option<PathBuf>,
    pub autosaved_at: String,
    /// Why the file could not be read, if it could not; it is still listed so it can be discarded.
    pub problem: Option<RecoveryError>,
}

/// This run of Kizuki in the recovery folder: its lock, held until the process ends, and the
/// prefix of its recovery files.
pub struct Instance {
    dir: PathBuf,
    id: String,
    /// Held for the whole run; the OS releases it when the process ends, however it ends.
    _lock: Option<File>,
    next_file: u64,
}

impl Instance {
    /// Claims a fresh instance id in `dir` and locks it. Without a lock (the folder cannot be
    /// written), recovery files are still written; other windows may then offer them while this
    /// one runs, which is the lesser evil than no safety net at all.
    pub fn claim(dir: &Path) -> Instance {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{}-{stamp:x}", std::process::id());
        let lock = std::fs::create_dir_all(dir)
            .and_then(|()| File::create(dir.join(format!("{id}{LOCK_SUFFIX}"))))
            .ok()
            .filter(|f| f.try_lock().is_ok());
        Instance {
            dir: dir.to_owned(),
            id,
            _lock: lock,
            next_file: 0,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A new recovery file name for one document of this run.
    pub fn new_file(&mut self) -> PathBuf {
        self.next_file += 1;
        self.dir
            .join(format!("{}-{}{RECOVERY_SUFFIX}", self.id, self.next_file))
    }

    /// Whether `file` is one of this run's own recovery files.
    pub fn owns(&self, file: &Path) -> bool {
        instance_of(file).is_some_and(|id| id == self.id)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        // A clean exit leaves nothing behind; the lock file is only a marker.
        let _ = std::fs::remove_file(self.dir.join(format!("{}{LOCK_SUFFIX}", self.id)));
    }
}

/// `<instance>-<n>.recovery.ron` → `<instance>`.
fn instance_of(file: &Path) -> Option<&str> {
    let name = file.file_name()?.to_str()?.strip_suffix(RECOVERY_SUFFIX)?;
    Some(name.rsplit_once('-')?.0)
}

/// Whether the Kizuki that wrote `file` still runs: its lock file exists and is locked.
fn writer_is_running(file: &Path) -> bool {
    let (Some(dir), Some(id)) = (file.parent(), instance_of(file)) else {
        return false;
    };
    match File::open(dir.join(format!("{id}{LOCK_SUFFIX}"))) {
        // Taken and dropped at once if free: the probe must not keep another window's lock.
        Ok(lock) => lock.try_lock().is_err(),
        Err(_) => false,
    }
}

/// The bytes of a recovery file for `project`.
pub fn to_bytes(
    project: &Project,
    original_path: Option<&Path>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Vec<u8>, file::FileError> {
    let recovery = RecoveryFile {
        original_path: original_path.map(Path::to_path_buf),
        autosaved_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        project: project.clone(),
    };
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    ron::ser::to_string_pretty(&recovery, config)
        .map(String::into_bytes)
        .map_err(file::FileError::Serialize)
}

/// Writes a recovery file (on the autosave's thread).
pub fn write(file: &Path, bytes: &[u8]) -> Result<(), RecoveryError> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(RecoveryError::Folder)?;
    }
    file::write_private(file, bytes)?;
    Ok(())
}

/// Reads a recovery file with the same care as a project file.
pub fn read(path: &Path) -> Result<RecoveryFile, RecoveryError> {
    let bytes = file::read_limited(path).map_err(|e| match e {
        file::ReadError::Io(e) => RecoveryError::Read(e),
        file::ReadError::TooLarge(_) => RecoveryError::TooLarge,
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| RecoveryError::Damaged(e.to_string()))?;
    let options = ron::Options::default().with_recursion_limit(crate::project::limits::MAX_NESTING);
    let recovery: RecoveryFile = options
        .from_str(text)
        .map_err(|e| RecoveryError::Damaged(e.to_string()))?;
    recovery
        .project
        .validate()
        .map_err(|(p, _)| RecoveryError::Invalid(p))?;
    Ok(recovery)
}

/// Deletes a recovery file the user is done with.
pub fn remove(file: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Every recovery file in `dir` left by a Kizuki that is no longer running, newest first.
pub fn scan(dir: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(RECOVERY_SUFFIX) && !writer_is_running(p))
        .map(|path| match read(&path) {
            Ok(r) => Recovered {
                file: path,
                title: r.project.meta.title.clone(),
                original_path: r.original_path,
                autosaved_at: r.autosaved_at,
                problem: None,
            },
            Err(problem) => Recovered {
                file: path,
                title: String::new(),
                original_path: None,
                autosaved_at: String::new(),
                problem: Some(problem),
            },
        })
        .collect();
    found.sort_by(|a, b| b.autosaved_at.cmp(&a.autosaved_at));
    found
}

/// The newest recovery file in `dir` for a project saved at `original` that is newer than the file
/// itself: opening that file should offer it (the window crashed after unsaved work on it).
pub fn newer_than_file(found: &[Recovered], original: &Path) -> Option<usize> {
    let modified = std::fs::metadata(original)
        .and_then(|m| m.modified())
        .ok()?;
    let original = dunce::canonicalize(original).unwrap_or_else(|_| original.to_owned());
    found.iter().position(|r| {
        r.problem.is_none()
            && r.original_path.as_deref().is_some_and(|p| {
                dunce::canonicalize(p).unwrap_or_else(|_| p.to_owned()) == original
            })
            && std::fs::metadata(&r.file)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t > modified)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::Local::now().fixed_offset()
    }

    #[test]
    fn recovery_files_round_trip_and_broken_ones_are_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = crate::project::sample_project();
        let path = dir.path().join("dead-1-1.recovery.ron");
        let bytes = to_bytes(&project, Some(Path::new("/x/w.kizuki.ron")), now()).expect("bytes");
        write(&path, &bytes).expect("write");
        std::fs::write(dir.path().join("dead-2-1.recovery.ron"), "(broken").expect("write");
        std::fs::write(dir.path().join("unrelated.txt"), "x").expect("write");
        let found = scan(dir.path());
        assert_eq!(found.len(), 2);
        let good = found
            .iter()
            .find(|r| r.problem.is_none())
            .expect("the good one");
        assert_eq!(good.title, project.meta.title);
        assert_eq!(
            good.original_path.as_deref(),
            Some(Path::new("/x/w.kizuki.ron"))
        );
        assert_eq!(read(&path).expect("reads").project, project);
        let broken = found
            .iter()
            .find_map(|r| r.problem.as_ref())
            .expect("broken");
        assert!(
            broken.message(Lang::Ja).contains("壊れて"),
            "{}",
            broken.message(Lang::Ja)
        );
    }

    #[test]
    fn a_running_windows_files_are_not_offered_but_a_dead_ones_are() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bytes = to_bytes(&crate::project::sample_project(), None, now()).expect("bytes");
        let mut live = Instance::claim(dir.path());
        let live_file = live.new_file();
        write(&live_file, &bytes).expect("write");
        assert!(live.owns(&live_file));
        // A window that crashed: its lock file is there, but nobody holds it.
        std::fs::write(dir.path().join("999-dead.lock"), "").expect("lock file");
        let dead_file = dir.path().join("999-dead-1.recovery.ron");
        write(&dead_file, &bytes).expect("write");
        let found: Vec<PathBuf> = scan(dir.path()).into_iter().map(|r| r.file).collect();
        assert_eq!(found, [dead_file]);
        drop(live);
        assert_eq!(
            scan(dir.path()).len(),
            2,
            "after a clean exit nothing holds the lock"
        );
    }

    #[test]
    fn a_missing_file_is_removed_without_complaint() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(remove(&dir.path().join("gone.recovery.ron")).is_ok());
    }
}
