//! The radar chart: what it shows ([`Chart`], the same for the window and every export), its
//! geometry ([`geometry`]) and its labels ([`labels`]).

pub mod geometry;
pub mod labels;
pub mod levels;
pub mod marks;

pub use geometry::{
    Axis, HAlign, Layout, MAX_LEVEL, Point, Rect, VAlign, fill_polygons, outline_runs,
};
pub use labels::{estimate_width_em, wrap_label, wrap_label_balanced};

use crate::style::{BASELINE_COLOR, Rgb, TeamMarks, team_color, team_marks};

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    /// A team's agreed scores: filled, in the team's colour.
    Scores,
    /// A team's targets: a dashed outline in the team's colour.
    Target,
    /// The previous round: a thin grey outline.
    Baseline,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub kind: SeriesKind,
    pub color: Rgb,
    /// The team's marker and line pattern.
    pub marks: TeamMarks,
    /// One value per axis, 1.0–5.0, `None` where not scored.
    pub values: Vec<Option<f32>>,
}

/// What a radar chart of a project shows: the same for the window and the SVG export.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Per axis: the item number and short title, e.g. "1 パートナー".
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// Words for rings 1–5.
    pub level_names: Vec<String>,
}

impl Chart {
    /// Every team's scores, then each team's target, then the previous round where there is one;
    /// `team` limits it to one team (by id).
    pub fn of_project(
        project: &crate::project::Project,
        lang: crate::Lang,
        team: Option<u32>,
    ) -> Chart {
        let Chart {
            labels,
            level_names,
            ..
        } = Chart::axes(lang);
        let mut series = Vec::new();
        let teams: Vec<(usize, &crate::project::Team)> = project
            .teams
            .iter()
            .enumerate()
            .filter(|(_, t)| team.is_none_or(|id| t.id == id))
            .collect();
        let value = |l: Option<crate::project::Level>| l.map(|l| f32::from(l.get()));
        for &(index, t) in &teams {
            let name = crate::words::display_team_name(&t.name, index, lang);
            series.push(Series {
                name,
                kind: SeriesKind::Scores,
                color: team_color(index),
                marks: team_marks(index),
                values: t.responses.0.iter().map(|r| value(r.score)).collect(),
            });
        }
        for &(index, t) in &teams {
            if t.responses.0.iter().any(|r| r.target.is_some()) {
                let name = crate::words::display_team_name(&t.name, index, lang);
                series.push(Series {
                    name: crate::tr!(lang, "radar.target_of", team = name),
                    kind: SeriesKind::Target,
                    color: team_color(index),
                    marks: team_marks(index),
                    values: t.responses.0.iter().map(|r| value(r.target)).collect(),
                });
            }
        }
        if let Some(baseline) = &project.baseline {
            for &(index, t) in &teams {
                if let Some(b) = baseline
                    .teams
                    .iter()
                    .find(|b| crate::project::same_name(&b.name, &t.name))
                {
                    let name = crate::words::display_team_name(&t.name, index, lang);
                    series.push(Series {
                        name: crate::tr!(lang, "radar.baseline_of", team = name),
                        kind: SeriesKind::Baseline,
                        color: BASELINE_COLOR,
                        marks: team_marks(index),
                        values: b.scores.iter().map(|&l| value(l)).collect(),
                    });
                }
            }
        }
        Chart {
            labels,
            series,
            level_names,
        }
    }

    /// The ten axes and the ring words, with no series yet.
    pub fn axes(lang: crate::Lang) -> Chart {
        use crate::checklist::{Checklist, ItemId};
        let checklist = Checklist::get(lang);
        Chart {
            labels: ItemId::ALL
                .iter()
                .map(|&id| format!("{} {}", id.number(), checklist.item(id).short_title))
                .collect(),
            series: Vec::new(),
            level_names: checklist.levels.iter().map(|l| l.name.clone()).collect(),
        }
    }

    /// One series: the median of every team's agreed scores, item by item (for a project with
    /// many teams, whose single chart would be unreadable).
    pub fn median_of(project: &crate::project::Project, lang: crate::Lang) -> Chart {
        let mut chart = Chart::axes(lang);
        let values = (0..crate::checklist::ITEM_COUNT)
            .map(|i| {
                let mut scores: Vec<f32> = project
                    .teams
                    .iter()
                    .filter_map(|t| t.responses.0[i].score.map(|l| f32::from(l.get())))
                    .collect();
                median(&mut scores)
            })
            .collect();
        chart.series = vec![Series {
            name: crate::tr!(lang, "radar.median"),
            kind: SeriesKind::Scores,
            color: crate::style::MEDIAN_COLOR,
            marks: team_marks(0),
            values,
        }];
        chart
    }

    /// Series indices in the order they are drawn: the previous round underneath, then the scores'
    /// fills, then the targets' dashes on top, so that nothing hides a dashed line.
    pub fn drawing_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.series.len()).collect();
        order.sort_by_key(|&i| match self.series[i].kind {
            SeriesKind::Baseline => 0,
            SeriesKind::Scores => 1,
            SeriesKind::Target => 2,
        });
        order
    }

    /// The values as text, for screen readers and tests: "パートナー: 3; …" per series.
    pub fn describe(&self) -> String {
        self.series
            .iter()
            .map(|s| {
                let values: Vec<String> = self
                    .labels
                    .iter()
                    .zip(&s.values)
                    .map(|(label, v)| {
                        format!("{label} {}", v.map_or("–".to_owned(), |v| format!("{v}")))
                    })
                    .collect();
                format!("{}: {}", s.name, values.join(", "))
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// The median of `values` (the mean of the middle two for an even count); `None` for none.
pub fn median(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        f32::midpoint(values[n / 2 - 1], values[n / 2])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_of_the_sample() {
        let project = crate::project::sample_project();
        let chart = Chart::of_project(&project, crate::Lang::Ja, None);
        assert_eq!(chart.labels.len(), 10);
        assert_eq!(chart.labels[0], "1 パートナー");
        let kinds: Vec<SeriesKind> = chart.series.iter().map(|s| s.kind).collect();
        let (s, t, b) = (SeriesKind::Scores, SeriesKind::Target, SeriesKind::Baseline);
        assert_eq!(kinds, [s, s, t, t, b, b]);
        assert_eq!(chart.series[0].values[0], Some(3.0));
        assert_ne!(chart.series[0].color, chart.series[1].color);
        let one = Chart::of_project(&project, crate::Lang::Ja, Some(2));
        assert_eq!(one.series.len(), 3);
        assert_eq!(one.series[0].name, "市民協働課");
        assert!(chart.describe().contains("デジタル推進課: 1 パートナー 3"));
    }
}
