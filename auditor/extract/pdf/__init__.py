"""Reading PDF files: opening them safely, each page within bounds, its words, ruling lines
and tables (pdfplumber or camelot), and scanned pages through OCR (Tesseract)."""
