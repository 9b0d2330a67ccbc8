//! Sentence splitting with byte offsets. Every line (headline, caption, dateline) is a
//! sentence of its own; inside a line, a sentence ends at `.`, `!` or `?` (and closing
//! quotes) before a capital, a digit or a quote, unless the word is an abbreviation.

use crate::furniture::is_furniture_line;

/// One sentence: a byte span of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the line (paragraph) it belongs to.
    pub line: usize,
    /// The whole line is page furniture: kept in the text, skipped by extraction.
    pub furniture: bool,
    /// A run longer than [`MAX_SENTENCE_BYTES`] cut at a word boundary (text without
    /// sentence punctuation): the extractor warns about it.
    pub cut: bool,
}

/// The longest sentence: a longer run (text without punctuation, a table flattened into
/// one line) is cut at the last white space before this many bytes, so the work and the
/// evidence per sentence stay bounded.
pub const MAX_SENTENCE_BYTES: usize = 2000;

impl Sentence {
    /// The sentence's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits `text` into sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (line_no, line) in text.split('\n').enumerate() {
        let furniture = is_furniture_line(line);
        split_line(text, line_start, line, line_no, furniture, &mut out);
        line_start += line.len() + 1;
    }
    out
}

fn split_line(
    text: &str,
    offset: usize,
    line: &str,
    line_no: usize,
    furniture: bool,
    out: &mut Vec<Sentence>,
) {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence(line, i) {
            let mut end = i + 1;
            // Closing quotes and brackets belong to the sentence.
            while end < line.len() {
                let Some(c) = line[end..].chars().next() else {
                    break;
                };
                if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            push(text, offset, start, end, line_no, furniture, out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, offset, start, line.len(), line_no, furniture, out);
}

fn push(
    text: &str,
    offset: usize,
    start: usize,
    end: usize,
    line: usize,
    furniture: bool,
    out: &mut Vec<Sentence>,
) {
    let s = &text[offset + start..offset + end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let (mut from, to) = (offset + start + lead, offset + end - trail);
    let cut = to - from > MAX_SENTENCE_BYTES;
    while to - from > MAX_SENTENCE_BYTES {
        let piece = &text[from..floor_char_boundary(text, from + MAX_SENTENCE_BYTES)];
        let at = piece
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
            .unwrap_or(piece.len());
        let kept = piece[..at].trim_end();
        out.push(Sentence {
            start: from,
            end: from + kept.len(),
            line,
            furniture,
            cut,
        });
        let rest = &text[from + at..to];
        from = to - rest.trim_start().len();
    }
    out.push(Sentence {
        start: from,
        end: to,
        line,
        furniture,
        cut,
    });
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, i: usize) -> usize {
    (0..=i.min(text.len()))
        .rev()
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(0)
}

/// Whether the punctuation at byte `i` of `line` ends a sentence.
fn ends_sentence(line: &str, i: usize) -> bool {
    let after = &line[i + 1..];
    let after_quotes = after.trim_start_matches(['"', '\'', '”', '’', ')', ']']);
    let mut rest = after_quotes.chars();
    // Must be followed by white space (or the end of the line).
    match rest.next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next = after_quotes.trim_start().chars().next();
    let starts_new = match next {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
        }
    };
    if !starts_new {
        return false;
    }
    if line.as_bytes()[i] != b'.' {
        return true;
    }
    let word_start = line[..i]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = line[word_start..=i].to_lowercase();
    // Abbreviations ("Gen.", "U.S.", "Jan.") from the language file.
    let lang = crate::lang::en();
    let bare = word.trim_end_matches('.');
    let month_abbreviation = word.ends_with('.')
        && bare.len() <= 4
        && !lang.months.iter().any(|m| m == bare)
        && lang.month_of(bare).is_some();
    if lang.abbreviations.has(&word) || month_abbreviation {
        return false;
    }
    // A single initial ("J. Smith") does not end a sentence.
    let core = &line[word_start..i];
    !(core.chars().count() == 1 && core.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn month_abbreviations_do_not_end_sentences_but_month_names_do() {
        let text = "On Jan. 5 the army moved. It retook the town in May. Sept. 3 was calm.";
        assert_eq!(
            texts(text),
            [
                "On Jan. 5 the army moved.",
                "It retook the town in May.",
                "Sept. 3 was calm."
            ]
        );
    }

    #[test]
    fn lines_are_sentences_and_sentences_split() {
        let text = "Headline here\n\nAt least 38 were killed. The monitor said so! Really? Yes.";
        assert_eq!(
            texts(text),
            [
                "Headline here",
                "At least 38 were killed.",
                "The monitor said so!",
                "Really?",
                "Yes."
            ]
        );
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        let text =
            "The U.S. military and Gen. Smith said 2.5 million fled at 9 a.m. on Friday. Next one.";
        assert_eq!(
            texts(text),
            [
                "The U.S. military and Gen. Smith said 2.5 million fled at 9 a.m. on Friday.",
                "Next one."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        let text = "He said \"at least 38 IS members were killed.\" The strikes ended.";
        assert_eq!(
            texts(text),
            [
                "He said \"at least 38 IS members were killed.\"",
                "The strikes ended."
            ]
        );
    }

    #[test]
    fn a_run_without_punctuation_is_cut_at_word_boundaries() {
        let run = "and the fighting went on ".repeat(400);
        let text = format!("Five people were killed {run}near Palmyra");
        let pieces = split(&text);
        assert!(pieces.len() >= 5, "{}", pieces.len());
        for s in &pieces {
            assert!(s.cut && s.end - s.start <= MAX_SENTENCE_BYTES);
            assert_eq!(s.text(&text), s.text(&text).trim());
        }
        let words: Vec<&str> = pieces
            .iter()
            .flat_map(|s| s.text(&text).split(' '))
            .collect();
        assert_eq!(
            words,
            text.split(' ').collect::<Vec<_>>(),
            "no word is lost or split"
        );
        assert!(!split("Short. Sentences.").iter().any(|s| s.cut));
        // One word longer than the cap is cut at a char boundary.
        let long = "é".repeat(MAX_SENTENCE_BYTES);
        assert!(split(&long)
            .iter()
            .all(|s| s.text(&long).chars().all(|c| c == 'é')));
    }

    #[test]
    fn furniture_lines_are_flagged() {
        let s = split("Skip to main content\nReal text.");
        assert!(s[0].furniture && !s[1].furniture);
    }

    #[test]
    fn multibyte_white_space_before_a_dot() {
        // U+3000 is white space of three bytes: found by the property tests.
        let text = "a\u{3000}b. C";
        assert_eq!(texts(text), ["a\u{3000}b.", "C"]);
    }

    #[test]
    fn offsets_are_on_char_boundaries_with_non_ascii() {
        let text = "Tadmur — é. Ünïcode “quote.” Ok.";
        for s in split(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}
