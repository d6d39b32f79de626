from frappe.model.document import Document


class CustomerRecode(Document):
	"""A re-coding of chosen customers; recoding.py runs it."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		code_equals_name: DF.Check
		customer_group: DF.Link | None
		customers_left: DF.Int
		customers_recoded: DF.Int
		failures: DF.SmallText | None
		status: DF.Literal["Draft", "Queued", "Running", "Completed", "Failed"]
		territory: DF.Link | None
	# end: auto-generated types
