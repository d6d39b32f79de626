from frappe.model.document import Document


class CustomerMerge(Document):
	"""A merge of duplicate customers, written by merging/merge.py."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from customer_onboarding.customer_onboarding.doctype.customer_merge_customer.customer_merge_customer import (
			CustomerMergeCustomer,
		)

		change_request: DF.Link | None
		chosen_values: DF.Code | None
		customers: DF.Table[CustomerMergeCustomer]
		merged_by: DF.Link | None
		merged_on: DF.Datetime | None
		survivor: DF.Link
	# end: auto-generated types
