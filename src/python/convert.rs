//! Arrow tables handed to Python through the Arrow PyCapsule interface (no copy).

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// One Arrow table; `polars.DataFrame(table)` takes it without copying.
#[pyclass(module = "warclaims._warclaims", name = "ArrowTable")]
pub struct ArrowTable {
    batch: Option<RecordBatch>,
}

impl ArrowTable {
    pub fn new(batch: RecordBatch) -> Self {
        ArrowTable { batch: Some(batch) }
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
        let batch = self
            .batch
            .take()
            .ok_or_else(|| PyValueError::new_err("this ArrowTable was already consumed"))?;
        let schema = batch.schema();
        let reader = RecordBatchIterator::new(vec![Ok(batch)], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// Number of rows (0 once consumed).
    fn __len__(&self) -> usize {
        self.batch.as_ref().map_or(0, RecordBatch::num_rows)
    }
}
