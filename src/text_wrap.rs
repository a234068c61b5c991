//! Line breaking for Japanese and English text laid out without a text engine (chart labels, PDF).
//!
//! Japanese may break between any two characters, with 禁則処理: closing punctuation and small kana
//! never begin a line (they hang past the margin instead), and opening brackets never end one.
//! Latin words break at spaces. Explicit line breaks are kept.

/// Characters that must not begin a line (行頭禁則).
pub fn is_no_break_before(c: char) -> bool {
    "、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…‥,.:;!?)]}%".contains(c)
}

/// Characters that must not end a line (行末禁則).
pub fn is_no_break_after(c: char) -> bool {
    "（「『【〔〈《‘“([{".contains(c)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn em(s: &str) -> f32 {
        crate::radar::estimate_width_em(s)
    }

    #[test]
    fn japanese_breaks_anywhere_but_before_closing_punctuation() {
        assert_eq!(
            wrap("あいうえお。かき", 5.0, em),
            vec!["あいうえお。", "かき"]
        );
        assert_eq!(
            wrap("あいうえ「かきく」", 5.0, em),
            vec!["あいうえ", "「かきく」"]
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
    }
}
