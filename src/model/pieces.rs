//! Parsing a large file in pieces. The TOML parser lexes a whole document into one token list
//! before it builds the tree, and the tree of the largest files accepted (a 32 MiB limit) is
//! several times the file. A large file is therefore cut before some of its `[[name]]` headers
//! and each piece is parsed on its own: the elements of the `[[project]]` array (most of such a
//! file) are handed on as each piece is parsed, so the caller can decode them and free their
//! tree, and the pieces' other arrays of tables are joined. Only one piece's tokens and tree are
//! held at a time.
//!
//! A cut never changes what the file means: it is made only at a `[[name]]` header at the start
//! of a line, outside any value, for a bare `name` that no key before the first header defines.
//! Whatever the pieces cannot settle alone (a piece with a syntax error, a table or key defined
//! in two pieces, a `[name.sub]` header for an element of an earlier piece) makes [`parse`]
//! give up, and the caller parses the whole file at once: findings and meaning are exactly
//! those of one parse.

use std::collections::HashSet;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// When to cut a file, and how long its pieces are at least.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Files shorter than this are parsed in one go.
    pub cut_from: usize,
    pub piece: usize,
}

impl Sizes {
    pub const DEFAULT: Sizes = Sizes {
        cut_from: 4 << 20,
        piece: 1 << 20,
    };
}

/// The file's tree without its `key` array, whose elements are given to `each` piece by piece,
/// and whether the file has that key; `None` when the file is not cut or the pieces cannot
/// settle it (see the module), and then what `each` was given must be forgotten.
pub fn parse<'i>(
    text: &'i str,
    sizes: Sizes,
    key: &str,
    each: &mut dyn FnMut(Spanned<DeValue<'i>>),
) -> Option<(Spanned<DeTable<'i>>, bool)> {
    let (cuts, root_keys) = cuts(text, sizes);
    if cuts.is_empty() {
        return None;
    }
    let mut root = DeTable::new();
    let mut has_key = false;
    // The root's span, as one parse gives it.
    let mut root_span = None;
    let ends = cuts.iter().copied().chain([text.len()]);
    let starts = [0].into_iter().chain(cuts.iter().copied());
    for (start, end) in starts.zip(ends) {
        let (piece, errors) = DeTable::parse_recoverable(&text[start..end]);
        if !errors.is_empty() {
            return None;
        }
        root_span.get_or_insert(piece.span());
        for (name, value) in piece.into_inner() {
            // A later piece may not add to a key written before the first header.
            if start > 0 && root_keys.contains(name.get_ref().as_ref()) {
                return None;
            }
            let name = shift_key(name, start);
            let value = shift(value, start);
            if name.get_ref() == key {
                let DeValue::Array(items) = value.into_inner() else {
                    return None;
                };
                has_key = true;
                items.into_iter().for_each(&mut *each);
                continue;
            }
            match root.get_mut(&name) {
                None => {
                    root.insert(name, value);
                }
                Some(existing) => match (existing.get_mut(), value.into_inner()) {
                    (DeValue::Array(joined), DeValue::Array(more)) => {
                        for item in more {
                            joined.push(item);
                        }
                    }
                    _ => return None,
                },
            }
        }
    }
    Some((Spanned::new(root_span.unwrap_or_default(), root), has_key))
}

/// Byte offsets to cut the file at, each the start of a `[[name]]` header (see the module),
/// and the keys written before the first header. The tokens are read one at a time, never held.
fn cuts(text: &str, sizes: Sizes) -> (Vec<usize>, HashSet<&str>) {
    if text.len() < sizes.cut_from {
        return (Vec::new(), HashSet::new());
    }
    let source = Source::new(text);
    let raw = |span: toml_parser::Span| &text[span.start()..span.end()];
    let mut tokens = source.lex().map(|t| (t.kind(), t.span())).peekable();
    let mut cuts = Vec::new();
    // Keys written before the first header: `[[name]]` may not cut where `name` is one of them.
    let mut root_keys = HashSet::new();
    let mut seen_header = false;
    let (mut line_start, mut depth, mut last_cut) = (true, 0usize, 0usize);
    while let Some((kind, span)) = tokens.next() {
        match kind {
            TokenKind::Newline => line_start = true,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                seen_header = true;
                // A header runs to the end of its line; it can cut only as `[[name]]`.
                const ARRAY_OF_TABLES: [TokenKind; 5] = [
                    TokenKind::LeftSquareBracket,
                    TokenKind::LeftSquareBracket,
                    TokenKind::Atom,
                    TokenKind::RightSquareBracket,
                    TokenKind::RightSquareBracket,
                ];
                let (mut shape, mut name) = (1, None);
                let mut array_of_tables = true;
                while let Some(&(next, next_span)) = tokens.peek() {
                    if matches!(next, TokenKind::Newline) {
                        break;
                    }
                    array_of_tables &= ARRAY_OF_TABLES.get(shape) == Some(&next);
                    if matches!(next, TokenKind::Atom) {
                        name = Some(raw(next_span));
                    }
                    shape += 1;
                    tokens.next();
                }
                let array_of_tables = array_of_tables && shape == ARRAY_OF_TABLES.len();
                if let Some(name) = name.filter(|_| array_of_tables)
                    && !root_keys.contains(name)
                    && span.start() - last_cut >= sizes.piece
                {
                    cuts.push(span.start());
                    last_cut = span.start();
                }
                line_start = false;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
                line_start = false;
            }
            _ => {
                if line_start && depth == 0 && !seen_header {
                    let key = raw(span).trim_matches(['"', '\'']);
                    root_keys.insert(key.split('.').next().unwrap_or(key));
                }
                line_start = false;
            }
        }
    }
    (cuts, root_keys)
}

fn moved(span: std::ops::Range<usize>, by: usize) -> std::ops::Range<usize> {
    span.start + by..span.end + by
}

fn shift_key<T>(key: Spanned<T>, by: usize) -> Spanned<T> {
    Spanned::new(moved(key.span(), by), key.into_inner())
}

/// `node` with every position moved `by` bytes on.
fn shift(node: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = moved(node.span(), by);
    let value = match node.into_inner() {
        DeValue::Array(items) => DeValue::Array(
            items
                .into_iter()
                .map(|item| shift(item, by))
                .collect::<DeArray<'_>>(),
        ),
        DeValue::Table(table) => DeValue::Table(
            table
                .into_iter()
                .map(|(key, value)| (shift_key(key, by), shift(value, by)))
                .collect(),
        ),
        scalar => scalar,
    };
    Spanned::new(span, value)
}
