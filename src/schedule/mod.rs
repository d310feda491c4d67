//! The planning engine: dependency order, critical path and resource-constrained scheduling.

pub mod problem;
