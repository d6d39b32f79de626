from frappe.model.document import Document


class CustomerChangeLog(Document):
	"""One change of a customer's sensitive data, written by change_requests/history.py."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		approved_by: DF.Link | None
		change_request: DF.Link | None
		changed_on: DF.Datetime | None
		customer: DF.Link
		fieldname: DF.Data | None
		label: DF.Data | None
		new_value: DF.SmallText | None
		old_value: DF.SmallText | None
		requested_by: DF.Link | None
		requested_on: DF.Datetime | None
		source: DF.Literal["Change Request", "Direct Edit", "Import"]
	# end: auto-generated types
