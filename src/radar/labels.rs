//! Chart labels: wrapped into balanced lines, measured with the font where there is one.

pub use crate::text_wrap::{estimate_width_em, wrap as wrap_label};

/// As [`wrap_label`], but with lines of even length: "利用者との / 関係" rather than
/// "利用者との関 / 係". Uses as many lines as plain wrapping at `max_width` needs, at the narrowest
/// width that still fits in that many.
pub fn wrap_label_balanced(
    text: &str,
    max_width: f32,
    width_of: impl Fn(&str) -> f32,
) -> Vec<String> {
    // A label is short: rather than break inside a word, it may be as wide as its widest phrase
    // (the chart then shrinks a little to make room).
    let widest_phrase = crate::text_wrap::phrases(text)
        .iter()
        .map(|p| width_of(p.trim()))
        .fold(0.0, f32::max);
    let max_width = max_width.max(widest_phrase);
    let lines = wrap_label(text, max_width, &width_of);
    if lines.len() < 2 {
        return lines;
    }
    // Never narrower than the widest phrase: below it, a phrase would be broken to keep the count.
    let (mut lo, mut hi) = (widest_phrase, max_width);
    for _ in 0..20 {
        let mid = f32::midpoint(lo, hi);
        if wrap_label(text, mid, &width_of).len() <= lines.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap_label(text, hi, &width_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_japanese_and_respects_kinsoku() {
        let w = |s: &str| estimate_width_em(s);
        assert_eq!(
            wrap_label("一緒に取り組めるパートナー", 6.0, w),
            vec!["一緒に", "取り組める", "パートナー"]
        );
        let lines = wrap_label("あいうえお。", 5.0, w);
        assert!(lines.iter().all(|l| !l.starts_with('。')), "{lines:?}");
        assert_eq!(
            wrap_label("Open government", 6.0, w),
            vec!["Open", "government"]
        );
        assert_eq!(wrap_label("", 6.0, w), vec![""]);
        assert_eq!(
            wrap_label_balanced("2 利用者との関係", 6.5, w),
            vec!["2 利用者との", "関係"]
        );
        assert_eq!(
            wrap_label_balanced("1 パートナー", 8.0, w),
            vec!["1 パートナー"]
        );
    }
}
