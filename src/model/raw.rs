//! The roadmap file as written: every table and key of `roadmap.toml`, with positions.
//!
//! These types mirror the TOML one to one. They are decoded by `decode.rs`, checked and resolved
//! into the model by `validate`, and their doc comments become the JSON Schema's descriptions.

use crate::model::decode::{Amount, Date, Decode, Decoder, IdMap, Located, Node, table};
use crate::model::span::Span;

table! {
    /// A roadmap file: one `[roadmap]` table and arrays of objectives, actors, resources,
    /// funding sources and projects.
    RawFile as "the file" {
        /// Where editors find this file's JSON Schema (optional; a `#:schema` comment works too).
        schema as "$schema": Located<String>,
        /// The roadmap itself: its name and the first day of the plan.
        roadmap: RawRoadmap,
        /// The strategy's objectives, that projects serve.
        objective: Vec<RawObjective>,
        /// Who leads or takes part in projects.
        actor: Vec<RawActor>,
        /// Renewable resources: `capacity` units are available every day.
        resource: Vec<RawResource>,
        /// Funding sources or opportunities that pay for projects.
        funding: Vec<RawFunding>,
        /// The priority projects of the roadmap.
        project: Vec<RawProject>,
    }
}

table! {
    /// The roadmap's name and the first day of the plan.
    RawRoadmap as "[roadmap]" {
        /// The roadmap's title, shown on reports.
        name: Located<String>,
        /// Required: the first day of the plan (a TOML local date, e.g. 2019-01-01).
        start: Located<Date>,
        /// Currency of every cost and amount (default "EUR").
        currency: Located<String>,
    }
}

table! {
    /// An objective of the strategy.
    RawObjective as "[[objective]]" {
        /// Unique id: letters, digits, `-`, `_` and `.`.
        id: Located<String>,
        /// What the objective says.
        name: Located<String>,
    }
}

table! {
    /// An actor: an organisation that leads or takes part in projects.
    RawActor as "[[actor]]" {
        /// Unique id: letters, digits, `-`, `_` and `.`.
        id: Located<String>,
        /// The actor's name.
        name: Located<String>,
        /// public | business | startup | utility | academia | ngo | other
        kind: Located<String>,
    }
}

table! {
    /// A renewable resource: `capacity` units are available on every day.
    RawResource as "[[resource]]" {
        /// Unique id: letters, digits, `-`, `_` and `.`.
        id: Located<String>,
        /// The resource's name.
        name: Located<String>,
        /// Required: units available every day (may be fractional, e.g. 6.5 FTE).
        capacity: Located<Amount>,
        /// Label of the unit, e.g. "FTE".
        unit: Located<String>,
    }
}

table! {
    /// A funding source or opportunity.
    RawFunding as "[[funding]]" {
        /// Unique id: letters, digits, `-`, `_` and `.`.
        id: Located<String>,
        /// The source's name.
        name: Located<String>,
        /// Required: the total that can be committed to projects.
        amount: Located<Amount>,
        /// A project it pays for must start on or after this day.
        from: Located<Date>,
        /// A project it pays for must finish on or before this day.
        until: Located<Date>,
    }
}

table! {
    /// A priority project of the roadmap.
    RawProject as "[[project]]" {
        /// Required, unique id: letters, digits, `-`, `_` and `.`.
        id: Located<String>,
        /// The project's name.
        name: Located<String>,
        /// Ids of the objectives it serves.
        objectives: Vec<Located<String>>,
        /// 1 (highest) .. 5 (lowest); default 3. Breaks ties when projects compete for a resource.
        priority: Located<u8>,
        /// Required: how long it runs, e.g. "9 months", "6w", "10d". "0d" makes a milestone.
        duration: Located<Span>,
        /// Projects that must come first: an id (finish-to-start) or
        /// `{ project = ID, type = "FS"|"SS"|"FF", lag = DURATION }`.
        depends_on: Vec<RawDependency>,
        /// It may not start before this day.
        earliest_start: Located<Date>,
        /// It must finish on or before this day.
        deadline: Located<Date>,
        /// Required: id of the one actor that leads it.
        lead: Located<String>,
        /// Ids of the actors taking part.
        participants: Vec<Located<String>>,
        /// Units of each resource held on every day it runs, e.g. `{ it-staff = 1.5 }`.
        resources: IdMap<Amount>,
        /// What it costs, in the roadmap's currency.
        cost: Located<Amount>,
        /// How the cost is covered, per funding source, e.g. `{ erdf = 300_000 }`.
        funding: IdMap<Amount>,
    }
}

/// One item of `depends_on`.
#[derive(Clone, Debug, schemars::JsonSchema)]
#[serde(untagged)]
pub enum RawDependency {
    /// Finish-to-start with no lag.
    Id(Located<String>),
    /// A typed link with an optional lag.
    Link(RawLink),
}

table! {
    /// A dependency with a type and a lag.
    RawLink as "a dependency" {
        /// Required: id of the project depended on.
        project: Located<String>,
        /// FS (finish-to-start, default), SS (start-to-start) or FF (finish-to-finish).
        #[schemars(with = "Option<LinkType>")]
        r#type as "type": Located<String>,
        /// Time added to the link, e.g. "1 month" (default "0d").
        lag: Located<Span>,
    }
}

/// The three link types, for the schema.
#[derive(schemars::JsonSchema)]
#[allow(dead_code, clippy::upper_case_acronyms)]
enum LinkType {
    FS,
    SS,
    FF,
}

impl Decode for RawDependency {
    fn decode(node: &Node<'_>, decoder: &mut Decoder) -> Option<Self> {
        if node.get_ref().is_table() {
            RawLink::decode(node, decoder).map(RawDependency::Link)
        } else if node.get_ref().is_str() {
            Located::decode(node, decoder).map(RawDependency::Id)
        } else {
            decoder.invalid(
                node.span(),
                format!(
                    "expected a project id or a table {{ project = ID, type = \"FS\", lag = \"0d\" }}, found {}",
                    node.get_ref().type_str()
                ),
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
