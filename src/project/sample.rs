//! A realistic sample workshop (fictional city, in Japanese) and a large synthetic project.
//! The sample is what the GUI's "open sample" shows and what tests and benchmarks use.

use super::*;
use chrono::TimeZone;

/// One item's answers in the sample, written as data so it reads like the workshop's minutes.
struct SampleAnswer {
    score: u8,
    target: u8,
    votes: &'static [u8],
    current_state: &'static str,
    ideas: &'static str,
    note: &'static str,
    examples_done: &'static [u32],
    actions: &'static [(&'static str, &'static str, &'static str, ActionStatus)],
}

use ActionStatus::{Doing, Done, Todo};

const DIGITAL_TEAM: [SampleAnswer; ITEM_COUNT] = [
    SampleAnswer {
        score: 3,
        target: 4,
        votes: &[3, 3, 2, 4, 3],
        current_state: "近隣３市とは情報システム担当者会議で年２回顔を合わせているが、共同で取り組んだ事業はまだない。",
        ideas: "窓口予約システムは近隣市も同じ悩みを抱えている。共同調達を持ちかけてみてはどうか。",
        note: "佐藤さんが近隣市との調整経験あり。",
        examples_done: &[1, 3],
        actions: &[
            (
                "近隣３市に窓口予約システムの共同検討を打診する",
                "佐藤",
                "2026-12-18",
                Doing,
            ),
            (
                "地域のIT企業との意見交換会を企画する",
                "高橋",
                "2027-01-29",
                Todo,
            ),
        ],
    },
    SampleAnswer {
        score: 2,
        target: 4,
        votes: &[2, 2, 1, 3, 2],
        current_state: "アンケートは年１回の市民意識調査のみ。サービスを作る前に利用者の声を聞く仕組みがない。",
        ideas: "オンライン申請の試作版を職員と市民モニターに先に使ってもらう。",
        note: "",
        examples_done: &[],
        actions: &[
            (
                "市民モニター20名を募集し、オンライン申請の試作版を評価してもらう",
                "田中",
                "2027-02-26",
                Todo,
            ),
            (
                "市公式LINEで「困っている手続き」アンケートを実施する",
                "鈴木",
                "2026-12-25",
                Todo,
            ),
        ],
    },
    SampleAnswer {
        score: 2,
        target: 3,
        votes: &[1, 2, 2, 3, 2],
        current_state: "庁内の勉強会は有志で月１回。市民や事業者が集まる場はない。",
        ideas: "図書館の多目的室を使って、学生も参加できるアイデアソンを開けないか。",
        note: "図書館との調整は教育委員会経由。",
        examples_done: &[4],
        actions: &[(
            "図書館でアイデアソン（テーマ：子育て手続き）を開催する",
            "高橋",
            "2027-03-14",
            Todo,
        )],
    },
    SampleAnswer {
        score: 2,
        target: 3,
        votes: &[2, 3, 2, 2, 2],
        current_state: "市のオープンデータは20件のみで、更新も止まっている。",
        ideas: "公共施設の予約状況や空き状況をデータとして出せば、地元企業がアプリを作れるかもしれない。",
        note: "",
        examples_done: &[],
        actions: &[(
            "公共施設の空き状況データの公開範囲を施設所管課と協議する",
            "佐藤",
            "2027-01-15",
            Todo,
        )],
    },
    SampleAnswer {
        score: 1,
        target: 3,
        votes: &[1, 1, 2, 1, 1],
        current_state: "すべて一般財源と国の補助金頼み。補助終了後の運用費が毎回の課題になっている。",
        ideas: "地元金融機関と、施設予約アプリの広告枠や手数料モデルを一緒に考える。",
        note: "財政課の同席が必要。",
        examples_done: &[],
        actions: &[(
            "地元信用金庫と収益モデルの勉強会を開く",
            "山本",
            "2027-02-10",
            Todo,
        )],
    },
    SampleAnswer {
        score: 2,
        target: 4,
        votes: &[2, 2, 3, 1, 2],
        current_state: "KPIは「システム導入件数」になっており、市民がどう良くなったかが測れていない。",
        ideas: "「窓口の待ち時間」「来庁せずに済んだ件数」を実数で測る。",
        note: "",
        examples_done: &[3],
        actions: &[
            (
                "窓口の平均待ち時間を２週間計測して現状値を出す",
                "鈴木",
                "2026-12-11",
                Done,
            ),
            (
                "DX推進計画のKPIを実数の成果指標に置き換える案を作る",
                "田中",
                "2027-03-31",
                Todo,
            ),
        ],
    },
    SampleAnswer {
        score: 3,
        target: 4,
        votes: &[3, 4, 3, 3, 2],
        current_state: "議事録は公開しているが、検討途中の課題は外に出していない。",
        ideas: "検討中の課題を「市の困りごと」としてウェブで公開し、提案を募る。",
        note: "",
        examples_done: &[1, 2],
        actions: &[(
            "「市の困りごと」公開ページの試作を作る",
            "高橋",
            "2027-01-22",
            Doing,
        )],
    },
    SampleAnswer {
        score: 3,
        target: 4,
        votes: &[3, 3, 4, 3, 3],
        current_state: "スマートフォン対応は進んだが、障害時の代替手段が決まっていない。",
        ideas: "重要度の高いサービスから ICT-BCP を見直す。",
        note: "",
        examples_done: &[2],
        actions: &[(
            "電子申請が止まった場合の窓口対応手順を文書化する",
            "山本",
            "2026-11-25",
            Todo,
        )],
    },
    SampleAnswer {
        score: 2,
        target: 3,
        votes: &[2, 2, 2, 3, 1],
        current_state: "導入したシステムは導入課だけが使っている。",
        ideas: "施設予約システムを観光案内や防災訓練の受付にも使えないか。",
        note: "",
        examples_done: &[1],
        actions: &[(
            "施設予約システムの他課での利用案を３つ集める",
            "佐藤",
            "2027-02-19",
            Todo,
        )],
    },
    SampleAnswer {
        score: 3,
        target: 5,
        votes: &[3, 4, 3, 2, 4],
        current_state: "小さな実証はしているが、決裁に時間がかかり次の一歩が遅い。",
        ideas: "予算ゼロでできる試行を毎月１つ決めてすぐやる。",
        note: "課長が前向き。次回も同席をお願いする。",
        examples_done: &[1, 3],
        actions: &[(
            "予算ゼロの試行を毎月１つ選び、結果を課内で共有する",
            "田中",
            "2026-12-25",
            Doing,
        )],
    },
];

const CIVIC_TEAM: [SampleAnswer; ITEM_COUNT] = [
    SampleAnswer {
        score: 2,
        target: 4,
        votes: &[2, 3, 2, 2],
        current_state: "NPOとの協働事業はあるが、ICTを使った取組での連携はない。",
        ideas: "地域のNPOが持つ見守りネットワークとデジタルの仕組みを組み合わせる。",
        note: "",
        examples_done: &[1],
        actions: &[(
            "市民活動センター登録団体にICT活用の困りごとを聞く",
            "伊藤",
            "2027-01-20",
            Todo,
        )],
    },
    SampleAnswer {
        score: 3,
        target: 4,
        votes: &[3, 3, 4, 3],
        current_state: "自治会長との対話会は定期的にあるが、若い世代の声が届きにくい。",
        ideas: "高校生・大学生と一緒に地域課題を考えるワークショップを開く。",
        note: "",
        examples_done: &[2],
        actions: &[
            (
                "市内の高校に地域課題ワークショップの共催を打診する",
                "中村",
                "2027-02-05",
                Todo,
            ),
            (
                "自治会向けアンケートにオンライン回答を追加する",
                "小林",
                "2026-12-20",
                Done,
            ),
        ],
    },
    SampleAnswer {
        score: 3,
        target: 4,
        votes: &[2, 4, 3, 3],
        current_state: "市民活動センターで交流会を開いているが、参加者が固定化している。",
        ideas: "テーマを絞った短時間のアイデアソンで新しい参加者を呼ぶ。",
        note: "",
        examples_done: &[2],
        actions: &[(
            "デジタル推進課と合同でアイデアソンの企画会議を開く",
            "伊藤",
            "2027-01-13",
            Todo,
        )],
    },
    SampleAnswer {
        score: 3,
        target: 4,
        votes: &[3, 3, 3, 4],
        current_state: "地域の祭りや商店街など魅力はあるが、外部の目で見直したことはない。",
        ideas: "地域おこし協力隊に、外から見た魅力を地図にしてもらう。",
        note: "",
        examples_done: &[3],
        actions: &[(
            "地域おこし協力隊と「魅力マップ」づくりの打合せをする",
            "小林",
            "2027-02-18",
            Todo,
        )],
    },
    SampleAnswer {
        score: 2,
        target: 3,
        votes: &[2, 1, 2, 2],
        current_state: "協働事業は市の補助金で運営しており、自立の見通しがない。",
        ideas: "クラウドファンディングやふるさと納税の使い道指定を検討する。",
        note: "",
        examples_done: &[],
        actions: &[(
            "ふるさと納税の使い道に協働事業を加える案を財政課に相談する",
            "中村",
            "2027-03-05",
            Todo,
        )],
    },
    SampleAnswer {
        score: 1,
        target: 3,
        votes: &[1, 2, 1, 1],
        current_state: "協働事業の成果は「参加者数」だけで評価している。",
        ideas: "参加した市民の変化（つながりが増えた等）を測る指標を考える。",
        note: "評価の専門家を呼ぶ案も出た。",
        examples_done: &[],
        actions: &[(
            "協働事業の成果指標を３つ案出しする",
            "山田",
            "2027-01-27",
            Todo,
        )],
    },
    SampleAnswer {
        score: 2,
        target: 4,
        votes: &[2, 2, 3, 2],
        current_state: "審議会の資料は公開しているが、市民が読みやすい形ではない。",
        ideas: "審議の要点を図解した「１枚まとめ」をウェブに載せる。",
        note: "",
        examples_done: &[2],
        actions: &[(
            "次回審議会の１枚まとめを試作する",
            "山田",
            "2026-12-15",
            Doing,
        )],
    },
    SampleAnswer {
        score: 3,
        target: 3,
        votes: &[3, 3, 2, 3],
        current_state: "紙の回覧とウェブの両方で情報を届けている。高齢者向けには紙が欠かせない。",
        ideas: "紙とデジタルを併用しつつ、スマホ教室で移行を支援する。",
        note: "",
        examples_done: &[2],
        actions: &[(
            "公民館でのスマホ教室を年４回開催する",
            "小林",
            "2027-03-20",
            Todo,
        )],
    },
    SampleAnswer {
        score: 2,
        target: 4,
        votes: &[2, 2, 2, 1],
        current_state: "防災・福祉・協働がそれぞれ別に地域へ入っており、住民の負担になっている。",
        ideas: "地域への説明会を部署横断でまとめて開く。",
        note: "",
        examples_done: &[],
        actions: &[(
            "防災課・福祉課と合同説明会の可能性を話し合う",
            "伊藤",
            "2027-02-12",
            Todo,
        )],
    },
    SampleAnswer {
        score: 4,
        target: 5,
        votes: &[4, 4, 5, 3],
        current_state: "市民提案の小さな事業を年度途中からでも試せる仕組みがある。",
        ideas: "試行結果を市民に報告する場をつくる。",
        note: "",
        examples_done: &[1, 3],
        actions: &[("試行事業の報告会を年度末に開く", "中村", "2027-03-25", Todo)],
    },
];

fn team_from(id: u32, name: &str, members: &[&str], answers: &[SampleAnswer; ITEM_COUNT]) -> Team {
    let members: Vec<Member> = members
        .iter()
        .zip(1..)
        .map(|(name, id)| Member {
            id,
            name: (*name).to_owned(),
        })
        .collect();
    let mut next_action = 1;
    let mut responses = Responses::default();
    for (slot, answer) in responses.0.iter_mut().zip(answers) {
        *slot = ItemResponse {
            score: Level::new(answer.score),
            target: Level::new(answer.target),
            votes: answer
                .votes
                .iter()
                .zip(&members)
                .filter_map(|(&level, m)| {
                    Some(Vote {
                        member: m.id,
                        level: Level::new(level)?,
                    })
                })
                .collect(),
            votes_revealed: true,
            current_state: answer.current_state.to_owned(),
            ideas: answer.ideas.to_owned(),
            facilitator_note: answer.note.to_owned(),
            examples_done: answer.examples_done.to_vec(),
            actions: answer
                .actions
                .iter()
                .map(|&(what, owner, due, status)| {
                    next_action += 1;
                    Action {
                        id: next_action - 1,
                        what: what.to_owned(),
                        owner: owner.to_owned(),
                        due: due.parse().ok(),
                        status,
                    }
                })
                .collect(),
        };
    }
    Team {
        id,
        name: name.to_owned(),
        members,
        responses,
    }
}

fn fixed_time(y: i32, m: u32, d: u32, h: u32) -> Option<DateTime<FixedOffset>> {
    FixedOffset::east_opt(9 * 3600)?
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
}

/// The sample workshop of the fictional ひかり野市, fixed in every detail so outputs are reproducible.
pub fn sample_project() -> Project {
    let digital = [
        "佐藤 美咲",
        "鈴木 健太",
        "高橋 由美",
        "田中 翔",
        "山本 直樹",
    ];
    let civic = ["伊藤 明日香", "中村 大輔", "小林 真理", "山田 拓也"];
    let teams = vec![
        team_from(1, "デジタル推進課", &digital, &DIGITAL_TEAM),
        team_from(2, "市民協働課", &civic, &CIVIC_TEAM),
    ];
    let mut baseline_scores = [[None; ITEM_COUNT]; 2];
    for (scores, team) in baseline_scores.iter_mut().zip(&teams) {
        for (slot, (_, r)) in scores.iter_mut().zip(team.responses.iter()) {
            // The spring round scored each item one level lower, or the same where it was already low.
            *slot = r
                .score
                .and_then(|l| Level::new(l.get().saturating_sub(1).max(1)));
        }
    }
    Project {
        format_version: FORMAT_VERSION,
        meta: Meta {
            title: "ひかり野市 ICT地域イノベーション ワークショップ（サンプル）".into(),
            organization: "ひかり野市（架空の市）".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 20),
            facilitator: "木村 さやか".into(),
            venue: "ひかり野市役所 本庁舎 5階 第1会議室".into(),
            language: Lang::Ja,
            created_at: fixed_time(2026, 11, 20, 13),
            modified_at: fixed_time(2026, 11, 20, 16),
        },
        baseline: Some(Baseline {
            title: "2026年度 春のワークショップ".into(),
            date: NaiveDate::from_ymd_opt(2026, 5, 15),
            teams: teams
                .iter()
                .zip(baseline_scores)
                .map(|(t, scores)| BaselineTeam {
                    name: t.name.clone(),
                    scores,
                })
                .collect(),
        }),
        teams,
    }
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
                            level: level(k)?,
                        })
                    })
                    .collect();
                response.votes_revealed = true;
                response.current_state = text.clone();
                response.ideas = text.clone();
                response.facilitator_note = text.clone();
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
        let now = fixed_time(2027, 5, 14, 13).expect("time");
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
