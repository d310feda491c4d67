//! Co-financing rules: a source pays at most `max_share` of a project's cost, and between
//! `min_project` and `max_project` to any one project.

use crate::diag::{Code, Diagnostic};
use crate::i18n::Arg;
use crate::model::Roadmap;
use crate::money;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    let currency = &roadmap.currency;
    for project in &roadmap.projects {
        for contribution in &project.funding {
            let source = &roadmap.funding[contribution.source];
            let paid = contribution.amount;
            if let (Some(share), Some(cost)) = (&source.max_share, project.cost)
                && money::over(paid, share.value * cost)
            {
                findings.push(
                    Diagnostic::error(
                        Code::OverShare,
                        crate::i18n::text!(
                            "e-over-share",
                            source = &source.id,
                            paid = Arg::Amount(paid),
                            currency = currency,
                            project = &project.id,
                            cost = Arg::Amount(cost),
                            share = percent(paid / cost.max(f64::MIN_POSITIVE)),
                            max = percent(share.value),
                            allowed = Arg::Amount(share.value * cost),
                        ),
                    )
                    .at(contribution.at.clone())
                    .with_note(share.at.clone(), crate::i18n::text!("note-share-rule"))
                    .with_help(crate::i18n::text!(
                        "e-over-share-help",
                        amount = Arg::Amount((share.value * cost * 100.0).floor() / 100.0)
                    )),
                );
            }
            let below = source
                .min_project
                .as_ref()
                .filter(|min| money::under(paid, min.value))
                .map(|min| (min, "e-below-min-project", "min_project"));
            let above = source
                .max_project
                .as_ref()
                .filter(|max| money::over(paid, max.value))
                .map(|max| (max, "e-above-max-project", "max_project"));
            for (limit, message, key) in below.into_iter().chain(above) {
                let text = |id: &'static str| {
                    crate::i18n::Text::message(
                        id,
                        vec![
                            ("source", Arg::from(&source.id)),
                            ("paid", Arg::Amount(paid)),
                            ("currency", Arg::from(currency)),
                            ("project", Arg::from(&project.id)),
                            ("limit", Arg::Amount(limit.value)),
                            ("key", Arg::from(key)),
                        ],
                    )
                };
                findings.push(
                    Diagnostic::error(Code::ProjectAmountOutOfRange, text(message))
                        .at(contribution.at.clone())
                        .with_note(
                            limit.at.clone(),
                            crate::i18n::text!("note-key-here", key = key),
                        ),
                );
            }
        }
    }
}

/// `85%`, `12.5%`.
pub fn percent(share: f64) -> String {
    let value = (share * 1000.0).round() / 10.0;
    format!("{value}%")
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    fn source(rules: &str) -> String {
        format!(
            "\n[[funding]]\nid = \"erdf\"\namount = 1_000_000\n{rules}\n[[funding]]\nid = \"city\"\namount = 1_000_000\n"
        )
    }

    #[test]
    fn a_share_above_max_share_is_an_error_at_the_contribution() {
        let text = format!(
            "{PREAMBLE}{}{}",
            source("max_share = 0.85"),
            project(
                "x",
                "cost = 100_000\nfunding = { erdf = 90_000, city = 10_000 }"
            ),
        );
        assert_eq!(findings(&text), vec![(Code::OverShare, 26, 20)]);
        // Exactly 85% is fine.
        let text = format!(
            "{PREAMBLE}{}{}",
            source("max_share = 0.85"),
            project(
                "x",
                "cost = 100_000\nfunding = { erdf = 85_000, city = 15_000 }"
            ),
        );
        assert_eq!(findings(&text), vec![]);
    }

    #[test]
    fn contributions_outside_min_and_max_project() {
        let text = format!(
            "{PREAMBLE}{}{}{}",
            source("min_project = 50_000\nmax_project = 200_000"),
            project("x", "cost = 40_000\nfunding = { erdf = 40_000 }"),
            project(
                "y",
                "cost = 300_000\nfunding = { erdf = 250_000, city = 50_000 }"
            ),
        );
        assert_eq!(
            findings(&text),
            vec![
                (Code::ProjectAmountOutOfRange, 27, 20),
                (Code::ProjectAmountOutOfRange, 35, 20)
            ]
        );
    }

    #[test]
    fn broken_rules_are_invalid_values() {
        let text = format!(
            "{PREAMBLE}{}{}",
            source("max_share = 1.5\nmin_project = 10\nmax_project = 5"),
            project("x", ""),
        );
        assert_eq!(
            findings(&text),
            vec![(Code::InvalidValue, 15, 13), (Code::InvalidValue, 17, 15)]
        );
    }

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(super::percent(0.85), "85%");
        assert_eq!(super::percent(0.125), "12.5%");
    }
}
