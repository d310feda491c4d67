//! Raw-model tables that give the roadmap the strategy's structure: `[[programme]]` (nested
//! groups of projects) and `[[indicator]]` (KPIs of objectives, with a baseline and targets).
//! Kept apart from `raw.rs` so the core tables stay easy to read.

use crate::model::decode::{Decode, Decoder, Located, Node, table};
use crate::model::raw::Id;
use toml::de::DeValue;

table! {
    /// A programme (pillar, measure, work package) that groups projects and sub-programmes.
    /// Its dates, cost, funding and criticality are rolled up from what it contains.
    #[schemars(rename = "Programme")]
    RawProgramme as "[[programme]]" keys ProgrammeKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["e-government"]))]
        id: Located<String>,
        /// The programme's name.
        #[schemars(extend("examples" = ["E-government and administrative services"]))]
        name: Located<String>,
        /// Id of the programme it belongs to (programmes nest).
        #[schemars(with = "Option<Id>", extend("examples" = ["digital-city"]))]
        parent: Located<String>,
        /// Id of the actor that leads it.
        #[schemars(with = "Option<Id>", extend("examples" = ["sofia-municipality"]))]
        lead: Located<String>,
        /// What it is about, for reports.
        #[schemars(extend("examples" = ["Services citizens and businesses use online."]))]
        description: Located<String>,
    }
}

table! {
    /// An indicator (KPI) of an objective: a baseline, targets by year, and the projects that
    /// move it (their `contributes`).
    #[schemars(rename = "Indicator")]
    RawIndicator as "[[indicator]]" keys IndicatorKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["online-services"]))]
        id: Located<String>,
        /// What it measures.
        #[schemars(extend("examples" = ["Municipal services available fully online"]))]
        name: Located<String>,
        /// Required: id of the objective it measures.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["local-ict-solutions"]))]
        objective: Located<String>,
        /// Label of the unit, e.g. "%".
        #[schemars(extend("examples" = ["%", "services"]))]
        unit: Located<String>,
        /// Required: the value measured in a year before the plan's projects move it.
        #[schemars(required, extend("examples" = [{ "year": 2019, "value": 12 }]))]
        baseline: RawPoint,
        /// The values to reach, each by the end of its year (a target below the baseline is
        /// reached by going down).
        #[schemars(extend("examples" = [[{ "year": 2023, "value": 40 }, { "year": 2025, "value": 70 }]]))]
        targets: Vec<RawPoint>,
        /// What it measures and where the figures come from, for reports.
        #[schemars(extend("examples" = ["Share of the municipality's ~200 services."]))]
        description: Located<String>,
    }
}

table! {
    /// A value in a year: an indicator's baseline or one of its targets.
    #[schemars(rename = "YearValue")]
    RawPoint as "a year and value" keys PointKey {
        /// Required: the year (e.g. 2023); a target is due by the end of it.
        #[schemars(required, extend("examples" = [2023]))]
        year: Located<Year>,
        /// Required: the indicator's value (may be negative or fractional).
        #[schemars(required, extend("examples" = [40, 12.5]))]
        value: Located<Number>,
    }
}

/// A calendar year, 1 ..= 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Year(pub i32);

impl schemars::JsonSchema for Year {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Year".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar year, e.g. 2023.",
            "type": "integer",
            "minimum": 1,
            "maximum": 9999,
        })
    }
}

impl Decode for Year {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        match node.get_ref() {
            DeValue::Integer(i) => {
                match i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .filter(|y| (1..=9999).contains(y))
                {
                    Some(year) => i32::try_from(year).ok().map(Year),
                    None => {
                        decoder.invalid(
                            node.span(),
                            crate::i18n::text!("e-not-a-year", value = i.to_string()),
                        );
                        None
                    }
                }
            }
            other => {
                decoder.invalid(
                    node.span(),
                    crate::i18n::text!("e-expected-year", found = other.type_str()),
                );
                None
            }
        }
    }
}

/// A number that may be negative: an indicator's value or a project's contribution to it.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Number(pub f64);

impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, integer or float, possibly negative (`25`, `-3.5`).",
            "type": "number",
            "minimum": -crate::model::decode::Amount::MAX,
            "maximum": crate::model::decode::Amount::MAX,
        })
    }
}

impl Decode for Number {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        let number = match node.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            other => {
                decoder.invalid(
                    node.span(),
                    crate::i18n::text!(
                        "e-wrong-type",
                        expected = crate::i18n::text!("expect-number"),
                        found = other.type_str()
                    ),
                );
                return None;
            }
        };
        match number {
            Some(n) if n.is_finite() && n.abs() <= crate::model::decode::Amount::MAX => {
                Some(Number(n))
            }
            _ => {
                decoder.invalid(
                    node.span(),
                    crate::i18n::text!(
                        "e-finite-number",
                        max = format!("{:e}", crate::model::decode::Amount::MAX)
                    ),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    fn decode_value<T: Decode>(text: &str) -> (Option<T>, usize) {
        let doc = format!("v = {text}");
        let table = DeTable::parse(&doc).unwrap();
        let node = table.get_ref().get("v").unwrap();
        let mut decoder = Decoder::default();
        let value = T::decode(node, &mut decoder);
        (value, decoder.findings.len())
    }

    #[test]
    fn numbers_may_be_negative_but_not_text() {
        assert_eq!(decode_value::<Number>("-3.5"), (Some(Number(-3.5)), 0));
        assert_eq!(decode_value::<Number>("25"), (Some(Number(25.0)), 0));
        for bad in ["\"25\"", "nan", "inf", "1e400", "true"] {
            assert_eq!(decode_value::<Number>(bad), (None, 1), "{bad}");
        }
    }

    #[test]
    fn years_are_whole_numbers_in_range() {
        assert_eq!(decode_value::<Year>("2023"), (Some(Year(2023)), 0));
        for bad in ["0", "10000", "2023.5", "\"2023\""] {
            assert_eq!(decode_value::<Year>(bad), (None, 1), "{bad}");
        }
    }
}
