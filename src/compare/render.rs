//! A comparison as a document: HTML, Markdown, an Excel workbook or a PDF, from the same tables
//! and the same chart as the window shows.

use super::Comparison;
use crate::export::report::Table;
use crate::export::{ExportError, Format};
use crate::tr;
use std::fmt::Write as _;

/// Renders `comparison` in `format`; only the document formats make sense for many files.
pub fn render(comparison: &Comparison, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Html => html(comparison).into_bytes(),
        Format::Markdown => markdown(comparison).into_bytes(),
        Format::Xlsx => xlsx(comparison)?,
        Format::Pdf => pdf(comparison)?,
        other => return Err(ExportError::NotForComparison(other)),
    })
}

/// The formats a comparison can be written in, for the CLI's and the window's choices.
pub const FORMATS: [Format; 4] = [Format::Html, Format::Xlsx, Format::Markdown, Format::Pdf];

/// 「作成日 令和8年（2026年）12月2日。読み込んだファイル…」: the date in the style of every report.
fn summary_line(c: &Comparison) -> String {
    let counts = tr!(
        c.lang,
        "compare.summary",
        files = c.files,
        rows = c.rows.len(),
        failed = c.failed.len()
    );
    match c.made_on {
        Some(date) => tr!(
            c.lang,
            "compare.made_on",
            date = crate::words::format_date_long(date, c.lang),
            counts = counts
        ),
        None => counts,
    }
}

fn pdf(c: &Comparison) -> Result<Vec<u8>, crate::export::pdf::PdfError> {
    let (title, summary) = (c.title(), summary_line(c));
    crate::export::pdf::render_document(&crate::export::pdf::Document {
        title: &title,
        summary: &summary,
        chart: &c.chart(),
        tables: &c.tables(),
        lang: c.lang,
        date: c.made_on,
    })
}

fn html(c: &Comparison) -> String {
    use crate::export::html::{style, table_html};
    use crate::export::svg::chart_svg;
    use maud::{DOCTYPE, PreEscaped, html};
    let title = c.title();
    html! {
        (DOCTYPE)
        html lang=(c.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Kizuki";
                title { (title) }
                style { (PreEscaped(style())) }
            }
            body {
                header {
                    h1 { (title) }
                    p { (summary_line(c)) }
                }
                // The chart is SVG made by Kizuki itself, escaped there by construction.
                figure.chart { (PreEscaped(chart_svg(&c.chart(), &title, 720.0, 720.0))) }
                @for table in c.tables() {
                    (table_html(&table))
                }
                footer { (tr!(c.lang, "report.footer")) }
            }
        }
    }
    .into_string()
}

fn markdown(c: &Comparison) -> String {
    let mut w = String::new();
    let _ = writeln!(w, "# {}\n\n{}\n", c.title(), summary_line(c));
    for table in c.tables() {
        crate::export::markdown::table_md(&mut w, &table, "##");
    }
    w
}

/// One sheet per table; numbers are written as numbers, so that Excel can sort and chart them.
fn xlsx(c: &Comparison) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as Cell, FormatBorder, Workbook};
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(c.title())
            .set_author("Kizuki")
            // Fixed, so that the same files give the same workbook.
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let header = Cell::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let cell = Cell::new().set_border(FormatBorder::Thin);
    let mut names = std::collections::HashSet::new();
    for (n, table) in c.tables().iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(table, n, &mut names))?;
        sheet
            .set_landscape()
            .set_paper_size(crate::export::xlsx::A4)
            .set_print_fit_to_pages(1, 0);
        write_table(sheet, table, &header, &cell)?;
    }
    book.save_to_buffer()
}

fn write_table(
    sheet: &mut rust_xlsxwriter::Worksheet,
    table: &Table,
    header: &rust_xlsxwriter::Format,
    cell: &rust_xlsxwriter::Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    for (col, text) in table.header.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_with_format(0, col, text, header)?;
        let width = if col == 0 { 36.0 } else { 8.0 };
        sheet.set_column_width(col, width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (col, text) in row.cells.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            match text.parse::<f64>() {
                Ok(number) if col > 0 => sheet.write_with_format(r, col, number, cell)?,
                _ => sheet.write_with_format(r, col, text, cell)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    if !table.rows.is_empty() {
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        let last_col = u16::try_from(table.header.len().saturating_sub(1)).unwrap_or(0);
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    Ok(())
}

/// A sheet's name: the table's heading within Excel's 31 characters and without the characters
/// Excel refuses, unique in the workbook.
fn sheet_name(table: &Table, n: usize, used: &mut std::collections::HashSet<String>) -> String {
    let cleaned: String = table
        .heading
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(28)
        .collect();
    let mut name = if cleaned.trim().is_empty() {
        format!("{}", n + 1)
    } else {
        cleaned
    };
    while !used.insert(name.clone()) {
        name = format!("{}{}", name.chars().take(26).collect::<String>(), n + 1);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{By, Loaded, records_of};

    fn comparison() -> Comparison {
        let project = crate::project::sample_project();
        let loaded = Loaded {
            files: vec!["sample.kizuki.ron".into()],
            records: records_of(&project, 0),
            failed: vec![crate::compare::Failed {
                path: "broken.kizuki.ron".into(),
                reason: "壊れています".into(),
            }],
            duplicates: Vec::new(),
        };
        Comparison::build(&loaded, By::Team, crate::Lang::Ja)
    }

    #[test]
    fn every_document_lists_the_failed_file_and_the_rows() {
        let c = comparison();
        for format in FORMATS {
            let bytes = render(&c, format).expect("renders");
            assert!(!bytes.is_empty());
            if matches!(format, Format::Html | Format::Markdown) {
                let text = String::from_utf8(bytes).expect("text");
                assert!(text.contains("broken.kizuki.ron"), "{format:?}");
                assert!(text.contains("壊れています"), "{format:?}");
                assert!(text.contains("デジタル推進課"), "{format:?}");
            }
        }
        assert!(
            render(&c, Format::Png).is_err(),
            "a chart alone is not a comparison"
        );
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let table = Table {
            heading: "a/b:c".repeat(20),
            header: Vec::new(),
            widths: Vec::new(),
            rows: Vec::new(),
            note: None,
        };
        let mut used = std::collections::HashSet::new();
        let first = sheet_name(&table, 0, &mut used);
        let second = sheet_name(&table, 1, &mut used);
        assert!(first.chars().count() <= 31 && !first.contains(['/', ':']));
        assert_ne!(first, second);
    }
}
