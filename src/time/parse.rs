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

/// Which year a month, day or season without a stated year falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written out: `May 2015`.
    Stated(i32),
    /// The latest such date on or before P: `in March`, `11 December`.
    Latest,
    /// P's year: `this summer`.
    ThisYear,
    /// The year before P's: `May last year`, `last spring`.
    LastYear,
    /// The latest such month strictly before P's month: `last September`.
    Previous,
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
    Month { month: u32, year: YearRef, part: u8 },
    /// `11 December`, `December 11, 2016`, `2016-03-26`.
    Day {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    /// `last spring`, `in the summer of 2015` (season: 0 spring .. 3 winter).
    Season { season: u8, year: YearRef },
    /// `in 2015`.
    Year(i32),
    /// `nine months ago`.
    Ago(u32, Unit),
    /// `since June 2014`, `since 2014`.
    Since { month: Option<u32>, year: i32 },
    /// `later in the day`, `the same day`: the day named before it in the article.
    SameDay,
    /// `for 10 months`: a duration, placed only against an anchor (see `resolve_span`).
    For(u32, Unit),
    /// `eight months after 11 December`: a shift from a dated anchor. Without an anchor
    /// (`eight months after the army drove them out`) it stays unresolved.
    Shift {
        n: u32,
        unit: Unit,
        after: bool,
        anchor: Option<(u32, u32, Option<i32>)>,
    },
}

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMatch {
    pub start: usize,
    pub end: usize,
    pub expr: TimeExpr,
}

/// The time-expression grammar. Month, weekday and number words come from the language
/// file; the fixed phrases of the grammar ("yesterday", "overnight", the seasons, "ago") are
/// its structure and stay here, each tested by `tests/corpus/times.toml`.
fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Month, weekday and number words come from the language file.
        let lang = crate::lang::en();
        let month_re = lang.month_pattern();
        let weekday_re = lang.weekday_pattern();
        let cardinals = crate::lang::alternation(&lang.cardinals[1..]);
        let num_re = format!(r"(?:\d{{1,3}}|{cardinals}|a|an)");
        let pattern = format!(
            r"(?x)
            (?P<iso>(?-u:\b)(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b))
          | (?P<wdrange>(?-u:\b)from\s+(?P<wd1>{weekday_re})\s+to\s+(?P<wd2>{weekday_re})(?-u:\b))
          | (?P<shift>(?-u:\b)(?:just\s+|only\s+|some\s+)?(?P<shn>{num_re})\s+(?P<shu>days?|weeks?|months?|years?)\s+(?P<shdir>after|before)(?-u:\b))
          | (?P<dm>(?-u:\b)(?:on\s+)?(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{month_re})(?:,?\s+(?P<dmy>\d{{4}}))?(?:(?-u:\b)|$|\s))
          | (?P<md>(?-u:\b)(?:on\s+)?(?P<mdm>{month_re})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<mdy>\d{{4}}))?)
          | (?P<since>(?-u:\b)since\s+(?:(?P<sm>{month_re})\s+)?(?P<sy>\d{{4}})(?-u:\b))
          | (?P<ago>(?-u:\b)(?P<agon>{num_re})\s+(?P<agou>days?|weeks?|months?|years?)\s+ago(?-u:\b))
          | (?P<for>(?-u:\b)for\s+(?:(?:the\s+)?(?:past|last)\s+)?(?P<forn>{num_re})\s+(?P<foru>days?|weeks?|months?|years?)(?-u:\b))
          | (?P<season>(?-u:\b)(?:(?P<srel>last|this)\s+|in\s+the\s+)?(?P<sname>spring|summer|autumn|fall|winter)(?:\s+of\s+(?P<syear>\d{{4}}))?(?-u:\b))
          | (?P<mly>(?-u:\b)(?:in\s+)?(?P<mlyname>{month_re})\s+last\s+year(?-u:\b))
          | (?P<lastm>(?-u:\b)last\s+(?P<lmname>{month_re})(?:(?-u:\b)|\s|$))
          | (?P<month>(?-u:\b)(?P<mpart>early|mid|late|in|during|since|by|until|from|of)[\s-]+(?P<mname>{month_re})(?:\s+(?P<myear>\d{{4}}))?(?:(?-u:\b)|\s|$))
          | (?P<monthyear>(?-u:\b)(?P<myname>{month_re})\s+(?P<myy>\d{{4}})(?-u:\b))
          | (?P<year>(?-u:\b)in\s+(?P<yy>(?:19|20)\d{{2}})(?-u:\b))
          | (?P<lastday>(?-u:\b)(?:overnight|during\s+the\s+night|in\s+the\s+(?:last|past)\s+day|in\s+(?:just\s+|only\s+|the\s+(?:last|past)\s+)24\s+hours)(?-u:\b))
          | (?P<pastdays>(?-u:\b)in\s+the\s+(?:last|past)\s+(?P<pdn>two|three|four|five|six|seven|\d)\s+days(?-u:\b))
          | (?P<recent>(?-u:\b)in\s+recent\s+days(?-u:\b))
          | (?P<rel>(?-u:\b)(?:(?:earlier|later)\s+)?(?P<rwhich>this|last)\s+(?P<runit>week|month|year)(?-u:\b))
          | (?P<weekday>(?-u:\b)(?:(?:on|last|by|since|early|late)\s+)?(?P<wd>{weekday_re})(?:\s+(?:morning|afternoon|evening|night))?(?-u:\b))
          | (?P<sameday>(?-u:\b)(?:(?:later|earlier)\s+(?:in\s+)?(?:the|that)\s+day|the\s+same\s+day)(?-u:\b))
          | (?P<today>(?-u:\b)(?:today|yesterday|now)(?-u:\b))
            "
        );
        Regex::new(&format!("(?i){pattern}")).expect("static time regex") // checked by tests
    })
}

fn month_number(name: &str) -> Option<u32> {
    crate::lang::en().month_of(name)
}

fn weekday_number(name: &str) -> Option<u32> {
    crate::lang::en().weekday_of(name)
}

/// A small count written out or in digits ("two", "a", "3").
fn small_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    if w == "a" || w == "an" {
        return Some(1);
    }
    crate::lang::en()
        .cardinal(&w)
        .and_then(|n| u32::try_from(n).ok())
}

fn int<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn unit_of(word: &str) -> Unit {
    match word.to_ascii_lowercase().trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    }
}

fn season_of(name: &str) -> u8 {
    match name.to_ascii_lowercase().as_str() {
        "spring" => 0,
        "summer" => 1,
        "autumn" | "fall" => 2,
        _ => 3,
    }
}

fn expr_of(c: &Captures<'_>) -> Option<TimeExpr> {
    let has = |n: &str| c.name(n).is_some();
    let text = |n: &str| {
        c.name(n)
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default()
    };
    let month = |n: &str| c.name(n).and_then(|m| month_number(m.as_str()));
    let stated_or = |n: &str, default: YearRef| int(c, n).map_or(default, YearRef::Stated);
    Some(if has("iso") {
        TimeExpr::Day {
            day: int(c, "id")?,
            month: int(c, "im")?,
            year: int(c, "iy"),
        }
    } else if has("wdrange") {
        TimeExpr::WeekdayRange(weekday_number(&text("wd1"))?, weekday_number(&text("wd2"))?)
    } else if has("shift") {
        TimeExpr::Shift {
            n: small_number(&text("shn"))?,
            unit: unit_of(&text("shu")),
            after: text("shdir") == "after",
            anchor: None,
        }
    } else if has("dm") {
        TimeExpr::Day {
            day: int(c, "dmd")?,
            month: month("dmm")?,
            year: int(c, "dmy"),
        }
    } else if has("md") {
        TimeExpr::Day {
            day: int(c, "mdd")?,
            month: month("mdm")?,
            year: int(c, "mdy"),
        }
    } else if has("since") {
        TimeExpr::Since {
            month: month("sm"),
            year: int(c, "sy")?,
        }
    } else if has("ago") {
        TimeExpr::Ago(small_number(&text("agon"))?, unit_of(&text("agou")))
    } else if has("for") {
        TimeExpr::For(small_number(&text("forn"))?, unit_of(&text("foru")))
    } else if has("season") {
        let year = match (int(c, "syear"), text("srel").as_str()) {
            (Some(y), _) => YearRef::Stated(y),
            (None, "last") => YearRef::LastYear,
            (None, "this") => YearRef::ThisYear,
            _ => return None, // a bare season name is too vague to resolve
        };
        TimeExpr::Season {
            season: season_of(&text("sname")),
            year,
        }
    } else if has("mly") {
        TimeExpr::Month {
            month: month("mlyname")?,
            year: YearRef::LastYear,
            part: 0,
        }
    } else if has("lastm") {
        TimeExpr::Month {
            month: month("lmname")?,
            year: YearRef::Previous,
            part: 0,
        }
    } else if has("month") {
        let part = match text("mpart").as_str() {
            "early" => 1,
            "mid" => 2,
            "late" => 3,
            "since" => {
                return Some(TimeExpr::Since {
                    month: month("mname"),
                    year: int(c, "myear")?,
                })
            }
            _ => 0,
        };
        TimeExpr::Month {
            month: month("mname")?,
            year: stated_or("myear", YearRef::Latest),
            part,
        }
    } else if has("monthyear") {
        TimeExpr::Month {
            month: month("myname")?,
            year: YearRef::Stated(int(c, "myy")?),
            part: 0,
        }
    } else if has("year") {
        TimeExpr::Year(int(c, "yy")?)
    } else if has("lastday") {
        TimeExpr::LastDayAndNight
    } else if has("pastdays") {
        TimeExpr::PastDays(small_number(&text("pdn"))?)
    } else if has("recent") {
        TimeExpr::RecentDays
    } else if has("rel") {
        let this = text("rwhich") == "this";
        match (text("runit").as_str(), this) {
            ("week", true) => TimeExpr::ThisWeek,
            ("week", false) => TimeExpr::LastWeek,
            ("month", true) => TimeExpr::ThisMonth,
            ("month", false) => TimeExpr::LastMonth,
            (_, true) => TimeExpr::ThisYear,
            (_, false) => TimeExpr::LastYear,
        }
    } else if has("weekday") {
        TimeExpr::Weekday(weekday_number(&text("wd"))?)
    } else if has("sameday") {
        TimeExpr::SameDay
    } else if has("today") {
        if text("today") == "yesterday" {
            TimeExpr::Yesterday
        } else {
            TimeExpr::Today
        }
    } else {
        return None;
    })
}

/// Finds every time expression in `text`. A shift (`eight months after`) directly
/// followed by a date takes that date as its anchor and the two become one match.
pub fn parse(text: &str) -> Vec<TimeMatch> {
    let mut out: Vec<TimeMatch> = Vec::new();
    for c in regex().captures_iter(text) {
        let (Some(m), Some(expr)) = (c.get(0), expr_of(&c)) else {
            continue;
        };
        let (start, end) = trim_span(text, m.start(), m.end());
        if let (Some(prev), TimeExpr::Day { day, month, year }) = (out.last_mut(), expr) {
            if let TimeExpr::Shift {
                anchor: anchor @ None,
                ..
            } = &mut prev.expr
            {
                if text[prev.end..start].trim().is_empty() {
                    *anchor = Some((day, month, year));
                    prev.end = end;
                    continue;
                }
            }
        }
        out.push(TimeMatch { start, end, expr });
    }
    out
}

/// Drops white space a pattern took at the end of its span.
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let trimmed = text[start..end].trim_end();
    (start, start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        parse(text).iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn shift_takes_a_following_date_as_anchor() {
        let text = "eight months after 11 December";
        let all = parse(text);
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(matches!(
            all[0].expr,
            TimeExpr::Shift {
                n: 8,
                unit: Unit::Month,
                after: true,
                anchor: Some((11, 12, None))
            }
        ));
    }

    #[test]
    fn spans_are_trimmed_and_several_found() {
        assert_eq!(
            spans("IS overran it in May 2015 and lost it on Sunday morning."),
            ["in May 2015", "on Sunday morning"]
        );
    }
}
