//! Splitting a sentence into the word, number and punctuation tokens the figure parser
//! reads. The token pattern is a regular expression ([`pattern`]); ASCII text, nearly all
//! of it, is split by a direct scan that gives the same tokens without a search per token,
//! and any token touching other characters is left to the expression.

use regex::Regex;
use std::sync::OnceLock;

/// A token of a sentence: a byte span and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The token pattern: `US$`; digits with groups joined by a comma, a dot, or a no-break
/// or thin space before exactly three digits ("1\u{a0}500"); letters with inner
/// apostrophes; any other single character that is not white space.
pub fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"US\$|\d+(?:[.,]\d+|[\x{a0}\x{202f}\x{2009}]\d{3}(?-u:\b))*|\p{L}+(?:['’]\p{L}+)*|[^\s\p{L}\d]",
        )
        .expect("static token regex") // checked by tests
    })
}

/// Splits text into tokens (the matches of [`pattern`], in order).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if (b as char).is_whitespace() {
                i += 1;
                continue;
            }
            if let Some(end) = ascii_token_end(bytes, i) {
                tokens.push(Token {
                    start: i,
                    end,
                    text: &text[i..end],
                });
                i = end;
                continue;
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        // Another script, or ASCII running into it: the expression decides. A token
        // starts at every character that is not white space, so the leftmost match from
        // here starts here.
        match pattern().find_at(text, i) {
            Some(m) => {
                tokens.push(Token {
                    start: m.start(),
                    end: m.end(),
                    text: m.as_str(),
                });
                i = m.end().max(i + 1);
            }
            None => break,
        }
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    tokens
}

/// The end of the token starting at ASCII byte `start`, when the token and the byte after
/// it are ASCII (so the pattern's Unicode classes cannot come into it); else `None`.
fn ascii_token_end(bytes: &[u8], start: usize) -> Option<usize> {
    let at = |i: usize| bytes.get(i).copied();
    let ascii_after = |end: usize| (!at(end).is_some_and(|b| !b.is_ascii())).then_some(end);
    let run = |mut i: usize, f: fn(&u8) -> bool| {
        while at(i).is_some_and(|b| f(&b)) {
            i += 1;
        }
        i
    };
    let b = bytes[start];
    if bytes[start..].starts_with(b"US$") {
        return Some(start + 3);
    }
    if b.is_ascii_digit() {
        let mut end = run(start, u8::is_ascii_digit);
        // Groups: `[.,]` and digits. A no-break or thin space is not ASCII.
        while matches!(at(end), Some(b'.' | b',')) {
            match at(end + 1) {
                Some(d) if d.is_ascii_digit() => end = run(end + 1, u8::is_ascii_digit),
                Some(d) if !d.is_ascii() => return None,
                _ => break,
            }
        }
        return ascii_after(end);
    }
    if b.is_ascii_alphabetic() {
        let mut end = run(start, u8::is_ascii_alphabetic);
        while at(end) == Some(b'\'') {
            match at(end + 1) {
                Some(l) if l.is_ascii_alphabetic() => end = run(end + 1, u8::is_ascii_alphabetic),
                Some(l) if !l.is_ascii() => return None,
                _ => break,
            }
        }
        return ascii_after(end);
    }
    // Any other ASCII character is a token of its own.
    Some(start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_pattern(text: &str) -> Vec<Token<'_>> {
        pattern()
            .find_iter(text)
            .map(|m| Token {
                start: m.start(),
                end: m.end(),
                text: m.as_str(),
            })
            .collect()
    }

    #[test]
    fn ascii_and_other_scripts() {
        for text in [
            "At least 1,500.5 people, US$2m and the group's 3 tanks",
            "1\u{a0}500 killed; 2\u{202f}000\u{a0}7 and 12\u{2009}345x",
            "Pérez’s men in Ḥamāh and ٣٠ or 3٠ or 3.٠ or don'ŧ",
            "tab\tand\u{b}vertical\u{85}next\u{3000}ideographic US$ BUS$ U S$",
        ] {
            assert_eq!(tokenize(text), by_pattern(text), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn the_scan_gives_the_pattern_tokens(
            text in "(US\\$|[0-9]{1,4}|[.,'’$ ]|[a-zA-Z]{1,5}|\u{a0}|\u{202f}|\u{2009}|\u{85}|\u{b}|[éḤ٣ß€]|\t){0,30}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), by_pattern(&text));
        }
    }
}
