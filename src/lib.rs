//! `roadmap`: turn a city's strategy into a roadmap that can be carried out.

pub mod diag;
pub mod display;
pub mod model;
pub mod schedule;
pub mod validate;
