//! Findings about a roadmap: one vocabulary of stable codes, all wording of their titles here.

pub mod render;
mod source;

use std::ops::Range;

pub use crate::i18n::{Arg, Text};
pub use source::{Position, SourceFile};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $id:literal, $name:literal, $severity:ident, $description:literal;)*) => {
        /// The stable code of every kind of finding. Ids and names never change meaning; new
        /// kinds get new numbers.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// `E006`
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id),* }
            }
            /// `unknown-reference`
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }
            /// One sentence: the README's table of codes is generated from it.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $description),* }
            }
        }
    };
}

codes! {
    TomlSyntax = "E001", "toml-syntax", Error, "The file is not valid TOML (or not UTF-8 text).";
    UnknownKey = "E002", "unknown-key", Error, "A key that the format does not have, often a typo.";
    MissingKey = "E003", "missing-key", Error, "A required key or table is missing (`[roadmap]`, `roadmap.start`, project `id`, `duration`, `lead`, ids, resource `capacity`, funding `amount`).";
    InvalidValue = "E004", "invalid-value", Error, "A value of the wrong type, or a malformed or out-of-range number, duration or date (`2019-02-30`, `\"-3d\"`, priority 9, a negative cost, an unknown actor `kind` or link `type`, a funding window that closes before it opens, a target year before its indicator's baseline, an indicator value that is not a number).";
    DuplicateId = "E005", "duplicate-id", Error, "Two entries of the same table share an id.";
    UnknownReference = "E006", "unknown-reference", Error, "A reference to an id that does not exist (dependency, lead, participant, resource, funding source, objective, programme, programme `parent`, indicator `objective`, `contributes` key).";
    DependencyCycle = "E007", "dependency-cycle", Error, "Projects that depend on each other in a circle (or a project on itself).";
    OverCapacity = "E008", "over-capacity", Error, "A project needs more units of a resource than its capacity.";
    OverCommitted = "E009", "over-committed", Error, "A funding source is committed beyond its amount.";
    InvalidId = "E010", "invalid-id", Error, "An id that is empty or has characters other than letters, digits, `-`, `_` and `.`.";
    TooLarge = "E011", "too-large", Error, "The input is beyond what the tool accepts (file size, nesting depth, number of projects, plan length).";
    MissedDeadline = "W001", "missed-deadline", Warning, "No plan found meets the project's deadline (with the days of overrun and what holds it back).";
    FundingGap = "W002", "funding-gap", Warning, "The project's funding does not cover its cost.";
    UnusedObjective = "W003", "unused-objective", Warning, "No project serves the objective.";
    IdleActor = "W004", "idle-actor", Warning, "The actor neither leads nor takes part in any project.";
    OutsideFundingWindow = "W005", "outside-funding-window", Warning, "The project runs outside the window of a source that pays for it (with the days and the amount at risk).";
    InvalidProgress = "E012", "invalid-progress", Error, "Recorded progress that contradicts itself (a done project without `actual_finish`, a finish before the start, progress on a project not in progress).";
    ProgressOutOfOrder = "W006", "progress-out-of-order", Warning, "A project recorded as started before a finish-to-start prerequisite finished.";
    OverShare = "E013", "over-share", Error, "A funding source pays more of a project's cost than its `max_share` allows.";
    ProjectAmountOutOfRange = "E014", "project-amount-out-of-range", Error, "A funding source's contribution to a project is below its `min_project` or above its `max_project`.";
    MissingScore = "W007", "missing-score", Warning, "The roadmap has criteria but the project has no score for some of them.";
    OverYearlyCap = "W008", "over-yearly-cap", Warning, "No plan found keeps a funding source within its `per_year` cap in some year (names the year, the amount over and the projects).";
    ProgrammeCycle = "E015", "programme-cycle", Error, "Programmes whose `parent` links go round in a circle (named as the path, `a -> c -> b -> a`).";
    EmptyProgramme = "W009", "empty-programme", Warning, "A programme with no project in it or in any of its sub-programmes.";
    MissedTarget = "W010", "missed-target", Warning, "The plan does not bring an indicator to its target by the end of the target's year (with the shortfall and the projects that would close it if they finished in time).";
    UnmeasuredObjective = "W011", "unmeasured-objective", Warning, "The roadmap has indicators, but none measures this objective.";
    UnmovedIndicator = "W012", "unmoved-indicator", Warning, "No project contributes to the indicator.";
    CapacityStepOrder = "E016", "capacity-step-order", Error, "A resource's capacity step (`changes`) on or before the roadmap start, or not after the step before it.";
    InvalidEffort = "E017", "invalid-effort", Error, "An `effort` that gives no duration: written together with `duration`, or on a resource the project holds no units of.";
    AimlessProject = "W013", "aimless-project", Warning, "The roadmap has objectives, but the project (not a milestone) serves none of them.";
    HolidayAfterPlan = "W014", "holiday-after-plan", Warning, "A day or range written in `[calendar]` falls after the plan's last year, so it changes nothing (often a mistyped year).";
}

/// The README's table of codes, generated from the table above (`tests/docs.rs` checks the
/// README holds exactly this).
pub fn markdown_table() -> String {
    let mut table =
        String::from("| code | name | severity | meaning |\n| --- | --- | --- | --- |\n");
    for code in Code::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        table.push_str(&format!(
            "| {} | {} | {severity} | {} |\n",
            code.id(),
            code.name(),
            code.description()
        ));
    }
    table
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.id(), self.name())
    }
}

/// A secondary position that helps explain a finding (e.g. the first of two duplicate ids).
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub at: Range<usize>,
    pub message: Text,
}

/// One finding, located in the file it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    /// Written for people: English on its own (JSON, GitHub), any language through the catalogues.
    pub message: Text,
    /// Byte range in the source; `None` for findings about the file as a whole.
    pub at: Option<Range<usize>>,
    pub notes: Vec<Note>,
    pub help: Option<Text>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<Text>) -> Self {
        debug_assert_eq!(code.severity(), Severity::Error);
        Self::new(code, message)
    }

    pub fn new(code: Code, message: impl Into<Text>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            at: None,
            notes: Vec::new(),
            help: None,
        }
    }

    pub fn at(mut self, at: Range<usize>) -> Self {
        self.at = Some(at);
        self
    }

    pub fn with_note(mut self, at: Range<usize>, message: impl Into<Text>) -> Self {
        self.notes.push(Note {
            at,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// Sorts findings by position (file-wide ones first), then code, so output is stable.
pub fn sort(findings: &mut [Diagnostic]) {
    findings.sort_by(|a, b| {
        let pos = |d: &Diagnostic| d.at.as_ref().map(|r| (r.start, r.end));
        pos(a)
            .cmp(&pos(b))
            .then(a.code.cmp(&b.code))
            .then(a.message.as_str().cmp(b.message.as_str()))
    });
}

/// The known name closest to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

/// "Did you mean" over a large set of names (a table's ids), in time bounded by the input.
///
/// Comparing every unknown word with every name is quadratic: 20,000 misspelt references to
/// 20,000 projects would take a minute. Names one edit away (a character added, dropped,
/// changed or two swapped: nearly every typo) are found through an index of each name with one
/// character deleted, in time proportional to the word's length. Only when none is that close
/// are all names compared, and those full comparisons share a fixed budget per table, so a file
/// with thousands of hopeless references still finishes at once (they get no suggestion).
pub struct Suggester {
    /// (hash of a name with one character deleted, or of the whole name; name index), sorted.
    deletions: Vec<(u64, u32)>,
    /// Name comparisons the full scans may still make.
    budget: std::cell::Cell<usize>,
}

/// Name comparisons all full scans of one [`Suggester`] may make together.
const SCAN_BUDGET: usize = 2_000_000;

impl Suggester {
    /// The index of `names` (empty names are never suggested). Query it with the same names.
    pub fn new(names: &[String]) -> Suggester {
        let mut deletions = Vec::new();
        for (i, name) in names.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            deletions.push((hash(name), i));
            for_each_deletion(name, |variant| deletions.push((hash(variant), i)));
        }
        deletions.sort_unstable();
        deletions.dedup();
        Suggester {
            deletions,
            budget: std::cell::Cell::new(SCAN_BUDGET),
        }
    }

    /// The closest of `names` to `word`, by the same measure and threshold as [`suggest`].
    pub fn suggest<'n>(&self, names: &'n [String], word: &str) -> Option<&'n str> {
        let mut near = Vec::new();
        let mut look_up = |h: u64| {
            let from = self.deletions.partition_point(|&(k, _)| k < h);
            for &(k, i) in &self.deletions[from..] {
                if k != h {
                    break;
                }
                near.push(i as usize);
            }
        };
        look_up(hash(word));
        for_each_deletion(word, |variant| look_up(hash(variant)));
        near.sort_unstable();
        near.dedup();
        let close = suggest(
            word,
            near.iter()
                .filter_map(|&i| names.get(i))
                .map(String::as_str),
        );
        if close.is_some() {
            return close;
        }
        let left = self.budget.get();
        if left < names.len() {
            return None;
        }
        self.budget.set(left - names.len());
        suggest(
            word,
            names.iter().map(String::as_str).filter(|n| !n.is_empty()),
        )
    }
}

/// Calls `f` with `word` less each one of its characters.
fn for_each_deletion(word: &str, mut f: impl FnMut(&str)) {
    let mut variant = String::with_capacity(word.len());
    for (at, c) in word.char_indices() {
        variant.clear();
        variant.push_str(&word[..at]);
        variant.push_str(&word[at + c.len_utf8()..]);
        f(&variant);
    }
}

fn hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let ids: HashSet<_> = Code::ALL.iter().map(|c| c.id()).collect();
        let names: HashSet<_> = Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(ids.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
        for code in Code::ALL {
            let prefix = match code.severity() {
                Severity::Error => 'E',
                Severity::Warning => 'W',
            };
            assert!(code.id().starts_with(prefix), "{code}");
            assert!(
                code.name()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            );
        }
    }

    #[test]
    fn the_index_suggests_what_a_full_comparison_would() {
        let ids: Vec<String> = (0..300)
            .map(|i| format!("project-{i}"))
            .chain(["sofia-municipality", "open-data", "софия"].map(String::from))
            .collect();
        let suggester = Suggester::new(&ids);
        for word in [
            "sofia-municipalty",
            "sofia-munciipality",
            "sofia-municipalityy",
            "open_data",
            "opendata",
            "project-12x",
            "projetc-7",
            "софи",
            "zzz",
            "",
        ] {
            let full = suggest(word, ids.iter().map(String::as_str));
            assert_eq!(suggester.suggest(&ids, word), full, "{word}");
        }
    }

    #[test]
    fn full_scans_stop_when_their_budget_is_spent() {
        let ids: Vec<String> = (0..100_000).map(|i| format!("id{i}")).collect();
        let suggester = Suggester::new(&ids);
        // One edit away: always found through the index.
        for _ in 0..1_000 {
            assert_eq!(suggester.suggest(&ids, "id4x2"), Some("id42"));
        }
        // Hopeless words spend the budget, then get nothing, at once.
        let scans = (0..100)
            .filter(|_| suggester.suggest(&ids, "zzzzzz").is_none())
            .count();
        assert_eq!(scans, 100);
        assert!(suggester.budget.get() < ids.len());
        assert_eq!(suggester.suggest(&ids, "id4x2"), Some("id42"));
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["depends_on", "duration", "deadline", "priority"];
        assert_eq!(suggest("dependson", known), Some("depends_on"));
        assert_eq!(suggest("priorty", known), Some("priority"));
        assert_eq!(suggest("colour", known), None);
    }
}
