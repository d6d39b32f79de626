"""Writing many rows at once with parameterised multi-row INSERTs: Frappe's `bulk_insert` builds each statement
with the query builder, which costs more than the database's own work for tens of thousands of rows."""

import frappe

CHUNK = 1_000


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
