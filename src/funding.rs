//! Money read off a finished plan: what each source pays out per calendar year (the one
//! [`YearlySpend`]), the years over a `per_year` cap (the one over-cap rule, [`CapYear::over`]),
//! the W008 findings, and the funding opportunities that could close a project's gap. What the
//! planner needs before planning (cents, the tolerance, capped sources, the spreading rule) is
//! [`crate::money`].

use std::collections::BTreeMap;

use crate::diag::{Arg, Code, Diagnostic};
use crate::model::Roadmap;
use crate::money::{Cents, capped, from_cents, over, to_cents, uncovered, under};
use crate::plan::Plan;
use crate::schedule::budget::Years;

/// What each source pays out per calendar year in a plan, in cents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearlySpend {
    /// The plan's calendar years, first to last.
    pub years: Vec<i32>,
    /// `cents[source][k]` is paid in `years[k]`.
    pub cents: Vec<Vec<Cents>>,
    /// `by_project[source][k]`: the projects paying into it that year, with their cents.
    pub by_project: Vec<Vec<Vec<(usize, Cents)>>>,
}

impl YearlySpend {
    pub fn of(roadmap: &Roadmap, plan: &Plan) -> YearlySpend {
        let years = Years::of(&plan.problem);
        let (start, end) = (&plan.solution.start, &plan.solution.end);
        let first = years.year_of(0);
        let last = (0..roadmap.projects.len())
            .map(|p| years.year_of((end[p] - 1).max(start[p])))
            .max()
            .unwrap_or(first)
            .max(first);
        let span = (last - first + 1) as usize;
        let mut cents = vec![vec![0; span]; roadmap.funding.len()];
        let mut by_project = vec![vec![Vec::new(); span]; roadmap.funding.len()];
        for (p, project) in roadmap.projects.iter().enumerate() {
            for c in &project.funding {
                years.spread(to_cents(c.amount), start[p], end[p], |year, part| {
                    let k = (year - first).clamp(0, span as i32 - 1) as usize;
                    cents[c.source][k] += part;
                    by_project[c.source][k].push((p, part));
                });
            }
        }
        YearlySpend {
            years: (first..=last).collect(),
            cents,
            by_project,
        }
    }

    /// Spend of `source` in `year`, in the currency (0 outside the plan).
    pub fn amount(&self, source: usize, year: i32) -> f64 {
        from_cents(self.get(source, year))
    }

    /// All sources together, per year of [`YearlySpend::years`].
    pub fn totals(&self) -> Vec<Cents> {
        (0..self.years.len())
            .map(|k| self.cents.iter().map(|s| s[k]).sum())
            .collect()
    }

    /// What `source` pays out in each year, for the reports.
    pub fn per_year(&self, source: usize) -> Vec<YearAmount> {
        self.rows(&self.cents[source])
    }

    /// What all sources together pay out in each year, for the reports.
    pub fn per_year_total(&self) -> Vec<YearAmount> {
        self.rows(&self.totals())
    }

    fn rows(&self, cents: &[Cents]) -> Vec<YearAmount> {
        self.years
            .iter()
            .zip(cents)
            .map(|(&year, &cents)| YearAmount {
                year,
                amount: from_cents(cents),
            })
            .collect()
    }

    /// The years over `source`'s `per_year` cap (none when it has no cap).
    pub fn over_cap_years(&self, roadmap: &Roadmap, source: usize) -> Vec<i32> {
        cap_years(roadmap, self)
            .into_iter()
            .filter(|c| c.source == source && c.over())
            .map(|c| c.year)
            .collect()
    }

    /// Spend of `source` in `year` (0 outside the plan).
    pub fn get(&self, source: usize, year: i32) -> Cents {
        let Some(first) = self.years.first() else {
            return 0;
        };
        let k = year - first;
        if k < 0 {
            return 0;
        }
        self.cents[source].get(k as usize).copied().unwrap_or(0)
    }
}

/// What is paid out in one calendar year (a row of [`YearlySpend`] for the reports).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct YearAmount {
    pub year: i32,
    pub amount: f64,
}

/// A capped source's spend in one year against its cap.
#[derive(Clone, Debug, PartialEq)]
pub struct CapYear {
    pub source: usize,
    pub year: i32,
    pub spend: f64,
    pub cap: f64,
}

impl CapYear {
    pub fn over(&self) -> bool {
        over(self.spend, self.cap)
    }
}

/// Every capped source's spend in every year of the plan, against its cap.
pub fn cap_years(roadmap: &Roadmap, spend: &YearlySpend) -> Vec<CapYear> {
    let mut out = Vec::new();
    for s in capped(roadmap) {
        let Some(cap) = &roadmap.funding[s].per_year else {
            continue;
        };
        for (k, &year) in spend.years.iter().enumerate() {
            out.push(CapYear {
                source: s,
                year,
                spend: from_cents(spend.cents[s][k]),
                cap: cap.value,
            });
        }
    }
    out
}

/// W008: a year in which no plan was found that keeps a capped source within its cap, naming
/// the projects that pay into it that year.
pub fn cap_findings(roadmap: &Roadmap, plan: &Plan) -> Vec<Diagnostic> {
    let spend = YearlySpend::of(roadmap, plan);
    let currency = &roadmap.currency;
    let mut findings = Vec::new();
    for cap_year in cap_years(roadmap, &spend) {
        if !cap_year.over() {
            continue;
        }
        let source = &roadmap.funding[cap_year.source];
        let Some(limit) = &source.per_year else {
            continue;
        };
        let k = (cap_year.year - spend.years[0]) as usize;
        let mut payers: BTreeMap<usize, Cents> = BTreeMap::new();
        for &(p, cents) in &spend.by_project[cap_year.source][k] {
            *payers.entry(p).or_default() += cents;
        }
        let mut payers: Vec<(usize, Cents)> = payers.into_iter().collect();
        payers.sort_by_key(|&(p, cents)| (std::cmp::Reverse(cents), p));
        let named: Vec<Arg> = payers
            .iter()
            .map(|&(p, cents)| {
                Arg::Join(
                    vec![
                        format!("`{}`", roadmap.projects[p].id).into(),
                        Arg::Amount(from_cents(cents)),
                    ],
                    " ",
                )
            })
            .collect();
        // Projects whose own share of that year is over the cap cannot fit however late.
        let alone: Vec<&str> = payers
            .iter()
            .filter(|&&(_, cents)| over(from_cents(cents), limit.value))
            .map(|&(p, _)| roadmap.projects[p].id.as_str())
            .collect();
        let help = if alone.is_empty() {
            crate::i18n::text!("w-over-cap-help")
        } else {
            let ids = alone
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ");
            crate::i18n::text!("w-over-cap-alone", ids = ids, count = alone.len())
        };
        findings.push(
            Diagnostic::new(
                Code::OverYearlyCap,
                crate::i18n::text!(
                    "w-over-yearly-cap",
                    source = &source.id,
                    spend = Arg::Amount(cap_year.spend),
                    currency = currency,
                    year = cap_year.year.to_string(),
                    cap = Arg::Amount(cap_year.cap),
                    over = Arg::Amount(cap_year.spend - cap_year.cap),
                    named = Arg::Join(named, ", "),
                ),
            )
            .at(limit.at.clone())
            .with_help(help),
        );
    }
    findings
}

/// A source that could add money to an under-funded project.
#[derive(Clone, Debug, PartialEq)]
pub struct Opportunity {
    pub source: usize,
    /// What it could add, within every rule (uncommitted amount, share, per-project and yearly
    /// caps).
    pub amount: f64,
    /// Whether that covers the whole gap.
    pub covers_gap: bool,
    /// Whether the project's planned dates lie entirely inside the source's window (else the
    /// window only overlaps them, and the part outside would be reported by W005).
    pub inside_window: bool,
    /// What limits `amount`.
    pub limited_by: LimitedBy,
}

/// What limits the amount a source could add to a project; serialised (and printed) as the
/// documented `gap`, `uncommitted`, `max_share`, `max_project` or `per_year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitedBy {
    /// The gap itself: the source could cover all of it.
    Gap,
    /// What is left of the source's amount.
    Uncommitted,
    MaxShare,
    MaxProject,
    PerYear,
}

impl LimitedBy {
    pub fn name(self) -> &'static str {
        match self {
            LimitedBy::Gap => "gap",
            LimitedBy::Uncommitted => "uncommitted",
            LimitedBy::MaxShare => "max_share",
            LimitedBy::MaxProject => "max_project",
            LimitedBy::PerYear => "per_year",
        }
    }
}

impl std::fmt::Display for LimitedBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a project needs money from another source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Its funding does not cover its cost (W002).
    Uncovered,
    /// It runs outside the window of `source`, so that contribution is at risk (W005).
    OutsideWindow { source: usize },
    /// `source` pays out more than its `per_year` cap in `year` (W008): this project's share of
    /// the excess is at risk.
    OverYearlyCap { source: usize, year: i32 },
}

impl Need {
    /// The source whose money is at risk (`None` for an uncovered cost).
    pub fn at_risk_from(self) -> Option<usize> {
        match self {
            Need::Uncovered => None,
            Need::OutsideWindow { source } | Need::OverYearlyCap { source, .. } => Some(source),
        }
    }
}

/// A project that needs money: a cost not covered, or money at risk outside a window or above a
/// yearly cap, and the sources that could take it over.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub project: usize,
    pub need: Need,
    pub cost: f64,
    /// The amount needed: the uncovered cost, or the money at risk.
    pub gap: f64,
    /// Best match first.
    pub options: Vec<Opportunity>,
}

/// For every project whose cost is not fully covered (in plan start order), the sources that
/// could still cover some of the gap. A source qualifies when its window overlaps the project's
/// planned dates, its `eligible_objectives` (if any) include one of the project's objectives,
/// and it can add at least a cent within its uncommitted amount, its `max_share` and
/// `max_project` (counting what it already pays the project), its `per_year` cap in every year
/// the project runs (spend spread as in the plan), and reaching its `min_project`.
/// Best match first: the largest amount, then sources whose window holds the whole project,
/// then file order.
///
/// Money at risk is listed too, after the project's uncovered cost: each contribution from a
/// source whose window the plan misses (W005), and the project's share of what a source pays
/// out above its `per_year` cap in a year (W008, shared among the projects paying into it that
/// year in proportion to their spend). Their candidates are the other sources, whose window
/// must hold the whole project (else that money would be at risk again).
pub fn opportunities(roadmap: &Roadmap, plan: &Plan) -> Vec<Gap> {
    let committed = roadmap.committed();
    let spend = YearlySpend::of(roadmap, plan);
    let years = Years::of(&plan.problem);
    let over_caps: Vec<CapYear> = cap_years(roadmap, &spend)
        .into_iter()
        .filter(CapYear::over)
        .collect();
    let mut gaps = Vec::new();
    for &p in &plan.start_order {
        let project = &roadmap.projects[p];
        let cost = project.cost.unwrap_or(0.0);
        let mut needs: Vec<(Need, f64)> = Vec::new();
        if project.cost.is_some() {
            let gap = uncovered(cost, project.funded());
            if gap > 0.0 {
                needs.push((Need::Uncovered, gap));
            }
        }
        for missed in &plan.projects[p].missed {
            if let (
                Some(source),
                crate::plan::Missed::WindowOpens { contribution, .. }
                | crate::plan::Missed::WindowCloses { contribution, .. },
            ) = (missed.source(), missed)
            {
                needs.push((
                    Need::OutsideWindow { source },
                    project.funding[*contribution].amount,
                ));
            }
        }
        for cap in &over_caps {
            let Some(k) = spend.years.iter().position(|&y| y == cap.year) else {
                continue;
            };
            let part: Cents = spend.by_project[cap.source][k]
                .iter()
                .filter(|(q, _)| *q == p)
                .map(|(_, cents)| cents)
                .sum();
            if part == 0 || cap.spend <= 0.0 {
                continue;
            }
            let share = from_cents(part) * (cap.spend - cap.cap) / cap.spend;
            let share = (share * 100.0).round() / 100.0;
            if share >= 0.01 {
                needs.push((
                    Need::OverYearlyCap {
                        source: cap.source,
                        year: cap.year,
                    },
                    share,
                ));
            }
        }
        for (need, gap) in needs {
            let options = candidates(roadmap, plan, p, need, gap, &committed, &spend, &years);
            gaps.push(Gap {
                project: p,
                need,
                cost,
                gap,
                options,
            });
        }
    }
    gaps
}

/// The sources that could add money to project `p` for `need` (see [`opportunities`]).
#[allow(clippy::too_many_arguments)]
fn candidates(
    roadmap: &Roadmap,
    plan: &Plan,
    p: usize,
    need: Need,
    gap: f64,
    committed: &[f64],
    spend: &YearlySpend,
    years: &Years,
) -> Vec<Opportunity> {
    let project = &roadmap.projects[p];
    let cost = project.cost.unwrap_or(0.0);
    let planned = &plan.projects[p];
    let mut options: Vec<Opportunity> = Vec::new();
    {
        for (s, source) in roadmap.funding.iter().enumerate() {
            if need.at_risk_from() == Some(s) || source.amount_unresolved {
                continue;
            }
            let overlaps = source.from.is_none_or(|from| from <= planned.finish)
                && source.until.is_none_or(|until| until >= planned.start);
            if !overlaps {
                continue;
            }
            if !source.eligible_objectives.is_empty()
                && !project
                    .objectives
                    .iter()
                    .any(|o| source.eligible_objectives.contains(o))
            {
                continue;
            }
            let existing: f64 = project
                .funding
                .iter()
                .filter(|c| c.source == s)
                .map(|c| c.amount)
                .sum();
            let mut limits: Vec<(f64, LimitedBy)> = vec![
                (gap, LimitedBy::Gap),
                (source.amount - committed[s], LimitedBy::Uncommitted),
            ];
            if let Some(share) = &source.max_share {
                limits.push((share.value * cost - existing, LimitedBy::MaxShare));
            }
            if let Some(max) = &source.max_project {
                limits.push((max.value - existing, LimitedBy::MaxProject));
            }
            if let Some(cap) = &source.per_year {
                limits.push((
                    yearly_room(years, spend, plan, p, s, cap.value),
                    LimitedBy::PerYear,
                ));
            }
            let (room, limited_by) =
                limits
                    .into_iter()
                    .fold((f64::INFINITY, LimitedBy::Gap), |best, l| {
                        if l.0 < best.0 { l } else { best }
                    });
            // Whole cents, rounded down, so the amount never breaks the rule that limits it.
            let room = (room * 100.0 + 1e-6).floor() / 100.0;
            if room < 0.01 {
                continue;
            }
            if source
                .min_project
                .as_ref()
                .is_some_and(|min| under(existing + room, min.value))
            {
                continue;
            }
            let inside_window = source.from.is_none_or(|from| from <= planned.start)
                && source.until.is_none_or(|until| until >= planned.finish);
            // Money moved off a missed window must not land outside another one.
            if need != Need::Uncovered && !inside_window {
                continue;
            }
            options.push(Opportunity {
                source: s,
                amount: room,
                covers_gap: !under(room, gap),
                inside_window,
                limited_by,
            });
        }
    }
    options.sort_by(|a, b| {
        b.amount
            .total_cmp(&a.amount)
            .then(b.inside_window.cmp(&a.inside_window))
            .then(a.source.cmp(&b.source))
    });
    options
}

/// The most source `s` could add to project `p` without going over `cap` in any year it runs,
/// the addition spread like the rest of its money.
fn yearly_room(
    years: &Years,
    spend: &YearlySpend,
    plan: &Plan,
    p: usize,
    s: usize,
    cap: f64,
) -> f64 {
    let (start, end) = (plan.solution.start[p], plan.solution.end[p]);
    // Spread a probe of 1,000,000.00 to learn each year's fraction of the project's days.
    let probe: Cents = 100_000_000;
    let mut room = f64::INFINITY;
    years.spread(probe, start, end, |year, part| {
        let free = (cap - from_cents(spend.get(s, year))).max(0.0);
        let fraction = part as f64 / probe as f64;
        room = room.min(free / fraction);
    });
    room
}
