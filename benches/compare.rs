//! A prefecture collects its municipalities' files: 2,000 project files the size of the sample
//! (two teams, every item answered, 24 actions, indicators), compared in one go.
//! Goal: read and compare all 2,000 in at most 2 s on the 2-core machine. Figures in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use kizuki::Lang;
use kizuki::compare::{By, Comparison, load};
use kizuki::export::Format;
use kizuki::project::{Level, sample_project};
use std::hint::black_box;

const FILES: usize = 2_000;

fn folder_of_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = sample_project();
    for n in 0..FILES {
        let mut project = base.clone();
        project.meta.organization = format!("市町村{:04}", n / 4);
        for (t, team) in project.teams.iter_mut().enumerate() {
            for (i, response) in team.responses.0.iter_mut().enumerate() {
                response.score = Level::new(((n + t + i) % 5 + 1) as u8);
            }
        }
        let folder = dir.path().join(format!("{:02}", n % 47));
        std::fs::create_dir_all(&folder).expect("folder");
        let path = folder.join(format!("{n:04}.kizuki.ron"));
        kizuki::file::save(&project, &path).expect("save");
    }
    dir
}

fn compare(c: &mut Criterion) {
    let dir = folder_of_files();
    let inputs = vec![dir.path().to_owned()];
    let loaded = load(&inputs, Lang::Ja);
    assert_eq!(loaded.files.len(), FILES, "every file read");
    assert!(loaded.failed.is_empty());

    let mut group = c.benchmark_group("compare_2000_files");
    group.sample_size(10);
    group.bench_function("read + compare (by organisation)", |b| {
        b.iter(|| {
            let loaded = load(black_box(&inputs), Lang::Ja);
            Comparison::build(&loaded, By::Organisation, Lang::Ja)
        });
    });
    group.bench_function("compare only (by team, 4,000 rows)", |b| {
        b.iter(|| Comparison::build(black_box(&loaded), By::Team, Lang::Ja));
    });
    let by_team = Comparison::build(&loaded, By::Team, Lang::Ja);
    group.bench_function("write HTML (4,000 rows)", |b| {
        b.iter(|| kizuki::compare::render(black_box(&by_team), Format::Html).expect("html"));
    });
    group.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
