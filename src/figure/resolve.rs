//! Interpreting a recognised figure into bounds, per the claims model's figure table.

use super::parse::{Bounding, FigureMatch, Raw};

/// The bounds of a figure: `low`/`high` (either may be open) and whether it is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub low: Option<i64>,
    pub high: Option<i64>,
    pub approx: bool,
}

/// Resolves a figure into its bounds.
pub fn resolve(m: &FigureMatch) -> Bounds {
    match m.raw {
        Raw::Vague { low, high } => Bounds {
            low: Some(low),
            high: Some(high),
            approx: true,
        },
        Raw::Range(low, high) => Bounds {
            low: Some(low),
            high: Some(high),
            approx: m.bounding == Bounding::Approximately,
        },
        Raw::Number(n) => match m.bounding {
            Bounding::Exact => Bounds {
                low: Some(n),
                high: Some(n),
                approx: false,
            },
            Bounding::AtLeast => Bounds {
                low: Some(n),
                high: None,
                approx: false,
            },
            Bounding::AtMost => Bounds {
                low: None,
                high: Some(n),
                approx: false,
            },
            Bounding::Nearly => Bounds {
                low: None,
                high: Some(n),
                approx: true,
            },
            Bounding::Approximately => Bounds {
                low: Some(n),
                high: Some(n),
                approx: true,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn bounds(text: &str) -> Bounds {
        resolve(&parse(text)[0])
    }

    #[test]
    fn model_table() {
        let b = |low, high, approx| Bounds { low, high, approx };
        assert_eq!(bounds("38 killed"), b(Some(38), Some(38), false));
        assert_eq!(bounds("at least 38"), b(Some(38), None, false));
        assert_eq!(bounds("more than 40"), b(Some(40), None, false));
        assert_eq!(bounds("up to 200"), b(None, Some(200), false));
        assert_eq!(bounds("nearly 10,000"), b(None, Some(10_000), true));
        assert_eq!(bounds("around 180"), b(Some(180), Some(180), true));
        assert_eq!(bounds("several monuments"), b(Some(3), Some(9), true));
        assert_eq!(
            bounds("hundreds of militants"),
            b(Some(200), Some(999), true)
        );
        assert_eq!(
            bounds("tens of thousands of people"),
            b(Some(20_000), Some(99_999), true)
        );
        assert_eq!(bounds("scores of people"), b(Some(40), Some(99), true));
        assert_eq!(bounds("between 30 and 40"), b(Some(30), Some(40), false));
    }
}
