//! Recognising time expressions: weekdays, relative days and weeks, months, dates, seasons,
//! `N units ago`, `since June 2014`, stated ranges. Resolution is [`super::resolve`]'s job.

use regex::{Captures, Regex};
use std::sync::OnceLock;

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What a time expression says, before it is placed on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeExpr {
    /// `today`, `now`.
    Today,
    /// `yesterday`.
    Yesterday,
    /// `overnight`, `during the night`, `in the last day`, `in the past 24 hours`.
    LastDayAndNight,
    /// `in the past two days`: P-n .. P.
    PastDays(u32),
    /// `in recent days`: P-6 .. P.
    RecentDays,
    /// `on Friday`: the latest such day on or before P (0 = Monday).
    Weekday(u32),
    /// `from Friday to Saturday`.
    WeekdayRange(u32, u32),
    /// `this week`, `earlier this week`.
    ThisWeek,
    /// `last week`.
    LastWeek,
    /// `this month`.
    ThisMonth,
    /// `last month`.
    LastMonth,
    /// `this year`.
    ThisYear,
    /// `last year`.
    LastYear,
    /// `in March`, `in May 2015`, `early May` (part: 0 whole, 1 early, 2 mid, 3 late).
    Month {
        month: u32,
        year: Option<i32>,
        part: u8,
    },
    /// `11 December`, `December 11, 2016`, `2016-03-26`.
    Day {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    /// `last spring`, `in the summer of 2015` (season: 0 spring .. 3 winter).
    Season {
        season: u8,
        year: Option<i32>,
        last: bool,
    },
    /// `in 2015`.
    Year(i32),
    /// `nine months ago`.
    Ago(u32, Unit),
    /// `since June 2014`, `since 2014`.
    Since { month: Option<u32>, year: i32 },
}

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMatch {
    pub start: usize,
    pub end: usize,
    pub expr: TimeExpr,
}

const MONTH_RE: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAY_RE: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM_RE: &str =
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)";

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?x)
            (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)
          | (?P<wdrange>\bfrom\s+(?P<wd1>{WEEKDAY_RE})\s+to\s+(?P<wd2>{WEEKDAY_RE})\b)
          | (?P<dm>\b(?:on\s+)?(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmm>{MONTH_RE})(?:,?\s+(?P<dmy>\d{{4}}))?)
          | (?P<md>\b(?:on\s+)?(?P<mdm>{MONTH_RE})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy>\d{{4}}))?)
          | (?P<since>\bsince\s+(?:(?P<sm>{MONTH_RE})\s+)?(?P<sy>\d{{4}})\b)
          | (?P<ago>\b(?P<agon>{NUM_RE})\s+(?P<agou>days?|weeks?|months?|years?)\s+ago\b)
          | (?P<season>\b(?:(?P<slast>last)\s+|in\s+the\s+)?(?P<sname>spring|summer|autumn|fall|winter)(?:\s+of\s+(?P<syear>\d{{4}}))?\b)
          | (?P<month>\b(?P<mpart>early|mid|late|in|during|since|by|until|from)[\s-]+(?P<mname>{MONTH_RE})(?:\s+(?P<myear>\d{{4}}))?\b)
          | (?P<year>\bin\s+(?P<yy>(?:19|20)\d{{2}})\b)
          | (?P<weekday>\b(?:(?:on|last|by|since|early|late)\s+)?(?P<wd>{WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?\b)
          | (?P<lastday>\b(?:overnight|during\s+the\s+night|in\s+the\s+(?:last|past)\s+(?:day|24\s+hours))\b)
          | (?P<pastdays>\bin\s+the\s+(?:last|past)\s+(?P<pdn>two|three|four|five|six|seven|\d)\s+days\b)
          | (?P<recent>\bin\s+recent\s+days\b)
          | (?P<rel>\b(?:(?:earlier|later)\s+)?(?P<rwhich>this|last)\s+(?P<runit>week|month|year)\b)
          | (?P<today>\b(?:today|yesterday)\b)
            "
        );
        Regex::new(&format!("(?i){pattern}")).expect("static time regex") // checked by tests
    })
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let key = n.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == key)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday_number(name: &str) -> Option<u32> {
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let key = name.get(..3)?.to_ascii_lowercase();
    days.iter()
        .position(|d| *d == key)
        .and_then(|i| u32::try_from(i).ok())
}

fn small_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    let words = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if w == "an" {
        return Some(1);
    }
    words
        .iter()
        .position(|x| *x == w)
        .map(|i| u32::try_from(i.max(1)).unwrap_or(1))
}

fn int<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn expr_of(c: &Captures<'_>) -> Option<TimeExpr> {
    let has = |n: &str| c.name(n).is_some();
    let text = |n: &str| {
        c.name(n)
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default()
    };
    if has("iso") {
        return Some(TimeExpr::Day {
            day: int(c, "id")?,
            month: int(c, "im")?,
            year: int(c, "iy"),
        });
    }
    if has("wdrange") {
        return Some(TimeExpr::WeekdayRange(
            weekday_number(&text("wd1"))?,
            weekday_number(&text("wd2"))?,
        ));
    }
    if has("dm") {
        return Some(TimeExpr::Day {
            day: int(c, "dmd")?,
            month: month_number(&text("dmm"))?,
            year: int(c, "dmy"),
        });
    }
    if has("md") {
        return Some(TimeExpr::Day {
            day: int(c, "mdd")?,
            month: month_number(&text("mdm"))?,
            year: int(c, "mdy"),
        });
    }
    if has("since") {
        let month = c.name("sm").and_then(|m| month_number(m.as_str()));
        return Some(TimeExpr::Since {
            month,
            year: int(c, "sy")?,
        });
    }
    if has("ago") {
        let n = small_number(&text("agon"))?;
        let unit = match text("agou").trim_end_matches('s') {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            _ => Unit::Year,
        };
        return Some(TimeExpr::Ago(n, unit));
    }
    if has("season") {
        let season = match text("sname").as_str() {
            "spring" => 0,
            "summer" => 1,
            "autumn" | "fall" => 2,
            _ => 3,
        };
        let year = int(c, "syear");
        let last = has("slast");
        if !last && year.is_none() {
            return None; // a bare season name is too vague to resolve
        }
        return Some(TimeExpr::Season { season, year, last });
    }
    if has("month") {
        let part = match text("mpart").as_str() {
            "early" => 1,
            "mid" => 2,
            "late" => 3,
            "since" => {
                return Some(TimeExpr::Since {
                    month: month_number(&text("mname")),
                    year: int(c, "myear")?,
                })
            }
            _ => 0,
        };
        let month = month_number(&text("mname"))?;
        // `May` alone is too often not a month: require a year or a preposition (given).
        return Some(TimeExpr::Month {
            month,
            year: int(c, "myear"),
            part,
        });
    }
    if has("year") {
        return Some(TimeExpr::Year(int(c, "yy")?));
    }
    if has("weekday") {
        return Some(TimeExpr::Weekday(weekday_number(&text("wd"))?));
    }
    if has("lastday") {
        return Some(TimeExpr::LastDayAndNight);
    }
    if has("pastdays") {
        return Some(TimeExpr::PastDays(small_number(&text("pdn"))?));
    }
    if has("recent") {
        return Some(TimeExpr::RecentDays);
    }
    if has("rel") {
        let this = text("rwhich") == "this";
        return Some(match (text("runit").as_str(), this) {
            ("week", true) => TimeExpr::ThisWeek,
            ("week", false) => TimeExpr::LastWeek,
            ("month", true) => TimeExpr::ThisMonth,
            ("month", false) => TimeExpr::LastMonth,
            (_, true) => TimeExpr::ThisYear,
            (_, false) => TimeExpr::LastYear,
        });
    }
    if has("today") {
        return Some(if text("today") == "today" {
            TimeExpr::Today
        } else {
            TimeExpr::Yesterday
        });
    }
    None
}

/// Finds every time expression in `text`.
pub fn parse(text: &str) -> Vec<TimeMatch> {
    regex()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let expr = expr_of(&c)?;
            Some(TimeMatch {
                start: m.start(),
                end: m.end(),
                expr,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, TimeExpr) {
        let all = parse(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (text[all[0].start..all[0].end].to_owned(), all[0].expr)
    }

    #[test]
    fn recognises_expressions() {
        assert_eq!(one("killed on Friday.").1, TimeExpr::Weekday(4));
        assert_eq!(one("on Sunday morning").0, "on Sunday morning");
        assert_eq!(
            one("on 11 December").1,
            TimeExpr::Day {
                day: 11,
                month: 12,
                year: None
            }
        );
        assert_eq!(
            one("Dec. 11, 2016").1,
            TimeExpr::Day {
                day: 11,
                month: 12,
                year: Some(2016)
            }
        );
        assert_eq!(
            one("in May 2015").1,
            TimeExpr::Month {
                month: 5,
                year: Some(2015),
                part: 0
            }
        );
        assert_eq!(
            one("since June 2014").1,
            TimeExpr::Since {
                month: Some(6),
                year: 2014
            }
        );
        assert_eq!(one("nine months ago").1, TimeExpr::Ago(9, Unit::Month));
        assert_eq!(one("earlier this week").1, TimeExpr::ThisWeek);
        assert_eq!(
            one("last spring").1,
            TimeExpr::Season {
                season: 0,
                year: None,
                last: true
            }
        );
        assert_eq!(
            one("from Friday to Saturday").1,
            TimeExpr::WeekdayRange(4, 5)
        );
        assert_eq!(one("in the last day").1, TimeExpr::LastDayAndNight);
        assert_eq!(
            one("2016-03-26").1,
            TimeExpr::Day {
                day: 26,
                month: 3,
                year: Some(2016)
            }
        );
    }

    #[test]
    fn refuses_look_alikes() {
        for text in [
            "he may go",
            "the spring offensive",
            "March of the army",
            "a 2015 report",
        ] {
            let found: Vec<_> = parse(text).into_iter().map(|m| m.expr).collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
