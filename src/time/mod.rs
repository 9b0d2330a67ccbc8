//! Time expressions: recognise (`parse`) then place on the calendar (`resolve`).

pub mod infer;
pub mod parse;
pub mod resolve;

pub use infer::infer_published;
pub use parse::{parse, TimeExpr, TimeMatch, Unit, YearRef};
pub use resolve::{resolve, resolve_span, DateRange, Precision};
