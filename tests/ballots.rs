//! Whatever phones send, the project file stays one that loads: any sequence of votes (named or
//! anonymous, hostile names, many phones at one address, names released and given back, items
//! followed and revealed), with members removed in the window meanwhile, recorded as the window
//! records them, saves to a file that `kizuki validate` and the window accept.

use kizuki::checklist::{ItemId, Level};
use kizuki::project::{Edit, sample_project};
use kizuki::vote::{Poll, PollConfig, Released, Revealed, Scope};
use proptest::prelude::*;
use std::net::IpAddr;

#[derive(Clone, Debug)]
enum Step {
    Vote {
        phone: u8,
        address: u8,
        /// An index into the members, or past them: a name not in the team.
        member: Option<u8>,
        item: u8,
        level: u8,
    },
    Follow(u8),
    Reveal(u8),
    Release(u8),
    Restore,
    Share(u8),
    /// The facilitator removes a member in the window while phones vote.
    RemoveMember(u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0u8..40, 0u8..6, proptest::option::of(0u8..12), 0u8..10, 1u8..=5).prop_map(
            |(phone, address, member, item, level)| Step::Vote {
                phone,
                address,
                member,
                item,
                level
            }
        ),
        1 => (0u8..10).prop_map(Step::Follow),
        1 => (0u8..10).prop_map(Step::Reveal),
        1 => (0u8..12).prop_map(Step::Release),
        1 => Just(Step::Restore),
        1 => (1u8..4).prop_map(Step::Share),
        1 => (0u8..12).prop_map(Step::RemoveMember),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_sequence_of_phone_requests_makes_a_file_that_does_not_load(
        steps in proptest::collection::vec(step(), 0..80),
        anonymous in any::<bool>(),
        all_items in any::<bool>(),
        ceiling in 1usize..20,
    ) {
        let mut project = sample_project();
        let team = project.teams[0].clone();
        let scope = if all_items { Scope::AllItems } else { Scope::Item(ItemId::Partners) };
        let mut config = PollConfig::for_team(&team, scope, anonymous);
        config.ceiling = ceiling;
        let names: Vec<String> = team.members.iter().map(|m| m.name.clone()).collect();
        let mut poll = Poll::new(config);
        let mut released: Vec<Released> = Vec::new();
        let record = |project: &mut kizuki::project::Project, r: Revealed| {
            let _ = Edit::RecordBallots {
                team: r.team,
                item: r.item,
                named: r.named,
                anonymous: r.anonymous,
                reasons: r.reasons,
                shown: true,
            }
            .apply(project);
        };
        for step in steps {
            match step {
                Step::Vote { phone, address, member, item, level } => {
                    let name = member.map(|m| {
                        names.get(usize::from(m)).cloned().unwrap_or_else(|| format!("<誰か{m}>"))
                    });
                    let address = IpAddr::from([192, 168, 0, address]);
                    if let Ok(accepted) = poll.vote(
                        &format!("phone{phone}"),
                        address,
                        name.as_deref(),
                        ItemId::ALL[usize::from(item)],
                        Level::new(level).expect("1-5").into(),
                    ) && let Some(revealed) = accepted.revealed
                    {
                        record(&mut project, revealed);
                    }
                }
                Step::Follow(item) => poll.follow(ItemId::ALL[usize::from(item)]),
                Step::Reveal(item) => {
                    let revealed = poll.reveal(ItemId::ALL[usize::from(item)]);
                    record(&mut project, revealed);
                }
                Step::Release(member) => {
                    if let Some(m) = team.members.get(usize::from(member))
                        && let Some(r) = poll.release(m.id)
                    {
                        released.push(r);
                    }
                }
                Step::Restore => {
                    if let Some(r) = released.pop() {
                        poll.restore(r);
                    }
                }
                Step::Share(phones) => poll.config.phones_per_address = usize::from(phones),
                Step::RemoveMember(member) => {
                    if let Some(m) = team.members.get(usize::from(member)) {
                        let _ = Edit::RemoveMember { team: team.id, member: m.id }.apply(&mut project);
                    }
                }
            }
            for status in poll.statuses() {
                prop_assert!(status.voted <= status.expected, "{status:?}");
            }
        }
        // Voting stops: what was not revealed comes back too (hidden).
        for revealed in poll.reveal_all() {
            record(&mut project, revealed);
        }
        prop_assert_eq!(project.validate(), Ok(()));
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("w.kizuki.ron");
        kizuki::file::save(&project, &file).expect("saves");
        let loaded = kizuki::file::load(&file);
        prop_assert!(loaded.is_ok(), "{:?}", loaded.err());
        prop_assert_eq!(loaded.expect("loaded"), project);
    }
}
