//! Reading documents: files, directories and records into [`Article`]s, one per document.
//!
//! Every document yields an article, even when empty, binary or undecodable: what was
//! repaired or skipped is said in its warnings. Only a wrong call (a missing path, an
//! unusable manifest, a table without a text column) is an [`Error`].

pub mod decode;
pub mod html;
pub mod manifest;
pub mod meta;
pub mod table;
pub mod text;

use crate::article::Article;
use crate::error::{Error, Result};
use crate::warning::Warning;
use chrono::NaiveDate;
use manifest::Manifest;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
pub use table::Record;

/// Documents larger than this are truncated (with a warning) rather than read whole.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// One input: a file or directory, or records already in memory (Python objects, Parquet rows).
#[derive(Debug, Clone)]
pub enum Input {
    /// A file or a directory, expanded by [`list_files`].
    Path(PathBuf),
    /// One file already listed; `explicit` when the caller named it (errors are raised
    /// for it rather than turned into warnings).
    File { path: PathBuf, explicit: bool },
    /// Documents given as fields.
    Records {
        origin: String,
        records: Vec<Record>,
    },
}

/// Options for reading.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Metadata manifest to apply.
    pub manifest: Option<PathBuf>,
    /// Name of the text column in table corpora (default: the first of [`table::TEXT_COLUMNS`]).
    pub text_column: Option<String>,
}

/// The articles read, and the manifest keys that matched no document.
#[derive(Debug, Clone, Default)]
pub struct ReadOutput {
    pub articles: Vec<Article>,
    pub unused_manifest_keys: Vec<String>,
}

/// Expands paths into the files to read: files as given, directories recursively in
/// sorted order, hidden entries skipped. `exclude` (the manifest) is never listed from a directory.
pub fn list_files(paths: &[PathBuf], exclude: Option<&Path>) -> Result<Vec<(PathBuf, bool)>> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::input(path, format!("cannot open it ({e}); check the path")))?;
        if meta.is_dir() {
            walk(path, exclude.as_deref(), &mut out)?;
        } else {
            out.push((path.clone(), true));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, exclude: Option<&Path>, out: &mut Vec<(PathBuf, bool)>) -> Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Error::input(&d, format!("cannot list the directory ({e})")))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(_) => {
                    let canonical = path.canonicalize().ok();
                    if exclude.is_none() || canonical.as_deref() != exclude {
                        files.push(path);
                    }
                }
                Err(_) => files.push(path),
            }
        }
    }
    files.sort();
    out.extend(files.into_iter().map(|f| (f, false)));
    Ok(())
}

/// Reads all inputs in order (files in parallel) and applies the manifest.
pub fn read(inputs: Vec<Input>, opts: &ReadOptions) -> Result<ReadOutput> {
    let manifest = opts
        .manifest
        .as_deref()
        .map(Manifest::from_path)
        .transpose()?;
    let mut units: Vec<Unit> = Vec::new();
    for input in inputs {
        match input {
            Input::Path(p) => {
                for (file, explicit) in list_files(&[p], opts.manifest.as_deref())? {
                    units.push(Unit::File { file, explicit });
                }
            }
            Input::File { path, explicit } => units.push(Unit::File {
                file: path,
                explicit,
            }),
            Input::Records { origin, records } => units.push(Unit::Records { origin, records }),
        }
    }
    let text_column = opts.text_column.as_deref();
    let results: Vec<Result<Vec<Sourced>>> = units
        .into_par_iter()
        .map(|unit| unit.read(text_column))
        .collect();
    let mut articles = Vec::new();
    let mut files = Vec::new();
    for r in results {
        for (article, file) in r? {
            articles.push(article);
            files.push(file);
        }
    }
    articles.par_iter_mut().for_each(remove_invisible);
    let unused_manifest_keys = match &manifest {
        Some(m) => m.apply(&mut articles, &files),
        None => Vec::new(),
    };
    articles
        .par_iter_mut()
        .filter(|a| a.published.is_none())
        .for_each(|article| {
            if let Some(date) = crate::time::infer_published(&article.text) {
                article.published = Some(date);
                article.published_basis = crate::article::PublishedBasis::Inferred;
            }
        });
    flag_implausible_published(&mut articles, today());
    make_ids_unique(&mut articles);
    Ok(ReadOutput {
        articles,
        unused_manifest_keys,
    })
}

/// Format characters that show nothing but split figures and names ("1\u{200b}500",
/// "Pal\u{200f}myra"): zero-width space, word joiner, BOM, soft hyphen, and the
/// directional marks, embeddings and isolates. Joiners (ZWJ, ZWNJ) are kept: Arabic and
/// Persian words and emoji need them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{00AD}' | '\u{FEFF}'
    ) || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2060}'..='\u{2064}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Removes invisible format characters from the text (before any offset is taken), and
/// says how many.
fn remove_invisible(article: &mut Article) {
    let n = article.text.chars().filter(|&c| is_invisible(c)).count();
    if n > 0 {
        article.text.retain(|c| !is_invisible(c));
        article
            .warnings
            .push(Warning::InvisibleRemoved.with(format!(
                "{n} invisible format characters (zero-width spaces, directional marks, soft \
             hyphens) removed"
            )));
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// Warns about a publication date after `today` or before 1900 (kept as given: relative
/// dates resolve against it, which is then most likely wrong).
fn flag_implausible_published(articles: &mut [Article], today: NaiveDate) {
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    for article in articles {
        let Some(published) = article.published else {
            continue;
        };
        let when = if published > today {
            "in the future"
        } else if published < earliest {
            "before 1900"
        } else {
            continue;
        };
        article
            .warnings
            .push(Warning::ImplausiblePublished.with(format!(
                "publication date {published} is {when}: kept, but relative dates resolved \
             against it are likely wrong"
            )));
    }
}

/// An article and the file it came from (for manifests keyed by file).
type Sourced = (Article, Option<String>);

enum Unit {
    File {
        file: PathBuf,
        explicit: bool,
    },
    Records {
        origin: String,
        records: Vec<Record>,
    },
}

impl Unit {
    fn read(self, text_column: Option<&str>) -> Result<Vec<Sourced>> {
        match self {
            Unit::File { file, explicit } => {
                let name = Some(file.display().to_string());
                Ok(read_file(&file, explicit, text_column)?
                    .into_iter()
                    .map(|a| (a, name.clone()))
                    .collect())
            }
            Unit::Records { origin, records } => Ok(records
                .into_iter()
                .enumerate()
                .map(|(i, r)| (r.into_article(format!("{origin}:{}", i + 1)), None))
                .collect()),
        }
    }
}

/// Reads one file into its articles (one, or one per row for tables).
pub fn read_file(path: &Path, explicit: bool, text_column: Option<&str>) -> Result<Vec<Article>> {
    let stem = table::file_stem(path);
    let mut bytes =
        std::fs::read(path).map_err(|e| Error::input(path, format!("cannot read it ({e})")))?;
    let mut warnings = Vec::new();
    if bytes.len() > MAX_DOCUMENT_BYTES {
        warnings.push(Warning::Truncated.with(format!(
            "{} bytes; only the first {MAX_DOCUMENT_BYTES} were read",
            bytes.len()
        )));
        bytes.truncate(MAX_DOCUMENT_BYTES);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "parquet" {
        let mut a = Article::new(stem, String::new());
        a.warnings
            .push(Warning::NoText.with("Parquet files are read through the Python package"));
        return Ok(vec![a]);
    }
    if let Some(kind) = decode::sniff_binary(&bytes) {
        let mut a = Article::new(stem, String::new());
        a.warnings = warnings;
        a.warnings
            .push(Warning::Binary.with(format!("{kind}: no text to read")));
        return Ok(vec![a]);
    }
    let table = match ext.as_str() {
        "jsonl" | "ndjson" => Some(table::read_jsonl(path, &bytes, text_column)),
        "csv" => Some(table::read_csv(path, &bytes, text_column)),
        _ => None,
    };
    if let Some(result) = table {
        return match result {
            Ok(articles) => Ok(articles),
            Err(e) if explicit => Err(e),
            Err(e) => {
                let mut a = Article::new(stem, String::new());
                a.warnings
                    .push(Warning::NoText.with(format!("table not read: {e}")));
                Ok(vec![a])
            }
        };
    }
    let decoded = decode::decode(&bytes);
    warnings.extend(decoded.warnings);
    let mut article = if matches!(ext.as_str(), "html" | "htm" | "xhtml") {
        html::article_from_html(stem, &decoded.text, warnings)
    } else {
        text::article_from_text(stem, decoded.text, warnings)
    };
    if article.text.trim().is_empty() {
        article
            .warnings
            .push(Warning::Empty.with("document has no text"));
    }
    Ok(vec![article])
}

/// Gives a repeated id a `#N` suffix, with a warning, so every row stays addressable.
fn make_ids_unique(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for article in articles.iter_mut() {
        let n = seen.entry(article.article_id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let new_id = format!("{}#{}", article.article_id, n);
            article.warnings.push(Warning::DuplicateId.with(format!(
                "id {:?} was already used; renamed {new_id:?}",
                article.article_id
            )));
            article.article_id = new_id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_removed_and_counted() {
        let mut a = Article::new(
            "a",
            "1\u{200b}500 killed in Pal\u{200f}myra\u{202c}; \u{200d}kept",
        );
        remove_invisible(&mut a);
        assert_eq!(a.text, "1500 killed in Palmyra; \u{200d}kept");
        assert!(
            a.warnings[0].starts_with("W012 3 invisible"),
            "{:?}",
            a.warnings
        );
        let mut clean = Article::new("b", "Nothing to do.");
        remove_invisible(&mut clean);
        assert!(clean.warnings.is_empty());
    }

    #[test]
    fn publication_dates_in_the_future_or_before_1900_are_flagged() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let mut articles: Vec<Article> = [day(2090, 1, 1), day(1899, 12, 31), day(2016, 3, 27)]
            .into_iter()
            .map(|p| {
                let mut a = Article::new("a", "text");
                a.published = Some(p);
                a
            })
            .collect();
        flag_implausible_published(&mut articles, day(2026, 11, 21));
        assert!(articles[0].warnings[0].contains("2090-01-01 is in the future"));
        assert!(articles[1].warnings[0].contains("before 1900"));
        assert!(articles[2].warnings.is_empty());
        assert_eq!(
            articles[0].published,
            Some(day(2090, 1, 1)),
            "kept as given"
        );
    }

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("warclaims-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("sub")).expect("temp dir");
        d
    }

    #[test]
    fn mixed_directory_gives_one_article_per_document() {
        let d = tmpdir("mixed");
        std::fs::write(d.join("a.txt"), "Title A\n\n38 militants were killed.").expect("w");
        std::fs::write(
            d.join("b.html"),
            "<html><head><title>B</title></head><body><p>Text B</p></body></html>",
        )
        .expect("w");
        std::fs::write(
            d.join("sub/c.jsonl"),
            "{\"id\":\"c1\",\"text\":\"one\"}\n{\"id\":\"c2\",\"text\":\"two\"}\n",
        )
        .expect("w");
        std::fs::write(d.join("d.txt"), b"bad \xff byte").expect("w");
        std::fs::write(d.join("e.txt"), b"").expect("w");
        std::fs::write(d.join(".hidden"), b"x").expect("w");
        let out = read(vec![Input::Path(d.clone())], &ReadOptions::default()).expect("reads");
        let ids: Vec<&str> = out.articles.iter().map(|a| a.article_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "e", "c1", "c2"]);
        assert!(out.articles[2].warnings[0].starts_with("W001"));
        assert!(out.articles[3].warnings[0].starts_with("W004"));
        assert_eq!(out.articles[1].title.as_deref(), Some("B"));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = read(
            vec![Input::Path("/no/such/dir".into())],
            &ReadOptions::default(),
        )
        .expect_err("missing");
        assert!(err.to_string().contains("/no/such/dir"));
    }

    #[test]
    fn duplicate_ids_are_renamed_with_a_warning() {
        let recs = vec![
            Record {
                id: Some("x".into()),
                text: Some("a".into()),
                ..Default::default()
            },
            Record {
                id: Some("x".into()),
                text: Some("b".into()),
                ..Default::default()
            },
        ];
        let out = read(
            vec![Input::Records {
                origin: "r".into(),
                records: recs,
            }],
            &ReadOptions::default(),
        )
        .expect("reads");
        assert_eq!(out.articles[1].article_id, "x#2");
        assert!(out.articles[1].warnings[0].starts_with("W010"));
    }
}
