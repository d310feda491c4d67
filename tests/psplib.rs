//! The planner on real PSPLIB j30 instances (those committed under `benches/data/j30`).

#[path = "../benches/support/psplib.rs"]
mod psplib;

use roadmap::schedule::{Effort, Options, plan};

#[test]
fn j30_instances_are_feasible_and_near_optimal_at_fast_effort() {
    let table = psplib::parse_reference(
        &std::fs::read_to_string("benches/data/j30-optimum.csv").unwrap(),
        "j30",
    );
    let mut files: Vec<_> = std::fs::read_dir("benches/data/j30")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sm"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        let problem = psplib::parse_sm(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let options = Options {
            effort: Effort::Fast,
            ..Options::default()
        };
        let solution = plan(&problem, &options).unwrap();
        psplib::feasible(&problem, &solution.start, &solution.end).unwrap();
        let optimum = table[&name];
        assert!(
            solution.makespan >= optimum as i32,
            "{name} beats its proven optimum"
        );
        let gap = f64::from(solution.makespan as u32 - optimum) / f64::from(optimum);
        assert!(
            gap <= 0.05,
            "{name}: {} vs optimum {optimum}",
            solution.makespan
        );
    }
}
