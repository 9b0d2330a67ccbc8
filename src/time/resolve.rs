//! Placing a time expression on the calendar against the publication date P.

use super::parse::{TimeExpr, Unit, YearRef};
use chrono::{Datelike, Duration, NaiveDate};

/// How fine a resolved date range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Year,
}

impl Precision {
    /// The name used in output frames.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
        }
    }
}

/// A resolved date range, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

/// Resolves `expr` against the publication date; `Err` gives the reason when it cannot.
pub fn resolve(expr: &TimeExpr, published: Option<NaiveDate>) -> Result<DateRange, String> {
    use Precision::*;
    let p = || published.ok_or_else(|| "publication date unknown".to_owned());
    let range = |start, end, precision| {
        Ok(DateRange {
            start,
            end,
            precision,
        })
    };
    match *expr {
        TimeExpr::Today => {
            let p = p()?;
            range(p, p, Day)
        }
        TimeExpr::Yesterday => {
            let d = p()? - Duration::days(1);
            range(d, d, Day)
        }
        TimeExpr::LastDayAndNight => {
            let p = p()?;
            range(p - Duration::days(1), p, Day)
        }
        TimeExpr::PastDays(n) => {
            let p = p()?;
            range(p - Duration::days(i64::from(n)), p, Day)
        }
        TimeExpr::RecentDays | TimeExpr::ThisWeek => {
            let p = p()?;
            range(p - Duration::days(6), p, Week)
        }
        TimeExpr::LastWeek => {
            let p = p()?;
            range(p - Duration::days(13), p - Duration::days(7), Week)
        }
        TimeExpr::Weekday(w) => {
            let d = latest_weekday(p()?, w);
            range(d, d, Day)
        }
        TimeExpr::WeekdayRange(a, b) => {
            let end = latest_weekday(p()?, b);
            let back = (i64::from(b) - i64::from(a)).rem_euclid(7);
            range(end - Duration::days(back), end, Day)
        }
        TimeExpr::ThisMonth => {
            let p = p()?;
            month_range(p.year(), p.month(), 0)
        }
        TimeExpr::LastMonth => {
            let p = p()?;
            let (y, m) = if p.month() == 1 {
                (p.year() - 1, 12)
            } else {
                (p.year(), p.month() - 1)
            };
            month_range(y, m, 0)
        }
        TimeExpr::ThisYear => year_range(p()?.year()),
        TimeExpr::LastYear => year_range(p()?.year() - 1),
        TimeExpr::Year(y) => year_range(y),
        TimeExpr::Month { month, year, part } => {
            let y = year_of(year, month, 1, published)?;
            month_range(y, month, part)
        }
        TimeExpr::Day { day, month, year } => {
            let y = match year {
                Some(y) => y,
                None => year_of(YearRef::Latest, month, day, published)?,
            };
            let d = ymd(y, month, day)?;
            range(d, d, Day)
        }
        TimeExpr::Season { season, year } => {
            let p = p()?;
            let y = match year {
                YearRef::Stated(y) => y,
                YearRef::LastYear => p.year() - 1,
                _ => p.year(),
            };
            let (sm, em, ey) = match season {
                0 => (3, 5, y),
                1 => (6, 8, y),
                2 => (9, 11, y),
                _ => (12, 2, y + 1),
            };
            range(ymd(y, sm, 1)?, month_end(ey, em)?, Season)
        }
        TimeExpr::SameDay => Err("refers to a day named earlier in the article".to_owned()),
        TimeExpr::For(..) => Err("a duration is placed only against an anchor".to_owned()),
        TimeExpr::Shift { anchor: None, .. } => {
            Err("shifted from an event, not from a date".to_owned())
        }
        TimeExpr::Shift {
            n,
            unit,
            after,
            anchor: Some((day, month, year)),
        } => {
            let base = resolve(&TimeExpr::Day { day, month, year }, published)?;
            let sign = if after { 1 } else { -1 };
            shift(base.start, i64::from(n) * sign, unit)
        }
        TimeExpr::Ago(n, unit) => {
            let p = p()?;
            let n = i64::from(n);
            match unit {
                Unit::Day => {
                    let d = p - Duration::days(n);
                    range(d, d, Day)
                }
                Unit::Week => {
                    let d = p - Duration::days(7 * n);
                    range(d, d, Day)
                }
                Unit::Month => {
                    let (y, m) = add_months(p.year(), p.month(), -n)?;
                    month_range(y, m, 0)
                }
                Unit::Year => year_range(p.year() - i32::try_from(n).map_err(|e| e.to_string())?),
            }
        }
        TimeExpr::Since { month, year } => {
            let start = ymd(year, month.unwrap_or(1), 1)?;
            let p = p()?;
            if start > p {
                return Err(format!("since {start}, after the publication date {p}"));
            }
            range(start, p, if month.is_some() { Month } else { Year })
        }
    }
}

/// The year of a month (and day) given how the text placed it.
fn year_of(
    year: YearRef,
    month: u32,
    day: u32,
    published: Option<NaiveDate>,
) -> Result<i32, String> {
    if let YearRef::Stated(y) = year {
        return Ok(y);
    }
    let p = published.ok_or_else(|| "publication date unknown".to_owned())?;
    Ok(match year {
        YearRef::ThisYear => p.year(),
        YearRef::LastYear => p.year() - 1,
        YearRef::Previous if month < p.month() => p.year(),
        YearRef::Previous => p.year() - 1,
        _ => {
            let this = NaiveDate::from_ymd_opt(p.year(), month, day.min(28));
            if this.is_some_and(|d| d <= p) {
                p.year()
            } else {
                p.year() - 1
            }
        }
    })
}

/// `date` moved by `n` units; months and years give the whole month or year.
fn shift(date: NaiveDate, n: i64, unit: Unit) -> Result<DateRange, String> {
    match unit {
        Unit::Day | Unit::Week => {
            let days = if unit == Unit::Week { 7 * n } else { n };
            let d = date + Duration::days(days);
            Ok(DateRange {
                start: d,
                end: d,
                precision: Precision::Day,
            })
        }
        Unit::Month | Unit::Year => {
            let months = if unit == Unit::Year { 12 * n } else { n };
            let (y, m) = add_months(date.year(), date.month(), months)?;
            if unit == Unit::Year {
                year_range(y)
            } else {
                month_range(y, m, 0)
            }
        }
    }
}

fn add_months(y: i32, m: u32, n: i64) -> Result<(i32, u32), String> {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let y = i32::try_from(total.div_euclid(12)).map_err(|e| e.to_string())?;
    let m = u32::try_from(total.rem_euclid(12) + 1).map_err(|e| e.to_string())?;
    Ok((y, m))
}

/// A span stated as a duration before an anchor ("held for 10 months before it was
/// recaptured in March"): from the anchor's start back by the duration, to its end.
pub fn resolve_span(n: u32, unit: Unit, anchor: DateRange) -> Result<DateRange, String> {
    let back = shift(anchor.start, -i64::from(n), unit)?;
    Ok(DateRange {
        start: back.start,
        end: anchor.end,
        precision: anchor.precision,
    })
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("no such date: {y}-{m}-{d}"))
}

fn month_end(y: i32, m: u32) -> Result<NaiveDate, String> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Ok(ymd(ny, nm, 1)? - Duration::days(1))
}

fn month_range(y: i32, m: u32, part: u8) -> Result<DateRange, String> {
    let end_of_month = month_end(y, m)?;
    let (start, end) = match part {
        1 => (ymd(y, m, 1)?, ymd(y, m, 10)?),
        2 => (ymd(y, m, 11)?, ymd(y, m, 20)?),
        3 => (ymd(y, m, 21)?, end_of_month),
        _ => (ymd(y, m, 1)?, end_of_month),
    };
    Ok(DateRange {
        start,
        end,
        precision: Precision::Month,
    })
}

fn year_range(y: i32) -> Result<DateRange, String> {
    Ok(DateRange {
        start: ymd(y, 1, 1)?,
        end: ymd(y, 12, 31)?,
        precision: Precision::Year,
    })
}

/// The latest date on or before `p` that falls on weekday `w` (0 = Monday).
fn latest_weekday(p: NaiveDate, w: u32) -> NaiveDate {
    let back = (i64::from(p.weekday().num_days_from_monday()) - i64::from(w)).rem_euclid(7);
    p - Duration::days(back)
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn res(text: &str, p: &str) -> (String, String) {
        let m = &parse(text)[0];
        let r = resolve(&m.expr, Some(d(p))).expect("resolves");
        (r.start.to_string(), r.end.to_string())
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn seeds_dates() {
        // P = Saturday 2016-12-17
        assert_eq!(
            res("this week", "2016-12-17"),
            pair("2016-12-11", "2016-12-17")
        );
        assert_eq!(
            res("on Thursday", "2016-12-17"),
            pair("2016-12-15", "2016-12-15")
        );
        assert_eq!(
            res("on 11 December", "2016-12-17"),
            pair("2016-12-11", "2016-12-11")
        );
        assert_eq!(
            res("on Friday", "2016-12-09"),
            pair("2016-12-09", "2016-12-09")
        );
        assert_eq!(
            res("in the last day", "2016-03-27"),
            pair("2016-03-26", "2016-03-27")
        );
        assert_eq!(
            res("from Friday to Saturday", "2016-03-27"),
            pair("2016-03-25", "2016-03-26")
        );
        assert_eq!(
            res("last year", "2016-03-27"),
            pair("2015-01-01", "2015-12-31")
        );
        assert_eq!(
            res("since June 2014", "2016-03-27"),
            pair("2014-06-01", "2016-03-27")
        );
        assert_eq!(
            res("nine months ago", "2016-12-10"),
            pair("2016-03-01", "2016-03-31")
        );
        assert_eq!(
            res("last spring", "2016-03-27"),
            pair("2015-03-01", "2015-05-31")
        );
        assert_eq!(
            res("in March", "2016-12-10"),
            pair("2016-03-01", "2016-03-31")
        );
        assert_eq!(
            res("last week", "2016-12-17"),
            pair("2016-12-04", "2016-12-10")
        );
        assert_eq!(
            res("in December", "2016-03-27"),
            pair("2015-12-01", "2015-12-31")
        );
        assert_eq!(
            res("late May 2015", "2016-03-27"),
            pair("2015-05-21", "2015-05-31")
        );
    }

    #[test]
    fn unknown_publication_date_gives_a_reason() {
        let m = &parse("on Friday")[0];
        assert_eq!(
            resolve(&m.expr, None),
            Err("publication date unknown".to_owned())
        );
        let m = &parse("on 31 February 2016")[0];
        assert!(resolve(&m.expr, None).is_err());
    }
}
