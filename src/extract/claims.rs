//! Claims: a figure, what it counts (unit), what happened to it (kind), whose it is (actor),
//! who did it (agent), where, when and who says so.

use super::context::SentenceContext;
use super::{ArticleState, ClaimRow, Common};
use crate::figure::{self, FigureMatch};
use crate::lexicon::{EntryType, Lexicon, Mention};

/// How far (in bytes) a kind word may stand from its figure.
const KIND_WINDOW: usize = 90;
/// How many words may stand between a figure and its unit noun.
const UNIT_GAP_WORDS: usize = 5;

/// The claims of one sentence.
pub fn claims(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    state: &ArticleState,
    common: &Common,
) -> Vec<ClaimRow> {
    let mut rows = Vec::new();
    for fig in &ctx.figures {
        if let Some(row) = claim_for(ctx, lexicon, state, common, fig) {
            rows.push(row);
        }
    }
    rows
}

fn claim_for(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    state: &ArticleState,
    common: &Common,
    fig: &FigureMatch,
) -> Option<ClaimRow> {
    let unit = unit_after(ctx, fig);
    let (kind, unit_id, span_end) = if let Some(currency) = fig.currency {
        ("losses".to_owned(), currency.to_owned(), fig.end)
    } else {
        let unit = unit?;
        let unit_entry = lexicon.entry(unit);
        let unit_id = unit_entry.id.clone();
        let kind = match unit_id.as_str() {
            "strike" => "strikes".to_owned(),
            "sortie" => "sorties".to_owned(),
            "target" => "targets".to_owned(),
            _ => kind_near(ctx, lexicon, fig.start, unit.end)?,
        };
        (kind, unit_id, unit.end)
    };
    let bounds = figure::resolve(fig);
    let actor = actor_of(ctx, lexicon, fig, unit, &kind);
    let agent = agent_of(ctx, lexicon, fig, actor.as_deref(), &kind).or_else(|| {
        matches!(kind.as_str(), "strikes" | "sorties" | "targets")
            .then(|| actor.clone())
            .flatten()
    });
    let (actor, agent) = if matches!(kind.as_str(), "strikes" | "sorties" | "targets") {
        let a = agent.clone().or(actor);
        (a.clone(), a)
    } else {
        (actor, agent)
    };
    Some(ClaimRow {
        kind,
        low: bounds.low,
        high: bounds.high,
        approx: bounds.approx,
        qualifier: fig.qualifier.clone(),
        figure_text: ctx.text[fig.start..fig.end].to_owned(),
        unit: Some(unit_id),
        actor,
        agent,
        place: common.place.clone().or_else(|| state.current_place.clone()),
        start: ctx.sentence.start + fig.start,
        end: ctx.sentence.start + span_end.max(fig.end),
        common: common.clone(),
    })
}

/// The unit noun counted by the figure: the first unit mention right after it.
fn unit_after<'c>(ctx: &'c SentenceContext<'_>, fig: &FigureMatch) -> Option<&'c Mention> {
    ctx.of(EntryType::Unit).find(|m| {
        m.start >= fig.end
            && ctx.words_between(fig.end, m.start).len() <= UNIT_GAP_WORDS
            && !ctx.text[fig.end..m.start].contains(['.', ';'])
    })
}

/// The kind whose verb or noun stands nearest the figure and its unit.
fn kind_near(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    start: usize,
    end: usize,
) -> Option<String> {
    ctx.of(EntryType::Kind)
        .filter(|m| {
            (m.start >= end && m.start - end <= KIND_WINDOW)
                || (m.end <= start && start - m.end <= KIND_WINDOW)
        })
        .min_by_key(|m| {
            if m.start >= end {
                m.start - end
            } else {
                start - m.end
            }
        })
        .map(|m| lexicon.entry(m).id.clone())
}

/// Whose people or things are counted: a party named in the counted phrase, else the
/// unit's own party (militants are Islamic State's, civilians are civilians).
fn actor_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    fig: &FigureMatch,
    unit: Option<&Mention>,
    kind: &str,
) -> Option<String> {
    let end = unit.map_or(fig.end, |u| u.end);
    let in_phrase = ctx
        .of(EntryType::Party)
        .find(|m| m.start >= fig.end && m.start < end);
    if let Some(m) = in_phrase {
        return Some(lexicon.entry(m).id.clone());
    }
    if matches!(kind, "strikes" | "sorties" | "targets") {
        return None;
    }
    unit.and_then(|u| lexicon.entry(u).party.clone())
}

/// Who did it: "by X", "X's air strikes", or the party named before the figure that is not
/// the actor (the subject of the verb).
fn agent_of(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    fig: &FigureMatch,
    actor: Option<&str>,
    kind: &str,
) -> Option<String> {
    let not_actor = |m: &&Mention| {
        Some(lexicon.entry(m).id.as_str()) != actor && lexicon.entry(m).id != "civilians"
    };
    let parties: Vec<&Mention> = ctx.of(EntryType::Party).filter(not_actor).collect();
    // "by X" anywhere after the figure.
    let by = parties.iter().find(|m| {
        let before = ctx.text[..m.start].trim_end().to_lowercase();
        m.start > fig.end && (before.ends_with(" by") || before.ends_with(" by the"))
    });
    if let Some(m) = by {
        return Some(lexicon.entry(m).id.clone());
    }
    if matches!(
        kind,
        "killed"
            | "wounded"
            | "destroyed"
            | "captured"
            | "strikes"
            | "sorties"
            | "targets"
            | "losses"
    ) {
        if let Some(m) = parties.iter().rfind(|m| m.end <= fig.start) {
            return Some(lexicon.entry(m).id.clone());
        }
        if let Some(m) = parties.iter().find(|m| m.start > fig.end) {
            return Some(lexicon.entry(m).id.clone());
        }
    }
    None
}
