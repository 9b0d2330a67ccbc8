//! Who says so: "X said", "said X", "according to X", "X reported", "X told AFP",
//! "X, a monitoring group, said", and statements that continue ("It said", quotes).

use super::context::SentenceContext;
use super::parties::adjectival;
use crate::lang;
use crate::lexicon::{EntryType, Lexicon, Mention};
use regex::Regex;
use std::sync::OnceLock;

/// An attribution: canonical source and the words as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub source: String,
    pub source_text: String,
}

/// The attribution verbs of the language file, as one regex.
fn speech_verbs() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let verbs = lang::alternation(&lang::en().attribution_verbs);
        Regex::new(&format!(r"(?i)(?-u:\b)({verbs})(?-u:\b)"))
            .expect("attribution regex from the compiled-in language file") // checked by tests
    })
}

/// "It said", "..., he added": a statement that continues an earlier one.
fn pronoun_speech() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let lang = lang::en();
        let p = lang::alternation(&lang.continuing_pronouns);
        let v = lang::alternation(&lang.continuing_verbs);
        Regex::new(&format!(
            r"(?i)(^|[,.“”]\s*|(?-u:\b)(?:{p})\s+)(?:{p})?\s*(?:{v})(?-u:\b)|(?-u:\b)(?:{p})\s+(?:{v})(?-u:\b)"
        ))
        .expect("pronoun regex from the compiled-in language file") // checked by tests
    })
}

/// Finds the attribution a sentence states, if it has one.
pub fn attribution(ctx: &SentenceContext<'_>, lexicon: &Lexicon) -> Option<Attribution> {
    let speakers: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| matches!(m.ty, EntryType::Source | EntryType::Party) && !adjectival(ctx, m))
        .collect();
    let mut relayed: Option<Attribution> = None;
    for verb in speech_verbs().find_iter(ctx.text) {
        let v = verb.as_str().to_lowercase();
        let before_text = ctx.text[..verb.start()].trim_end();
        // "..., said the Observatory": the speaker follows a comma or a closing quote.
        let inverted = before_text.ends_with([',', '"', '”', '’', '\'']) || before_text.is_empty();
        let after = speakers
            .iter()
            .filter(|m| m.start >= verb.end() && m.start <= verb.end() + 14)
            .min_by_key(|m| (m.start, std::cmp::Reverse(m.ty == EntryType::Source)))
            .copied();
        let before = nearest_speaker_before(ctx, &speakers, verb.start());
        let lang = lang::en();
        let chosen = if lang.speaker_after.contains(&v) {
            after
        } else if lang.speaker_before.has(&v) {
            before
        } else if inverted {
            after.or(before)
        } else {
            before
        };
        if let Some(m) = chosen {
            let found = Attribution {
                source: lexicon.entry(m).id.clone(),
                source_text: ctx.text[m.start..m.end].to_owned(),
            };
            // A wire relaying another speaker: keep looking for the original claimant.
            if lexicon.entry(m).relay == Some(true) {
                relayed.get_or_insert(found);
                continue;
            }
            return Some(found);
        }
    }
    relayed
}

/// The speaker right before a verb; of speakers joined by "and", the first named.
fn nearest_speaker_before<'m>(
    ctx: &SentenceContext<'_>,
    speakers: &[&'m Mention],
    verb: usize,
) -> Option<&'m Mention> {
    let mut candidates: Vec<&Mention> = speakers
        .iter()
        .filter(|m| m.end <= verb && verb - m.end <= 70)
        .copied()
        .collect();
    candidates.sort_by_key(|m| (m.end, m.ty == EntryType::Source));
    let mut chosen = *candidates.last()?;
    // Prefer a source over a party ending at the same place.
    for m in candidates.iter().rev() {
        if m.end == chosen.end && m.ty == EntryType::Source {
            chosen = m;
        }
    }
    // Walk back over "A and B said".
    loop {
        let prev = speakers
            .iter()
            .filter(|m| m.end <= chosen.start)
            .max_by_key(|m| m.end);
        match prev {
            Some(p) if ctx.text[p.end..chosen.start].trim() == "and" => chosen = p,
            _ => return Some(chosen),
        }
    }
}

/// True when the sentence continues an earlier statement: a pronoun speaker ("It said",
/// "he added") or a quotation with no speaker of its own.
pub fn continues_statement(ctx: &SentenceContext<'_>) -> bool {
    let t = ctx.text.trim_start();
    pronoun_speech().is_match(ctx.text) || t.starts_with(['"', '“'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn attr(text: &str) -> Option<(String, String)> {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        let s = split(text)[0];
        let ctx = SentenceContext::new(text, s, &lex);
        attribution(&ctx, &lex).map(|a| (a.source, a.source_text))
    }

    fn source(text: &str) -> Option<String> {
        attr(text).map(|a| a.0)
    }

    #[test]
    fn attribution_forms() {
        let sohr = Some("Syrian Observatory for Human Rights".to_owned());
        assert_eq!(
            source("At least 38 militants were killed, a monitor said on Saturday."),
            sohr
        );
        assert_eq!(
            source("According to Russian Defence Ministry, its warplanes flew 40 sorties."),
            Some("Russia".into())
        );
        assert_eq!(
            attr("Gains were made west of the city, said the Observatory.")
                .map(|a| a.1)
                .as_deref(),
            Some("the Observatory")
        );
        assert_eq!(source("The UK-based Syrian Observatory for Human Rights said IS had killed 49 Syrian troops."), sohr);
        assert_eq!(source("Government forces lost 18 soldiers, the Observatory and IS-affiliated media sites reported."), sohr);
        assert_eq!(source("The Syrian Observatory for Human Rights, a monitoring group based in Britain, said that 38 died."), sohr);
        assert_eq!(
            source("Mamoun Abdelkarim told Reuters on Sunday the city was free."),
            None
        );
        assert_eq!(source("IS destroyed a number of monuments."), None);
        // A wire relaying a claimant: the claimant is the source, either way round.
        let coalition = Some("US-led coalition".to_owned());
        assert_eq!(
            source("Reuters said the coalition said its strikes killed 12 militants."),
            coalition
        );
        assert_eq!(
            source("The coalition said its strikes killed 12 militants, Reuters reported."),
            coalition
        );
        assert_eq!(
            source("12 militants were killed, AFP reported."),
            Some("AFP".into())
        );
    }

    #[test]
    fn continued_statements() {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        for (text, expected) in [
            ("It said the fighting was heavy.", true),
            ("\"We will win,\" he added.", true),
            ("The army advanced.", false),
        ] {
            let s = split(text)[0];
            let ctx = SentenceContext::new(text, s, &lex);
            assert_eq!(continues_statement(&ctx), expected, "{text}");
        }
    }
}
