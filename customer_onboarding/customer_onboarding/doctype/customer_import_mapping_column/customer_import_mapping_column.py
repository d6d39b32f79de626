from frappe.model.document import Document


class CustomerImportMappingColumn(Document):
	pass
