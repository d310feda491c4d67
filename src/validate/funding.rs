//! Money: no source committed beyond its amount; every project's cost covered.

use crate::diag::{Code, Diagnostic};
use crate::i18n::Arg;
use crate::model::Roadmap;
use crate::money;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    over_committed(roadmap, findings);
    gaps(roadmap, findings);
}

/// The most commitments an E009 names (largest first); the rest are counted.
const NAMED: usize = 8;

fn over_committed(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    let currency = &roadmap.currency;
    for (s, (source, committed)) in roadmap.funding.iter().zip(roadmap.committed()).enumerate() {
        // An amount that failed to decode was reported; it is unknown, not 0.
        if source.amount_unresolved || !money::over(committed, source.amount) {
            continue;
        }
        let commitments: Vec<(&str, &crate::model::Contribution)> = roadmap
            .projects
            .iter()
            .flat_map(|p| {
                p.funding
                    .iter()
                    .filter(|c| c.source == s)
                    .map(|c| (p.id.as_str(), c))
            })
            .collect();
        let count = commitments.len();
        // The largest commitments first: they are where the money can be found.
        let mut largest = commitments.clone();
        largest.sort_by(|a, b| b.1.amount.total_cmp(&a.1.amount));
        let mut named: Vec<Arg> = largest
            .iter()
            .take(NAMED)
            .map(|(id, c)| Arg::Join(vec![format!("`{id}`").into(), Arg::Amount(c.amount)], " "))
            .collect();
        if count > NAMED {
            named.push(crate::i18n::text!("n-more", count = count - NAMED).into());
        }
        let mut finding = Diagnostic::error(
            Code::OverCommitted,
            crate::i18n::text!(
                "e-over-committed",
                source = &source.id,
                committed = Arg::Amount(committed),
                currency = currency,
                count = count,
                named = Arg::Join(named, ", "),
                amount = Arg::Amount(source.amount),
                over = Arg::Amount(committed - source.amount),
            ),
        )
        .at(source.amount_at.clone());
        for (id, c) in largest.iter().take(NAMED) {
            finding = finding.with_note(
                c.at.clone(),
                crate::i18n::text!(
                    "note-commits",
                    id = *id,
                    amount = Arg::Amount(c.amount),
                    currency = currency
                ),
            );
        }
        findings.push(finding);
    }
}

/// Projects whose funding does not cover their cost (W002).
pub fn gaps(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    let currency = &roadmap.currency;
    for project in &roadmap.projects {
        let (Some(cost), Some(cost_at)) = (project.cost, &project.cost_at) else {
            continue;
        };
        // A contribution that failed to decode was reported; what it covers is unknown.
        if project.funding_unresolved {
            continue;
        }
        let funded = project.funded();
        if money::under(funded, cost) {
            findings.push(
                Diagnostic::new(
                    Code::FundingGap,
                    crate::i18n::text!(
                        "w-funding-gap",
                        project = &project.id,
                        cost = Arg::Amount(cost),
                        currency = currency,
                        funded = Arg::Amount(funded),
                        gap = Arg::Amount(cost - funded),
                    ),
                )
                .at(cost_at.clone())
                .with_help(crate::i18n::text!("w-funding-gap-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn over_committed_source_and_uncovered_cost() {
        let text = format!(
            "{PREAMBLE}\n[[funding]]\nid = \"erdf\"\namount = 100\n{}{}",
            project("x", "cost = 80\nfunding = { erdf = 80 }"),
            project("y", "cost = 50\nfunding = { erdf = 30 }"),
        );
        assert_eq!(
            findings(&text),
            vec![(Code::OverCommitted, 14, 10), (Code::FundingGap, 29, 8)]
        );
        assert_eq!(
            messages(&text),
            vec![
                "`erdf` is committed 110 EUR across 2 projects (`x` 80, `y` 30) but has 100 EUR (10 over)",
                "`y` costs 50 EUR but its funding covers 30 (20 EUR uncovered)",
            ]
        );
    }

    #[test]
    fn a_cent_of_rounding_is_no_finding_but_more_is() {
        // Thirds of a cost never add up exactly in floating point.
        let split = |cost: &str| {
            format!(
                "{PREAMBLE}\n[[funding]]\nid = \"f\"\namount = 0.3\n[[funding]]\nid = \"g\"\namount = 1\n{}",
                project(
                    "x",
                    &format!("cost = {cost}\nfunding = {{ f = 0.1, g = 0.2 }}")
                ),
            )
        };
        assert_eq!(findings(&split("0.3")), vec![]);
        // Less than a cent short is rounding, not a gap.
        assert_eq!(findings(&split("0.305")), vec![]);
        assert_eq!(findings(&split("0.32")), vec![(Code::FundingGap, 24, 8)]);
        assert!(messages(&split("0.32"))[0].starts_with("`x` costs "));
        // A source committed less than a cent beyond its amount is fine, two cents is not.
        let over = |amount: &str| {
            format!(
                "{PREAMBLE}\n[[funding]]\nid = \"f\"\namount = {amount}\n{}",
                project("x", "cost = 0.3\nfunding = { f = 0.3 }"),
            )
        };
        assert_eq!(findings(&over("0.295")), vec![]);
        assert_eq!(findings(&over("0.28")), vec![(Code::OverCommitted, 14, 10)]);
    }
}
