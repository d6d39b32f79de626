from frappe.model.document import Document


class BusinessRegistryCheck(Document):
	"""A registry's facts for one tax ID: registry/checks.py writes and reads it for form, import, batch."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		checked_on: DF.Datetime
		establishment_date: DF.Data | None
		found: DF.Check
		legal_representative: DF.Data | None
		missing_facts: DF.SmallText | None
		provider: DF.Link
		registered_address: DF.SmallText | None
		registered_capital: DF.Data | None
		registered_name: DF.Data | None
		status: DF.Data | None
		tax_id: DF.Data
	# end: auto-generated types
