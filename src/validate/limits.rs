//! Hard limits that keep any input from exhausting memory or running past the calendar.

use chrono::NaiveDate;

use crate::calendar::Span;
use crate::diag::{Code, Diagnostic};
use crate::model::Roadmap;
use crate::model::decode::Date;

/// Most projects a roadmap may have: far beyond any real portfolio, small enough to plan fast.
pub const MAX_PROJECTS: usize = 200_000;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    if roadmap.projects.len() > MAX_PROJECTS {
        findings.push(
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "the roadmap has {} projects; at most {MAX_PROJECTS} are supported",
                    roadmap.projects.len()
                ),
            )
            .at(roadmap.projects[MAX_PROJECTS].at.clone()),
        );
        return;
    }
    if let Some(latest) = latest_possible_end(roadmap)
        && latest > Date::LAST
        && let Some(longest) = roadmap
            .projects
            .iter()
            .rev()
            .max_by_key(|p| p.duration.approx_days() as u64)
    {
        findings.push(
            Diagnostic::error(
                Code::TooLarge,
                "the plan could run past 9999-12-31, the last day supported: durations and lags add up to too long",
            )
            .at(longest.duration_at.clone()),
        );
    }
}

/// A bound on the end of any plan: the latest release, then every project and every lag one
/// after another. A serial schedule never ends later, so the planner's dates stay in range.
/// `None` when the roadmap has no start (already reported).
fn latest_possible_end(roadmap: &Roadmap) -> Option<NaiveDate> {
    if roadmap.start == NaiveDate::MIN {
        return None;
    }
    let releases = roadmap
        .projects
        .iter()
        .flat_map(|p| p.earliest_start)
        .chain(roadmap.funding.iter().flat_map(|f| f.from));
    let latest_release = releases.fold(roadmap.start, NaiveDate::max);
    // Upper bound in days: months count as 31 days.
    let days = |span: Span| match span {
        Span::Days(d) => u64::from(d),
        Span::Months(m) => u64::from(m) * 31,
    };
    let total: u64 = roadmap
        .projects
        .iter()
        .map(|p| days(p.duration) + p.depends_on.iter().map(|d| days(d.lag)).sum::<u64>())
        .sum();
    let days_left = (Date::LAST - latest_release).num_days().max(0) as u64;
    if total > days_left {
        return Some(NaiveDate::MAX);
    }
    latest_release.checked_add_days(chrono::Days::new(total))
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn plans_that_could_pass_year_9999_are_refused() {
        let text = format!(
            "{}{}{}",
            PREAMBLE.replace("2020-01-01", "9000-01-01"),
            project("x", "").replace("1 month", "1000 years"),
            project("y", "depends_on = [\"x\"]").replace("1 month", "1000 years"),
        );
        assert_eq!(findings(&text), vec![(Code::TooLarge, 14, 12)]);
    }
}
