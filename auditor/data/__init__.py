"""Reference data shipped with the package (official nomenclature, built by scripts/)."""
