//! [`Session::handle`]: the one place where commands change the session.

use super::command::{
    Command, CompareCommand, ConflictChoice, Done, Effect, FileCommand, MergeCommand, PathCommand,
    Purpose, Screen, UnsavedChoice, ViewChange,
};
use super::document::Document;
use super::settings::{Settings, ZOOM_STEP};
use super::ui_command::UICommand;
use super::{
    Clock, Edit, Focus, Notice, Overlay, Page, REMOVAL_SHOWN_FOR, Removed, Session, ShownRemoval,
};
use crate::project::{Project, sample_project};

/// The zoom of the projector-safe mode at least: readable from the back of a room.
pub const PROJECTOR_ZOOM: f32 = 1.3;

impl Session {
    /// Carries out `command` at `clock`'s time; returns what the window must do as a result.
    #[must_use]
    pub fn handle(&mut self, command: Command, clock: &Clock) -> Vec<Effect> {
        self.today = self.today_override.unwrap_or_else(|| clock.today());
        self.now = clock.instant;
        let mut effects = Vec::new();
        self.dispatch(command, clock, &mut effects);
        self.voting_follows(&mut effects);
        effects
    }

    /// Runs `command`, unless it would drop unsaved changes: then it waits for the answer to
    /// "save first?" (and runs once saved, or given up).
    pub(super) fn dispatch(&mut self, command: Command, clock: &Clock, fx: &mut Vec<Effect>) {
        if drops_document(&command) && self.is_dirty() && !self.close_confirmed {
            self.pending = Some(command);
        } else {
            self.proceed(command, clock, fx);
        }
    }

    fn proceed(&mut self, command: Command, clock: &Clock, fx: &mut Vec<Effect>) {
        match command {
            Command::Run(ui) => self.run(ui, clock, fx),
            Command::Edit(edit) => self.edit(edit, clock),
            Command::View(change) => self.change_view(change),
            Command::Show(screen) => self.show(screen),
            Command::SelectTeam(team) => {
                self.team = Some(team);
                self.view.vote_cursor = None;
            }
            Command::LevelKey { answer, target } => self.level_key(answer, target, clock),
            Command::MoveVoteCursor(step) => self.move_vote_cursor(step),
            Command::File(command) => self.file_command(command, clock, fx),
            Command::Path(command) => self.path_command(command, clock, fx),
            Command::Compare(command) => self.compare_command(command, fx),
            Command::Merge(command) => self.merge_command(command, clock),
            Command::Vote(command) => self.vote_command(command, fx),
            Command::Unsaved(choice) => self.answer_unsaved(choice, clock, fx),
            Command::Conflict(choice) => self.answer_conflict(choice, clock, fx),
            Command::DismissMessage => self.notice = None,
            Command::SetWifi { wifi, shown } => self.set_wifi(wifi, shown),
            Command::DismissError => {
                self.error = None;
                self.repair_offer = None;
            }
            Command::CloseRequested => self.quit(fx),
            Command::Tick => {
                self.fade_removal(clock, fx);
                if self.timer.is_running() {
                    // A running timer shows its seconds: one wake-up a second, no more.
                    fx.push(Effect::RepaintAfter(std::time::Duration::from_secs(1)));
                }
                self.autosave_tick(clock, fx);
            }
            Command::Done(done) => self.done(done, clock, fx),
        }
    }

    fn file_command(&mut self, command: FileCommand, clock: &Clock, fx: &mut Vec<Effect>) {
        match command {
            FileCommand::Open(path) => self.open(&path),
            FileCommand::SaveTo(path) => self.save_to(&path, clock, fx),
            FileCommand::ExportTo(format, path) => self.export_to(format, &path),
            FileCommand::ImportBaselineFrom(path) => self.import_baseline(&path, clock),
            FileCommand::WriteSheets(path) => self.write_sheets(&path),
            FileCommand::ForgetRecent(path) => {
                self.settings.forget(&path);
                self.save_settings();
            }
            FileCommand::OpenFolder(path) => fx.push(Effect::OpenFolder(path)),
            FileCommand::Restore(file) => self.restore(&file),
            FileCommand::DiscardRecovery(file) => self.discard_recovery(&file),
            FileCommand::DismissNewerCopy => self.newer_copy = None,
            FileCommand::OpenRepaired => self.open_repaired(),
            FileCommand::DismissRepairs => self.repairs_made.clear(),
            FileCommand::RecoverVotes(journal) => self.recover_votes(&journal, clock),
            FileCommand::DiscardVotes(journal) => self.discard_votes(&journal),
        }
    }

    fn path_command(&mut self, command: PathCommand, clock: &Clock, fx: &mut Vec<Effect>) {
        match command {
            PathCommand::Ask(purpose) => self.ask_path(purpose, fx),
            PathCommand::Enter(purpose) => self.enter_path(purpose),
            PathCommand::EnterText(text) => {
                if let Some(entry) = &mut self.path_entry {
                    entry.text = text;
                }
            }
            PathCommand::EnterFormat(format) => self.enter_path_format(format),
            PathCommand::Submit => {
                if let Some(entry) = self.path_entry.clone()
                    && !entry.text.trim().is_empty()
                {
                    let path = std::path::PathBuf::from(entry.text.trim());
                    // A typed path that names a file already there asks first, as a save
                    // dialog does: the previous round's file must never go by surprise.
                    let target = match entry.purpose.write_extension() {
                        Some(extension) => super::files::with_extension(path.clone(), extension),
                        None => path.clone(),
                    };
                    let own = self.doc.as_ref().and_then(|d| d.path.as_deref()) == Some(&target);
                    if entry.purpose.writes() && target.is_file() && !own {
                        self.replace = Some((entry.purpose, target));
                    } else {
                        self.path_chosen(entry.purpose, path, clock, fx);
                    }
                }
            }
            PathCommand::Replace(yes) => {
                if let Some((purpose, path)) = self.replace.take()
                    && yes
                {
                    self.path_chosen(purpose, path, clock, fx);
                }
            }
            PathCommand::Cancel => {
                self.path_entry = None;
                self.after_save = None;
            }
        }
    }

    fn compare_command(&mut self, command: CompareCommand, fx: &mut Vec<Effect>) {
        match command {
            CompareCommand::Files(inputs) => {
                self.path_entry = None;
                self.comparing = true;
                fx.push(Effect::LoadComparison {
                    inputs,
                    lang: self.lang,
                });
            }
            CompareCommand::By(by) => {
                if let Some(shown) = &mut self.comparison {
                    shown.comparison =
                        crate::compare::Comparison::build(&shown.loaded, by, self.lang)
                            .made_on(self.today);
                }
            }
            CompareCommand::ExportTo(format, path) => self.export_comparison_to(format, &path),
            CompareCommand::Close => {
                self.comparison = None;
                if self.view.page == Some(super::Page::Compare) {
                    self.view.page = None;
                }
            }
        }
    }

    fn merge_command(&mut self, command: MergeCommand, clock: &Clock) {
        match command {
            MergeCommand::From(path) => self.merge_from(&path, clock),
            MergeCommand::Choice { index, theirs } => {
                if let Some(slot) = self.merging.as_mut().and_then(|m| m.choices.get_mut(index)) {
                    *slot = theirs;
                }
            }
            MergeCommand::ChooseAll { theirs } => {
                if let Some(m) = &mut self.merging {
                    m.choices.iter_mut().for_each(|c| *c = theirs);
                }
            }
            MergeCommand::Apply => {
                if let Some(pending) = self.merging.take() {
                    self.finish_merge(&pending.merged, &pending.choices, clock);
                }
            }
            MergeCommand::Cancel => self.merging = None,
        }
    }

    /// What a dialog or another thread reports back.
    fn done(&mut self, done: Done, clock: &Clock, fx: &mut Vec<Effect>) {
        match done {
            Done::PathChosen {
                purpose,
                path,
                shown,
            } => {
                self.dialog_open = false;
                match path {
                    Some(path) => self.path_chosen(purpose, path, clock, fx),
                    None if !shown => {
                        self.notify(Notice::NoDialog);
                        self.enter_path(purpose);
                    }
                    // Cancelled: a save asked for by "save first?" did not happen.
                    None => self.after_save = None,
                }
            }
            Done::ComparisonLoaded(loaded) => {
                self.comparing = false;
                let by = self
                    .comparison
                    .as_ref()
                    .map_or_else(Default::default, |c| c.comparison.by);
                let comparison =
                    crate::compare::Comparison::build(&loaded, by, self.lang).made_on(self.today);
                self.comparison = Some(super::ShownComparison {
                    loaded: *loaded,
                    comparison,
                });
                self.view.page = Some(super::Page::Compare);
                self.view.screen_serial += 1;
            }
            Done::VotingStarted {
                urls,
                reachable,
                standing,
                journal,
            } => self.voting_started(urls, reachable, standing, journal),
            Done::VotingFailed(error) => self.voting_failed(error),
            Done::VoteEvent(event) => self.vote_event(event, clock, fx),
            Done::NameReleased(released) => self.name_released(released),
            Done::NameRestored(restored) => {
                self.notify(match restored {
                    Some(left_out) => Notice::NameRestored { left_out },
                    None => Notice::NameNotRestored,
                });
            }
            Done::BallotsCollected {
                ballots,
                shown,
                document,
                journal,
            } => {
                // Into the document they were cast for only; otherwise the journal stays, and the
                // next start offers them back.
                if self.doc.as_ref().map(|d| d.revision().0) == Some(document) {
                    self.record_ballots(ballots, shown, clock);
                    if let Some((journal, doc)) = journal.zip(self.doc.as_ref()) {
                        self.journals_done.push((journal, doc.generation()));
                    }
                }
            }
            Done::FolderNotOpened { path, kind } => {
                self.fail(super::Failure::OpenFolder { path, kind });
            }
            Done::AutosaveFinished { generation, result } => {
                self.autosave_finished(generation, result, clock, fx);
            }
        }
    }

    fn run(&mut self, command: UICommand, clock: &Clock, fx: &mut Vec<Effect>) {
        if !self.is_enabled(command) {
            return;
        }
        match command {
            UICommand::New => {
                let project = Project::new("", "", self.lang, clock.wall);
                self.set_document(Document::unsaved(project), Screen::Setup);
            }
            UICommand::Open => self.ask_path(Purpose::Open, fx),
            UICommand::OpenByPath => self.enter_path(Purpose::Open),
            UICommand::OpenSample => {
                self.set_document(Document::unsaved(sample_project()), Screen::Overview);
            }
            UICommand::Save => match self.doc.as_ref().and_then(|d| d.path.clone()) {
                Some(path) => self.save_to(&path, clock, fx),
                None => self.ask_path(Purpose::SaveAs, fx),
            },
            UICommand::SaveAs => self.ask_path(Purpose::SaveAs, fx),
            UICommand::SaveByPath => self.enter_path(Purpose::SaveAs),
            UICommand::Export(format) => self.ask_path(Purpose::Export(format), fx),
            UICommand::ExportByPath => self.enter_path(Purpose::Export(crate::export::Format::Pdf)),
            UICommand::NextRound => {
                if let Some(doc) = &self.doc {
                    let next = doc.next_round(clock.wall);
                    // A round begins with what was promised last time.
                    let first = if next.project.has_carried_actions() {
                        Screen::Review
                    } else {
                        Screen::Setup
                    };
                    self.set_document(next, first);
                    self.notify(Notice::NextRound);
                }
            }
            UICommand::ImportBaseline => self.ask_path(Purpose::ImportBaseline, fx),
            UICommand::ImportBaselineByPath => self.enter_path(Purpose::ImportBaseline),
            UICommand::Close => {
                self.stop_voting(fx);
                self.drop_recovery();
                self.doc = None;
                self.path_entry = None;
            }
            UICommand::Quit => self.quit(fx),
            UICommand::Undo => {
                if let Some(doc) = &mut self.doc {
                    doc.undo(clock.instant);
                }
            }
            UICommand::Redo => {
                if let Some(doc) = &mut self.doc {
                    doc.redo(clock.instant);
                }
            }
            UICommand::ShowSetup => self.show(Screen::Setup),
            UICommand::ShowOverview => self.show(Screen::Overview),
            UICommand::NextItem => self.show(self.next_screen()),
            UICommand::PreviousItem => self.show(self.previous_screen()),
            UICommand::NextTeam => self.step_team(1),
            UICommand::PreviousTeam => self.step_team(-1),
            UICommand::TimerStartPause => {
                if self.timer.is_running() {
                    self.timer.pause(clock.instant);
                } else if let Screen::Item(item) = self.screen {
                    self.timer.start(item, clock.instant);
                }
            }
            UICommand::TimerAddTime => {
                if let Screen::Item(item) = self.screen {
                    self.timer.add_time(item);
                }
            }
            UICommand::ChartOnly => {
                self.toggle_page(Page::ChartOnly);
                if self.view.page.is_some() {
                    self.screen = Screen::Overview;
                }
            }
            UICommand::ExportCirculation => {
                self.settings.export_circulation = !self.settings.export_circulation;
                self.save_settings();
            }
            UICommand::ToggleGuide => {
                self.settings.show_guide = !self.settings.show_guide;
                self.save_settings();
            }
            UICommand::Language(lang) => {
                self.lang = lang;
                self.settings.lang = Some(lang);
                self.save_settings();
            }
            UICommand::Theme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
                if !self.view.projector {
                    fx.push(Effect::ApplyTheme(theme));
                }
            }
            UICommand::ZoomIn => self.zoom(self.settings.zoom + ZOOM_STEP, fx),
            UICommand::ZoomOut => self.zoom(self.settings.zoom - ZOOM_STEP, fx),
            UICommand::ZoomReset => self.zoom(1.0, fx),
            UICommand::CommandPalette => self.toggle_overlay(Overlay::Palette),
            UICommand::Shortcuts => self.toggle_overlay(Overlay::Shortcuts),
            UICommand::AboutChecklist => self.toggle_page(Page::About),
            UICommand::CompareFiles => self.ask_path(super::Purpose::CompareFolder, fx),
            UICommand::PrintSheets => self.ask_path(super::Purpose::Sheets, fx),
            UICommand::MergeFile => self.ask_path(super::Purpose::Merge, fx),
            UICommand::EntryGrid => self.toggle_page(Page::EntryGrid),
            UICommand::PresenterWindow => self.view.presenter = !self.view.presenter,
            UICommand::ProjectorMode => self.toggle_projector(fx),
        }
    }

    pub(super) fn edit(&mut self, edit: Edit, clock: &Clock) {
        let Some(doc) = &mut self.doc else { return };
        let added_action = match &edit {
            Edit::AddAction { team, item, .. } => Some((*team, *item)),
            _ => None,
        };
        let removed = Removed::by(&edit, &doc.project);
        if !doc.apply(edit, clock.instant) {
            return;
        }
        // A removal is said, with a way back, for a little while.
        if let Some(removed) = removed {
            self.removal = Some(ShownRemoval {
                removed,
                generation: doc.generation(),
                until: clock.instant + REMOVAL_SHOWN_FOR,
            });
        }
        // The action just added takes the keyboard: its id is whatever the edit gave it.
        if let Some((team, item)) = added_action
            && let Some(action) = doc
                .project
                .team(team)
                .and_then(|t| t.responses[item].actions.last())
        {
            let focus = Focus::Action {
                team,
                item,
                action: action.id,
            };
            let serial = self.serial();
            self.view.focus = Some((serial, focus));
        }
    }

    /// The member ids of the team being walked through, in order.
    fn members(&self) -> Vec<u32> {
        self.team_id()
            .and_then(|id| self.project()?.team(id))
            .map(|t| t.members.iter().map(|m| m.id).collect())
            .unwrap_or_default()
    }

    /// Remembers `wifi` first among the networks (a name seen before is updated, not repeated).
    fn set_wifi(&mut self, wifi: crate::vote::qr::Wifi, shown: bool) {
        /// Networks kept: a few rooms' hotspots, not a history.
        const KEPT: usize = 5;
        let networks = &mut self.settings.wifi;
        if !wifi.ssid.trim().is_empty() {
            networks.retain(|w| w.ssid != wifi.ssid);
            networks.insert(0, wifi);
            networks.truncate(KEPT);
        }
        self.settings.show_wifi = shown && !networks.is_empty();
        self.save_settings();
    }

    fn level_key(&mut self, answer: Option<crate::project::Answer>, target: bool, clock: &Clock) {
        let (Screen::Item(item), Some(team)) = (self.screen, self.team_id()) else {
            return;
        };
        let members = self.members();
        let cursor = self.view.vote_cursor.filter(|m| members.contains(m));
        match cursor {
            Some(member) if !target => {
                self.edit(
                    Edit::SetVote {
                        team,
                        item,
                        member,
                        answer,
                    },
                    clock,
                );
                // On to the next member, as people around the table call out their votes.
                let next = members.iter().position(|&m| m == member).map(|i| i + 1);
                self.view.vote_cursor = next.and_then(|i| members.get(i).copied());
            }
            // While votes are hidden (typed, or open on the phones), digits are for votes only:
            // a stray one after the last member's vote must not put a score before the room.
            _ if self.votes_hidden(team, item) => self.notify(Notice::DigitsForVotes),
            // A score or a target is a level: 「わからない」 is only ever a member's answer.
            _ if answer == Some(crate::project::Answer::DontKnow) => {}
            _ if target => {
                let level = answer.and_then(crate::project::Answer::level);
                self.edit(Edit::SetTarget { team, item, level }, clock);
            }
            _ => {
                let level = answer.and_then(crate::project::Answer::level);
                self.edit(Edit::SetScore { team, item, level }, clock);
            }
        }
    }

    /// Whether `item`'s votes are still hidden: typed and not revealed, or being cast on phones.
    fn votes_hidden(&self, team: u32, item: crate::checklist::ItemId) -> bool {
        let typed = self.project().and_then(|p| p.team(team)).is_some_and(|t| {
            let r = &t.responses[item];
            !r.votes.is_empty() && !r.votes_revealed
        });
        let on_phones = self
            .voting
            .as_ref()
            .is_some_and(|v| v.team == team && v.status(item).is_some_and(|s| !s.revealed));
        typed || on_phones
    }

    fn move_vote_cursor(&mut self, step: i8) {
        let members = self.members();
        if members.is_empty() || !matches!(self.screen, Screen::Item(_)) {
            return;
        }
        let last = members.len() - 1;
        let current = self
            .view
            .vote_cursor
            .and_then(|m| members.iter().position(|&x| x == m));
        let next = match (current, step.signum()) {
            (None, 1) => Some(0),
            (None, _) => Some(last),
            (Some(i), 1) => (i < last).then_some(i + 1),
            (Some(i), _) => i.checked_sub(1),
        };
        self.view.vote_cursor = next.map(|i| members[i]);
    }

    fn fade_removal(&mut self, clock: &Clock, fx: &mut Vec<Effect>) {
        if let Some(shown) = &self.removal {
            if clock.instant >= shown.until {
                self.removal = None;
            } else {
                fx.push(Effect::RepaintAfter(shown.until - clock.instant));
            }
        }
    }

    fn show(&mut self, screen: Screen) {
        self.view.page = None;
        if screen != self.screen {
            self.view.screen_serial += 1;
            self.view.vote_cursor = None;
            let item = match screen {
                Screen::Item(item) => Some(item),
                _ => None,
            };
            self.timer.follow(item, self.now);
        }
        self.screen = screen;
    }

    fn toggle_page(&mut self, page: Page) {
        self.view.page = (self.view.page != Some(page)).then_some(page);
    }

    fn step_team(&mut self, step: isize) {
        let Some(project) = self.project() else {
            return;
        };
        let ids: Vec<u32> = project.teams.iter().map(|t| t.id).collect();
        let Some(current) = self
            .team_id()
            .and_then(|id| ids.iter().position(|&t| t == id))
        else {
            return;
        };
        let next = (current as isize + step).rem_euclid(ids.len() as isize);
        self.team = ids.get(next as usize).copied();
        self.view.vote_cursor = None;
    }

    fn zoom(&mut self, zoom: f32, fx: &mut Vec<Effect>) {
        self.settings.zoom = Settings::clamp_zoom(zoom);
        self.save_settings();
        let shown = if self.view.projector {
            self.settings.zoom.max(PROJECTOR_ZOOM)
        } else {
            self.settings.zoom
        };
        fx.push(Effect::ApplyZoom(shown));
    }

    fn quit(&mut self, fx: &mut Vec<Effect>) {
        self.stop_voting(fx);
        self.drop_recovery();
        self.close_confirmed = true;
        fx.push(Effect::CloseWindow);
    }

    fn change_view(&mut self, change: ViewChange) {
        let view = &mut self.view;
        match change {
            ViewChange::StatusFilter(status) => view.status_filter = status,
            ViewChange::OwnerFilter(owner) => view.owner_filter = owner,
            ViewChange::SortByDue(by_due) => view.sort_by_due = by_due,
            ViewChange::ToggleSeries(index) => {
                if !view.hidden_series.remove(&index) {
                    view.hidden_series.insert(index);
                }
            }
            ViewChange::Page(page) => view.page = page,
            ViewChange::Overlay(overlay) => view.overlay = overlay,
            ViewChange::VoteCursor(member) => view.vote_cursor = member,
            ViewChange::Presenter(on) => view.presenter = on,
            ViewChange::GridCursor(member, item) => view.grid_cursor = (member, item),
        }
    }

    /// The projector-safe mode: light and large while on, the user's own theme and zoom after.
    fn toggle_projector(&mut self, fx: &mut Vec<Effect>) {
        self.view.projector = !self.view.projector;
        if self.view.projector {
            fx.push(Effect::ApplyTheme(super::ThemeChoice::Light));
            fx.push(Effect::ApplyZoom(self.settings.zoom.max(PROJECTOR_ZOOM)));
        } else {
            fx.push(Effect::ApplyTheme(self.settings.theme));
            fx.push(Effect::ApplyZoom(self.settings.zoom));
        }
    }

    fn toggle_overlay(&mut self, overlay: Overlay) {
        self.view.overlay = if self.view.overlay == Some(overlay) {
            None
        } else {
            Some(overlay)
        };
    }

    fn answer_unsaved(&mut self, choice: UnsavedChoice, clock: &Clock, fx: &mut Vec<Effect>) {
        let Some(next) = self.pending.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => self.proceed(next, clock, fx),
            UnsavedChoice::Save => {
                // Once saved (now, or after a dialog or a conflict question), `next` runs.
                self.after_save = Some(next);
                self.run(UICommand::Save, clock, fx);
            }
        }
    }

    fn answer_conflict(&mut self, choice: ConflictChoice, clock: &Clock, fx: &mut Vec<Effect>) {
        let Some(path) = self.conflict.take() else {
            return;
        };
        match choice {
            ConflictChoice::Overwrite => self.write_project(&path, clock, fx),
            ConflictChoice::SaveAs => self.ask_path(Purpose::SaveAs, fx),
            ConflictChoice::Cancel => self.after_save = None,
        }
    }

    /// The save asked for by "save first?" succeeded: run what was waiting.
    pub(super) fn saved(&mut self, clock: &Clock, fx: &mut Vec<Effect>) {
        if let Some(generation) = self.doc.as_ref().map(super::Document::generation) {
            self.forget_journals(generation);
        }
        if let Some(next) = self.after_save.take() {
            self.proceed(next, clock, fx);
        }
    }
}

/// Commands that replace or close the open project, which must not silently drop its changes.
fn drops_document(command: &Command) -> bool {
    matches!(
        command,
        Command::Run(
            UICommand::New
                | UICommand::OpenSample
                | UICommand::NextRound
                | UICommand::Close
                | UICommand::Quit
        ) | Command::File(
            FileCommand::Open(_) | FileCommand::Restore(_) | FileCommand::RecoverVotes(_)
        ) | Command::CloseRequested
    )
}
