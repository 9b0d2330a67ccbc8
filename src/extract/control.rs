//! Control events: a party took, left, holds, advanced on or fights for a place.

use super::context::SentenceContext;
use super::{ArticleState, Common, ControlRow};
use crate::lexicon::{EntryType, Lexicon, Mention};

/// How far (in bytes) the place may stand from the action word.
const PLACE_WINDOW: usize = 80;

/// The control events of one sentence.
pub fn control(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    state: &ArticleState,
    common: &Common,
) -> Vec<ControlRow> {
    let mut rows: Vec<ControlRow> = Vec::new();
    for action in ctx.of(EntryType::Action) {
        let id = lexicon.entry(action).id.clone();
        let Some(place) = place_near(ctx, lexicon, action, state) else {
            continue;
        };
        let parties: Vec<&Mention> = ctx.of(EntryType::Party).collect();
        let lower = ctx.text.to_lowercase();
        let before_action = &lower[..action.start];
        let passive = before_action.trim_end().ends_with(" was")
            || before_action.trim_end().ends_with(" were")
            || ctx.text[action.start..action.end].starts_with("driven")
            || ctx.text[action.start..action.end].ends_with("en");
        let by = parties
            .iter()
            .find(|m| m.start > action.end && lower[..m.start].trim_end().ends_with(" by"));
        let subject = parties.iter().rfind(|m| m.end <= action.start);
        let (actor, from_actor) = match (id.as_str(), by, subject) {
            ("captured", Some(by), subj) => (Some(*by), subj.filter(|_| passive).copied()),
            (_, _, Some(subj)) => (Some(*subj), None),
            (_, Some(by), None) => (Some(*by), None),
            _ => (None, None),
        };
        let Some(actor) = actor else { continue };
        let actor_id = lexicon.entry(actor).id.clone();
        if actor_id == "civilians" {
            continue;
        }
        let from = from_actor.map(|m| lexicon.entry(m).id.clone()).or_else(|| {
            parties
                .iter()
                .find(|m| m.start > action.end && lower[..m.start].trim_end().ends_with(" from"))
                .map(|m| lexicon.entry(m).id.clone())
        });
        let (action_id, from_actor) = if id == "captured" && passive && by.is_none() {
            ("withdrew".to_owned(), None)
        } else {
            (id, from.filter(|f| *f != actor_id))
        };
        if rows
            .iter()
            .any(|r| r.action == action_id && r.place == place && r.actor == actor_id)
        {
            continue;
        }
        let start = ctx.sentence.start + actor.start.min(action.start);
        let end = ctx.sentence.start + actor.end.max(action.end);
        rows.push(ControlRow {
            action: action_id,
            place,
            actor: actor_id,
            from_actor,
            start,
            end,
            common: common.clone(),
        });
    }
    rows
}

fn place_near(
    ctx: &SentenceContext<'_>,
    lexicon: &Lexicon,
    action: &Mention,
    state: &ArticleState,
) -> Option<String> {
    let near = ctx
        .of(EntryType::Place)
        .filter(|m| {
            let country = lexicon.entry(m).country.as_deref() == Some(lexicon.entry(m).id.as_str());
            !country
                && (m.start >= action.end && m.start - action.end <= PLACE_WINDOW
                    || m.end <= action.start && action.start - m.end <= PLACE_WINDOW)
        })
        .min_by_key(|m| {
            if m.start >= action.end {
                m.start - action.end
            } else {
                action.start - m.end
            }
        });
    match near {
        Some(m) => Some(lexicon.entry(m).id.clone()),
        None => {
            let refers_back = ctx.text.to_lowercase().contains("the city")
                || ctx.text.to_lowercase().contains("the town");
            refers_back.then(|| state.current_place.clone()).flatten()
        }
    }
}

/// Fills `from_actor` of captures that state none: the other party that captured or held
/// the same place in the article ("recaptured" implies who held it).
pub fn infer_from_actors(rows: &mut [ControlRow]) {
    let holders: Vec<(String, String)> = rows
        .iter()
        .filter(|r| matches!(r.action.as_str(), "captured" | "holds"))
        .map(|r| (r.place.clone(), r.actor.clone()))
        .collect();
    for row in rows
        .iter_mut()
        .filter(|r| r.action == "captured" && r.from_actor.is_none())
    {
        row.from_actor = holders
            .iter()
            .find(|(place, actor)| *place == row.place && *actor != row.actor)
            .map(|(_, actor)| actor.clone());
    }
}
