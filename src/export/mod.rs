//! Exports of the workshop summary. Every format renders the same [`report::Report`], so they say
//! the same thing; adding a format is one more file here and one more [`Format`] variant.

pub mod agenda;
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

/// The formats Kizuki can export. The names on the command line (`--format md`) come from clap's
/// `ValueEnum`, the translation keys (`format.<key>`) from strum.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Format {
    Pdf,
    Html,
    Xlsx,
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// The actions, one per row.
    #[value(name = "csv", alias = "csv-actions")]
    CsvActions,
    /// The scores and answers, one row per team and item.
    CsvScores,
    /// The indicators, one row each, with their values as plain numbers.
    CsvKpis,
    Svg,
    /// The radar chart as a picture, at twice the SVG's size.
    Png,
}

impl Format {
    /// In the order the Export menu offers them (the order of the variants): what city halls
    /// circulate first.
    pub const ALL: &'static [Format] = <Format as strum::VariantArray>::VARIANTS;

    /// The file name ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Svg => "svg",
            Format::CsvActions | Format::CsvScores | Format::CsvKpis => "csv",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }

    /// The key of the format's name in the translation files.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The name used on the command line (`--format`).
    pub fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }

    /// What goes between a project's name and the extension, so that formats sharing an extension
    /// do not overwrite each other: `workshop-scores.csv` beside `workshop.csv`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Format::CsvScores => "-scores",
            Format::CsvKpis => "-kpis",
            _ => "",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
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
    /// The layout of a report that circulates in a city hall (庁内回覧): boxes to stamp for
    /// those who read and approve it, a document number, 和暦 first (PDF and HTML).
    pub circulation: bool,
}

impl ExportOptions {
    pub fn new(lang: Lang, today: NaiveDate) -> ExportOptions {
        ExportOptions {
            lang,
            team: None,
            today,
            include_facilitator_notes: false,
            circulation: false,
        }
    }
}

/// Why an export could not be made. [`ExportError::message`] says it in the user's language; the
/// libraries' own (English) text stays in the `Display` form, for logs.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no team named {0:?}")]
    NoSuchTeam(String),
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write the PDF: {0}")]
    Pdf(#[from] pdf::PdfError),
    #[error("cannot draw the chart: {0}")]
    Png(#[from] png::PngError),
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("a comparison of files cannot be written as {0:?}")]
    NotForComparison(Format),
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::NoSuchTeam(name) => crate::tr!(lang, "export.no_such_team", name = name),
            ExportError::Xlsx(_) => crate::tr!(lang, "export.xlsx_failed"),
            ExportError::Pdf(e) => crate::tr!(lang, "export.pdf_failed", reason = e.message(lang)),
            ExportError::Png(_) => crate::tr!(lang, "export.png_failed"),
            ExportError::Csv(_) => crate::tr!(lang, "export.csv_failed"),
            ExportError::NotForComparison(format) => crate::tr!(
                lang,
                "export.not_for_comparison",
                format = format.extension()
            ),
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
        Format::CsvActions => csv::actions(&report)?,
        Format::CsvScores => csv::scores(&report)?,
        Format::CsvKpis => csv::kpis(&report)?,
        Format::Xlsx => xlsx::render(&report)?,
        Format::Pdf => pdf::render(&report)?,
        Format::Png => png::chart_png(&report.chart, &report.title)?,
    })
}
