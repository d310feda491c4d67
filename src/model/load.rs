//! Reading a roadmap file: bytes from disk or stdin, UTF-8 text, the TOML tree, the raw model.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, SourceFile};
use toml::de::{DeTable, DeValue};

use super::pieces::{self, Sizes};
use crate::model::decode::{Decode, Decoder, Node, decode_array_freeing};
use crate::model::raw::{FileKey, RawFile, RawProject, decode_file};

/// Largest input accepted. A 100,000-project portfolio is about 15 MB; anything much larger is
/// not a roadmap, and refusing it early bounds memory and time.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Where a roadmap comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` means standard input.
    pub fn from_arg(arg: &Path) -> Self {
        if arg == Path::new("-") {
            Input::Stdin
        } else {
            Input::Path(arg.to_path_buf())
        }
    }

    /// The name findings use for this input.
    pub fn display_name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(path) => path.display().to_string(),
        }
    }

    /// The directory that files named inside the roadmap are relative to (the current one for
    /// standard input).
    pub fn directory(&self) -> PathBuf {
        match self {
            Input::Path(path) => path
                .parent()
                .filter(|dir| !dir.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            Input::Stdin => PathBuf::from("."),
        }
    }
}

/// The input could not be read at all (exit code 2, not a finding).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    // The reason is the source, shown once by the `{:#}` chain.
    #[error("cannot read {name}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name} not found{hint}")]
    NotFound { name: String, hint: &'static str },
    #[error("{name} is a directory, not a roadmap file")]
    Directory { name: String },
}

/// A file's bytes, or the finding that they are too many.
pub enum Bytes {
    Read(Vec<u8>),
    TooLarge,
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes, so a huge input is refused without loading it.
pub fn read(input: &Input) -> Result<Bytes, ReadError> {
    let name = input.display_name();
    let io = |source| ReadError::Io {
        name: name.clone(),
        source,
    };
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => {
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        }
        Input::Path(path) => {
            let file = std::fs::File::open(path).map_err(|source| {
                if source.kind() == std::io::ErrorKind::NotFound {
                    let hint = if path.file_name() == Some("roadmap.toml".as_ref()) {
                        " (create one with `roadmap init`, or name a file)"
                    } else {
                        ""
                    };
                    ReadError::NotFound {
                        name: name.clone(),
                        hint,
                    }
                } else {
                    io(source)
                }
            })?;
            let metadata = file.metadata().map_err(io)?;
            if metadata.is_dir() {
                return Err(ReadError::Directory { name });
            }
            // Sized once (the file is read in full), not grown by doubling.
            bytes.reserve_exact(metadata.len().min(MAX_FILE_BYTES + 1) as usize + 1);
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        }
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(Bytes::TooLarge);
    }
    Ok(Bytes::Read(bytes))
}

/// A parsed roadmap file, or the findings that stopped it being parsed.
pub struct Parsed {
    pub source: SourceFile,
    /// `None` when the file is not TOML at all; its findings say why.
    pub raw: Option<RawFile>,
    pub findings: Vec<Diagnostic>,
    /// Files the roadmap names and that were read with it (see [`attach`]).
    pub attached: Attached,
}

/// Files a roadmap refers to, read next to it so that validation reads no files itself.
#[derive(Clone, Debug, Default)]
pub struct Attached {
    /// `[calendar] holidays_file`: `None` when the roadmap names none or it was not read.
    pub holidays: Option<AttachedFile>,
}

/// One file named by the roadmap: its name as shown in findings, and its text or why it could
/// not be read.
#[derive(Clone, Debug)]
pub struct AttachedFile {
    pub name: String,
    pub text: Result<String, String>,
}

/// Reads the files the roadmap names, relative to `base` (the roadmap file's directory).
pub fn attach(parsed: &mut Parsed, base: &Path) {
    let Some(named) = parsed
        .raw
        .as_ref()
        .and_then(|raw| raw.calendar.as_ref())
        .and_then(|calendar| calendar.holidays_file.as_ref())
    else {
        return;
    };
    let path = if base == Path::new(".") {
        PathBuf::from(&named.value)
    } else {
        base.join(&named.value)
    };
    let text = match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Err("it is a directory".to_string()),
        Ok(meta) if meta.len() > MAX_FILE_BYTES => Err(format!(
            "it is larger than {} MiB",
            MAX_FILE_BYTES / (1024 * 1024)
        )),
        _ => std::fs::read(&path)
            .map_err(|err| io_reason(&err))
            .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".into())),
    };
    parsed.attached.holidays = Some(AttachedFile {
        name: path.display().to_string(),
        text,
    });
}

/// An I/O error as a short reason ("no such file"), without the OS error number.
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

/// Reads and decodes an input. I/O problems are errors; everything about its content is a
/// finding.
pub fn load(input: &Input) -> Result<Parsed, ReadError> {
    let name = input.display_name();
    match read(input)? {
        Bytes::TooLarge => Ok(Parsed {
            source: SourceFile::new(name, String::new()),
            raw: None,
            attached: Attached::default(),
            findings: vec![Diagnostic::error(
                Code::TooLarge,
                crate::i18n::text!(
                    "e-file-too-large",
                    mib = (MAX_FILE_BYTES / (1024 * 1024)).to_string()
                ),
            )],
        }),
        Bytes::Read(bytes) => {
            let mut parsed = parse_bytes(name, bytes);
            attach(&mut parsed, &input.directory());
            Ok(parsed)
        }
    }
}

/// Decodes bytes already in memory (also the entry point for fuzzing).
pub fn parse_bytes(name: String, bytes: Vec<u8>) -> Parsed {
    match String::from_utf8(bytes) {
        Ok(text) => parse_str(name, text),
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Show the text up to the bad byte, so the finding can point at it.
            let text = String::from_utf8_lossy(&bytes[..valid_up_to]).into_owned();
            Parsed {
                source: SourceFile::new(name, text),
                raw: None,
                attached: Attached::default(),
                findings: vec![
                    Diagnostic::error(
                        Code::TomlSyntax,
                        crate::i18n::text!(
                            "e-not-utf8",
                            byte = format!("0x{:02X}", bytes[valid_up_to]),
                            offset = valid_up_to.to_string(),
                        ),
                    )
                    .at(valid_up_to..valid_up_to),
                ],
            }
        }
    }
}

/// Parses TOML text into the raw model, collecting every syntax and type finding.
pub fn parse_str(name: String, text: String) -> Parsed {
    let source = SourceFile::new(name, text);
    let (raw, findings) = match decode_in_pieces(&source.text, Sizes::DEFAULT) {
        Some((raw, findings)) => (Some(raw), findings),
        None => decode_whole(&source.text),
    };
    Parsed {
        source,
        raw,
        findings,
        attached: Attached::default(),
    }
}

/// A large file decoded as it is parsed in pieces (see `pieces`): each project's tree is freed
/// once it is decoded, so the file is never held twice, as a tree and as the raw model.
/// `None` when the file is not parsed in pieces.
fn decode_in_pieces(text: &str, sizes: Sizes) -> Option<(RawFile, Vec<Diagnostic>)> {
    let mut decoder = Decoder::default();
    let mut projects = Vec::new();
    let (rest, has_projects) = pieces::parse(text, sizes, "project", &mut |nodes, headers| {
        // The projects are most of the model: their vector is sized once.
        projects.reserve_exact(headers.saturating_sub(projects.len()));
        // Each node is dropped as soon as it is decoded.
        projects.extend(
            nodes
                .into_iter()
                .filter_map(|node| RawProject::decode(&node, &mut decoder)),
        );
    })?;
    let mut raw = decode_file(&table_node(rest), &mut decoder);
    raw.project = has_projects.then_some(projects);
    Some((raw, decoder.findings))
}

/// The file parsed at once: its syntax errors, or its raw model (the projects decoded last, each
/// one's tree freed once decoded).
fn decode_whole(text: &str) -> (Option<RawFile>, Vec<Diagnostic>) {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return (
            None,
            errors.iter().map(|err| syntax_finding(err, text)).collect(),
        );
    }
    let mut decoder = Decoder::default();
    let mut projects = None;
    let span = root.span();
    let rest: DeTable<'_> = root
        .into_inner()
        .into_iter()
        .filter_map(|(key, value)| match key.get_ref().as_ref() {
            "project" => {
                projects = Some(value);
                None
            }
            _ => Some((key, value)),
        })
        .collect();
    let rest = table_node(toml::Spanned::new(span, rest));
    let mut raw = decode_file(&rest, &mut decoder);
    drop(rest);
    if let Some(projects) = projects {
        raw.project = decode_array_freeing(projects, &mut decoder);
        if raw.project.is_none() {
            raw.rejected.push(FileKey::project);
        }
    }
    (Some(raw), decoder.findings)
}

fn table_node(table: toml::Spanned<DeTable<'_>>) -> Node<'_> {
    let span = table.span();
    toml::Spanned::new(span, DeValue::Table(table.into_inner()))
}

/// A TOML syntax error as a finding.
fn syntax_finding(err: &toml::de::Error, text: &str) -> Diagnostic {
    let message = err.message().trim();
    if message == "recursion limit" && err.span().is_none() {
        // The parser names no position for a dotted key too deep: find it.
        let finding = Diagnostic::error(
            Code::TooLarge,
            crate::i18n::text!("e-dotted-key-depth", limit = KEY_DEPTH_LIMIT.to_string()),
        );
        return match deep_key_at(text) {
            Some(at) => finding.at(at),
            None => finding,
        };
    }
    // The parser's own words stay English; the catalogues introduce them.
    let finding = Diagnostic::error(
        syntax_code(message),
        crate::i18n::text!("e-toml", detail = message),
    );
    match err.span() {
        Some(at) => finding.at(at),
        None => finding,
    }
}

/// Parts of a dotted key (`a.b.c` has 3) from which the TOML parser stops with "recursion limit".
const KEY_DEPTH_LIMIT: usize = 80;

/// The first key (before `=`, or in a `[table]` header) with [`KEY_DEPTH_LIMIT`] or more parts.
fn deep_key_at(text: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        let key = line.trim_start();
        let key = key
            .strip_prefix("[[")
            .or_else(|| key.strip_prefix('['))
            .unwrap_or(key);
        let mut quote = None;
        let mut parts = 1;
        let mut end = key.len();
        for (i, c) in key.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '.') => parts += 1,
                (None, '=' | ']' | '#') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        if parts >= KEY_DEPTH_LIMIT {
            let skipped = line.trim_start().len() - key.len();
            return Some(start + skipped..start + skipped + end);
        }
    }
    None
}

/// Most parse errors are syntax; a few are about a value or a limit, and say so by their code.
fn syntax_code(message: &str) -> Code {
    if message.starts_with("invalid date") || message.starts_with("invalid time") {
        Code::InvalidValue
    } else if message.contains("recursion depth") {
        Code::TooLarge
    } else {
        Code::TomlSyntax
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cut as often as possible, so small texts exercise every cut.
    const SMALL: Sizes = Sizes {
        cut_from: 0,
        piece: 1,
    };

    fn whole(text: &str) -> String {
        format!("{:?}", decode_whole(text))
    }

    fn in_pieces(text: &str) -> Option<String> {
        decode_in_pieces(text, SMALL).map(|(raw, findings)| format!("{:?}", (Some(raw), findings)))
    }

    /// Projects with what can look like a header inside a value: a multi-line string holding
    /// `[[project]]` lines and a multi-line array whose lines start with `[`.
    fn roadmap(projects: usize) -> String {
        let mut text =
            String::from("[roadmap]\nname = \"r\"\nstart = 2025-01-01\n[[actor]]\nid = \"a\"\n");
        for i in 0..projects {
            text.push_str(&format!(
                "[[project]]\nid = \"p{i}\"\nduration = \"{}d\"\nlead = \"a\"\n\
                 description = \"\"\"\n[[project]]\nid = \"fake\"\n\"\"\"\n\
                 scores = {{ x = 1 }}\n",
                i + 1
            ));
            if i > 0 {
                text.push_str(&format!(
                    "depends_on = [\n\"p{}\",\n]\nmatrix = [\n[1, 2],\n]\n",
                    i - 1
                ));
            }
            if i % 3 == 0 {
                text.push_str(&format!("[[actor]]\nid = \"b{i}\"\n"));
            }
        }
        text
    }

    #[test]
    fn a_file_in_pieces_decodes_as_one_parse_does() {
        let text = roadmap(40);
        let pieces = in_pieces(&text).expect("the file is cut");
        assert_eq!(pieces, whole(&text));
        assert!(pieces.contains("p39") && !pieces.contains("\"fake\"\n"));
    }

    #[test]
    fn what_the_pieces_cannot_settle_is_parsed_at_once() {
        let base = roadmap(6);
        let cases = [
            // A table written twice, in different pieces: the whole parse's error.
            format!("{base}[roadmap]\nname = \"again\"\n"),
            // A sub-table of an earlier piece's last project.
            format!("{base}[[actor]]\nid = \"z\"\n[project.extra]\nx = 1\n"),
            // Projects written inline before the first header, and as tables later.
            format!("project = [{{ id = \"q\" }}]\n{base}"),
            // A syntax error in the last piece.
            format!("{base}[[project]]\nid = \n"),
        ];
        for text in cases {
            assert_eq!(in_pieces(&text), None, "{text}");
            let (_, findings) = decode_whole(&text);
            assert!(!findings.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_small_file_is_parsed_at_once() {
        assert!(decode_in_pieces(&roadmap(3), Sizes::DEFAULT).is_none());
    }
}
