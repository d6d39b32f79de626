import frappe
from frappe.model.document import Document


class CustomerMatchKey(Document):
	"""A customer's normalised tax ID, phone, e-mail or name: match_keys/store.py keeps them on every save."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		customer: DF.Link
		key_type: DF.Literal["tax_id", "phone", "email", "name"]
		key_value: DF.Data
	# end: auto-generated types


def on_doctype_update():
	"""Every comparison looks a key up by its type and value."""
	frappe.db.add_index("Customer Match Key", ["key_type", "key_value"])
