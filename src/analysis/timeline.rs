//! Control timelines: per place, consecutive intervals of who held it, built from
//! `captured`, `holds` and `withdrew` events ordered by event date.
//!
//! Events with a stated date make the timeline. An interval starts at the narrowest stated
//! capture among those that overlap the event that opened it ("in March" and "on Sunday"
//! give the Sunday). Events dated only by their publication date then support the interval
//! that covers that day when they agree; when they name another party they are kept as the
//! interval's conflicts (a report of what held just before a same-day change supports the
//! interval before). With no stated event at all, publication dates make the timeline and
//! every interval says so. An interval of one article's word, two days or shorter, between
//! two intervals of the same other party is flagged as a conflict, not dropped.

use super::Day;
use std::collections::BTreeMap;

/// What the timeline needs of one control event.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlInput {
    pub place: String,
    pub action: String,
    pub actor: String,
    pub article: String,
    /// Stated event window.
    pub start: Option<Day>,
    pub end: Option<Day>,
    pub published: Option<Day>,
}

/// One interval of control: `actor` held `place` from `start` until `end` (the next
/// interval's start; `None` while open).
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    pub place: String,
    pub actor: String,
    pub start: Day,
    pub end: Option<Day>,
    /// The start rests on publication dates, not a stated date.
    pub start_from_publication: bool,
    /// Indices of the events that support the interval.
    pub events: Vec<usize>,
    /// Indices of events that contradict it.
    pub conflicts: Vec<usize>,
    /// The interval itself is doubtful (a short blip of one article's word).
    pub conflict: bool,
}

#[derive(Debug, Clone, Copy)]
struct Assertion {
    index: usize,
    at: Day,
    until: Day,
    capture: bool,
}

fn assertions(events: &[ControlInput], idx: &[usize], stated: bool) -> Vec<Assertion> {
    let mut out: Vec<Assertion> = idx
        .iter()
        .filter_map(|&i| {
            let e = &events[i];
            let capture = e.action == "captured";
            if !capture && e.action != "holds" {
                return None;
            }
            let (at, until) = if stated {
                (e.start?, e.end.or(e.start)?)
            } else if e.start.is_none() {
                let p = e.published?;
                (p, p)
            } else {
                return None;
            };
            Some(Assertion {
                index: i,
                at,
                until,
                capture,
            })
        })
        .collect();
    out.sort_by_key(|a| (a.at, a.until - a.at, a.index));
    out
}

/// Runs of one party from assertions in date order.
fn runs(
    events: &[ControlInput],
    place: &str,
    asserted: &[Assertion],
    from_publication: bool,
) -> Vec<Interval> {
    let mut out: Vec<Interval> = Vec::new();
    for a in asserted {
        let actor = &events[a.index].actor;
        if let Some(cur) = out.last_mut() {
            if cur.actor == *actor {
                cur.events.push(a.index);
                continue;
            }
        }
        // The interval starts at the narrowest capture by the same party overlapping this one.
        let start = asserted
            .iter()
            .filter(|b| {
                b.capture && events[b.index].actor == *actor && b.at <= a.until && a.at <= b.until
            })
            .min_by_key(|b| (b.until - b.at, b.at))
            .map_or(a.at, |b| b.at);
        out.push(Interval {
            place: place.to_owned(),
            actor: actor.clone(),
            start,
            end: None,
            start_from_publication: from_publication,
            events: vec![a.index],
            conflicts: Vec::new(),
            conflict: false,
        });
    }
    out
}

/// The timeline of every place (places in name order, intervals in time order).
pub fn timeline(events: &[ControlInput]) -> Vec<Interval> {
    let mut by_place: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        by_place.entry(e.place.as_str()).or_default().push(i);
    }
    let mut out = Vec::new();
    for (place, idx) in by_place {
        out.extend(place_timeline(events, place, &idx));
    }
    out
}

fn covering(intervals: &[Interval], day: Day) -> Option<usize> {
    intervals.iter().rposition(|iv| iv.start <= day)
}

fn place_timeline(events: &[ControlInput], place: &str, idx: &[usize]) -> Vec<Interval> {
    let stated = assertions(events, idx, true);
    let undated = assertions(events, idx, false);
    let mut intervals = if stated.is_empty() {
        runs(events, place, &undated, true)
    } else {
        let mut iv = runs(events, place, &stated, false);
        // Reports dated only by publication: support or conflict.
        for a in &undated {
            let actor = &events[a.index].actor;
            let Some(k) = covering(&iv, a.at) else {
                match iv.first_mut() {
                    Some(first) if first.actor == *actor => first.events.push(a.index),
                    Some(first) => first.conflicts.push(a.index),
                    None => {}
                }
                continue;
            };
            if iv[k].actor == *actor {
                iv[k].events.push(a.index);
            } else if k > 0 && iv[k - 1].actor == *actor && a.at - iv[k].start <= 1 {
                iv[k - 1].events.push(a.index);
            } else {
                iv[k].conflicts.push(a.index);
            }
        }
        iv
    };
    // Withdrawals support the next interval of another party starting within their window.
    for &i in idx {
        let e = &events[i];
        if e.action != "withdrew" {
            continue;
        }
        let (from, to) = match (e.start, e.end, e.published) {
            (Some(s), end, _) => (s, end.unwrap_or(s)),
            (None, _, Some(p)) => (p - 1, p),
            _ => continue,
        };
        if let Some(iv) = intervals
            .iter_mut()
            .find(|iv| iv.actor != e.actor && from - 1 <= iv.start && iv.start <= to + 1)
        {
            iv.events.push(i);
        }
    }
    for k in 0..intervals.len() {
        intervals[k].end = intervals.get(k + 1).map(|n| n.start);
        let articles: std::collections::BTreeSet<&str> = intervals[k]
            .events
            .iter()
            .map(|&i| events[i].article.as_str())
            .collect();
        let blip = k > 0
            && k + 1 < intervals.len()
            && intervals[k - 1].actor == intervals[k + 1].actor
            && intervals[k + 1].start - intervals[k].start <= 2
            && articles.len() <= 1;
        intervals[k].conflict = blip;
        intervals[k].events.sort_unstable();
        intervals[k].conflicts.sort_unstable();
    }
    intervals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(
        action: &str,
        actor: &str,
        article: &str,
        start: Option<(Day, Day)>,
        published: Day,
    ) -> ControlInput {
        ControlInput {
            place: "Palmyra".into(),
            action: action.into(),
            actor: actor.into(),
            article: article.into(),
            start: start.map(|s| s.0),
            end: start.map(|s| s.1),
            published: Some(published),
        }
    }

    #[test]
    fn captures_make_consecutive_intervals_at_their_narrowest_date() {
        let events = vec![
            ev("captured", "IS", "a", Some((120, 150)), 460),
            ev("holds", "IS", "b", Some((120, 455)), 700),
            ev("captured", "SG", "b", Some((426, 456)), 700),
            ev("captured", "SG", "c", Some((452, 452)), 452),
            ev("withdrew", "IS", "c", None, 452),
            ev("captured", "IS", "d", Some((711, 711)), 716),
            ev("holds", "IS", "c", None, 452),
        ];
        let t = timeline(&events);
        let lanes: Vec<(&str, Day, Option<Day>)> = t
            .iter()
            .map(|i| (i.actor.as_str(), i.start, i.end))
            .collect();
        assert_eq!(
            lanes,
            vec![
                ("IS", 120, Some(452)),
                ("SG", 452, Some(711)),
                ("IS", 711, None)
            ]
        );
        assert!(
            t[1].events.contains(&4),
            "the withdrawal supports the capture"
        );
        assert!(
            t[0].events.contains(&6),
            "a same-day report of the old holder supports the interval before"
        );
        assert!(t.iter().all(|i| !i.conflict && i.conflicts.is_empty()));
    }

    #[test]
    fn a_publication_dated_report_of_another_party_is_a_conflict() {
        let events = vec![
            ev("captured", "SG", "a", Some((452, 452)), 452),
            ev("captured", "IS", "b", None, 500),
        ];
        let t = timeline(&events);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].conflicts, vec![1]);
    }

    #[test]
    fn a_one_article_blip_is_flagged() {
        let events = vec![
            ev("captured", "SG", "a", Some((452, 452)), 452),
            ev("captured", "IS", "b", Some((460, 460)), 460),
            ev("captured", "SG", "c", Some((461, 461)), 461),
        ];
        let t = timeline(&events);
        assert_eq!(t.len(), 3);
        assert!(t[1].conflict && !t[0].conflict && !t[2].conflict);
    }

    #[test]
    fn without_stated_dates_publication_dates_make_the_timeline() {
        let events = vec![
            ev("captured", "IS", "a", None, 100),
            ev("captured", "SG", "b", None, 200),
        ];
        let t = timeline(&events);
        assert_eq!(t.len(), 2);
        assert!(t.iter().all(|i| i.start_from_publication));
        assert_eq!(t[0].end, Some(200));
    }
}
