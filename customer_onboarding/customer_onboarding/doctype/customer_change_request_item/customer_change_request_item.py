from frappe.model.document import Document


class CustomerChangeRequestItem(Document):
	"""A sensitive field, current and proposed: change_requests/requests.py fills and applies it."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		changed: DF.Check
		current_value: DF.SmallText | None
		fieldname: DF.Data | None
		label: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		proposed_value: DF.SmallText | None
	# end: auto-generated types
