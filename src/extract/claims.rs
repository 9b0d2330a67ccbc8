//! Claims: a counted phrase, what happened to it (kind), whose it is (actor), who did it
//! (agent). Place, date and source come from the sentence ([`super::Common`]).

use super::context::SentenceContext;
use super::parties;
use super::phrases::{counted_phrases, list_end, Counted};
use super::rules::ClaimRule;
use super::words::{word_at, Word};
use super::{ArticleState, ClaimRow, Common};
use crate::figure;
use crate::lang;
use crate::lexicon::{Entry, EntryType, Lexicon, Mention};
use crate::model::Kind;

/// How many words may stand between a kind word and the phrase it governs.
const PRE_WINDOW: usize = 3;
const POST_WINDOW: usize = 4;
const TOLL_WINDOW: usize = 14;

/// A kind word found for a phrase: the kind and where its word stands.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    kind: Kind,
    mention: Mention,
    /// The word stands after the phrase (passive: "were killed").
    after: bool,
    /// The kind word is "lost": its subject is the actor, not the agent.
    lost: bool,
    /// The kind word is a toll ("the death toll rose to 24") or stands right before the
    /// figure ("strikes kill 11 including children"): a bare figure it governs counts people.
    governs_bare: bool,
    /// The rule a claim read through this trigger is made by.
    rule: ClaimRule,
}

/// The claims of one sentence.
pub fn claims(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    state: &ArticleState,
    common: &Common,
) -> Vec<ClaimRow> {
    let phrases = counted_phrases(ctx, words);
    let mut rows: Vec<ClaimRow> = Vec::new();
    for p in &phrases {
        let list: Vec<&Counted> = phrases.iter().filter(|q| q.list == p.list).collect();
        let trigger = trigger_for(ctx, lexicon, words, &list);
        let outer = if p.nested || p.elliptical {
            rows.last().cloned()
        } else {
            None
        };
        let scope = Scope {
            ctx,
            lexicon,
            words,
            state,
            common,
        };
        if let Some(row) = claim_for(scope, p, trigger, outer.as_ref()) {
            rows.push(row);
        }
    }
    rows
}

/// The kind word governing a list: before its first conjunct or after its last.
fn trigger_for(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    list: &[&Counted],
) -> Option<Trigger> {
    let first = list.first()?;
    let last = list.last()?;
    let kinds: Vec<&Mention> = ctx.of(EntryType::Kind).collect();
    // Before: "killing over 100 militants", "the deaths of 49 soldiers".
    let pre = kinds
        .iter()
        .filter_map(|m| {
            let end_word = word_at(words, m.end.saturating_sub(1))?;
            // "The death toll from the bombing reached at least 112": a toll governs the
            // figure it reaches, further away.
            let is_toll = ctx.text[m.start..m.end].to_lowercase().ends_with("toll");
            let window = if is_toll { TOLL_WINDOW } else { PRE_WINDOW };
            if end_word >= first.first_word || first.first_word - end_word - 1 > window {
                return None;
            }
            if is_toll
                && !lang::en()
                    .toll_links
                    .has(words[first.first_word - 1].lower())
                && first.first_word - end_word - 1 > PRE_WINDOW
            {
                return None;
            }
            let gap = &words[end_word..first.first_word];
            let broken = gap.iter().any(|w| w.stop_after || w.comma_after);
            (!broken).then_some((first.first_word - end_word, **m))
        })
        .min_by_key(|(d, _)| *d);
    // After: "38 militants were killed", "hundreds of militants killed", "Two temples,
    // an arch and funerary towers were left in ruins".
    let mut end = list_end(ctx, words, last.last_word);
    // Skip an insertion: "34 civilians – including 17 children - were killed".
    let mut inserted = false;
    if words.get(end + 1).is_some_and(|w| w.lower() == "including") {
        let limit = words.len().min(end + 9);
        let closing = if words[end].comma_after {
            (end + 1..limit).find(|&k| words[k].comma_after)
        } else {
            // Without punctuation: up to the word before "were"/"was" or a kind word.
            (end + 2..limit)
                .find(|&k| {
                    lang::en().insertion_ends.has(words[k].lower())
                        || kinds.iter().any(|m| m.start == words[k].start)
                })
                .map(|k| k - 1)
        };
        if let Some(k) = closing {
            end = k;
            inserted = true;
        }
    }
    let post = kinds
        .iter()
        .filter_map(|m| {
            let start_word = word_at(words, m.start)?;
            if start_word <= end || start_word - end - 1 > POST_WINDOW {
                return None;
            }
            let gap = &words[end + 1..start_word];
            let broken = words[end].stop_after
                || (words[end].comma_after && !inserted)
                || gap.iter().any(|w| {
                    w.stop_after || w.comma_after || !lang::en().post_fillers.has(w.lower())
                });
            (!broken).then_some((start_word - end, **m))
        })
        .min_by_key(|(d, _)| *d);
    // Inside: "several badly damaged buildings", "smashed display cases".
    let inside = kinds
        .iter()
        .find(|m| m.start >= first.start && m.end <= first.end)
        .map(|m| (0, **m));
    let from_inside = pre.is_none() && inside.is_some();
    let pre = pre.or(inside);
    let (mention, after) = match (pre, post) {
        (Some((dp, p)), Some((dq, q))) => {
            // A tie goes to the passive after the phrase when a conjunction stands between
            // the phrase and the word before: "6 were killed and 35 others were injured".
            let coordinated = words[first.first_word.saturating_sub(dp)..first.first_word]
                .iter()
                .any(|w| lang::en().coordinators.has(w.lower()));
            if dq < dp || (dq == dp && coordinated) {
                (q, true)
            } else {
                (p, false)
            }
        }
        (Some((_, p)), None) => (p, false),
        (None, Some((_, q))) => (q, true),
        (None, None) => return None,
    };
    let trigger_text = ctx.text[mention.start..mention.end].to_lowercase();
    let lost = trigger_text == "lost";
    let adjacent = !after
        && word_at(words, mention.end.saturating_sub(1)).is_some_and(|w| w + 1 == first.first_word);
    let toll = !after && trigger_text.ends_with("toll");
    let rule = if lost {
        ClaimRule::LostOwn
    } else if after {
        ClaimRule::KindAfter
    } else if toll {
        ClaimRule::Toll
    } else if from_inside {
        ClaimRule::KindInside
    } else {
        ClaimRule::KindBefore
    };
    Some(Trigger {
        kind: lexicon.kind_of(&mention)?,
        mention,
        after,
        lost,
        governs_bare: toll || (!after && adjacent),
        rule,
    })
}

/// What every claim of a sentence is built from.
#[derive(Clone, Copy)]
struct Scope<'s, 'a> {
    ctx: &'s SentenceContext<'a>,
    lexicon: &'s Lexicon,
    words: &'s [Word<'a>],
    state: &'s ArticleState,
    common: &'s Common,
}

fn unit_entry<'l>(lexicon: &'l Lexicon, p: &Counted) -> Option<&'l Entry> {
    p.unit.as_ref().map(|u| lexicon.entry(u))
}

fn claim_for(
    sc: Scope<'_, '_>,
    p: &Counted,
    trigger: Option<Trigger>,
    outer: Option<&ClaimRow>,
) -> Option<ClaimRow> {
    let Scope {
        ctx,
        lexicon,
        words,
        state,
        common,
    } = sc;
    if p.elliptical {
        return elliptical_claim(sc, p, trigger, outer);
    }
    let fig = p.figure.map(|f| &ctx.figures[f]);
    let (low, high) = fig.map_or((Some(1), Some(1)), |f| {
        let b = figure::resolve(f);
        (b.low, b.high)
    });
    let entry = unit_entry(lexicon, p);
    let unit_id = entry.map(|e| e.id.clone());
    let people = entry.and_then(|e| e.people).unwrap_or(false);
    let money = fig.and_then(|f| f.currency);
    let mut rule = trigger.map_or(ClaimRule::Nested, |t| t.rule);
    // A unit that makes a claim by itself ("25 air strikes"), from its lexicon entry.
    let counts = p.unit.as_ref().and_then(|u| lexicon.unit_counts(u));
    let kind: Kind = if money.is_some() {
        rule = ClaimRule::MoneyLoss;
        let near_loss = words.iter().any(|w| lang::en().loss_words.has(w.lower()));
        if !near_loss {
            return None;
        }
        Kind::Losses
    } else if let Some(k) = counts {
        // A strike counts when there are several ("25 strikes", "strikes"), not one.
        let plural = p.head.is_empty() || low.unwrap_or(0) >= 2 || high.unwrap_or(0) >= 2;
        if fig.is_none() || (k == Kind::Strikes && !plural) {
            return None;
        }
        rule = match k {
            Kind::Strikes => ClaimRule::CountedStrikes,
            Kind::Sorties => ClaimRule::CountedSorties,
            _ => ClaimRule::CountedTargets,
        };
        k
    } else {
        let k = match trigger.map(|t| t.kind) {
            Some(k) => k,
            None if p.nested => outer.map(|o| o.kind).filter(|k| nests(*k))?,
            None => return None,
        };
        match (people, k) {
            (false, Kind::Targets) if fig.is_some() => Kind::Targets,
            (true, k) if k.counts_people() => k,
            (false, Kind::Destroyed) => k,
            (false, Kind::Captured | Kind::Seized) => Kind::Seized,
            (false, Kind::Killed) if trigger.is_some_and(|t| t.lost) => Kind::Destroyed,
            _ => return None,
        }
    };
    if !people && money.is_none() && p.head.is_empty() && unit_id.is_none() {
        return None;
    }
    // Ground is taken, not seized or destroyed as a thing: "captured land on several fronts".
    let head_noun = p.head.rsplit(' ').next().unwrap_or("");
    if matches!(kind, Kind::Seized | Kind::Destroyed) && lang::en().territory.has(head_noun) {
        return None;
    }
    let unit = match (money, &unit_id) {
        (Some(c), _) => Some(c.to_owned()),
        // The model's unit of targets (objectives, positions) is `target`.
        (None, _) if kind == Kind::Targets => Some("target".to_owned()),
        (None, Some(id)) if people || matches!(kind, Kind::Strikes | Kind::Sorties) => {
            Some(id.clone())
        }
        _ => Some(if p.head.is_empty() {
            unit_id.clone()?
        } else {
            p.head.clone()
        }),
    };
    let carried_out = kind.carried_out();
    let (actor, agent) = if carried_out {
        // The phrase's party carried out strikes ("25 coalition strikes") but owns targets
        // ("70 IS targets").
        let in_phrase = party_id(lexicon, p.party.as_ref()).filter(|_| kind != Kind::Targets);
        let subject = subject_before(ctx, lexicon, words, p.start, &[]);
        let repelled = p.first_word > 0
            && (p.first_word.saturating_sub(3)..p.first_word)
                .any(|k| lang::en().repelling.has(words[k].lower()));
        let by = if repelled {
            in_phrase.or_else(|| other_party(ctx, lexicon, subject.as_deref(), false, words, p))
        } else {
            in_phrase
                .or_else(|| {
                    parties::after_opener(
                        parties::active(ctx, lexicon),
                        lexicon,
                        words,
                        p.end,
                        &["by"],
                        usize::MAX,
                    )
                })
                .or(subject)
                .or_else(|| common.source.clone().filter(|s| is_party(lexicon, s)))
        };
        (by.clone(), by)
    } else {
        let lost_subject = trigger
            .filter(|t| t.lost)
            .and_then(|t| subject_before(ctx, lexicon, words, t.mention.start, &[]));
        let place = common.place.clone().or_else(|| state.current_place.clone());
        let stated = party_id(lexicon, p.party.as_ref())
            .or(lost_subject.clone())
            .or_else(|| {
                entry
                    .and_then(|e| e.party.clone())
                    .map(|id| state.party(id))
            })
            .or_else(|| outer.and_then(|o| o.actor.clone()).filter(|_| p.nested))
            .or_else(|| {
                entry
                    .filter(|e| e.side.as_deref() == Some("state"))
                    .and_then(|_| state_of(lexicon, place.as_deref(), state.state_party))
            })
            .or_else(|| {
                people
                    .then(|| unnamed_victims(lexicon, state, kind))
                    .flatten()
            });
        let unowned = entry.is_some_and(|e| e.owned == Some(false));
        let agent = if lost_subject.is_some() {
            None
        } else {
            agent_of(ctx, lexicon, words, p, trigger, stated.as_deref())
                .or_else(|| outer.and_then(|o| o.agent.clone()).filter(|_| p.nested))
                .or_else(|| state.previous_agent(kind))
        };
        let actor = if unowned {
            None
        } else if stated.is_some() || people {
            stated
        } else {
            other_party(ctx, lexicon, agent.as_deref(), money.is_some(), words, p)
        };
        (actor, agent)
    };
    Some(row(
        sc,
        p,
        Reading {
            kind,
            unit,
            actor,
            agent,
            rule,
        },
    ))
}

/// The party of people a toll counts without naming theirs: the displaced are civilians;
/// the killed and wounded are the victims the article counted by name before, else none.
fn unnamed_victims(lexicon: &Lexicon, state: &ArticleState, kind: Kind) -> Option<String> {
    match kind {
        Kind::Displaced => parties::civilian_party(lexicon),
        Kind::Killed | Kind::Wounded if state.counted_civilians => parties::civilian_party(lexicon),
        _ => None,
    }
}

/// What a claim says beyond its figure: what happened, what is counted, whose, by whom,
/// and the rule that read it.
struct Reading {
    kind: Kind,
    unit: Option<String>,
    actor: Option<String>,
    agent: Option<String>,
    rule: ClaimRule,
}

/// The claim row of a counted phrase: its figure's bounds and text (a singular phrase
/// counts one), the evidence span, and the sentence's place, date and source.
fn row(sc: Scope<'_, '_>, p: &Counted, r: Reading) -> ClaimRow {
    let Scope {
        ctx,
        words,
        state,
        common,
        ..
    } = sc;
    let fig = p.figure.map(|f| &ctx.figures[f]);
    let (low, high, approx) = fig
        .map(figure::resolve)
        .map_or((Some(1), Some(1), false), |b| (b.low, b.high, b.approx));
    ClaimRow {
        kind: r.kind,
        low,
        high,
        approx,
        qualifier: fig.and_then(|f| f.qualifier.clone()),
        figure_text: fig.map_or_else(
            || ctx.text[p.start..words[p.first_word].end].to_owned(),
            |f| ctx.text[f.start..f.end].to_owned(),
        ),
        unit: r.unit,
        actor: r.actor,
        agent: r.agent,
        place: common.place.clone().or_else(|| state.current_place.clone()),
        start: ctx.sentence.start + p.start,
        end: ctx.sentence.start + p.end,
        common: common.clone(),
        rule: r.rule,
    }
}

/// Kinds a count inside a toll takes from it ("including 11 children").
fn nests(k: Kind) -> bool {
    k.counts_people() || matches!(k, Kind::Destroyed | Kind::Seized)
}

fn party_id(lexicon: &Lexicon, m: Option<&Mention>) -> Option<String> {
    m.map(|m| lexicon.entry(m).id.clone())
}

fn is_party(lexicon: &Lexicon, id: &str) -> bool {
    lexicon.entries(EntryType::Party).iter().any(|e| e.id == id)
}

/// The first party of the clause that ends at `before` (the subject), else of the sentence.
fn subject_before(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    before: usize,
    exclude: &[&str],
) -> Option<String> {
    let clause_start = words
        .iter()
        .filter(|w| w.end <= before && (w.comma_after || w.stop_after))
        .map(|w| w.end)
        .max()
        .unwrap_or(0);
    let ok = |m: &&Mention| m.end <= before && !exclude.contains(&lexicon.entry(m).id.as_str());
    let in_clause = parties::active(ctx, lexicon)
        .filter(ok)
        .find(|m| m.start >= clause_start);
    in_clause
        .or_else(|| parties::active(ctx, lexicon).find(ok))
        .map(|m| lexicon.entry(m).id.clone())
}

/// Who did it: "by X"; in a passive, the party after the kind word ("killed in US-led
/// coalition air strikes"); in an active, the subject before it.
fn agent_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
    p: &Counted,
    trigger: Option<Trigger>,
    actor: Option<&str>,
) -> Option<String> {
    let exclude: Vec<&str> = actor.into_iter().collect();
    if let Some(by) = parties::after_opener(
        parties::active(ctx, lexicon),
        lexicon,
        words,
        p.end,
        &["by"],
        usize::MAX,
    )
    .filter(|b| Some(b.as_str()) != actor)
    {
        return Some(by);
    }
    let t = trigger?;
    if t.after {
        let clause_end = words
            .iter()
            .filter(|w| w.start >= t.mention.end && (w.comma_after || w.stop_after))
            .map(|w| w.end)
            .min()
            .unwrap_or(ctx.text.len());
        parties::active(ctx, lexicon)
            .find(|m| {
                m.start >= t.mention.end
                    && m.end <= clause_end
                    && !exclude.contains(&lexicon.entry(m).id.as_str())
            })
            .map(|m| lexicon.entry(m).id.clone())
    } else {
        subject_before(ctx, lexicon, words, t.mention.start, &exclude)
    }
}

/// The owner of things when the phrase names none: the other side named in the sentence.
fn other_party(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    agent: Option<&str>,
    money: bool,
    words: &[Word<'_>],
    p: &Counted,
) -> Option<String> {
    if money {
        // "losses to the group"
        if let Some(i) = words
            .iter()
            .position(|w| w.start >= p.end && w.lower() == "to")
        {
            let next = words
                .get(i + 1)
                .map(|w| if w.lower() == "the" { i + 2 } else { i + 1 });
            if let Some(w) = next.and_then(|k| words.get(k)) {
                if let Some(m) =
                    parties::active(ctx, lexicon).find(|m| m.start <= w.start && w.start < m.end)
                {
                    return Some(lexicon.entry(m).id.clone());
                }
            }
        }
    }
    parties::active(ctx, lexicon)
        .map(|m| lexicon.entry(m).id.clone())
        .find(|id| Some(id.as_str()) != agent)
}

/// For each kind word of the sentence, the party that did it (its subject), so that the
/// next sentence about the same operation can name the agent ("IS destroyed a number of
/// monuments. Two temples ... were left in ruins.").
pub fn kind_subjects(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    words: &[Word<'_>],
) -> Vec<(Kind, String)> {
    ctx.of(EntryType::Kind)
        .filter_map(|m| {
            let kind = lexicon.kind_of(m)?;
            let subject = subject_before(ctx, lexicon, words, m.start, &[])?;
            Some((kind, subject))
        })
        .collect()
}

/// The state forces of the country a place lies in (troops killed near Palmyra are Syria's),
/// else of the article's country.
fn state_of(lexicon: &Lexicon, place: Option<&str>, article: Option<usize>) -> Option<String> {
    let country = lexicon
        .entries(EntryType::Place)
        .iter()
        .find(|e| Some(e.id.as_str()) == place)
        .and_then(|e| e.country.as_deref());
    let i = match country {
        Some(c) => lexicon.state_party(c),
        None => article,
    }?;
    Some(lexicon.entries(EntryType::Party)[i].id.clone())
}

/// A figure with no noun: people when a people verb follows ("dozens had been injured"),
/// else what the previous claim of the sentence counted ("10,000 civilians had fled, with
/// around 6,000 moving to ...").
fn elliptical_claim(
    sc: Scope<'_, '_>,
    p: &Counted,
    trigger: Option<Trigger>,
    outer: Option<&ClaimRow>,
) -> Option<ClaimRow> {
    let Scope {
        ctx,
        lexicon,
        words,
        state,
        common,
    } = sc;
    p.figure?;
    let people_kind = trigger
        .filter(|t| t.after || t.governs_bare)
        .map(|t| t.kind)
        .filter(|k| k.counts_people());
    let (kind, unit, actor, agent, rule) = match (people_kind, outer) {
        // "The Turkish army has lost four dead": the subject's own dead.
        (Some(k), _) if trigger.is_some_and(|t| t.lost) => (
            k,
            Some("person".to_owned()),
            subject_before(ctx, lexicon, words, p.start, &[]),
            None,
            ClaimRule::LostOwn,
        ),
        (Some(k), _) => {
            let civilians = unnamed_victims(lexicon, state, k);
            let agent = subject_before(ctx, lexicon, words, p.start, &[])
                .or_else(|| state.previous_agent(k));
            (
                k,
                Some("person".to_owned()),
                civilians,
                agent,
                ClaimRule::EllipticalPeople,
            )
        }
        (None, Some(o))
            if o.common.sentence_start == common.sentence_start
                && o.start < ctx.sentence.start + p.start =>
        {
            (
                o.kind,
                o.unit.clone(),
                o.actor.clone(),
                o.agent.clone(),
                ClaimRule::EllipticalPrevious,
            )
        }
        _ => return None,
    };
    Some(row(
        sc,
        p,
        Reading {
            kind,
            unit,
            actor,
            agent,
            rule,
        },
    ))
}
