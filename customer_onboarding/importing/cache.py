"""Values a bulk import reads once instead of once per row: trees, code rules and tax ID holders.

Outside an import every lookup goes to the database as usual. Forked import workers inherit the values.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import frappe


@contextmanager
def import_cache(preloaded: dict | None = None) -> Iterator[None]:
	frappe.flags.customer_import_cache = dict(preloaded or {})
	try:
		yield
	finally:
		frappe.flags.customer_import_cache = None


def importing() -> bool:
	return frappe.flags.customer_import_cache is not None


def import_cached(key: tuple, compute: Callable):
	cache = frappe.flags.customer_import_cache
	if cache is None:
		return compute()
	if key not in cache:
		cache[key] = compute()
	return cache[key]
