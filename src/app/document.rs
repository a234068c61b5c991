//! The open project with what the window needs around it: where it lives, whether it has unsaved
//! changes, and its undo history.

use super::edit::{Edit, TextField};
use crate::project::Project;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Typing in one field within this long of the last keystroke joins the same undo step.
const MERGE_WINDOW: Duration = Duration::from_millis(1500);
/// How many steps back undo reaches. A step is a copy of the project (tens of KiB), so this bounds memory.
const UNDO_DEPTH: usize = 300;

pub struct Document {
    pub project: Project,
    /// Where the project was last opened from or saved to; `None` until first saved.
    pub path: Option<PathBuf>,
    /// Unsaved changes since the last open or save.
    pub dirty: bool,
    /// Increases with every change, so that autosave and caches can tell the project changed.
    pub generation: u64,
    /// When the project last changed, for the autosave's debounce.
    pub last_change: Option<Instant>,
    /// The generation last written to the recovery file.
    pub autosaved_generation: u64,
    /// This document's recovery file, once one has been written (or restored from).
    pub recovery_file: Option<PathBuf>,
    /// The file on disk as it was when opened or last saved, to notice another program's save.
    pub disk_stamp: Option<FileStamp>,
    undo: Vec<Project>,
    redo: Vec<Project>,
    last_merge: Option<(TextField, Instant)>,
}

/// What identifies a version of a file on disk without reading it: modification time and size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: Option<std::time::SystemTime>,
    pub len: u64,
}

impl FileStamp {
    pub fn of(path: &std::path::Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

impl Document {
    pub fn new(project: Project, path: Option<PathBuf>) -> Document {
        Document {
            project,
            path,
            dirty: false,
            generation: 0,
            last_change: None,
            autosaved_generation: 0,
            recovery_file: None,
            disk_stamp: None,
            undo: Vec::new(),
            redo: Vec::new(),
            last_merge: None,
        }
    }

    /// Applies an edit, recording an undo step unless it continues the typing of the last one.
    pub fn apply(&mut self, edit: Edit, now: Instant) {
        let merge = edit.merge_key();
        let Some(before) = edit.apply(&mut self.project) else {
            return;
        };
        let continues = matches!(
            (merge, self.last_merge),
            (Some(field), Some((last, at))) if field == last && now.duration_since(at) < MERGE_WINDOW
        );
        if !continues {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.last_merge = merge.map(|field| (field, now));
        self.redo.clear();
        self.changed();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.project, previous));
        self.last_merge = None;
        self.changed();
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.project, next));
        self.last_merge = None;
        self.changed();
        true
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.generation += 1;
        self.last_change = Some(Instant::now());
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
        let mut doc = Document::new(sample_project(), None);
        let t0 = Instant::now();
        typing(&mut doc, "あ", t0);
        typing(&mut doc, "あい", t0 + Duration::from_millis(300));
        typing(&mut doc, "あいう", t0 + Duration::from_millis(600));
        typing(&mut doc, "あいうえ", t0 + Duration::from_secs(5));
        assert!(doc.dirty);
        assert!(doc.undo());
        assert_eq!(doc.project.meta.title, "あいう");
        assert!(doc.undo());
        assert_eq!(doc.project.meta.title, sample_project().meta.title);
        assert!(!doc.undo());
        assert!(doc.redo());
        assert_eq!(doc.project.meta.title, "あいう");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut doc = Document::new(sample_project(), None);
        let now = Instant::now();
        doc.apply(Edit::RemoveTeam { team: 2 }, now);
        doc.undo();
        assert!(doc.can_redo());
        doc.apply(Edit::AddTeam { name: "新".into() }, now);
        assert!(!doc.can_redo());
    }

    #[test]
    fn no_op_edits_do_not_dirty() {
        let mut doc = Document::new(sample_project(), None);
        doc.apply(Edit::RemoveTeam { team: 42 }, Instant::now());
        assert!(!doc.dirty && !doc.can_undo());
    }
}
