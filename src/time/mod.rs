//! Time expressions: recognise (`parse`), place on the calendar (`resolve`), and date the
//! events of a sentence (`dating`).

pub mod dating;
pub mod infer;
pub mod parse;
pub mod resolve;

pub use dating::{DatingContext, EventDate, RowDate};
pub use infer::infer_published;
pub use parse::{parse, TimeExpr, TimeMatch, Unit, YearRef};
pub use resolve::{resolve, resolve_span, DateRange, Precision};
