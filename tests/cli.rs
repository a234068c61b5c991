//! The `kizuki` command line, run as a user would run it.

use std::path::Path;
use std::process::{Command, Output};

fn kizuki(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kizuki"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("kizuki runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn sample_validate_export_markdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("s.kizuki.ron");
    let out = kizuki(&["sample", "--out", p(&sample), "--lang", "ja"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("書き出しました"));

    let out = kizuki(&["validate", p(&sample), "--lang", "ja"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("OK"));

    let out = kizuki(&[
        "export",
        p(&sample),
        "--format",
        "md",
        "--out",
        "-",
        "--lang",
        "ja",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    for item in &kizuki::checklist::Checklist::get(kizuki::Lang::Ja).items {
        assert!(md.contains(&item.title), "Markdown lacks {}", item.title);
    }
    assert!(md.contains("デジタル推進課") && md.contains("市民協働課"));
    assert!(
        md.contains("近隣３市に窓口予約システムの共同検討を打診する"),
        "actions are listed"
    );

    // Without --out the summary lands beside the project.
    let out = kizuki(&["export", p(&sample), "--format", "md", "--lang", "en"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("s.md")).expect("s.md written");
    assert!(md.contains("Find partners to work with."));
}

#[test]
fn new_project_with_teams() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("n.kizuki.ron");
    let out = kizuki(&[
        "new",
        "--title",
        "秋のワークショップ",
        "--organization",
        "ひかり野市",
        "--teams",
        "企画課,情報政策課",
        "--out",
        p(&path),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let project = kizuki::file::load(&path).expect("loads");
    assert_eq!(project.meta.title, "秋のワークショップ");
    let names: Vec<_> = project.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["企画課", "情報政策課"]);

    // Never overwrite work without being told to.
    let out = kizuki(&["new", "--title", "x", "--out", p(&path), "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--force"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        kizuki::file::load(&path).expect("still there").meta.title,
        "秋のワークショップ"
    );
}

#[test]
fn validate_reports_line_and_column_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.kizuki.ron");
    let bad = dir.path().join("bad.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&good)]).status.success());
    let broken = std::fs::read_to_string(&good).expect("read").replacen(
        "score: Some(3)",
        "score: Some(9)",
        1,
    );
    std::fs::write(&bad, broken).expect("write");

    let out = kizuki(&["validate", p(&good), p(&bad), "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let prefix = format!("{}:", p(&bad));
    let line = err
        .lines()
        .find(|l| l.starts_with(&prefix))
        .expect("a line for the bad file");
    let mut parts = line[prefix.len()..].splitn(3, ':');
    let row: usize = parts
        .next()
        .and_then(|s| s.parse().ok())
        .expect("line number");
    let col: usize = parts
        .next()
        .and_then(|s| s.parse().ok())
        .expect("column number");
    assert!(row > 1 && col >= 1);
    assert!(line.contains("レベル 9 は範囲外です"), "{line}");
    assert!(err.contains("2 個中 1 個"), "{err}");

    let out = kizuki(&["validate", p(&bad), "--lang", "en"]);
    assert!(text(&out.stderr).contains("level 9 is out of range"));
}

#[test]
fn bad_files_fail_fast_with_clear_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = "[".repeat(100_000);
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty", b"", "ファイルが空です"),
        ("binary", &[0xff, 0xfe, 0x00, 0x01], "UTF-8"),
        ("deep", deep.as_bytes(), ":1:1: "),
        (
            "truncated",
            b"(\n    format_version: 1,\n    meta: (\n",
            "途中で終わって",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(format!("{name}.kizuki.ron"));
        std::fs::write(&path, bytes).expect("write");
        let started = std::time::Instant::now();
        let out = kizuki(&["validate", p(&path), "--lang", "ja"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            text(&out.stderr).contains(expected),
            "{name}: {}",
            text(&out.stderr)
        );
        assert!(!text(&out.stderr).contains("panicked"), "{name}");
        assert!(
            started.elapsed().as_secs() < 10,
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn unknown_format_and_team_are_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("s.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&sample)]).status.success());
    // An unknown format is a usage error (clap's exit code 2), listing the formats there are.
    let out = kizuki(&["export", p(&sample), "--format", "docx", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("docx") && stderr.contains("csv-scores") && stderr.contains("md"),
        "{stderr}"
    );
    assert!(
        kizuki(&["export", p(&sample), "--format", "MARKDOWN", "--out", "-"])
            .status
            .success(),
        "format names are case-insensitive, with aliases"
    );
    let out = kizuki(&[
        "export",
        p(&sample),
        "--team",
        "存在しない課",
        "--out",
        "-",
        "--lang",
        "ja",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("存在しない課"));
    let out = kizuki(&[
        "export",
        p(&sample),
        "--team",
        "市民協働課",
        "--out",
        "-",
        "--lang",
        "ja",
    ]);
    assert!(out.status.success());
    assert!(!text(&out.stdout).contains("## デジタル推進課"));
    assert!(text(&out.stdout).contains("## 市民協働課"));
}

#[test]
fn messages_follow_the_system_language() {
    let out = Command::new(env!("CARGO_BIN_EXE_kizuki"))
        .args(["validate", "/nonexistent.kizuki.ron"])
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("runs");
    assert!(
        text(&out.stderr).contains("does not exist"),
        "{}",
        text(&out.stderr)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_kizuki"))
        .args(["validate", "/nonexistent.kizuki.ron"])
        .env("LANG", "ja_JP.UTF-8")
        .env("LC_ALL", "ja_JP.UTF-8")
        .output()
        .expect("runs");
    assert!(
        text(&out.stderr).contains("見つかりません"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn next_round_keeps_teams_and_compares_with_this_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("spring.kizuki.ron");
    let next = dir.path().join("autumn.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&first)]).status.success());
    let out = kizuki(&["next-round", p(&first), "--out", p(&next), "--lang", "ja"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let project = kizuki::file::load(&next).expect("loads");
    assert_eq!(project.teams.len(), 2);
    assert!(project.baseline.is_some());
    assert!(
        project.teams[0]
            .responses
            .0
            .iter()
            .all(|r| r.score.is_none())
    );
    let md = kizuki(&["export", p(&next), "--out", "-", "--lang", "ja"]);
    assert!(text(&md.stdout).contains("比較する前回"));
}

/// The cells of each row of an agenda's Markdown table.
fn agenda_table(markdown: &str) -> Vec<Vec<String>> {
    markdown
        .lines()
        .filter(|l| l.starts_with("| ") && !l.contains("**"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// The minutes and weights (spread + gap) of the ten items' rows of an agenda.
fn agenda_rows(markdown: &str) -> Vec<(u32, u32)> {
    agenda_table(markdown)
        .iter()
        .filter_map(|cells| {
            let minutes = cells.get(2)?.parse().ok()?;
            let spread: u32 = cells.get(3)?.parse().ok()?;
            let gap: u32 = cells.get(4)?.parse().ok()?;
            Some((minutes, spread + gap))
        })
        .collect()
}

#[test]
fn the_agenda_is_ready_for_the_invitation_mail() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("s.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&sample)]).status.success());
    let project = kizuki::file::load(&sample).expect("sample loads");
    let out = kizuki(&[
        "agenda",
        p(&sample),
        "--minutes",
        "90",
        "--start",
        "１３：３０",
        "--lang",
        "ja",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let markdown = text(&out.stdout);
    // When and where, as the invitation says it.
    let date = project.meta.date.expect("the sample has a date");
    assert!(
        markdown.contains(&kizuki::words::format_date_long(
            date,
            kizuki::i18n::Lang::Ja
        )),
        "{markdown}"
    );
    assert!(markdown.contains(project.meta.venue.trim()), "{markdown}");
    // 10 + 90 + 15 minutes from 13:30.
    assert!(markdown.contains("13:30〜15:25"), "{markdown}");
    // Every slot has its clock time, each one the previous plus its minutes.
    let table = agenda_table(&markdown);
    let clock = |cell: &str| {
        let (h, m) = cell.split_once(':').expect("a clock time");
        h.parse::<u32>().expect("hours") * 60 + m.parse::<u32>().expect("minutes")
    };
    let slots: Vec<(u32, Option<u32>)> = table
        .iter()
        .skip(1)
        .map(|c| (clock(&c[0]), c[2].parse().ok()))
        .collect();
    assert_eq!(
        slots.len(),
        13,
        "opening, ten items, closing, end: {markdown}"
    );
    assert_eq!(slots[0], (13 * 60 + 30, Some(10)));
    for pair in slots.windows(2) {
        assert_eq!(
            pair[0].0 + pair[0].1.expect("minutes"),
            pair[1].0,
            "{markdown}"
        );
    }
    assert!(table[1][1].contains("開会") && table[12][1].contains("まとめ"));
    // The weighting in words, not as a formula.
    assert!(markdown.contains("時間を多めに取った項目"), "{markdown}");
    assert!(
        !markdown.contains('×') && !markdown.contains('＋'),
        "{markdown}"
    );
    // Without a start time, minutes from the start; a wrong time is refused in both languages.
    let out = kizuki(&["agenda", p(&sample), "--lang", "en"]);
    let markdown = text(&out.stdout);
    assert!(markdown.contains("| 0:00 | Opening"), "{markdown}");
    assert!(markdown.contains("start time to be set"), "{markdown}");
    let out = kizuki(&["agenda", p(&sample), "--start", "25:99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("25:99"), "{}", text(&out.stderr));
}

#[test]
fn the_agenda_adds_up_and_gives_more_time_where_views_differ() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("s.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&sample)]).status.success());
    for minutes in [45u32, 90, 127] {
        let out = kizuki(&[
            "agenda",
            p(&sample),
            "--minutes",
            &minutes.to_string(),
            "--lang",
            "ja",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let markdown = text(&out.stdout);
        let rows = agenda_rows(&markdown);
        assert_eq!(rows.len(), 10, "{markdown}");
        assert_eq!(rows.iter().map(|r| r.0).sum::<u32>(), minutes, "{markdown}");
        for a in &rows {
            for b in &rows {
                if a.1 > b.1 {
                    assert!(a.0 >= b.0, "more spread and gap, no less time: {markdown}");
                }
            }
        }
        assert!(markdown.contains(&format!("**{minutes}**")), "{markdown}");
    }
    // Without votes, equal shares.
    let empty = dir.path().join("e.kizuki.ron");
    assert!(
        kizuki(&["new", "--title", "空", "--out", p(&empty)])
            .status
            .success()
    );
    let out = kizuki(&["agenda", p(&empty), "--minutes", "60", "--lang", "en"]);
    let rows = agenda_rows(&text(&out.stdout));
    assert!(rows.iter().all(|r| r.0 == 6), "{rows:?}");
    assert!(text(&out.stdout).contains("shared equally"));
    // An absurd length is refused by the command line itself.
    let out = kizuki(&["agenda", p(&sample), "--minutes", "100000"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn compare_reports_on_a_folder_and_lists_the_file_that_did_not_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("municipalities");
    std::fs::create_dir_all(folder.join("2026")).expect("folders");
    let first = folder.join("a.kizuki.ron");
    let out = kizuki(&["sample", "--out", p(&first)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let next = folder.join("2026").join("b.kizuki.ron");
    let out = kizuki(&["next-round", p(&first), "--out", p(&next)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::write(folder.join("broken.kizuki.ron"), "(teams: [").expect("broken file");
    // Not a project file: ignored, not reported.
    std::fs::write(folder.join("notes.txt"), "memo").expect("other file");

    for (ending, by) in [
        ("md", "round"),
        ("html", "team"),
        ("xlsx", "organisation"),
        ("pdf", "team"),
    ] {
        let report = dir.path().join(format!("report.{ending}"));
        let out = kizuki(&[
            "compare",
            p(&folder),
            "--out",
            p(&report),
            "--by",
            by,
            "--lang",
            "ja",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(stderr.contains("broken.kizuki.ron"), "listed: {stderr}");
        assert!(!stderr.contains("notes.txt"));
        assert!(
            text(&out.stdout).contains("2 ファイル"),
            "{}",
            text(&out.stdout)
        );
        let bytes = std::fs::read(&report).expect("report written");
        if ending == "md" {
            let md = text(&bytes);
            assert!(md.contains("broken.kizuki.ron"), "the report lists it too");
            assert!(md.contains("中央値"));
        }
    }

    // An output the comparison cannot be written as is refused before any file is read.
    let out = kizuki(&["compare", p(&folder), "--out", p(&dir.path().join("r.png"))]);
    assert!(!out.status.success());
    // Nothing to compare at all is an error.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("folder");
    let out = kizuki(&["compare", p(&empty), "--out", p(&dir.path().join("r.md"))]);
    assert!(!out.status.success());
}

#[test]
fn a_workshop_collected_twice_counts_once_as_its_copy_saved_last() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("collected");
    std::fs::create_dir_all(folder.join("resent")).expect("folders");
    let mut project = kizuki::project::sample_project();
    let first = folder.join("a.kizuki.ron");
    kizuki::file::save(&project, &first).expect("saved");
    // The same workshop sent again a week later, corrected: this copy is the one to count.
    project.meta.modified_at = project
        .meta
        .modified_at
        .map(|t| t + chrono::TimeDelta::days(7));
    let again = folder.join("resent").join("a (1).kizuki.ron");
    kizuki::file::save(&project, &again).expect("saved");
    // Another organisation's file, listed first by the reader: it stays first.
    project.meta.organization = "あおば町".into();
    let other = folder.join("0-aoba.kizuki.ron");
    kizuki::file::save(&project, &other).expect("saved");

    let report = dir.path().join("report.md");
    let out = kizuki(&[
        "compare",
        p(&folder),
        "--out",
        p(&report),
        "--by",
        "organisation",
        "--lang",
        "ja",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("2 ファイル"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("同じワークショップ"),
        "{}",
        text(&out.stderr)
    );
    let md = text(&std::fs::read(&report).expect("report"));
    assert!(md.contains("重複していたファイル（1 件"), "{md}");
    assert!(md.contains("作成日 令和"), "a 作成日 in 和暦: {md}");
    let row = md
        .lines()
        .find(|l| l.contains("a.kizuki.ron") && l.contains("a (1).kizuki.ron"))
        .unwrap_or_else(|| panic!("the duplicate and the copy counted: {md}"));
    assert!(
        row.find("a.kizuki.ron") < row.find("a (1).kizuki.ron"),
        "the older copy is the one left out: {row}"
    );
    let aoba = md.find("| あおば町").expect("あおば町's row");
    let hikarino = md.find("| ひかり野市").expect("ひかり野市's row");
    assert!(aoba < hikarino, "in the files' order: {md}");
}

#[test]
fn sheets_print_one_a4_page_per_member_with_the_bundled_font() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("s.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&sample)]).status.success());
    let out = dir.path().join("sheets.pdf");
    let run = kizuki(&[
        "sheets",
        p(&sample),
        "--team",
        "市民協働課",
        "--out",
        p(&out),
        "--lang",
        "ja",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let info = Command::new("pdfinfo").arg(&out).output().expect("pdfinfo");
    let info = text(&info.stdout);
    let members = kizuki::project::sample_project().teams[1].members.len();
    assert!(
        info.contains(&format!("Pages:           {members}")),
        "{info}"
    );
    assert!(info.contains("595.28 x 841.89"), "A4: {info}");
    let fonts = Command::new("pdffonts")
        .arg(&out)
        .output()
        .expect("pdffonts");
    assert!(
        text(&fonts.stdout).contains("BIZUDPGothic"),
        "{}",
        text(&fonts.stdout)
    );
    let body = Command::new("pdftotext")
        .args([p(&out), "-"])
        .output()
        .expect("pdftotext");
    let body = text(&body.stdout);
    for name in kizuki::project::sample_project().teams[1]
        .members
        .iter()
        .map(|m| m.name.clone())
    {
        assert!(body.contains(&name), "{name} has a sheet");
    }
    assert!(body.contains("10. まずはやってみよう。"));
    assert!(body.contains("5 定着・発展"));
    // A box for 「わからない」 under every item of every sheet.
    assert_eq!(
        body.matches("? わからない・該当しない").count(),
        10 * members,
        "{body}"
    );
    // In English too, one page per member, item 10 and the last box's words on it.
    let english = dir.path().join("sheets-en.pdf");
    let run = kizuki(&[
        "sheets",
        p(&sample),
        "--team",
        "市民協働課",
        "--out",
        p(&english),
        "--lang",
        "en",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let info = Command::new("pdfinfo")
        .arg(&english)
        .output()
        .expect("pdfinfo");
    assert!(
        text(&info.stdout).contains(&format!("Pages:           {members}")),
        "{}",
        text(&info.stdout)
    );
    let first = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout", p(&english), "-"])
        .output()
        .expect("pdftotext");
    let first = text(&first.stdout);
    assert!(first.contains("10. Just try it first."), "{first}");
    assert!(first.contains("5 Established & growing"), "{first}");
    assert_eq!(
        first.matches("? Don't know / not applicable").count(),
        10,
        "{first}"
    );

    let run = kizuki(&["sheets", p(&sample), "--team", "ない課", "--out", p(&out)]);
    assert!(!run.status.success(), "an unknown team is an error");
}

#[cfg(unix)]
#[test]
fn validate_on_a_fifo_returns_at_once_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.kizuki.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let started = std::time::Instant::now();
    let out = kizuki(&["validate", p(&fifo), "--lang", "ja"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("通常のファイルではありません"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "never waited for a writer"
    );
}

#[cfg(unix)]
#[test]
fn files_are_0644_under_umask_022_projects_and_exports_alike() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("s.kizuki.ron");
    let pdf = dir.path().join("s.pdf");
    let script = format!(
        "umask 022 && \"$0\" sample --out '{}' && \"$0\" export '{}' --format pdf --out '{}'",
        p(&sample),
        p(&sample),
        p(&pdf)
    );
    let out = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_kizuki")])
        .output()
        .expect("sh");
    assert!(out.status.success(), "{}", text(&out.stderr));
    for path in [&sample, &pdf] {
        let mode = std::fs::metadata(path)
            .expect("written")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o644, "{}", path.display());
    }
}

#[test]
fn the_machine_policy_is_shown_and_keeps_voting_closed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, "phone_voting = false\nvote_port = 8765\n").expect("policy");
    let with_policy = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kizuki"))
            .args(args)
            .env("LANG", "C")
            .env("KIZUKI_POLICY_FILE", &policy)
            .env("KIZUKI_DATA_DIR", dir.path().join("data"))
            .output()
            .expect("kizuki runs")
    };
    let out = with_policy(&["policy", "--lang", "en"]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        said.contains("Phone voting: turned off") && said.contains("8765"),
        "{said}"
    );
    assert!(said.contains(p(&policy)), "says where it came from: {said}");

    let sample = dir.path().join("s.kizuki.ron");
    assert!(kizuki(&["sample", "--out", p(&sample)]).status.success());
    let out = with_policy(&[
        "vote",
        p(&sample),
        "--team",
        "1",
        "--item",
        "1",
        "--lang",
        "ja",
    ]);
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(
        said.contains("管理者の設定でスマホ投票が使えません"),
        "{said}"
    );
    assert!(
        !dir.path().join("data").join("votes").exists(),
        "nothing journaled before the refusal"
    );

    // A policy IT mistyped keeps voting closed, and says what is wrong.
    std::fs::write(&policy, "phone_votng = false\n").expect("policy");
    let out = with_policy(&["policy", "--lang", "ja"]);
    let said = text(&out.stdout);
    assert!(
        said.contains("読めません") && said.contains("使えない"),
        "{said}"
    );
}
