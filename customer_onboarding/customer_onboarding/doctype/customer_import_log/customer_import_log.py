from frappe.model.document import Document


class CustomerImportLog(Document):
	"""One imported row, written by importing/importer.py: Start Import resumes after the last."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		customer: DF.Link | None
		customer_import: DF.Link
		message: DF.SmallText | None
		outcome: DF.Literal["Created", "Updated", "Change Requested", "Skipped", "Failed"]
		row: DF.Int
	# end: auto-generated types
