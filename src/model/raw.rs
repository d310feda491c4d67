//! The roadmap file as written: every table and key of `roadmap.toml`, with positions.
//!
//! These types mirror the TOML one to one. They are decoded by `decode.rs`, checked and resolved
//! into the model by `validate`, and their doc comments become the JSON Schema's descriptions.

use crate::calendar::Span;
use crate::model::decode::{Amount, Date, Decode, Decoder, IdMap, Located, Node, table};
pub use crate::model::raw_ext::{
    EstimateKey, RawDuration, RawEstimate, RawScenario, ScenarioKey, StatusName,
};
use crate::model::raw_strategy::Number;
pub use crate::model::raw_strategy::{
    IndicatorKey, PointKey, ProgrammeKey, RawIndicator, RawPoint, RawProgramme,
};

table! {
    /// A roadmap file: one `[roadmap]` table and arrays of objectives, actors, resources,
    /// funding sources and projects.
    #[schemars(title = "roadmap.toml")]
    RawFile as "the file" keys FileKey {
        /// Where editors find this file's JSON Schema (optional; a `#:schema` comment works too).
        #[schemars(extend("examples" = ["./roadmap.schema.json"]))]
        schema as "$schema": Located<String>,
        /// The roadmap itself: its name and the first day of the plan.
        #[schemars(required)]
        #[schemars(extend("examples" = [{ "name": "Sofia Digital Transformation Roadmap", "start": "2019-01-01", "currency": "EUR" }]))]
        roadmap: RawRoadmap,
        /// The strategy's objectives, that projects serve.
        #[schemars(extend("examples" = [[{ "id": "it-solutions", "name": "Offer IT solutions for the digital transformation of the city" }]]))]
        objective: Vec<RawObjective>,
        /// Who leads or takes part in projects.
        #[schemars(extend("examples" = [[{ "id": "sofia-municipality", "name": "Sofia Municipality", "kind": "public" }]]))]
        actor: Vec<RawActor>,
        /// Renewable resources: `capacity` units are available every day.
        #[schemars(extend("examples" = [[{ "id": "it-staff", "name": "Municipal IT staff", "capacity": 6.5, "unit": "FTE" }]]))]
        resource: Vec<RawResource>,
        /// Funding sources or opportunities that pay for projects.
        #[schemars(extend("examples" = [[{ "id": "erdf", "name": "ERDF 2021-2027", "amount": 12000000, "from": "2021-01-01", "until": "2027-12-31" }]]))]
        funding: Vec<RawFunding>,
        /// The priority projects of the roadmap.
        #[schemars(extend("examples" = [[{ "id": "open-data", "name": "Open data portal", "duration": "9 months", "lead": "sofia-municipality" }]]))]
        project: Vec<RawProject>,
        /// What-if scenarios: overrides of funding, capacities and durations (`roadmap plan
        /// --scenario ID`, `roadmap compare`).
        #[schemars(extend("examples" = [[{ "id": "no-erdf", "name": "ERDF call delayed", "remove_funding": ["erdf"] }]]))]
        scenario: Vec<RawScenario>,
        /// Criteria that projects are scored on (0-5 each, in `scores`); their weighted sum
        /// ranks the projects (`roadmap rank`) and sets the priority of those without one.
        #[schemars(extend("examples" = [[{ "id": "strategic-fit", "name": "Strategic fit", "weight": 0.4 }]]))]
        criterion: Vec<RawCriterion>,
        /// Programmes (pillars, measures) that group projects and nest through `parent`.
        #[schemars(extend("examples" = [[{ "id": "e-government", "name": "E-government", "parent": "digital-city" }]]))]
        programme: Vec<RawProgramme>,
        /// Indicators (KPIs) of the objectives, with a baseline and targets by year.
        #[schemars(extend("examples" = [[{ "id": "online-services", "objective": "it-solutions", "unit": "%", "baseline": { "year": 2019, "value": 12 }, "targets": [{ "year": 2023, "value": 40 }] }]]))]
        indicator: Vec<RawIndicator>,
        /// The working calendar: working weekdays, holidays and worked exceptions (optional;
        /// without it every day is a working day).
        #[schemars(extend("examples" = [{ "workdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["BG", "2025-12-31"] }]))]
        calendar: RawCalendar,
    }
}

table! {
    /// Working weekdays, holidays and days worked although the rules say not.
    #[schemars(rename = "Calendar")]
    RawCalendar as "[calendar]" keys CalendarKey {
        /// The working weekdays: "mon" .. "sun" (default: every day).
        #[schemars(extend("examples" = [["mon", "tue", "wed", "thu", "fri"]]))]
        workdays: Vec<Located<String>>,
        /// Days off: "BG" (Bulgaria's public holidays), a date, or
        /// `{ from, until, name }` (both days included).
        #[schemars(extend("examples" = [["BG", "2025-12-31", { "from": "2024-08-05", "until": "2024-08-16", "name": "Summer closure" }]]))]
        holidays: Vec<RawHoliday>,
        /// Days worked although the weekdays or holidays say not.
        #[schemars(extend("examples" = [["2024-05-18"]]))]
        working: Vec<Located<Date>>,
        /// An iCalendar file (relative to the roadmap file) whose events are days off.
        #[schemars(extend("examples" = ["holidays.ics"]))]
        holidays_file: Located<String>,
    }
}

/// One item of `holidays`.
#[derive(Clone, Debug, schemars::JsonSchema)]
#[schemars(rename = "Holiday")]
#[serde(untagged)]
pub enum RawHoliday {
    /// A built-in set: "BG".
    Set(Located<String>),
    /// One day off.
    Day(Located<Date>),
    /// A range of days off.
    Range(RawHolidayRange),
}

table! {
    /// A range of days off, both ends included.
    #[schemars(rename = "HolidayRange")]
    RawHolidayRange as "a holiday range" keys HolidayRangeKey {
        /// Required: the first day off.
        #[schemars(required, extend("examples" = ["2024-08-05"]))]
        from: Located<Date>,
        /// Required: the last day off.
        #[schemars(required, extend("examples" = ["2024-08-16"]))]
        until: Located<Date>,
        /// What it is, for `roadmap calendar`.
        #[schemars(extend("examples" = ["Summer closure"]))]
        name: Located<String>,
    }
}

impl Decode for RawHoliday {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        let value = node.get_ref();
        if value.is_table() {
            RawHolidayRange::decode(node, decoder).map(RawHoliday::Range)
        } else if value.is_str() {
            Located::decode(node, decoder).map(RawHoliday::Set)
        } else if value.is_datetime() {
            Located::decode(node, decoder).map(RawHoliday::Day)
        } else {
            decoder.invalid(
                node.span(),
                crate::i18n::text!("e-holiday-shape", found = value.type_str()),
            );
            None
        }
    }
}

table! {
    /// A criterion that projects are scored on.
    #[schemars(rename = "Criterion")]
    RawCriterion as "[[criterion]]" keys CriterionKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["strategic-fit"]))]
        id: Located<String>,
        /// The criterion's name.
        #[schemars(extend("examples" = ["Strategic fit"]))]
        name: Located<String>,
        /// How much it counts (default 1): weights are relative, a criterion counts
        /// `weight / sum of weights` of the weighted score.
        #[schemars(extend("examples" = [0.4, 2]))]
        weight: Located<Amount>,
    }
}

table! {
    /// The roadmap's name and the first day of the plan.
    #[schemars(rename = "Roadmap")]
    RawRoadmap as "[roadmap]" keys RoadmapKey {
        /// The roadmap's title, shown on reports.
        #[schemars(extend("examples" = ["Sofia Digital Transformation Roadmap"]))]
        name: Located<String>,
        /// Required: the first day of the plan (a TOML local date, e.g. 2019-01-01).
        #[schemars(required, extend("examples" = ["2019-01-01"]))]
        start: Located<Date>,
        /// Currency of every cost and amount (default "EUR").
        #[schemars(extend("examples" = ["EUR", "BGN"]))]
        currency: Located<String>,
        /// Language of the reports written for people: "en" (default) or "bg"; `--lang`
        /// overrides it.
        #[schemars(extend("examples" = ["en", "bg"]))]
        language: Located<String>,
    }
}

table! {
    /// An objective of the strategy.
    #[schemars(rename = "Objective")]
    RawObjective as "[[objective]]" keys ObjectiveKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["it-solutions"]))]
        id: Located<String>,
        /// What the objective says.
        #[schemars(extend("examples" = ["Offer IT solutions for the digital transformation of the city"]))]
        name: Located<String>,
        /// What it is about, for reports (HTML, XLSX, MSPDI notes, ICS, JSON).
        #[schemars(extend("examples" = ["Local ICT firms supply the city's own digital transformation."]))]
        description: Located<String>,
    }
}

table! {
    /// An actor: an organisation that leads or takes part in projects.
    #[schemars(rename = "Actor")]
    RawActor as "[[actor]]" keys ActorKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["sofia-municipality"]))]
        id: Located<String>,
        /// The actor's name.
        #[schemars(extend("examples" = ["Sofia Municipality"]))]
        name: Located<String>,
        /// What kind of organisation it is (default "other").
        #[schemars(with = "Option<ActorKindName>", extend("examples" = ["public", "academia"]))]
        kind: Located<String>,
        /// What it is about, for reports (HTML, XLSX, MSPDI notes, ICS, JSON).
        #[schemars(extend("examples" = ["Owner of the strategy and main beneficiary of grants."]))]
        description: Located<String>,
    }
}

table! {
    /// A renewable resource: `capacity` units are available on every day.
    #[schemars(rename = "Resource")]
    RawResource as "[[resource]]" keys ResourceKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["it-staff"]))]
        id: Located<String>,
        /// The resource's name.
        #[schemars(extend("examples" = ["Municipal IT staff"]))]
        name: Located<String>,
        /// Required: units available every day (may be fractional, e.g. 6.5 FTE), from the
        /// roadmap start until the first of `changes`.
        #[schemars(required, extend("examples" = [6.5, 12]))]
        capacity: Located<Amount>,
        /// Changes of the capacity over time (hiring, a team moving away), in date order after
        /// the roadmap start: each `{ from, capacity }` applies from its day on.
        #[schemars(extend("examples" = [[{ "from": "2021-01-01", "capacity": 8 }, { "from": "2024-07-01", "capacity": 5 }]]))]
        changes: Vec<RawCapacityStep>,
        /// Label of the unit, e.g. "FTE".
        #[schemars(extend("examples" = ["FTE"]))]
        unit: Located<String>,
        /// What it is about, for reports (HTML, XLSX, MSPDI notes, ICS, JSON).
        #[schemars(extend("examples" = ["Developers and analysts of the IT directorate."]))]
        description: Located<String>,
    }
}

table! {
    /// A change of a resource's capacity: `capacity` units from `from` on.
    #[schemars(rename = "CapacityStep")]
    RawCapacityStep as "a capacity step" keys CapacityStepKey {
        /// Required: the first day with the new capacity.
        #[schemars(required, extend("examples" = ["2021-01-01"]))]
        from: Located<Date>,
        /// Required: units available every day from `from` on.
        #[schemars(required, extend("examples" = [8]))]
        capacity: Located<Amount>,
    }
}

table! {
    /// A funding source or opportunity.
    #[schemars(rename = "Funding")]
    RawFunding as "[[funding]]" keys FundingKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["erdf"]))]
        id: Located<String>,
        /// The source's name.
        #[schemars(extend("examples" = ["ERDF 2021-2027"]))]
        name: Located<String>,
        /// Required: the total that can be committed to projects.
        #[schemars(required, extend("examples" = [12_000_000]))]
        amount: Located<Amount>,
        /// A project it pays for must start on or after this day.
        #[schemars(extend("examples" = ["2021-01-01"]))]
        from: Located<Date>,
        /// A project it pays for must finish on or before this day.
        #[schemars(extend("examples" = ["2027-12-31"]))]
        until: Located<Date>,
        /// The most it pays of a project's cost, as a share from 0 to 1 (0.85 = 85%).
        #[schemars(extend("examples" = [0.85, 0.5]))]
        max_share: Located<Amount>,
        /// The least it pays to one project (smaller contributions break its rules).
        #[schemars(extend("examples" = [50_000]))]
        min_project: Located<Amount>,
        /// The most it pays to one project.
        #[schemars(extend("examples" = [5_000_000]))]
        max_project: Located<Amount>,
        /// The most it pays out in one calendar year, across all projects. The planner delays
        /// projects rather than spend more (each contribution is spread evenly over its
        /// project's days).
        #[schemars(extend("examples" = [1_500_000]))]
        per_year: Located<Amount>,
        /// Objectives whose projects it may pay for (any objective when left out); used when
        /// listing funding opportunities.
        #[schemars(with = "Option<Vec<Id>>", extend("examples" = [["it-solutions"]]))]
        eligible_objectives: Vec<Located<String>>,
        /// What it is about, for reports (HTML, XLSX, MSPDI notes, ICS, JSON).
        #[schemars(extend("examples" = ["Operational programme of the EU cohesion policy."]))]
        description: Located<String>,
    }
}

table! {
    /// A priority project of the roadmap.
    #[schemars(rename = "Project")]
    // Exactly one of `duration` and `effort`, as the loader requires.
    #[schemars(extend("oneOf" = [{ "required": ["duration"] }, { "required": ["effort"] }]))]
    RawProject as "[[project]]" keys ProjectKey {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["open-data"]))]
        id: Located<String>,
        /// The project's name.
        #[schemars(extend("examples" = ["Open data portal"]))]
        name: Located<String>,
        /// Ids of the objectives it serves.
        #[schemars(with = "Option<Vec<Id>>", extend("examples" = [["it-solutions"]]))]
        objectives: Vec<Located<String>>,
        /// 1 (highest) .. 5 (lowest); default 3. Breaks ties when projects compete for a resource.
        #[schemars(range(min = 1, max = 5), extend("examples" = [1, 3]))]
        priority: Located<u8>,
        /// Required unless `effort` is given: how long it runs. "0d" makes a milestone. A three-point estimate
        /// `{ optimistic, likely, pessimistic }` feeds `roadmap risk`; the plan uses `likely`.
        #[schemars(extend("examples" = ["9 months", "6w", "0d", { "optimistic": "4 months", "likely": "6 months", "pessimistic": "12 months" }]))]
        duration: Located<RawDuration>,
        /// Projects that must come first: an id (finish-to-start) or
        /// `{ project = ID, type = "FS"|"SS"|"FF", lag = DURATION }`.
        #[schemars(extend("examples" = [["data-governance", { "project": "cloud", "type": "SS", "lag": "1 month" }]]))]
        depends_on: Vec<RawDependency>,
        /// It may not start before this day.
        #[schemars(extend("examples" = ["2019-06-01"]))]
        earliest_start: Located<Date>,
        /// It must finish on or before this day.
        #[schemars(extend("examples" = ["2020-12-31"]))]
        deadline: Located<Date>,
        /// Required: id of the one actor that leads it.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["sofia-municipality"]))]
        lead: Located<String>,
        /// Ids of the actors taking part.
        #[schemars(with = "Option<Vec<Id>>", extend("examples" = [["sofia-tech-park"]]))]
        participants: Vec<Located<String>>,
        // The maps are boxed: most projects have few of them, and a portfolio has up to 100,000
        // projects, all held at once while the file is read.
        /// Units of each resource (by id) held on every day it runs.
        #[schemars(extend("examples" = [{ "it-staff": 1.5 }]))]
        resources: Box<IdMap<Amount>>,
        /// Instead of `duration`: the work needed from resources it holds (by id). The duration
        /// is the effort over the units held, the longest over the resources named.
        #[schemars(extend("examples" = [{ "it-staff": "18 person-months" }]))]
        effort: Box<IdMap<crate::calendar::Effort>>,
        /// What it costs, in the roadmap's currency.
        #[schemars(extend("examples" = [450_000]))]
        cost: Located<Amount>,
        /// How the cost is covered: the amount from each funding source (by id).
        #[schemars(extend("examples" = [{ "erdf": 300_000, "municipal-budget": 150_000 }]))]
        funding: Box<IdMap<Amount>>,
        /// Progress: "not-started" (default), "in-progress" or "done".
        #[schemars(with = "Option<StatusName>", extend("examples" = ["in-progress", "done"]))]
        status: Located<String>,
        /// The day it actually started (in progress or done).
        #[schemars(extend("examples" = ["2019-09-02"]))]
        actual_start: Located<Date>,
        /// The day it actually finished, its last day (done).
        #[schemars(extend("examples" = ["2020-03-31"]))]
        actual_finish: Located<Date>,
        /// Share of the work done, 0 .. 1 (in progress).
        #[schemars(range(min = 0, max = 1), extend("examples" = [0.4]))]
        progress: Located<Amount>,
        /// Its score on each criterion (by id), a whole number from 0 to 5.
        #[schemars(extend("examples" = [{ "strategic-fit": 4, "finance": 3 }]))]
        scores: Box<IdMap<Score>>,
        /// Id of the programme it belongs to.
        #[schemars(with = "Option<Id>", extend("examples" = ["e-government"]))]
        programme: Located<String>,
        /// What it is about, for reports (HTML, XLSX, MSPDI notes, ICS, JSON).
        #[schemars(extend("examples" = ["One portal for the municipality's e-services."]))]
        description: Located<String>,
        /// What it adds to indicators (by id) when it finishes: `{ online-services = 25 }`
        /// (negative to bring an indicator down).
        #[schemars(extend("examples" = [{ "online-services": 25 }]))]
        contributes: Box<IdMap<Number>>,
    }
}

/// A project's score on one criterion: a whole number from 0 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score(pub u8);

impl schemars::JsonSchema for Score {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Score".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A score from 0 (worst) to 5 (best).",
            "type": "integer",
            "minimum": 0,
            "maximum": 5,
        })
    }
}

impl Decode for Score {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        let value = u8::decode(node, decoder)?;
        if value > 5 {
            decoder.invalid(
                node.span(),
                crate::i18n::text!("e-score-range", value = value.to_string()),
            );
        }
        // Kept (capped) even when out of range, so the project is not also "missing" it; the
        // file has an error, so the model is never used.
        Some(Score(value.min(5)))
    }
}

/// One item of `depends_on`.
#[derive(Clone, Debug, schemars::JsonSchema)]
#[schemars(rename = "Dependency")]
#[serde(untagged)]
pub enum RawDependency {
    /// Id of a project that must finish first (finish-to-start, no lag).
    Id(#[schemars(with = "Id")] Located<String>),
    /// A typed link with an optional lag.
    // Boxed: most links are plain ids, and a portfolio has hundreds of thousands of them.
    Link(Box<RawLink>),
}

table! {
    /// A dependency with a type and a lag.
    #[schemars(rename = "Link")]
    RawLink as "a dependency" keys LinkKey {
        /// Required: id of the project depended on.
        #[schemars(required, with = "Option<Id>", extend("examples" = ["cloud"]))]
        project: Located<String>,
        /// FS (finish-to-start, default), SS (start-to-start) or FF (finish-to-finish).
        #[schemars(with = "Option<LinkType>", extend("examples" = ["SS"]))]
        r#type as "type": Located<String>,
        /// Time added to the link (default "0d").
        #[schemars(extend("examples" = ["1 month", "2w"]))]
        lag: Located<Span>,
    }
}

/// How a project is linked to the one it depends on.
#[derive(schemars::JsonSchema)]
#[allow(dead_code, clippy::upper_case_acronyms)]
enum LinkType {
    FS,
    SS,
    FF,
}

/// The kinds of actor, for the schema: listed from the model's `ActorKind`, so they cannot drift.
struct ActorKindName;

impl schemars::JsonSchema for ActorKindName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ActorKind".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = crate::model::ActorKind::ALL
            .iter()
            .map(|(name, _)| *name)
            .collect();
        schemars::json_schema!({
            "description": "The kinds of actor (the model's `ActorKind` parses them).",
            "type": "string",
            "enum": names
        })
    }
}

/// An id, for the schema: ids are checked during validation (see `validate::ids`).
pub struct Id;

impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An id: letters, digits, `-`, `_` and `.` (unique within its table).",
            "pattern": ID_PATTERN,
        })
    }
}

/// What `validate::ids::is_well_formed` accepts: Unicode letters and digits, `-`, `_`, `.`.
pub const ID_PATTERN: &str = r"^[\p{L}\p{M}\p{N}._-]+$";

impl Decode for RawDependency {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        if node.get_ref().is_table() {
            RawLink::decode(node, decoder).map(|link| RawDependency::Link(Box::new(link)))
        } else if node.get_ref().is_str() {
            Located::decode(node, decoder).map(RawDependency::Id)
        } else {
            decoder.invalid(
                node.span(),
                crate::i18n::text!("e-dependency-shape", found = node.get_ref().type_str()),
            );
            None
        }
    }
}

impl RawDependency {
    /// The id depended on, where it is written.
    pub fn project(&self) -> Option<&Located<String>> {
        match self {
            RawDependency::Id(id) => Some(id),
            RawDependency::Link(link) => link.project.as_ref(),
        }
    }
}

/// Decodes a whole parsed file (its root is always a table).
pub fn decode_file(root: &Node<'_>, decoder: &mut Decoder) -> RawFile {
    RawFile::decode(root, decoder).unwrap_or_default()
}
