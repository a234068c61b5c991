//! The open project with what the window needs around it: where it lives, whether it has unsaved
//! changes, its undo history and its autosave state. Everything that changes these goes through a
//! method here, so that "dirty", "generation" and the recovery file never disagree.

use crate::project::Project;
use crate::project::edit::{Edit, TextField};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Typing in one field within this long of the last keystroke joins the same undo step.
const MERGE_WINDOW: Duration = Duration::from_millis(1500);
/// How many steps back undo reaches. A step is a copy of the project (tens of KiB), so this bounds memory.
const UNDO_DEPTH: usize = 300;

pub struct Document {
    pub project: Project,
    /// Unique in this run, so that a cache can tell two documents apart.
    serial: u64,
    /// Where the project was last opened from or saved to; `None` until first saved.
    pub path: Option<PathBuf>,
    dirty: bool,
    /// Increases with every change, so that autosave and caches can tell the project changed.
    generation: u64,
    /// When the project last changed, for the autosave's debounce.
    last_change: Option<Instant>,
    /// The generation last handed to the autosave.
    autosaved_generation: u64,
    /// This document's recovery file, once one has been written (or restored from).
    pub recovery_file: Option<PathBuf>,
    /// The file on disk as it was when opened or last saved, to notice another program's save.
    disk_stamp: Option<FileStamp>,
    undo: VecDeque<Project>,
    redo: Vec<Project>,
    last_merge: Option<(TextField, Instant)>,
    /// The project as it was when opened or last saved (`None`: never in a clean state), so
    /// that undoing back to it clears the dirty mark.
    clean: Option<Box<Project>>,
}

/// What identifies a version of a file on disk without reading it: modification time and size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: Option<std::time::SystemTime>,
    pub len: u64,
}

impl FileStamp {
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

impl Document {
    /// A project that exists only in memory: new, or the sample.
    pub fn unsaved(project: Project) -> Document {
        static NEXT_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Document {
            clean: Some(Box::new(project.clone())),
            project,
            serial: NEXT_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            path: None,
            dirty: false,
            generation: 0,
            last_change: None,
            autosaved_generation: 0,
            recovery_file: None,
            disk_stamp: None,
            undo: VecDeque::new(),
            redo: Vec::new(),
            last_merge: None,
        }
    }

    /// A project just read from `path`.
    pub fn opened(project: Project, path: &Path) -> Document {
        Document {
            path: Some(path.to_owned()),
            disk_stamp: FileStamp::of(path),
            ..Document::unsaved(project)
        }
    }

    /// A project read with repairs: it has the original's path, and is unsaved until saved.
    pub fn repaired(project: Project, path: &Path) -> Document {
        Document {
            dirty: true,
            generation: 1,
            clean: None,
            ..Document::opened(project, path)
        }
    }

    /// A project brought back from a recovery file: unsaved, with its original path, and still
    /// autosaved to the same recovery file.
    pub fn restored(project: Project, original: Option<PathBuf>, recovery_file: &Path) -> Document {
        let disk_stamp = original.as_deref().and_then(FileStamp::of);
        Document {
            path: original,
            dirty: true,
            generation: 1,
            autosaved_generation: 1,
            recovery_file: Some(recovery_file.to_owned()),
            disk_stamp,
            clean: None,
            ..Document::unsaved(project)
        }
    }

    /// The next round of this workshop, which exists only in memory until it is saved.
    #[must_use]
    pub fn next_round(&self, now: chrono::DateTime<chrono::FixedOffset>) -> Document {
        Document {
            dirty: true,
            generation: 1,
            clean: None,
            ..Document::unsaved(self.project.next_round(now))
        }
    }

    /// Unsaved changes since the last open or save.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Changes whenever the project may have: another document, or any edit, undo or redo.
    pub fn revision(&self) -> (u64, u64) {
        (self.serial, self.generation)
    }

    /// The project was written to `path` as it is now.
    pub fn mark_saved(&mut self, path: &Path, modified_at: chrono::DateTime<chrono::FixedOffset>) {
        self.project.meta.modified_at = Some(modified_at);
        self.path = Some(path.to_owned());
        self.dirty = false;
        self.disk_stamp = FileStamp::of(path);
        self.clean = Some(Box::new(self.project.clone()));
    }

    /// Whether the file at `path` is the one this document was opened from or saved to, and another
    /// program has written to it since.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        self.path.as_deref() == Some(path)
            && self.disk_stamp.is_some()
            && FileStamp::of(path) != self.disk_stamp
    }

    /// Applies an edit, recording an undo step unless it continues the typing of the last one.
    /// Returns whether anything changed.
    pub fn apply(&mut self, edit: Edit, now: Instant) -> bool {
        let merge = edit.merge_key();
        let Some(before) = edit.apply(&mut self.project) else {
            return false;
        };
        let continues = matches!(
            (merge, self.last_merge),
            (Some(field), Some((last, at))) if field == last && now.duration_since(at) < MERGE_WINDOW
        );
        if !continues {
            self.undo.push_back(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.pop_front();
            }
        }
        self.last_merge = merge.map(|field| (field, now));
        self.redo.clear();
        self.changed(now);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self, now: Instant) -> bool {
        let Some(previous) = self.undo.pop_back() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.project, previous));
        self.last_merge = None;
        self.changed(now);
        self.dirty = !self.is_clean();
        true
    }

    /// Whether the project is as it was when opened or last saved.
    fn is_clean(&self) -> bool {
        self.clean.as_deref() == Some(&self.project)
    }

    pub fn redo(&mut self, now: Instant) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo
            .push_back(std::mem::replace(&mut self.project, next));
        self.last_merge = None;
        self.changed(now);
        self.dirty = !self.is_clean();
        true
    }

    fn changed(&mut self, now: Instant) {
        self.dirty = true;
        self.generation += 1;
        self.last_change = Some(now);
    }

    /// How long the autosave should still wait at `now`: `None` when there is nothing to write,
    /// zero when it is due.
    pub fn autosave_due_in(&self, now: Instant, delay: Duration) -> Option<Duration> {
        if !self.dirty || self.generation == self.autosaved_generation {
            return None;
        }
        let since = self
            .last_change
            .map_or(delay, |at| now.saturating_duration_since(at));
        Some(delay.saturating_sub(since))
    }

    /// The current generation is being written to the recovery file.
    pub fn autosave_started(&mut self) {
        self.autosaved_generation = self.generation;
    }

    /// The last copy was not written: the next autosave writes this generation again.
    pub fn autosave_retry(&mut self) {
        self.autosaved_generation = u64::MAX;
    }

    /// The name shown in the title bar and dialogs.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None if !self.project.meta.title.trim().is_empty() => {
                self.project.meta.title.trim().to_owned()
            }
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::sample_project;

    fn typing(doc: &mut Document, text: &str, at: Instant) {
        doc.apply(Edit::SetText(TextField::Title, text.into()), at);
    }

    #[test]
    fn typing_is_one_undo_step_and_pauses_split_it() {
        let mut doc = Document::unsaved(sample_project());
        let t0 = Instant::now();
        typing(&mut doc, "あ", t0);
        typing(&mut doc, "あい", t0 + Duration::from_millis(300));
        typing(&mut doc, "あいう", t0 + Duration::from_millis(600));
        typing(&mut doc, "あいうえ", t0 + Duration::from_secs(5));
        assert!(doc.is_dirty());
        assert!(doc.undo(t0));
        assert_eq!(doc.project.meta.title, "あいう");
        assert!(doc.undo(t0));
        assert_eq!(doc.project.meta.title, sample_project().meta.title);
        assert!(!doc.undo(t0));
        assert!(doc.redo(t0));
        assert_eq!(doc.project.meta.title, "あいう");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut doc = Document::unsaved(sample_project());
        let now = Instant::now();
        doc.apply(Edit::RemoveTeam { team: 2 }, now);
        doc.undo(now);
        assert!(doc.can_redo());
        doc.apply(Edit::AddTeam { name: "新".into() }, now);
        assert!(!doc.can_redo());
    }

    #[test]
    fn no_op_edits_do_not_dirty() {
        let mut doc = Document::unsaved(sample_project());
        assert!(!doc.apply(Edit::RemoveTeam { team: 42 }, Instant::now()));
        assert!(!doc.is_dirty() && !doc.can_undo());
    }

    #[test]
    fn undo_depth_is_bounded_and_keeps_the_newest_steps() {
        let mut doc = Document::unsaved(sample_project());
        let t0 = Instant::now();
        for i in 0..UNDO_DEPTH + 20 {
            let at = t0 + MERGE_WINDOW * (i as u32 + 1) * 2;
            typing(&mut doc, &i.to_string(), at);
        }
        let mut steps = 0;
        while doc.undo(t0) {
            steps += 1;
        }
        assert_eq!(steps, UNDO_DEPTH);
        assert_eq!(
            doc.project.meta.title, "19",
            "the oldest steps were dropped"
        );
    }

    #[test]
    fn autosave_waits_for_the_debounce_and_writes_each_change_once() {
        let mut doc = Document::unsaved(sample_project());
        let delay = Duration::from_secs(3);
        let t0 = Instant::now();
        assert_eq!(doc.autosave_due_in(t0, delay), None, "nothing to write");
        typing(&mut doc, "x", t0);
        assert_eq!(
            doc.autosave_due_in(t0 + Duration::from_secs(1), delay),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            doc.autosave_due_in(t0 + Duration::from_secs(5), delay),
            Some(Duration::ZERO)
        );
        doc.autosave_started();
        assert_eq!(
            doc.autosave_due_in(t0 + Duration::from_secs(6), delay),
            None
        );
    }

    #[test]
    fn undoing_back_to_the_saved_state_clears_the_dirty_mark() {
        let mut doc = Document::unsaved(crate::project::sample_project());
        let now = Instant::now();
        assert!(doc.apply(Edit::RemoveTeam { team: 1 }, now));
        assert!(doc.is_dirty());
        assert!(doc.undo(now));
        assert!(!doc.is_dirty(), "back as it was: nothing to save");
        assert!(doc.redo(now));
        assert!(doc.is_dirty());
    }

    #[test]
    fn saving_clears_dirty_and_records_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.kizuki.ron");
        std::fs::write(&path, "x").expect("write");
        let mut doc = Document::unsaved(sample_project());
        typing(&mut doc, "x", Instant::now());
        let now = chrono::Local::now().fixed_offset();
        doc.mark_saved(&path, now);
        assert!(!doc.is_dirty());
        assert_eq!(doc.path.as_deref(), Some(path.as_path()));
        assert!(!doc.changed_on_disk(&path));
        std::fs::write(&path, "changed by someone else").expect("write");
        assert!(doc.changed_on_disk(&path));
    }
}
