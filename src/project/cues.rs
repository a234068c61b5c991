//! Cue cards for the facilitator: which pattern an item's answers show (split, all low, the
//! target reached, many 「わからない」), so that the window can offer two or three questions to ask
//! the room. The patterns are decided here, from the answers alone; their words are in the
//! locales, and the view shows them in the facilitator's window only.

use super::{ItemResponse, Level, VoteSpread};

/// A pattern in one item's answers worth a question to the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// The members see it differently: two levels or more apart.
    Split,
    /// Everyone who gave a level gave 1 or 2.
    AllLow,
    /// The agreed score has reached the target.
    TargetReached,
    /// Many could not judge it: two or more, and at least a third of the answers.
    ManyDontKnow,
}

impl Cue {
    /// The patterns `response` shows, in the order above. Votes count only once they are
    /// revealed: a cue must not hint at hidden votes.
    pub fn of(response: &ItemResponse) -> Vec<Cue> {
        let mut cues = Vec::new();
        let spread = VoteSpread::of(response).filter(|_| response.votes_revealed);
        if spread.is_some_and(|s| s.worth_discussing()) {
            cues.push(Cue::Split);
        }
        let low = Level::new(2).is_some_and(|two| spread.is_some_and(|s| s.max <= two));
        if low && spread.is_some_and(|s| s.count >= 2) {
            cues.push(Cue::AllLow);
        }
        if let (Some(score), Some(target)) = (response.score, response.target)
            && score >= target
        {
            cues.push(Cue::TargetReached);
        }
        let all = response.all_answers();
        if response.votes_revealed && all.dont_know >= 2 && all.dont_know * 3 >= all.total() {
            cues.push(Cue::ManyDontKnow);
        }
        cues
    }

    /// The locale key of its title.
    pub fn key(self) -> &'static str {
        match self {
            Cue::Split => "cue.split",
            Cue::AllLow => "cue.all_low",
            Cue::TargetReached => "cue.target_reached",
            Cue::ManyDontKnow => "cue.many_dont_know",
        }
    }

    /// The locale keys of its questions, in the order they are asked.
    pub fn questions(self) -> [&'static str; 3] {
        match self {
            Cue::Split => ["cue.split_q1", "cue.split_q2", "cue.split_q3"],
            Cue::AllLow => ["cue.all_low_q1", "cue.all_low_q2", "cue.all_low_q3"],
            Cue::TargetReached => [
                "cue.target_reached_q1",
                "cue.target_reached_q2",
                "cue.target_reached_q3",
            ],
            Cue::ManyDontKnow => [
                "cue.many_dont_know_q1",
                "cue.many_dont_know_q2",
                "cue.many_dont_know_q3",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::{Answer, Vote};

    fn answers(list: &[Option<u8>]) -> ItemResponse {
        ItemResponse {
            votes: list
                .iter()
                .zip(1..)
                .map(|(a, member)| Vote {
                    member,
                    answer: a
                        .and_then(Level::new)
                        .map_or(Answer::DontKnow, Answer::Level),
                })
                .collect(),
            votes_revealed: true,
            ..ItemResponse::default()
        }
    }

    #[test]
    fn each_pattern_is_seen_and_nothing_while_the_votes_are_hidden() {
        assert_eq!(
            Cue::of(&answers(&[Some(1), Some(3), Some(2)])),
            [Cue::Split]
        );
        assert_eq!(
            Cue::of(&answers(&[Some(1), Some(2), Some(2)])),
            [Cue::AllLow]
        );
        assert_eq!(
            Cue::of(&answers(&[Some(4), None, None, Some(4)])),
            [Cue::ManyDontKnow]
        );
        assert_eq!(
            Cue::of(&answers(&[Some(3), Some(3), Some(4), None])),
            [],
            "one 「わからない」 in four is no pattern"
        );
        let mut several = answers(&[Some(1), Some(3), None, None]);
        several.score = Level::new(4);
        several.target = Level::new(4);
        assert_eq!(
            Cue::of(&several),
            [Cue::Split, Cue::TargetReached, Cue::ManyDontKnow]
        );
        let mut hidden = answers(&[Some(1), Some(5)]);
        hidden.votes_revealed = false;
        assert_eq!(Cue::of(&hidden), [], "hidden votes give no hint");
        assert_eq!(Cue::of(&answers(&[Some(1)])), [], "one vote is no pattern");
    }
}
