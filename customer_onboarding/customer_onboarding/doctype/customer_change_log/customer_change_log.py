from frappe.model.document import Document


class CustomerChangeLog(Document):
	"""One change of a customer's sensitive data, written by change_requests/history.py."""
