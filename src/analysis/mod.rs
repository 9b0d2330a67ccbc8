//! Across articles: which claims report the same figure about the same event ([`groups`])
//! and who held a place when ([`timeline`]). Pure functions over plain rows; the Python
//! layer feeds them from the `claims` and `control` frames and builds frames of the result.

pub mod groups;
pub mod timeline;

/// Days since 1970-01-01, the integer form dates take on their way in and out.
pub type Day = i32;
