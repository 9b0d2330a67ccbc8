//! What the extractor knows about one sentence: its text, lexicon mentions, figures and
//! time expressions, all with byte offsets relative to the sentence.

use super::places::{self, PlaceMention};
use super::words::Word;
use crate::figure::{self, FigureMatch};
use crate::lexicon::{EntryType, Lexicon, Mention};
use crate::sentences::Sentence;
use crate::time::{self, TimeMatch};

/// The literal prefilter: a sentence is parsed deeply only when the lexicon automaton found
/// a kind word, an action word or a self-counting unit, or the text names money (losses).
/// Everything an extractor rule needs starts from one of these.
pub fn triggered(text: &str, mentions: &[Mention], lexicon: &Lexicon) -> bool {
    mentions.iter().any(|m| match m.ty {
        EntryType::Kind | EntryType::Action => true,
        // Units that make a claim without a kind word ("40 sorties", "25 strikes").
        EntryType::Unit => lexicon.unit_counts(m).is_some(),
        _ => false,
    }) || text.contains(['$', '£', '€'])
        || text.contains("dollars")
        || text.contains("euros")
}

/// One sentence, scanned once.
pub struct SentenceContext<'a> {
    pub sentence: Sentence,
    pub text: &'a str,
    pub mentions: Vec<Mention>,
    pub figures: Vec<FigureMatch>,
    pub times: Vec<TimeMatch>,
    /// Places in order: the lexicon's, and after [`SentenceContext::add_text_places`] the
    /// names the wording marks as places.
    pub places: Vec<PlaceMention>,
}

impl<'a> SentenceContext<'a> {
    /// Scans `sentence` of `article_text`: the lexicon automaton always, figures and time
    /// expressions only where a trigger fired (see [`triggered`]).
    pub fn new(article_text: &'a str, sentence: Sentence, lexicon: &Lexicon) -> Self {
        let text = sentence.text(article_text);
        let mentions = lexicon.mentions(text);
        let deep = triggered(text, &mentions, lexicon);
        let mut ctx = SentenceContext {
            sentence,
            text,
            places: Vec::new(),
            figures: if deep {
                figure::parse(text)
            } else {
                Vec::new()
            },
            times: if deep { time::parse(text) } else { Vec::new() },
            mentions,
        };
        ctx.places = places::lexicon_places(&ctx, lexicon);
        ctx
    }

    /// Adds the places the wording names that the lexicon does not list.
    pub fn add_text_places(&mut self, words: &[Word<'_>]) {
        let found = places::text_places(self, words);
        if !found.is_empty() {
            // A division ("Idlib province") replaces the lexicon's city inside its name.
            self.places
                .retain(|p| !found.iter().any(|f| f.start <= p.start && p.end <= f.end));
            self.places.extend(found);
            self.places.sort_by_key(|p| p.start);
        }
    }

    /// Mentions of one type, in order.
    pub fn of(&self, ty: EntryType) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.ty == ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn ctx(text: &str) -> SentenceContext<'_> {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        SentenceContext::new(text, split(text)[0], &lex)
    }

    #[test]
    fn only_triggered_sentences_are_parsed_deeply() {
        let quiet = ctx("About 200 people gathered in the square on Friday.");
        assert!(quiet.figures.is_empty() && quiet.times.is_empty());
        let killed = ctx("About 200 people were killed on Friday.");
        assert_eq!((killed.figures.len(), killed.times.len()), (1, 1));
        let sorties = ctx("Jets flew 40 sorties on Friday.");
        assert_eq!(sorties.figures.len(), 1, "a self-counting unit triggers");
        let money = ctx("The museum needs $2m on Friday.");
        assert_eq!(money.figures.len(), 1, "money triggers");
    }
}
