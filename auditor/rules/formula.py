"""A small, safe arithmetic language over named table columns.

``realisasi_n2 / target_n2 * 100`` is parsed with Python's ``ast`` and walked with a
whitelist: numbers, column names, + - * / and parentheses. Nothing is ever passed
to ``eval``; anything else (calls, attributes, subscripts, comparisons) is refused.
Length, nesting and size are bounded so that neither the parser nor ``evaluate``
(which recurses) can be made to run out of stack or memory by a rule file.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping

_BINOPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


class FormulaError(ValueError):
    pass


MAX_LENGTH = 500  # characters; real formulas are under 50
MAX_DEPTH = 50  # nested operations: a sum of n terms nests n - 1 deep
MAX_NODES = 100  # numbers, names and operations


def parse_formula(text: str) -> ast.expr:
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"formula is too long ({len(text)} characters, at most {MAX_LENGTH})")
    shown = text if len(text) <= 80 else f"{text[:80]}…"
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError) as exc:  # ValueError: a NUL character on some Pythons
        raise FormulaError(f"cannot parse formula {shown!r}: {getattr(exc, 'msg', exc)}") from None
    except (RecursionError, MemoryError):  # the length bound should keep the parser far from these
        raise FormulaError(f"formula {shown!r} is nested too deeply") from None
    # An explicit stack, not ast.walk + recursion, so depth is measured before anything recurses.
    stack: list[tuple[ast.AST, int]] = [(tree.body, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula {shown!r} is nested too deeply (more than {MAX_DEPTH} levels of operations)")
        if count > MAX_NODES:
            raise FormulaError(
                f"formula {shown!r} has too many terms (more than {MAX_NODES} numbers, names and operators)"
            )
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            try:
                finite = math.isfinite(float(node.value))
            except OverflowError:
                finite = False
            if not finite:
                raise FormulaError(f"formula {shown!r}: number too large")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            stack.append((node.operand, depth + 1))
        elif isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            stack += [(node.left, depth + 1), (node.right, depth + 1)]
        elif not isinstance(node, ast.Name):
            raise FormulaError(f"formula {shown!r} may only use numbers, column names, + - * / and parentheses")
    return tree.body


def names(expr: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}


def evaluate(expr: ast.expr, values: Mapping[str, float]) -> float:
    """Value of ``expr``; raises KeyError for a missing name, ZeroDivisionError as usual."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, int | float):
        return float(expr.value)
    if isinstance(expr, ast.Name):
        return values[expr.id]
    if isinstance(expr, ast.UnaryOp):
        value = evaluate(expr.operand, values)
        return -value if isinstance(expr.op, ast.USub) else value
    if isinstance(expr, ast.BinOp):
        return _BINOPS[type(expr.op)](evaluate(expr.left, values), evaluate(expr.right, values))
    raise FormulaError(f"unsupported expression {ast.dump(expr)}")


def validate_formula(text: str) -> None:
    parse_formula(text)
