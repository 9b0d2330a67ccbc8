//! Bindings of [`crate::analysis`]: claim columns in as an Arrow table of integer codes
//! (millions of claims, no Python objects), control events as lists (dates as days since
//! 1970-01-01); the Python layer turns the results into frames.

use super::convert::{read_arrow, ArrowTable};
use super::errors::InputError;
use crate::analysis::groups::{self, GroupInput};
use crate::analysis::timeline::{self, ControlInput, Interval};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type, UInt32Type};
use arrow_array::{
    Array, ArrayRef, ArrowPrimitiveType, BooleanArray, PrimitiveArray, RecordBatch, UInt32Array,
};
use arrow_schema::{Field, Schema};
use pyo3::prelude::*;
use std::sync::Arc;

fn same_length(name: &str, n: usize, lens: &[usize]) -> PyResult<()> {
    if lens.iter().any(|&l| l != n) {
        return Err(InputError::new_err(format!(
            "{name}: all columns must have the same length ({n}), got {lens:?}"
        )));
    }
    Ok(())
}

/// The typed column `name` of one batch, or an error naming it and the type it needs.
fn typed<'a, T: ArrowPrimitiveType>(
    batch: &'a RecordBatch,
    name: &str,
) -> PyResult<&'a PrimitiveArray<T>> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_primitive_opt::<T>())
        .ok_or_else(|| {
            InputError::new_err(format!(
                "group_claims: needs a column {name:?} of type {:?}",
                T::DATA_TYPE
            ))
        })
}

/// Groups claims given as an Arrow table of integer codes (`block`, `place`, `voice`,
/// `article` as UInt32; `own_voice` Boolean; `start`, `end` Int32 days; `low`, `high`
/// Int64). Returns two tables: `group_id` per claim (0-based) and `contested` per group.
#[pyfunction]
pub fn group_claims(
    py: Python<'_>,
    table: &Bound<'_, PyAny>,
) -> PyResult<(ArrowTable, ArrowTable)> {
    let batches = read_arrow(table)?;
    let n = batches.iter().map(RecordBatch::num_rows).sum();
    let mut rows = Vec::with_capacity(n);
    for batch in &batches {
        let block = typed::<UInt32Type>(batch, "block")?;
        let place = typed::<UInt32Type>(batch, "place")?;
        let start = typed::<Int32Type>(batch, "start")?;
        let end = typed::<Int32Type>(batch, "end")?;
        let low = typed::<Int64Type>(batch, "low")?;
        let high = typed::<Int64Type>(batch, "high")?;
        let voice = typed::<UInt32Type>(batch, "voice")?;
        let article = typed::<UInt32Type>(batch, "article")?;
        let own_voice = batch
            .column_by_name("own_voice")
            .and_then(|c| c.as_boolean_opt())
            .ok_or_else(|| {
                InputError::new_err("group_claims: needs a Boolean column \"own_voice\"")
            })?;
        let required = [
            (block.null_count(), "block"),
            (start.null_count(), "start"),
            (end.null_count(), "end"),
            (voice.null_count(), "voice"),
            (article.null_count(), "article"),
            (own_voice.null_count(), "own_voice"),
        ];
        if let Some((_, name)) = required.into_iter().find(|(nulls, _)| *nulls > 0) {
            return Err(InputError::new_err(format!(
                "group_claims: column {name:?} has nulls; only place, low and high may"
            )));
        }
        for i in 0..batch.num_rows() {
            rows.push(GroupInput {
                block: block.value(i),
                place: place.is_valid(i).then(|| place.value(i)),
                start: start.value(i),
                end: end.value(i),
                low: low.is_valid(i).then(|| low.value(i)),
                high: high.is_valid(i).then(|| high.value(i)),
                voice: voice.value(i),
                own_voice: own_voice.value(i),
                article: article.value(i),
            });
        }
    }
    drop(batches);
    let g = py.detach(|| groups::group(&rows));
    let table = |name: &str, array: ArrayRef| -> PyResult<ArrowTable> {
        let field = Field::new(name, array.data_type().clone(), false);
        let batch = RecordBatch::try_new(Arc::new(Schema::new(vec![field])), vec![array])
            .map_err(|e| InputError::new_err(e.to_string()))?;
        Ok(ArrowTable::new(batch))
    };
    Ok((
        table("group_id", Arc::new(UInt32Array::from(g.group_of)))?,
        table("contested", Arc::new(BooleanArray::from(g.contested)))?,
    ))
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
