from frappe.model.document import Document


class CustomerCodeCounter(Document):
	"""The last serial of one code series: coding.py draws the next one inside the customer's transaction."""
