//! The plan as an iCalendar file: an all-day event for each milestone, each project's start and
//! finish, each deadline and each funding window's closing day. UIDs come from the roadmap and
//! project (or source) ids, so importing an updated plan updates its events; DTSTAMP comes from
//! `--as-of` or the roadmap's start, never the clock, and SEQUENCE counts the days from
//! 2000-01-01 to it, so a later export supersedes an earlier one while the same plan always
//! gives the same bytes.
//!
//! Written line by line (RFC 5545): every text value escaped (`\\`, `;`, `,`, newlines; other
//! control characters dropped), every line folded at 75 octets, and nothing held in memory but
//! the line being written.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;

/// The longest content line RFC 5545 allows, in octets, without the CRLF.
const FOLD_AT: usize = 75;

pub fn write(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
    t: &Messages,
) -> io::Result<()> {
    let named = |id: &str, name: &str| t.with(id, &[("name", name.to_string())]);
    let stamp_day = as_of.unwrap_or(roadmap.start);
    let stamp = format!("{}T000000Z", ical_date(stamp_day));
    let sequence = sequence(stamp_day);
    let domain = slug(&roadmap.name);
    let event = |out: &mut dyn Write,
                 uid: String,
                 summary: &str,
                 date: NaiveDate,
                 description: &str|
     -> io::Result<()> {
        line(out, "BEGIN:VEVENT")?;
        line(out, &format!("DESCRIPTION:{}", text(description)))?;
        // All-day: DTEND is the day after, exclusive (RFC 5545).
        let next = date.succ_opt().unwrap_or(date);
        line(out, &format!("DTEND;VALUE=DATE:{}", ical_date(next)))?;
        line(out, &format!("DTSTAMP:{stamp}"))?;
        line(out, &format!("DTSTART;VALUE=DATE:{}", ical_date(date)))?;
        line(out, &format!("SEQUENCE:{sequence}"))?;
        line(out, &format!("SUMMARY:{}", text(summary)))?;
        line(out, "TRANSP:TRANSPARENT")?;
        line(
            out,
            &format!("UID:{}", text(&format!("{uid}@{domain}.roadmap"))),
        )?;
        line(out, "END:VEVENT")
    };
    line(out, "BEGIN:VCALENDAR")?;
    line(out, "VERSION:2.0")?;
    line(
        out,
        &format!(
            "PRODID:-//roadmap//roadmap//{}",
            t.lang().code().to_uppercase()
        ),
    )?;
    line(out, "CALSCALE:GREGORIAN")?;
    line(out, &format!("NAME:{}", text(&roadmap.name)))?;
    line(out, &format!("X-WR-CALNAME:{}", text(&roadmap.name)))?;
    for &p in &plan.start_order {
        let project = &roadmap.projects[p];
        let planned = &plan.projects[p];
        let lead = &roadmap.actors[project.lead].name;
        let critical = if planned.critical {
            t.get("ics-critical")
        } else {
            String::new()
        };
        // The project's description and programme, after the plan's facts.
        let mut about = String::new();
        if let Some(q) = project.programme {
            about.push_str(&named("ics-programme", &roadmap.programmes[q].name));
        }
        let facts = |id: &str, date: NaiveDate| {
            t.with(
                id,
                &[
                    ("name", project.name.clone()),
                    ("id", project.id.clone()),
                    ("lead", lead.clone()),
                    ("critical", critical.clone()),
                    ("date", t.date(date)),
                ],
            )
        };
        if let Some(description) = &project.description {
            about.push_str(&format!("\n\n{description}"));
        }
        let mut day = |kind: &str, summary: String, date: NaiveDate, description: String| {
            event(
                out,
                format!("{kind}.{}", project.id),
                &summary,
                date,
                &format!("{description}{about}"),
            )
        };
        if project.is_milestone() {
            day(
                "milestone",
                named("ics-milestone", &project.name),
                planned.start,
                facts("ics-milestone-about", planned.start),
            )?;
        } else {
            day(
                "start",
                named("ics-start", &project.name),
                planned.start,
                facts("ics-start-about", planned.finish),
            )?;
            day(
                "finish",
                named("ics-finish", &project.name),
                planned.finish,
                facts("ics-finish-about", planned.start),
            )?;
        }
        if let Some(deadline) = project.deadline {
            day(
                "deadline",
                named("ics-deadline", &project.name),
                deadline,
                t.with(
                    "ics-deadline-about",
                    &[
                        ("name", project.name.clone()),
                        ("id", project.id.clone()),
                        ("finish", t.date(planned.finish)),
                        ("margin", margin(deadline, planned.finish, t)),
                    ],
                ),
            )?;
        }
    }
    // A funding window's last day: the projects it pays and how each finishes against it.
    for (s, source) in roadmap.funding.iter().enumerate() {
        let Some(until) = source.until else {
            continue;
        };
        let paid: Vec<String> = plan
            .start_order
            .iter()
            .filter(|&&p| roadmap.projects[p].funding.iter().any(|c| c.source == s))
            .map(|&p| {
                let project = &roadmap.projects[p];
                let finish = plan.projects[p].finish;
                t.with(
                    "ics-paid",
                    &[
                        ("name", project.name.clone()),
                        ("id", project.id.clone()),
                        ("finish", t.date(finish)),
                        ("margin", margin(until, finish, t)),
                    ],
                )
            })
            .collect();
        let rest = if paid.is_empty() {
            format!(" {}", t.get("source-pays-nothing"))
        } else {
            format!("\n\n{}", paid.join("\n"))
        };
        let description = t.with(
            "ics-window-about",
            &[
                ("name", source.name.clone()),
                ("id", source.id.clone()),
                ("rest", rest),
            ],
        );
        event(
            out,
            format!("window-closes.{}", source.id),
            &named("ics-window", &source.name),
            until,
            &description,
        )?;
    }
    line(out, "END:VCALENDAR")
}

/// "12 days of margin" or "missed by 3 days".
fn margin(due: NaiveDate, finish: NaiveDate, t: &Messages) -> String {
    let days = (due - finish).num_days();
    if days >= 0 {
        t.with("fiche-margin", &[("days", days.to_string())])
    } else {
        t.with("fiche-missed-by", &[("days", (-days).to_string())])
    }
}

/// Days from 2000-01-01 to the stamp: grows with every later `--as-of`, so a calendar takes a
/// re-exported plan as the newer version of each event.
fn sequence(stamp: NaiveDate) -> i64 {
    let origin = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(stamp);
    (stamp - origin).num_days().max(0)
}

/// `2019-07-01` -> `20190701`, the DATE form of RFC 5545.
fn ical_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break (LF,
/// CR or CRLF) written as `\n`, and other control characters, which TEXT cannot hold, dropped.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push('\t'),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Writes one content line, folded so no line is longer than 75 octets with the leading space
/// of a continuation counted, and never inside a UTF-8 character.
fn line(out: &mut dyn Write, content: &str) -> io::Result<()> {
    let mut rest = content;
    let mut room = FOLD_AT;
    loop {
        if rest.len() <= room {
            out.write_all(rest.as_bytes())?;
            return out.write_all(b"\r\n");
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.write_all(&rest.as_bytes()[..cut])?;
        out.write_all(b"\r\n ")?;
        rest = &rest[cut..];
        room = FOLD_AT - 1;
    }
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
    use super::{line, text};

    #[test]
    fn text_escapes_what_would_end_or_split_a_value() {
        assert_eq!(text("a\\b;c,d\ne\rf\r\ng"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assert_eq!(text("x\u{1b}]0;t\u{7}\u{0}\u{7f}y"), "x]0\\;ty");
        // A name cannot add a property: no line break survives.
        assert!(!text("n\nEND:VEVENT\r\nBEGIN:VEVENT").contains(['\n', '\r']));
    }

    #[test]
    fn lines_fold_at_75_octets_inside_no_character() {
        for content in [
            "x".repeat(300),
            "é".repeat(200),
            format!("a{}", "€".repeat(100)),
        ] {
            let mut out = Vec::new();
            line(&mut out, &content).unwrap();
            let folded = String::from_utf8(out).unwrap();
            for physical in folded.split_terminator("\r\n") {
                assert!(physical.len() <= 75, "{} octets", physical.len());
            }
            assert_eq!(folded.replace("\r\n ", "").trim_end(), content);
        }
    }

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
