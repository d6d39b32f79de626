from frappe.model.document import Document


class CustomerChangeRequestBankAccount(Document):
	"""A proposed bank account of a change request: change_requests/requests.py fills it and applies it."""
