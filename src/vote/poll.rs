//! The ballots of one voting round, and the rules they follow: pure, no network, so that every
//! rule is unit-tested and the server is only transport.
//!
//! The rules a room can trust:
//! - A phone is known by an id the server issued and checked ([`super::token`]); this module
//!   takes that id and the phone's address as given.
//! - One phone, one ballot per item; a second phone at the same address is turned away unless the
//!   facilitator allows a shared phone (`phones_per_address`).
//! - Never more ballots on an item than the team has members, or than the facilitator's ceiling.
//! - Named: a phone votes as one member. Choosing another name moves that phone's ballots to
//!   the new name (the person corrected their name; nothing is lost), unless one of them was
//!   revealed already. The facilitator can release a name taken by mistake, and undo that.

use crate::checklist::ItemId;
use crate::project::{Answer, Distribution, Reason, Team, Vote, limits};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Which items the phones vote on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The item on the facilitator's screen; the phones follow when it changes.
    Item(ItemId),
    /// All ten, each member at their own pace.
    AllItems,
}

/// The id the server issued a phone (its cookie).
pub type PhoneId = String;

/// What a vote can be refused for. Each is said to the phone in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// A name not in the team.
    UnknownMember,
    /// Named voting, and no name chosen.
    NoName,
    /// A level outside 1–5, or not a number.
    BadLevel,
    /// An item that is not being voted on.
    UnknownItem,
    /// Another phone already votes under this name.
    NameTaken,
    /// The votes on this item were revealed: they can no longer change.
    Closed,
    /// The phone's id or the form's ballot was not issued by this voting round (or not for this
    /// phone, this item or this address).
    NotIssued,
    /// A name was sent in anonymous mode, where none may be stored.
    NameNotWanted,
    /// The item holds as many ballots as the team has members (or the facilitator allowed).
    Full(usize),
    /// Another phone at this address voted on this item already.
    AddressUsed,
    /// The name cannot change: a ballot cast under it was revealed already.
    NameLocked,
    /// A reason longer than [`Reason::MAX_CHARS`] (the form does not allow it).
    ReasonTooLong,
    /// A reason for an item this phone has not voted on.
    ReasonWithoutVote,
}

/// Who votes and how.
#[derive(Clone, Debug, PartialEq)]
pub struct PollConfig {
    pub team_id: u32,
    pub team_name: String,
    /// The members (id, name) in the project's order.
    pub members: Vec<(u32, String)>,
    pub scope: Scope,
    pub anonymous: bool,
    /// Reveal an item by itself once every member has voted on it.
    pub auto_reveal: bool,
    /// The most ballots one item may hold: the team's size, unless the facilitator set another
    /// (an anonymous vote of a team whose members are not listed).
    pub ceiling: usize,
    /// How many phones at one address may vote on an item: 1, unless a phone is shared.
    pub phones_per_address: usize,
    /// Named voting whose names only the facilitator sees: the phone says so.
    pub names_private: bool,
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
            ceiling: team.members.len(),
            phones_per_address: 1,
            names_private: false,
        }
    }

    /// The ceiling as it applies: named voting never takes more ballots than there are names,
    /// and no item more than a project file may hold.
    pub fn effective_ceiling(&self) -> usize {
        let ceiling = if self.anonymous {
            self.ceiling
        } else {
            self.ceiling.min(self.members.len())
        };
        ceiling.min(limits::MAX_ANONYMOUS_VOTES)
    }
}

/// How an item's vote stands, as the window and the phones show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemStatus {
    pub item: ItemId,
    pub voted: usize,
    /// The ballots the item may hold: who is expected to vote.
    pub expected: usize,
    pub revealed: bool,
    /// After the reveal, how many gave each answer; `None` before it, and after it when the
    /// answers are anonymous and fewer than [`Distribution::FEWEST_SHOWN`].
    pub distribution: Option<Distribution>,
}

/// The votes of one item, to be recorded in the project: at its reveal, or as the journal's
/// snapshot of the item after each accepted ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revealed {
    pub team: u32,
    pub item: ItemId,
    pub named: Vec<Vote>,
    pub anonymous: Option<Distribution>,
    /// The reasons given with the ballots: a member's in named voting; in anonymous voting
    /// without a member, in the order of their words, so that no order tells who wrote which.
    pub reasons: Vec<Reason>,
}

impl Revealed {
    /// Reasons in the one order they are recorded in: by member, and without one by their
    /// words (a phone's random id or the time it voted must not order them).
    pub fn in_order(mut reasons: Vec<Reason>) -> Vec<Reason> {
        reasons.sort_by(|a, b| (a.member, &a.text).cmp(&(b.member, &b.text)));
        reasons
    }

    /// How many ballots it holds.
    pub fn count(&self) -> usize {
        self.named.len() + self.anonymous.map_or(0, |d| d.total() as usize)
    }
}

/// Who a journaled ballot is: a member (named voting), or a phone (anonymous voting, where only
/// the round's random phone id is known, never a name).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Voter {
    Member(u32),
    Phone(String),
}

/// One change of the ballots, as the journal keeps it: small, so that a room of phones voting
/// at once writes a line each, not the whole item each time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    Ballot {
        item: ItemId,
        voter: Voter,
        /// Journals written before 「わからない」 existed say `level`.
        #[serde(alias = "level")]
        answer: Answer,
        /// The reason given with it, if any (journals before reasons had none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Withdrawn {
        item: ItemId,
        voter: Voter,
    },
}

/// A vote accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub answer: Answer,
    /// The name was changed: from, to, and how many of this phone's ballots moved with it.
    pub renamed: Option<(String, String, usize)>,
    /// The items whose ballots changed.
    pub changed: Vec<ItemId>,
    /// The changes, for the journal.
    pub entries: Vec<Entry>,
    /// Everyone had voted and the item revealed itself.
    pub revealed: Option<Revealed>,
}

/// A name the facilitator released, with the ballots cast under it: enough to put it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Released {
    pub member: u32,
    pub name: String,
    phone: PhoneId,
    ballots: Vec<(ItemId, Ballot)>,
}

impl Released {
    /// How many ballots went with the name.
    pub fn ballots(&self) -> usize {
        self.ballots.len()
    }

    /// What the release changed, for the journal: each ballot withdrawn.
    pub fn withdrawn(&self) -> Vec<Entry> {
        self.ballots
            .iter()
            .map(|(item, _)| Entry::Withdrawn {
                item: *item,
                voter: Voter::Member(self.member),
            })
            .collect()
    }
}

/// What undoing a release gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    /// The ballots that came back, for the journal.
    pub entries: Vec<Entry>,
    /// Ballots that could not come back: their item was revealed, or filled up (the ceiling, or
    /// the phones allowed at the address) while the name was released.
    pub left_out: usize,
}

/// What the facilitator sees of a round beyond the counts (never the projector).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Oversight {
    /// Named voting: who has claimed which name, as (member id, name).
    pub claimed: Vec<(u32, String)>,
    /// Addresses from which more than one phone holds ballots (a shared phone, or someone
    /// voting twice), with how many phones.
    pub shared: Vec<(IpAddr, usize)>,
    /// Second phones turned away at an address that had voted already.
    pub turned_away: usize,
    /// Named voting: the members who still have an open item to vote on, in the team's order.
    pub waiting: Vec<Waiting>,
}

/// A member who has not voted yet on every open item (named voting; never shown to the room).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub member: u32,
    pub name: String,
    /// Open items (not yet revealed) without this member's ballot.
    pub items_left: usize,
    /// When the phone that took the name last reached the laptop; `None` while no phone has.
    pub last_heard: Option<Instant>,
}

/// Where a waiting member's phone is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// No phone has taken the name yet.
    NotJoined,
    /// The phone's page is open: it asks for the counts every two seconds.
    Here,
    /// Not heard from for [`Waiting::AWAY_AFTER`]: closed, locked, or off the Wi-Fi (or a browser
    /// without JavaScript, whose page does not ask).
    Away,
}

/// When a member's phone was last heard from, and when the window was last told.
#[derive(Clone, Copy, Debug)]
struct Heard {
    last: Instant,
    told: Option<Instant>,
}

impl Waiting {
    /// Ten missed requests of the page's two-second tick.
    pub const AWAY_AFTER: Duration = Duration::from_secs(20);
    /// How often, at the most, a phone's ticks are passed on to the window: well inside
    /// [`Self::AWAY_AFTER`], so a phone that keeps ticking never reads as away.
    pub const REPORT_EVERY: Duration = Duration::from_secs(5);

    pub fn presence(&self, now: Instant) -> Presence {
        match self.last_heard {
            None => Presence::NotJoined,
            Some(at) if now.saturating_duration_since(at) >= Self::AWAY_AFTER => Presence::Away,
            Some(_) => Presence::Here,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Ballot {
    answer: Answer,
    address: IpAddr,
    /// The member's one line with the vote, cleaned ([`Reason::clean`]).
    reason: Option<String>,
}

/// Every ballot of a voting round.
#[derive(Clone, Debug)]
pub struct Poll {
    pub config: PollConfig,
    /// The item the phones show in [`Scope::Item`] mode.
    current: ItemId,
    /// (item, phone) → its ballot: one per phone and item.
    ballots: BTreeMap<(ItemId, PhoneId), Ballot>,
    /// Named mode: which phone votes under which member, and the other way round.
    claims: HashMap<u32, PhoneId>,
    by_phone: HashMap<PhoneId, u32>,
    /// Named mode: when each member's phone last reached the laptop, and when the window was last
    /// told. Only phones that took a name are kept, so the map is never larger than the team.
    heard: HashMap<u32, Heard>,
    revealed: BTreeSet<ItemId>,
    /// Phones whose name the facilitator released, to be told once.
    released: HashMap<PhoneId, String>,
    turned_away: usize,
    /// Changes whenever the page would show something else than a count.
    version: u64,
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
            by_phone: HashMap::new(),
            heard: HashMap::new(),
            revealed: BTreeSet::new(),
            released: HashMap::new(),
            turned_away: 0,
            version: 0,
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

    /// A number that changes whenever what the pages show would, besides the counts: the
    /// phones reload on a change. The page and `/state` both read it here.
    pub fn version(&self) -> String {
        format!("{}-{}", self.current.as_str(), self.version)
    }

    /// Moves single-item voting to `item` (the facilitator went on); its ballots start empty
    /// unless it was voted on already in this round.
    pub fn follow(&mut self, item: ItemId) {
        if matches!(self.config.scope, Scope::Item(_)) && self.current != item {
            self.current = item;
            self.config.scope = Scope::Item(item);
            self.version += 1;
        }
    }

    /// The member `phone` votes as, in named mode.
    pub fn claimed_by(&self, phone: &str) -> Option<u32> {
        self.by_phone.get(phone).copied()
    }

    /// The name `phone` votes as, in named mode.
    pub fn name_of(&self, phone: &str) -> Option<String> {
        let member = self.claimed_by(phone)?;
        self.name(member)
    }

    fn name(&self, member: u32) -> Option<String> {
        self.config
            .members
            .iter()
            .find(|(m, _)| *m == member)
            .map(|(_, n)| n.clone())
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

    /// What `phone` answered on `item`, if it voted.
    pub fn ballot(&self, phone: &str, item: ItemId) -> Option<Answer> {
        self.ballots
            .get(&(item, phone.to_owned()))
            .map(|b| b.answer)
    }

    /// Records (or changes) `phone`'s vote from `address`. `member` is the name as shown in the
    /// project (named mode; absent in anonymous mode).
    pub fn vote(
        &mut self,
        phone: &str,
        address: IpAddr,
        member: Option<&str>,
        item: ItemId,
        answer: Answer,
    ) -> Result<Accepted, Rejection> {
        if phone.is_empty() {
            return Err(Rejection::NotIssued);
        }
        if !self.items().contains(&item) {
            return Err(Rejection::UnknownItem);
        }
        if self.revealed.contains(&item) {
            return Err(Rejection::Closed);
        }
        let key = (item, phone.to_owned());
        let changing = self.ballots.contains_key(&key);
        if !changing {
            let room = self.room_for(item, phone, address);
            if room == Err(Rejection::AddressUsed) {
                self.turned_away += 1;
            }
            room?;
        }
        let renamed = match (self.config.anonymous, member.map(str::trim)) {
            (true, Some(name)) if !name.is_empty() => return Err(Rejection::NameNotWanted),
            (true, _) => None,
            (false, None | Some("")) => return Err(Rejection::NoName),
            (false, Some(name)) => self.claim(phone, name)?,
        };
        // A changed level keeps the reason given with the earlier one.
        let reason = self.ballots.get(&key).and_then(|b| b.reason.clone());
        self.ballots.insert(
            key,
            Ballot {
                answer,
                address,
                reason: reason.clone(),
            },
        );
        // Said to the phone: every ballot it holds now counts under the new name.
        let renamed = renamed.map(|(from, to, _)| {
            let held = self.ballots.keys().filter(|(_, p)| p == phone).count();
            (from, to, held)
        });
        let mut changed = vec![item];
        let voter = self.voter(phone);
        let mut entries = vec![Entry::Ballot {
            item,
            voter: voter.clone(),
            answer,
            reason,
        }];
        if let Some((from, ..)) = &renamed {
            // The ballots that moved with the name: every item this phone voted on.
            let old = self
                .config
                .members
                .iter()
                .find(|(_, n)| n == from)
                .map(|&(id, _)| Voter::Member(id));
            for ((i, _), ballot) in self.ballots.iter().filter(|((_, p), _)| p == phone) {
                if let Some(old) = &old {
                    entries.push(Entry::Withdrawn {
                        item: *i,
                        voter: old.clone(),
                    });
                }
                if *i != item {
                    changed.push(*i);
                    entries.push(Entry::Ballot {
                        item: *i,
                        voter: voter.clone(),
                        answer: ballot.answer,
                        reason: ballot.reason.clone(),
                    });
                }
            }
        }
        let revealed = (self.config.auto_reveal
            && self.status(item).voted >= self.config.effective_ceiling())
        .then(|| self.reveal(item));
        Ok(Accepted {
            answer,
            renamed,
            changed,
            entries,
            revealed,
        })
    }

    /// Adds (or changes, or with empty words takes back) `phone`'s reason for its vote on
    /// `item`. The reason belongs to the ballot: it moves with a changed name and goes with a
    /// released one.
    pub fn give_reason(
        &mut self,
        phone: &str,
        item: ItemId,
        text: &str,
    ) -> Result<Accepted, Rejection> {
        if self.revealed.contains(&item) {
            return Err(Rejection::Closed);
        }
        let reason = Reason::clean(text).map_err(|_| Rejection::ReasonTooLong)?;
        let voter = self.voter(phone);
        let ballot = self
            .ballots
            .get_mut(&(item, phone.to_owned()))
            .ok_or(Rejection::ReasonWithoutVote)?;
        ballot.reason.clone_from(&reason);
        Ok(Accepted {
            answer: ballot.answer,
            renamed: None,
            changed: vec![item],
            entries: vec![Entry::Ballot {
                item,
                voter,
                answer: ballot.answer,
                reason,
            }],
            revealed: None,
        })
    }

    /// The reason `phone` gave with its vote on `item`.
    pub fn reason(&self, phone: &str, item: ItemId) -> Option<&str> {
        self.ballots
            .get(&(item, phone.to_owned()))
            .and_then(|b| b.reason.as_deref())
    }

    /// Who `phone`'s ballots are, in the journal: its member in named voting, else itself.
    fn voter(&self, phone: &str) -> Voter {
        match self.claimed_by(phone) {
            Some(member) if !self.config.anonymous => Voter::Member(member),
            _ => Voter::Phone(phone.to_owned()),
        }
    }

    /// Lets `phone` vote as `name`: a free name is claimed, the phone's own kept, and a change of
    /// name moves the claim (and so every ballot of the phone) to the new one.
    fn claim(
        &mut self,
        phone: &str,
        name: &str,
    ) -> Result<Option<(String, String, usize)>, Rejection> {
        let id = self
            .config
            .members
            .iter()
            .find(|(_, n)| n == name)
            .map(|&(id, _)| id)
            .ok_or(Rejection::UnknownMember)?;
        match self.claims.get(&id) {
            Some(owner) if owner != phone => Err(Rejection::NameTaken),
            Some(_) => Ok(None),
            None => {
                let Some(old) = self.claimed_by(phone) else {
                    self.claims.insert(id, phone.to_owned());
                    self.by_phone.insert(phone.to_owned(), id);
                    return Ok(None);
                };
                let mine: Vec<ItemId> = self
                    .ballots
                    .keys()
                    .filter(|(_, p)| p == phone)
                    .map(|(i, _)| *i)
                    .collect();
                if mine.iter().any(|i| self.revealed.contains(i)) {
                    return Err(Rejection::NameLocked);
                }
                self.claims.remove(&old);
                self.claims.insert(id, phone.to_owned());
                self.by_phone.insert(phone.to_owned(), id);
                let from = self.name(old).unwrap_or_default();
                Ok(Some((from, name.to_owned(), mine.len())))
            }
        }
    }

    pub fn status(&self, item: ItemId) -> ItemStatus {
        let revealed = self.revealed.contains(&item);
        ItemStatus {
            item,
            voted: self.ballots.keys().filter(|(i, _)| *i == item).count(),
            expected: self.config.effective_ceiling(),
            revealed,
            // Answers too few to break down are shown as a number only, wherever the room is not
            // to know who chose what (anonymous, or names for the facilitator only).
            distribution: revealed.then(|| self.distribution(item)).filter(|d| {
                !(self.config.anonymous || self.config.names_private) || d.can_be_shown()
            }),
        }
    }

    /// Every item's status, in the order shown.
    pub fn statuses(&self) -> Vec<ItemStatus> {
        self.items().into_iter().map(|i| self.status(i)).collect()
    }

    /// `phone` reached the laptop at `at` (a page, a vote, the page's tick). Returns whether to
    /// tell the window: first heard, or not told for [`Waiting::REPORT_EVERY`]; the window's copy
    /// must never grow old enough to read as away while the phone keeps ticking.
    pub fn heard_from(&mut self, phone: &str, at: Instant) -> bool {
        let Some(member) = self.claimed_by(phone).filter(|_| !self.config.anonymous) else {
            return false;
        };
        let heard = self.heard.entry(member).or_insert(Heard {
            last: at,
            told: None,
        });
        heard.last = at;
        let tell = heard
            .told
            .is_none_or(|told| at.saturating_duration_since(told) >= Waiting::REPORT_EVERY);
        if tell {
            heard.told = Some(at);
        }
        tell
    }

    /// Named voting: who has not voted on every open item yet, and whether their phone is here.
    fn waiting(&self) -> Vec<Waiting> {
        if self.config.anonymous {
            return Vec::new();
        }
        let open: Vec<ItemId> = self
            .items()
            .into_iter()
            .filter(|i| !self.revealed.contains(i))
            .collect();
        self.config
            .members
            .iter()
            .filter_map(|(member, name)| {
                let phone = self.claims.get(member);
                let items_left = open
                    .iter()
                    .filter(|&&item| {
                        phone.is_none_or(|p| !self.ballots.contains_key(&(item, p.clone())))
                    })
                    .count();
                (items_left > 0).then(|| Waiting {
                    member: *member,
                    name: name.clone(),
                    items_left,
                    last_heard: phone.and_then(|_| self.heard.get(member).map(|h| h.last)),
                })
            })
            .collect()
    }

    /// What the facilitator sees beyond the counts.
    pub fn oversight(&self) -> Oversight {
        // In the team's order; once through the members, not a search per claim (a vote of a
        // room of 300 must stay cheap).
        let claimed: Vec<(u32, String)> = self
            .config
            .members
            .iter()
            .filter(|(id, _)| self.claims.contains_key(id))
            .cloned()
            .collect();
        let mut phones: BTreeMap<IpAddr, BTreeSet<&str>> = BTreeMap::new();
        for ((_, phone), ballot) in &self.ballots {
            phones.entry(ballot.address).or_default().insert(phone);
        }
        Oversight {
            claimed,
            shared: phones
                .into_iter()
                .filter(|(_, p)| p.len() > 1)
                .map(|(address, p)| (address, p.len()))
                .collect(),
            turned_away: self.turned_away,
            waiting: self.waiting(),
        }
    }

    fn distribution(&self, item: ItemId) -> Distribution {
        Distribution::of(
            self.ballots
                .iter()
                .filter(|((i, _), _)| *i == item)
                .map(|(_, b)| b.answer),
        )
    }

    /// The item's ballots as the project would record them now (nothing closes).
    pub fn snapshot(&self, item: ItemId) -> Revealed {
        let reasons = self
            .ballots
            .iter()
            .filter(|((i, _), _)| *i == item)
            .filter_map(|((_, phone), ballot)| {
                let text = ballot.reason.clone()?;
                let member = match self.voter(phone) {
                    Voter::Member(member) => Some(member),
                    Voter::Phone(_) if self.config.anonymous => None,
                    // Named voting, and the phone holds no name: its words are nobody's.
                    Voter::Phone(_) => return None,
                };
                Some(Reason {
                    text,
                    member,
                    released: false,
                    typed: false,
                })
            })
            .collect();
        let named = if self.config.anonymous {
            Vec::new()
        } else {
            let mut named: Vec<Vote> = self
                .claims
                .iter()
                .filter_map(|(&member, phone)| {
                    let ballot = self.ballots.get(&(item, phone.clone()))?;
                    Some(Vote {
                        member,
                        answer: ballot.answer,
                    })
                })
                .collect();
            named.sort_by_key(|v| v.member);
            named
        };
        Revealed {
            team: self.config.team_id,
            item,
            named,
            anonymous: self.config.anonymous.then(|| self.distribution(item)),
            reasons: Revealed::in_order(reasons),
        }
    }

    /// Closes `item`: its ballots can no longer change, and become the project's votes.
    pub fn reveal(&mut self, item: ItemId) -> Revealed {
        if self.revealed.insert(item) {
            self.version += 1;
        }
        self.snapshot(item)
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

    /// Frees a name taken by mistake: the phone that holds it is told, and its ballots on items
    /// not yet revealed go with it (they were cast under the wrong name). `None` if unclaimed.
    pub fn release(&mut self, member: u32) -> Option<Released> {
        let phone = self.claims.remove(&member)?;
        self.by_phone.remove(&phone);
        self.heard.remove(&member);
        let name = self.name(member).unwrap_or_default();
        let taken: Vec<(ItemId, PhoneId)> = self
            .ballots
            .keys()
            .filter(|(i, p)| *p == phone && !self.revealed.contains(i))
            .cloned()
            .collect();
        let ballots = taken
            .into_iter()
            .filter_map(|key| Some((key.0, self.ballots.remove(&key)?)))
            .collect();
        self.released.insert(phone.clone(), name.clone());
        self.version += 1;
        Some(Released {
            member,
            name,
            phone,
            ballots,
        })
    }

    /// Whether `item` takes a new ballot from `phone` at `address`: under the ceiling, and the
    /// address not holding as many phones' ballots as it may. The one rule for a vote and for
    /// ballots coming back with an undone release.
    fn room_for(&self, item: ItemId, phone: &str, address: IpAddr) -> Result<(), Rejection> {
        if self.status(item).voted >= self.config.effective_ceiling() {
            return Err(Rejection::Full(self.config.effective_ceiling()));
        }
        let others_here = self
            .ballots
            .iter()
            .filter(|((i, p), b)| *i == item && p != phone && b.address == address)
            .count();
        if others_here >= self.config.phones_per_address.max(1) {
            return Err(Rejection::AddressUsed);
        }
        Ok(())
    }

    /// Undoes a release, if nobody took the name meanwhile and the phone has no other name:
    /// the claim comes back, and each ballot where it still fits the rules a new ballot meets
    /// (the item open, under its ceiling, the address not full); `None` when refused.
    pub fn restore(&mut self, released: Released) -> Option<Restored> {
        if self.claims.contains_key(&released.member) || self.claimed_by(&released.phone).is_some()
        {
            return None;
        }
        self.claims.insert(released.member, released.phone.clone());
        self.by_phone
            .insert(released.phone.clone(), released.member);
        let mut restored = Restored {
            entries: Vec::new(),
            left_out: 0,
        };
        for (item, ballot) in released.ballots {
            let key = (item, released.phone.clone());
            let fits = !self.revealed.contains(&item)
                && !self.ballots.contains_key(&key)
                && self.room_for(item, &released.phone, ballot.address).is_ok();
            if fits {
                restored.entries.push(Entry::Ballot {
                    item,
                    voter: Voter::Member(released.member),
                    answer: ballot.answer,
                    reason: ballot.reason.clone(),
                });
                self.ballots.insert(key, ballot);
            } else {
                restored.left_out += 1;
            }
        }
        self.released.remove(&released.phone);
        self.version += 1;
        Some(restored)
    }

    /// The name the facilitator released from `phone`, said to it once.
    pub fn take_released(&mut self, phone: &str) -> Option<String> {
        self.released.remove(phone)
    }

    /// How many ballots were cast in all.
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
            members: vec![(1, "佐藤".into()), (2, "鈴木".into()), (3, "田中".into())],
            scope: Scope::Item(ItemId::Partners),
            anonymous,
            auto_reveal: false,
            ceiling: 3,
            phones_per_address: 1,
            names_private: false,
        }
    }

    fn at(n: u8) -> IpAddr {
        IpAddr::from([192, 168, 1, n])
    }

    fn level(n: u8) -> Answer {
        Answer::Level(crate::project::Level::new(n).expect("level"))
    }

    #[test]
    fn a_reason_belongs_to_its_ballot_and_moves_with_a_changed_name() {
        let mut poll = Poll::new(config(false));
        let item = ItemId::Partners;
        assert_eq!(
            poll.give_reason("p1", item, "先に").map(|_| ()),
            Err(Rejection::ReasonWithoutVote)
        );
        poll.vote("p1", at(1), Some("佐藤"), item, level(2))
            .expect("vote");
        let said = poll
            .give_reason("p1", item, " 実証を\t一度 ")
            .expect("said");
        assert_eq!(
            said.entries,
            vec![Entry::Ballot {
                item,
                voter: Voter::Member(1),
                answer: level(2),
                reason: Some("実証を 一度".into()),
            }],
            "journaled with its ballot"
        );
        // The person corrects their name: the reason goes with the ballot, journaled again.
        let moved = poll
            .vote("p1", at(1), Some("鈴木"), item, level(3))
            .expect("renamed");
        assert!(moved.entries.contains(&Entry::Ballot {
            item,
            voter: Voter::Member(2),
            answer: level(3),
            reason: Some("実証を 一度".into()),
        }));
        assert_eq!(
            poll.snapshot(item).reasons,
            vec![Reason {
                text: "実証を 一度".into(),
                member: Some(2),
                released: false,
                typed: false,
            }]
        );
        let long = "x".repeat(Reason::MAX_CHARS + 1);
        assert_eq!(
            poll.give_reason("p1", item, &long).map(|_| ()),
            Err(Rejection::ReasonTooLong)
        );
        poll.give_reason("p1", item, " ").expect("taken back");
        assert!(poll.snapshot(item).reasons.is_empty());
    }

    #[test]
    fn two_anonymous_answers_are_revealed_as_a_number_only() {
        let mut poll = Poll::new(config(true));
        let item = ItemId::Partners;
        poll.vote("p1", at(1), None, item, level(2)).expect("vote");
        poll.vote("p2", at(2), None, item, level(4)).expect("vote");
        poll.reveal(item);
        let status = poll.status(item);
        assert!(status.revealed);
        assert_eq!((status.voted, status.distribution), (2, None));
        // Named voting shows its distribution whatever its size: the names are known anyway.
        let mut named = Poll::new(config(false));
        named
            .vote("p1", at(1), Some("佐藤"), item, level(2))
            .expect("vote");
        named.reveal(item);
        assert!(named.status(item).distribution.is_some());
        // Unless only the facilitator is to see who voted what.
        let mut private = Poll::new(PollConfig {
            names_private: true,
            ..config(false)
        });
        private
            .vote("p1", at(1), Some("佐藤"), item, level(2))
            .expect("vote");
        private.reveal(item);
        assert_eq!(private.status(item).distribution, None);
    }

    #[test]
    fn the_facilitator_sees_who_has_not_voted_and_whose_phone_went_away() {
        let mut poll = Poll::new(config(false));
        let names = |poll: &Poll| -> Vec<(String, usize)> {
            poll.oversight()
                .waiting
                .into_iter()
                .map(|w| (w.name, w.items_left))
                .collect()
        };
        assert_eq!(
            names(&poll),
            [("佐藤".into(), 1), ("鈴木".into(), 1), ("田中".into(), 1)]
        );
        let start = Instant::now();
        poll.vote("p1", at(1), Some("佐藤"), ItemId::Partners, level(2))
            .expect("vote");
        assert!(poll.heard_from("p1", start), "first heard");
        assert!(
            !poll.heard_from("p1", start + Duration::from_secs(2)),
            "still here"
        );
        // Ticking on: the window is told again before its copy could read as away.
        assert!(
            poll.heard_from("p1", start + Duration::from_secs(6)),
            "told again"
        );
        assert!(Waiting::REPORT_EVERY < Waiting::AWAY_AFTER);
        assert_eq!(names(&poll), [("鈴木".into(), 1), ("田中".into(), 1)]);
        let waiting = poll.oversight().waiting;
        assert_eq!(waiting[0].presence(start), Presence::NotJoined);
        // A phone not heard from for twenty seconds is away; heard again, it is back.
        poll.follow(ItemId::Users);
        let sato = poll.oversight().waiting.into_iter().find(|w| w.member == 1);
        let sato = sato.expect("佐藤 has not voted on item 2");
        // Last heard at 6 s: here until 26 s, away from then on.
        assert_eq!(
            sato.presence(start + Duration::from_secs(25)),
            Presence::Here
        );
        assert_eq!(
            sato.presence(start + Duration::from_secs(26)),
            Presence::Away
        );
        assert!(
            poll.heard_from("p1", start + Duration::from_secs(30)),
            "back, and the window is told"
        );
        // A phone that took no name is not tracked, and anonymous voting lists nobody.
        assert!(!poll.heard_from("stranger", start));
        let anonymous = Poll::new(config(true));
        assert!(anonymous.oversight().waiting.is_empty());
    }

    #[test]
    fn a_member_votes_changes_and_is_revealed() {
        let mut poll = Poll::new(config(false));
        let item = ItemId::Partners;
        poll.vote("p1", at(1), Some("佐藤"), item, level(2))
            .expect("vote");
        let changed = poll
            .vote("p1", at(1), Some("佐藤"), item, level(4))
            .expect("change");
        assert_eq!(changed.answer, level(4));
        assert_eq!(poll.status(item).voted, 1);
        let revealed = poll.reveal(item);
        assert_eq!(
            revealed.named,
            vec![Vote {
                member: 1,
                answer: level(4)
            }]
        );
        assert_eq!(
            poll.vote("p1", at(1), Some("佐藤"), item, level(3)),
            Err(Rejection::Closed)
        );
    }

    #[test]
    fn hostile_votes_are_refused_and_nothing_is_recorded() {
        let mut poll = Poll::new(config(false));
        let item = ItemId::Partners;
        assert_eq!(
            poll.vote("p1", at(1), Some("誰か"), item, level(3)),
            Err(Rejection::UnknownMember)
        );
        assert_eq!(
            poll.vote("p1", at(1), None, item, level(3)),
            Err(Rejection::NoName)
        );
        assert_eq!(
            poll.vote("p1", at(1), Some(" "), item, level(3)),
            Err(Rejection::NoName)
        );
        assert_eq!(
            poll.vote("p1", at(1), Some("佐藤"), ItemId::Users, level(3)),
            Err(Rejection::UnknownItem)
        );
        assert_eq!(
            poll.vote("", at(1), Some("佐藤"), item, level(3)),
            Err(Rejection::NotIssued)
        );
        poll.vote("p1", at(1), Some("佐藤"), item, level(3))
            .expect("vote");
        assert_eq!(
            poll.vote("p2", at(2), Some("佐藤"), item, level(1)),
            Err(Rejection::NameTaken)
        );
        assert_eq!(poll.taken_names("p2"), vec!["佐藤".to_owned()]);
        assert_eq!(poll.status(item).voted, 1, "nothing refused was recorded");
    }

    #[test]
    fn anonymous_ballots_keep_no_names_and_stop_at_the_ceiling() {
        let mut poll = Poll::new(config(true));
        let item = ItemId::Partners;
        assert_eq!(
            poll.vote("p1", at(1), Some("佐藤"), item, level(3)),
            Err(Rejection::NameNotWanted)
        );
        poll.vote("p1", at(1), None, item, level(3)).expect("vote");
        poll.vote("p1", at(1), None, item, level(5))
            .expect("changed");
        poll.vote("p2", at(2), None, item, level(2)).expect("vote");
        poll.vote("p3", at(3), None, item, level(2)).expect("vote");
        assert_eq!(
            poll.vote("p4", at(4), None, item, level(1)),
            Err(Rejection::Full(3)),
            "ballot m+1"
        );
        poll.vote("p3", at(3), None, item, level(4))
            .expect("a phone that voted may still change its vote");
        let revealed = poll.reveal(item);
        assert!(revealed.named.is_empty());
        assert_eq!(
            revealed.anonymous,
            Some(Distribution {
                levels: [0, 1, 0, 1, 1],
                dont_know: 0
            })
        );
    }

    #[test]
    fn one_address_one_ballot_unless_a_phone_is_shared() {
        let mut poll = Poll::new(config(true));
        let item = ItemId::Partners;
        poll.vote("p1", at(7), None, item, level(3)).expect("vote");
        assert_eq!(
            poll.vote("p2", at(7), None, item, level(3)),
            Err(Rejection::AddressUsed),
            "a phone that cleared its cookie, or a second browser"
        );
        assert_eq!(poll.oversight().turned_away, 1);
        assert!(poll.oversight().shared.is_empty());
        poll.config.phones_per_address = 2;
        poll.vote("p2", at(7), None, item, level(4))
            .expect("the facilitator allowed a shared phone");
        assert_eq!(poll.oversight().shared, vec![(at(7), 2)]);
    }

    #[test]
    fn a_new_name_takes_the_phones_ballots_along_and_nothing_vanishes() {
        let mut poll = Poll::new(PollConfig {
            scope: Scope::AllItems,
            ..config(false)
        });
        for item in [ItemId::Partners, ItemId::Users, ItemId::IdeasPlace] {
            poll.vote("p1", at(1), Some("佐藤"), item, level(3))
                .expect("vote");
        }
        let moved = poll
            .vote("p1", at(1), Some("鈴木"), ItemId::LocalResources, level(4))
            .expect("renamed");
        assert_eq!(moved.renamed, Some(("佐藤".into(), "鈴木".into(), 4)));
        assert_eq!(moved.changed.len(), 4);
        assert_eq!(
            moved.entries.len(),
            1 + 4 + 3,
            "the new ballot; 佐藤's withdrawn from every item this phone voted on, 鈴木's written"
        );
        for item in [ItemId::Partners, ItemId::Users, ItemId::IdeasPlace] {
            assert_eq!(poll.status(item).voted, 1, "{item}: the ballot is kept");
            assert_eq!(poll.snapshot(item).named[0].member, 2, "now 鈴木's");
        }
        assert!(poll.taken_names("p2").contains(&"鈴木".to_owned()));
        assert!(!poll.taken_names("p2").contains(&"佐藤".to_owned()));
        poll.reveal(ItemId::Partners);
        assert_eq!(
            poll.vote("p1", at(1), Some("田中"), ItemId::Users, level(2)),
            Err(Rejection::NameLocked),
            "a ballot under 鈴木 was revealed"
        );
    }

    #[test]
    fn a_released_name_is_free_again_and_the_release_can_be_undone() {
        let mut poll = Poll::new(PollConfig {
            scope: Scope::AllItems,
            ..config(false)
        });
        poll.vote("wrong", at(1), Some("佐藤"), ItemId::Partners, level(2))
            .expect("vote");
        let released = poll.release(1).expect("a claimed name");
        assert_eq!(released.ballots(), 1);
        assert_eq!(poll.status(ItemId::Partners).voted, 0);
        assert_eq!(poll.take_released("wrong").as_deref(), Some("佐藤"));
        assert_eq!(poll.take_released("wrong"), None, "told once");
        let restored = poll.restore(released.clone()).expect("undone");
        assert_eq!(restored.left_out, 0);
        assert_eq!(restored.entries.len(), 1, "journaled");
        assert_eq!(poll.status(ItemId::Partners).voted, 1);
        let again = poll.release(1).expect("claimed again");
        poll.vote("right", at(2), Some("佐藤"), ItemId::Partners, level(5))
            .expect("the real 佐藤");
        assert_eq!(poll.restore(again), None, "the name was taken meanwhile");
        assert_eq!(poll.snapshot(ItemId::Partners).named[0].answer, level(5));
    }

    /// Found by the property test in `tests/ballots.rs`: a restored ballot went past the
    /// item's ceiling, and past the one phone an address may use.
    #[test]
    fn an_undone_release_never_puts_an_item_over_its_rules() {
        for (ceiling, second_address) in [(1, at(2)), (3, at(1))] {
            let mut poll = Poll::new(PollConfig {
                ceiling,
                ..config(false)
            });
            poll.vote("p0", at(1), Some("佐藤"), ItemId::Partners, level(2))
                .expect("vote");
            let released = poll.release(1).expect("claimed");
            poll.vote(
                "p1",
                second_address,
                Some("鈴木"),
                ItemId::Partners,
                level(4),
            )
            .expect("room again after the release");
            let restored = poll.restore(released).expect("the name was free");
            assert_eq!(restored.left_out, 1, "ceiling {ceiling}");
            assert!(
                restored.entries.is_empty(),
                "nothing journaled that is not there"
            );
            let status = poll.status(ItemId::Partners);
            assert_eq!(status.voted, 1);
            assert!(status.voted <= status.expected);
        }
    }

    #[test]
    fn everyone_voted_reveals_by_itself_when_asked() {
        let mut poll = Poll::new(PollConfig {
            auto_reveal: true,
            ..config(false)
        });
        let item = ItemId::Partners;
        poll.vote("p1", at(1), Some("佐藤"), item, level(2))
            .expect("vote");
        poll.vote("p2", at(2), Some("鈴木"), item, level(2))
            .expect("vote");
        let last = poll
            .vote("p3", at(3), Some("田中"), item, level(3))
            .expect("vote");
        assert_eq!(last.revealed.map(|r| r.named.len()), Some(3));
        assert!(poll.status(item).revealed);
    }

    #[test]
    fn single_item_voting_follows_the_facilitator() {
        let mut poll = Poll::new(config(false));
        let before = poll.version();
        poll.vote("p1", at(1), Some("佐藤"), ItemId::Partners, level(2))
            .expect("vote");
        assert_eq!(poll.version(), before, "a count changes no page");
        poll.follow(ItemId::Users);
        assert_ne!(poll.version(), before);
        assert_eq!(poll.items(), vec![ItemId::Users]);
        assert_eq!(
            poll.vote("p1", at(1), Some("佐藤"), ItemId::Partners, level(2)),
            Err(Rejection::UnknownItem)
        );
        poll.vote("p1", at(1), Some("佐藤"), ItemId::Users, level(4))
            .expect("vote");
        assert_eq!(poll.reveal_all().len(), 2, "both items' ballots are kept");
    }

    #[test]
    fn named_voting_never_takes_more_ballots_than_names() {
        let mut poll = Poll::new(PollConfig {
            ceiling: 50,
            ..config(false)
        });
        assert_eq!(poll.config.effective_ceiling(), 3);
        let item = ItemId::Partners;
        for (i, name) in ["佐藤", "鈴木", "田中"].into_iter().enumerate() {
            poll.vote(&format!("p{i}"), at(i as u8), Some(name), item, level(1))
                .expect("vote");
        }
        assert_eq!(
            poll.vote("p9", at(9), Some("佐藤"), item, level(1)),
            Err(Rejection::Full(3))
        );
    }
}
