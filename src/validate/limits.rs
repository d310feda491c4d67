//! Hard limits that keep any input from exhausting memory or running past the calendar.

use crate::diag::{Code, Diagnostic};
use crate::model::Roadmap;

/// Most projects a roadmap may have: far beyond any real portfolio, small enough to plan fast.
pub const MAX_PROJECTS: usize = 200_000;

/// At most [`MAX_PROJECTS`] projects.
///
/// Whether the plan stays before 9999-12-31 is checked on the plan itself
/// (`crate::plan::plan_as_of`): adding up every duration would refuse large portfolios whose
/// plan fits easily.
pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    if roadmap.projects.len() > MAX_PROJECTS {
        findings.push(
            Diagnostic::error(
                Code::TooLarge,
                crate::i18n::text!(
                    "e-too-many-projects",
                    count = roadmap.projects.len().to_string(),
                    max = MAX_PROJECTS.to_string(),
                ),
            )
            .at(roadmap.projects[MAX_PROJECTS].at.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::*;

    #[test]
    fn long_durations_are_left_to_the_plan() {
        // 2 x 1000 years from 9000 would pass 9999-12-31 only if run one after another, which
        // the plan decides (tests/limits.rs); validation alone does not refuse it.
        let text = format!(
            "{}{}{}",
            PREAMBLE.replace("2020-01-01", "9000-01-01"),
            project("x", "").replace("1 month", "1000 years"),
            project("y", "").replace("1 month", "1000 years"),
        );
        assert_eq!(findings(&text), vec![]);
    }
}
