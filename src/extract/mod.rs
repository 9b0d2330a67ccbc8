//! The extraction engine: sentences in, `claims` and `control` rows out.
//!
//! Each sentence is scanned once (lexicon automaton, figures, time expressions) and only
//! sentences where a figure or an action word fired are examined further.

pub mod attribution;
pub mod claims;
pub mod context;
pub mod control;
pub mod parties;
pub mod phrases;
pub mod words;

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
    /// Kind words of the previous sentence with the party that did it ("IS destroyed a
    /// number of monuments"), for a next sentence about the same operation.
    pub previous_agents: Vec<(String, String)>,
    /// The last day a time expression placed an event on ("later in the day").
    pub last_day: Option<NaiveDate>,
    /// The last attribution, for "it said" and quotes that continue a statement.
    pub last_source: Option<(String, String)>,
}

impl ArticleState {
    /// The agent the previous sentence gave for this kind of claim.
    pub fn previous_agent(&self, kind: &str) -> Option<String> {
        self.previous_agents
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, a)| a.clone())
    }
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
    let sentences: Vec<_> = sentences::split(&article.text)
        .into_iter()
        .filter(|s| !s.furniture)
        .collect();
    let mut first_claim_of: Vec<usize> = Vec::with_capacity(sentences.len());
    let mut common_of_sentence: Vec<Option<Common>> = Vec::with_capacity(sentences.len());
    for sentence in &sentences {
        let ctx = SentenceContext::new(&article.text, *sentence, lexicon);
        first_claim_of.push(result.claims.len());
        let has_trigger = !ctx.figures.is_empty()
            || ctx.of(EntryType::Action).next().is_some()
            || ctx.of(EntryType::Kind).next().is_some();
        if !has_trigger {
            common_of_sentence.push(None);
            remember_place(&ctx, lexicon, &mut state);
            state.previous_agents.clear();
            continue;
        }
        let words = words::words(ctx.text);
        let (common, missing) = common_of(&ctx, lexicon, article.published, &mut state);
        unresolved_for_missing_date |= missing;
        result
            .claims
            .extend(claims::claims(&ctx, lexicon, &words, &state, &common));
        result
            .control
            .extend(control::control(&ctx, lexicon, &words, &state, &common));
        state.previous_agents = claims::kind_subjects(&ctx, lexicon, &words);
        remember_place(&ctx, lexicon, &mut state);
        common_of_sentence.push(Some(common));
    }
    date_from_next_sentence(
        &sentences,
        &article.text,
        &first_claim_of,
        &common_of_sentence,
        &mut result,
    );
    control::infer_from_actors(&mut result.control);
    if unresolved_for_missing_date {
        result.warnings.push(Warning::NoPublished.with(
            "publication date unknown: relative dates left unresolved (give `published` in a manifest)",
        ));
    }
    result
}

fn remember_place(ctx: &SentenceContext<'_>, lexicon: &Lexicon, state: &mut ArticleState) {
    if let Some(place) = main_place(ctx, lexicon) {
        state.current_place = Some(place);
    }
}

/// Words that open a sentence referring back to the operation of the one before.
const BACK_REFERENCES: &[&str] = &[
    "the strikes",
    "the strike",
    "the assault",
    "the attack",
    "the raid",
    "the raids",
    "the air strikes",
    "the airstrikes",
    "the operation",
    "the bombing",
    "the attacks",
];

/// "The strikes, which the military said took place on Thursday": a sentence that opens by
/// referring back to the operation dates the undated claims of the sentence before.
fn date_from_next_sentence(
    sentences: &[crate::sentences::Sentence],
    text: &str,
    first_claim_of: &[usize],
    commons: &[Option<Common>],
    result: &mut ArticleResult,
) {
    for i in 0..sentences.len().saturating_sub(1) {
        let next = sentences[i + 1].text(text).to_lowercase();
        let Some(Some(next_common)) = commons.get(i + 1) else {
            continue;
        };
        if next_common.date_basis != "stated"
            || !BACK_REFERENCES.iter().any(|b| next.starts_with(b))
        {
            continue;
        }
        let end = first_claim_of
            .get(i + 1)
            .copied()
            .unwrap_or(result.claims.len());
        for claim in &mut result.claims[first_claim_of[i]..end] {
            if claim.common.date_basis == "none" {
                claim.common.date_start = next_common.date_start;
                claim.common.date_end = next_common.date_end;
                claim.common.date_basis = "stated";
                claim.common.time_text.clone_from(&next_common.time_text);
            }
        }
    }
}

/// The first city-level place of a sentence (a country only when nothing finer is named).
fn main_place(ctx: &SentenceContext<'_>, lexicon: &Lexicon) -> Option<String> {
    let mut places = ctx
        .of(EntryType::Place)
        .filter(|m| !control::is_dateline(ctx, m))
        .map(|m| lexicon.entry(m));
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
    "announcement",
    "confirmed",
    "claimed",
];

/// Words right before a time expression that make it the event's time after all
/// ("the strikes, which the military said in a statement took place on Thursday").
const EVENT_WORDS: &[&str] = &["place", "occurred", "happened", "began", "started", "came"];

/// Place, date, time text and source of a sentence. The flag says a relative date could
/// not be resolved because the publication date is unknown.
fn common_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    published: Option<NaiveDate>,
    state: &mut ArticleState,
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
    let event_times: Vec<&time::TimeMatch> = ctx
        .times
        .iter()
        .filter(|t| !is_statement_time(ctx.text, t))
        .collect();
    if let Some(t) = event_times.first() {
        common.time_text = Some(ctx.text[t.start..t.end].to_owned());
        let resolved = match t.expr {
            time::TimeExpr::For(n, unit) => event_times
                .iter()
                .skip(1)
                .find_map(|a| time::resolve(&a.expr, published).ok())
                .ok_or_else(|| "no anchor".to_owned())
                .and_then(|anchor| time::resolve_span(n, unit, anchor)),
            time::TimeExpr::SameDay => state
                .last_day
                .map(|d| time::DateRange {
                    start: d,
                    end: d,
                    precision: time::Precision::Day,
                })
                .ok_or_else(|| "no earlier day".to_owned()),
            _ => time::resolve(&t.expr, published),
        };
        match resolved {
            Ok(r) => {
                common.date_start = Some(r.start);
                common.date_end = Some(r.end);
                common.date_basis = "stated";
                if r.start == r.end {
                    state.last_day = Some(r.start);
                }
            }
            Err(_) => missing |= published.is_none(),
        }
    }
    let found = attribution::attribution(ctx, lexicon)
        .map(|a| (a.source, a.source_text))
        .or_else(|| {
            attribution::continues_statement(ctx)
                .then(|| state.last_source.clone())
                .flatten()
        });
    if let Some((source, text)) = found {
        state.last_source = Some((source.clone(), text.clone()));
        common.source = Some(source);
        common.source_text = Some(text);
    }
    (common, missing)
}

/// A time expression that dates the statement ("said on Friday"), not the event.
fn is_statement_time(text: &str, t: &time::TimeMatch) -> bool {
    let before = text[..t.start].to_lowercase();
    let tail: Vec<&str> = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .collect();
    if tail.iter().take(2).any(|w| EVENT_WORDS.contains(w)) {
        return false;
    }
    tail.iter().take(3).any(|w| STATEMENT_WORDS.contains(w))
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
