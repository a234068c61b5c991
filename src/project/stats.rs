//! Numbers derived from a team's answers: the spread of votes, the gap to the target, open actions.

use super::{ItemResponse, Level, Team};
use chrono::NaiveDate;

/// How far apart the members' votes on one item are. Only answers with a level count: a
/// 「わからない」 moves neither the mean nor the spread, and is counted apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VoteSpread {
    /// Answers with a level.
    pub count: usize,
    /// Answers 「わからない」, beside the others.
    pub dont_know: u32,
    pub min: Level,
    pub max: Level,
    pub mean: f64,
}

impl VoteSpread {
    /// A spread of two levels or more means the members see the item differently: worth a talk
    /// before the team agrees a score.
    pub const WORTH_DISCUSSING: u8 = 2;

    /// Over the members' votes and the anonymous ones alike; `None` while no answer has a level.
    pub fn of(response: &ItemResponse) -> Option<VoteSpread> {
        let all = response.all_answers();
        let levels = all.levels();
        let min = levels.clone().min()?;
        let max = levels.clone().max()?;
        let count = levels.clone().count();
        let sum: u32 = levels.map(|l| u32::from(l.get())).sum();
        Some(VoteSpread {
            count,
            dont_know: all.dont_know,
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
    use crate::project::{Action, ActionStatus, Answer, Distribution, Vote};

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
        let vote = |member, answer| Vote { member, answer };
        r.votes = vec![
            vote(1, Answer::Level(level(2))),
            vote(2, Answer::Level(level(4))),
            vote(3, Answer::Level(level(3))),
        ];
        let s = VoteSpread::of(&r).expect("votes");
        assert_eq!((s.count, s.min, s.max), (3, level(2), level(4)));
        assert!((s.mean - 3.0).abs() < 1e-9);
        assert!(s.worth_discussing());
        r.votes.truncate(1);
        assert!(!VoteSpread::of(&r).expect("one vote").worth_discussing());
    }

    #[test]
    fn too_few_anonymous_answers_are_never_broken_down() {
        let mut r = ItemResponse {
            anonymous_votes: Some(Distribution {
                levels: [0, 1, 0, 1, 0],
                dont_know: 0,
            }),
            ..ItemResponse::default()
        };
        // Two: each of the two would know the other's answer from 「2 と 4」.
        assert_eq!(VoteSpread::of(&r), None);
        assert_eq!(r.anonymous_shown(), None);
        assert_eq!(r.anonymous_withheld(), Some(2));
        let text = r.anonymous_text(crate::Lang::Ja).expect("said");
        assert!(text.contains("2 票") && !text.contains("検討中"), "{text}");
        // A named vote beside them is shown as ever; the two anonymous still are not.
        r.votes.push(Vote {
            member: 1,
            answer: Answer::Level(level(5)),
        });
        let s = VoteSpread::of(&r).expect("the named vote");
        assert_eq!((s.count, s.min, s.max), (1, level(5), level(5)));
        // A third anonymous answer: now all three are shown.
        r.anonymous_votes = Some(Distribution {
            levels: [0, 1, 0, 1, 0],
            dont_know: 1,
        });
        assert_eq!(r.anonymous_withheld(), None);
        let s = VoteSpread::of(&r).expect("votes");
        assert_eq!((s.count, s.dont_know, s.min), (3, 1, level(2)));
    }

    #[test]
    fn dont_know_is_counted_apart_from_the_levels() {
        let mut r = ItemResponse {
            votes: vec![
                Vote {
                    member: 1,
                    answer: Answer::DontKnow,
                },
                Vote {
                    member: 2,
                    answer: Answer::Level(level(4)),
                },
            ],
            anonymous_votes: Some(Distribution {
                levels: [0, 1, 0, 0, 0],
                dont_know: 2,
            }),
            ..ItemResponse::default()
        };
        let s = VoteSpread::of(&r).expect("two levels");
        // Three 「わからない」 would pull the mean to 1.8 if counted as level 1 (or as 0).
        assert_eq!((s.count, s.dont_know), (2, 3));
        assert!((s.mean - 3.0).abs() < 1e-9);
        assert_eq!(s.nearest_level(), Some(level(3)));
        r.votes.truncate(1);
        r.anonymous_votes = None;
        assert_eq!(VoteSpread::of(&r), None, "no level, no spread");
        assert_eq!(r.all_answers().dont_know, 1);
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
