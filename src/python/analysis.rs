//! Bindings of [`crate::analysis`]: claim columns in as Arrow batches whose names are coded
//! to integers batch by batch (millions of claims, no Python objects), control events as
//! lists (dates as days since 1970-01-01); the Python layer turns the results into frames.

use super::convert::{read_arrow, ArrowTable};
use super::errors::InputError;
use crate::analysis::groups::{self, GroupInput};
use crate::analysis::timeline::{self, ControlInput, Interval};
use crate::analysis::Interner;
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, ArrowPrimitiveType, BooleanArray, LargeStringArray, PrimitiveArray,
    RecordBatch, StringArray, StringViewArray, UInt32Array,
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

/// A string column as Polars (views) or another Arrow producer (offsets) exports it.
enum Strings<'a> {
    View(&'a StringViewArray),
    Small(&'a StringArray),
    Large(&'a LargeStringArray),
}

impl<'a> Strings<'a> {
    fn of(batch: &'a RecordBatch, name: &str) -> PyResult<Self> {
        let column = batch.column_by_name(name);
        let strings = column.and_then(|c| {
            c.as_string_view_opt()
                .map(Strings::View)
                .or_else(|| c.as_string_opt::<i32>().map(Strings::Small))
                .or_else(|| c.as_string_opt::<i64>().map(Strings::Large))
        });
        strings.ok_or_else(|| {
            InputError::new_err(format!("group_claims: needs a string column {name:?}"))
        })
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Small(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

/// Groups claims. `batches` is an iterable of Arrow tables (objects with
/// `__arrow_c_stream__`, such as Polars DataFrames from `collect_batches`) with string
/// columns `kind`, `actor`, `unit`, `place`, `source`, `outlet`, `article`, Int32 `start`
/// and `end` (days since 1970-01-01, null when undated) and Int64 `low` and `high`. Each
/// table is read, its names coded, and dropped before the next; `expected_rows`, when
/// known, sizes the rows once. Returns two tables: `group_id` per claim (0-based) and
/// `contested` per group.
#[pyfunction]
#[pyo3(signature = (batches, expected_rows=None))]
pub fn group_claims(
    py: Python<'_>,
    batches: &Bound<'_, PyAny>,
    expected_rows: Option<usize>,
) -> PyResult<(ArrowTable, ArrowTable)> {
    let (mut blocks, mut places, mut voices, mut articles) = Default::default();
    let mut rows: Vec<GroupInput> = Vec::with_capacity(expected_rows.unwrap_or(0));
    for table in batches.try_iter()? {
        for batch in read_arrow(&table?)? {
            code_batch(
                &batch,
                [&mut blocks, &mut places, &mut voices, &mut articles],
                &mut rows,
            )?;
        }
    }
    let g = py.detach(|| groups::group(&rows));
    drop(rows);
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

/// Codes one batch's names and appends its rows.
fn code_batch(
    batch: &RecordBatch,
    [blocks, places, voices, articles]: [&mut Interner; 4],
    rows: &mut Vec<GroupInput>,
) -> PyResult<()> {
    let [kind, actor, unit, place, source, outlet, article] = [
        "kind", "actor", "unit", "place", "source", "outlet", "article",
    ]
    .map(|name| Strings::of(batch, name));
    let (kind, actor, unit, place) = (kind?, actor?, unit?, place?);
    let (source, outlet, article) = (source?, outlet?, article?);
    let start = typed::<Int32Type>(batch, "start")?;
    let end = typed::<Int32Type>(batch, "end")?;
    let low = typed::<Int64Type>(batch, "low")?;
    let high = typed::<Int64Type>(batch, "high")?;
    rows.reserve(batch.num_rows());
    for i in 0..batch.num_rows() {
        let article = articles.code_of(&[article.get(i)]);
        let undated = groups::undated_window(article);
        let own_voice = source.get(i).is_none();
        rows.push(GroupInput {
            block: blocks.code_of(&[kind.get(i), actor.get(i), unit.get(i)]),
            place: place.get(i).map(|p| places.code(p)),
            start: if start.is_valid(i) {
                start.value(i)
            } else {
                undated
            },
            end: if end.is_valid(i) {
                end.value(i)
            } else {
                undated
            },
            low: low.is_valid(i).then(|| low.value(i)).into(),
            high: high.is_valid(i).then(|| high.value(i)).into(),
            voice: if own_voice {
                voices.code_of(&[None, outlet.get(i)])
            } else {
                voices.code_of(&[source.get(i)])
            },
            own_voice,
            article,
        });
    }
    Ok(())
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
