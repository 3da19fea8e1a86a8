"""Option schemas of check types (yamllint's CONF, made explicit).

A check type declares ``PARAMS: dict[str, Param]``; the loader validates a rule's
``params`` against it and refuses unknown keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

_MISSING = object()


@dataclass(frozen=True)
class Param:
    kind: type  # int, float, str, bool or list
    default: Any = _MISSING
    item: type | None = None  # element type of a list
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None
    doc: str = ""
    check: Callable[[Any], None] | None = None  # extra validation; raises ValueError

    @property
    def required(self) -> bool:
        return self.default is _MISSING

    def validate(self, name: str, value: Any) -> Any:
        """Return the value if valid, else raise ValueError naming the problem."""
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise ValueError(f"'{name}' must be {self.kind.__name__}, got {type(value).__name__}")
        value = cast(Any, value)  # checked against self.kind above; not narrowed to object
        if self.kind is list:
            for v in value:
                if self.item is not None and not isinstance(v, self.item):
                    raise ValueError(f"items of '{name}' must be {self.item.__name__}")
                if self.choices is not None and v not in self.choices:
                    raise ValueError(f"'{v}' in '{name}' is not one of {list(self.choices)}")
        elif self.choices is not None and value not in self.choices:
            raise ValueError(f"'{name}' must be one of {list(self.choices)}, got {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"'{name}' must be >= {self.minimum}")
        if self.check is not None:
            try:
                self.check(value)
            except ValueError as exc:
                raise ValueError(f"'{name}': {exc}") from None
            except (TypeError, KeyError, AttributeError, RecursionError, OverflowError) as exc:
                # A shape the check did not foresee (a list where a name belongs, a regex
                # nested thousands deep) is a bad value too, not a crash.
                raise ValueError(f"'{name}' is not valid ({type(exc).__name__})") from None
        return value


def resolve(schema: dict[str, Param], given: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(given, dict):
        raise ValueError(f"parameters must be a mapping of name: value, not {type(given).__name__}")
    # Names are compared as text: a number among them (params: {1: a}) is just unknown.
    unknown = sorted((str(k) for k in set(given) - set(schema)), key=str)
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; allowed: {sorted(schema)}")
    out: dict[str, Any] = {}
    for name, param in schema.items():
        if name in given:
            out[name] = param.validate(name, given[name])
        elif param.required:
            raise ValueError(f"missing required parameter '{name}'")
        else:
            out[name] = param.default
    return out
