import frappe
from frappe.model.document import Document


class CustomerStocktakeResult(Document):
	pass


def on_doctype_update():
	"""Runs are compared customer by customer."""
	frappe.db.add_index("Customer Stocktake Result", ["stocktake", "customer"])
