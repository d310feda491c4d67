//! Writing findings for people (rustc-style snippets), for programs (JSON) and for CI (GitHub
//! Actions workflow commands).

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Diagnostic, Note, Severity, SourceFile};
use crate::display::{terminal, terminal_lines};
use crate::i18n::{Lang, Messages};

/// The findings of one input file.
pub struct FileReport<'a> {
    pub file: &'a SourceFile,
    pub findings: &'a [Diagnostic],
}

/// Human output: each finding with its code, the offending line and a caret under the value.
pub fn human(
    out: &mut dyn Write,
    report: &FileReport<'_>,
    styled: bool,
    lang: Lang,
) -> io::Result<()> {
    let t = Messages::new(lang);
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for finding in report.findings {
        let level = match finding.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        // Every text from the file goes through the terminal escaping first (annotate-snippets
        // pictures C0 controls in excerpts but passes C1 controls and line breaks in titles).
        let message = t.text(&finding.message);
        let message = terminal(&message);
        let path = terminal(&report.file.name);
        let title = level.primary_title(message.as_ref()).id(finding.code.id());
        let labels: Vec<String> = finding
            .notes
            .iter()
            .map(|n| terminal(&t.text(&n.message)).into_owned())
            .collect();
        if let Some(at) = &finding.at {
            // Notes near the value share its excerpt; a note far away (the first of 10,000
            // duplicate ids) gets an excerpt of its own, so no finding renders the lines between.
            let line = |offset: usize| report.file.position(offset).line;
            let (near, far): (Vec<_>, Vec<_>) =
                finding.notes.iter().zip(&labels).partition(|(note, _)| {
                    line(note.at.start).abs_diff(line(at.start)) <= NOTE_LINES
                });
            let notes: Vec<Note> = near.iter().map(|(note, _)| (*note).clone()).collect();
            let excerpt = Excerpt::around(report.file, at, &notes);
            let far_excerpts: Vec<_> = far
                .iter()
                .map(|(note, label)| (Excerpt::around(report.file, &note.at, &[]), note, label))
                .collect();
            let mut snippet = Snippet::source(excerpt.text.as_ref())
                .line_start(excerpt.first_line)
                .path(path.as_ref())
                .annotation(
                    AnnotationKind::Primary
                        .span(excerpt.shift(clamp(report.file, at)))
                        .label(finding.code.name()),
                );
            for (note, label) in &near {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(excerpt.shift(clamp(report.file, &note.at)))
                        .label(label.as_str()),
                );
            }
            // The value's excerpt first (the header names its position), then the far notes.
            let mut snippets = vec![(excerpt.first_line, snippet)];
            for (excerpt, note, label) in &far_excerpts {
                snippets.push((
                    excerpt.first_line,
                    Snippet::source(excerpt.text.as_ref())
                        .line_start(excerpt.first_line)
                        .path(path.as_ref())
                        .annotation(
                            AnnotationKind::Context
                                .span(excerpt.shift(clamp(report.file, &note.at)))
                                .label(label.as_str()),
                        ),
                ));
            }
            snippets[1..].sort_by_key(|(first_line, _)| *first_line);
            let mut group = Group::with_title(title);
            for (_, snippet) in snippets {
                group = group.element(snippet);
            }
            writeln!(out, "{}\n", render_with_help(&renderer, group, finding, &t))?;
        } else {
            let group = title.element(annotate_snippets::Origin::path(path.as_ref()));
            writeln!(out, "{}\n", render_with_help(&renderer, group, finding, &t))?;
        }
    }
    Ok(())
}

/// How many lines apart a note may be and still share the finding's excerpt (the renderer
/// elides the lines between, but reads them all).
const NOTE_LINES: usize = 50;

/// Renders a finding's group followed by its help.
fn render_with_help(
    renderer: &Renderer,
    group: Group<'_>,
    finding: &Diagnostic,
    t: &Messages,
) -> String {
    let help = finding
        .help
        .as_ref()
        .map(|help| terminal(&t.text(help)).into_owned());
    let mut groups = vec![group];
    if let Some(help) = &help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(help.as_str()),
        ));
    }
    renderer.render(&groups)
}

/// The whole lines a finding points at. Rendering hands the renderer only these, not the whole
/// file: a large roadmap with many findings would otherwise be scanned once per finding.
struct Excerpt<'a> {
    /// The lines, escaped for the terminal.
    text: Cow<'a, str>,
    /// The lines as in the file.
    raw: &'a str,
    /// Byte offset of `text` in the file.
    offset: usize,
    /// 1-based line number of `text`'s first line.
    first_line: usize,
}

impl<'a> Excerpt<'a> {
    fn around(file: &'a SourceFile, at: &Range<usize>, notes: &[super::Note]) -> Self {
        let spans =
            std::iter::once(clamp(file, at)).chain(notes.iter().map(|n| clamp(file, &n.at)));
        let (low, high) = spans.fold((usize::MAX, 0), |(lo, hi), span| {
            (lo.min(span.start), hi.max(span.end))
        });
        let text = &file.text;
        let start = text[..low].rfind('\n').map_or(0, |i| i + 1);
        let end = text[high..].find('\n').map_or(text.len(), |i| high + i);
        let raw = &text[start..end];
        Excerpt {
            text: terminal_lines(raw),
            raw,
            offset: start,
            first_line: file.position(start).line,
        }
    }

    /// A span of the file as a span of the escaped excerpt.
    fn shift(&self, span: Range<usize>) -> Range<usize> {
        let (start, end) = (span.start - self.offset, span.end - self.offset);
        if matches!(self.text, Cow::Borrowed(_)) {
            return start..end;
        }
        // Escaping changes byte lengths: count the escaped length of what comes before.
        let escaped = |to: usize| terminal_lines(&self.raw[..to]).len();
        escaped(start)..escaped(end)
    }
}

/// A span the renderer can draw: inside the text, on character boundaries, never empty.
fn clamp(file: &SourceFile, at: &Range<usize>) -> Range<usize> {
    let text = &file.text;
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at.start);
    let mut end = floor(at.end).max(start);
    // Point at one whole character when the span is empty (e.g. the end of the file).
    if end == start {
        end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

/// One finding as machine-readable JSON (format version 1, documented in the README).
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub file: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub severity: Severity,
    pub code: &'static str,
    pub name: &'static str,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

impl<'a> JsonFinding<'a> {
    pub fn new(file: &'a SourceFile, finding: &'a Diagnostic) -> Self {
        let range = finding.at.as_ref().map(|at| file.range(at));
        JsonFinding {
            file: &file.name,
            line: range.map(|r| r.0.line),
            column: range.map(|r| r.0.column),
            end_line: range.map(|r| r.1.line),
            end_column: range.map(|r| r.1.column),
            severity: finding.severity(),
            code: finding.code.id(),
            name: finding.code.name(),
            message: &finding.message,
            help: finding.help.as_deref(),
        }
    }
}

/// `{"version": 1, "findings": [...]}` for every file at once.
pub fn json(out: &mut dyn Write, reports: &[FileReport<'_>]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Document<'a> {
        version: u32,
        findings: Vec<JsonFinding<'a>>,
    }
    let findings = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(|f| JsonFinding::new(r.file, f)))
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &Document {
            version: 1,
            findings,
        },
    )?;
    writeln!(out)
}

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,...::message`.
pub fn github(out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
    for finding in report.findings {
        let command = match finding.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = vec![format!("file={}", escape_property(&report.file.name))];
        if let Some(at) = &finding.at {
            let (start, end) = report.file.range(at);
            properties.push(format!("line={}", start.line));
            properties.push(format!("endLine={}", end.line));
            // GitHub only accepts columns on single-line annotations.
            if start.line == end.line {
                properties.push(format!("col={}", start.column));
                properties.push(format!("endColumn={}", end.column));
            }
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {}", finding.code.id(), finding.code.name()))
        ));
        let mut message = finding.message.to_string();
        if let Some(help) = &finding.help {
            message.push_str(" (");
            message.push_str(help);
            message.push(')');
        }
        writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        )?;
    }
    Ok(())
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    fn sample() -> (SourceFile, Vec<Diagnostic>) {
        let file = SourceFile::new("road,map.toml", "[[project]]\nlead = \"nobody\"\n");
        let finding = Diagnostic::error(Code::UnknownReference, "unknown actor `nobody`: 50%")
            .at(19..27)
            .with_help("did you mean `somebody`?");
        (file, vec![finding])
    }

    #[test]
    fn github_commands_escape_and_locate() {
        let (file, findings) = sample();
        let mut out = Vec::new();
        github(
            &mut out,
            &FileReport {
                file: &file,
                findings: &findings,
            },
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=road%2Cmap.toml,line=2,endLine=2,col=8,endColumn=15,title=E006 unknown-reference::unknown actor `nobody`: 50%25 (did you mean `somebody`?)\n"
        );
    }

    #[test]
    fn human_output_shows_code_line_and_caret() {
        let (file, findings) = sample();
        let mut out = Vec::new();
        human(
            &mut out,
            &FileReport {
                file: &file,
                findings: &findings,
            },
            false,
            Lang::En,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("error[E006]: unknown actor `nobody`"),
            "{text}"
        );
        assert!(text.contains("road,map.toml:2:8"), "{text}");
        assert!(text.contains("^^^^^^^^ unknown-reference"), "{text}");
        assert!(text.contains("help: did you mean `somebody`?"), "{text}");
    }

    #[test]
    fn json_has_positions_and_version() {
        let (file, findings) = sample();
        let mut out = Vec::new();
        json(
            &mut out,
            &[FileReport {
                file: &file,
                findings: &findings,
            }],
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["version"], 1);
        let f = &value["findings"][0];
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(2), Some(8))
        );
        assert_eq!(f["code"], "E006");
        assert_eq!(f["severity"], "error");
    }
}
