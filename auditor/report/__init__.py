"""Reports: a document's findings rendered as JSON (the public interface), HTML, CSV/XLSX and
the annotated PDF, and the index of many documents; Word documents get their places named."""
