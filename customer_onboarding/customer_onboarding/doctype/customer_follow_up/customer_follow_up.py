from frappe.model.document import Document


class CustomerFollowUp(Document):
	"""A customer's follow-up: follow_ups.py protects saved ones and sets the next date on save."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal["Phone", "Visit", "Email", "WeChat", "Meeting", "Other"]
		contact: DF.Link | None
		follow_up_on: DF.Datetime
		next_follow_up_date: DF.Date | None
		next_step: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		recorded_by: DF.Link | None
		result: DF.SmallText | None
		summary: DF.SmallText
	# end: auto-generated types
