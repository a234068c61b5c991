//! A short Markdown document set as a PDF with the reports' typesetting (Japanese line breaking,
//! the bundled font, PDF/A): the sheet for a city hall's IT department. Only what that sheet
//! uses is read: `#` and `##` headings, paragraphs, `- ` bullets and indented lines (commands).

use super::layout::{Layout, MARGIN_X, Page};
use crate::style::paper;

/// The pages of `markdown`.
pub fn layout(
    markdown: &str,
    regular: &crate::fonts::Metrics,
    bold: &crate::fonts::Metrics,
) -> Vec<Page> {
    let mut l = Layout::new(regular, bold);
    let mut paragraph = String::new();
    let flush = |l: &mut Layout, paragraph: &mut String| {
        if !paragraph.is_empty() {
            l.paragraph(paragraph, 9.5, false, paper::INK, 0.0);
            l.y += 4.0;
            paragraph.clear();
        }
    };
    for line in markdown.lines() {
        if let Some(title) = line.strip_prefix("# ") {
            flush(&mut l, &mut paragraph);
            l.heading(title.trim(), 16.0, true);
        } else if let Some(heading) = line.strip_prefix("## ") {
            flush(&mut l, &mut paragraph);
            l.heading(heading.trim(), 12.0, false);
        } else if let Some(item) = line.strip_prefix("- ") {
            flush(&mut l, &mut paragraph);
            // The bullet goes with the item's first line, on whichever page that lands.
            l.ensure(9.5 * 1.6);
            let top = l.y;
            l.text_at(MARGIN_X + 2.0, top, 9.5, false, paper::INK, "•");
            l.paragraph(item.trim(), 9.5, false, paper::INK, 12.0);
            l.y += 1.5;
        } else if let Some(code) = line.strip_prefix("    ") {
            flush(&mut l, &mut paragraph);
            // A command to copy: set apart, smaller, in full (it wraps at its spaces).
            l.paragraph(code.trim(), 8.5, false, paper::MUTED, 12.0);
            l.y += 4.0;
        } else if line.trim().is_empty() {
            flush(&mut l, &mut paragraph);
        } else {
            // Lines of one paragraph join as the reader sees them: with a space between words of
            // Latin text, directly between Japanese ones.
            if paragraph.ends_with(|c: char| c.is_ascii_alphanumeric())
                && line.trim().starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                paragraph.push(' ');
            }
            paragraph.push_str(line.trim());
        }
    }
    flush(&mut l, &mut paragraph);
    l.pages
}

#[cfg(test)]
mod tests {
    use super::super::layout::Op;
    use super::*;
    use crate::fonts::{self, Metrics};

    #[test]
    fn headings_bullets_and_commands_are_all_set() {
        let regular = Metrics::new(fonts::regular()).expect("font");
        let bold = Metrics::new(fonts::bold()).expect("font");
        let pages = layout(
            "# 題\n\n本文の一行目\n二行目。\n\n## 節\n\n- 箇条\n\n    netsh advfirewall\n",
            &regular,
            &bold,
        );
        let texts: Vec<(&str, bool)> = pages
            .iter()
            .flat_map(|p| &p.ops)
            .filter_map(|op| match op {
                Op::Text { text, bold, .. } => Some((text.as_str(), *bold)),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&("題", true)), "{texts:?}");
        assert!(texts.contains(&("節", true)), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|(t, _)| t.contains("本文の一行目") && t.contains("二行目")),
            "{texts:?}"
        );
        assert!(
            texts.contains(&("•", false)) && texts.contains(&("箇条", false)),
            "{texts:?}"
        );
        assert!(texts.contains(&("netsh advfirewall", false)), "{texts:?}");
    }
}
