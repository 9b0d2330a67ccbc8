//! Time expressions: recognise (`parse`) then place on the calendar (`resolve`).

pub mod parse;
pub mod resolve;

pub use parse::{parse, TimeExpr, TimeMatch, Unit};
pub use resolve::{resolve, DateRange, Precision};
