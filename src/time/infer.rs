//! Inferring a publication date from the article itself, when the caller gave none:
//! a dated line near the top ("Wed 05 Apr 2017", "KABUL, Afghanistan (Jan. 25, 2013)",
//! "Posted on April 2 2017"). A weekday written beside the date must agree with it.

use super::parse::{parse, TimeExpr};
use chrono::{Datelike, NaiveDate};

/// How far into the text a dateline may stand (bytes).
const DATELINE_WINDOW: usize = 400;

/// The publication date a dateline states, if the opening of `text` has one.
pub fn infer_published(text: &str) -> Option<NaiveDate> {
    let mut end = text.len().min(DATELINE_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    parse(head).into_iter().find_map(|m| {
        let TimeExpr::Day {
            day,
            month,
            year: Some(year),
        } = m.expr
        else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        weekday_agrees(&head[..m.start], date).then_some(date)
    })
}

/// A weekday name right before the date ("Wed 05 Apr 2017") must be the date's weekday.
fn weekday_agrees(before: &str, date: NaiveDate) -> bool {
    let word: String = before
        .trim_end()
        .trim_end_matches(',')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let weekday = (word.len() <= 9)
        .then(|| crate::lang::en().weekday_of(word.get(..3).unwrap_or(&word)))
        .flatten();
    match weekday {
        Some(i) => i == date.weekday().num_days_from_monday(),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn datelines() {
        assert_eq!(
            infer_published("Wed 05 Apr 2017 Syria attack symptoms"),
            d(2017, 4, 5)
        );
        assert_eq!(
            infer_published("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring"),
            d(2013, 1, 25)
        );
        assert_eq!(
            infer_published("Posted on April 2 2017 Aleppo"),
            d(2017, 4, 2)
        );
    }

    #[test]
    fn no_or_inconsistent_dateline() {
        assert_eq!(infer_published("IS driven out of Palmyra on Sunday."), None);
        assert_eq!(
            infer_published("Tue 05 Apr 2017 text"),
            None,
            "5 April 2017 was a Wednesday"
        );
        assert_eq!(
            infer_published("The militants retook Palmyra on 11 December."),
            None
        );
    }
}
