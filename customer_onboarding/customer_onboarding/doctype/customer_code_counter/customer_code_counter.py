from frappe.model.document import Document


class CustomerCodeCounter(Document):
	pass
