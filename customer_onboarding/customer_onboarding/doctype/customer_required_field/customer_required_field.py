from frappe.model.document import Document


class CustomerRequiredField(Document):
	pass
