"""Tests against hostile input. A package, so that a conftest.py here never replaces
tests/conftest.py as the module `conftest` the tests import from."""
