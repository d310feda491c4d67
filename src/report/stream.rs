//! Markup written as it is made: a `fmt::Write` over an `io::Write` that hands its text out in
//! chunks, so the HTML page or SVG chart of a 200,000-project roadmap (hundreds of MB) is never
//! held whole in memory.

use std::fmt;
use std::io;

/// Text is handed out once this much has gathered.
const CHUNK: usize = 1 << 16;

/// Rewrites each chunk on its way out (the HTML report translates its header cells).
type Rewrite<'a> = Box<dyn Fn(&str) -> String + 'a>;

pub struct Stream<'a> {
    out: &'a mut dyn io::Write,
    buffer: String,
    rewrite: Option<Rewrite<'a>>,
    /// The first write error: formatting stops at it, and [`Stream::finish`] returns it.
    error: Option<io::Error>,
}

impl<'a> Stream<'a> {
    pub fn new(out: &'a mut dyn io::Write) -> Self {
        Stream {
            out,
            buffer: String::with_capacity(2 * CHUNK),
            rewrite: None,
            error: None,
        }
    }

    /// A stream whose chunks pass through `rewrite`. A chunk ends after a complete tag and never
    /// inside a table header cell (`<th …>…</th>`), so the rewrite sees those whole.
    pub fn rewriting(out: &'a mut dyn io::Write, rewrite: impl Fn(&str) -> String + 'a) -> Self {
        Stream {
            rewrite: Some(Box::new(rewrite)),
            ..Stream::new(out)
        }
    }

    /// Writes what is left. `formatted` is the result of the formatting that wrote into the
    /// stream: a write error is returned as it was; any other formatting error becomes one.
    pub fn finish(mut self, formatted: fmt::Result) -> io::Result<()> {
        if formatted.is_ok() {
            let _ = self.hand_out(self.buffer.len());
        }
        match (self.error, formatted) {
            (Some(error), _) => Err(error),
            (None, Ok(())) => Ok(()),
            (None, Err(_)) => Err(io::Error::other("the output could not be formatted")),
        }
    }

    fn hand_out(&mut self, cut: usize) -> fmt::Result {
        if cut == 0 {
            return Ok(());
        }
        let chunk = &self.buffer[..cut];
        let written = match &self.rewrite {
            Some(rewrite) => self.out.write_all(rewrite(chunk).as_bytes()),
            None => self.out.write_all(chunk.as_bytes()),
        };
        if let Err(error) = written {
            self.error = Some(error);
            return Err(fmt::Error);
        }
        self.buffer.drain(..cut);
        Ok(())
    }
}

impl fmt::Write for Stream<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.buffer.push_str(text);
        if self.buffer.len() < CHUNK {
            return Ok(());
        }
        let cut = safe_cut(&self.buffer);
        self.hand_out(cut)
    }
}

/// How much of `text` may go out now: up to the end of its last tag, but not from a header
/// cell that is still open.
fn safe_cut(text: &str) -> usize {
    let cut = text.rfind('>').map_or(0, |i| i + 1);
    match text[..cut].rfind("<th") {
        Some(open) if !text[open..cut].contains("</th>") => open,
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn a_cut_falls_after_a_tag_and_never_inside_a_header_cell() {
        assert_eq!(safe_cut("<p>a</p>text"), 8);
        assert_eq!(safe_cut("<tr><th>sou"), 4);
        assert_eq!(safe_cut("<tr><th>source</th><td>x"), 23);
        assert_eq!(safe_cut("<thead><tr><th class=\"num\">cost</th><th>a"), 36);
        assert_eq!(safe_cut("no tag"), 0);
    }

    #[test]
    fn what_is_written_comes_out_whole_and_in_order() {
        let mut out = Vec::new();
        let mut stream = Stream::new(&mut out);
        let formatted = (0..50_000).try_for_each(|i| write!(stream, "<i>{i}</i>"));
        stream.finish(formatted).unwrap();
        let expected: String = (0..50_000).map(|i| format!("<i>{i}</i>")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn every_header_cell_reaches_the_rewrite_whole() {
        let mut out = Vec::new();
        let mut stream = Stream::rewriting(&mut out, |chunk| {
            chunk.replace("<th>cost</th>", "<th>C</th>")
        });
        let formatted = (0..20_000).try_for_each(|_| stream.write_str("<tr><th>cost</th></tr>"));
        stream.finish(formatted).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches("<th>C</th>").count(), 20_000);
        assert!(!text.contains("cost"));
    }

    /// A writer that fails after some bytes, as a full disk does.
    struct Full(usize);

    impl io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.0 < buf.len() {
                return Err(io::Error::other("disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_stops_the_formatting_and_is_returned() {
        let mut out = Full(100_000);
        let mut stream = Stream::new(&mut out);
        let mut lines = 0;
        let formatted = (0..1_000_000).try_for_each(|i| {
            lines += 1;
            writeln!(stream, "<p>{i}</p>")
        });
        assert!(formatted.is_err());
        assert!(lines < 1_000_000);
        let error = stream.finish(formatted).unwrap_err();
        assert_eq!(error.to_string(), "disk full");
    }
}
