from frappe.model.document import Document


class CustomerChangeRequestItem(Document):
	"""A sensitive field, current and proposed: change_requests/requests.py fills and applies it."""
