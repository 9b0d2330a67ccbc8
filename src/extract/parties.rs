//! Parties of a sentence in the roles the extractor reads: who acts (not a name used as
//! an adjective, not civilians, not a supporter "backed by" another), and who stands after
//! "by", "from" and like words. Claims and control events both read parties through here.

use super::context::SentenceContext;
use super::words::Word;
use crate::lang;
use crate::lexicon::{EntryType, Lexicon, Mention};

/// A party name used as an adjective: "IS-affiliated", "US-backed".
pub fn adjectival(ctx: &SentenceContext<'_>, m: &Mention) -> bool {
    let after = &ctx.text[m.end..];
    after.starts_with('-') && after[1..].starts_with(|c: char| c.is_lowercase())
}

/// True when the party only supports ("backed by Russia", "backed by unrelenting Russian
/// airstrikes").
pub fn supporting(ctx: &SentenceContext<'_>, m: &Mention) -> bool {
    let before = super::words::lower_tail(ctx.text, m.start, 96);
    let before = before.trim_end().trim_end_matches("the").trim_end();
    let support = &lang::en().support;
    if support.iter().any(|s| before.ends_with(s.as_str())) {
        return true;
    }
    let tail: String = before
        .chars()
        .rev()
        .take(45)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    support.iter().any(|s| tail.contains(s.as_str())) && !tail.contains(',')
}

fn is_civilians(lexicon: &Lexicon, m: &Mention) -> bool {
    lexicon.entry(m).side.as_deref() == Some("civilian")
}

/// The lexicon's party of civilians (side `civilian`), if it has one.
pub fn civilian_party(lexicon: &Lexicon) -> Option<String> {
    lexicon
        .entries(EntryType::Party)
        .iter()
        .find(|e| e.side.as_deref() == Some("civilian"))
        .map(|e| e.id.clone())
}

/// Parties that can do or suffer something: not adjectives, not civilians.
pub fn active<'c>(
    ctx: &'c SentenceContext<'_>,
    lexicon: &'c Lexicon,
) -> impl Iterator<Item = &'c Mention> + 'c {
    ctx.of(EntryType::Party)
        .filter(move |m| !adjectival(ctx, m) && !is_civilians(lexicon, m))
}

/// Active parties that are not mere supporters: the ones that take part in an action.
pub fn acting<'c>(
    ctx: &'c SentenceContext<'_>,
    lexicon: &'c Lexicon,
) -> impl Iterator<Item = &'c Mention> + 'c {
    active(ctx, lexicon).filter(move |m| !supporting(ctx, m))
}

/// The index of the first word starting at or after byte `offset`.
pub fn from_word(words: &[Word<'_>], offset: usize) -> usize {
    words
        .iter()
        .position(|w| w.start >= offset)
        .unwrap_or(words.len())
}

/// The party right after one of `openers` ("by X", "from X", "by the X") found at most
/// `within` words after byte `from`, in the same clause; `candidates` are the parties
/// that may fill the role.
pub fn after_opener<'c>(
    mut candidates: impl Iterator<Item = &'c Mention>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    from: usize,
    openers: &[&str],
    within: usize,
) -> Option<String> {
    let first = from_word(words, from);
    let i = words
        .iter()
        .position(|w| w.start >= from && openers.contains(&w.lower()))?;
    if i - first > within || words[first..i].iter().any(|w| w.stop_after) {
        return None;
    }
    let next = words.get(i + 1)?;
    let next = if next.lower() == "the" {
        words.get(i + 2)?
    } else {
        next
    };
    candidates
        .find(|m| m.start <= next.start && next.start < m.end)
        .map(|m| lexicon.entry(m).id.clone())
}
