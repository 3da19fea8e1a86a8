"""Check types. Each module here defines ID, PARAMS, FIELDS and ``check()``.

Adding a check type is adding a module; the runner never changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def registry() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        check_id = getattr(module, "ID", None)
        if check_id:
            found[check_id] = module
    return found
