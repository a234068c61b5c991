//! The window's behaviour without a window: commands in, effects out. These run headless (no egui),
//! the same handler the window uses.

#![expect(
    clippy::float_cmp,
    reason = "exact values are meant: levels, zoom steps rounded to tenths, whole days"
)]

use kizuki::Lang;
use kizuki::export::Format;
use kizuki::project::sample_project;
use kizuki::session::{
    Clock, Command, Edit, Effect, Purpose, Screen, Session, SessionOptions, TextField, UICommand,
    UnsavedChoice,
};
use kizuki::session::{Done, FileCommand, PathCommand};
use std::path::{Path, PathBuf};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

struct Fixture {
    session: Session,
    clock: Clock,
    data: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let data = tempfile::tempdir().expect("data dir");
        let session = Session::new(SessionOptions {
            lang: Some(Lang::Ja),
            data_dir: Some(data.path().to_owned()),
            ..SessionOptions::default()
        });
        Fixture {
            session,
            clock: Clock::on(today()),
            data,
        }
    }

    fn send(&mut self, command: impl Into<Command>) -> Vec<Effect> {
        self.session.handle(command.into(), &self.clock)
    }

    fn run(&mut self, command: UICommand) -> Vec<Effect> {
        self.send(Command::Run(command))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.data.path().join(name)
    }

    fn edit_title(&mut self, title: &str) {
        let _ = self.send(Command::Edit(Edit::SetText(TextField::Title, title.into())));
    }
}

#[test]
fn a_new_project_starts_at_the_setup_and_the_sample_at_the_overview() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::New);
    assert_eq!(f.session.screen, Screen::Setup);
    let _ = f.run(UICommand::OpenSample);
    assert_eq!(f.session.screen, Screen::Overview);
}

#[test]
fn a_file_nobody_has_scored_opens_at_the_setup() {
    let mut f = Fixture::new();
    let empty = f.path("empty.kizuki.ron");
    let project = kizuki::project::Project::new("空", "", Lang::Ja, f.clock.wall);
    kizuki::file::save(&project, &empty).expect("save");
    let scored = f.path("scored.kizuki.ron");
    kizuki::file::save(&sample_project(), &scored).expect("save");
    let _ = f.send(FileCommand::Open(empty));
    assert_eq!(f.session.screen, Screen::Setup);
    let _ = f.send(FileCommand::Open(scored));
    assert_eq!(f.session.screen, Screen::Overview);
}

#[test]
fn a_typed_save_path_gets_the_project_ending() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    let _ = f.run(UICommand::SaveByPath);
    let typed = f.path("秋のワークショップ");
    let _ = f.send(PathCommand::EnterText(typed.display().to_string()));
    let _ = f.send(PathCommand::Submit);
    let saved = f.path("秋のワークショップ.kizuki.ron");
    assert!(saved.exists(), "saved as {}", saved.display());
    assert!(!typed.exists());
    assert!(f.session.path_entry.is_none());
}

#[test]
fn a_path_chosen_for_reading_is_opened_as_it_is() {
    let mut f = Fixture::new();
    let mut project = sample_project();
    project.meta.title = "ronだけ".into();
    let plain = f.path("workshop.ron");
    kizuki::file::save(&project, &plain).expect("save");
    // From the dialog: a file ending in .ron, not .kizuki.ron.
    let _ = f.send(Done::PathChosen {
        purpose: Purpose::Open,
        path: Some(plain.clone()),
        shown: true,
    });
    let doc = f.session.doc.as_ref().expect("opened from the dialog");
    assert_eq!(doc.project.meta.title, "ronだけ");
    assert_eq!(doc.path.as_deref(), Some(plain.as_path()));

    // Typed: Kizuki's own backup, written when a project is saved a second time.
    let saved = f.path("秋.kizuki.ron");
    kizuki::file::save(&project, &saved).expect("save");
    project.meta.title = "新しい方".into();
    kizuki::file::save(&project, &saved).expect("save again");
    let backup = kizuki::file::backup_path(&saved);
    assert!(backup.exists(), "{}", backup.display());
    let _ = f.run(UICommand::OpenByPath);
    let _ = f.send(PathCommand::EnterText(backup.display().to_string()));
    let _ = f.send(PathCommand::Submit);
    let doc = f.session.doc.as_ref().expect("opened the backup");
    assert_eq!(
        doc.project.meta.title, "ronだけ",
        "the backup holds the first save"
    );
    assert!(f.session.error.is_none(), "{:?}", f.session.error);
}

#[test]
fn the_typed_path_field_proposes_an_absolute_path() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    for command in [
        UICommand::SaveByPath,
        UICommand::ExportByPath,
        UICommand::OpenByPath,
    ] {
        let _ = f.run(command);
        let entry = f.session.path_entry.clone().expect("a path field");
        assert!(
            Path::new(&entry.text).is_absolute(),
            "{command:?}: {}",
            entry.text
        );
    }
}

#[test]
fn the_typed_export_changes_its_ending_with_the_format() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    let _ = f.run(UICommand::ExportByPath);
    let pdf = f.session.path_entry.clone().expect("entry").text;
    assert!(
        Path::new(&pdf).extension().is_some_and(|e| e == "pdf"),
        "{pdf}"
    );
    let _ = f.send(PathCommand::EnterFormat(Format::CsvScores));
    let csv = f.session.path_entry.clone().expect("entry").text;
    assert!(csv.ends_with("-scores.csv"), "{csv}");
    let target = f.path("scores");
    let _ = f.send(PathCommand::EnterText(target.display().to_string()));
    let _ = f.send(PathCommand::Submit);
    assert!(f.path("scores.csv").exists());
}

#[test]
fn save_first_then_open_is_one_waiting_command() {
    let mut f = Fixture::new();
    let other = f.path("other.kizuki.ron");
    kizuki::file::save(&sample_project(), &other).expect("save");
    let _ = f.run(UICommand::New);
    f.edit_title("まだ保存していない");
    let _ = f.send(FileCommand::Open(other.clone()));
    assert_eq!(
        f.session.pending,
        Some(FileCommand::Open(other.clone()).into()),
        "the open waits for the answer"
    );
    // "Save": never saved before, so a dialog is asked for…
    let effects = f.send(Command::Unsaved(UnsavedChoice::Save));
    let Some(Effect::AskPath { purpose, .. }) = effects.first() else {
        panic!("a save dialog: {effects:?}");
    };
    assert_eq!(*purpose, Purpose::SaveAs);
    // …and once the dialog gives a path, the project is saved and then the other file opened.
    let chosen = f.path("first");
    let _ = f.send(Done::PathChosen {
        purpose: Purpose::SaveAs,
        path: Some(chosen),
        shown: true,
    });
    let saved = kizuki::file::load(&f.path("first.kizuki.ron")).expect("saved");
    assert_eq!(saved.meta.title, "まだ保存していない");
    let open = f.session.doc.as_ref().expect("a document");
    assert_eq!(open.path.as_deref(), Some(other.as_path()));
}

#[test]
fn a_cancelled_save_dialog_keeps_everything() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::New);
    f.edit_title("大事");
    let _ = f.run(UICommand::Close);
    let _ = f.send(Command::Unsaved(UnsavedChoice::Save));
    let _ = f.send(Done::PathChosen {
        purpose: Purpose::SaveAs,
        path: None,
        shown: true,
    });
    assert_eq!(f.session.project().expect("still open").meta.title, "大事");
    assert!(f.session.is_dirty());
}

#[test]
fn a_dialog_that_was_never_shown_offers_the_path_field() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    let _ = f.run(UICommand::SaveAs);
    let _ = f.send(Done::PathChosen {
        purpose: Purpose::SaveAs,
        path: None,
        shown: false,
    });
    let entry = f.session.path_entry.clone().expect("the path field");
    assert_eq!(entry.purpose, Purpose::SaveAs);
    assert!(!f.session.dialog_open);
}

#[test]
fn quitting_asks_only_when_something_is_unsaved() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    assert_eq!(f.run(UICommand::Quit), [Effect::CloseWindow]);
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    f.edit_title("変更");
    assert!(f.run(UICommand::Quit).is_empty());
    assert!(!f.session.may_close());
    assert_eq!(
        f.send(Command::Unsaved(UnsavedChoice::Discard)),
        [Effect::CloseWindow]
    );
    assert!(f.session.may_close());
}

#[test]
fn zoom_and_theme_are_effects_and_remembered_at_once() {
    let mut f = Fixture::new();
    assert_eq!(f.run(UICommand::ZoomIn), [Effect::ApplyZoom(1.1)]);
    assert_eq!(f.run(UICommand::ZoomIn), [Effect::ApplyZoom(1.2)]);
    assert_eq!(f.run(UICommand::ZoomReset), [Effect::ApplyZoom(1.0)]);
    for _ in 0..40 {
        let _ = f.run(UICommand::ZoomOut);
    }
    assert_eq!(f.session.settings.zoom, 0.5, "bounded");
    let dark = kizuki::session::ThemeChoice::Dark;
    assert_eq!(f.run(UICommand::Theme(dark)), [Effect::ApplyTheme(dark)]);
    // Written already, not at exit: another start reads it back.
    let again = Session::new(SessionOptions {
        lang: None,
        data_dir: Some(f.data.path().to_owned()),
        ..SessionOptions::default()
    });
    assert_eq!(again.settings.theme, dark);
    assert_eq!(again.settings.zoom, 0.5);
}

#[test]
fn an_opened_file_is_a_recent_file_at_once() {
    let mut f = Fixture::new();
    let file = f.path("w.kizuki.ron");
    kizuki::file::save(&sample_project(), &file).expect("save");
    let _ = f.send(FileCommand::Open(file.clone()));
    let again = Session::new(SessionOptions {
        lang: None,
        data_dir: Some(f.data.path().to_owned()),
        ..SessionOptions::default()
    });
    let canonical = std::fs::canonicalize(&file).expect("canonical");
    assert_eq!(again.settings.recent, [canonical]);
}

#[test]
fn due_dates_are_judged_by_the_sessions_clock() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    let later = Clock::on(chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("date"));
    let _ = f.session.handle(Command::Tick, &later);
    assert_eq!(
        f.session.today(),
        chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("date")
    );
}

#[test]
fn commands_that_cannot_run_do_nothing() {
    let mut f = Fixture::new();
    assert!(!f.session.is_enabled(UICommand::Save));
    assert!(f.run(UICommand::Save).is_empty());
    assert!(f.run(UICommand::Undo).is_empty());
    assert!(f.session.doc.is_none());
}

#[test]
fn teams_are_switched_in_order_and_round() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    let first = f.session.team_id();
    let _ = f.run(UICommand::NextTeam);
    assert_ne!(f.session.team_id(), first);
    let _ = f.run(UICommand::NextTeam);
    assert_eq!(
        f.session.team_id(),
        first,
        "round from the last to the first"
    );
    let _ = f.run(UICommand::PreviousTeam);
    assert_ne!(f.session.team_id(), first);
}

#[test]
fn a_new_action_asks_for_the_keyboard_once() {
    let mut f = Fixture::new();
    let _ = f.run(UICommand::OpenSample);
    let item = kizuki::checklist::ItemId::Users;
    let _ = f.send(Command::Edit(Edit::AddAction {
        team: 1,
        item,
        owner: String::new(),
    }));
    let (serial, focus) = f.session.view.focus.expect("a focus request");
    let added = f.session.project().expect("p").teams[0].responses[item]
        .actions
        .last()
        .expect("the new action")
        .id;
    assert_eq!(
        focus,
        kizuki::session::Focus::Action {
            team: 1,
            item,
            action: added
        }
    );
    let _ = f.send(Command::Edit(Edit::AddAction {
        team: 1,
        item,
        owner: String::new(),
    }));
    assert!(f.session.view.focus.expect("again").0 > serial);
}
