//! Multi-criteria priorities: each project's weighted score over the roadmap's criteria, the
//! priority that score implies, and the ranking `roadmap rank` prints.
//!
//! The weighted score is `sum(weight_i * score_i) / sum(weight_i)`: a number from 0 to 5 on the
//! same scale as the scores. A criterion a project has no score for counts as 0 (and
//! `validate` warns about it). Each criterion's contribution is its term of that sum, so the
//! contributions add up to the weighted score.

use crate::model::{Criterion, Roadmap, Score};

/// The priority a weighted score implies, from 1 (highest) to 5 (lowest):
///
/// | weighted score | priority |
/// | --- | --- |
/// | 4 or more | 1 |
/// | 3 to under 4 | 2 |
/// | 2 to under 3 | 3 |
/// | 1 to under 2 | 4 |
/// | under 1 | 5 |
pub fn priority_for(score: f64) -> u8 {
    // Weighted averages of whole scores carry float noise: 3.9999999999 is a 4.
    let score = score + 1e-9;
    match score {
        s if s >= 4.0 => 1,
        s if s >= 3.0 => 2,
        s if s >= 2.0 => 3,
        s if s >= 1.0 => 4,
        _ => 5,
    }
}

/// Each criterion's weighted contribution (indexed like `criteria`); they add up to the
/// weighted score. All 0 when the weights add up to 0.
pub fn contributions(criteria: &[Criterion], scores: &[Score]) -> Vec<f64> {
    let total: f64 = criteria.iter().map(|c| c.weight).sum();
    let mut out = vec![0.0; criteria.len()];
    if total <= 0.0 {
        return out;
    }
    for score in scores {
        if let Some(criterion) = criteria.get(score.criterion) {
            out[score.criterion] = criterion.weight * f64::from(score.value) / total;
        }
    }
    out
}

/// The weighted score (0..=5) of a set of scores.
pub fn weighted(criteria: &[Criterion], scores: &[Score]) -> f64 {
    contributions(criteria, scores)
        .iter()
        .fold(0.0, |sum, c| sum + c)
}

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Index of the project.
    pub project: usize,
    /// Position in the ranking, from 1.
    pub rank: usize,
    /// The weighted score; `None` when the roadmap has no criteria (nothing to score on).
    pub score: Option<f64>,
    /// Each criterion's weighted contribution, indexed like the roadmap's criteria.
    pub contributions: Vec<f64>,
    /// The project's priority in the plan.
    pub priority: u8,
    /// The priority its score implies (`None` without criteria).
    pub implied: Option<u8>,
    /// Whether the priority was written in the file (else it is the implied one).
    pub explicit: bool,
}

/// Every project except milestones, best weighted score first (by priority alone when the
/// roadmap has no criteria); equal scores keep the higher
/// (lower-numbered) plan priority first, then ids in alphabetical order, so the ranking never
/// depends on anything but the file's content.
pub fn ranking(roadmap: &Roadmap) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = roadmap
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_milestone())
        .map(|(i, p)| {
            let contributions = contributions(&roadmap.criteria, &p.scores);
            // Without criteria there is no score, and none is invented: rank by priority.
            let score = (!roadmap.criteria.is_empty())
                .then(|| contributions.iter().fold(0.0, |sum, c| sum + c));
            Ranked {
                project: i,
                rank: 0,
                score,
                contributions,
                priority: p.priority,
                implied: score.map(priority_for),
                explicit: p.priority_explicit,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let score = |r: &Ranked| r.score.unwrap_or(0.0);
        score(b)
            .total_cmp(&score(a))
            .then(a.priority.cmp(&b.priority))
            .then_with(|| {
                roadmap.projects[a.project]
                    .id
                    .cmp(&roadmap.projects[b.project].id)
            })
    });
    for (k, row) in rows.iter_mut().enumerate() {
        row.rank = k + 1;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(weight: f64) -> Criterion {
        Criterion {
            id: String::new(),
            name: String::new(),
            weight,
            at: 0..0,
        }
    }

    fn score(criterion: usize, value: u8) -> Score {
        Score {
            criterion,
            value,
            at: 0..0,
        }
    }

    #[test]
    fn the_mapping_covers_the_whole_scale() {
        assert_eq!(priority_for(5.0), 1);
        assert_eq!(priority_for(4.0), 1);
        assert_eq!(priority_for(3.99), 2);
        assert_eq!(priority_for(3.0), 2);
        assert_eq!(priority_for(2.5), 3);
        assert_eq!(priority_for(1.0), 4);
        assert_eq!(priority_for(0.99), 5);
        assert_eq!(priority_for(0.0), 5);
    }

    #[test]
    fn contributions_add_up_to_the_weighted_score() {
        let criteria = [criterion(0.3), criterion(0.7)];
        let scores = [score(0, 4), score(1, 4)];
        let parts = contributions(&criteria, &scores);
        assert!((parts[0] - 1.2).abs() < 1e-12);
        assert!((parts[1] - 2.8).abs() < 1e-12);
        // 0.3 * 4 + 0.7 * 4 is 3.9999999999999996 in floats: still priority 1.
        assert_eq!(priority_for(weighted(&criteria, &scores)), 1);
        // Missing scores count 0; zero weights give 0.
        assert_eq!(weighted(&criteria, &[score(1, 5)]), 3.5);
        assert_eq!(weighted(&[criterion(0.0)], &[score(0, 5)]), 0.0);
    }
}
