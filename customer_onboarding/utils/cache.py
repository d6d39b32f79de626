"""Small answers that every save asks for (is a registry provider enabled, which code rules are), kept in the
site's cache until the records behind them change."""

from collections.abc import Callable

import frappe


def cached(key: str, compute: Callable):
	return frappe.cache.get_value(key, generator=compute)


def forget(key: str) -> None:
	"""After the records behind `key` change; again after a rollback, which may take the change back."""
	frappe.cache.delete_value(key)
	frappe.db.after_rollback.add(lambda: frappe.cache.delete_value(key))
