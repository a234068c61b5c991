//! Autosave and crash recovery: while a project has unsaved changes, a copy is written to the user's
//! data folder a few seconds after the last edit; a save or a clean close removes it. After a crash,
//! the next start offers what it finds there.

use crate::file;
use crate::project::Project;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long after the last edit the copy is written: long enough not to write on every keystroke,
/// short enough that a crash loses at most a sentence.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

/// What a recovery file holds: the project and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryFile {
    pub original_path: Option<PathBuf>,
    /// RFC 3339, local time.
    pub autosaved_at: String,
    pub project: Project,
}

/// A recovery file found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub file: PathBuf,
    pub title: String,
    pub original_path: Option<PathBuf>,
    pub autosaved_at: String,
    /// Why the file could not be read, if it could not; it is still listed so it can be discarded.
    pub problem: Option<String>,
}

/// The folder for recovery files: `KIZUKI_DATA_DIR` if set (tests, demonstrations), else the
/// platform's local data folder.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KIZUKI_DATA_DIR") {
        return Some(PathBuf::from(dir).join("recovery"));
    }
    directories::ProjectDirs::from("jp", "Kizuki", "kizuki")
        .map(|d| d.data_local_dir().join("recovery"))
}

/// A recovery file name unique to this run and document.
pub fn file_name(session: u64) -> String {
    format!("{}-{session}.recovery.ron", std::process::id())
}

/// The bytes of a recovery file for `project`.
pub fn to_bytes(
    project: &Project,
    original_path: Option<&Path>,
) -> Result<Vec<u8>, file::FileError> {
    let recovery = RecoveryFile {
        original_path: original_path.map(Path::to_path_buf),
        autosaved_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        project: project.clone(),
    };
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    ron::ser::to_string_pretty(&recovery, config)
        .map(String::into_bytes)
        .map_err(file::FileError::Serialize)
}

/// Reads a recovery file with the same care as a project file.
pub fn read(path: &Path) -> Result<RecoveryFile, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > crate::project::limits::MAX_FILE_BYTES {
        return Err("too large".into());
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
    let options = ron::Options::default().with_recursion_limit(crate::project::limits::MAX_NESTING);
    let recovery: RecoveryFile = options.from_str(text).map_err(|e| e.to_string())?;
    recovery
        .project
        .validate()
        .map_err(|(p, _)| p.to_string())?;
    Ok(recovery)
}

/// Whether the Kizuki that wrote a recovery file (its process id starts the file's name) is still
/// running: then the file is that window's autosave, not a crash's leftovers. Known on Linux only;
/// elsewhere every file is offered.
fn writer_is_running(path: &Path) -> bool {
    let Some(pid) = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('-').next())
        .and_then(|p| p.parse::<u32>().ok())
    else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|name| name.trim() == "kizuki")
}

/// Every recovery file in `dir` left by a Kizuki that is no longer running, newest first.
pub fn scan(dir: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".recovery.ron") && !writer_is_running(p))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_files_round_trip_and_broken_ones_are_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = crate::project::sample_project();
        let path = dir.path().join(file_name(1));
        std::fs::write(
            &path,
            to_bytes(&project, Some(Path::new("/x/w.kizuki.ron"))).expect("bytes"),
        )
        .expect("write");
        std::fs::write(dir.path().join("9-9.recovery.ron"), "(broken").expect("write");
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
        assert!(found.iter().any(|r| r.problem.is_some()));
    }
}
