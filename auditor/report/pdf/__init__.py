"""The annotated PDF: the author's own pages with every finding marked on them.

Each finding is numbered by its 1-based position in ``report["findings"]``; the
HTML, CSV and XLSX reports list findings in that same order, so "12" means the
same finding everywhere. On its page a finding's cell is outlined in the
severity's colour and a numbered badge is drawn into the page content (so every
viewer and printer shows it); a sticky note on the badge holds the full text.
Notes pages appended at the end list every finding, also those with no place
on a page.
"""
