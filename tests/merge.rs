//! Merging laptops loses nothing: on generated pairs of files (each laptop changed the sample in
//! its own way: scores, votes, new actions numbered alike, examples, indicators, a team of its
//! own), every team, member, vote, action, indicator and example of both is in the merged project,
//! or stands in a conflict; and the result is a valid project.

use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::project::kpi::Kpi;
use kizuki::project::merge::{Prefer, merge};
use kizuki::project::{Action, Answer, Level, Project, Vote, sample_project};
use proptest::prelude::*;

/// What one laptop did to its copy.
#[derive(Clone, Debug)]
struct Changes {
    scores: Vec<(usize, usize, u8)>,
    votes: Vec<(usize, usize, usize, u8)>,
    actions: Vec<(usize, usize, String)>,
    examples: Vec<(usize, usize, u32)>,
    kpis: Vec<(usize, usize, String)>,
    own_team: Option<String>,
}

fn changes() -> impl Strategy<Value = Changes> {
    (
        prop::collection::vec((0usize..2, 0usize..10, 1u8..=5), 0..6),
        prop::collection::vec((0usize..2, 0usize..10, 0usize..5, 1u8..=5), 0..10),
        prop::collection::vec((0usize..2, 0usize..10, "[a-zあ-ん]{1,8}"), 0..5),
        prop::collection::vec((0usize..2, 0usize..10, 1u32..=2), 0..4),
        prop::collection::vec((0usize..2, 0usize..10, "[a-zア-ン]{1,8}"), 0..3),
        prop::option::of("[A-Z][a-z]{2,6}課"),
    )
        .prop_map(
            |(scores, votes, actions, examples, kpis, own_team)| Changes {
                scores,
                votes,
                actions,
                examples,
                kpis,
                own_team,
            },
        )
}

fn apply(changes: &Changes, modified: &str) -> Project {
    let mut p = sample_project();
    p.meta.modified_at = chrono::DateTime::parse_from_rfc3339(modified).ok();
    for &(t, i, level) in &changes.scores {
        p.teams[t].responses.0[i].score = Level::new(level);
    }
    for &(t, i, m, level) in &changes.votes {
        let members = &p.teams[t].members;
        let member = members[m % members.len()].id;
        let r = &mut p.teams[t].responses.0[i];
        r.votes.retain(|v| v.member != member);
        r.votes.push(Vote {
            member,
            answer: Answer::Level(Level::new(level).expect("level")),
        });
        r.votes.sort_by_key(|v| v.member);
    }
    for (t, i, what) in &changes.actions {
        let id = p.teams[*t].next_action_id();
        p.teams[*t].responses.0[*i].actions.push(Action {
            id,
            what: format!("新しいアクション {what}"),
            ..Action::default()
        });
    }
    for &(t, i, n) in &changes.examples {
        let r = &mut p.teams[t].responses.0[i];
        if !r.examples_done.contains(&n)
            && (n as usize) <= kizuki::checklist::example_count(ItemId::ALL[i])
        {
            r.examples_done.push(n);
            r.examples_done.sort_unstable();
        }
    }
    for (t, i, indicator) in &changes.kpis {
        let id = p.teams[*t]
            .responses
            .0
            .iter()
            .flat_map(|r| &r.kpis)
            .map(|k| k.id)
            .max()
            .unwrap_or(0)
            + 1;
        p.teams[*t].responses.0[*i].kpis.push(Kpi {
            id,
            indicator: format!("指標 {indicator}"),
            ..Kpi::default()
        });
    }
    if let Some(name) = &changes.own_team {
        let mut team = p.teams[1].clone();
        team.name.clone_from(name);
        team.id = p.next_team_id();
        p.teams.push(team);
    }
    assert!(p.validate().is_ok(), "a valid laptop file");
    p
}

fn everything_of(merged: &Project, side: &Project, conflicts: &[String]) {
    for team in &side.teams {
        let m = merged
            .teams
            .iter()
            .find(|t| t.name == team.name)
            .unwrap_or_else(|| panic!("team {} kept", team.name));
        for member in &team.members {
            assert!(
                m.members.iter().any(|x| x.name == member.name),
                "member {}",
                member.name
            );
        }
        for (id, response) in team.responses.iter() {
            let mr = &m.responses[id];
            for vote in &response.votes {
                let name = &team
                    .members
                    .iter()
                    .find(|x| x.id == vote.member)
                    .expect("member")
                    .name;
                let mid = m
                    .members
                    .iter()
                    .find(|x| &x.name == name)
                    .expect("member")
                    .id;
                let kept = mr.vote_of(mid) == Some(vote.answer);
                let disputed = conflicts.iter().any(|c| c.contains(name.as_str()));
                assert!(
                    kept || disputed,
                    "{name}'s vote on {id} kept or in a conflict"
                );
            }
            for action in &response.actions {
                assert!(
                    mr.actions.iter().any(|a| a.what == action.what),
                    "action {} kept",
                    action.what
                );
            }
            for kpi in &response.kpis {
                assert!(
                    mr.kpis.iter().any(|k| k.indicator == kpi.indicator),
                    "kpi kept"
                );
            }
            for example in &response.examples_done {
                assert!(mr.examples_done.contains(example), "example kept");
            }
            if let Some(score) = response.score {
                let disputed = conflicts
                    .iter()
                    .any(|c| c.contains(&team.name) && c.contains("スコア"));
                assert!(
                    mr.score == Some(score) || disputed,
                    "score kept or disputed"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merging_two_laptops_loses_nothing(a in changes(), b in changes()) {
        let ours = apply(&a, "2026-11-26T10:00:00+09:00");
        let theirs = apply(&b, "2026-11-26T11:00:00+09:00");
        let merged = merge(&ours, &theirs, Lang::Ja);
        let conflicts: Vec<String> = merged
            .conflicts
            .iter()
            .map(|c| format!("{} {} {}", c.place, c.ours, c.theirs))
            .collect();
        prop_assert!(merged.project.validate().is_ok(), "{:?}", merged.project.validate());
        everything_of(&merged.project, &ours, &conflicts);
        everything_of(&merged.project, &theirs, &conflicts);
        // Preferring the newest takes the later file's value wherever they differ.
        let newest = merged.clone().resolved(Prefer::Newest);
        prop_assert!(newest.validate().is_ok());
        for &(t, i, _) in &b.scores {
            let name = &theirs.teams[t].name;
            let team = newest.teams.iter().find(|x| &x.name == name).expect("team");
            let later = theirs.teams[t].responses.0[i].score;
            prop_assert_eq!(team.responses.0[i].score, later);
        }
    }
}

#[test]
fn the_command_refuses_differences_unless_told_which_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.kizuki.ron");
    let b = dir.path().join("b.kizuki.ron");
    let out = dir.path().join("all.kizuki.ron");
    let mut first = sample_project();
    first.meta.modified_at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").ok();
    let mut second = first.clone();
    second.meta.modified_at =
        chrono::DateTime::parse_from_rfc3339("2026-11-26T12:00:00+09:00").ok();
    second.teams[0].responses[ItemId::Partners].score = Level::new(5);
    let mut team = second.teams[1].clone();
    team.name = "観光振興課".into();
    team.id = second.next_team_id();
    second.teams.push(team);
    kizuki::file::save(&first, &a).expect("save");
    kizuki::file::save(&second, &b).expect("save");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "merge".to_owned(),
            a.display().to_string(),
            b.display().to_string(),
            "--out".into(),
            out.display().to_string(),
            "--lang".into(),
            "ja".into(),
        ];
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        std::process::Command::new(env!("CARGO_BIN_EXE_kizuki"))
            .args(&args)
            .output()
            .expect("runs")
    };
    let refused = run(&[]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("1. パートナー") && stderr.contains("スコア"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");

    let done = run(&["--prefer", "newest"]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let merged = kizuki::file::load(&out).expect("loads");
    assert_eq!(merged.teams.len(), 3, "the other laptop's team added");
    assert_eq!(
        merged.teams[0].responses[ItemId::Partners].score,
        Level::new(5)
    );

    let again = run(&["--prefer", "first"]);
    assert!(
        !again.status.success(),
        "an existing output is not overwritten without --force"
    );
    let forced = run(&["--prefer", "first", "--force"]);
    assert!(forced.status.success());
    let merged = kizuki::file::load(&out).expect("loads");
    assert_eq!(
        merged.teams[0].responses[ItemId::Partners].score,
        first.teams[0].responses[ItemId::Partners].score
    );
}
