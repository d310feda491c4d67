//! Parsing a large file in pieces. The TOML parser lexes a whole document into one token list
//! before it builds the tree, and the tree of the largest files accepted (a 32 MiB limit) is
//! several times the file. A large file is therefore cut before some of its `[[name]]` headers
//! and each piece is parsed on its own: the elements of the `[[project]]` array (most of such a
//! file) are handed on as each piece is parsed, so the caller can decode them and free their
//! tree, and the pieces' other arrays of tables are joined. Pieces are parsed side by side, one
//! per thread, and at most one more per thread waits to be handed on: only those pieces' tokens
//! and trees are held at a time.
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

use super::decode::Node;

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

/// One piece parsed: its span, its other keys and its `key` elements (positions already those
/// of the whole file).
struct Piece<'i> {
    span: std::ops::Range<usize>,
    entries: Vec<(Spanned<std::borrow::Cow<'i, str>>, Spanned<DeValue<'i>>)>,
    items: Option<Vec<Node<'i>>>,
}

/// The file's tree without its `key` array, and whether the file has that key. The pieces are
/// parsed side by side on [`crate::threads::count`] threads; each piece's `key` elements are
/// given to `each` on this thread, in file order, with the number of `[[key]]` headers in the
/// whole file (to size a vector once), so they can be decoded and their tree freed. `None` when
/// the file is not cut or the pieces cannot settle it (see the module); then what `each` was
/// given must be forgotten. Pieces are fixed by the text and handed on in order, so nothing
/// depends on the number of threads.
pub fn parse<'i>(
    text: &'i str,
    sizes: Sizes,
    key: &str,
    each: &mut dyn FnMut(Vec<Node<'i>>, usize),
) -> Option<(Spanned<DeTable<'i>>, bool)> {
    let Cuts {
        at: cuts,
        root_keys,
        headers,
    } = cuts(text, sizes, key);
    if cuts.is_empty() {
        return None;
    }
    let starts: Vec<usize> = [0].into_iter().chain(cuts.iter().copied()).collect();
    let ends: Vec<usize> = cuts.iter().copied().chain([text.len()]).collect();
    let parse_one = |i: usize| -> Option<Piece<'i>> {
        let (start, end) = (starts[i], ends[i]);
        let (piece, errors) = DeTable::parse_recoverable(&text[start..end]);
        if !errors.is_empty() {
            return None;
        }
        let span = piece.span();
        let mut entries = Vec::new();
        let mut items = None;
        for (name, value) in piece.into_inner() {
            // A later piece may not add to a key written before the first header.
            if start > 0 && root_keys.contains(name.get_ref().as_ref()) {
                return None;
            }
            let name = shift_key(name, start);
            let value = shift(value, start);
            if name.get_ref() == key {
                let DeValue::Array(array) = value.into_inner() else {
                    return None;
                };
                items = Some(array.into_iter().collect());
            } else {
                entries.push((name, value));
            }
        }
        Some(Piece {
            span,
            entries,
            items,
        })
    };

    let mut root = DeTable::new();
    let mut has_key = false;
    // The root's span, as one parse gives it.
    let mut root_span = None;
    let settled = in_order(
        crate::threads::count(),
        starts.len(),
        &parse_one,
        &mut |piece| {
            let Some(piece) = piece else {
                return false;
            };
            root_span.get_or_insert(piece.span);
            if let Some(items) = piece.items {
                has_key = true;
                each(items, headers);
            }
            for (name, value) in piece.entries {
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
                        _ => return false,
                    },
                }
            }
            true
        },
    );
    settled.then(|| (Spanned::new(root_span.unwrap_or_default(), root), has_key))
}

/// Runs `work(0)`, …, `work(count - 1)` on up to `threads` threads and gives the results to
/// `take` on this thread in index order, until `take` returns `false`; whether every result was
/// taken. A thread starts on index `i` only once `take` has had the results up to
/// `i - threads`, so memory stays that of a few pieces however fast the threads run.
fn in_order<R: Send>(
    threads: usize,
    count: usize,
    work: &(dyn Fn(usize) -> R + Sync),
    take: &mut dyn FnMut(R) -> bool,
) -> bool {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex};
    let threads = threads.clamp(1, count.max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results `take` has had, and a wake-up for threads waiting for room.
    let taken = (Mutex::new(0usize), Condvar::new());
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let send = send.clone();
            let (next, stop, taken) = (&next, &stop, &taken);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let mut done = taken.0.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + threads && !stop.load(Ordering::Relaxed) {
                        done = taken.1.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    if stop.load(Ordering::Relaxed) || send.send((i, work(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut early = std::collections::BTreeMap::new();
        let mut wanted = 0;
        for (i, result) in receive {
            early.insert(i, result);
            while let Some(result) = early.remove(&wanted) {
                wanted += 1;
                let more = take(result);
                {
                    // Both under the lock, so a thread about to wait cannot miss the wake-up.
                    let mut done = taken.0.lock().unwrap_or_else(|e| e.into_inner());
                    *done = wanted;
                    stop.store(!more, Ordering::Relaxed);
                }
                taken.1.notify_all();
                if !more {
                    return false;
                }
            }
        }
        true
    })
}

/// Where a file is cut, and what the cutting saw on the way.
struct Cuts<'t> {
    /// Byte offsets, each the start of a `[[name]]` header (see the module).
    at: Vec<usize>,
    /// Keys written before the first header.
    root_keys: HashSet<&'t str>,
    /// `[[key]]` headers written plainly in the whole file (a hint: `[[ key ]]` is not counted).
    headers: usize,
}

/// Where to cut the file (see the module). The tokens are read one at a time, never held.
fn cuts<'t>(text: &'t str, sizes: Sizes, key: &str) -> Cuts<'t> {
    let mut found = Cuts {
        at: Vec::new(),
        root_keys: HashSet::new(),
        headers: 0,
    };
    if text.len() < sizes.cut_from {
        return found;
    }
    let source = Source::new(text);
    let raw = |span: toml_parser::Span| &text[span.start()..span.end()];
    let mut tokens = source.lex().map(|t| (t.kind(), t.span())).peekable();
    // Keys written before the first header: `[[name]]` may not cut where `name` is one of them.
    let Cuts {
        at: cuts,
        root_keys,
        headers,
    } = &mut found;
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
                let name = name.filter(|_| array_of_tables);
                *headers += usize::from(name == Some(key));
                if let Some(name) = name
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
    found
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every thread count hands the results on in order, and stops where `take` says.
    #[test]
    fn results_come_in_order_whatever_the_threads() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Later indices finish first, so out-of-order arrival is exercised.
            let work = |i: usize| {
                std::thread::sleep(std::time::Duration::from_micros(200 * (20 - i as u64)));
                i * 10
            };
            in_order(threads, 20, &work, &mut |r| {
                seen.push(r);
                true
            });
            assert_eq!(
                seen,
                (0..20).map(|i| i * 10).collect::<Vec<_>>(),
                "{threads}"
            );

            let mut seen = Vec::new();
            in_order(threads, 20, &|i| i, &mut |r| {
                seen.push(r);
                r < 4
            });
            assert_eq!(seen, vec![0, 1, 2, 3, 4], "{threads}");
        }
        in_order(2, 0, &|i| i, &mut |_| panic!("nothing to take"));
    }
}
