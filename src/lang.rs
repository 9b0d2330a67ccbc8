//! The language file: the closed-class English the extraction rules read (auxiliaries,
//! speech verbs, clause openers, part-of-place words...), each list written once in
//! `python/warclaims/data/lang/en.toml` and loaded once. Parties, places, units, kinds and
//! actions are the lexicon's ([`crate::lexicon`]), never listed here.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The English language file, compiled in.
pub const EN_TOML: &str = include_str!("../python/warclaims/data/lang/en.toml");

/// A set of lower-case words, bucketed by byte length: a lookup compares only words of the
/// same length (the lists are short, and most words reject on length alone).
#[derive(Debug, Clone, Default)]
pub struct Words(Vec<Vec<String>>);

impl Words {
    fn bucket(&self, len: usize) -> &[String] {
        self.0.get(len).map_or(&[], Vec::as_slice)
    }

    /// True when `word` (lower case) is in the set.
    pub fn has(&self, word: &str) -> bool {
        self.bucket(word.len()).iter().any(|w| w == word)
    }

    /// True when `word` in any ASCII case is in the set (no allocation).
    pub fn has_folded(&self, word: &str) -> bool {
        self.bucket(word.len())
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let words: Vec<String> = Vec::deserialize(d)?;
        let mut buckets: Vec<Vec<String>> = Vec::new();
        for w in words {
            let w = w.to_lowercase();
            if buckets.len() <= w.len() {
                buckets.resize(w.len() + 1, Vec::new());
            }
            if !buckets[w.len()].contains(&w) {
                buckets[w.len()].push(w);
            }
        }
        Ok(Words(buckets))
    }
}

/// A bounding phrase of figures and how it bounds (`at-least`, `at-most`, `nearly`,
/// `approximately`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureQualifier {
    pub words: String,
    pub bounds: Bounds,
}

/// How a bounding phrase bounds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bounds {
    AtLeast,
    AtMost,
    Nearly,
    Approximately,
}

/// A vague quantity word and its bounds ("dozens": 24..99).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueQuantity {
    pub words: String,
    pub low: i64,
    pub high: i64,
    /// A count only before "of" ("scores of").
    #[serde(default)]
    pub needs_of: bool,
    /// A count only before a word ("a few men").
    #[serde(default)]
    pub needs_noun: bool,
}

/// The word lists of one language (see the comments of `en.toml` for each).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lang {
    pub auxiliaries: Words,
    pub adverbs_in_passive: Words,
    pub speech: Words,
    pub event_words: Words,
    /// Phrases opening a sentence that refers back to the operation before.
    pub back_references: Vec<String>,
    pub clause_openers: Words,
    pub later_clause_openers: Words,
    pub part_of_place: Words,
    pub territory: Words,
    /// Phrases before a capture verb that make it an aim.
    pub intention: Vec<String>,
    pub repelling: Words,
    pub loss_words: Words,
    pub post_fillers: Words,
    pub phrase_stops: Words,
    pub phrase_leading: Words,
    pub modifiers: Words,
    pub post_modifiers: Words,
    pub invariant_nouns: Words,
    /// Phrases whose party only supports the action.
    pub support: Vec<String>,
    pub place_openers: Words,
    pub place_nouns: Words,
    pub place_suffixes: Words,
    pub action_objects: Words,
    pub organisation_heads: Words,
    pub town_parts: Words,
    pub settlements: Words,
    /// Two-word idioms ("took place"): phrases.
    pub not_control: Vec<String>,
    /// Prepositions of holding ("under"): matched inside lower-case text.
    pub holding_prepositions: Vec<String>,
    pub verb_openers: Words,
    /// Phrases.
    pub place_back_references: Vec<String>,
    pub object_pronouns: Words,
    pub subject_pronouns: Words,
    pub irregular_participles: Words,
    pub toll_links: Words,
    pub insertion_ends: Words,
    pub coordinators: Words,
    pub nesting_openers: Words,
    /// Phrases.
    pub attribution_verbs: Vec<String>,
    /// Phrases.
    pub speaker_after: Vec<String>,
    pub speaker_before: Words,
    pub continuing_pronouns: Vec<String>,
    pub continuing_verbs: Vec<String>,
    /// Month names in order (January first).
    pub months: Vec<String>,
    /// Weekday names in order (Monday first).
    pub weekdays: Vec<String>,
    /// Cardinal words from zero, in order.
    pub cardinals: Vec<String>,
    /// Tens words from twenty, in order.
    pub tens: Vec<String>,
    /// Scale words and their multipliers.
    pub scales: BTreeMap<String, i64>,
    pub duration_units: Words,
    /// Words with their dot ("gen.", "u.s.").
    pub abbreviations: Words,
    pub figure_qualifiers: Vec<FigureQualifier>,
    pub vague_quantities: Vec<VagueQuantity>,
    /// Endings (not words): matched with `ends_with`.
    pub demonym_endings: Vec<String>,
    pub name_particles: Words,
}

/// The index of `word` in `names` by its first three letters (an abbreviation: "Jan.",
/// "Sept", "wed"), or by the whole name.
fn by_abbreviation(names: &[String], word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.').to_lowercase();
    names.iter().position(|n| {
        *n == w || (w.len() >= 3 && w.len() <= 4 && n.starts_with(&w) && n.get(..3) == w.get(..3))
    })
}

impl Lang {
    /// The month (1-12) a name or abbreviation names ("March", "mar", "Sept.").
    pub fn month_of(&self, word: &str) -> Option<u32> {
        by_abbreviation(&self.months, word).and_then(|i| u32::try_from(i + 1).ok())
    }

    /// The weekday (0 = Monday) a name or abbreviation names ("Friday", "Fri").
    pub fn weekday_of(&self, word: &str) -> Option<u32> {
        by_abbreviation(&self.weekdays, word).and_then(|i| u32::try_from(i).ok())
    }

    /// A regex alternation of the month names, then their abbreviations with an optional
    /// dot ("March" before "Mar.").
    pub fn month_pattern(&self) -> String {
        let full = alternation(&self.months);
        let short: Vec<String> = self
            .months
            .iter()
            .filter(|m| m.len() > 3)
            .map(|m| format!(r"{}\.?", regex::escape(&m[..3])))
            .chain(
                self.months
                    .iter()
                    .filter(|m| m.starts_with("sept"))
                    .map(|_| r"sept\.?".to_owned()),
            )
            .collect();
        format!("(?:{full}|{})", short.join("|"))
    }

    /// A regex alternation of the weekday names.
    pub fn weekday_pattern(&self) -> String {
        format!("(?:{})", alternation(&self.weekdays))
    }

    /// The value of a cardinal or tens word ("eight", "Thirty").
    pub fn cardinal(&self, word: &str) -> Option<i64> {
        let w = word.to_lowercase();
        if let Some(i) = self.cardinals.iter().position(|c| *c == w) {
            return i64::try_from(i).ok();
        }
        self.tens
            .iter()
            .position(|t| *t == w)
            .and_then(|i| i64::try_from(i).ok())
            .map(|i| (i + 2) * 10)
    }

    /// Parses a language file.
    pub fn from_toml(text: &str) -> Result<Lang, toml::de::Error> {
        toml::from_str(text)
    }
}

/// One regex alternation of `words` (escaped), for patterns built from the lists.
pub fn alternation(words: &[String]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The English word lists, parsed on first use.
pub fn en() -> &'static Lang {
    static EN: OnceLock<Lang> = OnceLock::new();
    // The file is compiled in and parsed by a unit test, so this cannot fail at run time.
    EN.get_or_init(|| Lang::from_toml(EN_TOML).expect("en.toml is compiled in and tested"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_file_parses_and_lists_lower_case() {
        let lang = Lang::from_toml(EN_TOML).expect("en.toml parses");
        assert!(lang.auxiliaries.has("were"));
        assert!(lang.speech.has("said"));
        assert!(lang.speech.has_folded("Said"));
        assert!(!lang.speech.has_folded("Sad"));
        assert!(!lang.speech.has("killed"));
        assert!(lang.back_references.iter().all(|p| *p == p.to_lowercase()));
        assert_eq!((lang.months.len(), lang.weekdays.len()), (12, 7));
        assert_eq!(lang.cardinals.len(), 20);
        assert_eq!(lang.month_of("Sept."), Some(9));
        assert_eq!(lang.month_of("Mar"), Some(3));
        assert_eq!(lang.month_of("May"), Some(5));
        assert_eq!(lang.month_of("marching"), None);
        assert_eq!(lang.weekday_of("Fri"), Some(4));
        assert_eq!(lang.cardinal("Thirty"), Some(30));
    }

    #[test]
    fn an_unknown_list_is_an_error() {
        let text = format!("{EN_TOML}\nnot_a_list = [\"x\"]\n");
        assert!(Lang::from_toml(&text).is_err());
    }
}
