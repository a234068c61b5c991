//! The session's file work: open, save (with the check for another program's save), export,
//! earlier rounds, recovery files, and the paths asked for by dialog or typed by hand.

use super::command::{CompareCommand, FileCommand, MergeCommand};
use super::command::{Effect, Purpose, Screen};
use super::document::Document;
use super::messages::{Failure, Notice};
use super::recovery;
use super::{Clock, PathEntry, Session};
use crate::export::{self, ExportOptions, Format};
use crate::file;
use std::path::{Path, PathBuf};

impl Session {
    /// Makes `doc` the open project, on `screen`, leaving the previous one's recovery copy behind.
    pub(super) fn set_document(&mut self, doc: Document, screen: Screen) {
        self.drop_recovery();
        self.newer_copy = None;
        self.timer = super::timer::Timer::default();
        self.team = doc.project.teams.first().map(|t| t.id);
        self.doc = Some(doc);
        self.screen = screen;
        // What is shown changes with the project; how (the presenter window, the projector
        // mode) stays as the facilitator set it.
        self.view = super::ViewState {
            screen_serial: self.view.screen_serial + 1,
            presenter: self.view.presenter,
            projector: self.view.projector,
            ..super::ViewState::default()
        };
        self.path_entry = None;
    }

    pub(super) fn open(&mut self, path: &Path) {
        match file::load(path) {
            Ok(project) => {
                self.settings.remember(path);
                self.save_settings();
                // A project nobody has scored yet starts where work starts: the setup.
                let scored = project
                    .teams
                    .iter()
                    .any(|t| t.responses.0.iter().any(|r| r.score.is_some()));
                let screen = if scored {
                    Screen::Overview
                } else {
                    Screen::Setup
                };
                self.set_document(Document::opened(project, path), screen);
                self.notify(Notice::Opened(path.to_owned()));
                // The window crashed after unsaved work on this very file: say so, and offer it.
                self.newer_copy = recovery::newer_than_file(&self.recovered, path)
                    .and_then(|i| self.recovered.get(i))
                    .map(|r| r.file.clone());
            }
            Err(error) => {
                // A file that parses but holds a few bad values can still be opened, mended;
                // the error says what is wrong, and offers that.
                self.repair_offer = file::load_with_repairs(path)
                    .ok()
                    .filter(|(_, repairs)| !repairs.is_empty())
                    .map(|(project, repairs)| super::RepairOffer {
                        path: path.to_owned(),
                        project,
                        repairs,
                    });
                self.fail(Failure::Open {
                    path: path.to_owned(),
                    error,
                });
            }
        }
    }

    /// Opens the mended project offered after a failed open. Nothing is written until the user
    /// saves; then the original is kept as `.bak` beside it.
    pub(super) fn open_repaired(&mut self) {
        let Some(offer) = self.repair_offer.take() else {
            return;
        };
        self.error = None;
        let repairs: Vec<String> = offer.repairs.iter().map(|r| r.text(self.lang)).collect();
        self.set_document(
            Document::repaired(offer.project, &offer.path),
            Screen::Overview,
        );
        self.repairs_made = repairs;
    }

    /// Saves the open project to `path`, unless another program changed that file since it was
    /// opened or saved here: then it asks first.
    pub(super) fn save_to(&mut self, path: &Path, clock: &Clock, fx: &mut Vec<Effect>) {
        let Some(doc) = &self.doc else { return };
        if doc.changed_on_disk(path) {
            self.conflict = Some(path.to_owned());
            return;
        }
        self.write_project(path, clock, fx);
    }

    /// Writes the open project to `path`; on failure says why and keeps everything in memory.
    pub(super) fn write_project(&mut self, path: &Path, clock: &Clock, fx: &mut Vec<Effect>) {
        let Some(doc) = &mut self.doc else { return };
        let mut project = doc.project.clone();
        project.meta.modified_at = Some(clock.wall);
        match file::save(&project, path) {
            Ok(()) => {
                doc.mark_saved(path, clock.wall);
                self.settings.remember(path);
                self.save_settings();
                self.drop_recovery();
                self.path_entry = None;
                self.notify(Notice::Saved(path.to_owned()));
                self.saved(clock, fx);
            }
            Err(error) => {
                self.after_save = None;
                // Phone votes are in their journal too: say where, for they are safe there.
                let votes_kept = self
                    .voting
                    .as_ref()
                    .and_then(|v| v.journal.clone())
                    .or_else(|| self.journals_done.first().map(|(j, _)| j.clone()));
                self.fail(Failure::Save {
                    path: path.to_owned(),
                    error,
                    votes_kept,
                });
            }
        }
    }

    pub(super) fn export_to(&mut self, format: Format, path: &Path) {
        let Some(project) = self.project() else {
            return;
        };
        let options = ExportOptions {
            circulation: self.settings.export_circulation,
            ..ExportOptions::new(self.lang, self.today)
        };
        let rendered = export::render(project, format, &options);
        self.write_export(path, rendered);
    }

    /// Writes the comparison being shown.
    pub(super) fn export_comparison_to(&mut self, format: Format, path: &Path) {
        let Some(shown) = &self.comparison else {
            return;
        };
        let rendered = crate::compare::render(&shown.comparison, format);
        self.write_export(path, rendered);
    }

    /// Merges another laptop's file: at once when nothing differs, else after the facilitator
    /// has chosen, difference by difference.
    pub(super) fn merge_from(&mut self, path: &Path, clock: &super::Clock) {
        let Some(project) = self.project() else {
            return;
        };
        let other = match file::load(path) {
            Ok(other) => other,
            Err(error) => {
                self.fail(Failure::Open {
                    path: path.to_owned(),
                    error,
                });
                return;
            }
        };
        let merged = crate::project::merge::merge(project, &other, self.lang);
        self.path_entry = None;
        if merged.conflicts.is_empty() {
            self.finish_merge(&merged, &[], clock);
        } else {
            let choices = vec![false; merged.conflicts.len()];
            self.merging = Some(super::PendingMerge { merged, choices });
        }
    }

    pub(super) fn finish_merge(
        &mut self,
        merged: &crate::project::merge::Merged,
        choices: &[bool],
        clock: &super::Clock,
    ) {
        let mut project = merged.project.clone();
        for (conflict, theirs) in merged.conflicts.iter().zip(choices) {
            if *theirs {
                conflict.take_theirs(&mut project);
            }
        }
        if let Err((problem, place)) = project.validate() {
            self.fail(Failure::Open {
                path: std::path::PathBuf::new(),
                error: file::FileError::Invalid { problem, place },
            });
            return;
        }
        self.edit(super::Edit::Replace(Box::new(project)), clock);
        self.notify(Notice::Merged {
            added: merged.added_teams.len(),
            merged: merged.merged_teams.len(),
        });
    }

    /// The current team's paper answer sheets, one A4 page per member.
    pub(super) fn write_sheets(&mut self, path: &Path) {
        let Some(project) = self.project() else {
            return;
        };
        let team = self
            .team_id()
            .and_then(|id| project.team(id))
            .map(|t| t.name.clone());
        let rendered = crate::export::pdf::render_sheets(project, team.as_deref(), self.lang);
        self.write_export(path, rendered);
    }

    /// Writes what an export rendered, and says how it went.
    fn write_export(&mut self, path: &Path, rendered: Result<Vec<u8>, export::ExportError>) {
        let failure = match rendered {
            Ok(bytes) => match file::write_atomically(path, &bytes, false) {
                Ok(()) => None,
                Err(error) => Some(Failure::ExportWrite {
                    path: path.to_owned(),
                    error,
                }),
            },
            Err(error) => Some(Failure::Export {
                path: path.to_owned(),
                error,
            }),
        };
        match failure {
            None => {
                self.path_entry = None;
                self.notify(Notice::Exported(path.to_owned()));
            }
            Some(failure) => self.fail(failure),
        }
    }

    pub(super) fn import_baseline(&mut self, path: &Path, clock: &Clock) {
        match file::load(path) {
            Ok(previous) => {
                let baseline = previous.as_baseline();
                self.edit(super::Edit::SetBaseline(Some(baseline)), clock);
                self.path_entry = None;
                self.notify(Notice::BaselineImported(previous.meta.title));
            }
            Err(error) => self.fail(Failure::ImportBaseline {
                path: path.to_owned(),
                error,
            }),
        }
    }

    /// Reopens a recovered project: unsaved, with its original path, still autosaved to the same file.
    pub(super) fn restore(&mut self, file: &Path) {
        match recovery::read(file) {
            Ok(r) => {
                let doc = Document::restored(r.project, r.original_path, file);
                self.recovered.retain(|x| x.file != file);
                self.set_document(doc, Screen::Overview);
                self.notify(Notice::Restored);
            }
            Err(error) => self.fail(Failure::Restore(error)),
        }
    }

    pub(super) fn discard_recovery(&mut self, file: &Path) {
        match recovery::remove(file) {
            Ok(()) => self.recovered.retain(|r| r.file != file),
            Err(error) => self.fail(Failure::RecoveryNotDeleted {
                file: file.to_owned(),
                error,
            }),
        }
    }

    /// Deletes the open project's recovery copy: it was saved, or its changes were given up.
    pub(super) fn drop_recovery(&mut self) {
        let Some(file) = self.doc.as_mut().and_then(|d| d.recovery_file.take()) else {
            return;
        };
        if let Err(error) = recovery::remove(&file) {
            self.fail(Failure::RecoveryNotDeleted { file, error });
        }
    }

    /// Asks for a path with the system's dialog.
    pub(super) fn ask_path(&mut self, purpose: Purpose, fx: &mut Vec<Effect>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        fx.push(Effect::AskPath {
            purpose,
            title: purpose.dialog_title(self.lang),
            suggested: self.suggested_path(purpose),
        });
    }

    /// Offers a path field, filled with where the file would go.
    pub(super) fn enter_path(&mut self, purpose: Purpose) {
        let text = match purpose {
            // An open dialog suggests a folder; a typed path needs a file, so start from the folder.
            Purpose::Open | Purpose::ImportBaseline | Purpose::CompareFolder | Purpose::Merge => {
                let mut folder = self.suggested_folder().display().to_string();
                folder.push(std::path::MAIN_SEPARATOR);
                folder
            }
            _ => self.suggested_path(purpose).display().to_string(),
        };
        self.path_entry = Some(PathEntry { purpose, text });
    }

    /// Switches the typed-path export to `format`, changing the path's ending to match.
    pub(super) fn enter_path_format(&mut self, format: Format) {
        let Some(entry) = &mut self.path_entry else {
            return;
        };
        let Purpose::Export(old) = entry.purpose else {
            return;
        };
        let old_tail = format!("{}.{}", old.file_suffix(), old.extension());
        let new_tail = format!("{}.{}", format.file_suffix(), format.extension());
        if let Some(stem) = entry.text.strip_suffix(&old_tail) {
            entry.text = format!("{stem}{new_tail}");
        }
        entry.purpose = Purpose::Export(format);
    }

    /// A path was chosen in a dialog or typed: give a path to write the right ending, and act on it.
    pub(super) fn path_chosen(
        &mut self,
        purpose: Purpose,
        path: PathBuf,
        clock: &Clock,
        fx: &mut Vec<Effect>,
    ) {
        let path = match purpose.write_extension() {
            Some(extension) => with_extension(path, extension),
            None => path,
        };
        let command: super::Command = match purpose {
            Purpose::Open => FileCommand::Open(path).into(),
            Purpose::ImportBaseline => FileCommand::ImportBaselineFrom(path).into(),
            Purpose::SaveAs => FileCommand::SaveTo(path).into(),
            Purpose::Export(format) => FileCommand::ExportTo(format, path).into(),
            Purpose::CompareFolder => CompareCommand::Files(vec![path]).into(),
            Purpose::ExportComparison(format) => CompareCommand::ExportTo(format, path).into(),
            Purpose::Sheets => FileCommand::WriteSheets(path).into(),
            Purpose::Merge => MergeCommand::From(path).into(),
        };
        self.dispatch(command, clock, fx);
    }

    /// The folder files go to: beside the project, else where the last file was, else the
    /// user's documents folder (never "wherever Kizuki was started from").
    fn suggested_folder(&self) -> PathBuf {
        let from_doc = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf));
        let from_recent = || {
            self.settings
                .recent
                .first()
                .and_then(|p| p.parent().map(Path::to_path_buf))
        };
        from_doc
            .or_else(from_recent)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
            })
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Where a file for `purpose` would go: in [`Self::suggested_folder`], named after the project.
    pub fn suggested_path(&self, purpose: Purpose) -> PathBuf {
        let doc = self.doc.as_ref();
        let title = doc.map_or("", |d| d.project.meta.title.as_str());
        let name = match purpose {
            Purpose::Open | Purpose::ImportBaseline | Purpose::CompareFolder | Purpose::Merge => {
                String::new()
            }
            Purpose::Sheets => format!(
                "{}-{}.pdf",
                doc.and_then(|d| d.path.as_deref())
                    .and_then(file::project_stem)
                    .unwrap_or_else(|| file::file_stem_for(title)),
                crate::tr!(self.lang, "sheets.file_suffix")
            ),
            Purpose::ExportComparison(format) => format!(
                "{}.{}",
                crate::tr!(self.lang, "compare.file_stem"),
                format.extension()
            ),
            Purpose::SaveAs => {
                let saved = doc
                    .and_then(|d| d.path.as_ref())
                    .and_then(|p| p.file_name());
                let Some(name) = saved else {
                    // Never saved: the title and the round's date, so that a later round beside
                    // an earlier one gets a name of its own, and never an existing file's.
                    let date = doc.and_then(|d| d.project.meta.date);
                    let folder = self.suggested_folder();
                    return unused(&folder, &file::file_stem_for(title), date);
                };
                name.to_string_lossy().into_owned()
            }
            Purpose::Export(format) => {
                let stem = doc
                    .and_then(|d| d.path.as_deref())
                    .and_then(file::project_stem)
                    .unwrap_or_else(|| file::file_stem_for(title));
                format!("{stem}{}.{}", format.file_suffix(), format.extension())
            }
        };
        self.suggested_folder().join(name)
    }
}

/// `<stem>-<date>.kizuki.ron` in `folder`, or with `-2`, `-3`… where that file exists already.
fn unused(folder: &Path, stem: &str, date: Option<chrono::NaiveDate>) -> PathBuf {
    let stem = match date {
        Some(date) => format!("{stem}-{}", date.format("%Y-%m-%d")),
        None => stem.to_owned(),
    };
    (1..1000)
        .map(|n| match n {
            1 => folder.join(format!("{stem}.{}", file::EXTENSION)),
            n => folder.join(format!("{stem}-{n}.{}", file::EXTENSION)),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| folder.join(format!("{stem}.{}", file::EXTENSION)))
}

/// Adds `.ext` unless the path already ends with it (dialogs on some systems drop the filter's
/// ending, and people type names without one).
pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.to_lowercase().ends_with(&format!(".{ext}")) {
        path
    } else {
        path.with_file_name(format!("{name}.{ext}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_paths_get_their_ending_once() {
        assert_eq!(
            with_extension(PathBuf::from("/a/秋"), "kizuki.ron"),
            PathBuf::from("/a/秋.kizuki.ron")
        );
        assert_eq!(
            with_extension(PathBuf::from("/a/秋.KIZUKI.RON"), "kizuki.ron"),
            PathBuf::from("/a/秋.KIZUKI.RON")
        );
        assert_eq!(
            with_extension(PathBuf::from("/a/r.pdf"), "pdf"),
            PathBuf::from("/a/r.pdf")
        );
    }
}
