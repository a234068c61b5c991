//! The summary as a real PDF: A4 portrait, BIZ `UDPGothic` embedded as a subset (text stays
//! selectable and searchable), the radar chart as vector graphics, page numbers.
//!
//! Layout is done here, in two steps: the content is laid out into pages of drawing operations
//! (pure, with Japanese line breaking from [`crate::text_wrap`]), then krilla writes them.

mod chart;
mod layout;
mod plain;
mod report;
pub mod sheets;

pub use layout::{Element, Op, Page};
pub use report::layout;

use crate::fonts::{self, Metrics};
use crate::radar::Point;
use crate::style::paper;
use layout::{MARGIN_X, PAGE_H, PAGE_W};

/// Why the PDF could not be made. Each says what in the user's language ([`PdfError::message`]);
/// krilla's own text stays in the `Display` form, for logs.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font cannot be read")]
    Font,
    #[error("the font cannot be embedded: {0}")]
    Embedding(String),
    #[error("the document exceeds a limit of the PDF format: {0}")]
    Limit(String),
    #[error("the PDF cannot be written: {0}")]
    Other(String),
}

impl From<krilla::error::KrillaError> for PdfError {
    fn from(e: krilla::error::KrillaError) -> Self {
        use krilla::error::KrillaError as K;
        match e {
            K::Font(_, reason) => PdfError::Embedding(reason),
            K::Limit(limit) => PdfError::Limit(format!("{limit:?}")),
            other => PdfError::Other(other.to_string()),
        }
    }
}

impl PdfError {
    pub fn message(&self, lang: crate::Lang) -> String {
        match self {
            PdfError::Font | PdfError::Embedding(_) => crate::tr!(lang, "export.pdf.font"),
            PdfError::Limit(_) => crate::tr!(lang, "export.pdf.limit"),
            PdfError::Other(_) => crate::tr!(lang, "export.pdf.other"),
        }
    }
}

/// The report as PDF bytes.
pub fn render(report: &crate::export::report::Report) -> Result<Vec<u8>, PdfError> {
    let regular = Metrics::new(fonts::regular()).ok_or(PdfError::Font)?;
    let bold = Metrics::new(fonts::bold()).ok_or(PdfError::Font)?;
    let pages = layout(report, &regular, &bold);
    write(
        pages,
        &Described {
            title: &report.title,
            lang: report.lang,
            // PDF/A needs a date: the workshop's, else the day the report was made.
            date: report.meta_date.or_else(|| ymd(report.made_on)),
        },
        &regular,
        &bold,
    )
}

/// A document that is not a project's report (a comparison of many files, say): a title, one
/// line of summary, a chart and tables. The comparison sits above the exports, so it hands its
/// parts over rather than itself.
pub struct Document<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub chart: &'a crate::radar::Chart,
    pub tables: &'a [crate::export::report::Table],
    pub lang: crate::Lang,
    /// The day it was made (its 作成日), which the file's metadata carries.
    pub date: Option<chrono::NaiveDate>,
}

/// A date as the PDF's metadata takes it.
fn ymd(date: chrono::NaiveDate) -> Option<(u16, u8, u8)> {
    use chrono::Datelike;
    Some((
        u16::try_from(date.year()).ok()?,
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    ))
}

/// `document` as PDF bytes.
pub fn render_document(document: &Document) -> Result<Vec<u8>, PdfError> {
    let regular = Metrics::new(fonts::regular()).ok_or(PdfError::Font)?;
    let bold = Metrics::new(fonts::bold()).ok_or(PdfError::Font)?;
    let pages = report::document_layout(document, &regular, &bold);
    write(
        pages,
        &Described {
            title: document.title,
            lang: document.lang,
            date: document.date.and_then(ymd),
        },
        &regular,
        &bold,
    )
}

/// A short Markdown document (the sheet for IT) as PDF bytes, dated `date`.
pub fn render_markdown(
    markdown: &str,
    lang: crate::Lang,
    date: chrono::NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    let regular = Metrics::new(fonts::regular()).ok_or(PdfError::Font)?;
    let bold = Metrics::new(fonts::bold()).ok_or(PdfError::Font)?;
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or("Kizuki")
        .trim();
    write(
        plain::layout(markdown, &regular, &bold),
        &Described {
            title,
            lang,
            date: ymd(date),
        },
        &regular,
        &bold,
    )
}

/// Answer sheets for the members of `team` (or of every team), one A4 page each.
pub fn render_sheets(
    project: &crate::project::Project,
    team: Option<&str>,
    lang: crate::Lang,
) -> Result<Vec<u8>, crate::export::ExportError> {
    let list = sheets::sheets_of(project, team);
    if list.is_empty() {
        return Err(crate::export::ExportError::NoSuchTeam(
            team.unwrap_or_default().to_owned(),
        ));
    }
    let regular = Metrics::new(fonts::regular()).ok_or(PdfError::Font)?;
    let bold = Metrics::new(fonts::bold()).ok_or(PdfError::Font)?;
    let pages = sheets::layout(project, &list, lang, &regular, &bold);
    let title = crate::tr!(lang, "sheets.title");
    let date = project.meta.date.map(|d| {
        use chrono::Datelike;
        (
            u16::try_from(d.year()).unwrap_or(0),
            u8::try_from(d.month()).unwrap_or(1),
            u8::try_from(d.day()).unwrap_or(1),
        )
    });
    Ok(write(
        pages,
        &Described {
            title: &title,
            lang,
            date,
        },
        &regular,
        &bold,
    )?)
}

/// What the PDF says of itself: its title, its language, the day it describes.
struct Described<'a> {
    title: &'a str,
    lang: crate::Lang,
    date: Option<(u16, u8, u8)>,
}

/// Numbers the pages, puts the title at their foot, and writes them with the bundled font.
fn write(
    mut pages: Vec<Page>,
    described: &Described,
    regular_metrics: &Metrics,
    bold_metrics: &Metrics,
) -> Result<Vec<u8>, PdfError> {
    use krilla::color::rgb;
    use krilla::geom::PathBuilder;
    use krilla::num::NormalizedF32;
    use krilla::paint::{Fill, Stroke, StrokeDash};
    use krilla::text::{Font, GlyphId, KrillaGlyph};

    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let number = format!("{} / {total}", n + 1);
        let w = regular_metrics.width(&number, 8.5);
        // The page's number and the title at its foot are drawn for the page, not read.
        page.ops.push(Op::Open(Element::Artifact));
        page.ops.push(Op::Text {
            x: (PAGE_W - w) / 2.0,
            y: PAGE_H - 40.0,
            size: 8.5,
            bold: false,
            color: paper::MUTED,
            text: number,
        });
        // The title at the left, never reaching the page number in the middle.
        let room = (PAGE_W - w) / 2.0 - 12.0 - MARGIN_X;
        page.ops.push(Op::Text {
            x: MARGIN_X,
            y: PAGE_H - 40.0,
            size: 7.5,
            bold: false,
            color: paper::MUTED,
            text: short(described.title, |s| regular_metrics.width(s, 7.5) <= room),
        });
        page.ops.push(Op::Close);
    }

    let regular = Font::new(fonts::regular().into(), 0).ok_or(PdfError::Font)?;
    let bold = Font::new(fonts::bold().into(), 0).ok_or(PdfError::Font)?;
    let ascent = regular_metrics.ascent();
    // PDF/A-2b: an archival file a city hall may keep as its record; krilla checks the rules
    // while writing and refuses to finish a file that breaks one. PDF/A needs a date, which
    // every document Kizuki writes has; one without (a caller's) is written as plain PDF.
    // PDF/UA-1 as well: tagged (headings, paragraphs, tables with header cells, the chart as a
    // figure with its values in words), in reading order, with the language, the title shown
    // as the window's title and an outline of the headings; krilla checks that too.
    let mut builder = krilla::configure::ConfigurationBuilder::new()
        .with_accessibility_validator(krilla::configure::Accessibility::UA1);
    if described.date.is_some() {
        builder = builder.with_archival_validator(krilla::configure::Archival::A2_B);
    }
    let configuration = builder
        .finish()
        .map_err(|e| PdfError::Other(format!("{e:?}")))?;
    let mut document = krilla::Document::new_with(krilla::SerializeSettings {
        configuration,
        ..krilla::SerializeSettings::default()
    });
    let mut metadata = krilla::metadata::Metadata::new()
        .title(described.title.to_owned())
        .language(described.lang.code().to_owned())
        .creator("Kizuki".to_owned());
    if let Some((y, m, d)) = described.date {
        metadata = metadata.creation_date(krilla::metadata::DateTime::new(y).month(m).day(d));
    }
    document.set_metadata(metadata);
    let color = |c: [u8; 3]| rgb::Color::new(c[0], c[1], c[2]);
    let path = |points: &[Point], closed: bool| {
        let mut pb = PathBuilder::new();
        let mut it = points.iter();
        let first = it.next()?;
        pb.move_to(first.x, first.y);
        for p in it {
            pb.line_to(p.x, p.y);
        }
        if closed {
            pb.close();
        }
        pb.finish()
    };
    let mut structure = Structure::new(described.lang);
    for (page_index, page) in pages.iter().enumerate() {
        let settings = krilla::page::PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| PdfError::Other("A4 page size".into()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            let tagged = match op {
                Op::Open(element) => {
                    structure.open(element);
                    continue;
                }
                Op::Close => {
                    structure.close();
                    continue;
                }
                Op::Text { y, .. } => structure.text_tag(page_index, *y),
                Op::Line { .. } | Op::Fill { .. } => structure.graphic_tag(),
            };
            let id = surface.start_tagged(tagged.content());
            match op {
                Op::Open(_) | Op::Close => {}
                Op::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color: c,
                    text,
                } => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: color(*c).into(),
                        opacity: NormalizedF32::ONE,
                        rule: krilla::paint::FillRule::default(),
                    }));
                    let (font, metrics) = if *is_bold {
                        (bold.clone(), bold_metrics)
                    } else {
                        (regular.clone(), regular_metrics)
                    };
                    // The glyphs where the layout measured them: krilla's `draw_text` would
                    // parse the 4.6 MB face and shape every run again (most of the time an
                    // export took), and kern Latin text the layout did not.
                    let glyphs: Vec<KrillaGlyph> = metrics
                        .glyphs(text)
                        .map(|g| {
                            KrillaGlyph::new(
                                GlyphId::new(u32::from(g.id)),
                                g.advance_em,
                                0.0,
                                0.0,
                                0.0,
                                g.text,
                                None,
                            )
                        })
                        .collect();
                    surface.draw_glyphs(
                        krilla::geom::Point::from_xy(*x, *y + ascent * size),
                        &glyphs,
                        font,
                        text,
                        *size,
                        false,
                    );
                }
                Op::Line {
                    points,
                    width,
                    color: c,
                    dash,
                    closed,
                } => {
                    let Some(p) = path(points, *closed) else {
                        continue;
                    };
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: color(*c).into(),
                        width: *width,
                        dash: dash.map(|[on, off]| StrokeDash {
                            array: vec![on, off],
                            offset: 0.0,
                        }),
                        ..Default::default()
                    }));
                    surface.draw_path(&p);
                }
                Op::Fill {
                    points,
                    color: c,
                    opacity,
                } => {
                    let Some(p) = path(points, true) else {
                        continue;
                    };
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: color(*c).into(),
                        opacity: NormalizedF32::new(*opacity).unwrap_or(NormalizedF32::ONE),
                        rule: krilla::paint::FillRule::default(),
                    }));
                    surface.draw_path(&p);
                }
            }
            surface.end_tagged();
            structure.place(tagged, id);
        }
        surface.finish();
        pdf_page.finish();
    }
    let (tree, outline) = structure.finish();
    document.set_tag_tree(tree);
    document.set_outline(outline);
    document.finish().map_err(PdfError::from)
}

/// How a piece of content is tagged.
#[derive(Clone, Copy, PartialEq)]
enum Tagged {
    /// Text read as part of the element open around it.
    Text,
    /// Text outside any element: a paragraph of its own.
    LoneText,
    /// The drawing of a figure.
    Figure,
    /// Drawn for the page or as decoration, not read.
    Artifact,
}

impl Tagged {
    fn content(self) -> krilla::tagging::ContentTag<'static> {
        use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};
        match self {
            Tagged::Text | Tagged::LoneText => ContentTag::Span(SpanTag::empty()),
            Tagged::Figure => ContentTag::Other,
            Tagged::Artifact => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Other)),
        }
    }
}

/// The document's logical structure, built while the pages are written: the elements the
/// layout opened and closed ([`Op::Open`], [`Op::Close`]) become the tag tree, in drawing order
/// (the reading order: top to bottom, page by page); the headings become the outline.
struct Structure {
    tree: krilla::tagging::TagTree,
    open: Vec<(Element, krilla::tagging::TagGroup)>,
    /// How many artifacts are open: what is drawn inside one is not read.
    artifacts: usize,
    /// The headings: level, text, page, and where on it.
    headings: Vec<(u16, String, usize, f32)>,
    pending_heading: Option<(u16, String)>,
}

impl Structure {
    fn new(lang: crate::Lang) -> Structure {
        Structure {
            tree: krilla::tagging::TagTree::new().with_lang(Some(lang.code().to_owned())),
            open: Vec::new(),
            artifacts: 0,
            headings: Vec::new(),
            pending_heading: None,
        }
    }

    fn open(&mut self, element: &Element) {
        use krilla::tagging::{TableHeaderScope, Tag, TagGroup};
        if self.artifacts > 0 || *element == Element::Artifact {
            self.artifacts += 1;
            return;
        }
        let group = match element {
            Element::Heading { level, title } => {
                self.pending_heading = Some((*level, title.clone()));
                let level = std::num::NonZeroU16::new(*level).unwrap_or(std::num::NonZeroU16::MIN);
                TagGroup::new(Tag::Hn(level, Some(title.clone())))
            }
            Element::Paragraph => TagGroup::new(Tag::P),
            Element::Table => TagGroup::new(Tag::Table),
            Element::Row => TagGroup::new(Tag::TR),
            Element::HeaderCell => TagGroup::new(Tag::TH(TableHeaderScope::Column)),
            Element::Cell => TagGroup::new(Tag::TD),
            Element::Figure { alt } => TagGroup::new(Tag::Figure(Some(alt.clone()))),
            Element::Artifact => return,
        };
        self.open.push((element.clone(), group));
    }

    fn close(&mut self) {
        if self.artifacts > 0 {
            self.artifacts -= 1;
            return;
        }
        if let Some((_, group)) = self.open.pop() {
            match self.open.last_mut() {
                Some((_, parent)) => parent.push(group),
                None => self.tree.push(group),
            }
        }
    }

    fn text_tag(&mut self, page: usize, y: f32) -> Tagged {
        if self.artifacts > 0 {
            return Tagged::Artifact;
        }
        // A heading's outline entry points at its first line.
        if let Some((level, title)) = self.pending_heading.take() {
            self.headings.push((level, title, page, y));
        }
        if self.open.is_empty() {
            Tagged::LoneText
        } else {
            Tagged::Text
        }
    }

    fn graphic_tag(&self) -> Tagged {
        let in_figure = self
            .open
            .iter()
            .any(|(e, _)| matches!(e, Element::Figure { .. }));
        if self.artifacts == 0 && in_figure {
            Tagged::Figure
        } else {
            Tagged::Artifact
        }
    }

    fn place(&mut self, tagged: Tagged, id: krilla::tagging::Identifier) {
        use krilla::tagging::{Tag, TagGroup};
        match tagged {
            Tagged::Artifact => {}
            Tagged::LoneText => {
                let mut paragraph = TagGroup::new(Tag::P);
                paragraph.push(id);
                self.tree.push(paragraph);
            }
            Tagged::Text | Tagged::Figure => {
                if let Some((_, group)) = self.open.last_mut() {
                    group.push(id);
                }
            }
        }
    }

    /// The tag tree, and the outline: each heading under the last one of a higher level.
    fn finish(mut self) -> (krilla::tagging::TagTree, krilla::outline::Outline) {
        while !self.open.is_empty() {
            self.close();
        }
        let mut outline = krilla::outline::Outline::new();
        // Open nodes by level, deepest last.
        let mut stack: Vec<(u16, krilla::outline::OutlineNode)> = Vec::new();
        let attach =
            |outline: &mut krilla::outline::Outline,
             stack: &mut Vec<(u16, krilla::outline::OutlineNode)>,
             node: krilla::outline::OutlineNode| match stack.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            };
        for (level, title, page, y) in self.headings {
            while stack.last().is_some_and(|(l, _)| *l >= level) {
                if let Some((_, node)) = stack.pop() {
                    attach(&mut outline, &mut stack, node);
                }
            }
            let destination = krilla::destination::XyzDestination::new(
                page,
                krilla::geom::Point::from_xy(MARGIN_X, y),
            );
            stack.push((level, krilla::outline::OutlineNode::new(title, destination)));
        }
        while let Some((_, node)) = stack.pop() {
            attach(&mut outline, &mut stack, node);
        }
        (self.tree, outline)
    }
}

/// `text`, or as much of it as `fits` with an ellipsis.
fn short(text: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(text) {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let longer = format!("{out}{c}…");
        if !fits(&longer) {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::layout::{BOTTOM, TOP};
    use super::*;
    use crate::export::ExportOptions;
    use crate::export::report::Report;

    #[test]
    fn a_long_title_is_shortened_to_the_room_it_has() {
        let regular = Metrics::new(fonts::regular()).expect("font");
        let fits = |s: &str| regular.width(s, 7.5) <= 200.0;
        let title =
            "ひかりの市 ICT地域イノベーション・ワークショップ 第2回 情報システム担当との打合せ";
        let shown = short(title, fits);
        assert!(fits(&shown) && shown.ends_with('…'), "{shown}");
        assert!(title.starts_with(shown.trim_end_matches('…')));
        assert_eq!(short("短い題", fits), "短い題");
    }

    #[test]
    fn text_stays_inside_the_page_margins() {
        let regular = Metrics::new(fonts::regular()).expect("font");
        let bold = Metrics::new(fonts::bold()).expect("font");
        let options = ExportOptions::new(
            crate::Lang::Ja,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"),
        );
        let report = Report::build(&crate::project::sample_project(), &options).expect("report");
        let pages = layout(&report, &regular, &bold);
        assert!(
            pages.len() >= 3,
            "a cover page and one or more per team: {}",
            pages.len()
        );
        for page in &pages {
            for op in &page.ops {
                if let Op::Text {
                    x,
                    y,
                    size,
                    bold: b,
                    text,
                    ..
                } = op
                {
                    let w = if *b {
                        bold.width(text, *size)
                    } else {
                        regular.width(text, *size)
                    };
                    assert!(*x >= MARGIN_X - 0.5, "{text} starts left of the margin");
                    // Hanging punctuation may pass the margin by one character.
                    assert!(
                        x + w <= PAGE_W - MARGIN_X + size * 1.05,
                        "{text} runs past the margin: {}",
                        x + w
                    );
                    assert!(
                        *y >= TOP - 1.0 && y + size <= BOTTOM + size * 1.6,
                        "{text} is off the text area at {y}"
                    );
                    assert!(!text.starts_with(['。', '、', '」']), "kinsoku: {text}");
                }
            }
        }
    }
}
