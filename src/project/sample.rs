//! The sample workshop (a fictional city, in Japanese) and a large synthetic project.
//! The sample is what the window's "open the sample" shows and what tests and benchmarks use; it is
//! an ordinary project file (`assets/sample/hikarino.kizuki.ron`), embedded, so that it reads like a
//! workshop's minutes and is edited like any project.

use super::{
    Action, ActionStatus, Answer, ITEM_COUNT, Level, Member, NaiveDate, Project, Responses, Team,
    Vote,
};
use std::sync::OnceLock;

const SAMPLE: &str = include_str!("../../assets/sample/hikarino.kizuki.ron");

/// The sample workshop of the fictional ひかり野市, fixed in every detail so outputs are reproducible.
pub fn sample_project() -> Project {
    static SAMPLE_PROJECT: OnceLock<Project> = OnceLock::new();
    SAMPLE_PROJECT
        .get_or_init(|| {
            // Read like any project file (the same parser and checks as `file::parse`, which sits
            // a layer above the model); it is fixed at build time and checked by
            // `sample_is_complete_and_valid`, so a failure here is a build defect, not bad input.
            let project: Project = match ron::from_str(SAMPLE) {
                Ok(project) => project,
                Err(e) => panic!("the embedded sample project does not parse: {e}"),
            };
            if let Err((problem, place)) = project.validate() {
                panic!("the embedded sample project is invalid: {problem:?} at {place:?}");
            }
            project
        })
        .clone()
}

/// A large synthetic project for benchmarks: `teams` teams of `members` members, every item answered,
/// and `actions` actions spread over the teams and items.
pub fn large_project(teams: usize, members: usize, actions: usize) -> Project {
    let mut project = sample_project();
    project.baseline = None;
    let text =
        "地域の事業者と連携して、利用者の声を取り入れたサービスを継続的に改善している。".repeat(3);
    project.teams = (0..teams)
        .map(|t| {
            let members: Vec<Member> = (0..members)
                .map(|m| Member {
                    id: m as u32 + 1,
                    name: format!("メンバー{}-{}", t + 1, m + 1),
                })
                .collect();
            let mut responses = Responses::default();
            for (i, response) in responses.0.iter_mut().enumerate() {
                let level = |k: usize| Level::new(((t + i + k) % 5 + 1) as u8);
                response.score = level(0);
                response.target = level(1);
                response.votes = members
                    .iter()
                    .enumerate()
                    .filter_map(|(k, m)| {
                        Some(Vote {
                            member: m.id,
                            answer: Answer::Level(level(k)?),
                        })
                    })
                    .collect();
                response.votes_revealed = true;
                response.current_state.clone_from(&text);
                response.ideas.clone_from(&text);
                response.facilitator_note.clone_from(&text);
                response.examples_done = vec![1];
            }
            Team {
                id: t as u32 + 1,
                name: format!("チーム{}", t + 1),
                members,
                responses,
            }
        })
        .collect();
    let slots = teams * ITEM_COUNT;
    for n in 0..actions {
        let slot = n % slots.max(1);
        let Some(team) = project.teams.get_mut(slot / ITEM_COUNT) else {
            break;
        };
        let response = &mut team.responses.0[slot % ITEM_COUNT];
        response.actions.push(Action {
            id: n as u32 + 1,
            what: format!("アクション{}：関係課と協議して実施計画を作る", n + 1),
            owner: format!("担当者{}", n % 15 + 1),
            due: NaiveDate::from_ymd_opt(2027, (n % 12) as u32 + 1, (n % 28) as u32 + 1),
            status: ActionStatus::ALL[n % 4],
            ..Action::default()
        });
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_complete_and_valid() {
        let p = sample_project();
        assert_eq!(p.teams.len(), 2);
        let actions: usize = p
            .teams
            .iter()
            .flat_map(|t| &t.responses.0)
            .map(|r| r.actions.len())
            .sum();
        assert!(actions >= 15, "{actions} actions");
        for team in &p.teams {
            for (item, r) in team.responses.iter() {
                assert!(
                    r.score.is_some() && r.target.is_some(),
                    "{} {item}",
                    team.name
                );
                assert!(!r.votes.is_empty() && !r.current_state.is_empty() && !r.ideas.is_empty());
                assert!(
                    r.examples_done
                        .iter()
                        .all(|&n| n as usize <= crate::checklist::example_count(item))
                );
            }
        }
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn large_project_has_what_was_asked() {
        let p = large_project(10, 15, 1000);
        assert_eq!(p.teams.len(), 10);
        assert!(p.teams.iter().all(|t| t.members.len() == 15));
        let actions: usize = p
            .teams
            .iter()
            .flat_map(|t| &t.responses.0)
            .map(|r| r.actions.len())
            .sum();
        assert_eq!(actions, 1000);
        assert_eq!(p.validate(), Ok(()));
    }
}

#[cfg(test)]
mod next_round_tests {
    use super::*;

    #[test]
    fn the_next_round_compares_with_this_one_and_carries_open_actions() {
        let p = sample_project();
        let now = chrono::DateTime::parse_from_rfc3339("2027-05-14T13:00:00+09:00").expect("time");
        let next = p.next_round(now);
        assert_eq!(next.teams.len(), 2);
        assert_eq!(next.teams[0].members, p.teams[0].members);
        assert!(
            next.teams
                .iter()
                .flat_map(|t| &t.responses.0)
                .all(|r| r.score.is_none() && r.votes.is_empty())
        );
        let open: usize = p
            .teams
            .iter()
            .flat_map(|t| &t.responses.0)
            .flat_map(|r| &r.actions)
            .filter(|a| a.status.is_open())
            .count();
        let carried: usize = next
            .teams
            .iter()
            .flat_map(|t| &t.responses.0)
            .map(|r| r.actions.len())
            .sum();
        assert_eq!(carried, open);
        let baseline = next.baseline.as_ref().expect("baseline");
        assert_eq!(baseline.teams[0].scores[0], p.teams[0].responses.0[0].score);
        assert_eq!(next.meta.date, NaiveDate::from_ymd_opt(2027, 5, 14));
        assert_eq!(next.validate(), Ok(()));
    }
}
