//! Every message exists in both languages, and every key the code uses exists.

use std::collections::BTreeSet;

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

/// Scans the sources for `tr!(lang, "key"` and `.tr("key"` and checks each key is translated.
#[test]
fn every_key_used_in_the_code_exists() {
    let ja = keys("ja");
    let mut missing = Vec::new();
    let mut used = 0;
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source is UTF-8");
            for (i, _) in text.match_indices('"') {
                let before = &text[..i];
                let is_key_position = before.ends_with("tr!(lang, ")
                    || before.ends_with("tr!(self.lang, ")
                    || before.ends_with(".tr(")
                    || before.trim_end().ends_with("tr!(lang,");
                let line_start = before.rfind('\n').map_or(0, |n| n + 1);
                let in_comment = before[line_start..].trim_start().starts_with("//");
                if !is_key_position || in_comment {
                    continue;
                }
                let rest = &text[i + 1..];
                let Some(end) = rest.find('"') else { continue };
                let key = &rest[..end];
                if key.contains('{') {
                    continue; // built with format!; those are covered by the enumerations below
                }
                used += 1;
                if !ja.contains(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    assert!(
        used > 50,
        "found only {used} keys in the code: the scan is broken"
    );
    assert!(
        missing.is_empty(),
        "keys used but not translated: {missing:#?}"
    );
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
fn empty_translations_stay_empty() {
    // The English date reads "2026 / 11 / 26": the day has no unit, and must not show its key.
    assert_eq!(kizuki::Lang::En.tr("date.day"), "");
    assert_eq!(kizuki::Lang::Ja.tr("date.day"), "日");
}
