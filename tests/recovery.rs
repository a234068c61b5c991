//! Never lose a workshop: autosave and recovery after a crash, saves interrupted at every step,
//! another program's changes noticed before overwriting, a broken safety net said out loud.

mod common;

use common::{builder, window};
use egui_kittest::kittest::Queryable;
use kizuki::Lang;
use kizuki::checklist::ItemId;
use kizuki::file::{self, FileError};
use kizuki::project::sample_project;
use kizuki::session::FileCommand;
use kizuki::session::{Clock, Command, ConflictChoice, Edit, TextField, UICommand};
use std::time::Duration;

const TYPED: &str = "停電時の窓口対応を、次回までに文書にまとめる。";

#[test]
fn an_autosaved_project_is_offered_and_restored_after_a_crash() {
    let data = tempfile::tempdir().expect("temp dir");
    let recovery = data.path().join("recovery");
    {
        let mut h = builder(Lang::Ja).data_dir(data.path()).build();
        let app = h.state_mut();
        app.send(Command::Run(UICommand::OpenSample));
        let field = TextField::Ideas {
            team: 1,
            item: ItemId::Delivery,
        };
        let clock = Clock::on(common::today());
        app.send_at(Command::Edit(Edit::SetText(field, TYPED.into())), &clock);

        // Within the debounce nothing is written…
        app.send_at(Command::Tick, &clock.later(Duration::from_secs(1)));
        app.wait_for_autosave();
        assert_eq!(recovery_files(&recovery), 0);
        // …after it, a copy is.
        app.send_at(Command::Tick, &clock.later(Duration::from_secs(4)));
        app.wait_for_autosave();
        assert_eq!(recovery_files(&recovery), 1);
        // The window is dropped without saving or a clean exit, as after `kill -9`: its lock on
        // the recovery folder ends with it, as the system ends a dead process's locks.
    }

    let mut h = builder(Lang::Ja).data_dir(data.path()).build();
    assert!(
        h.query_by_label_contains("復元できるプロジェクトがあります")
            .is_some()
    );
    let title = sample_project().meta.title;
    h.get_by_label(&format!("復元する {title}")).click();
    h.run();
    let doc = h.state().session.doc.as_ref().expect("restored");
    assert!(doc.is_dirty(), "a restored project is unsaved");
    assert_eq!(
        doc.project.teams[0].responses[ItemId::Delivery].ideas,
        TYPED,
        "exactly what was typed"
    );

    // Saving it removes the recovery copy.
    let target = data.path().join("restored.kizuki.ron");
    h.send(FileCommand::SaveTo(target.clone()));
    assert!(target.exists());
    assert_eq!(
        recovery_files(&recovery),
        0,
        "no recovery file after a save"
    );
}

#[test]
fn discarding_a_recovery_deletes_it() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let mut h = builder(Lang::Ja).data_dir(data.path()).build();
        let app = h.state_mut();
        let clock = Clock::on(common::today());
        app.send_at(Command::Run(UICommand::New), &clock);
        app.send_at(
            Command::Edit(Edit::SetText(TextField::Title, "下書き".into())),
            &clock,
        );
        app.send_at(Command::Tick, &clock.later(Duration::from_secs(10)));
        app.wait_for_autosave();
    }
    let mut h = builder(Lang::Ja).data_dir(data.path()).build();
    h.click("破棄する 下書き");
    assert!(h.state().session.recovered.is_empty());
    assert_eq!(recovery_files(&data.path().join("recovery")), 0);
}

#[test]
fn a_save_interrupted_at_any_byte_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.kizuki.ron");
    let old = sample_project();
    file::save(&old, &path).expect("first save");
    let mut new = sample_project();
    new.meta.title = "新しい版".into();
    let bytes = file::to_text(&new).expect("text").into_bytes();
    let step = (bytes.len() / 40).max(1);
    for cut in (0..bytes.len()).step_by(step) {
        // The disk fills up after `cut` bytes.
        let result = file::write_atomically_with(&path, &bytes, true, |f, b| {
            use std::io::Write;
            f.write_all(&b[..cut])?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        });
        let e = result.expect_err("the write fails");
        assert!(matches!(e, FileError::Write { .. }));
        assert!(
            e.message(Lang::Ja).contains("空き容量"),
            "{}",
            e.message(Lang::Ja)
        );
        assert_eq!(
            file::load(&path).expect("the old file still loads"),
            old,
            "cut at {cut}"
        );
    }
    // A crash mid-write (the thread dies) also leaves the old file.
    let crashed = std::panic::catch_unwind(|| {
        let _ = file::write_atomically_with(&path, &bytes, true, |f, b| {
            use std::io::Write;
            f.write_all(&b[..b.len() / 2])?;
            panic!("power cut");
        });
    });
    assert!(crashed.is_err());
    assert_eq!(file::load(&path).expect("loads"), old);
    // No temporary files are left behind by failed writes.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "tmp")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // And the complete write gives the new file, the old one kept as .bak.
    file::write_atomically(&path, &bytes, true).expect("writes");
    assert_eq!(file::load(&path).expect("loads").meta.title, "新しい版");
    assert_eq!(file::load(&file::backup_path(&path)).expect("backup"), old);
}

#[test]
fn a_failed_save_keeps_the_project_in_memory_and_says_so() {
    let mut h = window(Lang::Ja);
    let folder = h.data_dir().join("no/such/folder/w.kizuki.ron");
    h.send(Command::Run(UICommand::OpenSample));
    h.send(Command::Edit(Edit::SetText(
        TextField::Venue,
        "大会議室".into(),
    )));
    h.send(FileCommand::SaveTo(folder));
    let message = h
        .state()
        .session
        .error
        .as_ref()
        .expect("a message")
        .text(Lang::Ja);
    assert!(
        message.contains("保存できませんでした") && message.contains("失われていません"),
        "{message}"
    );
    let doc = h.state().session.doc.as_ref().expect("still open");
    assert!(doc.is_dirty());
    assert_eq!(doc.project.meta.venue, "大会議室");
}

#[test]
fn another_programs_save_is_noticed_before_overwriting() {
    let mut h = window(Lang::Ja);
    let path = h.data_dir().join("shared.kizuki.ron");
    file::save(&sample_project(), &path).expect("save");
    h.send(FileCommand::Open(path.clone()));
    h.send(Command::Edit(Edit::SetText(
        TextField::Venue,
        "こちらの変更".into(),
    )));

    // A colleague saves over it on the shared drive.
    let mut theirs = sample_project();
    theirs.meta.venue = "同僚の変更".into();
    std::thread::sleep(Duration::from_millis(20));
    file::save(&theirs, &path).expect("their save");

    h.send(Command::Run(UICommand::Save));
    assert!(
        h.state().session.conflict.is_some(),
        "the save waits for an answer"
    );
    assert!(
        h.query_by_label_contains("別のプログラムや別の人によって変更されています")
            .is_some()
    );
    assert_eq!(
        file::load(&path).expect("loads").meta.venue,
        "同僚の変更",
        "nothing overwritten yet"
    );
    h.get_by_label("キャンセル").click();
    h.run();
    assert_eq!(file::load(&path).expect("loads").meta.venue, "同僚の変更");
    assert!(h.state().session.is_dirty(), "our changes are kept");

    h.send(Command::Run(UICommand::Save));
    h.send(Command::Conflict(ConflictChoice::Overwrite));
    assert_eq!(file::load(&path).expect("loads").meta.venue, "こちらの変更");
    assert_eq!(
        file::load(&file::backup_path(&path))
            .expect("backup")
            .meta
            .venue,
        "同僚の変更",
        "theirs is kept as .bak"
    );
}

fn recovery_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".recovery.ron"))
            .count()
    })
}

#[test]
fn an_autosave_that_cannot_be_written_is_said_until_one_succeeds() {
    let mut h = window(Lang::Ja);
    // The recovery folder's place is taken by a file: nothing can be written into it.
    let recovery = h.recovery_dir();
    std::fs::remove_dir_all(&recovery).expect("remove the recovery folder");
    std::fs::write(&recovery, "not a folder").expect("block it");
    let clock = Clock::on(common::today());
    let app = h.state_mut();
    app.send_at(Command::Run(UICommand::OpenSample), &clock);
    app.send_at(
        Command::Edit(Edit::SetText(TextField::Venue, "大会議室".into())),
        &clock,
    );
    app.send_at(Command::Tick, &clock.later(Duration::from_secs(5)));
    app.wait_for_autosave();
    h.run();
    assert!(h.state().session.autosave_failure.is_some());
    assert!(
        h.is_shown("自動保存ができていません"),
        "the window says the safety net is off"
    );
    // It stays while the problem lasts: other edits, other screens.
    h.send(Command::Edit(Edit::SetText(
        TextField::Venue,
        "小会議室".into(),
    )));
    h.click_first("1. パートナー");
    assert!(h.is_shown("自動保存ができていません"));

    // The folder is writable again: the next try succeeds and the warning goes.
    std::fs::remove_file(&recovery).expect("unblock");
    let later = clock.later(Duration::from_mins(1));
    let app = h.state_mut();
    app.send_at(Command::Tick, &later);
    app.wait_for_autosave();
    h.run();
    assert!(h.state().session.autosave_failure.is_none());
    assert!(!h.is_shown("自動保存ができていません"));
    assert_eq!(recovery_files(&recovery), 1);
}

#[test]
fn a_recovery_file_that_cannot_be_deleted_says_so() {
    let data = tempfile::tempdir().expect("temp dir");
    let recovery = data.path().join("recovery");
    std::fs::create_dir_all(&recovery).expect("folder");
    let bytes = kizuki::session::recovery::to_bytes(
        &sample_project(),
        None,
        chrono::Local::now().fixed_offset(),
    )
    .expect("bytes");
    // Left by a window that crashed: no lock file, so nobody holds it.
    let left = recovery.join("1-dead-1.recovery.ron");
    std::fs::write(&left, bytes).expect("write");
    let mut h = builder(Lang::Ja).data_dir(data.path()).build();
    // The file goes away and a folder takes its name: deleting it now fails.
    std::fs::remove_file(&left).expect("remove");
    std::fs::create_dir(&left).expect("a folder in its place");
    let title = sample_project().meta.title;
    h.click(&format!("破棄する {title}"));
    let message = h
        .state()
        .session
        .error
        .as_ref()
        .expect("a message")
        .text(Lang::Ja);
    assert!(message.contains("削除できませんでした"), "{message}");
    assert!(
        !h.state().session.recovered.is_empty(),
        "still listed, since it is still there"
    );
}

#[test]
fn opening_a_file_with_a_newer_autosave_offers_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("w.kizuki.ron");
    file::save(&sample_project(), &file).expect("save");
    std::thread::sleep(Duration::from_millis(20));
    // A crash after unsaved work on that very file.
    let mut unsaved = sample_project();
    unsaved.meta.venue = "保存されなかった変更".into();
    let recovery = data.path().join("recovery");
    let bytes = kizuki::session::recovery::to_bytes(
        &unsaved,
        Some(&file),
        chrono::Local::now().fixed_offset(),
    )
    .expect("bytes");
    kizuki::session::recovery::write(&recovery.join("1-dead-1.recovery.ron"), &bytes)
        .expect("write");

    let mut h = builder(Lang::Ja).data_dir(data.path()).build();
    h.send(FileCommand::Open(file.clone()));
    assert!(h.is_shown("このファイルより新しい自動保存があります"));
    h.click("自動保存から復元");
    let doc = h.state().session.doc.as_ref().expect("a document");
    assert_eq!(doc.project.meta.venue, "保存されなかった変更");
    assert!(doc.is_dirty(), "restored, not yet saved");
    assert_eq!(doc.path.as_deref(), Some(file.as_path()), "still that file");
    assert!(!h.is_shown("このファイルより新しい自動保存があります"));
}

#[test]
fn a_file_with_bad_values_is_opened_with_repairs_and_saved_with_the_original_kept() {
    let mut h = window(Lang::Ja);
    let path = h.data_dir().join("bad.kizuki.ron");
    let text = file::to_text(&sample_project()).expect("text").replacen(
        "score: Some(3)",
        "score: Some(9)",
        1,
    );
    std::fs::write(&path, &text).expect("write");
    h.send(FileCommand::Open(path.clone()));
    assert!(h.state().session.doc.is_none(), "refused as it is");
    h.click("修復して開く（1 か所）");
    let doc = h.state().session.doc.as_ref().expect("opened");
    assert!(doc.is_dirty(), "nothing written until saved");
    assert_eq!(doc.path.as_deref(), Some(path.as_path()));
    assert!(h.is_shown("範囲外のレベル 9"), "the repair is listed");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);

    h.send(Command::Run(UICommand::Save));
    assert!(file::load(&path).is_ok(), "saved mended");
    let bak = file::backup_path(&path);
    assert_eq!(
        std::fs::read_to_string(bak).expect("backup"),
        text,
        "the original kept"
    );
}
