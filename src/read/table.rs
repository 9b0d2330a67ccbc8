//! Table corpora (`.jsonl`, `.csv`): one article per row, with a text column and optional
//! metadata columns. Parquet tables are read by the Python layer and arrive as [`Record`]s.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::read::decode::decode;
use crate::read::meta::parse_date;
use crate::warning::Warning;
use std::path::Path;

/// Column names tried, in order, for each field of a table row.
pub const TEXT_COLUMNS: &[&str] = &["text", "content", "article_content", "body", "article"];
pub const ID_COLUMNS: &[&str] = &["id", "article_id", "doc_id"];
pub const TITLE_COLUMNS: &[&str] = &["title", "article_title", "headline"];
pub const OUTLET_COLUMNS: &[&str] = &["outlet", "publisher", "site_name"];
pub const URL_COLUMNS: &[&str] = &["url", "link"];
pub const PUBLISHED_COLUMNS: &[&str] = &[
    "published",
    "published_date",
    "date_published",
    "publish_date",
];

/// One document given as fields (a table row, a Python dict or string).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// `None` when the row had no text value at all.
    pub text: Option<String>,
}

impl Record {
    /// Turns the record into an article; `fallback_id` is used when it has no id.
    pub fn into_article(self, fallback_id: String) -> Article {
        let id = self
            .id
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(fallback_id);
        let mut warnings = Vec::new();
        let text = match self.text {
            Some(t) => decode(t.as_bytes()).text,
            None => {
                warnings.push(Warning::NoText.with("row has no text value"));
                String::new()
            }
        };
        let mut article = Article::new(id, text);
        article.warnings = warnings;
        article.title = non_empty(self.title);
        article.outlet = non_empty(self.outlet);
        article.url = non_empty(self.url);
        if let Some(raw) = non_empty(self.published) {
            match parse_date(&raw) {
                Some(d) => article.set_published_given(d),
                None => article.warnings.push(
                    Warning::BadMetadata
                        .with(format!("published {raw:?} is not a date; left unknown")),
                ),
            }
        }
        article
    }
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Which column index holds each field of a table, found by name.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub text: Option<usize>,
    pub id: Option<usize>,
    pub title: Option<usize>,
    pub outlet: Option<usize>,
    pub url: Option<usize>,
    pub published: Option<usize>,
}

impl Columns {
    /// Finds the columns among `headers` (case-insensitive).
    pub fn find(headers: &[String], text_column: Option<&str>) -> Columns {
        let pos = |names: &[&str]| {
            names.iter().find_map(|n| {
                headers
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(n))
            })
        };
        Columns {
            text: match text_column {
                Some(name) => pos(&[name]),
                None => pos(TEXT_COLUMNS),
            },
            id: pos(ID_COLUMNS),
            title: pos(TITLE_COLUMNS),
            outlet: pos(OUTLET_COLUMNS),
            url: pos(URL_COLUMNS),
            published: pos(PUBLISHED_COLUMNS),
        }
    }

    fn record(&self, get: impl Fn(usize) -> Option<String>) -> Record {
        let field = |i: Option<usize>| i.and_then(&get);
        Record {
            id: field(self.id),
            title: field(self.title),
            outlet: field(self.outlet),
            url: field(self.url),
            published: field(self.published),
            text: field(self.text),
        }
    }
}

fn no_text_column(path: &Path, headers: &[String], text_column: Option<&str>) -> Error {
    let wanted = text_column.map_or_else(|| TEXT_COLUMNS.join(", "), str::to_owned);
    Error::input(
        path,
        format!(
            "no text column (looked for: {wanted}; found: {}). Rename the column or pass text_column=",
            headers.join(", ")
        ),
    )
}

/// Reads a CSV corpus. Its bytes are repaired like any text first.
pub fn read_csv(path: &Path, bytes: &[u8], text_column: Option<&str>) -> Result<Vec<Article>> {
    let decoded = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::input(path, format!("cannot read the CSV header: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let columns = Columns::find(&headers, text_column);
    if columns.text.is_none() {
        return Err(no_text_column(path, &headers, text_column));
    }
    let stem = file_stem(path);
    let mut articles = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let fallback = format!("{stem}:{}", i + 1);
        let article = match row {
            Ok(row) => {
                let rec = columns.record(|c| row.get(c).map(str::to_owned));
                rec.into_article(fallback)
            }
            Err(e) => {
                let mut a = Article::new(fallback, String::new());
                a.warnings
                    .push(Warning::NoText.with(format!("CSV row {} unreadable: {e}", i + 2)));
                a
            }
        };
        articles.push(with_file_warnings(article, &decoded.warnings));
    }
    Ok(articles)
}

/// Reads a JSON Lines corpus: one JSON object per line.
pub fn read_jsonl(path: &Path, bytes: &[u8], text_column: Option<&str>) -> Result<Vec<Article>> {
    let decoded = decode(bytes);
    let stem = file_stem(path);
    let mut articles = Vec::new();
    let mut saw_text = false;
    for (i, line) in decoded.text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fallback = format!("{stem}:{}", i + 1);
        let article = match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line)
        {
            Ok(obj) => {
                let headers: Vec<String> = obj.keys().cloned().collect();
                let columns = Columns::find(&headers, text_column);
                saw_text |= columns.text.is_some();
                columns
                    .record(|c| obj.get(&headers[c]).and_then(json_to_string))
                    .into_article(fallback)
            }
            Err(e) => {
                let mut a = Article::new(fallback, String::new());
                a.warnings.push(
                    Warning::NoText.with(format!("line {} is not a JSON object: {e}", i + 1)),
                );
                a
            }
        };
        articles.push(with_file_warnings(article, &decoded.warnings));
    }
    if !articles.is_empty() && !saw_text {
        return Err(Error::input(
            path,
            format!(
                "no line has a text field (looked for: {}). Rename the field or pass text_column=",
                text_column.map_or_else(|| TEXT_COLUMNS.join(", "), str::to_owned)
            ),
        ));
    }
    Ok(articles)
}

fn json_to_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn with_file_warnings(mut article: Article, file_warnings: &[String]) -> Article {
    article.warnings.splice(0..0, file_warnings.iter().cloned());
    article
}

pub(crate) fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_rows_become_articles() {
        let data = b"{\"id\": \"a\", \"text\": \"one\", \"published\": \"2016-03-27\"}\n\n{\"text\": \"two\", \"title\": \"T\"}\n";
        let arts = read_jsonl(Path::new("c.jsonl"), data, None).expect("valid jsonl");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].article_id, "a");
        assert_eq!(arts[0].published_basis.as_str(), "given");
        assert_eq!(arts[1].article_id, "c:3");
        assert_eq!(arts[1].title.as_deref(), Some("T"));
    }

    #[test]
    fn csv_with_aliases_and_bad_date() {
        let data =
            b"unit_id,article_title,article_content,published\n1,T,\"Body, with comma\",notadate\n";
        let arts = read_csv(Path::new("f.csv"), data, None).expect("valid csv");
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].text, "Body, with comma");
        assert_eq!(arts[0].title.as_deref(), Some("T"));
        assert!(arts[0].warnings[0].starts_with("W005"));
    }

    #[test]
    fn csv_without_text_column_is_an_error_naming_columns() {
        let err = read_csv(Path::new("m.csv"), b"id,title\n1,x\n", None).expect_err("no text");
        let msg = err.to_string();
        assert!(msg.contains("m.csv") && msg.contains("id, title"), "{msg}");
    }
}
