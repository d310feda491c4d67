//! Money in the planner and the reports: yearly caps are never exceeded when a plan within them
//! exists, plans stay reproducible, and the rules behind them hold on random problems.
//! `PROPTEST_CASES` raises the number of cases.

use proptest::prelude::*;
use roadmap::schedule::budget::{Budgets, Years};
use roadmap::schedule::{Effort, Hold, Options, Problem, plan, synth};

/// Spend of every budget in every year of a plan.
fn yearly(
    problem: &Problem,
    start: &[i32],
    end: &[i32],
) -> Vec<std::collections::BTreeMap<i32, i64>> {
    let years = Years::of(problem);
    let mut out = vec![std::collections::BTreeMap::new(); problem.budgets.caps.len()];
    for a in 0..problem.activities.len() {
        for &(b, cents) in problem.budgets.of(a) {
            years.spread(cents, start[a], end[a], |year, part| {
                *out[b].entry(year).or_insert(0) += part;
            });
        }
    }
    out
}

/// A portfolio of `n` projects, with budgets whose caps are `tightness` times the average
/// yearly need and at least every single payment (so each project fits in an empty year).
fn capped(n: usize, seed: u64, tightness: i64) -> Problem {
    let mut problem = synth::portfolio_with_budgets(n, seed.is_multiple_of(2), seed);
    let largest = problem
        .budgets
        .spend
        .iter()
        .flatten()
        .map(|s| s.1)
        .max()
        .unwrap_or(0);
    for cap in &mut problem.budgets.caps {
        *cap = (*cap * tightness / 10).max(largest);
    }
    problem
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn no_capped_source_is_ever_over_its_yearly_cap(
        n in 1usize..60,
        seed in any::<u64>(),
        tightness in 2i64..12,
        fast in any::<bool>(),
    ) {
        let problem = capped(n, seed, tightness);
        let effort = if fast { Effort::Fast } else { Effort::Default };
        let solution = plan(&problem, &Options { effort, seed: 3 }).unwrap();
        for (b, years) in yearly(&problem, &solution.start, &solution.end).iter().enumerate() {
            for (year, spent) in years {
                prop_assert!(
                    *spent <= problem.budgets.caps[b],
                    "budget {} pays {} in {}, cap {}", b, spent, year, problem.budgets.caps[b]
                );
            }
        }
        // Links and releases still hold, and the plan is reproducible.
        for link in &problem.links {
            prop_assert!(solution.start[link.to] >= problem.activities[link.to].release);
        }
        let again = plan(&problem, &Options { effort, seed: 3 }).unwrap();
        prop_assert_eq!(&again.start, &solution.start);
        prop_assert_eq!(&again.held_back, &solution.held_back);
    }
}

#[test]
fn a_cap_delays_a_project_until_the_year_has_room() {
    use roadmap::calendar::Span;
    use roadmap::schedule::Activity;
    let activity = || Activity {
        duration: Span::Months(12),
        release: 0,
        due: None,
        priority: 3,
        demands: vec![],
    };
    let problem = Problem {
        origin: "2020-01-01".parse().unwrap(),
        activities: vec![activity(), activity()],
        links: vec![],
        capacities: vec![],
        capacity_changes: Vec::new(),
        budgets: Budgets {
            caps: vec![100_000],
            spend: vec![vec![(0, 100_000)], vec![(0, 60_000)]],
        },
        calendar: None,
    };
    let s = plan(&problem, &Options::default()).unwrap();
    // The smaller one first; the larger starts once 2020 has room for its share of that year
    // (60,000 + 100,000 x 146/365 = 100,000), not a whole year later.
    assert_eq!(s.start, vec![220, 0]);
    assert_eq!(
        s.held_back[0],
        Hold::Budget {
            budget: 0,
            year: 2020
        }
    );
    let spent = yearly(&problem, &s.start, &s.end);
    assert_eq!(
        spent[0].values().copied().collect::<Vec<_>>(),
        vec![100_000, 60_000]
    );
}

/// One activity of `days` days released on day `release`, spending `amount` cents from one
/// source capped at `cap` cents a year.
fn one_capped_activity(days: u32, release: i32, cap: i64, amount: i64) -> Problem {
    Problem {
        origin: "2020-01-01".parse().unwrap(),
        activities: vec![roadmap::schedule::Activity {
            duration: roadmap::calendar::Span::Days(days),
            release,
            due: None,
            priority: 3,
            demands: vec![],
        }],
        links: vec![],
        capacities: vec![],
        capacity_changes: Vec::new(),
        budgets: Budgets {
            caps: vec![cap],
            spend: vec![vec![(0, amount)]],
        },
        calendar: None,
    }
}

#[test]
fn a_project_that_can_never_fit_is_placed_at_its_earliest_and_planning_ends() {
    let problem = one_capped_activity(100, 10, 1_000, 5_000);
    let s = plan(&problem, &Options::default()).unwrap();
    assert_eq!(s.start, vec![10]);
}

#[test]
fn half_a_year_each_side_fits_a_cap_of_half_the_cost() {
    // 12 months costing 2,000 under a cap of 1,000 a year: only a start on July 1-2 fits.
    let problem = one_capped_activity(366, 0, 1_000, 2_000);
    let s = plan(&problem, &Options::default()).unwrap();
    let spent = yearly(&problem, &s.start, &s.end);
    assert!(
        spent[0].values().all(|&c| c <= 1_000),
        "{spent:?} from {}",
        s.start[0]
    );
}

#[test]
fn the_benchmark_portfolio_stays_within_its_caps() {
    let problem = synth::portfolio_with_budgets(2_000, true, 1);
    let s = plan(
        &problem,
        &Options {
            effort: Effort::Fast,
            seed: 1,
        },
    )
    .unwrap();
    for (b, years) in yearly(&problem, &s.start, &s.end).iter().enumerate() {
        for spent in years.values() {
            assert!(*spent <= problem.budgets.caps[b]);
        }
    }
}

/// A random roadmap text: criteria, sources with random rules, windows and caps, and projects
/// with random scores, costs and partial funding. `order` permutes the projects in the file.
fn random_roadmap(seed: u64, reverse: bool) -> String {
    use rand::{RngExt, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut text = String::from(
        "[roadmap]\nname = \"R\"\nstart = 2025-01-01\n\n[[objective]]\nid = \"o1\"\n\n[[objective]]\nid = \"o2\"\n\n[[actor]]\nid = \"a\"\n\n[[criterion]]\nid = \"fit\"\nweight = 2\n\n[[criterion]]\nid = \"cost\"\nweight = 1\n",
    );
    let sources = rng.random_range(1..=4);
    for s in 0..sources {
        text += &format!(
            "\n[[funding]]\nid = \"s{s}\"\namount = {}\n",
            rng.random_range(1..=40) * 50_000
        );
        if rng.random_bool(0.5) {
            text += &format!("max_share = 0.{}\n", rng.random_range(3..=9));
        }
        if rng.random_bool(0.3) {
            text += &format!("min_project = {}\n", rng.random_range(1..=4) * 10_000);
        }
        if rng.random_bool(0.3) {
            text += &format!("max_project = {}\n", rng.random_range(5..=30) * 20_000);
        }
        if rng.random_bool(0.5) {
            text += &format!("per_year = {}\n", rng.random_range(2..=20) * 50_000);
        }
        if rng.random_bool(0.5) {
            text += &format!("from = 2025-{:02}-01\n", rng.random_range(1..=12));
            text += &format!("until = 20{}-12-31\n", rng.random_range(26..=29));
        }
        if rng.random_bool(0.3) {
            text += "eligible_objectives = [\"o1\"]\n";
        }
    }
    let n = rng.random_range(1..=8);
    let mut projects = Vec::new();
    for p in 0..n {
        let cost = rng.random_range(1..=20) * 25_000;
        let s = rng.random_range(0..sources);
        let paid = cost * rng.random_range(0..=10) / 20;
        let mut block = format!(
            "\n[[project]]\nid = \"p{p}\"\nduration = \"{} months\"\nlead = \"a\"\nobjectives = [\"o{}\"]\ncost = {cost}\nscores = {{ fit = {}, cost = {} }}\n",
            rng.random_range(1..=24),
            rng.random_range(1..=2),
            rng.random_range(0..=5),
            rng.random_range(0..=5),
        );
        if paid > 0 {
            block += &format!("funding = {{ s{s} = {paid} }}\n");
        }
        projects.push(block);
    }
    if reverse {
        projects.reverse();
    }
    text + &projects.concat()
}

fn load(text: &str) -> Option<roadmap::model::Roadmap> {
    let parsed = roadmap::model::load::parse_str("r.toml".into(), text.to_string());
    roadmap::validate::validate(&parsed.raw?, parsed.findings).roadmap
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_opportunity_is_admissible(seed in any::<u64>()) {
        use roadmap::funding::{YearlySpend, opportunities};
        use roadmap::money::from_cents;
        let text = random_roadmap(seed, false);
        let Some(model) = load(&text) else { return Ok(()) };
        let plan = roadmap::plan::plan(&model, &Options { effort: Effort::Fast, seed: 1 }).unwrap();
        let committed = model.committed();
        let before = YearlySpend::of(&model, &plan);
        for gap in opportunities(&model, &plan) {
            let project = &model.projects[gap.project];
            let cost = project.cost.unwrap();
            let planned = &plan.projects[gap.project];
            for o in &gap.options {
                let source = &model.funding[o.source];
                prop_assert!(o.amount >= 0.01 && o.amount <= gap.gap + 0.005);
                // Window overlaps the planned dates.
                prop_assert!(source.from.is_none_or(|f| f <= planned.finish));
                prop_assert!(source.until.is_none_or(|u| u >= planned.start));
                // Enough uncommitted money.
                prop_assert!(o.amount <= source.amount - committed[o.source] + 0.005);
                // Share and per-project rules, counting what it already pays.
                let existing: f64 = project.funding.iter().filter(|c| c.source == o.source).map(|c| c.amount).sum();
                let total = existing + o.amount;
                if let Some(share) = &source.max_share {
                    prop_assert!(total <= share.value * cost + 0.005, "share {} of {}", total, cost);
                }
                if let Some(max) = &source.max_project {
                    prop_assert!(total <= max.value + 0.005);
                }
                if let Some(min) = &source.min_project {
                    prop_assert!(total + 0.005 >= min.value);
                }
                // Eligible objective.
                prop_assert!(source.eligible_objectives.is_empty()
                    || project.objectives.iter().any(|x| source.eligible_objectives.contains(x)));
                // Within the yearly cap once added (same plan, same spreading rule).
                if let Some(cap) = &source.per_year {
                    let mut more = model.clone();
                    let p = &mut more.projects[gap.project];
                    match p.funding.iter_mut().find(|c| c.source == o.source) {
                        Some(c) => c.amount += o.amount,
                        None => p.funding.push(roadmap::model::Contribution { source: o.source, amount: o.amount, at: 0..0 }),
                    }
                    let after = YearlySpend::of(&more, &plan);
                    for &year in &after.years {
                        let was = from_cents(before.get(o.source, year));
                        let now = from_cents(after.get(o.source, year));
                        prop_assert!(now <= cap.value + 0.01 || now <= was + 0.01, "{} in {}: {} > {}", source.id, year, now, cap.value);
                    }
                }
            }
            // Best match first.
            for pair in gap.options.windows(2) {
                prop_assert!(pair[0].amount >= pair[1].amount);
            }
        }
    }

    #[test]
    fn the_ranking_is_stable_and_does_not_depend_on_file_order(seed in any::<u64>()) {
        let (Some(a), Some(b)) = (load(&random_roadmap(seed, false)), load(&random_roadmap(seed, true))) else {
            return Ok(());
        };
        let ids = |m: &roadmap::model::Roadmap| -> Vec<(String, u8)> {
            roadmap::rank::ranking(m).iter().map(|r| (m.projects[r.project].id.clone(), r.priority)).collect()
        };
        prop_assert_eq!(ids(&a), ids(&a));
        prop_assert_eq!(ids(&a), ids(&b));
        let rows = roadmap::rank::ranking(&a);
        for pair in rows.windows(2) {
            prop_assert!(pair[0].score >= pair[1].score);
        }
        for row in &rows {
            // Without criteria there is no score; else, without a written priority, the plan
            // uses the one the score implies.
            let Some(score) = row.score else {
                prop_assert!(a.criteria.is_empty() && row.implied.is_none());
                continue;
            };
            prop_assert!(row.explicit || Some(row.priority) == row.implied);
            let sum: f64 = row.contributions.iter().sum();
            prop_assert!((sum - score).abs() < 1e-9);
        }
    }
}

/// The plan's JSON for a roadmap with caps and a gap (budget holds, opportunities, funding
/// rules) matches the documented schema.
#[test]
fn plan_json_with_caps_and_opportunities_matches_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/plan.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let output = assert_cmd::Command::cargo_bin("roadmap")
        .unwrap()
        .args([
            "plan",
            "examples/yearly-caps.toml",
            "--format",
            "json",
            "-q",
        ])
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&plan)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let holds = plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["held_back"]["by"] == "budget")
        .count();
    assert!(holds > 0);
    assert_eq!(plan["opportunities"][0]["id"], "digital-twin");
    assert_eq!(
        plan["opportunities"][0]["opportunities"][0]["source"],
        "erdf-iti"
    );
}
