from frappe.model.document import Document


class CustomerBulkMerge(Document):
	"""A bulk merge of customers sharing a key; merging/bulk.py runs it."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		failures: DF.SmallText | None
		groups_left: DF.Int
		groups_merged: DF.Int
		match_key: DF.Literal["Tax ID", "Phone", "Email"]
		status: DF.Literal["Draft", "Queued", "Running", "Completed", "Failed"]
	# end: auto-generated types
