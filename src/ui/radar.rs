//! The radar chart drawn with egui's painter, from the shared geometry in [`crate::radar`].

use super::tokens::color;
use crate::i18n::Lang;
use crate::project::{Project, Team};
use crate::radar::marks::{self, Mark, Role};
use crate::radar::{self as geometry, Chart, HAlign, Layout, Point, levels};
use crate::style::CHART;
use crate::tr;
use egui::{Pos2, Shape, Stroke, Vec2};
use std::collections::BTreeSet;

fn pos(p: Point) -> Pos2 {
    Pos2::new(p.x, p.y)
}

/// How much of the chart to draw: a full chart with words and a legend, or a small preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Full,
    Preview,
}

/// A small chart of one team for the side panel: numbers as labels, no legend.
pub fn radar_preview_ui(ui: &mut egui::Ui, project: &Project, team: &Team, lang: Lang, size: f32) {
    let chart = Chart::of_project(project, lang, Some(team.id));
    radar_ui(
        ui,
        &chart,
        &BTreeSet::new(),
        Vec2::splat(size),
        Detail::Preview,
        lang,
    );
}

/// Draws `chart` in a rectangle of `size`; `hidden` switches series off (the legend's toggles).
/// Returns the chart's response, which carries the values as its accessible description.
pub fn radar_ui(
    ui: &mut egui::Ui,
    chart: &Chart,
    hidden: &BTreeSet<usize>,
    size: Vec2,
    detail: Detail,
    lang: Lang,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let description = tr!(lang, "radar.description", values = chart.describe());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect.expand(2.0));
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let grid = visuals.weak_text_color().gamma_multiply(0.6);
    let (font, gap) = match detail {
        Detail::Full => {
            let font = egui::FontId::proportional((size.x.min(size.y) / 40.0).clamp(11.0, 20.0));
            let gap = font.size * CHART.label_gap_em;
            (font, gap)
        }
        // A thumbnail labelled with numbers only: they sit close, to leave room for the chart.
        Detail::Preview => (egui::FontId::proportional(11.0), 4.0),
    };

    // Labels first: their sizes decide how large the chart can be.
    let max_label_width = match detail {
        Detail::Full => (size.x.min(size.y) * 0.22).max(80.0),
        Detail::Preview => 30.0,
    };
    // Each label is a few lines, laid out one by one so that each line can be aligned on its own.
    let galleys: Vec<Vec<std::sync::Arc<egui::Galley>>> = chart
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let lines = match detail {
                Detail::Full => {
                    let measure = |s: &str| {
                        painter
                            .layout_no_wrap(s.to_owned(), font.clone(), text_color)
                            .size()
                            .x
                    };
                    geometry::wrap_label_balanced(label, max_label_width, measure)
                }
                Detail::Preview => vec![(i + 1).to_string()],
            };
            lines
                .into_iter()
                .map(|line| painter.layout_no_wrap(line, font.clone(), text_color))
                .collect()
        })
        .collect();
    let sizes: Vec<(f32, f32)> = galleys
        .iter()
        .map(|lines| {
            let width = lines.iter().map(|g| g.size().x).fold(0.0, f32::max);
            (width, lines.iter().map(|g| g.size().y).sum())
        })
        .collect();
    // A full chart keeps its last line for the key that names the levels.
    let small = egui::FontId::proportional((font.size * 0.75).max(10.0));
    let key = (detail == Detail::Full).then(|| {
        painter.layout(
            levels::level_key(chart),
            small.clone(),
            visuals.weak_text_color(),
            rect.width() - 4.0,
        )
    });
    let key_height = key.as_ref().map_or(0.0, |k| k.size().y + 4.0);
    let bounds = geometry::Rect {
        min: Point::new(rect.min.x + 2.0, rect.min.y + 2.0),
        max: Point::new(rect.max.x - 2.0, rect.max.y - 2.0 - key_height),
    };
    let layout = Layout::fit(bounds, &sizes, gap, 10.0);
    // The previews in the side panel are drawn finer than any full chart.
    let style = match detail {
        Detail::Full => CHART.at(2.0 * layout.radius),
        Detail::Preview => CHART.at(0.0),
    };

    // The grid and the series, from the shapes every output draws alike.
    let mut shapes = marks::grid(&layout, &style, [0, 0, 0]);
    shapes.extend(marks::series(chart, &layout, &style, hidden));
    let background = visuals.extreme_bg_color;
    for mark in &shapes {
        paint_mark(&painter, mark, layout.center, grid, background);
    }

    // Labels outside the chart, and the level words along the first axis.
    for (i, lines) in galleys.into_iter().enumerate() {
        let r = layout.label_rect(i, sizes[i]);
        let mut y = r.min.y;
        for line in lines {
            let w = line.size().x;
            let x = match layout.axes[i].h_align {
                HAlign::Left => r.min.x,
                HAlign::Center => (r.min.x + r.max.x - w) / 2.0,
                HAlign::Right => r.max.x - w,
            };
            let height = line.size().y;
            painter.galley(Pos2::new(x, y), line, text_color);
            y += height;
        }
    }
    if detail == Detail::Full {
        // The ring numbers over the data, each on a plate, where the data leaves room.
        let digit = painter
            .layout_no_wrap("5".to_owned(), small.clone(), text_color)
            .size();
        let numbers = levels::level_numbers(
            &layout,
            chart,
            hidden,
            (digit.x + 4.0, digit.y),
            style.point_radius + 1.0,
        );
        for level in numbers {
            let plate = egui::Rect::from_min_max(pos(level.rect.min), pos(level.rect.max));
            painter.rect_filled(plate, 2.0, visuals.panel_fill);
            painter.text(
                plate.center(),
                egui::Align2::CENTER_CENTER,
                level.text,
                small.clone(),
                visuals.weak_text_color(),
            );
        }
    }
    if let Some(key) = key {
        let key_pos = Pos2::new(
            rect.center().x - key.size().x / 2.0,
            rect.max.y - key_height + 2.0,
        );
        painter.galley(key_pos, key, visuals.weak_text_color());
    }

    // Hover: the nearest vertex within reach names item, series and value.
    if detail == Detail::Full
        && let Some(pointer) = response.hover_pos()
    {
        let mut best: Option<(f32, usize, usize, f32)> = None;
        for i in chart
            .drawing_order()
            .into_iter()
            .filter(|i| !hidden.contains(i))
        {
            for (axis, v) in chart.series[i].values.iter().enumerate() {
                let Some(v) = v else { continue };
                let d = pos(layout.point(axis, *v)).distance(pointer);
                if d < 14.0 && best.is_none_or(|b| d < b.0) {
                    best = Some((d, i, axis, *v));
                }
            }
        }
        if let Some((_, i, axis, value)) = best {
            let series = &chart.series[i];
            // Values are levels 1–5; a zero (never drawn, but possible in data) has no words.
            let level = (value.round() as usize)
                .checked_sub(1)
                .and_then(|i| chart.level_names.get(i))
                .cloned()
                .unwrap_or_default();
            let text = format!("{}\n{}: {} {level}", chart.labels[axis], series.name, value);
            response.clone().on_hover_text_at_pointer(text);
        }
    }
    response
}

/// One shape of the chart on egui's painter. The grid takes the theme's colour; a hollow point is
/// filled with the background.
fn paint_mark(
    painter: &egui::Painter,
    mark: &Mark,
    star: Point,
    grid: egui::Color32,
    background: egui::Color32,
) {
    match mark {
        Mark::Fill {
            points,
            color: c,
            opacity,
        } => {
            // Radar fills are star-shaped around the chart's centre: a fan from it covers them.
            let fill = ink(*c, background).gamma_multiply(*opacity);
            let mut mesh = egui::Mesh::default();
            for k in 0..points.len() {
                let (a, b) = (points[k], points[(k + 1) % points.len()]);
                let base = mesh.vertices.len() as u32;
                for p in [star, a, b] {
                    mesh.colored_vertex(pos(p), fill);
                }
                mesh.add_triangle(base, base + 1, base + 2);
            }
            painter.add(Shape::mesh(mesh));
        }
        Mark::Line {
            points,
            width,
            color: c,
            dash,
            closed,
            role,
        } => {
            let stroke_color = match role {
                Role::Grid => grid,
                Role::Series => ink(*c, background),
            };
            let mut line: Vec<Pos2> = points.iter().copied().map(pos).collect();
            if *closed && let Some(&first) = line.first() {
                line.push(first);
            }
            let stroke = Stroke::new(*width, stroke_color);
            match dash {
                Some([on, off]) => painter.extend(Shape::dashed_line(&line, stroke, *on, *off)),
                None => {
                    painter.add(Shape::line(line, stroke));
                }
            }
        }
        Mark::Point {
            polygon,
            color: c,
            hollow,
            width,
        } => {
            let outline: Vec<Pos2> = polygon.iter().copied().map(pos).collect();
            let (fill, stroke) = if *hollow {
                (background, Stroke::new(*width, ink(*c, background)))
            } else {
                (ink(*c, background), Stroke::NONE)
            };
            painter.add(Shape::convex_polygon(outline, fill, stroke));
        }
    }
}

/// A series' colour on this background: the dark slate of the median (made for paper) is
/// lightened on a dark background, where it would all but vanish.
fn ink(rgb: crate::style::Rgb, background: egui::Color32) -> egui::Color32 {
    let luminance =
        |r: u8, g: u8, b: u8| 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    let dark_background = luminance(background.r(), background.g(), background.b()) < 80.0;
    if dark_background && luminance(rgb[0], rgb[1], rgb[2]) < 75.0 {
        let lift = |c: u8| c.saturating_add(((255 - u16::from(c)) * 11 / 20) as u8);
        egui::Color32::from_rgb(lift(rgb[0]), lift(rgb[1]), lift(rgb[2]))
    } else {
        color(rgb)
    }
}

/// The legend with a toggle per series. Returns the index of a toggled series.
pub fn legend_ui(ui: &mut egui::Ui, chart: &Chart, hidden: &BTreeSet<usize>) -> Option<usize> {
    legend_with_ui(ui, chart, Some(hidden), 1.0)
}

/// The legend to read, not to click (the projector, a comparison): each series' swatch and name,
/// at `scale` times the usual size.
pub fn legend_read_only_ui(ui: &mut egui::Ui, chart: &Chart, scale: f32) {
    let _ = legend_with_ui(ui, chart, None, scale);
}

fn legend_with_ui(
    ui: &mut egui::Ui,
    chart: &Chart,
    toggles: Option<&BTreeSet<usize>>,
    scale: f32,
) -> Option<usize> {
    let mut clicked = None;
    // Two columns, like the SVG's legend: a swatch and its name always stay together.
    egui::Grid::new("radar-legend")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (i, series) in chart.series.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (swatch, _) = ui.allocate_exact_size(
                        Vec2::new(28.0 * scale, 14.0 * scale),
                        egui::Sense::hover(),
                    );
                    let left = Point::new(swatch.left() + 2.0, swatch.center().y);
                    let style = CHART;
                    let background = ui.visuals().extreme_bg_color;
                    let grid = ui.visuals().weak_text_color();
                    for mark in marks::swatch(
                        series.kind,
                        series.marks,
                        series.color,
                        left,
                        24.0 * scale,
                        &style,
                    ) {
                        paint_mark(ui.painter(), &mark, left, grid, background);
                    }
                    match toggles {
                        Some(hidden) => {
                            let mut shown = !hidden.contains(&i);
                            if ui.checkbox(&mut shown, &series.name).changed() {
                                clicked = Some(i);
                            }
                        }
                        None => {
                            ui.label(egui::RichText::new(&series.name).size(14.0 * scale.max(1.0)));
                        }
                    }
                });
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    clicked
}
