from frappe.model.document import Document


class CustomerMergeCustomer(Document):
	"""One customer of a merge and its values before it, written by merging/merge.py."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		customer: DF.Data | None
		customer_values: DF.Code | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		survived: DF.Check
		workflow_state: DF.Data | None
	# end: auto-generated types
