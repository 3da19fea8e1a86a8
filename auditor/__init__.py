"""renja-audit: consistency auditor for Renja Perangkat Daerah documents.

Pipeline: extract (file -> model) -> rules (model -> findings) -> report; pipeline.py runs
it for one document, isolate.py runs that in a capped child process for every command.
"""

__version__ = "0.1.0"
