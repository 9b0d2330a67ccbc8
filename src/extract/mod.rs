//! The extraction engine: sentences in, `claims` and `control` rows out.
//!
//! Each sentence is scanned once (lexicon automaton, figures, time expressions) and only
//! sentences where a figure or an action word fired are examined further.

pub(crate) mod attribution;
pub(crate) mod claims;
pub(crate) mod context;
pub(crate) mod control;
pub(crate) mod parties;
pub(crate) mod phrases;
pub(crate) mod places;
pub mod rules;
pub(crate) mod words;

use crate::article::Article;
use crate::lexicon::{self, EntryType, Lexicon};
use crate::model::{Action, DateBasis, Kind};
use crate::sentences;
use crate::time::{self, dating, DatingContext, EventDate, RowDate};
use crate::warning::Warning;
use chrono::NaiveDate;
use context::SentenceContext;
use rayon::prelude::*;
pub use rules::{ClaimRule, ControlRule};

/// What a claim and a control row share: when, who says so, which sentence (byte offsets).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Common {
    pub place: Option<String>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub date_basis: DateBasis,
    pub time_text: Option<String>,
    pub source: Option<String>,
    pub source_text: Option<String>,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// One claim, with byte offsets into the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub kind: Kind,
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
    /// The rule that read this claim.
    pub rule: ClaimRule,
}

/// One control event, with byte offsets into the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlRow {
    pub action: Action,
    pub place: String,
    pub actor: String,
    pub from_actor: Option<String>,
    pub start: usize,
    pub end: usize,
    pub common: Common,
    /// The rule that read this event.
    pub rule: ControlRule,
}

/// What the extractor remembers while reading an article.
#[derive(Debug, Clone, Default)]
pub struct ArticleState {
    /// The place the article is currently about ("the city" refers to it).
    pub current_place: Option<String>,
    /// Kind words of the previous sentence with the party that did it ("IS destroyed a
    /// number of monuments"), for a next sentence about the same operation.
    pub previous_agents: Vec<(Kind, String)>,
    /// The last day a time expression placed an event on ("later in the day").
    pub last_day: Option<NaiveDate>,
    /// The article counted killed or wounded civilians ("17 civilians"): people of no
    /// stated party in a later toll are civilians too.
    pub counted_civilians: bool,
    /// The state party of the country the article is about (see `state_of_sentences`):
    /// troops counted in a place of unknown country are its.
    pub state_party: Option<usize>,
    /// Each generic party's id with the party it names in this article.
    pub generic: Vec<(String, String)>,
    /// The last attribution, for "it said" and quotes that continue a statement.
    pub last_source: Option<(String, String)>,
}

impl ArticleState {
    /// A party id as the article means it: a generic party's id becomes the party it names.
    pub fn party(&self, id: String) -> String {
        match self.generic.iter().find(|(g, _)| *g == id) {
            Some((_, to)) => to.clone(),
            None => id,
        }
    }

    /// The agent the previous sentence gave for this kind of claim.
    pub fn previous_agent(&self, kind: Kind) -> Option<String> {
        self.previous_agents
            .iter()
            .find(|(k, _)| *k == kind)
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
    let mut unresolved_times: Vec<String> = Vec::new();
    let sentences: Vec<_> = sentences::split(&article.text)
        .into_iter()
        .filter(|s| !s.furniture)
        .collect();
    let mut first_claim_of: Vec<usize> = Vec::with_capacity(sentences.len());
    let mut common_of_sentence: Vec<Option<Common>> = Vec::with_capacity(sentences.len());
    let mut contexts: Vec<SentenceContext<'_>> = sentences
        .iter()
        .map(|s| SentenceContext::new(&article.text, *s, lexicon))
        .collect();
    let article_state = state_of_sentences(&contexts, lexicon);
    state.state_party = article_state;
    if lexicon.has_generic() {
        let named = named_parties(&contexts, lexicon);
        resolve_generic_parties(&mut contexts, lexicon, article_state, &named);
        state.generic = generic_names(lexicon, article_state, &named);
    }
    let civilians = parties::civilian_party(lexicon);
    for mut ctx in contexts {
        let first_claim = result.claims.len();
        first_claim_of.push(first_claim);
        let has_trigger = !ctx.figures.is_empty()
            || ctx.of(EntryType::Action).next().is_some()
            || ctx.of(EntryType::Kind).next().is_some();
        if !has_trigger {
            common_of_sentence.push(None);
            remember_place(&ctx, &mut state);
            state.previous_agents.clear();
            continue;
        }
        let words = words::words(ctx.text);
        ctx.add_text_places(&words);
        let (common, dated, missing) = common_of(&ctx, lexicon, article.published, &mut state);
        unresolved_for_missing_date |= missing;
        let first_control = result.control.len();
        result
            .claims
            .extend(claims::claims(&ctx, lexicon, &words, &state, &common));
        result
            .control
            .extend(control::control(&ctx, lexicon, &words, &state, &common));
        date_rows_by_nearest_time(
            ctx.text,
            &dated,
            &mut result.claims[first_claim..],
            &mut result.control[first_control..],
        );
        let row_times = result.claims[first_claim..]
            .iter()
            .map(|c| &c.common)
            .chain(result.control[first_control..].iter().map(|c| &c.common))
            .filter(|c| c.date_basis == DateBasis::None)
            .filter_map(|c| c.time_text.as_deref());
        for text in row_times {
            let reason = dated
                .iter()
                .find(|d| d.text == text)
                .and_then(|d| d.range.as_ref().err())
                .filter(|r| article.published.is_some() || !r.contains("publication date"));
            if let Some(reason) = reason {
                let said = format!("{text:?} ({reason})");
                if !unresolved_times.contains(&said) {
                    unresolved_times.push(said);
                }
            }
        }
        state.previous_agents = claims::kind_subjects(&ctx, lexicon, &words);
        state.counted_civilians |= result.claims[first_claim..].iter().any(|c| {
            matches!(c.kind, Kind::Killed | Kind::Wounded)
                && c.actor.is_some()
                && c.actor == civilians
        });
        remember_place(&ctx, &mut state);
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
    let cut = sentences.iter().filter(|s| s.cut).count();
    if cut > 0 {
        result.warnings.push(Warning::LongSentence.with(format!(
            "{cut} pieces of text without sentence punctuation were cut at word boundaries \
             every {} bytes or less; evidence sentences are those pieces",
            sentences::MAX_SENTENCE_BYTES
        )));
    }
    if !unresolved_times.is_empty() {
        result.warnings.push(Warning::UnresolvedTime.with(format!(
            "time expressions of rows left undated: {}",
            unresolved_times.join(", ")
        )));
    }
    if unresolved_for_missing_date {
        result.warnings.push(Warning::NoPublished.with(
            "publication date unknown: relative dates left unresolved (give `published` in a manifest)",
        ));
    }
    result
}

/// The state a group of sentences is about: the state party their places and state
/// parties point to most (the first named wins a tie).
fn state_of_sentences(contexts: &[SentenceContext<'_>], lexicon: &Lexicon) -> Option<usize> {
    let mut votes: Vec<(usize, usize)> = Vec::new();
    for m in contexts.iter().flat_map(|c| c.mentions.iter()) {
        let Some(state) = lexicon.state_of(m) else {
            continue;
        };
        match votes.iter_mut().find(|(s, _)| *s == state) {
            Some((_, n)) => *n += 1,
            None => votes.push((state, 1)),
        }
    }
    let best = votes.iter().map(|(_, n)| *n).max()?;
    votes.iter().find(|(_, n)| *n == best).map(|(s, _)| *s)
}

/// Points every mention of a generic party ("the army") at the party it names: the state
/// forces of the country its sentence is about, else of the article's country.
fn resolve_generic_parties(
    contexts: &mut [SentenceContext<'_>],
    lexicon: &Lexicon,
    article: Option<usize>,
    named: &[usize],
) {
    let generic =
        |m: &lexicon::Mention| m.ty == EntryType::Party && lexicon.entry(m).generic.is_some();
    for k in 0..contexts.len() {
        if !contexts[k].mentions.iter().any(generic) {
            continue;
        }
        let state = state_of_sentences(&contexts[k..=k], lexicon).or(article);
        for m in contexts[k].mentions.iter_mut().filter(|m| generic(m)) {
            m.index = lexicon.resolve_generic(m.index, state, named);
        }
    }
}

/// What each generic party names in the article as a whole, by id (for a unit's party:
/// "militants" are the article's armed group).
fn generic_names(
    lexicon: &Lexicon,
    state: Option<usize>,
    named: &[usize],
) -> Vec<(String, String)> {
    let parties = lexicon.entries(EntryType::Party);
    (0..parties.len())
        .filter(|&i| parties[i].generic.is_some())
        .map(|i| {
            let to = lexicon.resolve_generic(i, state, named);
            (parties[i].id.clone(), parties[to].id.clone())
        })
        .collect()
}

/// How often an article names each party by a name of its own (not a generic one).
fn named_parties(contexts: &[SentenceContext<'_>], lexicon: &Lexicon) -> Vec<usize> {
    let mut named = vec![0; lexicon.entries(EntryType::Party).len()];
    for m in contexts.iter().flat_map(|c| c.mentions.iter()) {
        if m.ty == EntryType::Party && lexicon.entry(m).generic.is_none() {
            named[m.index] += 1;
        }
    }
    named
}

fn remember_place(ctx: &SentenceContext<'_>, state: &mut ArticleState) {
    if let Some(place) = main_place(ctx) {
        state.current_place = Some(place);
    }
}

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
        let Some(Some(next_common)) = commons.get(i + 1) else {
            continue;
        };
        let next = sentences[i + 1].text(text);
        if next_common.date_basis != DateBasis::Stated || !dating::refers_back(next) {
            continue;
        }
        let end = first_claim_of
            .get(i + 1)
            .copied()
            .unwrap_or(result.claims.len());
        for claim in &mut result.claims[first_claim_of[i]..end] {
            if claim.common.date_basis == DateBasis::None {
                claim.common.date_start = next_common.date_start;
                claim.common.date_end = next_common.date_end;
                claim.common.date_basis = DateBasis::Stated;
                claim.common.time_text.clone_from(&next_common.time_text);
            }
        }
    }
}

/// The first city-level place of a sentence (a country only when nothing finer is named).
fn main_place(ctx: &SentenceContext<'_>) -> Option<String> {
    ctx.places
        .iter()
        .find(|p| !p.is_country && !p.town_part && !control::is_dateline(ctx, p.start, p.end))
        .map(|p| p.id.clone())
}

/// Place, date, time text and source of a sentence. The flag says a relative date could
/// not be resolved because the publication date is unknown.
fn common_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    published: Option<NaiveDate>,
    state: &mut ArticleState,
) -> (Common, Vec<EventDate>, bool) {
    let mut common = Common {
        place: main_place(ctx).or_else(|| ctx.places.first().map(|p| p.id.clone())),
        date_basis: DateBasis::None,
        sentence_start: ctx.sentence.start,
        sentence_end: ctx.sentence.end,
        ..Common::default()
    };
    let mut missing = false;
    let dated = DatingContext {
        text: ctx.text,
        times: &ctx.times,
        published,
        last_day: state.last_day,
    }
    .event_dates();
    if let Some(first) = dated.first() {
        common.time_text = Some(first.text.clone());
        match &first.range {
            Ok(r) => {
                common.date_start = Some(r.start);
                common.date_end = Some(r.end);
                common.date_basis = DateBasis::Stated;
            }
            Err(_) => missing |= published.is_none(),
        }
    }
    if let Some(day) = dated
        .iter()
        .rev()
        .filter_map(|d| d.range.as_ref().ok())
        .find(|r| r.start == r.end)
    {
        state.last_day = Some(day.start);
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
    (common, dated, missing)
}

/// Sets a row's date: a resolved range is stated, anything else leaves it undated.
fn set_date(common: &mut Common, range: Option<time::DateRange>, text: Option<String>) {
    common.date_start = range.map(|r| r.start);
    common.date_end = range.map(|r| r.end);
    common.date_basis = if range.is_some() {
        DateBasis::Stated
    } else {
        DateBasis::None
    };
    common.time_text = text;
}

/// Dates each row of a sentence by the time expression nearest its trigger (see
/// [`time::dating::row_date`]); spans date `holds` rows only.
fn date_rows_by_nearest_time(
    text: &str,
    dated: &[EventDate],
    claims: &mut [ClaimRow],
    control: &mut [ControlRow],
) {
    let date_row = |common: &mut Common, start: usize, end: usize, holds: bool| {
        let (s, e) = (
            start.saturating_sub(common.sentence_start),
            end.saturating_sub(common.sentence_start),
        );
        match dating::row_date(text, dated, (s, e), holds) {
            RowDate::Keep => {}
            RowDate::Undated => set_date(common, None, None),
            RowDate::Date(d) => {
                set_date(common, d.range.as_ref().ok().copied(), Some(d.text.clone()))
            }
        }
    };
    for row in claims {
        date_row(&mut row.common, row.start, row.end, false);
    }
    for row in control {
        date_row(
            &mut row.common,
            row.start,
            row.end,
            row.action == Action::Holds,
        );
    }
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

    /// The (kind, actor) of every claim of `text`.
    fn actors(text: &str, published: &str) -> Vec<(&'static str, Option<String>)> {
        extract_article(&article(text, published), &lex())
            .claims
            .iter()
            .map(|c| (c.kind.as_str(), c.actor.clone()))
            .collect()
    }

    #[test]
    fn generic_names_follow_the_war_the_article_is_about() {
        // wide 427 (Sudan), 424 (Gaza), 418 (Yemen): "the army", "militants", "rebels".
        for (text, party) in [
            (
                "The Sudanese Armed Forces and the RSF fought in El Fasher. \
                 The army said 12 soldiers were killed.",
                "Sudanese Armed Forces",
            ),
            (
                "The IDF struck Hamas in Gaza. Israeli troops killed 20 militants.",
                "Hamas",
            ),
            (
                "Houthis attacked Yemeni forces near Marib. Five rebels were killed.",
                "Houthis",
            ),
            // No country named: the default war's parties.
            ("The army said 12 militants were killed.", "Islamic State"),
        ] {
            assert_eq!(
                actors(text, "2024-05-01"),
                [("killed", Some(party.to_owned()))],
                "{text}"
            );
        }
    }

    #[test]
    fn a_counted_object_is_not_the_next_verbs_subject() {
        let text = "The army said it killed 30 militants and retook Tessit.";
        let r = extract_article(&article(text, "2016-03-27"), &lex());
        let captures: Vec<&str> = r
            .control
            .iter()
            .filter(|c| c.action == Action::Captured)
            .map(|c| c.actor.as_str())
            .collect();
        assert_eq!(captures, ["Syrian government"]);
    }

    #[test]
    fn statement_date_is_not_the_event_date() {
        let text = "Some 49 soldiers were killed near Palmyra, the Observatory said on Friday.";
        let r = extract_article(&article(text, "2016-12-10"), &lex());
        assert_eq!(r.claims[0].common.date_basis, DateBasis::None);
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
            .find(|c| c.action == Action::Captured)
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
    fn dates_of(r: &ArticleResult, action: &str) -> Vec<(String, String)> {
        r.control
            .iter()
            .filter(|c| c.action.as_str() == action)
            .map(|c| {
                (
                    c.common
                        .date_start
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    c.common.date_end.map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn each_row_takes_the_time_nearest_its_trigger() {
        let text = "Kurdish forces held Manbij for six months before it was captured by Turkish-backed rebels in August.";
        let r = extract_article(&article(text, "2016-09-30"), &lex());
        assert_eq!(
            dates_of(&r, "captured"),
            vec![("2016-08-01".into(), "2016-08-31".into())]
        );
    }

    #[test]
    fn a_time_in_an_earlier_clause_is_not_the_trigger_time() {
        let text = "The militants were driven out of Manbij in June, but retook Manbij in a surprise attack in August.";
        let r = extract_article(&article(text, "2016-09-30"), &lex());
        let captured = dates_of(&r, "captured");
        assert!(
            captured.contains(&("2016-08-01".into(), "2016-08-31".into())),
            "{captured:?}"
        );
    }

    #[test]
    fn a_rolling_window_gives_way_to_the_stated_days_beside_it() {
        let text = "Warplanes flew 40 sorties in the past 24 hours from Friday to Saturday.";
        let r = extract_article(&article(text, "2016-03-27"), &lex());
        let c = &r.claims[0];
        assert_eq!(
            c.common.time_text.as_deref(),
            Some("from Friday to Saturday")
        );
        assert_eq!(
            c.common.date_start.map(|d| d.to_string()).as_deref(),
            Some("2016-03-25")
        );
    }

    #[test]
    fn holds_since_a_month() {
        let text = "On Thursday, the army began an offensive on Raqqa, held by Islamic State since June 2014.";
        let r = extract_article(&article(text, "2016-03-27"), &lex());
        assert_eq!(
            dates_of(&r, "holds"),
            vec![("2014-06-01".into(), "2016-03-27".into())]
        );
    }
    #[test]
    fn a_row_whose_own_time_is_unresolved_takes_no_other_date() {
        let text = "The militants retook Manbij on 11 December, eight months after the army drove them out.";
        let r = extract_article(&article(text, "2016-12-17"), &lex());
        let actors: Vec<(&str, Option<NaiveDate>)> = r
            .control
            .iter()
            .filter(|c| c.action == Action::Captured)
            .map(|c| (c.actor.as_str(), c.common.date_start))
            .collect();
        assert!(
            actors.contains(&("Islamic State", NaiveDate::from_ymd_opt(2016, 12, 11))),
            "{actors:?}"
        );
        assert!(actors.contains(&("Syrian government", None)), "{actors:?}");
    }

    #[test]
    fn an_undated_row_says_why_in_the_warnings() {
        let text = "The militants retook Manbij on 11 December, eight months after the army drove them out.";
        let r = extract_article(&article(text, "2016-12-17"), &lex());
        let w: Vec<&String> = r
            .warnings
            .iter()
            .filter(|w| w.starts_with("W014"))
            .collect();
        assert_eq!(w.len(), 1, "{:?}", r.warnings);
        assert!(w[0].contains("eight months after"), "{w:?}");
    }

    #[test]
    fn a_sentence_opening_time_dates_every_clause() {
        let text = "On Friday, after heavy clashes near Manbij, 12 soldiers were killed, an official said.";
        let r = extract_article(&article(text, "2016-12-17"), &lex());
        assert_eq!(
            r.claims[0].common.date_start,
            NaiveDate::from_ymd_opt(2016, 12, 16)
        );
    }
}
