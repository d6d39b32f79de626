"""Helpers for writing many customers at once.

- The bulk memo: while it is switched on (an import), values that every row would read again (trees, code rules,
  tax ID holders) are read once and kept. Switched off, every lookup goes to the database as usual. Each
  share of an import keeps its own.
- Multi-row INSERTs: Frappe's `bulk_insert` builds each statement with the query builder, which costs more than
  the database's own work for tens of thousands of rows.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import frappe

CHUNK = 1_000


@contextmanager
def bulk_memo(preloaded: dict | None = None) -> Iterator[None]:
	frappe.flags.bulk_memo = dict(preloaded or {})
	try:
		yield
	finally:
		frappe.flags.bulk_memo = None


def bulk_memo_on() -> bool:
	return frappe.flags.bulk_memo is not None


def memoised(key: tuple, compute: Callable):
	memo = frappe.flags.bulk_memo
	if memo is None:
		return compute()
	if key not in memo:
		memo[key] = compute()
	return memo[key]


def insert_rows(doctype: str, fields: list[str], rows: list[tuple]) -> None:
	columns = ", ".join(f"`{field}`" for field in fields)
	row_placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
	for start in range(0, len(rows), CHUNK):
		chunk = rows[start : start + CHUNK]
		values = ", ".join([row_placeholders] * len(chunk))
		frappe.db.sql(
			f"insert into `tab{doctype}` ({columns}) values {values}",
			[value for row in chunk for value in row],
		)
