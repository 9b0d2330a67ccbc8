//! Figures: recognise (`parse`) then interpret (`resolve`) the numbers of war reporting.

pub mod parse;
pub mod resolve;
pub mod tokens;
pub mod words;

pub use parse::{parse, Bounding, FigureMatch, Raw};
pub use resolve::{resolve, Bounds};
