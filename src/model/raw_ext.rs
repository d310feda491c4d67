//! Raw-model extensions for risk and what-if analysis: three-point durations, progress states
//! and `[[scenario]]` tables. Kept apart from `raw.rs` so the core tables stay easy to read.

use crate::calendar::Span;
use crate::model::decode::{Amount, Date, Decode, Decoder, IdMap, Located, Node, table};

/// A project's `duration`: one value, or a three-point estimate.
#[derive(Clone, Debug, schemars::JsonSchema)]
#[schemars(rename = "ProjectDuration")]
#[serde(untagged)]
pub enum RawDuration {
    /// One duration, e.g. "9 months".
    Fixed(Span),
    /// A three-point estimate for `roadmap risk`.
    // Boxed: it is seven times the size of a fixed duration, which most projects have.
    Estimate(Box<RawEstimate>),
}

table! {
    /// A three-point estimate: `roadmap risk` samples a Beta-PERT distribution (or triangular,
    /// uniform) between `optimistic` and `pessimistic` with its mode at `likely`; the
    /// deterministic plan uses `likely`.
    #[schemars(rename = "Estimate")]
    RawEstimate as "a three-point duration" keys EstimateKey {
        /// Required: the shortest it could take.
        #[schemars(required, extend("examples" = ["4 months"]))]
        optimistic: Located<Span>,
        /// Required: the most likely duration (the one the plan uses).
        #[schemars(required, extend("examples" = ["6 months"]))]
        likely: Located<Span>,
        /// Required: the longest it could reasonably take.
        #[schemars(required, extend("examples" = ["12 months"]))]
        pessimistic: Located<Span>,
    }
}

impl Decode for RawDuration {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        if node.get_ref().is_table() {
            RawEstimate::decode(node, decoder).map(|e| RawDuration::Estimate(Box::new(e)))
        } else {
            Span::decode(node, decoder).map(RawDuration::Fixed)
        }
    }
}

table! {
    /// A what-if scenario: overrides applied to the roadmap before it is planned.
    #[schemars(rename = "Scenario")]
    RawScenario as "[[scenario]]" keys ScenarioKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<String>", extend("examples" = ["no-erdf"]))]
        id: Located<String>,
        /// What the scenario supposes.
        #[schemars(extend("examples" = ["ERDF call delayed by a year"]))]
        name: Located<String>,
        /// Funding sources (by id) that do not come at all: their contributions are removed.
        #[schemars(with = "Option<Vec<String>>", extend("examples" = [["erdf"]]))]
        remove_funding: Vec<Located<String>>,
        /// Funding sources cut (or raised) by a factor: `{ erdf = 0.5 }` halves its amount and
        /// every contribution from it.
        #[schemars(extend("examples" = [{ "erdf": 0.5 }]))]
        funding: IdMap<Amount>,
        /// A funding source's window opens later: its new `from` date.
        #[schemars(extend("examples" = [{ "erdf": "2022-01-01" }]))]
        funding_from: IdMap<Date>,
        /// A resource's new capacity from the start: `{ it-staff = 4 }` (its `changes` stay).
        #[schemars(extend("examples" = [{ "it-staff": 4 }]))]
        capacity: IdMap<Amount>,
        /// A resource's new capacity steps, in place of its `changes` (`[]` removes them):
        /// `{ it-staff = [{ from = 2022-01-01, capacity = 8 }] }`.
        #[schemars(extend("examples" = [{ "it-staff": [{ "from": "2022-01-01", "capacity": 8 }] }]))]
        changes: IdMap<Vec<crate::model::raw::RawCapacityStep>>,
        /// Projects whose durations are stretched by a factor: `{ open-data = 1.5 }`.
        #[schemars(extend("examples" = [{ "open-data": 1.5 }]))]
        stretch: IdMap<Amount>,
        /// Projects with a new duration: `{ open-data = "12 months" }` (in place of an
        /// `effort`, too).
        #[schemars(extend("examples" = [{ "open-data": "12 months" }]))]
        duration: IdMap<Span>,
        /// A working calendar in place of the roadmap's `[calendar]` (same keys).
        #[schemars(extend("examples" = [{ "workdays": ["mon", "tue", "wed", "thu"], "holidays": ["BG"] }]))]
        calendar: crate::model::raw::RawCalendar,
        /// Projects with a new effort, from which their duration follows at the units they
        /// hold: `{ e-services = { it-staff = "24 person-months" } }`.
        #[schemars(extend("examples" = [{ "e-services": { "it-staff": "24 person-months" } }]))]
        effort: IdMap<IdMap<crate::calendar::Effort>>,
    }
}

/// The progress states of a project, for the schema: listed from the model's `Status`, so they
/// cannot drift.
pub struct StatusName;

impl schemars::JsonSchema for StatusName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Status".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = crate::model::Status::ALL
            .iter()
            .map(|(name, _)| *name)
            .collect();
        schemars::json_schema!({
            "description": "The progress states of a project (the model's `Status` parses them).",
            "type": "string",
            "enum": names
        })
    }
}
