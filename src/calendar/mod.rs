//! Calendar arithmetic: durations, lags, dependency kinds and how they move dates. A leaf that
//! both the model (which reads them from the file) and the engine (which plans with them) use,
//! so neither has to import the other.

pub mod bulgaria;
mod effort;
mod iso;
mod link;
mod months;
mod span;
mod workdays;

pub use effort::{Effort, EffortError, EffortUnit};
pub use iso::{IsoDuration, iso_duration};
pub use link::{LinkKind, link_label, qualifier};
pub use months::MonthStarts;
pub use span::{Span, SpanError};
pub use workdays::{OffReason, WorkCalendar};
