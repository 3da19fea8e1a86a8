"""Batch runs over many PDFs: parallel, resumable, one process per document."""

from auditor.batch.discover import find_documents
from auditor.batch.runner import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "find_documents", "run_batch"]
