//! The layers of the source, checked: a module may use only the modules below it, so that the
//! model never depends on an output, an output never on the window, and no two modules lean on
//! each other. The order is the README's ("Architecture"); a new top-level module must be placed
//! in it here, or this test fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bottom first. Each module may use those before it, never those after it.
const LAYERS: &[&str] = &[
    // The bottom layer: words, dates, plane geometry, fonts and styles; no project, no egui.
    "i18n",
    "fonts",
    "geom",
    "text_wrap",
    "words",
    "style",
    // The guidebook's checklist and its five levels; then the model and its edits.
    "checklist",
    "project",
    // The file format.
    "file",
    // What the PC's administrator allows.
    "policy",
    // What is made of a project: the chart, then the documents.
    "radar",
    "export",
    // Many files, and phones.
    "compare",
    "vote",
    // The window's state and behaviour without a window; the command line beside it.
    "session",
    "cli",
    // The views, then the eframe glue.
    "ui",
    "app",
];

/// Names the crate root re-exports from a module: `crate::Lang` is `i18n`'s, `crate::tr!` too.
fn owner(name: &str) -> &str {
    match name {
        "Lang" | "tr" | "_rust_i18n_translate" | "_rust_i18n_try_translate" => "i18n",
        other => other,
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every top-level module a file names through `crate::`, with the line it does so on. Comments
/// are skipped (a doc link to a module above is no dependency); `crate::{a, b::c}` counts each.
fn uses(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for part in group[..end].split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.push((name, number + 1));
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((name, number + 1));
            }
        }
    }
    found
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let rank: BTreeMap<&str, usize> = LAYERS.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut wrong = Vec::new();
    let mut unplaced = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a component");
        let first = first.as_os_str().to_string_lossy();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
        // The crate root and the binary sit above every layer.
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(&own) = rank.get(module.as_str()) else {
            unplaced.push(module);
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read");
        for (name, line) in uses(&text) {
            let name = owner(&name);
            if name == module {
                continue;
            }
            match rank.get(name) {
                Some(&other) if other > own => wrong.push(format!(
                    "src/{}:{line}: {module} uses {name}, a layer above it",
                    relative.display()
                )),
                Some(_) => {}
                None => unplaced.push(name.to_owned()),
            }
        }
    }
    unplaced.sort();
    unplaced.dedup();
    assert!(
        unplaced.is_empty(),
        "modules missing from LAYERS (place them in the order, and in the README): {unplaced:?}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_every_form_of_use() {
    let text = "use crate::project::Level;\n\
                use crate::{export::Format, vote};\n\
                let x = crate::radar::Chart::axes(lang); // crate::app in a comment\n";
    let names: Vec<String> = uses(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["project", "export", "vote", "radar"]);
}

#[test]
fn the_readme_shows_the_same_order() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let start = readme
        .find("<!-- layers -->")
        .expect("the README's layer list, between <!-- layers --> marks");
    let end = readme[start + 1..]
        .find("<!-- layers -->")
        .expect("the closing mark")
        + start
        + 1;
    let listed: Vec<&str> = readme[start..end]
        .lines()
        .filter_map(|l| l.trim().strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    assert_eq!(listed, LAYERS, "README's table, bottom first");
}
