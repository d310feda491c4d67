//! No algorithm on the project graph recurses on its depth: a 200,000-project chain (listed in
//! both orders) and a 200,000-project cycle go through every command that walks the graph, on a
//! thread with a small stack, so a recursive algorithm overflows here rather than hiding behind
//! the main thread's 8 MiB.

use std::path::Path;

use clap::Parser;

const PROJECTS: usize = 200_000;

/// 512 KiB: a recursion one frame per project would need tens of MiB.
const SMALL_STACK: usize = 512 * 1024;

/// A roadmap whose projects form one chain (`forward`: each depends on the next one listed;
/// else on the previous one) or, with `cycle`, one circle.
fn chain(forward: bool, cycle: bool) -> String {
    let mut text =
        String::from("[roadmap]\nname = \"deep\"\nstart = 2025-01-01\n[[actor]]\nid = \"a\"\n");
    for i in 0..PROJECTS {
        let on = if forward { i + 1 } else { i.wrapping_sub(1) };
        let on = match (on < PROJECTS, cycle) {
            (true, _) => Some(on),
            (false, true) => Some(if forward { 0 } else { PROJECTS - 1 }),
            (false, false) => None,
        };
        text.push_str(&format!(
            "[[project]]\nid = \"p{i}\"\nduration = \"1d\"\nlead = \"a\"\n"
        ));
        if let Some(on) = on {
            text.push_str(&format!("depends_on = [\"p{on}\"]\n"));
        }
    }
    text
}

/// Runs the CLI in this process on a thread with a small stack and returns its exit code.
fn run_small_stack(args: Vec<String>) -> u8 {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let cli = roadmap::cli::Cli::parse_from(args);
            let code = roadmap::run(cli);
            // ExitCode has no accessor: compare with the three codes the tool uses.
            [0u8, 1, 2]
                .into_iter()
                .find(|&c| std::process::ExitCode::from(c) == code)
                .unwrap_or(255)
        })
        .unwrap()
        .join()
        .expect("no stack overflow (it would abort the whole test process)")
}

fn args(list: &[&str], file: &Path, out: &Path) -> Vec<String> {
    let mut all = vec!["roadmap".to_string(), "-q".to_string()];
    all.extend(list.iter().map(|s| s.to_string()));
    all.push(file.display().to_string());
    all.extend([
        "--force".to_string(),
        "-o".to_string(),
        out.display().to_string(),
    ]);
    all
}

#[test]
fn long_chains_and_cycles_never_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let forward = dir.path().join("forward.toml");
    let backward = dir.path().join("backward.toml");
    let cycle = dir.path().join("cycle.toml");
    std::fs::write(&forward, chain(true, false)).unwrap();
    std::fs::write(&backward, chain(false, false)).unwrap();
    std::fs::write(&cycle, chain(true, true)).unwrap();
    let out = dir.path().join("out");

    for file in [&forward, &backward] {
        // Topological order, waves, critical chains, slack: the plan and the order views.
        assert_eq!(
            run_small_stack(args(
                &["plan", "--format", "json", "--effort", "fast"],
                file,
                &out
            )),
            0
        );
        let plan: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        let projects = plan["projects"].as_array().unwrap();
        assert_eq!(projects.len(), PROJECTS);
        // A chain: every project is critical and the plan is as long as the chain.
        assert!(projects.iter().all(|p| p["critical"] == true));
    }
    // Waves and the implementation order of the whole chain.
    assert_eq!(
        run_small_stack(args(
            &["order", "--format", "csv", "--effort", "fast"],
            &backward,
            &out
        )),
        0
    );
    let order = std::fs::read_to_string(&out).unwrap();
    assert_eq!(order.lines().count(), PROJECTS + 1);
    // Reachability and explanations in diff: the two listings plan alike.
    let diff = vec![
        "roadmap".to_string(),
        "-q".to_string(),
        "diff".to_string(),
        forward.display().to_string(),
        backward.display().to_string(),
        "--effort".to_string(),
        "fast".to_string(),
        "--format".to_string(),
        "json".to_string(),
        "-o".to_string(),
        out.display().to_string(),
        "--force".to_string(),
    ];
    assert_eq!(run_small_stack(diff), 0);

    // The cycle: found (iteratively), reported once, exit 1.
    let validate = vec![
        "roadmap".to_string(),
        "validate".to_string(),
        "--format".to_string(),
        "github".to_string(),
        cycle.display().to_string(),
    ];
    assert_eq!(run_small_stack(validate), 1);
}
