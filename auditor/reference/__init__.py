"""Reference data a Renja must follow (RKPD, Renstra PD, pagu indikatif): spreadsheets read
(read.py) and a document's unit attached as tables the rules compare like any other (attach.py)."""
