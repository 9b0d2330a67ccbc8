//! The article record every reader produces: one per input document, never dropped.

use chrono::NaiveDate;

/// How an article's publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedBasis {
    /// Given by the caller (manifest, table column, page metadata).
    Given,
    /// Inferred from the text (a dateline or a dated line).
    Inferred,
    /// Not known.
    Unknown,
}

impl PublishedBasis {
    /// The name written to the `published_basis` column.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedBasis::Given => "given",
            PublishedBasis::Inferred => "inferred",
            PublishedBasis::Unknown => "unknown",
        }
    }
}

/// One input document as read and decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: the file stem, or the id the caller gave.
    pub article_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: PublishedBasis,
    /// The decoded text; every offset points into it.
    pub text: String,
    /// Coded notes on what was repaired or could not be resolved (`W001 ...`).
    pub warnings: Vec<String>,
}

impl Article {
    /// An article with only an id and a text.
    pub fn new(article_id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            article_id: article_id.into(),
            title: None,
            outlet: None,
            url: None,
            published: None,
            published_basis: PublishedBasis::Unknown,
            text: text.into(),
            warnings: Vec::new(),
        }
    }

    /// Sets the publication date as given by the caller.
    pub fn set_published_given(&mut self, date: NaiveDate) {
        self.published = Some(date);
        self.published_basis = PublishedBasis::Given;
    }
}
