//! Phone voting as the session sees it: what to ask the window to start or stop, and the votes
//! that come back, recorded as ordinary, undoable edits.

use super::command::{Effect, Screen};
use super::{Clock, Edit, Failure, Session, Voting};
use crate::vote::{Event, ItemStatus, PollConfig, Revealed, Scope};

impl Session {
    pub(super) fn start_voting(&mut self, scope: Scope, anonymous: bool, fx: &mut Vec<Effect>) {
        let Some(team) = self
            .team_id()
            .and_then(|id| self.project().and_then(|p| p.team(id)))
        else {
            return;
        };
        if !anonymous && team.members.is_empty() {
            self.fail(Failure::VotingWithoutMembers);
            return;
        }
        let config = PollConfig::for_team(team, scope, anonymous);
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
        });
        fx.push(Effect::StartVoteServer {
            config,
            bind: self.vote_bind,
        });
    }

    pub(super) fn voting_started(
        &mut self,
        urls: Vec<String>,
        reachable: bool,
        statuses: Vec<ItemStatus>,
    ) {
        if let Some(voting) = &mut self.voting {
            voting.urls = urls;
            voting.reachable = reachable;
            voting.statuses = statuses;
        }
    }

    pub(super) fn voting_failed(&mut self, message: String) {
        self.voting = None;
        self.fail(Failure::Voting(message));
    }

    pub(super) fn vote_event(&mut self, event: Event, clock: &Clock) {
        match event {
            Event::Changed(statuses) => {
                if let Some(voting) = &mut self.voting {
                    voting.statuses = statuses;
                }
            }
            // Only while voting is open: an event still on its way from a stopped server (its
            // project closed meanwhile) is not recorded anywhere.
            Event::Revealed(revealed) if self.voting.is_some() => {
                self.record_ballots(vec![revealed], true, clock);
            }
            Event::Revealed(_) => {}
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
            if ballot.named.is_empty() && ballot.anonymous.is_none_or(|d| d.total() == 0) {
                continue;
            }
            self.edit(
                Edit::RecordBallots {
                    team: ballot.team,
                    item: ballot.item,
                    named: ballot.named,
                    anonymous: ballot.anonymous,
                    shown,
                },
                clock,
            );
        }
    }

    pub(super) fn stop_voting(&mut self, fx: &mut Vec<Effect>) {
        if let Some(voting) = self.voting.take() {
            fx.push(Effect::StopVoteServer {
                document: voting.document,
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
