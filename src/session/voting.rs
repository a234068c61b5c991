//! Phone voting as the session sees it: what to ask the window to start or stop, the votes that
//! come back (recorded as ordinary, undoable edits), the names the facilitator releases, and the
//! journals of ballots an earlier run never saved.

use super::command::{Effect, Screen, VoteCommand};
use super::{Clock, Edit, Failure, Notice, Revote, Session, Voting};
use crate::checklist::ItemId;
use crate::vote::journal::Header;
use crate::vote::{Event, ItemStatus, PollConfig, Revealed, Scope, Standing};
use std::path::{Path, PathBuf};

impl Session {
    pub(super) fn vote_command(&mut self, command: VoteCommand, fx: &mut Vec<Effect>) {
        match command {
            VoteCommand::Start { .. } => self.ask_before_revote(command, fx),
            VoteCommand::ConfirmRevote(go) => {
                if let Some(revote) = self.revote.take()
                    && go
                {
                    self.start_voting(revote.start, fx);
                }
            }
            VoteCommand::Reveal(item) => {
                if let Some(voting) = &self.voting {
                    fx.push(Effect::RevealVotes {
                        item,
                        document: voting.document,
                    });
                }
            }
            VoteCommand::SetAutoReveal(on) => {
                if let Some(voting) = &mut self.voting {
                    voting.auto_reveal = on;
                    fx.push(Effect::VoteAutoReveal(on));
                }
            }
            VoteCommand::SetShared(on) => {
                let phones = self.phones_per_address(on);
                if let Some(voting) = &mut self.voting {
                    voting.shared_phones = on;
                    fx.push(Effect::VoteSharing(phones));
                }
            }
            VoteCommand::Release(member) => {
                if self.voting.is_some() {
                    fx.push(Effect::ReleaseName(member));
                }
            }
            VoteCommand::UndoRelease => {
                if let Some(released) = self.voting.as_mut().and_then(|v| v.released.pop()) {
                    fx.push(Effect::RestoreName(released));
                }
            }
            VoteCommand::Stop => self.stop_voting(fx),
        }
    }

    /// How many phones may vote from one address: 1, or with shared phones, the whole team.
    fn phones_per_address(&self, shared: bool) -> usize {
        if shared {
            self.voting
                .as_ref()
                .and_then(|v| self.project()?.team(v.team))
                .or_else(|| self.project()?.team(self.team_id()?))
                .map_or(1, |t| t.members.len().max(2))
        } else {
            1
        }
    }

    /// A new round on items that hold votes already replaces some of them: say which, and ask.
    fn ask_before_revote(&mut self, start: VoteCommand, fx: &mut Vec<Effect>) {
        let VoteCommand::Start {
            scope, anonymous, ..
        } = start
        else {
            return;
        };
        let items = match scope {
            Scope::Item(item) => vec![item],
            Scope::AllItems => ItemId::ALL.to_vec(),
        };
        let held: Vec<(ItemId, usize)> = self
            .team_id()
            .and_then(|id| self.project()?.team(id))
            .map(|team| {
                items
                    .iter()
                    .map(|&item| {
                        let r = &team.responses[item];
                        let count = if anonymous {
                            r.anonymous_votes.map_or(0, |d| d.total() as usize)
                        } else {
                            r.votes.len()
                        };
                        (item, count)
                    })
                    .filter(|(_, count)| *count > 0)
                    .collect()
            })
            .unwrap_or_default();
        if held.is_empty() {
            self.start_voting(start, fx);
        } else {
            self.revote = Some(Revote {
                start,
                items: held,
                anonymous,
            });
        }
    }

    fn start_voting(&mut self, start: VoteCommand, fx: &mut Vec<Effect>) {
        let VoteCommand::Start {
            scope,
            anonymous,
            ceiling,
            shared,
        } = start
        else {
            return;
        };
        let Some(team) = self
            .team_id()
            .and_then(|id| self.project().and_then(|p| p.team(id)))
        else {
            return;
        };
        if !self.policy.phone_voting {
            self.fail(Failure::Voting(super::command::Carried::new(
                crate::vote::StartError::TurnedOff(self.policy.clone()),
            )));
            return;
        }
        if !anonymous && team.members.is_empty() {
            self.fail(Failure::VotingWithoutMembers);
            return;
        }
        let mut config = PollConfig::for_team(team, scope, anonymous);
        config.names_private = self.project().is_some_and(|p| p.meta.names_private());
        if let Some(ceiling) = ceiling.filter(|_| anonymous) {
            config.ceiling = ceiling;
        }
        if config.effective_ceiling() == 0 {
            self.fail(Failure::VotingWithoutCeiling);
            return;
        }
        let header = Header {
            project: self
                .doc
                .as_ref()
                .and_then(|d| d.path.as_deref())
                .map(absolute),
            title: self
                .project()
                .map(|p| p.meta.title.clone())
                .unwrap_or_default(),
            team: team.id,
            team_name: team.name.clone(),
            anonymous,
            opened: chrono::Local::now().to_rfc3339(),
        };
        let team = team.id;
        let Some(document) = self.doc.as_ref().map(|d| d.revision().0) else {
            return;
        };
        self.stop_voting(fx);
        self.voting = Some(Voting {
            document,
            team,
            scope,
            anonymous,
            auto_reveal: false,
            urls: Vec::new(),
            reachable: true,
            statuses: Vec::new(),
            oversight: crate::vote::Oversight::default(),
            shared_phones: shared,
            journal: None,
            released: Vec::new(),
        });
        config.phones_per_address = self.phones_per_address(shared);
        fx.push(Effect::StartVoteServer {
            config,
            bind: self.vote_bind,
            journal: self
                .data_dir
                .as_deref()
                .map(|dir| (super::votes_dir(dir), header)),
            policy: Box::new(self.policy.clone()),
        });
    }

    pub(super) fn voting_started(
        &mut self,
        urls: Vec<String>,
        reachable: bool,
        standing: Standing,
        journal: Option<PathBuf>,
    ) {
        if let Some(voting) = &mut self.voting {
            voting.urls = urls;
            voting.reachable = reachable;
            voting.statuses = standing.items;
            voting.oversight = standing.oversight;
            voting.journal = journal;
        }
    }

    pub(super) fn voting_failed(
        &mut self,
        error: super::command::Carried<crate::vote::StartError>,
    ) {
        self.voting = None;
        self.fail(Failure::Voting(error));
    }

    pub(super) fn vote_event(&mut self, event: Event, clock: &Clock, fx: &mut Vec<Effect>) {
        match event {
            Event::Changed(standing) => {
                if let Some(voting) = &mut self.voting {
                    voting.statuses = standing.items;
                    voting.oversight = standing.oversight;
                }
            }
            // Only while voting is open: an event still on its way from a stopped server (its
            // project closed meanwhile) is not recorded anywhere.
            Event::Revealed(revealed) if self.voting.is_some() => {
                self.record_ballots(vec![revealed], true, clock);
            }
            Event::Revealed(_) => {}
            Event::NotJournaled { path, kind } => {
                self.fail(Failure::VotesNotJournaled { path, kind });
            }
            Event::Stopped => {
                self.fail(Failure::VotingStopped);
                self.stop_voting(fx);
            }
        }
    }

    /// A name was released in the server: say so, with a way back.
    pub(super) fn name_released(&mut self, released: Option<crate::vote::Released>) {
        let Some(released) = released else {
            return;
        };
        self.notify(Notice::NameReleased {
            name: released.name.clone(),
            ballots: released.ballots(),
        });
        if let Some(voting) = &mut self.voting {
            voting.released.push(released);
        }
    }

    /// The phones' votes become the project's: one undoable edit per item.
    pub(super) fn record_ballots(&mut self, ballots: Vec<Revealed>, shown: bool, clock: &Clock) {
        for ballot in ballots {
            if let Some(voting) = &mut self.voting
                && let Some(status) = voting.statuses.iter_mut().find(|s| s.item == ballot.item)
            {
                status.revealed |= shown;
            }
            if ballot.count() == 0 {
                continue;
            }
            self.edit(
                Edit::RecordBallots {
                    team: ballot.team,
                    item: ballot.item,
                    named: ballot.named,
                    anonymous: ballot.anonymous,
                    reasons: ballot.reasons,
                    shown,
                },
                clock,
            );
        }
    }

    pub(super) fn stop_voting(&mut self, fx: &mut Vec<Effect>) {
        if let Some(voting) = self.voting.take() {
            // Its ballots come back (with the journal's name) as `Done::BallotsCollected`.
            fx.push(Effect::StopVoteServer {
                document: voting.document,
            });
        }
    }

    /// The document was saved (or autosaved) at `generation`: the journals of ballots it holds
    /// by then are no longer needed.
    pub(super) fn forget_journals(&mut self, generation: u64) {
        let (done, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.journals_done)
            .into_iter()
            .partition(|(_, from)| *from <= generation);
        self.journals_done = later;
        for (journal, _) in done {
            if let Err(error) = std::fs::remove_file(&journal)
                && error.kind() != std::io::ErrorKind::NotFound
            {
                self.fail(Failure::RecoveryNotDeleted {
                    file: journal,
                    error,
                });
            }
        }
    }

    /// Ballots journaled in an earlier run, offered back: open their project (if it is not the
    /// one open) and record them, hidden until the facilitator reveals them, as undoable edits.
    pub(super) fn recover_votes(&mut self, file: &Path, clock: &Clock) {
        let Some(found) = self.vote_journals.iter().find(|f| f.file == file).cloned() else {
            return;
        };
        let open_here = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_deref())
            .map(absolute)
            .is_some_and(|p| Some(&p) == found.header.project.as_ref());
        if !open_here {
            let Some(project) = found.header.project.as_deref().filter(|p| p.exists()) else {
                self.fail(Failure::VotesProjectMissing {
                    journal: found.file.clone(),
                    project: found.header.project.clone(),
                });
                return;
            };
            self.open(project);
        }
        let team_exists = self
            .project()
            .is_some_and(|p| p.team(found.header.team).is_some());
        if !team_exists {
            self.fail(Failure::VotesProjectMissing {
                journal: found.file.clone(),
                project: found.header.project.clone(),
            });
            return;
        }
        let count = found.ballots();
        self.record_ballots(found.items.clone(), false, clock);
        self.vote_journals.retain(|f| f.file != found.file);
        if let Some(generation) = self.doc.as_ref().map(super::Document::generation) {
            self.journals_done.push((found.file, generation));
        }
        self.team = Some(found.header.team);
        self.notify(Notice::VotesRecovered { count });
    }

    /// The user does not want the ballots of an earlier run.
    pub(super) fn discard_votes(&mut self, file: &Path) {
        self.vote_journals.retain(|f| f.file != file);
        if let Err(error) = std::fs::remove_file(file)
            && error.kind() != std::io::ErrorKind::NotFound
        {
            self.fail(Failure::RecoveryNotDeleted {
                file: file.to_owned(),
                error,
            });
        }
    }

    /// After every command: voting stops when its project was closed or replaced, and
    /// single-item voting follows the facilitator from item to item, for the same team.
    pub(super) fn voting_follows(&mut self, fx: &mut Vec<Effect>) {
        let document = self.doc.as_ref().map(|d| d.revision().0);
        if let Some(voting) = &self.voting
            && document != Some(voting.document)
        {
            self.stop_voting(fx);
            return;
        }
        let team = self.team_id();
        let Some(voting) = &mut self.voting else {
            return;
        };
        if let (Scope::Item(voted), Screen::Item(shown)) = (voting.scope, self.screen)
            && voted != shown
            && team == Some(voting.team)
        {
            voting.scope = Scope::Item(shown);
            voting.statuses = vec![ItemStatus {
                item: shown,
                voted: 0,
                expected: voting.statuses.first().map_or(0, |s| s.expected),
                revealed: false,
                distribution: None,
            }];
            fx.push(Effect::VoteFollow(shown));
        }
    }
}

/// A path as the journal names it: absolute, so that another start finds the same file.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
