import frappe
from frappe.model.document import Document


class CustomerMatchKey(Document):
	"""A customer's normalised tax ID, phone, e-mail or name: match_keys/store.py keeps them on every save."""


def on_doctype_update():
	"""Every comparison looks a key up by its type and value."""
	frappe.db.add_index("Customer Match Key", ["key_type", "key_value"])
