//! Who says so: "X said", "said X", "according to X", "X reported", "X told AFP",
//! with references back to a source named elsewhere in the article.

use super::context::SentenceContext;
use crate::lexicon::{EntryType, Lexicon, Mention};
use regex::Regex;
use std::sync::OnceLock;

/// An attribution: canonical source and the words as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub source: String,
    pub source_text: String,
}

fn speech_verbs() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(said|says|say|saying|reported|reports|announced|told|according to|claimed|stated|confirmed|quoted)\b")
            .expect("static attribution regex") // checked by tests
    })
}

/// Finds the attribution of a sentence, if it has one.
pub fn attribution(ctx: &SentenceContext<'_>, lexicon: &Lexicon) -> Option<Attribution> {
    let speakers: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| matches!(m.ty, EntryType::Source | EntryType::Party))
        .collect();
    for verb in speech_verbs().find_iter(ctx.text) {
        let v = verb.as_str().to_lowercase();
        // "according to X", "said X", "told X" (X after the verb) vs "X said" (before).
        let after = speakers
            .iter()
            .filter(|m| m.start >= verb.end() && m.start <= verb.end() + 12)
            .min_by_key(|m| m.start);
        let before = speakers
            .iter()
            .filter(|m| m.end <= verb.start() && verb.start() - m.end <= 60)
            .max_by_key(|m| (m.end, m.ty == EntryType::Source));
        let chosen = if v == "according to" || v == "quoted" {
            after
        } else if v == "told" {
            before
        } else {
            after
                .filter(|m| m.start <= verb.end() + 5)
                .or(before)
                .or(after)
        };
        if let Some(m) = chosen {
            let source = lexicon.entry(m).id.clone();
            return Some(Attribution {
                source,
                source_text: ctx.text[m.start..m.end].to_owned(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn attr(text: &str) -> Option<(String, String)> {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        let s = split(text)[0];
        let ctx = SentenceContext::new(text, s, &lex);
        attribution(&ctx, &lex).map(|a| (a.source, a.source_text))
    }

    #[test]
    fn attribution_forms() {
        assert_eq!(
            attr("At least 38 militants were killed, a monitor said on Saturday.")
                .map(|a| a.0)
                .as_deref(),
            Some("Syrian Observatory for Human Rights")
        );
        assert_eq!(
            attr("According to Russian Defence Ministry, its warplanes flew 40 sorties.")
                .map(|a| a.0)
                .as_deref(),
            Some("Russia")
        );
        assert_eq!(
            attr("Gains were made west of the city, said the Observatory.")
                .map(|a| a.1)
                .as_deref(),
            Some("the Observatory")
        );
        assert_eq!(attr("IS destroyed a number of monuments."), None);
    }
}
