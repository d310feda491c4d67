//! The plan as an iCalendar file: an all-day event for each milestone and for each project's
//! start and finish. UIDs come from the roadmap and project ids, and DTSTAMP from `--as-of` or
//! the roadmap's start, never the clock, so the same plan always gives the same bytes.

use std::io::{self, Write};

use chrono::{NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::model::Roadmap;
use crate::plan::Plan;

pub fn write(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
) -> io::Result<()> {
    let stamp = as_of
        .unwrap_or(roadmap.start)
        .and_time(NaiveTime::MIN)
        .and_utc();
    let domain = slug(&roadmap.name);
    let mut calendar = Calendar::new();
    calendar.name(&roadmap.name);
    for &p in &plan.start_order {
        let project = &roadmap.projects[p];
        let planned = &plan.projects[p];
        let lead = &roadmap.actors[project.lead].name;
        let critical = if planned.critical { " Critical." } else { "" };
        // The project's description and programme, after the plan's facts.
        let mut about = String::new();
        if let Some(q) = project.programme {
            about.push_str(&format!(" Programme: {}.", roadmap.programmes[q].name));
        }
        if let Some(description) = &project.description {
            about.push_str(&format!("\n\n{description}"));
        }
        let mut day = |kind: &str, summary: String, date: NaiveDate, description: String| {
            let next = date.succ_opt().unwrap_or(date);
            calendar.push(
                Event::new()
                    .uid(&format!("{kind}.{}@{domain}.roadmap", project.id))
                    .timestamp(stamp)
                    .summary(&summary)
                    .description(&format!("{description}{about}"))
                    // All-day: DTEND is the day after, exclusive (RFC 5545).
                    .starts(date)
                    .ends(next)
                    .done(),
            );
        };
        if project.is_milestone() {
            day(
                "milestone",
                format!("Milestone: {}", project.name),
                planned.start,
                format!(
                    "{} ({}), led by {lead}.{critical}",
                    project.name, project.id
                ),
            );
        } else {
            day(
                "start",
                format!("Start: {}", project.name),
                planned.start,
                format!(
                    "{} ({}) starts; runs until {}, led by {lead}.{critical}",
                    project.name, project.id, planned.finish
                ),
            );
            day(
                "finish",
                format!("Finish: {}", project.name),
                planned.finish,
                format!(
                    "{} ({}) finishes (last day); started {}, led by {lead}.{critical}",
                    project.name, project.id, planned.start
                ),
            );
        }
    }
    write!(out, "{calendar}")
}

/// `Sofia Digital Roadmap` -> `sofia-digital-roadmap`: part of every UID, so two roadmaps with
/// the same project ids do not collide in one calendar.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if words.is_empty() {
        "roadmap".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_lowercase_words() {
        assert_eq!(
            super::slug("Sofia Digital Roadmap 2019-2025"),
            "sofia-digital-roadmap-2019-2025"
        );
        assert_eq!(super::slug("Ünïcode!"), "n-code");
        assert_eq!(super::slug("!!"), "roadmap");
    }
}
