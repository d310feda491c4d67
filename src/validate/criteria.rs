//! Multi-criteria priorities: when the roadmap has criteria, every project (milestones aside)
//! should have a score on each of them. Unknown criteria (E006) and scores out of 0-5 (E004)
//! are found while resolving and decoding.

use crate::diag::{Code, Diagnostic};
use crate::model::Roadmap;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    if roadmap.criteria.is_empty() {
        return;
    }
    for project in &roadmap.projects {
        if project.is_milestone() || project.id.is_empty() || project.scores_unresolved {
            continue;
        }
        let missing: Vec<&str> = roadmap
            .criteria
            .iter()
            .enumerate()
            .filter(|(c, criterion)| {
                !criterion.id.is_empty() && !project.scores.iter().any(|s| s.criterion == *c)
            })
            .map(|(_, criterion)| criterion.id.as_str())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let list = missing
            .iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let example = missing
            .iter()
            .map(|id| format!("{id} = 3"))
            .collect::<Vec<_>>()
            .join(", ");
        findings.push(
            Diagnostic::new(
                Code::MissingScore,
                crate::i18n::text!("w-missing-score", project = &project.id, list = list),
            )
            .at(project.at.clone())
            .with_help(crate::i18n::text!(
                "w-missing-score-help",
                example = format!("{{ {example} }}")
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    const CRITERIA: &str =
        "\n[[criterion]]\nid = \"fit\"\nweight = 2\n\n[[criterion]]\nid = \"finance\"\n";

    #[test]
    fn missing_unknown_and_out_of_range_scores() {
        let text = format!(
            "{PREAMBLE}{CRITERIA}{}{}{}",
            project("x", "scores = { fit = 4, finance = 3 }"),
            project("y", "scores = { fit = 4 }"),
            project("z", "scores = { fit = 6, finanse = 3 }"),
        );
        assert_eq!(
            findings(&text),
            vec![
                (Code::MissingScore, 27, 6),
                (Code::InvalidValue, 38, 18),
                (Code::UnknownReference, 38, 21),
            ]
        );
    }

    #[test]
    fn milestones_and_roadmaps_without_criteria_need_no_scores() {
        let text = format!("{PREAMBLE}{}", project("x", ""));
        assert_eq!(findings(&text), vec![]);
        let text = format!(
            "{PREAMBLE}{CRITERIA}{}",
            project("m", "").replace("1 month", "0d")
        );
        assert_eq!(findings(&text), vec![]);
    }
}
