//! The lexicon file format (TOML), read with serde. Unknown fields are errors.

use serde::{Deserialize, Serialize};

/// A lexicon file: lists of entries by type.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    pub party: Vec<Entry>,
    #[serde(default)]
    pub source: Vec<Entry>,
    #[serde(default)]
    pub place: Vec<Entry>,
    #[serde(default)]
    pub unit: Vec<Entry>,
    #[serde(default)]
    pub kind: Vec<Entry>,
    #[serde(default)]
    pub action: Vec<Entry>,
}

/// One entry: a canonical `id`, the literal `aliases` that name it, and type fields.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Party: its side in the war.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// Party: the unit its people are counted in; unit: the party its people belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Unit: counts people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<bool>,
    /// Unit: the kind of claim a figure of it makes by itself ("25 air strikes": `strikes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<String>,
    /// Unit: `false` for things no party owns (temples, monuments): their claims have no actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owned: Option<bool>,
    /// Place: country and coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Source: a wire or outlet that relays others ("Reuters said the coalition said"): where
    /// it relays another speaker in the same sentence, that speaker is the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay: Option<bool>,
    /// Party: a generic name ("the army", "government forces") that names a role in the
    /// war the article is about, not one party. `state` is the state forces (the party
    /// whose `country` is the article's country); `party` is the one named where the
    /// article's country is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generic: Option<String>,
    /// Action: the aliases that are nouns, whose doer follows "by" ("its recapture by IS").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nouns: Vec<String>,
    /// Action: the aliases that name the place's holder before them ("IS strongholds") or
    /// after "of" ("the capital of the caliphate").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holder_nouns: Vec<String>,
    /// Action: aliases that are past participles, passive even without an auxiliary ("IS
    /// driven out of Palmyra", "held by the jihadists").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participles: Vec<String>,
    /// Action: aliases that are nouns of holding only after "under" ("under IS control") or
    /// as a verb after a verb opener ("continue to control").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub under_nouns: Vec<String>,
    /// Aliases an extension takes away from the entry of the same id ("the army" from the
    /// default war's generic state forces). Applied when merging, then cleared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_aliases: Vec<String>,
    /// Party: the countries whose state forces it fights ("Hamas" against "Israel").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against: Vec<String>,
    /// Party: the generic roles it fills there (`armed`: "militants", "gunmen";
    /// `rebels`: "rebels", "insurgents").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

impl Entry {
    /// Merges `other` (same id) into `self`: aliases are added, given fields replace.
    pub fn merge(&mut self, other: Entry) {
        for alias in other.aliases {
            if !self.aliases.contains(&alias) {
                self.aliases.push(alias);
            }
        }
        let removed = other.remove_aliases;
        self.aliases
            .retain(|a| !removed.iter().any(|r| r.eq_ignore_ascii_case(a)));
        macro_rules! take {
            ($($f:ident),*) => { $( if other.$f.is_some() { self.$f = other.$f; } )* };
        }
        take!(side, unit, party, people, counts, owned, country, lat, lon, relay, generic);
        for (into, from) in [
            (&mut self.against, other.against),
            (&mut self.roles, other.roles),
            (&mut self.nouns, other.nouns),
            (&mut self.holder_nouns, other.holder_nouns),
            (&mut self.participles, other.participles),
            (&mut self.under_nouns, other.under_nouns),
        ] {
            for v in from {
                if !into.contains(&v) {
                    into.push(v);
                }
            }
        }
    }
}

impl LexiconFile {
    /// Adds `other`'s entries, merging those with an existing id.
    pub fn extend(&mut self, other: LexiconFile) {
        fn merge_list(into: &mut Vec<Entry>, from: Vec<Entry>) {
            for e in from {
                match into.iter_mut().find(|x| x.id == e.id) {
                    Some(existing) => existing.merge(e),
                    None => {
                        let mut new = Entry {
                            id: e.id.clone(),
                            ..Entry::default()
                        };
                        new.merge(e);
                        into.push(new);
                    }
                }
            }
        }
        merge_list(&mut self.party, other.party);
        merge_list(&mut self.source, other.source);
        merge_list(&mut self.place, other.place);
        merge_list(&mut self.unit, other.unit);
        merge_list(&mut self.kind, other.kind);
        merge_list(&mut self.action, other.action);
    }
}
