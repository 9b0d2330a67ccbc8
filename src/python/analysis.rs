//! Bindings of [`crate::analysis`]: columns in as Python lists (dates as days since
//! 1970-01-01), plain results out; the Python layer turns them into frames.

use super::errors::InputError;
use crate::analysis::groups::{self, GroupInput};
use crate::analysis::timeline::{self, ControlInput, Interval};
use pyo3::prelude::*;

fn same_length(name: &str, n: usize, lens: &[usize]) -> PyResult<()> {
    if lens.iter().any(|&l| l != n) {
        return Err(InputError::new_err(format!(
            "{name}: all columns must have the same length ({n}), got {lens:?}"
        )));
    }
    Ok(())
}

/// Groups claims; returns each claim's group (0-based) and, per group, whether it is contested.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn group_claims(
    py: Python<'_>,
    kind: Vec<String>,
    actor: Vec<Option<String>>,
    unit: Vec<Option<String>>,
    place: Vec<Option<String>>,
    start: Vec<i32>,
    end: Vec<i32>,
    low: Vec<Option<i64>>,
    high: Vec<Option<i64>>,
    source: Vec<Option<String>>,
    outlet: Vec<Option<String>>,
    article: Vec<String>,
) -> PyResult<(Vec<u32>, Vec<bool>)> {
    let n = kind.len();
    same_length(
        "group_claims",
        n,
        &[
            actor.len(),
            unit.len(),
            place.len(),
            start.len(),
            end.len(),
            low.len(),
            high.len(),
            source.len(),
            outlet.len(),
            article.len(),
        ],
    )?;
    let mut rows = Vec::with_capacity(n);
    let mut columns = (
        actor.into_iter(),
        unit.into_iter(),
        place.into_iter(),
        source.into_iter(),
        outlet.into_iter(),
    );
    for (i, (kind, article)) in kind.into_iter().zip(article).enumerate() {
        rows.push(GroupInput {
            kind,
            actor: columns.0.next().flatten(),
            unit: columns.1.next().flatten(),
            place: columns.2.next().flatten(),
            start: start[i],
            end: end[i],
            low: low[i],
            high: high[i],
            source: columns.3.next().flatten(),
            outlet: columns.4.next().flatten(),
            article,
        });
    }
    let g = py.detach(|| groups::group(&rows));
    Ok((g.group_of, g.contested))
}

/// One timeline interval as a tuple: place, actor, start, end, start_from_publication,
/// supporting event indices, conflicting event indices, conflict flag.
type IntervalTuple = (
    String,
    String,
    i32,
    Option<i32>,
    bool,
    Vec<usize>,
    Vec<usize>,
    bool,
);

/// Builds control timelines from control events.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn control_timeline(
    py: Python<'_>,
    place: Vec<String>,
    action: Vec<String>,
    actor: Vec<String>,
    article: Vec<String>,
    start: Vec<Option<i32>>,
    end: Vec<Option<i32>>,
    published: Vec<Option<i32>>,
) -> PyResult<Vec<IntervalTuple>> {
    let n = place.len();
    same_length(
        "control_timeline",
        n,
        &[
            action.len(),
            actor.len(),
            article.len(),
            start.len(),
            end.len(),
            published.len(),
        ],
    )?;
    let events: Vec<ControlInput> = place
        .into_iter()
        .zip(action)
        .zip(actor)
        .zip(article)
        .enumerate()
        .map(|(i, (((place, action), actor), article))| ControlInput {
            place,
            action,
            actor,
            article,
            start: start[i],
            end: end[i],
            published: published[i],
        })
        .collect();
    let intervals = py.detach(|| timeline::timeline(&events));
    Ok(intervals
        .into_iter()
        .map(|iv: Interval| {
            (
                iv.place,
                iv.actor,
                iv.start,
                iv.end,
                iv.start_from_publication,
                iv.events,
                iv.conflicts,
                iv.conflict,
            )
        })
        .collect())
}
