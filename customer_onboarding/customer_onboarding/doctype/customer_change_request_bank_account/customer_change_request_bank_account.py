from frappe.model.document import Document


class CustomerChangeRequestBankAccount(Document):
	pass
