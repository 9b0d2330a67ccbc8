//! Recognising figures in text: spans, raw numbers and the bounding words as written.
//! Interpreting them (bounds, approximation) is [`super::resolve`]'s job.

pub use super::tokens::{tokenize, Token};
use super::words::{cardinal, is_tens, number_words, scale_abbreviation, scale_word};
use crate::lang;
use std::collections::HashSet;
use std::sync::OnceLock;

impl Token<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
    fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
    fn is_digits(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// What the raw figure is, before any bounding word is applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw {
    /// One number (`38`, `thirty-eight`, `2.5 million`).
    Number(i64),
    /// A stated range (`30 to 40`, `between 30 and 40`, `30-40`).
    Range(i64, i64),
    /// A vague quantity word with its conventional bounds (`dozens`: 24..99).
    Vague { low: i64, high: i64 },
}

/// How a bounding word bounds the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bounding {
    /// No bounding word.
    Exact,
    /// `at least`, `more than`, `over`, `N or more`: a lower bound.
    AtLeast,
    /// `up to`, `as many as`, `fewer than`: an upper bound.
    AtMost,
    /// `nearly`, `almost`: an upper bound, hedged.
    Nearly,
    /// `around`, `about`, `some`: hedged.
    Approximately,
}

/// A figure found in text: its byte span, raw value and bounding word.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMatch {
    pub start: usize,
    pub end: usize,
    pub raw: Raw,
    pub bounding: Bounding,
    /// The bounding words as written (`at least`, `dozens`), if any.
    pub qualifier: Option<String>,
    /// Currency code for money (`usd`, `gbp`, `eur`).
    pub currency: Option<&'static str>,
    /// The rule that recognised it, for debugging.
    pub rule: &'static str,
}

/// The bounding phrases of the language file, split into words.
fn qualifiers() -> &'static [(Vec<String>, Bounding)] {
    static SPLIT: OnceLock<Vec<(Vec<String>, Bounding)>> = OnceLock::new();
    SPLIT.get_or_init(|| {
        lang::en()
            .figure_qualifiers
            .iter()
            .map(|q| {
                let bounding = match q.bounds {
                    lang::Bounds::AtLeast => Bounding::AtLeast,
                    lang::Bounds::AtMost => Bounding::AtMost,
                    lang::Bounds::Nearly => Bounding::Nearly,
                    lang::Bounds::Approximately => Bounding::Approximately,
                };
                (q.words.split(' ').map(str::to_owned).collect(), bounding)
            })
            .collect()
    })
}

/// The vague quantities of the language file, with their words split.
fn vague_quantities() -> &'static [(Vec<String>, &'static lang::VagueQuantity)] {
    static SPLIT: OnceLock<Vec<(Vec<String>, &'static lang::VagueQuantity)>> = OnceLock::new();
    SPLIT.get_or_init(|| {
        lang::en()
            .vague_quantities
            .iter()
            .map(|v| (v.words.split(' ').map(str::to_owned).collect(), v))
            .collect()
    })
}

fn words_at<S: AsRef<str>>(tokens: &[Token<'_>], i: usize, words: &[S]) -> bool {
    words.iter().enumerate().all(|(k, w)| {
        tokens
            .get(i + k)
            .is_some_and(|t| t.text.eq_ignore_ascii_case(w.as_ref()))
    })
}

/// Words a figure can open with: the first words of vague quantities and of bounding
/// phrases, range openers, number words and scales. Digits and currency symbols aside, a
/// token not in this set cannot start a figure, so [`figure_at`] is never tried on it.
struct OpeningWords {
    words: HashSet<String>,
    /// Bit `len` of entry `c` is set when some word starts with letter `c` and has `len`
    /// bytes: most tokens are turned away by it without hashing.
    shapes: [u32; 26],
}

fn opening_words() -> &'static OpeningWords {
    static SET: OnceLock<OpeningWords> = OnceLock::new();
    SET.get_or_init(|| {
        let vague = vague_quantities()
            .iter()
            .map(|(words, _)| words[0].as_str());
        let bounding = qualifiers().iter().map(|(words, _)| words[0].as_str());
        // Range openers and the articles of "a dozen": the grammar of the range and
        // article rules below, which name these words.
        let fixed = ["between", "anywhere", "from", "a", "an", "dozen"];
        let words: HashSet<String> = vague
            .chain(bounding)
            .chain(number_words())
            .chain(fixed)
            .map(str::to_owned)
            .collect();
        let mut shapes = [0u32; 26];
        for w in &words {
            if let Some(slot) = shape_slot(w) {
                shapes[slot.0] |= 1 << slot.1;
            }
        }
        OpeningWords { words, shapes }
    })
}

/// A word's first letter (0..26) and length (below 32), when it has that shape.
fn shape_slot(word: &str) -> Option<(usize, usize)> {
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    (first.is_ascii_lowercase() && word.len() < 32).then(|| ((first - b'a') as usize, word.len()))
}

/// Whether a figure can start at `token` (see [`opening_words`]).
fn may_open_figure(token: &Token<'_>) -> bool {
    let t = token.text;
    if t.starts_with(|c: char| c.is_ascii_digit()) || currency_symbol(t).is_some() {
        return true;
    }
    let mut buf = [0u8; 16];
    if t.len() > buf.len() || !t.is_ascii() {
        return false;
    }
    let opening = opening_words();
    match shape_slot(t) {
        Some((c, len)) if opening.shapes[c] & (1 << len) != 0 => {}
        _ => return false,
    }
    let lower = &mut buf[..t.len()];
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| opening.words.contains(w))
}

/// Finds every figure in `text`.
pub fn parse(text: &str) -> Vec<FigureMatch> {
    parse_tokens(text, may_open_figure)
}

fn parse_tokens(text: &str, may_open: fn(&Token<'_>) -> bool) -> Vec<FigureMatch> {
    let tokens = tokenize(text);
    let mut out: Vec<FigureMatch> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_open(&tokens[i]) {
            i += 1;
            continue;
        }
        match figure_at(text, &tokens, i) {
            Some((m, next)) => {
                let keep = !is_excluded(text, &tokens, i, next, &m, out.last());
                if keep {
                    out.push(m);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A number at token `i` (digits with scale, or number words): value and next token index.
fn number_at(tokens: &[Token<'_>], i: usize) -> Option<(i64, usize, &'static str)> {
    let t = tokens.get(i)?;
    if t.is_digits() {
        let value = digits_value(t.text)?;
        // A scale written out or abbreviated against the digits.
        if let Some(next) = tokens.get(i + 1) {
            if let Some(s) = scale_word(next.text).filter(|s| *s >= 1000) {
                return Some(((value * s as f64).round() as i64, i + 2, "digits+scale"));
            }
            if next.start == t.end {
                if let Some(s) = scale_abbreviation(next.text) {
                    return Some(((value * s as f64).round() as i64, i + 2, "digits+abbr"));
                }
            }
        }
        if value.fract() != 0.0 || value > 9.0e15 {
            return None;
        }
        return Some((value as i64, i + 1, "digits"));
    }
    words_value(tokens, i).map(|(v, n)| (v, n, "words"))
}

/// Spaces that join digit groups ("1\u{a0}500"), read like commas.
const GROUP_SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2009}'];

fn digits_value(text: &str) -> Option<f64> {
    if text.contains(GROUP_SPACES) {
        return digits_value(&text.replace(GROUP_SPACES, ","));
    }
    if text.contains(',') {
        let mut groups = text.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 {
            return None;
        }
        let rest: Vec<&str> = groups.collect();
        let (last, middle) = rest.split_last()?;
        let last_int = last.split('.').next()?;
        if last_int.len() != 3 || middle.iter().any(|g| g.len() != 3) {
            return None;
        }
        return text.replace(',', "").parse().ok();
    }
    if text.matches('.').count() > 1 {
        return None;
    }
    if text.len() > 16 {
        return None;
    }
    text.parse().ok()
}

/// Number words: `two hundred and forty`, `thirty-eight`, `a dozen`, `a hundred`, `two dozen`.
fn words_value(tokens: &[Token<'_>], i: usize) -> Option<(i64, usize)> {
    let mut j = i;
    let mut total: i64 = 0;
    let mut current: i64 = 0;
    let mut any = false;
    let first = tokens.get(i)?;
    if first.is("a") || first.is("an") {
        let next = tokens.get(i + 1)?;
        if !next.is("dozen") && scale_word(next.text).is_none() {
            return None;
        }
        current = 1;
        j += 1;
    }
    while let Some(t) = tokens.get(j) {
        let w = t.text;
        if let Some(v) = cardinal(w) {
            if any && current % 100 != 0 && !(current % 10 == 0 && v < 10 && current % 100 >= 20) {
                break;
            }
            current += v;
            any = true;
            j += 1;
            // `thirty-eight`
            if is_tens(w) && tokens.get(j).is_some_and(|h| h.text == "-") {
                if let Some(u) = tokens
                    .get(j + 1)
                    .and_then(|u| cardinal(u.text))
                    .filter(|u| (1..10).contains(u))
                {
                    current += u;
                    j += 2;
                }
            }
        } else if t.is("dozen") {
            current = current.max(1) * 12;
            any = true;
            j += 1;
        } else if t.is("hundred") {
            current = current.max(1) * 100;
            any = true;
            j += 1;
            if tokens.get(j).is_some_and(|a| a.is("and"))
                && tokens.get(j + 1).and_then(|n| cardinal(n.text)).is_some()
            {
                j += 1;
            }
        } else if let Some(s) = scale_word(w).filter(|s| *s >= 1000) {
            total += current.max(1) * s;
            current = 0;
            any = true;
            j += 1;
        } else {
            break;
        }
    }
    any.then_some((total + current, j))
}

/// The longest bounding phrase at token `i`.
fn qualifier_at(tokens: &[Token<'_>], i: usize) -> Option<(Bounding, usize)> {
    let phrases = qualifiers();
    let first = tokens.get(i)?;
    phrases.iter().find_map(|(words, b)| {
        let n = words.len();
        let matches = first.text.eq_ignore_ascii_case(&words[0])
            && tokens.get(i + 1..i + n).is_some_and(|rest| {
                rest.iter()
                    .zip(&words[1..])
                    .all(|(t, w)| t.text.eq_ignore_ascii_case(w))
            });
        matches.then_some((*b, i + n))
    })
}

fn currency_symbol(text: &str) -> Option<&'static str> {
    match text {
        "$" | "US$" => Some("usd"),
        "£" => Some("gbp"),
        "€" => Some("eur"),
        _ => None,
    }
}

fn currency_word(text: &str) -> Option<&'static str> {
    const WORDS: [(&str, &str); 8] = [
        ("dollars", "usd"),
        ("dollar", "usd"),
        ("usd", "usd"),
        ("pounds", "gbp"),
        ("gbp", "gbp"),
        ("euros", "eur"),
        ("euro", "eur"),
        ("eur", "eur"),
    ];
    WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(text))
        .map(|(_, code)| *code)
}

/// Tries to read a whole figure starting at token `i`.
fn figure_at(text: &str, tokens: &[Token<'_>], i: usize) -> Option<(FigureMatch, usize)> {
    // Vague quantity words.
    for (words, vague) in vague_quantities() {
        if words_at(tokens, i, words) {
            let next = i + words.len();
            let last = &tokens[next - 1];
            let followed_by_of = tokens.get(next).is_some_and(|t| t.lower() == "of");
            if vague.needs_of && !followed_by_of {
                return None;
            }
            // `thousands of years`, `hundreds of miles`: a duration or a measure.
            let counted = tokens
                .get(next + usize::from(followed_by_of))
                .map(Token::lower);
            if counted.is_some_and(|w| lang::en().duration_units.has(w.as_str())) {
                return None;
            }
            if vague.needs_noun {
                // `a few`/`several` must count something: a word must follow.
                tokens
                    .get(next)
                    .filter(|t| t.text.chars().all(char::is_alphabetic))?;
            }
            let start = tokens[i].start;
            return Some((
                FigureMatch {
                    start,
                    end: last.end,
                    raw: Raw::Vague {
                        low: vague.low,
                        high: vague.high,
                    },
                    bounding: Bounding::Exact,
                    qualifier: Some(text[start..last.end].to_owned()),
                    currency: None,
                    rule: "vague",
                },
                next,
            ));
        }
    }
    let start = tokens[i].start;
    let mut j = i;
    let mut bounding = Bounding::Exact;
    let mut qualifier = None;
    let mut range_opener = None;
    if let Some((b, next)) = qualifier_at(tokens, i) {
        bounding = b;
        qualifier = Some(text[start..tokens[next - 1].end].to_owned());
        j = next;
    } else if words_at(tokens, i, &["between"]) {
        range_opener = Some("and");
        qualifier = Some(tokens[i].text.to_owned());
        j = i + 1;
    } else if words_at(tokens, i, &["anywhere", "from"]) || words_at(tokens, i, &["from"]) {
        let n = if tokens[i].lower() == "anywhere" {
            2
        } else {
            1
        };
        range_opener = Some("to");
        qualifier = Some(text[start..tokens[i + n - 1].end].to_owned());
        j = i + n;
    }
    // A quotation mark may stand between the bounding words and the number
    // (`at least "158 terrorist" positions`).
    if qualifier.is_some()
        && tokens
            .get(j)
            .is_some_and(|t| matches!(t.text, "\"" | "“" | "'"))
    {
        j += 1;
    }
    let mut currency = tokens.get(j).and_then(|t| currency_symbol(t.text));
    if currency.is_some() {
        j += 1;
    }
    let (low, mut next, rule) = number_at(tokens, j)?;
    let mut raw = Raw::Number(low);
    // A range: `30-40`, `30 to 40`, `between 30 and 40`.
    let joiner = tokens.get(next).map(|t| t.lower());
    let range_word = match (range_opener, joiner.as_deref()) {
        (Some(w), Some(j)) => (w == j).then_some(j),
        (None, Some("-" | "to" | "–")) => joiner.as_deref(),
        _ => None,
    };
    if range_word.is_some() {
        let k = next + 1;
        let k = if tokens
            .get(k)
            .and_then(|t| currency_symbol(t.text))
            .is_some()
        {
            k + 1
        } else {
            k
        };
        if let Some((high, after, _)) = number_at(tokens, k) {
            if high > low {
                raw = Raw::Range(low, high);
                next = after;
            }
        }
    }
    if range_opener.is_some() && !matches!(raw, Raw::Range(..)) {
        // `from 30` / `between 30` without a second figure: read the number alone.
        return number_figure_without_opener(tokens, j, currency);
    }
    if currency.is_none() {
        if let Some(c) = tokens.get(next).and_then(|t| currency_word(t.text)) {
            currency = Some(c);
            next += 1;
        }
    }
    // `N or more`
    if bounding == Bounding::Exact && words_at(tokens, next, &["or", "more"]) {
        bounding = Bounding::AtLeast;
        qualifier = Some("or more".to_owned());
        next += 2;
    }
    let end = tokens[next - 1].end;
    Some((
        FigureMatch {
            start,
            end,
            raw,
            bounding,
            qualifier,
            currency,
            rule,
        },
        next,
    ))
}

fn number_figure_without_opener(
    tokens: &[Token<'_>],
    j: usize,
    currency: Option<&'static str>,
) -> Option<(FigureMatch, usize)> {
    let (v, next, rule) = number_at(tokens, j)?;
    let start = tokens[j].start;
    Some((
        FigureMatch {
            start,
            end: tokens[next - 1].end,
            raw: Raw::Number(v),
            bounding: Bounding::Exact,
            qualifier: None,
            currency,
            rule,
        },
        next,
    ))
}

/// Look-alikes that are not figures: ages, years, dates, durations, ordinals,
/// percentages, times of day, ids, bracketed conversions.
fn is_excluded(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    next: usize,
    m: &FigureMatch,
    previous: Option<&FigureMatch>,
) -> bool {
    let lower = |k: usize| tokens.get(k).map(Token::lower).unwrap_or_default();
    let after = lower(next);
    let after2 = lower(next + 1);
    let before = if i > 0 { lower(i - 1) } else { String::new() };
    let first_number = tokens[i..next].iter().find(|t| t.is_digits());
    // Ages: `82-year-old`, `five-year-old`, `aged 20`, `20 years old`.
    if (after == "-" && (after2 == "year" || after2 == "years"))
        || ((after == "year" || after == "years") && (after2 == "old" || after2 == "-"))
        || before == "aged"
    {
        return true;
    }
    // Durations and measures: `10 months`, `three-week`, `24 hours`, `50 km`, `20 percent`.
    let unit = if after == "-" {
        after2.clone()
    } else {
        after.clone()
    };
    if lang::en().duration_units.has(&unit) && m.currency.is_none() {
        return true;
    }
    if after == "%" {
        return true;
    }
    // Ordinals written as digits: `2nd`, `21st`.
    if let Some(t) = tokens.get(next) {
        if t.start == tokens[next - 1].end
            && matches!(t.lower().as_str(), "st" | "nd" | "rd" | "th")
        {
            return true;
        }
    }
    // Times of day and ids: `10:30`, `9 a.m.`, `9am`, `1500 GMT`, `No. 5`, `#12`.
    let time_suffix = matches!(after.as_str(), "am" | "pm" | "gmt" | "utc" | "hrs")
        || (matches!(after.as_str(), "a" | "p") && after2 == ".");
    if after == ":" || before == ":" || time_suffix || before == "#" {
        return true;
    }
    if before == "." && i >= 2 && tokens[i - 2].lower() == "no" {
        return true;
    }
    // Phone-like runs of digit groups: `963 11 2345678`.
    // A year before the figure is a dateline, not a digit group: `April 26 2017 6 civilians`.
    let is_year = |t: &Token<'_>| {
        t.text.len() == 4
            && t.text
                .parse::<i64>()
                .is_ok_and(|y| (1800..=2100).contains(&y))
    };
    let next_is_digits = tokens.get(next).is_some_and(Token::is_digits);
    let prev_is_digits =
        i > 0 && tokens[i].is_digits() && tokens[i - 1].is_digits() && !is_year(&tokens[i - 1]);
    if m.rule == "digits" && (next_is_digits || prev_is_digits) {
        return true;
    }
    // The pronoun `one`: `no one`, `the one`, `one another`.
    if tokens[i].lower() == "one"
        && next == i + 1
        && (matches!(
            before.as_str(),
            "no" | "the" | "this" | "that" | "which" | "every" | "any"
        ) || after == "another")
    {
        return true;
    }
    if let Some(t) = first_number {
        if t.text.len() > 1 && t.text.starts_with('0') {
            return true;
        }
        let digits = t.text.chars().filter(char::is_ascii_digit).count();
        // Over 15 digits is no count; 7 or more without separators is an id.
        let grouped = t.text.contains([',', '.']) || t.text.contains(GROUP_SPACES);
        if digits > 15 || (digits >= 7 && !grouped && m.rule == "digits") {
            return true;
        }
        // Dates: `11 December`, `December 11`, and years.
        if lang::en().month_of(&after).is_some() || lang::en().month_of(&before).is_some() {
            return true;
        }
        let plain_year = t.text.len() == 4
            && t.text
                .parse::<i64>()
                .is_ok_and(|y| (1800..=2100).contains(&y));
        if plain_year && m.currency.is_none() && matches!(m.raw, Raw::Number(_) | Raw::Range(..)) {
            return true;
        }
        if before == "-" || before == "/" || after == "/" {
            // Part of an id or a date written with separators.
            let prev_tok = &tokens[i - usize::from(i > 0)];
            if i > 0
                && prev_tok.end == t.start
                && tokens.get(i.wrapping_sub(2)).is_some_and(|p| p.is_digits())
            {
                return true;
            }
            if after == "/" {
                return true;
            }
        }
    }
    // A bracketed conversion right after a money figure: `$2m (£1.6m)`.
    if before == "(" {
        if let Some(prev) = previous {
            let gap = &text[prev.end..tokens[i - 1].start];
            if prev.currency.is_some() && m.currency.is_some() && gap.trim().is_empty() {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> FigureMatch {
        let all = parse(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().expect("one figure")
    }

    #[test]
    fn every_opening_word_passes_the_shape_check() {
        for w in &opening_words().words {
            let (c, len) = shape_slot(w).expect("an opening word starts with a letter");
            assert!(opening_words().shapes[c] & (1 << len) != 0, "{w}");
            assert!(
                may_open_figure(&Token {
                    start: 0,
                    end: w.len(),
                    text: w
                }),
                "{w}"
            );
        }
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        let t: Vec<&str> = tokenize("1,500 and $2m, 2.5 million")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["1,500", "and", "$", "2", "m", ",", "2.5", "million"]);
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(one("killed 1,500 people").raw, Raw::Number(1500));
        assert_eq!(one("thirty-eight soldiers").raw, Raw::Number(38));
        assert_eq!(one("two hundred and forty militants").raw, Raw::Number(240));
        assert_eq!(one("a dozen tower tombs").raw, Raw::Number(12));
        assert_eq!(one("$2m of losses").raw, Raw::Number(2_000_000));
        assert_eq!(one("$2m of losses").currency, Some("usd"));
        assert_eq!(one("1.6bn").raw, Raw::Number(1_600_000_000));
        assert_eq!(one("2.5 million people").raw, Raw::Number(2_500_000));
    }

    #[test]
    fn qualifiers_and_ranges() {
        let m = one("At least 38 militants");
        assert_eq!(
            (m.bounding, m.qualifier.as_deref()),
            (Bounding::AtLeast, Some("At least"))
        );
        assert_eq!(one("between 30 and 40 people").raw, Raw::Range(30, 40));
        assert_eq!(one("30-40 people").raw, Raw::Range(30, 40));
        assert_eq!(
            one("anywhere from 56 to 212 civilians").raw,
            Raw::Range(56, 212)
        );
        assert_eq!(
            one("dozens of vehicles").raw,
            Raw::Vague { low: 24, high: 99 }
        );
        assert_eq!(one("10 or more").bounding, Bounding::AtLeast);
    }

    #[test]
    fn no_break_and_thin_spaces_join_digit_groups() {
        assert_eq!(one("1\u{a0}500 people were killed").raw, Raw::Number(1500));
        assert_eq!(
            one("2\u{202f}000\u{202f}000 fled").raw,
            Raw::Number(2_000_000)
        );
        assert_eq!(one("500\u{a0}people").raw, Raw::Number(500));
    }

    #[test]
    fn look_alikes_are_refused() {
        for text in [
            "the city's 82-year-old former chief",
            "a five-year-old conflict",
            "held it for 10 months",
            "a three-week siege",
            "in 24 hours",
            "in May 2015",
            "on 11 December",
            "December 11",
            "the second city",
            "20% of the city",
            "at 10:30",
            "the 2nd division",
        ] {
            assert!(parse(text).is_empty(), "{text}: {:?}", parse(text));
        }
    }

    #[test]
    fn bracketed_conversion_is_one_figure() {
        let all = parse("some $2m (£1.6m) of losses");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].qualifier.as_deref(), Some("some"));
    }

    /// Words around figures, in any case, so the guard meets every opening it must let by.
    const VOCABULARY: &[&str] = &[
        "At",
        "least",
        "MORE",
        "than",
        "Up",
        "to",
        "no",
        "fewer",
        "Some",
        "about",
        "nearly",
        "between",
        "and",
        "from",
        "anywhere",
        "a",
        "An",
        "few",
        "Dozens",
        "dozen",
        "Hundreds",
        "of",
        "tens",
        "Thousands",
        "scores",
        "several",
        "Thirty",
        "-",
        "eight",
        "Two",
        "hundred",
        "million",
        "Billions",
        "or",
        "more",
        "$",
        "US$",
        "£",
        "€",
        "dollars",
        "euros",
        "1,500",
        "2.5",
        "38",
        "2",
        "m",
        "bn",
        "killed",
        "people",
        "years",
        "in",
        "over",
        "under",
        "almost",
        "an",
        "estimated",
        "close",
        "upwards",
        "as",
        "many",
        "\"",
        "'",
        "(",
        ")",
        ",",
        ".",
        "one",
        "nineteen",
        "Ninety",
        "zero",
        "Seventy-two",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The opening-word guard only skips work: figures are the same without it.
        #[test]
        fn the_guard_never_changes_the_figures(
            words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..24)
        ) {
            let text = words.join(" ");
            proptest::prop_assert_eq!(parse(&text), parse_tokens(&text, |_| true));
        }
    }
}
