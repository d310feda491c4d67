//! `roadmap rank`: the projects ranked by their weighted score over the roadmap's criteria,
//! with each criterion's weighted contribution and the priority the plan uses (written in the
//! file, or implied by the score; see [`crate::rank::priority_for`]).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::Roadmap;
use crate::rank::ranking;
use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid};
use crate::report::{Look, Report, write_json};

#[derive(Serialize)]
pub struct RankReport<'a> {
    version: u32,
    report: &'static str,
    pub criteria: Vec<CriterionRow<'a>>,
    pub projects: Vec<RankRow<'a>>,
}

#[derive(Serialize)]
pub struct CriterionRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub weight: f64,
    /// `weight / sum of weights`: the most it can add to a score is 5 times this.
    pub share: f64,
}

#[derive(Serialize)]
pub struct RankRow<'a> {
    pub rank: usize,
    pub id: &'a str,
    pub name: &'a str,
    /// 0..=5, rounded to 3 decimals; `null` when the roadmap has no criteria.
    pub score: Option<f64>,
    /// Each criterion's weighted contribution (by id), rounded to 3 decimals.
    pub contributions: BTreeMap<&'a str, f64>,
    /// Raw scores as written (by id).
    pub scores: BTreeMap<&'a str, u8>,
    /// The priority the plan uses.
    pub priority: u8,
    /// Whether it was written in the file (else it is `implied`, or 3 without scores).
    pub explicit: bool,
    /// The priority the score implies (`null` without criteria).
    pub implied: Option<u8>,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl<'a> RankReport<'a> {
    pub fn new(roadmap: &'a Roadmap) -> Self {
        let total: f64 = roadmap.criteria.iter().map(|c| c.weight).sum();
        let criteria = roadmap
            .criteria
            .iter()
            .map(|c| CriterionRow {
                id: &c.id,
                name: &c.name,
                weight: c.weight,
                share: if total > 0.0 {
                    round3(c.weight / total)
                } else {
                    0.0
                },
            })
            .collect();
        let projects = ranking(roadmap)
            .into_iter()
            .map(|row| {
                let project = &roadmap.projects[row.project];
                RankRow {
                    rank: row.rank,
                    id: &project.id,
                    name: &project.name,
                    score: row.score.map(round3),
                    contributions: roadmap
                        .criteria
                        .iter()
                        .zip(&row.contributions)
                        .map(|(c, &x)| (c.id.as_str(), round3(x)))
                        .collect(),
                    scores: project
                        .scores
                        .iter()
                        .map(|s| (roadmap.criteria[s.criterion].id.as_str(), s.value))
                        .collect(),
                    priority: row.priority,
                    explicit: row.explicit,
                    implied: row.implied,
                }
            })
            .collect();
        RankReport {
            version: 1,
            report: "rank",
            criteria,
            projects,
        }
    }

    fn priority_label(row: &RankRow, t: &crate::i18n::Messages) -> String {
        let why = match (row.explicit, row.implied) {
            (false, None) => t.tr("default"),
            (false, Some(_)) => t.tr("score"),
            (true, Some(implied)) if implied != row.priority => {
                t.with("rank-set-implies", &[("implied", implied.to_string())])
            }
            (true, _) => t.tr("set"),
        };
        format!("{} ({why})", row.priority)
    }
}

impl Report for RankReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        if self.criteria.is_empty() {
            let note = &look.tr("No [[criterion]] tables, so no scores: ranked by priority (\"set\" = written in the file, \"default\" = 3). Add criteria and `scores` to rank on the strategy's criteria.");
            writeln!(out, "{}", grid::paragraph(note, look.width))?;
        } else {
            let weights: Vec<String> = self
                .criteria
                .iter()
                .map(|c| {
                    let share = crate::i18n::Arg::Number((c.share * 1000.0).round() / 10.0);
                    format!("{} {}%", c.id, look.messages().arg(&share))
                })
                .collect();
            writeln!(
                out,
                "{}",
                look.bold(&grid::paragraph(
                    &look
                        .messages()
                        .with("rank-weights", &[("weights", weights.join(", "))]),
                    look.width
                ))
            )?;
        }
        // The criteria's contributions are left out first (the last criterion first), then `#`.
        let scored = !self.criteria.is_empty();
        let mut columns = vec![
            grid::Column::number(look.tr("#")).optional(0),
            grid::Column::id(look.tr("project")),
        ];
        if scored {
            columns.push(grid::Column::number(look.tr("score")));
        }
        columns.extend(
            self.criteria
                .iter()
                .map(|c| grid::Column::number(c.id).optional(0)),
        );
        columns.push(grid::Column::text(look.tr("priority")));
        let mut table = Grid::new(columns).key(1);
        let t = look.messages();
        for row in &self.projects {
            let mut cells = vec![row.rank.to_string(), row.id.to_string()];
            if let Some(score) = row.score {
                cells.push(t.decimal(score, 2));
            }
            cells.extend(
                self.criteria
                    .iter()
                    .map(|c| t.decimal(row.contributions[c.id], 2)),
            );
            cells.push(Self::priority_label(row, &t));
            table.row(cells);
        }
        writeln!(out, "{}", table.render(look))?;
        if !scored {
            return Ok(());
        }
        let note = &look.tr("priority from the score: 4 or more -> 1, 3 -> 2, 2 -> 3, 1 -> 4, under 1 -> 5; \"set\" = written in the file");
        writeln!(out, "{}", grid::paragraph(note, look.width))
    }

    /// One row per project: `rank,id,name,score,<criterion>...,priority,explicit,implied`.
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        let mut titles: Vec<String> = ["rank", "id", "name", "score"].map(String::from).to_vec();
        titles.extend(self.criteria.iter().map(|c| c.id.to_string()));
        titles.extend(["priority", "explicit", "implied"].map(String::from));
        writer.write_record(&titles)?;
        for row in &self.projects {
            let mut record = vec![
                row.rank.to_string(),
                neutralise(row.id).into_owned(),
                neutralise(row.name).into_owned(),
                row.score.map_or_else(String::new, |s| s.to_string()),
            ];
            record.extend(
                self.criteria
                    .iter()
                    .map(|c| row.contributions[c.id].to_string()),
            );
            record.extend([
                row.priority.to_string(),
                row.explicit.to_string(),
                row.implied.map_or_else(String::new, |i| i.to_string()),
            ]);
            writer.write_record(&record)?;
        }
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}
