//! The roadmap as the rest of the tool sees it, once loaded and validated.

pub mod span;
