//! The radar chart as SVG: the same geometry and colours as the window, labels as real text.

use crate::radar::marks::{self, Mark};
use crate::radar::{self as geometry, Chart, HAlign, Layout, Point, levels};
use crate::style::{CHART, hex, paper};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The font families asked for: the bundled one first, then the common Japanese system fonts.
pub const FONT_FAMILY: &str = "'BIZ UDPGothic', 'BIZ UDPゴシック', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', 'Noto Sans CJK JP', sans-serif";

fn points_attr(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes text for XML content and attributes.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The chart as an SVG document of `width` × `height` (the legend included), for files and for
/// inlining into HTML.
pub fn chart_svg(chart: &Chart, title: &str, width: f32, height: f32) -> String {
    let font_size = (width.min(height) / 48.0).clamp(11.0, 18.0);
    let line_height = font_size * 1.25;
    let legend_rows = chart.series.len().div_ceil(2);
    // The level key's line, then the series in two columns.
    let key_height = font_size * 0.75 * 1.4;
    let legend_height = key_height + legend_rows as f32 * line_height * 1.3 + 12.0;
    let chart_height = height - legend_height;

    // Measured with the font the SVG asks for first; an estimate if it could not be read.
    let metrics = crate::fonts::Metrics::new(crate::fonts::regular());
    let measure = |s: &str| match &metrics {
        Some(m) => m.width(s, font_size),
        None => geometry::estimate_width_em(s) * font_size,
    };
    let max_label = width.min(chart_height) * 0.22;
    let labels: Vec<Vec<String>> = chart
        .labels
        .iter()
        .map(|l| geometry::wrap_label_balanced(l, max_label, measure))
        .collect();
    let sizes: Vec<(f32, f32)> = labels
        .iter()
        .map(|lines| {
            (
                lines.iter().map(|l| measure(l)).fold(0.0, f32::max),
                lines.len() as f32 * line_height,
            )
        })
        .collect();
    let bounds = geometry::Rect {
        min: Point::new(16.0, 12.0),
        max: Point::new(width - 16.0, chart_height - 4.0),
    };
    let layout = Layout::fit(bounds, &sizes, font_size * CHART.label_gap_em, 20.0);
    let style = CHART.at(2.0 * layout.radius);

    let mut svg = String::new();
    let w = &mut svg;
    // Writing into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(
        w,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{}" font-size="{font_size:.1}" role="img" aria-label="{}">"#,
        xml_escape(FONT_FAMILY).replace("&apos;", "'"),
        xml_escape(title)
    );
    let _ = writeln!(w, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(
        w,
        r#"  <rect width="{width}" height="{height}" fill="{}"/>"#,
        hex(paper::WHITE)
    );
    let _ = writeln!(w, r#"  <g class="grid" fill="none">"#);
    for mark in marks::grid(&layout, &style, paper::RULE) {
        write_mark(w, &mark, "    ");
    }
    let _ = writeln!(w, "  </g>");
    // The same shapes, in the same order, as the window draws.
    for (i, group) in marks::series_groups(chart, &layout, &style, &BTreeSet::new()) {
        let series = &chart.series[i];
        let _ = writeln!(
            w,
            r#"  <g class="series" data-name="{}" data-kind="{:?}">"#,
            xml_escape(&series.name),
            series.kind
        );
        for mark in &group {
            write_mark(w, mark, "    ");
        }
        let _ = writeln!(w, "  </g>");
    }

    // The ring numbers over the data, each on a plate, where the data leaves room.
    let small = font_size * 0.75;
    let _ = writeln!(
        w,
        r#"  <g class="levels" font-size="{small:.1}" text-anchor="middle">"#
    );
    let number_size = (small * 0.6 + 4.0, small * 1.2);
    for level in levels::level_numbers(
        &layout,
        chart,
        &BTreeSet::new(),
        number_size,
        style.point_radius + 1.0,
    ) {
        let r = level.rect;
        let _ = writeln!(
            w,
            r#"    <rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" dominant-baseline="central" fill="{}">{}</text>"#,
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            hex(paper::WHITE),
            f32::midpoint(r.min.x, r.max.x),
            f32::midpoint(r.min.y, r.max.y),
            hex(paper::MUTED),
            level.text
        );
    }
    let _ = writeln!(w, "  </g>");

    let _ = writeln!(w, r#"  <g class="labels" fill="{}">"#, hex(paper::INK));
    for (i, lines) in labels.iter().enumerate() {
        let r = layout.label_rect(i, sizes[i]);
        let (x, anchor) = match layout.axes[i].h_align {
            HAlign::Left => (r.min.x, "start"),
            HAlign::Center => (f32::midpoint(r.min.x, r.max.x), "middle"),
            HAlign::Right => (r.max.x, "end"),
        };
        let _ = write!(
            w,
            r#"    <text class="axis-label" x="{x:.1}" y="{:.1}" text-anchor="{anchor}">"#,
            r.min.y
        );
        for (k, line) in lines.iter().enumerate() {
            // The first line's top at the box's top: shift by the ascent (about 0.9 em).
            let dy = if k == 0 { font_size * 0.9 } else { line_height };
            let _ = write!(
                w,
                r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#,
                xml_escape(line)
            );
        }
        let _ = writeln!(w, "</text>");
    }
    let _ = writeln!(w, "  </g>");

    let _ = writeln!(w, r#"  <g class="legend">"#);
    let _ = writeln!(
        w,
        r#"    <text class="level-key" x="16" y="{:.1}" font-size="{small:.1}" fill="{}">{}</text>"#,
        chart_height + small,
        hex(paper::MUTED),
        xml_escape(&levels::level_key(chart))
    );
    let column_width = width / 2.0;
    let swatch_style = CHART;
    for (i, series) in chart.series.iter().enumerate() {
        let x = 16.0 + (i % 2) as f32 * column_width;
        let y = chart_height + key_height + 8.0 + (i / 2) as f32 * line_height * 1.3;
        let mid = y + line_height / 2.0;
        for mark in marks::swatch(
            series.kind,
            series.marks,
            series.color,
            Point::new(x, mid),
            26.0,
            &swatch_style,
        ) {
            write_mark(w, &mark, "    ");
        }
        let _ = writeln!(
            w,
            r#"    <text x="{:.1}" y="{mid:.1}" dominant-baseline="middle" fill="{}">{}</text>"#,
            x + 34.0,
            hex(paper::INK),
            xml_escape(&series.name)
        );
    }
    let _ = writeln!(w, "  </g>");
    let _ = writeln!(w, "</svg>");
    svg
}

/// One shape of the chart as SVG.
fn write_mark(w: &mut String, mark: &Mark, indent: &str) {
    // Writing into a String cannot fail.
    let _ = match mark {
        Mark::Fill {
            points,
            color,
            opacity,
        } => writeln!(
            w,
            r#"{indent}<polygon class="fill" points="{}" fill="{}" fill-opacity="{opacity}" stroke="none"/>"#,
            points_attr(points),
            hex(*color)
        ),
        Mark::Line {
            points,
            width,
            color,
            dash,
            closed,
            ..
        } => {
            let dash = dash.map_or(String::new(), |[on, off]| {
                format!(r#" stroke-dasharray="{on:.1} {off:.1}""#)
            });
            let element = if *closed { "polygon" } else { "polyline" };
            writeln!(
                w,
                r#"{indent}<{element} class="outline" points="{}" fill="none" stroke="{}" stroke-width="{width:.2}"{dash} stroke-linejoin="round"/>"#,
                points_attr(points),
                hex(*color)
            )
        }
        Mark::Point {
            polygon,
            color,
            hollow,
            width,
        } => {
            let (fill, stroke) = if *hollow {
                (
                    hex(paper::WHITE),
                    format!(r#" stroke="{}" stroke-width="{width:.2}""#, hex(*color)),
                )
            } else {
                (hex(*color), String::new())
            };
            writeln!(
                w,
                r#"{indent}<polygon class="point" points="{}" fill="{fill}"{stroke}/>"#,
                points_attr(polygon)
            )
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(xml_escape("ok\u{1}"), "ok");
    }

    #[test]
    fn ring_numbers_are_drawn_over_the_data_and_the_key_names_the_levels() {
        let project = crate::project::sample_project();
        let chart = Chart::of_project(&project, crate::Lang::En, None);
        let svg = chart_svg(&chart, "t", 720.0, 720.0);
        let levels = svg.find(r#"<g class="levels""#).expect("ring numbers");
        let last_series = svg.rfind(r#"<g class="series""#).expect("series");
        assert!(levels > last_series, "numbers under the data");
        // Numbers only on the rings; the names, long in English, in the key under the chart.
        let numbers = &svg[levels..];
        let numbers = &numbers[..numbers.find("</g>").expect("end")];
        assert!(!numbers.contains("Established"), "{numbers}");
        assert_eq!(numbers.matches("<text").count(), 5);
        assert!(svg.contains("5 Established &amp; growing"), "the key");
    }
}
