//! Every message exists in both languages, every key the code uses exists, and no key is left that
//! nothing uses.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn keys(locale: &str) -> BTreeSet<String> {
    kizuki::_rust_i18n_backend()
        .messages_for_locale(locale)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, _)| k.into_owned())
        .collect()
}

#[test]
fn both_languages_have_the_same_keys() {
    let ja = keys("ja");
    let en = keys("en");
    assert!(ja.len() > 50, "only {} Japanese keys", ja.len());
    let only_ja: Vec<_> = ja.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ja).collect();
    assert!(
        only_ja.is_empty() && only_en.is_empty(),
        "only ja: {only_ja:?}; only en: {only_en:?}"
    );
}

/// Every `.rs` file under `src/`.
fn sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                out.push((path, text));
            }
        }
    }
    out
}

/// The contents of every ordinary string literal in `text` (outside `//` comments), however the
/// call that uses it is wrapped: a key passed straight to `tr!`, kept in a variable, or in a table.
fn string_literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = match line.find("//") {
            // A `//` inside a string is rare in this code base; a URL would be one.
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        let mut rest = code;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            out.push(after[..end].to_owned());
            rest = &after[end + 1..];
        }
    }
    out
}

/// Whether a literal looks like a translation key of one of the files' namespaces: `menu.file`.
fn looks_like_key(s: &str, namespaces: &BTreeSet<String>) -> bool {
    let mut parts = s.split('.');
    let first = parts.next().unwrap_or_default();
    s.contains('.')
        && namespaces.contains(first)
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// Keys made at run time from a prefix (`format!("cmd.{}.label", …)`): checked by the tests of what
/// they are made from (every command, every format, every field has its keys).
const DYNAMIC_PREFIXES: [&str; 3] = ["cmd.", "format.", "field."];

#[test]
fn every_key_used_in_the_code_exists() {
    let ja = keys("ja");
    let namespaces: BTreeSet<String> = ja
        .iter()
        .filter_map(|k| k.split('.').next())
        .map(str::to_owned)
        .collect();
    let mut missing = Vec::new();
    let mut used = 0;
    for (path, text) in sources() {
        for literal in string_literals(&text) {
            if !looks_like_key(&literal, &namespaces) {
                continue;
            }
            used += 1;
            if !ja.contains(&literal) {
                missing.push(format!("{}: {literal}", path.display()));
            }
        }
    }
    assert!(
        used > 150,
        "found only {used} keys in the code: the scan is broken"
    );
    assert!(
        missing.is_empty(),
        "keys used but not translated: {missing:#?}"
    );
}

#[test]
fn every_key_in_the_files_is_used() {
    let all_literals: BTreeSet<String> = sources()
        .iter()
        .flat_map(|(_, text)| string_literals(text))
        .collect();
    let unused: Vec<String> = keys("ja")
        .into_iter()
        .filter(|k| !DYNAMIC_PREFIXES.iter().any(|p| k.starts_with(p)))
        .filter(|k| !all_literals.contains(k))
        .collect();
    assert!(unused.is_empty(), "keys nothing uses: {unused:#?}");
}

#[test]
fn the_scan_finds_keys_however_the_call_is_written() {
    let namespaces: BTreeSet<String> = ["menu".to_owned(), "item".to_owned()].into();
    let code = "let k = \"menu.file\";\ntr!(\n    lang,\n    \"item.score\",\n)\n// \"menu.comment\"\nformat!(\"{}.{}\", a, b); \"a.b\"";
    let found: Vec<String> = string_literals(code)
        .into_iter()
        .filter(|l| looks_like_key(l, &namespaces))
        .collect();
    assert_eq!(found, ["menu.file", "item.score"]);
}

#[test]
fn field_names_used_in_places_exist() {
    for field in [
        "title",
        "organization",
        "facilitator",
        "venue",
        "team_name",
        "member_name",
        "current_state",
        "ideas",
        "facilitator_note",
        "action_what",
        "action_owner",
    ] {
        for lang in kizuki::Lang::ALL {
            let key = format!("field.{field}");
            assert_ne!(lang.tr(&key), key, "{lang}: {key}");
        }
    }
}

#[test]
fn every_format_has_a_name_in_both_languages() {
    for &format in kizuki::export::Format::ALL {
        for lang in kizuki::Lang::ALL {
            let label = format.label(lang);
            assert!(!label.starts_with("format."), "{format:?} in {lang}");
        }
    }
}

#[test]
fn empty_translations_stay_empty() {
    // The English date reads "2026 / 11 / 26": the day has no unit, and must not show its key.
    assert_eq!(kizuki::Lang::En.tr("date.day"), "");
    assert_eq!(kizuki::Lang::Ja.tr("date.day"), "日");
}
