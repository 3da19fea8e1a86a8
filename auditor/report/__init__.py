"""Reports: the typed report of a document (content.py) and its renderers — JSON (the public
interface), HTML, CSV/XLSX, annotated PDF — each in the language asked for; the index of many."""
