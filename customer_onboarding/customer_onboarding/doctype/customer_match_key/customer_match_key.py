import frappe
from frappe.model.document import Document


class CustomerMatchKey(Document):
	pass


def on_doctype_update():
	"""Every comparison looks a key up by its type and value."""
	frappe.db.add_index("Customer Match Key", ["key_type", "key_value"])
