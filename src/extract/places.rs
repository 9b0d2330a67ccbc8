//! Places of a sentence: the lexicon's, and names the wording marks as places though the
//! lexicon does not list them ("near Qayyarah", "the town of Hajin", "retook Saraqib",
//! "Idlib province"). Recognition reads only the language file's closed-class words and
//! capitalisation; the name is kept as the article spells it.

use super::context::SentenceContext;
use super::words::Word;
use crate::lang;
use crate::lexicon::{EntryType, Lexicon};

/// A place named in a sentence, with byte offsets in the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    /// The canonical name: the lexicon's id, or the name as written.
    pub id: String,
    /// A whole country ("Syria"): no control row is about a country.
    pub is_country: bool,
    /// Recognised from the wording, not the lexicon.
    pub from_text: bool,
    /// Named as a part of a town ("the district of al-Nuaimiya"): it counts as the town
    /// the article is about.
    pub town_part: bool,
}

/// The lexicon's places of a sentence.
pub fn lexicon_places(ctx: &SentenceContext<'_>, lexicon: &Lexicon) -> Vec<PlaceMention> {
    ctx.of(EntryType::Place)
        .map(|m| {
            let e = lexicon.entry(m);
            let is_country = e.country.as_deref() == Some(e.id.as_str());
            // "the province of Deir al-Zour" is the province, not the city.
            let id = match division_before(ctx.text, m.start) {
                Some(division) if !is_country => format!("{} {division}", e.id),
                _ => e.id.clone(),
            };
            PlaceMention {
                start: m.start,
                end: m.end,
                id,
                is_country,
                from_text: false,
                town_part: false,
            }
        })
        .collect()
}

/// The division word of "<division> of" right before `start` ("province of").
fn division_before(text: &str, start: usize) -> Option<String> {
    let mut before = text[..start].split_whitespace().rev();
    if before.next()? != "of" {
        return None;
    }
    let division = before.next()?.to_lowercase();
    lang::en().place_suffixes.has(&division).then_some(division)
}

/// A word of a name: capitalised parts joined by hyphens, a particle allowed before a part
/// ("Tal-Abyad", "al-Ain", "ez-Zor"), not an acronym ("the UN", "in IDF": organisations more
/// often than places), not a compound with a lower-case word ("GNA-held", "US-backed").
fn capitalised(w: &Word<'_>) -> bool {
    let Some(first) = w.text.chars().next() else {
        return false;
    };
    // Most words: lower case, no hyphen.
    if first.is_lowercase() && !w.text.contains('-') {
        return false;
    }
    if !first.is_alphabetic() {
        return false;
    }
    let acronym = w.text.len() <= 5 && w.text.chars().all(|c| c.is_uppercase());
    if acronym {
        return false;
    }
    let particles = &lang::en().name_particles;
    let mut parts = w.text.split('-').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        if !(part.starts_with(char::is_uppercase) || (!last && particles.has(part))) {
            return false;
        }
    }
    true
}

/// A name starting at word `i`: capitalised words, joined by name particles ("Ras al-Ain",
/// "Deir ez-Zor"), up to four words; returns the index of its last word.
fn name_at(ctx: &SentenceContext<'_>, words: &[Word<'_>], i: usize) -> Option<usize> {
    // Words the lexicon reads as something else than a place ("Retaking", "Russian").
    let in_lexicon = |w: &Word<'_>| {
        ctx.mentions
            .iter()
            .any(|m| m.ty != EntryType::Place && m.start < w.end && w.start < m.end)
    };
    let lang = lang::en();
    let particles = &lang.name_particles;
    let first = words.get(i)?;
    if !capitalised(first) || in_lexicon(first) {
        return None;
    }
    let mut last = i;
    while last + 1 < words.len()
        && last - i < 3
        && !words[last].boundary_after()
        && !words[last].is_possessive()
    {
        let next = &words[last + 1];
        if lang.place_suffixes.has(next.lower()) || in_lexicon(next) {
            break;
        }
        if capitalised(next)
            || (particles.has(next.lower()) && words.get(last + 2).is_some_and(capitalised))
        {
            last += 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// True when a control word of the lexicon ends inside word `w`.
fn action_ends_in(ctx: &SentenceContext<'_>, w: &Word<'_>) -> bool {
    ctx.of(EntryType::Action)
        .any(|m| m.end > w.start && m.end <= w.end)
}

/// Whether the word before `i` (or the two before it) marks what follows as a place.
fn opened_as_place(ctx: &SentenceContext<'_>, words: &[Word<'_>], i: usize) -> bool {
    let lang = lang::en();
    let joined = |k: usize| Some(&words[k]).filter(|w| !w.boundary_after());
    let Some(mut k) = i.checked_sub(1).filter(|&k| joined(k).is_some()) else {
        return false;
    };
    // "retook the town": through an article after a control word only.
    let before_the = words[k].lower() == "the";
    if before_the {
        match k.checked_sub(1).filter(|&j| joined(j).is_some()) {
            Some(j) => k = j,
            None => return false,
        }
    }
    let prev = &words[k];
    if action_ends_in(ctx, prev) {
        return true;
    }
    if before_the {
        return false;
    }
    if lang.place_openers.has(prev.lower()) {
        return true;
    }
    let Some(before) = k.checked_sub(1).and_then(joined) else {
        return false;
    };
    // "the town of X", "north of X"; "an offensive on X", "the assault against X".
    (prev.lower() == "of" && lang.place_nouns.has(before.lower()))
        || (action_ends_in(ctx, before) && lang.action_objects.has(prev.lower()))
}

/// "the district of X", "the X neighbourhood", "the X, Y and Z districts": a name with a
/// noun of a town's part.
fn town_part(words: &[Word<'_>], i: usize, last: usize) -> bool {
    let lang = lang::en();
    let after_of =
        i >= 2 && words[i - 1].lower() == "of" && lang.town_parts.has(words[i - 2].lower());
    // Over the rest of a list of names to the noun after it.
    let mut k = last + 1;
    while k < words.len() && k <= last + 8 {
        let w = &words[k];
        if lang.town_parts.has(w.lower()) {
            return true;
        }
        let in_list = capitalised(w) || w.lower() == "and" || lang.name_particles.has(w.lower());
        if !in_list || w.stop_after {
            break;
        }
        k += 1;
    }
    after_of
}

/// A headline in title case ("Iraqi Forces Retake Christian Ghost Town Near Mosul"):
/// capitals there do not mark names.
fn is_headline(words: &[Word<'_>]) -> bool {
    let mut long = 0;
    for w in words
        .iter()
        .filter(|w| w.text.len() > 3 && w.text.starts_with(char::is_alphabetic))
    {
        if !w.text.starts_with(char::is_uppercase) {
            return false;
        }
        long += 1;
    }
    long >= 4
}

/// The lexicon's name of the place at a span, else the span as written.
fn lexicon_name(ctx: &SentenceContext<'_>, start: usize, end: usize) -> String {
    ctx.places
        .iter()
        .find(|p| !p.from_text && p.start == start && p.end == end)
        .map_or_else(|| ctx.text[start..end].to_owned(), |p| p.id.clone())
}

/// Names the wording marks as places, not overlapping a lexicon mention or a time.
pub fn text_places(ctx: &SentenceContext<'_>, words: &[Word<'_>]) -> Vec<PlaceMention> {
    let lang = lang::en();
    let mut out: Vec<PlaceMention> = Vec::new();
    // A lexicon place before a division word is the division's name ("Idlib province").
    let taken = |start: usize, end: usize, division: bool| {
        ctx.mentions
            .iter()
            .filter(|m| !(division && m.ty == EntryType::Place))
            .any(|m| m.start < end && start < m.end)
            || ctx.times.iter().any(|t| t.start < end && start < t.end)
            || ctx.figures.iter().any(|f| f.start < end && start < f.end)
    };
    // Names are capitalised words after the first: most sentences have none to read.
    let any_name = words.iter().skip(1).any(capitalised);
    if !any_name || is_headline(words) {
        return out;
    }
    let mut i = 0;
    // The last word of the previous place: names listed after it are places too
    // ("Surman, Sabratha and Zeltin").
    let mut previous: Option<usize> = None;
    while i < words.len() {
        let Some(last) = name_at(ctx, words, i) else {
            i += 1;
            continue;
        };
        let (start, mut end) = (words[i].start, words[last].end);
        // "state" is a division only as a name's part ("Rakhine State"), not in "state media".
        let suffix = words.get(last + 1).filter(|w| {
            !words[last].boundary_after()
                && lang.place_suffixes.has(w.lower())
                && (w.lower() != "state" || w.text.starts_with('S'))
        });
        if let Some(s) = suffix {
            end = s.end;
        }
        let listed = previous.is_some_and(|j| {
            let gap = &words[j + 1..i];
            (words[j].comma_after || !gap.is_empty())
                && !words[j].stop_after
                && gap.len() <= 1
                && gap.iter().all(|w| matches!(w.lower(), "and" | "or"))
        });
        let is_place = suffix.is_some() || listed || opened_as_place(ctx, words, i);
        if is_place && !taken(start, words[last].end, suffix.is_some()) {
            let division = division_before(ctx.text, start).filter(|_| suffix.is_none());
            let id = match suffix {
                _ if division.is_some() => format!(
                    "{} {}",
                    &ctx.text[start..end],
                    division.as_deref().unwrap_or_default()
                ),
                // Divisions in lower case ("Kursk region"), but a State keeps its capital
                // as part of its name ("Rakhine State").
                Some(s) if s.text == "State" => {
                    format!("{} State", lexicon_name(ctx, start, words[last].end))
                }
                Some(s) => format!(
                    "{} {}",
                    lexicon_name(ctx, start, words[last].end),
                    s.lower()
                ),
                None => ctx.text[start..end].to_owned(),
            };
            // "Hodeida's port": the name without its possessive.
            let id = id
                .strip_suffix("'s")
                .or_else(|| id.strip_suffix("’s"))
                .map_or(id.clone(), str::to_owned);
            let organisation = words[i..=last]
                .iter()
                .any(|w| lang.organisation_heads.has(w.lower()));
            // "Syrian government forces", "Kurdish fighters": a name joined to what the
            // lexicon reads is an adjective.
            let next_noun = words.get(last + 1).filter(|n| {
                suffix.is_none()
                    && !words[last].boundary_after()
                    && n.text.starts_with(char::is_lowercase)
            });
            let demonym = last == i
                && lang
                    .demonym_endings
                    .iter()
                    .any(|e| words[i].lower().ends_with(e.as_str()));
            // A demonym before any word ("Syrian President Bashar al-Assad") is an adjective.
            let before_word = suffix.is_none()
                && !words[last].boundary_after()
                && words
                    .get(last + 1)
                    .is_some_and(|n| !lang.phrase_stops.has(n.lower()));
            let adjective = (demonym && before_word)
                || next_noun.is_some_and(|n| ctx.mentions.iter().any(|m| m.start == n.start));
            // "according to The Independent", "Winfield says": a speaker, not a place.
            let speaker = words
                .get(last + 1)
                .is_some_and(|n| lang.speech.has(n.lower()))
                || (i >= 2 && words[i - 1].lower() == "to" && words[i - 2].lower() == "according");
            if !organisation && !adjective && !speaker {
                previous = Some(last);
                out.push(PlaceMention {
                    start,
                    end,
                    id,
                    is_country: false,
                    from_text: true,
                    town_part: town_part(words, i, last),
                });
            }
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::words;
    use crate::sentences::split;

    fn found(text: &str) -> Vec<String> {
        let lexicon = Lexicon::default_lexicon().expect("lexicon");
        let s = split(text)[0];
        let ctx = SentenceContext::new(text, s, &lexicon);
        let w = words(ctx.text);
        text_places(&ctx, &w).into_iter().map(|p| p.id).collect()
    }

    #[test]
    fn names_after_locative_words_are_places() {
        // wide 400, 402, 412; dev: the same shapes in other wars' articles
        assert_eq!(
            found("Iraqi forces retook the town of Qayyarah on Thursday."),
            ["Qayyarah"]
        );
        assert_eq!(
            found("Fighting raged near Bakhmut as troops were killed."),
            ["Bakhmut"]
        );
        assert_eq!(found("Opposition fighters captured Saraqib."), ["Saraqib"]);
        assert_eq!(
            found("An offensive on GNA-held Tripoli began."),
            ["Tripoli"]
        );
        assert_eq!(
            found("Retaking al-Qaryatain allows forces to advance."),
            ["al-Qaryatain"]
        );
        assert_eq!(
            found("Clashes erupted in Ras al-Ain on Wednesday."),
            ["Ras al-Ain"]
        );
        assert_eq!(
            found("The army advanced in Idlib province."),
            ["Idlib province"]
        );
        assert_eq!(
            found("Government forces seized the outskirts of Marib."),
            ["Marib"]
        );
        assert_eq!(
            found("Ukraine advanced in the Kursk region."),
            ["Kursk region"]
        );
        assert_eq!(
            found("The RSF attacked El Fasher in North Darfur State."),
            ["El Fasher", "North Darfur State"]
        );
    }

    #[test]
    fn parts_of_a_town_are_marked() {
        let lexicon = Lexicon::default_lexicon().expect("lexicon");
        let text = "Government forces seized the Sakhur, Haydariya and Sheikh Khodr districts.";
        let ctx = SentenceContext::new(text, split(text)[0], &lexicon);
        let parts: Vec<bool> = text_places(&ctx, &words(text))
            .iter()
            .map(|p| p.town_part)
            .collect();
        assert_eq!(parts, [true, true, true]);
    }

    #[test]
    fn possessives_end_a_name() {
        assert_eq!(found("The army retook Hodeida's port."), ["Hodeida"]);
    }

    #[test]
    fn other_capitalised_words_are_not_places() {
        assert!(found("The Ministry of Defence said 12 soldiers were killed.").is_empty());
        assert!(found("Forces killed 12 militants on Friday in March.").is_empty());
        assert!(found("The UN said 30 people were killed.").is_empty());
        assert!(found("Forces advanced, according to The Independent.").is_empty());
        assert!(found("Fighting near the Western Command Headquarters went on.").is_empty());
        assert!(found("Clashes with Syrian government forces went on.").is_empty());
        assert!(found("It halted the advance of Kurdish militias nearby.").is_empty());
        assert!(found("Forces loyal to Syrian President Bashar al-Assad attacked.").is_empty());
        assert!(found("Islamic State fighters were killed near Palmyra.").is_empty());
        assert!(found("Iraqi Forces Retake Christian Ghost Town Near Mosul").is_empty());
        assert!(found("Forces advanced as Syria state media said 12 were killed.").is_empty());
    }
}
