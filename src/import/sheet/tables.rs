//! The other tables of a workbook (or CSV files): actors, resources, funding sources and
//! objectives, and those the projects name that no table lists.

use std::collections::{BTreeMap, HashMap};

use crate::import::draft::{Actor, Funding, Named, Origin, Origins, Resource};

use super::cells::actor_kind;
use super::{Kind, Reader, row_of};
use crate::import::table::Table;

impl Reader {
    pub(super) fn actors(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Actors, &["id"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let actor = Actor {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                kind: line.text("kind").map(|k| actor_kind(&k)),
                description: line.text("description"),
                comments: Vec::new(),
                origins: line.origins(&["id", "name", "kind", "description"]),
            };
            self.draft.actors.push(actor);
        }
    }

    pub(super) fn resources(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Resources, &["id", "capacity"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let capacity = line
                .cell("capacity")
                .and_then(|c| self.amount(c, line.at("capacity")));
            if capacity.is_none() && line.cell("capacity").is_none() {
                self.problem(line.at("capacity"), "a resource needs a capacity");
            }
            self.draft.resources.push(Resource {
                changes: Vec::new(),
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                capacity: capacity.unwrap_or(0.0),
                unit: line.text("unit"),
                description: line.text("description"),
                comments: Vec::new(),
                origins: line.origins(&["id", "name", "capacity", "unit", "description"]),
            });
        }
    }

    pub(super) fn funding(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Funding, &["id", "amount"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let amount = line
                .cell("amount")
                .and_then(|c| self.amount(c, line.at("amount")));
            if line.cell("amount").is_none() {
                self.problem(line.at("amount"), "a funding source needs an amount");
            }
            let source = Funding {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                amount: amount.unwrap_or(0.0),
                from: line
                    .cell("from")
                    .and_then(|c| self.date(c, line.at("from"))),
                until: line
                    .cell("until")
                    .and_then(|c| self.date(c, line.at("until"))),
                max_share: line
                    .cell("max_share")
                    .and_then(|c| self.share(c, line.at("max_share"))),
                per_year: line
                    .cell("per_year")
                    .and_then(|c| self.amount(c, line.at("per_year"))),
                description: line.text("description"),
                comments: Vec::new(),
                origins: line.origins(&[
                    "id",
                    "name",
                    "amount",
                    "from",
                    "until",
                    "max_share",
                    "per_year",
                    "description",
                ]),
            };
            self.draft.funding.push(source);
        }
    }

    pub(super) fn objectives(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Objectives, &["id"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            self.draft.objectives.push(Named {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                description: line.text("description"),
                origins: line.origins(&["id", "name", "description"]),
            });
        }
    }

    /// Actors, resources, funding sources and objectives that rows name but no sheet lists.
    pub(super) fn implied_tables(&mut self) {
        let mut first_use: BTreeMap<(u8, String), Origin> = BTreeMap::new();
        let mut demand: HashMap<String, f64> = HashMap::new();
        let mut committed: HashMap<String, f64> = HashMap::new();
        for project in &self.draft.projects {
            let o = &project.origins;
            if let Some(lead) = &project.lead {
                first_use
                    .entry((0, lead.clone()))
                    .or_insert_with(|| o.of("lead").clone());
            }
            for actor in &project.participants {
                first_use
                    .entry((0, actor.clone()))
                    .or_insert_with(|| o.of("participants").clone());
            }
            for (resource, units) in &project.resources {
                first_use
                    .entry((1, resource.clone()))
                    .or_insert_with(|| o.of("resources").clone());
                let peak = demand.entry(resource.clone()).or_default();
                *peak = peak.max(*units);
            }
            for (source, amount) in &project.funding {
                first_use
                    .entry((2, source.clone()))
                    .or_insert_with(|| o.of("funding").clone());
                *committed.entry(source.clone()).or_default() += amount;
            }
            for objective in &project.objectives {
                first_use
                    .entry((3, objective.clone()))
                    .or_insert_with(|| o.of("objectives").clone());
            }
        }
        let has_actors = self.draft.actors.iter().any(|a| a.id != "project-office");
        let (has_resources, has_funding, has_objectives) = (
            !self.draft.resources.is_empty(),
            !self.draft.funding.is_empty(),
            !self.draft.objectives.is_empty(),
        );
        let mut uses: Vec<((u8, String), Origin)> = first_use.into_iter().collect();
        uses.sort_by_key(|((kind, _), at)| (*kind, row_of(at)));
        for ((kind, id), at) in uses {
            let origins = Origins::new(at);
            match kind {
                0 if !has_actors && !self.draft.actors.iter().any(|a| a.id == id) => {
                    self.draft.actors.push(Actor {
                        id,
                        comments: vec![
                            "import: named in the projects sheet; no sheet of actors lists it"
                                .into(),
                        ],
                        origins,
                        ..Actor::default()
                    });
                }
                1 if !has_resources => {
                    let capacity = demand.get(&id).copied().unwrap_or(1.0);
                    self.draft.resources.push(Resource {
                        id,
                        capacity,
                        comments: vec![
                            "import: named in the projects sheet; no sheet of resources lists it, so its\n\
                             capacity is the largest demand of one project: set the real capacity."
                                .into(),
                        ],
                        origins,
                        ..Resource::default()
                    });
                }
                2 if !has_funding => {
                    let amount = committed.get(&id).copied().unwrap_or(0.0);
                    self.draft.funding.push(Funding {
                        id,
                        amount,
                        comments: vec![
                            "import: named in the projects sheet; no sheet of funding sources lists it, so\n\
                             its amount is what the projects take from it: set the real amount and window."
                                .into(),
                        ],
                        origins,
                        ..Funding::default()
                    });
                }
                3 if !has_objectives => {
                    self.draft.objectives.push(Named {
                        id,
                        origins,
                        ..Named::default()
                    });
                }
                _ => {}
            }
        }
    }
}
