//! warclaims: turn war reporting into data.
//!
//! The core reads articles ([`read`]), splits sentences ([`sentences`]), recognises figures
//! ([`figure`]) and time expressions ([`time`]), matches the [`lexicon`], extracts claims and
//! control events ([`extract`]) and builds Arrow tables ([`frames`]). It knows nothing of
//! Python: the bindings live in `python/` behind the `python` feature.

pub mod analysis;
pub mod article;
pub mod error;
pub mod extract;
pub mod figure;
pub mod frames;
pub mod furniture;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod offsets;
pub mod read;
pub mod sentences;
pub mod time;
pub mod warning;

#[cfg(feature = "python")]
mod python;

pub use article::{Article, PublishedBasis};
pub use error::{Error, Result};
pub use lexicon::Lexicon;

/// Reads inputs and extracts them: the whole pipeline, Python-free.
pub fn run(
    inputs: Vec<read::Input>,
    options: &read::ReadOptions,
    lexicon: &Lexicon,
) -> Result<(read::ReadOutput, frames::Frames)> {
    let output = read::read(inputs, options)?;
    let results = extract::extract_all(&output.articles, lexicon);
    let frames = frames::build(&output.articles, &results)?;
    Ok((output, frames))
}
