//! Exports of the workshop summary. Every format renders the same [`report::Report`], so they say
//! the same thing; adding a format is one more file here and one more [`Format`] variant.

pub mod csv;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod png;
pub mod report;
pub mod svg;
pub mod xlsx;

use crate::i18n::Lang;
use crate::project::Project;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// The formats Kizuki can export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Svg,
    /// The actions, one per row.
    CsvActions,
    /// The scores and answers, one row per team and item.
    CsvScores,
    Xlsx,
    Pdf,
    /// The radar chart as a picture, at twice the SVG's size.
    Png,
}

impl Format {
    /// In the order the Export menu offers them: what city halls circulate first.
    pub const ALL: [Format; 8] = [
        Format::Pdf,
        Format::Html,
        Format::Xlsx,
        Format::Markdown,
        Format::CsvActions,
        Format::CsvScores,
        Format::Svg,
        Format::Png,
    ];

    /// The file name ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Svg => "svg",
            Format::CsvActions | Format::CsvScores => "csv",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }

    /// The name used on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::CsvActions => "csv",
            Format::CsvScores => "csv-scores",
            other => other.extension(),
        }
    }

    /// What goes between a project's name and the extension, so that formats sharing an extension
    /// do not overwrite each other: `workshop-scores.csv` beside `workshop.csv`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Format::CsvScores => "-scores",
            _ => "",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "svg" => Ok(Format::Svg),
            "csv" | "csv-actions" => Ok(Format::CsvActions),
            "csv-scores" => Ok(Format::CsvScores),
            "xlsx" | "excel" => Ok(Format::Xlsx),
            "pdf" => Ok(Format::Pdf),
            "png" => Ok(Format::Png),
            other => Err(other.to_owned()),
        }
    }
}

/// What to put in an export, beyond the project itself.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub lang: Lang,
    /// Only this team (by name); all teams when `None`.
    pub team: Option<String>,
    /// The day against which actions count as overdue; fixed in tests so outputs are reproducible.
    pub today: NaiveDate,
    /// Facilitator notes are private to the facilitator unless asked for.
    pub include_facilitator_notes: bool,
}

impl ExportOptions {
    pub fn new(lang: Lang, today: NaiveDate) -> ExportOptions {
        ExportOptions {
            lang,
            team: None,
            today,
            include_facilitator_notes: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no team named {0:?}")]
    NoSuchTeam(String),
    #[error("cannot write the workbook: {0}")]
    Xlsx(String),
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    #[error("cannot draw the chart: {0}")]
    Png(String),
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::NoSuchTeam(name) => crate::tr!(lang, "export.no_such_team", name = name),
            ExportError::Xlsx(reason) => crate::tr!(lang, "export.xlsx_failed", reason = reason),
            ExportError::Pdf(reason) => crate::tr!(lang, "export.pdf_failed", reason = reason),
            ExportError::Png(reason) => crate::tr!(lang, "export.png_failed", reason = reason),
        }
    }
}

/// Renders `project` in `format`: the bytes of the file to write.
pub fn render(
    project: &Project,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let report = report::Report::build(project, options)?;
    Ok(match format {
        Format::Markdown => markdown::render(&report).into_bytes(),
        Format::Html => html::render(&report).into_bytes(),
        Format::Svg => svg::chart_svg(&report.chart, &report.title, 800.0, 800.0).into_bytes(),
        Format::CsvActions => csv::actions(&report),
        Format::CsvScores => csv::scores(&report),
        Format::Xlsx => xlsx::render(&report).map_err(|e| ExportError::Xlsx(e.to_string()))?,
        Format::Pdf => pdf::render(&report).map_err(|e| ExportError::Pdf(e.to_string()))?,
        Format::Png => png::chart_png(&report.chart, &report.title).map_err(ExportError::Png)?,
    })
}
