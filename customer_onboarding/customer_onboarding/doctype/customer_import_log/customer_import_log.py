from frappe.model.document import Document


class CustomerImportLog(Document):
	"""One imported row, written by importing/importer.py: Start Import resumes after the last."""
