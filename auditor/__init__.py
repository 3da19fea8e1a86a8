"""renja-audit: consistency auditor for Renja Perangkat Daerah documents.

Pipeline: extract (PDF -> document model) -> rules (model -> findings) -> report.
"""

__version__ = "0.1.0"
