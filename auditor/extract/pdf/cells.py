"""pdfplumber's table finder with its cell search indexed, to the same tables.

``TableFinder`` finds each cell by scanning every later intersection for the ones in the
same column and row, and compares edges as freshly built sets each time: quadratic in a
page's intersections, 10 % of reading a ruled page. ``CellFinder`` keeps its edges,
intersections and table grouping, and searches cells the same way from indexes (the
intersections below and to the right of each one, the edge boxes at each intersection).
tests/test_cells.py checks the tables of every sample page against pdfplumber's.
"""

from __future__ import annotations

from typing import Any

from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

Point = tuple[float, float]
Box = tuple[float, float, float, float]


class CellFinder(TableFinder):
    def __init__(self, page: Any, settings: dict[str, Any]) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance
        )
        self.cells = find_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def find_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Box]:
    """pdfplumber's intersections_to_cells: for each intersection in sorted order, the
    smallest cell it is the top-left corner of, trying the points below it nearest first and
    the points right of it nearest first."""
    points = sorted(intersections)
    edge_boxes = {
        p: {k: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges} for k, edges in sides.items()}
        for p, sides in intersections.items()
    }
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for p in points:  # sorted: each column top to bottom, each row left to right
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    place_in_column = {p: i for ps in column.values() for i, p in enumerate(ps)}
    place_in_row = {p: i for ps in row.values() for i, p in enumerate(ps)}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not edge_boxes[p1]["v"].isdisjoint(edge_boxes[p2]["v"]):
            return True
        return p1[1] == p2[1] and not edge_boxes[p1]["h"].isdisjoint(edge_boxes[p2]["h"])

    cells: list[Box] = []
    for pt in points[:-1]:
        below = column[pt[0]][place_in_column[pt] + 1 :]
        right = row[pt[1]][place_in_row[pt] + 1 :]
        cell = _smallest(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt: Point, below: list[Point], right: list[Point], intersections: Any, connects: Any) -> Box | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
