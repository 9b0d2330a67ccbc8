//! Counted noun phrases: a figure (or a singular determiner) and what it counts, grouped
//! into lists ("four tanks, three artillery pieces and five motor vehicles").

use super::context::SentenceContext;
use super::parties::adjectival;
use super::words::Word;
use crate::lang;
use crate::lexicon::{EntryType, Mention};

/// A counted phrase.
#[derive(Debug, Clone)]
pub struct Counted {
    /// Index into `ctx.figures`; `None` for a singular phrase ("an arch"), a figure of 1.
    pub figure: Option<usize>,
    /// Byte span in the sentence: the figure (or determiner) to the head noun.
    pub start: usize,
    pub end: usize,
    pub first_word: usize,
    pub last_word: usize,
    /// The counted noun, singular, lower case, modifiers dropped ("oil tanker").
    pub head: String,
    /// The lexicon unit named in the phrase, if any.
    pub unit: Option<Mention>,
    /// A party named inside the phrase or right after it ("militants of the Islamic State").
    pub party: Option<Mention>,
    /// Conjuncts of one list share it.
    pub list: usize,
    /// Introduced by "including" / "among them": a count inside a larger one.
    pub nested: bool,
    /// A figure with no noun ("6,000 moving to ...", "dozens had been injured"): it counts
    /// what the sentence counted before, or people when a people verb follows.
    pub elliptical: bool,
}

/// The singular of a lower-case noun.
pub fn singular(noun: &str) -> String {
    if lang::en().invariant_nouns.has(noun)
        || noun.len() < 4
        || noun.ends_with("ss")
        || noun.ends_with("us")
    {
        return noun.to_owned();
    }
    if let Some(stem) = noun.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "xes", "sses"] {
        if noun.ends_with(suffix) {
            return noun[..noun.len() - 2].to_owned();
        }
    }
    noun.strip_suffix('s').unwrap_or(noun).to_owned()
}

fn is_plural(noun: &str) -> bool {
    singular(noun) != noun
}

/// A word dropped from the front of a thing's unit: a figure, a general adjective, a
/// participle or adverb, a possessive, or a capitalised word (a proper adjective such as
/// "Russian" or "Roman": units are common nouns).
fn is_modifier(word: &Word<'_>) -> bool {
    let w = word.lower();
    word.text.starts_with(char::is_uppercase)
        || w.chars().any(|c| c.is_ascii_digit())
        || lang::en().modifiers.has(w)
        || (w.ends_with("ed") && w.len() > 4)
        || w.ends_with("ly")
        || word.is_possessive()
}

/// Collects the noun phrase starting at word `from`: its word indices (possibly empty).
fn noun_phrase(ctx: &SentenceContext<'_>, words: &[Word<'_>], from: usize) -> Vec<usize> {
    let mut j = from;
    let mut out = Vec::new();
    let mut leading = true;
    while j < words.len() && out.len() < 8 {
        let w = &words[j];
        if leading && (lang::en().phrase_leading.has(w.lower()) || w.is_possessive()) {
            j += 1;
            if w.comma_after || w.stop_after {
                break;
            }
            continue;
        }
        leading = false;
        if w.in_parens {
            j += 1;
            continue;
        }
        // "200 IS militants": an acronym of a party is no stop word.
        let party = ctx.of(EntryType::Party).any(|m| m.start == w.start);
        if lang::en().phrase_stops.has(w.lower()) && !party {
            break;
        }
        // A kind word ends the phrase ("38 militants killed") unless a noun follows it
        // ("badly damaged buildings"): then it is a modifier.
        if starts_kind(ctx, w) {
            let next_is_noun = !w.comma_after
                && !w.stop_after
                && words.get(j + 1).is_some_and(|n| {
                    !lang::en().phrase_stops.has(n.lower())
                        && !starts_kind(ctx, n)
                        && !is_determiner(n.lower())
                        && !n.lower().starts_with(|c: char| c.is_ascii_digit())
                });
            if !next_is_noun {
                break;
            }
        }
        if ctx
            .figures
            .iter()
            .any(|f| f.start < w.end && w.start < f.end)
        {
            break;
        }
        out.push(j);
        if w.comma_after || w.stop_after {
            break;
        }
        j += 1;
    }
    out
}

fn starts_kind(ctx: &SentenceContext<'_>, w: &Word<'_>) -> bool {
    ctx.of(EntryType::Kind).any(|m| m.start == w.start)
}

/// Builds a phrase from its opening (figure or determiner) and noun words.
fn phrase(
    ctx: &SentenceContext<'_>,
    words: &[Word<'_>],
    figure: Option<usize>,
    open_word: usize,
    noun: &[usize],
) -> Option<Counted> {
    let last = *noun.last()?;
    let (start_w, end_w) = (&words[open_word], &words[last]);
    let start = figure.map_or(start_w.start, |f| ctx.figures[f].start);
    let unit = ctx
        .of(EntryType::Unit)
        .filter(|m| m.start >= words[noun[0]].start && m.end <= end_w.end)
        .max_by_key(|m| (m.end, m.end - m.start))
        .copied();
    let head_words: Vec<&Word<'_>> = {
        let mut kept: Vec<&Word<'_>> = Vec::new();
        for &i in noun.iter().rev() {
            if !kept.is_empty() && is_modifier(&words[i]) {
                break;
            }
            if kept.is_empty() || !is_modifier(&words[i]) {
                kept.push(&words[i]);
            }
        }
        kept.reverse();
        kept
    };
    let mut head: Vec<String> = head_words.iter().map(|w| w.lower().to_owned()).collect();
    if let Some(last_word) = head.last_mut() {
        *last_word = singular(last_word);
    }
    let party_inside = ctx
        .of(EntryType::Party)
        .filter(|m| m.start >= start && m.end <= end_w.end && !adjectival(ctx, m))
        .max_by_key(|m| m.start)
        .copied();
    let party = party_inside.or_else(|| party_after(ctx, words, last));
    Some(Counted {
        figure,
        start,
        end: end_w.end,
        first_word: open_word,
        last_word: last,
        head: head.join(" "),
        unit,
        party,
        list: 0,
        nested: false,
        elliptical: false,
    })
}

/// A party named right after the phrase: "militants of the Islamic State", "belonging to the group".
fn party_after(ctx: &SentenceContext<'_>, words: &[Word<'_>], last: usize) -> Option<Mention> {
    if words[last].boundary_after() && !words[last].comma_after {
        return None;
    }
    let mut j = last + 1;
    let opener = words.get(j)?.lower();
    let skip = match opener {
        "of" | "from" | "in" | "with" => 1,
        "belonging" => 2,
        _ => return None,
    };
    j += skip;
    let w = words.get(j)?;
    let w = if w.lower() == "the" {
        words.get(j + 1)?
    } else {
        w
    };
    ctx.of(EntryType::Party)
        .find(|m| m.start == w.start || (m.start <= w.start && w.start < m.end))
        .copied()
}

/// Determiners that open a singular counted phrase ("an arch"). Like "and", "or" and "of"
/// elsewhere in this module, they are the phrase grammar itself, not vocabulary a war
/// changes, so they stay in code.
fn is_determiner(w: &str) -> bool {
    matches!(w, "a" | "an" | "its" | "their" | "the")
}

/// Finds the counted phrases of a sentence and groups them into lists.
pub fn counted_phrases(ctx: &SentenceContext<'_>, words: &[Word<'_>]) -> Vec<Counted> {
    let mut out: Vec<Counted> = Vec::new();
    for (fi, fig) in ctx.figures.iter().enumerate() {
        let Some(first) = super::words::word_at(words, fig.start) else {
            continue;
        };
        let Some(last_fig_word) = super::words::word_at(words, fig.end.saturating_sub(1)) else {
            continue;
        };
        let noun = if words[last_fig_word].comma_after || words[last_fig_word].stop_after {
            Vec::new()
        } else {
            noun_phrase(ctx, words, last_fig_word + 1)
        };
        if let Some(p) = phrase(ctx, words, Some(fi), first, &noun) {
            out.push(p);
        } else {
            // Money needs no noun ("$2m of losses"); other bare figures are elliptical.
            out.push(Counted {
                figure: Some(fi),
                start: fig.start,
                end: fig.end,
                first_word: first,
                last_word: last_fig_word,
                head: String::new(),
                unit: None,
                party: None,
                list: 0,
                nested: false,
                elliptical: fig.currency.is_none(),
            });
        }
    }
    out.sort_by_key(|p| p.start);
    add_singulars(ctx, words, &mut out);
    out.sort_by_key(|p| p.start);
    group_lists(words, &mut out);
    for p in out.iter_mut() {
        let before = p.first_word.checked_sub(1).map(|i| words[i].lower());
        let before2 = p.first_word.checked_sub(2).map(|i| words[i].lower());
        p.nested = before.is_some_and(|b| lang::en().nesting_openers.has(b))
            || matches!((before2, before), (Some("among"), Some("them" | "whom")));
    }
    out
}

/// Singular phrases: list conjuncts ("14 tanks, an air defense artillery system"), objects
/// of a kind word ("the killing of a leader", "destroyed an arch") and nested counts
/// ("including a major general").
fn add_singulars(ctx: &SentenceContext<'_>, words: &[Word<'_>], out: &mut Vec<Counted>) {
    let taken =
        |out: &Vec<Counted>, i: usize| out.iter().any(|p| p.first_word <= i && i <= p.last_word);
    for i in 0..words.len() {
        let w = words[i].lower();
        if !is_determiner(w) || taken(out, i) {
            continue;
        }
        let prev = i.checked_sub(1).map(|k| &words[k]);
        let prev_text = prev.map(|p| p.lower()).unwrap_or("");
        let after_list = w != "the"
            && prev.is_some_and(|p| {
                !p.quote_after
                    && (p.comma_after || p.lower() == "and")
                    && out.iter().any(|c| {
                        c.last_word + 1 == i
                            || c.last_word + 2 == i && words[c.last_word + 1].lower() == "and"
                            || (c.last_word + 1 < i && i <= c.last_word + 3)
                    })
            });
        let after_kind = prev.is_some_and(|p| {
            ctx.of(EntryType::Kind).any(|m| m.end == p.end)
                || (p.lower() == "of"
                    && i >= 2
                    && ctx.of(EntryType::Kind).any(|m| m.end == words[i - 2].end))
        }) || in_governed_list(ctx, words, i);
        let after_including = matches!(prev_text, "including");
        if !(after_list || after_kind || after_including) {
            continue;
        }
        if w == "the" && !(after_kind || after_including || after_list) {
            continue;
        }
        let noun = noun_phrase(ctx, words, i + 1);
        let Some(&head_i) = noun.last() else { continue };
        if is_plural(words[head_i].lower()) && !words[head_i].lower().ends_with("ss") {
            continue;
        }
        if let Some(p) = phrase(ctx, words, None, i, &noun) {
            out.push(p);
        }
    }
}

/// True when word `i` opens a conjunct of a list governed by a kind word ("hitting IS
/// positions and vehicles as well as a weapons cache and a training camp").
fn in_governed_list(ctx: &SentenceContext<'_>, words: &[Word<'_>], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|k| words[k].lower());
    let conjunct = matches!(prev, Some("and" | "or"))
        || (prev == Some("as") && i >= 3 && words[i - 2].lower() == "well")
        || i.checked_sub(1).is_some_and(|k| words[k].comma_after);
    if !conjunct {
        return false;
    }
    let Some(kind) = ctx
        .of(EntryType::Kind)
        .filter(|m| m.end <= words[i].start)
        .max_by_key(|m| m.end)
    else {
        return false;
    };
    let gap: Vec<&Word<'_>> = words
        .iter()
        .filter(|w| w.start >= kind.end && w.end <= words[i].start)
        .collect();
    gap.len() <= 10
        && gap.iter().all(|w| {
            !w.stop_after
                && (!lang::en().phrase_stops.has(w.lower())
                    || matches!(w.lower(), "and" | "as" | "well" | "or"))
        })
}

/// Gives conjuncts of one list the same list id.
fn group_lists(words: &[Word<'_>], phrases: &mut [Counted]) {
    let mut list = 0;
    for k in 0..phrases.len() {
        if k > 0 && joined(words, &phrases[k - 1], &phrases[k]) {
            phrases[k].list = phrases[k - 1].list;
        } else {
            list += 1;
            phrases[k].list = list;
        }
    }
}

/// True when `b` continues the list `a` is in: only commas, "and"/"or", bare noun
/// phrases or a short post-modifier stand between them.
fn joined(words: &[Word<'_>], a: &Counted, b: &Counted) -> bool {
    if b.first_word <= a.last_word {
        return false;
    }
    let gap = &words[a.last_word + 1..b.first_word];
    if gap.len() > 5 || words[a.last_word].stop_after {
        return false;
    }
    let separated = words[a.last_word].comma_after
        || gap
            .iter()
            .any(|w| matches!(w.lower(), "and" | "or") || w.comma_after);
    let mut k = 0;
    if gap
        .first()
        .is_some_and(|w| lang::en().post_modifiers.has(w.lower()))
    {
        // Skip the post-modifier up to the separator.
        while k < gap.len() && !gap[k].comma_after && !matches!(gap[k].lower(), "and" | "or") {
            k += 1;
        }
    }
    let rest = &gap[k..];
    let conjunctions = rest.iter().all(|w| {
        matches!(w.lower(), "and" | "or" | "as" | "well") || w.comma_after && rest.len() == 1
    });
    separated && conjunctions && gap.iter().all(|w| !w.stop_after)
}

/// The last word of a list that ends in bare conjuncts ("an arch and funerary towers"):
/// from the last counted conjunct, over ", X" and "and X" noun phrases.
pub fn list_end(ctx: &SentenceContext<'_>, words: &[Word<'_>], last_word: usize) -> usize {
    let mut end = last_word;
    loop {
        let mut next = end + 1;
        let comma = words[end].comma_after;
        if words
            .get(next)
            .is_some_and(|w| matches!(w.lower(), "and" | "or"))
        {
            next += 1;
        } else if !comma {
            return end;
        }
        let np = noun_phrase(ctx, words, next);
        match np.last() {
            Some(&l) if l >= next => end = l,
            _ => return end,
        }
        if words[end].stop_after {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        assert_eq!(singular("tankers"), "tanker");
        assert_eq!(singular("cases"), "case");
        assert_eq!(singular("facilities"), "facility");
        assert_eq!(singular("barracks"), "barracks");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("arch"), "arch");
    }
}
