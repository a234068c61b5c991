//! The workshop's agenda: how many minutes each of the ten items gets. Equal by default; after a
//! quick first vote, weighted towards the items where the team disagrees most and where the gap
//! to the target is largest, so that the talk goes where it is needed.

use super::{ItemResponse, Project, VoteSpread};
use crate::checklist::{ITEM_COUNT, ItemId};
use serde::{Deserialize, Serialize};

/// The plan for the walk through the ten items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// The time for the ten items, in minutes.
    pub total_minutes: u32,
    /// Minutes per item, in checklist order; they add up to `total_minutes`.
    pub minutes: [u32; ITEM_COUNT],
}

/// The session lengths offered in the setup.
pub const TYPICAL_MINUTES: [u32; 5] = [45, 60, 90, 120, 180];
/// Longest session an agenda may plan (a full day).
pub const MAX_MINUTES: u32 = 8 * 60;
/// No item gets less than this, whatever the weights (when the total allows it).
pub const MIN_ITEM_MINUTES: u32 = 2;
/// How much one level of disagreement (highest vote minus lowest) adds to an item's weight.
pub const SPREAD_WEIGHT: f64 = 0.5;
/// How much one level of gap to the target adds to an item's weight.
pub const GAP_WEIGHT: f64 = 0.5;

/// What an item's share of the time rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ItemWeight {
    /// The widest spread of votes in any team: highest minus lowest level.
    pub spread: u8,
    /// The largest gap to the target in any team: target minus score (or minus the votes' mean
    /// while there is no score yet).
    pub gap: u8,
}

impl ItemWeight {
    /// 1, plus [`SPREAD_WEIGHT`] per level of spread, plus [`GAP_WEIGHT`] per level of gap.
    pub fn weight(self) -> f64 {
        1.0 + SPREAD_WEIGHT * f64::from(self.spread) + GAP_WEIGHT * f64::from(self.gap)
    }

    fn of_response(response: &ItemResponse) -> ItemWeight {
        let spread = VoteSpread::of(response);
        let now = response
            .score
            .map(|l| f64::from(l.get()))
            .or_else(|| spread.map(|s| s.mean));
        let gap = match (response.target, now) {
            (Some(target), Some(now)) => (f64::from(target.get()) - now).round().max(0.0) as u8,
            _ => 0,
        };
        ItemWeight {
            spread: spread.map_or(0, |s| s.range()),
            gap,
        }
    }

    /// The weight of each item over all teams: the largest spread and gap any team has.
    pub fn of_project(project: &Project) -> [ItemWeight; ITEM_COUNT] {
        std::array::from_fn(|i| {
            project
                .teams
                .iter()
                .map(|t| ItemWeight::of_response(&t.responses.0[i]))
                .fold(ItemWeight::default(), |a, b| ItemWeight {
                    spread: a.spread.max(b.spread),
                    gap: a.gap.max(b.gap),
                })
        })
    }
}

impl Agenda {
    /// `total` minutes shared equally (the remainder to the first items).
    pub fn equal(total: u32) -> Agenda {
        Agenda::weighted(total, &[ItemWeight::default(); ITEM_COUNT])
    }

    /// `total` minutes shared in proportion to the weights, each item at least
    /// [`MIN_ITEM_MINUTES`] where the total allows, rounded so that they add up to `total` exactly
    /// (largest remainders first).
    pub fn weighted(total: u32, weights: &[ItemWeight; ITEM_COUNT]) -> Agenda {
        let w: Vec<f64> = weights.iter().map(|w| w.weight()).collect();
        Agenda::distribute(total, &w)
    }

    /// The same shares for a new total (the facilitator changed the session's length).
    #[must_use]
    pub fn rescaled(&self, total: u32) -> Agenda {
        let w: Vec<f64> = self.minutes.iter().map(|&m| f64::from(m.max(1))).collect();
        Agenda::distribute(total, &w)
    }

    /// This agenda with `item` given `minutes`; the total follows.
    #[must_use]
    pub fn with_minutes(&self, item: ItemId, minutes: u32) -> Agenda {
        let mut next = self.clone();
        next.minutes[item.index()] = minutes;
        next.total_minutes = next.minutes.iter().sum();
        next
    }

    fn distribute(total: u32, w: &[f64]) -> Agenda {
        let total = total.min(MAX_MINUTES);
        let n = ITEM_COUNT as u32;
        let floor = if total >= MIN_ITEM_MINUTES * n {
            MIN_ITEM_MINUTES
        } else {
            total / n
        };
        let spare = total - floor * n;
        let sum: f64 = w.iter().sum();
        let shares: Vec<f64> = w.iter().map(|x| f64::from(spare) * x / sum).collect();
        let mut minutes: [u32; ITEM_COUNT] = std::array::from_fn(|i| floor + shares[i] as u32);
        let given: u32 = minutes.iter().sum();
        let mut order: Vec<usize> = (0..ITEM_COUNT).collect();
        // Largest remainder first; on a tie, the heavier item, then the earlier one.
        order.sort_by(|&a, &b| {
            let ra = shares[a] - shares[a].floor();
            let rb = shares[b] - shares[b].floor();
            rb.total_cmp(&ra)
                .then(w[b].total_cmp(&w[a]))
                .then(a.cmp(&b))
        });
        for &i in order.iter().take((total - given) as usize) {
            minutes[i] += 1;
        }
        Agenda {
            total_minutes: total,
            minutes,
        }
    }

    /// The agenda the project's votes and targets suggest for `total` minutes.
    pub fn suggested(project: &Project, total: u32) -> Agenda {
        Agenda::weighted(total, &ItemWeight::of_project(project))
    }

    pub fn minutes_for(&self, item: ItemId) -> u32 {
        self.minutes[item.index()]
    }

    /// Whether the minutes add up to the total (a file edited by hand may not).
    pub fn is_consistent(&self) -> bool {
        self.minutes.iter().sum::<u32>() == self.total_minutes && self.total_minutes <= MAX_MINUTES
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_shares_add_up() {
        let a = Agenda::equal(90);
        assert_eq!(a.minutes, [9; 10]);
        let a = Agenda::equal(95);
        assert_eq!(a.minutes.iter().sum::<u32>(), 95);
        assert_eq!(a.minutes[..5], [10; 5]);
        assert!(a.is_consistent());
    }

    #[test]
    fn disagreement_and_gap_get_more_time() {
        let mut weights = [ItemWeight::default(); ITEM_COUNT];
        weights[2] = ItemWeight { spread: 3, gap: 0 };
        weights[5] = ItemWeight { spread: 0, gap: 3 };
        weights[9] = ItemWeight { spread: 3, gap: 3 };
        let a = Agenda::weighted(90, &weights);
        assert_eq!(a.minutes.iter().sum::<u32>(), 90);
        assert!(a.minutes[9] > a.minutes[2] && a.minutes[2] > a.minutes[0]);
        assert_eq!(a.minutes[2], a.minutes[5], "spread and gap count alike");
        assert!(a.minutes.iter().all(|&m| m >= MIN_ITEM_MINUTES));
    }

    #[test]
    fn the_samples_votes_suggest_a_plan() {
        let project = crate::project::sample_project();
        let weights = ItemWeight::of_project(&project);
        let a = Agenda::suggested(&project, 90);
        assert_eq!(a.minutes.iter().sum::<u32>(), 90);
        let heaviest = (0..ITEM_COUNT)
            .max_by(|&x, &y| weights[x].weight().total_cmp(&weights[y].weight()))
            .expect("ten items");
        assert_eq!(
            a.minutes[heaviest],
            *a.minutes.iter().max().expect("ten"),
            "the heaviest item gets the most time"
        );
    }

    proptest! {
        #[test]
        fn minutes_always_add_up_and_follow_the_weights(
            total in 0u32..=600,
            raw in prop::collection::vec((0u8..=4, 0u8..=4), ITEM_COUNT),
        ) {
            let weights: [ItemWeight; ITEM_COUNT] =
                std::array::from_fn(|i| ItemWeight { spread: raw[i].0, gap: raw[i].1 });
            let a = Agenda::weighted(total, &weights);
            prop_assert_eq!(a.minutes.iter().sum::<u32>(), total.min(MAX_MINUTES));
            for i in 0..ITEM_COUNT {
                for j in 0..ITEM_COUNT {
                    if weights[i].weight() > weights[j].weight() {
                        // Heavier never gets less, give or take the one minute of rounding.
                        prop_assert!(a.minutes[i] + 1 >= a.minutes[j]);
                    }
                }
            }
        }
    }
}
