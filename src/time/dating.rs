//! Dating events: which time expressions of a sentence date an event (not a statement:
//! "said on Friday"), resolved against the publication date P and the day the article last
//! named ("later in the day"), and which of them dates each row (the nearest, in its own
//! clause). A time that cannot be resolved keeps the reason.

use super::{resolve, resolve_span, DateRange, Precision, TimeExpr, TimeMatch};
use crate::lang;
use chrono::NaiveDate;

/// A time expression of a sentence that dates an event, resolved against P or not.
#[derive(Debug, Clone)]
pub struct EventDate {
    /// Byte offsets in the sentence.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The dates, or why they could not be resolved ("no anchor", "publication date unknown").
    pub range: Result<DateRange, String>,
    /// A duration placed against an anchor ("for 10 months before ..."): it dates a state
    /// (`holds`), not an event.
    pub span: bool,
}

/// What the dating of one sentence needs: its text and time expressions, P and the day the
/// article last named.
#[derive(Debug, Clone, Copy)]
pub struct DatingContext<'a> {
    pub text: &'a str,
    pub times: &'a [TimeMatch],
    pub published: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

/// Rolling windows ("in the past 24 hours") that a stated day right beside them makes precise.
fn is_window(expr: &TimeExpr) -> bool {
    matches!(
        expr,
        TimeExpr::LastDayAndNight | TimeExpr::PastDays(_) | TimeExpr::RecentDays
    )
}

impl DatingContext<'_> {
    /// The event times of the sentence in order: statement times ("said on Friday") left out,
    /// and a window dropped where a stated day follows right after it ("in 24 hours from
    /// Friday to Saturday").
    pub fn event_dates(&self) -> Vec<EventDate> {
        let text = self.text;
        let event_times: Vec<&TimeMatch> = self
            .times
            .iter()
            .filter(|t| !is_statement_time(text, t))
            .collect();
        let mut out = Vec::with_capacity(event_times.len());
        for (i, t) in event_times.iter().enumerate() {
            if is_window(&t.expr)
                && event_times.get(i + 1).is_some_and(|next| {
                    !is_window(&next.expr)
                        && text[t.end..next.start]
                            .chars()
                            .all(|c| c.is_whitespace() || c == ',')
                })
            {
                continue;
            }
            let range = match t.expr {
                // "for 10 months before ... March": the other time of the sentence anchors it.
                TimeExpr::For(n, unit) => event_times
                    .iter()
                    .filter(|a| a.start != t.start)
                    .find_map(|a| resolve(&a.expr, self.published).ok())
                    .ok_or_else(|| "no anchor".to_owned())
                    .and_then(|anchor| resolve_span(n, unit, anchor)),
                TimeExpr::SameDay => self
                    .last_day
                    .map(|d| DateRange {
                        start: d,
                        end: d,
                        precision: Precision::Day,
                    })
                    .ok_or_else(|| "no earlier day".to_owned()),
                _ => resolve(&t.expr, self.published),
            };
            out.push(EventDate {
                start: t.start,
                end: t.end,
                text: text[t.start..t.end].to_owned(),
                range,
                span: matches!(t.expr, TimeExpr::For(..)),
            });
        }
        out
    }
}

/// What a time in another clause adds to its distance: more than any sentence is long.
const OTHER_CLAUSE: usize = 1 << 20;

/// True when `between` holds a semicolon or one of `openers` (another clause starts).
fn names_another_clause(between: &str, openers: &lang::Words) -> bool {
    between.contains(';')
        || between
            .split(|c: char| !c.is_alphabetic())
            .any(|w| openers.has_folded(w))
}

/// How far a time expression is from a trigger span (byte offsets in the sentence). A time in
/// another clause counts as far away: after the trigger, behind a relative or subordinate
/// opener ("400 died in the battle, ... the biggest defeat since it declared a caliphate
/// in 2014"); before it, behind a clause opener, unless the time opens the sentence ("On
/// Friday, after heavy clashes, the army retook ...").
fn distance(text: &str, d: &EventDate, (start, end): (usize, usize)) -> usize {
    let (gap, other_clause) = if d.start >= end {
        let between = text.get(end..d.start).unwrap_or("");
        (
            d.start - end,
            names_another_clause(between, &lang::en().later_clause_openers),
        )
    } else {
        let opens_sentence = text[..d.start].chars().all(|c| !c.is_alphanumeric());
        let between = text.get(d.end.min(start)..start).unwrap_or("");
        (
            start.saturating_sub(d.end),
            !opens_sentence && names_another_clause(between, &lang::en().clause_openers),
        )
    };
    gap + if other_clause { OTHER_CLAUSE } else { 0 }
}

/// How a row of a sentence is dated.
#[derive(Debug, Clone, Copy)]
pub enum RowDate<'d> {
    /// Keep the sentence's date (one event time, or none).
    Keep,
    /// No date: every time lies in another clause.
    Undated,
    /// This time: the nearest of several (its range may be unresolved: the row keeps its text
    /// and no date rather than another clause's date).
    Date(&'d EventDate),
}

/// Where a sentence names several event times, a row takes the one nearest its trigger
/// span ("IS held Palmyra for 10 months before it was recaptured ... in March"); spans date
/// `holds` rows only; a row whose times all lie in other clauses is undated.
pub fn row_date<'d>(
    text: &str,
    dated: &'d [EventDate],
    span: (usize, usize),
    holds: bool,
) -> RowDate<'d> {
    let nearest = dated
        .iter()
        .filter(|d| holds || !d.span)
        .map(|d| (distance(text, d, span), d))
        .min_by_key(|(distance, _)| *distance);
    match nearest {
        Some((distance, _)) if distance >= OTHER_CLAUSE => RowDate::Undated,
        Some((_, d)) if dated.len() >= 2 => RowDate::Date(d),
        _ => RowDate::Keep,
    }
}

/// A time expression that dates the statement ("said on Friday"), not the event; words of
/// an event right before it ("took place on Thursday") make it the event's after all.
pub fn is_statement_time(text: &str, t: &TimeMatch) -> bool {
    let mut from = t.start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..t.start].to_lowercase();
    let tail: Vec<&str> = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .collect();
    let lang = lang::en();
    if tail.iter().take(2).any(|w| lang.event_words.has(w)) {
        return false;
    }
    tail.iter().take(3).any(|w| lang.speech.has(w))
}

/// A sentence that opens by referring back to the operation of the one before ("The
/// strikes took place on Thursday"): its date dates that sentence's undated claims.
pub fn refers_back(sentence: &str) -> bool {
    let opening: String = sentence.chars().take(48).collect::<String>().to_lowercase();
    lang::en()
        .back_references
        .iter()
        .any(|b| opening.starts_with(b.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse;

    fn dates(text: &str, published: &str) -> Vec<EventDate> {
        let times = parse(text);
        DatingContext {
            text,
            times: &times,
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            last_day: None,
        }
        .event_dates()
    }

    #[test]
    fn statement_times_do_not_date_events() {
        let d = dates(
            "12 were killed on Thursday, the army said on Friday.",
            "2016-03-27",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].text, "on Thursday");
    }

    #[test]
    fn an_unresolved_time_keeps_its_reason() {
        let d = dates("The army held the town for 10 months.", "2016-03-27");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].range.as_ref().err().map(String::as_str),
            Some("no anchor")
        );
        assert!(d[0].span);
    }

    #[test]
    fn a_row_takes_the_time_in_its_own_clause() {
        let text = "IS held Palmyra for 10 months before it was recaptured in March.";
        let d = dates(text, "2016-12-11");
        let at = text.find("recaptured").expect("present");
        match row_date(text, &d, (at, at + 10), false) {
            RowDate::Date(e) => assert_eq!(e.text, "in March"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn back_references_open_a_sentence() {
        assert!(refers_back("The strikes took place on Thursday."));
        assert!(!refers_back(
            "Officials said the strikes took place on Thursday."
        ));
    }
}
