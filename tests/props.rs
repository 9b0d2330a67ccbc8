//! Property tests: the parsers never panic, every span is valid, bounds are ordered.

use chrono::NaiveDate;
use proptest::prelude::*;
use warclaims::{extract, figure, lexicon::Lexicon, sentences, time, Article};

/// Text built from news fragments and arbitrary characters, to reach the deep paths.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("at least ".to_owned()),
        Just("between ".to_owned()),
        Just(" and ".to_owned()),
        Just("-".to_owned()),
        Just("dozens of ".to_owned()),
        Just("thirty-eight ".to_owned()),
        Just("a hundred ".to_owned()),
        Just("$2m (£1.6m) ".to_owned()),
        Just("militants were killed ".to_owned()),
        Just("on Friday ".to_owned()),
        Just("eight months after ".to_owned()),
        Just("11 December ".to_owned()),
        Just("since June 2014".to_owned()),
        Just("Palmyra ".to_owned()),
        Just("IS recaptured ".to_owned()),
        Just(", a monitor said. ".to_owned()),
        Just("\n".to_owned()),
        (0u64..10_000_000).prop_map(|n| format!("{n} ")),
        (0u64..1000).prop_map(|n| format!("{n},{:03} ", n % 1000)),
        any::<char>().prop_map(|c| c.to_string()),
        "[é—“”🙂\u{200b}\u{202e}\u{a0}0-9.,;:]{1,4}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>()]
}

fn valid_span(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn figures_have_valid_spans_and_ordered_bounds(text in any_text()) {
        for m in figure::parse(&text) {
            prop_assert!(valid_span(&text, m.start, m.end) && m.start < m.end, "{m:?}");
            let b = figure::resolve(&m);
            if let (Some(low), Some(high)) = (b.low, b.high) {
                prop_assert!(low <= high, "{m:?} -> {b:?}");
            }
            prop_assert!(b.low.is_some() || b.high.is_some());
        }
    }

    #[test]
    fn times_have_valid_spans_and_ordered_ranges(text in any_text(), days in 0i64..40_000) {
        let p = NaiveDate::from_ymd_opt(1950, 1, 1).and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
        for m in time::parse(&text) {
            prop_assert!(valid_span(&text, m.start, m.end) && m.start < m.end, "{m:?}");
            if let Ok(r) = time::resolve(&m.expr, p) {
                prop_assert!(r.start <= r.end, "{m:?} -> {r:?}");
            }
        }
    }

    #[test]
    fn sentences_cover_valid_spans_in_order(text in any_text()) {
        let mut last = 0;
        for s in sentences::split(&text) {
            prop_assert!(valid_span(&text, s.start, s.end) && s.start >= last && s.start < s.end);
            last = s.end;
        }
    }

    #[test]
    fn extraction_never_panics_and_spans_lie_in_sentences(text in any_text()) {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        let mut article = Article::new("p", text.clone());
        article.published = NaiveDate::from_ymd_opt(2016, 3, 27);
        let r = extract::extract_article(&article, &lex);
        for c in &r.claims {
            prop_assert!(valid_span(&text, c.start, c.end) && c.start < c.end);
            prop_assert!(c.common.sentence_start <= c.start && c.end <= c.common.sentence_end);
        }
        for c in &r.control {
            prop_assert!(valid_span(&text, c.start, c.end) && c.start < c.end);
            prop_assert!(c.common.sentence_start <= c.start && c.end <= c.common.sentence_end);
        }
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let d = warclaims::read::decode::decode(&bytes);
        prop_assert!(!d.text.contains('\r'));
    }
}
