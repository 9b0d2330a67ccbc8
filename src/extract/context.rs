//! What the extractor knows about one sentence: its text, lexicon mentions, figures and
//! time expressions, all with byte offsets relative to the sentence.

use crate::figure::{self, FigureMatch};
use crate::lexicon::{EntryType, Lexicon, Mention};
use crate::sentences::Sentence;
use crate::time::{self, TimeMatch};

/// One sentence, scanned once.
pub struct SentenceContext<'a> {
    pub sentence: Sentence,
    pub text: &'a str,
    pub mentions: Vec<Mention>,
    pub figures: Vec<FigureMatch>,
    pub times: Vec<TimeMatch>,
}

impl<'a> SentenceContext<'a> {
    /// Scans `sentence` of `article_text`.
    pub fn new(article_text: &'a str, sentence: Sentence, lexicon: &Lexicon) -> Self {
        let text = sentence.text(article_text);
        SentenceContext {
            sentence,
            text,
            mentions: lexicon.mentions(text),
            figures: figure::parse(text),
            times: time::parse(text),
        }
    }

    /// Mentions of one type, in order.
    pub fn of(&self, ty: EntryType) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.ty == ty)
    }
}
