from frappe.model.document import Document


class CustomerFollowUp(Document):
	pass
