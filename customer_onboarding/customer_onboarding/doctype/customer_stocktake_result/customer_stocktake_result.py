import frappe
from frappe.model.document import Document


class CustomerStocktakeResult(Document):
	"""One customer's result in a stocktake: stocktake/run.py writes them in bulk."""


def on_doctype_update():
	"""Runs are compared customer by customer."""
	frappe.db.add_index("Customer Stocktake Result", ["stocktake", "customer"])
