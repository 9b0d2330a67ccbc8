//! The extraction engine: sentences in, `claims` and `control` rows out.
//!
//! Each sentence is scanned once (lexicon automaton, figures, time expressions) and only
//! sentences where a figure or an action word fired are examined further.

pub mod attribution;
pub mod claims;
pub mod context;
pub mod control;

use crate::article::Article;
use crate::lexicon::{EntryType, Lexicon};
use crate::sentences;
use crate::time;
use crate::warning::Warning;
use chrono::NaiveDate;
use context::SentenceContext;
use rayon::prelude::*;

/// What a claim and a control row share: when, who says so, which sentence (byte offsets).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Common {
    pub place: Option<String>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    /// `stated`, `article` or `none`.
    pub date_basis: &'static str,
    pub time_text: Option<String>,
    pub source: Option<String>,
    pub source_text: Option<String>,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// One claim, with byte offsets into the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub kind: String,
    pub low: Option<i64>,
    pub high: Option<i64>,
    pub approx: bool,
    pub qualifier: Option<String>,
    pub figure_text: String,
    pub unit: Option<String>,
    pub actor: Option<String>,
    pub agent: Option<String>,
    pub place: Option<String>,
    pub start: usize,
    pub end: usize,
    pub common: Common,
}

/// One control event, with byte offsets into the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlRow {
    pub action: String,
    pub place: String,
    pub actor: String,
    pub from_actor: Option<String>,
    pub start: usize,
    pub end: usize,
    pub common: Common,
}

/// What the extractor remembers while reading an article.
#[derive(Debug, Clone, Default)]
pub struct ArticleState {
    /// The place the article is currently about ("the city" refers to it).
    pub current_place: Option<String>,
}

/// The rows of one article and what went wrong.
#[derive(Debug, Clone, Default)]
pub struct ArticleResult {
    pub claims: Vec<ClaimRow>,
    pub control: Vec<ControlRow>,
    pub warnings: Vec<String>,
}

/// Extracts every article in parallel; output order follows input order.
pub fn extract_all(articles: &[Article], lexicon: &Lexicon) -> Vec<ArticleResult> {
    articles
        .par_iter()
        .map(|a| extract_guarded(a, lexicon))
        .collect()
}

/// Extracts one article; a panic becomes a warning instead of crossing the boundary.
pub fn extract_guarded(article: &Article, lexicon: &Lexicon) -> ArticleResult {
    let run = std::panic::AssertUnwindSafe(|| extract_article(article, lexicon));
    std::panic::catch_unwind(run).unwrap_or_else(|_| ArticleResult {
        warnings: vec![Warning::ExtractorFailure
            .with("the extractor failed on this article; its rows are missing (please report it)")],
        ..ArticleResult::default()
    })
}

/// Extracts the claims and control events of one article.
pub fn extract_article(article: &Article, lexicon: &Lexicon) -> ArticleResult {
    let mut result = ArticleResult::default();
    let mut state = ArticleState::default();
    let mut unresolved_for_missing_date = false;
    for sentence in sentences::split(&article.text) {
        if sentence.furniture {
            continue;
        }
        let ctx = SentenceContext::new(&article.text, sentence, lexicon);
        let has_trigger = !ctx.figures.is_empty() || ctx.of(EntryType::Action).next().is_some();
        let common = if has_trigger {
            let (common, missing) = common_of(&ctx, lexicon, article.published);
            unresolved_for_missing_date |= missing;
            Some(common)
        } else {
            None
        };
        if let Some(common) = common {
            if !ctx.figures.is_empty() {
                result
                    .claims
                    .extend(claims::claims(&ctx, lexicon, &state, &common));
            }
            result
                .control
                .extend(control::control(&ctx, lexicon, &state, &common));
        }
        if let Some(place) = main_place(&ctx, lexicon) {
            state.current_place = Some(place);
        }
    }
    if unresolved_for_missing_date {
        result.warnings.push(Warning::NoPublished.with(
            "publication date unknown: relative dates left unresolved (give `published` in a manifest)",
        ));
    }
    result
}

/// The first city-level place of a sentence (a country only when nothing finer is named).
fn main_place(ctx: &SentenceContext<'_>, lexicon: &Lexicon) -> Option<String> {
    let mut places = ctx.of(EntryType::Place).map(|m| lexicon.entry(m));
    let all: Vec<_> = places.by_ref().collect();
    all.iter()
        .find(|e| e.country.as_deref() != Some(e.id.as_str()))
        .map(|e| e.id.clone())
}

const STATEMENT_WORDS: &[&str] = &[
    "said",
    "says",
    "announced",
    "told",
    "reported",
    "added",
    "stated",
    "statement",
    "saying",
];

/// Place, date, time text and source of a sentence. The flag says a relative date could
/// not be resolved because the publication date is unknown.
fn common_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    published: Option<NaiveDate>,
) -> (Common, bool) {
    let mut common = Common {
        place: main_place(ctx, lexicon).or_else(|| {
            ctx.of(EntryType::Place)
                .next()
                .map(|m| lexicon.entry(m).id.clone())
        }),
        date_basis: "none",
        sentence_start: ctx.sentence.start,
        sentence_end: ctx.sentence.end,
        ..Common::default()
    };
    let mut missing = false;
    let event_time = ctx.times.iter().find(|t| {
        let before = ctx.text[..t.start].to_lowercase();
        let tail: String = before
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        !STATEMENT_WORDS
            .iter()
            .any(|w| tail.split(|c: char| !c.is_alphabetic()).any(|x| x == *w))
    });
    if let Some(t) = event_time {
        common.time_text = Some(ctx.text[t.start..t.end].to_owned());
        match time::resolve(&t.expr, published) {
            Ok(r) => {
                common.date_start = Some(r.start);
                common.date_end = Some(r.end);
                common.date_basis = "stated";
            }
            Err(_) => missing |= published.is_none(),
        }
    }
    if let Some(a) = attribution::attribution(ctx, lexicon) {
        common.source = Some(a.source);
        common.source_text = Some(a.source_text);
    }
    (common, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::default_lexicon().expect("lexicon")
    }

    fn article(text: &str, published: &str) -> Article {
        let mut a = Article::new("t", text);
        a.set_published_given(NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("date"));
        a
    }

    #[test]
    fn killed_claim_with_source_place_and_date() {
        let text = "At least 38 Islamic State militants were killed in US-led coalition air strikes this week near Palmyra, a monitor said on Saturday.";
        let r = extract_article(&article(text, "2016-12-17"), &lex());
        assert_eq!(r.claims.len(), 1, "{:?}", r.claims);
        let c = &r.claims[0];
        assert_eq!((c.kind.as_str(), c.low, c.high), ("killed", Some(38), None));
        assert_eq!(c.actor.as_deref(), Some("Islamic State"));
        assert_eq!(c.agent.as_deref(), Some("US-led coalition"));
        assert_eq!(c.place.as_deref(), Some("Palmyra"));
        assert_eq!(
            c.common.source.as_deref(),
            Some("Syrian Observatory for Human Rights")
        );
        assert_eq!(c.common.time_text.as_deref(), Some("this week"));
        assert_eq!(
            c.common.date_start.map(|d| d.to_string()).as_deref(),
            Some("2016-12-11")
        );
        assert_eq!(&text[c.start..c.end], "At least 38 Islamic State militants");
    }

    #[test]
    fn statement_date_is_not_the_event_date() {
        let text = "Some 49 soldiers were killed near Palmyra, the Observatory said on Friday.";
        let r = extract_article(&article(text, "2016-12-10"), &lex());
        assert_eq!(r.claims[0].common.date_basis, "none");
    }

    #[test]
    fn unknown_publication_date_warns() {
        let r = extract_article(
            &Article::new("t", "Five civilians were killed on Friday."),
            &lex(),
        );
        assert_eq!(r.claims.len(), 1);
        assert!(r.warnings[0].starts_with("W006"));
    }

    #[test]
    fn capture_event() {
        let text =
            "Syrian government forces recaptured Palmyra from Islamic State militants on Sunday.";
        let r = extract_article(&article(text, "2016-03-27"), &lex());
        let c = r
            .control
            .iter()
            .find(|c| c.action == "captured")
            .expect("captured row");
        assert_eq!(
            (c.actor.as_str(), c.place.as_str()),
            ("Syrian government", "Palmyra")
        );
        assert_eq!(c.from_actor.as_deref(), Some("Islamic State"));
        assert_eq!(
            c.common.date_start.map(|d| d.to_string()).as_deref(),
            Some("2016-03-27")
        );
    }
}
