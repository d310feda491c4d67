//! A project can never run if it needs more of a resource than the resource has on any day.

use crate::diag::{Code, Diagnostic};
use crate::display::units;
use crate::model::Roadmap;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    for project in &roadmap.projects {
        for demand in &project.resources {
            let (resource, need) = (&roadmap.resources[demand.resource], demand.units);
            if need > resource.capacity {
                let unit = resource
                    .unit
                    .as_deref()
                    .map_or(String::new(), |u| format!(" {u}"));
                findings.push(
                    Diagnostic::error(
                        Code::OverCapacity,
                        format!(
                            "`{}` needs {}{unit} of `{}`, which has only {}{unit}",
                            project.id,
                            units(need),
                            resource.id,
                            units(resource.capacity)
                        ),
                    )
                    .at(demand.at.clone())
                    .with_note(resource.at.clone(), "capacity set here"),
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
}
