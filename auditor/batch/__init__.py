"""Batch runs over many documents: discovery, a resumable result cache, local or Dask
executors (each document in its own capped child, see auditor/isolate.py), progress."""

from auditor.batch.discover import find_documents
from auditor.batch.runner import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "find_documents", "run_batch"]
