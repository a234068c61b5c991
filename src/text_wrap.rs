//! Line breaking for Japanese and English text laid out without a text engine (chart labels, PDF).
//!
//! Japanese breaks between phrases (文節) as `BudouX` finds them, so that a line never ends inside a
//! word: 「まずは／やってみよう」, not 「まずはやっ／てみよう」. A phrase too long for a line of its
//! own is broken between characters, still with 禁則処理: closing punctuation and small kana never
//! begin a line (they hang past the margin instead), and opening brackets never end one. Latin
//! words break at spaces. Explicit line breaks are kept.

/// Characters that must not begin a line (行頭禁則).
pub fn is_no_break_before(c: char) -> bool {
    "、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…‥,.:;!?)]}%".contains(c)
}

/// Characters that must not end a line (行末禁則).
pub fn is_no_break_after(c: char) -> bool {
    "（「『【〔〈《‘“([{".contains(c)
}

/// Whether a character is Japanese (kana, kanji, full-width forms): text `BudouX` should segment.
/// A digit as dates and amounts are written: ASCII or full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_japanese(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The places in `text` where a line may break: after each `BudouX` phrase, and at spaces; never
/// between two Latin letters or digits, and never inside a date or a number with its unit
/// (「令和9年（2027年）1月29日」, 「2026/11/26」, 「90分」): a 決裁 document must not break them.
/// Returned as the pieces between those places.
pub fn phrases(text: &str) -> Vec<String> {
    keep_numbers_with_next(keep_units_whole(text, split_phrases(text)))
}

/// A small number before a space starts the phrase after it: 「2 Considering」, 「10 まずは」 —
/// a level or an item's number alone at a line's end reads as a stray figure. So does an arrow:
/// 「(previous → / now)」 breaks before it, not after.
fn keep_numbers_with_next(pieces: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let lone_number = out.last().is_some_and(|last| {
            last == "→ "
                || last.strip_suffix(' ').is_some_and(|n| {
                    (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
                })
        });
        match out.last_mut() {
            Some(last) if lone_number => last.push_str(&piece),
            _ => out.push(piece),
        }
    }
    out
}

fn split_phrases(text: &str) -> Vec<String> {
    let chunks: Vec<String> = if text.chars().any(is_japanese) {
        japanese_phrases(text)
    } else {
        vec![text.to_owned()]
    };
    let mut pieces: Vec<String> = Vec::new();
    for chunk in &chunks {
        // Within a phrase, a space still separates words (mixed Latin text).
        for (i, word) in chunk.split_inclusive(' ').enumerate() {
            let joins_previous = i == 0
                && pieces.last().is_some_and(|p: &String| {
                    let end = p.chars().last().unwrap_or(' ');
                    let start = word.chars().next().unwrap_or(' ');
                    end.is_ascii_alphanumeric() && start.is_ascii_alphanumeric()
                });
            match pieces.last_mut() {
                Some(last) if joins_previous => last.push_str(word),
                _ => pieces.push(word.to_owned()),
            }
        }
    }
    pieces
}

/// Joins pieces whose boundary falls inside a date or a number with its unit.
fn keep_units_whole(text: &str, pieces: Vec<String>) -> Vec<String> {
    // Every unit holds a digit: most texts (the window's chart labels, drawn every frame) have
    // none and skip the search.
    if pieces.len() < 2 || !text.chars().any(is_digit) {
        return pieces;
    }
    let spans = unit_spans(text);
    if spans.is_empty() {
        return pieces;
    }
    let mut out: Vec<String> = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for piece in pieces {
        let inside = spans.iter().any(|&(start, end)| start < at && at < end);
        at += piece.chars().count();
        match out.last_mut() {
            Some(last) if inside => last.push_str(&piece),
            _ => out.push(piece),
        }
    }
    out
}

/// The character ranges of dates and numbers with their units: a run of digits and the
/// characters dates are written with (年月日, brackets, slashes), with an era name before it and
/// one unit after it (分, 人, 年度…).
fn unit_spans(text: &str) -> Vec<(usize, usize)> {
    const ERAS: [&str; 3] = ["令和", "平成", "昭和"];
    let chars: Vec<char> = text.chars().collect();
    let in_run = |c: char| is_digit(c) || "元年月日（）()/.-：:".contains(c);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !in_run(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && in_run(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        if !run.iter().copied().any(is_digit) {
            continue;
        }
        // Brackets that open or close the run belong to the text around it, unless matched.
        let mut end = i;
        while end > start && "（(".contains(chars[end - 1]) {
            end -= 1;
        }
        let mut begin = start;
        while begin < end && "）)".contains(chars[begin]) {
            begin += 1;
        }
        let era = ERAS.iter().find(|e| {
            let n = e.chars().count();
            begin >= n && chars[begin - n..begin].iter().copied().eq(e.chars())
        });
        let begin = era.map_or(begin, |e| begin - e.chars().count());
        // One unit after a number: 分, 人, 票, 件, 度 (年度)…
        if end < chars.len() && "分人票件度回名歳秒円点位割倍枚項％%".contains(chars[end])
        {
            end += 1;
        }
        if end > begin + 1 {
            spans.push((begin, end));
        }
    }
    spans.extend(english_date_spans(&chars));
    spans.extend(score_change_spans(&chars));
    spans
}

/// A score and where it went, as the tables write it: 「2 → 4（+1）」, 「3 → 3 (no change)」. The
/// numbers, the arrow and the remark in brackets read as one figure and stay on one line.
fn score_change_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let digits_back = |end: usize| (0..end).rev().take_while(|&k| is_digit(chars[k])).count();
    let digits_on = |start: usize| chars[start..].iter().take_while(|c| is_digit(**c)).count();
    let mut spans = Vec::new();
    for (arrow, _) in chars.iter().enumerate().filter(|(_, c)| **c == '→') {
        // 「2 → 4」: a number, one space, the arrow, one space, a number.
        if arrow < 2 || chars[arrow - 1] != ' ' || chars.get(arrow + 1) != Some(&' ') {
            continue;
        }
        let before = digits_back(arrow - 1);
        let after = digits_on((arrow + 2).min(chars.len()));
        if before == 0 || after == 0 {
            continue;
        }
        let begin = arrow - 1 - before;
        let mut end = arrow + 2 + after;
        // The remark in brackets right after it (after one space in English), if it closes soon.
        let open = match chars.get(end) {
            Some(' ') if chars.get(end + 1) == Some(&'(') => Some(end + 1),
            Some('（' | '(') => Some(end),
            _ => None,
        };
        if let Some(open) = open {
            let close = chars[open..]
                .iter()
                .take(16)
                .position(|c| matches!(c, '）' | ')'));
            if let Some(close) = close {
                end = open + close + 1;
            }
        }
        spans.push((begin, end));
    }
    spans
}

/// English dates as the documents write them, 「25 November 2026」 and 「25 Nov 2026」: the day,
/// the month and the year stay on one line.
fn english_date_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // chrono's names, the ones `format_date_long` writes with `%B`, and `%b`'s three letters.
    let names = (1..=12u8)
        .filter_map(|m| chrono::Month::try_from(m).ok())
        .flat_map(|m| {
            let full: Vec<char> = m.name().chars().collect();
            let short = full[..3].to_vec();
            // May is both.
            [Some(full.clone()), (short != full).then_some(short)]
        })
        .flatten();
    for name in names {
        let mut i = 0;
        while i + name.len() <= chars.len() {
            // A whole word only: not 「Mar」 of 「Market」.
            let whole = !chars.get(i + name.len()).is_some_and(|c| c.is_alphabetic())
                && (i == 0 || !chars[i - 1].is_alphabetic());
            if chars[i..i + name.len()] != name[..] || !whole {
                i += 1;
                continue;
            }
            let (mut begin, mut end) = (i, i + name.len());
            // 「25 November」 before, 「 2026」 after: a space and digits on either side.
            let digits_before = (0..begin)
                .rev()
                .skip(1)
                .take_while(|&k| chars[k].is_ascii_digit())
                .count();
            if begin > 0 && chars[begin - 1] == ' ' && digits_before > 0 {
                begin -= 1 + digits_before;
            }
            let digits_after = chars[end..]
                .iter()
                .skip(1)
                .take_while(|c| c.is_ascii_digit())
                .count();
            if chars.get(end) == Some(&' ') && digits_after > 0 {
                end += 1 + digits_after;
            }
            if end - begin > name.len() {
                spans.push((begin, end));
            }
            i += name.len();
        }
    }
    spans
}

/// `BudouX`'s phrases of `text`, remembered for short texts: the window wraps the same chart labels
/// every frame, and parsing them was 40% of drawing the overview. Long texts (the PDF's
/// paragraphs, parsed once per export) are not kept, and the memory is bounded.
fn japanese_phrases(text: &str) -> Vec<String> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    const LONGEST_KEPT: usize = 200;
    const MOST_KEPT: usize = 4096;
    static KEPT: OnceLock<Mutex<HashMap<String, Vec<String>>>> = OnceLock::new();
    let parse = || budoux::parse(budoux::models::default_japanese_model(), text);
    if text.len() > LONGEST_KEPT {
        return parse();
    }
    let kept = KEPT.get_or_init(|| Mutex::new(HashMap::new()));
    // A poisoned lock only means another thread panicked mid-insert; the map is still usable.
    let mut kept = kept
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(phrases) = kept.get(text) {
        return phrases.clone();
    }
    let phrases = parse();
    if kept.len() >= MOST_KEPT {
        kept.clear();
    }
    kept.insert(text.to_owned(), phrases.clone());
    phrases
}

/// Splits `text` into lines no wider than `max_width` as measured by `width_of`. A single piece
/// wider than the line (a long URL) stands on a line of its own.
pub fn wrap(text: &str, max_width: f32, width_of: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(
            paragraph.trim_end_matches('\r'),
            max_width,
            &width_of,
            &mut lines,
        );
    }
    lines
}

fn wrap_paragraph(
    text: &str,
    max_width: f32,
    width_of: &impl Fn(&str) -> f32,
    lines: &mut Vec<String>,
) {
    let mut line = String::new();
    for piece in phrases(text) {
        let candidate = format!("{line}{piece}");
        let hangs = piece.chars().next().is_some_and(is_no_break_before);
        let fits = width_of(candidate.trim_end()) <= max_width;
        // A phrase wider than a whole line is broken below anyway: let it fill this line first.
        let too_long_anyway = width_of(piece.trim()) > max_width;
        if line.trim().is_empty() || fits || hangs || too_long_anyway {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_owned());
            piece.trim_start().clone_into(&mut line);
        }
        // A phrase longer than a whole line is broken between its characters, with 禁則.
        if width_of(line.trim_end()) > max_width && line.chars().count() > 1 {
            let mut broken = Vec::new();
            wrap_characters(&line, max_width, width_of, &mut broken);
            line = broken.pop().unwrap_or_default();
            lines.extend(broken);
        }
    }
    lines.push(line.trim_end().to_owned());
}

/// Breaks between any two characters (keeping Latin words whole), with 禁則: for text with no
/// phrase boundary within a line's width.
fn wrap_characters(
    text: &str,
    max_width: f32,
    width_of: &impl Fn(&str) -> f32,
    lines: &mut Vec<String>,
) {
    let chars: Vec<char> = text.chars().collect();
    let mut line = String::new();
    let mut i = 0;
    while i < chars.len() {
        // The next unbreakable piece: a run of Latin letters and digits, or one other character.
        let mut j = i + 1;
        if chars[i].is_ascii_alphanumeric() {
            while j < chars.len()
                && (chars[j].is_ascii_alphanumeric() || "-_/.@".contains(chars[j]))
            {
                j += 1;
            }
        }
        let piece: String = chars[i..j].iter().collect();
        let candidate = format!("{line}{piece}");
        let hangs = piece.chars().all(is_no_break_before);
        if !line.trim().is_empty() && width_of(candidate.trim_end()) > max_width && !hangs {
            // An opening bracket at the end of the line moves down with what it opens.
            let mut carried = String::new();
            while let Some(last) = line.chars().last().filter(|&c| is_no_break_after(c)) {
                if line.chars().count() <= 1 {
                    break;
                }
                line.pop();
                carried.insert(0, last);
            }
            lines.push(line.trim_end().to_owned());
            line = format!("{carried}{}", piece.trim_start());
        } else {
            line = candidate;
        }
        i = j;
    }
    lines.push(line.trim_end().to_owned());
}

/// An estimate of text width in ems for labels laid out without a font at hand: characters that
/// take two columns (CJK, full-width forms) are one em, spaces about a third, others about half.
pub fn estimate_width_em(text: &str) -> f32 {
    use unicode_width::UnicodeWidthChar;
    text.chars()
        .map(|c| match (c, c.width()) {
            (' ', _) => 0.3,
            (_, Some(2)) => 1.0,
            (_, Some(0)) => 0.0,
            _ => 0.55,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn em(s: &str) -> f32 {
        estimate_width_em(s)
    }

    #[test]
    fn dates_and_numbers_with_units_are_never_broken() {
        let joined = |text: &str, whole: &str| {
            assert!(
                phrases(text).iter().any(|p| p.contains(whole)),
                "{whole} broken in {:?}",
                phrases(text)
            );
        };
        joined(
            "次回は令和9年（2027年）1月29日に開きます。",
            "令和9年（2027年）1月29日",
        );
        joined("期限は2026/11/26です", "2026/11/26");
        joined("各項目9分、合計90分で進めます", "90分");
        joined("令和元年5月1日から", "令和元年5月1日");
        joined("Due on 25 November 2026 (overdue)", "25 November 2026");
        joined("measured 13 Nov 2026 by", "13 Nov 2026");
        joined("since 2 May 2026 at", "2 May 2026");
        assert!(
            !phrases("in 2026 Market 2027")
                .iter()
                .any(|p| p.contains("2026 Market")),
            "a month's letters inside a word are no date"
        );
        joined("スコア 2 → 4（+1）です", "2 → 4（+1）");
        joined("3 → 3 (no change) since", "3 → 3 (no change)");
        joined("1 → 2", "1 → 2");
        joined("2 Considering", "2 Considering");
        joined("Change in score (previous → now)", "→ now)");
        let lines = wrap("Due on 25 November 2026 (overdue)", 9.0, em);
        assert!(
            lines.iter().any(|l| l.contains("25 November 2026")),
            "{lines:?}"
        );
        // A narrow line breaks around the date, not inside it.
        let lines = wrap("次回は令和9年（2027年）1月29日に開きます。", 14.0, em);
        assert!(
            lines.iter().any(|l| l.contains("令和9年（2027年）1月29日")),
            "{lines:?}"
        );
    }

    #[test]
    fn japanese_breaks_between_phrases() {
        assert_eq!(
            wrap("10 まずはやってみよう", 7.0, em),
            vec!["10 まずは", "やってみよう"]
        );
        assert_eq!(
            wrap("一緒に取り組めるパートナーを探そう。", 10.0, em),
            vec!["一緒に取り組める", "パートナーを探そう。"]
        );
    }

    #[test]
    fn a_phrase_longer_than_the_line_breaks_by_characters_with_kinsoku() {
        assert_eq!(
            wrap("あいうえおかきくけこ。さし", 5.0, em),
            vec!["あいうえお", "かきくけこ。", "さし"]
        );
        let lines = wrap("あいうえ「かきく」", 5.0, em);
        assert!(lines.iter().all(|l| !l.ends_with('「')), "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.starts_with(['。', '」'])),
            "{lines:?}"
        );
    }

    #[test]
    fn latin_words_stay_whole_and_newlines_are_kept() {
        assert_eq!(
            wrap("Open government data", 7.0, em),
            vec!["Open", "government", "data"]
        );
        assert_eq!(wrap("一行目\n二行目", 10.0, em), vec!["一行目", "二行目"]);
        assert_eq!(wrap("", 10.0, em), vec![""]);
        assert_eq!(phrases("ICT地域の情報"), ["ICT地域の", "情報"]);
    }
}
