//! How numbers and amounts read in messages and reports.

/// Text from an input file, safe to print on a terminal: control characters (escape sequences,
/// line breaks) become spaces.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// `1234567.5` → `1,234,568`: money and amounts, rounded to whole units.
pub fn amount(value: f64) -> String {
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `150000`, `0.3`: an amount as a plain machine-readable number, without a `.0` on whole ones.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// `1.5`, `2`, `0.25`: resource units without trailing zeros.
pub fn units(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_have_thousands_separators() {
        assert_eq!(amount(0.0), "0");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(1000.0), "1,000");
        assert_eq!(amount(12_000_000.0), "12,000,000");
        assert_eq!(amount(-1_234_567.4), "-1,234,567");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(150_000.0), "150000");
        assert_eq!(number(0.3), "0.3");
    }

    #[test]
    fn units_drop_trailing_zeros() {
        assert_eq!(units(1.5), "1.5");
        assert_eq!(units(2.0), "2");
        assert_eq!(units(0.25), "0.25");
    }
}
