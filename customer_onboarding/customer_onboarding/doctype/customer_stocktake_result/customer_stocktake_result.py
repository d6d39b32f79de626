import frappe
from frappe.model.document import Document


class CustomerStocktakeResult(Document):
	"""One customer's result in a stocktake: stocktake/run.py writes them in bulk."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		customer: DF.Link
		frequency: DF.Int
		last_purchase_date: DF.Date | None
		monetary: DF.Currency
		problems: DF.SmallText | None
		quality_score: DF.Int
		recency_days: DF.Int
		rfm_score: DF.Data | None
		stocktake: DF.Link
		tenure_days: DF.Int
		tier: DF.Data | None
	# end: auto-generated types


def on_doctype_update():
	"""Runs are compared customer by customer."""
	frappe.db.add_index("Customer Stocktake Result", ["stocktake", "customer"])
