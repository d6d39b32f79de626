from frappe.model.document import Document


class BusinessRegistryCheck(Document):
	pass
