//! Number words: cardinals, scales and the multiplier words of war reporting.

/// Cardinal words `zero` .. `nineteen`, at their values.
pub const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens words `twenty` .. `ninety`, in order.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Scale words written out, with their multipliers.
pub const SCALES: [(&str, i64); 6] = [
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("millions", 1_000_000),
    ("billion", 1_000_000_000),
    ("billions", 1_000_000_000),
];

/// The value of a cardinal word (`one` .. `nineteen`, `twenty` .. `ninety`).
pub fn cardinal(word: &str) -> Option<i64> {
    if let Some(i) = UNITS.iter().position(|u| u.eq_ignore_ascii_case(word)) {
        return i64::try_from(i).ok();
    }
    TENS.iter()
        .position(|t| t.eq_ignore_ascii_case(word))
        .and_then(|i| i64::try_from(i).ok())
        .map(|i| (i + 2) * 10)
}

/// True for a tens word (`twenty` .. `ninety`), which may take a hyphenated unit.
pub fn is_tens(word: &str) -> bool {
    cardinal(word).is_some_and(|v| v >= 20 && v % 10 == 0)
}

/// The multiplier of a scale word written out (`hundred`, `thousand`, `million`, `billion`).
pub fn scale_word(word: &str) -> Option<i64> {
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// The multiplier of a scale abbreviation written against digits (`2m`, `1.6bn`, `300k`).
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
