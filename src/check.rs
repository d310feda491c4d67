//! The check pipeline: load → resolve → every rule → plan → plan findings. The one entry point
//! for `validate`, `plan`, the reports, `diff`, `compare` and the fuzz target, so that each of
//! them sees the same findings for the same file.

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::render::FileReport;
use crate::diag::{self, Diagnostic, Severity, SourceFile};
use crate::model::load::{self, Input, Parsed, ReadError};
use crate::model::{Roadmap, Scenario};
use crate::plan::{Plan, PlanError, plan_as_of};
use crate::schedule::Options;
use crate::validate;

/// What to check: the planner's options, the scenario to apply and the day progress runs to.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub options: Options,
    /// Plan the variant of the roadmap this `[[scenario]]` (by id) describes.
    pub scenario: Option<String>,
    /// Plan the remaining work from this day (see [`plan_as_of`]).
    pub as_of: Option<NaiveDate>,
}

/// Why a file could not be checked at all (findings are not errors of this kind).
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{file} has no scenario `{id}`{}", known_scenarios(.known))]
    UnknownScenario {
        file: String,
        id: String,
        known: Vec<String>,
    },
    #[error("cannot plan {file}")]
    Plan {
        file: String,
        #[source]
        source: PlanError,
    },
}

fn known_scenarios(known: &[String]) -> String {
    if known.is_empty() {
        " (it has no [[scenario]] tables)".to_string()
    } else {
        format!("; its scenarios are: {}", known.join(", "))
    }
}

/// A roadmap file read, checked and planned: the model and plan when it has no errors, and
/// every finding (the plan's missed deadlines, funding windows and yearly caps included).
pub struct Checked {
    pub source: SourceFile,
    pub roadmap: Option<Roadmap>,
    pub plan: Option<Plan>,
    pub findings: Vec<Diagnostic>,
    /// The findings of decoding and resolving alone: every variant of the file shares them
    /// (the rules and the plan are re-run on each variant).
    resolved: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        validate::has_errors(&self.findings)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    /// For output people read (tables, timelines): the roadmap with every text from the file
    /// escaped for a terminal ([`Roadmap::for_terminal`]); unchanged for machine formats. The
    /// plan stays valid: only text changes.
    pub fn for_people(mut self, human: bool) -> Checked {
        if human {
            self.roadmap = self.roadmap.as_ref().map(Roadmap::for_terminal);
            self.source.name = crate::display::terminal(&self.source.name).into_owned();
        }
        self
    }

    /// The file and its findings, for the renderers.
    pub fn report(&self) -> FileReport<'_> {
        FileReport {
            file: &self.source,
            findings: &self.findings,
        }
    }

    /// The roadmap changed by `scenario`, checked again from the rules on: every rule runs on
    /// the variant (a cut source can break `min_project`, a raised one `max_share`), then the
    /// planner and its findings (windows, yearly caps, deadlines). `None` when this file has
    /// no valid roadmap to vary.
    pub fn variant(
        &self,
        scenario: &Scenario,
        settings: &Settings,
    ) -> Result<Option<Checked>, CheckError> {
        let Some(roadmap) = &self.roadmap else {
            return Ok(None);
        };
        let variant = roadmap.with_scenario(scenario);
        finish(
            self.source.clone(),
            variant,
            self.resolved.clone(),
            settings.options,
            settings.as_of,
        )
        .map(Some)
    }
}

/// Reads a file (or stdin for `-`) and checks it.
pub fn check_path(path: &Path, settings: &Settings) -> Result<Checked, CheckError> {
    check_source(load::load(&Input::from_arg(path))?, settings)
}

/// Checks a file already read and parsed (e.g. from `git show`, or the fuzz target's bytes).
pub fn check_source(parsed: Parsed, settings: &Settings) -> Result<Checked, CheckError> {
    let Some(raw) = &parsed.raw else {
        return Ok(Checked {
            source: parsed.source,
            roadmap: None,
            plan: None,
            resolved: parsed.findings.clone(),
            findings: parsed.findings,
        });
    };
    let (roadmap, resolved) = validate::resolve_file(raw, &parsed.attached, parsed.findings);
    let roadmap = match &settings.scenario {
        None => roadmap,
        // A file with errors has no model to vary: its own findings are the answer.
        Some(_) if has_errors_after_rules(&roadmap, &resolved) => roadmap,
        Some(id) => match roadmap.scenario(id) {
            Some(scenario) => roadmap.with_scenario(scenario),
            None => {
                return Err(CheckError::UnknownScenario {
                    file: parsed.source.name,
                    id: id.clone(),
                    known: roadmap.scenarios.iter().map(|s| s.id.clone()).collect(),
                });
            }
        },
    };
    finish(
        parsed.source,
        roadmap,
        resolved,
        settings.options,
        settings.as_of,
    )
}

fn has_errors_after_rules(roadmap: &Roadmap, resolved: &[Diagnostic]) -> bool {
    validate::has_errors(resolved) || validate::has_errors(&validate::rules(roadmap))
}

/// Every rule on a resolved roadmap, then (when nothing is an error) the plan and its findings.
fn finish(
    source: SourceFile,
    roadmap: Roadmap,
    resolved: Vec<Diagnostic>,
    options: Options,
    as_of: Option<NaiveDate>,
) -> Result<Checked, CheckError> {
    let mut findings = resolved.clone();
    findings.extend(validate::rules(&roadmap));
    let (roadmap, plan) = if validate::has_errors(&findings) {
        (None, None)
    } else {
        match plan_as_of(&roadmap, &options, as_of) {
            Ok(mut plan) => {
                plan.findings = crate::findings::of(&roadmap, &plan);
                findings.extend(plan.findings.iter().cloned());
                (Some(roadmap), Some(plan))
            }
            // Past the last supported day: a finding on the file (E011), not a failure to run.
            Err(PlanError::PastLastDay(finding)) => {
                findings.push(*finding);
                (None, None)
            }
            Err(source_err) => {
                return Err(CheckError::Plan {
                    file: source.name.clone(),
                    source: source_err,
                });
            }
        }
    };
    diag::sort(&mut findings);
    Ok(Checked {
        source,
        roadmap,
        plan,
        findings,
        resolved,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::schedule::Effort;

    fn settings(scenario: Option<&str>) -> Settings {
        Settings {
            options: Options {
                effort: Effort::Fast,
                seed: 42,
            },
            scenario: scenario.map(str::to_string),
            as_of: None,
        }
    }

    fn codes(text: &str, scenario: Option<&str>) -> Vec<Code> {
        let parsed = load::parse_str("t.toml".into(), text.to_string());
        let checked = check_source(parsed, &settings(scenario)).unwrap();
        checked.findings.iter().map(|f| f.code).collect()
    }

    /// One source with every limit a scenario can break, two projects it pays for, and one
    /// scenario per limit.
    const FILE: &str = include_str!("../tests/fixtures/scenarios-break-rules.toml");

    #[test]
    fn the_file_itself_is_clean() {
        let got = codes(FILE, None);
        assert!(
            !got.contains(&Code::ProjectAmountOutOfRange) && !got.contains(&Code::OverShare),
            "{got:?}"
        );
        assert!(!got.contains(&Code::OverYearlyCap), "{got:?}");
        assert!(!got.contains(&Code::OutsideFundingWindow), "{got:?}");
    }

    #[test]
    fn a_scenario_below_min_project_gets_the_finding() {
        // 200 × 0.4 = 80 < min_project 100.
        assert!(codes(FILE, Some("small")).contains(&Code::ProjectAmountOutOfRange));
    }

    #[test]
    fn a_scenario_over_max_share_gets_the_finding() {
        // 200 × 1.6 = 320 of a 600 cost is over half.
        assert!(codes(FILE, Some("big-share")).contains(&Code::OverShare));
    }

    #[test]
    fn a_scenario_over_a_yearly_cap_gets_the_finding() {
        // 900 in one month: even split over a new year, 450 a year is over the 400 cap.
        assert!(codes(FILE, Some("rush")).contains(&Code::OverYearlyCap));
    }

    #[test]
    fn a_scenario_past_a_window_gets_the_finding() {
        assert!(codes(FILE, Some("slow")).contains(&Code::OutsideFundingWindow));
    }

    #[test]
    fn an_unknown_scenario_is_an_error_naming_the_known_ones() {
        let parsed = load::parse_str("t.toml".into(), FILE.to_string());
        let err = check_source(parsed, &settings(Some("nope")))
            .err()
            .expect("unknown scenario");
        let text = err.to_string();
        assert!(text.contains("no scenario `nope`"), "{text}");
        assert!(text.contains("small, big-share, rush, slow"), "{text}");
    }

    #[test]
    fn a_variant_of_a_checked_file_re_runs_the_rules() {
        let parsed = load::parse_str("t.toml".into(), FILE.to_string());
        let checked = check_source(parsed, &settings(None)).unwrap();
        let roadmap = checked.roadmap.as_ref().unwrap();
        let small = roadmap.scenario("small").unwrap();
        let variant = checked.variant(small, &settings(None)).unwrap().unwrap();
        assert!(variant.has_errors());
        assert!(variant.plan.is_none());
    }
}
