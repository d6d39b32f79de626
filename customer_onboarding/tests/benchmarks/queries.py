"""The queries one Customer save or insert sends to the database, recorded by wrapping `frappe.db.sql`, through
which Frappe's own reads and writes and `frappe.qb` all pass."""

import re
from collections.abc import Iterator
from contextlib import contextmanager

import frappe

LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\b\d+(?:\.\d+)?\b")


@contextmanager
def recorded_queries() -> Iterator[list[str]]:
	"""Each query run inside the block, its values replaced by `?` so that two saves compare."""
	queries: list[str] = []
	sql = frappe.db.sql

	def recording(query, values=(), *args, **kwargs):
		result = sql(query, values, *args, **kwargs)
		queries.append(shape(str(frappe.db.last_query or query)))
		return result

	frappe.db.sql = recording
	try:
		yield queries
	finally:
		frappe.db.sql = sql


def shape(query: str) -> str:
	return " ".join(LITERALS.sub("?", query).split())


def save_and_insert_queries(names: list[str], rows: list[dict], prefix: str) -> dict[str, list[str]]:
	"""The queries of a save of an existing customer (a new mobile number, and an address where it had none) and of an insert (from `rows`), each
	the second of two, so that the first fills the caches. Rolled back."""
	found = {}
	for step, name in enumerate(names):
		doc = frappe.get_doc("Customer", name)
		doc.mobile_no = f"+86137{step:08d}"
		doc.registered_address = doc.get("registered_address") or "上海市示例路1号"
		with recorded_queries() as queries:
			doc.save()
		found["save"] = queries
	for row in rows:
		doc = frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": f"{prefix} {row['customer_name']}",
				"customer_type": "Company",
				"customer_group": "All Customer Groups",
				"territory": "All Territories",
				"tax_id": row["tax_id"],
				"registered_address": row["registered_address"],
			}
		)
		with recorded_queries() as queries:
			doc.insert()
		found["insert"] = queries
	frappe.db.rollback()
	return found
