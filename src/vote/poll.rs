//! The ballots of one voting session, and the rules they follow: pure, no network, so that every
//! rule is unit-tested and the server is only transport.

use crate::checklist::ItemId;
use crate::project::{Distribution, Level, Team, Vote};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Which items the phones vote on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The item on the facilitator's screen; the phones follow when it changes.
    Item(ItemId),
    /// All ten, each member at their own pace.
    AllItems,
}

/// An unguessable id the server gives each phone (a cookie, or a hidden field without cookies).
pub type PhoneId = String;

/// What a vote can be refused for. Each is said to the phone in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// A name not in the team (named mode), or no name given.
    UnknownMember,
    /// A level outside 1–5, or not a number.
    BadLevel,
    /// An item that is not being voted on.
    UnknownItem,
    /// Another phone already votes under this name.
    NameTaken,
    /// The votes on this item were revealed: they can no longer change.
    Closed,
    /// No phone id (neither the cookie nor the form's field).
    NoBallot,
    /// A name was sent in anonymous mode, where none may be stored.
    NameNotWanted,
}

/// Who votes and how.
#[derive(Clone, Debug, PartialEq)]
pub struct PollConfig {
    pub team_id: u32,
    pub team_name: String,
    /// The members (id, name) in the project's order; in anonymous mode only their number matters.
    pub members: Vec<(u32, String)>,
    pub scope: Scope,
    pub anonymous: bool,
    /// Reveal an item by itself once every member has voted on it.
    pub auto_reveal: bool,
}

impl PollConfig {
    pub fn for_team(team: &Team, scope: Scope, anonymous: bool) -> PollConfig {
        PollConfig {
            team_id: team.id,
            team_name: team.name.trim().to_owned(),
            members: team
                .members
                .iter()
                .map(|m| (m.id, m.name.trim().to_owned()))
                .collect(),
            scope,
            anonymous,
            auto_reveal: false,
        }
    }
}

/// How an item's vote stands, as the window and the phones show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemStatus {
    pub item: ItemId,
    pub voted: usize,
    /// The number of members: who is expected to vote.
    pub expected: usize,
    pub revealed: bool,
    /// After the reveal, how many chose each level.
    pub distribution: Option<Distribution>,
}

/// The votes of one item at its reveal, to be recorded in the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revealed {
    pub team: u32,
    pub item: ItemId,
    pub named: Vec<Vote>,
    pub anonymous: Option<Distribution>,
}

/// Every ballot of a voting session.
#[derive(Clone, Debug)]
pub struct Poll {
    pub config: PollConfig,
    /// The item the phones show in [`Scope::Item`] mode.
    current: ItemId,
    /// (item, phone) → level: one ballot per phone and item.
    ballots: BTreeMap<(ItemId, PhoneId), Level>,
    /// Named mode: which phone votes under which member.
    claims: HashMap<u32, PhoneId>,
    revealed: BTreeSet<ItemId>,
}

impl Poll {
    pub fn new(config: PollConfig) -> Poll {
        let current = match config.scope {
            Scope::Item(item) => item,
            Scope::AllItems => ItemId::ALL[0],
        };
        Poll {
            config,
            current,
            ballots: BTreeMap::new(),
            claims: HashMap::new(),
            revealed: BTreeSet::new(),
        }
    }

    /// The items the phones may vote on now.
    pub fn items(&self) -> Vec<ItemId> {
        match self.config.scope {
            Scope::Item(_) => vec![self.current],
            Scope::AllItems => ItemId::ALL.to_vec(),
        }
    }

    /// The item shown in single-item mode.
    pub fn current(&self) -> ItemId {
        self.current
    }

    /// Moves single-item voting to `item` (the facilitator went on); its ballots start empty
    /// unless it was voted on already in this session.
    pub fn follow(&mut self, item: ItemId) {
        if matches!(self.config.scope, Scope::Item(_)) {
            self.current = item;
            self.config.scope = Scope::Item(item);
        }
    }

    /// The member `phone` votes as, in named mode.
    pub fn claimed_by(&self, phone: &str) -> Option<u32> {
        self.claims
            .iter()
            .find(|(_, p)| p.as_str() == phone)
            .map(|(&m, _)| m)
    }

    /// Names other phones vote under (greyed out on the page).
    pub fn taken_names(&self, phone: &str) -> Vec<String> {
        self.config
            .members
            .iter()
            .filter(|(id, _)| self.claims.get(id).is_some_and(|p| p != phone))
            .map(|(_, name)| name.clone())
            .collect()
    }

    /// The level `phone` chose for `item`, if it voted.
    pub fn ballot(&self, phone: &str, item: ItemId) -> Option<Level> {
        self.ballots.get(&(item, phone.to_owned())).copied()
    }

    /// Records (or changes) a vote. `member` is the name as typed in the project (named mode;
    /// absent in anonymous mode), `level` the form's text.
    pub fn vote(
        &mut self,
        phone: &str,
        member: Option<&str>,
        item: ItemId,
        level: &str,
    ) -> Result<Option<Revealed>, Rejection> {
        if phone.is_empty() {
            return Err(Rejection::NoBallot);
        }
        if !self.items().contains(&item) {
            return Err(Rejection::UnknownItem);
        }
        if self.revealed.contains(&item) {
            return Err(Rejection::Closed);
        }
        let level = level
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(Level::new)
            .ok_or(Rejection::BadLevel)?;
        match (self.config.anonymous, member.map(str::trim)) {
            (true, Some(name)) if !name.is_empty() => return Err(Rejection::NameNotWanted),
            (true, _) => {}
            (false, None) => return Err(Rejection::UnknownMember),
            (false, Some(name)) => {
                let id = self
                    .config
                    .members
                    .iter()
                    .find(|(_, n)| n == name)
                    .map(|&(id, _)| id)
                    .ok_or(Rejection::UnknownMember)?;
                match self.claims.get(&id) {
                    Some(owner) if owner != phone => return Err(Rejection::NameTaken),
                    Some(_) => {}
                    None => {
                        // A phone votes as one member: a new name moves its claim, and its
                        // earlier ballots go with the name they were cast under.
                        if let Some(old) = self.claimed_by(phone) {
                            self.claims.remove(&old);
                            self.ballots.retain(|(_, p), _| p != phone);
                        }
                        self.claims.insert(id, phone.to_owned());
                    }
                }
            }
        }
        self.ballots.insert((item, phone.to_owned()), level);
        if self.config.auto_reveal && self.status(item).voted >= self.expected() {
            return Ok(Some(self.reveal(item)));
        }
        Ok(None)
    }

    fn expected(&self) -> usize {
        self.config.members.len()
    }

    pub fn status(&self, item: ItemId) -> ItemStatus {
        let revealed = self.revealed.contains(&item);
        ItemStatus {
            item,
            voted: self.ballots.keys().filter(|(i, _)| *i == item).count(),
            expected: self.expected(),
            revealed,
            distribution: revealed.then(|| self.distribution(item)),
        }
    }

    fn distribution(&self, item: ItemId) -> Distribution {
        Distribution::of(
            self.ballots
                .iter()
                .filter(|((i, _), _)| *i == item)
                .map(|(_, &level)| level),
        )
    }

    /// Closes `item`: its ballots can no longer change, and become the project's votes.
    pub fn reveal(&mut self, item: ItemId) -> Revealed {
        self.revealed.insert(item);
        let named = if self.config.anonymous {
            Vec::new()
        } else {
            self.claims
                .iter()
                .filter_map(|(&member, phone)| {
                    let level = self.ballots.get(&(item, phone.clone()))?;
                    Some(Vote {
                        member,
                        level: *level,
                    })
                })
                .collect()
        };
        let anonymous = self.config.anonymous.then(|| self.distribution(item));
        Revealed {
            team: self.config.team_id,
            item,
            named,
            anonymous,
        }
    }

    /// Reveals every item that has ballots and is not revealed yet (the end of a headless vote).
    pub fn reveal_all(&mut self) -> Vec<Revealed> {
        let pending: BTreeSet<ItemId> = self
            .ballots
            .keys()
            .map(|(item, _)| *item)
            .filter(|item| !self.revealed.contains(item))
            .collect();
        pending.into_iter().map(|item| self.reveal(item)).collect()
    }

    /// How many ballots were cast in all (for the load test and the CLI's summary).
    pub fn ballot_count(&self) -> usize {
        self.ballots.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(anonymous: bool) -> PollConfig {
        PollConfig {
            team_id: 1,
            team_name: "企画課".into(),
            members: vec![(1, "佐藤".into()), (2, "鈴木".into())],
            scope: Scope::Item(ItemId::Partners),
            anonymous,
            auto_reveal: false,
        }
    }

    #[test]
    fn a_member_votes_changes_and_is_revealed() {
        let mut poll = Poll::new(config(false));
        let item = ItemId::Partners;
        assert_eq!(poll.vote("p1", Some("佐藤"), item, "2"), Ok(None));
        assert_eq!(poll.vote("p1", Some("佐藤"), item, "4"), Ok(None));
        assert_eq!(poll.status(item).voted, 1);
        let revealed = poll.reveal(item);
        assert_eq!(
            revealed.named,
            vec![Vote {
                member: 1,
                level: Level::new(4).expect("level")
            }]
        );
        assert_eq!(
            poll.vote("p1", Some("佐藤"), item, "3"),
            Err(Rejection::Closed)
        );
    }

    #[test]
    fn hostile_votes_are_refused() {
        let mut poll = Poll::new(config(false));
        let item = ItemId::Partners;
        assert_eq!(
            poll.vote("p1", Some("誰か"), item, "3"),
            Err(Rejection::UnknownMember)
        );
        assert_eq!(
            poll.vote("p1", None, item, "3"),
            Err(Rejection::UnknownMember)
        );
        for level in ["0", "6", "9", "-1", "3.5", "", "三"] {
            assert_eq!(
                poll.vote("p1", Some("佐藤"), item, level),
                Err(Rejection::BadLevel)
            );
        }
        assert_eq!(
            poll.vote("p1", Some("佐藤"), ItemId::Users, "3"),
            Err(Rejection::UnknownItem)
        );
        assert_eq!(
            poll.vote("", Some("佐藤"), item, "3"),
            Err(Rejection::NoBallot)
        );
        assert_eq!(poll.vote("p1", Some("佐藤"), item, "3"), Ok(None));
        assert_eq!(
            poll.vote("p2", Some("佐藤"), item, "1"),
            Err(Rejection::NameTaken)
        );
        assert_eq!(poll.taken_names("p2"), vec!["佐藤".to_owned()]);
        assert_eq!(poll.status(item).voted, 1, "nothing refused was recorded");
    }

    #[test]
    fn anonymous_ballots_keep_no_names_and_count_once_per_phone() {
        let mut poll = Poll::new(config(true));
        let item = ItemId::Partners;
        assert_eq!(
            poll.vote("p1", Some("佐藤"), item, "3"),
            Err(Rejection::NameNotWanted)
        );
        poll.vote("p1", None, item, "3").expect("vote");
        poll.vote("p1", None, item, "5").expect("changed");
        poll.vote("p2", None, item, "2").expect("vote");
        let revealed = poll.reveal(item);
        assert!(revealed.named.is_empty());
        assert_eq!(revealed.anonymous, Some(Distribution([0, 1, 0, 0, 1])));
    }

    #[test]
    fn everyone_voted_reveals_by_itself_when_asked() {
        let mut poll = Poll::new(PollConfig {
            auto_reveal: true,
            ..config(false)
        });
        let item = ItemId::Partners;
        assert_eq!(poll.vote("p1", Some("佐藤"), item, "2"), Ok(None));
        let revealed = poll.vote("p2", Some("鈴木"), item, "3").expect("vote");
        assert_eq!(revealed.map(|r| r.named.len()), Some(2));
        assert!(poll.status(item).revealed);
    }

    #[test]
    fn single_item_voting_follows_the_facilitator() {
        let mut poll = Poll::new(config(false));
        poll.vote("p1", Some("佐藤"), ItemId::Partners, "2")
            .expect("vote");
        poll.follow(ItemId::Users);
        assert_eq!(poll.items(), vec![ItemId::Users]);
        assert_eq!(
            poll.vote("p1", Some("佐藤"), ItemId::Partners, "2"),
            Err(Rejection::UnknownItem)
        );
        assert_eq!(poll.vote("p1", Some("佐藤"), ItemId::Users, "4"), Ok(None));
        assert_eq!(poll.reveal_all().len(), 2, "both items' ballots are kept");
    }
}
