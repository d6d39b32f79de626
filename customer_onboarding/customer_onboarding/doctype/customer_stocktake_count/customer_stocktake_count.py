from frappe.model.document import Document


class CustomerStocktakeCount(Document):
	"""A row of a stocktake's summary: stocktake/run.py writes it."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		customer_filter: DF.Data | None
		customers: DF.Int
		label: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		previous: DF.Int
		section: DF.Literal["Tier", "Data Quality", "Problem", "Tier Move"]
	# end: auto-generated types
