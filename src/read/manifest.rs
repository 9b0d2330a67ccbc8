//! Metadata manifests: a CSV with `id` (or `file`) and any of `title, outlet, url, published`
//! that attaches metadata to documents. Its values win over what the reader found.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::read::decode::decode;
use crate::read::meta::parse_date;
use crate::warning::Warning;
use std::collections::HashMap;
use std::path::Path;

/// One manifest row.
#[derive(Debug, Clone, Default)]
struct Entry {
    row: usize,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
}

/// A parsed manifest, keyed by id or by file name.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    path: String,
    by_key: HashMap<String, Entry>,
    keyed_by_file: bool,
}

impl Manifest {
    /// Reads a manifest file.
    pub fn from_path(path: &Path) -> Result<Manifest> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::manifest(path, format!("cannot read it ({e}); check the --meta path"))
        })?;
        Manifest::from_bytes(path, &bytes)
    }

    /// Parses manifest bytes; `path` names it in errors.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Manifest> {
        let text = decode(bytes).text;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| Error::manifest(path, format!("cannot read the CSV header: {e}")))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (key_col, keyed_by_file) = match (col("id"), col("file")) {
            (Some(i), _) => (i, false),
            (None, Some(i)) => (i, true),
            (None, None) => {
                return Err(Error::manifest(
                    path,
                    format!(
                        "needs an `id` or a `file` column to match documents; found columns: {}",
                        headers.join(", ")
                    ),
                ))
            }
        };
        if ["title", "outlet", "url", "published"]
            .iter()
            .all(|c| col(c).is_none())
        {
            return Err(Error::manifest(
                path,
                format!(
                    "has no metadata column (title, outlet, url, published); found: {}",
                    headers.join(", ")
                ),
            ));
        }
        let mut by_key = HashMap::new();
        for (i, row) in reader.records().enumerate() {
            let row = row.map_err(|e| Error::manifest(path, format!("row {}: {e}", i + 2)))?;
            let get = |name: &str| {
                col(name)
                    .and_then(|c| row.get(c))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
            };
            let Some(key) = row.get(key_col).map(str::trim).filter(|k| !k.is_empty()) else {
                continue;
            };
            let entry = Entry {
                row: i + 2,
                title: get("title"),
                outlet: get("outlet"),
                url: get("url"),
                published: get("published"),
            };
            by_key.insert(key.to_owned(), entry);
        }
        Ok(Manifest {
            path: path.display().to_string(),
            by_key,
            keyed_by_file,
        })
    }

    /// True when the manifest matches documents by file name rather than id.
    pub fn keyed_by_file(&self) -> bool {
        self.keyed_by_file
    }

    /// Applies the manifest to the articles. `files[i]` is the file article `i` came from.
    /// Returns the manifest keys that matched no document.
    pub fn apply(&self, articles: &mut [Article], files: &[Option<String>]) -> Vec<String> {
        let mut used = std::collections::HashSet::new();
        for (article, file) in articles.iter_mut().zip(files) {
            let key = if self.keyed_by_file {
                file.as_deref().and_then(|f| self.lookup_file(f))
            } else {
                self.by_key
                    .get_key_value(article.article_id.as_str())
                    .map(|(k, _)| k.as_str())
            };
            let Some(key) = key else { continue };
            used.insert(key.to_owned());
            let entry = &self.by_key[key];
            self.apply_entry(article, entry);
        }
        let mut unused: Vec<String> = self
            .by_key
            .keys()
            .filter(|k| !used.contains(*k))
            .cloned()
            .collect();
        unused.sort();
        unused
    }

    fn lookup_file(&self, file: &str) -> Option<&str> {
        let name = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        self.by_key
            .keys()
            .find(|k| {
                file == k.as_str() || file.ends_with(&format!("/{k}")) || name.as_deref() == Some(k)
            })
            .map(String::as_str)
    }

    fn apply_entry(&self, article: &mut Article, entry: &Entry) {
        if entry.title.is_some() {
            article.title.clone_from(&entry.title);
        }
        if entry.outlet.is_some() {
            article.outlet.clone_from(&entry.outlet);
        }
        if entry.url.is_some() {
            article.url.clone_from(&entry.url);
        }
        if let Some(raw) = &entry.published {
            match parse_date(raw) {
                Some(d) => article.set_published_given(d),
                None => article.warnings.push(Warning::BadMetadata.with(format!(
                    "manifest {} row {}: published {raw:?} is not a date (use YYYY-MM-DD); left as it was",
                    self.path, entry.row
                ))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str) -> Article {
        Article::new(id, "text")
    }

    #[test]
    fn manifest_by_id_wins_and_reports_unused_ids() {
        let m = Manifest::from_bytes(
            Path::new("m.csv"),
            b"id,title,outlet,url,published\na,T,O,,2016-03-27\nzzz,X,,,\n",
        )
        .expect("valid manifest");
        let mut arts = vec![art("a"), art("b")];
        let unused = m.apply(&mut arts, &[None, None]);
        assert_eq!(arts[0].title.as_deref(), Some("T"));
        assert_eq!(arts[0].outlet.as_deref(), Some("O"));
        assert_eq!(arts[0].url, None);
        assert_eq!(arts[0].published_basis.as_str(), "given");
        assert_eq!(arts[1].title, None);
        assert_eq!(unused, vec!["zzz".to_owned()]);
    }

    #[test]
    fn manifest_by_file_and_bad_date_warning() {
        let m = Manifest::from_bytes(
            Path::new("m.csv"),
            b"file,published\nx.txt,31 February 2016\n",
        )
        .expect("valid manifest");
        let mut arts = vec![art("x")];
        m.apply(&mut arts, &[Some("dir/x.txt".into())]);
        assert!(
            arts[0].warnings[0].contains("row 2"),
            "{:?}",
            arts[0].warnings
        );
        assert_eq!(arts[0].published, None);
    }

    #[test]
    fn manifest_without_key_column_names_columns() {
        let err =
            Manifest::from_bytes(Path::new("m.csv"), b"name,title\nx,y\n").expect_err("no key");
        assert!(
            err.to_string().contains("`id` or a `file`") && err.to_string().contains("name, title")
        );
    }
}
