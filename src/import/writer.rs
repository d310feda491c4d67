//! A draft roadmap as a readable, commented `roadmap.toml`: the tables in the order of the
//! format, one key per line, and for every line where in the source it came from.

use crate::calendar::{LinkKind, Span};
use crate::display::{number, units};
use crate::import::draft::{Draft, Origin, Origins, Project};

/// The TOML text and, for each of its lines (0-based), the source position it came from.
pub struct Written {
    pub text: String,
    pub origins: Vec<Origin>,
}

impl Written {
    /// Where line `line` (1-based) of the text came from.
    pub fn origin_of_line(&self, line: usize) -> &Origin {
        static FILE: Origin = Origin::File;
        line.checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .unwrap_or(&FILE)
    }
}

struct Out {
    text: String,
    origins: Vec<Origin>,
}

impl Out {
    fn line(&mut self, at: &Origin, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
        self.origins.push(at.clone());
    }

    fn blank(&mut self) {
        self.line(&Origin::File, "");
    }

    /// A comment, one `#` line per line of `text`.
    fn comment(&mut self, at: &Origin, text: &str) {
        for line in text.lines() {
            let line = clean(line);
            if line.trim().is_empty() {
                self.line(at, "#");
            } else {
                self.line(at, &format!("# {}", line.trim_end()));
            }
        }
    }

    fn key(&mut self, origins: &Origins, key: &'static str, value: String) {
        self.line(origins.of(key), &format!("{key} = {value}"));
    }
}

/// Control characters (and so line breaks) never reach the file from a source value.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key of an inline table: bare when TOML allows it, else quoted (`.` would make it dotted).
fn key(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        text.to_string()
    } else {
        quote(text)
    }
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn map(items: &[(String, f64)], value: fn(f64) -> String) -> String {
    let pairs: Vec<String> = items
        .iter()
        .map(|(k, v)| format!("{} = {}", key(k), value(*v)))
        .collect();
    format!("{{ {} }}", pairs.join(", "))
}

fn span(span: Span) -> String {
    quote(&span.to_string())
}

pub fn write(draft: &Draft) -> Written {
    let mut out = Out {
        text: String::new(),
        origins: Vec::new(),
    };
    header(&mut out, draft);

    out.line(&draft.origins.table, "[roadmap]");
    if let Some(name) = &draft.name {
        out.key(&draft.origins, "name", quote(&clean(name)));
    }
    if let Some(start) = draft.start {
        out.key(&draft.origins, "start", start.to_string());
    }
    if let Some(currency) = &draft.currency {
        out.key(&draft.origins, "currency", quote(currency));
    }

    if let Some(calendar) = &draft.calendar {
        out.blank();
        out.comment(&draft.origins.table, &calendar.comment);
        for (line, at) in &calendar.lines {
            out.line(at, line);
        }
    }

    for objective in &draft.objectives {
        out.blank();
        out.line(&objective.origins.table, "[[objective]]");
        out.key(&objective.origins, "id", quote(&objective.id));
        if let Some(name) = &objective.name {
            out.key(&objective.origins, "name", quote(&clean(name)));
        }
        description(
            &mut out,
            &objective.origins,
            objective.description.as_deref(),
        );
    }

    for programme in &draft.programmes {
        out.blank();
        let o = &programme.origins;
        out.line(&o.table, "[[programme]]");
        out.key(o, "id", quote(&programme.id));
        out.key(o, "name", quote(&clean(&programme.name)));
        if let Some(parent) = &programme.parent {
            out.key(o, "parent", quote(parent));
        }
        description(&mut out, o, programme.description.as_deref());
    }

    for actor in &draft.actors {
        out.blank();
        for comment in &actor.comments {
            out.comment(&actor.origins.table, comment);
        }
        out.line(&actor.origins.table, "[[actor]]");
        out.key(&actor.origins, "id", quote(&actor.id));
        if let Some(name) = &actor.name {
            out.key(&actor.origins, "name", quote(&clean(name)));
        }
        if let Some(kind) = &actor.kind {
            out.key(&actor.origins, "kind", quote(kind));
        }
        description(&mut out, &actor.origins, actor.description.as_deref());
    }

    for resource in &draft.resources {
        out.blank();
        for comment in &resource.comments {
            out.comment(&resource.origins.table, comment);
        }
        out.line(&resource.origins.table, "[[resource]]");
        out.key(&resource.origins, "id", quote(&resource.id));
        if let Some(name) = &resource.name {
            out.key(&resource.origins, "name", quote(&clean(name)));
        }
        out.key(&resource.origins, "capacity", units(resource.capacity));
        if !resource.changes.is_empty() {
            let steps: Vec<String> = resource
                .changes
                .iter()
                .map(|(from, capacity)| {
                    format!("{{ from = {from}, capacity = {} }}", units(*capacity))
                })
                .collect();
            out.key(
                &resource.origins,
                "changes",
                format!("[{}]", steps.join(", ")),
            );
        }
        if let Some(unit) = &resource.unit {
            out.key(&resource.origins, "unit", quote(&clean(unit)));
        }
        description(&mut out, &resource.origins, resource.description.as_deref());
    }

    for funding in &draft.funding {
        out.blank();
        for comment in &funding.comments {
            out.comment(&funding.origins.table, comment);
        }
        out.line(&funding.origins.table, "[[funding]]");
        out.key(&funding.origins, "id", quote(&funding.id));
        if let Some(name) = &funding.name {
            out.key(&funding.origins, "name", quote(&clean(name)));
        }
        out.key(&funding.origins, "amount", number(funding.amount));
        if let Some(from) = funding.from {
            out.key(&funding.origins, "from", from.to_string());
        }
        if let Some(until) = funding.until {
            out.key(&funding.origins, "until", until.to_string());
        }
        if let Some(share) = funding.max_share {
            out.key(&funding.origins, "max_share", number(share));
        }
        if let Some(cap) = funding.per_year {
            out.key(&funding.origins, "per_year", number(cap));
        }
        description(&mut out, &funding.origins, funding.description.as_deref());
    }

    for project in &draft.projects {
        out.blank();
        self::project(&mut out, project);
    }

    Written {
        text: out.text,
        origins: out.origins,
    }
}

fn header(out: &mut Out, draft: &Draft) {
    let file = Origin::File;
    out.line(
        &file,
        &format!(
            "# Imported by `roadmap import` from {} ({}).",
            clean(&draft.source),
            draft.format_label
        ),
    );
    out.comment(
        &file,
        "Check it with `roadmap validate`, then plan it with `roadmap plan`. Comments that start\n\
         with \"import:\" say where a value had to be converted or could not be kept.",
    );
    if !draft.notes.is_empty() {
        out.line(&file, "#");
        out.line(
            &file,
            "# import: not expressible in the roadmap format, so left out or converted:",
        );
        for note in &draft.notes {
            let at = note
                .at
                .describe()
                .map(|at| format!("{at}: "))
                .unwrap_or_default();
            out.line(&note.at, &format!("#   - {at}{}", clean(&note.message)));
        }
    }
    out.blank();
}

/// `description`: one line, or a multi-line string when the source's text has line breaks.
fn description(out: &mut Out, origins: &Origins, text: Option<&str>) {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return;
    };
    let at = origins.of("description");
    let text = text.replace("\r\n", "\n");
    if !text.contains('\n') {
        out.line(at, &format!("description = {}", quote(&text)));
        return;
    }
    // TOML drops the line break right after the opening `"""`.
    out.line(at, "description = \"\"\"");
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let mut line = multiline_escape(line);
        if i + 1 == lines.len() {
            line.push_str("\"\"\"");
        }
        out.line(at, &line);
    }
}

/// A line inside a TOML multi-line basic string, escaped as in a basic string (so `"` is `\"`
/// and no `"""` can close it early).
fn multiline_escape(line: &str) -> String {
    let quoted = quote(line);
    quoted[1..quoted.len() - 1].to_string()
}

fn project(out: &mut Out, project: &Project) {
    let o = &project.origins;
    for comment in &project.comments {
        out.comment(&o.table, comment);
    }
    out.line(&o.table, "[[project]]");
    out.key(o, "id", quote(&project.id));
    if let Some(name) = &project.name {
        out.key(o, "name", quote(&clean(name)));
    }
    if let Some(programme) = &project.programme {
        out.key(o, "programme", quote(programme));
    }
    description(out, o, project.description.as_deref());
    if !project.objectives.is_empty() {
        out.key(o, "objectives", list(&project.objectives));
    }
    if let Some(priority) = project.priority {
        out.key(o, "priority", priority.to_string());
    }
    if let Some(duration) = project.duration {
        let comment = project
            .duration_comment
            .as_ref()
            .map(|c| format!("   # import: {}", clean(c)))
            .unwrap_or_default();
        out.line(
            o.of("duration"),
            &format!("duration = {}{comment}", span(duration)),
        );
    }
    depends_on(out, o, project);
    if let Some(date) = project.earliest_start {
        out.key(o, "earliest_start", date.to_string());
    }
    if let Some(date) = project.deadline {
        out.key(o, "deadline", date.to_string());
    }
    if let Some(lead) = &project.lead {
        out.key(o, "lead", quote(lead));
    }
    if !project.participants.is_empty() {
        out.key(o, "participants", list(&project.participants));
    }
    if !project.resources.is_empty() {
        out.key(o, "resources", map(&project.resources, units));
    }
    if let Some(cost) = project.cost {
        out.key(o, "cost", number(cost));
    }
    if !project.funding.is_empty() {
        out.key(o, "funding", map(&project.funding, number));
    }
    if let Some(status) = project.status {
        out.key(o, "status", quote(status.code()));
    }
    if let Some(date) = project.actual_start {
        out.key(o, "actual_start", date.to_string());
    }
    if let Some(date) = project.actual_finish {
        out.key(o, "actual_finish", date.to_string());
    }
    if let Some(progress) = project.progress {
        out.key(o, "progress", number((progress * 1000.0).round() / 1000.0));
    }
}

fn depends_on(out: &mut Out, o: &Origins, project: &Project) {
    let items: Vec<(String, String, &Origin)> = project
        .depends_on
        .iter()
        .map(|link| {
            let item = if link.kind == LinkKind::FinishToStart && link.lag.is_zero() {
                quote(&link.on)
            } else if link.lag.is_zero() {
                format!(
                    "{{ project = {}, type = \"{}\" }}",
                    quote(&link.on),
                    link.kind
                )
            } else {
                format!(
                    "{{ project = {}, type = \"{}\", lag = {} }}",
                    quote(&link.on),
                    link.kind,
                    span(link.lag)
                )
            };
            let comment = link
                .comment
                .as_ref()
                .map(|c| format!("   # import: {}", clean(c)))
                .unwrap_or_default();
            (item, comment, &link.at)
        })
        .collect();
    match items.as_slice() {
        [] => {}
        [(item, comment, at)] => out.line(at, &format!("depends_on = [{item}]{comment}")),
        _ => {
            out.line(o.of("depends_on"), "depends_on = [");
            for (item, comment, at) in &items {
                out.line(at, &format!("  {item},{comment}"));
            }
            out.line(o.of("depends_on"), "]");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft::{Actor, Link, Programme};

    fn draft() -> Draft {
        let at = |line| Origin::Line { line, column: 1 };
        let mut draft = Draft {
            source: "plan.xml".into(),
            format_label: "MS Project XML (MSPDI)".into(),
            name: Some("City \"plan\"".into()),
            start: "2024-01-01".parse().ok(),
            ..Draft::default()
        };
        draft.actors.push(Actor {
            id: "office".into(),
            origins: Origins::new(at(2)),
            ..Actor::default()
        });
        for (id, line) in [("a", 10), ("b.x", 20)] {
            draft.projects.push(Project {
                id: id.into(),
                duration: Some(Span::Days(14)),
                lead: Some("office".into()),
                resources: vec![("it.staff".into(), 1.5)],
                origins: Origins::new(at(line)),
                ..Project::default()
            });
        }
        draft.projects[1].depends_on = vec![
            Link {
                on: "a".into(),
                kind: LinkKind::FinishToStart,
                lag: Span::ZERO,
                comment: None,
                at: at(21),
            },
            Link {
                on: "a".into(),
                kind: LinkKind::StartToStart,
                lag: Span::Days(1),
                comment: Some("lag of 4 hours rounded to 1d".into()),
                at: at(22),
            },
        ];
        draft.note(at(23), "an SF link cannot be expressed");
        draft
    }

    #[test]
    fn writes_valid_commented_toml_with_line_origins() {
        let written = write(&draft());
        let text = &written.text;
        assert!(text.starts_with("# Imported by `roadmap import` from plan.xml"));
        assert!(text.contains("name = \"City \\\"plan\\\"\""), "{text}");
        assert!(
            text.contains("resources = { \"it.staff\" = 1.5 }"),
            "{text}"
        );
        assert!(text.contains("  { project = \"a\", type = \"SS\", lag = \"1d\" },   # import: lag of 4 hours rounded to 1d"), "{text}");
        assert!(text.contains("line 23, column 1: an SF link cannot be expressed"));
        let parsed: ::toml::Table = text.parse().expect("valid TOML");
        assert_eq!(parsed["project"].as_array().unwrap().len(), 2);
        // Every line has an origin; the link lines point at the XML lines of the links.
        assert_eq!(written.origins.len(), text.lines().count());
        let line = text
            .lines()
            .position(|l| l.contains("type = \"SS\""))
            .unwrap()
            + 1;
        assert_eq!(
            written.origin_of_line(line),
            &Origin::Line {
                line: 22,
                column: 1
            }
        );
    }

    #[test]
    fn programmes_and_descriptions_are_keys() {
        let mut draft = draft();
        let at = |line| Origin::Line { line, column: 1 };
        draft.programmes = vec![
            Programme {
                id: "city".into(),
                name: "City services".into(),
                origins: Origins::new(at(3)),
                ..Programme::default()
            },
            Programme {
                id: "e-gov".into(),
                name: "E-government".into(),
                parent: Some("city".into()),
                description: Some("Online \"services\".".into()),
                origins: Origins::new(at(4)),
            },
        ];
        draft.projects[0].programme = Some("e-gov".into());
        draft.projects[0].description =
            Some("First line\r\nsecond \"\"\" line \\ \u{1}\n\nlast\"".into());
        let text = write(&draft).text;
        let parsed: ::toml::Table = text.parse().expect("valid TOML");
        let programmes = parsed["programme"].as_array().unwrap();
        assert_eq!(programmes.len(), 2);
        assert_eq!(programmes[1]["parent"].as_str(), Some("city"));
        assert_eq!(
            programmes[1]["description"].as_str(),
            Some("Online \"services\".")
        );
        let project = &parsed["project"][0];
        assert_eq!(project["programme"].as_str(), Some("e-gov"));
        assert_eq!(
            project["description"].as_str(),
            Some("First line\nsecond \"\"\" line \\ \u{1}\n\nlast\"")
        );
        assert!(
            text.contains("description = \"\"\"\nFirst line\n"),
            "{text}"
        );
        // Programmes come after objectives and before actors, as in the format.
        assert!(text.find("[[programme]]").unwrap() < text.find("[[actor]]").unwrap());
    }

    #[test]
    fn quotes_what_toml_needs() {
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(key("it-staff"), "it-staff");
        assert_eq!(key("it.staff"), "\"it.staff\"");
        assert_eq!(key("екип"), "\"екип\"");
    }

    proptest::proptest! {
        /// Whatever text a source puts in names, ids, notes and comments, the file parses.
        #[test]
        fn any_text_gives_toml_that_parses(name in ".*", id in ".*", note in ".*") {
            let mut draft = draft();
            draft.name = Some(name.clone());
            draft.projects[0].name = Some(name.clone());
            draft.projects[0].id = id.clone();
            draft.projects[0].description = Some(note.clone());
            draft.projects[0].resources = vec![(id.clone(), 1.0)];
            draft.projects[1].comments.push(note.clone());
            draft.note(Origin::File, note);
            let written = write(&draft);
            let parsed: Result<::toml::Table, _> = written.text.parse();
            proptest::prop_assert!(parsed.is_ok(), "{}", written.text);
            let parsed = parsed.unwrap();
            proptest::prop_assert_eq!(parsed["project"][0]["id"].as_str(), Some(id.as_str()));
            proptest::prop_assert_eq!(written.origins.len(), written.text.lines().count());
        }
    }
}
