//! The per-item timer: start, pause, two more minutes; and the time left for the whole walk.
//! Running over is said calmly and never stops anything: the room decides.

use crate::checklist::{ITEM_COUNT, ItemId};
use crate::project::agenda::Agenda;
use std::time::{Duration, Instant};

/// What "+2 minutes" adds.
pub const EXTRA_STEP: Duration = Duration::from_mins(2);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timer {
    /// The item being timed, and since when.
    running: Option<(ItemId, Instant)>,
    /// Time spent on each item before the running stretch.
    spent: [Duration; ITEM_COUNT],
    /// Minutes added to each item's plan.
    extra: [Duration; ITEM_COUNT],
}

/// How an item stands against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemTime {
    pub spent: Duration,
    /// The plan with the minutes added; `None` without an agenda.
    pub planned: Option<Duration>,
    pub running: bool,
}

impl ItemTime {
    /// Time left (`Ok`) or run over (`Err`), against the plan.
    pub fn left(&self) -> Option<Result<Duration, Duration>> {
        let planned = self.planned?;
        Some(if self.spent <= planned {
            Ok(planned.saturating_sub(self.spent))
        } else {
            Err(self.spent.saturating_sub(planned))
        })
    }
}

impl Timer {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    pub fn running_item(&self) -> Option<ItemId> {
        self.running.map(|(item, _)| item)
    }

    /// Starts timing `item` (pausing whatever ran before).
    pub fn start(&mut self, item: ItemId, now: Instant) {
        self.pause(now);
        self.running = Some((item, now));
    }

    pub fn pause(&mut self, now: Instant) {
        if let Some((item, since)) = self.running.take() {
            self.spent[item.index()] += now.saturating_duration_since(since);
        }
    }

    /// The facilitator moved to `item`: a running timer follows.
    pub fn follow(&mut self, item: Option<ItemId>, now: Instant) {
        if self.running.is_some() {
            match item {
                Some(item) => self.start(item, now),
                None => self.pause(now),
            }
        }
    }

    pub fn add_time(&mut self, item: ItemId) {
        self.extra[item.index()] += EXTRA_STEP;
    }

    fn spent_on(&self, item: ItemId, now: Instant) -> Duration {
        let running = match self.running {
            Some((i, since)) if i == item => now.saturating_duration_since(since),
            _ => Duration::ZERO,
        };
        self.spent[item.index()] + running
    }

    pub fn item(&self, item: ItemId, agenda: Option<&Agenda>, now: Instant) -> ItemTime {
        ItemTime {
            spent: self.spent_on(item, now),
            planned: agenda.map(|a| {
                Duration::from_secs(u64::from(a.minutes_for(item)) * 60) + self.extra[item.index()]
            }),
            running: self.running_item() == Some(item),
        }
    }

    /// The whole walk: time spent on all items, and the plan with every added minute.
    pub fn total(&self, agenda: Option<&Agenda>, now: Instant) -> ItemTime {
        let spent = ItemId::ALL.iter().map(|&i| self.spent_on(i, now)).sum();
        ItemTime {
            spent,
            planned: agenda.map(|a| {
                Duration::from_secs(u64::from(a.total_minutes) * 60)
                    + self.extra.iter().sum::<Duration>()
            }),
            running: self.is_running(),
        }
    }
}

/// `m:ss`, as a timer reads: time spent counts whole seconds passed.
pub fn clock_text(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}", s / 60, s % 60)
}

/// `m:ss` of time left, counting a started second as left (a countdown shows 0:00 only at the end).
pub fn countdown_text(d: Duration) -> String {
    let s = d.as_millis().div_ceil(1000) as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_runs_pauses_follows_and_overruns() {
        let agenda = Agenda::equal(90); // 9 minutes each
        let t0 = Instant::now();
        let mut timer = Timer::default();
        timer.start(ItemId::Partners, t0);
        let t1 = t0 + Duration::from_mins(5);
        let now = timer.item(ItemId::Partners, Some(&agenda), t1);
        assert!(now.running);
        assert_eq!(now.left(), Some(Ok(Duration::from_mins(4))));
        timer.pause(t1);
        let later = t1 + Duration::from_mins(10);
        assert_eq!(
            timer.item(ItemId::Partners, Some(&agenda), later).spent,
            Duration::from_mins(5),
            "paused time is not counted"
        );
        timer.start(ItemId::Partners, later);
        let t2 = later + Duration::from_mins(6);
        assert_eq!(
            timer.item(ItemId::Partners, Some(&agenda), t2).left(),
            Some(Err(Duration::from_mins(2))),
            "over by two minutes"
        );
        timer.add_time(ItemId::Partners);
        assert_eq!(
            timer.item(ItemId::Partners, Some(&agenda), t2).left(),
            Some(Ok(Duration::ZERO))
        );
        // Moving on: the timer follows to the next item.
        timer.follow(Some(ItemId::Users), t2);
        assert_eq!(timer.running_item(), Some(ItemId::Users));
        let total = timer.total(Some(&agenda), t2 + Duration::from_mins(1));
        assert_eq!(total.spent, Duration::from_mins(12));
        assert_eq!(total.planned, Some(Duration::from_mins(92)));
        assert_eq!(clock_text(Duration::from_secs(125)), "2:05");
    }
}
