from frappe.model.document import Document


class CustomerChangeLog(Document):
	pass
