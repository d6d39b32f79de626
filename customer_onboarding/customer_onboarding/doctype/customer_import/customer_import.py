import frappe
from frappe import _
from frappe.model.document import Document


class CustomerImport(Document):
	"""Its own check is here; the dry run and the import live in importing/importer.py, run in the background."""

	def validate(self):
		if (
			not self.is_new()
			and self.has_value_changed("import_file")
			and self.status not in ("Draft", "Validated", "Invalid")
		):
			frappe.throw(_("The file of an import that has started cannot be replaced; create a new import"))
		if self.has_value_changed("import_file"):
			self.status = "Draft"
