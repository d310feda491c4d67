//! `roadmap`: turn a city's strategy into a roadmap that can be carried out.

pub mod model;
pub mod schedule;
