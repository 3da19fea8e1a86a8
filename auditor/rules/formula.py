"""A small, safe arithmetic language over named table columns.

``realisasi_n2 / target_n2 * 100`` is parsed with Python's ``ast`` and walked with a
whitelist: numbers, column names, + - * / and parentheses. Nothing is ever passed
to ``eval``; anything else (calls, attributes, subscripts, comparisons) is refused.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

_BINOPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}


class FormulaError(ValueError):
    pass


def parse_formula(text: str) -> ast.expr:
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"cannot parse formula {text!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Load, ast.USub, ast.UAdd, *_BINOPS)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            continue
        if not isinstance(node, allowed):
            raise FormulaError(f"formula {text!r} may only use numbers, column names, + - * / and parentheses")
    return tree.body


def names(expr: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}


def evaluate(expr: ast.expr, values: Mapping[str, float]) -> float:
    """Value of ``expr``; raises KeyError for a missing name, ZeroDivisionError as usual."""
    if isinstance(expr, ast.Constant):
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
