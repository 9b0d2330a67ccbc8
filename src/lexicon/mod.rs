//! The lexicon: parties, sources, places, units, claim kinds and control actions as data,
//! compiled into one Aho-Corasick automaton that finds every mention in a single scan.

pub mod schema;

use crate::error::{Error, Result};
use crate::model::{Action, Kind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
pub use schema::{Entry, LexiconFile};

/// The default lexicon shipped with the package (the war against Islamic State).
pub const DEFAULT_TOML: &str = include_str!("../../python/warclaims/data/lexicon.toml");

/// The roles a generic party can name (the `generic` and `roles` fields of a party).
pub const GENERIC_ROLES: &[&str] = &["state", "armed", "rebels"];

/// The type of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryType {
    Party,
    Source,
    Place,
    Unit,
    Kind,
    Action,
}

/// A lexicon mention found in text: byte span, entry type and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub ty: EntryType,
    pub index: usize,
}

/// A compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub file: LexiconFile,
    /// Case-insensitive aliases.
    folded: AhoCorasick,
    /// Short all-capital aliases (`IS`, `SDF`), matched as written.
    exact: AhoCorasick,
    folded_ids: Vec<Vec<(EntryType, usize)>>,
    exact_ids: Vec<Vec<(EntryType, usize)>>,
    /// Per place and per party: the state party of its `country`, if the lexicon has one.
    place_state: Vec<Option<usize>>,
    party_state: Vec<Option<usize>>,
    /// Per party: the state parties it fights (`against`), and its fallback (`party`).
    party_against: Vec<Vec<usize>>,
    party_fallback: Vec<Option<usize>>,
    /// Per kind, action and unit entry: the model's kind or action it names.
    kinds: Vec<Option<Kind>>,
    actions: Vec<Option<Action>>,
    unit_counts: Vec<Option<Kind>>,
}

fn is_acronym(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && alias.chars().all(|c| !c.is_lowercase())
}

impl Lexicon {
    /// The default lexicon.
    pub fn default_lexicon() -> Result<Lexicon> {
        Lexicon::from_toml(DEFAULT_TOML, "<default lexicon>")
    }

    /// Parses TOML text; `name` (a file path) is used in error messages.
    pub fn from_toml(text: &str, name: &str) -> Result<Lexicon> {
        Lexicon::compile(parse_file(text, name)?, name)
    }

    /// Compiles entries into a lexicon, checking them.
    pub fn compile(file: LexiconFile, name: &str) -> Result<Lexicon> {
        let mut folded_patterns: Vec<String> = Vec::new();
        let mut folded_ids: Vec<Vec<(EntryType, usize)>> = Vec::new();
        let mut exact_patterns: Vec<String> = Vec::new();
        let mut exact_ids: Vec<Vec<(EntryType, usize)>> = Vec::new();
        for (ty, entries) in [
            (EntryType::Party, &file.party),
            (EntryType::Source, &file.source),
            (EntryType::Place, &file.place),
            (EntryType::Unit, &file.unit),
            (EntryType::Kind, &file.kind),
            (EntryType::Action, &file.action),
        ] {
            for (index, entry) in entries.iter().enumerate() {
                check_entry(entry, ty, name)?;
                let names = std::iter::once(&entry.id).filter(|_| {
                    matches!(ty, EntryType::Party | EntryType::Source | EntryType::Place)
                });
                for alias in names.chain(entry.aliases.iter()) {
                    let (patterns, ids) = if is_acronym(alias) {
                        (&mut exact_patterns, &mut exact_ids)
                    } else {
                        (&mut folded_patterns, &mut folded_ids)
                    };
                    let key = if is_acronym(alias) {
                        alias.clone()
                    } else {
                        alias.to_lowercase()
                    };
                    match patterns.iter().position(|p| *p == key) {
                        Some(p) => {
                            // One alias names one entry per type: the one added last
                            // (a user's extension over the default).
                            ids[p].retain(|(t, _)| *t != ty);
                            ids[p].push((ty, index));
                        }
                        None => {
                            patterns.push(key);
                            ids.push(vec![(ty, index)]);
                        }
                    }
                }
            }
        }
        let build = |patterns: &[String], fold: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(fold)
                .build(patterns)
                .map_err(|e| Error::Lexicon {
                    file: name.to_owned(),
                    entry: "(all)".to_owned(),
                    message: e.to_string(),
                })
        };
        let state_of = |country: Option<&str>| state_index(&file.party, country?);
        let place_state = file
            .place
            .iter()
            .map(|e| state_of(e.country.as_deref()))
            .collect();
        let party_state = file
            .party
            .iter()
            .map(|e| state_of(e.country.as_deref()).filter(|_| e.generic.is_none()))
            .collect();
        let party_against = file
            .party
            .iter()
            .map(|e| e.against.iter().filter_map(|c| state_of(Some(c))).collect())
            .collect();
        let party_fallback = file
            .party
            .iter()
            .map(|e| {
                let f = e.party.as_deref()?;
                file.party.iter().position(|p| p.id == f)
            })
            .collect();
        let kinds = file.kind.iter().map(|e| Kind::parse(&e.id)).collect();
        let actions = file.action.iter().map(|e| Action::parse(&e.id)).collect();
        let unit_counts = file
            .unit
            .iter()
            .map(|e| e.counts.as_deref().and_then(Kind::parse))
            .collect();
        Ok(Lexicon {
            kinds,
            actions,
            unit_counts,
            folded: build(&folded_patterns, true)?,
            exact: build(&exact_patterns, false)?,
            folded_ids,
            exact_ids,
            place_state,
            party_state,
            party_against,
            party_fallback,
            file,
        })
    }

    /// A new lexicon with `other`'s entries added (same id: aliases added, fields replaced).
    pub fn extended(&self, other: LexiconFile, name: &str) -> Result<Lexicon> {
        Ok(self.extended_with_changes(other, name)?.0)
    }

    /// As [`Lexicon::extended`], with the aliases the extension took from another entry of
    /// the same type: "`alias`: party `old` -> `new`", so a user sees what changed hands.
    pub fn extended_with_changes(
        &self,
        other: LexiconFile,
        name: &str,
    ) -> Result<(Lexicon, Vec<String>)> {
        let mut moved = Vec::new();
        for (ty, entries) in [
            (EntryType::Party, &other.party),
            (EntryType::Source, &other.source),
            (EntryType::Place, &other.place),
            (EntryType::Unit, &other.unit),
            (EntryType::Kind, &other.kind),
            (EntryType::Action, &other.action),
        ] {
            for e in entries {
                for alias in &e.aliases {
                    let owner = self.entries(ty).iter().find(|b| {
                        b.id != e.id && b.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias))
                    });
                    if let Some(b) = owner {
                        let kind = format!("{ty:?}").to_lowercase();
                        moved.push(format!("{alias:?}: {kind} {:?} -> {:?}", b.id, e.id));
                    }
                }
            }
        }
        let mut file = self.file.clone();
        file.extend(other);
        Ok((Lexicon::compile(file, name)?, moved))
    }

    /// The entries of one type.
    pub fn entries(&self, ty: EntryType) -> &[Entry] {
        match ty {
            EntryType::Party => &self.file.party,
            EntryType::Source => &self.file.source,
            EntryType::Place => &self.file.place,
            EntryType::Unit => &self.file.unit,
            EntryType::Kind => &self.file.kind,
            EntryType::Action => &self.file.action,
        }
    }

    /// The claim kind a `kind` mention names.
    pub fn kind_of(&self, m: &Mention) -> Option<Kind> {
        (m.ty == EntryType::Kind)
            .then(|| self.kinds.get(m.index).copied().flatten())
            .flatten()
    }

    /// The control action an `action` mention names.
    pub fn action_of(&self, m: &Mention) -> Option<Action> {
        (m.ty == EntryType::Action)
            .then(|| self.actions.get(m.index).copied().flatten())
            .flatten()
    }

    /// The kind a figure of this unit makes by itself (`counts`: "25 air strikes").
    pub fn unit_counts(&self, m: &Mention) -> Option<Kind> {
        (m.ty == EntryType::Unit)
            .then(|| self.unit_counts.get(m.index).copied().flatten())
            .flatten()
    }

    /// True when an action mention's text is one of its entry's noun aliases (`nouns`).
    pub fn is_noun(&self, m: &Mention, text: &str) -> bool {
        m.ty == EntryType::Action && listed(&self.entry(m).nouns, text)
    }

    /// True when an action mention's text names the holder beside it (`holder_nouns`).
    pub fn is_holder_noun(&self, m: &Mention, text: &str) -> bool {
        m.ty == EntryType::Action && listed(&self.entry(m).holder_nouns, text)
    }

    /// True when an action mention's text is a participle of its entry (`participles`).
    pub fn is_participle(&self, m: &Mention, text: &str) -> bool {
        m.ty == EntryType::Action && listed(&self.entry(m).participles, text)
    }

    /// True when an action mention's text holds only after "under" or as a verb
    /// (`under_nouns`).
    pub fn is_under_noun(&self, m: &Mention, text: &str) -> bool {
        m.ty == EntryType::Action && listed(&self.entry(m).under_nouns, text)
    }

    /// True when some party is generic ("the army"): articles then resolve them.
    pub fn has_generic(&self) -> bool {
        self.file.party.iter().any(|e| e.generic.is_some())
    }

    /// The state party a place or party mention points to: the state forces of the
    /// country of a place or of a state party (precomputed when the lexicon is compiled).
    pub fn state_of(&self, m: &Mention) -> Option<usize> {
        match m.ty {
            EntryType::Place => self.place_state.get(m.index).copied().flatten(),
            EntryType::Party => self.party_state.get(m.index).copied().flatten(),
            _ => None,
        }
    }

    /// The state party of a country: the non-generic party whose `country` it is.
    pub fn state_party(&self, country: &str) -> Option<usize> {
        state_index(&self.file.party, country)
    }

    /// The party a generic party's mention names where the war is against the state party
    /// `state`: for `state`, that party; for `armed` and `rebels`, the party with that role
    /// fighting it that the article names most (`named[i]` counts the article's mentions of
    /// party `i`). Else the entry's fallback `party`, else itself.
    pub fn resolve_generic(&self, index: usize, state: Option<usize>, named: &[usize]) -> usize {
        let Some(entry) = self.file.party.get(index) else {
            return index;
        };
        let Some(role) = entry.generic.as_deref() else {
            return index;
        };
        let fallback = self.party_fallback.get(index).copied().flatten();
        let resolved = state.and_then(|st| {
            if role == "state" {
                return Some(st);
            }
            let candidates = (0..self.file.party.len()).filter(|&i| {
                self.party_against[i].contains(&st)
                    && self.file.party[i].roles.iter().any(|r| r == role)
            });
            let count = |i: usize| named.get(i).copied().unwrap_or(0);
            let mut best: Option<usize> = None;
            let mut fallback_fights = false;
            for i in candidates {
                fallback_fights |= Some(i) == fallback;
                best = match best {
                    Some(b) if count(b) >= count(i) => Some(b),
                    _ => Some(i),
                };
            }
            let best = best?;
            if count(best) == 0 && fallback_fights {
                // None named: the fallback where it fights here, else the first listed.
                return fallback;
            }
            Some(best)
        });
        resolved.or(fallback).unwrap_or(index)
    }

    /// The entry a mention refers to.
    pub fn entry(&self, m: &Mention) -> &Entry {
        &self.entries(m.ty)[m.index]
    }

    /// How many lexicon phrases a bare scan finds in `text` (case-folded automaton, no word
    /// boundaries, no overlaps): the floor the benchmark compares extraction with.
    pub fn count_phrases(&self, text: &str) -> usize {
        self.folded.find_iter(text).count()
    }

    /// Every mention in `text`, on word boundaries, sorted by start; longer mentions win
    /// where two overlap. An alias may name entries of several types (a mention each).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        for (ac, ids) in [
            (&self.folded, &self.folded_ids),
            (&self.exact, &self.exact_ids),
        ] {
            for m in ac.find_overlapping_iter_safe(text) {
                if !on_word_boundaries(text, m.0, m.1) {
                    continue;
                }
                for &(ty, index) in &ids[m.2] {
                    found.push(Mention {
                        start: m.0,
                        end: m.1,
                        ty,
                        index,
                    });
                }
            }
        }
        // Per type, keep the longest of overlapping mentions.
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut kept: Vec<Mention> = Vec::new();
        for m in found {
            let covered = kept
                .iter()
                .any(|k| k.ty == m.ty && k.start <= m.start && m.end <= k.end);
            if !covered {
                kept.push(m);
            }
        }
        kept
    }
}

/// Overlapping search over the leftmost-longest automaton is not allowed, so we scan
/// from every word start instead (cheap: the automaton is anchored by the input slice).
trait OverlapSafe {
    fn find_overlapping_iter_safe(&self, text: &str) -> Vec<(usize, usize, usize)>;
}

impl OverlapSafe for AhoCorasick {
    fn find_overlapping_iter_safe(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let input = aho_corasick::Input::new(text).span(pos..text.len());
            match self.find(input) {
                Some(m) => {
                    out.push((m.start(), m.end(), m.pattern().as_usize()));
                    // Continue after the next word start past this match's start.
                    pos = next_word_start(text, m.start());
                }
                None => break,
            }
        }
        out
    }
}

fn next_word_start(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from + 1;
    while i < bytes.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    // Skip to the end of the current word, then to the next word.
    while i < bytes.len() && is_word_byte(text, i) {
        i += 1;
    }
    while i < bytes.len() && !is_word_byte(text, i) {
        i += 1;
    }
    i.max(from + 1)
}

fn is_word_byte(text: &str, i: usize) -> bool {
    text.is_char_boundary(i) && text[i..].chars().next().is_some_and(char::is_alphanumeric)
        || !text.is_char_boundary(i)
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    (!word(before) || !word(first)) && (!word(after) || !word(last))
}

/// The index of the state party of `country` among `parties`: the non-generic party whose
/// `country` it is.
fn state_index(parties: &[Entry], country: &str) -> Option<usize> {
    parties
        .iter()
        .position(|e| e.generic.is_none() && e.country.as_deref() == Some(country))
}

/// True when `text` is one of `aliases`, in any case.
fn listed(aliases: &[String], text: &str) -> bool {
    aliases.iter().any(|a| a.eq_ignore_ascii_case(text))
}

fn check_entry(entry: &Entry, ty: EntryType, file: &str) -> Result<()> {
    let err = |message: String| Error::Lexicon {
        file: file.to_owned(),
        entry: format!("{ty:?} {:?}", entry.id).to_lowercase(),
        message,
    };
    if entry.id.trim().is_empty() {
        return Err(err("`id` is empty; give the canonical name".to_owned()));
    }
    if let Some(a) = entry.aliases.iter().find(|a| a.trim().is_empty()) {
        return Err(err(format!("alias {a:?} is empty")));
    }
    let kinds = || Kind::ALL.map(Kind::as_str).join(", ");
    if ty == EntryType::Kind && Kind::parse(&entry.id).is_none() {
        return Err(err(format!(
            "a kind's id names a kind of the model: {}",
            kinds()
        )));
    }
    if ty == EntryType::Action && Action::parse(&entry.id).is_none() {
        let actions = Action::ALL.map(Action::as_str).join(", ");
        return Err(err(format!(
            "an action's id names an action of the model: {actions}"
        )));
    }
    if let Some(c) = entry.counts.as_deref() {
        if ty != EntryType::Unit || Kind::parse(c).is_none() {
            return Err(err(format!(
                "counts = {c:?}: only a unit counts, and it counts a kind ({})",
                kinds()
            )));
        }
    }
    for (field, list) in [
        ("nouns", &entry.nouns),
        ("holder_nouns", &entry.holder_nouns),
        ("participles", &entry.participles),
        ("under_nouns", &entry.under_nouns),
    ] {
        if !list.is_empty() && ty != EntryType::Action {
            return Err(err(format!("only an action has `{field}`")));
        }
        let alias = |n: &String| entry.aliases.iter().any(|a| a.eq_ignore_ascii_case(n));
        if let Some(n) = list.iter().find(|n| !alias(n)) {
            return Err(err(format!(
                "`{field}` lists {n:?}, which is not one of its aliases: add it to `aliases`"
            )));
        }
    }
    if let Some(g) = entry.generic.as_deref() {
        if ty != EntryType::Party || !GENERIC_ROLES.contains(&g) {
            return Err(err(format!(
                "generic = {g:?}: only a party can be generic, with a role of {GENERIC_ROLES:?} \
                 (\"state\": the state forces of the article's country; \"armed\", \
                 \"rebels\": the party with that role fighting them)"
            )));
        }
    }
    if let Some(r) = entry
        .roles
        .iter()
        .find(|r| !GENERIC_ROLES.contains(&r.as_str()))
    {
        return Err(err(format!("role {r:?} is not one of {GENERIC_ROLES:?}")));
    }
    if let (Some(lat), Some(lon)) = (entry.lat, entry.lon) {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(err(format!("coordinates ({lat}, {lon}) are out of range")));
        }
    }
    Ok(())
}

/// Parses lexicon TOML text into entries; errors name the file and say what is wrong.
pub fn parse_file(text: &str, name: &str) -> Result<LexiconFile> {
    toml::from_str(text).map_err(|e| Error::Lexicon {
        file: name.to_owned(),
        entry: e
            .span()
            .map(|s| {
                format!(
                    "line {}",
                    text[..s.start.min(text.len())].lines().count().max(1)
                )
            })
            .unwrap_or_else(|| "(file)".to_owned()),
        message: e.message().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::default_lexicon().expect("default lexicon is valid")
    }

    #[test]
    fn finds_parties_places_and_respects_case_of_acronyms() {
        let l = lex();
        let text = "IS fighters attacked Palmyra, but this is not IS; Tadmur fell.";
        let ms = l.mentions(text);
        let parties: Vec<&str> = ms
            .iter()
            .filter(|m| m.ty == EntryType::Party)
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(parties, ["IS fighters", "IS"]);
        let places: Vec<&str> = ms
            .iter()
            .filter(|m| m.ty == EntryType::Place)
            .map(|m| l.entry(m).id.as_str())
            .collect();
        assert_eq!(places, ["Palmyra", "Palmyra"]);
    }

    #[test]
    fn no_match_inside_words() {
        let l = lex();
        let ms = l.mentions("Tissue and kISSing");
        assert!(ms.iter().all(|m| m.ty != EntryType::Party), "{ms:?}");
    }

    #[test]
    fn extend_merges_by_id_and_adds_entries() {
        let l = lex();
        let extra = parse_file(
            "[[party]]\nid = \"Taliban\"\naliases = [\"insurgents\"]\n[[place]]\nid = \"Palmyra\"\naliases = [\"Tudmur\"]\n",
            "x.toml",
        )
        .expect("valid");
        let l2 = l.extended(extra, "x.toml").expect("compiles");
        let text = "Taliban insurgents near Tudmur";
        let ids: Vec<&str> = l2
            .mentions(text)
            .iter()
            .map(|m| l2.entry(m).id.as_str())
            .collect();
        assert!(
            ids.contains(&"Taliban") && ids.contains(&"Palmyra"),
            "{ids:?}"
        );
    }

    #[test]
    fn bad_files_name_file_and_entry() {
        let err = parse_file("[[party]]\nid = \"X\"\ncolour = \"red\"\n", "bad.toml")
            .expect_err("unknown field");
        let msg = err.to_string();
        assert!(msg.contains("bad.toml") && msg.contains("colour"), "{msg}");
        let err = Lexicon::from_toml("[[place]]\nid = \"P\"\nlat = 100.0\nlon = 0.0\n", "c.toml")
            .expect_err("range");
        assert!(err.to_string().contains("place \"p\""), "{err}");
    }
}
