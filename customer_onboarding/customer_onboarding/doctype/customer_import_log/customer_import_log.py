from frappe.model.document import Document


class CustomerImportLog(Document):
	pass
