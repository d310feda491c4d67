//! What a cell says: durations, dates, amounts, shares, priorities, statuses, id lists,
//! `id=number` pairs and dependencies, in English and Bulgarian notation. A cell that cannot be
//! read is a problem at its row and column.

use chrono::NaiveDate;

use crate::calendar::{LinkKind, Span};
use crate::import::draft::{Link, Origin, Status};
use crate::import::header::{duration_text, normalise};
use crate::import::table::Cell;

use super::Reader;

impl Reader {
    pub(super) fn duration(&mut self, cell: &Cell, at: Origin) -> Option<Span> {
        let text = match cell {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 => format!("{n}d"),
            other => duration_text(&other.text()),
        };
        match Span::parse(&text) {
            Ok(span) => Some(span),
            Err(err) => {
                self.problem(
                    at,
                    format!("cannot read the duration \"{}\": {err}", cell.text()),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, cell: &Cell, at: Origin) -> Option<NaiveDate> {
        match cell {
            Cell::Date(date) => Some(*date),
            Cell::Number(serial) if (1.0..2_958_466.0).contains(serial) => {
                // An Excel serial day number (days since 1899-12-30).
                NaiveDate::from_ymd_opt(1899, 12, 30)
                    .and_then(|base| base.checked_add_days(chrono::Days::new(*serial as u64)))
            }
            other => {
                let text = other.text();
                let parsed = parse_date(&text);
                if parsed.is_none() {
                    self.problem(
                        at,
                        format!(
                            "cannot read the date \"{text}\": write it as 2024-01-15 or 15.01.2024"
                        ),
                    );
                }
                parsed
            }
        }
    }

    pub(super) fn amount(&mut self, cell: &Cell, at: Origin) -> Option<f64> {
        let value = match cell {
            Cell::Number(n) => Some(*n),
            other => parse_amount(&other.text()),
        };
        match value {
            Some(v) if v >= 0.0 && v.is_finite() => Some(v),
            _ => {
                self.problem(
                    at,
                    format!("cannot read the amount \"{}\": expected a number that is not negative, like 450000 or 450 000,50", cell.text()),
                );
                None
            }
        }
    }

    /// A share: `0.4`, `40%` or `40` (read as a percentage when above 1).
    pub(super) fn share(&mut self, cell: &Cell, at: Origin) -> Option<f64> {
        let text = cell.text();
        let (text, percent) = match text.trim().strip_suffix('%') {
            Some(number) => (number.to_string(), true),
            None => (text, false),
        };
        let value = match cell {
            Cell::Number(n) => Some(*n),
            _ => parse_amount(&text),
        };
        match value {
            Some(v) if (0.0..=100.0).contains(&v) => {
                Some(if percent || v > 1.0 { v / 100.0 } else { v })
            }
            _ => {
                self.problem(
                    at,
                    format!(
                        "cannot read the share \"{}\": expected 0.4, 40% or 40",
                        cell.text()
                    ),
                );
                None
            }
        }
    }

    pub(super) fn priority(&mut self, cell: &Cell, at: Origin) -> Option<u8> {
        let value = match cell {
            Cell::Number(n) => Some(*n),
            other => other.text().trim().parse::<f64>().ok(),
        };
        match value {
            Some(v) if v.fract() == 0.0 && (1.0..=5.0).contains(&v) => Some(v as u8),
            _ => {
                self.problem(
                    at,
                    format!(
                        "priority \"{}\" is not a whole number from 1 to 5",
                        cell.text()
                    ),
                );
                None
            }
        }
    }

    pub(super) fn status(&mut self, text: &str, at: Origin) -> Option<Status> {
        match normalise(text).as_str() {
            "done" | "complete" | "completed" | "finished" | "завършен" | "завършено"
            | "приключен" | "приключил" | "изпълнен" => {
                Some(Status::Done)
            }
            "in progress" | "started" | "ongoing" | "в изпълнение" | "започнат" | "текущ" => {
                Some(Status::InProgress)
            }
            "not started" | "planned" | "не е започнат" | "предстои" | "планиран" => {
                None
            }
            _ => {
                self.problem(
                    at,
                    format!("unknown status \"{text}\": use not-started, in-progress or done"),
                );
                None
            }
        }
    }

    /// `source=amount; other=amount` (also `source: amount`).
    pub(super) fn pairs(&mut self, text: &str, at: Origin) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        for item in text
            .split([';', '\n'])
            .map(str::trim)
            .filter(|i| !i.is_empty())
        {
            let Some((key, value)) = item.split_once(['=', ':']) else {
                self.problem(
                    at.clone(),
                    format!("cannot read \"{item}\": expected id=number, like erdf=300000"),
                );
                continue;
            };
            let Some(value) = parse_amount(value).filter(|v| *v >= 0.0) else {
                self.problem(
                    at.clone(),
                    format!("cannot read the number in \"{item}\": expected id=number"),
                );
                continue;
            };
            let key = key.trim().trim_start_matches('\'').to_string();
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some((_, total)) => *total += value,
                None => out.push((key, value)),
            }
        }
        out
    }

    /// `a; b SS+1 month; c (FF +2w)`.
    pub(super) fn links(&mut self, text: &str, at: Origin, project: &str) -> Vec<Link> {
        let mut links = Vec::new();
        for item in split_links(text) {
            let item = item.replace(['(', ')', ','], " ");
            let item = item.trim();
            let id_end = item
                .find(|c: char| c.is_whitespace() || c == '+' || c == ':')
                .unwrap_or(item.len());
            let (id, rest) = item.split_at(id_end);
            let id = id.trim_start_matches('\'').to_string();
            // "SS+1 month", "SS 1m", ":SS:6m" (as `roadmap plan --format csv` writes links).
            let rest = rest.replace(['+', ':'], " ");
            let mut tokens = rest.split_whitespace().peekable();
            let kind_text = match tokens.peek() {
                Some(t) if t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()) => {
                    tokens.next().unwrap_or_default()
                }
                _ => "",
            };
            let lag_text = tokens.collect::<Vec<_>>().join(" ");
            let lag_text = (!lag_text.is_empty()).then_some(lag_text.as_str());
            let kind = if kind_text.is_empty() {
                LinkKind::FinishToStart
            } else if kind_text.eq_ignore_ascii_case("SF") {
                self.draft.note(
                    at.clone(),
                    format!("project \"{project}\": the start-to-finish (SF) link from \"{id}\" cannot be expressed; left out"),
                );
                continue;
            } else if let Some(kind) = LinkKind::parse(kind_text) {
                kind
            } else {
                self.problem(
                    at.clone(),
                    format!("cannot read the dependency \"{item}\": expected an id, then optionally FS, SS or FF and +lag, like \"cloud SS+1 month\""),
                );
                continue;
            };
            let lag = match lag_text {
                None => Span::ZERO,
                Some(lag) => match Span::parse(&duration_text(lag)) {
                    Ok(span) => span,
                    Err(err) => {
                        self.problem(at.clone(), format!("cannot read the lag \"{lag}\": {err}"));
                        continue;
                    }
                },
            };
            links.push(Link {
                on: id,
                kind,
                lag,
                comment: None,
                at: at.clone(),
            });
        }
        links
    }
}

/// Items of a dependency cell: split on `;`, line breaks, and `,` outside brackets.
pub fn split_links(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ';' | '\n' => items.push(std::mem::take(&mut current)),
            ',' if depth == 0 => items.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    items.push(current);
    items
        .into_iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// Ids separated by `;`, `,` or line breaks.
pub fn ids(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(|s| s.trim().trim_start_matches('\'').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

pub fn actor_kind(text: &str) -> String {
    match normalise(text).as_str() {
        "публичен" | "публична" | "общинa" | "община" | "държавен" => {
            "public"
        }
        "бизнес" | "фирма" | "компания" => "business",
        "стартъп" | "стартираща" => "startup",
        "комунална" | "комунално" | "дружество" => "utility",
        "университет" | "академия" | "наука" => "academia",
        "нпо" | "неправителствена" => "ngo",
        "друг" | "друго" => "other",
        other => return other.replace(' ', "-"),
    }
    .to_string()
}

/// `2024-01-15`, `15.01.2024` (also `15.01.2024 г.`), `15/01/2024`, `2024/01/15`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text
        .trim()
        .trim_end_matches("г.")
        .trim_end_matches('г')
        .trim();
    let text = text.split(['T', ' ']).next().unwrap_or_default();
    ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%Y.%m.%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// `450000`, `450 000`, `450,000.50`, `450.000,50`, `1 500,5 лв.`, `€ 1,200`.
pub fn parse_amount(text: &str) -> Option<f64> {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    // "лв." and "1,200." leave separators at the ends.
    let kept = kept.trim_matches(['.', ',']).to_string();
    if kept.is_empty() || !kept.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (last_dot, last_comma) = (kept.rfind('.'), kept.rfind(','));
    let normalised = match (last_dot, last_comma) {
        // Both: the later one separates the decimals.
        (Some(d), Some(c)) if c > d => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        // Only commas: thousands when every group after one has three digits.
        (None, Some(_)) => {
            let groups: Vec<&str> = kept.split(',').collect();
            if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) && groups.len() > 2
                || (groups.len() == 2
                    && groups[1].len() == 3
                    && !groups[0].is_empty()
                    && groups[0] != "0")
            {
                kept.replace(',', "")
            } else {
                kept.replace(',', ".")
            }
        }
        // Only dots: thousands when there are several with three digits each.
        (Some(_), None) => {
            let groups: Vec<&str> = kept.split('.').collect();
            if groups.len() > 2 && groups[1..].iter().all(|g| g.len() == 3) {
                kept.replace('.', "")
            } else {
                kept
            }
        }
        (None, None) => kept,
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_in_english_and_bulgarian_notation() {
        assert_eq!(parse_amount("450000"), Some(450_000.0));
        assert_eq!(parse_amount("450 000"), Some(450_000.0));
        assert_eq!(parse_amount("450,000.50"), Some(450_000.5));
        assert_eq!(parse_amount("450.000,50"), Some(450_000.5));
        assert_eq!(parse_amount("1 500,5 лв."), Some(1500.5));
        assert_eq!(parse_amount("€ 1,200"), Some(1200.0));
        assert_eq!(parse_amount("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_amount("0,85"), Some(0.85));
        assert_eq!(parse_amount("1.5"), Some(1.5));
        assert_eq!(parse_amount("n/a"), None);
    }

    #[test]
    fn reads_dates_in_common_notations() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("2024-01-15").unwrap(), "2024-01-15");
        assert_eq!(d("15.01.2024").unwrap(), "2024-01-15");
        assert_eq!(d("15.01.2024 г.").unwrap(), "2024-01-15");
        assert_eq!(d("15/01/2024").unwrap(), "2024-01-15");
        assert_eq!(d("2024-01-15 00:00:00").unwrap(), "2024-01-15");
        assert_eq!(d("2024-02-30"), None);
        assert_eq!(d("next spring"), None);
    }

    #[test]
    fn splits_dependencies_with_types_and_lags() {
        assert_eq!(
            split_links("a; b SS+1 month, c (FF, +2w)"),
            ["a", "b SS+1 month", "c (FF, +2w)"]
        );
        let mut reader = Reader::default();
        let links = reader.links(
            "a; b SS+1 month; c (FF, +2w); d+3 дни; e SF; f:SS:6m; g:FS:0d",
            Origin::File,
            "p",
        );
        let got: Vec<(String, LinkKind, Span)> =
            links.into_iter().map(|l| (l.on, l.kind, l.lag)).collect();
        assert_eq!(
            got,
            [
                ("a".into(), LinkKind::FinishToStart, Span::ZERO),
                ("b".into(), LinkKind::StartToStart, Span::Months(1)),
                ("c".into(), LinkKind::FinishToFinish, Span::Days(14)),
                ("d".into(), LinkKind::FinishToStart, Span::Days(3)),
                ("f".into(), LinkKind::StartToStart, Span::Months(6)),
                ("g".into(), LinkKind::FinishToStart, Span::ZERO),
            ]
        );
        assert_eq!(reader.draft.notes.len(), 1, "the SF link is a note");
        assert!(reader.problems.is_empty());
        reader.links("x QQ", Origin::File, "p");
        assert_eq!(reader.problems.len(), 1);
    }
}
