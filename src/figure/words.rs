//! Number words: cardinals, tens and scales (from the language file), and the scale
//! abbreviations written against digits.

use crate::lang;

/// The value of a cardinal word (`one` .. `nineteen`, `twenty` .. `ninety`), from the
/// language file's number words.
pub fn cardinal(word: &str) -> Option<i64> {
    lang::en().cardinal(word)
}

/// True for a tens word (`twenty` .. `ninety`), which may take a hyphenated unit.
pub fn is_tens(word: &str) -> bool {
    cardinal(word).is_some_and(|v| v >= 20 && v % 10 == 0)
}

/// The multiplier of a scale word written out (`hundred`, `thousand`, `million`, `billion`).
pub fn scale_word(word: &str) -> Option<i64> {
    lang::en().scales.get(&word.to_lowercase()).copied()
}

/// Every number word the language file knows: cardinals, tens and scales.
pub fn number_words() -> impl Iterator<Item = &'static str> {
    let lang = lang::en();
    lang.cardinals
        .iter()
        .chain(&lang.tens)
        .chain(lang.scales.keys())
        .map(String::as_str)
}

/// The multiplier of a scale abbreviation written against digits (`2m`, `1.6bn`, `300k`):
/// symbols of the digit grammar, like the currency signs, kept in code.
pub fn scale_abbreviation(word: &str) -> Option<i64> {
    match word {
        "k" | "K" => Some(1_000),
        "m" | "M" | "mn" | "mln" => Some(1_000_000),
        "bn" | "b" | "B" | "bln" => Some(1_000_000_000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        assert_eq!(cardinal("Thirty"), Some(30));
        assert_eq!(cardinal("eight"), Some(8));
        assert_eq!(cardinal("nineteen"), Some(19));
        assert_eq!(cardinal("second"), None);
        assert!(is_tens("forty") && !is_tens("four"));
    }
}
