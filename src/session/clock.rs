//! The time a command happens at. The handler never reads the system clock itself, so that tests
//! (and screenshots) can fix "today" and step through the autosave's debounce without waiting.

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::time::{Duration, Instant};

/// Wall-clock time for what is written into files and compared with due dates, and a monotonic
/// instant for what is measured (typing pauses, the autosave's delay).
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub wall: DateTime<FixedOffset>,
    pub instant: Instant,
}

impl Clock {
    /// Now, from the system.
    pub fn system() -> Clock {
        Clock {
            wall: chrono::Local::now().fixed_offset(),
            instant: Instant::now(),
        }
    }

    /// Now, but on `date` (at the current time of day): for tests and screenshots whose output
    /// must not change with the calendar.
    pub fn on(date: NaiveDate) -> Clock {
        let now = chrono::Local::now().fixed_offset();
        let wall = date
            .and_time(now.time())
            .and_local_timezone(*now.offset())
            .single()
            .unwrap_or(now);
        Clock {
            wall,
            instant: Instant::now(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.wall.date_naive()
    }

    /// The same clock `by` later.
    #[must_use]
    pub fn later(self, by: Duration) -> Clock {
        Clock {
            wall: self.wall + by,
            instant: self.instant + by,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_date_keeps_its_day() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        let clock = Clock::on(date);
        assert_eq!(clock.today(), date);
        let later = clock.later(Duration::from_secs(4));
        assert_eq!(later.instant - clock.instant, Duration::from_secs(4));
    }
}
