//! Never lose a workshop: autosave and recovery after a crash, saves interrupted at every step,
//! another program's changes noticed before overwriting.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kizuki::Lang;
use kizuki::app::edit::{Edit, TextField};
use kizuki::app::settings::Settings;
use kizuki::app::{Action, ConflictChoice, KizukiApp};
use kizuki::checklist::ItemId;
use kizuki::file::{self, FileError};
use kizuki::project::sample_project;
use std::path::Path;
use std::time::{Duration, Instant};

fn app_with_data_dir(dir: &Path) -> Harness<'static, KizukiApp> {
    let recovery = dir.join("recovery");
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            KizukiApp::with_settings(
                &cc.egui_ctx,
                Settings::default(),
                Some(Lang::Ja),
                Some(recovery),
            )
        })
}

const TYPED: &str = "停電時の窓口対応を、次回までに文書にまとめる。";

#[test]
fn an_autosaved_project_is_offered_and_restored_after_a_crash() {
    let data = tempfile::tempdir().expect("temp dir");
    let recovery = data.path().join("recovery");
    {
        let mut h = app_with_data_dir(data.path());
        h.run();
        let ctx = egui::Context::default();
        let app = h.state_mut();
        app.handle(Action::OpenSample, &ctx);
        let field = TextField::Ideas {
            team: 1,
            item: ItemId::Delivery,
        };
        app.handle(Action::Edit(Edit::SetText(field, TYPED.into())), &ctx);

        // Within the debounce nothing is written…
        app.autosave_tick(Instant::now() + Duration::from_secs(1), &ctx);
        app.finish_autosave();
        assert!(!recovery.exists() || std::fs::read_dir(&recovery).expect("list").next().is_none());
        // …after it, a copy is.
        app.autosave_tick(Instant::now() + Duration::from_secs(4), &ctx);
        app.finish_autosave();
        assert_eq!(
            std::fs::read_dir(&recovery)
                .expect("recovery folder")
                .count(),
            1
        );
        // The harness is dropped without saving or a clean exit: as after `kill -9`.
    }

    let mut h = app_with_data_dir(data.path());
    h.run();
    assert!(
        h.query_by_label_contains("復元できるプロジェクトがあります")
            .is_some()
    );
    let title = sample_project().meta.title;
    h.get_by_label(&format!("復元する {title}")).click();
    h.run();
    let doc = h.state().core.doc.as_ref().expect("restored");
    assert!(doc.dirty, "a restored project is unsaved");
    assert_eq!(
        doc.project.teams[0].responses[ItemId::Delivery].ideas,
        TYPED,
        "exactly what was typed"
    );

    // Saving it removes the recovery copy.
    let target = data.path().join("restored.kizuki.ron");
    let ctx = egui::Context::default();
    h.state_mut().handle(Action::SaveTo(target.clone()), &ctx);
    assert!(target.exists());
    assert_eq!(
        std::fs::read_dir(&recovery).expect("list").count(),
        0,
        "no recovery file after a save"
    );
}

#[test]
fn discarding_a_recovery_deletes_it() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let mut h = app_with_data_dir(data.path());
        let ctx = egui::Context::default();
        let app = h.state_mut();
        app.handle(Action::New, &ctx);
        app.handle(
            Action::Edit(Edit::SetText(TextField::Title, "下書き".into())),
            &ctx,
        );
        app.autosave_tick(Instant::now() + Duration::from_secs(10), &ctx);
        app.finish_autosave();
    }
    let mut h = app_with_data_dir(data.path());
    h.run();
    h.get_by_label("破棄する 下書き").click();
    h.run();
    assert!(h.state().core.recovered.is_empty());
    assert_eq!(
        std::fs::read_dir(data.path().join("recovery"))
            .expect("list")
            .count(),
        0
    );
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
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // And the complete write gives the new file, the old one kept as .bak.
    file::write_atomically(&path, &bytes, true).expect("writes");
    assert_eq!(file::load(&path).expect("loads").meta.title, "新しい版");
    assert_eq!(file::load(&file::backup_path(&path)).expect("backup"), old);
}

#[test]
fn a_failed_save_keeps_the_project_in_memory_and_says_so() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = app_with_data_dir(data.path());
    let ctx = egui::Context::default();
    let app = h.state_mut();
    app.handle(Action::OpenSample, &ctx);
    app.handle(
        Action::Edit(Edit::SetText(TextField::Venue, "大会議室".into())),
        &ctx,
    );
    app.handle(
        Action::SaveTo(data.path().join("no/such/folder/w.kizuki.ron")),
        &ctx,
    );
    let message = app.core.message.clone().expect("a message");
    assert!(message.error);
    assert!(
        message.text.contains("保存できませんでした") && message.text.contains("失われていません"),
        "{}",
        message.text
    );
    let doc = app.core.doc.as_ref().expect("still open");
    assert!(doc.dirty);
    assert_eq!(doc.project.meta.venue, "大会議室");
}

#[test]
fn another_programs_save_is_noticed_before_overwriting() {
    let data = tempfile::tempdir().expect("temp dir");
    let path = data.path().join("shared.kizuki.ron");
    file::save(&sample_project(), &path).expect("save");
    let mut h = app_with_data_dir(data.path());
    h.run();
    let ctx = egui::Context::default();
    h.state_mut().handle(Action::OpenPath(path.clone()), &ctx);
    h.state_mut().handle(
        Action::Edit(Edit::SetText(TextField::Venue, "こちらの変更".into())),
        &ctx,
    );

    // A colleague saves over it on the shared drive.
    let mut theirs = sample_project();
    theirs.meta.venue = "同僚の変更".into();
    std::thread::sleep(Duration::from_millis(20));
    file::save(&theirs, &path).expect("their save");

    h.state_mut().handle(Action::Save, &ctx);
    assert!(
        h.state().core.conflict.is_some(),
        "the save waits for an answer: {:?}",
        h.state().core.message
    );
    h.run();
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
    assert!(
        h.state().core.doc.as_ref().expect("doc").dirty,
        "our changes are kept"
    );

    h.state_mut().handle(Action::Save, &ctx);
    h.state_mut()
        .handle(Action::Conflict(ConflictChoice::Overwrite), &ctx);
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
