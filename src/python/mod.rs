//! The pyo3 bindings: a thin layer over the core. Each function converts arguments, runs
//! the core with the GIL released, and wraps the result.

mod analysis;
mod convert;
mod errors;

use crate::lexicon::{self, Lexicon};
use crate::read::{Input, ReadOptions, Record};
use convert::ArrowTable;
use errors::{to_py, InputError, LexiconError, ManifestError, WarclaimsError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use std::path::PathBuf;

/// A compiled lexicon (parties, sources, places, units, kinds, actions).
#[pyclass(module = "warclaims._warclaims", name = "RustLexicon", frozen)]
pub struct PyLexicon {
    inner: Lexicon,
}

#[pymethods]
impl PyLexicon {
    /// The default lexicon shipped with warclaims.
    #[staticmethod]
    fn default_lexicon() -> PyResult<Self> {
        Ok(PyLexicon {
            inner: Lexicon::default_lexicon().map_err(to_py)?,
        })
    }

    /// A lexicon from TOML text; `name` is used in error messages.
    #[staticmethod]
    fn from_toml(text: &str, name: &str) -> PyResult<Self> {
        Ok(PyLexicon {
            inner: Lexicon::from_toml(text, name).map_err(to_py)?,
        })
    }

    /// A new lexicon with the entries of TOML `text` added (same id: merged), and the
    /// aliases the addition took from other entries.
    fn extend_toml(&self, text: &str, name: &str) -> PyResult<(Self, Vec<String>)> {
        let file = lexicon::parse_file(text, name).map_err(to_py)?;
        let (inner, moved) = self
            .inner
            .extended_with_changes(file, name)
            .map_err(to_py)?;
        Ok((PyLexicon { inner }, moved))
    }

    /// The lexicon as TOML text.
    fn to_toml(&self) -> PyResult<String> {
        toml_string(&self.inner.file)
    }

    /// The ids of the entries of one type (`party`, `source`, `place`, `unit`, `kind`, `action`).
    fn ids(&self, entry_type: &str) -> PyResult<Vec<String>> {
        let ty = match entry_type {
            "party" => lexicon::EntryType::Party,
            "source" => lexicon::EntryType::Source,
            "place" => lexicon::EntryType::Place,
            "unit" => lexicon::EntryType::Unit,
            "kind" => lexicon::EntryType::Kind,
            "action" => lexicon::EntryType::Action,
            other => {
                return Err(LexiconError::new_err(format!(
                    "unknown entry type {other:?}; use party, source, place, unit, kind or action"
                )))
            }
        };
        Ok(self
            .inner
            .entries(ty)
            .iter()
            .map(|e| e.id.clone())
            .collect())
    }
}

fn toml_string(file: &lexicon::LexiconFile) -> PyResult<String> {
    toml::to_string(file).map_err(|e| LexiconError::new_err(e.to_string()))
}

fn column(dict: &Bound<'_, PyDict>, name: &str, n: usize) -> PyResult<Vec<Option<String>>> {
    match dict.get_item(name)? {
        Some(v) => v.extract(),
        None => Ok(vec![None; n]),
    }
}

/// Converts Python inputs: a `str` path, or an `(origin, {column: [values]})` tuple.
fn inputs_from_py(items: &Bound<'_, PyAny>) -> PyResult<Vec<Input>> {
    let mut inputs = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        if let Ok(path) = item.extract::<PathBuf>() {
            inputs.push(Input::Path(path));
            continue;
        }
        let tuple = item.cast::<PyTuple>().map_err(|_| {
            InputError::new_err(
                "each input must be a path, a (path, explicit) or an (origin, columns) pair",
            )
        })?;
        let first: String = tuple.get_item(0)?.extract()?;
        let cols = tuple.get_item(1)?;
        if let Ok(explicit) = cols.extract::<bool>() {
            inputs.push(Input::File {
                path: PathBuf::from(first),
                explicit,
            });
            continue;
        }
        let origin = first;
        let dict = cols.cast::<PyDict>()?;
        let text = column(dict, "text", 0)?;
        let n = text.len();
        let ids = column(dict, "id", n)?;
        let titles = column(dict, "title", n)?;
        let outlets = column(dict, "outlet", n)?;
        let urls = column(dict, "url", n)?;
        let published = column(dict, "published", n)?;
        let records = (0..n)
            .map(|i| Record {
                id: ids.get(i).cloned().flatten(),
                title: titles.get(i).cloned().flatten(),
                outlet: outlets.get(i).cloned().flatten(),
                url: urls.get(i).cloned().flatten(),
                published: published.get(i).cloned().flatten(),
                text: text.get(i).cloned().flatten(),
            })
            .collect();
        inputs.push(Input::Records { origin, records });
    }
    Ok(inputs)
}

/// Expands paths into `(file, explicit)` pairs: directories recursively, sorted, hidden
/// entries and the manifest (`exclude`) left out.
#[pyfunction]
#[pyo3(signature = (paths, exclude=None))]
fn list_files(paths: Vec<PathBuf>, exclude: Option<PathBuf>) -> PyResult<Vec<(String, bool)>> {
    let files = crate::read::list_files(&paths, exclude.as_deref()).map_err(to_py)?;
    Ok(files
        .into_iter()
        .map(|(p, e)| (p.display().to_string(), e))
        .collect())
}

type Tables = (ArrowTable, ArrowTable, ArrowTable, Vec<String>);

/// Reads and extracts inputs: returns (articles, claims, control, unused manifest keys).
#[pyfunction]
#[pyo3(signature = (inputs, manifest=None, text_column=None, lexicon=None))]
fn extract(
    py: Python<'_>,
    inputs: &Bound<'_, PyAny>,
    manifest: Option<PathBuf>,
    text_column: Option<String>,
    lexicon: Option<&PyLexicon>,
) -> PyResult<Tables> {
    let inputs = inputs_from_py(inputs)?;
    let options = ReadOptions {
        manifest,
        text_column,
    };
    let default;
    let lex = match lexicon {
        Some(l) => &l.inner,
        None => {
            default = Lexicon::default_lexicon().map_err(to_py)?;
            &default
        }
    };
    let (output, frames) = py
        .detach(|| crate::run(inputs, &options, lex))
        .map_err(to_py)?;
    Ok((
        ArrowTable::new(frames.articles),
        ArrowTable::from_batches(frames.claims)?,
        ArrowTable::from_batches(frames.control)?,
        output.unused_manifest_keys,
    ))
}

/// The figures of a text (see `warclaims.parse_figures`).
#[pyfunction]
fn parse_figures(py: Python<'_>, text: &str) -> PyResult<ArrowTable> {
    let batch = py
        .detach(|| crate::frames::figures_batch(text))
        .map_err(to_py)?;
    Ok(ArrowTable::new(batch))
}

/// The time expressions of a text (see `warclaims.parse_times`); `published` is ISO.
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn parse_times(py: Python<'_>, text: &str, published: Option<&str>) -> PyResult<ArrowTable> {
    let p = match published {
        None => None,
        Some(s) => Some(crate::read::meta::parse_date(s).ok_or_else(|| {
            InputError::new_err(format!("published {s:?} is not a date; use YYYY-MM-DD"))
        })?),
    };
    let batch = py
        .detach(|| crate::frames::times_batch(text, p))
        .map_err(to_py)?;
    Ok(ArrowTable::new(batch))
}

/// The benchmark's floor: a bare Aho-Corasick scan of the lexicon's phrases over `texts`
/// (in parallel, the GIL released); returns how many phrases it found.
#[pyfunction]
pub fn scan_phrases(py: Python<'_>, texts: Vec<String>, lexicon: &PyLexicon) -> usize {
    use rayon::prelude::*;
    let inner = &lexicon.inner;
    py.detach(|| texts.par_iter().map(|t| inner.count_phrases(t)).sum())
}

/// The Python extension module.
#[pymodule]
fn _warclaims(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(list_files, m)?)?;
    m.add_function(wrap_pyfunction!(parse_figures, m)?)?;
    m.add_function(wrap_pyfunction!(parse_times, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::group_claims, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::control_timeline, m)?)?;
    m.add_function(wrap_pyfunction!(scan_phrases, m)?)?;
    let aliases = PyDict::new(py);
    aliases.set_item("text", crate::read::table::TEXT_COLUMNS.to_vec())?;
    aliases.set_item("id", crate::read::table::ID_COLUMNS.to_vec())?;
    aliases.set_item("title", crate::read::table::TITLE_COLUMNS.to_vec())?;
    aliases.set_item("outlet", crate::read::table::OUTLET_COLUMNS.to_vec())?;
    aliases.set_item("url", crate::read::table::URL_COLUMNS.to_vec())?;
    aliases.set_item("published", crate::read::table::PUBLISHED_COLUMNS.to_vec())?;
    m.add("COLUMN_ALIASES", aliases)?;
    let rules = PyDict::new(py);
    let claim_rules: Vec<&str> = crate::extract::rules::CLAIM_RULES
        .iter()
        .map(|r| r.as_str())
        .collect();
    let control_rules: Vec<&str> = crate::extract::rules::CONTROL_RULES
        .iter()
        .map(|r| r.as_str())
        .collect();
    rules.set_item("claims", claim_rules)?;
    rules.set_item("control", control_rules)?;
    m.add("RULES", rules)?;
    m.add_class::<PyLexicon>()?;
    m.add_class::<ArrowTable>()?;
    m.add("WarclaimsError", py.get_type::<WarclaimsError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("ManifestError", py.get_type::<ManifestError>())?;
    m.add("LexiconError", py.get_type::<LexiconError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
