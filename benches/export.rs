//! Every export of a large project: 10 teams × 15 members, every item answered, 1,300 actions
//! (the size a review measured: a 114-page PDF). Targets: PDF ≤ 400 ms, PNG ≤ 150 ms, every other
//! format ≤ 100 ms. Figures are recorded in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use kizuki::Lang;
use kizuki::export::{ExportOptions, Format, render};
use kizuki::project::large_project;
use std::hint::black_box;
use strum::VariantArray;

fn export(c: &mut Criterion) {
    let project = large_project(10, 15, 1300);
    let options = ExportOptions::new(
        Lang::Ja,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"),
    );
    let mut group = c.benchmark_group("export_large_project");
    group.sample_size(10);
    for &format in Format::VARIANTS {
        let bytes = render(&project, format, &options).expect("renders");
        let name: &'static str = format.into();
        eprintln!("{name}: {} KiB", bytes.len() / 1024);
        group.bench_function(name, |b| {
            b.iter(|| render(black_box(&project), format, &options).expect("renders"));
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
