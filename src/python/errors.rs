//! Python exceptions and the one mapping from core errors to them.

use crate::error::Error;
use pyo3::exceptions::PyException;
use pyo3::PyErr;

pyo3::create_exception!(
    _warclaims,
    WarclaimsError,
    PyException,
    "Base class of every warclaims error."
);
pyo3::create_exception!(
    _warclaims,
    InputError,
    WarclaimsError,
    "An input path, file or table that cannot be read as given."
);
pyo3::create_exception!(
    _warclaims,
    ManifestError,
    InputError,
    "A metadata manifest that cannot be used (missing file, missing `id`/`file` column)."
);
pyo3::create_exception!(
    _warclaims,
    LexiconError,
    WarclaimsError,
    "A lexicon file or entry that is not valid; the message names the file and entry."
);

/// Converts a core error into its Python exception.
pub fn to_py(err: Error) -> PyErr {
    let message = err.to_string();
    match err {
        Error::Input { .. } => InputError::new_err(message),
        Error::Manifest { .. } => ManifestError::new_err(message),
        Error::Lexicon { .. } => LexiconError::new_err(message),
        Error::Frame(_) => WarclaimsError::new_err(message),
    }
}
