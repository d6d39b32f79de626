from frappe.model.document import Document


class CustomerChangeRequestItem(Document):
	pass
