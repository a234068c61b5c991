//! Exports of the sample project, read back by independent parsers, and compared with golden files.
//! After an intended change: `UPDATE_GOLDEN=1 cargo test --test exports`, then review the diff.

#![expect(
    clippy::float_cmp,
    reason = "exact values are meant: levels, zoom steps rounded to tenths, whole days"
)]

use kizuki::Lang;
use kizuki::export::{ExportOptions, Format, render};
use kizuki::project::sample_project;
use kizuki::radar::{Chart, Layout, Point};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

fn export(format: Format, lang: Lang) -> Vec<u8> {
    render(
        &sample_project(),
        format,
        &ExportOptions::new(lang, today()),
    )
    .expect("renders")
}

/// The export as text; for HTML, as a reader sees it: without the break opportunities (`<wbr>`)
/// between phrases and the spans that keep a phrase on one line.
fn text(format: Format, lang: Lang) -> String {
    readable(&String::from_utf8(export(format, lang)).expect("UTF-8"))
}

fn readable(html: &str) -> String {
    html.replace("<wbr>", "")
        .replace("<span class=\"ph\">", "")
        .replace("</span>", "")
}

#[test]
fn html_breaks_lines_between_phrases_only_never_inside_a_date() {
    // On a phone every browser breaks a Japanese line wherever it likes unless told: the report
    // marks the phrases (<wbr>) and keeps the rest together (keep-all).
    let html = String::from_utf8(export(Format::Html, Lang::Ja)).expect("UTF-8");
    assert!(
        html.contains("word-break: keep-all"),
        "keep-all in the style"
    );
    assert!(html.contains("<wbr>"), "phrases are marked");
    let visible = readable(&html);
    let mut dates = 0;
    for (i, _) in visible.match_indices("令和") {
        let date: String = visible[i..].chars().take_while(|c| *c != '日').collect();
        if date.contains('月') && date.len() < 60 {
            dates += 1;
            // The same date, unbroken, in the page as written.
            assert!(html.contains(&format!("{date}日")), "{date}日 is broken up");
        }
    }
    assert!(dates >= 3, "the sample has dates: {dates}");
}

/// Compares with `tests/golden/<name>`, or rewrites it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, actual: &[u8]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let new = path.with_extension("new");
        let _ = std::fs::write(&new, actual);
        panic!(
            "{name} differs from the golden file; the new output is in {}",
            new.display()
        );
    }
}

#[test]
fn golden_text_exports() {
    for lang in [Lang::Ja, Lang::En] {
        for (format, ext) in [
            (Format::Markdown, "md"),
            (Format::Html, "html"),
            (Format::Svg, "svg"),
            (Format::CsvActions, "actions.csv"),
            (Format::CsvScores, "scores.csv"),
        ] {
            golden(
                &format!("sample.{}.{ext}", lang.code()),
                &export(format, lang),
            );
        }
    }
}

#[test]
fn exports_are_deterministic() {
    for &format in kizuki::export::Format::ALL {
        assert_eq!(
            export(format, Lang::Ja),
            export(format, Lang::Ja),
            "{format}"
        );
    }
}

#[test]
fn html_parses_and_is_complete_and_self_contained() {
    let html = String::from_utf8(export(Format::Html, Lang::Ja)).expect("UTF-8");
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let all_text: String = doc.root_element().text().collect();
    for item in &kizuki::checklist::Checklist::get(Lang::Ja).items {
        assert!(all_text.contains(&item.title), "missing {}", item.title);
    }
    let labels = scraper::Selector::parse("svg .axis-label").expect("selector");
    assert_eq!(doc.select(&labels).count(), 10, "an inline SVG chart");
    for forbidden in ["<link", "<script", "src=\"http", "@import", "url("] {
        assert!(
            !html.contains(forbidden),
            "the HTML must be self-contained: found {forbidden}"
        );
    }
    // The only http:// text allowed is an XML namespace, which is a name, not a request.
    for (i, _) in html.match_indices("http") {
        let before = &html[..i];
        assert!(
            before.ends_with("xmlns=\""),
            "a web address in the HTML: {}",
            &html[i..(i + 40).min(html.len())]
        );
    }
    assert!(html.contains("@page { size: A4 portrait"));
    assert!(
        all_text.contains("令和8年（2026年）11月20日"),
        "the Japanese era date"
    );
    assert!(all_text.contains("期限切れ"), "overdue actions are marked");
}

#[test]
fn html_escapes_whatever_the_project_says() {
    let mut project = sample_project();
    project.meta.title = "<script>alert('x')</script> & \"引用\"".into();
    project.teams[0].name = "<img src=x onerror=alert(1)>".into();
    project.teams[0].responses.0[0].current_state = "</dd><b>太字</b>\n二行目".into();
    let html = String::from_utf8(
        render(
            &project,
            Format::Html,
            &ExportOptions::new(Lang::Ja, today()),
        )
        .expect("renders"),
    )
    .expect("UTF-8");
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>太字"));
    assert!(html.contains("&lt;script&gt;"));
    let doc = scraper::Html::parse_document(&html);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>alert('x')</script> & \"引用\""));
    assert!(
        text.contains("</dd><b>太字</b>\n二行目"),
        "line breaks are kept as text"
    );
}

#[test]
fn svg_has_ten_labels_and_the_expected_polygons() {
    let svg = text(Format::Svg, Lang::Ja);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let labels: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("axis-label"))
        .map(|n| {
            n.descendants()
                .filter(roxmltree::Node::is_text)
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    assert_eq!(labels.len(), 10);
    assert_eq!(labels[0], "1 パートナー");
    assert!(
        svg.contains("BIZ UDPGothic"),
        "the bundled font is named first"
    );

    // Each team's score polygon has the points the shared geometry gives for its scores.
    let project = sample_project();
    let chart = Chart::of_project(&project, Lang::Ja, None);
    let groups: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("series"))
        .collect();
    for series in chart
        .series
        .iter()
        .filter(|s| s.kind == kizuki::radar::SeriesKind::Scores)
    {
        let group = groups
            .iter()
            .find(|g| g.attribute("data-name") == Some(series.name.as_str()))
            .expect("series group");
        let fill = group
            .descendants()
            .find(|n| n.attribute("class") == Some("fill"))
            .expect("fill polygon");
        let points: Vec<Point> = fill
            .attribute("points")
            .expect("points")
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').expect("x,y");
                Point::new(x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect();
        assert_eq!(points.len(), 10, "{}", series.name);
        // Every vertex lies on its axis at the level's share of the radius.
        let center = {
            let xs: Vec<f32> = points.iter().map(|p| p.x).collect();
            let _ = xs;
            let outer = doc
                .descendants()
                .filter(|n| n.has_tag_name("polygon"))
                .nth(4)
                .expect("outer ring");
            let ring: Vec<Point> = outer
                .attribute("points")
                .expect("ring")
                .split(' ')
                .map(|p| {
                    let (x, y) = p.split_once(',').expect("x,y");
                    Point::new(x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect();
            let layout_center = Point::new(ring[0].x, f32::midpoint(ring[0].y, ring[5].y));
            (layout_center, ring[0].distance(layout_center))
        };
        let (c, radius) = center;
        let layout = Layout::new(10, c, radius, 0.0);
        for (i, (p, v)) in points.iter().zip(&series.values).enumerate() {
            let expected = layout.point(i, v.expect("the sample scores every item"));
            assert!(
                p.distance(expected) < 0.2,
                "{} axis {i}: {p:?} vs {expected:?}",
                series.name
            );
        }
    }
}

#[test]
fn csv_opens_in_excel_and_parses_back() {
    let bytes = export(Format::CsvActions, Lang::Ja);
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 byte order mark for Excel"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "チーム");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 24, "every action of the sample");
    assert!(
        rows.iter()
            .any(|r| &r[3] == "近隣３市に窓口予約システムの共同検討を打診する" && &r[4] == "佐藤")
    );

    let bytes = export(Format::CsvScores, Lang::Ja);
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 20, "two teams × ten items");
    assert_eq!(&rows[0][2], "一緒に取り組めるパートナーを探そう。");
    assert_eq!(&rows[0][3], "3");
}

#[test]
fn markdown_keeps_in_step_with_the_html() {
    let md = text(Format::Markdown, Lang::Ja);
    let html = text(Format::Html, Lang::Ja);
    for needle in [
        "令和8年（2026年）11月20日",
        "デジタル推進課",
        "市民協働課",
        "期限切れ",
        "すでに取り組んでいること（チームの記録",
        "前回比",
        "主なアクション（期限の近い順）",
        // A member's reason the facilitator released, in the item's 気づき; one not released
        // stays out of every document.
        "【メンバーの声】「財政のことは担当外で、判断できない」（田中 翔）",
    ] {
        assert!(md.contains(needle), "Markdown lacks {needle}");
        assert!(html.contains(needle), "HTML lacks {needle}");
    }
    for text in [&md, &html] {
        assert!(
            !text.contains("商店街の協賛金で続けているイベントはある"),
            "a reason the facilitator has not released is in no document"
        );
    }
}

#[test]
fn facilitator_notes_stay_private_unless_asked_for() {
    let mut options = ExportOptions::new(Lang::Ja, today());
    let private = "佐藤さんが近隣市との調整経験あり。";
    for format in [Format::Markdown, Format::Html] {
        let out = String::from_utf8(render(&sample_project(), format, &options).expect("renders"))
            .expect("UTF-8");
        assert!(!out.contains(private), "{format}");
    }
    options.include_facilitator_notes = true;
    let out =
        String::from_utf8(render(&sample_project(), Format::Html, &options).expect("renders"))
            .expect("UTF-8");
    assert!(readable(&out).contains(private));
}

#[test]
fn two_anonymous_answers_are_never_broken_down_in_any_document() {
    let mut project = sample_project();
    let item = &mut project.teams[1].responses[kizuki::checklist::ItemId::MoneyFlow];
    item.votes.clear();
    item.anonymous_votes = Some(kizuki::project::Distribution {
        levels: [0, 0, 0, 0, 1],
        dont_know: 1,
    });
    let options = ExportOptions::new(Lang::Ja, today());
    for format in [Format::Markdown, Format::Html, Format::Pdf, Format::Xlsx] {
        let bytes = render(&project, format, &options).expect("renders");
        let out = match format {
            Format::Pdf => pdf_text(&bytes),
            Format::Xlsx => xlsx_cells(&bytes),
            _ => readable(&String::from_utf8(bytes).expect("UTF-8")),
        };
        let out = out.replace(['\n', ' '], "");
        assert!(
            !out.contains("定着・発展1票") && !out.contains("わからない1票"),
            "{format}: a breakdown of two"
        );
        if format == Format::Xlsx {
            assert!(
                !out.contains("（匿名）"),
                "no anonymous rows in the vote list"
            );
        } else {
            assert!(
                out.contains("2票（3票未満のため"),
                "{format}: the number only"
            );
        }
    }
    // A third answer: now they are broken down.
    let item = &mut project.teams[1].responses[kizuki::checklist::ItemId::MoneyFlow];
    item.anonymous_votes = Some(kizuki::project::Distribution {
        levels: [0, 0, 0, 1, 1],
        dont_know: 1,
    });
    let html = render(&project, Format::Html, &options).expect("renders");
    let html = readable(&String::from_utf8(html).expect("UTF-8")).replace(' ', "");
    assert!(html.contains("定着・発展1票"), "three are shown");
    let xlsx = xlsx_cells(&render(&project, Format::Xlsx, &options).expect("renders"));
    assert_eq!(
        xlsx.matches("（匿名）").count(),
        3,
        "one row per anonymous answer"
    );
}

#[test]
fn names_only_the_facilitator_sees_leave_no_trace_in_the_vote_list() {
    let mut project = sample_project();
    let options = ExportOptions::new(Lang::Ja, today());
    let name = project.teams[0].members[0].name.clone();
    let cells = xlsx_cells(&render(&project, Format::Xlsx, &options).expect("renders"));
    assert!(
        cells.contains(&name),
        "by default the vote list names the members"
    );
    project.meta.vote_names = kizuki::project::VoteNames::Facilitator;
    let cells = xlsx_cells(&render(&project, Format::Xlsx, &options).expect("renders"));
    for member in project.teams.iter().flat_map(|t| &t.members) {
        assert!(!cells.contains(&member.name), "{} is named", member.name);
    }
    assert!(cells.contains("（名前は非表示）"));
}

/// Every cell of every sheet of a workbook, as text, one per line.
fn xlsx_cells(bytes: &[u8]) -> String {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("opens");
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            for cell in row {
                out.push_str(&cell.to_string());
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn xlsx_reads_back_with_scores_actions_and_real_dates() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = export(Format::Xlsx, Lang::Ja);
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
    assert_eq!(
        book.sheet_names(),
        [
            "概要",
            "項目ごとの記録",
            "アクション",
            "指標",
            "振り返り",
            "アクションと変化",
            "投票"
        ]
    );

    let summary = book.worksheet_range("概要").expect("summary");
    let rows: Vec<Vec<Data>> = summary.rows().map(<[calamine::Data]>::to_vec).collect();
    let header = rows
        .iter()
        .position(|r| {
            r.iter()
                .any(|c| c == &Data::String("デジタル推進課 スコア".into()))
        })
        .expect("score table");
    let first = &rows[header + 1];
    assert_eq!(first[1], Data::String("パートナー".into()));
    assert_eq!(
        first[2],
        Data::Float(3.0),
        "デジタル推進課's score for item 1"
    );
    assert_eq!(first[3], Data::Float(4.0), "and its target");

    let actions = book.worksheet_range("アクション").expect("actions");
    assert_eq!(actions.rows().count(), 25, "a header and 24 actions");
    let row = actions
        .rows()
        .find(|r| r[3] == Data::String("近隣３市に窓口予約システムの共同検討を打診する".into()))
        .expect("the action");
    assert_eq!(row[4], Data::String("佐藤".into()));
    match &row[5] {
        Data::DateTime(d) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("Excel's epoch");
            let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 18).expect("date");
            assert_eq!(d.as_f64(), (due - epoch).num_days() as f64);
        }
        other => panic!("the due date is not an Excel date: {other:?}"),
    }
    let votes = book.worksheet_range("投票").expect("votes");
    assert_eq!(
        votes.rows().count(),
        1 + 10 * 5 + 10 * 4,
        "every vote of both teams"
    );
}

/// The XLSX as a 係長 prints it: every sheet on A4, and a chart whose teams and targets differ
/// by marker and dash, not only by colour (greyscale printers).
#[test]
fn xlsx_prints_on_a4_and_its_chart_reads_in_greyscale() {
    use std::io::Read;
    let bytes = export(Format::Xlsx, Lang::Ja);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut part = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the workbook"))
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    };
    for sheet in 1..=7 {
        let xml = part(&format!("xl/worksheets/sheet{sheet}.xml"));
        let doc = roxmltree::Document::parse(&xml).expect("sheet XML");
        let setup = doc
            .descendants()
            .find(|n| n.has_tag_name("pageSetup"))
            .unwrap_or_else(|| panic!("sheet {sheet} has a page setup"));
        assert_eq!(
            setup.attribute("paperSize"),
            Some("9"),
            "sheet {sheet} on A4"
        );
    }
    let chart = part("xl/charts/chart1.xml");
    let doc = roxmltree::Document::parse(&chart).expect("chart XML");
    let series: Vec<(String, String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("ser"))
        .map(|ser| {
            let find = |tag: &str| {
                ser.descendants()
                    .find(|n| n.has_tag_name(tag))
                    .and_then(|n| n.attribute("val"))
                    .unwrap_or("none")
                    .to_owned()
            };
            // The line's dash is the first prstDash of the series (the marker's border has none).
            (find("symbol"), find("prstDash"), find("size"))
        })
        .collect();
    assert_eq!(series.len(), 4, "two teams' scores and targets: {series:?}");
    for (a, one) in series.iter().enumerate() {
        for other in &series[a + 1..] {
            assert_ne!(
                one, other,
                "two series look alike without colour: {series:?}"
            );
        }
    }
}

/// Runs a poppler tool (installed by `.ci/run`: poppler-utils) on a PDF file.
fn poppler(tool: &str, pdf: &std::path::Path) -> String {
    let out = std::process::Command::new(tool)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (from poppler-utils) is needed for this test: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdf_text_is_japanese_searchable_and_the_font_is_an_embedded_subset() {
    let bytes = export(Format::Pdf, Lang::Ja);
    assert!(bytes.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.pdf");
    std::fs::write(&path, &bytes).expect("write");
    let text = poppler("pdftotext", &path);
    // pdftotext may break a long title over lines; compare without whitespace.
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for item in &kizuki::checklist::Checklist::get(Lang::Ja).items {
        let title: String = item.title.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(flat.contains(&title), "the PDF lacks {}", item.title);
    }
    assert!(flat.contains("近隣３市に窓口予約システムの共同検討を打診する"));
    assert!(flat.contains("1/"), "page numbers");
    let fonts = std::process::Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let line = fonts
        .lines()
        .find(|l| l.contains("BIZUDPGothic-Regular"))
        .expect("the bundled font is used");
    let name = line.split_whitespace().next().expect("font name");
    assert!(
        name.len() > 7 && name.as_bytes()[6] == b'+',
        "a subset font is named XXXXXX+Name: {name}"
    );
    assert!(
        line.contains("yes yes yes"),
        "embedded, subset, with a Unicode map: {line}"
    );
    assert!(
        bytes.len() < 600_000,
        "subsetting keeps the file small: {} bytes",
        bytes.len()
    );
}

#[test]
fn png_of_the_chart_is_twice_the_svg_and_shows_the_series() {
    let bytes = export(Format::Png, Lang::Ja);
    let image = image::load_from_memory(&bytes).expect("a PNG").into_rgba8();
    assert_eq!(image.dimensions(), (1600, 1600));
    let [r, g, b] = kizuki::style::team_color(0);
    let near =
        |p: &image::Rgba<u8>| p[0].abs_diff(r) < 8 && p[1].abs_diff(g) < 8 && p[2].abs_diff(b) < 8;
    assert!(
        image.pixels().filter(|p| near(p)).count() > 1000,
        "the first team's outline is drawn"
    );
    let dark = image
        .pixels()
        .filter(|p| p[0] < 60 && p[1] < 60 && p[2] < 60)
        .count();
    assert!(dark > 2000, "labels are drawn as text: {dark} dark pixels");
}

/// The lines of each axis label in an SVG export.
fn svg_label_lines(svg: &str) -> Vec<Vec<String>> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("axis-label"))
        .map(|label| {
            label
                .children()
                .filter(|t| t.has_tag_name("tspan"))
                .map(|t| t.text().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn no_chart_label_breaks_inside_a_word() {
    for lang in [Lang::Ja, Lang::En] {
        let chart = Chart::of_project(&sample_project(), lang, None);
        // Narrow and wide pictures wrap differently; neither may split a word.
        for size in [320.0, 480.0, 800.0] {
            let svg = kizuki::export::svg::chart_svg(&chart, "t", size, size);
            let labels = svg_label_lines(&svg);
            assert_eq!(labels.len(), 10);
            for (lines, label) in labels.iter().zip(&chart.labels) {
                match lang {
                    Lang::Ja => {
                        // (A break at a space drops the space, so spaces are not counted.)
                        let unspaced = |s: &str| s.chars().filter(|c| *c != ' ').count();
                        assert_eq!(lines.concat().replace(' ', ""), label.replace(' ', ""));
                        // Every break is between two of BudouX's phrases.
                        let mut boundaries = vec![0];
                        for p in kizuki::text_wrap::phrases(label) {
                            boundaries.push(boundaries.last().copied().unwrap_or(0) + unspaced(&p));
                        }
                        let mut at = 0;
                        for line in &lines[..lines.len() - 1] {
                            at += unspaced(line);
                            assert!(
                                boundaries.contains(&at),
                                "{label:?} broken inside a phrase at {size}: {lines:?}"
                            );
                        }
                    }
                    Lang::En => assert_eq!(lines.join(" "), *label, "{lines:?}"),
                }
            }
        }
    }
    let chart = Chart::of_project(&sample_project(), Lang::Ja, None);
    let svg = kizuki::export::svg::chart_svg(&chart, "t", 320.0, 320.0);
    let just_try = &svg_label_lines(&svg)[9];
    assert!(
        !just_try.iter().any(|l| l.ends_with("やっ")),
        "「まずはやっ／てみよう」: {just_try:?}"
    );
}

#[test]
fn every_document_shows_the_indicators_the_review_and_the_effects() {
    let md = text(Format::Markdown, Lang::Ja);
    let html = text(Format::Html, Lang::Ja);
    for document in [&md, &html] {
        for heading in [
            "指標（KPI）",
            "前回のアクションの振り返り",
            "アクションとスコアの変化",
        ] {
            assert!(document.contains(heading), "missing {heading}");
        }
        // baseline → now → target of the sample's first indicator.
        for value in ["窓口の平均待ち時間", "24 分", "21 分", "10 分"] {
            assert!(document.contains(value), "missing {value}");
        }
        assert!(
            document.contains("２市から前向きな返事"),
            "the review's note"
        );
        assert!(
            document.contains("完了 1 件"),
            "a completed action beside its item"
        );
    }
    let pdf = pdf_text(&export(Format::Pdf, Lang::Ja));
    for text in [
        "指標（KPI）",
        "前回のアクションの振り返り",
        "アクションとスコアの変化",
        "あと 2",
    ] {
        assert!(pdf.contains(text), "the PDF lacks {text}");
    }
}

/// The text of a PDF, read back by pdftotext; `first_page_only` stops after page 1.
fn pdf_text_of(bytes: &[u8], first_page_only: bool) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).expect("write");
    let mut command = std::process::Command::new("pdftotext");
    if first_page_only {
        command.args(["-f", "1", "-l", "1"]);
    }
    let out = command
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (from poppler-utils) is needed for this test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_text(bytes: &[u8]) -> String {
    pdf_text_of(bytes, false)
}

#[test]
fn a_report_that_circulates_carries_its_stamp_boxes_on_page_one() {
    let options = ExportOptions {
        circulation: true,
        ..ExportOptions::new(Lang::Ja, today())
    };
    let pdf = render(&sample_project(), Format::Pdf, &options).expect("renders");
    let first = pdf_text_of(&pdf, true);
    for text in [
        "決",
        "裁",
        "回",
        "覧",
        "課長",
        "課長補佐",
        "係長",
        "担当",
        "文書番号",
        "作成日",
        // The maker labelled as the number and the date are.
        "作成者: 木村 さやか",
    ] {
        assert!(first.contains(text), "page 1 lacks {text}:\n{first}");
    }
    assert!(
        first.contains("令和8年（2026年）11月26日"),
        "作成日 in 和暦 first"
    );
    // Page 1 is the whole summary: every team's scores and the main actions.
    for text in [
        "デジタル推進課",
        "市民協働課",
        "主なアクション",
        "平均スコア",
    ] {
        assert!(first.contains(text), "page 1 lacks {text}");
    }
    let html = String::from_utf8(render(&sample_project(), Format::Html, &options).expect("html"))
        .expect("UTF-8");
    assert!(html.contains("class=\"stamp\""));
    // Without the option, no boxes.
    let plain = pdf_text_of(&export(Format::Pdf, Lang::Ja), true);
    assert!(!plain.contains("課長補佐"));
    // In English the labels are set across, above their boxes, and the title stays clear of
    // them (the vertical column ran "Approval" letter by letter over the title).
    let mut english = sample_project();
    english.meta.circulation = kizuki::project::Circulation::default_for(Lang::En);
    let options = ExportOptions {
        circulation: true,
        ..ExportOptions::new(Lang::En, today())
    };
    let first = pdf_text_of(
        &render(&english, Format::Pdf, &options).expect("renders"),
        true,
    );
    for text in [
        "Approval",
        "Circulation",
        "Deputy director",
        "Section chief",
    ] {
        assert!(
            first.lines().any(|l| l.contains(text)),
            "{text} not on one line:\n{first}"
        );
    }
    let title = english.meta.title.trim();
    assert!(
        first.lines().any(|l| l.trim() == title),
        "the title on a line of its own:\n{first}"
    );
    let html =
        String::from_utf8(render(&english, Format::Html, &options).expect("html")).expect("UTF-8");
    assert!(
        html.contains(r#"<th class="across" colspan="2">Approval</th>"#),
        "Approval heads its boxes in the HTML too"
    );
}

#[test]
fn many_teams_get_small_charts_and_the_median() {
    let project = kizuki::project::large_project(10, 3, 40);
    let html = String::from_utf8(
        render(
            &project,
            Format::Html,
            &ExportOptions::new(Lang::Ja, today()),
        )
        .expect("renders"),
    )
    .expect("UTF-8");
    let doc = scraper::Html::parse_document(&html);
    let multiples = scraper::Selector::parse(".multiples figure svg").expect("selector");
    assert_eq!(
        doc.select(&multiples).count(),
        10,
        "one small chart per team"
    );
    assert!(html.contains("全チームの中央値"));
    let pdf = pdf_text(
        &render(
            &project,
            Format::Pdf,
            &ExportOptions::new(Lang::Ja, today()),
        )
        .expect("pdf"),
    );
    assert!(pdf.contains("チーム別のレーダーチャート"));
}

/// The key to the numbered columns never stands alone on the last page, whatever the number of
/// rows puts the table's end at the foot of a page.
#[test]
fn the_key_of_a_table_never_stands_alone_on_a_page() {
    use kizuki::compare::{By, Comparison, Loaded, records_of};
    let project = sample_project();
    let mut loaded = Loaded::default();
    // One row more each time (rows of one and of two lines), so that the table's end sweeps
    // down every page in small steps.
    for n in 0..100 {
        let mut copy = project.clone();
        copy.meta.organization = format!("市{n}");
        loaded.records.push(records_of(&copy, n)[n % 2].clone());
        loaded.files.push(format!("{n}.kizuki.ron").into());
        let comparison = Comparison::build(&loaded, By::Team, Lang::Ja).made_on(today());
        let pdf = pdf_text(&kizuki::compare::render(&comparison, Format::Pdf).expect("renders"));
        let page = pdf
            .split('\u{c}')
            .find(|page| page.contains("列の数字は項目番号"))
            .expect("the key is there");
        assert!(
            page.contains("市"),
            "{n} files: the key alone on its page: {page}"
        );
        assert!(
            page.contains("やってみよう。"),
            "{n} files: the key split over two pages: {page}"
        );
    }
}

/// A 係長 reading the comparison before stamping: no heading broken in the middle of a word
/// (「平均スコ / ア」), and the 作成日 whole, in 和暦.
#[test]
fn the_comparison_pdf_breaks_no_word_and_carries_its_date() {
    use kizuki::compare::{By, Comparison, Loaded, records_of};
    let project = sample_project();
    let mut records = Vec::new();
    let mut files = Vec::new();
    for n in 0..6 {
        let mut copy = project.clone();
        copy.meta.organization = format!("市{n}");
        records.extend(records_of(&copy, n));
        files.push(format!("{n}.kizuki.ron").into());
    }
    let loaded = Loaded {
        files,
        records,
        ..Loaded::default()
    };
    for lang in [Lang::Ja, Lang::En] {
        let comparison = Comparison::build(&loaded, By::Team, lang).made_on(today());
        let pdf = kizuki::compare::render(&comparison, Format::Pdf).expect("renders");
        let lines = pdf_text(&pdf);
        // English may break at the space of "Mean score"; Japanese has no space to break at.
        let (mean, date) = match lang {
            Lang::Ja => ("平均スコア", "令和8年（2026年）11月26日"),
            Lang::En => ("score", "26 November 2026"),
        };
        assert!(
            lines.lines().any(|l| l.contains(mean)),
            "{mean} broken: {lines}"
        );
        assert!(lines.contains(date), "作成日 {date}: {lines}");
    }
}

/// Every PDF a city hall keeps as its record is PDF/A-2b (krilla validates while writing): the
/// report in both languages, one of a project without a workshop date, and the comparison.
#[test]
fn pdfs_are_archival_pdf_a_2b() {
    use kizuki::compare::{By, Comparison, Loaded, records_of};
    let mut undated = sample_project();
    undated.meta.date = None;
    let comparison = Comparison::build(
        &Loaded {
            files: vec!["s.kizuki.ron".into()],
            records: records_of(&sample_project(), 0),
            ..Loaded::default()
        },
        By::Team,
        Lang::Ja,
    )
    .made_on(today());
    let pdfs = [
        export(Format::Pdf, Lang::Ja),
        export(Format::Pdf, Lang::En),
        render(
            &undated,
            Format::Pdf,
            &ExportOptions::new(Lang::Ja, today()),
        )
        .expect("renders"),
        kizuki::compare::render(&comparison, Format::Pdf).expect("renders"),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, pdf) in pdfs.iter().enumerate() {
        let path = dir.path().join(format!("{n}.pdf"));
        std::fs::write(&path, pdf).expect("write");
        let meta = std::process::Command::new("pdfinfo")
            .arg("-meta")
            .arg(&path)
            .output()
            .expect("pdfinfo");
        let meta = String::from_utf8_lossy(&meta.stdout);
        assert!(
            meta.contains("<pdfaid:part>2</pdfaid:part>")
                && meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "PDF {n} is not PDF/A-2b: {meta}"
        );
        // Accessible too: PDF/UA-1, tagged, its structure read back by poppler.
        assert!(
            meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "PDF {n} is not PDF/UA-1"
        );
        let info = std::process::Command::new("pdfinfo")
            .arg(&path)
            .output()
            .expect("pdfinfo");
        assert!(
            String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes"),
            "PDF {n} is not tagged"
        );
        let tree = std::process::Command::new("pdfinfo")
            .arg("-struct")
            .arg(&path)
            .output()
            .expect("pdfinfo -struct");
        let tree = String::from_utf8_lossy(&tree.stdout);
        for element in ["H1", "H2", "Table", "TH", "TD", "Figure", "P (block)"] {
            assert!(tree.contains(element), "PDF {n} has no {element}: {tree}");
        }
    }
}

#[test]
fn headings_are_an_outline_and_page_furniture_is_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, export(Format::Pdf, Lang::En)).expect("write");
    // The structure holds the headings in reading order, and no page number: "1 / 9" is drawn
    // for the page, an artifact.
    let tree = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(&path)
        .output()
        .expect("pdfinfo -struct-text");
    let tree = String::from_utf8_lossy(&tree.stdout);
    let summary = tree
        .find("Summary (all teams)")
        .expect("the summary heading");
    let main = tree.find("Main actions").expect("the main actions heading");
    assert!(summary < main, "reading order");
    assert!(!tree.contains(" / 9"), "page numbers are not read: {tree}");
}

/// Read back as a 係長 reads the page: no date anywhere in the sample's report (the header, the
/// tables of actions and indicators, the review) is broken across two lines, in either language.
/// Every day of 2026 and 2027 in each of the documents' date forms is looked for in the text
/// with its line breaks, and must be found there as often as in the text without them.
#[test]
fn no_date_in_the_pdf_is_broken_across_lines() {
    use kizuki::words::{format_date_compact, format_date_long, format_date_short};
    for lang in [Lang::Ja, Lang::En] {
        let text = pdf_text(&export(Format::Pdf, lang));
        let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut found = 0;
        let mut day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        while chrono::Datelike::year(&day) < 2028 {
            for form in [format_date_long, format_date_short, format_date_compact] {
                let date = form(day, lang);
                let whole = text.matches(&date).count();
                let compact: String = date.chars().filter(|c| !c.is_whitespace()).collect();
                let anywhere = joined.matches(&compact).count();
                assert_eq!(
                    whole, anywhere,
                    "{lang:?}: {date} broken across lines:\n{text}"
                );
                found += whole;
            }
            day = day.succ_opt().expect("next day");
        }
        assert!(
            found >= 20,
            "{lang:?}: the sample's report has dates: {found}"
        );
    }
}

/// One notion of done: a carried action set to 完了 in the action list (not in the review)
/// counts as completed in the actions → score table of every document.
#[test]
fn an_action_done_in_the_list_counts_as_done_in_the_effects() {
    use kizuki::project::{ActionStatus, Edit};
    let mut project = sample_project();
    let team = project.teams[0].id;
    let (item, action) = project.teams[0]
        .carried_actions()
        .find(|(_, a)| a.status != ActionStatus::Done)
        .map(|(item, a)| (item, a.id))
        .expect("a carried action still open");
    let what = project.teams[0].responses[item]
        .actions
        .iter()
        .find(|a| a.id == action)
        .map(|a| a.what.clone())
        .expect("action");
    let effects = |project: &kizuki::project::Project| {
        let options = ExportOptions::new(Lang::Ja, today());
        let md = String::from_utf8(render(project, Format::Markdown, &options).expect("renders"))
            .expect("UTF-8");
        let start = md
            .find("アクションとスコアの変化")
            .expect("the effects table");
        let end = md[start..].find("\n#").map_or(md.len(), |e| start + e);
        md[start..end].to_owned()
    };
    assert!(!effects(&project).contains(&what), "not done yet");
    Edit::SetActionStatus {
        team,
        item,
        action,
        status: ActionStatus::Done,
    }
    .apply(&mut project);
    assert!(
        effects(&project).contains(&what),
        "done in the list, done in the effects"
    );
}
