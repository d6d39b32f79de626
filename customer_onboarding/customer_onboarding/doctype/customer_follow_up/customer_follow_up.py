from frappe.model.document import Document


class CustomerFollowUp(Document):
	"""A customer's follow-up: follow_ups.py protects saved ones and sets the next date on save."""
