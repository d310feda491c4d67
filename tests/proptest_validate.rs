//! Properties of the loader and validator on generated roadmaps:
//! - a valid roadmap (every reference resolves, no cycle, units within capacity, funding within
//!   its amount) validates with no errors;
//! - one mutation of it gives the matching finding: a key renamed E002, a reference broken E006,
//!   a cycle closed E007, a number made negative E004;
//! - random edits of the text never make the tool panic.
//!
//! 64 cases per property by default; set PROPTEST_CASES for more (e.g. PROPTEST_CASES=5000).

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::Index;

use roadmap::diag::render::{self, FileReport};
use roadmap::diag::{Diagnostic, Severity};
use roadmap::model::load::parse_str;
use roadmap::validate::validate;

fn config() -> ProptestConfig {
    // `ProptestConfig::default()` reads PROPTEST_CASES; keep its value when it is set.
    let default = ProptestConfig::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        default.cases
    } else {
        64
    };
    ProptestConfig { cases, ..default }
}

// ----- A roadmap as data, rendered to TOML -------------------------------------------------------

#[derive(Clone, Debug)]
struct Spec {
    /// `start = 2020-01-01` (a TOML date) or `start = "2020-01-01"` (a string).
    start_as_string: bool,
    objectives: usize,
    actor_kinds: Vec<&'static str>,
    /// (capacity) per resource, as number text.
    resources: Vec<String>,
    /// (amount, optional window) per funding source.
    funding: Vec<(String, Option<(String, String)>)>,
    projects: Vec<Project>,
}

#[derive(Clone, Debug)]
struct Project {
    objectives: Vec<String>,
    priority: Option<u8>,
    duration: String,
    depends_on: Vec<Dependency>,
    earliest_start: Option<String>,
    lead: String,
    participants: Vec<String>,
    /// (resource id, units as number text)
    resources: Vec<(String, String)>,
    cost: Option<String>,
    /// (funding id, amount as number text)
    funding: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
struct Dependency {
    on: String,
    /// `None`: a plain id. `Some((type, lag))`: a table.
    link: Option<(&'static str, Option<String>)>,
}

/// One table of the file: its header line, then `key = value` lines.
type Block = Vec<String>;

fn quoted(items: &[String]) -> String {
    let items: Vec<_> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("[{}]", items.join(", "))
}

fn inline_table(entries: &[(String, String)]) -> String {
    let entries: Vec<_> = entries.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{{ {} }}", entries.join(", "))
}

impl Spec {
    fn blocks(&self) -> Vec<Block> {
        let mut blocks = Vec::new();
        let start = if self.start_as_string {
            "\"2020-01-01\""
        } else {
            "2020-01-01"
        };
        blocks.push(vec![
            "[roadmap]".to_string(),
            "name = \"Generated\"".to_string(),
            format!("start = {start}"),
        ]);
        for i in 0..self.objectives {
            blocks.push(vec![
                "[[objective]]".into(),
                format!("id = \"o{i}\""),
                format!("name = \"Objective {i}\""),
            ]);
        }
        for (i, kind) in self.actor_kinds.iter().enumerate() {
            blocks.push(vec![
                "[[actor]]".into(),
                format!("id = \"a{i}\""),
                format!("kind = \"{kind}\""),
            ]);
        }
        for (i, capacity) in self.resources.iter().enumerate() {
            blocks.push(vec![
                "[[resource]]".into(),
                format!("id = \"r{i}\""),
                format!("capacity = {capacity}"),
            ]);
        }
        for (i, (amount, window)) in self.funding.iter().enumerate() {
            let mut block = vec![
                "[[funding]]".into(),
                format!("id = \"f{i}\""),
                format!("amount = {amount}"),
            ];
            if let Some((from, until)) = window {
                block.push(format!("from = {from}"));
                block.push(format!("until = {until}"));
            }
            blocks.push(block);
        }
        for (i, p) in self.projects.iter().enumerate() {
            let mut block = vec![
                "[[project]]".into(),
                format!("id = \"p{i}\""),
                format!("name = \"Project {i}\""),
                format!("duration = {:?}", p.duration),
                format!("lead = {:?}", p.lead),
            ];
            if !p.objectives.is_empty() {
                block.push(format!("objectives = {}", quoted(&p.objectives)));
            }
            if let Some(priority) = p.priority {
                block.push(format!("priority = {priority}"));
            }
            if !p.depends_on.is_empty() {
                let items: Vec<_> = p
                    .depends_on
                    .iter()
                    .map(|d| match &d.link {
                        None => format!("{:?}", d.on),
                        Some((kind, lag)) => {
                            let lag = lag
                                .as_ref()
                                .map_or(String::new(), |l| format!(", lag = {l:?}"));
                            format!("{{ project = {:?}, type = \"{kind}\"{lag} }}", d.on)
                        }
                    })
                    .collect();
                block.push(format!("depends_on = [{}]", items.join(", ")));
            }
            if let Some(day) = &p.earliest_start {
                block.push(format!("earliest_start = {day}"));
            }
            if !p.participants.is_empty() {
                block.push(format!("participants = {}", quoted(&p.participants)));
            }
            if !p.resources.is_empty() {
                block.push(format!("resources = {}", inline_table(&p.resources)));
            }
            if let Some(cost) = &p.cost {
                block.push(format!("cost = {cost}"));
            }
            if !p.funding.is_empty() {
                block.push(format!("funding = {}", inline_table(&p.funding)));
            }
            blocks.push(block);
        }
        blocks
    }
}

fn render_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|block| block.join("\n") + "\n")
        .collect::<Vec<_>>()
        .join("\n")
}

// ----- Generators --------------------------------------------------------------------------------

const KINDS: [&str; 7] = [
    "public", "business", "startup", "utility", "academia", "ngo", "other",
];
const UNITS: [&str; 15] = [
    "d", "day", "days", "w", "week", "weeks", "m", "month", "months", "q", "quarter", "quarters",
    "y", "year", "years",
];
const LINK_TYPES: [&str; 3] = ["FS", "SS", "FF"];

/// A duration: "0d" .. "40 months", with or without a space, any unit spelling.
fn duration() -> impl Strategy<Value = String> {
    (0u32..=40, any::<Index>(), any::<bool>()).prop_map(|(n, unit, space)| {
        let unit = unit.get(&UNITS);
        // Keep plans short: at most 40 days/weeks/months, 3 quarters, 2 years.
        let n = match unit.chars().next() {
            Some('q') => n % 4,
            Some('y') => n % 3,
            _ => n,
        };
        format!("{n}{}{unit}", if space { " " } else { "" })
    })
}

/// A day as TOML writes it: a local date or a quoted string.
fn day() -> impl Strategy<Value = String> {
    (2019i32..=2030, 1u32..=12, 1u32..=28, any::<bool>()).prop_map(|(y, m, d, quoted)| {
        let text = format!("{y:04}-{m:02}-{d:02}");
        if quoted { format!("{text:?}") } else { text }
    })
}

/// A non-negative number in halves (0.5, 1, 1.5, ...), as TOML text.
fn halves(n: u32) -> String {
    format!("{}", f64::from(n) / 2.0)
}

/// Everything a project needs, as raw choices; [`build`] turns indices into valid ids.
type RawProject = (
    (
        Vec<Index>,
        Option<u8>,
        String,
        Vec<(Index, Option<(Index, Option<String>)>)>,
    ),
    (Option<String>, Index, Vec<Index>),
    (Vec<(Index, u32)>, Option<u32>, Vec<(Index, u32)>),
);

fn raw_project() -> impl Strategy<Value = RawProject> {
    (
        (
            vec(any::<Index>(), 0..3),
            option::of(1u8..=5),
            duration(),
            vec(
                (
                    any::<Index>(),
                    option::of((any::<Index>(), option::of(duration()))),
                ),
                0..3,
            ),
        ),
        (option::of(day()), any::<Index>(), vec(any::<Index>(), 0..3)),
        (
            vec((any::<Index>(), 1u32..=20), 0..3),
            option::of(0u32..=1_000_000),
            vec((any::<Index>(), 0u32..=100_000), 0..3),
        ),
    )
}

/// Ids in first-seen order without repeats (a repeated key in an inline table is a TOML error).
fn unique(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

/// A valid roadmap: 1-3 objectives, 1-3 actors, 0-2 resources, 0-2 funding sources and 2-7
/// projects, each depending only on earlier ones.
fn valid_spec() -> impl Strategy<Value = Spec> {
    (
        any::<bool>(),
        1usize..=3,
        vec(any::<Index>(), 1..=3),
        vec(1u32..=20, 0..=2),
        vec(any::<bool>(), 0..=2),
        vec(raw_project(), 2..=7),
    )
        .prop_map(
            |(start_as_string, objectives, kinds, capacities, windows, raws)| {
                let actors = kinds.len();
                let projects = raws
                    .into_iter()
                    .enumerate()
                    .map(|(i, raw)| build(i, raw, objectives, actors, &capacities, windows.len()))
                    .collect();
                Spec {
                    start_as_string,
                    objectives,
                    actor_kinds: kinds.iter().map(|k| *k.get(&KINDS)).collect(),
                    resources: capacities.iter().map(|&c| halves(c)).collect(),
                    funding: windows
                        .iter()
                        .map(|&window| {
                            // Far more than all projects together can commit.
                            let amount = "100_000_000".to_string();
                            let window = window
                                .then(|| ("2000-01-01".to_string(), "\"2200-12-31\"".to_string()));
                            (amount, window)
                        })
                        .collect(),
                    projects,
                }
            },
        )
}

fn build(
    i: usize,
    raw: RawProject,
    objectives: usize,
    actors: usize,
    capacities: &[u32],
    funding: usize,
) -> Project {
    let ((objective_picks, priority, duration, deps), (earliest_start, lead, participants), rest) =
        raw;
    let (demands, cost, contributions) = rest;
    let depends_on = if i == 0 {
        Vec::new()
    } else {
        let mut seen = Vec::new();
        deps.into_iter()
            .filter_map(|(on, link)| {
                let on = on.index(i);
                (!seen.contains(&on)).then(|| {
                    seen.push(on);
                    Dependency {
                        on: format!("p{on}"),
                        link: link.map(|(kind, lag)| (*kind.get(&LINK_TYPES), lag)),
                    }
                })
            })
            .collect()
    };
    let resources = if capacities.is_empty() {
        Vec::new()
    } else {
        let mut seen = Vec::new();
        demands
            .into_iter()
            .filter_map(|(resource, units)| {
                let r = resource.index(capacities.len());
                // Never more units than the resource has.
                (!seen.contains(&r)).then(|| {
                    seen.push(r);
                    (format!("r{r}"), halves(units.min(capacities[r])))
                })
            })
            .collect()
    };
    let funding = if funding == 0 {
        Vec::new()
    } else {
        let mut seen = Vec::new();
        contributions
            .into_iter()
            .filter_map(|(source, amount)| {
                let f = source.index(funding);
                (!seen.contains(&f)).then(|| {
                    seen.push(f);
                    (format!("f{f}"), amount.to_string())
                })
            })
            .collect()
    };
    Project {
        objectives: unique(
            objective_picks
                .iter()
                .map(|o| format!("o{}", o.index(objectives))),
        ),
        priority,
        duration,
        depends_on,
        earliest_start,
        lead: format!("a{}", lead.index(actors)),
        participants: unique(participants.iter().map(|a| format!("a{}", a.index(actors)))),
        resources,
        cost: cost.map(|c| c.to_string()),
        funding,
    }
}

// ----- Running the tool's checks -----------------------------------------------------------------

/// Loads and validates a text, renders its findings (which slices the text at every position),
/// and returns the findings.
fn check(text: &str) -> Vec<Diagnostic> {
    let parsed = parse_str("generated.toml".to_string(), text.to_string());
    let findings = match &parsed.raw {
        Some(raw) => validate(raw, parsed.findings).findings,
        None => parsed.findings,
    };
    let mut out = Vec::new();
    let report = FileReport {
        file: &parsed.source,
        findings: &findings,
    };
    render::human(&mut out, &report, false, roadmap::i18n::Lang::En).unwrap();
    render::github(&mut out, &report).unwrap();
    findings
}

fn codes(findings: &[Diagnostic]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.id()).collect()
}

fn errors(findings: &[Diagnostic]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .map(|f| format!("{}: {}", f.code.id(), f.message))
        .collect()
}

// ----- Mutations ---------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Mutation {
    /// Misspell the key of one `key = value` line (E002).
    RenameKey { block: Index, line: Index },
    /// Point a lead, objective, participant, dependency, resource or funding id at nothing (E006).
    BreakReference { project: Index, which: Index },
    /// Make a project depend on one that depends on it (E007).
    CloseCycle { project: Index },
    /// Make a capacity, amount, cost or number of units negative (E004).
    MakeNegative { which: Index },
}

impl Mutation {
    fn code(&self) -> &'static str {
        match self {
            Mutation::RenameKey { .. } => "E002",
            Mutation::BreakReference { .. } => "E006",
            Mutation::CloseCycle { .. } => "E007",
            Mutation::MakeNegative { .. } => "E004",
        }
    }

    /// The mutated file's text.
    fn apply(&self, spec: &Spec) -> String {
        let mut spec = spec.clone();
        match self {
            Mutation::RenameKey { block, line } => {
                let mut blocks = spec.blocks();
                let block = block.get_mut(&mut blocks);
                // Line 0 is the header; every other line is `key = value`.
                let keys = block.len() - 1;
                let line = &mut block[1 + line.index(keys)];
                *line = line.replacen(" = ", "_typo = ", 1);
                return render_blocks(&blocks);
            }
            Mutation::BreakReference { project, which } => {
                let p = project.get_mut(&mut spec.projects);
                let missing = "no-such-id".to_string();
                // Choose among the kinds of reference this project has; a lead it always has.
                let mut kinds = vec![0];
                for (kind, present) in [
                    (1, !p.objectives.is_empty()),
                    (2, !p.participants.is_empty()),
                    (3, !p.depends_on.is_empty()),
                    (4, !p.resources.is_empty()),
                    (5, !p.funding.is_empty()),
                ] {
                    if present {
                        kinds.push(kind);
                    }
                }
                match *which.get(&kinds) {
                    1 => p.objectives[0] = missing,
                    2 => p.participants[0] = missing,
                    3 => p.depends_on[0].on = missing,
                    4 => p.resources[0].0 = missing,
                    5 => p.funding[0].0 = missing,
                    _ => p.lead = missing,
                }
            }
            Mutation::CloseCycle { project } => {
                // A project k > 0 and one it depends on, j; then j depends on k too.
                let k = 1 + project.index(spec.projects.len() - 1);
                let j = match spec.projects[k].depends_on.first() {
                    Some(dep) => dep.on[1..].parse::<usize>().unwrap(),
                    None => {
                        spec.projects[k].depends_on.push(Dependency {
                            on: "p0".into(),
                            link: None,
                        });
                        0
                    }
                };
                spec.projects[j].depends_on.push(Dependency {
                    on: format!("p{k}"),
                    link: Some(("SS", None)),
                });
            }
            Mutation::MakeNegative { which } => {
                // `-0` is not negative: a zero becomes -1.
                let negate = |number: &mut String| {
                    *number = if number.trim_matches(['0', '.', '_']).is_empty() {
                        "-1".to_string()
                    } else {
                        format!("-{number}")
                    }
                };
                // Every number the spec has; a cost is added if there is none at all.
                let mut numbers: Vec<&mut String> = Vec::new();
                numbers.extend(spec.resources.iter_mut());
                numbers.extend(spec.funding.iter_mut().map(|(amount, _)| amount));
                for p in &mut spec.projects {
                    numbers.extend(p.cost.iter_mut());
                    numbers.extend(p.resources.iter_mut().map(|(_, units)| units));
                    numbers.extend(p.funding.iter_mut().map(|(_, amount)| amount));
                }
                if numbers.is_empty() {
                    spec.projects[0].cost = Some("-1".into());
                } else {
                    let n = which.index(numbers.len());
                    negate(numbers[n]);
                }
            }
        }
        render_blocks(&spec.blocks())
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<Index>())
            .prop_map(|(block, line)| Mutation::RenameKey { block, line }),
        (any::<Index>(), any::<Index>())
            .prop_map(|(project, which)| Mutation::BreakReference { project, which }),
        any::<Index>().prop_map(|project| Mutation::CloseCycle { project }),
        any::<Index>().prop_map(|which| Mutation::MakeNegative { which }),
    ]
}

/// A random edit of the text: delete a stretch, or insert TOML-ish debris.
fn edits() -> impl Strategy<Value = Vec<(Index, usize, String)>> {
    vec(
        (
            any::<Index>(),
            0usize..12,
            "[\\[\\]{}=\",.#\\n a-z0-9_\\-:é]{0,8}",
        ),
        1..6,
    )
}

fn apply_edits(text: &str, edits: &[(Index, usize, String)]) -> String {
    let mut text: Vec<char> = text.chars().collect();
    for (at, delete, insert) in edits {
        let at = at.index(text.len() + 1);
        let end = (at + delete).min(text.len());
        text.splice(at..end, insert.chars());
    }
    text.into_iter().collect()
}

// ----- Properties --------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_roadmaps_have_no_errors(spec in valid_spec()) {
        let text = render_blocks(&spec.blocks());
        let findings = check(&text);
        let errors = errors(&findings);
        prop_assert!(errors.is_empty(), "{errors:#?}\n--- file ---\n{text}");
    }

    #[test]
    fn each_mutation_gives_its_finding(spec in valid_spec(), mutation in mutation()) {
        let text = mutation.apply(&spec);
        let findings = check(&text);
        let codes = codes(&findings);
        prop_assert!(
            codes.contains(&mutation.code()),
            "{mutation:?} should give {}, got {codes:?}\n--- file ---\n{text}",
            mutation.code()
        );
    }

    #[test]
    fn random_edits_never_panic(spec in valid_spec(), edits in edits()) {
        let text = apply_edits(&render_blocks(&spec.blocks()), &edits);
        check(&text);
    }
}
