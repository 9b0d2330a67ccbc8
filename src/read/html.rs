//! HTML pages: main text and metadata through a real HTML parser (html5ever via `scraper`).

use crate::article::Article;
use crate::read::meta::parse_date;
use crate::warning::Warning;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
    "button", "svg", "iframe", "select", "head",
];

/// Elements that end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figcaption",
    "figure",
    "section",
    "article",
    "main",
    "br",
    "tr",
    "table",
    "pre",
    "dd",
    "dt",
];

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .map(|e| collapse_ws(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `datePublished` (and `headline`) from JSON-LD blocks, searched through `@graph` and lists.
fn json_ld(doc: &Html, key: &str) -> Option<String> {
    let sel = selector(r#"script[type="application/ld+json"]"#)?;
    doc.select(&sel).find_map(|e| {
        let raw: String = e.text().collect();
        let value: serde_json::Value = serde_json::from_str(raw.trim()).ok()?;
        find_key(&value, key, 0)
    })
}

fn find_key(value: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(|v| v.as_str().map(str::to_owned))
            .or_else(|| map.values().find_map(|v| find_key(v, key, depth + 1))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key, depth + 1)),
        _ => None,
    }
}

/// The readable text of the page: the `<article>` (else `<main>`, else `<body>`), with
/// scripts, navigation and forms left out, one paragraph per block.
pub fn main_text(doc: &Html) -> String {
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|css| selector(css))
        .find_map(|sel| doc.select(&sel).next())
        .unwrap_or_else(|| doc.root_element());
    block_text(root)
}

fn block_text(root: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if skip_depth > 0 || SKIPPED.contains(&e.name()) {
                        skip_depth += 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.push('\n');
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    let collapsed = collapse_ws(t);
                    if !collapsed.is_empty() {
                        if t.starts_with(char::is_whitespace)
                            && !out.ends_with(['\n', ' '])
                            && !out.is_empty()
                        {
                            out.push(' ');
                        }
                        out.push_str(&collapsed);
                        if t.ends_with(char::is_whitespace) {
                            out.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.push('\n');
                    }
                }
            }
        }
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Builds the article of an HTML page.
pub fn article_from_html(article_id: String, html: &str, warnings: Vec<String>) -> Article {
    let doc = Html::parse_document(html);
    let mut article = Article::new(article_id, main_text(&doc));
    article.warnings = warnings;
    article.title = first_attr(&doc, r#"meta[property="og:title"]"#, "content")
        .or_else(|| first_text(&doc, "title"))
        .or_else(|| first_text(&doc, "h1"))
        .or_else(|| json_ld(&doc, "headline"));
    article.outlet = first_attr(&doc, r#"meta[property="og:site_name"]"#, "content");
    article.url = first_attr(&doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| first_attr(&doc, r#"meta[property="og:url"]"#, "content"));
    let published = first_attr(
        &doc,
        r#"meta[property="article:published_time"]"#,
        "content",
    )
    .or_else(|| json_ld(&doc, "datePublished"))
    .or_else(|| first_attr(&doc, "time[datetime]", "datetime"));
    if let Some(raw) = published {
        match parse_date(&raw) {
            Some(d) => article.set_published_given(d),
            None => article.warnings.push(
                Warning::BadMetadata.with(format!("page publication date {raw:?} is not a date")),
            ),
        }
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
        <title>IS driven out | SBS</title>
        <meta property="og:site_name" content="SBS News">
        <meta property="article:published_time" content="2016-03-27T08:00:00Z">
        <link rel="canonical" href="https://example.org/is-driven-out">
        <script>var x = "400 killed";</script></head>
        <body><nav>Home | World</nav><article><h1>IS driven out</h1>
        <p>Observatory director said 400 IS fighters &amp; others died.</p>
        <p>Second <b>paragraph</b> here.</p></article><footer>Share</footer></body></html>"#;

    #[test]
    fn reads_metadata_and_main_text() {
        let a = article_from_html("x".into(), PAGE, vec![]);
        assert_eq!(a.title.as_deref(), Some("IS driven out | SBS"));
        assert_eq!(a.outlet.as_deref(), Some("SBS News"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/is-driven-out"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2016-03-27")
        );
        assert_eq!(
            a.text,
            "IS driven out\n\nObservatory director said 400 IS fighters & others died.\n\nSecond paragraph here."
        );
    }

    #[test]
    fn json_ld_date_is_used() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@graph":[{"@type":"NewsArticle","datePublished":"2016-12-17"}]}</script></head>
            <body><p>text</p></body></html>"#;
        let a = article_from_html("x".into(), page, vec![]);
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2016-12-17")
        );
    }

    #[test]
    fn deep_nesting_and_broken_tags_do_not_fail() {
        let mut page = String::from("<html><body>");
        for _ in 0..1000 {
            page.push_str("<table><tr><td>");
        }
        page.push_str("deep <b>text <p>broken");
        let a = article_from_html("x".into(), &page, vec![]);
        assert!(a.text.contains("deep text"), "{:?}", &a.text);
    }
}
