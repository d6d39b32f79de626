from frappe.model.document import Document


class CustomerCodeCounter(Document):
	"""The last serial of one code series: coding.py draws the next one inside the customer's transaction."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		current: DF.Int
		series_key: DF.Data
	# end: auto-generated types
