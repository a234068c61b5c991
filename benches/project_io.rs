//! Load, validate and save a large project: 10 teams × 15 members, every item answered, 1,000 actions.
//! Targets: load and save each well under 100 ms. Figures are recorded in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use kizuki::file;
use kizuki::project::large_project;
use std::hint::black_box;

fn project_io(c: &mut Criterion) {
    let project = large_project(10, 15, 1000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.kizuki.ron");
    file::save(&project, &path).expect("save");
    let bytes = std::fs::read(&path).expect("read back");
    eprintln!("large project file: {} KiB", bytes.len() / 1024);

    let mut group = c.benchmark_group("large_project");
    group.sample_size(30);
    group.bench_function("load (read + parse + validate)", |b| {
        b.iter(|| file::load(black_box(&path)).expect("load"));
    });
    group.bench_function("parse", |b| {
        b.iter(|| file::parse(black_box(&bytes)).expect("parse"));
    });
    group.bench_function("validate", |b| {
        b.iter(|| black_box(&project).validate().expect("valid"));
    });
    group.bench_function("serialise", |b| {
        b.iter(|| file::to_text(black_box(&project)).expect("text"));
    });
    group.bench_function("save (atomic, synced, with backup)", |b| {
        b.iter(|| file::save(black_box(&project), &path).expect("save"));
    });
    group.finish();
}

criterion_group!(benches, project_io);
criterion_main!(benches);
