//! Words of a sentence with byte spans and the punctuation around them: the unit the
//! phrase rules count in ("within four words of the verb").

use std::borrow::Cow;

/// One whitespace-separated word, stripped of surrounding punctuation.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// The text in lower case, borrowed when it already is (most words).
    folded: Cow<'a, str>,
    /// A comma (or dash) follows the word.
    pub comma_after: bool,
    /// A clause-ending mark (`;`, `:`, `!`, `?`, a final `.`) follows the word.
    pub stop_after: bool,
    /// The word stands inside parentheses.
    pub in_parens: bool,
    /// A closing quotation mark follows the word.
    pub quote_after: bool,
}

impl Word<'_> {
    /// The word in lower case.
    pub fn lower(&self) -> &str {
        &self.folded
    }

    /// True for a possessive ("Turkey's", "Hodeida’s").
    pub fn is_possessive(&self) -> bool {
        self.text.ends_with("'s") || self.text.ends_with("’s")
    }

    /// True when punctuation separates this word from the next.
    pub fn boundary_after(&self) -> bool {
        self.comma_after || self.stop_after || self.quote_after
    }
}

const OPENERS: &[char] = &['"', '“', '‘', '(', '[', '\''];
const CLOSERS: &[char] = &['"', '”', '’', ')', ']', '\'', ',', '.', ';', ':', '!', '?'];

/// The last `bytes` (or fewer, to a character boundary) of `text[..end]` in lower case: the
/// window the rules look back over, without folding the whole sentence each time.
pub fn lower_tail(text: &str, end: usize, bytes: usize) -> String {
    let mut from = end.saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text[from..end].to_lowercase()
}

/// Splits a sentence into words.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut depth = 0i32;
    let base = text.as_ptr() as usize;
    let text_end = text.trim_end().len();
    for chunk in text.split_whitespace() {
        // `chunk` is a slice of `text`: its offset is where it starts in memory.
        let raw_start = chunk.as_ptr() as usize - base;
        let pos = raw_start + chunk.len();
        let opened = chunk.starts_with('(');
        let lead = chunk.len() - chunk.trim_start_matches(OPENERS).len();
        let body = chunk.trim_start_matches(OPENERS);
        let core = body.trim_end_matches(CLOSERS);
        let trail = &body[core.len()..];
        if opened {
            depth += 1;
        }
        let in_parens = depth > 0;
        if trail.contains(')') {
            depth = (depth - 1).max(0);
        }
        if core.is_empty() || core.chars().all(|c| matches!(c, '-' | '–' | '—')) {
            // A lone dash or mark: it separates like a comma.
            if let Some(last) = out.last_mut() {
                last.comma_after |= chunk.contains(['-', '–', '—', ',']);
                last.stop_after |= chunk.contains([';', ':']);
            }
            continue;
        }
        let start = raw_start + lead;
        let is_last = pos >= text_end;
        out.push(Word {
            start,
            end: start + core.len(),
            text: core,
            folded: if core
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                Cow::Borrowed(core)
            } else {
                Cow::Owned(core.to_lowercase())
            },
            comma_after: trail.contains(','),
            stop_after: trail.contains([';', ':', '!', '?']) || (trail.contains('.') && is_last),
            in_parens,
            quote_after: trail.contains(['"', '”']),
        });
    }
    out
}

/// The index of the word holding byte `offset`, if any.
pub fn word_at(words: &[Word<'_>], offset: usize) -> Option<usize> {
    words
        .iter()
        .position(|w| w.start <= offset && offset < w.end.max(w.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_parens() {
        let text = "At least 38 Islamic State (IS) group militants, a monitor said.";
        let w = words(text);
        let texts: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "At",
                "least",
                "38",
                "Islamic",
                "State",
                "IS",
                "group",
                "militants",
                "a",
                "monitor",
                "said"
            ]
        );
        assert!(w[5].in_parens && !w[6].in_parens);
        assert!(w[7].comma_after && w[10].stop_after);
        assert_eq!(&text[w[5].start..w[5].end], "IS");
    }

    #[test]
    fn dashes_separate() {
        let w = words("two strongholds - Raqqa in Syria");
        assert!(w[1].comma_after);
    }
}
