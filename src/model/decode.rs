//! Turns the parsed TOML tree into the raw model, keeping the position of every value.
//!
//! serde stops at the first wrong field; a roadmap author wants every mistake at once. So the raw
//! model is decoded by hand from toml's spanned tree (`DeValue`): each field decodes on its own,
//! a wrong value becomes a finding and decoding carries on with the rest of the file.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::calendar::{Span, SpanError};
use crate::diag::{Code, Diagnostic, suggest};

/// A value and the byte range it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Range<usize>,
}

impl<T> Located<T> {
    pub fn new(value: T, at: Range<usize>) -> Self {
        Located { value, at }
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Located<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// A TOML value with its position, as toml's parser hands it over.
pub type Node<'a> = Spanned<DeValue<'a>>;

/// Decoding context: collects findings instead of stopping at the first.
#[derive(Default)]
pub struct Decoder {
    pub findings: Vec<Diagnostic>,
}

impl Decoder {
    pub fn invalid(&mut self, at: Range<usize>, message: impl Into<crate::diag::Text>) {
        self.findings
            .push(Diagnostic::error(Code::InvalidValue, message).at(at));
    }

    fn wrong_type(&mut self, node: &Node<'_>, expected: &str) {
        let found = node.get_ref().type_str();
        let expected = match expected {
            "a string" => crate::i18n::text!("expect-string"),
            "a whole number" => crate::i18n::text!("expect-whole-number"),
            "a number" => crate::i18n::text!("expect-number"),
            "a date like 2019-07-01" => crate::i18n::text!("expect-date"),
            "a duration like \"9 months\"" => crate::i18n::text!("expect-duration"),
            "an array" => crate::i18n::text!("expect-array"),
            "a table" => crate::i18n::text!("expect-table"),
            other => crate::diag::Text::plain(other),
        };
        self.invalid(
            node.span(),
            crate::i18n::text!("e-wrong-type", expected = expected, found = found),
        );
    }
}

/// Why a duration does not parse, in the catalogues' words.
fn span_error(err: &SpanError) -> crate::diag::Text {
    match err {
        SpanError::Negative => crate::i18n::text!("e-span-negative"),
        SpanError::Malformed => crate::i18n::text!("e-span-malformed"),
        SpanError::UnknownUnit(unit) => crate::i18n::text!("e-span-unit", unit = unit),
        SpanError::Fraction => crate::i18n::text!("e-span-fraction"),
        SpanError::TooLong => crate::i18n::text!(
            "e-span-too-long",
            days = Span::MAX_DAYS.to_string(),
            months = Span::MAX_MONTHS.to_string()
        ),
    }
}

/// Something the raw model can be decoded into.
pub trait Decode: Sized {
    /// Decodes `node`, or records why it can't and returns `None`.
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self>;
}

impl<T: Decode> Decode for Located<T> {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        T::decode(node, decoder).map(|value| Located::new(value, node.span()))
    }
}

impl Decode for String {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        match node.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                decoder.wrong_type(node, "a string");
                None
            }
        }
    }
}

/// Whole numbers that must not be negative (priorities).
impl Decode for u8 {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        match node.get_ref() {
            DeValue::Integer(i) => {
                let parsed = i64::from_str_radix(i.as_str(), i.radix()).ok();
                match parsed.and_then(|n| u8::try_from(n).ok()) {
                    Some(n) => Some(n),
                    None => {
                        decoder.invalid(
                            node.span(),
                            crate::i18n::text!("e-out-of-range", value = i.to_string()),
                        );
                        None
                    }
                }
            }
            _ => {
                decoder.wrong_type(node, "a whole number");
                None
            }
        }
    }
}

/// A non-negative quantity: money, units of a resource. Integers and floats are both accepted.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Amount(pub f64);

impl Amount {
    /// Largest amount accepted: money and capacities beyond this are typing mistakes, and
    /// keeping sums far from f64's integer precision limit (2^53) keeps them exact.
    pub const MAX: f64 = 1e15;
}

impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, 0 or more: an integer or a float (`1_500_000`, `2.5`).",
            "type": "number",
            "minimum": 0,
            "maximum": Amount::MAX,
        })
    }
}

/// A number written as text, as people write it (`"3 000 000"`, `"1,500,000.50"`,
/// `"2.5"`): the TOML way to write it (`3_000_000`, `1_500_000.50`, `2.5`); `None` for other
/// text. Spaces (also no-break) and commas group digits; a dot is the decimal point.
fn number_in_quotes(text: &str) -> Option<String> {
    let (whole, fraction) = match text.trim().split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.trim(), None),
    };
    let groups: Vec<&str> = whole
        .split([' ', ',', '_', '\u{a0}', '\u{202f}'])
        .filter(|g| !g.is_empty())
        .collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if groups.is_empty() || !groups.iter().all(|g| digits(g)) || !fraction.is_none_or(digits) {
        return None;
    }
    let whole: String = groups.concat();
    // Group by thousands from the right, as TOML allows `_` between digits.
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('_');
        }
        grouped.push(digit);
    }
    Some(match fraction {
        Some(fraction) => format!("{grouped}.{fraction}"),
        None => grouped,
    })
}

impl Decode for Amount {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        let number = match node.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            DeValue::String(text) => {
                decoder.wrong_type(node, "a number");
                if let Some(written) = number_in_quotes(text) {
                    let finding = decoder.findings.pop().expect("just reported");
                    decoder.findings.push(
                        finding
                            .with_help(crate::i18n::text!("e-number-in-quotes", written = written)),
                    );
                }
                return None;
            }
            _ => {
                decoder.wrong_type(node, "a number");
                return None;
            }
        };
        match number {
            Some(n) if n.is_nan() => decoder.invalid(node.span(), crate::i18n::text!("e-nan")),
            Some(n) if n < 0.0 => decoder.invalid(node.span(), crate::i18n::text!("e-negative")),
            Some(n) if n <= Amount::MAX => return Some(Amount(n)),
            _ => decoder.invalid(
                node.span(),
                crate::i18n::text!("e-too-large-number", max = format!("{:e}", Amount::MAX)),
            ),
        }
        None
    }
}

/// A calendar day: a TOML local date (`2019-07-01`) or a string `"2019-07-01"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Plans end before the year 10000, so every date prints as `YYYY-MM-DD`.
    pub const LAST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
        Some(d) => d,
        None => panic!("9999-12-31 is a valid date"),
    };
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar day: a TOML local date (2019-07-01) or a string \"2019-07-01\".",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

impl Decode for Date {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        let parsed = match node.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| crate::i18n::text!("e-no-such-day", day = d.to_string()))
                }
                (None, Some(_), _) => {
                    Err(crate::i18n::text!("e-time-of-day", found = dt.to_string()))
                }
                _ => Err(crate::i18n::text!(
                    "e-date-and-time",
                    found = dt.to_string()
                )),
            },
            DeValue::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|_| s.len() == 10)
                .ok_or_else(|| crate::i18n::text!("e-not-a-date", value = s.to_string())),
            _ => {
                decoder.wrong_type(node, "a date like 2019-07-01");
                return None;
            }
        };
        match parsed {
            Ok(date) if date <= Date::LAST => Some(Date(date)),
            Ok(_) => {
                decoder.invalid(node.span(), crate::i18n::text!("e-date-too-late"));
                None
            }
            Err(message) => {
                decoder.invalid(node.span(), message);
                None
            }
        }
    }
}

impl schemars::JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A whole number and a unit: d/day(s), wd/working day(s) (on the `[calendar]`), w/week(s), m/month(s) (calendar), q/quarter(s), y/year(s). \"0d\" makes a milestone.",
            // Units in any case, as `Span::parse` reads them.
            "pattern": "^\\s*[0-9]+\\s*([dD]([aA][yY][sS]?)?|[wW][dD]|[wW][oO][rR][kK][iI][nN][gG] [dD][aA][yY][sS]?|[wW]([eE][eE][kK][sS]?)?|[mM]([oO][nN][tT][hH][sS]?)?|[qQ]([uU][aA][rR][tT][eE][rR][sS]?)?|[yY]([eE][aA][rR][sS]?)?)\\s*$",
            "examples": ["9 months", "2w", "0d", "1 year"]
        })
    }
}

impl schemars::JsonSchema for crate::calendar::Effort {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Effort".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A number and a unit: person-days (pd; counted in working days of the `[calendar]`) or person-months (pm; calendar months).",
            "pattern": "^\\s*[0-9_]+(\\.[0-9]+)?\\s*([pP][dDmM]|[pP][eE][rR][sS][oO][nN][- ]([dD][aA][yY][sS]?|[mM][oO][nN][tT][hH][sS]?))\\s*$",
            "examples": ["18 person-months", "120 person-days"]
        })
    }
}

impl Decode for crate::calendar::Effort {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        match node.get_ref() {
            DeValue::String(s) => match crate::calendar::Effort::parse(s) {
                Ok(effort) => Some(effort),
                Err(err) => {
                    decoder.invalid(node.span(), format!("\"{s}\": {err}"));
                    None
                }
            },
            DeValue::Integer(_) | DeValue::Float(_) => {
                decoder.invalid(
                    node.span(),
                    "an effort needs a unit: write it as a string like \"18 person-months\" or \"120 person-days\"",
                );
                None
            }
            _ => {
                decoder.wrong_type(node, "an effort like \"18 person-months\"");
                None
            }
        }
    }
}

impl Decode for Span {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        match node.get_ref() {
            DeValue::String(s) => match Span::parse(s) {
                Ok(span) => Some(span),
                Err(err) => {
                    decoder.invalid(
                        node.span(),
                        crate::i18n::text!(
                            "e-quoted",
                            value = s.to_string(),
                            error = span_error(&err)
                        ),
                    );
                    None
                }
            },
            DeValue::Integer(_) | DeValue::Float(_) => {
                let err = if node.get_ref().as_str().is_none() && is_negative(node) {
                    span_error(&SpanError::Negative)
                } else {
                    crate::i18n::text!("e-duration-needs-unit")
                };
                decoder.invalid(node.span(), err);
                None
            }
            _ => {
                decoder.wrong_type(node, "a duration like \"9 months\"");
                None
            }
        }
    }
}

fn is_negative(node: &Node<'_>) -> bool {
    match node.get_ref() {
        DeValue::Integer(i) => i.as_str().starts_with('-'),
        DeValue::Float(f) => f.as_str().starts_with('-'),
        _ => false,
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        match node.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                out.extend(items.iter().filter_map(|item| T::decode(item, decoder)));
                Some(out)
            }
            _ => {
                decoder.wrong_type(node, "an array");
                None
            }
        }
    }
}

/// Like `Vec::<T>::decode`, but each element's tree is freed once it is decoded, so a large
/// array is never held twice (as a tree and as values) at once.
pub fn decode_array_freeing<T: Decode>(node: Node<'_>, decoder: &mut Decoder) -> Option<Vec<T>> {
    if !matches!(node.get_ref(), DeValue::Array(_)) {
        decoder.wrong_type(&node, "an array");
        return None;
    }
    let DeValue::Array(items) = node.into_inner() else {
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.extend(T::decode(&item, decoder));
    }
    Some(out)
}

/// A table keyed by ids (`resources = { it-staff = 1.5 }`), in file order of its keys' positions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdMap<T>(
    pub Vec<(Located<String>, Located<T>)>,
    /// Keys whose value was wrong (already reported): later checks must not count them missing.
    pub Vec<Located<String>>,
);

impl<T: schemars::JsonSchema> schemars::JsonSchema for IdMap<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("{}ById", T::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = BTreeMap::<String, T>::json_schema(generator);
        schema.insert(
            "propertyNames".into(),
            serde_json::json!({ "pattern": crate::model::raw::ID_PATTERN }),
        );
        schema
    }
}

/// A large value that is usually absent, boxed so the table holding it stays small.
impl<T: Decode> Decode for Box<T> {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        T::decode(node, decoder).map(Box::new)
    }
}

impl<T: Decode> Decode for IdMap<T> {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        let table = expect_table(node, decoder)?;
        let mut rejected = Vec::new();
        let mut entries: Vec<_> = table
            .iter()
            .filter_map(|(key, value)| {
                let key = Located::new(key.get_ref().to_string(), key.span());
                match Located::<T>::decode(value, decoder) {
                    Some(value) => Some((key, value)),
                    None => {
                        rejected.push(key);
                        None
                    }
                }
            })
            .collect();
        entries.sort_by_key(|(key, _)| key.at.start);
        Some(IdMap(entries, rejected))
    }
}

pub fn expect_table<'n, 'a>(node: &'n Node<'a>, decoder: &mut Decoder) -> Option<&'n DeTable<'a>> {
    match node.get_ref() {
        DeValue::Table(table) => Some(table),
        _ => {
            decoder.wrong_type(node, "a table");
            None
        }
    }
}

/// Reports a key that no field of the table has, suggesting the closest known one.
pub fn unknown_key(
    decoder: &mut Decoder,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    table: &str,
    known: &[&str],
) {
    let mut finding = Diagnostic::error(
        Code::UnknownKey,
        crate::i18n::text!("e-unknown-key", key = key.get_ref().as_ref(), table = table),
    )
    .at(key.span());
    finding = match suggest(key.get_ref(), known.iter().copied()) {
        Some(best) => finding.with_help(crate::i18n::text!("help-did-you-mean", name = best)),
        None => finding.with_help(crate::i18n::text!(
            "help-expected-one-of",
            names = known.join(", ")
        )),
    };
    decoder.findings.push(finding);
}

/// A raw-model table, as the validation sees it: where it is, what it is called in messages,
/// and which of its keys were written with a value already reported as invalid.
pub trait Table {
    /// The keys the table declares, one value each, so a lookup cannot misspell one.
    type Key: Copy + Eq + std::fmt::Debug + 'static;
    /// How messages name the table, e.g. `[[project]]`.
    const LABEL: &'static str;
    fn at(&self) -> &std::ops::Range<usize>;
    fn rejected(&self) -> &[Self::Key];
    /// The key as written in TOML.
    fn key_name(key: Self::Key) -> &'static str;

    /// Whether `key` was written but its value rejected (and reported).
    fn is_rejected(&self, key: Self::Key) -> bool {
        self.rejected().contains(&key)
    }
}

/// Declares a raw-model table: the struct (with its schema), the enum of its keys and its
/// decoder, from one field list.
///
/// Every field is optional at this stage; required keys are checked during validation, so one
/// missing key does not hide the other findings of the table.
macro_rules! table {
    (
        $(#[$meta:meta])*
        $name:ident as $label:literal keys $keys:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident $(as $key:literal)? : $ty:ty
            ),* $(,)?
        }
    ) => {
        // The derive comes first so `$meta` may hold `#[schemars(...)]` attributes.
        #[derive(Clone, Debug, Default, schemars::JsonSchema)]
        $(#[$meta])*
        #[schemars(deny_unknown_fields)]
        pub struct $name {
            /// Where the table starts (its header, or its opening brace).
            #[schemars(skip)]
            pub at: std::ops::Range<usize>,
            /// Keys that were written but whose value was rejected (already reported), so they
            /// are not reported again as missing.
            #[schemars(skip)]
            pub rejected: Vec<$keys>,
            $(
                $(#[$field_meta])*
                $(#[schemars(rename = $key)])?
                pub $field: Option<$ty>,
            )*
        }

        #[doc = concat!("The keys of ", $label, ", named like the fields of [`", stringify!($name), "`].")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(non_camel_case_types)]
        pub enum $keys { $($field),* }

        impl $keys {
            pub const ALL: &'static [$keys] = &[$($keys::$field),*];

            /// The key as written in TOML.
            pub fn name(self) -> &'static str {
                match self { $($keys::$field => table!(@key $field $($key)?)),* }
            }
        }

        impl $name {
            /// The keys this table accepts, as written in TOML.
            pub const KEYS: &'static [&'static str] = &[$(table!(@key $field $($key)?)),*];
        }

        impl $crate::model::decode::Table for $name {
            type Key = $keys;
            const LABEL: &'static str = $label;
            fn at(&self) -> &std::ops::Range<usize> {
                &self.at
            }
            fn rejected(&self) -> &[$keys] {
                &self.rejected
            }
            fn key_name(key: $keys) -> &'static str {
                key.name()
            }
        }

        impl $crate::model::decode::Decode for $name {
            fn decode(
                node: &$crate::model::decode::Node<'_>,
                decoder: &mut $crate::model::decode::Decoder,
            ) -> Option<Self> {
                let table = $crate::model::decode::expect_table(node, decoder)?;
                let mut out = $name { at: node.span(), ..Default::default() };
                for (key, value) in table.iter() {
                    match key.get_ref().as_ref() {
                        $(table!(@key $field $($key)?) => {
                            out.$field = <$ty as $crate::model::decode::Decode>::decode(value, decoder);
                            if out.$field.is_none() {
                                out.rejected.push($keys::$field);
                            }
                        })*
                        _ => $crate::model::decode::unknown_key(decoder, key, $label, Self::KEYS),
                    }
                }
                Some(out)
            }
        }
    };
    (@key $field:ident $key:literal) => { $key };
    (@key $field:ident) => { stringify!($field) };
}
pub(crate) use table;

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_value<T: Decode>(text: &str) -> (Option<T>, Vec<Diagnostic>) {
        let doc = format!("v = {text}");
        let table = DeTable::parse(&doc).unwrap();
        let node = table.get_ref().get("v").unwrap();
        let mut decoder = Decoder::default();
        let value = T::decode(node, &mut decoder);
        (value, decoder.findings)
    }

    #[test]
    fn a_rejected_value_is_recorded_by_its_key() {
        use crate::model::raw::{RawResource, ResourceKey};
        let doc = "v = { id = \"r\", capacity = \"lots\", unit = 3 }";
        let table = DeTable::parse(doc).unwrap();
        let mut decoder = Decoder::default();
        let resource =
            RawResource::decode(table.get_ref().get("v").unwrap(), &mut decoder).unwrap();
        assert_eq!(
            resource.rejected,
            vec![ResourceKey::capacity, ResourceKey::unit]
        );
        assert!(resource.is_rejected(ResourceKey::capacity));
        assert!(!resource.is_rejected(ResourceKey::id));
        // The enum names exactly the keys the table accepts.
        let names: Vec<_> = ResourceKey::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names, RawResource::KEYS);
    }

    #[test]
    fn dates_from_toml_dates_and_strings() {
        let (d, _) = decode_value::<Date>("2019-07-01");
        assert_eq!(d.unwrap().0, NaiveDate::from_ymd_opt(2019, 7, 1).unwrap());
        let (d, _) = decode_value::<Date>("\"2020-02-29\"");
        assert_eq!(d.unwrap().0, NaiveDate::from_ymd_opt(2020, 2, 29).unwrap());
    }

    #[test]
    fn impossible_dates_are_findings() {
        for text in [
            "\"2019-02-30\"",
            "\"2019-2-3\"",
            "2019-07-01T10:00:00",
            "12",
        ] {
            let (d, findings) = decode_value::<Date>(text);
            assert!(d.is_none(), "{text}");
            assert_eq!(findings.len(), 1, "{text}");
            assert_eq!(findings[0].code, Code::InvalidValue);
        }
    }

    #[test]
    fn amounts_reject_negative_huge_and_non_numbers() {
        assert_eq!(
            decode_value::<Amount>("1_500_000").0,
            Some(Amount(1_500_000.0))
        );
        assert_eq!(decode_value::<Amount>("2.5").0, Some(Amount(2.5)));
        for text in ["-1", "1e400", "99999999999999999999999", "\"12\"", "nan"] {
            let (a, findings) = decode_value::<Amount>(text);
            assert!(a.is_none(), "{text}");
            assert_eq!(findings.len(), 1, "{text}");
        }
    }

    #[test]
    fn durations_must_be_strings_with_units() {
        assert_eq!(
            decode_value::<Span>("\"6 months\"").0,
            Some(Span::Months(6))
        );
        let (_, findings) = decode_value::<Span>("5");
        assert!(findings[0].message.contains("needs a unit"));
        let (_, findings) = decode_value::<Span>("-3");
        assert!(findings[0].message.contains("negative"));
        let (_, findings) = decode_value::<Span>("\"-3d\"");
        assert!(findings[0].message.contains("negative"));
    }

    #[test]
    fn id_maps_keep_key_positions() {
        let (map, findings) = decode_value::<IdMap<Amount>>("{ b = 1, a = 2 }");
        assert!(findings.is_empty());
        let map = map.unwrap();
        assert_eq!(map.0[0].0.value, "b");
        assert_eq!(map.0[1].0.value, "a");
        assert_eq!(&"v = { b = 1, a = 2 }"[map.0[0].0.at.clone()], "b");
    }
}

#[cfg(test)]
mod number_hints {
    use super::number_in_quotes;

    #[test]
    fn numbers_in_quotes_get_the_toml_spelling() {
        assert_eq!(number_in_quotes("3 000 000").as_deref(), Some("3_000_000"));
        assert_eq!(
            number_in_quotes("1,500,000.50").as_deref(),
            Some("1_500_000.50")
        );
        assert_eq!(number_in_quotes("450").as_deref(), Some("450"));
        assert_eq!(number_in_quotes("12\u{a0}000").as_deref(), Some("12_000"));
        assert_eq!(number_in_quotes("three million"), None);
        assert_eq!(number_in_quotes("3 000 EUR"), None);
        assert_eq!(number_in_quotes(""), None);
    }
}
