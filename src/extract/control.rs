//! Control events: a party took, left, holds, advanced on or fights for a place.
//!
//! Each action word of the lexicon is read with its place (the object after it, the
//! place before it for "Mosul, held by...", or the place the article is about for "the
//! city"), its actor (the subject, "by X" in a passive, the possessor of "strongholds"),
//! and for captures the party it was taken from.

use super::context::SentenceContext;
use super::parties::{self, from_word};
use super::places::PlaceMention;
use super::rules::ControlRule;
use super::words::{lower_tail, word_at, Word};
use super::{ArticleState, Common, ControlRow};
use crate::lang;
use crate::lexicon::{EntryType, Lexicon, Mention};
use crate::model::Action;

/// How far (bytes) after an action word its place may stand.
const PLACE_AFTER: usize = 120;
/// How far (bytes) before an action word its place may stand ("Mosul, held by").
const PLACE_BEFORE: usize = 50;

/// The control events of one sentence.
pub fn control(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    state: &ArticleState,
    common: &Common,
) -> Vec<ControlRow> {
    let mut rows: Vec<ControlRow> = Vec::new();
    for action in ctx.of(EntryType::Action) {
        let Some(id) = lexicon.action_of(action) else {
            continue;
        };
        let places = places_of(ctx, lexicon, words, action, state);
        if places.is_empty() {
            continue;
        }
        let trigger = ctx.text[action.start..action.end].to_lowercase();
        let next_word = ctx.text[action.end..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let idiom = format!("{trigger} {next_word}");
        if lang::en().not_control.contains(&idiom) {
            continue;
        }
        let lower_before = lower_tail(ctx.text, action.start, 64);
        let under = holding_preposition(&lower_before).is_some_and(|u| lower_before.len() - u < 50);
        let verb_control = lower_before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| lang::en().verb_openers.has(w));
        let under_noun = lexicon.is_under_noun(action, &trigger);
        if under_noun && !under && !verb_control {
            continue;
        }
        // Holding and leaving after "to" still happen ("continue to control", "had to
        // retreat"); taking, advancing and fighting after it are aims.
        if matches!(id, Action::Captured | Action::Advanced | Action::Fighting)
            && intended(ctx, action)
        {
            continue;
        }
        if attributive(words, action) {
            continue;
        }
        let parts = is_part(ctx, words, action);
        let passive = is_passive(ctx, words, action);
        let by = parties::after_opener(
            parties::acting(ctx, lexicon),
            lexicon,
            words,
            action.end,
            &["by"],
            2,
        );
        let reduced = reduced_relative(ctx, words, action);
        let subject = if reduced {
            parties::acting(ctx, lexicon)
                .next()
                .map(|m| lexicon.entry(m).id.clone())
        } else {
            subject_of(ctx, lexicon, action)
        };
        let clause = Clause {
            ctx,
            lexicon,
            words,
            action,
            trigger: &trigger,
            parts,
            passive,
            under,
            by,
            subject,
        };
        let actions = match id {
            Action::Captured => capture_rules(&clause),
            Action::Withdrew => withdrawal_rule(&clause),
            Action::Holds => hold_rules(&clause),
            Action::Advanced => advance_rule(&clause),
            Action::Fighting => fighting_rule(&clause),
        };
        for Event {
            action: action_id,
            actors,
            from_actor,
            rule,
        } in actions
        {
            for actor in actors {
                for place in &places {
                    if rows
                        .iter()
                        .any(|r| r.action == action_id && r.place == *place && r.actor == actor)
                    {
                        continue;
                    }
                    rows.push(ControlRow {
                        action: action_id,
                        place: place.clone(),
                        actor: actor.clone(),
                        from_actor: from_actor.clone().filter(|f| *f != actor),
                        start: ctx.sentence.start + action.start,
                        end: ctx.sentence.start + action.end,
                        common: common.clone(),
                        rule,
                    });
                }
            }
        }
    }
    let captures: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r.action == Action::Captured)
        .map(|r| (r.place.clone(), r.actor.clone()))
        .collect();
    rows.retain(|r| {
        r.action != Action::Advanced || !captures.contains(&(r.place.clone(), r.actor.clone()))
    });
    rows
}

/// Where the last holding preposition ("under") of `lower` starts, if it has one.
fn holding_preposition(lower: &str) -> Option<usize> {
    lang::en()
        .holding_prepositions
        .iter()
        .filter_map(|p| lower.rfind(p.as_str()))
        .max()
}

/// What the rules read around one control word.
struct Clause<'c, 'a> {
    ctx: &'c SentenceContext<'a>,
    lexicon: &'c Lexicon,
    words: &'c [Word<'a>],
    action: &'c Mention,
    /// The control word as written, in lower case.
    trigger: &'c str,
    /// Its object is a part of the place or ground near it.
    parts: bool,
    passive: bool,
    /// "under" stands shortly before it ("under the control of").
    under: bool,
    /// The party after "by".
    by: Option<String>,
    subject: Option<String>,
}

/// An event a rule reads: an action, its actors (several for fighting), the party it was
/// taken from, and the rule.
struct Event {
    action: Action,
    actors: Vec<String>,
    from_actor: Option<String>,
    rule: ControlRule,
}

fn event(action: Action, actor: String, from_actor: Option<String>, rule: ControlRule) -> Event {
    Event {
        action,
        actors: vec![actor],
        from_actor,
        rule,
    }
}

/// Captures: `passive-capture` ("retaken by the army"), `passive-loss` (driven out, no
/// winner named), `nominal-capture` ("its recapture by IS"), `active-capture`, and
/// `part-capture` where the object is a part of the place (an advance).
fn capture_rules(c: &Clause<'_, '_>) -> Vec<Event> {
    let taken_from = parties::after_opener(
        parties::acting(c.ctx, c.lexicon),
        c.lexicon,
        c.words,
        c.action.end,
        &["from"],
        9,
    )
    .or_else(|| driven_object(c.ctx, c.lexicon, c.words, c.action));
    let nominal = c.lexicon.is_noun(c.action, c.trigger);
    if c.passive || c.lexicon.is_participle(c.action, c.trigger) {
        return match (c.by.clone(), c.subject.clone()) {
            (Some(winner), _) if c.parts => vec![event(
                Action::Advanced,
                winner,
                None,
                ControlRule::PartCapture,
            )],
            (Some(winner), loser) => vec![event(
                Action::Captured,
                winner,
                loser,
                ControlRule::PassiveCapture,
            )],
            (None, Some(loser)) => vec![event(
                Action::Withdrew,
                loser,
                None,
                ControlRule::PassiveLoss,
            )],
            (None, None) => Vec::new(),
        };
    }
    let taker = if nominal {
        c.by.clone().or(c.subject.clone())
    } else {
        c.subject.clone().or(c.by.clone())
    };
    let (action, rule) = if c.parts {
        (Action::Advanced, ControlRule::PartCapture)
    } else if nominal {
        (Action::Captured, ControlRule::NominalCapture)
    } else {
        (Action::Captured, ControlRule::ActiveCapture)
    };
    taker
        .map(|s| event(action, s, taken_from.filter(|_| !c.parts), rule))
        .into_iter()
        .collect()
}

/// `withdrawal`: the subject leaves ("the militants withdrew from Palmyra").
fn withdrawal_rule(c: &Clause<'_, '_>) -> Vec<Event> {
    c.subject
        .clone()
        .map(|s| event(Action::Withdrew, s, None, ControlRule::Withdrawal))
        .into_iter()
        .collect()
}

/// Holds: `holder-noun` ("IS strongholds", "the capital of the caliphate"), `held-by`
/// ("GNA-held", "held by the jihadists"), `under-control` ("under the control of X"),
/// `hold-verb` ("IS controls most of the city").
fn hold_rules(c: &Clause<'_, '_>) -> Vec<Event> {
    let (ctx, lexicon, action, trigger) = (c.ctx, c.lexicon, c.action, c.trigger);
    let holder_noun = lexicon.is_holder_noun(action, trigger);
    // "-held" joins its holder before it ("GNA-held").
    let joined = trigger.starts_with('-');
    let participle = c.passive || lexicon.is_participle(action, trigger);
    let under_noun = lexicon.is_under_noun(action, trigger);
    // "under the control of X": the preposition is the alias's own first word.
    let under_phrase = holding_preposition(trigger).is_some_and(|at| at == 0);
    let rule = if holder_noun {
        ControlRule::HolderNoun
    } else if joined || (participle && c.by.is_some()) {
        ControlRule::HeldBy
    } else if under_phrase || (under_noun && c.under) {
        ControlRule::UnderControl
    } else {
        ControlRule::HoldVerb
    };
    let holder = if holder_noun {
        // "the capital of the Islamic State's caliphate", else "IS strongholds".
        parties::after_opener(
            parties::acting(ctx, lexicon),
            lexicon,
            c.words,
            action.end,
            &["of"],
            1,
        )
        .or_else(|| holder_before(ctx, lexicon, action))
    } else if joined {
        holder_before(ctx, lexicon, action)
    } else if under_phrase {
        party_in(ctx, lexicon, action.start, action.end + 40)
    } else if under_noun && !c.under {
        c.subject.clone()
    } else if under_noun {
        // "under IS control": the party between the preposition and the noun.
        let before = ctx.text[..action.start].to_lowercase();
        let under = holding_preposition(&before).unwrap_or(action.start);
        party_in(ctx, lexicon, under, action.start)
    } else if c.passive || (participle && c.by.is_some()) {
        // A passive names its holder after "by", or none.
        c.by.clone()
    } else {
        c.subject.clone()
    };
    holder
        .map(|h| event(Action::Holds, h, None, rule))
        .into_iter()
        .collect()
}

/// `advance`: the subject (or the party after "by") gains ground.
fn advance_rule(c: &Clause<'_, '_>) -> Vec<Event> {
    c.subject
        .clone()
        .or(c.by.clone())
        .map(|s| event(Action::Advanced, s, None, ControlRule::Advance))
        .into_iter()
        .collect()
}

/// `fighting`: a row for each party the clause names as taking part.
fn fighting_rule(c: &Clause<'_, '_>) -> Vec<Event> {
    let fighters = fighters_of(c.ctx, c.lexicon, c.words, c.action);
    if fighters.is_empty() {
        return Vec::new();
    }
    vec![Event {
        action: Action::Fighting,
        actors: fighters,
        from_actor: None,
        rule: ControlRule::Fighting,
    }]
}

/// A participle after a noun that is not a party ("the citadel of Palmyra taken over from
/// the terrorists"): a reduced relative clause whose doer is the sentence's main subject.
fn reduced_relative(ctx: &SentenceContext<'_>, words: &[Word<'_>], action: &Mention) -> bool {
    let Some(i) = word_at(words, action.start) else {
        return false;
    };
    let first = words[i].lower();
    let participle = first.ends_with("en") || first.ends_with("ed") || first == "held";
    let Some(prev) = i.checked_sub(1).map(|k| &words[k]) else {
        return false;
    };
    let prev_is_party = ctx.of(EntryType::Party).any(|m| m.end == prev.end);
    let prev_is_place = ctx.places.iter().any(|p| p.end == prev.end);
    participle
        && prev_is_place
        && !prev_is_party
        && !lang::en().auxiliaries.has(prev.text)
        && !prev.comma_after
}

/// An -ing form between a determiner and its noun describes, it does not act: "the
/// surrounding villages", "the retreating forces".
fn attributive(words: &[Word<'_>], action: &Mention) -> bool {
    let Some(i) = word_at(words, action.start) else {
        return false;
    };
    let w = &words[i];
    let determiner = i.checked_sub(1).is_some_and(|k| {
        lang::en().phrase_leading.has(words[k].lower()) && !words[k].boundary_after()
    });
    let noun_follows = !w.boundary_after()
        && words.get(i + 1).is_some_and(|n| {
            n.text.starts_with(char::is_lowercase) && !lang::en().phrase_stops.has(n.lower())
        });
    w.end == action.end && w.lower().ends_with("ing") && determiner && noun_follows
}

/// A capture only aimed at: "an offensive to recapture Mosul", "aimed at driving IS back".
/// Also through "the" ("aimed at the recapture of") and a coordinated infinitive ("to push
/// ahead and capture").
fn intended(ctx: &SentenceContext<'_>, action: &Mention) -> bool {
    // The phrases are short: the last 60 bytes before the action are enough.
    let whole = action.start <= 60;
    let before = lower_tail(ctx.text, action.start, 60);
    let before = before.trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let aims = |text: &str| {
        lang::en().intention.iter().any(|w| {
            text.strip_suffix(w.as_str())
                .is_some_and(|head| head.ends_with(' ') || (whole && head.is_empty()))
        })
    };
    if aims(before) {
        return true;
    }
    // "to push ahead and capture": an infinitive a few words before "and".
    before
        .strip_suffix(" and")
        .is_some_and(|head| head.split_whitespace().rev().take(4).any(|w| w == "to"))
}

/// A place opening the sentence before a comma: a dateline ("Damascus, Syrian forces ...").
pub fn is_dateline(ctx: &SentenceContext<'_>, start: usize, end: usize) -> bool {
    start == 0 && ctx.text[end..].starts_with(',')
}

/// The place a mention names: a part of a town counts as the town the article is about.
fn placed(p: &PlaceMention, state: &ArticleState) -> String {
    match &state.current_place {
        Some(town) if p.town_part => town.clone(),
        _ => p.id.clone(),
    }
}

/// The places an action word is about.
fn places_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    action: &Mention,
    state: &ArticleState,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut country_named = false;
    // After: the object, and places joined to it by "and" ("strongholds - Raqqa in Syria
    // and Iraq's second city Mosul"); a comma may follow the action word itself.
    let mut joined = false;
    let mut since_first = 0;
    let comma_follows = ctx.text[action.end..].starts_with(',');
    for (k, w) in words
        .iter()
        .filter(|w| w.start >= action.end && w.start <= action.end + PLACE_AFTER)
        .enumerate()
    {
        if let Some(p) = ctx
            .places
            .iter()
            .find(|p| p.start == w.start && !is_dateline(ctx, p.start, p.end))
        {
            let id = placed(p, state);
            if p.is_country {
                country_named = true;
            } else if (out.is_empty() || joined) && !out.contains(&id) {
                out.push(id);
                joined = false;
                since_first = 0;
            }
        }
        if !out.is_empty() {
            since_first += 1;
            joined |= w.lower() == "and";
            if since_first > 8 {
                break;
            }
        }
        let clause_break = comma_follows || w.stop_after || (w.comma_after && k > 1);
        let speech = lang::en().speech.has(w.lower());
        // Another action word ends the object, unless it names a holder ("Raqqa, the IS
        // capital").
        let other_action = ctx.of(EntryType::Action).any(|a| {
            a.start == w.start
                && a.start > action.start
                && !lexicon.is_holder_noun(a, &ctx.text[a.start..a.end])
        });
        if clause_break || speech || other_action {
            break;
        }
    }
    if !out.is_empty() {
        return out;
    }
    let near_before = ctx
        .places
        .iter()
        .filter(|p| p.end <= action.start && action.start - p.end <= PLACE_BEFORE && !p.is_country)
        .max_by_key(|p| p.end);
    if let Some(p) = near_before {
        return vec![placed(p, state)];
    }
    // "the city", "it": the place the article is about.
    let after: String = ctx.text[action.end..]
        .chars()
        .take(40)
        .collect::<String>()
        .to_lowercase();
    let first_after = after.trim_start();
    let lang = lang::en();
    let refers_back = lang
        .place_back_references
        .iter()
        .any(|r| after.contains(r.as_str()))
        || first_after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| lang.object_pronouns.has(w));
    let definite_fight = lexicon.action_of(action) == Some(Action::Fighting)
        && ctx.text[..action.start]
            .to_lowercase()
            .trim_end()
            .ends_with("the")
        && !ctx.places.iter().any(|p| !p.is_country);
    if refers_back || definite_fight {
        return state.current_place.clone().into_iter().collect();
    }
    // A capture or withdrawal whose object is a pronoun ("drove them out"): the sentence's
    // one place.
    let own: Vec<&PlaceMention> = ctx
        .places
        .iter()
        .filter(|p| !p.is_country && !is_dateline(ctx, p.start, p.end))
        .collect();
    let id = lexicon.action_of(action);
    // "lost at least 18 soldiers": a counted object is people, not the sentence's place.
    let counted_object = words
        .iter()
        .filter(|w| w.start >= action.end)
        .take(3)
        .any(|w| {
            ctx.figures
                .iter()
                .any(|f| f.start < w.end && w.start < f.end)
        });
    let takes_own = match id {
        Some(Action::Fighting) => true,
        Some(Action::Captured | Action::Withdrew) => !counted_object,
        _ => false,
    };
    match own.as_slice() {
        [only] if takes_own && !country_named => {
            vec![placed(only, state)]
        }
        // No place at all ("since IS militants were pushed out nine months ago"): the
        // place the article is about.
        [] if takes_own
            && id != Some(Action::Fighting)
            && !country_named
            && ctx.places.is_empty() =>
        {
            state.current_place.clone().into_iter().collect()
        }
        _ => Vec::new(),
    }
}

/// Whether the object is a part of the place or a position near it ("neighbourhoods on the
/// outskirts of", "west of", "a third of").
fn is_part(ctx: &SentenceContext<'_>, words: &[Word<'_>], action: &Mention) -> bool {
    let lang = lang::en();
    let object = ctx.places.iter().find(|p| p.start >= action.end);
    if object.is_some_and(|p| p.town_part) {
        return true;
    }
    let first_place = object.map_or(action.end + 60, |p| p.start);
    let place_before = ctx
        .places
        .iter()
        .filter(|p| p.end <= action.start && action.start - p.end <= PLACE_BEFORE)
        .max_by_key(|p| p.end);
    let part_before = place_before.is_some_and(|m| {
        let head = ctx.text[..m.start].to_lowercase();
        head.split_whitespace()
            .rev()
            .take(3)
            .any(|w| lang.part_of_place.has(w))
    });
    // The action's own words name ground ("gained ground", "retakes parts of").
    let trigger = ctx.text[action.start..action.end].to_lowercase();
    let ground_in_trigger = trigger
        .split_whitespace()
        .any(|w| lang.part_of_place.has(w));
    // "the villages of X and Y" names the villages: X is taken whole.
    let gap: Vec<&Word<'_>> = words
        .iter()
        .filter(|w| w.start >= action.end && w.end <= first_place)
        .collect();
    let named_settlement = |k: usize| {
        lang.settlements.has(gap[k].lower())
            && gap.get(k + 1).is_some_and(|w| w.lower() == "of")
            && k + 2 == gap.len()
    };
    part_before
        || ground_in_trigger
        || (0..gap.len()).any(|k| lang.part_of_place.has(gap[k].lower()) && !named_settlement(k))
}

fn is_passive(ctx: &SentenceContext<'_>, words: &[Word<'_>], action: &Mention) -> bool {
    let Some(i) = word_at(words, action.start) else {
        return false;
    };
    let first = words[i].lower();
    let participle = first.ends_with("ed")
        || first.ends_with("en")
        || first.ends_with("wn")
        || lang::en().irregular_participles.has(first);
    if !participle {
        return false;
    }
    // Auxiliaries count in lower case only: "IS captured" is not "is captured".
    let lang = lang::en();
    let aux = |k: usize| words[k].text;
    let prev = i.checked_sub(1).map(aux);
    let prev2 = i.checked_sub(2).map(aux);
    let by_follows = ctx.text[action.end..]
        .trim_start()
        .to_lowercase()
        .starts_with("by ");
    by_follows
        || prev.is_some_and(|p| lang.auxiliaries.has(p))
        || (prev.is_some_and(|p| lang.adverbs_in_passive.has(p))
            && prev2.is_some_and(|p| lang.auxiliaries.has(p)))
}

/// The subject of an action word: the nearest party before it, or the sentence's first
/// party when the subject is a pronoun ("where it controls") or the action word opens a
/// participle clause (", killing dozens and advancing").
fn subject_of(ctx: &SentenceContext<'_>, lexicon: &Lexicon, action: &Mention) -> Option<String> {
    let before = ctx.text[..action.start].to_lowercase();
    let last_word = before.split_whitespace().next_back().unwrap_or("");
    let trigger = ctx.text[action.start..action.end].to_lowercase();
    let participle_clause = trigger.ends_with("ing")
        && before.trim_end().rsplit(',').next().is_some_and(|clause| {
            clause
                .split_whitespace()
                .all(|w| !w.ends_with("ed") || w.ends_with("ing"))
                && !clause.contains(" who ")
        })
        && before.contains(',');
    let main = || parties::acting(ctx, lexicon).find(|m| m.end <= action.start);
    // "it" is the sentence's subject ("where it controls"); "they" the party just named
    // ("seized by the militants when they retook").
    // A party counted by a figure right before a coordinated verb is the first verb's object
    // ("it killed 30 militants and retook Tessit"), not the second verb's subject.
    let counted = |m: &Mention| {
        let between = ctx.text[m.end..action.start].trim();
        lang::en().coordinators.has(between)
            && ctx
                .figures
                .iter()
                .any(|f| f.end <= m.start && ctx.text[f.end..m.start].trim().is_empty())
    };
    let chosen = if lang::en().subject_pronouns.has(last_word) || participle_clause {
        main()
    } else {
        parties::acting(ctx, lexicon)
            .filter(|m| m.end <= action.start && !counted(m))
            .max_by_key(|m| m.end)
    };
    chosen.map(|m| lexicon.entry(m).id.clone())
}

/// "drove them out", "driving the militants out": the party driven out.
fn driven_object(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    action: &Mention,
) -> Option<String> {
    let trigger = ctx.text[action.start..action.end].to_lowercase();
    if !(trigger.starts_with("dr") || trigger.starts_with("push")) {
        return None;
    }
    let i = from_word(words, action.end);
    let out = (i..words.len().min(i + 6)).find(|&k| words[k].lower() == "out")?;
    parties::acting(ctx, lexicon)
        .find(|m| m.start >= words[i].start && m.end <= words[out].start)
        .map(|m| lexicon.entry(m).id.clone())
}

/// The holder named before a holding noun: "IS strongholds", "ISIS heartland", "Kurdish-held".
fn holder_before(ctx: &SentenceContext<'_>, lexicon: &Lexicon, action: &Mention) -> Option<String> {
    // "-held" joins its holder ("GNA-held"): a party further away holds nothing here.
    let joined = ctx.text[action.start..].starts_with('-');
    ctx.of(EntryType::Party)
        .filter(|m| m.end <= action.start && (!joined || m.end == action.start))
        .filter(|m| lexicon.entry(m).side.as_deref() != Some("civilian"))
        .max_by_key(|m| m.end)
        .map(|m| lexicon.entry(m).id.clone())
}

/// The first party between two offsets ("under President Bashar al-Assad's control").
fn party_in(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    start: usize,
    end: usize,
) -> Option<String> {
    ctx.of(EntryType::Party)
        .find(|m| m.start >= start && m.end <= end)
        .map(|m| lexicon.entry(m).id.clone())
}

/// The parties a fighting word names as taking part: those of its clause, else the
/// nearest after it, else the nearest before it.
fn fighters_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    action: &Mention,
) -> Vec<String> {
    let clause_start = words
        .iter()
        .filter(|w| w.end <= action.start && (w.comma_after || w.stop_after))
        .map(|w| w.end)
        .max()
        .unwrap_or(0);
    let clause_end = words
        .iter()
        .filter(|w| w.start >= action.end && (w.comma_after || w.stop_after))
        .map(|w| w.end)
        .min()
        .unwrap_or(ctx.text.len());
    let mut out: Vec<String> = Vec::new();
    for m in
        parties::acting(ctx, lexicon).filter(|m| m.start >= clause_start && m.end <= clause_end)
    {
        let id = lexicon.entry(m).id.clone();
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.is_empty() {
        let after = parties::acting(ctx, lexicon).find(|m| m.start >= action.end);
        let before = parties::acting(ctx, lexicon)
            .filter(|m| m.end <= action.start)
            .max_by_key(|m| m.end);
        out.extend(after.or(before).map(|m| lexicon.entry(m).id.clone()));
    }
    out
}

/// Fills `from_actor` of captures that state none: the other party that captured or held
/// the same place in the article ("recaptured" implies who held it).
pub fn infer_from_actors(rows: &mut [ControlRow]) {
    let holders: Vec<(String, String)> = rows
        .iter()
        .filter(|r| {
            matches!(
                r.action,
                Action::Captured | Action::Holds | Action::Withdrew
            )
        })
        .map(|r| (r.place.clone(), r.actor.clone()))
        .collect();
    for row in rows
        .iter_mut()
        .filter(|r| r.action == Action::Captured && r.from_actor.is_none())
    {
        row.from_actor = holders
            .iter()
            .find(|(place, actor)| *place == row.place && *actor != row.actor)
            .map(|(_, actor)| actor.clone());
    }
}
