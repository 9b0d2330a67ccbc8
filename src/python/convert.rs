//! Arrow tables handed to Python through the Arrow PyCapsule interface (no copy).

use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::SchemaRef;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// One Arrow table (one or more record batches); `polars.DataFrame(table)` takes it
/// without copying.
#[pyclass(module = "warclaims._warclaims", name = "ArrowTable")]
pub struct ArrowTable {
    schema: SchemaRef,
    batches: Option<Vec<RecordBatch>>,
}

impl ArrowTable {
    pub fn new(batch: RecordBatch) -> Self {
        ArrowTable {
            schema: batch.schema(),
            batches: Some(vec![batch]),
        }
    }

    /// A table of several batches of one schema (at least one batch).
    pub fn from_batches(batches: Vec<RecordBatch>) -> PyResult<Self> {
        let schema = batches
            .first()
            .ok_or_else(|| PyValueError::new_err("a table needs at least one batch"))?
            .schema();
        Ok(ArrowTable {
            schema,
            batches: Some(batches),
        })
    }
}

#[pymethods]
impl ArrowTable {
    /// Exports the table as an Arrow C stream (it can be consumed once).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &mut self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches = self
            .batches
            .take()
            .ok_or_else(|| PyValueError::new_err("this ArrowTable was already consumed"))?;
        let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// Number of rows (0 once consumed).
    fn __len__(&self) -> usize {
        self.batches
            .as_ref()
            .map_or(0, |b| b.iter().map(RecordBatch::num_rows).sum())
    }
}

/// Reads any object with `__arrow_c_stream__` (a Polars DataFrame, a pyarrow Table) into
/// record batches, without copying the buffers.
pub fn read_arrow(obj: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    let capsule = obj
        .call_method1("__arrow_c_stream__", (obj.py().None(),))
        .map_err(|e| {
            PyValueError::new_err(format!(
                "expected a table with __arrow_c_stream__ (a polars DataFrame): {e}"
            ))
        })?;
    let capsule = capsule.cast::<PyCapsule>()?;
    let pointer = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
    // SAFETY: the capsule holds an FFI_ArrowArrayStream (its name says so); `from_raw`
    // moves the stream out and leaves a released one behind, which the capsule's
    // destructor then frees without touching the data.
    let reader = unsafe {
        RecordBatchStreamReader::from_raw(pointer.as_ptr().cast::<FFI_ArrowArrayStream>())
    }
    .map_err(|e| PyValueError::new_err(format!("not a readable Arrow stream: {e}")))?;
    reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| PyValueError::new_err(format!("Arrow stream failed: {e}")))
}
