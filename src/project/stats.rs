//! Numbers derived from a team's answers: the spread of votes, the gap to the target, open actions.

use super::{ItemResponse, Level, Team};
use chrono::NaiveDate;

/// How far apart the members' votes on one item are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VoteSpread {
    pub count: usize,
    pub min: Level,
    pub max: Level,
    pub mean: f64,
}

impl VoteSpread {
    /// A spread of two levels or more means the members see the item differently: worth a talk
    /// before the team agrees a score.
    pub const WORTH_DISCUSSING: u8 = 2;

    /// Over the members' votes and the anonymous ones alike.
    pub fn of(response: &ItemResponse) -> Option<VoteSpread> {
        let anonymous = response.anonymous_votes.unwrap_or_default();
        let levels = response
            .votes
            .iter()
            .map(|v| v.level)
            .chain(anonymous.levels());
        let min = levels.clone().min()?;
        let max = levels.clone().max()?;
        let count = levels.clone().count();
        let sum: u32 = levels.map(|l| u32::from(l.get())).sum();
        Some(VoteSpread {
            count,
            min,
            max,
            mean: f64::from(sum) / count as f64,
        })
    }

    pub fn range(&self) -> u8 {
        self.max.get() - self.min.get()
    }

    pub fn worth_discussing(&self) -> bool {
        self.range() >= Self::WORTH_DISCUSSING
    }

    /// The level nearest the mean, offered as the score.
    pub fn nearest_level(&self) -> Option<Level> {
        // The mean of levels 1–5 lies within 1–5, so the cast cannot truncate.
        Level::new(self.mean.round() as u8)
    }
}

/// One team's standing on one item.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemStats {
    pub score: Option<Level>,
    pub target: Option<Level>,
    pub votes: Option<VoteSpread>,
    pub open_actions: usize,
    pub overdue_actions: usize,
    pub done_actions: usize,
}

impl ItemStats {
    pub fn of(response: &ItemResponse, today: NaiveDate) -> ItemStats {
        let actions = &response.actions;
        ItemStats {
            score: response.score,
            target: response.target,
            votes: VoteSpread::of(response),
            open_actions: actions.iter().filter(|a| a.status.is_open()).count(),
            overdue_actions: actions.iter().filter(|a| a.is_overdue(today)).count(),
            done_actions: actions
                .iter()
                .filter(|a| a.status == super::ActionStatus::Done)
                .count(),
        }
    }

    /// How many levels the team still has to climb: target minus score, when both are set.
    pub fn gap(&self) -> Option<i8> {
        Some(self.target?.get() as i8 - self.score?.get() as i8)
    }
}

/// A team's standing over all ten items.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamStats {
    pub items: Vec<ItemStats>,
}

impl TeamStats {
    pub fn of(team: &Team, today: NaiveDate) -> TeamStats {
        TeamStats {
            items: team
                .responses
                .0
                .iter()
                .map(|r| ItemStats::of(r, today))
                .collect(),
        }
    }

    pub fn scored(&self) -> usize {
        self.items.iter().filter(|s| s.score.is_some()).count()
    }

    /// The mean of the agreed scores, over the scored items only.
    pub fn mean_score(&self) -> Option<f64> {
        let scores: Vec<f64> = self
            .items
            .iter()
            .filter_map(|s| s.score)
            .map(|l| f64::from(l.get()))
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::{Action, ActionStatus, Vote};

    fn level(n: u8) -> Level {
        Level::new(n).expect("valid level")
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("valid date")
    }

    #[test]
    fn spread_of_votes() {
        let mut r = ItemResponse::default();
        assert_eq!(VoteSpread::of(&r), None);
        r.votes = vec![
            Vote {
                member: 1,
                level: level(2),
            },
            Vote {
                member: 2,
                level: level(4),
            },
            Vote {
                member: 3,
                level: level(3),
            },
        ];
        let s = VoteSpread::of(&r).expect("votes");
        assert_eq!((s.count, s.min, s.max), (3, level(2), level(4)));
        assert!((s.mean - 3.0).abs() < 1e-9);
        assert!(s.worth_discussing());
        r.votes.truncate(1);
        assert!(!VoteSpread::of(&r).expect("one vote").worth_discussing());
    }

    #[test]
    fn gap_and_action_counts() {
        let mut r = ItemResponse {
            score: Some(level(2)),
            target: Some(level(4)),
            ..Default::default()
        };
        let action = |id, status, due: &str| Action {
            id,
            what: "x".into(),
            owner: String::new(),
            due: Some(date(due)),
            status,
            ..Action::default()
        };
        r.actions = vec![
            action(1, ActionStatus::Todo, "2026-01-01"),
            action(2, ActionStatus::Doing, "2027-01-01"),
            action(3, ActionStatus::Done, "2026-01-01"),
            action(4, ActionStatus::Dropped, "2026-01-01"),
        ];
        let s = ItemStats::of(&r, date("2026-11-26"));
        assert_eq!(s.gap(), Some(2));
        assert_eq!(
            (s.open_actions, s.overdue_actions, s.done_actions),
            (2, 1, 1)
        );
        r.target = None;
        assert_eq!(ItemStats::of(&r, date("2026-11-26")).gap(), None);
    }

    #[test]
    fn team_mean_counts_scored_items_only() {
        let mut team = Team::default();
        assert_eq!(TeamStats::of(&team, date("2026-11-26")).mean_score(), None);
        team.responses.0[0].score = Some(level(2));
        team.responses.0[5].score = Some(level(5));
        let stats = TeamStats::of(&team, date("2026-11-26"));
        assert_eq!(stats.scored(), 2);
        assert_eq!(stats.mean_score(), Some(3.5));
    }
}
