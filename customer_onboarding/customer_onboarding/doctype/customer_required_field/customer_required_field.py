from frappe.model.document import Document


class CustomerRequiredField(Document):
	"""A row of the settings' required-field matrix, read through settings.required_matrix."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		customer_type: DF.Literal["Company", "Individual", "Partnership"]
		fieldname: DF.Literal[
			"tax_id",
			"customer_group",
			"territory",
			"registered_address",
			"mobile_no",
			"email_id",
			"customer_category",
			"account_manager",
			"industry",
			"market_segment",
			"website",
			"default_currency",
			"customer_details",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
