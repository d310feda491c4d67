//! How many threads parallel work runs on: every core, or `ROADMAP_THREADS` (to measure what
//! cores buy, or to leave some free). Results never depend on it: work is split into fixed
//! parts that are merged in a fixed order.

/// Threads to use: `ROADMAP_THREADS` when it is a positive number, else every core.
pub fn count() -> usize {
    std::env::var("ROADMAP_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .filter(|&t| t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}
