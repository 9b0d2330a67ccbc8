//! Errors of the core. Problems with one article are never errors: they become
//! coded warnings on that article's row. An [`Error`] means the call itself was wrong.

use std::path::PathBuf;

/// Everything that makes a whole call fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path that does not exist or cannot be listed.
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },

    /// A metadata manifest that cannot be used as given.
    #[error("manifest {path}: {message}")]
    Manifest { path: PathBuf, message: String },

    /// A lexicon file or entry that is not valid.
    #[error("lexicon {file}: {entry}: {message}")]
    Lexicon {
        file: String,
        entry: String,
        message: String,
    },

    /// A failure to build the output frames (a bug, reported rather than panicking).
    #[error("building output frames: {0}")]
    Frame(String),
}

impl Error {
    pub(crate) fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            message: message.into(),
        }
    }

    pub(crate) fn manifest(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Manifest {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
