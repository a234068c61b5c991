//! Kizuki quotes the guidebook: every Japanese text it shows as the guidebook's (the framing, each
//! item's title, 概要, the explanation pages' wording, 背景, イノベーション後の姿, 例, 備考) must be
//! found, word for word, in the guidebook's own text (`tests/data/guidebook.txt`, extracted from the
//! PDF). Only spacing, line breaks and bullet marks, which the extraction scattered, are ignored.

use kizuki::Lang;
use kizuki::checklist::{Checklist, ItemId};

/// The text with everything but the words taken out: white space (full-width too), and the
/// bullet marks of the PDF.
fn words(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{f06e}' | '•' | '\u{3000}'))
        .collect()
}

fn guidebook() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/guidebook.txt");
    words(&std::fs::read_to_string(path).expect("the guidebook's text"))
}

/// Every Japanese text the app presents as the guidebook's, with where it comes from.
fn quoted() -> Vec<(String, String)> {
    let ja = Checklist::get(Lang::Ja);
    let f = &ja.framing;
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |place: String, text: &str| out.push((place, text.to_owned()));
    for (i, t) in f.purpose.iter().enumerate() {
        push(format!("framing.purpose[{i}]"), t);
    }
    push("framing.caveat".into(), &f.caveat);
    push("framing.definition".into(), &f.definition);
    for (i, t) in f.situations.iter().enumerate() {
        push(format!("framing.situations[{i}]"), t);
    }
    for (i, t) in f.reading.iter().enumerate() {
        push(format!("framing.reading[{i}]"), t);
    }
    push("framing.sections.background".into(), &f.sections.background);
    push("framing.sections.ideal".into(), &f.sections.ideal);
    push("framing.sections.examples".into(), &f.sections.examples);
    for id in ItemId::ALL {
        let item = ja.item(id);
        push(format!("{id}.title"), &item.title);
        push(format!("{id}.summary"), &item.summary);
        if let Some(title) = &item.page_title {
            push(format!("{id}.page_title"), title);
        }
        for (section, texts) in [
            ("page_summary", &item.page_summary),
            ("background", &item.background),
            ("ideal", &item.ideal),
            ("examples", &item.examples),
            ("notes", &item.notes),
        ] {
            for (i, t) in texts.iter().enumerate() {
                push(format!("{id}.{section}[{i}]"), t);
            }
        }
    }
    out
}

#[test]
fn every_japanese_text_is_the_guidebooks_own() {
    let book = guidebook();
    let texts = quoted();
    assert!(texts.len() > 100, "only {} texts", texts.len());
    let missing: Vec<String> = texts
        .iter()
        .filter(|(_, text)| !book.contains(&words(text)))
        .map(|(place, text)| format!("{place}: {text}"))
        .collect();
    assert!(missing.is_empty(), "not in the guidebook: {missing:#?}");
}

#[test]
fn the_check_would_notice_a_changed_word() {
    let book = guidebook();
    let title = words(&Checklist::get(Lang::Ja).item(ItemId::JustTry).title);
    assert!(book.contains(&title));
    assert!(!book.contains(&title.replace("やって", "やっと")));
}

#[test]
fn the_framing_is_there_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        let f = &Checklist::get(lang).framing;
        assert_eq!(f.purpose.len(), 2, "{lang}");
        assert_eq!(f.situations.len(), 3, "{lang}");
        assert_eq!(f.reading.len(), 4, "{lang}");
        for text in [&f.caveat, &f.definition, &f.sections.background] {
            assert!(!text.trim().is_empty(), "{lang}");
        }
    }
    let ja = &Checklist::get(Lang::Ja).framing;
    assert!(ja.purpose[1].contains("新たな気づき"));
    assert!(
        ja.caveat
            .contains("確実にイノベーションを起こすことができる")
    );
}
