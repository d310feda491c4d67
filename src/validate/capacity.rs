//! A project can never run if it needs more of a resource than the resource ever has (the
//! largest of its capacity and its capacity steps); needing more than it has for a while only
//! makes the project wait.

use crate::diag::{Code, Diagnostic};
use crate::display::units_apart;
use crate::model::Roadmap;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    // A milestone is an instant and holds nothing (the planner ignores its demands).
    for project in roadmap.projects.iter().filter(|p| !p.is_milestone()) {
        for demand in &project.resources {
            let (resource, need) = (&roadmap.resources[demand.resource], demand.units);
            let (most, most_at) = resource.max_capacity();
            if need > most {
                let (need_shown, capacity_shown) = units_apart(need, most);
                let unit = resource
                    .unit
                    .as_deref()
                    .map_or(String::new(), |u| format!(" {u}"));
                findings.push(
                    Diagnostic::error(
                        Code::OverCapacity,
                        crate::i18n::text!(
                            "e-over-capacity",
                            project = &project.id,
                            need = need_shown,
                            unit = unit,
                            resource = &resource.id,
                            capacity = capacity_shown,
                            // With steps, the capacity shown is the most it ever has.
                            steps = if resource.changes.is_empty() {
                                "no"
                            } else {
                                "yes"
                            },
                        ),
                    )
                    .at(demand.at.clone())
                    .with_note(most_at, crate::i18n::text!("note-capacity-set")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn demand_above_capacity_is_an_error_at_the_amount() {
        let text = format!(
            "{PREAMBLE}\n[[resource]]\nid = \"staff\"\ncapacity = 2.5\n{}{}",
            project("x", "resources = { staff = 3 }"),
            project("y", "resources = { staff = 2.5 }"),
        );
        assert_eq!(findings(&text), vec![(Code::OverCapacity, 21, 23)]);
    }

    #[test]
    fn demand_above_every_step_is_an_error_and_above_some_is_not() {
        let text = format!(
            "{PREAMBLE}\n[[resource]]\nid = \"staff\"\ncapacity = 2\nchanges = [{{ from = 2020-06-01, capacity = 4 }}, {{ from = 2021-01-01, capacity = 1 }}]\n{}{}",
            project("x", "resources = { staff = 4 }"),
            project("y", "resources = { staff = 5 }"),
        );
        let parsed = crate::model::load::parse_str("t".into(), text.clone());
        let validated = crate::validate::validate(&parsed.raw.unwrap(), parsed.findings);
        let over: Vec<_> = validated
            .findings
            .iter()
            .filter(|f| f.code == Code::OverCapacity)
            .collect();
        assert_eq!(over.len(), 1, "{over:?}");
        assert_eq!(
            over[0].message,
            "`y` needs 5 of `staff`, which has only 4 at most"
        );
        assert_eq!(
            &text[over[0].notes[0].at.clone()],
            "{ from = 2020-06-01, capacity = 4 }"
        );
        assert_eq!(&text[over[0].at.clone().unwrap()], "5");
    }

    #[test]
    fn the_message_shows_the_digits_that_differ_and_points_at_capacity() {
        let text = format!(
            "{PREAMBLE}\n[[resource]]\nid = \"r\"\ncapacity = 2.9999\n{}{}",
            project("x", "resources = { r = 3 }"),
            project("m", "resources = { r = 5 }").replace("1 month", "0d"),
        );
        let parsed = crate::model::load::parse_str("t".into(), text.clone());
        let validated = crate::validate::validate(&parsed.raw.unwrap(), parsed.findings);
        let over: Vec<_> = validated
            .findings
            .iter()
            .filter(|f| f.code == Code::OverCapacity)
            .collect();
        // The milestone holds nothing, so only `x` is over capacity.
        assert_eq!(over.len(), 1, "{over:?}");
        assert_eq!(over[0].message, "`x` needs 3 of `r`, which has only 2.9999");
        assert_eq!(&text[over[0].notes[0].at.clone()], "2.9999");
    }
}
