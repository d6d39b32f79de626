import frappe
from frappe import _
from frappe.model.document import Document


class CustomerImport(Document):
	"""Its own check is here; the dry run and the import live in importing/importer.py, run in the background."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		change_requested: DF.Int
		check_registry: DF.Check
		client_token: DF.Data | None
		created: DF.Int
		error_report: DF.Attach | None
		failed: DF.Int
		import_file: DF.Attach
		keep_legacy_codes: DF.Check
		mapping: DF.Link | None
		problems_json: DF.LongText | None
		shares: DF.Int
		skipped: DF.Int
		status: DF.Literal[
			"Draft", "Validated", "Invalid", "Queued", "Running", "Completed", "Partially Completed", "Failed"
		]
		submit_for_review: DF.Check
		total_rows: DF.Int
		update_existing: DF.Check
		updated: DF.Int
	# end: auto-generated types

	def validate(self):
		changed = self.has_value_changed("import_file") or self.has_value_changed("mapping")
		if not self.is_new() and changed and self.status not in ("Draft", "Validated", "Invalid"):
			frappe.throw(
				_("The file or mapping of an import that has started cannot be replaced; create a new import")
			)
		if changed:
			self.status = "Draft"
