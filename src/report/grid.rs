//! The one layout every terminal table goes through, so that every table fits the width and
//! stays readable (README, "Tables at any width").
//!
//! A [`Grid`] is a list of typed columns and rows of plain text. It is laid out in four steps,
//! each tried only when the one before cannot fit the width:
//!
//! 1. every column at its natural width (its longest line);
//! 2. text columns (names, notes, summaries) wrapped at spaces, never narrower than their
//!    longest word; ids, dates and numbers keep their full width;
//! 3. optional columns left out, one at a time, in the table's documented drop order;
//! 4. one record per block: the first column as a heading, every other column as a
//!    `label  value` line under it, values wrapped to the width.
//!
//! Ids, dates and numbers are never broken over lines; an id is cut (with `…`) only in a block
//! and only when it is longer than the whole width. comfy-table draws the table: the layout
//! hands it pre-wrapped cells and an absolute width per column, because its own dynamic
//! arrangement breaks words (and dates) anywhere once a column runs short.

use std::fmt::Write as _;

use comfy_table::{Attribute, Cell, CellAlignment, Color, ColumnConstraint, Width};
use unicode_width::UnicodeWidthStr;

use crate::report::Look;

/// What a column holds, which decides how it may be laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Ids (project, actor, source ...): what users type, so given room first, never wrapped.
    Id,
    /// Words: wrapped at spaces, and after a hyphen only in a word too long for the column.
    Text,
    /// Ids separated by spaces (`a, b:SS+5d`): wrapped at spaces only, so no id is broken.
    IdList,
    /// Dates, numbers, amounts, marks: never broken.
    Fixed,
}

/// How the text of a column sits in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// A column: its header, what it holds, and whether it may be left out when the table does not
/// fit (a lower rank is left out first).
#[derive(Clone, Debug)]
pub struct Column {
    title: String,
    kind: Kind,
    align: Align,
    drop_rank: Option<u8>,
}

impl Column {
    pub fn new(title: impl Into<String>, kind: Kind) -> Column {
        Column {
            title: title.into(),
            kind,
            align: Align::Left,
            drop_rank: None,
        }
    }
    /// An id column.
    pub fn id(title: impl Into<String>) -> Column {
        Column::new(title, Kind::Id)
    }
    /// A column of words.
    pub fn text(title: impl Into<String>) -> Column {
        Column::new(title, Kind::Text)
    }
    /// A column of ids separated by spaces.
    pub fn ids(title: impl Into<String>) -> Column {
        Column::new(title, Kind::IdList)
    }
    /// A column of dates or other unbreakable values, left-aligned.
    pub fn fixed(title: impl Into<String>) -> Column {
        Column::new(title, Kind::Fixed)
    }
    /// A column of numbers, right-aligned.
    pub fn number(title: impl Into<String>) -> Column {
        Column::new(title, Kind::Fixed).align(Align::Right)
    }
    pub fn align(mut self, align: Align) -> Column {
        self.align = align;
        self
    }
    /// The column may be left out when the table does not fit; rank 0 goes first.
    pub fn optional(mut self, rank: u8) -> Column {
        self.drop_rank = Some(rank);
        self
    }
}

/// The text of a cell and how it is drawn.
#[derive(Clone, Debug, Default)]
pub struct GridCell {
    text: String,
    color: Option<Color>,
    bold: bool,
}

impl GridCell {
    pub fn new(text: impl Into<String>) -> GridCell {
        GridCell {
            text: text.into(),
            ..GridCell::default()
        }
    }
    /// In a colour (only drawn when the look has colour).
    pub fn fg(mut self, color: Color) -> GridCell {
        self.color = Some(color);
        self
    }
    /// `color` when `on`.
    pub fn fg_if(self, on: bool, color: Color) -> GridCell {
        if on { self.fg(color) } else { self }
    }
    pub fn bold(mut self) -> GridCell {
        self.bold = true;
        self
    }
}

impl From<String> for GridCell {
    fn from(text: String) -> GridCell {
        GridCell::new(text)
    }
}

impl From<&str> for GridCell {
    fn from(text: &str) -> GridCell {
        GridCell::new(text)
    }
}

impl From<&String> for GridCell {
    fn from(text: &String) -> GridCell {
        GridCell::new(text.clone())
    }
}

/// A table to lay out at a width.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    columns: Vec<Column>,
    rows: Vec<Vec<GridCell>>,
    /// The column that heads each block (the record's id).
    key: usize,
    /// Columns that do not fit go to further tables that repeat the key column (years).
    paged: bool,
}

/// Columns of padding around each cell, the two outer borders, and the (blank) line between
/// two columns that the table style draws.
const PADDING: usize = 2;
const BORDERS: usize = 2;
const SEPARATOR: usize = 1;
/// Words wrapped into fewer columns than this read badly: optional columns go first.
const TEXT_COMFORT: usize = 16;

/// How a grid ends up drawn (for tests and callers that say what was left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A table of these columns (indices), at these content widths.
    Table {
        shown: Vec<usize>,
        widths: Vec<usize>,
    },
    /// One record per block.
    Blocks,
}

impl Grid {
    pub fn new(columns: Vec<Column>) -> Grid {
        Grid {
            columns,
            rows: Vec::new(),
            key: 0,
            paged: false,
        }
    }

    /// Columns that do not fit go to further tables, each repeating the key column, before
    /// the grid turns into blocks: for tables with a column per year or per actor.
    pub fn paged(mut self) -> Grid {
        self.paged = true;
        self
    }

    /// Heads each block with column `c` instead of the first one.
    pub fn key(mut self, c: usize) -> Grid {
        self.key = c;
        self
    }

    /// Adds a row; missing cells are empty, extra cells are ignored.
    pub fn row<C: Into<GridCell>>(&mut self, cells: impl IntoIterator<Item = C>) {
        let mut cells: Vec<GridCell> = cells.into_iter().map(Into::into).collect();
        cells.resize(self.columns.len(), GridCell::default());
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The widest line of column `c` (header included).
    fn natural(&self, c: usize) -> usize {
        let header = self.columns[c]
            .title
            .lines()
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        self.rows
            .iter()
            .flat_map(|row| row[c].text.lines())
            .map(UnicodeWidthStr::width)
            .chain([header])
            .max()
            .unwrap_or(0)
    }

    /// The narrowest column `c` can be: its longest word for text, but no narrower than
    /// [`TEXT_COMFORT`] when the text is that long (an optional column goes first); its whole
    /// width otherwise.
    fn minimum(&self, c: usize) -> usize {
        match self.columns[c].kind {
            Kind::Text | Kind::IdList => {
                self.longest_word(c).max(self.natural(c).min(TEXT_COMFORT))
            }
            // The values whole; a header of several words may wrap above them.
            Kind::Id | Kind::Fixed => {
                let values = self
                    .rows
                    .iter()
                    .flat_map(|row| row[c].text.lines())
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                let header_word = self.columns[c]
                    .title
                    .split_whitespace()
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                values.max(header_word)
            }
        }
    }

    /// The widest unbreakable piece of column `c`.
    fn longest_word(&self, c: usize) -> usize {
        let kind = self.columns[c].kind;
        std::iter::once(&self.columns[c].title)
            .chain(self.rows.iter().map(|row| &row[c].text))
            .flat_map(|text| text.split_whitespace())
            .flat_map(|word| {
                if kind == Kind::Text {
                    hyphen_pieces(word)
                } else {
                    vec![word]
                }
            })
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    }

    /// Decides the layout at `width` columns.
    pub fn layout(&self, width: usize) -> Layout {
        let mut shown: Vec<usize> = (0..self.columns.len()).collect();
        let mut droppable: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&c| self.columns[c].drop_rank.is_some())
            .collect();
        // Stable: among equal ranks, the rightmost column goes first.
        droppable.sort_by_key(|&c| (self.columns[c].drop_rank, std::cmp::Reverse(c)));
        let mut droppable = droppable.into_iter();
        loop {
            if let Some(widths) = self.fit(&shown, width) {
                return Layout::Table { shown, widths };
            }
            match droppable.next() {
                Some(c) => shown.retain(|&s| s != c),
                None => return Layout::Blocks,
            }
        }
    }

    /// Content widths for `shown` that fit `width`, or `None`.
    fn fit(&self, shown: &[usize], width: usize) -> Option<Vec<usize>> {
        let frame = BORDERS + PADDING * shown.len() + SEPARATOR * shown.len().saturating_sub(1);
        let room = width.checked_sub(frame)?;
        let natural: Vec<usize> = shown.iter().map(|&c| self.natural(c)).collect();
        if natural.iter().sum::<usize>() <= room {
            return Some(natural);
        }
        let mut widths: Vec<usize> = shown.iter().map(|&c| self.minimum(c)).collect();
        let mut left = room.checked_sub(widths.iter().sum())?;
        // Share what is left among the text columns, a column at a time, narrowest first, so
        // that a short name column is not starved by a long notes column.
        let mut wrapping: Vec<usize> = (0..shown.len())
            .filter(|&i| widths[i] < natural[i])
            .collect();
        while left > 0 && !wrapping.is_empty() {
            let share = (left / wrapping.len()).max(1);
            for &i in &wrapping {
                let add = share.min(natural[i] - widths[i]).min(left);
                widths[i] += add;
                left -= add;
            }
            wrapping.retain(|&i| widths[i] < natural[i]);
        }
        Some(widths)
    }

    /// The grid drawn at the look's width.
    pub fn render(&self, look: &Look) -> String {
        let width = usize::from(look.width);
        match self.layout(width) {
            Layout::Table { shown, widths } => self.render_table(look, &shown, &widths),
            Layout::Blocks => match self.pages(width) {
                Some(pages) => pages
                    .iter()
                    .map(|(shown, widths)| self.render_table(look, shown, widths))
                    .collect::<Vec<_>>()
                    .join("\n"),
                None => self.render_blocks(look, width),
            },
        }
    }

    /// The columns split into tables that each fit `width` and start with the key column, or
    /// `None` when the grid is not paged or a single column does not fit beside the key.
    fn pages(&self, width: usize) -> Option<Vec<(Vec<usize>, Vec<usize>)>> {
        if !self.paged {
            return None;
        }
        let mut pages = Vec::new();
        let mut page = vec![self.key];
        let mut fitted = self.fit(&page, width)?;
        for c in (0..self.columns.len()).filter(|&c| c != self.key) {
            page.push(c);
            if let Some(widths) = self.fit(&page, width) {
                fitted = widths;
                continue;
            }
            page.pop();
            if page.len() == 1 {
                return None;
            }
            pages.push((std::mem::replace(&mut page, vec![self.key, c]), fitted));
            fitted = self.fit(&page, width)?;
        }
        pages.push((page, fitted));
        Some(pages)
    }

    fn render_table(&self, look: &Look, shown: &[usize], widths: &[usize]) -> String {
        let mut table = look.table();
        let cell = |text: String, column: &Column, style: &GridCell| {
            let mut cell = Cell::new(text).set_alignment(match column.align {
                Align::Left => CellAlignment::Left,
                Align::Right => CellAlignment::Right,
                Align::Center => CellAlignment::Center,
            });
            if let Some(color) = style.color
                && look.color
            {
                cell = cell.fg(color);
            }
            if style.bold {
                cell = cell.add_attribute(Attribute::Bold);
            }
            cell
        };
        let header_style = GridCell::default().bold();
        table.set_header(shown.iter().zip(widths).map(|(&c, &w)| {
            let column = &self.columns[c];
            cell(wrap(&column.title, w).join("\n"), column, &header_style)
        }));
        for row in &self.rows {
            table.add_row(shown.iter().zip(widths).map(|(&c, &w)| {
                let column = &self.columns[c];
                let text = match column.kind {
                    Kind::Text => wrap(&row[c].text, w).join("\n"),
                    Kind::IdList => wrap_at_spaces(&row[c].text, w).join("\n"),
                    Kind::Id | Kind::Fixed => row[c].text.clone(),
                };
                cell(text, column, &row[c])
            }));
        }
        for (column, &w) in table.column_iter_mut().zip(widths) {
            let w = u16::try_from(w + PADDING).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
        }
        format!("{table}")
    }

    /// One record per block: the first column as a heading, the others as `label  value`.
    fn render_blocks(&self, look: &Look, width: usize) -> String {
        let width = width.max(8);
        let key = self.key.min(self.columns.len().saturating_sub(1));
        let labels: Vec<&str> = self.columns.iter().map(|c| c.title.as_str()).collect();
        let label_width = labels
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != key)
            .map(|(_, l)| UnicodeWidthStr::width(*l))
            .max()
            .unwrap_or(0);
        // Labels take at most half the width; a longer label goes on a line of its own.
        let label_width = label_width.min(width / 2);
        let indent = 2;
        let value_room = width.saturating_sub(indent + label_width + 2).max(1);
        let mut out = String::new();
        for (r, row) in self.rows.iter().enumerate() {
            // A row without a key continues the block above (a project's further sources).
            let continues = row[key].text.trim().is_empty() && r > 0;
            if r > 0 && !continues {
                out.push('\n');
            }
            let heading = cut(row[key].text.trim_start(), width);
            let heading = if row[key].bold || self.columns[key].kind == Kind::Id {
                look.bold(&heading)
            } else {
                heading
            };
            if !continues {
                let _ = writeln!(out, "{heading}");
            }
            for (c, cell) in row.iter().enumerate() {
                let text = cell.text.trim();
                if c == key || text.is_empty() {
                    continue;
                }
                let label = labels[c];
                let kind = self.columns[c].kind;
                let lines_at = |room: usize| -> Vec<String> {
                    match kind {
                        Kind::Text => wrap(text, room),
                        Kind::IdList => wrap_at_spaces(text, room),
                        Kind::Id | Kind::Fixed => text
                            .lines()
                            .flat_map(|line| wrap_hard(line, room))
                            .collect(),
                    }
                };
                let pad = " ".repeat(indent);
                // A label too long for the label column, or an id or figure too long for the
                // value column: the label on a line of its own, the value under it.
                let widest_unbreakable = match kind {
                    Kind::Text => 0,
                    Kind::IdList => text
                        .split_whitespace()
                        .map(UnicodeWidthStr::width)
                        .max()
                        .unwrap_or(0),
                    Kind::Id | Kind::Fixed => {
                        text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
                    }
                };
                if UnicodeWidthStr::width(label) > label_width || widest_unbreakable > value_room {
                    let _ = writeln!(out, "{pad}{}", cut(label, width - indent));
                    let under = (2 * indent).min(width / 4);
                    for line in lines_at(width - under) {
                        let _ = writeln!(out, "{}{line}", " ".repeat(under));
                    }
                    continue;
                }
                let lines = lines_at(value_room);
                for (i, line) in lines.iter().enumerate() {
                    let shown = if i == 0 { label } else { "" };
                    let gap = label_width - UnicodeWidthStr::width(shown) + 2;
                    let _ = writeln!(out, "{pad}{shown}{}{line}", " ".repeat(gap));
                }
            }
        }
        // Without a trailing newline, like comfy-table's output.
        out.truncate(out.trim_end_matches('\n').len());
        out
    }
}

/// `text` wrapped at spaces into lines of at most `width` columns; a word longer than the
/// width (only in blocks, where the width truly leaves no room) is broken. Line breaks in the
/// text are kept; leading spaces of the first line (an outline's indent) are kept too.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, true)
}

/// [`wrap`] that breaks only at spaces (a word longer than the width is broken anywhere, which
/// only happens in blocks, where the width truly leaves no room).
pub fn wrap_at_spaces(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, false)
}

/// The display width of `text`, without its colour codes.
pub fn visible_width(text: &str) -> usize {
    if text.contains('\u{1b}') {
        UnicodeWidthStr::width(anstream::adapter::strip_str(text).to_string().as_str())
    } else {
        UnicodeWidthStr::width(text)
    }
}

fn wrap_with(text: &str, width: usize, hyphens: bool) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let indent: String = paragraph.chars().take_while(|c| *c == ' ').collect();
        let mut line = if indent.len() < width {
            indent
        } else {
            String::new()
        };
        let mut line_has_word = false;
        for word in paragraph.split_whitespace() {
            let used = visible_width(line.as_str());
            let need = visible_width(word) + usize::from(line_has_word);
            if line_has_word && used + need > width {
                lines.push(std::mem::take(&mut line));
                line_has_word = false;
            }
            let used = visible_width(line.as_str());
            if !line_has_word && used + visible_width(word) > width {
                // A word wider than the line: break it after its hyphens, and only where a
                // piece is still too wide, anywhere (in blocks, where the width leaves no room).
                let room = width.saturating_sub(used).max(1);
                let mut pieces = if hyphens {
                    break_word(word, room)
                } else {
                    wrap_hard(word, room)
                };
                let last = pieces.pop().unwrap_or_default();
                for piece in pieces {
                    line.push_str(&piece);
                    lines.push(std::mem::take(&mut line));
                }
                line.push_str(&last);
                line_has_word = true;
                continue;
            }
            if line_has_word {
                line.push(' ');
            }
            line.push_str(word);
            line_has_word = true;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// `word` split after each hyphen: `set-up` → `set-`, `up`.
fn hyphen_pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, ch) in word.char_indices() {
        if ch == '-' && i > start && i + 1 < word.len() {
            pieces.push(&word[start..=i]);
            start = i + 1;
        }
    }
    pieces.push(&word[start..]);
    pieces
}

/// `word` in lines of at most `width` columns, broken after hyphens where it can be.
fn break_word(word: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for piece in hyphen_pieces(word) {
        let line = lines.last_mut().expect("never empty");
        let used = UnicodeWidthStr::width(line.as_str());
        if used + UnicodeWidthStr::width(piece) <= width {
            line.push_str(piece);
            continue;
        }
        if used > 0 {
            lines.push(String::new());
        }
        let mut hard = wrap_hard(piece, width);
        let last = hard.pop().unwrap_or_default();
        for part in hard {
            lines.last_mut().expect("never empty").push_str(&part);
            lines.push(String::new());
        }
        lines.last_mut().expect("never empty").push_str(&last);
    }
    lines
}

/// `text` broken into pieces of at most `width` columns, anywhere.
fn wrap_hard(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut pieces = vec![String::new()];
    for ch in text.chars() {
        let piece = pieces.last_mut().expect("never empty");
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if !piece.is_empty() && UnicodeWidthStr::width(piece.as_str()) + w > width {
            pieces.push(String::new());
        }
        pieces.last_mut().expect("never empty").push(ch);
    }
    pieces
}

/// `text` cut to `width` columns, with an ellipsis when cut.
pub fn cut(text: &str, width: usize) -> String {
    if UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if UnicodeWidthStr::width(out.as_str()) + w + 1 > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// `text` as lines of at most `width` columns, wrapped at spaces: for summaries and notes
/// printed under a table.
pub fn paragraph(text: &str, width: u16) -> String {
    wrap(text, usize::from(width)).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(width: u16) -> Look {
        Look {
            width,
            ..Look::PLAIN
        }
    }

    fn sample() -> Grid {
        let mut grid = Grid::new(vec![
            Column::id("id"),
            Column::text("name"),
            Column::fixed("start"),
            Column::number("days").optional(0),
        ]);
        grid.row([
            "g02-assessment-methodology",
            "Project-assessment methodology and pipeline (EIB advisory)",
            "2020-01-01",
            "273",
        ]);
        grid.row(["m01", "Mobility", "2021-03-01", "1"]);
        grid
    }

    fn widest(text: &str) -> usize {
        text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
    }

    #[test]
    fn a_table_that_fits_keeps_its_natural_widths() {
        let text = sample().render(&look(200));
        assert!(text.contains("Project-assessment methodology and pipeline (EIB advisory)"));
        assert!(text.contains("g02-assessment-methodology"));
    }

    #[test]
    fn names_wrap_at_spaces_and_ids_and_dates_stay_whole() {
        for width in [50, 60, 70, 80] {
            let text = sample().render(&look(width));
            assert!(widest(&text) <= usize::from(width), "{width}:\n{text}");
            assert!(
                text.contains("g02-assessment-methodology"),
                "{width}:\n{text}"
            );
            assert!(text.contains("2020-01-01"), "{width}:\n{text}");
            assert!(text.contains("methodology"), "{width}:\n{text}");
        }
    }

    #[test]
    fn optional_columns_go_before_the_table_turns_into_blocks() {
        let grid = sample();
        // id 26 + name at its comfortable 16 + date 10 + days 4 + frame 13 = 69.
        assert!(matches!(grid.layout(69), Layout::Table { ref shown, .. } if shown.len() == 4));
        assert!(matches!(grid.layout(68), Layout::Table { ref shown, .. } if shown.len() == 3));
        assert!(matches!(grid.layout(62), Layout::Table { ref shown, .. } if shown.len() == 3));
        assert_eq!(grid.layout(61), Layout::Blocks);
    }

    #[test]
    fn blocks_hold_every_column_and_fit_the_width() {
        let text = sample().render(&look(40));
        assert!(widest(&text) <= 40, "{text}");
        assert!(text.contains("g02-assessment-methodology"));
        assert!(text.contains("days   273"), "{text}");
        assert!(text.contains("start  2020-01-01"), "{text}");
    }

    #[test]
    fn ids_are_cut_only_when_longer_than_the_width() {
        let mut grid = Grid::new(vec![Column::id("id"), Column::fixed("start")]);
        grid.row(["a-very-long-identifier-that-goes-on", "2020-01-01"]);
        let text = grid.render(&look(20));
        assert!(widest(&text) <= 20, "{text}");
        assert!(text.starts_with("a-very-long-identif…"), "{text}");
    }

    #[test]
    fn wrapping_breaks_only_at_spaces_when_words_fit() {
        assert_eq!(
            wrap("Digital governance set-up", 12),
            ["Digital", "governance", "set-up"]
        );
        assert_eq!(wrap("  indented name", 20), ["  indented name"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(
            wrap("Project-assessment methodology", 12),
            ["Project-", "assessment", "methodology"]
        );
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
