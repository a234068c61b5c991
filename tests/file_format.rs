//! The project file: round trips, and every kind of bad input gets a clear, positioned error.

use kizuki::Lang;
use kizuki::file::{self, FileError};
use kizuki::project::{
    Action, ActionStatus, Answer, Baseline, BaselineTeam, FORMAT_VERSION, ItemResponse, Level,
    Member, Meta, Problem, Project, Team, Vote, sample_project,
};
use proptest::prelude::*;

fn sample_text() -> String {
    file::to_text(&sample_project()).expect("serialises")
}

fn parse_str(text: &str) -> Result<Project, FileError> {
    file::parse(text.as_bytes())
}

/// Both languages' messages, for assertions about wording.
fn messages(e: &FileError) -> (String, String) {
    (e.message(Lang::Ja), e.message(Lang::En))
}

#[test]
fn sample_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.kizuki.ron");
    let project = sample_project();
    file::save(&project, &path).expect("saves");
    assert_eq!(file::load(&path).expect("loads"), project);
}

#[test]
fn file_is_readable_and_stable() {
    let text = sample_text();
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert!(
        text.contains("\"partners\": ("),
        "items are keyed by id:\n{}",
        &text[..2000]
    );
    assert!(
        text.contains("デジタル推進課"),
        "Japanese is written as is, not escaped"
    );
    assert_eq!(
        file::to_text(&parse_str(&text).expect("parses")).expect("serialises"),
        text
    );
    let fv = text.find("format_version").expect("version");
    let meta = text.find("meta:").expect("meta");
    let teams = text.find("teams:").expect("teams");
    assert!(fv < meta && meta < teams, "stable field order");
}

#[test]
fn save_keeps_a_backup_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.kizuki.ron");
    let mut project = sample_project();
    file::save(&project, &path).expect("first save");
    project.meta.title = "二回目".into();
    file::save(&project, &path).expect("second save");
    let backup = file::load(&file::backup_path(&path)).expect("backup loads");
    assert_eq!(backup.meta.title, sample_project().meta.title);
    assert_eq!(file::load(&path).expect("loads").meta.title, "二回目");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "only the file and its backup: {names:?}");
}

#[cfg(unix)]
#[test]
fn save_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let path = locked.join("p.kizuki.ron");
    let result = file::save(&sample_project(), &path);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    // root can write anywhere; the test then only shows that saving works there.
    if let Err(e) = result {
        assert!(matches!(e, FileError::Write { .. }), "{e:?}");
        assert!(
            e.message(Lang::Ja).contains("書き込めません"),
            "{}",
            e.message(Lang::Ja)
        );
    }
}

#[test]
fn windows_notepad_file_loads() {
    let text = sample_text().replace('\n', "\r\n");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(text.as_bytes());
    assert_eq!(
        file::parse(&bytes).expect("BOM and CRLF load"),
        sample_project()
    );
}

#[test]
fn empty_file() {
    for text in ["", "   \n\n", "\u{feff}"] {
        let e = parse_str(text).expect_err("empty");
        assert!(matches!(e, FileError::Empty), "{e:?}");
        assert!(e.message(Lang::Ja).contains("空"));
    }
}

#[test]
fn truncated_file_at_every_length_is_an_error_with_a_position() {
    let text = sample_text();
    let cut_points: Vec<usize> = (1..text.len() - 2)
        .step_by(97)
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    assert!(cut_points.len() > 20);
    for cut in cut_points {
        let e = parse_str(&text[..cut]).expect_err("a truncated file must not load");
        if !matches!(e, FileError::Empty) {
            assert!(
                e.position().is_some(),
                "cut at {cut}: {e:?} has no position"
            );
        }
    }
    let e = parse_str(text.trim_end().trim_end_matches(')')).expect_err("no closing bracket");
    assert!(
        e.message(Lang::Ja).contains("途中で終わって"),
        "{}",
        e.message(Lang::Ja)
    );
}

#[test]
fn not_utf8() {
    let mut bytes = b"(\n  format_version: 1,\n  meta: (title: \"".to_vec();
    bytes.extend_from_slice(&[0x82, 0xa0, 0xff]); // Shift_JIS, as an old Windows editor might write
    let e = file::parse(&bytes).expect_err("not UTF-8");
    assert!(matches!(e, FileError::NotUtf8 { .. }));
    let at = e.position().expect("position");
    assert_eq!(
        (at.line, at.column),
        (3, 18),
        "the column of the first bad byte"
    );
    assert!(e.message(Lang::Ja).contains("UTF-8"));
}

#[test]
fn not_ron() {
    let e = parse_str("{\"format_version\": 1, \"meta\": {}}").expect_err("JSON is not RON");
    assert!(e.position().is_some());
    let e = parse_str("これはプロジェクトファイルではありません").expect_err("prose");
    let (ja, en) = messages(&e);
    assert!(ja.starts_with("1 行 1 列"), "{ja}");
    assert!(en.starts_with("line 1, column 1"), "{en}");
}

#[test]
fn absurd_nesting_is_refused_without_overflowing_the_stack() {
    for depth in [100, 10_000, 1_000_000] {
        let text = format!("(format_version: 1, meta: {}", "[".repeat(depth));
        let e = parse_str(&text).expect_err("deep");
        assert!(e.position().is_some(), "{e:?}");
        let text = "(".repeat(depth);
        assert!(parse_str(&text).is_err());
    }
}

#[test]
fn far_too_large_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.kizuki.ron");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(kizuki::project::limits::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let e = file::load(&path).expect_err("too large");
    assert!(matches!(e, FileError::TooLarge { .. }), "{e:?}");
    assert!(e.message(Lang::Ja).contains("大きすぎます"));
}

#[test]
fn missing_file() {
    let e = file::load(std::path::Path::new("/nonexistent/もの.kizuki.ron")).expect_err("missing");
    assert!(
        e.message(Lang::Ja).contains("見つかりません"),
        "{}",
        e.message(Lang::Ja)
    );
    assert!(e.message(Lang::En).contains("does not exist"));
}

#[test]
fn newer_format_version() {
    let text = sample_text().replace(
        &format!("format_version: {FORMAT_VERSION},"),
        "format_version: 7,",
    );
    let e = parse_str(&text).expect_err("newer");
    assert!(
        matches!(
            e,
            FileError::Content {
                problem: Problem::NewerFormat { found: 7, .. },
                ..
            }
        ),
        "{e:?}"
    );
    let at = e.position().expect("position");
    assert_eq!(at.line, 3, "points at format_version");
    assert!(e.message(Lang::Ja).contains("新しい版"));
    // A newer file may have fields this version does not know: the version message still wins.
    let text = text.replace("meta: (", "future_field: 1,\n    meta: (");
    assert!(matches!(
        parse_str(&text),
        Err(FileError::Content {
            problem: Problem::NewerFormat { .. },
            ..
        })
    ));
}

/// Replaces the first `from` after `anchor` in the sample's text.
fn corrupt(anchor: &str, from: &str, to: &str) -> (String, usize) {
    let text = sample_text();
    let start = text.find(anchor).expect("anchor");
    let at = start + text[start..].find(from).expect("needle");
    let line = text[..at].matches('\n').count() + 1;
    (
        format!("{}{}{}", &text[..at], to, &text[at + from.len()..]),
        line,
    )
}

fn assert_problem_near(text: &str, line: usize, want: fn(&Problem) -> bool) -> FileError {
    let e = parse_str(text).expect_err("bad file must not load");
    match &e {
        FileError::Content { at, problem } => {
            assert!(want(problem), "unexpected problem {problem:?}");
            assert!(
                at.line >= line && at.line <= line + 40,
                "reported line {} for a problem on line {line}",
                at.line
            );
        }
        other => panic!("expected a content problem, got {other:?}"),
    }
    e
}

#[test]
fn out_of_range_levels() {
    for bad in ["Some(6)", "Some(0)", "Some(-3)", "Some(99999999999)"] {
        let (text, line) = corrupt("\"users\": (", "score: Some(2)", &format!("score: {bad}"));
        let e = assert_problem_near(&text, line, |p| matches!(p, Problem::LevelOutOfRange(_)));
        assert!(
            e.message(Lang::Ja).contains("1〜5"),
            "{}",
            e.message(Lang::Ja)
        );
    }
}

#[test]
fn unknown_item_id() {
    let (text, line) = corrupt("responses", "\"money-flow\"", "\"money-flows\"");
    let e = assert_problem_near(
        &text,
        line,
        |p| matches!(p, Problem::UnknownItem(id) if id == "money-flows"),
    );
    assert!(e.message(Lang::Ja).contains("money-flows"));
}

#[test]
fn duplicate_item_id() {
    let (text, line) = corrupt("responses", "\"users\": (", "\"partners\": (");
    assert_problem_near(
        &text,
        line,
        |p| matches!(p, Problem::DuplicateItem(id) if id == "partners"),
    );
}

/// The sample's text with one exact snippet replaced, and the line where the change is.
fn replace_once(from: &str, to: &str) -> (String, usize) {
    let text = sample_text();
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("snippet not in the sample: {from}"));
    let line = text[..at].matches('\n').count() + 1;
    (text.replacen(from, to, 1), line)
}

#[test]
fn duplicate_team_member_and_action_ids() {
    use kizuki::project::IdKind;
    let (text, line) = replace_once(
        "id: 2,\n            name: \"市民協働課\"",
        "id: 1,\n            name: \"市民協働課\"",
    );
    assert_problem_near(&text, line, |p| {
        matches!(
            p,
            Problem::DuplicateId {
                kind: IdKind::Team,
                id: 1
            }
        )
    });
    let (text, line) = replace_once(
        "id: 2,\n                    name: \"鈴木 健太\"",
        "id: 1,\n                    name: \"鈴木 健太\"",
    );
    assert_problem_near(&text, line, |p| {
        matches!(
            p,
            Problem::DuplicateId {
                kind: IdKind::Member,
                id: 1
            }
        )
    });
    let (text, line) = corrupt("\"partners\": (", "id: 2,", "id: 1,");
    assert_problem_near(&text, line, |p| {
        matches!(
            p,
            Problem::DuplicateId {
                kind: IdKind::Action,
                id: 1
            }
        )
    });
}

#[test]
fn impossible_dates() {
    for bad in ["2026-02-30", "2026-13-01", "yesterday", "2026/12/18"] {
        let (text, line) = corrupt("\"partners\": (", "\"2026-12-18\"", &format!("\"{bad}\""));
        let e = assert_problem_near(&text, line, |p| matches!(p, Problem::InvalidDate(_)));
        assert!(e.message(Lang::Ja).contains(bad));
    }
}

#[test]
fn example_numbers_beyond_the_item() {
    let (text, line) = corrupt("\"users\": (", "examples_done: [", "examples_done: [3, ");
    assert_problem_near(&text, line, |p| {
        matches!(
            p,
            Problem::ExampleOutOfRange {
                count: 2,
                number: 3,
                ..
            }
        )
    });
}

#[test]
fn unknown_and_missing_fields() {
    let (text, _) = corrupt("meta: (", "venue:", "venu:");
    let e = parse_str(&text).expect_err("typo");
    assert!(
        e.message(Lang::Ja).contains("venu"),
        "{}",
        e.message(Lang::Ja)
    );
    assert!(e.position().is_some());
}

#[test]
fn votes_from_strangers_are_refused() {
    let mut p = sample_project();
    p.teams[1].responses.0[0].votes.push(Vote {
        member: 42,
        answer: Level::ALL[0].into(),
    });
    let text = file::to_text(&p).expect("serialises");
    let e = parse_str(&text).expect_err("unknown voter");
    assert!(matches!(
        e,
        FileError::Invalid {
            problem: Problem::UnknownVoter { member: 42 },
            ..
        }
    ));
    assert!(
        e.message(Lang::Ja).contains("市民協働課"),
        "names the team: {}",
        e.message(Lang::Ja)
    );
}

#[test]
fn absurd_text_length_is_refused() {
    let mut p = sample_project();
    p.teams[0].responses.0[3].ideas = "あ".repeat(kizuki::project::limits::MAX_TEXT_CHARS + 1);
    let e = parse_str(&file::to_text(&p).expect("serialises")).expect_err("too long");
    assert!(matches!(
        e,
        FileError::Invalid {
            problem: Problem::TooLong { .. },
            ..
        }
    ));
    assert!(
        e.message(Lang::Ja).contains("項目 4"),
        "{}",
        e.message(Lang::Ja)
    );
}

#[test]
fn hostile_inputs_never_panic() {
    let text = sample_text();
    let bytes = text.as_bytes();
    // Flip one byte at many places: whatever happens, an Ok or an Err, never a panic.
    for i in (0..bytes.len()).step_by(13) {
        let mut b = bytes.to_vec();
        b[i] ^= 0x5a;
        let _ = file::parse(&b);
    }
}

fn arb_level() -> impl Strategy<Value = Option<Level>> {
    prop::option::of((1u8..=5).prop_map(|n| Level::new(n).expect("in range")))
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 ,.()\\[\\]{}\"\\\\\n\t]{0,40}",
        "\\PC{0,30}",
        "[ぁ-んァ-ヶ一-龠、。「」]{0,30}"
    ]
}

fn arb_date() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
    prop::option::of((1990i32..2100, 1u32..=12, 1u32..=31))
        .prop_map(|d| d.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)))
}

/// Timestamps in any offset, to the second (as files hold them).
fn arb_timestamp() -> impl Strategy<Value = Option<chrono::DateTime<chrono::FixedOffset>>> {
    prop::option::of((0i64..4_102_444_800, -12i32..=14)).prop_map(|t| {
        t.and_then(|(secs, hours)| {
            let offset = chrono::FixedOffset::east_opt(hours * 3600)?;
            Some(chrono::DateTime::from_timestamp(secs, 0)?.with_timezone(&offset))
        })
    })
}

/// How many members a generated team has; votes and owners refer to them.
const MEMBERS: u32 = 4;

fn arb_measurement() -> impl Strategy<Value = Option<kizuki::project::kpi::Measurement>> {
    prop::option::of(
        (-1.0e9f64..1.0e9, arb_date())
            .prop_map(|(value, date)| kizuki::project::kpi::Measurement { value, date }),
    )
}

fn arb_kpis() -> impl Strategy<Value = Vec<kizuki::project::kpi::Kpi>> {
    let kpi = (
        (arb_text(), arb_text(), arb_text(), arb_text(), arb_text()),
        (
            arb_measurement(),
            arb_measurement(),
            arb_measurement(),
            arb_measurement(),
        ),
    )
        .prop_map(
            |(
                (indicator, unit, method, frequency, owner),
                (baseline, target, previous, current),
            )| {
                kizuki::project::kpi::Kpi {
                    id: 0,
                    indicator,
                    unit,
                    baseline,
                    target,
                    previous,
                    current,
                    method,
                    frequency,
                    owner,
                }
            },
        );
    prop::collection::vec(kpi, 0..2).prop_map(|kpis| {
        kpis.into_iter()
            .zip(1..)
            .map(|(k, id)| kizuki::project::kpi::Kpi { id, ..k })
            .collect()
    })
}

fn arb_review() -> impl Strategy<Value = (bool, Option<kizuki::project::ActionReview>)> {
    use kizuki::project::{ActionReview, Impact, Verdict};
    (
        any::<bool>(),
        prop::option::of((0usize..3, arb_text(), 0usize..5).prop_map(|(v, note, i)| {
            let verdict = Verdict::ALL[v];
            ActionReview {
                verdict,
                note,
                // Only a completed action has an effect (index 4: none given).
                impact: Impact::ALL
                    .get(i)
                    .copied()
                    .filter(|_| verdict == Verdict::Done),
            }
        })),
    )
}

fn arb_response() -> impl Strategy<Value = ItemResponse> {
    (
        (arb_level(), arb_level(), any::<bool>()),
        prop::collection::vec(prop::option::of(0u8..=5), MEMBERS as usize),
        (arb_text(), arb_text(), arb_text()),
        prop::collection::btree_set(1u32..=2, 0..=2),
        prop::collection::vec(
            (arb_text(), arb_text(), arb_date(), 0usize..4, arb_review()),
            0..3,
        ),
        (
            arb_kpis(),
            prop::option::of((prop::array::uniform5(0u32..50), 0u32..5)),
            prop::collection::vec(
                (
                    arb_text(),
                    prop::option::of(1u32..3),
                    any::<bool>(),
                    any::<bool>(),
                ),
                0..3,
            ),
        ),
    )
        .prop_map(
            |(
                (score, target, revealed),
                votes,
                (current_state, ideas, note),
                examples,
                actions,
                (kpis, anonymous, reasons),
            )| {
                ItemResponse {
                    reasons: reasons
                        .into_iter()
                        .map(|(text, member, released, typed)| kizuki::project::Reason {
                            text,
                            member,
                            released,
                            typed,
                        })
                        .collect(),
                    anonymous_votes: anonymous.map(|(levels, dont_know)| {
                        kizuki::project::Distribution { levels, dont_know }
                    }),
                    score,
                    target,
                    votes: votes
                        .into_iter()
                        .zip(1..)
                        .filter_map(|(level, member)| {
                            // 0 stands for 「わからない」 in the generated votes.
                            let answer = match level? {
                                0 => Answer::DontKnow,
                                n => Answer::Level(Level::new(n)?),
                            };
                            Some(Vote { member, answer })
                        })
                        .collect(),
                    votes_revealed: revealed,
                    current_state,
                    ideas,
                    facilitator_note: note,
                    examples_done: examples.into_iter().collect(),
                    actions: actions
                        .into_iter()
                        .zip(1..)
                        .map(
                            |((what, owner, due, status, (carried, review)), id)| Action {
                                id,
                                what,
                                owner,
                                due,
                                status: ActionStatus::ALL[status],
                                carried,
                                review,
                            },
                        )
                        .collect(),
                    kpis,
                }
            },
        )
}

fn arb_agenda() -> impl Strategy<Value = Option<kizuki::project::agenda::Agenda>> {
    use kizuki::project::agenda::{Agenda, ItemWeight};
    prop::option::of(
        (10u32..=480, prop::collection::vec((0u8..=4, 0u8..=4), 10)).prop_map(|(total, w)| {
            let weights: [ItemWeight; 10] = std::array::from_fn(|i| ItemWeight {
                spread: w[i].0,
                gap: w[i].1,
            });
            Agenda::weighted(total, &weights)
        }),
    )
}

fn arb_baseline() -> impl Strategy<Value = Option<Baseline>> {
    let team = (arb_text(), prop::collection::vec(arb_level(), 10)).prop_map(|(name, scores)| {
        BaselineTeam {
            name,
            scores: scores.try_into().expect("ten"),
        }
    });
    prop::option::of(
        (arb_text(), arb_date(), prop::collection::vec(team, 0..3))
            .prop_map(|(title, date, teams)| Baseline { title, date, teams }),
    )
}

fn arb_project() -> impl Strategy<Value = Project> {
    let team = (
        arb_text(),
        prop::collection::vec(arb_text(), MEMBERS as usize),
        prop::collection::vec(arb_response(), 10),
    )
        .prop_map(|(name, members, responses)| Team {
            id: 0,
            name,
            members: members
                .into_iter()
                .zip(1..)
                .map(|(name, id)| Member { id, name })
                .collect(),
            responses: kizuki::project::Responses(responses.try_into().expect("ten")),
        });
    (
        (arb_text(), arb_text(), arb_text(), arb_text(), arb_text()),
        (arb_date(), arb_timestamp(), arb_timestamp()),
        prop::sample::select(Lang::ALL.to_vec()),
        prop::collection::vec(team, 1..4),
        (arb_baseline(), arb_agenda(), any::<bool>()),
    )
        .prop_map(
            |(
                (title, organization, facilitator, venue, department),
                (date, created_at, modified_at),
                language,
                teams,
                (baseline, agenda, private),
            )| Project {
                format_version: FORMAT_VERSION,
                meta: Meta {
                    title,
                    organization,
                    date,
                    facilitator,
                    venue,
                    language,
                    created_at,
                    modified_at,
                    agenda,
                    department,
                    circulation: kizuki::project::Circulation::default(),
                    vote_names: if private {
                        kizuki::project::VoteNames::Facilitator
                    } else {
                        kizuki::project::VoteNames::Everyone
                    },
                },
                teams: teams
                    .into_iter()
                    .zip(1..)
                    .map(|(t, id)| Team { id, ..t })
                    .collect(),
                baseline,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_projects_round_trip(project in arb_project()) {
        let text = file::to_text(&project).expect("serialises");
        prop_assert_eq!(parse_str(&text).expect("parses"), project);
    }
}

/// Loads an older file, saves it, and checks that nothing was lost: every line of the old file
/// (but its version, its comments, and a vote's `level:`, written `answer:` since format 3)
/// appears in the new one, and the saved file loads to the same project.
fn upgrades_without_loss(name: &str, version: u32) -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let old_text = std::fs::read_to_string(&path).expect("the old file");
    assert!(old_text.contains(&format!("format_version: {version},")));
    let project = file::load(&path).expect("an older file loads");
    assert_eq!(project.format_version, FORMAT_VERSION, "upgraded in memory");
    let dir = tempfile::tempdir().expect("dir");
    let saved = dir.path().join("upgraded.kizuki.ron");
    file::save(&project, &saved).expect("saves");
    let new_text = std::fs::read_to_string(&saved).expect("reads");
    assert!(new_text.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert_eq!(file::load(&saved).expect("loads again"), project);
    for line in old_text.lines().map(str::trim) {
        if line.starts_with("format_version") || line.starts_with("//") {
            continue;
        }
        let line = match line.strip_prefix("level: ") {
            Some(level) => format!("answer: {level}"),
            None => line.to_owned(),
        };
        assert!(new_text.contains(&line), "lost in the upgrade: {line}");
    }
    project
}

#[test]
fn a_version_1_file_loads_and_is_saved_as_the_current_version_without_losses() {
    upgrades_without_loss("wave1-sample.kizuki.ron", 1);
}

#[test]
fn a_version_2_file_keeps_its_votes_and_anonymous_counts() {
    /// Anonymous counts as version 2 declared them: a newtype of five.
    #[derive(serde::Serialize)]
    struct Written([u32; 5]);

    let project = upgrades_without_loss("v2-sample.kizuki.ron", 2);
    let users = &project.teams[0].responses[kizuki::checklist::ItemId::Users];
    assert_eq!(users.vote_of(3), Level::new(1).map(Answer::Level));
    assert_eq!(
        users.anonymous_votes,
        Some(kizuki::project::Distribution {
            levels: [0, 1, 2, 1, 0],
            dont_know: 0
        })
    );
    // What serde and ron make of that newtype today must read as well as the file above.
    let old = ron::to_string(&Some(Written([3, 0, 0, 0, 1]))).expect("serialises");
    let text = file::to_text(&sample_project())
        .expect("serialises")
        .replacen(
            "kpis: [],",
            &format!("kpis: [], anonymous_votes: {old},"),
            1,
        );
    let read = parse_str(&text).expect("parses");
    let first = read.teams[0]
        .responses
        .0
        .iter()
        .find_map(|r| r.anonymous_votes);
    assert_eq!(
        first.map(|d| (d.levels, d.dont_know)),
        Some(([3, 0, 0, 0, 1], 0))
    );
}

#[test]
fn a_version_3_file_loads_with_no_reasons_and_keeps_everything() {
    let project = upgrades_without_loss("v3-sample.kizuki.ron", 3);
    let money = &project.teams[0].responses[kizuki::checklist::ItemId::MoneyFlow];
    assert_eq!(money.vote_of(4), Some(Answer::DontKnow));
    assert!(
        project
            .teams
            .iter()
            .all(|t| t.responses.0.iter().all(|r| r.reasons.is_empty())),
        "reasons came with version 4"
    );
}

#[test]
fn dont_know_is_written_as_such_and_read_back() {
    let mut project = sample_project();
    let money = &mut project.teams[1].responses[kizuki::checklist::ItemId::MoneyFlow];
    money.votes = vec![Vote {
        member: 1,
        answer: Answer::DontKnow,
    }];
    money.anonymous_votes = Some(kizuki::project::Distribution {
        levels: [1, 0, 0, 0, 0],
        dont_know: 2,
    });
    let text = file::to_text(&project).expect("serialises");
    assert!(
        text.contains("answer: \"dont_know\""),
        "readable in the file"
    );
    assert_eq!(parse_str(&text).expect("parses"), project);
    // A word that is neither a level nor 「わからない」 is refused where it stands.
    let bad = text.replacen("answer: \"dont_know\"", "answer: \"maybe\"", 1);
    assert!(parse_str(&bad).is_err());
}

#[cfg(unix)]
mod sharing {
    use kizuki::file;
    use kizuki::project::sample_project;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &std::path::Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn saving_over_keeps_the_mode_and_kizukis_own_copies_stay_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shared.kizuki.ron");
        file::save(&sample_project(), &path).expect("save");
        // A file a colleague made group-writable on the shared drive stays so.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
        file::save(&sample_project(), &path).expect("save over");
        assert_eq!(mode(&path), 0o664);
        let export = dir.path().join("summary.md");
        file::write_atomically(&export, b"# x", false).expect("export");
        std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        file::write_atomically(&export, b"# y", false).expect("export over");
        assert_eq!(mode(&export), 0o640);
        let private = dir.path().join("recovery.ron");
        file::write_private(&private, b"()").expect("private");
        assert_eq!(mode(&private), 0o600);
    }

    #[test]
    fn a_fifo_is_refused_at_once_for_reading_and_writing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.kizuki.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let started = std::time::Instant::now();
        let read = file::load(&fifo);
        assert!(
            matches!(read, Err(file::FileError::NotAFile { .. })),
            "{read:?}"
        );
        let written = file::save(&sample_project(), &fifo);
        assert!(
            matches!(written, Err(file::FileError::NotAFile { .. })),
            "{written:?}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "never waited"
        );
    }
}

/// The sample with a few bad values a hand edit or another program could leave.
fn sample_with_bad_values() -> String {
    let text = kizuki::file::to_text(&sample_project()).expect("text");
    let text = text.replacen("score: Some(3)", "score: Some(9)", 1);
    let text = text.replacen(
        "member: 2,\n                            answer: 3,",
        "member: 2,\n                            answer: 7,",
        1,
    );
    let text = text.replacen(
        "date: Some(\"2026-11-20\")",
        "date: Some(\"2026-02-30\")",
        1,
    );
    let text = text.replacen("\"users\": (", "\"userz\": (", 1);
    // A vote of a member the team does not have.
    text.replacen(
        "votes: [\n",
        "votes: [\n                        (\n                            member: 99,\n                            answer: 2,\n                        ),\n",
        1,
    )
}

#[test]
fn a_file_with_a_few_bad_values_opens_with_repairs_and_each_is_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.kizuki.ron");
    std::fs::write(&path, sample_with_bad_values()).expect("write");
    assert!(file::load(&path).is_err(), "refused as it is");
    let (project, repairs) = file::load_with_repairs(&path).expect("opens with repairs");
    assert!(project.validate().is_ok());
    let texts: Vec<String> = repairs.iter().map(|r| r.text(kizuki::Lang::Ja)).collect();
    for expected in ["9", "7", "2026-02-30", "userz", "99"] {
        assert!(
            texts.iter().any(|t| t.contains(expected)),
            "{expected} is among the repairs: {texts:?}"
        );
    }
    let first = &project.teams[0];
    assert_eq!(
        first.responses[kizuki::checklist::ItemId::Partners].score,
        None,
        "the level 9 cleared"
    );
    assert!(
        first.responses[kizuki::checklist::ItemId::Partners]
            .votes
            .iter()
            .all(|v| v.member != 99 && v.answer.level().is_none_or(|l| l.get() <= 5)),
        "the bad votes removed"
    );
    assert_eq!(project.meta.date, None);
    // Nothing was written: the file is as it was.
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        sample_with_bad_values()
    );
    // A broken file (syntax) is not "repaired" into something else.
    std::fs::write(&path, "(format_version: 2, meta: (").expect("write");
    assert!(file::load_with_repairs(&path).is_err());
}
