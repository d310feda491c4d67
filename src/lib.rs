//! `roadmap`: turn a city's strategy into a roadmap that can be carried out.

pub mod calendar;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod diff;
pub mod display;
pub mod findings;
pub mod funding;
pub mod i18n;
pub mod import;
pub mod model;
pub mod money;
pub mod output;
pub mod plan;
pub mod rank;
pub mod report;
pub mod risk;
pub mod run;
pub mod scenarios;
pub mod schedule;
pub mod threads;
pub mod validate;

pub use run::run;
