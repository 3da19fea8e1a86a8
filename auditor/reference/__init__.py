"""Reference data a Renja must follow — the RKPD (pagu indikatif, targets, lokasi), the Renstra
PD (yearly targets) and the pagu indikatif per unit — read from spreadsheets (read.py) and
attached to a document as tables of its unit (attach.py), so rules compare them like any table."""
