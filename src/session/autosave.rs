//! The autosave's timing: a recovery copy is asked for a few seconds after the last edit, written by
//! the window on another thread, and its outcome reported back. A failure is shown until an
//! autosave succeeds again, since until then a crash would lose the work.

use super::command::{AutosaveFailure, AutosaveJob, Effect};
use super::recovery::{self, AUTOSAVE_DELAY};
use super::{Clock, Session};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// After a failed autosave, the next try waits this long (a full disk does not empty itself in a
/// frame, and each try costs a serialisation).
const RETRY_AFTER: Duration = Duration::from_secs(15);

#[derive(Default)]
pub(super) struct AutosaveState {
    /// The generation and file being written, while the thread runs.
    in_flight: Option<(u64, PathBuf)>,
    /// No new try before this.
    not_before: Option<Instant>,
}

impl Session {
    pub(super) fn autosave_tick(&mut self, clock: &Clock, fx: &mut Vec<Effect>) {
        if self.autosave.in_flight.is_some() {
            return;
        }
        if let Some(at) = self.autosave.not_before
            && clock.instant < at
        {
            fx.push(Effect::RepaintAfter(at - clock.instant));
            return;
        }
        let (Some(instance), Some(doc)) = (&mut self.instance, &mut self.doc) else {
            return;
        };
        match doc.autosave_due_in(clock.instant, AUTOSAVE_DELAY) {
            None => {}
            // One wake-up at the end of the debounce; nothing repaints in between.
            Some(wait) if !wait.is_zero() => fx.push(Effect::RepaintAfter(wait)),
            Some(_) => {
                // Serialising is quick (milliseconds for a large project); the disk write and sync
                // are not, so they run on the window's thread for that.
                let bytes = match recovery::to_bytes(&doc.project, doc.path.as_deref(), clock.wall)
                {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        self.autosave_failure = Some(recovery::RecoveryError::from(e).into());
                        return;
                    }
                };
                let file = doc
                    .recovery_file
                    .get_or_insert_with(|| instance.new_file())
                    .clone();
                doc.autosave_started();
                let generation = doc.generation();
                self.autosave.in_flight = Some((generation, file.clone()));
                fx.push(Effect::WriteAutosave(AutosaveJob {
                    file,
                    bytes,
                    generation,
                }));
            }
        }
    }

    pub(super) fn autosave_finished(
        &mut self,
        generation: u64,
        result: Result<(), AutosaveFailure>,
        clock: &Clock,
        fx: &mut Vec<Effect>,
    ) {
        let file = match self.autosave.in_flight.take() {
            Some((g, file)) if g == generation => file,
            other => {
                self.autosave.in_flight = other;
                return;
            }
        };
        match result {
            Ok(()) => {
                self.autosave_failure = None;
                self.autosave.not_before = None;
                self.forget_journals(generation);
            }
            Err(failure) => {
                self.autosave_failure = Some(failure);
                self.autosave.not_before = Some(clock.instant + RETRY_AFTER);
                // Written again at the next try, even without another edit.
                if let Some(doc) = &mut self.doc {
                    doc.autosave_retry();
                }
            }
        }
        // Saved or closed while the copy was being written: the copy is no longer wanted.
        let still_wanted = self
            .doc
            .as_ref()
            .is_some_and(|d| d.is_dirty() && d.recovery_file.as_deref() == Some(file.as_path()));
        if !still_wanted && let Err(error) = recovery::remove(&file) {
            self.fail(super::Failure::RecoveryNotDeleted { file, error });
        }
        // Changes made while it was written are due now.
        self.autosave_tick(clock, fx);
    }

    /// Waits for nothing: the window joins its autosave thread before calling this at a clean
    /// exit, which removes the recovery copy of a project whose changes were given up.
    pub fn shutdown(&mut self) {
        self.drop_recovery();
    }
}
