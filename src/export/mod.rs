//! Exports of the workshop summary. Every format renders the same [`report::Report`], so they say
//! the same thing; adding a format is one more file here and one more [`Format`] variant.

pub mod markdown;
pub mod report;

use crate::i18n::Lang;
use crate::project::Project;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// The formats Kizuki can export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
}

impl Format {
    pub const ALL: [Format; 1] = [Format::Markdown];

    /// The file name ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
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
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::NoSuchTeam(name) => crate::tr!(lang, "export.no_such_team", name = name),
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
    })
}
