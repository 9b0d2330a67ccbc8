//! Metadata values: loose publication dates from manifests, tables and page metadata.

use chrono::NaiveDate;

/// Parses a publication date as found in metadata: ISO dates and timestamps
/// (`2016-03-27`, `2016-03-27T10:00:00Z`), `2016/03/27`, `March 27, 2016`, `27 March 2016`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.len() >= 10 && v.is_char_boundary(10) {
        let head = &v[..10];
        for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                return Some(d);
            }
        }
    }
    let cleaned = v.replace(',', " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    for fmt in ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%b. %d %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, fmt) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn parses_metadata_dates() {
        let d = NaiveDate::from_ymd_opt(2016, 3, 27);
        for v in [
            "2016-03-27",
            "2016-03-27T10:00:00Z",
            "2016/03/27",
            "March 27, 2016",
            "27 March 2016",
            "Mar 27 2016",
        ] {
            assert_eq!(parse_date(v), d, "{v}");
        }
    }

    #[test]
    fn refuses_non_dates() {
        for v in ["", "yesterday", "2016-02-31", "31 February 2016", "n/a"] {
            assert_eq!(parse_date(v), None, "{v}");
        }
    }
}
