//! Page furniture: lines that belong to the web page, not the article (navigation, share
//! buttons, newsletter prompts, comment prompts, bylines). They stay in `articles.text`
//! but are skipped for titles and extraction.

use regex::RegexSet;
use std::sync::OnceLock;

fn patterns() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        RegexSet::new([
            r"(?i)^skip to (main )?content$",
            r"(?i)^(menu|search|home|share|share this|advertisement|published|updated|close|comments?)$",
            r"(?i)^[•·\-\s]*(published|updated)(?-u:\b).{0,40}$",
            r"(?i)^media caption,?$",
            r"(?i)^image (source|caption),?",
            r"(?i)^\d+ min(ute)? read$",
            r"(?i)^(source|photo|image|credit)s?\s*[:\-]\s*\S.{0,40}$",
            r"(?i)^by [A-Z][\w'\-]+( [A-Z][\w'\-]+){0,3}(,.*)?$",
            r"(?i)(?-u:\b)(sign up|subscribe|newsletters?|download (our|the) app|get the latest|inbox)(?-u:\b)",
            r"(?i)(?-u:\b)(leave a comment|be the first to comment|your email address|comments? (are|is) closed)(?-u:\b)",
            r"(?i)(?-u:\b)(cookies?|privacy policy|terms of (service|use)|all rights reserved)(?-u:\b)",
            r"(?i)^(share|follow us|listen to|watch on|watch the latest)(?-u:\b)",
            r"(?i)^with agency inputs$",
        ])
        .expect("furniture patterns are valid regexes") // static patterns, checked by tests
    })
}

/// True when a whole line is page furniture.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.len() < 400 && patterns().is_match(line)
}

#[cfg(test)]
mod tests {
    use super::is_furniture_line;

    #[test]
    fn recognises_furniture() {
        for line in [
            "Skip to main content",
            "  • Published",
            "Stay informed with MEE's newsletters",
            "Leave a comment",
            "3 min read",
            "Source: AAP",
            "Get SBS News daily and direct to your Inbox",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn keeps_article_lines() {
        for line in [
            "Palmyra strikes by US-led coalition kill 38 Islamic State militants, monitor says",
            "IS driven out of Syria's Palmyra city",
            "Fighters with the Islamic State group (IS) have seized more territory close to Palmyra.",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }
}
