//! Plain text and Markdown documents.

use crate::article::Article;
use crate::furniture::is_furniture_line;

/// The title of a plain-text document: its first non-empty line that is not page furniture,
/// with Markdown heading marks removed.
pub fn title_of(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty() && !is_furniture_line(l))
        .map(|l| l.chars().take(500).collect())
}

/// Builds the article of a decoded text document.
pub fn article_from_text(article_id: String, text: String, warnings: Vec<String>) -> Article {
    let mut article = Article::new(article_id, text);
    article.title = title_of(&article.text);
    article.warnings = warnings;
    article
}

#[cfg(test)]
mod tests {
    use super::title_of;

    #[test]
    fn title_skips_furniture_and_blank_lines() {
        let text = "Skip to main content\n\n  Palmyra strikes kill 38 militants\n\nBody.";
        assert_eq!(
            title_of(text).as_deref(),
            Some("Palmyra strikes kill 38 militants")
        );
    }

    #[test]
    fn markdown_heading_marks_are_removed() {
        assert_eq!(
            title_of("# IS driven out\ntext").as_deref(),
            Some("IS driven out")
        );
    }

    #[test]
    fn empty_text_has_no_title() {
        assert_eq!(title_of("  \n\n"), None);
    }
}
