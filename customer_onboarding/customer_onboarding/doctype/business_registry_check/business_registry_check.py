from frappe.model.document import Document


class BusinessRegistryCheck(Document):
	"""A registry's facts for one tax ID: registry/checks.py writes and reads it for form, import, batch."""
